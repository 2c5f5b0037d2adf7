//! `newsdesk outlets`: each outlet with its article count and date span.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{UNKNOWN, UsageError};
use crate::cli::{Config, TableFormat};
use crate::corpus::Corpus;
use crate::width::{count, fit, width};

#[derive(Serialize)]
struct OutletJson<'a> {
    outlet: Option<&'a str>,
    articles: usize,
    undated: usize,
    first: Option<String>,
    last: Option<String>,
}

pub fn run(
    c: &Corpus,
    config: &Config,
    marks: &super::state::Loaded,
    format: TableFormat,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let filter = config.filter.resolve(c).map_err(|e| UsageError(e.to_string()))?;
    let mut sel = c.select(&filter, config.filter.order);
    marks.retain(&mut sel, &config.marks);
    let stats = c.outlet_stats(&sel);
    match format {
        TableFormat::Json => {
            let rows: Vec<OutletJson<'_>> = stats
                .iter()
                .map(|s| OutletJson {
                    outlet: c.outlet_name(s.outlet),
                    articles: s.articles,
                    undated: s.undated,
                    first: s.first.map(|p| p.date.to_string()),
                    last: s.last.map(|p| p.date.to_string()),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        TableFormat::Table => {
            let name_w =
                stats.iter().map(|s| width(c.outlet_name(s.outlet).unwrap_or(UNKNOWN))).max().unwrap_or(0).max(6);
            writeln!(out, "{}  ARTICLES  FIRST       LAST", fit("OUTLET", name_w))?;
            for s in &stats {
                let d =
                    |p: Option<crate::corpus::dates::Published>| p.map_or("—".to_string(), |p| p.date.to_string());
                writeln!(
                    out,
                    "{}  {:>8}  {}  {}",
                    fit(c.outlet_name(s.outlet).unwrap_or(UNKNOWN), name_w),
                    s.articles,
                    fit(&d(s.first), 10),
                    d(s.last)
                )?;
            }
            let undated: usize = stats.iter().map(|s| s.undated).sum();
            let (n, a) = (stats.iter().filter(|s| s.outlet.is_some()).count(), sel.len());
            let unknown = stats.iter().find(|s| s.outlet.is_none()).map_or(0, |s| s.articles);
            let unknown = if unknown > 0 { format!(", {unknown} with no known outlet") } else { String::new() };
            writeln!(out, "{}, {} ({undated} undated{unknown})", count(n, "outlet"), count(a, "article"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
