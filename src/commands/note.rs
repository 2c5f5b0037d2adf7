//! `newsdesk note ID`: sets an article's note from stdin, or in an editor at a terminal; empty
//! input deletes it; `--print` prints it.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use jiff::Timestamp;

use super::UsageError;
use crate::corpus::Corpus;
use crate::state::{Identity, Label, StateDb};

pub fn run(c: &Corpus, paths: &[PathBuf], id: &str, print: bool, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let i = c.find_id(id).map_err(|e| UsageError(e.to_string()))?;
    let a = c.get(i);
    let ident = Identity::of(c, a);
    let path = super::state::db_path()?;
    let current = match StateDb::open_existing(&path)? {
        Some(db) => db.entry(&ident)?.and_then(|e| e.note),
        None => None,
    };
    if print {
        if let Some(n) = current {
            writeln!(out, "{n}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    let text = if stdin.is_terminal() {
        match edit(current.as_deref().unwrap_or(""))? {
            Some(t) => t,
            // Unchanged: nothing to write, and no entry created for an article without a note.
            None => return Ok(ExitCode::SUCCESS),
        }
    } else {
        let mut t = String::new();
        stdin.lock().read_to_string(&mut t).context("reading the note from stdin")?;
        t
    };
    let note = text.trim_end();
    let note = if note.trim().is_empty() { None } else { Some(note) };
    if current.is_none() && note.is_none() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut db = super::state::open_for_writing(paths)?;
    db.set_note(&ident, &Label::of(c, a), note, Timestamp::now())?;
    Ok(ExitCode::SUCCESS)
}

/// Edits `current` in `$VISUAL`, `$EDITOR` or vi, on a temporary file. None when the text
/// came back unchanged.
fn edit(current: &str) -> anyhow::Result<Option<String>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let editor = var("VISUAL").or_else(|| var("EDITOR")).unwrap_or_else(|| "vi".to_string());
    let mut file = tempfile::Builder::new()
        .prefix("newsdesk-note-")
        .suffix(".txt")
        .tempfile()
        .context("creating a temporary file for the note")?;
    // A text file ends with a newline; the note is kept without it.
    let initial = if current.is_empty() { String::new() } else { format!("{current}\n") };
    file.write_all(initial.as_bytes()).and_then(|()| file.flush()).context("writing the note to a temporary file")?;
    // Through the shell, as git does, so an editor with arguments ("code --wait") works.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .with_context(|| format!("running the editor ({editor})"))?;
    if !status.success() {
        bail!("the editor ({editor}) exited with {status}; the note was not changed");
    }
    // Read by path: some editors replace the file rather than write into it.
    let text = std::fs::read_to_string(file.path()).context("reading the edited note")?;
    Ok((text.trim_end() != current.trim_end()).then_some(text))
}
