//! `newsdesk show ID`: one article, its metadata with the evidence for each field, and its
//! clean text.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::UsageError;
use crate::cli::ShowFormat;
use crate::corpus::Corpus;
use crate::corpus::article::{Block, Evidence, Extraction, Rule};
use crate::corpus::formats::Format;
use crate::width::count;

/// Evidence for one field, with the line it quotes.
#[derive(Debug, Serialize)]
struct EvidenceJson {
    field: &'static str,
    /// The file the line is in (the article's, or its newsdesk.toml).
    file: String,
    line: u32,
    rule: Rule,
    description: &'static str,
    text: Option<String>,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    article: super::list::ArticleJson<'a>,
    authors_native: Vec<Option<&'a str>>,
    evidence: Vec<EvidenceJson>,
    body: &'a [Block],
    removed: Vec<RemovedJson>,
    other_dates: Vec<OtherDateJson>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct RemovedJson {
    line: u32,
    rule: Rule,
    description: &'static str,
}

#[derive(Serialize)]
struct OtherDateJson {
    line: u32,
    date: String,
    why: &'static str,
}

pub fn run(
    c: &Corpus,
    id: &str,
    format: ShowFormat,
    out: &mut dyn Write,
    width: Option<usize>,
) -> anyhow::Result<ExitCode> {
    let i = c.find_id(id).map_err(|e| UsageError(e.to_string()))?;
    let a = c.get(i);
    let e = c.extraction(i)?;
    let evidence = evidence(c, i, &e);
    let marks = super::state::marks_of(c, a);
    match format {
        ShowFormat::Json => {
            let doc = ShowJson {
                article: super::list::ArticleJson::new(c, a).with_marks(marks.as_ref().map(Some)),
                authors_native: a.authors.iter().map(|x| x.native.as_deref()).collect(),
                evidence,
                body: &e.body,
                removed: e
                    .removed
                    .iter()
                    .map(|r| RemovedJson { line: r.line, rule: r.rule, description: r.rule.describe() })
                    .collect(),
                other_dates: e
                    .other_dates
                    .iter()
                    .map(|d| OtherDateJson { line: d.line, date: d.published.to_string(), why: d.why })
                    .collect(),
                warnings: e.notes.iter().map(|n| n.message.clone()).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        ShowFormat::Text => text(c, i, &e, &evidence, marks.as_ref(), out, width)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn evidence(c: &Corpus, i: u32, e: &Extraction) -> Vec<EvidenceJson> {
    let a = c.get(i);
    let source = c.source_text(i);
    let meta = c.metadata_text(a);
    let meta_path = c.metadata_file(a).map(|p| p.display().to_string()).unwrap_or_default();
    let html = matches!(c.file(a).format, Format::Html | Format::HtmlGz);
    let quote = |field: &str, ev: &Evidence| -> Option<String> {
        let text = if ev.rule == Rule::Metadata { meta.as_deref()? } else { source.as_deref()? };
        if html && ev.rule != Rule::Metadata {
            // A page's line may be the whole page: quote the element or key instead.
            return crate::corpus::html::quote(text, field, *ev);
        }
        let line = text.lines().nth(ev.line.checked_sub(1)? as usize)?.trim();
        Some(crate::width::truncate(line, 160).into_owned())
    };
    let fields: [(&'static str, Option<Evidence>); 6] = [
        ("title", Some(e.title.evidence)),
        ("outlet", e.outlet.as_ref().map(|f| f.evidence)),
        ("agency", e.agency.as_ref().map(|f| f.evidence)),
        ("published", e.published.as_ref().map(|f| f.evidence)),
        ("authors", e.authors.as_ref().map(|f| f.evidence)),
        ("url", e.url.as_ref().map(|f| f.evidence)),
    ];
    fields
        .into_iter()
        .filter_map(|(field, ev)| {
            let ev = ev?;
            Some(EvidenceJson {
                field,
                file: if ev.rule == Rule::Metadata { meta_path.clone() } else { c.file(a).path.clone() },
                line: ev.line,
                rule: ev.rule,
                description: ev.rule.describe(),
                text: quote(field, &ev),
            })
        })
        .collect()
}

fn text(
    c: &Corpus,
    i: u32,
    e: &Extraction,
    evidence: &[EvidenceJson],
    marks: Option<&crate::state::Marks>,
    out: &mut dyn Write,
    width: Option<usize>,
) -> anyhow::Result<()> {
    let a = c.get(i);
    writeln!(out, "{}", a.title)?;
    let mut meta: Vec<String> = Vec::new();
    meta.push(c.outlet_name(a.outlet).unwrap_or("unknown outlet").to_string());
    if let Some(ag) = c.outlet_name(a.agency).filter(|ag| Some(*ag) != c.outlet_name(a.outlet)) {
        meta.push(ag.to_string());
    }
    meta.push(super::date_cell(a.published));
    if !a.authors.is_empty() {
        meta.push(a.authors.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "));
    }
    writeln!(out, "{}", meta.join(" · "))?;
    if let Some(u) = &a.url {
        writeln!(out, "{u}")?;
    }
    writeln!(out, "id {} · {} · {}", a.id.short(c.id_len()), c.file(a).path, count(a.words as usize, "word"))?;
    // Marks only when there are some, so an article without state reads as before.
    if let Some(m) = marks.filter(|m| m.read || m.starred || !m.tags.is_empty() || m.note.is_some()) {
        let mut line = vec![if m.read { "read" } else { "unread" }.to_string()];
        if m.starred {
            line.push("starred".into());
        }
        if !m.tags.is_empty() {
            line.push(format!("tags: {}", m.tags.join(", ")));
        }
        writeln!(out, "{}", line.join(" · "))?;
        if let Some(n) = &m.note {
            for l in n.lines() {
                writeln!(out, "note │ {l}")?;
            }
        }
    }
    writeln!(out)?;
    // Wrap for a terminal (at most 100 columns, for reading); one paragraph per line in pipes.
    let wrap = width.map(|w| w.clamp(20, 100));
    for b in &e.body {
        let t = match b {
            Block::Heading(h) => h.to_uppercase(),
            Block::Paragraph(p) => p.clone(),
            Block::Quote(q) => format!("> {q}"),
            Block::ListItem(li) => format!("• {li}"),
        };
        match wrap {
            Some(w) => writeln!(out, "{}", crate::width::wrap(&t, w).join("\n"))?,
            None => writeln!(out, "{t}")?,
        }
        writeln!(out)?;
    }
    writeln!(out, "Evidence")?;
    for ev in evidence {
        let place = if ev.rule == Rule::Metadata {
            format!("{} line {}", ev.file, ev.line)
        } else if ev.line == 0 {
            String::new()
        } else {
            format!("line {}", ev.line)
        };
        let why = if ev.rule == Rule::Metadata { "" } else { ev.description };
        writeln!(out, "{}", format!("  {:<10} {:<10} {}", ev.field, place, why).trim_end())?;
        if let Some(t) = &ev.text {
            writeln!(out, "  {:<10} │ {}", "", t)?;
        }
    }
    if !e.other_dates.is_empty() {
        writeln!(out, "Dates not used")?;
        for d in &e.other_dates {
            writeln!(out, "  line {:<5} {}  {}", d.line, d.published, d.why)?;
        }
    }
    if !e.removed.is_empty() {
        writeln!(out, "Removed from the body")?;
        for r in &e.removed {
            match r.line {
                // A saved page's blocks have no line of their own.
                0 => writeln!(out, "  {}", r.rule.describe())?,
                l => writeln!(out, "  line {:<5} {}", l, r.rule.describe())?,
            }
        }
    }
    if !e.notes.is_empty() {
        writeln!(out, "Warnings")?;
        for n in &e.notes {
            writeln!(out, "  {}", n.message)?;
        }
    }
    Ok(())
}
