//! Running a validated command line: load the corpus, filter, print. Each subcommand's output
//! lives in its own module; all of them write to a `Write` so tests can read what they print.

mod check;
mod compare;
mod list;
mod mark;
mod note;
mod outlets;
mod show;
pub mod state;
mod stories;
mod timeline;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::{Action, Cli, Config};
use crate::corpus::Corpus;
use crate::corpus::dates::Published;
use crate::corpus::diag::Severity;

/// An error in what the user asked for (exit status 2), as opposed to a failure while doing it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs a command line; the binary's `main` is a thin wrapper around this.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = cli.validate().map_err(|e| UsageError(e.to_string()))?;
    let stdout = std::io::stdout();
    let width = output_width(stdout.is_terminal());
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = execute(&config, &mut out, width)?;
    out.flush().context("writing to stdout")?;
    Ok(code)
}

/// Runs a validated command, writing to `out`; `width` is the terminal width when output goes
/// to a terminal (tables truncate titles to it), None when it goes to a pipe or file.
pub fn execute(config: &Config, out: &mut dyn Write, width: Option<usize>) -> anyhow::Result<ExitCode> {
    match &config.action {
        Action::Completions(shell) => {
            clap_complete::generate(*shell, &mut Cli::command(), "newsdesk", out);
            return Ok(ExitCode::SUCCESS);
        }
        Action::StateExport => return state::export(out),
        Action::StateImport(file) => return state::import(file.as_deref()),
        Action::StatePath => return state::path(out),
        Action::GenCorpus { out: dir, count, seed, truth } => {
            let stats = crate::synth::write_corpus(dir, *count, *seed, truth.as_deref())
                .with_context(|| format!("writing a synthetic corpus to {}", dir.display()))?;
            writeln!(out, "wrote {} articles ({:.1} MB) to {}", stats.files, stats.bytes as f64 / 1e6, dir.display())?;
            return Ok(ExitCode::SUCCESS);
        }
        Action::GenStories { out: dir, events, seed, truth } => {
            let t = crate::synth::write_stories(dir, *events, *seed, truth.as_deref())
                .with_context(|| format!("writing synthetic stories to {}", dir.display()))?;
            writeln!(out, "wrote {} articles of {events} events to {}", t.len(), dir.display())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let corpus = Corpus::load(&config.paths, config.load);
    let code = match &config.action {
        Action::Read => {
            let setup = state::reader_setup(&corpus, &config.paths);
            crate::ui::run(&corpus, &config.filter, &config.marks, setup, &config.paths)?
        }
        Action::List(format) => {
            let marks = state::load_marks(&corpus, &config.marks, true)?;
            list::run(&corpus, config, &marks, *format, out, width)?
        }
        Action::Show { id, format } => show::run(&corpus, id, *format, out, width)?,
        Action::Outlets(format) => {
            let marks = state::load_marks(&corpus, &config.marks, false)?;
            outlets::run(&corpus, config, &marks, *format, out)?
        }
        Action::Timeline { summary, format } => {
            let marks = state::load_marks(&corpus, &config.marks, false)?;
            timeline::run(&corpus, config, &marks, *summary, *format, out, width)?
        }
        Action::Check(format) => return check::run(&corpus, *format, out),
        Action::Mark { ids, stdin, change } => mark::run(&corpus, &config.paths, ids, *stdin, change)?,
        Action::Note { id, print } => note::run(&corpus, &config.paths, id, *print, out)?,
        Action::Stories(format) => stories::run(&corpus, config, *format, out, width)?,
        Action::Why { ids, format } => stories::why(&corpus, ids, *format, out)?,
        Action::Compare { ids, format } => {
            let color = width.is_some() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            compare::run(&corpus, ids, *format, out, width, color)?
        }
        Action::Completions(_)
        | Action::GenCorpus { .. }
        | Action::GenStories { .. }
        | Action::StateExport
        | Action::StateImport(_)
        | Action::StatePath => ExitCode::SUCCESS,
    };
    if !config.quiet {
        // The table first, then the note about it, when both go to one terminal.
        out.flush()?;
        summarize_diagnostics(&corpus);
    }
    // A path the user named that does not exist is a failure, not an empty corpus.
    if corpus.unreadable_inputs() > 0 && code == ExitCode::SUCCESS {
        return Ok(ExitCode::from(1));
    }
    Ok(code)
}

/// Terminal width for tables: the terminal's when writing to one, else `$COLUMNS` if set,
/// else none (no truncation in pipes).
fn output_width(is_terminal: bool) -> Option<usize> {
    if is_terminal
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
        && w > 0
    {
        return Some(w as usize);
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w > 0)
}

/// Errors one per line (the first few), warnings as a count: a corpus of 100,000 scraped pages
/// has many, and `newsdesk check` lists them all.
fn summarize_diagnostics(corpus: &Corpus) {
    const SHOWN: usize = 10;
    let mut err = std::io::stderr().lock();
    let errors: Vec<_> = corpus.diagnostics().iter().filter(|d| d.severity == Severity::Error).collect();
    for d in errors.iter().take(SHOWN) {
        let _ = writeln!(err, "newsdesk: {d}");
    }
    if errors.len() > SHOWN {
        let more = errors.len() - SHOWN;
        let _ = writeln!(err, "newsdesk: … and {}", crate::width::count(more, "more error"));
    }
    let warnings = corpus.count(Severity::Warning);
    if warnings > 0 {
        let _ = writeln!(
            err,
            "newsdesk: {} in the corpus; `newsdesk check` lists them",
            crate::width::count(warnings, "warning")
        );
    }
}

/// A date for tables: `2011-06-28 20:32`, `2011-06-29`, `undated`.
fn date_cell(p: Option<Published>) -> String {
    p.map_or_else(|| "undated".to_string(), |p| p.human())
}

/// One article on one line, for `why` and `compare`: short id, date, outlet, title.
fn article_line(c: &Corpus, a: &crate::corpus::article::Article) -> String {
    format!(
        "{}  {}  {}  {}",
        c.short_id(a),
        date_cell(a.published),
        c.outlet_name(a.outlet).unwrap_or(UNKNOWN),
        a.title
    )
}

/// Shown where an article has no outlet.
const UNKNOWN: &str = "(unknown)";
