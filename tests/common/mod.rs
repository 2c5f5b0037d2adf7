//! What the command-line test binaries share: the result of one run of `newsdesk`.

use std::process::Output;

/// What one run gave: exit code (None when killed, e.g. by the time limit), stdout, stderr.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The run's output, checked for what no run may do: panic, or be killed (a hang under the
    /// time limit).
    pub fn from(output: Output) -> Run {
        let run = Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        };
        assert!(!run.stderr.contains("panicked"), "the binary panicked:\n{}", run.stderr);
        assert!(run.code.is_some(), "killed by a signal or the time limit (hang?):\n{}", run.stderr);
        run
    }
}
