//! Inline markdown left in scraped text: emphasis markers, links and autolinks become plain text.
//!
//! Pages copied through a markdown converter keep `**bold**`, `_italics_`, `[text](url)` and
//! `<https://…>`. The reader shows prose, so the markers go; the words stay.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)").expect("valid regex"));
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<((?:https?|mailto):[^>\s]+)>").expect("valid regex"));
static STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__)(\S(?:[^*_\n]*?\S)?)(\*\*|__)").expect("valid regex"));
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(\[“‘\x22])([*_])([^\s*_](?:[^*_\n]*?[^\s*_])?)([*_])([\s)\].,;:!?”’\x22]|$)")
        .expect("valid regex")
});

/// Removes inline markdown from one line of text.
///
/// Every line of every text article passes here and most carry no markup, so each pattern
/// runs only when a byte it needs is present (memchr scans, no allocation on plain lines), and
/// a line that no rule changes comes back borrowed.
pub fn strip_inline(line: &str) -> Cow<'_, str> {
    let has = |s: &str, b: u8| memchr::memchr(b, s.as_bytes()).is_some();
    let emphasis = |s: &str| memchr::memchr2(b'*', b'_', s.as_bytes()).is_some();
    if !emphasis(line) && memchr::memchr3(b'[', b'<', b'\\', line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut s = Cow::Borrowed(line);
    if has(&s, b'[') {
        s = owned_if_changed(s, |t| LINK.replace_all(t, "$1"));
    }
    if has(&s, b'<') {
        s = owned_if_changed(s, |t| AUTOLINK.replace_all(t, "$1"));
    }
    if emphasis(&s) {
        s = owned_if_changed(s, |t| {
            STRONG.replace_all(
                t,
                |c: &regex::Captures<'_>| {
                    if c[1] == c[3] { c[2].to_string() } else { c[0].to_string() }
                },
            )
        });
    }
    if emphasis(&s) {
        s = owned_if_changed(s, |t| {
            EMPHASIS.replace_all(t, |c: &regex::Captures<'_>| {
                if c[2] == c[4] { format!("{}{}{}", &c[1], &c[3], &c[5]) } else { c[0].to_string() }
            })
        });
    }
    if has(&s, b'\\') {
        s = Cow::Owned(unescape(&s));
    }
    s
}

/// Applies one rewrite, keeping the borrow when the rewrite found nothing to change.
fn owned_if_changed<'a>(s: Cow<'a, str>, f: impl FnOnce(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    let changed = match f(&s) {
        Cow::Borrowed(_) => None,
        Cow::Owned(t) => Some(t),
    };
    match changed {
        Some(t) => Cow::Owned(t),
        None => s,
    }
}

/// `\*` → `*`, for the markdown escapes of punctuation.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && n.is_ascii_punctuation()
        {
            out.push(n);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// The text of a markdown ATX heading, `## Text`.
pub fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some(text)
}

/// A line that ends with a bold credit, `… in Seoul on Wednesday. **Lee Jin-man**`: the
/// markdown form of a photo caption.
pub fn ends_with_bold_credit(line: &str) -> bool {
    static CREDIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\S.*\s\*\*[^*\n]{2,60}\*\*\s*$").expect("valid regex"));
    let line = line.trim_end();
    line.ends_with("**") && CREDIT.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_markers_go_words_stay() {
        assert_eq!(strip_inline("in Seoul on Wednesday. **Lee Jin-man**"), "in Seoul on Wednesday. Lee Jin-man");
        assert_eq!(strip_inline("a *very* big __deal__ and _this_"), "a very big deal and this");
        assert_eq!(strip_inline("snake_case_name stays"), "snake_case_name stays");
        assert_eq!(strip_inline("2 * 3 * 4"), "2 * 3 * 4");
        assert_eq!(strip_inline("an escaped \\*star\\*"), "an escaped *star*");
    }

    #[test]
    fn links_become_their_text() {
        assert_eq!(strip_inline("see [the report](https://ex.com/a_(b)) now"), "see the report now");
        assert_eq!(
            strip_inline("<https://www.themoscowtimes.com/2011/06/29/x-a79>"),
            "https://www.themoscowtimes.com/2011/06/29/x-a79"
        );
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading("# North Korea, Russia Abandon Plans for Kim Meeting"),
            Some("North Korea, Russia Abandon Plans for Kim Meeting")
        );
        assert_eq!(heading("## Background ##"), Some("Background"));
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("#"), None);
    }

    #[test]
    fn bold_credit_captions() {
        assert!(ends_with_bold_credit("Protesters rallying in Seoul on Wednesday. **Lee Jin-man**"));
        assert!(!ends_with_bold_credit("**Lee Jin-man**"));
        assert!(!ends_with_bold_credit("A **bold** claim in the middle of a sentence."));
    }
}
