//! The outlet picker: a popup listing the outlets with their article counts and check boxes.
//! Space ticks, `a` ticks all (or none), Enter applies, Esc cancels.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::keymap::{self, Context};
use super::list::ListPane;
use super::theme;
use crate::corpus::Corpus;
use crate::corpus::filter::{Filter, OutletSet};
use crate::corpus::outlets::OutletId;
use crate::width::{fit, width};

/// One outlet in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// None: articles with no known outlet.
    pub outlet: Option<OutletId>,
    pub name: String,
    /// Articles under the other filters (dates, search).
    pub count: usize,
    /// Of those, the unread ones.
    pub unread: usize,
    pub ticked: bool,
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub items: Vec<Item>,
    /// The cursor and scroll: the same bookkeeping as the article list's.
    pub at: ListPane,
}

impl Picker {
    /// Outlets of the corpus with their counts under `filter`'s dates and search, ticked as in
    /// its outlet set (all ticked when it has none).
    pub fn new(corpus: &Corpus, filter: &Filter) -> Picker {
        let others = Filter { outlets: None, ..filter.clone() };
        let counts = corpus.count_by_outlet(&corpus.select(&others, crate::corpus::filter::Order::NewestFirst));
        // Every outlet of the corpus is listed, with 0 when the other filters leave it none.
        let items = corpus
            .outlets_present()
            .iter()
            .map(|&outlet| Item {
                outlet,
                name: corpus.outlet_name(outlet).unwrap_or(super::list::UNKNOWN).to_string(),
                count: counts.get(outlet) as usize,
                unread: 0,
                ticked: filter.outlets.as_ref().is_none_or(|set| set.contains(outlet)),
            })
            .collect();
        Picker { items, at: ListPane::default() }
    }

    /// Counts each outlet's unread articles under `filter`'s dates and search.
    pub fn count_unread(&mut self, corpus: &Corpus, filter: &Filter, rows: &[u32], marks: &super::marks::MarkStore) {
        // The view's rows when they are what the picker counts (no outlet filter), else the
        // selection without the outlet filter.
        let others;
        let rows = if filter.outlets.is_none() {
            rows
        } else {
            others =
                corpus.select(&Filter { outlets: None, ..filter.clone() }, crate::corpus::filter::Order::NewestFirst);
            &others
        };
        let (_, by) = super::app::count_unread(corpus, rows, marks);
        let unknown = by.len().saturating_sub(1);
        for item in &mut self.items {
            item.unread = by.get(item.outlet.map_or(unknown, |o| o.0 as usize)).copied().unwrap_or(0);
        }
    }

    /// The row under the cursor.
    pub fn cursor(&self) -> usize {
        self.at.selected
    }

    pub fn move_to(&mut self, row: usize, rows: usize) {
        self.at.select(row, self.items.len(), rows);
    }

    pub fn toggle(&mut self) {
        if let Some(i) = self.items.get_mut(self.at.selected) {
            i.ticked = !i.ticked;
        }
    }

    /// Ticks all, or none when all are ticked.
    pub fn toggle_all(&mut self) {
        let all = self.items.iter().all(|i| i.ticked);
        for i in &mut self.items {
            i.ticked = !all;
        }
    }

    /// The outlet filter the ticks make: None when every outlet is ticked.
    pub fn selection(&self) -> Option<OutletSet> {
        if self.items.iter().all(|i| i.ticked) {
            return None;
        }
        let mut set = OutletSet::default();
        for i in self.items.iter().filter(|i| i.ticked) {
            match i.outlet {
                Some(id) => {
                    set.ids.insert(id);
                }
                None => set.unknown = true,
            }
        }
        Some(set)
    }

    /// Where the popup goes on a screen of `area`.
    pub fn area(&self, area: Rect) -> Rect {
        let name_w = self.items.iter().map(|i| width(&i.name)).max().unwrap_or(10);
        let w = ((name_w + 16) as u16).max(52).min(area.width);
        let h = ((self.items.len() + 3) as u16).min(area.height.saturating_sub(2)).max(3.min(area.height));
        Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height.saturating_sub(h)) / 2, width: w, height: h }
    }

    /// Rows of outlets the popup shows.
    pub fn rows(&self, area: Rect) -> usize {
        self.area(area).height.saturating_sub(3) as usize
    }

    /// The picker's own keys, for its bottom border: `Space tick · a all · Enter apply · Esc cancel`.
    fn keys_hint() -> String {
        let mut s = String::from(" ");
        for (key, hint) in keymap::hints(&[Context::Picker]).into_iter().filter(|(_, h)| *h != "move") {
            s.push_str(&format!("{key} {hint} · "));
        }
        s.truncate(s.len() - " · ".len());
        s.push(' ');
        s
    }

    pub fn render(&self, screen: Rect, buf: &mut Buffer) {
        let area = self.area(screen);
        Clear.render(area, buf);
        let ticked = self.items.iter().filter(|i| i.ticked).count();
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" Outlets · {ticked} of {} ticked ", self.items.len()))
            .title_bottom(Self::keys_hint());
        let inner = block.inner(area);
        block.render(area, buf);
        let count_w = self.items.iter().map(|i| i.count.to_string().len()).max().unwrap_or(1);
        let unread_w = self.items.iter().map(|i| i.unread.to_string().len()).max().unwrap_or(1) + " unread".len();
        let name_w = (inner.width as usize).saturating_sub(4 + count_w + 2 + unread_w + 2);
        for (k, item) in self.items.iter().enumerate().skip(self.at.offset).take(inner.height as usize) {
            let y = inner.y + (k - self.at.offset) as u16;
            let color = theme::outlet_color(item.outlet.map(|_| item.name.as_str()));
            let line = Line::from(vec![
                Span::raw(if item.ticked { "[x] " } else { "[ ] " }),
                Span::styled(fit(&item.name, name_w), Style::new().fg(color)),
                Span::styled(format!("  {:>count_w$}", item.count), theme::dim()),
                // Bold, not colour: NO_COLOR shows which outlets have something new.
                if item.unread > 0 {
                    Span::styled(
                        format!("  {:>unread_w$}", format!("{} unread", item.unread)),
                        Style::new().add_modifier(ratatui::style::Modifier::BOLD),
                    )
                } else {
                    Span::raw(format!("  {:>unread_w$}", ""))
                },
            ]);
            if k == self.cursor() {
                buf.set_style(Rect { y, height: 1, ..inner }, theme::selected());
            }
            let style = if k == self.cursor() { theme::selected() } else { Style::new() };
            buf.set_line(inner.x, y, &line.patch_style(style), inner.width);
        }
    }
}
