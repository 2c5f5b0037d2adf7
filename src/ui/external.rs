//! Other programs the reader hands an article to — the browser, the pager, a pipe-to command —
//! and the clipboard through OSC 52. Programs that use the terminal get it the way Ctrl-z gives
//! it to the shell (modes restored, then taken back and everything redrawn); a graphical browser
//! runs detached with its output discarded, so it cannot scribble over the screen.

use std::ffi::OsStr;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use base64::Engine as _;

/// A program to run for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Open a URL in the browser.
    Browse { url: String },
    /// Run `command` with `sh -c`, `input` on its stdin.
    Pipe { command: String, input: String },
    /// Page a file on disk (`path`), or `text` when it has none (a bundled file); `name` is
    /// what the message calls it.
    Page { path: Option<PathBuf>, text: String, name: String },
    /// Edit article number `article`'s note, now `text`, in `$VISUAL`/`$EDITOR`; the outcome
    /// comes back through [`edit_note`], not as a message.
    EditNote { article: u32, text: String },
}

/// The OSC 52 sequence that puts `text` on the system clipboard. The payload is base64 of our
/// own text, so nothing in an article can end the sequence early or smuggle in another.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Browsers that draw in the terminal: they need the terminal handed over, where a graphical
/// one must be kept off it.
const TERMINAL_BROWSERS: &[&str] = &["lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl", "www-browser"];

/// The browser command: the first entry of `$BROWSER` (a `:`-separated list by convention, `%s`
/// standing for the URL), else the platform's opener.
pub fn browser(env: Option<&str>) -> String {
    if let Some(b) = env.and_then(|b| b.split(':').map(str::trim).find(|b| !b.is_empty())) {
        return b.to_string();
    }
    if cfg!(target_os = "macos") { "open".into() } else { "xdg-open".into() }
}

/// True when the browser command runs in the terminal.
pub fn is_terminal_program(command: &str) -> bool {
    let program = command.split_whitespace().next().unwrap_or("");
    let name = program.rsplit('/').next().unwrap_or(program);
    TERMINAL_BROWSERS.contains(&name)
}

/// A `sh -c` script that runs `command` on the script's first argument: `%s` in the command
/// stands for it, else it is appended. The URL or path is passed as an argument, never pasted
/// into the script, so no character in it is run by the shell.
pub fn script_with_arg(command: &str) -> String {
    if command.contains("%s") { command.replace("%s", "\"$1\"") } else { format!("{command} \"$1\"") }
}

/// What to do around a program that takes over the terminal.
pub trait Handover {
    /// Gives the terminal back to the shell's modes.
    fn release(&mut self) -> io::Result<()>;
    /// Takes the terminal again and redraws everything.
    fn reclaim(&mut self) -> io::Result<()>;
}

/// Runs a job; the outcome is a message for the status line and whether it is an error.
pub fn run(job: &Job, term: &mut dyn Handover) -> (String, bool) {
    match job {
        Job::Browse { url } => {
            let command = browser(std::env::var("BROWSER").ok().as_deref());
            let script = script_with_arg(&command);
            if is_terminal_program(&command) {
                let status = in_terminal(term, sh(&script, Some(OsStr::new(url))), None, false);
                return outcome(&command, status, format!("opened {url}"));
            }
            let mut cmd = sh(&script, Some(OsStr::new(url)));
            cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
            // Its own process group: Ctrl-c and Ctrl-z at the reader do not reach it.
            #[cfg(unix)]
            std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
            match cmd.spawn() {
                Ok(mut child) => {
                    // Reaped in the background, so a long-lived opener leaves no zombie.
                    std::thread::spawn(move || child.wait());
                    (format!("opening {url} with {command}"), false)
                }
                Err(e) => (format!("could not run {command}: {e}"), true),
            }
        }
        Job::Pipe { command, input } => {
            let status = in_terminal(term, sh(command, None), Some(input.as_bytes()), true);
            outcome(command, status, format!("{command}: done"))
        }
        Job::Page { path, text, name } => {
            let pager = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "less".into());
            let mut cmd = match path {
                // `%s` is $BROWSER's convention, not $PAGER's: the path always goes last.
                Some(p) => sh(&format!("{pager} \"$1\""), Some(p.as_os_str())),
                None => sh(&pager, None),
            };
            // less without its editor and shell escapes: the source is for reading.
            cmd.env("LESSSECURE", "1");
            let input = path.is_none().then_some(text.as_bytes());
            let status = in_terminal(term, cmd, input, false);
            outcome(&pager, status, format!("closed {name}"))
        }
        Job::EditNote { .. } => ("the note is edited through edit_note".into(), true),
    }
}

/// The editor for notes: `$VISUAL`, else `$EDITOR`, else vi (as `newsdesk note` and git do).
pub fn editor(visual: Option<&str>, editor: Option<&str>) -> String {
    let set = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    set(visual).or_else(|| set(editor)).unwrap_or_else(|| "vi".into())
}

/// Edits `current` in the editor on a temporary file, the terminal handed over: the new text
/// (None when unchanged), or why it failed (the note is then left as it was).
pub fn edit_note(current: &str, term: &mut dyn Handover) -> Result<Option<String>, String> {
    let editor = editor(std::env::var("VISUAL").ok().as_deref(), std::env::var("EDITOR").ok().as_deref());
    let mut file = tempfile::Builder::new()
        .prefix("newsdesk-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("cannot create a temporary file for the note: {e}"))?;
    // A text file ends with a newline; the note is kept without it.
    let initial = if current.is_empty() { String::new() } else { format!("{current}\n") };
    file.write_all(initial.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write the note to a temporary file: {e}"))?;
    let status = in_terminal(term, sh(&script_with_arg(&editor), Some(file.path().as_os_str())), None, false);
    let (msg, failed) = outcome(&editor, status, String::new());
    if failed {
        return Err(format!("{msg}; the note was not changed"));
    }
    // Read by path: some editors replace the file rather than write into it.
    let text = std::fs::read_to_string(file.path()).map_err(|e| format!("cannot read the edited note: {e}"))?;
    Ok((text.trim_end() != current.trim_end()).then_some(text))
}

fn sh(script: &str, arg: Option<&OsStr>) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(script).arg("sh");
    if let Some(a) = arg {
        cmd.arg(a);
    }
    cmd
}

/// The message for a finished program.
fn outcome(command: &str, status: io::Result<std::process::ExitStatus>, ok: String) -> (String, bool) {
    match status {
        Ok(s) if s.success() => (ok, false),
        Ok(s) => match s.code() {
            Some(127) => (format!("{command}: command not found"), true),
            Some(c) => (format!("{command} exited with status {c}"), true),
            None => {
                #[cfg(unix)]
                let signal = std::os::unix::process::ExitStatusExt::signal(&s);
                #[cfg(not(unix))]
                let signal: Option<i32> = None;
                match signal {
                    Some(n) => (format!("{command} ended by signal {n}"), true),
                    None => (format!("{command} ended abnormally"), true),
                }
            }
        },
        Err(e) => (format!("could not run {command}: {e}"), true),
    }
}

/// Runs `cmd` with the terminal handed over, `input` on its stdin (written from a thread, so a
/// command that does not read it cannot block us), and with `wait` asks for Enter before taking
/// the terminal back, so the command's output can be read.
fn in_terminal(
    term: &mut dyn Handover,
    mut cmd: Command,
    input: Option<&[u8]>,
    wait: bool,
) -> io::Result<std::process::ExitStatus> {
    term.release()?;
    let status = (|| {
        if input.is_some() {
            cmd.stdin(Stdio::piped());
        }
        let mut child = cmd.spawn()?;
        if let (Some(mut stdin), Some(bytes)) = (child.stdin.take(), input) {
            let bytes = bytes.to_vec();
            // A command that exits without reading everything closes the pipe: not an error.
            std::thread::spawn(move || stdin.write_all(&bytes));
        }
        child.wait()
    })();
    if wait {
        let mut out = io::stdout();
        let _ = write!(out, "\n[newsdesk] press Enter to return to the reader");
        let _ = out.flush();
        let _ = io::stdin().lock().read_line(&mut String::new());
    }
    term.reclaim()?;
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_sequence_carries_base64_only() {
        assert_eq!(osc52("https://x.org/a"), "\x1b]52;c;aHR0cHM6Ly94Lm9yZy9h\x07");
        let evil = osc52("a\x07\x1b]0;PWNED\x07");
        assert!(!evil[7..evil.len() - 1].contains(['\x07', '\x1b']), "{evil:?}");
    }

    #[test]
    fn browser_comes_from_the_environment_or_the_platform() {
        assert_eq!(browser(Some("firefox --new-window:chromium")), "firefox --new-window");
        assert_eq!(browser(Some(":w3m")), "w3m");
        let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        assert_eq!(browser(None), opener);
        assert_eq!(browser(Some("")), opener);
    }

    #[test]
    fn the_note_editor_is_visual_then_editor_then_vi() {
        assert_eq!(editor(Some("code --wait"), Some("nano")), "code --wait");
        assert_eq!(editor(Some("  "), Some("nano")), "nano");
        assert_eq!(editor(None, None), "vi");
    }

    #[test]
    fn terminal_browsers_are_told_apart() {
        assert!(is_terminal_program("/usr/bin/w3m -o x=1"));
        assert!(is_terminal_program("lynx"));
        assert!(!is_terminal_program("firefox"));
        assert!(!is_terminal_program("xdg-open"));
    }

    #[test]
    fn the_url_is_an_argument_not_script() {
        assert_eq!(script_with_arg("firefox"), "firefox \"$1\"");
        assert_eq!(script_with_arg("chromium --app=%s"), "chromium --app=\"$1\"");
    }

    struct NoTerminal;
    impl Handover for NoTerminal {
        fn release(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn reclaim(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failing_command_reports_its_status() {
        let status = in_terminal(&mut NoTerminal, sh("exit 3", None), Some(b"text"), false);
        assert_eq!(outcome("exit 3", status, "ok".into()), ("exit 3 exited with status 3".into(), true));
        let status = in_terminal(&mut NoTerminal, sh("no-such-command-here", None), None, false);
        assert_eq!(
            outcome("no-such-command-here", status, "ok".into()),
            ("no-such-command-here: command not found".into(), true)
        );
    }

    #[test]
    fn piped_input_reaches_the_command() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let script = format!("cat > '{}'", out.display());
        let status = in_terminal(&mut NoTerminal, sh(&script, None), Some("# Title\n".as_bytes()), false);
        assert!(status.unwrap().success());
        assert_eq!(std::fs::read_to_string(out).unwrap(), "# Title\n");
    }
}
