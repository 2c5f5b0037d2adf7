//! `newsdesk list`: the filtered articles as a table, JSON, JSON Lines or TSV, or through
//! [`crate::corpus::export`] as CSV, Markdown, BibTeX or CSL-JSON.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::state::Loaded;
use super::{UNKNOWN, UsageError, date_cell};
use crate::cli::{Config, ListFormat};
use crate::corpus::Corpus;
use crate::corpus::article::Article;
use crate::corpus::export;
use crate::state::Marks;
use crate::width::{fit, truncate, width};

/// One article in `list --format json|jsonl`. A stable interface: fields are only ever added.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// The full 16-hex-digit id (tables show a unique prefix).
    pub id: String,
    pub path: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub agency: Option<&'a str>,
    /// ISO 8601: `2011-06-28T20:32` or `2011-06-29`; null when undated.
    pub published: Option<String>,
    /// The UTC offset of `published`'s time when the page gave a zone: `+03:00`; else null.
    pub published_offset: Option<String>,
    pub authors: Vec<&'a str>,
    pub url: Option<&'a str>,
    pub words: u32,
    /// The marks from the state database; all four are null when it could not be read.
    pub read: Option<bool>,
    pub starred: Option<bool>,
    pub tags: Option<Vec<&'a str>>,
    pub note: Option<&'a str>,
}

impl<'a> ArticleJson<'a> {
    pub fn new(c: &'a Corpus, a: &'a Article) -> Self {
        ArticleJson {
            id: a.id.hex(),
            path: &c.file(a).path,
            title: &a.title,
            outlet: c.outlet_name(a.outlet),
            agency: c.outlet_name(a.agency),
            published: a.published.map(|p| p.to_string()),
            published_offset: a.published.and_then(|p| p.offset_text()),
            authors: a.authors.iter().map(|x| &*x.name).collect(),
            url: a.url.as_deref(),
            words: a.words,
            read: None,
            starred: None,
            tags: None,
            note: None,
        }
    }

    /// With the article's marks: `None` when the state is unknown, `Some(None)` when the article
    /// has none (unread, unstarred).
    pub fn with_marks(mut self, marks: Option<Option<&'a Marks>>) -> Self {
        if let Some(m) = marks {
            self.read = Some(m.is_some_and(|m| m.read));
            self.starred = Some(m.is_some_and(|m| m.starred));
            self.tags = Some(m.map(|m| m.tags.iter().map(String::as_str).collect()).unwrap_or_default());
            self.note = m.and_then(|m| m.note.as_deref());
        }
        self
    }
}

pub fn run(
    c: &Corpus,
    config: &Config,
    marks: &Loaded,
    format: ListFormat,
    out: &mut dyn Write,
    width: Option<usize>,
) -> anyhow::Result<ExitCode> {
    let filter = config.filter.resolve(c).map_err(|e| UsageError(e.to_string()))?;
    let mut sel = c.select(&filter, config.filter.order);
    marks.retain(&mut sel, &config.marks);
    let json = |i: u32| ArticleJson::new(c, c.get(i)).with_marks(marks.get(i));
    match format {
        ListFormat::Table => table(c, &sel, marks, out, width)?,
        ListFormat::Json => {
            let rows: Vec<ArticleJson<'_>> = sel.iter().map(|&i| json(i)).collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            for &i in &sel {
                serde_json::to_writer(&mut *out, &json(i))?;
                writeln!(out)?;
            }
        }
        ListFormat::Csv | ListFormat::Markdown | ListFormat::Bibtex | ListFormat::CslJson => {
            let f = match format {
                ListFormat::Csv => export::ListFormat::Csv,
                ListFormat::Markdown => export::ListFormat::Markdown,
                ListFormat::Bibtex => export::ListFormat::Bibtex,
                _ => export::ListFormat::CslJson,
            };
            let entries: Vec<export::Entry> = sel.iter().map(|&i| export::Entry::of(c, i)).collect();
            // The accessed date of citations: today on this machine's clock.
            let today = jiff::Zoned::now().date();
            out.write_all(f.render(&entries, today).as_bytes())?;
        }
        ListFormat::Tsv => {
            writeln!(out, "id\tpublished\toutlet\tagency\ttitle\tauthors\turl\twords\tpath")?;
            let cell = |s: &str| s.replace(['\t', '\n', '\r'], " ");
            for &i in &sel {
                let a = c.get(i);
                let authors: Vec<&str> = a.authors.iter().map(|x| &*x.name).collect();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    c.short_id(a),
                    a.published.map(|p| p.to_string()).unwrap_or_default(),
                    cell(c.outlet_name(a.outlet).unwrap_or("")),
                    cell(c.outlet_name(a.agency).unwrap_or("")),
                    cell(&a.title),
                    cell(&authors.join("; ")),
                    cell(a.url.as_deref().unwrap_or("")),
                    a.words,
                    cell(&c.file(a).path),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Outlet column at most this wide; long names are truncated with `…`.
const OUTLET_MAX: usize = 22;

/// The marks column: `N` unread, `*` starred. Shown once there is a state database, so a
/// newcomer's table is not a column of N's.
fn marks_cell(m: Option<&Marks>) -> &'static str {
    match m.map_or((false, false), |m| (m.read, m.starred)) {
        (false, false) => "N  ",
        (false, true) => "N* ",
        (true, false) => "   ",
        (true, true) => " * ",
    }
}

fn table(
    c: &Corpus,
    sel: &[u32],
    marks: &Loaded,
    out: &mut dyn Write,
    width_limit: Option<usize>,
) -> anyhow::Result<()> {
    if sel.is_empty() {
        writeln!(out, "no articles match")?;
        return Ok(());
    }
    let id_w = c.id_len();
    let date_w = if sel.iter().any(|&i| c.get(i).published.is_some_and(|p| p.time.is_some())) { 16 } else { 10 };
    let outlet_w = sel
        .iter()
        .map(|&i| width(c.outlet_name(c.get(i).outlet).unwrap_or(UNKNOWN)))
        .max()
        .unwrap_or(6)
        .clamp("OUTLET".len(), OUTLET_MAX);
    // Only when the marks are known: an unreadable state is not shown as all unread.
    let marks_w = if marks.exists && marks.marks.is_some() { 3 } else { 0 };
    let cell = |i: u32| marks.get(i).map_or("", marks_cell);
    let fixed = marks_w + id_w + 2 + date_w + 2 + outlet_w + 2;
    let title_w = width_limit.map(|w| w.saturating_sub(fixed).max(10));
    let title = |t: &str| match title_w {
        Some(w) => truncate(t, w).into_owned(),
        None => t.to_string(),
    };
    let head = if marks_w > 0 { "   " } else { "" };
    writeln!(out, "{head}{}  {}  {}  TITLE", fit("ID", id_w), fit("DATE", date_w), fit("OUTLET", outlet_w))?;
    for &i in sel {
        let a = c.get(i);
        writeln!(
            out,
            "{}{}  {}  {}  {}",
            if marks_w > 0 { cell(i) } else { "" },
            c.short_id(a),
            fit(&date_cell(a.published), date_w),
            fit(c.outlet_name(a.outlet).unwrap_or(UNKNOWN), outlet_w),
            title(&a.title)
        )?;
    }
    Ok(())
}
