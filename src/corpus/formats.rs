//! The file formats of a corpus: raw scraped text, text with TOML front matter, JSON and JSON
//! Lines, saved feeds (RSS, Atom, JSON Feed; read in [`super::feeds`]) and saved web pages
//! (HTML, read by [`super::html`]). Each file's bytes become zero or more parsed articles and a
//! list of problems.

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::article::{ArticleId, Author, Extraction, Field, Note, NoteOn, OutletRef, Record, Rule};
use super::dates::{self, DayMonthOrder, Published};
use super::diag::{Severity, line_of, line_of_bytes};
use super::extract::{self, plain_body};
use super::feeds;
use super::html;
use super::outlets::Outlets;
use super::text;

/// Raw text above this size is not one article.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;
/// JSON files hold many articles; they may be larger.
pub const MAX_JSON_BYTES: u64 = 1024 * 1024 * 1024;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Raw scraped text (`.txt`, `.md`), or text with `+++` TOML front matter.
    Text,
    /// `.json`: one article object, or an array of them.
    Json,
    /// `.jsonl`: one article object per line.
    JsonLines,
    /// `.rss`, `.atom`: an RSS or Atom feed, one article per entry.
    Feed,
    /// `.xml`: a feed when its root element is one (`rss`, `feed`, `rdf:RDF`); anything else
    /// is skipped with a warning.
    Xml,
    /// A saved web page: `.html`, `.htm`, `.xhtml`.
    Html,
    /// A gzipped saved web page: `.html.gz`, `.htm.gz`, `.xhtml.gz`.
    HtmlGz,
}

impl Format {
    /// The format for a file name, or None for files a folder walk skips.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "rss" | "atom" => Some(Format::Feed),
            "xml" => Some(Format::Xml),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "gz" => {
                let stem = Path::new(path.file_stem()?);
                let inner = stem.extension()?.to_str()?.to_ascii_lowercase();
                matches!(inner.as_str(), "html" | "htm" | "xhtml").then_some(Format::HtmlGz)
            }
            _ => None,
        }
    }

    pub fn max_bytes(self) -> u64 {
        match self {
            Format::Text => MAX_TEXT_BYTES,
            Format::Json | Format::JsonLines => MAX_JSON_BYTES,
            Format::Feed | Format::Xml => feeds::MAX_FEED_BYTES,
            // A gzipped page is also bounded once uncompressed (see `html::decode::gunzip`).
            Format::Html | Format::HtmlGz => html::MAX_HTML_BYTES,
        }
    }

    /// What one file of this format is, for messages ("the limit for one feed file").
    pub fn noun(self) -> &'static str {
        match self {
            Format::Text => "article",
            Format::Json | Format::JsonLines => "JSON",
            Format::Feed | Format::Xml => "feed",
            Format::Html | Format::HtmlGz => "page",
        }
    }

    /// How a feed file of this format is written; None for formats that are not feeds (a
    /// `.json` is a feed only when its content says so).
    pub fn feed_syntax(self) -> Option<feeds::Syntax> {
        match self {
            Format::Feed => Some(feeds::Syntax::Xml { required: true }),
            Format::Xml => Some(feeds::Syntax::Xml { required: false }),
            Format::Text | Format::Json | Format::JsonLines | Format::Html | Format::HtmlGz => None,
        }
    }
}

/// A problem in one file, before the loader attaches the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<u32>,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    fn error(line: Option<u32>, message: impl Into<String>) -> Self {
        Problem { line, severity: Severity::Error, message: message.into() }
    }
    fn warning(line: Option<u32>, message: impl Into<String>) -> Self {
        Problem { line, severity: Severity::Warning, message: message.into() }
    }
}

/// One article read from a file.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub id: ArticleId,
    pub record: Option<Record>,
    pub extraction: Extraction,
}

/// Reads the bytes of one file: its articles, and problems with the file itself.
pub fn parse_file(bytes: &[u8], format: Format, outlets: &Outlets) -> (Vec<Parsed>, Vec<Problem>) {
    parse_file_hashed(bytes, xxhash_rust::xxh3::xxh3_64(bytes), format, outlets)
}

/// [`parse_file`] for a caller that has hashed the bytes already (the hash is a text file's
/// article id).
pub fn parse_file_hashed(bytes: &[u8], hash: u64, format: Format, outlets: &Outlets) -> (Vec<Parsed>, Vec<Problem>) {
    if matches!(format, Format::Html | Format::HtmlGz) {
        // Checked after gunzip and with the page's own encoding (UTF-16 pages hold NUL bytes).
        let (e, problems) = html::read(bytes, format == Format::HtmlGz, outlets);
        let parsed = e.map(|extraction| Parsed { id: ArticleId(hash), record: None, extraction });
        return (parsed.into_iter().collect(), problems);
    }
    let mut problems = Vec::new();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        problems.push(Problem::error(None, "empty file; skipped"));
        return (Vec::new(), problems);
    }
    if memchr::memchr(0, bytes).is_some() {
        problems.push(Problem::error(None, "binary file (contains NUL bytes); skipped"));
        return (Vec::new(), problems);
    }
    let parsed = match format {
        Format::Text => {
            let (text, issue) = text::decode(bytes);
            if let Some(text::DecodeIssue::InvalidUtf8 { offset, line }) = issue {
                problems.push(Problem::warning(
                    Some(line),
                    format!("invalid UTF-8 at byte {offset}; undecodable bytes shown as \u{fffd}"),
                ));
            }
            match parse_text(&text, outlets) {
                Ok(e) => vec![Parsed { id: ArticleId(hash), record: None, extraction: e }],
                Err(p) => {
                    problems.push(p);
                    Vec::new()
                }
            }
        }
        // JSON is parsed from the file's own bytes so record offsets can be read back by seeking.
        Format::Json if feeds::is_json_feed(bytes) => {
            if bytes.len() as u64 > feeds::MAX_FEED_BYTES {
                let msg = format!(
                    "too large ({:.1} MB; the limit for one feed file is {} MB); skipped",
                    bytes.len() as f64 / 1e6,
                    feeds::MAX_FEED_BYTES / (1024 * 1024)
                );
                problems.push(Problem::error(None, msg));
                return (Vec::new(), problems);
            }
            let (parsed, mut p) = feeds::parse(bytes, feeds::Syntax::Json, outlets);
            problems.append(&mut p);
            parsed
        }
        Format::Json => parse_json(bytes, &mut problems),
        Format::JsonLines => parse_json_lines(bytes, &mut problems),
        Format::Feed | Format::Xml => {
            let syntax = format.feed_syntax().unwrap_or(feeds::Syntax::Xml { required: true });
            let (parsed, mut p) = feeds::parse(bytes, syntax, outlets);
            problems.append(&mut p);
            parsed
        }
        Format::Html | Format::HtmlGz => Vec::new(),
    };
    // Each article's own notes become warnings in the loader, after newsdesk.toml has had its
    // say (a date given there answers "no publication date found").
    (parsed, problems)
}

/// Reads a text file: front matter when it opens with `+++`, else a raw scraped page.
pub fn parse_text(text: &str, outlets: &Outlets) -> Result<Extraction, Problem> {
    match split_front_matter(text)? {
        Some((fm, body, body_line)) => front_matter(fm, body, body_line),
        None => Ok(extract::extract(text, outlets)),
    }
}

/// `(front matter, body, first line of the body)` if the text opens with a `+++` block.
fn split_front_matter(text: &str) -> Result<Option<(&str, &str, u32)>, Problem> {
    let Some(rest) = text.strip_prefix("+++") else { return Ok(None) };
    let Some(rest) = rest.strip_prefix('\n').or_else(|| rest.trim_start_matches([' ', '\t']).strip_prefix('\n')) else {
        return Ok(None);
    };
    let start = text.len() - rest.len();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let fm = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = line_of(text, start + offset + line.len());
            return Ok(Some((fm, body, body_line)));
        }
        offset += line.len();
    }
    Err(Problem::error(Some(1), "front matter opened with +++ is never closed; skipped"))
}

fn front_matter(fm: &str, body: &str, body_line: u32) -> Result<Extraction, Problem> {
    let table: toml::Table = toml::from_str(fm).map_err(|e| {
        let line = e.span().map(|s| 1 + line_of(fm, s.start));
        Problem::error(line, format!("broken front matter: {}; skipped", first_line(e.message())))
    })?;
    // Lines of keys, for evidence: front matter starts on line 2.
    let key_line = |key: &str| -> u32 {
        fm.lines()
            .position(|l| l.trim_start().strip_prefix(key).is_some_and(|r| r.trim_start().starts_with('=')))
            .map_or(1, |i| i as u32 + 2)
    };
    let mut notes = Vec::new();
    let mut string = |key: &str| -> Option<Field<String>> {
        match table.get(key)? {
            toml::Value::String(s) => Some(Field::new(clean(s), key_line(key), Rule::FrontMatter)),
            other => {
                notes.push(Note::new(
                    key_line(key),
                    format!("front matter `{key}` should be a string, not {}", other.type_str()),
                ));
                None
            }
        }
    };
    let title = string("title");
    let outlet = string("outlet");
    let agency = string("agency");
    let url = string("url");
    let published = match table.get("published") {
        None => None,
        Some(v) => {
            let line = key_line("published");
            let text = match v {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                _ => String::new(),
            };
            match parse_date_value(&text) {
                Some(p) => Some(Field::new(p, line, Rule::FrontMatter)),
                None => {
                    notes.push(Note::on(
                        NoteOn::Published,
                        line,
                        format!("front matter `published` is not a date: {text:?}"),
                    ));
                    None
                }
            }
        }
    };
    let authors_line = key_line("authors").max(key_line("author"));
    let authors = match table.get("authors").or_else(|| table.get("author")) {
        None => None,
        Some(toml::Value::String(s)) => Some(vec![Author::new(&clean(s))]),
        Some(toml::Value::Array(a)) => {
            Some(a.iter().filter_map(|v| v.as_str()).map(|s| Author::new(&clean(s))).collect())
        }
        Some(other) => {
            let msg =
                format!("front matter `authors` should be a string or a list of strings, not {}", other.type_str());
            notes.push(Note::new(authors_line, msg));
            None
        }
    }
    .map(|v| Field::new(v, authors_line, Rule::FrontMatter));
    // `id` and `source` are written by the reader's save (corpus::export): known, not read.
    let known = ["title", "outlet", "agency", "url", "published", "authors", "author", "id", "source"];
    for key in table.keys() {
        if !known.contains(&key.as_str()) {
            notes
                .push(Note::new(key_line(key), format!("front matter key `{key}` is not one newsdesk reads; ignored")));
        }
    }
    let blocks = plain_body(body);
    Ok(given(title, outlet, agency, published, authors, url, blocks, body_line, notes))
}

/// Builds an extraction from fields given directly (front matter, JSON).
#[allow(clippy::too_many_arguments)]
fn given(
    title: Option<Field<String>>,
    outlet: Option<Field<String>>,
    agency: Option<Field<String>>,
    published: Option<Field<Published>>,
    authors: Option<Field<Vec<Author>>>,
    url: Option<Field<String>>,
    body: Vec<super::article::Block>,
    body_line: u32,
    mut notes: Vec<Note>,
) -> Extraction {
    let title = match title.filter(|t| !t.value.trim().is_empty()) {
        Some(t) => t,
        None => {
            notes.push(Note::on(NoteOn::Title, body_line, "no title given; the title is the first line of text"));
            let short = body.first().map_or_else(|| "(untitled)".to_string(), |b| extract::shorten(b.text(), 80));
            Field::new(short, body_line, Rule::FirstLine)
        }
    };
    if published.is_none() {
        notes.push(Note::on(NoteOn::Published, 0, extract::NO_DATE));
    }
    let name = |f: Field<String>| Field { value: OutletRef::Name(f.value), evidence: f.evidence };
    Extraction {
        title,
        outlet: outlet.filter(|o| !o.value.is_empty()).map(name),
        agency: agency.filter(|o| !o.value.is_empty()).map(name),
        published,
        authors: authors.filter(|a| !a.value.is_empty()),
        url: url.filter(|u| !u.value.is_empty()),
        body,
        removed: Vec::new(),
        other_dates: Vec::new(),
        notes,
    }
}

/// A date given as a value: ISO 8601 or any date line newsdesk reads.
pub fn parse_date_value(s: &str) -> Option<Published> {
    Published::parse_iso(s).or_else(|| dates::parse_line(s, DayMonthOrder::DayFirst).map(|d| d.published))
}

use text::clean_field as clean;

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// One JSON article.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    title: Option<String>,
    outlet: Option<String>,
    agency: Option<String>,
    published: Option<String>,
    #[serde(default)]
    authors: Option<OneOrMany>,
    url: Option<String>,
    body: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

fn parse_json(bytes: &[u8], problems: &mut Vec<Problem>) -> Vec<Parsed> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = line_of_bytes(bytes, e.valid_up_to());
            problems.push(Problem::error(
                Some(line),
                format!("invalid UTF-8 at byte {} (JSON must be UTF-8); skipped", e.valid_up_to()),
            ));
            return Vec::new();
        }
    };
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = if body.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(body)
    } else {
        serde_json::from_str::<&RawValue>(body).map(|v| vec![v])
    };
    let records = match parsed {
        Ok(v) => v,
        Err(e) => {
            problems.push(Problem::error(Some(e.line() as u32), format!("invalid JSON: {e}; skipped")));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let (mut line, mut last) = (1u32, 0usize);
    for raw in records {
        // RawValue borrows from `text`, so its address gives its byte offset in the file.
        let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        let end = start + raw.get().len();
        line += line_of_bytes(&bytes[last..start], start - last) - 1;
        last = start;
        let record = Record { start: start as u64, end: end as u64, line, entry: None };
        match parse_record(raw.get(), record) {
            Ok(p) => out.push(p),
            Err(p) => problems.push(p),
        }
    }
    out
}

fn parse_json_lines(bytes: &[u8], problems: &mut Vec<Problem>) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let start = offset;
        offset += line.len();
        let no = i as u32 + 1;
        let Ok(line) = std::str::from_utf8(line) else {
            problems.push(Problem::error(Some(no), "invalid UTF-8 (JSON must be UTF-8); line skipped"));
            continue;
        };
        let lead = if i == 0 { line.len() - line.trim_start_matches('\u{feff}').len() } else { 0 };
        let body = line[lead..].trim_end();
        if body.trim().is_empty() {
            continue;
        }
        let record =
            Record { start: (start + lead) as u64, end: (start + lead + body.len()) as u64, line: no, entry: None };
        match parse_record(body, record) {
            Ok(p) => out.push(p),
            Err(p) => problems.push(p),
        }
    }
    out
}

/// Reads one JSON article object (a line of a `.jsonl`, an element of a `.json` array).
pub fn parse_record(json: &str, record: Record) -> Result<Parsed, Problem> {
    let a: JsonArticle = serde_json::from_str(json).map_err(|e| {
        Problem::error(Some(record.line + e.line() as u32 - 1), format!("JSON article does not parse: {e}; skipped"))
    })?;
    let line = record.line;
    let f = |v: Option<String>| v.map(|s| Field::new(clean(&s), line, Rule::Json));
    let mut notes = Vec::new();
    let published = match a.published {
        None => None,
        Some(s) => match parse_date_value(&s) {
            Some(p) => Some(Field::new(p, line, Rule::Json)),
            None => {
                notes.push(Note::on(NoteOn::Published, line, format!("`published` is not a date: {s:?}")));
                None
            }
        },
    };
    let authors = a.authors.map(|v| {
        let list = match v {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        };
        Field::new(
            list.iter().map(|s| Author::new(&clean(s))).filter(|a| !a.name.is_empty()).collect(),
            line,
            Rule::Json,
        )
    });
    let body = a.body.map(|b| plain_body(&text::normalize(&b))).unwrap_or_default();
    if a.title.is_none() && body.is_empty() {
        return Err(Problem::error(Some(line), "JSON article has neither title nor body; skipped"));
    }
    let extraction = given(f(a.title), f(a.outlet), f(a.agency), published, authors, f(a.url), body, line, notes);
    Ok(Parsed { id: ArticleId::of_bytes(json.as_bytes()), record: Some(record), extraction })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(bytes: &[u8], format: Format) -> (Vec<Parsed>, Vec<Problem>) {
        parse_file(bytes, format, &Outlets::builtin())
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("b.md")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("b.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::of(Path::new("b.json")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("b.png")), None);
        assert_eq!(Format::of(Path::new("news.RSS")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("news.atom")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("sitemap.xml")), Some(Format::Xml));
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn front_matter_gives_fields_directly() {
        let text = "+++\ntitle = \"Kim arrives\"\noutlet = \"NK News\"\npublished = 2019-04-24T18:05:00\nauthors = [\"Jane Doe\"]\nurl = \"https://nknews.org/x\"\n+++\nKim arrived **today**.\n\nSecond paragraph.\n";
        let (p, problems) = one(text.as_bytes(), Format::Text);
        assert_eq!(problems, vec![]);
        let e = &p[0].extraction;
        assert_eq!(e.title, Field::new("Kim arrives".to_string(), 2, Rule::FrontMatter));
        assert_eq!(e.outlet.as_ref().unwrap().value, OutletRef::Name("NK News".into()));
        assert_eq!(e.published.as_ref().unwrap().value.to_string(), "2019-04-24T18:05");
        assert_eq!(e.published.as_ref().unwrap().evidence.line, 4);
        assert_eq!(e.authors.as_ref().unwrap().value, vec![Author::new("Jane Doe")]);
        assert_eq!(e.body.len(), 2);
        assert_eq!(e.body[0].text(), "Kim arrived today.");
    }

    #[test]
    fn front_matter_dates_may_be_strings_in_any_known_form() {
        let (p, _) = one(b"+++\ntitle = \"T\"\npublished = \"Monday, 25th March 2019\"\n+++\nBody.", Format::Text);
        assert_eq!(p[0].extraction.published.as_ref().unwrap().value.to_string(), "2019-03-25");
    }

    #[test]
    fn broken_front_matter_is_an_error_with_a_line() {
        let (p, problems) = one(b"+++\ntitle = \"T\"\npublished = = 3\n+++\nBody.", Format::Text);
        assert!(p.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Error);
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[0].message.starts_with("broken front matter"), "{}", problems[0].message);
        let (p, problems) = one(b"+++\ntitle = \"T\"\nBody without a closing fence.", Format::Text);
        assert!(p.is_empty());
        assert!(problems[0].message.contains("never closed"));
    }

    #[test]
    fn unknown_front_matter_keys_are_warned_about() {
        let (p, problems) =
            one(b"+++\ntitle = \"T\"\npublished = \"2019-01-02\"\ntags = [\"x\"]\n+++\nBody.", Format::Text);
        assert_eq!(problems, vec![]);
        assert_eq!(
            p[0].extraction.notes,
            vec![Note::new(4, "front matter key `tags` is not one newsdesk reads; ignored")]
        );
    }

    #[test]
    fn json_array_and_single_object() {
        let json = br#"[
  {"title": "One", "outlet": "RT", "published": "2019-04-22T21:44", "authors": ["A B"], "body": "P1\n\nP2"},
  {"title": "Two", "published": "2019-04-23", "authors": "C D", "url": "https://rt.com/x"}
]"#;
        let (p, problems) = one(json, Format::Json);
        assert_eq!(problems, vec![]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].record.unwrap().line, 2);
        assert_eq!(p[1].record.unwrap().line, 3);
        assert_eq!(p[0].extraction.body.len(), 2);
        assert_eq!(p[1].extraction.authors.as_ref().unwrap().value, vec![Author::new("C D")]);
        let r = p[1].record.unwrap();
        let again = parse_record(std::str::from_utf8(&json[r.start as usize..r.end as usize]).unwrap(), r).unwrap();
        assert_eq!(again.extraction, p[1].extraction, "a record re-read on demand is the same article");
        assert_ne!(p[0].id, p[1].id);
        let (p, _) = one(br#"{"title": "Solo", "published": "2011-06-29"}"#, Format::Json);
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn a_bad_json_line_is_skipped_and_the_rest_load() {
        let jsonl = b"{\"title\": \"One\", \"published\": \"2019-04-22\"}\n{not json\n\n{\"title\": \"Three\", \"published\": \"2019-04-24\"}\n";
        let (p, problems) = one(jsonl, Format::JsonLines);
        assert_eq!(p.iter().map(|p| p.extraction.title.value.as_str()).collect::<Vec<_>>(), ["One", "Three"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(problems[0].severity, Severity::Error);
        assert_eq!(p[1].record.unwrap().line, 4);
    }

    #[test]
    fn invalid_json_file_names_the_line() {
        let (p, problems) = one(b"[\n{\"title\": \"x\"},\n{oops}\n]", Format::Json);
        assert!(p.is_empty());
        assert_eq!(problems[0].line, Some(3));
    }

    #[test]
    fn empty_binary_and_invalid_utf8() {
        let (p, problems) = one(b"  \n\n", Format::Text);
        assert!(p.is_empty());
        assert_eq!(problems[0].message, "empty file; skipped");
        let (p, problems) = one(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Format::Text);
        assert!(p.is_empty());
        assert!(problems[0].message.starts_with("binary file"));
        let (p, problems) = one(b"A headline about bad bytes\n\nCaf\xe9 text, 3 May 2019.", Format::Text);
        assert_eq!(p.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert_eq!(problems[0].line, Some(3));
        assert!(p[0].extraction.body[0].text().contains("Caf\u{fffd}"));
    }

    #[test]
    fn json_records_are_byte_ranges_of_the_file_even_with_crlf() {
        let jsonl = b"{\"title\": \"One\"}\r\n{\"title\": \"Two\", \"body\": \"x\"}\r\n";
        let (p, _) = one(jsonl, Format::JsonLines);
        let r = p[1].record.unwrap();
        assert_eq!(&jsonl[r.start as usize..r.end as usize], b"{\"title\": \"Two\", \"body\": \"x\"}");
        let json = b"\xEF\xBB\xBF[\r\n {\"title\": \"A\"},\r\n {\"title\": \"B\"}]";
        let (p, _) = one(json, Format::Json);
        let r = p[1].record.unwrap();
        assert_eq!(&json[r.start as usize..r.end as usize], b"{\"title\": \"B\"}");
        assert_eq!(r.line, 3);
    }
}
