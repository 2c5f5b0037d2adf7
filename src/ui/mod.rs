//! The full-screen reader: list, reader and timeline panes, driven from the keyboard.
//!
//! The shape is model–update–view: [`app::Model`] holds each pane's small state and the shared
//! [`view::View`]; a key becomes an [`action::Action`] through the one [`keymap`] table;
//! [`app::Model::update`] applies it; [`draw::draw`] renders from the model without changing
//! it. [`terminal`] owns the terminal's modes and always puts them back.

pub mod action;
pub mod app;
pub mod draw;
pub mod external;
pub mod files;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod marks;
pub mod picker;
pub mod position;
pub mod prompt;
pub mod reader;
pub mod status;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod timeline;
pub mod view;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event;

use self::app::{Effect, Model};
use crate::cli::FilterSpec;
use crate::commands::UsageError;
use crate::corpus::Corpus;

/// How long the loop sleeps between checks for signals when no key arrives.
const TICK: Duration = Duration::from_millis(200);

/// Opens the reader on a corpus, with the command line's filter (and marks filter) as the
/// starting filter; `state` is what the entry point found of the state database.
pub fn run(
    corpus: &Corpus,
    spec: &FilterSpec,
    marks_filter: &crate::state::StateFilter,
    state: marks::StateSetup,
    roots: &[std::path::PathBuf],
) -> anyhow::Result<ExitCode> {
    let filter = spec.resolve(corpus).map_err(|e| UsageError(e.to_string()))?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(
            UsageError("the reader needs a terminal; in scripts use `newsdesk list` (see --help)".into()).into()
        );
    }
    // NO_COLOR (no-color.org): the reader drops colours itself and keeps bold, reverse and
    // underline, which crossterm's own handling loses (see `theme::strip_colors`).
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color {
        ratatui::crossterm::style::force_color_output(true);
    }
    let signals = terminal::Signals::register().context("installing signal handlers")?;
    terminal::install_panic_hook();
    terminal::save_original();
    // The guard first: if setting up fails half way (raw mode on, the rest not), dropping it
    // still puts the terminal back.
    let _guard = terminal::Guard;
    terminal::enter().context("setting up the terminal")?;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout())).context("opening the terminal")?;
    let size = term.size()?;
    let mut model = Model::new(corpus, filter, spec.order, size.width, size.height);
    model.corpus_roots = roots.to_vec();
    let position_file = state.position_file.clone();
    let corpus_key = position::corpus_key(roots);
    model.set_marks(marks::MarkStore::new(corpus, state), marks_filter.clone());
    if let Some(pos) = position_file.as_deref().and_then(|f| position::load(f, &corpus_key)) {
        let given =
            !spec.outlets.is_empty() || spec.dates.is_some() || spec.search.is_some() || !marks_filter.is_empty();
        model.restore(&pos, given);
    }
    let heartbeat = terminal::Heartbeat::new();
    let flusher = model.marks.flusher();
    terminal::spawn_watchdog(std::sync::Arc::clone(&signals.stop), heartbeat.clone(), move || {
        flusher.flush(marks::FLUSH_WAIT);
    });
    // For the end-to-end test of the panic hook: nothing else can make the reader panic.
    let panic_on_key = std::env::var_os("NEWSDESK_TEST_PANIC_ON_KEY").is_some();
    let mut dirty = true;
    loop {
        heartbeat.beat();
        if dirty {
            term.draw(|f| {
                draw::draw(&model, f);
                if no_color {
                    theme::strip_colors(f.buffer_mut());
                }
            })?;
            dirty = false;
        }
        let mut effect = Effect::None;
        if event::poll(TICK)? {
            // Apply everything already queued (a held key, a burst of wheel events) before
            // drawing again, so the screen never lags behind the keyboard.
            loop {
                let ev = event::read()?;
                if panic_on_key && matches!(ev, event::Event::Key(_)) {
                    panic!("NEWSDESK_TEST_PANIC_ON_KEY is set: a panic on purpose");
                }
                effect = model.on_event(&ev);
                dirty = true;
                if effect != Effect::None || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if model.poll_writes() {
            dirty = true;
        }
        if signals.stop_requested() {
            effect = Effect::Quit;
        }
        if signals.take_suspend() {
            effect = Effect::Suspend;
        }
        // A terminal that went away (closed window, dropped ssh) ends the reader.
        if terminal::terminal_gone() {
            effect = Effect::Quit;
        }
        match effect {
            Effect::Quit => break,
            Effect::Clipboard(text) => {
                // Between frames, so it never lands inside a half-drawn screen.
                let mut out = std::io::stdout();
                out.write_all(external::osc52(&text).as_bytes())?;
                out.flush()?;
            }
            Effect::Run(external::Job::EditNote { article, text }) => {
                let mut handover = Handover { term: &mut term, heartbeat: &heartbeat };
                let outcome = external::edit_note(&text, &mut handover);
                signals.forget_keyboard_signals();
                heartbeat.beat();
                let size = term.size()?;
                model.update(action::Action::Resize(size.width, size.height));
                model.note_edited(article, outcome);
                dirty = true;
            }
            Effect::Run(job) => {
                let mut handover = Handover { term: &mut term, heartbeat: &heartbeat };
                let (text, error) = external::run(&job, &mut handover);
                signals.forget_keyboard_signals();
                heartbeat.beat();
                let size = term.size()?;
                model.update(action::Action::Resize(size.width, size.height));
                model.report(text, error);
                dirty = true;
            }
            Effect::Suspend => {
                terminal::suspend(&mut term, &heartbeat)?;
                let size = term.size()?;
                model.update(action::Action::Resize(size.width, size.height));
                dirty = true;
            }
            Effect::None => {}
        }
    }
    drop(_guard);
    if let Some(f) = &position_file
        && let Err(e) = position::save(f, &corpus_key, model.position())
    {
        eprintln!("newsdesk: warning: cannot save the reader's position to {}: {e}", f.display());
    }
    // Every mark made reaches the database before exit (bounded: a stuck disk cannot hang it).
    if !model.marks.flush(marks::FLUSH_WAIT) {
        eprintln!(
            "newsdesk: warning: some marks were still being written after {} s and may be lost",
            marks::FLUSH_WAIT.as_secs()
        );
    }
    for failure in model.marks.failures() {
        eprintln!("newsdesk: warning: {failure}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The reader's terminal, handed to another program and taken back as Ctrl-z does.
struct Handover<'t> {
    term: &'t mut terminal::Term,
    heartbeat: &'t terminal::Heartbeat,
}

impl external::Handover for Handover<'_> {
    fn release(&mut self) -> std::io::Result<()> {
        terminal::leave()
    }

    fn reclaim(&mut self) -> std::io::Result<()> {
        // Time in the other program is not a stuck loop.
        self.heartbeat.beat();
        terminal::enter()?;
        terminal::force_full_redraw(self.term)
    }
}
