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
    /// What the timeline was last built for; the order does not change it.
    timeline_built_for: Option<(Filter, Option<crate::corpus::timeline::Unit>, u16)>,
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
        self.view.refresh(self.corpus);
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
        self.reader.show(self.corpus, selected, width, self.view.filter.search.as_ref());
        let rows = self.reader_rows();
        self.reader.scroll_by(0, rows);

        let tl_width = areas.timeline.map_or(self.screen.width, |r| r.width);
        let zoom = self.timeline.zoom;
        // Compared by reference: settle runs on every key press, the filter rarely changes.
        let current = self
            .timeline_built_for
            .as_ref()
            .is_some_and(|(f, z, w)| *f == self.view.filter && *z == zoom && *w == tl_width);
        // A hidden timeline is not built; showing it finds the key stale and builds it then.
        if !current && self.timeline.visible {
            let dated = &self.view.rows[..self.view.dated];
            let undated = self.view.len() - self.view.dated;
            // Lane labels take their width first; the rest is for buckets.
            let pane = Rect { width: tl_width, ..self.screen };
            let cols = timeline::bucket_columns(pane, timeline::label_width(self.columns.outlet, pane));
            self.timeline.rebuild(self.corpus, dated, self.view.order == Order::NewestFirst, undated, cols);
            self.timeline_built_for = Some((self.view.filter.clone(), zoom, tl_width));
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
}
