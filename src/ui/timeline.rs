//! The timeline pane: the view's articles on a time axis, one lane per outlet (labelled, in the
//! outlet's colour), each article a mark, counts per bucket. The bucket size is the finest that
//! fits the width (or the user's, with `+`/`-`); long empty stretches collapse into one `┊`
//! break, so the 2011 and 2019 clusters of the sample corpus both fit in 80 columns.
//!
//! The model is built in `update` when the view, the zoom or the width changes; drawing reads it
//! and the current selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::app::Model;
use super::{text, theme};
use crate::corpus::Corpus;
use crate::corpus::outlets::OutletId;
use crate::corpus::timeline::{Slot, TimeKey, Unit, fits, slots};
use crate::width::{fit, width};

/// Columns per bucket: a mark or count, and space around it.
pub const CELL: usize = 3;
/// Empty buckets in a row that collapse into one break.
const COLLAPSE: usize = 2;

/// One lane: an outlet and how many of the view's dated articles it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub outlet: Option<OutletId>,
    pub articles: usize,
}

/// One column group of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// A bucket: its number, and per lane the count of articles (lane index, count).
    Bucket { bucket: i32, total: u32, counts: Vec<(u16, u32)> },
    /// Empty buckets `from..=to`, collapsed.
    Gap { from: i32, to: i32 },
}

/// What the timeline shows for the current view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineModel {
    pub unit: Unit,
    pub columns: Vec<Column>,
    /// Lanes, most articles first.
    pub lanes: Vec<Lane>,
    pub undated: usize,
}

/// Timeline settings and the built model.
#[derive(Debug, Clone)]
pub struct TimelinePane {
    pub visible: bool,
    /// Bucket size chosen with `+`/`-`; None: fit the width.
    pub zoom: Option<Unit>,
    pub model: TimelineModel,
}

impl Default for TimelinePane {
    fn default() -> Self {
        TimelinePane {
            visible: true,
            zoom: None,
            model: TimelineModel { unit: Unit::Month, columns: Vec::new(), lanes: Vec::new(), undated: 0 },
        }
    }
}

/// Columns a timeline of `area` has for buckets, after the lane labels.
pub fn bucket_columns(area: Rect, label_w: usize) -> usize {
    (area.width as usize).saturating_sub(label_w + 1)
}

/// Width of the lane labels: the list's outlet column, at most a third of the pane.
pub fn label_width(outlet_column: usize, pane: Rect) -> usize {
    outlet_column.min(pane.width as usize / 3)
}

impl TimelinePane {
    /// Rebuilds the model for the view's dated articles (in list order: newest first when
    /// `newest_first`) and a width in columns available to buckets. One pass over compact
    /// per-article keys; at 100,000 articles this is a few milliseconds.
    pub fn rebuild(&mut self, corpus: &Corpus, dated: &[u32], newest_first: bool, undated: usize, columns: usize) {
        let unknown = corpus.outlets().len();
        let slot = |i: &u32| corpus.outlet_of(*i).map_or(unknown, |o| o.0 as usize);
        let key = |i: &u32| corpus.time_key(*i).map(|k| (k, slot(i)));
        let keys: Vec<(TimeKey, usize)> = if newest_first {
            dated.iter().rev().filter_map(key).collect()
        } else {
            dated.iter().filter_map(key).collect()
        };
        let times: Vec<TimeKey> = keys.iter().map(|(k, _)| *k).collect();
        let unit = self.zoom.unwrap_or_else(|| fitting_unit(&times, columns));
        // Lanes: outlets by article count, then name; unknown last among equals.
        let mut counts = vec![0usize; unknown + 1];
        for (_, o) in &keys {
            counts[*o] += 1;
        }
        let outlet_at = |o: usize| (o != unknown).then_some(OutletId(o as u16));
        let mut lanes: Vec<Lane> = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(o, &articles)| Lane { outlet: outlet_at(o), articles })
            .collect();
        let name = |l: &Lane| corpus.outlet_name(l.outlet).map(str::to_lowercase).unwrap_or_else(|| "~".into());
        lanes.sort_by_cached_key(|l| (std::cmp::Reverse(l.articles), name(l)));
        let mut lane_of = vec![0u16; unknown + 1];
        for (k, l) in lanes.iter().enumerate() {
            lane_of[l.outlet.map_or(unknown, |o| o.0 as usize)] = k as u16;
        }
        // Counts per lane in each bucket, over the bucket's contiguous range of articles.
        let mut per_lane = vec![0u32; lanes.len()];
        let columns = slots(&times, unit, COLLAPSE)
            .into_iter()
            .map(|s| match s {
                Slot::Gap { from, to } => Column::Gap { from, to },
                Slot::Bucket { bucket, items } => {
                    for (_, o) in &keys[items.clone()] {
                        per_lane[lane_of[*o] as usize] += 1;
                    }
                    let mut counts = Vec::new();
                    for (lane, n) in per_lane.iter_mut().enumerate() {
                        if *n > 0 {
                            counts.push((lane as u16, std::mem::take(n)));
                        }
                    }
                    Column::Bucket { bucket, total: items.len() as u32, counts }
                }
            })
            .collect();
        self.model = TimelineModel { unit, columns, lanes, undated };
    }

    /// Rows the timeline would like: title, lanes, counts, two axis rows.
    pub fn wanted_rows(&self) -> usize {
        self.model.lanes.len().max(1) + 4
    }
}

/// The finest bucket size whose columns fit in `columns`.
fn fitting_unit(times: &[TimeKey], columns: usize) -> Unit {
    Unit::ALL.into_iter().find(|u| fits(times, *u, COLLAPSE, columns / CELL)).unwrap_or(Unit::Year)
}

/// Widest bucket cell, when there is room to spare.
const MAX_CELL: usize = 8;

/// Draws the timeline.
pub fn render(m: &Model<'_>, area: Rect, buf: &mut Buffer) {
    let focused = m.focus == super::layout::Pane::Timeline;
    let tm = &m.timeline.model;
    let dated: usize = tm.lanes.iter().map(|l| l.articles).sum();
    let title = format!(" Timeline · by {} · {dated} dated ", tm.unit.name());
    let right = if tm.undated > 0 { format!("{} undated ", tm.undated) } else { String::new() };
    text::title_bar(buf, area, &title, &right, focused);
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    if body.height < 2 || body.width < 8 {
        return;
    }
    if tm.columns.is_empty() {
        text::paragraph(buf, body, &[ratatui::text::Line::styled("No dated articles to place in time.", theme::dim())]);
        return;
    }
    let label_w = label_width(m.columns.outlet, body);
    // Rows from the bottom: the axis (two rows when there is room), the counts, then lanes.
    let axis_rows = if body.height >= 5 { 2 } else { 1 };
    let lane_rows = (body.height as usize).saturating_sub(axis_rows + 1).max(1);
    let shown = if tm.lanes.len() > lane_rows { lane_rows.saturating_sub(1) } else { tm.lanes.len() };
    let others = tm.lanes.len() > shown;
    let counts_y = body.y + (shown + usize::from(others)) as u16;
    let axis_y = counts_y + 1;
    let bottom = body.y + body.height;

    // Which bucket and lane hold the selected article.
    let selected = m.selected_article();
    let sel_bucket = selected.and_then(|i| m.corpus.get(i).published).map(|p| tm.unit.bucket(p.date));
    let sel_row = selected.and_then(|i| {
        let o = m.corpus.get(i).outlet;
        tm.lanes.iter().position(|l| l.outlet == o).map(|l| l.min(shown))
    });

    // Cells widen to use the space; when even the narrowest do not fit, the window follows
    // the selected bucket.
    let avail = bucket_columns(body, label_w);
    let cell = (avail / tm.columns.len().max(1)).clamp(CELL, MAX_CELL);
    let fit_cols = (avail / cell).max(1);
    let sel_col = sel_bucket
        .and_then(|b| tm.columns.iter().position(|c| matches!(c, Column::Bucket { bucket, .. } if *bucket == b)));
    let start = match sel_col {
        Some(c) if tm.columns.len() > fit_cols => c.saturating_sub(fit_cols / 2).min(tm.columns.len() - fit_cols),
        _ => 0,
    };

    // Counted over all rows; only dated ones are on the timeline, and undated unread are few.
    let unread = &m.unread.1;
    for (k, lane) in tm.lanes.iter().take(shown).enumerate() {
        let name = m.corpus.outlet_name(lane.outlet);
        let style = Style::new().fg(theme::outlet_color(name));
        let y = body.y + k as u16;
        // The lane's unread count at the right of its label, in bold (seen without colour too).
        let n = unread.get(lane.outlet.map_or(unread.len().saturating_sub(1), |o| o.0 as usize)).copied().unwrap_or(0);
        let count = if n > 0 { format!(" {n}") } else { String::new() };
        let name_w = label_w.saturating_sub(count.len());
        buf.set_string(body.x, y, fit(name.unwrap_or(super::list::UNKNOWN), name_w), style);
        if !count.is_empty() && name_w > 0 {
            buf.set_string(
                body.x + name_w as u16,
                y,
                &count,
                Style::new().add_modifier(ratatui::style::Modifier::BOLD),
            );
        }
    }
    if others {
        let rest = tm.lanes.len() - shown;
        buf.set_string(body.x, body.y + shown as u16, fit(&format!("+{rest} more"), label_w), theme::dim());
    }
    if counts_y < bottom {
        buf.set_string(body.x, counts_y, fit("articles", label_w), theme::dim());
    }

    let x0 = body.x + label_w as u16 + 1;
    let right_edge = body.x + body.width;
    let (mut next_short, mut next_context) = (x0, x0);
    let mut last_context: Option<String> = None;
    for (k, col) in tm.columns.iter().skip(start).take(fit_cols).enumerate() {
        let x = x0 + (k * cell) as u16;
        let pad = ((cell - CELL) / 2) as u16;
        match col {
            Column::Gap { .. } => {
                for y in body.y..axis_y.min(bottom) {
                    buf.set_string(x + pad + 1, y, "┊", theme::dim());
                }
            }
            Column::Bucket { bucket, total, counts } => {
                let is_sel = sel_bucket == Some(*bucket);
                let mut per_row: Vec<u32> = vec![0; shown + usize::from(others)];
                for &(lane, n) in counts {
                    per_row[(lane as usize).min(shown)] += n;
                }
                for (row, &n) in per_row.iter().enumerate() {
                    if n == 0 {
                        continue;
                    }
                    let color = match tm.lanes.get(row).filter(|_| row < shown) {
                        Some(l) => theme::outlet_color(m.corpus.outlet_name(l.outlet)),
                        None => ratatui::style::Color::Indexed(245),
                    };
                    let mut style = Style::new().fg(color);
                    if is_sel && sel_row == Some(row) {
                        style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
                    }
                    buf.set_string(x + pad, body.y + row as u16, mark(n), style);
                }
                let style = if is_sel { theme::heading() } else { theme::dim() };
                if counts_y < bottom {
                    buf.set_string(x + pad, counts_y, count_cell(*total), style);
                }
                let short = short_label(tm.unit, *bucket, cell);
                let w = width(&short) as u16;
                if axis_y < bottom && x >= next_short && x + w <= right_edge {
                    buf.set_string(x, axis_y, &short, style);
                    next_short = x + w + 1;
                }
                if let Some(ctx) = context_label(tm.unit, *bucket)
                    && axis_rows == 2
                    && axis_y + 1 < bottom
                    && last_context.as_deref() != Some(ctx.as_str())
                {
                    let w = width(&ctx) as u16;
                    if x >= next_context && x + w <= right_edge {
                        buf.set_string(x, axis_y + 1, &ctx, theme::dim());
                        next_context = x + w + 1;
                    }
                    last_context = Some(ctx);
                }
            }
        }
    }
}

/// The label under each bucket: the day, `W17`, `Apr`, `Q2` or the year; days show the month
/// too when the cell is wide enough.
fn short_label(unit: Unit, bucket: i32, cell: usize) -> String {
    let s = unit.start(bucket);
    match unit {
        Unit::Day if cell >= 6 => format!("{:02}-{:02}", s.month(), s.day()),
        _ => unit.short_label(bucket),
    }
}

/// The label under the short ones, where it changes: the month for days and weeks, the year
/// for months and quarters.
fn context_label(unit: Unit, bucket: i32) -> Option<String> {
    let s = unit.start(bucket);
    match unit {
        Unit::Day | Unit::Week => Some(format!("{:04}-{:02}", s.year(), s.month())),
        Unit::Month | Unit::Quarter => Some(format!("{:04}", s.year())),
        Unit::Year => None,
    }
}

/// A lane cell: `●` for one article, the count for more.
fn mark(n: u32) -> String {
    match n {
        0 => "   ".into(),
        1 => " ● ".into(),
        2..=99 => format!("{n:^3}"),
        _ => "99+".into(),
    }
}

fn count_cell(n: u32) -> String {
    if n < 1000 { format!("{n:>2} ") } else { format!("{:>2}k", (n / 1000).min(99)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_finest_unit_that_fits_is_chosen() {
        let d = |y, m, dd| TimeKey::of(date(y, m, dd));
        let story = [d(2011, 6, 28), d(2011, 6, 29), d(2019, 3, 25), d(2019, 4, 22), d(2019, 4, 23)];
        // Days: 28, 29, gap, 25 Mar, gap, 22, 23 → 7 columns of 3.
        assert_eq!(fitting_unit(&story, 21), Unit::Day);
        assert_eq!(fitting_unit(&story, 20), Unit::Week);
        let years: Vec<_> = (2000..2020).map(|y| d(y, 1, 1)).collect();
        assert_eq!(fitting_unit(&years, 60), Unit::Year);
        assert_eq!(fitting_unit(&years, 10), Unit::Year, "nothing fits: the coarsest, scrolled");
    }

    #[test]
    fn marks_and_counts() {
        assert_eq!(mark(1), " ● ");
        assert_eq!(mark(7), " 7 ");
        assert_eq!(mark(42), "42 ");
        assert_eq!(mark(150), "99+");
        assert_eq!(count_cell(5), " 5 ");
        assert_eq!(count_cell(12_345), "12k");
    }
}
