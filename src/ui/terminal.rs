//! The terminal: raw mode, the alternate screen, mouse and paste, and putting everything back —
//! on quit, on error, on a panic, on SIGTERM/SIGHUP — and suspending on Ctrl-z.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal's settings before newsdesk changed them, for the watchdog's lock-free restore.
static ORIGINAL: std::sync::OnceLock<libc::termios> = std::sync::OnceLock::new();

/// Remembers the terminal's settings; call once, before [`enter`].
pub fn save_original() {
    // SAFETY: termios is plain data; tcgetattr fills it and we keep it only if it succeeded.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(0, &mut t) } == 0 {
        let _ = ORIGINAL.set(t);
    }
}

/// Puts the terminal into the reader's modes.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste, Hide)
}

/// Puts the terminal back as the shell left it. Safe to call more than once.
pub fn leave() -> io::Result<()> {
    let mut out = io::stdout();
    // Each step is tried even if one fails: a half-restored terminal is the worst outcome.
    let a = execute!(out, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
    let b = disable_raw_mode();
    let _ = out.flush();
    a.and(b)
}

/// Restores the terminal before a panic message is printed, then lets the previous hook run.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
    }));
}

/// Restores the terminal when dropped, so early returns and errors leave it clean too.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = leave();
    }
}

/// Signals the event loop watches.
pub struct Signals {
    /// SIGTERM or SIGHUP: restore the terminal and exit.
    pub stop: Arc<AtomicBool>,
    /// SIGINT: exit too, except while a program the reader runs has the terminal (Ctrl-c
    /// there goes to the whole foreground group, and is meant for that program).
    pub interrupt: Arc<AtomicBool>,
    /// SIGTSTP from outside (e.g. `kill -TSTP`): suspend like Ctrl-z.
    pub suspend: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let stop = Arc::new(AtomicBool::new(false));
        let suspend = Arc::new(AtomicBool::new(false));
        let interrupt = Arc::new(AtomicBool::new(false));
        for sig in [SIGTERM, SIGHUP] {
            signal_hook::flag::register(sig, Arc::clone(&stop))?;
        }
        signal_hook::flag::register(SIGINT, Arc::clone(&interrupt))?;
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        Ok(Signals { stop, interrupt, suspend })
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || self.interrupt.load(Ordering::Relaxed)
    }

    /// Forgets Ctrl-c and Ctrl-z typed while another program had the terminal: they were its.
    pub fn forget_keyboard_signals(&self) {
        self.interrupt.store(false, Ordering::Relaxed);
        self.suspend.store(false, Ordering::Relaxed);
    }

    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }
}

/// The event loop's sign of life: milliseconds since start at its last turn.
#[derive(Clone)]
pub struct Heartbeat {
    start: Instant,
    last: Arc<AtomicU64>,
}

impl Heartbeat {
    pub fn new() -> Heartbeat {
        Heartbeat { start: Instant::now(), last: Arc::new(AtomicU64::new(0)) }
    }

    /// Called by the loop on every turn.
    pub fn beat(&self) {
        self.last.store(self.start.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    fn age(&self) -> Duration {
        let now = self.start.elapsed().as_millis() as u64;
        Duration::from_millis(now.saturating_sub(self.last.load(Ordering::Relaxed)))
    }
}

impl Default for Heartbeat {
    fn default() -> Self {
        Heartbeat::new()
    }
}

/// How long the loop may go without a turn, while a stop signal waits, before the watchdog
/// ends the process. Longer than crossterm's own waits (2 s for a terminal's reply).
const STUCK: Duration = Duration::from_secs(3);

/// Ends the process when the event loop cannot: crossterm 0.29 spins inside `event::poll` and
/// never returns once the terminal is gone (crossterm-rs/crossterm#793, fix pending in #1067),
/// so neither a hang-up nor SIGTERM would be seen. The loop handles both itself whenever it
/// turns; this thread acts when the terminal has gone (at once: nothing can be drawn or
/// restored) or when a stop signal has waited [`STUCK`] for a loop that does not turn.
///
/// `before_exit` runs first either way (it writes the marks still queued, with a bounded wait).
pub fn spawn_watchdog(stop: Arc<AtomicBool>, heartbeat: Heartbeat, before_exit: impl Fn() + Send + 'static) {
    let _ = std::thread::Builder::new().name("newsdesk-watchdog".into()).spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if terminal_gone() {
                before_exit();
                std::process::exit(1);
            }
            if stop.load(Ordering::Relaxed) && heartbeat.age() > STUCK {
                restore_without_locks();
                before_exit();
                std::process::exit(0);
            }
        }
    });
}

/// Puts the terminal back without taking any lock the stuck loop may hold (Rust's stdout lock,
/// crossterm's mode lock): the leaving sequences go straight to fd 1, the saved settings
/// straight to the tty. Errors are ignored; there is nothing left to tell.
fn restore_without_locks() {
    const LEAVE: &[u8] = b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";
    // SAFETY: writes a static buffer to fd 1; a closed or dead fd just fails.
    let _ = unsafe { libc::write(1, LEAVE.as_ptr().cast(), LEAVE.len()) };
    if let Some(t) = ORIGINAL.get() {
        // SAFETY: `t` is the termios tcgetattr filled for this same fd.
        let _ = unsafe { libc::tcsetattr(0, libc::TCSANOW, t) };
    }
}

/// True when the terminal has hung up: its window closed, its ssh connection dropped. A hung-up
/// tty still passes `isatty`, and the hang-up does not always come with a SIGHUP (not when a
/// shell between us and the terminal was the session leader), but `poll` reports `POLLHUP`.
pub fn terminal_gone() -> bool {
    if !io::stdin().is_terminal() {
        return true;
    }
    let mut fd = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid, initialised pollfd and a zero timeout; poll writes only `revents`.
    let n = unsafe { libc::poll(&mut fd, 1, 0) };
    // n < 0 (EINTR and the like) tells nothing either way.
    n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Suspends the process with the terminal restored; on `fg`, takes the terminal back and
/// redraws everything.
pub fn suspend(terminal: &mut Term, heartbeat: &Heartbeat) -> io::Result<()> {
    leave()?;
    // The default action of SIGTSTP stops the process; execution continues here on SIGCONT.
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    // Stopped time is not a stuck loop.
    heartbeat.beat();
    enter()?;
    force_full_redraw(terminal)
}

/// Clears the screen and forgets what is on it, so the next draw paints every cell. Unlike
/// `Terminal::clear`, this does not ask the terminal for the cursor position (a query that
/// waits up to 2 s on a slow link, and fails on terminals that do not answer).
pub fn force_full_redraw(terminal: &mut Term) -> io::Result<()> {
    execute!(io::stdout(), ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All))?;
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}
