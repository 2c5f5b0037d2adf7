//! The reader's model and `update`: the one place where state changes, one [`Action`] at a
//! time. The model is the panes' own small states side by side (list, reader, timeline, the
//! overlay) plus the view they share; drawing reads it and never changes it.

use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::external::Job;
use super::files;
use super::keymap::{self, Context};
use super::layout::{self, Areas, Pane, Wants};
use super::list::{self, Columns, ListPane};
use super::marks::MarkStore;
use super::picker::Picker;
use super::prompt::{PendingWrite, Prompt, PromptKind};
use super::reader::{self, ReaderPane};
use super::timeline::{self, TimelinePane};
use super::view::View;
use crate::corpus::Corpus;
use crate::corpus::diag::Severity;
use crate::corpus::export::{self, ArticleFormat, Entry};
use crate::corpus::filter::{DateRange, Filter, Order};
use crate::corpus::index::Query;
use crate::state::{Change, StateFilter};

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
    /// The copy key was pressed: the next key says what to copy.
    Copy,
}

/// A one-line message under the status bar, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
    /// Put this text on the clipboard (OSC 52, written between frames); the message saying
    /// what was copied is already set.
    Clipboard(String),
    /// Run another program; its outcome comes back through [`Model::report`].
    Run(Job),
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
    /// The corpus's (errors, warnings): counted once, shown on every frame.
    pub diagnostics: (usize, usize),
    /// Today, for citations' accessed date and export file names (set by the caller, so tests
    /// can fix it).
    pub today: jiff::civil::Date,
    /// The files and folders the corpus was loaded from: saving into them is warned about.
    pub corpus_roots: Vec<std::path::PathBuf>,
    /// Read/star/tag/note marks of every article.
    pub marks: MarkStore,
    /// Unread articles of the view: in all, and per outlet slot (the last: no outlet).
    pub unread: (usize, Vec<usize>),
    /// The (view, marks) generations `unread` was counted for.
    unread_for: (u64, u64),
    /// What the timeline was last built for; the order does not change it.
    timeline_built_for: Option<(Filter, StateFilter, Option<crate::corpus::timeline::Unit>, u16)>,
}

/// The change a tags prompt asks for: words are tags to have, `-word` tags to remove; a tag
/// the article had and the input no longer lists is removed too (the prompt starts with the
/// current tags, so deleting one there removes it).
fn parse_tags(input: &str, current: Option<&crate::state::Marks>) -> Result<Change, String> {
    let mut change = Change::default();
    for word in input.split_whitespace() {
        match word.strip_prefix('-') {
            Some(t) => change.remove_tags.push(crate::state::check_tag(t)?),
            None => change.add_tags.push(crate::state::check_tag(word)?),
        }
    }
    for t in current.map(|m| m.tags.as_slice()).unwrap_or_default() {
        let listed = change.add_tags.iter().chain(&change.remove_tags).any(|x| x.eq_ignore_ascii_case(t));
        if !listed {
            change.remove_tags.push(t.clone());
        }
    }
    // Tags the article already has are not added again (and not counted as a change).
    if let Some(m) = current {
        change.add_tags.retain(|t| !m.tags.iter().any(|x| x.eq_ignore_ascii_case(t)));
        change.remove_tags.retain(|t| m.tags.iter().any(|x| x.eq_ignore_ascii_case(t)));
    }
    Ok(change)
}

/// Unread articles among `rows`: in all, and per outlet slot (the last: no known outlet). Runs
/// after a mark or a filter change, not on every frame: 100,000 rows take well under 1 ms
/// (the read flags and outlets are dense arrays).
pub fn count_unread(c: &Corpus, rows: &[u32], marks: &MarkStore) -> (usize, Vec<usize>) {
    let unknown = c.outlets().len();
    let mut by = vec![0usize; unknown + 1];
    let mut total = 0;
    for &i in rows {
        if !marks.is_read(i) {
            total += 1;
            let slot = c.outlet_of(i).map_or(unknown, |o| o.0 as usize);
            if let Some(n) = by.get_mut(slot) {
                *n += 1;
            }
        }
    }
    (total, by)
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
            diagnostics: (corpus.count(Severity::Error), corpus.count(Severity::Warning)),
            today: jiff::Zoned::now().date(),
            corpus_roots: Vec::new(),
            marks: MarkStore::in_memory(corpus, None),
            unread: (0, Vec::new()),
            unread_for: (u64::MAX, u64::MAX),
            timeline_built_for: None,
        };
        m.settle();
        m
    }

    /// Hands the model its marks and the command line's marks filter; a warning about marks
    /// that will not be kept goes on the message line.
    pub fn set_marks(&mut self, marks: MarkStore, filter: StateFilter) {
        self.marks = marks;
        self.view.state = filter;
        self.refilter();
        self.settle();
        if let Some(why) = self.marks.not_kept.clone() {
            self.report(why, true);
        }
    }

    /// Where the reader is, to be restored on the next start.
    pub fn position(&self) -> super::position::Position {
        let f = &self.view.filter;
        let outlets = f.outlets.as_ref().map(|set| {
            let mut names: Vec<String> = set.ids.iter().map(|id| self.corpus.outlets().name(*id).to_string()).collect();
            if set.unknown {
                names.push("unknown".into());
            }
            names
        });
        super::position::Position {
            outlets,
            dates: f.dates.map(|d| d.to_string()),
            search: f.search.as_ref().map(|q| q.text.clone()).filter(|t| !t.trim().is_empty()),
            unread: self.view.state.unread,
            starred: self.view.state.starred,
            tags: self.view.state.tags.clone(),
            has_note: self.view.state.has_note,
            oldest_first: self.view.order == Order::OldestFirst,
            article: self.selected_article().map(|i| format!("{:016x}", self.corpus.get(i).id.0)),
            focus: match self.focus {
                Pane::List => "list",
                Pane::Reader => "reader",
                Pane::Timeline => "timeline",
            }
            .into(),
            timeline: self.timeline.visible,
            saved: crate::state::stamp(jiff::Timestamp::now()),
        }
    }

    /// Goes back to a saved position. With `keep_filter` (the command line gave one) only the
    /// article and the focus are restored. Parts that no longer apply (an outlet gone from the
    /// corpus, an article filtered out) are skipped.
    pub fn restore(&mut self, pos: &super::position::Position, keep_filter: bool) {
        if !keep_filter {
            let outlets = pos.outlets.as_ref().and_then(|names| self.corpus.resolve_outlets(names).ok());
            self.view.filter = Filter {
                outlets,
                dates: pos.dates.as_deref().and_then(|d| d.parse().ok()),
                search: pos.search.as_deref().map(Query::new).filter(|q| !q.is_empty()),
            };
            self.view.state = StateFilter {
                unread: pos.unread,
                starred: pos.starred,
                tags: pos.tags.clone(),
                has_note: pos.has_note,
            };
            self.view.order = if pos.oldest_first { Order::OldestFirst } else { Order::NewestFirst };
        }
        self.timeline.visible = pos.timeline;
        self.refilter();
        let article = pos.article.as_deref().and_then(|id| self.corpus.find_id(id).ok());
        if let Some(row) = article.and_then(|a| self.view.rows.iter().position(|&r| r == a)) {
            self.select_row(row);
        }
        self.focus = match pos.focus.as_str() {
            "reader" if self.selected_article().is_some() => Pane::Reader,
            "timeline" if self.timeline.visible => Pane::Timeline,
            _ => Pane::List,
        };
        self.settle();
    }

    /// Shows write failures the background writer reported; true when there were any.
    pub fn poll_writes(&mut self) -> bool {
        let failures = self.marks.failures();
        match failures.last() {
            Some(last) => {
                let more = failures.len() - 1;
                let text = if more > 0 { format!("{last} (and {more} more)") } else { last.clone() };
                self.report(text, true);
                true
            }
            None => false,
        }
    }

    /// The outcome of editing article `article`'s note: the new text (None: unchanged), or
    /// why the editor failed.
    pub fn note_edited(&mut self, article: u32, outcome: Result<Option<String>, String>) {
        match outcome {
            Ok(Some(text)) => {
                let deleted = text.trim().is_empty();
                self.marks.set_note(self.corpus, article, Some(text));
                self.report(self.kept(if deleted { "note deleted" } else { "note saved" }), false);
            }
            Ok(None) => self.report("note unchanged".into(), false),
            Err(e) => self.report(e, true),
        }
        self.settle();
    }

    /// A message about a change of marks, saying when it will not be kept.
    fn kept(&self, what: &str) -> String {
        if self.marks.not_kept.is_none() {
            what.to_string()
        } else {
            format!("{what} (for this session only: not kept)")
        }
    }

    /// Applies a change to the selected article's marks.
    fn mark_selected(&mut self, f: impl FnOnce(&crate::state::Marks) -> (Change, &'static str)) {
        let Some(i) = self.article_or_say() else { return };
        let (change, what) = f(self.marks.get(i).unwrap_or(&crate::state::Marks::default()));
        self.marks.change(self.corpus, &[i], &change);
        self.report(self.kept(what), false);
    }

    /// Toggles a marks filter (unread only, starred only).
    fn toggle_state_filter(&mut self, unread: bool) {
        let on = if unread {
            self.view.state.unread = !self.view.state.unread;
            self.view.state.unread
        } else {
            self.view.state.starred = !self.view.state.starred;
            self.view.state.starred
        };
        self.refilter();
        let text = match (unread, on) {
            (true, true) => "showing unread articles only",
            (true, false) => "showing read and unread articles",
            (false, true) => "showing starred articles only",
            (false, false) => "showing starred and unstarred articles",
        };
        self.report(text.into(), false);
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
            Overlay::Copy => vec![Context::Clipboard],
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

    /// Where the reader is, or would be on a narrow screen where it is not showing: Space and
    /// the reader's wrapping work the same either way.
    fn reader_area(&self) -> Rect {
        let areas = self.areas();
        areas
            .reader
            .or_else(|| layout::compute(self.screen, Wants { focus: Pane::Reader, ..self.wants() }).reader)
            .unwrap_or(self.screen)
    }

    fn reader_rows(&self) -> usize {
        reader::content_rows(self.reader_area())
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
        // What works the same whatever is open.
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Resize(w, h) => {
                self.screen = Rect::new(0, 0, w, h);
                self.keep_overlay_in_view();
                self.settle();
                return Effect::None;
            }
            _ => {}
        }
        let effect = match std::mem::take(&mut self.overlay) {
            Overlay::None => self.update_panes(action),
            Overlay::Help { scroll } => self.update_help(scroll, action),
            Overlay::Picker(p) => self.update_picker(p, action),
            Overlay::Prompt(p) => self.update_prompt(p, action),
            Overlay::Copy => self.update_copy(action),
        };
        self.settle();
        effect
    }

    /// After a resize, the picker's cursor and the help's scroll stay within what is shown.
    fn keep_overlay_in_view(&mut self) {
        let screen = self.screen;
        match &mut self.overlay {
            Overlay::Picker(p) => {
                let rows = p.rows(screen);
                p.move_to(p.cursor(), rows);
            }
            Overlay::Help { scroll } => {
                *scroll = (*scroll).min(super::help::max_scroll(screen));
            }
            Overlay::Prompt(_) | Overlay::Copy | Overlay::None => {}
        }
    }

    fn update_help(&mut self, scroll: usize, action: Action) -> Effect {
        let rows = super::help::rows(self.screen);
        let scroll = match action {
            Action::Help | Action::Back => return Effect::None,
            Action::Down | Action::Wheel { down: true, .. } => scroll + 1,
            Action::Up | Action::Wheel { down: false, .. } => scroll.saturating_sub(1),
            Action::PageDown => scroll + rows,
            Action::PageUp => scroll.saturating_sub(rows),
            _ => scroll,
        };
        self.overlay = Overlay::Help { scroll: scroll.min(super::help::max_scroll(self.screen)) };
        Effect::None
    }

    fn update_picker(&mut self, mut p: Picker, action: Action) -> Effect {
        let rows = p.rows(self.screen);
        match action {
            Action::Back => {
                self.message = Some(Message { text: "outlet filter unchanged".into(), error: false });
                return Effect::None;
            }
            Action::Apply => {
                if p.items.iter().all(|i| !i.ticked) {
                    self.message = Some(Message {
                        text: format!(
                            "tick at least one outlet ({} ticks all)",
                            keymap::key_for(Context::Picker, &Action::PickerAll)
                        ),
                        error: true,
                    });
                } else {
                    self.view.filter.outlets = p.selection();
                    self.refilter();
                    return Effect::None;
                }
            }
            Action::Down | Action::Wheel { down: true, .. } => p.move_to(p.cursor() + 1, rows),
            Action::Up | Action::Wheel { down: false, .. } => p.move_to(p.cursor().saturating_sub(1), rows),
            Action::PageDown => p.move_to(p.cursor() + rows, rows),
            Action::PageUp => p.move_to(p.cursor().saturating_sub(rows), rows),
            Action::Top => p.move_to(0, rows),
            Action::Bottom => p.move_to(usize::MAX, rows),
            Action::PickerToggle => p.toggle(),
            Action::PickerAll => p.toggle_all(),
            _ => {}
        }
        self.overlay = Overlay::Picker(p);
        Effect::None
    }

    fn update_prompt(&mut self, mut p: Prompt, action: Action) -> Effect {
        let before = p.input.clone();
        match action {
            Action::Back => {
                match p.kind {
                    PromptKind::Search { before } => {
                        self.view.filter.search = before;
                        self.refilter();
                    }
                    PromptKind::Confirm { write, .. } => {
                        self.report(format!("not saved: {}", write.path.display()), false);
                    }
                    PromptKind::MarkAllRead { .. } => self.report("nothing marked".into(), false),
                    _ => {}
                }
                return Effect::None;
            }
            Action::Apply => match p.kind {
                PromptKind::Search { .. } => {
                    let rows = self.reader_rows();
                    self.reader.go_to_edge_match(true, rows);
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
                PromptKind::Save { article } => match self.save_article(article, p.input.trim()) {
                    Ok(next) => return self.write_or_confirm(next),
                    Err(e) => p.error = Some(format!("✗ {e}")),
                },
                PromptKind::Export => match self.export_list(p.input.trim()) {
                    Ok(next) => return self.write_or_confirm(next),
                    Err(e) => p.error = Some(format!("✗ {e}")),
                },
                PromptKind::Pipe { article } => {
                    let command = p.input.trim().to_string();
                    if command.is_empty() {
                        p.error = Some("✗ type a command, e.g. wc -w or less".into());
                    } else {
                        let input = self.article_markdown(article);
                        return Effect::Run(Job::Pipe { command, input });
                    }
                }
                PromptKind::Tags { article } => match parse_tags(&p.input, self.marks.get(article)) {
                    Ok(change) => {
                        if !change.is_empty() {
                            self.marks.change(self.corpus, &[article], &change);
                        }
                        let tags = self.marks.get(article).map(|m| m.tags.join(" ")).unwrap_or_default();
                        let text = if tags.is_empty() { "no tags".to_string() } else { format!("tags: {tags}") };
                        self.report(self.kept(&text), false);
                        return Effect::None;
                    }
                    Err(e) => p.error = Some(format!("✗ {e}")),
                },
                PromptKind::MarkAllRead { articles } => {
                    if matches!(p.input.trim().to_lowercase().as_str(), "y" | "yes") {
                        let n = self.marks.change(
                            self.corpus,
                            &articles,
                            &Change { read: Some(true), ..Change::default() },
                        );
                        let text = format!(
                            "marked {} read ({} undoes)",
                            super::prompt::count_articles(n),
                            keymap::key_for(Context::Panes, &Action::UndoMark)
                        );
                        self.report(self.kept(&text), false);
                    } else {
                        self.report("nothing marked".into(), false);
                    }
                    return Effect::None;
                }
                PromptKind::Confirm { write, .. } => {
                    if matches!(p.input.trim().to_lowercase().as_str(), "y" | "yes") {
                        return self.write_or_confirm(write);
                    }
                    self.report(format!("not saved: {}", write.path.display()), false);
                    return Effect::None;
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
                if let Some(i) = self.selected_article() {
                    self.focus = Pane::Reader;
                    if !self.marks.is_read(i) {
                        self.marks.change(self.corpus, &[i], &Change { read: Some(true), ..Change::default() });
                    }
                }
            }
            Action::ToggleRead => self.mark_selected(|m| {
                let read = !m.read;
                (Change { read: Some(read), ..Change::default() }, if read { "marked read" } else { "marked unread" })
            }),
            Action::ToggleStar => self.mark_selected(|m| {
                let star = !m.starred;
                (Change { starred: Some(star), ..Change::default() }, if star { "starred" } else { "unstarred" })
            }),
            Action::EditTags => {
                if let Some(i) = self.article_or_say() {
                    let current = self.marks.get(i).map(|m| m.tags.join(" ")).unwrap_or_default();
                    let text = if current.is_empty() { current } else { format!("{current} ") };
                    self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Tags { article: i }, text));
                }
            }
            Action::EditNote => {
                if let Some(i) = self.article_or_say() {
                    let text = self.marks.get(i).and_then(|m| m.note.clone()).unwrap_or_default();
                    return Effect::Run(Job::EditNote { article: i, text });
                }
            }
            Action::MarkAllRead => {
                let articles: Vec<u32> = self.view.rows.iter().copied().filter(|&i| !self.marks.is_read(i)).collect();
                if articles.is_empty() {
                    self.report("every listed article is read already".into(), false);
                } else {
                    self.overlay = Overlay::Prompt(Prompt::new(PromptKind::MarkAllRead { articles }, String::new()));
                }
            }
            Action::UndoMark => match self.marks.undo(self.corpus) {
                Some(n) => {
                    let text = format!("undone: the marks of {} put back", super::prompt::count_articles(n));
                    self.report(self.kept(&text), false);
                }
                None => self.report("nothing to undo".into(), false),
            },
            Action::UnreadOnly => self.toggle_state_filter(true),
            Action::StarredOnly => self.toggle_state_filter(false),
            Action::ReloadMarks => match self.marks.reload(self.corpus) {
                Ok(()) => {
                    self.refilter();
                    self.report("marks reloaded".into(), false);
                }
                Err(e) => self.report(format!("cannot reload the marks: {e}"), true),
            },
            Action::Search => {
                let before = self.view.filter.search.clone();
                let text = before.as_ref().map(|q| q.text.clone()).unwrap_or_default();
                self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Search { before }, text));
            }
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::OutletFilter => {
                let mut p = Picker::new(self.corpus, &self.view.filter);
                p.count_unread(self.corpus, &self.view.filter, &self.view.rows, &self.marks);
                self.overlay = Overlay::Picker(p);
            }
            Action::DateFilter => {
                let text = self.view.filter.dates.map(|d| d.to_string()).unwrap_or_default();
                self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Date, text));
            }
            Action::ClearFilters => {
                if self.view.filter.is_empty()
                    && self.view.filter.dates.is_none()
                    && self.view.filter.outlets.is_none()
                    && self.view.state.is_empty()
                {
                    self.message = Some(Message { text: "no filters to clear".into(), error: false });
                } else {
                    self.view.filter = Filter::default();
                    self.view.state = StateFilter::default();
                    // And the timeline goes back to the bucket size that fits.
                    self.timeline.zoom = None;
                    self.refilter();
                    self.message = Some(Message { text: "filters cleared".into(), error: false });
                }
            }
            Action::ToggleSort => {
                self.view.order = self.view.order.flip();
                self.refilter();
            }
            // Focus leaves a hidden timeline in `settle`.
            Action::ToggleTimeline => self.timeline.visible = !self.timeline.visible,
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
                    None if self.list.selected >= self.view.dated => {
                        self.message = Some(Message {
                            text: "this article has no date: it is not on the timeline".into(),
                            error: false,
                        });
                    }
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
                        // Inside the bucket, the timeline fits its bucket size to the new span.
                        self.timeline.zoom = None;
                        self.refilter();
                    }
                    None => {
                        self.message = Some(Message { text: "the selected article has no date".into(), error: false })
                    }
                }
            }
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
            Action::OpenInBrowser => {
                if let Some(i) = self.article_or_say() {
                    match &self.corpus.get(i).url {
                        Some(u) => return Effect::Run(Job::Browse { url: u.to_string() }),
                        None => self.report("this article has no URL to open".into(), true),
                    }
                }
            }
            Action::CopyMenu => {
                if self.article_or_say().is_some() {
                    self.overlay = Overlay::Copy;
                }
            }
            Action::SaveArticle => {
                if let Some(i) = self.article_or_say() {
                    let name = export::file_name(&Entry::of(self.corpus, i));
                    self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Save { article: i }, name));
                }
            }
            Action::PipeArticle => {
                if let Some(i) = self.article_or_say() {
                    self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Pipe { article: i }, String::new()));
                }
            }
            Action::ViewSource => {
                if let Some(i) = self.article_or_say() {
                    let a = self.corpus.get(i);
                    let file = self.corpus.file(a);
                    let path = file.disk_path().map(std::path::Path::to_path_buf);
                    // A bundled file has no path on disk: the pager reads its text instead.
                    let text =
                        if path.is_none() { self.corpus.source_text(i).unwrap_or_default() } else { String::new() };
                    return Effect::Run(Job::Page { path, text, name: file.path.clone() });
                }
            }
            Action::ExportList => {
                if self.view.is_empty() {
                    self.report("no articles listed: nothing to export".into(), true);
                } else {
                    let name = format!("newsdesk-{}.md", self.today);
                    self.overlay = Overlay::Prompt(Prompt::new(PromptKind::Export, name));
                }
            }
            // Copy choices arrive only after the copy key.
            Action::CopyUrl | Action::CopyId | Action::CopyCitation => {}
            // Handled in `update` before anything else.
            Action::Quit | Action::Suspend | Action::Resize(..) => {}
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

    /// Sets the message line (the outcome of a program run for the reader, too).
    pub fn report(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    /// The selected article, or a message that there is none.
    fn article_or_say(&mut self) -> Option<u32> {
        let a = self.selected_article();
        if a.is_none() {
            self.report("no article selected".into(), true);
        }
        a
    }

    fn update_copy(&mut self, action: Action) -> Effect {
        let Some(i) = self.selected_article() else { return Effect::None };
        let e = Entry::of(self.corpus, i);
        let (what, text) = match action {
            Action::CopyUrl => match e.url {
                Some(u) => ("URL", u),
                None => {
                    self.report("this article has no URL to copy".into(), true);
                    return Effect::None;
                }
            },
            Action::CopyId => ("id", e.id.clone()),
            Action::CopyCitation => ("citation", export::citation(&e, self.today)),
            // Esc, or any other key, closes the question.
            _ => return Effect::None,
        };
        self.report(format!("copied the {what}: {text}"), false);
        Effect::Clipboard(text)
    }

    /// The article as Markdown with front matter, as saved and piped.
    fn article_markdown(&self, i: u32) -> String {
        let body = self.corpus.extraction(i).map(|x| x.body).unwrap_or_default();
        export::article(&Entry::of(self.corpus, i), &body, ArticleFormat::Markdown)
    }

    /// What saving article `i` to `name` would write.
    fn save_article(&self, i: u32, name: &str) -> Result<PendingWrite, String> {
        let path = files::target(name)?;
        let format = ArticleFormat::for_path(&path);
        let e = self.corpus.extraction(i).map_err(|e| format!("cannot read the article: {e}"))?;
        let contents = export::article(&Entry::of(self.corpus, i), &e.body, format);
        let kind = if format == ArticleFormat::Text { "text" } else { "Markdown" };
        let what = format!("{kind}, {}", crate::width::count(e.words() as usize, "word"));
        Ok(PendingWrite { path, contents, what, overwrite_ok: false, corpus_ok: false })
    }

    /// What exporting the listed articles to `name` would write.
    fn export_list(&self, name: &str) -> Result<PendingWrite, String> {
        let path = files::target(name)?;
        let format = export::ListFormat::for_path(&path)
            .ok_or_else(|| format!("name the format by the extension: {}", export::ListFormat::EXTENSIONS))?;
        let entries: Vec<Entry> = self.view.rows.iter().map(|&i| Entry::of(self.corpus, i)).collect();
        let contents = format.render(&entries, self.today);
        let what = format!("{}, {}", format.name(), crate::width::count(entries.len(), "article"));
        Ok(PendingWrite { path, contents, what, overwrite_ok: false, corpus_ok: false })
    }

    /// Writes the file, or first asks about overwriting it or writing into the corpus.
    fn write_or_confirm(&mut self, mut w: PendingWrite) -> Effect {
        if !w.overwrite_ok && w.path.exists() {
            w.overwrite_ok = true;
            let why = format!("{} exists", w.path.display());
            let kind = PromptKind::Confirm { ask: "overwrite it?", why, write: w };
            self.overlay = Overlay::Prompt(Prompt::new(kind, String::new()));
            return Effect::None;
        }
        if !w.corpus_ok && files::inside_corpus(&w.path, self.corpus, &self.corpus_roots) {
            w.corpus_ok = true;
            let why = format!("⚠ in the corpus folder, it would load as an article: {}", w.path.display());
            let kind = PromptKind::Confirm { ask: "save it there?", why, write: w };
            self.overlay = Overlay::Prompt(Prompt::new(kind, String::new()));
            return Effect::None;
        }
        match files::write(&w.path, &w.contents, w.overwrite_ok) {
            Ok(()) => self.report(format!("saved {} ({})", w.path.display(), w.what), false),
            Err(e) => self.report(format!("could not save {}: {e}", w.path.display()), true),
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
            let col = x.saturating_sub(tabs.x);
            if let Some((pane, _, _)) = layout::tabs().into_iter().find(|(_, _, cols)| cols.contains(&col)) {
                self.focus = pane;
            }
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
        if self.view.filter.search.as_ref().is_none_or(Query::is_empty) {
            self.message = Some(Message {
                text: format!("no search: press {} to search", keymap::key_for(Context::Panes, &Action::Search)),
                error: false,
            });
            return;
        }
        let rows = self.reader_rows();
        if self.reader.go_to_match(forward, rows) {
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
        self.reader.go_to_edge_match(forward, rows);
    }

    /// Selects the view again after a filter or the order changed, keeping the selected article
    /// when it is still listed.
    fn refilter(&mut self) {
        let keep = self.selected_article();
        self.view.refresh(self.corpus, &self.marks);
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
        // In narrow mode the reader may not be on screen; it is prepared anyway, for the area
        // it would have, so that focusing it shows the article at once.
        let width = reader::wrap_width(self.reader_area());
        let selected = self.selected_article();
        let marks = selected.and_then(|i| self.marks.get(i));
        self.reader.show(self.corpus, selected, marks, width, self.view.filter.search.as_ref());
        let rows = self.reader_rows();
        self.reader.scroll_by(0, rows);

        let key = (self.view.generation, self.marks.generation);
        if self.unread_for != key {
            self.unread = count_unread(self.corpus, &self.view.rows, &self.marks);
            self.unread_for = key;
        }

        let tl_width = areas.timeline.map_or(self.screen.width, |r| r.width);
        let zoom = self.timeline.zoom;
        // Compared by reference: settle runs on every key press, the filter rarely changes.
        let current = self.timeline_built_for.as_ref().is_some_and(|(f, s, z, w)| {
            *f == self.view.filter && *s == self.view.state && *z == zoom && *w == tl_width
        });
        // A hidden timeline is not built; showing it finds the key stale and builds it then.
        if !current && self.timeline.visible {
            let dated = &self.view.rows[..self.view.dated];
            let undated = self.view.len() - self.view.dated;
            // Lane labels take their width first; the rest is for buckets.
            let pane = Rect { width: tl_width, ..self.screen };
            let cols = timeline::bucket_columns(pane, timeline::label_width(self.columns.outlet, pane));
            self.timeline.rebuild(self.corpus, dated, self.view.order == Order::NewestFirst, undated, cols);
            self.timeline_built_for = Some((self.view.filter.clone(), self.view.state.clone(), zoom, tl_width));
            // The timeline's height can change the list's.
            let areas = self.areas();
            self.list.scroll_into_view(areas.list.map_or(1, list::content_rows));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::LoadOptions;
    use crate::corpus::timeline::Unit;
    use std::sync::OnceLock;

    fn corpus() -> &'static Corpus {
        static C: OnceLock<Corpus> = OnceLock::new();
        C.get_or_init(|| Corpus::load(&[], LoadOptions::default()))
    }

    fn model() -> Model<'static> {
        Model::new(corpus(), Filter::default(), Order::NewestFirst, 100, 30)
    }

    fn date(m: &Model<'_>) -> String {
        m.selected_article().and_then(|i| m.corpus.get(i).published).map(|p| p.to_string()).unwrap_or_default()
    }

    fn typed(m: &mut Model<'_>, s: &str) {
        for c in s.chars() {
            m.update(Action::Input(c));
        }
    }

    #[test]
    fn moving_selects_and_the_reader_follows() {
        let mut m = model();
        assert_eq!(date(&m), "2019-04-23");
        m.update(Action::Down);
        assert_eq!(date(&m), "2019-04-22T21:44");
        assert_eq!(m.reader.article, m.selected_article());
        m.update(Action::Bottom);
        assert_eq!(date(&m), "2011-06-28T20:32");
        m.update(Action::Down);
        assert_eq!(date(&m), "2011-06-28T20:32", "stops at the end");
        m.update(Action::Top);
        assert_eq!(m.list.selected, 0);
    }

    #[test]
    fn sorting_keeps_the_selected_article() {
        let mut m = model();
        m.update(Action::Down);
        let picked = m.selected_article();
        m.update(Action::ToggleSort);
        assert_eq!(m.view.order, Order::OldestFirst);
        assert_eq!(m.selected_article(), picked);
        assert_eq!(m.list.selected, 3);
    }

    #[test]
    fn earlier_and_later_move_in_time_whatever_the_order() {
        for order in [Order::NewestFirst, Order::OldestFirst] {
            let mut m = Model::new(corpus(), Filter::default(), order, 100, 30);
            m.update(Action::FocusTimeline);
            // Start from 2019-03-25, the middle.
            let row = m
                .view
                .rows
                .iter()
                .position(|&i| m.corpus.get(i).published.unwrap().to_string() == "2019-03-25")
                .unwrap();
            m.list.selected = row;
            m.update(Action::LaterArticle);
            assert_eq!(date(&m), "2019-04-22T21:44", "{order:?}");
            m.update(Action::EarlierArticle);
            m.update(Action::EarlierArticle);
            assert_eq!(date(&m), "2011-06-29", "{order:?}");
        }
        let mut m = model();
        m.update(Action::LaterArticle);
        assert_eq!(m.message.as_ref().map(|x| x.text.as_str()), Some("this is the latest article"));
    }

    #[test]
    fn enter_on_a_bucket_filters_to_its_dates() {
        let mut m = model();
        m.update(Action::FocusTimeline);
        m.update(Action::ZoomOut);
        m.update(Action::ZoomOut);
        assert_eq!(m.timeline.model.unit, Unit::Month);
        m.update(Action::FilterToBucket);
        assert_eq!(m.view.filter.dates.map(|d| d.to_string()).as_deref(), Some("2019-04"));
        assert_eq!(m.view.len(), 2);
    }

    #[test]
    fn zoom_steps_and_stops() {
        let mut m = model();
        assert_eq!(m.timeline.model.unit, Unit::Day, "the sample corpus fits by day at 100 columns");
        m.update(Action::ZoomIn);
        assert_eq!(m.message.as_ref().map(|x| x.text.as_str()), Some("the timeline is already by day"));
        for unit in [Unit::Week, Unit::Month, Unit::Quarter, Unit::Year] {
            m.update(Action::ZoomOut);
            assert_eq!(m.timeline.model.unit, unit);
        }
        m.update(Action::ZoomOut);
        assert_eq!(m.timeline.model.unit, Unit::Year);
    }

    #[test]
    fn search_narrows_as_you_type_and_esc_restores() {
        let mut m = model();
        m.update(Action::Search);
        typed(&mut m, "medv");
        assert_eq!(m.view.len(), 4, "incremental");
        typed(&mut m, "edev timakova");
        assert_eq!(m.view.len(), 1);
        m.update(Action::Back);
        assert_eq!(m.view.len(), 5);
        assert_eq!(m.view.filter.search, None);
        m.update(Action::Search);
        typed(&mut m, "vladivostok");
        m.update(Action::Apply);
        assert!(matches!(m.overlay, Overlay::None));
        assert_eq!(m.view.filter.search.as_ref().map(|q| q.text.as_str()), Some("vladivostok"));
        assert!(m.reader.scroll > 0, "the reader jumps to the first match");
    }

    #[test]
    fn next_match_goes_through_the_article_then_to_the_next() {
        let mut m = model();
        m.update(Action::Search);
        typed(&mut m, "kim");
        m.update(Action::Apply);
        let first_article = m.selected_article();
        let matches = m.reader.match_lines.len();
        assert!(matches > 2);
        // Apply went to match 1; matches - 1 more reach the last; one more, the next article.
        for _ in 0..matches - 1 {
            m.update(Action::NextMatch);
            assert_eq!(m.selected_article(), first_article);
        }
        assert_eq!(m.reader.current_match, Some(matches - 1));
        m.update(Action::NextMatch);
        assert_ne!(m.selected_article(), first_article, "past the last match, the next article");
        assert_eq!(m.reader.current_match, Some(0));
        m.update(Action::PrevMatch);
        assert_eq!(m.selected_article(), first_article, "and back");
        assert_eq!(m.reader.current_match, Some(matches - 1), "at its last match");
    }

    #[test]
    fn a_bad_date_keeps_the_filter_and_the_prompt() {
        let mut m = model();
        m.update(Action::DateFilter);
        typed(&mut m, "2019");
        m.update(Action::Apply);
        assert_eq!(m.view.len(), 3);
        m.update(Action::DateFilter);
        m.update(Action::DeleteToStart);
        typed(&mut m, "April");
        m.update(Action::Apply);
        let Overlay::Prompt(p) = &m.overlay else { panic!("the prompt stays open") };
        assert!(p.error.as_ref().is_some_and(|e| e.contains("2019-03..2019-04")));
        assert_eq!(m.view.len(), 3, "the old filter is kept");
        m.update(Action::Back);
        m.update(Action::DateFilter);
        m.update(Action::DeleteToStart);
        m.update(Action::Apply);
        assert_eq!(m.view.filter.dates, None, "empty clears the date filter");
    }

    #[test]
    fn the_outlet_picker_applies_or_cancels() {
        let mut m = model();
        m.update(Action::OutletFilter);
        m.update(Action::PickerAll);
        m.update(Action::PickerToggle);
        m.update(Action::Back);
        assert_eq!(m.view.filter.outlets, None, "Esc changes nothing");
        m.update(Action::OutletFilter);
        m.update(Action::PickerAll);
        m.update(Action::Down);
        m.update(Action::PickerToggle);
        m.update(Action::Apply);
        assert_eq!(m.view.len(), 1);
        assert_eq!(crate::ui::status::describe_filters(&m), "outlets: RT");
        m.update(Action::OutletFilter);
        m.update(Action::PickerAll);
        m.update(Action::PickerAll);
        m.update(Action::Apply);
        assert!(matches!(m.overlay, Overlay::Picker(_)), "nothing ticked: the picker stays");
        assert!(m.message.as_ref().is_some_and(|x| x.error));
        m.update(Action::PickerAll);
        m.update(Action::Apply);
        assert_eq!(m.view.filter.outlets, None, "all ticked is no filter");
        m.update(Action::ClearFilters);
        assert_eq!(m.message.as_ref().map(|x| x.text.as_str()), Some("no filters to clear"));
    }

    #[test]
    fn focus_cycles_and_the_timeline_can_hide() {
        let mut m = model();
        m.update(Action::FocusNext);
        assert_eq!(m.focus, Pane::Reader);
        m.update(Action::FocusNext);
        assert_eq!(m.focus, Pane::Timeline);
        m.update(Action::ToggleTimeline);
        assert_eq!(m.focus, Pane::List, "hiding the focused timeline moves focus");
        assert!(m.areas().timeline.is_none());
        m.update(Action::FocusPrev);
        assert_eq!(m.focus, Pane::Reader, "two panes now");
        m.update(Action::Back);
        assert_eq!(m.focus, Pane::List);
    }

    #[test]
    fn a_timeline_shown_again_reflects_filters_changed_while_hidden() {
        let mut m = model();
        let lanes = |m: &Model<'_>| m.timeline.model.lanes.iter().map(|l| l.articles).sum::<usize>();
        assert_eq!(lanes(&m), 5);
        m.update(Action::ToggleTimeline);
        m.update(Action::DateFilter);
        for c in "2011".chars() {
            m.update(Action::Input(c));
        }
        m.update(Action::Apply);
        assert_eq!(m.view.len(), 2);
        m.update(Action::ToggleTimeline);
        assert_eq!(lanes(&m), 2, "the timeline shows the two 2011 articles, not the five it last drew");
    }

    #[test]
    fn reader_scrolls_within_bounds() {
        let mut m = model();
        m.update(Action::FocusReader);
        m.update(Action::Bottom);
        let end = m.reader.scroll;
        assert!(end > 0);
        m.update(Action::Down);
        assert_eq!(m.reader.scroll, end);
        m.update(Action::Top);
        m.update(Action::ReaderPageDown);
        assert!(m.reader.scroll > 0);
        m.update(Action::ToggleEvidence);
        assert!(m.reader.evidence);
    }

    #[test]
    fn tabs_are_clicked_where_they_are_drawn() {
        let mut m = Model::new(corpus(), Filter::default(), Order::NewestFirst, 40, 12);
        // "1:List 2:Reader 3:Timeline" from column 0.
        for (x, pane) in [(2, Pane::List), (9, Pane::Reader), (20, Pane::Timeline), (3, Pane::List)] {
            m.update(Action::Click { x, y: 0 });
            assert_eq!(m.focus, pane, "x = {x}");
        }
        m.update(Action::Click { x: 35, y: 0 });
        assert_eq!(m.focus, Pane::List, "blank tab-bar space changes nothing");
    }

    #[test]
    fn space_pages_the_reader_even_where_it_is_not_shown() {
        let mut m = Model::new(corpus(), Filter::default(), Order::NewestFirst, 40, 12);
        assert!(m.areas().reader.is_none());
        m.update(Action::ReaderPageDown);
        assert!(m.reader.scroll > 1, "a page, not a line: {}", m.reader.scroll);
    }

    #[test]
    fn the_zoom_resets_when_the_dates_change_wholesale() {
        let mut m = model();
        m.update(Action::ZoomOut);
        m.update(Action::ZoomOut);
        m.update(Action::FilterToBucket);
        assert_eq!(m.timeline.zoom, None);
        assert_eq!(m.timeline.model.unit, Unit::Day, "the finest that fits the bucket's span");
        m.update(Action::ZoomOut);
        m.update(Action::ClearFilters);
        assert_eq!(m.timeline.zoom, None);
    }

    #[test]
    fn undated_articles_say_they_are_not_on_the_timeline() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A headline about the summit\n\nText without a date.").unwrap();
        std::fs::write(dir.path().join("b.txt"), "Another headline about the summit\n\nPublished: 2019-04-23\n\nText.")
            .unwrap();
        let c = Corpus::load(&[dir.path().to_path_buf()], LoadOptions::default());
        let mut m = Model::new(&c, Filter::default(), Order::NewestFirst, 100, 30);
        m.update(Action::Bottom);
        m.update(Action::LaterArticle);
        assert_eq!(
            m.message.as_ref().map(|x| x.text.as_str()),
            Some("this article has no date: it is not on the timeline")
        );
    }

    #[test]
    fn the_picker_keeps_its_cursor_in_view_after_a_resize() {
        let mut m = model();
        m.update(Action::OutletFilter);
        m.update(Action::Bottom);
        m.update(Action::Resize(60, 7));
        let Overlay::Picker(p) = &m.overlay else { panic!("the picker stays open") };
        let rows = p.rows(m.screen);
        assert!(
            p.cursor() >= p.at.offset && p.cursor() < p.at.offset + rows.max(1),
            "cursor {} offset {} rows {rows}",
            p.cursor(),
            p.at.offset
        );
    }

    #[test]
    fn a_resize_to_narrow_shows_one_pane() {
        let mut m = model();
        m.update(Action::Open);
        m.update(Action::Resize(40, 12));
        let a = m.areas();
        assert!(a.reader.is_some() && a.list.is_none());
        m.update(Action::Back);
        assert!(m.areas().list.is_some());
    }

    fn msg(m: &Model<'_>) -> String {
        m.message.as_ref().map(|x| x.text.clone()).unwrap_or_default()
    }

    fn marks_of(m: &Model<'_>) -> crate::state::Marks {
        m.selected_article().and_then(|i| m.marks.get(i)).cloned().unwrap_or_default()
    }

    #[test]
    fn opening_an_article_marks_it_read_and_r_toggles() {
        let mut m = model();
        assert!(!marks_of(&m).read, "nothing is read at first");
        m.update(Action::Open);
        assert!(marks_of(&m).read, "opened is read");
        m.update(Action::ToggleRead);
        assert!(!marks_of(&m).read);
        assert_eq!(msg(&m), "marked unread");
        m.update(Action::ToggleRead);
        assert!(marks_of(&m).read);
    }

    #[test]
    fn star_toggles_and_undo_puts_it_back() {
        let mut m = model();
        m.update(Action::ToggleStar);
        assert!(marks_of(&m).starred);
        assert_eq!(msg(&m), "starred");
        m.update(Action::ToggleStar);
        assert!(!marks_of(&m).starred);
        m.update(Action::UndoMark);
        assert!(marks_of(&m).starred, "undo of the unstar");
        m.update(Action::UndoMark);
        assert!(!marks_of(&m).starred, "undo of the star");
        m.update(Action::UndoMark);
        assert_eq!(msg(&m), "nothing to undo");
    }

    #[test]
    fn tags_are_added_and_removed_in_the_prompt() {
        let mut m = model();
        m.update(Action::EditTags);
        typed(&mut m, "korea follow-up");
        m.update(Action::Apply);
        assert_eq!(marks_of(&m).tags, ["follow-up", "korea"]);
        assert_eq!(msg(&m), "tags: follow-up korea");
        // The prompt starts with the current tags; `-tag` removes one.
        m.update(Action::EditTags);
        let Overlay::Prompt(p) = &m.overlay else { panic!("the tags prompt") };
        assert_eq!(p.input, "follow-up korea ");
        typed(&mut m, "-korea russia");
        m.update(Action::Apply);
        assert_eq!(marks_of(&m).tags, ["follow-up", "russia"]);
        // Deleting a tag from the prompt's text removes it too.
        m.update(Action::EditTags);
        m.update(Action::DeleteToStart);
        typed(&mut m, "russia");
        m.update(Action::Apply);
        assert_eq!(marks_of(&m).tags, ["russia"]);
        m.update(Action::UndoMark);
        assert_eq!(marks_of(&m).tags, ["follow-up", "russia"]);
    }

    #[test]
    fn a_bad_tag_keeps_the_prompt_with_an_error() {
        let mut m = model();
        m.update(Action::EditTags);
        typed(&mut m, "korea -");
        m.update(Action::Apply);
        let Overlay::Prompt(p) = &m.overlay else { panic!("the prompt stays open") };
        assert_eq!(p.error.as_deref(), Some("✗ a tag cannot be empty"));
        assert!(marks_of(&m).tags.is_empty());
    }

    #[test]
    fn mark_all_read_asks_with_the_count_and_undoes_in_one_step() {
        let mut m = model();
        m.update(Action::Open);
        m.update(Action::Back);
        m.update(Action::MarkAllRead);
        let Overlay::Prompt(p) = &m.overlay else { panic!("a confirmation") };
        assert_eq!(p.label(), "Mark 4 articles read? y/N ", "the one already read is not counted");
        m.update(Action::Back);
        assert_eq!(m.marks.unread_among(&m.view.rows), 4, "Esc marks nothing");
        m.update(Action::MarkAllRead);
        typed(&mut m, "n");
        m.update(Action::Apply);
        assert_eq!(m.marks.unread_among(&m.view.rows), 4, "n marks nothing");
        m.update(Action::MarkAllRead);
        typed(&mut m, "y");
        m.update(Action::Apply);
        assert_eq!(m.marks.unread_among(&m.view.rows), 0);
        assert_eq!(msg(&m), "marked 4 articles read (u undoes)");
        m.update(Action::MarkAllRead);
        assert_eq!(msg(&m), "every listed article is read already");
        m.update(Action::UndoMark);
        assert_eq!(m.marks.unread_among(&m.view.rows), 4, "one undo takes back the whole mark-all");
        assert!(marks_of(&m).read, "and leaves the article read before it read");
    }

    #[test]
    fn unread_and_starred_only_filter_the_list() {
        let mut m = model();
        m.update(Action::Open);
        m.update(Action::Back);
        let read = m.selected_article();
        m.update(Action::UnreadOnly);
        assert_eq!(m.view.len(), 4);
        assert!(!m.view.rows.contains(&read.unwrap()));
        assert_eq!(msg(&m), "showing unread articles only");
        assert_eq!(crate::ui::status::describe_filters(&m), "unread");
        m.update(Action::UnreadOnly);
        assert_eq!(m.view.len(), 5);
        m.update(Action::Down);
        m.update(Action::ToggleStar);
        let starred = m.selected_article();
        m.update(Action::StarredOnly);
        assert_eq!(m.view.rows, vec![starred.unwrap()]);
        // Both: starred and unread.
        m.update(Action::UnreadOnly);
        assert_eq!(m.view.len(), 1);
        m.update(Action::ToggleRead);
        assert_eq!(m.view.len(), 1, "a mark does not pull the article from under the cursor");
        m.update(Action::StarredOnly);
        m.update(Action::StarredOnly);
        assert_eq!(m.view.len(), 0, "the next filter change does");
        m.update(Action::ClearFilters);
        assert_eq!(m.view.len(), 5, "clearing the filters clears the marks filters too");
    }

    #[test]
    fn a_note_from_the_editor_is_kept_and_shown_in_the_reader() {
        let mut m = model();
        let i = m.selected_article().unwrap();
        let e = m.update(Action::EditNote);
        assert_eq!(e, Effect::Run(Job::EditNote { article: i, text: String::new() }));
        m.note_edited(i, Ok(Some("check the date\n".into())));
        assert_eq!(marks_of(&m).note.as_deref(), Some("check the date"));
        assert_eq!(msg(&m), "note saved");
        let text: Vec<String> = m.reader.lines.iter().map(|l| l.to_string()).collect();
        assert!(text.iter().any(|l| l == "note: check the date"), "{text:#?}");
        m.update(Action::EditTags);
        typed(&mut m, "korea");
        m.update(Action::Apply);
        let text: Vec<String> = m.reader.lines.iter().map(|l| l.to_string()).collect();
        assert!(text.iter().any(|l| l == "tags: #korea"), "{text:#?}");
        m.note_edited(i, Err("vi exited with status 1; the note was not changed".into()));
        assert!(m.message.as_ref().is_some_and(|x| x.error));
        assert_eq!(marks_of(&m).note.as_deref(), Some("check the date"));
        m.note_edited(i, Ok(Some("  \n".into())));
        assert_eq!(marks_of(&m).note, None, "an empty note deletes it");
    }

    #[test]
    fn marks_are_written_behind_and_reload_sees_another_process() {
        use crate::state::{Change, Identity, Label, StateDb};
        use crate::ui::marks::{FLUSH_WAIT, MarkStore, StateSetup};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        let p = path.clone();
        let open: crate::ui::marks::Opener = Box::new(move || StateDb::open(&p).map_err(|e| e.to_string()));
        let setup = StateSetup { open: Some(open), path: Some(path.clone()), ..StateSetup::default() };
        let mut m = model();
        m.set_marks(MarkStore::new(corpus(), setup), StateFilter::default());
        assert_eq!(m.message, None, "no warning with a writable database");
        let i = m.selected_article().unwrap();
        m.update(Action::ToggleStar);
        assert!(m.marks.flush(FLUSH_WAIT));
        let db = StateDb::open_existing(&path).unwrap().unwrap();
        assert!(db.corpus_marks(corpus()).unwrap().get(i).is_some_and(|x| x.starred), "the star reached the file");
        // Another process marks the next article read; the reader sees it on reload.
        m.update(Action::Down);
        let j = m.selected_article().unwrap();
        let mut other = StateDb::open(&path).unwrap();
        let a = corpus().get(j);
        let target = [(Identity::of(corpus(), a), Label::of(corpus(), a))];
        other.apply(&target, &Change { read: Some(true), ..Change::default() }, jiff::Timestamp::now()).unwrap();
        assert!(!m.marks.is_read(j));
        m.update(Action::ReloadMarks);
        assert!(m.marks.is_read(j), "{}", msg(&m));
        assert!(m.marks.is_starred(i), "our own star survives the reload");
        assert!(!m.poll_writes(), "no write failed");
    }

    #[test]
    fn without_a_database_marks_work_for_the_session_and_say_so() {
        use crate::ui::marks::{MarkStore, StateSetup};
        let mut m = model();
        let setup = StateSetup { warning: Some("read-only: cannot write".into()), ..StateSetup::default() };
        m.set_marks(MarkStore::new(corpus(), setup), StateFilter::default());
        assert!(m.message.as_ref().is_some_and(|x| x.error && x.text.starts_with("read-only")));
        m.update(Action::ToggleStar);
        assert!(marks_of(&m).starred);
        assert_eq!(msg(&m), "starred (for this session only: not kept)");
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        term.draw(|f| crate::ui::draw::draw(&m, f)).unwrap();
        let text = crate::ui::draw::screen_text(term.backend().buffer());
        assert!(text.contains("read-only: marks not kept"), "the status bar keeps saying so:\n{text}");
    }

    #[test]
    fn the_position_comes_back() {
        let mut m = model();
        m.update(Action::DateFilter);
        typed(&mut m, "2019");
        m.update(Action::Apply);
        m.update(Action::ToggleSort);
        m.update(Action::Down);
        m.update(Action::UnreadOnly);
        m.update(Action::Open);
        let pos = m.position();
        let article = m.selected_article();
        let mut again = model();
        again.restore(&pos, false);
        assert_eq!(again.view.filter, m.view.filter);
        assert_eq!(again.view.state, m.view.state);
        assert_eq!(again.view.order, Order::OldestFirst);
        assert_eq!(again.selected_article(), article);
        assert_eq!(again.focus, Pane::Reader);
        // A filter from the command line wins; the article is still selected if it passes.
        let mut given = model();
        given.restore(&pos, true);
        assert_eq!(given.view.filter, Filter::default());
        assert_eq!(given.selected_article(), article);
    }
}
