//! `newsdesk list`: the filtered articles as a table, JSON, JSON Lines or TSV, or through
//! [`crate::corpus::export`] as CSV, Markdown, BibTeX or CSL-JSON.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{UNKNOWN, UsageError, date_cell};
use crate::cli::{Config, ListFormat};
use crate::corpus::Corpus;
use crate::corpus::article::Article;
use crate::corpus::export;
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
    pub authors: Vec<&'a str>,
    pub url: Option<&'a str>,
    pub words: u32,
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
            authors: a.authors.iter().map(|x| &*x.name).collect(),
            url: a.url.as_deref(),
            words: a.words,
        }
    }
}

pub fn run(
    c: &Corpus,
    config: &Config,
    format: ListFormat,
    out: &mut dyn Write,
    width: Option<usize>,
) -> anyhow::Result<ExitCode> {
    let filter = config.filter.resolve(c).map_err(|e| UsageError(e.to_string()))?;
    let sel = c.select(&filter, config.filter.order);
    match format {
        ListFormat::Table => table(c, &sel, out, width)?,
        ListFormat::Json => {
            let rows: Vec<ArticleJson<'_>> = sel.iter().map(|&i| ArticleJson::new(c, c.get(i))).collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            for &i in &sel {
                serde_json::to_writer(&mut *out, &ArticleJson::new(c, c.get(i)))?;
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

fn table(c: &Corpus, sel: &[u32], out: &mut dyn Write, width_limit: Option<usize>) -> anyhow::Result<()> {
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
    let fixed = id_w + 2 + date_w + 2 + outlet_w + 2;
    let title_w = width_limit.map(|w| w.saturating_sub(fixed).max(10));
    let title = |t: &str| match title_w {
        Some(w) => truncate(t, w).into_owned(),
        None => t.to_string(),
    };
    writeln!(out, "{}  {}  {}  TITLE", fit("ID", id_w), fit("DATE", date_w), fit("OUTLET", outlet_w))?;
    for &i in sel {
        let a = c.get(i);
        writeln!(
            out,
            "{}  {}  {}  {}",
            c.short_id(a),
            fit(&date_cell(a.published), date_w),
            fit(c.outlet_name(a.outlet).unwrap_or(UNKNOWN), outlet_w),
            title(&a.title)
        )?;
    }
    Ok(())
}
