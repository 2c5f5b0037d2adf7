//! Turning raw bytes from a scraped file into safe, normalised text, and splitting text into words.
//!
//! Everything newsdesk shows passes through [`sanitize`] on the way into the model, so article
//! text is data and never terminal commands: C0/C1 controls and escape sequences become visible
//! control pictures, bidi overrides are dropped, tabs expand to spaces.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Tab stops for expanded tabs, in columns.
pub const TAB_WIDTH: usize = 4;

/// What [`decode`] noticed about the bytes of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeIssue {
    /// Bytes that are not UTF-8, first seen at this byte offset and line; replaced with U+FFFD.
    InvalidUtf8 { offset: usize, line: u32 },
}

/// Decodes file bytes into normalised text: strips a BOM, replaces invalid UTF-8 (reporting
/// where), turns CRLF and CR into LF, and [`sanitize`]s every line.
pub fn decode(bytes: &[u8]) -> (String, Option<DecodeIssue>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, issue) = match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = super::diag::line_of_bytes(bytes, offset);
            (String::from_utf8_lossy(bytes), Some(DecodeIssue::InvalidUtf8 { offset, line }))
        }
    };
    (normalize(&text), issue)
}

/// Normalises line endings to LF and sanitises each line (see [`sanitize`]).
pub fn normalize(text: &str) -> String {
    // Nearly every scraped page is clean: no CR, no controls, no bidi marks. Check the bytes
    // once and copy, instead of rebuilding line by line.
    if is_clean(text.as_bytes()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let (line, next) = match rest.find(['\n', '\r']) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], Some(&rest[i + skip..]))
            }
            None => (rest, None),
        };
        out.push_str(&sanitize(line));
        match next {
            Some(n) => {
                out.push('\n');
                rest = n;
            }
            None => break,
        }
    }
    out
}

/// True when no byte sequence needs [`sanitize`]: no C0 control but LF, no DEL, and none of the
/// UTF-8 encodings of C1 controls (C2 80..9F), bidi controls (E2 80 8E/8F/AA..AE, E2 81
/// A6..A9) or the Arabic letter mark (D8 9C).
fn is_clean(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {}
            c if c < 0x20 || c == 0x7f => return false,
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => return false,
            0xd8 if b.get(i + 1) == Some(&0x9c) => return false,
            0xe2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => return false,
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    true
}

/// Makes one line of text safe and plain for a terminal.
///
/// - C0 controls (ESC, BEL, NUL, …) become their visible Unicode control pictures (`␛`, `␇`),
///   so an escape sequence in a scraped page shows as `␛]0;title␇` instead of retitling the
///   window; DEL becomes `␡`; C1 controls (U+0080–U+009F) become `�`.
/// - Bidi embeddings, overrides and isolates, and the implicit direction marks, are removed:
///   they can reorder what the terminal shows and hide text.
/// - Tabs expand to spaces at [`TAB_WIDTH`] stops, measured in display columns.
/// - Newlines are left alone (callers split lines first).
pub fn sanitize(line: &str) -> Cow<'_, str> {
    if !line.chars().any(needs_attention) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0usize;
    for c in line.chars() {
        match c {
            '\t' => {
                let pad = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                col += pad;
                continue;
            }
            '\n' => {
                out.push('\n');
                col = 0;
                continue;
            }
            c if is_bidi_control(c) => continue,
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => {
                // U+2400 + code is the control picture for every C0 control.
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            c if (0x80..=0x9f).contains(&(c as u32)) => out.push('\u{fffd}'),
            c => out.push(c),
        }
        col += out.chars().last().and_then(|c| c.width()).unwrap_or(0);
    }
    Cow::Owned(out)
}

fn needs_attention(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7f..=0x9f).contains(&u) || is_bidi_control(c)
}

/// Bidi formatting characters that can reorder or hide text on a terminal.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Words for search: maximal runs of alphanumeric characters, lower-cased.
///
/// `Kim’s` gives `kim` and `s`; `Jong-un` gives `jong` and `un`; Hangul runs are words too.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator of [`words`]: ASCII is classified by byte, other characters decoded.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    /// Whether the character at `i` is alphanumeric, and its length in bytes.
    fn at(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = self.text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        while self.pos < len {
            let (alnum, n) = self.at(self.pos);
            if alnum {
                break;
            }
            self.pos += n;
        }
        if self.pos >= len {
            return None;
        }
        let start = self.pos;
        while self.pos < len {
            let (alnum, n) = self.at(self.pos);
            if !alnum {
                break;
            }
            self.pos += n;
        }
        Some(&self.text[start..self.pos])
    }
}

/// Lower-cases a word for the search index (ASCII fast path).
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Number of words a reader would count: whitespace-separated tokens that contain a letter or
/// digit.
pub fn word_count(text: &str) -> u32 {
    // Every body is counted once per load: a class table keeps the ASCII path to one lookup.
    const SPACE: u8 = 1;
    const ALNUM: u8 = 2;
    const ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut i = 0;
        while i < 128 {
            let c = i as u8;
            t[i] = if c.is_ascii_whitespace() || c == 0x0b {
                SPACE
            } else if c.is_ascii_alphanumeric() {
                ALNUM
            } else {
                0
            };
            i += 1;
        }
        t
    };
    let (mut count, mut in_word, mut alnum) = (0u32, false, false);
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // ASCII by table; other characters decoded (the rare case in English prose).
        let class = if let Some(&k) = ASCII.get(usize::from(c)) {
            i += 1;
            k
        } else {
            let ch = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            i += ch.len_utf8();
            if ch.is_whitespace() {
                SPACE
            } else if ch.is_alphanumeric() {
                ALNUM
            } else {
                0
            }
        };
        if class == SPACE {
            count += u32::from(in_word && alnum);
            (in_word, alnum) = (false, false);
        } else {
            in_word = true;
            alnum |= class == ALNUM;
        }
    }
    count + u32::from(in_word && alnum)
}

/// A short field given directly (front matter, JSON, newsdesk.toml): sanitised, with runs of
/// whitespace collapsed.
pub fn clean_field(s: &str) -> String {
    squash_spaces(&normalize(s)).into_owned()
}

/// Collapses runs of whitespace to single spaces and trims the ends.
pub fn squash_spaces(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    // Fast path: ASCII-spaced text with single spaces and no other whitespace. Bytes 0xc2,
    // 0xe1..=0xe3 lead every non-ASCII whitespace character (NBSP, em space, ideographic space).
    let mut clean = b.first() != Some(&b' ') && b.last() != Some(&b' ');
    let mut prev_space = false;
    for &c in b {
        if !clean {
            break;
        }
        let space = c == b' ';
        let odd_space = matches!(c, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0xc2 | 0xe1..=0xe3);
        let double_space = space && prev_space;
        clean = !(odd_space || double_space);
        prev_space = space;
    }
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let hostile = "Title\x1b]0;pwned\x07 and \x1b[2J\x1b[H";
        assert_eq!(sanitize(hostile), "Title␛]0;pwned␇ and ␛[2J␛[H");
    }

    #[test]
    fn c1_controls_and_del_are_replaced() {
        assert_eq!(sanitize("a\u{9b}31mb\u{7f}"), "a\u{fffd}31mb\u{2421}");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(sanitize("abc\u{202e}fed\u{202c} \u{2067}x\u{2069}"), "abcfed x");
    }

    #[test]
    fn tabs_expand_to_stops_by_display_width() {
        assert_eq!(sanitize("a\tb"), "a   b");
        assert_eq!(sanitize("\tb"), "    b");
        // 신 is two columns wide: the tab after it fills to column 4.
        assert_eq!(sanitize("신\tx"), "신  x");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Kim Jong-un – 김정은"), Cow::Borrowed(_)));
    }

    #[test]
    fn decode_normalises_line_endings_and_bom() {
        let (text, issue) = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n");
        assert_eq!(text, "one\ntwo\nthree\n");
        assert_eq!(issue, None);
    }

    #[test]
    fn decode_reports_invalid_utf8_with_line() {
        let (text, issue) = decode(b"ok\nbad \xff here\n");
        assert_eq!(text, "ok\nbad \u{fffd} here\n");
        assert_eq!(issue, Some(DecodeIssue::InvalidUtf8 { offset: 7, line: 2 }));
    }

    #[test]
    fn words_split_on_punctuation_and_keep_hangul() {
        let w: Vec<_> = words("Kim’s visit to Vladivostok (신혜인), 2019-04-23").collect();
        assert_eq!(w, ["Kim", "s", "visit", "to", "Vladivostok", "신혜인", "2019", "04", "23"]);
    }

    #[test]
    fn clean_text_is_copied_and_dirty_text_sanitised() {
        assert_eq!(normalize("Kim’s “visit” — 신혜인\nline two"), "Kim’s “visit” — 신혜인\nline two");
        assert_eq!(normalize("a\u{202e}b\r\nc\u{85}"), "ab\nc\u{fffd}");
        assert!(!is_clean("x\u{2067}y".as_bytes()));
        assert!(!is_clean("x\u{200f}y".as_bytes()));
        assert!(!is_clean("x\u{61c}y".as_bytes()));
        assert!(is_clean("x\u{2019}y\u{b7}".as_bytes()));
    }

    #[test]
    fn squash_spaces_handles_unicode_spaces() {
        assert_eq!(squash_spaces("a  b\tc"), "a b c");
        assert_eq!(squash_spaces("sources\u{a0}cited"), "sources cited");
        assert_eq!(squash_spaces(" x "), "x");
        assert!(matches!(squash_spaces("plain text, one space"), Cow::Borrowed(_)));
        assert_eq!(squash_spaces("한국어 텍스트"), "한국어 텍스트");
    }

    #[test]
    fn word_count_ignores_bare_punctuation() {
        assert_eq!(word_count("Kim — the leader — left ."), 4);
    }
}
