//! Saved web pages (`.html`, `.htm`, `.xhtml`, and the same gzipped) as articles.
//!
//! A page is decoded ([`decode`]: bounded gunzip, charset from the BOM, `<meta charset>` or a
//! guess), parsed once by html5ever (through dom_query), and read twice from that one tree:
//! first newsdesk's own metadata layer ([`meta`]: JSON-LD, OpenGraph and `article:*` tags,
//! named `<meta>` tags, `itemprop`, the article's `<time>`, the canonical URL, a date in the
//! URL), then the body, which dom_smoothie's Readability finds and [`body`] turns into blocks.
//! What the markup does not say is left to the text rules ([`crate::corpus::extract`]) run on
//! the clean text: bylines, datelines, "Published …" lines. Every field keeps the rule and the
//! source line of the element it came from.

pub mod body;
pub mod decode;
pub mod meta;
#[cfg(test)]
mod tests;

use serde_json::Value;

use self::meta::PageMeta;
use super::article::{Author, Extraction, Field, Note, NoteOn, OtherDate, OutletRef, Removed, Rule};
use super::dates::Published;
use super::diag::{Severity, line_of};
use super::extract::{self, byline, lines};
use super::formats::{Problem, parse_date_value};
use super::outlets::{self, OutletId, Outlets};
use super::text;

pub use self::decode::MAX_HTML_BYTES;

/// The warning for a page that is not an article (a home page, a search result, a 404 page).
pub const NOT_AN_ARTICLE: &str =
    "does not look like an article (no article metadata and little text); loaded with what it has";

/// Pages with more elements than this, or nested deeper, are not handed to Readability (its
/// scoring walks the tree many times, and some of its walks recurse); their body is read by
/// newsdesk's own iterative walk.
const MAX_READABILITY_ELEMENTS: usize = 60_000;
const MAX_READABILITY_DEPTH: usize = 400;

/// Tags nested deeper than this are flattened before parsing (see [`decode::flatten_deep`]).
const MAX_NESTING: usize = 1024;

/// How many blocks from the top and the bottom of a body the text rules read.
const TEXT_RULES_HEAD: usize = 15;
const TEXT_RULES_TAIL: usize = 8;

/// Below this many words of body, a page without article metadata is not an article.
const MIN_ARTICLE_WORDS: u32 = 80;

/// Reads one saved page (gzipped when `gzipped`): the article, or why not, and problems with the
/// file itself.
pub fn read(bytes: &[u8], gzipped: bool, outlets: &Outlets) -> (Option<Extraction>, Vec<Problem>) {
    let mut problems = Vec::new();
    let unzipped;
    let bytes = if gzipped {
        match decode::gunzip(bytes) {
            Ok(b) => {
                unzipped = b;
                &unzipped[..]
            }
            Err(e) => return (None, vec![error(e.to_string())]),
        }
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return (None, vec![error("empty file; skipped".into())]);
    }
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !utf16 && memchr::memchr(0, bytes).is_some() {
        return (None, vec![error("binary file (contains NUL bytes); skipped".into())]);
    }
    let d = decode::decode(bytes);
    if d.had_errors {
        problems.push(warning(format!("bytes that are not valid {}; shown as \u{fffd}", d.encoding.name())));
    }
    match d.charset {
        decode::Charset::Guessed if d.encoding != encoding_rs::UTF_8 => {
            problems.push(warning(format!("no charset declared; read as {} (a guess)", d.encoding.name())));
        }
        decode::Charset::Misdeclared(declared) => {
            problems.push(warning(format!("declares charset {} but is valid UTF-8; read as UTF-8", declared.name())))
        }
        _ => {}
    }
    let flat = decode::flatten_deep(&d.text, MAX_NESTING);
    if let Some((_, depth)) = &flat {
        problems.push(warning(format!(
            "tags nested {depth} deep; the markup below depth {MAX_NESTING} is flattened (its text is kept)"
        )));
    }
    let e = extract_page(flat.as_ref().map_or(&d.text, |(f, _)| f), outlets);
    if e.body.is_empty() && e.title.evidence.rule == Rule::FirstLine {
        problems.push(error("no article text in the page; skipped".into()));
        return (None, problems);
    }
    (Some(e), problems)
}

fn error(message: String) -> Problem {
    Problem { line: None, severity: Severity::Error, message }
}

fn warning(message: String) -> Problem {
    Problem { line: None, severity: Severity::Warning, message }
}

/// The source line of the first occurrence of `needle`, or 0.
fn line_at(src: &str, needle: &str) -> u32 {
    memchr::memmem::find(src.as_bytes(), needle.as_bytes()).map_or(0, |i| line_of(src, i))
}

/// A string value of a JSON-LD field (a string, or the first string of an array).
fn ld_str<'a>(o: &'a Value, key: &str) -> Option<&'a str> {
    match o.get(key)? {
        Value::String(s) => Some(s.as_str()),
        Value::Array(a) => a.iter().find_map(Value::as_str),
        _ => None,
    }
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// The name of a JSON-LD thing (a string, or an object's `name`), with its type.
fn ld_name<'a>(m: &'a PageMeta, v: &'a Value) -> Option<(&'a str, Vec<String>)> {
    let v = m.resolve(v);
    match v {
        Value::String(s) => Some((s.trim(), Vec::new())),
        Value::Object(_) => {
            let t = match v.get("@type") {
                Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
                _ => Vec::new(),
            };
            Some((ld_str(v, "name")?, t))
        }
        _ => None,
    }
    .filter(|(n, _)| !n.is_empty())
}

/// The items of a JSON-LD field that may be one thing or a list.
fn ld_items(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
    }
}

/// The wire agency a name means, if it is one.
fn agency_named(outlets: &Outlets, name: &str) -> Option<OutletId> {
    outlets.find_name(name).or_else(|| outlets.find_dateline(name)).filter(|id| outlets.get(*id).agency)
}

/// People named by a credit: "Jane Doe", "Jane Doe and John Roe", "By Jane Doe". Organisations,
/// profile URLs and the site's own name are not people.
fn people(s: &str, outlets: &Outlets) -> Vec<Author> {
    let s = text::clean_field(s);
    if s.is_empty() || s.contains("://") || s.starts_with('/') || outlets.find_name(&s).is_some() {
        return Vec::new();
    }
    let with_by = if s.to_lowercase().starts_with("by ") { s.clone() } else { format!("By {s}") };
    if let Some(b) = byline::parse(&with_by, outlets) {
        return b.authors;
    }
    if byline::is_name(&s) { vec![Author::new(&s)] } else { Vec::new() }
}

/// A name folded for comparing organisations: letters and digits only, lower case.
fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Words that introduce a credit in the languages of the corpus ("By", "Por", "Par", "Von").
const CREDIT_WORDS: &[&str] = &["by", "por", "par", "von", "door", "av"];

/// The author, when it is a person: a credit word left at its front is dropped, and a name that
/// is only a credit word, a single word after one (a section: "By Internacional"), a known outlet
/// or agency, or the site's own name (`org_names`, folded; also as the start of a longer site
/// title) is not a person.
fn credited_person(mut a: Author, org_names: &[String], outlets: &Outlets) -> Option<Author> {
    let name = a.name.trim().to_string();
    let (first, rest) = name.split_once(char::is_whitespace).unwrap_or((name.as_str(), ""));
    let name = if CREDIT_WORDS.contains(&first.to_lowercase().as_str()) {
        let rest = rest.trim();
        let rest = match rest.split_once(char::is_whitespace) {
            Some((w, r)) if CREDIT_WORDS.contains(&w.to_lowercase().as_str()) => r.trim(),
            _ => rest,
        };
        if rest.split_whitespace().count() < 2 {
            return None;
        }
        rest.to_string()
    } else {
        name
    };
    if outlets.find_name(&name).is_some() {
        return None;
    }
    let f = fold(&name);
    if f.is_empty()
        || org_names.iter().any(|o| {
            *o == f || (name.split_whitespace().count() >= 2 && o.len() > f.len() && o.starts_with(f.as_str()))
        })
    {
        return None;
    }
    if *a.name != *name {
        a.name = name.into();
    }
    Some(a)
}

/// The headline without a trailing " | Site" (a known outlet, or the page's own site name).
fn strip_site(title: &str, site: Option<&str>, outlets: &Outlets) -> String {
    if let Some((head, _)) = lines::outlet_suffix(title, outlets) {
        return head;
    }
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep))
                && head.split_whitespace().count() >= 2
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Keys of `<meta name=…>` that give the publication date, in order of trust.
const DATE_NAMES: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dc.date.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "published-date",
    "original-publish-date",
    "og:published_time",
];

/// Keys of `<meta name=…>` that name the authors, in order of trust.
const AUTHOR_NAMES: &[&str] = &["author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator"];

/// Keys of `<meta name=…>` that give the headline.
const TITLE_NAMES: &[&str] = &["parsely-title", "sailthru.title", "twitter:title", "title", "headline"];

/// A date in a URL's path: `/2019/04/24/`, `/2019-04-24-`, `/20190424/`.
pub fn url_date(url: &str) -> Option<Published> {
    let path = url.split_once("://").map_or(url, |(_, r)| r.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let num = |s: &[u8]| -> Option<i16> {
        (!s.is_empty() && s.iter().all(u8::is_ascii_digit)).then(|| std::str::from_utf8(s).ok()?.parse().ok())?
    };
    let make = |y: i16, m: i16, d: i16| -> Option<Published> {
        if !(1990..=2100).contains(&y) {
            return None;
        }
        jiff::civil::Date::new(y, m as i8, d as i8).ok().map(Published::day)
    };
    let starts = std::iter::once(0).chain(path.match_indices('/').map(|(i, _)| i + 1));
    for start in starts {
        let Some(rest) = bytes.get(start..) else { continue };
        // yyyy/mm/dd or yyyy-mm-dd
        if let (Some(y), Some(m), Some(d)) = (rest.get(..4), rest.get(5..7), rest.get(8..10))
            && matches!(rest.get(4), Some(b'/' | b'-'))
            && rest.get(7) == rest.get(4)
            && rest.get(10).is_none_or(|c| matches!(c, b'/' | b'-' | b'.' | b'_'))
            && let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d))
        {
            return make(y, m, d);
        }
        // yyyymmdd as a whole segment
        if let (Some(y), Some(m), Some(d)) = (rest.get(..4), rest.get(4..6), rest.get(6..8))
            && rest.get(8).is_none_or(|c| *c == b'/')
            && let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d))
        {
            return make(y, m, d);
        }
    }
    None
}

/// Reads a decoded page.
pub fn extract_page(src: &str, outlets: &Outlets) -> Extraction {
    let doc = dom_query::Document::from(src);
    let m = meta::gather(&doc);
    let mut notes = Vec::new();
    let mut other_dates = Vec::new();
    let ld = m.ld.as_ref();
    let ld_line = |key: &str| line_at(src, &format!("\"{key}\""));
    // A key's line: quoted as an attribute value first (`name="date"`), so a short key does
    // not match some other word of the page.
    let meta_line = |key: &str| {
        [format!("\"{key}\""), format!("'{key}'"), format!("={key}"), key.to_string()]
            .iter()
            .map(|n| line_at(src, n))
            .find(|&l| l > 0)
            .unwrap_or(0)
    };

    // The site: og:site_name, then a JSON-LD publisher that is not a wire, then the URL's host.
    let site_name = m.meta(&["og:site_name"]).map(|(_, v)| text::clean_field(v)).filter(|s| !s.is_empty());

    // URL: the canonical link, og:url, JSON-LD url / mainEntityOfPage.
    let url = m
        .canonical
        .as_ref()
        .map(|u| Field::new(u.clone(), meta_line("canonical"), Rule::CanonicalUrl))
        .or_else(|| {
            m.meta(&["og:url"])
                .filter(|(_, u)| u.starts_with("http"))
                .map(|(k, u)| Field::new(u.trim().to_string(), meta_line(k), Rule::OpenGraph))
        })
        .or_else(|| {
            let ld = ld?;
            let u = ld_str(ld, "url").or_else(|| {
                let me = ld.get("mainEntityOfPage")?;
                me.as_str().or_else(|| me.get("@id")?.as_str())
            })?;
            u.starts_with("http").then(|| Field::new(u.to_string(), ld_line("url"), Rule::JsonLd))
        });
    let host = url.as_ref().and_then(|u| outlets::url_host(&u.value)).map(str::to_string);

    // Title. A page-wide title ("Yahoo News - Latest News & Headlines", the site's name) is
    // not the article's.
    let generic: Vec<String> = [m.meta(&["application-name"]).map(|(_, v)| v), site_name.as_deref()]
        .into_iter()
        .flatten()
        .map(|v| text::clean_field(v).to_lowercase())
        .collect();
    let specific = |t: &&str| {
        let t = text::clean_field(t).to_lowercase();
        !t.is_empty() && !generic.contains(&t)
    };
    let title = ld
        .and_then(|o| {
            ld_str(o, "headline").or_else(|| ld_str(o, "name")).map(|t| (t, ld_line("headline"), Rule::JsonLd))
        })
        .or_else(|| m.meta(&["og:title"]).filter(|(_, v)| specific(v)).map(|(k, v)| (v, meta_line(k), Rule::OpenGraph)))
        .or_else(|| {
            TITLE_NAMES
                .iter()
                .find_map(|k| m.meta(&[k]).filter(|(_, v)| specific(v)))
                .map(|(k, v)| (v, meta_line(k), Rule::MetaName))
        })
        .or_else(|| {
            m.itemprops
                .iter()
                .find(|(p, v)| p == "headline" && specific(&v.as_str()))
                .map(|(_, v)| (v.as_str(), meta_line("headline"), Rule::Itemprop))
        })
        .or_else(|| m.h1.as_deref().filter(specific).map(|t| (t, line_at(src, "<h1"), Rule::HtmlHeading)))
        .or_else(|| m.title.as_deref().filter(specific).map(|t| (t, line_at(src, "<title"), Rule::HtmlTitle)))
        .map(|(t, line, rule)| Field::new(strip_site(&text::clean_field(t), site_name.as_deref(), outlets), line, rule))
        .filter(|f| !f.value.is_empty());

    // Outlet and agency.
    let mut agency: Option<Field<OutletRef>> = None;
    let set_agency = |id: OutletId, line: u32, rule: Rule, agency: &mut Option<Field<OutletRef>>| {
        if agency.is_none() {
            *agency = Some(Field::new(OutletRef::Known(id), line, rule));
        }
    };
    let host_id = host.as_deref().and_then(|h| outlets.find_domain(h));
    let mut publisher: Option<String> = None;
    if let Some(o) = ld {
        for p in ld_items(o.get("publisher")) {
            let Some((name, _)) = ld_name(&m, p) else { continue };
            match agency_named(outlets, name) {
                // A wire named as publisher on another site's page is the agency.
                Some(id)
                    if host_id != Some(id) && site_name.as_deref().and_then(|s| outlets.find_name(s)) != Some(id) =>
                {
                    set_agency(id, ld_line("publisher"), Rule::JsonLd, &mut agency);
                }
                _ => {
                    publisher.get_or_insert_with(|| text::clean_field(name));
                }
            }
        }
        for s in ld_items(o.get("sourceOrganization")) {
            if let Some(id) = ld_name(&m, s).and_then(|(n, _)| agency_named(outlets, n)) {
                set_agency(id, ld_line("sourceOrganization"), Rule::JsonLd, &mut agency);
            }
        }
    }
    let outlet = {
        let site = site_name.as_deref().map(|s| (s, meta_line("og:site_name"), Rule::OpenGraph));
        let publ = publisher.as_deref().map(|s| (s, ld_line("publisher"), Rule::JsonLd));
        let by_host = host_id.map(|id| {
            Field::new(
                OutletRef::Known(id),
                url.as_ref().map_or(0, |u| u.evidence.line),
                url.as_ref().map_or(Rule::CanonicalUrl, |u| u.evidence.rule),
            )
        });
        // A name the table knows beats one it does not; the host breaks the tie.
        let known = [site, publ].into_iter().flatten().find_map(|(n, line, rule)| {
            outlets
                .find_name(n)
                .filter(|id| !outlets.get(*id).agency || host_id == Some(*id))
                .map(|id| Field::new(OutletRef::Known(id), line, rule))
        });
        known
            .or(by_host)
            .or_else(|| {
                [site, publ]
                    .into_iter()
                    .flatten()
                    .next()
                    .map(|(n, line, rule)| Field::new(OutletRef::Name(n.to_string()), line, rule))
            })
            .or_else(|| {
                let h = host.as_deref()?;
                let u = url.as_ref()?;
                Some(Field::new(OutletRef::Domain(outlets::normalize_domain(h)), u.evidence.line, u.evidence.rule))
            })
    };

    // Publication date.
    let mut published: Option<Field<Published>> = None;
    let mut try_date = |value: &str, line: u32, rule: Rule, what: &str, notes: &mut Vec<Note>| -> bool {
        if published.is_some() {
            return true;
        }
        match parse_date_value(value.trim()) {
            Some(p) => {
                published = Some(Field::new(p, line, rule));
                true
            }
            None => {
                // Only the sources that exist to give this date are worth a warning; a named
                // meta tag may hold anything.
                if matches!(rule, Rule::JsonLd | Rule::ArticleTag) {
                    notes.push(Note::on(NoteOn::Published, line, format!("{what} is not a date: {:?}", value.trim())));
                }
                false
            }
        }
    };
    if let Some(d) = ld.and_then(|o| ld_str(o, "datePublished")) {
        try_date(d, ld_line("datePublished"), Rule::JsonLd, "JSON-LD `datePublished`", &mut notes);
    }
    if let Some((k, v)) = m.meta(&["article:published_time", "article:published"]) {
        try_date(v, meta_line(k), Rule::ArticleTag, "`article:published_time`", &mut notes);
    }
    if let Some((k, v)) = m.meta(DATE_NAMES) {
        try_date(v, meta_line(k), Rule::MetaName, &format!("<meta name={k}>"), &mut notes);
    }
    if let Some((_, v)) = m.itemprops.iter().find(|(p, _)| p == "datepublished") {
        try_date(
            v,
            Some(line_at(src, "itemprop=\"datePublished"))
                .filter(|&l| l > 0)
                .unwrap_or_else(|| meta_line("datePublished")),
            Rule::Itemprop,
            "itemprop=datePublished",
            &mut notes,
        );
    }
    if let Some(t) = &m.time {
        try_date(t, meta_line(t), Rule::TimeElement, "<time datetime>", &mut notes);
    }
    if let Some(u) = &url
        && let Some(p) = url_date(&u.value)
    {
        let (line, rule) = (u.evidence.line, Rule::UrlDate);
        if published.is_none() {
            published = Some(Field::new(p, line, rule));
        }
    }
    let modified = ld
        .and_then(|o| ld_str(o, "dateModified").map(|d| (d, ld_line("dateModified"))))
        .or_else(|| m.meta(&["article:modified_time"]).map(|(k, v)| (v, meta_line(k))));
    if let Some((d, line)) = modified
        && let Some(p) = parse_date_value(d)
        && published.as_ref().is_none_or(|f| f.value != p)
    {
        other_dates.push(OtherDate { line, published: p, why: "the date the page was modified, not published" });
    }

    // Authors.
    let mut authors: Option<Field<Vec<Author>>> = None;
    if let Some(o) = ld {
        let mut people_found = Vec::new();
        for a in ld_items(o.get("author")) {
            let Some((name, types)) = ld_name(&m, a) else { continue };
            let org = types.iter().any(|t| t.ends_with("organization") || t.ends_with("newsmediaorganization"));
            if let Some(id) = agency_named(outlets, name) {
                set_agency(id, ld_line("author"), Rule::JsonLd, &mut agency);
            } else if !org {
                people_found.extend(people(name, outlets));
            }
        }
        if !people_found.is_empty() {
            authors = Some(Field::new(people_found, ld_line("author"), Rule::JsonLd));
        }
    }
    let site_lower = site_name.as_deref().map(str::to_lowercase);
    let not_site = |v: &&str| site_lower.as_deref() != Some(v.trim().to_lowercase().as_str());
    if authors.is_none() {
        let names: Vec<Author> =
            m.metas_of("article:author").filter(not_site).flat_map(|v| people(v, outlets)).collect();
        if !names.is_empty() {
            authors = Some(Field::new(names, meta_line("article:author"), Rule::ArticleTag));
        }
    }
    if authors.is_none() {
        for key in AUTHOR_NAMES {
            let values: Vec<&str> = m.metas_of(key).filter(not_site).collect();
            for v in &values {
                if let Some(id) = agency_named(outlets, v.trim()) {
                    set_agency(id, meta_line(key), Rule::MetaName, &mut agency);
                }
            }
            let names: Vec<Author> = values.iter().flat_map(|v| people(v, outlets)).collect();
            if !names.is_empty() {
                authors = Some(Field::new(names, meta_line(key), Rule::MetaName));
                break;
            }
        }
    }
    if authors.is_none() {
        let names: Vec<Author> =
            m.itemprops.iter().filter(|(p, _)| p == "author").flat_map(|(_, v)| people(v, outlets)).collect();
        if !names.is_empty() {
            authors = Some(Field::new(names, meta_line("itemprop=\"author"), Rule::Itemprop));
        }
    }

    if let Some(a) = &mut authors {
        let mut seen = std::collections::HashSet::new();
        a.value.retain(|x| seen.insert(x.name.to_lowercase()));
    }
    // "Headline | Author Name": the Guardian's og:title credits the writer.
    let mut title = title;
    if let (Some(t), Some(a)) = (&mut title, &authors)
        && let Some((head, tail)) = t.value.rsplit_once(" | ")
        && a.value.iter().any(|x| x.name.eq_ignore_ascii_case(tail.trim()))
        && head.split_whitespace().count() >= 2
    {
        t.value = head.trim_end().to_string();
    }

    // The body, from the same tree.
    let (mut blocks, rd_byline) = read_body(doc, &m);
    // The text rules, on the clean text: bylines, datelines, date lines.
    let mut page = String::new();
    if let Some(t) = &title {
        page.push_str(&t.value);
        page.push_str("\n\n");
    }
    if let Some(b) = rd_byline.as_deref().map(text::clean_field).filter(|b| !b.is_empty()) {
        if !b.to_lowercase().starts_with("by") {
            page.push_str("By ");
        }
        page.push_str(&b);
        page.push_str("\n\n");
    }
    // The line each block starts on, to map the rules' verdicts back to blocks. Only the head
    // and the tail of a long body go to the rules: that is where bylines, datelines, sign-offs
    // and trailers are, and the rules' cost grows with the text (Readability has cleaned the
    // middle already).
    let mut block_lines = Vec::with_capacity(blocks.len());
    let mut line = 1 + page.matches('\n').count() as u32;
    let n = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        if i >= TEXT_RULES_HEAD && i + TEXT_RULES_TAIL < n {
            block_lines.push(0);
            continue;
        }
        block_lines.push(line);
        // A block is one line: its text has no line breaks (whitespace is squashed).
        page.push_str(b.text());
        page.push_str("\n\n");
        line += 2;
    }
    let t = extract::extract(&page, outlets);
    // What the text rules took out of the clean text leaves the body too: furniture, date lines,
    // bylines, the page's headline repeated. (Their verdicts are reused: classifying the blocks again
    // would double the cost on long pages.) Lines above the headline the rules chose are not
    // dropped: the page's own title opens the text, so nothing there is furniture.
    let dropped: std::collections::HashMap<u32, Rule> = t
        .removed
        .iter()
        .filter(|r| !matches!(r.rule, Rule::AboveHeadline | Rule::DateAboveHeadline))
        // Without a title of the page's own, the rules name the article by its first block and
        // call that block a repeat of it.
        .filter(|r| r.rule != Rule::RepeatedHeadline || title.is_some())
        .map(|r| (r.line, r.rule))
        .collect();
    let mut removed = Vec::new();
    let mut starts = block_lines.iter();
    blocks.retain(|_| match starts.next().and_then(|l| dropped.get(l)) {
        Some(&rule) => {
            removed.push(Removed { line: 0, rule });
            false
        }
        None => true,
    });
    let zero = |mut f: Field<OutletRef>| {
        f.evidence.line = 0;
        f
    };
    let agency = agency.or_else(|| t.agency.map(zero));
    // A wire's dateline names the agency, never the site that ran the story.
    let outlet = outlet.or_else(|| t.outlet.filter(|o| o.evidence.rule != Rule::Dateline).map(zero));
    let published = published.or_else(|| {
        t.published.map(|mut f| {
            f.evidence.line = 0;
            f
        })
    });
    let authors = authors.or_else(|| {
        t.authors.map(|mut f| {
            f.evidence.line = 0;
            f
        })
    });
    let title = match title {
        Some(t) => t,
        None => {
            let first = blocks.first().map(|b| extract::shorten(b.text(), 80));
            notes.push(Note::on(NoteOn::Title, 0, "no headline found; the title is the first line of text"));
            Field::new(first.unwrap_or_else(|| "(untitled)".into()), 0, Rule::FirstLine)
        }
    };
    if published.is_none() {
        notes.push(Note::on(NoteOn::Published, 0, extract::NO_DATE));
    }
    let words: u32 = blocks.iter().map(|b| text::word_count(b.text())).sum();
    let og_article = m.meta(&["og:type"]).is_some_and(|(_, v)| v.trim().eq_ignore_ascii_case("article"));
    let article_meta = ld.is_some()
        || og_article
        || m.meta(&["article:published_time"]).is_some()
        || m.itemprops.iter().any(|(p, _)| p == "datepublished");
    if !article_meta && words < MIN_ARTICLE_WORDS {
        // First: it explains the warnings that follow.
        notes.insert(0, Note::new(0, NOT_AN_ARTICLE));
    }
    if m.ld_broken > 0 {
        notes.push(Note::new(line_at(src, "ld+json"), "a JSON-LD script does not parse; ignored"));
    }
    // The site's own names (og:site_name, the JSON-LD publisher, application-name, the host and
    // the outlet the table knows) credited as an author are the organisation, not a writer.
    let mut org_names: Vec<String> =
        [site_name.as_deref(), publisher.as_deref(), m.meta(&["application-name"]).map(|(_, v)| v)]
            .into_iter()
            .flatten()
            .map(fold)
            .collect();
    if let Some(h) = host.as_deref() {
        org_names.extend(h.split('.').filter(|l| l.len() > 3).map(fold));
    }
    if let Some(Field { value: OutletRef::Known(id), .. }) = &outlet {
        org_names.push(fold(&outlets.get(*id).name));
    }
    let authors = authors.and_then(|mut f| {
        f.value = f.value.into_iter().filter_map(|a| credited_person(a, &org_names, outlets)).collect();
        (!f.value.is_empty()).then_some(f)
    });
    Extraction { title, outlet, agency, published, authors, url, body: blocks, removed, other_dates, notes }
}

/// The body blocks and Readability's byline. The document is consumed: Readability edits it.
fn read_body(doc: dom_query::Document, m: &PageMeta) -> (Vec<super::article::Block>, Option<String>) {
    if m.elements > MAX_READABILITY_ELEMENTS || m.depth > MAX_READABILITY_DEPTH {
        return (body::fallback(&doc), None);
    }
    let cfg = dom_smoothie::Config { disable_json_ld: true, ..Default::default() };
    let Ok(mut r) = dom_smoothie::Readability::with_document(doc, None, Some(cfg)) else {
        return (Vec::new(), None);
    };
    match r.parse() {
        Ok(article) => {
            let root = r.doc.select_single("#readability-page-1");
            let blocks = root.nodes().first().map(|n| body::blocks(n, false)).unwrap_or_default();
            if blocks.is_empty() {
                return (body::fallback(&r.doc), article.byline);
            }
            (blocks, article.byline)
        }
        Err(_) => (body::fallback(&r.doc), None),
    }
}

/// The decoded text of a saved page's file (gunzipped when `gzipped`), whose lines the
/// evidence of its fields counts; None when it cannot be read.
pub fn source_text(bytes: &[u8], gzipped: bool) -> Option<String> {
    let unzipped;
    let bytes = if gzipped {
        unzipped = decode::gunzip(bytes).ok()?;
        &unzipped[..]
    } else {
        bytes
    };
    Some(decode::decode(bytes).text)
}

/// What to quote for a field's evidence in a saved page: the element or JSON-LD key on the
/// evidence's line (`<meta property="og:title" content="…">`, `"datePublished": "…"`), not the
/// whole line, which in a minified page is the whole page. `field` is the name `show` uses
/// ("title", "outlet", "agency", "published", "authors", "url"). None when the evidence has no
/// line or the line does not hold the element.
pub fn quote(source: &str, field: &str, ev: super::article::Evidence) -> Option<String> {
    let line = source.lines().nth(ev.line.checked_sub(1)? as usize)?;
    let keys: &[&str] = match (ev.rule, field) {
        (Rule::JsonLd, "title") => &["\"headline\"", "\"name\""],
        (Rule::JsonLd, "published") => &["\"datePublished\""],
        (Rule::JsonLd, "authors") => &["\"author\""],
        (Rule::JsonLd, "outlet") => &["\"publisher\""],
        (Rule::JsonLd, "agency") => &["\"sourceOrganization\"", "\"publisher\"", "\"author\""],
        (Rule::JsonLd, _) => &["\"url\"", "\"mainEntityOfPage\""],
        (Rule::OpenGraph, "title") => &["og:title"],
        (Rule::OpenGraph, "outlet") => &["og:site_name"],
        (Rule::OpenGraph, _) => &["og:url"],
        (Rule::ArticleTag, "published") => &["article:published"],
        (Rule::ArticleTag, _) => &["article:author"],
        (Rule::MetaName, "published") => DATE_NAMES,
        (Rule::MetaName, "title") => TITLE_NAMES,
        (Rule::MetaName, _) => AUTHOR_NAMES,
        (Rule::Itemprop, _) => &["itemprop"],
        (Rule::TimeElement, _) => &["<time"],
        (Rule::CanonicalUrl | Rule::UrlDate, _) => &["canonical", "og:url"],
        (Rule::HtmlTitle, _) => &["<title"],
        (Rule::HtmlHeading, _) => &["<h1"],
        _ => return None,
    };
    let at = keys.iter().find_map(|k| {
        // A short meta name ("date") is looked for as an attribute value first.
        [format!("\"{k}\""), (*k).to_string()].iter().find_map(|n| line.find(n.as_str()))
    })?;
    let snippet = if ev.rule == Rule::JsonLd {
        let rest = line.get(at..)?;
        rest.get(..json_value_end(rest))?
    } else {
        let start = line.get(..at)?.rfind('<').unwrap_or(at);
        let end = line.get(at..)?.find('>').map_or(line.len(), |e| at + e + 1);
        // `<title>` and `<h1>`: the element's text too.
        let end = if matches!(ev.rule, Rule::HtmlTitle | Rule::HtmlHeading) {
            line.get(end..).and_then(|r| r.find("</")).map_or(end, |e| end + e)
        } else {
            end
        };
        line.get(start..end)?
    };
    let snippet = text::squash_spaces(snippet.trim());
    let short: String = snippet.chars().take(160).collect();
    Some(if short.len() < snippet.len() { format!("{short}…") } else { short })
}

/// Where the value of `"key": value` at the start of `s` ends on its line: after the closing
/// quote of a string, or the bracket that closes an object or array.
fn json_value_end(s: &str) -> usize {
    let Some(colon) = s.find(':') else { return s.len() };
    let (mut depth, mut in_str, mut escaped) = (0i32, false, false);
    for (i, c) in s.char_indices().skip_while(|(i, _)| *i <= colon) {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => {
                in_str = !in_str;
                if !in_str && depth == 0 {
                    return i + 1;
                }
            }
            '{' | '[' if !in_str => depth += 1,
            '}' | ']' if !in_str => {
                depth -= 1;
                if depth <= 0 {
                    return i + 1;
                }
            }
            ',' if !in_str && depth == 0 => return i,
            _ => {}
        }
    }
    s.len()
}
