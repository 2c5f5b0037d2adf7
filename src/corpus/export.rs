//! Exporting articles: one article as Markdown or text with TOML front matter (save, pipe), a
//! one-line citation (the clipboard), and lists of articles as Markdown, CSV, JSON, BibTeX and
//! CSL-JSON. Pure text formatting shared by the printers and the reader; nothing here reads a
//! clock (the accessed date is passed in) or touches a terminal.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use super::Corpus;
use super::article::Block;
use super::dates::Published;

/// An article's metadata, resolved against its corpus (outlet names, the file's path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The full 16-hex-digit id.
    pub id: String,
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
    pub agency: Option<String>,
    /// ISO 8601: `2011-06-28T20:32` or `2011-06-29`.
    #[serde(serialize_with = "iso")]
    pub published: Option<Published>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub words: u32,
}

fn iso<S: serde::Serializer>(p: &Option<Published>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => s.serialize_str(&p.to_string()),
        None => s.serialize_none(),
    }
}

impl Entry {
    /// Article number `i` of `c`.
    pub fn of(c: &Corpus, i: u32) -> Entry {
        let a = c.get(i);
        Entry {
            id: a.id.hex(),
            path: c.file(a).path.clone(),
            title: a.title.to_string(),
            outlet: c.outlet_name(a.outlet).map(str::to_string),
            // An agency that is the outlet itself (a Reuters story on reuters.com) says nothing more.
            agency: c.outlet_name(a.agency).filter(|ag| Some(*ag) != c.outlet_name(a.outlet)).map(str::to_string),
            published: a.published,
            authors: a.authors.iter().map(|x| x.name.to_string()).collect(),
            url: a.url.as_deref().map(str::to_string),
            words: a.words,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One article
// ---------------------------------------------------------------------------------------------

/// How a saved article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleFormat {
    /// Headings as `#`/`##`.
    Markdown,
    /// Headings as plain lines.
    Text,
}

impl ArticleFormat {
    /// By the file's extension: `.txt`/`.text` is text, anything else Markdown.
    pub fn for_path(path: &Path) -> ArticleFormat {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("txt" | "text") => ArticleFormat::Text,
            _ => ArticleFormat::Markdown,
        }
    }
}

/// The front matter's fields, in the order written. `newsdesk` reads the same keys back (see
/// docs/corpus-format.md), so a saved article is itself a corpus file.
#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    id: &'a str,
    source: &'a str,
}

/// The clean article with TOML front matter (`+++` lines), then the title and the body.
pub fn article(e: &Entry, body: &[Block], format: ArticleFormat) -> String {
    let title = one_line(&e.title);
    let fm = FrontMatter {
        title: &title,
        outlet: e.outlet.as_deref(),
        agency: e.agency.as_deref(),
        published: e.published.map(|p| p.to_string()),
        authors: e.authors.iter().map(String::as_str).collect(),
        url: e.url.as_deref(),
        id: &e.id,
        source: &e.path,
    };
    // A struct of strings always serialises; the fallback only keeps this total.
    let toml = toml::to_string(&fm).unwrap_or_default();
    let mut s = format!("+++\n{toml}+++\n\n");
    let heading = |level: &str, t: &str| match format {
        ArticleFormat::Markdown => format!("{level} {}\n\n", one_line(t)),
        ArticleFormat::Text => format!("{}\n\n", one_line(t)),
    };
    s.push_str(&heading("#", &e.title));
    for b in body {
        match b {
            Block::Heading(h) => s.push_str(&heading("##", h)),
            Block::Paragraph(p) => {
                s.push_str(p.trim());
                s.push_str("\n\n");
            }
            Block::Quote(q) => {
                if format == ArticleFormat::Markdown {
                    s.push_str("> ");
                }
                s.push_str(q.trim());
                s.push_str("\n\n");
            }
            Block::ListItem(li) => {
                s.push_str(match format {
                    ArticleFormat::Markdown => "- ",
                    ArticleFormat::Text => "• ",
                });
                s.push_str(li.trim());
                s.push_str("\n\n");
            }
        }
    }
    // One newline at the end, not two.
    s.pop();
    s
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A one-line reference: `Doe, Jane and Kim Lee. "Title." Outlet (via Reuters), 2019-04-23.
/// URL (accessed 2026-12-02).` Parts the article does not have are left out.
pub fn citation(e: &Entry, accessed: Date) -> String {
    let mut s = String::new();
    if !e.authors.is_empty() {
        let names: Vec<String> = e.authors.iter().map(|a| one_line(a)).collect();
        s.push_str(&join_names(&names));
        s.push_str(". ");
    }
    let title = one_line(&e.title);
    let end = if title.ends_with(['.', '?', '!']) { "" } else { "." };
    s.push_str(&format!("\u{201c}{title}{end}\u{201d}"));
    let mut place = e.outlet.clone().unwrap_or_default();
    if let Some(ag) = &e.agency {
        place = if place.is_empty() { format!("via {ag}") } else { format!("{place} (via {ag})") };
    }
    match (place.is_empty(), e.published) {
        (false, Some(p)) => s.push_str(&format!(" {place}, {}.", p.date)),
        (false, None) => s.push_str(&format!(" {place}.")),
        (true, Some(p)) => s.push_str(&format!(" {}.", p.date)),
        (true, None) => {}
    }
    if let Some(u) = &e.url {
        s.push_str(&format!(" {u} (accessed {accessed})."));
    }
    s
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A file name for a saved article: `2019-04-23-kim-jong-un-to-meet-putin.md` (`undated-…`
/// without a date), at most 60 characters of slug.
pub fn file_name(e: &Entry) -> String {
    let date = e.published.map_or_else(|| "undated".to_string(), |p| p.date.to_string());
    let slug = slug(&e.title, 60);
    if slug.is_empty() { format!("{date}-{}.md", &e.id[..8.min(e.id.len())]) } else { format!("{date}-{slug}.md") }
}

/// Lower-case letters and digits of any script, words joined by `-`, cut at a word boundary
/// within `max` characters.
pub fn slug(title: &str, max: usize) -> String {
    let mut out = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let w = word.to_lowercase();
        let len = out.chars().count() + usize::from(!out.is_empty()) + w.chars().count();
        if len > max {
            if out.is_empty() {
                out = w.chars().take(max).collect();
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

/// A format for a list of articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Markdown,
    Csv,
    Json,
    Bibtex,
    CslJson,
}

impl ListFormat {
    /// By the file's name: `.md`, `.csv`, `.json`, `.bib`, `.csl.json` (or `.csljson`).
    pub fn for_path(path: &Path) -> Option<ListFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let f = if name.ends_with(".csl.json") || name.ends_with(".csljson") {
            ListFormat::CslJson
        } else if name.ends_with(".json") {
            ListFormat::Json
        } else if name.ends_with(".csv") {
            ListFormat::Csv
        } else if name.ends_with(".bib") || name.ends_with(".bibtex") {
            ListFormat::Bibtex
        } else if name.ends_with(".md") || name.ends_with(".markdown") {
            ListFormat::Markdown
        } else {
            return None;
        };
        Some(f)
    }

    /// The format's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            ListFormat::Markdown => "Markdown",
            ListFormat::Csv => "CSV",
            ListFormat::Json => "JSON",
            ListFormat::Bibtex => "BibTeX",
            ListFormat::CslJson => "CSL-JSON",
        }
    }

    /// The accepted extensions, for messages.
    pub const EXTENSIONS: &'static str = ".md .csv .json .bib .csl.json";

    /// The list in this format.
    pub fn render(self, entries: &[Entry], accessed: Date) -> String {
        match self {
            ListFormat::Markdown => markdown(entries),
            ListFormat::Csv => csv(entries),
            ListFormat::Json => json(entries),
            ListFormat::Bibtex => bibtex(entries),
            ListFormat::CslJson => csl_json(entries, accessed),
        }
    }
}

/// A Markdown bullet list: date, linked title, outlet, authors, id.
pub fn markdown(entries: &[Entry]) -> String {
    let mut s = String::new();
    for e in entries {
        let date = e.published.map_or_else(|| "undated".to_string(), |p| p.human());
        let title = md_escape(&one_line(&e.title));
        let title = match &e.url {
            Some(u) => format!("[{title}](<{}>)", u.replace(['<', '>', ' '], "")),
            None => format!("**{title}**"),
        };
        let mut parts = vec![format!("- {date} · {title}")];
        let mut place = e.outlet.as_deref().map(md_escape).unwrap_or_default();
        if let Some(ag) = &e.agency {
            place = if place.is_empty() { md_escape(ag) } else { format!("{place} ({})", md_escape(ag)) };
        }
        if !place.is_empty() {
            parts.push(place);
        }
        if !e.authors.is_empty() {
            parts.push(md_escape(&e.authors.join(", ")));
        }
        parts.push(format!("`{}`", e.id));
        s.push_str(&parts.join(" · "));
        s.push('\n');
    }
    s
}

/// Backslash before the characters that would start Markdown syntax inside a line.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// CSV per RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break (quotes doubled). A cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
pub fn csv(entries: &[Entry]) -> String {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    let header = ["id", "published", "outlet", "agency", "title", "authors", "url", "words", "path"];
    // Writing to a Vec cannot fail; errors would only be I/O.
    let _ = w.write_record(header);
    for e in entries {
        let row = [
            e.id.clone(),
            e.published.map(|p| p.to_string()).unwrap_or_default(),
            e.outlet.clone().unwrap_or_default(),
            e.agency.clone().unwrap_or_default(),
            e.title.clone(),
            e.authors.join("; "),
            e.url.clone().unwrap_or_default(),
            e.words.to_string(),
            e.path.clone(),
        ];
        let _ = w.write_record(row.iter().map(|c| defuse(c).into_owned()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// OWASP's advice for CSV injection: a cell a spreadsheet would read as a formula is made text.
fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}").into() } else { cell.into() }
}

/// A JSON array of [`Entry`]: the same fields as `newsdesk list --format json`.
pub fn json(entries: &[Entry]) -> String {
    let mut s = serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

/// Citation keys for `entries`, in order: `<first author's surname, or the outlet><year><first
/// word of the title>`, ASCII letters and digits, lower case; repeats get `a`, `b`, … .
pub fn citation_keys(entries: &[Entry]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    entries
        .iter()
        .map(|e| {
            let who = e
                .authors
                .first()
                .map(|a| key_part(&split_name(a).map_or_else(|| a.clone(), |(family, _)| family)))
                .filter(|k| !k.is_empty())
                .or_else(|| e.outlet.as_deref().map(key_part).filter(|k| !k.is_empty()))
                .unwrap_or_else(|| "anon".into());
            let year = e.published.map_or_else(|| "nd".to_string(), |p| p.date.year().to_string());
            let word = e.title.split_whitespace().map(key_part).find(|w| !w.is_empty()).unwrap_or_default();
            let base = format!("{who}{year}{word}");
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            match *n {
                1 => base,
                k => format!("{base}{}", suffix(k - 2)),
            }
        })
        .collect()
}

/// `a`…`z`, then `aa`, `ab`, … .
fn suffix(mut k: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (k % 26) as u8);
        if k < 26 {
            break;
        }
        k = k / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn key_part(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A personal name as (family, given), when it can be split: `Doe, Jane`, or two or more words
/// of a Latin-script name (`Jane Q. Doe`). Single words and names in scripts that put the family
/// name first or do not space names (Hangul, CJK) are not split.
pub fn split_name(name: &str) -> Option<(String, String)> {
    let name = one_line(name);
    if let Some((family, given)) = name.split_once(',') {
        let (family, given) = (family.trim(), given.trim());
        return (!family.is_empty() && !given.is_empty()).then(|| (family.to_string(), given.to_string()));
    }
    if name.chars().any(|c| c.is_alphabetic() && !is_latin(c)) {
        return None;
    }
    let (given, family) = name.rsplit_once(' ')?;
    Some((family.to_string(), given.to_string()))
}

/// Latin letters, including accented ones (Latin-1 to Latin Extended Additional).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// BibTeX `@article` entries, UTF-8 kept, with `{ } & % $ # _ \` escaped in text fields. The URL
/// is written as is (biblatex and the `url` package read it verbatim), with braces and
/// backslashes percent-encoded.
pub fn bibtex(entries: &[Entry]) -> String {
    let keys = citation_keys(entries);
    let mut s = String::new();
    for (e, key) in entries.iter().zip(keys) {
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !e.authors.is_empty() {
            let names: Vec<String> = e
                .authors
                .iter()
                .map(|a| match split_name(a) {
                    Some((family, given)) => format!("{}, {}", tex_escape(&family), tex_escape(&given)),
                    // Braced: BibTeX keeps it whole instead of guessing a surname.
                    None => format!("{{{}}}", tex_escape(&one_line(a))),
                })
                .collect();
            fields.push(("author", names.join(" and ")));
        }
        fields.push(("title", tex_escape(&one_line(&e.title))));
        if let Some(o) = &e.outlet {
            fields.push(("journal", tex_escape(o)));
        }
        if let Some(p) = e.published {
            fields.push(("year", p.date.year().to_string()));
            fields.push(("date", p.date.to_string()));
        }
        if let Some(u) = &e.url {
            fields.push(("url", u.replace('{', "%7B").replace('}', "%7D").replace('\\', "%5C")));
        }
        if let Some(ag) = &e.agency {
            fields.push(("note", format!("via {}", tex_escape(ag))));
        }
        s.push_str(&format!("@article{{{key},\n"));
        for (name, value) in fields {
            s.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        s.push_str("}\n\n");
    }
    s.pop();
    s
}

/// Escapes the characters BibTeX and LaTeX treat specially.
pub fn tex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    accessed: CslDate,
    /// The wire agency; CSL's `source` is "from whence the item originates".
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CslName {
    Split { family: String, given: String },
    Literal { literal: String },
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [[i32; 3]; 1],
}

impl CslDate {
    fn of(d: Date) -> CslDate {
        CslDate { date_parts: [[i32::from(d.year()), i32::from(d.month()), i32::from(d.day())]] }
    }
}

/// CSL-JSON (CSL 1.0 schema): `article-newspaper` items with the same ids as the BibTeX keys.
pub fn csl_json(entries: &[Entry], accessed: Date) -> String {
    let keys = citation_keys(entries);
    let items: Vec<CslItem<'_>> = entries
        .iter()
        .zip(&keys)
        .map(|(e, key)| CslItem {
            id: key,
            kind: "article-newspaper",
            title: one_line(&e.title),
            container_title: e.outlet.as_deref(),
            author: e
                .authors
                .iter()
                .map(|a| match split_name(a) {
                    Some((family, given)) => CslName::Split { family, given },
                    None => CslName::Literal { literal: one_line(a) },
                })
                .collect(),
            issued: e.published.map(|p| CslDate::of(p.date)),
            url: e.url.as_deref(),
            accessed: CslDate::of(accessed),
            source: e.agency.as_deref(),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn entry() -> Entry {
        Entry {
            id: "0123456789abcdef".into(),
            path: "news/kim.txt".into(),
            title: "Kim to meet Putin in Vladivostok".into(),
            outlet: Some("Daily Planet".into()),
            agency: Some("Reuters".into()),
            published: Some(Published { date: date(2019, 4, 23), time: Some(time(9, 5, 0, 0)), offset: None }),
            authors: vec!["Jane Doe".into(), "신혜인".into()],
            url: Some("https://example.com/kim?a=1&b=2".into()),
            words: 120,
        }
    }

    fn bare() -> Entry {
        Entry {
            id: "fedcba9876543210".into(),
            path: "news/b.txt".into(),
            title: "Untitled, \"quoted\" and\nsplit".into(),
            outlet: None,
            agency: None,
            published: None,
            authors: vec![],
            url: None,
            words: 3,
        }
    }

    const ACCESSED: Date = date(2026, 12, 2);

    #[test]
    fn saved_markdown_has_front_matter_and_headings() {
        let body = [Block::Paragraph("First paragraph.".into()), Block::Heading("Background".into())];
        assert_eq!(
            article(&entry(), &body, ArticleFormat::Markdown),
            "+++\ntitle = \"Kim to meet Putin in Vladivostok\"\noutlet = \"Daily Planet\"\nagency = \"Reuters\"\n\
             published = \"2019-04-23T09:05\"\nauthors = [\"Jane Doe\", \"신혜인\"]\n\
             url = \"https://example.com/kim?a=1&b=2\"\nid = \"0123456789abcdef\"\nsource = \"news/kim.txt\"\n+++\n\n\
             # Kim to meet Putin in Vladivostok\n\nFirst paragraph.\n\n## Background\n"
        );
    }

    #[test]
    fn saved_text_has_plain_headings_and_only_known_fields() {
        let body = [Block::Paragraph("One.".into())];
        assert_eq!(
            article(&bare(), &body, ArticleFormat::Text),
            "+++\ntitle = 'Untitled, \"quoted\" and split'\nid = \"fedcba9876543210\"\nsource = \"news/b.txt\"\n+++\n\n\
             Untitled, \"quoted\" and split\n\nOne.\n"
        );
        assert_eq!(ArticleFormat::for_path(Path::new("a.TXT")), ArticleFormat::Text);
        assert_eq!(ArticleFormat::for_path(Path::new("a.md")), ArticleFormat::Markdown);
        assert_eq!(ArticleFormat::for_path(Path::new("a")), ArticleFormat::Markdown);
    }

    #[test]
    fn a_saved_article_loads_back_with_its_metadata_and_no_warnings() {
        let dir = tempfile::tempdir().unwrap();
        let body = [Block::Paragraph("Kim arrived on Wednesday by armoured train.".into())];
        std::fs::write(dir.path().join("saved.md"), article(&entry(), &body, ArticleFormat::Markdown)).unwrap();
        let c = Corpus::load(&[dir.path().to_path_buf()], super::super::load::LoadOptions::default());
        assert_eq!(c.len(), 1);
        assert_eq!(c.diagnostics(), &[], "id and source are known keys");
        let back = Entry::of(&c, 0);
        assert_eq!(
            (back.title.as_str(), back.outlet.as_deref(), back.agency.as_deref(), back.url.as_deref()),
            ("Kim to meet Putin in Vladivostok", Some("Daily Planet"), Some("Reuters"), entry().url.as_deref())
        );
        assert_eq!((back.published, back.authors), (entry().published, entry().authors));
    }

    #[test]
    fn citation_names_authors_outlet_date_and_access() {
        assert_eq!(
            citation(&entry(), ACCESSED),
            "Jane Doe and 신혜인. \u{201c}Kim to meet Putin in Vladivostok.\u{201d} Daily Planet (via Reuters), \
             2019-04-23. https://example.com/kim?a=1&b=2 (accessed 2026-12-02)."
        );
        assert_eq!(citation(&bare(), ACCESSED), "\u{201c}Untitled, \"quoted\" and split.\u{201d}");
    }

    #[test]
    fn file_names_are_dated_slugs() {
        assert_eq!(file_name(&entry()), "2019-04-23-kim-to-meet-putin-in-vladivostok.md");
        assert_eq!(file_name(&bare()), "undated-untitled-quoted-and-split.md");
        let mut e = bare();
        e.title = "«—»".into();
        assert_eq!(file_name(&e), "undated-fedcba98.md");
        assert_eq!(slug("North Korea's Kim Jong-un will visit Russia", 20), "north-korea-s-kim");
        assert_eq!(slug("김정은 위원장", 60), "김정은-위원장");
    }

    #[test]
    fn markdown_list_links_titles_and_escapes() {
        let mut b = bare();
        b.title = "A *bold* [claim]".into();
        assert_eq!(
            markdown(&[entry(), b]),
            "- 2019-04-23 09:05 · [Kim to meet Putin in Vladivostok](<https://example.com/kim?a=1&b=2>) · \
             Daily Planet (Reuters) · Jane Doe, 신혜인 · `0123456789abcdef`\n\
             - undated · **A \\*bold\\* \\[claim\\]** · `fedcba9876543210`\n"
        );
    }

    #[test]
    fn csv_quotes_per_rfc_4180_and_defuses_formulas() {
        let mut evil = bare();
        evil.title = "=HYPERLINK(\"http://x\",\"y\")".into();
        evil.outlet = Some("@outlet".into());
        evil.authors = vec!["-2+3".into(), "+cmd".into()];
        assert_eq!(
            csv(&[entry(), bare(), evil]),
            "id,published,outlet,agency,title,authors,url,words,path\r\n\
             0123456789abcdef,2019-04-23T09:05,Daily Planet,Reuters,Kim to meet Putin in Vladivostok,Jane Doe; 신혜인,https://example.com/kim?a=1&b=2,120,news/kim.txt\r\n\
             fedcba9876543210,,,,\"Untitled, \"\"quoted\"\" and\nsplit\",,,3,news/b.txt\r\n\
             fedcba9876543210,,'@outlet,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-2+3; +cmd,,3,news/b.txt\r\n"
        );
    }

    #[test]
    fn json_has_the_list_fields() {
        let v: serde_json::Value = serde_json::from_str(&json(&[entry()])).unwrap();
        assert_eq!(
            v,
            serde_json::json!([{
                "id": "0123456789abcdef", "path": "news/kim.txt", "title": "Kim to meet Putin in Vladivostok",
                "outlet": "Daily Planet", "agency": "Reuters", "published": "2019-04-23T09:05",
                "authors": ["Jane Doe", "신혜인"], "url": "https://example.com/kim?a=1&b=2", "words": 120
            }])
        );
    }

    #[test]
    fn names_split_only_when_they_can() {
        assert_eq!(split_name("Jane Q. Doe"), Some(("Doe".into(), "Jane Q.".into())));
        assert_eq!(split_name("Doe, Jane"), Some(("Doe".into(), "Jane".into())));
        assert_eq!(split_name("José Álvarez"), Some(("Álvarez".into(), "José".into())));
        assert_eq!(split_name("Reuters"), None);
        assert_eq!(split_name("신혜인"), None);
        assert_eq!(split_name("Мария Васильева"), None, "not Latin: not guessed");
    }

    #[test]
    fn citation_keys_are_stable_and_deduplicated() {
        let mut no_author = entry();
        no_author.authors.clear();
        let mut korean = entry();
        korean.authors = vec!["신혜인".into()];
        assert_eq!(
            citation_keys(&[entry(), entry(), entry(), no_author, korean, bare()]),
            ["doe2019kim", "doe2019kima", "doe2019kimb", "dailyplanet2019kim", "dailyplanet2019kima", "anonnduntitled"]
        );
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
    }

    #[test]
    fn bibtex_escapes_and_keeps_utf8() {
        let mut e = entry();
        e.title = "50% of {braces} & $money #1 a_b \\ done — 김".into();
        e.url = Some("https://x.org/a%20b#frag{1}".into());
        assert_eq!(
            bibtex(&[e, bare()]),
            "@article{doe201950,\n  author = {Doe, Jane and {신혜인}},\n  \
             title = {50\\% of \\{braces\\} \\& \\$money \\#1 a\\_b \\textbackslash{} done — 김},\n  \
             journal = {Daily Planet},\n  year = {2019},\n  date = {2019-04-23},\n  \
             url = {https://x.org/a%20b#frag%7B1%7D},\n  note = {via Reuters},\n}\n\n\
             @article{anonnduntitled,\n  title = {Untitled, \"quoted\" and split},\n}\n"
        );
    }

    #[test]
    fn csl_json_follows_the_schema() {
        let v: serde_json::Value = serde_json::from_str(&csl_json(&[entry(), bare()], ACCESSED)).unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                {
                    "id": "doe2019kim", "type": "article-newspaper", "title": "Kim to meet Putin in Vladivostok",
                    "container-title": "Daily Planet",
                    "author": [{"family": "Doe", "given": "Jane"}, {"literal": "신혜인"}],
                    "issued": {"date-parts": [[2019, 4, 23]]},
                    "URL": "https://example.com/kim?a=1&b=2",
                    "accessed": {"date-parts": [[2026, 12, 2]]},
                    "source": "Reuters"
                },
                {
                    "id": "anonnduntitled", "type": "article-newspaper", "title": "Untitled, \"quoted\" and split",
                    "accessed": {"date-parts": [[2026, 12, 2]]}
                }
            ])
        );
    }

    #[test]
    fn list_formats_come_from_file_names() {
        for (name, f) in [
            ("a.md", ListFormat::Markdown),
            ("a.CSV", ListFormat::Csv),
            ("a.json", ListFormat::Json),
            ("refs.csl.json", ListFormat::CslJson),
            ("refs.bib", ListFormat::Bibtex),
        ] {
            assert_eq!(ListFormat::for_path(Path::new(name)), Some(f), "{name}");
        }
        assert_eq!(ListFormat::for_path(Path::new("a.xlsx")), None);
    }
}
