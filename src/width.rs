//! Display width: measuring, truncating and padding text by terminal columns, not bytes or
//! characters. Hangul and CJK take two columns; truncation never splits a grapheme cluster or a
//! wide character, and marks the cut with `…`.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `n` and a noun, plural when `n` is not 1: `1 warning`, `3 warnings`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Columns `s` takes on a terminal.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if s.width() <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    Cow::Owned(out)
}

/// `s` truncated to `cols` columns and padded with spaces to exactly `cols`.
pub fn fit(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    let pad = cols.saturating_sub(t.width());
    let mut out = String::with_capacity(t.len() + pad);
    out.push_str(&t);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// `s` wrapped to lines of at most `cols` columns: breaks at spaces, never inside a word unless
/// the word is longer than a line (then by width, never splitting a wide character).
pub fn wrap(s: &str, cols: usize) -> Vec<String> {
    let opts = textwrap::Options::new(cols.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(s, opts).into_iter().map(std::borrow::Cow::into_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("신혜인"), 6);
        assert_eq!(width("Shin Hae-in"), 11);
        assert_eq!(width("Kim’s"), 5);
    }

    #[test]
    fn truncation_marks_the_cut_and_keeps_wide_characters_whole() {
        assert_eq!(truncate("North Korea’s Kim", 30), "North Korea’s Kim");
        assert_eq!(truncate("North Korea’s Kim", 8), "North K…");
        // 신혜인 기자 is 11 columns; 6 columns fit "신혜" (4) + "…" (1), not half of 인.
        assert_eq!(truncate("신혜인 기자", 6), "신혜…");
        assert_eq!(width(&truncate("신혜인 기자", 6)), 5);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        // "e" + COMBINING ACUTE is one grapheme, one column.
        let s = "Cafe\u{301} society";
        assert_eq!(truncate(s, 5), "Cafe\u{301}…");
    }

    #[test]
    fn wrapping_keeps_dates_and_wide_characters_whole() {
        assert_eq!(
            wrap("Euronews · Reuters · 2019-04-23 · Vladimir", 24),
            ["Euronews · Reuters ·", "2019-04-23 · Vladimir"]
        );
        for line in wrap("신혜인 기자가 보도했다 북한 김정은 국무위원장이 러시아를 방문한다", 9)
        {
            assert!(width(&line) <= 9, "{line}");
        }
        // A run with no spaces is split by width, two columns per character.
        let lines = wrap("北朝鮮の金正恩委員長", 6);
        assert!(lines.iter().all(|l| width(l) <= 6), "{lines:?}");
        assert_eq!(lines.concat(), "北朝鮮の金正恩委員長");
    }

    #[test]
    fn fit_pads_to_exact_width() {
        assert_eq!(fit("RT", 5), "RT   ");
        assert_eq!(width(&fit("신혜인 기자", 6)), 6);
        assert_eq!(fit("The Korea Herald", 10), "The Korea…");
    }
}
