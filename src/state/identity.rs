//! Article identity for state: the keys by which a mark finds its article again after the file
//! is moved, renamed, re-cached or re-saved.
//!
//! An article has up to three identity keys (see `docs/state.md`):
//! - `id`: its content id ([`ArticleId`], XXH3 of its bytes): exact, survives moves and renames;
//! - `url`: its canonical URL (scheme, `www.`, fragment, trailing slash and tracking
//!   parameters dropped): survives a re-save of the same page with new bytes;
//! - `story`: outlet, publication day and title, normalised: survives a re-save without a URL.
//!
//! Lookups try them in that order, most exact first.

use crate::corpus::Corpus;
use crate::corpus::article::{Article, ArticleId};

/// The kinds of identity key, as stored in the `identity_key.kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyKind {
    Id,
    Url,
    Story,
}

impl KeyKind {
    pub const ALL: [KeyKind; 3] = [KeyKind::Id, KeyKind::Url, KeyKind::Story];

    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Id => "id",
            KeyKind::Url => "url",
            KeyKind::Story => "story",
        }
    }

    pub fn parse(s: &str) -> Option<KeyKind> {
        KeyKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One article's identity keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    /// The content id as 16 hex digits.
    pub id: Option<String>,
    pub url: Option<String>,
    pub story: Option<String>,
}

impl Identity {
    /// The keys of article `a` of corpus `c`.
    pub fn of(c: &Corpus, a: &Article) -> Identity {
        Identity {
            id: Some(a.id.hex()),
            url: a.url.as_deref().and_then(url_key),
            story: story_key(c.outlet_name(a.outlet), a.published.map(|p| p.date.to_string()).as_deref(), &a.title),
        }
    }

    /// The keys in lookup order, most exact first.
    pub fn keys(&self) -> impl Iterator<Item = (KeyKind, &str)> {
        [(KeyKind::Id, &self.id), (KeyKind::Url, &self.url), (KeyKind::Story, &self.story)]
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_deref()?)))
    }
}

/// Human-readable facts about an article, kept beside its state so people querying the database
/// with `sqlite3` see what an entry is. Never used for matching.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

impl Label {
    pub fn of(c: &Corpus, a: &Article) -> Label {
        Label {
            title: Some(a.title.to_string()),
            outlet: c.outlet_name(a.outlet).map(str::to_string),
            published: a.published.map(|p| p.to_string()),
            url: a.url.as_deref().map(str::to_string),
        }
    }
}

/// Query parameters that only say where a reader came from; dropped from URL keys so a page
/// saved from a newsletter link matches the same page saved from the site.
fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_") || matches!(n.as_str(), "fbclid" | "gclid" | "mc_cid" | "mc_eid" | "ocid" | "cmpid")
}

/// The canonical form of a URL for matching: `host/path?query`, with the scheme, `www.`, a
/// default port, the fragment, a trailing slash and tracking parameters dropped, and the host
/// lower-cased (the path keeps its case: servers may distinguish it). None when there is no
/// host.
pub fn url_key(raw: &str) -> Option<String> {
    let s = raw.trim();
    let rest = ["https://", "http://", "//"].into_iter().find_map(|p| strip_prefix_ignore_case(s, p)).unwrap_or(s);
    let rest = rest.split('#').next().unwrap_or("");
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    let host = host.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_suffix(":80").or_else(|| host.strip_suffix(":443")).unwrap_or(&host);
    let host = host.strip_prefix("www.").unwrap_or(host).trim_end_matches('.');
    if host.is_empty() || host.contains(char::is_whitespace) || !host.contains('.') {
        return None;
    }
    let (path, query) = match tail.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (tail, None),
    };
    let path = path.trim_end_matches('/');
    let query: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !is_tracking_param(p.split('=').next().unwrap_or("")))
        .collect();
    let mut key = format!("{host}{path}");
    if !query.is_empty() {
        key.push('?');
        key.push_str(&query.join("&"));
    }
    Some(key)
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) { s.get(prefix.len()..) } else { None }
}

/// `outlet|YYYY-MM-DD|title words`: lower-case, punctuation dropped, runs of spaces folded, so
/// "Kim, Putin meet" and "Kim Putin Meet" match. None unless all three are known.
pub fn story_key(outlet: Option<&str>, day: Option<&str>, title: &str) -> Option<String> {
    // Apostrophes join ("Korea's" is one word, typed straight or curly); other punctuation
    // separates.
    let words = |s: &str| -> String {
        let s: String = s.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ')).collect();
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
    };
    let (outlet, day, title) = (words(outlet?), day?.trim(), words(title));
    if outlet.is_empty() || day.is_empty() || title.is_empty() {
        return None;
    }
    Some(format!("{outlet}|{day}|{title}"))
}

/// A content id from its 16 hex digits, as export files write it.
pub fn parse_id(s: &str) -> Option<ArticleId> {
    (s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u64::from_str_radix(s, 16).ok().map(ArticleId))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keys_ignore_what_a_resave_changes() {
        let k = url_key("https://www.Example.com/world/2019/04/kim-putin/?utm_source=nl&id=7#comments");
        assert_eq!(k.as_deref(), Some("example.com/world/2019/04/kim-putin?id=7"));
        assert_eq!(url_key("http://example.com:80/world/2019/04/kim-putin?id=7"), k);
        assert_eq!(url_key("//example.com/a/"), Some("example.com/a".into()));
        assert_eq!(url_key("example.com/a?utm_medium=x&fbclid=1"), Some("example.com/a".into()));
    }

    #[test]
    fn url_keys_keep_what_names_another_page() {
        assert_ne!(url_key("https://example.com/A"), url_key("https://example.com/a"));
        assert_ne!(url_key("https://example.com/a?id=1"), url_key("https://example.com/a?id=2"));
        assert_eq!(url_key("not a url"), None);
        assert_eq!(url_key(""), None);
        assert_eq!(url_key("https:///path"), None);
    }

    #[test]
    fn story_keys_fold_case_and_punctuation() {
        let a = story_key(Some("The Korea Herald"), Some("2019-04-25"), "Kim, Putin meet in Vladivostok");
        assert_eq!(a.as_deref(), Some("the korea herald|2019-04-25|kim putin meet in vladivostok"));
        assert_eq!(story_key(Some("the korea herald"), Some("2019-04-25"), "  Kim Putin meet in “Vladivostok”"), a);
        assert_eq!(
            story_key(Some("RT"), Some("2019-04-25"), "Korea’s Kim"),
            story_key(Some("RT"), Some("2019-04-25"), "Korea's kim")
        );
        assert_eq!(story_key(Some("RT"), Some("2019-04-25"), "Korea's"), Some("rt|2019-04-25|koreas".into()));
        assert_eq!(story_key(None, Some("2019-04-25"), "Kim"), None);
        assert_eq!(story_key(Some("RT"), None, "Kim"), None);
        assert_eq!(story_key(Some("RT"), Some("2019-04-25"), " … "), None);
        assert_eq!(
            story_key(Some("연합뉴스"), Some("2019-04-25"), "김정은 푸틴"),
            Some("연합뉴스|2019-04-25|김정은 푸틴".into())
        );
    }

    #[test]
    fn ids_parse_only_in_full() {
        assert_eq!(parse_id("0123456789abcdef"), Some(ArticleId(0x0123_4567_89ab_cdef)));
        assert_eq!(parse_id("0123"), None);
        assert_eq!(parse_id("0123456789abcdeg"), None);
    }
}
