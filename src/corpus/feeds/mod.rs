//! Feeds saved as files — RSS 0.9x/1.0/2.0, Atom and JSON Feed — read with feed-rs: one
//! article per entry, every field with its evidence.
//!
//! An entry's id is the XXH3 of its guid (else its link, else its title and date), not of the
//! file's bytes, so two saved snapshots of one feed give each entry the same id; the loader
//! keeps the first silently. The entry is found again on demand by its index in the feed and
//! checked by that id. A feed that does not parse as a whole is read entry by entry, so one
//! broken entry costs only itself.
//!
//! DTD entities are never expanded (quick-xml, under feed-rs, leaves unknown entity references
//! as text), so an entity-expansion ("billion laughs") feed costs its own size and no more.

mod content;
mod scan;
#[cfg(test)]
mod tests;

use std::num::NonZeroU32;

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use feed_rs::model::{Entry, Feed, FeedType, Link, Person, Text};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::article::{ArticleId, Author, Block, Extraction, Field, Note, NoteOn, OutletRef, Record, Rule};
use super::dates::Published;
use super::diag::Severity;
use super::extract::{NO_DATE, plain_body, shorten};
use super::formats::{Parsed, Problem};
use super::outlets::{Outlets, normalize_domain, url_host};
use super::text;

/// A feed file larger than this is skipped: feeds are lists of recent entries, rarely more
/// than a few megabytes, and feed-rs holds the whole parsed feed in memory.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

/// Entries read from one feed; the rest are skipped with a warning.
pub const MAX_ENTRIES: usize = 50_000;

/// The note on an article dated by its entry's `updated` date.
pub const UPDATED_ONLY: &str = "the date is the entry's updated date (it gives no publication date)";

/// The warning for a feed that declares its own DTD entities.
pub const ENTITIES: &str = "the feed declares its own entities (<!ENTITY>); they are not expanded";

/// How a feed file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// RSS or Atom. `required`: false for `.xml`, which may hold anything; a root element that
    /// is not a feed then skips the file with a warning instead of an error.
    Xml {
        required: bool,
    },
    Json,
}

/// One entry of a parsed feed, before it becomes an article.
struct Slot {
    /// Its index among the feed's entries (the same whether the feed parsed whole or entry by
    /// entry).
    index: u32,
    entry: Entry,
    start: usize,
    end: usize,
    /// Its line in the file; 0 when unknown.
    line: u32,
    /// An RSS/Atom `<source>` name.
    source: Option<String>,
}

/// A feed read from a file: the feed's own fields (entries moved into `slots`).
struct Doc {
    feed: Feed,
    slots: Vec<Slot>,
}

/// Reads a feed file: one article per entry, and problems with the file and its entries.
pub fn parse(bytes: &[u8], syntax: Syntax, outlets: &Outlets) -> (Vec<Parsed>, Vec<Problem>) {
    let mut problems = Vec::new();
    let doc = match read(bytes, syntax, &mut problems) {
        Ok(d) => d,
        Err(p) => {
            problems.push(p);
            return (Vec::new(), problems);
        }
    };
    let ctx = Context::of(&doc.feed, outlets);
    let mut out = Vec::with_capacity(doc.slots.len());
    for slot in &doc.slots {
        match article(&ctx, slot) {
            Ok(p) => out.push(p),
            Err(p) => problems.push(p),
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(Problem { line: None, severity: Severity::Warning, message: "feed has no entries".into() });
    }
    (out, problems)
}

/// Reads entry `index` of a feed file again (the whole feed is parsed: feed-rs reads no
/// less), if it is still there with the same id.
pub fn reread(bytes: &[u8], syntax: Syntax, index: u32, id: ArticleId, outlets: &Outlets) -> Option<Extraction> {
    let doc = read(bytes, syntax, &mut Vec::new()).ok()?;
    let ctx = Context::of(&doc.feed, outlets);
    let slot = doc.slots.iter().find(|s| s.index == index)?;
    let p = article(&ctx, slot).ok()?;
    (p.id == id).then_some(p.extraction)
}

/// Whether JSON bytes are a JSON Feed (`"version": "https://jsonfeed.org/version/1…"` at the
/// top level) rather than newsdesk's own JSON articles.
pub fn is_json_feed(bytes: &[u8]) -> bool {
    let body = strip_bom(bytes);
    if body.iter().find(|c| !c.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    // A cheap look first: most JSON corpora are not feeds and may be large.
    if memchr::memmem::find(body, b"jsonfeed.org/version/").is_none() {
        return false;
    }
    serde_json::from_slice::<JsonProbe<'_>>(body)
        .ok()
        .and_then(|p| p.version)
        .is_some_and(|v| v.starts_with("https://jsonfeed.org/version/1"))
}

/// What newsdesk reads of a JSON Feed itself: its version and where its items are.
#[derive(Deserialize)]
struct JsonProbe<'a> {
    version: Option<String>,
    #[serde(borrow)]
    items: Option<Vec<&'a RawValue>>,
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Parses a feed with feed-rs: no made-up ids (an entry without one is identified by its
/// link, title and date instead, see [`entry_key`]), and our own timestamp reading.
///
/// A fresh parser each time: feed-rs keeps MediaRSS state between calls, and a parse that
/// failed inside an item leaves it dirty (the next parse would panic). feed-rs can also panic
/// on some input (it unwraps numbers in MediaRSS times): such a panic is caught and becomes an
/// error about this feed, without a message on stderr.
///
/// Dates that [`timestamp`] could not read are added to `bad_dates` (feed-rs drops them).
fn parse_feed(bytes: &[u8], bad_dates: &mut Vec<String>) -> Result<Feed, String> {
    let bad = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&bad);
    let parse = move || {
        feed_rs::parser::Builder::new()
            .id_generator(|_, _, _| String::new())
            .timestamp_parser(move |s| {
                let t = timestamp(s);
                if t.is_none()
                    && let Ok(mut v) = seen.lock()
                {
                    v.push(shorten(s.trim(), 60));
                }
                t
            })
            .build()
            .parse(bytes)
            .map_err(|e| e.to_string())
    };
    let r = match quietly(parse) {
        Some(r) => r,
        None => Err("feed-rs failed on this feed (an internal error)".to_string()),
    };
    if let Ok(mut v) = bad.lock() {
        bad_dates.append(&mut v);
    }
    r
}

/// The warning for dates a feed gives that newsdesk could not read.
fn bad_dates_problem(bad: &[String]) -> Option<Problem> {
    let first = bad.first()?;
    let message = match bad.len() {
        1 => format!("a date in the feed is not understood ({first:?}); ignored"),
        n => format!("{n} dates in the feed are not understood (the first: {first:?}); ignored"),
    };
    Some(Problem { line: None, severity: Severity::Warning, message })
}

thread_local! {
    /// Set while this thread runs feed-rs, whose panics are caught and reported as diagnostics.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into None. While it runs, the panic hook (installed once, then
/// chaining to whatever hook was there) stays silent on this thread only.
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(false));
    r.ok()
}

fn read(bytes: &[u8], syntax: Syntax, problems: &mut Vec<Problem>) -> Result<Doc, Problem> {
    let mut bad = Vec::new();
    let doc = match syntax {
        Syntax::Xml { required } => read_xml(bytes, required, problems, &mut bad),
        Syntax::Json => read_json(bytes, problems, &mut bad),
    };
    problems.extend(bad_dates_problem(&bad));
    doc
}

fn read_xml(bytes: &[u8], required: bool, problems: &mut Vec<Problem>, bad: &mut Vec<String>) -> Result<Doc, Problem> {
    let root = scan::root_name(bytes);
    if !matches!(root.as_deref(), Some("rss" | "feed" | "RDF")) {
        let what = match &root {
            Some(r) => format!("root element <{}>", shorten(r, 40)),
            None => "no XML element".to_string(),
        };
        let message = format!("not an RSS or Atom feed ({what}); skipped");
        return Err(if required {
            Problem { line: None, severity: Severity::Error, message }
        } else {
            Problem { line: None, severity: Severity::Warning, message }
        });
    }
    if scan::declares_entities(bytes) {
        problems.push(Problem { line: None, severity: Severity::Warning, message: ENTITIES.into() });
    }
    let mut spans = scan::entries(bytes);
    // feed-rs holds every entry in memory at once, a kilobyte or so each even when the entry
    // is a few bytes: past the cap, only the first entries are read (the feed's own elements
    // before the first entry and after the last one are kept).
    let capped;
    let bytes = match (spans.get(MAX_ENTRIES.saturating_sub(1)), spans.last()) {
        (Some(keep), Some(last)) if spans.len() > MAX_ENTRIES => {
            problems.push(Problem {
                line: spans.get(MAX_ENTRIES).map(|s| s.line),
                severity: Severity::Warning,
                message: format!("the feed has {} entries; only the first {MAX_ENTRIES} are read", spans.len()),
            });
            let mut b = bytes[..keep.end].to_vec();
            b.extend_from_slice(bytes.get(last.end..).unwrap_or_default());
            spans.truncate(MAX_ENTRIES);
            capped = b;
            capped.as_slice()
        }
        _ => bytes,
    };
    match parse_feed(bytes, bad) {
        Ok(mut feed) => {
            let entries = std::mem::take(&mut feed.entries);
            // Positions are trusted only when the scan saw the same entries feed-rs did.
            let aligned = spans.len() == entries.len();
            let slots = entries
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let span = spans.get(i).filter(|_| aligned);
                    Slot {
                        index: i as u32,
                        entry,
                        start: span.map_or(0, |s| s.start),
                        end: span.map_or(0, |s| s.end),
                        line: span.map_or(0, |s| s.line),
                        source: span.and_then(|s| s.source.clone()),
                    }
                })
                .collect();
            Ok(Doc { feed, slots })
        }
        Err(whole) => read_xml_entries(bytes, &spans, &whole, problems, bad),
    }
}

/// A feed that does not parse whole, read entry by entry: each entry between the feed's own
/// head (up to the first entry) and tail (after the last). Entries that still fail are
/// reported by line; if none parses, the feed's own error is the answer.
fn read_xml_entries(
    bytes: &[u8],
    spans: &[scan::Span],
    whole: &str,
    problems: &mut Vec<Problem>,
    bad: &mut Vec<String>,
) -> Result<Doc, Problem> {
    let invalid =
        || Problem { line: None, severity: Severity::Error, message: format!("invalid feed: {whole}; skipped") };
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else { return Err(invalid()) };
    let head = &bytes[..first.start];
    let tail = bytes.get(last.end..).unwrap_or_default();
    let mut feed = None;
    let mut slots = Vec::new();
    let mut failed = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let mut one = Vec::with_capacity(head.len() + (span.end - span.start) + tail.len());
        one.extend_from_slice(head);
        one.extend_from_slice(&bytes[span.start..span.end]);
        one.extend_from_slice(tail);
        match parse_feed(&one, bad) {
            Ok(mut f) if f.entries.len() == 1 => {
                let entry = f.entries.remove(0);
                feed.get_or_insert(f);
                slots.push(Slot {
                    index: i as u32,
                    entry,
                    start: span.start,
                    end: span.end,
                    line: span.line,
                    source: span.source.clone(),
                });
            }
            Ok(_) => failed.push((i, span.line, "not one entry".to_string())),
            Err(e) => failed.push((i, span.line, e)),
        }
    }
    let Some(feed) = feed else { return Err(invalid()) };
    for (i, line, why) in failed {
        problems.push(Problem {
            line: Some(line),
            severity: Severity::Error,
            message: format!("feed entry {} does not parse ({why}); skipped", i + 1),
        });
    }
    Ok(Doc { feed, slots })
}

fn read_json(bytes: &[u8], problems: &mut Vec<Problem>, bad: &mut Vec<String>) -> Result<Doc, Problem> {
    let body = strip_bom(bytes);
    let probe: JsonProbe<'_> = serde_json::from_slice(body).map_err(|e| Problem {
        line: Some(e.line() as u32),
        severity: Severity::Error,
        message: format!("invalid JSON: {e}; skipped"),
    })?;
    let items = probe.items.unwrap_or_default();
    // Each item's place in the file, from where its raw text lies in the buffer.
    let base = body.as_ptr() as usize;
    let (mut line, mut counted) = (1u32, 0usize);
    let places: Vec<(usize, usize, u32)> = items
        .iter()
        .map(|raw| {
            let start = raw.get().as_ptr() as usize - base;
            line += memchr::memchr_iter(b'\n', body.get(counted..start).unwrap_or_default()).count() as u32;
            counted = start;
            let skipped = bytes.len() - body.len();
            (start + skipped, start + skipped + raw.get().len(), line)
        })
        .collect();
    let slot = |index: usize, entry: Entry| {
        let (start, end, line) = places.get(index).copied().unwrap_or_default();
        Slot { index: index as u32, entry, start, end, line, source: None }
    };
    match parse_feed(body, bad) {
        Ok(mut feed) if feed.entries.len() == items.len() => {
            let entries = std::mem::take(&mut feed.entries);
            let slots = entries.into_iter().enumerate().map(|(i, e)| slot(i, e)).collect();
            Ok(Doc { feed, slots })
        }
        whole => {
            let whole = match whole {
                Ok(_) => "its items could not be told apart".to_string(),
                Err(e) => e,
            };
            // Item by item: the feed's own fields with one item at a time.
            let top: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(body).map_err(|e| Problem {
                    line: Some(e.line() as u32),
                    severity: Severity::Error,
                    message: format!("invalid JSON: {e}; skipped"),
                })?;
            let mut feed = None;
            let mut slots = Vec::new();
            for (i, raw) in items.iter().enumerate() {
                let mut one = top.clone();
                let item = serde_json::from_str::<serde_json::Value>(raw.get()).unwrap_or_default();
                one.insert("items".into(), serde_json::Value::Array(vec![item]));
                let json = serde_json::to_vec(&one).unwrap_or_default();
                match parse_feed(&json, bad) {
                    Ok(mut f) if f.entries.len() == 1 => {
                        slots.push(slot(i, f.entries.remove(0)));
                        feed.get_or_insert(f);
                    }
                    Ok(_) => problems.push(entry_error(i, places.get(i).map(|p| p.2), "not an item")),
                    Err(e) => problems.push(entry_error(i, places.get(i).map(|p| p.2), &e)),
                }
            }
            let feed = feed.ok_or_else(|| Problem {
                line: None,
                severity: Severity::Error,
                message: format!("invalid JSON Feed: {whole}; skipped"),
            })?;
            Ok(Doc { feed, slots })
        }
    }
}

fn entry_error(index: usize, line: Option<u32>, why: &str) -> Problem {
    Problem {
        line,
        severity: Severity::Error,
        message: format!("feed entry {} does not parse ({why}); skipped", index + 1),
    }
}

/// A chrono time of this many nanoseconds past midnight stands for "a date without a time":
/// feed-rs's timestamp callback can only answer with a full timestamp.
const DATE_ONLY_NANOS: u32 = 1;

/// Reads a feed timestamp as its local wall-clock time (newsdesk keeps the time as the outlet
/// printed it and ignores the offset), labelled UTC for feed-rs's sake. RFC 3339 (Atom, JSON
/// Feed), RFC 2822 (RSS, with its common slips: a wrong or long weekday, "UTC"), then any date
/// newsdesk reads elsewhere.
fn timestamp(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.naive_local().and_utc());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.naive_local().and_utc());
    }
    // Drop the weekday (often wrong or not English) and spell "UTC" as RFC 2822 wants.
    let no_day = s.split_once(", ").filter(|(d, _)| d.chars().all(char::is_alphabetic)).map_or(s, |(_, r)| r);
    let fixed = no_day.replace("UTC", "+0000");
    if let Ok(d) = DateTime::parse_from_rfc2822(&fixed) {
        return Some(d.naive_local().and_utc());
    }
    let p = super::formats::parse_date_value(s)?;
    let date = NaiveDate::from_ymd_opt(i32::from(p.date.year()), p.date.month() as u32, p.date.day() as u32)?;
    let t = match p.time {
        Some(t) => date.and_hms_opt(t.hour() as u32, t.minute() as u32, t.second() as u32)?,
        None => date.and_hms_nano_opt(0, 0, 0, DATE_ONLY_NANOS)?,
    };
    Some(t.and_utc())
}

/// A feed timestamp (as [`timestamp`] made it) as newsdesk's date.
fn published(t: &DateTime<Utc>) -> Option<Published> {
    use chrono::Datelike;
    let date = jiff::civil::Date::new(t.year().try_into().ok()?, t.month() as i8, t.day() as i8).ok()?;
    if t.hour() == 0 && t.minute() == 0 && t.second() == 0 && t.nanosecond() == DATE_ONLY_NANOS {
        return Some(Published::day(date));
    }
    let time = jiff::civil::Time::new(t.hour() as i8, t.minute() as i8, t.second() as i8, 0).ok()?;
    Some(Published { date, time: Some(time), offset: None })
}

/// What every entry of a feed shares.
struct Context<'a> {
    outlets: &'a Outlets,
    /// The feed's title, cleaned.
    title: Option<String>,
    /// The host of the feed's own home page (`<link>` of the channel).
    home: Option<String>,
    /// Atom: the feed's authors, which entries without their own inherit.
    authors: Vec<Author>,
}

impl<'a> Context<'a> {
    fn of(feed: &Feed, outlets: &'a Outlets) -> Self {
        let title = feed.title.as_ref().map(text_line).filter(|t| !t.is_empty());
        let home = main_link(&feed.links).and_then(url_host).map(normalize_domain);
        let authors = if feed.feed_type == FeedType::Atom { people(&feed.authors) } else { Vec::new() };
        Context { outlets, title, home, authors }
    }
}

/// The link that is the page itself: no `rel`, or `alternate` (not `self`, `enclosure`…).
fn main_link(links: &[Link]) -> Option<&str> {
    links
        .iter()
        .filter(|l| l.target.is_none())
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.trim())
        .filter(|h| !h.is_empty())
}

/// A [`Text`] as one clean line (titles may be typed as HTML, and RSS titles often hold
/// entities even when they are not).
fn text_line(t: &Text) -> String {
    if t.content_type.as_str().ends_with("plain") && !t.content.contains(['<', '&']) {
        text::clean_field(&t.content)
    } else {
        content::html_line(&t.content)
    }
}

/// The clean body of a [`Text`] or content: HTML unless typed as plain text.
fn body_of(body: &str, content_type: &str) -> Vec<Block> {
    if content_type.ends_with("plain") { plain_body(&text::normalize(body)) } else { content::html_blocks(body) }
}

/// Person names: a name, or the name in an e-mail-only author (`x@y (Name)`); never an address.
fn people(persons: &[Person]) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::new();
    for p in persons {
        let Some(name) = p.name.as_deref() else { continue };
        let name = text::clean_field(name.trim().trim_start_matches(['(', '<', '[']).trim_end_matches([')', '>', ']']));
        if name.is_empty() || (name.contains('@') && !name.contains(' ')) {
            continue;
        }
        if !out.iter().any(|a| *a.name == *name) {
            out.push(Author::new(&name));
        }
    }
    out
}

/// The string an entry's id is the hash of: its guid or id, else its link, else its title and
/// date, else its text.
fn entry_key(entry: &Entry, link: Option<&str>, title: Option<&str>, body: &[Block]) -> String {
    let id = entry.id.trim();
    if !id.is_empty() {
        return id.to_string();
    }
    if let Some(l) = link {
        return l.to_string();
    }
    let date = entry.published.or(entry.updated).map(|d| d.to_rfc3339()).unwrap_or_default();
    match title {
        Some(t) => format!("{t}\n{date}"),
        None => body.iter().map(Block::text).collect::<Vec<_>>().join("\n"),
    }
}

/// A wire agency named by a dateline at the start of one of the first paragraphs:
/// `SEOUL (Reuters) - …`, `WASHINGTON (AP) — …`.
fn dateline_agency(body: &[Block], outlets: &Outlets) -> Option<super::outlets::OutletId> {
    body.iter().filter(|b| matches!(b, Block::Paragraph(_))).take(3).find_map(|b| {
        let t = b.text();
        let open = t.get(..t.len().min(120))?.find('(')?;
        let close = open + t[open..].find(')')?;
        let after = t[close + 1..].trim_start();
        if !after.starts_with(['-', '–', '—', ':']) {
            return None;
        }
        let id = outlets.find_dateline(&t[open + 1..close])?;
        outlets.get(id).agency.then_some(id)
    })
}

/// An agency by name ("Reuters", "AP").
fn agency_named(name: &str, outlets: &Outlets) -> Option<super::outlets::OutletId> {
    outlets.find_name(name).filter(|id| outlets.get(*id).agency)
}

/// One entry as an article.
fn article(ctx: &Context<'_>, slot: &Slot) -> Result<Parsed, Problem> {
    let e = &slot.entry;
    let line = slot.line;
    let mut notes = Vec::new();

    let body = match (&e.content, &e.summary) {
        (Some(c), _) if c.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => {
            body_of(c.body.as_deref().unwrap_or_default(), c.content_type.as_str())
        }
        (_, Some(s)) => body_of(&s.content, s.content_type.as_str()),
        _ => Vec::new(),
    };
    let title = e.title.as_ref().map(text_line).filter(|t| !t.is_empty());
    let link = main_link(&e.links).map(str::to_string);
    if title.is_none() && body.is_empty() {
        return Err(Problem {
            line: Some(line).filter(|&l| l > 0),
            severity: Severity::Error,
            message: format!("feed entry {} has neither title nor text; skipped", slot.index + 1),
        });
    }
    let id = ArticleId::of_bytes(entry_key(e, link.as_deref(), title.as_deref(), &body).as_bytes());

    let title = match title {
        Some(t) => Field::new(t, line, Rule::EntryTitle),
        None => {
            notes.push(Note::on(NoteOn::Title, line, "no title given; the title is the first line of text"));
            let first = body.first().map_or_else(String::new, |b| shorten(b.text(), 80));
            Field::new(first, line, Rule::EntryContent)
        }
    };

    // Authors: people; an author that is a wire agency names the agency instead.
    let mut agency = None;
    let mut authors = people(&e.authors);
    let mut author_rule = Rule::EntryAuthor;
    if authors.is_empty() && !ctx.authors.is_empty() {
        authors = ctx.authors.clone();
        author_rule = Rule::FeedAuthor;
    }
    authors.retain(|a| match agency_named(&a.name, ctx.outlets) {
        Some(id) => {
            agency.get_or_insert(Field::new(OutletRef::Known(id), line, author_rule));
            false
        }
        None => true,
    });
    if agency.is_none() {
        agency = slot
            .source
            .as_deref()
            .and_then(|s| agency_named(s, ctx.outlets))
            .map(|id| Field::new(OutletRef::Known(id), line, Rule::EntrySource));
    }
    if agency.is_none() {
        agency = dateline_agency(&body, ctx.outlets).map(|id| Field::new(OutletRef::Known(id), line, Rule::Dateline));
    }
    let authors = (!authors.is_empty()).then(|| Field::new(authors, line, author_rule));

    // Outlet: the entry's link when its site is a known outlet, or when it points away from
    // the feed's own site (an aggregator); else the feed's title; else the link's domain.
    let host = link.as_deref().and_then(url_host).map(normalize_domain);
    let known = host.as_deref().and_then(|h| ctx.outlets.find_domain(h));
    let elsewhere = host.as_ref().zip(ctx.home.as_ref()).is_some_and(|(h, home)| !same_site(h, home));
    let outlet = match (known, &host, &ctx.title) {
        (Some(id), _, _) => Some(Field::new(OutletRef::Known(id), line, Rule::EntryLink)),
        (None, Some(h), _) if elsewhere => Some(Field::new(OutletRef::Domain(h.clone()), line, Rule::EntryLink)),
        (None, _, Some(t)) => {
            let r = ctx.outlets.find_name(t).map_or_else(|| OutletRef::Name(t.clone()), OutletRef::Known);
            Some(Field::new(r, 0, Rule::FeedTitle))
        }
        (None, Some(h), None) => Some(Field::new(OutletRef::Domain(h.clone()), line, Rule::EntryLink)),
        (None, None, None) => None,
    };

    let published = match (e.published.as_ref().and_then(published), e.updated.as_ref().and_then(published)) {
        (Some(p), _) => Some(Field::new(p, line, Rule::EntryPublished)),
        (None, Some(u)) => {
            notes.push(Note::on(NoteOn::Published, line, UPDATED_ONLY));
            Some(Field::new(u, line, Rule::EntryUpdated))
        }
        (None, None) => {
            notes.push(Note::on(NoteOn::Published, line, NO_DATE));
            None
        }
    };

    let extraction = Extraction {
        title,
        outlet,
        agency,
        published,
        authors,
        url: link.map(|l| Field::new(l, line, Rule::EntryLink)),
        body,
        removed: Vec::new(),
        other_dates: Vec::new(),
        notes,
    };
    let record = Record {
        start: slot.start as u64,
        end: slot.end as u64,
        line,
        entry: NonZeroU32::new(slot.index.saturating_add(1)),
    };
    Ok(Parsed { id, record: Some(record), extraction })
}

/// Whether two hosts are one site: equal, or one a subdomain of the other
/// (`news.example.com` and `example.com`).
fn same_site(a: &str, b: &str) -> bool {
    let sub = |x: &str, y: &str| x.strip_suffix(y).is_some_and(|p| p.ends_with('.'));
    a == b || sub(a, b) || sub(b, a)
}
