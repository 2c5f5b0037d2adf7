//! The `newsdesk` binary: parses the command line and hands it to the library. Exit status: 0
//! success, 1 failure (or `check` found errors), 2 a usage error such as a malformed date.

use std::process::ExitCode;

use clap::Parser;
use newsdesk::cli::Cli;
use newsdesk::commands::{UsageError, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `newsdesk list | head -1`: the reader went away; that is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdesk: {e:#}");
            if e.is::<UsageError>() { ExitCode::from(2) } else { ExitCode::from(1) }
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            // serde_json wraps the writer's error in its own type.
            || c.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
