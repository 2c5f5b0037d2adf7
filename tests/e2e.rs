//! End-to-end tests of the full-screen reader: the real `newsdesk` binary runs in a
//! pseudo-terminal (portable-pty) of a chosen size, and everything it writes is fed to a
//! terminal emulator (vt100), so the tests read the screen a person would see, type keys,
//! send signals, resize the terminal, and check what is left behind when the program exits:
//! the exit status, the terminal's modes as the emulator saw them (alternate screen, mouse
//! capture, bracketed paste, cursor) and the pty's line discipline (cooked or raw), read with
//! `tcgetattr` on the pty through `MasterPty::get_termios`.
//!
//! The emulator answers the one query the reader sends (the cursor position, on resuming from
//! Ctrl-z) as a real terminal would. Nothing here needs a real terminal or tmux: only the pty,
//! `/proc` to see that a process has stopped, and `sh` to send signals with `kill`. Every wait
//! polls with a time limit and fails with the screen printed; the one fixed sleep is part of a
//! scenario (a reader left suspended for a while).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system};

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// How long the reader may take to show something (it loads and indexes the corpus first; CI
/// machines are slow and run tests in parallel).
const SHOW: Duration = Duration::from_secs(15);
/// How long the reader may take to exit after `q`, Ctrl-c or a signal.
const EXIT: Duration = Duration::from_secs(2);

/// The first words of the five articles of the bundled corpus, newest first.
const SEEDS: [&str; 5] = [
    "North Korea's Kim Jong Un to meet Putin",
    "Kim Jong-un will visit Russia & meet Putin",
    "North Korea’s Kim may visit Russia to meet Putin",
    "North Korea, Russia Abandon Plans for Kim Meeting",
    "N. Korean leader will visit Russia this week",
];

/// What the emulator saw besides the screen: window titles and clipboard writes (OSC 0/1/2
/// and OSC 52), and any other OSC sequence.
#[derive(Default)]
struct Seen {
    titles: Vec<String>,
    clipboard: Vec<String>,
    other_osc: Vec<String>,
    /// Answers to the program's queries, not yet written back to it.
    replies: Vec<u8>,
}

impl vt100::Callbacks for Seen {
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(String::from_utf8_lossy(name).into_owned());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(String::from_utf8_lossy(title).into_owned());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(String::from_utf8_lossy(data).into_owned());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.other_osc.push(params.iter().map(|p| String::from_utf8_lossy(p)).collect::<Vec<_>>().join(";"));
    }
    /// Answers the cursor position query (`ESC [ 6 n`) as a real terminal does: ratatui's
    /// `Terminal::clear`, used when the reader resumes, waits for the answer.
    fn unhandled_csi(&mut self, screen: &mut vt100::Screen, i1: Option<u8>, _: Option<u8>, params: &[&[u16]], c: char) {
        if i1.is_none() && c == 'n' && params == [&[6]] {
            let (row, col) = screen.cursor_position();
            self.replies.extend_from_slice(format!("\x1b[{};{}R", row + 1, col + 1).as_bytes());
        }
    }
}

/// Everything the program wrote: the raw bytes, and the emulator they were fed to.
struct Output {
    raw: Vec<u8>,
    term: vt100::Parser<Seen>,
    /// How long the "terminal" takes to answer a query (a slow ssh link takes a while).
    reply_delay: Duration,
    /// Asks the thread that reads the output to stop and let go of the pty.
    hang_up: bool,
    /// The thread that reads the output has stopped: end of output, or asked to.
    closed: bool,
}

/// How a run ended: the exit status, and the pty's local modes (`ICANON`, `ECHO`, ...) as
/// `tcgetattr` read them right after the process exited.
struct Exit {
    status: ExitStatus,
    local_flags: String,
}

/// `newsdesk` running in a pseudo-terminal.
struct Tui {
    /// None once the terminal is hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    /// Kept open until the process has exited, so the line discipline's modes can be read after
    /// it is gone; closing it then ends the output stream.
    slave: Option<Box<dyn SlavePty + Send>>,
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    out: Arc<Mutex<Output>>,
    /// The data folder (state database, reader position) when the test gave none: each reader
    /// its own, so tests never see each other's marks or the user's.
    _data: Option<tempfile::TempDir>,
}

impl Tui {
    /// Starts `newsdesk ARGS` in a 100×30 terminal.
    fn start(args: &[&str]) -> Tui {
        Tui::start_sized(args, 100, 30)
    }

    fn start_sized(args: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::start_with(args, cols, rows, &[])
    }

    fn start_with(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Tui {
        Tui::start_in(args, cols, rows, env, None)
    }

    /// Starts `newsdesk ARGS` with `env` set, in the folder `cwd` (or this one).
    fn start_in(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)], cwd: Option<&Path>) -> Tui {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("opening a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
        cmd.args(args);
        if let Some(dir) = cwd {
            cmd.cwd(dir);
        }
        let data = (!env.iter().any(|(k, _)| *k == "NEWSDESK_DATA_DIR"))
            .then(|| tempfile::tempdir().expect("a data folder for the test"));
        if let Some(d) = &data {
            cmd.env("NEWSDESK_DATA_DIR", d.path());
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.env("TERM", "xterm-256color");
        // The corpus cache of a test run is its own, never the user's.
        cmd.env("NEWSDESK_CACHE_DIR", std::env::temp_dir().join(format!("newsdesk-e2e-cache-{}", std::process::id())));
        for var in ["COLUMNS", "LINES", "NO_COLOR", "NEWSDESK_TIMINGS"] {
            cmd.env_remove(var);
        }
        let child = pair.slave.spawn_command(cmd).expect("starting newsdesk in the pty");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(Some(pair.master.take_writer().expect("pty writer"))));
        let out = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            term: vt100::Parser::new_with_callbacks(nonzero(rows), nonzero(cols), 0, Seen::default()),
            reply_delay: Duration::ZERO,
            hang_up: false,
            closed: false,
        }));
        let (sink, answer) = (Arc::clone(&out), Arc::clone(&writer));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let mut o = sink.lock().unwrap();
                o.raw.extend_from_slice(&buf[..n]);
                o.term.process(&buf[..n]);
                let replies = std::mem::take(&mut o.term.callbacks_mut().replies);
                if !replies.is_empty() {
                    let (delay, answer) = (o.reply_delay, Arc::clone(&answer));
                    thread::spawn(move || {
                        thread::sleep(delay);
                        if let Some(w) = answer.lock().unwrap().as_mut() {
                            let _ = w.write_all(&replies).and_then(|()| w.flush());
                        }
                    });
                }
                if o.hang_up {
                    break;
                }
            }
            sink.lock().unwrap().closed = true;
        });
        Tui { master: Some(pair.master), slave: Some(pair.slave), writer, child, out, _data: data }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("newsdesk has a pid")
    }

    /// Types keys: `"\r"` is Enter, `"\x03"` Ctrl-c, `"\x1a"` Ctrl-z. (Esc alone, `"\x1b"`,
    /// needs a pause of ~100 ms before the next key so it is not read as an escape sequence.)
    fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().unwrap();
        let w = w.as_mut().expect("the terminal is open");
        w.write_all(keys.as_bytes()).expect("writing to the pty");
        w.flush().expect("flushing the pty");
    }

    /// The screen as text, one line per row.
    fn screen(&self) -> String {
        self.out.lock().unwrap().term.screen().contents()
    }

    /// Runs `f` on what the program wrote so far.
    fn with<T>(&self, f: impl FnOnce(&Output) -> T) -> T {
        f(&self.out.lock().unwrap())
    }

    /// How many bytes the program has written so far (a mark for [`Tui::raw_since`]).
    fn mark(&self) -> usize {
        self.with(|o| o.raw.len())
    }

    fn raw_since(&self, mark: usize) -> Vec<u8> {
        self.with(|o| o.raw[mark..].to_vec())
    }

    /// Waits until `ok` holds for what the program wrote; panics with the screen if it does not
    /// within `timeout`.
    fn wait_until(&self, what: &str, timeout: Duration, ok: impl Fn(&Output) -> bool) {
        let start = Instant::now();
        loop {
            if self.with(&ok) {
                return;
            }
            if start.elapsed() > timeout {
                panic!("timed out after {timeout:?} waiting for {what}; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen's text satisfies `ok`.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) {
        self.wait_until(what, SHOW, |o| ok(&o.term.screen().contents()));
    }

    /// Waits until `text` is on the screen.
    fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |s| s.contains(text));
    }

    fn master(&self) -> &dyn MasterPty {
        self.master.as_deref().expect("the terminal is open")
    }

    /// The pty's local modes now, as `tcgetattr` reports them (`ECHO | ICANON | ...`).
    fn local_flags(&self) -> String {
        format!("{:?}", self.master().get_termios().expect("tcgetattr on the pty").local_flags)
    }

    /// Resizes the terminal: the emulator first, then the pty (which sends SIGWINCH).
    fn resize(&self, cols: u16, rows: u16) {
        let mut o = self.out.lock().unwrap();
        o.term.set_size(nonzero(rows), nonzero(cols));
        self.master().resize(size(cols, rows)).expect("resizing the pty");
    }

    /// Makes the terminal answer queries (the cursor position) only after `delay`.
    fn slow_replies(&self, delay: Duration) {
        self.out.lock().unwrap().reply_delay = delay;
    }

    /// Closes the terminal, as closing its window or losing its ssh connection does: the kernel
    /// hangs up the pty and sends SIGHUP to the program.
    fn hang_up(&mut self) {
        self.out.lock().unwrap().hang_up = true;
        // The output thread holds a copy of the master side and sits in `read`: make the program
        // draw (a resize redraws everything) so that it wakes, sees the request and lets go.
        let start = Instant::now();
        for rows in [29, 30].into_iter().cycle() {
            if self.with(|o| o.closed) {
                break;
            }
            assert!(start.elapsed() < SHOW, "the output thread did not stop");
            self.master().resize(size(100, rows)).expect("resizing the pty");
            thread::sleep(Duration::from_millis(50));
        }
        *self.writer.lock().unwrap() = None;
        self.master = None;
        self.slave = None;
    }

    /// Waits for the process to exit; panics with the screen after `timeout`.
    fn wait_status(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("waiting for newsdesk") {
                return status;
            }
            if start.elapsed() > timeout {
                panic!("newsdesk did not exit within {timeout:?}; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to exit, reads the pty's modes, then closes the terminal and waits
    /// for the rest of the output.
    fn wait_exit(&mut self, timeout: Duration) -> Exit {
        let status = self.wait_status(timeout);
        let local_flags = self.local_flags();
        self.slave = None;
        self.wait_until("the end of the output", SHOW, |o| o.closed);
        Exit { status, local_flags }
    }

    /// Presses Ctrl-z and waits until the process has stopped.
    fn suspend(&mut self) {
        self.send("\x1a");
        let start = Instant::now();
        while self.proc_state() != 'T' {
            assert!(start.elapsed() < SHOW, "newsdesk did not stop; state {}:\n{}", self.proc_state(), self.screen());
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a signal (`TERM`, `HUP`, `CONT`, ...) to the newsdesk process.
    fn signal(&self, name: &str) {
        assert!(kill(self.pid(), name), "kill -s {name} failed");
    }

    /// The process's state letter from /proc (`S` sleeping, `R` running, `T` stopped, ...).
    fn proc_state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("reading /proc/PID/stat");
        // `PID (comm) STATE ...`; comm may contain spaces and parentheses.
        let after = &stat[stat.rfind(')').expect("stat has (comm)") + 1..];
        after.trim_start().chars().next().expect("stat has a state")
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A test that failed half-way leaves the reader running (or stopped): end it.
        if let Ok(None) = self.child.try_wait() {
            kill(self.pid(), "KILL");
            let _ = self.child.wait();
        }
    }
}

/// `kill -s NAME PID` (the shell's, which every system has).
fn kill(pid: u32, name: &str) -> bool {
    let status = Command::new("sh").args(["-c", r#"kill -s "$1" "$2""#, "sh", name, &pid.to_string()]).status();
    status.is_ok_and(|s| s.success())
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is not zero")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

/// Whether `tcgetattr`'s local flags are a cooked terminal's: canonical input and echo.
fn is_cooked(local_flags: &str) -> bool {
    let words: Vec<&str> = local_flags.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).collect();
    words.contains(&"ICANON") && words.contains(&"ECHO")
}

/// Whether a screen line is a row of the article list: the star column (blank or `*`), then a
/// date.
fn is_article_row(line: &str) -> bool {
    let Some(b) = line.strip_prefix([' ', '*']).map(str::as_bytes) else { return false };
    b.len() > 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
}

/// The rows of the article list.
fn article_rows(screen: &str) -> Vec<&str> {
    screen.lines().filter(|l| is_article_row(l)).collect()
}

/// The row that starts with `prefix` (a pane's title bar), if any.
fn row_starting<'a>(screen: &'a str, prefix: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.starts_with(prefix))
}

/// The status line (counts and filters): the second-to-last row of a screen `rows` high.
fn status_line(screen: &str, rows: usize) -> &str {
    screen.lines().nth(rows - 2).unwrap_or_default().trim_end()
}

/// The article row shown in reverse video (the focused list's selection).
fn selected_row(o: &Output) -> Option<String> {
    let screen = o.term.screen();
    let contents = screen.contents();
    let row = contents
        .lines()
        .enumerate()
        .find(|(row, line)| is_article_row(line) && screen.cell(*row as u16, 0).is_some_and(|c| c.inverse()));
    row.map(|(_, line)| line.to_string())
}

/// The background colour of the title bar that starts with `title` (` Articles`, ` Reader`).
fn title_bar_bg(o: &Output, title: &str) -> vt100::Color {
    let screen = o.term.screen();
    let row = screen.contents().lines().position(|l| l.starts_with(title)).expect("the title bar is on screen");
    screen.cell(row as u16, 1).expect("a cell of the title bar").bgcolor()
}

/// Asserts that the program put the terminal back: it left the alternate screen, mouse
/// capture and bracketed paste are off, the cursor shows, and the line discipline is cooked.
fn assert_restored(tui: &Tui, exit: &Exit) {
    tui.with(|o| {
        let s = o.term.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture left on");
        assert!(!s.bracketed_paste(), "bracketed paste left on");
        assert!(!s.hide_cursor(), "cursor left hidden");
    });
    assert!(is_cooked(&exit.local_flags), "terminal left in raw mode: {}", exit.local_flags);
}

/// Starts the reader on the bundled corpus and waits for its five articles.
fn start_on_seeds() -> Tui {
    let tui = Tui::start(&[]);
    tui.wait_text(" Articles  5 of 5 · 5 unread · newest first");
    tui.wait_for("five article rows", |s| article_rows(s).len() == 5);
    // The frame arrives in pieces on a loaded machine: wait for its last rows too.
    tui.wait_for("the status line", |s| status_line(s, 30).starts_with(" 5 of 5"));
    tui
}

// ---------------------------------------------------------------------------------------------
// The reader, start to finish
// ---------------------------------------------------------------------------------------------

/// The issue's scenario: browse the bundled corpus, filter by outlet, clear, search, open an
/// article, quit; the terminal is back in cooked mode afterwards.
#[test]
fn browse_filter_search_open_and_quit() {
    let mut tui = start_on_seeds();
    let screen = tui.screen();
    for seed in SEEDS {
        assert!(article_rows(&screen).iter().any(|r| r.contains(seed)), "no row for {seed:?}:\n{screen}");
    }
    assert_eq!(status_line(&screen, 30), " 5 of 5 · no filters", "{screen}");
    let flags = tui.local_flags();
    assert!(!is_cooked(&flags), "the reader runs in raw mode: {flags}");

    // The outlet picker: untick all, tick RT, apply.
    tui.send("o");
    tui.wait_text(" Outlets · 5 of 5 ticked ");
    tui.send("a");
    tui.wait_text(" Outlets · 0 of 5 ticked ");
    tui.send("j ");
    tui.wait_text("[x] RT");
    tui.send("\r");
    tui.wait_text(" Articles  1 of 5");
    let screen = tui.screen();
    let rows = article_rows(&screen);
    assert_eq!(rows.len(), 1, "one article row:\n{screen}");
    assert!(rows[0].contains(" RT ") && rows[0].contains(SEEDS[1]), "{screen}");
    assert_eq!(status_line(&screen, 30), " 1 of 5 · outlets: RT", "{screen}");

    tui.send("c");
    tui.wait_text(" 5 of 5 · no filters");
    tui.wait_for("five article rows", |s| article_rows(s).len() == 5);

    // Incremental search, kept with Enter: every seed mentions Vladivostok.
    tui.send("/");
    tui.wait_for("the search prompt", |s| s.lines().last().is_some_and(|l| l.starts_with('/')));
    tui.send("Vladivostok");
    tui.wait_text(" 5 of 5 · search: Vladivostok");
    tui.send("\r");
    tui.wait_for("the prompt to close", |s| s.lines().last().is_some_and(|l| !l.starts_with('/')));
    let screen = tui.screen();
    assert_eq!(article_rows(&screen).len(), 5, "{screen}");
    assert_eq!(status_line(&screen, 30), " 5 of 5 · search: Vladivostok", "{screen}");

    // Open the first article: the reader takes the focus and shows it whole. (The selection
    // stayed on RT's article through the filters, so go to the top first.)
    let focused = tui.with(|o| title_bar_bg(o, " Articles"));
    assert_ne!(tui.with(|o| title_bar_bg(o, " Reader")), focused, "the reader starts unfocused");
    tui.send("g");
    tui.wait_text("Euronews · Reuters · 2019-04-23");
    assert!(tui.with(selected_row).is_some_and(|r| r.contains(SEEDS[0])), "{}", tui.screen());
    tui.send("\r");
    tui.wait_until("the reader to take the focus", SHOW, |o| title_bar_bg(o, " Reader") == focused);
    let screen = tui.screen();
    // The list cuts the title short; the reader shows all of it, then the text.
    assert!(screen.contains(" North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin "), "{screen}");
    assert!(screen.contains("MOSCOW/VLADIVOSTOK, Russia (Reuters) - North Korean leader Kim Jong Un"), "{screen}");
    assert_ne!(tui.with(|o| title_bar_bg(o, " Articles")), focused, "the list lost the focus");

    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut tui = start_on_seeds();
    tui.send("\x03");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

/// The harness's own check: a reader that is killed outright cannot restore anything, and the
/// checks above must see that (so their passing means something).
#[test]
fn a_killed_reader_is_seen_to_leave_the_terminal_raw() {
    let mut tui = start_on_seeds();
    tui.signal("KILL");
    let exit = tui.wait_exit(EXIT);
    assert!(!exit.status.success() && exit.status.signal().is_some(), "{:?}", exit.status);
    assert!(!is_cooked(&exit.local_flags), "{}", exit.local_flags);
    assert!(tui.with(|o| o.term.screen().alternate_screen()));
}

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

/// Sends `signal` to a running reader: it must exit 0 within the limit with the terminal back.
fn exits_cleanly_on(signal: &str) {
    let mut tui = start_on_seeds();
    let mark = tui.mark();
    tui.signal(signal);
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "SIG{signal}: {:?}", exit.status);
    assert_restored(&tui, &exit);
    let tail = tui.raw_since(mark);
    assert!(contains(&tail, b"\x1b[?1049l"), "SIG{signal}: did not leave the alternate screen");
    assert!(contains(&tail, b"\x1b[?1000l"), "SIG{signal}: did not turn mouse capture off");
}

#[test]
fn sigterm_exits_and_restores_the_terminal() {
    exits_cleanly_on("TERM");
}

#[test]
fn sighup_exits_and_restores_the_terminal() {
    exits_cleanly_on("HUP");
}

#[test]
fn sigint_exits_and_restores_the_terminal() {
    exits_cleanly_on("INT");
}

/// A panic restores the terminal before its message is printed, so the message is readable
/// on the normal screen and the shell is usable afterwards.
#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut tui = Tui::start_with(&[], 100, 30, &[("NEWSDESK_TEST_PANIC_ON_KEY", "1")]);
    tui.wait_for("five article rows", |s| article_rows(s).len() == 5);
    let mark = tui.mark();
    tui.send("j");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 101, "a panic's exit status: {:?}", exit.status);
    assert_restored(&tui, &exit);
    let tail = tui.raw_since(mark);
    let left = tail.windows(8).position(|w| w == b"\x1b[?1049l").expect("the alternate screen was left");
    let message = tail.windows(9).position(|w| w == b"panicked ").expect("the panic message was printed");
    assert!(left < message, "the message was printed before the terminal was restored");
    assert!(tui.screen().contains("a panic on purpose"), "the message is on the normal screen:\n{}", tui.screen());
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Ctrl-z: the terminal is put back and the process stops; SIGCONT brings the reader back,
/// drawn for the terminal's size at that time.
#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    let mut tui = start_on_seeds();
    let mark = tui.mark();
    tui.suspend();
    tui.wait_until("the alternate screen to be left", SHOW, |o| contains(&o.raw[mark..], b"\x1b[?1049l"));
    tui.with(|o| {
        let s = o.term.screen();
        assert!(!s.alternate_screen());
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture left on");
        assert!(!s.hide_cursor(), "cursor left hidden");
    });
    let flags = tui.local_flags();
    assert!(is_cooked(&flags), "suspended with the terminal raw: {flags}");

    // The window changes size while the reader is stopped (it cannot see the SIGWINCH).
    tui.resize(80, 24);
    tui.signal("CONT");
    tui.wait_until("the reader to redraw", SHOW, |o| {
        let s = o.term.screen();
        s.alternate_screen() && article_rows(&s.contents()).len() == 5
    });
    tui.wait_for("the status line on row 23 of 24", |s| status_line(s, 24).starts_with(" 5 of 5 · no filters"));
    assert!(!is_cooked(&tui.local_flags()), "raw again after resuming");

    // Still responsive.
    tui.send("j");
    tui.wait_text("RT · 2019-04-22 21:44");
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

/// A SIGTERM that reaches a suspended reader (`kill PID` from another shell, then `fg`; or
/// bash's `kill %1`, which sends SIGTERM and SIGCONT to a stopped job) is acted on when it
/// resumes: it must still restore the terminal. The terminal here answers the cursor-position
/// query ratatui sends on resuming after 400 ms, like one at the end of a slow ssh link.
#[test]
fn sigterm_while_suspended_still_restores_the_terminal() {
    let mut tui = start_on_seeds();
    tui.suspend();
    // Stopped for a while, as a suspended program is (the watchdog's limit is 1.5 s).
    thread::sleep(Duration::from_millis(1700));
    tui.slow_replies(Duration::from_millis(400));
    tui.signal("TERM");
    tui.signal("CONT");
    let exit = tui.wait_exit(Duration::from_secs(5));
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

/// Closing the terminal (its window, its ssh connection) ends the reader promptly; it does not
/// keep running (or spinning) without one.
#[test]
fn closing_the_terminal_ends_the_reader() {
    let mut tui = start_on_seeds();
    tui.hang_up();
    let status = tui.wait_status(Duration::from_secs(5));
    assert!(status.signal().is_none(), "killed by a signal rather than exiting: {status:?}");
}

// ---------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------

/// An article full of terminal escape sequences is shown, not obeyed.
#[test]
fn escape_sequences_in_an_article_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Hostile \x1b]0;PWNED\x07 title \x1b[2J here\n\n\
                The body has \x1b[31mred\x1b[0m text, a \u{202e}reversed run, a\ttab and a clipboard \
                write \x1b]52;c;aGVsbG8=\x07 in it.\n";
    std::fs::write(dir.path().join("hostile.txt"), text).unwrap();
    let mut tui = Tui::start(&[path_str(dir.path())]);
    tui.wait_text(" Articles  1 of 1");
    tui.wait_text("The body has");
    let screen = tui.screen();

    assert!(screen.contains("Hostile ␛]0;PWNED␇ title ␛[2J here"), "ESC and BEL shown as symbols:\n{screen}");
    assert!(screen.contains("␛[31mred␛[0m"), "{screen}");
    assert!(screen.contains("␛]52;c;aGVsbG8=␇"), "{screen}");
    assert!(!screen.contains('\u{202e}'), "bidi override removed:\n{screen}");
    assert!(screen.contains("reversed run"), "{screen}");
    assert!(screen.contains("a tab"), "the tab became a space:\n{screen}");
    // Nothing was cleared: the list, the reader and the status lines are all there.
    assert!(screen.starts_with(" Articles  1 of 1"), "{screen}");
    assert!(row_starting(&screen, " Reader").is_some(), "{screen}");
    assert!(status_line(&screen, 30).starts_with(" 1 of 1 · no filters"), "{screen}");

    tui.with(|o| {
        let seen = o.term.callbacks();
        assert!(seen.titles.is_empty(), "window title set: {:?}", seen.titles);
        assert!(seen.clipboard.is_empty(), "clipboard written: {:?}", seen.clipboard);
        assert!(seen.other_osc.is_empty(), "OSC sequences: {:?}", seen.other_osc);
        assert!(!contains(&o.raw, b"\x1b]0;PWNED"), "the title sequence reached the terminal");
        assert!(!contains(&o.raw, b"\x1b]52"), "the clipboard sequence reached the terminal");
        assert!(!contains(&o.raw, b"\x1b[31m"), "the article's colour reached the terminal");
        // No cell of the body line is red.
        let s = o.term.screen();
        let row = s.contents().lines().position(|l| l.contains("The body has")).unwrap() as u16;
        let cols = s.size().1.get();
        for col in 0..cols {
            let fg = s.cell(row, col).unwrap().fgcolor();
            assert!(!matches!(fg, vt100::Color::Idx(1 | 9)), "red text at column {col}:\n{screen}");
        }
    });

    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
    assert!(tui.with(|o| o.term.callbacks().titles.is_empty()));
}

/// The harness's own check: the emulator does report what the test above must not see.
#[test]
fn the_emulator_sees_titles_clipboard_writes_and_colours() {
    let mut term = vt100::Parser::new_with_callbacks(nonzero(5), nonzero(40), 0, Seen::default());
    term.process(b"\x1b]0;PWNED\x07\x1b]52;c;aGVsbG8=\x07\x1b[31mred");
    assert_eq!(term.callbacks().titles, ["PWNED", "PWNED"]);
    assert_eq!(term.callbacks().clipboard, ["aGVsbG8="]);
    assert_eq!(term.screen().cell(0, 0).unwrap().fgcolor(), vt100::Color::Idx(1));
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

// ---------------------------------------------------------------------------------------------
// Resizing
// ---------------------------------------------------------------------------------------------

/// The layout follows the terminal's size: stacked, narrow with tabs, too small, and back.
#[test]
fn the_layout_follows_resizes() {
    let mut tui = start_on_seeds();

    tui.resize(60, 20);
    // The status line moves to the new second-to-last row, and titles are cut to fit.
    tui.wait_for("the status line on row 19 of 20", |s| status_line(s, 20).starts_with(" 5 of 5 · no filters"));
    tui.wait_text(" Articles  5 of 5");
    let screen = tui.screen();
    let rows = article_rows(&screen);
    assert!(rows.len() >= 3, "{screen}");
    assert!(rows.iter().all(|r| r.trim_end().ends_with('…')), "titles are cut at 60 columns:\n{screen}");
    assert!(!screen.contains("1:List"), "60×20 is not narrow:\n{screen}");

    tui.resize(30, 10);
    tui.wait_for("the narrow layout's tab bar", |s| {
        s.lines().next().is_some_and(|l| l.starts_with("1:List 2:Reader 3:Timeline"))
    });
    tui.wait_for("the status line on row 9 of 10", |s| status_line(s, 10).starts_with(" 5 of 5 · no filters"));

    tui.resize(12, 4);
    tui.wait_for("the too-small message", |s| {
        s.split_whitespace().collect::<Vec<_>>().join(" ").contains("Terminal too small")
    });

    tui.resize(100, 30);
    tui.wait_text(" Articles  5 of 5 · 5 unread · newest first");
    tui.wait_for("five article rows", |s| article_rows(s).len() == 5);
    tui.wait_for("the status line on row 29 of 30", |s| status_line(s, 30).starts_with(" 5 of 5 · no filters"));
    assert!(!tui.screen().contains("Terminal too small"));

    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

// ---------------------------------------------------------------------------------------------
// Starting
// ---------------------------------------------------------------------------------------------

#[test]
fn without_a_terminal_the_reader_refuses() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("running newsdesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("the reader needs a terminal"), "stderr: {stderr}");
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b), "escape sequences written: {out:?}");
}

#[test]
fn outlet_on_the_command_line_is_the_starting_filter() {
    let mut tui = Tui::start(&["--outlet", "rt"]);
    tui.wait_text(" Articles  1 of 5");
    let screen = tui.screen();
    assert_eq!(status_line(&screen, 30), " 1 of 5 · outlets: RT", "{screen}");
    let rows = article_rows(&screen);
    assert_eq!(rows.len(), 1, "{screen}");
    assert!(rows[0].contains(SEEDS[1]), "{screen}");
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

#[test]
fn an_unknown_outlet_is_refused_before_the_terminal_is_touched() {
    let mut tui = Tui::start(&["--outlet", "cnn"]);
    let exit = tui.wait_exit(SHOW);
    assert_eq!(exit.status.exit_code(), 2, "{:?}", exit.status);
    let raw = tui.with(|o| o.raw.clone());
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains(r#"no outlet "cnn""#), "{text}");
    for outlet in ["Euronews", "RT", "The Korea Herald", "The Moscow Times", "WIC News"] {
        assert!(text.contains(outlet), "{outlet} not listed: {text}");
    }
    assert!(!raw.contains(&0x1b), "escape sequences written: {text:?}");
    assert!(is_cooked(&exit.local_flags), "{}", exit.local_flags);
}

// ---------------------------------------------------------------------------------------------
// Acting on an article: the clipboard, saving, the browser
// ---------------------------------------------------------------------------------------------

/// The WIC News article, the one of the bundled corpus with a URL, third from the top.
const WIC_URL: &str = "https://wicnews.com/world/north-koreas-kim-may-visit-russia-meet-putin-361017795";

/// Polls for a file to appear with content, up to [`SHOW`].
fn wait_for_file(tui: &Tui, path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(path)
            && !s.is_empty()
        {
            return s;
        }
        assert!(start.elapsed() < SHOW, "{} was not written; the screen:\n{}", path.display(), tui.screen());
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn copying_the_url_writes_osc_52_to_the_terminal() {
    let mut tui = start_on_seeds();
    tui.send("jj");
    tui.wait_text("wicnews.com/world");
    tui.send("y");
    tui.wait_text("copy: u URL  i id  c citation");
    tui.send("u");
    tui.wait_text("copied the URL: https://wicnews.com/");
    // base64 of the URL, as the terminal's clipboard handler receives it.
    let want =
        "aHR0cHM6Ly93aWNuZXdzLmNvbS93b3JsZC9ub3J0aC1rb3JlYXMta2ltLW1heS12aXNpdC1ydXNzaWEtbWVldC1wdXRpbi0zNjEwMTc3OTU=";
    tui.wait_until("the OSC 52 write", SHOW, |o| o.term.callbacks().clipboard.iter().any(|c| c == want));
    tui.with(|o| assert!(contains(&o.raw, format!("\x1b]52;c;{want}\x07").as_bytes())));
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_restored(&tui, &exit);
}

#[test]
fn save_writes_the_article_with_front_matter_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start_in(&[], 100, 30, &[], Some(dir.path()));
    tui.wait_text(" Articles  5 of 5 · 5 unread · newest first");
    tui.send("jj");
    tui.wait_text("wicnews.com/world");
    tui.send("S");
    tui.wait_text("save as: 2019-03-25-north-korea-s-kim-may-visit-russia-to-meet-putin.md");
    tui.send("\r");
    tui.wait_text("saved 2019-03-25-north-korea-s-kim-may-visit-russia-to-meet-putin.md (Markdown");
    let saved = wait_for_file(&tui, &dir.path().join("2019-03-25-north-korea-s-kim-may-visit-russia-to-meet-putin.md"));
    assert!(
        saved.starts_with(&format!(
            "+++\ntitle = \"North Korea’s Kim may visit Russia to meet Putin\"\noutlet = \"WIC News\"\n\
             published = \"2019-03-25\"\nurl = \"{WIC_URL}\"\nid = \"1a2d84ad62d80907\"\n\
             source = \"corpus/003_38a6156a7a003cab.txt\"\n+++\n\n# North Korea’s Kim may visit Russia to meet Putin\n\n"
        )),
        "{saved}"
    );
    // Again: the file is there, so the reader asks; Esc keeps it.
    tui.send("S");
    tui.wait_text("save as:");
    tui.send("\r");
    tui.wait_text("2019-03-25-north-korea-s-kim-may-visit-russia-to-meet-putin.md exists");
    tui.wait_text("overwrite it? (y/N)");
    tui.send("q");
    thread::sleep(Duration::from_millis(150));
    tui.send("\x1b");
    tui.wait_text("not saved: 2019-03-25");
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_restored(&tui, &exit);
}

#[test]
fn open_runs_browser_with_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("fake-browser");
    let record = dir.path().join("opened");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", path_str(&record))).unwrap();
    let chmod = Command::new("chmod").arg("+x").arg(&script).status().expect("chmod runs");
    assert!(chmod.success());
    let mut tui = Tui::start_with(&[], 100, 30, &[("BROWSER", path_str(&script))]);
    tui.wait_text(" Articles  5 of 5 · 5 unread · newest first");
    tui.send("O");
    tui.wait_text("this article has no URL to open");
    tui.send("jj");
    tui.wait_text("wicnews.com/world");
    tui.send("O");
    tui.wait_text("opening https://wicnews.com/");
    assert_eq!(wait_for_file(&tui, &record), WIC_URL, "the URL is the browser's one argument");
    // A graphical browser never leaves the alternate screen.
    assert!(tui.with(|o| o.term.screen().alternate_screen()));
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_restored(&tui, &exit);
}

#[test]
fn pipe_hands_the_terminal_to_the_command_and_reports_its_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start_in(&[], 100, 30, &[], Some(dir.path()));
    tui.wait_text(" Articles  5 of 5 · 5 unread · newest first");
    tui.send("|");
    tui.wait_text("pipe to:");
    tui.send("cat > piped.md; echo PIPED-OK\r");
    // The command ran on the normal screen, in cooked mode, and its output waits to be read.
    tui.wait_text("press Enter to return to the reader");
    assert!(tui.screen().contains("PIPED-OK"), "{}", tui.screen());
    assert!(tui.with(|o| !o.term.screen().alternate_screen()), "the terminal was handed over");
    tui.send("\r");
    tui.wait_text("cat > piped.md; echo PIPED-OK: done");
    let piped = wait_for_file(&tui, &dir.path().join("piped.md"));
    assert!(piped.starts_with("+++\ntitle = \"North Korea's Kim Jong Un"), "{piped}");
    assert!(tui.with(|o| o.term.screen().alternate_screen()), "the reader took the terminal back");
    tui.send("|");
    tui.wait_text("pipe to:");
    tui.send("exit 3\r");
    tui.wait_text("press Enter to return to the reader");
    tui.send("\r");
    tui.wait_text("exit 3 exited with status 3");
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_restored(&tui, &exit);
}

#[test]
fn view_source_pages_the_file_on_disk_and_ctrl_c_there_is_not_for_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("paged");
    // A pager that records its argument, then waits to be interrupted, as a user quits less.
    let pager = format!("sh -c 'printf %s \"$1\" > {}; sleep 30' pager", path_str(&record));
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut tui = Tui::start_with(&[path_str(&corpus)], 100, 30, &[("PAGER", &pager)]);
    tui.wait_text(" Articles  5 of 5 · 5 unread · newest first");
    tui.send("v");
    let paged = wait_for_file(&tui, &record);
    assert_eq!(paged, path_str(&corpus.join("002_600930966775bc34.txt")), "the source file's path");
    assert!(tui.with(|o| !o.term.screen().alternate_screen()), "the pager has the terminal");
    // Ctrl-c in the pager: the pager ends (SIGINT is 2), the reader stays.
    tui.send("\x03");
    tui.wait_text("pager ended by signal 2");
    assert!(tui.with(|o| o.term.screen().alternate_screen()), "the reader took the terminal back");
    tui.send("j");
    tui.wait_for("the reader to answer keys", |s| {
        s.contains("Kim Jong-un will visit Russia & meet Putin") && !s.contains("signal 2")
    });
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert_eq!(exit.status.exit_code(), 0, "{:?}", exit.status);
    assert_restored(&tui, &exit);
}

// ---------------------------------------------------------------------------------------------
// Marks and the last position survive a restart
// ---------------------------------------------------------------------------------------------

/// Star an article, quit, start again: the star is there (written by the background writer and
/// flushed before exit), the opened article is read, and the reader is back on the same
/// article with the same filter and focus.
#[test]
fn a_star_and_the_position_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let env = [("NEWSDESK_DATA_DIR", data.path().to_str().unwrap())];
    let mut tui = Tui::start_with(&[], 100, 30, &env);
    tui.wait_for("five article rows", |s| article_rows(s).len() == 5);
    // Second article (RT): star it, open it (read); then show starred only.
    tui.send("j*");
    tui.wait_for("the star in the list", |s| article_rows(s).iter().any(|r| r.starts_with('*')));
    tui.send("\r");
    tui.wait_text("4 unread");
    tui.send("F");
    tui.wait_text(" Articles  1 of 5");
    tui.send("q");
    let exit = tui.wait_exit(EXIT);
    assert!(exit.status.success());
    assert!(data.path().join("state.sqlite3").exists(), "the marks were written");

    let mut again = Tui::start_with(&[], 100, 30, &env);
    again.wait_text(" Articles  1 of 5 · 0 unread");
    let screen = again.screen();
    let rows = article_rows(&screen);
    assert_eq!(rows.len(), 1, "the starred-only filter is back:\n{screen}");
    assert!(rows[0].starts_with('*') && rows[0].contains("RT"), "{screen}");
    // The reader had focus: its title bar stands out.
    again.with(|o| assert_ne!(title_bar_bg(o, " Reader"), title_bar_bg(o, " Articles"), "the reader has focus"));
    // The marks are in the database for scripts too.
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["list", "--starred", "--format", "tsv"])
        .env("NEWSDESK_DATA_DIR", data.path())
        .env("NEWSDESK_CACHE_DIR", std::env::temp_dir().join(format!("newsdesk-e2e-cache-{}", std::process::id())))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(listed.lines().filter(|l| !l.starts_with("id\t")).count(), 1, "{listed}");
    again.send("q");
    assert!(again.wait_exit(EXIT).status.success());
}

/// Another process marks an article read while the reader is open: Ctrl-r shows it.
#[test]
fn a_script_s_mark_shows_on_reload() {
    let data = tempfile::tempdir().unwrap();
    let env = [("NEWSDESK_DATA_DIR", data.path().to_str().unwrap())];
    let mut tui = Tui::start_with(&[], 100, 30, &env);
    tui.wait_text(" Articles  5 of 5 · 5 unread");
    let status = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["mark", "a425d64", "--read"])
        .env("NEWSDESK_DATA_DIR", data.path())
        .env("NEWSDESK_CACHE_DIR", std::env::temp_dir().join(format!("newsdesk-e2e-cache-{}", std::process::id())))
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    tui.send("\x12");
    tui.wait_text(" Articles  5 of 5 · 4 unread");
    tui.wait_text("marks reloaded");
    tui.send("q");
    assert!(tui.wait_exit(EXIT).status.success());
}

/// A mark made just before the terminal closes is written: the watchdog that ends a reader
/// without a terminal waits for the queued writes first.
#[test]
fn a_mark_survives_closing_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let env = [("NEWSDESK_DATA_DIR", data.path().to_str().unwrap())];
    let mut tui = Tui::start_with(&[], 100, 30, &env);
    tui.wait_for("five article rows", |s| article_rows(s).len() == 5);
    tui.send("*");
    tui.wait_for("the star in the list", |s| article_rows(s).iter().any(|r| r.starts_with('*')));
    tui.hang_up();
    let status = tui.wait_status(Duration::from_secs(15));
    assert!(status.signal().is_none(), "{status:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["list", "--starred", "--format", "tsv"])
        .env("NEWSDESK_DATA_DIR", data.path())
        .env("NEWSDESK_CACHE_DIR", std::env::temp_dir().join(format!("newsdesk-e2e-cache-{}", std::process::id())))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(listed.lines().filter(|l| !l.starts_with("id\t")).count(), 1, "{listed}");
}
