//! Display width: measuring, truncating and padding text by terminal columns, not bytes or
//! characters. Hangul and CJK take two columns; truncation never splits a grapheme cluster or a
//! wide character, and marks the cut with `…`.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
    fn fit_pads_to_exact_width() {
        assert_eq!(fit("RT", 5), "RT   ");
        assert_eq!(width(&fit("신혜인 기자", 6)), 6);
        assert_eq!(fit("The Korea Herald", 10), "The Korea…");
    }
}
