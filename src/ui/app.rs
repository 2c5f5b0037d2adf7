//! The reader's model and `update`: the one place where state changes, one [`Action`] at a
//! time. The model is the panes' own small states side by side (list, reader, timeline, the
//! overlay) plus the view they share; drawing reads it and never changes it.

use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{self, Context};
use super::layout::{self, Areas, Pane, Wants};
use super::list::{self, Columns, ListPane};
use super::picker::Picker;
use super::prompt::{Prompt, PromptKind};
use super::reader::{self, ReaderPane};
use super::timeline::{self, TimelinePane};
use super::view::View;
use crate::corpus::Corpus;
use crate::corpus::filter::{DateRange, Filter, Order};
use crate::corpus::index::Query;

/// What covers the panes, if anything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    Help {
        scroll: usize,
    },
    Picker(Picker),
    Prompt(Prompt),
}

/// A one-line message under the status bar, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
}

/// The reader's state.
#[derive(Debug)]
pub struct Model<'c> {
    pub corpus: &'c Corpus,
    pub view: View,
    pub focus: Pane,
    pub list: ListPane,
    pub reader: ReaderPane,
    pub timeline: TimelinePane,
    pub overlay: Overlay,
    pub message: Option<Message>,
    /// The terminal's size.
    pub screen: Rect,
    pub columns: Columns,
    /// Bumped whenever the view is selected again, so the timeline knows to rebuild.
    view_generation: u64,
    timeline_built_for: Option<(u64, Option<crate::corpus::timeline::Unit>, u16)>,
}

/// Lines moved by one turn of the mouse wheel.
const WHEEL: isize = 3;

impl<'c> Model<'c> {
    pub fn new(corpus: &'c Corpus, filter: Filter, order: Order, width: u16, height: u16) -> Model<'c> {
        let mut m = Model {
            corpus,
            view: View::new(corpus, filter, order),
            focus: Pane::List,
            list: ListPane::default(),
            reader: ReaderPane::default(),
            timeline: TimelinePane::default(),
            overlay: Overlay::None,
            message: None,
            screen: Rect::new(0, 0, width, height),
            columns: Columns::for_corpus(corpus),
            view_generation: 0,
            timeline_built_for: None,
        };
        m.settle();
        m
    }

    /// What the layout needs from the model.
    pub fn wants(&self) -> Wants {
        Wants {
            focus: self.focus,
            timeline: self.timeline.visible,
            list_rows: self.view.len() + 1,
            timeline_rows: self.timeline.wanted_rows(),
        }
    }

    pub fn areas(&self) -> Areas {
        layout::compute(self.screen, self.wants())
    }

    /// Keymap contexts for the current state, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match &self.overlay {
            Overlay::Help { .. } => vec![Context::Help],
            Overlay::Picker(_) => vec![Context::Picker],
            Overlay::Prompt(_) => vec![Context::Prompt],
            Overlay::None => {
                let pane = match self.focus {
                    Pane::List => Context::List,
                    Pane::Reader => Context::Reader,
                    Pane::Timeline => Context::Timeline,
                };
                vec![pane, Context::Panes]
            }
        }
    }

    /// The selected article.
    pub fn selected_article(&self) -> Option<u32> {
        self.view.rows.get(self.list.selected).copied()
    }

    fn list_rows(&self) -> usize {
        self.areas().list.map_or(1, list::content_rows)
    }

    fn reader_rows(&self) -> usize {
        self.areas().reader.map_or(1, reader::content_rows)
    }

    /// Turns a terminal event into an action and applies it.
    pub fn on_event(&mut self, ev: &Event) -> Effect {
        let action = match ev {
            Event::Key(k) => match keymap::lookup(&self.contexts(), k) {
                Some(a) => a,
                None => return Effect::None,
            },
            Event::Mouse(me) => match me.kind {
                MouseEventKind::ScrollDown => Action::Wheel { x: me.column, y: me.row, down: true },
                MouseEventKind::ScrollUp => Action::Wheel { x: me.column, y: me.row, down: false },
                MouseEventKind::Down(MouseButton::Left) => Action::Click { x: me.column, y: me.row },
                _ => return Effect::None,
            },
            Event::Resize(w, h) => Action::Resize(*w, *h),
            Event::Paste(s) => Action::Paste(s.clone()),
            _ => return Effect::None,
        };
        self.update(action)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize(..) | Action::Wheel { .. }) {
            self.message = None;
        }
        let effect = match std::mem::take(&mut self.overlay) {
            Overlay::None => self.update_panes(action),
            Overlay::Help { scroll } => self.update_help(scroll, action),
            Overlay::Picker(p) => self.update_picker(p, action),
            Overlay::Prompt(p) => self.update_prompt(p, action),
        };
        self.settle();
        effect
    }

    fn update_help(&mut self, scroll: usize, action: Action) -> Effect {
        let rows = super::help::rows(self.screen);
        let max = super::help::lines().len().saturating_sub(rows);
        let scroll = match action {
            Action::Help | Action::Back => return Effect::None,
            Action::Quit => return Effect::Quit,
            Action::Suspend => {
                self.overlay = Overlay::Help { scroll };
                return Effect::Suspend;
            }
            Action::Down | Action::Wheel { down: true, .. } => scroll + 1,
            Action::Up | Action::Wheel { down: false, .. } => scroll.saturating_sub(1),
            Action::PageDown => scroll + rows,
            Action::PageUp => scroll.saturating_sub(rows),
            Action::Resize(w, h) => {
                self.screen = Rect::new(0, 0, w, h);
                scroll
            }
            _ => scroll,
        };
        self.overlay = Overlay::Help { scroll: scroll.min(max) };
        Effect::None
    }

    fn update_picker(&mut self, mut p: Picker, action: Action) -> Effect {
        let rows = p.rows(self.screen);
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => {
                self.overlay = Overlay::Picker(p);
                return Effect::Suspend;
            }
            Action::Back => {
                self.message = Some(Message { text: "outlet filter unchanged".into(), error: false });
                return Effect::None;
            }
            Action::Apply => {
                self.view.filter.outlets = p.selection();
                self.refilter();
                return Effect::None;
            }
            Action::Down | Action::Wheel { down: true, .. } => p.move_to(p.cursor + 1, rows),
            Action::Up | Action::Wheel { down: false, .. } => p.move_to(p.cursor.saturating_sub(1), rows),
            Action::PageDown => p.move_to(p.cursor + rows, rows),
            Action::PageUp => p.move_to(p.cursor.saturating_sub(rows), rows),
            Action::Top => p.move_to(0, rows),
            Action::Bottom => p.move_to(usize::MAX, rows),
            Action::PickerToggle => p.toggle(),
            Action::PickerAll => p.toggle_all(),
            Action::Resize(w, h) => self.screen = Rect::new(0, 0, w, h),
            _ => {}
        }
        self.overlay = Overlay::Picker(p);
        Effect::None
    }

    fn update_prompt(&mut self, mut p: Prompt, action: Action) -> Effect {
        let before = p.input.clone();
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => {
                self.overlay = Overlay::Prompt(p);
                return Effect::Suspend;
            }
            Action::Back => {
                if let PromptKind::Search { before } = p.kind {
                    self.view.filter.search = before;
                    self.refilter();
                }
                return Effect::None;
            }
            Action::Apply => match p.kind {
                PromptKind::Search { .. } => {
                    if let Some(line) = self.reader.first_match() {
                        self.reader.scroll = line.saturating_sub(1);
                    }
                    if self.view.filter.search.is_some() && self.view.is_empty() {
                        self.message =
                            Some(Message { text: format!("no article has all of: {}", p.input.trim()), error: true });
                    }
                    return Effect::None;
                }
                PromptKind::Date => {
                    let input = p.input.trim();
                    if input.is_empty() {
                        self.view.filter.dates = None;
                        self.refilter();
                        return Effect::None;
                    }
                    match input.parse::<DateRange>() {
                        Ok(r) => {
                            self.view.filter.dates = Some(r);
                            self.refilter();
                            return Effect::None;
                        }
                        // A bad form keeps the old filter and the prompt, with the accepted forms.
                        Err(crate::corpus::filter::FilterError::BackwardsRange { .. }) => {
                            p.error = Some("✗ that range ends before it starts".into());
                        }
                        Err(_) => p.error = Some(Prompt::date_error()),
                    }
                }
            },
            Action::Input(c) => p.insert(c.encode_utf8(&mut [0; 4])),
            Action::Paste(s) => p.insert(&s),
            Action::DeleteBack => p.delete_back(),
            Action::DeleteForward => p.delete_forward(),
            Action::CursorLeft => p.left(),
            Action::CursorRight => p.right(),
            Action::CursorStart => p.start(),
            Action::CursorEnd => p.end(),
            Action::DeleteToStart => p.delete_to_start(),
            Action::DeleteWord => p.delete_word(),
            Action::Resize(w, h) => self.screen = Rect::new(0, 0, w, h),
            _ => {}
        }
        // Search as you type.
        if matches!(p.kind, PromptKind::Search { .. }) && p.input != before {
            let q = Query::new(&p.input);
            self.view.filter.search = (!q.is_empty()).then_some(q);
            self.refilter();
        }
        self.overlay = Overlay::Prompt(p);
        Effect::None
    }

    fn update_panes(&mut self, action: Action) -> Effect {
        let list_rows = self.list_rows();
        let reader_rows = self.reader_rows();
        let page = |rows: usize| rows.saturating_sub(1).max(1) as isize;
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Back => self.focus = Pane::List,
            Action::FocusNext => self.focus = self.cycle(1),
            Action::FocusPrev => self.focus = self.cycle(-1),
            Action::FocusList => self.focus = Pane::List,
            Action::FocusReader => self.focus = Pane::Reader,
            Action::FocusTimeline => {
                self.timeline.visible = true;
                self.focus = Pane::Timeline;
            }
            Action::Down => self.move_or_scroll(1, 1),
            Action::Up => self.move_or_scroll(-1, -1),
            Action::PageDown => self.move_or_scroll(page(list_rows), page(reader_rows)),
            Action::PageUp => self.move_or_scroll(-page(list_rows), -page(reader_rows)),
            Action::HalfPageDown => {
                self.move_or_scroll((list_rows / 2).max(1) as isize, (reader_rows / 2).max(1) as isize)
            }
            Action::HalfPageUp => {
                self.move_or_scroll(-((list_rows / 2).max(1) as isize), -((reader_rows / 2).max(1) as isize))
            }
            Action::Top | Action::Bottom => {
                let end = action == Action::Bottom;
                if self.focus == Pane::Reader {
                    self.reader.scroll_to(end, reader_rows);
                } else {
                    self.select_row(if end { self.view.len().saturating_sub(1) } else { 0 });
                }
            }
            Action::ReaderPageDown => self.reader.scroll_by(page(reader_rows), reader_rows),
            Action::ReaderPageUp => self.reader.scroll_by(-page(reader_rows), reader_rows),
            Action::Open => {
                if self.selected_article().is_some() {
                    self.focus = Pane::Reader;
                }
            }
            Action::Search => {
                let before = self.view.filter.search.clone();
                let text = before.as_ref().map(|q| q.text.clone()).unwrap_or_default();
                self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Search { before }, text));
            }
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::OutletFilter => self.overlay = Overlay::Picker(Picker::new(self.corpus, &self.view.filter)),
            Action::DateFilter => {
                let text = self.view.filter.dates.map(|d| d.to_string()).unwrap_or_default();
                self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Date, text));
            }
            Action::ClearFilters => {
                if self.view.filter.is_empty() && self.view.filter.dates.is_none() && self.view.filter.outlets.is_none()
                {
                    self.message = Some(Message { text: "no filters to clear".into(), error: false });
                } else {
                    self.view.filter = Filter::default();
                    self.refilter();
                    self.message = Some(Message { text: "filters cleared".into(), error: false });
                }
            }
            Action::ToggleSort => {
                self.view.order = self.view.order.flip();
                self.refilter();
            }
            Action::ToggleTimeline => {
                self.timeline.visible = !self.timeline.visible;
                if !self.timeline.visible && self.focus == Pane::Timeline {
                    self.focus = Pane::List;
                }
            }
            Action::ZoomIn | Action::ZoomOut => {
                let unit = self.timeline.model.unit;
                let next = if action == Action::ZoomIn { unit.finer() } else { unit.coarser() };
                match next {
                    Some(u) => {
                        self.timeline.zoom = Some(u);
                        self.timeline.visible = true;
                    }
                    None => {
                        self.message =
                            Some(Message { text: format!("the timeline is already by {}", unit.name()), error: false })
                    }
                }
            }
            Action::ToggleEvidence => self.reader.evidence = !self.reader.evidence,
            Action::EarlierArticle | Action::LaterArticle => {
                match self.view.step_in_time(self.list.selected, action == Action::LaterArticle) {
                    Some(row) => self.select_row(row),
                    None => {
                        let edge = if action == Action::LaterArticle { "latest" } else { "earliest" };
                        self.message = Some(Message { text: format!("this is the {edge} article"), error: false });
                    }
                }
            }
            Action::FilterToBucket => {
                let unit = self.timeline.model.unit;
                match self.selected_article().and_then(|i| self.corpus.get(i).published) {
                    Some(p) => {
                        let b = unit.bucket(p.date);
                        self.view.filter.dates = Some(DateRange { from: Some(unit.start(b)), to: Some(unit.end(b)) });
                        self.refilter();
                    }
                    None => {
                        self.message = Some(Message { text: "the selected article has no date".into(), error: false })
                    }
                }
            }
            Action::Resize(w, h) => self.screen = Rect::new(0, 0, w, h),
            Action::Wheel { x, y, down } => {
                let d = if down { WHEEL } else { -WHEEL };
                match self.areas().pane_at(x, y) {
                    Some(Pane::Reader) => self.reader.scroll_by(d, reader_rows),
                    Some(Pane::List) => self.move_selection(d),
                    Some(Pane::Timeline) => {
                        if let Some(row) = self.view.step_in_time(self.list.selected, down) {
                            self.select_row(row);
                        }
                    }
                    None => {}
                }
            }
            Action::Click { x, y } => self.click(x, y),
            // Picker and prompt actions arrive only while those are open.
            Action::PickerToggle
            | Action::PickerAll
            | Action::Apply
            | Action::DeleteBack
            | Action::DeleteForward
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorStart
            | Action::CursorEnd
            | Action::DeleteToStart
            | Action::DeleteWord
            | Action::Input(_)
            | Action::Paste(_) => {}
        }
        Effect::None
    }

    fn cycle(&self, step: isize) -> Pane {
        let mut panes = vec![Pane::List, Pane::Reader];
        if self.timeline.visible {
            panes.push(Pane::Timeline);
        }
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        panes[(at + step).rem_euclid(panes.len() as isize) as usize]
    }

    /// Moves the list selection (list and timeline focus) or scrolls the reader.
    fn move_or_scroll(&mut self, rows: isize, lines: isize) {
        if self.focus == Pane::Reader {
            let r = self.reader_rows();
            self.reader.scroll_by(lines, r);
        } else {
            self.move_selection(rows);
        }
    }

    fn move_selection(&mut self, delta: isize) {
        if self.view.is_empty() {
            return;
        }
        let row = self.list.selected.saturating_add_signed(delta).min(self.view.len() - 1);
        self.select_row(row);
    }

    fn select_row(&mut self, row: usize) {
        let rows = self.list_rows();
        self.list.select(row, self.view.len(), rows);
    }

    fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        if let Some(tabs) = areas.tabs.filter(|t| t.y == y) {
            // "1:List 2:Reader 3:Timeline": a third each is close enough to aim at.
            let third = (tabs.width / 3).max(1);
            self.focus = match (x - tabs.x) / third {
                0 => Pane::List,
                1 => Pane::Reader,
                _ => Pane::Timeline,
            };
            return;
        }
        let Some(pane) = areas.pane_at(x, y) else { return };
        self.focus = pane;
        if pane == Pane::List
            && let Some(a) = areas.list
            && y > a.y
        {
            let row = self.list.offset + (y - a.y - 1) as usize;
            if row < self.view.len() {
                self.select_row(row);
            }
        }
    }

    fn next_match(&mut self, forward: bool) {
        let Some(q) = self.view.filter.search.clone().filter(|q| !q.is_empty()) else {
            self.message = Some(Message { text: "no search: press / to search".into(), error: false });
            return;
        };
        let _ = q;
        if let Some(line) = self.reader.match_from(forward) {
            self.reader.scroll = line.saturating_sub(1);
            let rows = self.reader_rows();
            self.reader.scroll_by(0, rows);
            return;
        }
        // No more in this article: the next (previous) article of the list, at its first (last)
        // match. Every listed article matches the search.
        let row = if forward { self.list.selected + 1 } else { self.list.selected.wrapping_sub(1) };
        if row >= self.view.len() {
            let edge = if forward { "last" } else { "first" };
            self.message = Some(Message { text: format!("no more matches: this is the {edge} article"), error: false });
            return;
        }
        self.select_row(row);
        self.settle();
        let line = if forward { self.reader.first_match() } else { self.reader.match_lines.last().copied() };
        if let Some(l) = line {
            self.reader.scroll = l.saturating_sub(1);
            let rows = self.reader_rows();
            self.reader.scroll_by(0, rows);
        }
    }

    /// Selects the view again after a filter or the order changed, keeping the selected article
    /// when it is still listed.
    fn refilter(&mut self) {
        let keep = self.selected_article();
        self.view.refresh(self.corpus);
        self.view_generation += 1;
        let row = keep.and_then(|a| self.view.rows.iter().position(|&r| r == a)).unwrap_or(0);
        self.list.offset = 0;
        self.select_row(row);
    }

    /// Brings derived state in line with the model: list scroll, the reader's article and
    /// wrapping, the timeline's buckets. Cheap when nothing changed.
    fn settle(&mut self) {
        let areas = self.areas();
        if !self.timeline.visible && self.focus == Pane::Timeline {
            self.focus = Pane::List;
        }
        if self.view.is_empty() {
            self.list = ListPane::default();
        }
        self.list.scroll_into_view(areas.list.map_or(1, list::content_rows));
        // In narrow mode the reader is not on screen; it is prepared anyway so that focusing
        // it shows the article at once.
        let width = match areas.reader {
            Some(r) => reader::wrap_width(r),
            None => reader::wrap_width(Rect { height: 1, ..self.screen }),
        };
        let query = self.view.filter.search.clone();
        self.reader.show(self.corpus, self.selected_article(), width, query.as_ref());
        let rows = areas.reader.map_or(1, reader::content_rows);
        self.reader.scroll_by(0, rows);

        let tl_width = areas.timeline.map_or(self.screen.width, |r| r.width);
        let key = (self.view_generation, self.timeline.zoom, tl_width);
        if self.timeline_built_for != Some(key) {
            let dated = &self.view.rows[..self.view.dated];
            let oldest_first: Vec<u32> = match self.view.order {
                Order::OldestFirst => dated.to_vec(),
                Order::NewestFirst => dated.iter().rev().copied().collect(),
            };
            let undated = self.view.len() - self.view.dated;
            // Lane labels take their width first; the rest is for buckets.
            let pane = Rect { width: tl_width, ..self.screen };
            let cols = timeline::bucket_columns(pane, timeline::label_width(self.columns.outlet, pane));
            self.timeline.rebuild(self.corpus, &oldest_first, undated, cols);
            self.timeline_built_for = Some(key);
            // The timeline's height can change the list's.
            let areas = self.areas();
            self.list.scroll_into_view(areas.list.map_or(1, list::content_rows));
        }
    }
}
