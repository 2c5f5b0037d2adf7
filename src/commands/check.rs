//! `newsdesk check`: per file, what was extracted and from what evidence, and every problem;
//! exit status 1 when any file has an error.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use crate::cli::TableFormat;
use crate::corpus::Corpus;
use crate::corpus::article::{Evidence, Rule};
use crate::corpus::diag::{Diagnostic, Severity};
use crate::width::count;

pub fn run(c: &Corpus, format: TableFormat, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let errors = c.count(Severity::Error);
    let warnings = c.count(Severity::Warning);
    if format == TableFormat::Json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            files: usize,
            articles: usize,
            errors: usize,
            warnings: usize,
            diagnostics: &'a [Diagnostic],
        }
        let r = Report { files: c.files().len(), articles: c.len(), errors, warnings, diagnostics: c.diagnostics() };
        serde_json::to_writer_pretty(&mut *out, &r)?;
        writeln!(out)?;
    } else {
        report(c, out)?;
        writeln!(
            out,
            "{}, {} ({} undated), {}, {}",
            count(c.files().len(), "file"),
            count(c.len(), "article"),
            c.undated(),
            count(errors, "error"),
            count(warnings, "warning")
        )?;
    }
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Every file in load order: its articles' fields with evidence, then its diagnostics. Files
/// that failed to load appear with their errors; diagnostics about paths that are not files
/// (a missing path, a symlink loop) are listed at the end.
fn report(c: &Corpus, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut by_path: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in c.diagnostics() {
        by_path.entry(d.path.as_str()).or_default().push(d);
    }
    let mut articles_of: Vec<Vec<u32>> = vec![Vec::new(); c.files().len()];
    for (i, a) in c.articles().iter().enumerate() {
        articles_of[a.source.file as usize].push(i as u32);
    }
    for (fi, file) in c.files().iter().enumerate() {
        writeln!(out, "{}", file.path)?;
        for &i in &articles_of[fi] {
            let a = c.get(i);
            if let Some(rec) = c.record(a) {
                match rec.entry_index() {
                    Some(k) if rec.line > 0 => writeln!(out, "  entry {} at line {}", k + 1, rec.line)?,
                    Some(k) => writeln!(out, "  entry {}", k + 1)?,
                    None => writeln!(out, "  record at line {}", rec.line)?,
                }
            }
            let ev = a.evidence;
            let field =
                |out: &mut dyn Write, name: &str, value: Option<String>, e: Option<Evidence>| -> std::io::Result<()> {
                    match (value, e) {
                        (Some(v), Some(e)) => writeln!(out, "  {name:<10} {v}  ({})", cite(c, a, e)),
                        (Some(v), None) => writeln!(out, "  {name:<10} {v}"),
                        (None, _) => writeln!(out, "  {name:<10} —"),
                    }
                };
            writeln!(out, "  {:<10} {}", "id", c.short_id(a))?;
            field(out, "title", Some(a.title.to_string()), ev.title)?;
            field(out, "outlet", c.outlet_name(a.outlet).map(str::to_string), ev.outlet)?;
            field(out, "agency", c.outlet_name(a.agency).map(str::to_string), ev.agency)?;
            field(out, "published", a.published.map(|p| p.to_string()), ev.published)?;
            let authors = (!a.authors.is_empty())
                .then(|| a.authors.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "));
            field(out, "authors", authors, ev.authors)?;
            field(out, "url", a.url.as_deref().map(str::to_string), ev.url)?;
            writeln!(out, "  {:<10} {}", "body", count(a.words as usize, "word"))?;
        }
        if let Some(ds) = by_path.remove(file.path.as_str()) {
            for d in ds {
                let sev = d.severity;
                match d.line {
                    Some(l) => writeln!(out, "  {sev}: line {l}: {}", d.message)?,
                    None => writeln!(out, "  {sev}: {}", d.message)?,
                }
            }
        }
    }
    for ds in by_path.values() {
        for d in ds {
            writeln!(out, "{d}")?;
        }
    }
    Ok(())
}

fn cite(c: &Corpus, a: &crate::corpus::article::Article, e: Evidence) -> String {
    match e.rule {
        Rule::Metadata => format!(
            "{} line {}",
            c.metadata_file(a).map(|p| p.display().to_string()).unwrap_or_else(|| "newsdesk.toml".into()),
            e.line
        ),
        r if e.line == 0 => r.describe().to_string(),
        r => format!("line {}: {}", e.line, r.describe()),
    }
}
