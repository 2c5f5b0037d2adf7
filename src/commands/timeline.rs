//! `newsdesk timeline`: articles grouped by month, empty stretches collapsed into one line, so
//! the story's course reads at a glance.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{UNKNOWN, UsageError};
use crate::cli::{Config, TableFormat};
use crate::corpus::Corpus;
use crate::corpus::filter::Order;
use crate::corpus::timeline::{Slot, Unit, slots};
use crate::width::{count, fit, truncate, width};

/// Longest bar, in cells.
const BAR: usize = 30;

#[derive(Serialize)]
struct MonthJson {
    month: String,
    articles: Vec<String>,
}

pub fn run(
    c: &Corpus,
    config: &Config,
    marks: &super::state::Loaded,
    summary: bool,
    format: TableFormat,
    out: &mut dyn Write,
    width_limit: Option<usize>,
) -> anyhow::Result<ExitCode> {
    let filter = config.filter.resolve(c).map_err(|e| UsageError(e.to_string()))?;
    let mut sel = c.select(&filter, Order::OldestFirst);
    marks.retain(&mut sel, &config.marks);
    // Oldest first, undated last: the dated ones are a prefix.
    let dated = sel.partition_point(|&i| c.time_key(i).is_some());
    let keys: Vec<_> = sel[..dated].iter().filter_map(|&i| c.time_key(i)).collect();
    let undated = sel.len() - dated;
    let slots = slots(&keys, Unit::Month, 1);
    if format == TableFormat::Json {
        let months: Vec<MonthJson> = slots
            .iter()
            .filter_map(|s| match s {
                Slot::Bucket { bucket, items } => Some(MonthJson {
                    month: Unit::Month.label(*bucket),
                    articles: sel[items.clone()].iter().map(|&i| c.get(i).id.hex()).collect(),
                }),
                Slot::Gap { .. } => None,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &months)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if sel.is_empty() {
        writeln!(out, "no articles match")?;
        return Ok(ExitCode::SUCCESS);
    }
    let max = slots
        .iter()
        .map(|s| match s {
            Slot::Bucket { items, .. } => items.len(),
            Slot::Gap { .. } => 0,
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let outlet_w =
        sel.iter().map(|&i| width(c.outlet_name(c.get(i).outlet).unwrap_or(UNKNOWN))).max().unwrap_or(0).min(22);
    for s in &slots {
        match s {
            Slot::Bucket { bucket, items } => {
                let cells = (items.len() * BAR).div_ceil(max);
                writeln!(out, "{}  {} {}", Unit::Month.label(*bucket), "█".repeat(cells), items.len())?;
                if summary {
                    continue;
                }
                for &i in &sel[items.clone()] {
                    let a = c.get(i);
                    let date = super::date_cell(a.published);
                    let prefix = format!(
                        "    {}  {}  ",
                        fit(&date, 16),
                        fit(c.outlet_name(a.outlet).unwrap_or(UNKNOWN), outlet_w)
                    );
                    let title = match width_limit {
                        Some(w) => truncate(&a.title, w.saturating_sub(width(&prefix)).max(10)).into_owned(),
                        None => a.title.to_string(),
                    };
                    writeln!(out, "{prefix}{title}")?;
                }
            }
            Slot::Gap { from, to } => {
                let n = to - from + 1;
                let n = n as usize;
                let span = match (n / 12, n % 12) {
                    (0, m) => count(m, "month"),
                    (y, 0) => count(y, "year"),
                    (y, m) => format!("{} {}", count(y, "year"), count(m, "month")),
                };
                writeln!(
                    out,
                    "   ┆     {span} without articles ({} … {})",
                    Unit::Month.label(*from),
                    Unit::Month.label(*to)
                )?;
            }
        }
    }
    if undated > 0 {
        writeln!(out, "undated  {undated}")?;
    }
    Ok(ExitCode::SUCCESS)
}
