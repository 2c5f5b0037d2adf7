//! `newsdesk mark ID... --read|--unread|--star|--unstar|--tag T|--untag T`: changes marks of
//! articles of a corpus. Every id is checked before anything is written; the articles are then
//! written in transactions of [`crate::state::BATCH`].

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use jiff::Timestamp;

use super::UsageError;
use crate::corpus::Corpus;
use crate::state::{Change, Identity, Label};

/// Article numbers for id prefixes given as arguments and, with `stdin`, one per line on stdin
/// (the first column, so `list --format tsv` can be piped in; blank lines and the `id` header
/// are skipped). Every id must be found before anything is written.
pub fn resolve_ids(c: &Corpus, ids: &[String], stdin: bool) -> anyhow::Result<Vec<u32>> {
    let mut found = Vec::new();
    for id in ids {
        found.push(c.find_id(id).map_err(|e| UsageError(e.to_string()))?);
    }
    if stdin {
        for (n, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line.context("reading article ids from stdin")?;
            let Some(id) = line.split_whitespace().next().filter(|id| *id != "id") else { continue };
            let i = c.find_id(id).map_err(|e| UsageError(format!("stdin line {}: {e}", n + 1)))?;
            found.push(i);
        }
    }
    found.sort_unstable();
    found.dedup();
    Ok(found)
}

pub fn run(c: &Corpus, paths: &[PathBuf], ids: &[String], stdin: bool, change: &Change) -> anyhow::Result<ExitCode> {
    let articles = resolve_ids(c, ids, stdin)?;
    let targets: Vec<(Identity, Label)> = articles
        .iter()
        .map(|&i| {
            let a = c.get(i);
            (Identity::of(c, a), Label::of(c, a))
        })
        .collect();
    let mut db = super::state::open_for_writing(paths)?;
    db.apply(&targets, change, Timestamp::now())?;
    Ok(ExitCode::SUCCESS)
}
