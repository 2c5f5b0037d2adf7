//! The full-screen reader (built in the next step).

use std::process::ExitCode;

use crate::cli::FilterSpec;
use crate::corpus::Corpus;

/// Opens the reader on a corpus.
pub fn run(corpus: &Corpus, filter: &FilterSpec) -> anyhow::Result<ExitCode> {
    let _ = (corpus, filter);
    anyhow::bail!("the reader is not built yet; use `newsdesk list`")
}
