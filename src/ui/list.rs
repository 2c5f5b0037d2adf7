//! The list pane: one row per article of the view (date, outlet in its colour, title), the
//! selected row highlighted. Virtual: only the visible rows are drawn, so 100,000 articles cost
//! what 30 do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::Model;
use super::keymap::{self, Context};
use super::{text, theme};
use crate::corpus::Corpus;
use crate::corpus::filter::Order;
use crate::corpus::index::Query;
use crate::width::{fit, truncate, width};

/// Selection and scroll position of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPane {
    /// Row of the selected article in the view.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

impl ListPane {
    /// Selects `row` (clamped to the view) and scrolls so it is visible in `rows` rows.
    pub fn select(&mut self, row: usize, len: usize, rows: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.scroll_into_view(rows);
    }

    /// Keeps the selection visible after the pane changed height.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

/// Column widths, fixed for a corpus so rows do not shift as the filter changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub date: usize,
    pub outlet: usize,
}

impl Columns {
    pub fn for_corpus(c: &Corpus) -> Columns {
        let date = if c.articles().iter().any(|a| a.published.is_some_and(|p| p.time.is_some())) { 16 } else { 10 };
        let outlet = c.articles().iter().map(|a| width(c.outlet_name(a.outlet).unwrap_or(UNKNOWN))).max().unwrap_or(0);
        Columns { date, outlet: outlet.clamp(7, 18) }
    }
}

/// Shown where an article has no known outlet.
pub const UNKNOWN: &str = "(unknown)";

/// Rows of content under the title bar.
pub fn content_rows(area: Rect) -> usize {
    area.height.saturating_sub(1) as usize
}

/// Draws the list.
pub fn render(m: &Model<'_>, area: Rect, buf: &mut Buffer) {
    let focused = m.focus == super::layout::Pane::List;
    let order = match m.view.order {
        Order::NewestFirst => "newest first",
        Order::OldestFirst => "oldest first",
    };
    let unread = m.unread.0;
    let title = format!(" Articles  {} of {} · {unread} unread · {order} ", m.view.len(), m.corpus.len());
    text::title_bar(buf, area, &title, "", focused);
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    if body.height == 0 {
        return;
    }
    if m.view.is_empty() {
        let msg: Vec<Line<'_>> = if m.corpus.is_empty() {
            vec![
                Line::styled("No articles in this corpus.", theme::heading()),
                Line::raw("newsdesk reads .txt, .md, .json and .jsonl files in the folders you give it."),
                Line::raw("`newsdesk check PATH` shows what it found and why."),
            ]
        } else {
            vec![
                Line::styled("No articles match the filters.", theme::heading()),
                Line::raw(format!("Press {} to clear them.", keymap::key_for(Context::Panes, &Action::ClearFilters))),
            ]
        };
        text::paragraph(buf, body, &msg);
        return;
    }
    let cols = m.columns;
    let query = m.view.filter.search.as_ref();
    let w = body.width as usize;
    // Narrow panes drop the outlet column for a coloured mark, and the time.
    let compact = w < 56;
    for (k, &article) in m.view.rows.iter().enumerate().skip(m.list.offset).take(body.height as usize) {
        let y = body.y + (k - m.list.offset) as u16;
        let a = m.corpus.get(article);
        let outlet = m.corpus.outlet_name(a.outlet);
        let color = theme::outlet_color(outlet);
        let date = match (a.published, compact) {
            (Some(p), true) => p.date.to_string(),
            (Some(p), false) => p.human(),
            (None, _) => "undated".to_string(),
        };
        let mut spans: Vec<Span<'_>> = Vec::with_capacity(10);
        // The star in its own column, and unread titles in bold: marks that survive NO_COLOR.
        let starred = m.marks.is_starred(article);
        spans.push(Span::styled(if starred { "*" } else { " " }, theme::warning().add_modifier(Modifier::BOLD)));
        let date_w = if compact { 10 } else { cols.date };
        spans.push(Span::styled(fit(&date, date_w), theme::dim()));
        spans.push(Span::raw(" "));
        let used = 1 + if compact {
            spans.push(Span::styled("● ", Style::new().fg(color)));
            date_w + 3
        } else {
            spans.push(Span::styled(fit(outlet.unwrap_or(UNKNOWN), cols.outlet), Style::new().fg(color)));
            spans.push(Span::raw("  "));
            date_w + 1 + cols.outlet + 2
        };
        let title = truncate(&a.title, w.saturating_sub(used)).into_owned();
        let title_style =
            if m.marks.is_read(article) { Style::new() } else { Style::new().add_modifier(Modifier::BOLD) };
        spans.extend(highlighted(title, query).into_iter().map(|s| s.patch_style(title_style)));
        let selected = k == m.list.selected;
        let base =
            if selected { if focused { theme::selected() } else { theme::selected_unfocused() } } else { Style::new() };
        if selected {
            buf.set_style(Rect { y, height: 1, ..body }, base);
        }
        buf.set_line(body.x, y, &Line::from(spans).patch_style(base), body.width);
    }
}

/// Splits `s` into spans with the query's matches highlighted.
pub fn highlighted(s: String, query: Option<&Query>) -> Vec<Span<'static>> {
    let ranges = query.map(|q| q.matches_in(&s)).unwrap_or_default();
    if ranges.is_empty() {
        return vec![Span::raw(s)];
    }
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push(Span::raw(s[at..r.start].to_string()));
        }
        out.push(Span::styled(s[r.clone()].to_string(), theme::matched()));
        at = r.end;
    }
    if at < s.len() {
        out.push(Span::raw(s[at..].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_scrolls_into_view() {
        let mut l = ListPane::default();
        l.select(10, 100, 5);
        assert_eq!((l.selected, l.offset), (10, 6));
        l.select(3, 100, 5);
        assert_eq!((l.selected, l.offset), (3, 3));
        l.select(500, 100, 5);
        assert_eq!((l.selected, l.offset), (99, 95));
        l.select(5, 0, 5);
        assert_eq!(l.selected, 0);
    }

    #[test]
    fn highlights_split_spans() {
        let q = Query::new("kim");
        let spans = highlighted("North Korea's Kim Jong Un".to_string(), Some(&q));
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["North Korea's ", "Kim", " Jong Un"]);
        assert_eq!(spans[1].style, theme::matched());
    }
}
