//! Line rules: what each line of a scraped page is (a date line, a byline, a URL, page furniture,
//! a heading, or text), judged one line at a time. Context (above or below the headline, head or
//! tail of the page) is the business of the caller.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;
use serde::Deserialize;

use super::{byline, markdown};
use crate::corpus::article::{Author, Rule};
use crate::corpus::dates::{self, DateLine, DayMonthOrder};
use crate::corpus::outlets::{OutletId, Outlets};
use crate::corpus::text::squash_spaces;

/// What one line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Blank,
    /// Page furniture, removed from the body by this rule.
    Furniture(Rule),
    Date(DateLine),
    Byline(byline::Byline),
    /// A line that is a URL, possibly labelled ("Original url: https://…").
    Url {
        url: String,
        labelled: bool,
    },
    /// A label whose URL is on the next non-blank line: "Original url:".
    UrlLabel,
    /// A line that is exactly a known outlet's name.
    Masthead(OutletId),
    /// "Also on rt.com …": a promo for another story on the outlet's own site.
    Promo {
        domain: String,
    },
    /// "euronews provides breaking news articles from reuters …".
    Trailer {
        publisher: Option<TrailerName>,
        agency: Option<OutletId>,
    },
    /// End credits that name authors: "(Reporting by A and B; Writing by C; Editing by D)".
    /// They stay in the body.
    Credits(Vec<Author>),
    /// A photo caption (credit markers such as "via REUTERS", a bold credit, image markup).
    Caption,
    /// A markdown heading (`# …`); its text is the line's text.
    Heading,
    Text,
}

/// A publisher named in a trailer: a known outlet, or a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrailerName {
    Known(OutletId),
    Domain(String),
}

/// One classified line.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the file.
    pub no: u32,
    /// The line's text: trimmed, inline markdown removed, runs of spaces squashed.
    pub text: String,
    pub kind: Kind,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FurnitureFile {
    group: Vec<FurnitureGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FurnitureGroup {
    rule: Rule,
    #[serde(default)]
    lines: Vec<String>,
    #[serde(default)]
    prefixes: Vec<String>,
}

/// Furniture phrases from `data/furniture.toml`.
struct Furniture {
    lines: std::collections::HashMap<String, Rule>,
    prefixes: Vec<(String, Rule)>,
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    // Compiled in and covered by tests: a parse failure is a bug, not bad input.
    let file: FurnitureFile =
        toml::from_str(include_str!("../../../data/furniture.toml")).expect("data/furniture.toml is valid");
    let mut lines = std::collections::HashMap::new();
    let mut prefixes = Vec::new();
    for g in file.group {
        for l in g.lines {
            lines.insert(l.to_lowercase(), g.rule);
        }
        for p in g.prefixes {
            prefixes.push((p.to_lowercase(), g.rule));
        }
    }
    Furniture { lines, prefixes }
});

// Substring searchers built once: building one per line showed in the load's profile.
static ICON: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"icon"));
static BY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"by "));
static HTTP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"http"));
static PROVIDES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b" provides "));
static APPEAR_ON: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"ppear on "));
static BREADCRUMB_SEPARATORS: LazyLock<[(&str, Finder<'static>); 4]> =
    LazyLock::new(|| [" > ", " » ", " › ", " / "].map(|sep| (sep, Finder::new(sep.as_bytes()))));
static TIMER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}(?::\d{2})?$").expect("valid regex"));
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Za-z]*(?: via [A-Z][A-Za-z]*)?\s*\((?:Reuters|REUTERS|AP|AFP|EPA|Yonhap|Getty Images)\)|(?:REUTERS|AFP|EPA|AP|Yonhap|KCNA|Xinhua)/.{2,60})$")
        .expect("valid regex")
});
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"via (?:REUTERS|Reuters|AFP|AP|Getty Images|EPA)\b|\b(?:REUTERS|AFP|EPA|EPA-EFE)/|\bAP Photo\b|Getty Images|\b(?:AFP|AP) PHOTO\b|\((?:Photo|Image|Picture)s?\b|\b(?:File photo|FILE PHOTO)\b",
    )
    .expect("valid regex")
});
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(original url|source url|source|url|link|originally published at|read more at|canonical)\s*:?\s*)?<?(https?://[^\s<>]+?)>?$")
        .expect("valid regex")
});
static URL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:original url|source url|source|url|link|originally published at|read more at|canonical)\s*:$")
        .expect("valid regex")
});
static PROMO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^also on ((?:[a-z0-9-]+\.)+[a-z]{2,})\b").expect("valid regex"));
static TRAILER_PROVIDES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\S+(?: \S+)?) provides .{0,80}?\b(?:articles|news|stories|content)\b.{0,20}?\bfrom (?:the )?([a-z][a-z-]+)").expect("valid regex")
});
static TRAILER_APPEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\barticles appear on ((?:[a-z0-9-]+\.)+[a-z]{2,})\b").expect("valid regex"));

/// Classifies every line of a page. `order` is how ambiguous numeric dates are read.
pub fn classify_all(text: &str, outlets: &Outlets, order: DayMonthOrder) -> Vec<Line> {
    let mut lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let (text, kind) = classify(raw, outlets, order);
            Line { no: i as u32 + 1, text, kind }
        })
        .collect();
    // "Original url:" then, after blank lines, the URL: the URL is labelled.
    let mut label_pending = false;
    for line in &mut lines {
        match &mut line.kind {
            Kind::UrlLabel => label_pending = true,
            Kind::Url { labelled, .. } if label_pending => {
                *labelled = true;
                label_pending = false;
            }
            Kind::Blank => {}
            _ => label_pending = false,
        }
    }
    lines
}

/// What one line is, and its cleaned text.
pub fn classify(raw: &str, outlets: &Outlets, order: DayMonthOrder) -> (String, Kind) {
    let trimmed = raw.trim();
    if let Some(text) = markdown::heading(trimmed) {
        return (squash_spaces(&markdown::strip_inline(text)).into_owned(), Kind::Heading);
    }
    // "![A minister at the harbour](https://…/photo.jpg)": a photo and its caption.
    let image = memchr::memchr(b'!', trimmed.as_bytes()).is_some() && trimmed.contains("![");
    let bold_credit = image || markdown::ends_with_bold_credit(trimmed);
    let stripped = trimmed.strip_prefix("> ").unwrap_or(trimmed);
    let text = squash_spaces(&markdown::strip_inline(stripped)).into_owned();
    let core = text.trim_start_matches(['•', '·', '*', '-', '–', '—', '|', '>', ' ']).trim_end_matches(['|', ' ']);
    if core.is_empty() || !core.chars().any(|c| c.is_alphanumeric()) {
        return (text, Kind::Blank);
    }
    let kind = classify_text(core, bold_credit, outlets, order);
    (text, kind)
}

fn classify_text(core: &str, bold_credit: bool, outlets: &Outlets, order: DayMonthOrder) -> Kind {
    // Most lines of a page are long paragraphs; the line rules are for short lines, so the
    // checks below test length or a cheap substring before any lower-casing or regex.
    let short = core.len() <= 120;
    let f = &*FURNITURE;
    if short {
        let lower = core.to_lowercase();
        if let Some(rule) = f.lines.get(&lower) {
            return Kind::Furniture(*rule);
        }
        if let Some((_, rule)) = f.prefixes.iter().find(|(p, _)| lower.starts_with(p.as_str())) {
            return Kind::Furniture(*rule);
        }
    }
    if ICON.find_iter(core.as_bytes()).nth(5).is_some() {
        return Kind::Furniture(Rule::IconList);
    }
    if core.len() <= 8 && TIMER.is_match(core) {
        return Kind::Furniture(Rule::Timer);
    }
    if short && CREDIT_LINE.is_match(core) {
        return Kind::Furniture(Rule::PhotoCredit);
    }
    if let Some(d) = dates::parse_line(core, order) {
        return Kind::Date(d);
    }
    if let Some(b) = byline::parse(core, outlets) {
        return Kind::Byline(b);
    }
    if core.len() <= 40
        && let Some(b) = byline::desk_line(core, outlets)
    {
        return Kind::Byline(b);
    }
    if core.len() <= 400
        && BY.find(core.as_bytes()).is_some()
        && let Some(a) = byline::credits(core)
    {
        return Kind::Credits(a);
    }
    if short && is_breadcrumb(core) {
        return Kind::Furniture(Rule::Breadcrumb);
    }
    if short && is_email(core) {
        // A reporter's address under the byline.
        return Kind::Furniture(Rule::Byline);
    }
    if core.ends_with(':') && short && URL_LABEL.is_match(core) {
        return Kind::UrlLabel;
    }
    if HTTP.find(core.as_bytes()).is_some()
        && let Some(c) = URL_LINE.captures(core)
    {
        return Kind::Url { url: c[2].trim_end_matches(['.', ',', ')']).to_string(), labelled: c.get(1).is_some() };
    }
    if core.get(..8).is_some_and(|h| h.eq_ignore_ascii_case("also on "))
        && let Some(c) = PROMO.captures(core)
    {
        return Kind::Promo { domain: c[1].to_lowercase() };
    }
    if (PROVIDES.find(core.as_bytes()).is_some() || APPEAR_ON.find(core.as_bytes()).is_some())
        && let Some(k) = trailer(core, outlets)
    {
        return k;
    }
    if short
        && let Some(id) = (core.split_whitespace().count() <= 6)
            .then(|| outlets.find_name(core))
            .flatten()
            .or_else(|| masthead_with_tagline(core, outlets))
    {
        return Kind::Masthead(id);
    }
    if bold_credit || (core.len() <= 600 && CAPTION.is_match(core)) {
        return Kind::Caption;
    }
    Kind::Text
}

/// Separators between an outlet's name and what the page puts beside it.
pub const NAME_SEPARATORS: [&str; 4] = [" - ", " – ", " — ", " | "];

/// "The Guardian - Back to home", "Reuters | World": a known outlet's name, a separator and a
/// few words of navigation. A longer tail would be a headline that starts with a name.
fn masthead_with_tagline(core: &str, outlets: &Outlets) -> Option<OutletId> {
    // Most short lines are text with no separator: a byte scan rules them out before any
    // substring search (which showed in the load's profile).
    if core.len() > 80 || !core.bytes().any(|b| matches!(b, b'-' | b'|' | 0xE2)) {
        return None;
    }
    NAME_SEPARATORS.iter().find_map(|sep| {
        let (name, tail) = core.split_once(sep)?;
        (tail.split_whitespace().count() <= 3).then(|| outlets.find_name(name)).flatten()
    })
}

/// "Kim Jong Un arrives in Russia | BBC News": a headline that ends in a known outlet's name
/// after a separator, as page titles do. Returns the headline without it and the outlet.
pub fn outlet_suffix(title: &str, outlets: &Outlets) -> Option<(String, OutletId)> {
    NAME_SEPARATORS.iter().find_map(|sep| {
        let (head, name) = title.rsplit_once(sep)?;
        // "Outlet Name (Long Form)": either part may be the name the table knows.
        let id = outlets.find_name(name).or_else(|| {
            let (short, long) = name.trim_end().strip_suffix(')')?.rsplit_once('(')?;
            outlets.find_name(short).or_else(|| outlets.find_name(long))
        })?;
        (head.split_whitespace().count() >= 3).then(|| (head.trim_end().to_string(), id))
    })
}

/// A title's last part after a separator, when it is short enough to be a site's name:
/// "Headline - Example Post (Long Form)" → ("Headline", "Example Post (Long Form)").
pub fn split_suffix(title: &str) -> Option<(String, String)> {
    NAME_SEPARATORS.iter().find_map(|sep| {
        let (head, name) = title.rsplit_once(sep)?;
        let name = name.trim();
        let ok = head.split_whitespace().count() >= 3 && (1..=6).contains(&name.split_whitespace().count());
        ok.then(|| (head.trim_end().to_string(), name.to_string()))
    })
}

fn trailer(core: &str, outlets: &Outlets) -> Option<Kind> {
    let provides = TRAILER_PROVIDES.captures(core);
    let appears = TRAILER_APPEARS.captures(core);
    if provides.is_none() && appears.is_none() {
        return None;
    }
    let mut publisher = None;
    let mut agency = None;
    if let Some(c) = &provides {
        publisher = outlets.find(&c[1]).map(TrailerName::Known);
        agency = outlets.find_dateline(&c[2]).or_else(|| outlets.find_name(&c[2])).filter(|id| outlets.get(*id).agency);
    }
    if publisher.is_none()
        && let Some(c) = &appears
    {
        let domain = c[1].to_lowercase();
        publisher = Some(match outlets.find_domain(&domain) {
            Some(id) => TrailerName::Known(id),
            None => TrailerName::Domain(domain),
        });
    }
    Some(Kind::Trailer { publisher, agency })
}

/// "Home > World > Asia", "News » Politics", "Home / World / Asia": a breadcrumb trail of two
/// or more short section names.
fn is_breadcrumb(core: &str) -> bool {
    if !core.bytes().any(|b| matches!(b, b'>' | b'/' | 0xC2 | 0xE2)) {
        return false;
    }
    BREADCRUMB_SEPARATORS.iter().any(|(sep, finder)| {
        // Two separators at least, found by memchr before any splitting.
        finder.find_iter(core.as_bytes()).nth(1).is_some() && {
            let parts = core.split(sep).count();
            (3..=8).contains(&parts)
                && core.split(sep).all(|p| {
                    let p = p.trim();
                    let words = p.split_whitespace().count();
                    (1..=4).contains(&words)
                        && !p.ends_with('.')
                        && p.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                })
        }
    })
}

/// A line that is only an e-mail address.
fn is_email(core: &str) -> bool {
    let Some((user, domain)) = core.split_once('@') else { return false };
    !user.is_empty()
        && !core.contains(char::is_whitespace)
        && domain.contains('.')
        && domain.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// A short all-capitals line inside a body ("RUSSIAN PRESTIGE"): a subheading.
pub fn is_caps_heading(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    let words = text.split_whitespace().count();
    (1..=8).contains(&words)
        && text.chars().any(char::is_alphabetic)
        && text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && !text.ends_with(['.', ','])
}

/// Could this line be a headline: a few words, not a sentence that ends with a full stop.
pub fn is_headline_like(text: &str) -> bool {
    if text.len() > 900 {
        return false;
    }
    let words = text.split_whitespace().count();
    let sentence = text.ends_with('.') && !text.ends_with("...");
    (3..=30).contains(&words) && text.chars().count() <= 220 && !sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Kind {
        classify(line, &Outlets::builtin(), DayMonthOrder::DayFirst).1
    }

    #[test]
    fn furniture_phrases_from_the_data_file() {
        assert_eq!(kind("    • Link copied"), Kind::Furniture(Rule::ShareWidget));
        assert_eq!(kind("Text size Aa Aa"), Kind::Furniture(Rule::TextSize));
        assert_eq!(kind("Copyright"), Kind::Furniture(Rule::Copyright));
        assert_eq!(kind("© 2019 Herald Corporation"), Kind::Furniture(Rule::Copyright));
        assert_eq!(kind("BREAKING NEWS"), Kind::Furniture(Rule::Banner));
        assert_eq!(kind("If you like this story, share it with a friend!"), Kind::Furniture(Rule::ShareWidget));
        assert_eq!(kind("Podcasts"), Kind::Furniture(Rule::Banner));
        assert_eq!(kind("Follow us on Telegram"), Kind::Furniture(Rule::ShareWidget));
    }

    #[test]
    fn pattern_furniture() {
        assert_eq!(
            kind("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon"),
            Kind::Furniture(Rule::IconList)
        );
        assert_eq!(kind("0:00"), Kind::Furniture(Rule::Timer));
        assert_eq!(kind("24:55"), Kind::Furniture(Rule::Timer));
        assert_eq!(kind("1:02:03"), Kind::Furniture(Rule::Timer));
        assert_eq!(kind("KCNA(Reuters)"), Kind::Furniture(Rule::PhotoCredit));
        assert_eq!(kind("REUTERS/Kim Hong-Ji"), Kind::Furniture(Rule::PhotoCredit));
        assert_eq!(kind("•"), Kind::Blank);
    }

    #[test]
    fn captions() {
        assert_eq!(
            kind(
                "North Korean leader Kim Jong Un departs in this undated photo released on April 23, 2019. KCNA via REUTERS -"
            ),
            Kind::Caption
        );
        assert_eq!(kind("Protesters rallying in Seoul on Wednesday. **Lee Jin-man**"), Kind::Caption);
        assert_eq!(kind("Kim met Putin, Reuters reported on Thursday."), Kind::Text);
    }

    #[test]
    fn urls_and_labels() {
        assert_eq!(kind("Original url:"), Kind::UrlLabel);
        assert_eq!(
            kind("<https://www.themoscowtimes.com/2011/06/29/x-a79>"),
            Kind::Url { url: "https://www.themoscowtimes.com/2011/06/29/x-a79".into(), labelled: false }
        );
        assert_eq!(
            kind("Source: https://wicnews.com/world/x-361017795"),
            Kind::Url { url: "https://wicnews.com/world/x-361017795".into(), labelled: true }
        );
        let lines =
            classify_all("Original url:\n\n<https://a.example.com/x>", &Outlets::builtin(), DayMonthOrder::DayFirst);
        assert_eq!(lines[2].kind, Kind::Url { url: "https://a.example.com/x".into(), labelled: true });
    }

    #[test]
    fn promos_trailers_and_mastheads() {
        let t = Outlets::builtin();
        assert_eq!(
            kind(
                "Also on rt.com Kim Jong-un gives US until end of 2019 to change ‘posture,’ promises to boost defense"
            ),
            Kind::Promo { domain: "rt.com".into() }
        );
        assert_eq!(
            kind(
                "euronews provides breaking news articles from reuters as a service to its readers, but does not edit the articles it publishes. Articles appear on euronews.com for a limited time."
            ),
            Kind::Trailer {
                publisher: Some(TrailerName::Known(t.find("Euronews").unwrap())),
                agency: t.find("Reuters")
            }
        );
        assert_eq!(kind("The Korea Herald"), Kind::Masthead(t.find("The Korea Herald").unwrap()));
        assert_eq!(kind("Also on the agenda: trade"), Kind::Text);
    }

    #[test]
    fn mastheads_with_navigation_beside_them() {
        let t = Outlets::builtin();
        let guardian = t.find("The Guardian").unwrap();
        assert_eq!(kind("The Guardian - Back to home"), Kind::Masthead(guardian));
        assert_eq!(kind("The Guardian | World"), Kind::Masthead(guardian));
        assert_eq!(kind("Reuters - Kim and Putin meet in Vladivostok"), Kind::Text, "a headline, not navigation");
        assert_eq!(kind("Example Weekly - Back to home"), Kind::Text, "not a known outlet");
        assert_eq!(kind("Support the Guardian"), Kind::Furniture(Rule::Banner));
        assert_eq!(
            outlet_suffix("Kim Jong Un arrives in Russia | BBC News", &t),
            Some(("Kim Jong Un arrives in Russia".to_string(), t.find("BBC News").unwrap()))
        );
        assert_eq!(outlet_suffix("Kim meets Putin – North Korean state media", &t), None);
        assert_eq!(outlet_suffix("Summit - RT", &t), None, "too little headline left to be one");
    }

    #[test]
    fn page_furniture_shapes_above_headlines() {
        assert_eq!(kind("Home > World > Asia"), Kind::Furniture(Rule::Breadcrumb));
        assert_eq!(kind("News » Politics » Harbours"), Kind::Furniture(Rule::Breadcrumb));
        assert_eq!(kind("Home / World / Asia"), Kind::Furniture(Rule::Breadcrumb));
        assert_eq!(kind("Prices rose 5 > 4 and fell / rose"), Kind::Text);
        assert_eq!(kind("![A minister at the made-up harbour](https://img.example.com/a.jpg)"), Kind::Caption);
        assert_eq!(kind("This video is not available in your country"), Kind::Furniture(Rule::Banner));
        assert_eq!(kind("Your browser does not support the video tag."), Kind::Furniture(Rule::Banner));
        assert_eq!(kind("Please consider supporting our journalism today"), Kind::Furniture(Rule::Banner));
        assert_eq!(kind("Sign up to our morning newsletter"), Kind::Furniture(Rule::Banner));
        assert_eq!(kind("jane.doe@example.com"), Kind::Furniture(Rule::Byline));
        assert_eq!(kind("More stories"), Kind::Furniture(Rule::Banner));
    }

    #[test]
    fn credits_and_desk_lines() {
        assert_eq!(
            kind("(Reporting by Jane Doe; Writing by Ann Poe; Editing by Max Moe)"),
            Kind::Credits(vec![Author::new("Jane Doe"), Author::new("Ann Poe")])
        );
        let t = Outlets::builtin();
        assert_eq!(kind("Reuters Staff"), Kind::Byline(byline::Byline { authors: vec![], outlet: t.find("Reuters") }));
    }

    #[test]
    fn dates_bylines_and_headings() {
        assert!(matches!(kind("Published : June 28, 2011 - 20:32"), Kind::Date(_)));
        assert!(matches!(kind("By Vladimir Soldatkin and Maria Vasilyeva"), Kind::Byline(_)));
        let (text, k) = classify(
            "# North Korea, Russia Abandon Plans for Kim Meeting",
            &Outlets::builtin(),
            DayMonthOrder::DayFirst,
        );
        assert_eq!((text.as_str(), k), ("North Korea, Russia Abandon Plans for Kim Meeting", Kind::Heading));
    }

    #[test]
    fn headline_and_subheading_shapes() {
        assert!(is_headline_like("N. Korean leader will visit Russia this week: reports"));
        assert!(is_headline_like("Kim Jong-un will visit Russia & meet Putin 'soon' – North Korean state media"));
        assert!(!is_headline_like("Kyodo news service said Kim will meet Medvedev on Thursday."));
        assert!(!is_headline_like("Kremlin"));
        assert!(is_caps_heading("RUSSIAN PRESTIGE"));
        assert!(!is_caps_heading("Russian prestige"));
    }
}
