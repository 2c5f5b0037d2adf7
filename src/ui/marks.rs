//! The reader's read/star/tag/note marks: held in memory for every article, changed at once
//! when a key asks, and written to the state database by a background thread with its own
//! connection, so a mark never waits for the disk (or for another process's transaction)
//! before the next frame. Write failures come back as messages; the queue is flushed, with a
//! bounded wait, before the reader exits.
//!
//! Without a usable database (read-only, damaged, none configured) the marks still work for the
//! session, and [`MarkStore::not_kept`] says why they will not be kept.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::corpus::Corpus;
use crate::state::{Change, CorpusMarks, Identity, Label, Marks, StateDb, StateFilter};

/// How long quitting waits for queued writes before giving up on them (and saying so).
pub const FLUSH_WAIT: Duration = Duration::from_secs(10);

/// Opens the database for writing, on the writer thread at the first write: a reader that
/// marks nothing creates no database.
pub type Opener = Box<dyn FnOnce() -> Result<StateDb, String> + Send>;

/// One write for the writer thread.
#[derive(Debug)]
enum Msg {
    Apply {
        targets: Vec<(Identity, Label)>,
        change: Change,
    },
    Note {
        ident: Identity,
        label: Label,
        note: Option<String>,
    },
    /// Answered once every write queued before it is done.
    Flush(Sender<()>),
    /// Ends the thread once every write queued before it is done.
    Stop,
}

/// The background writer: a thread owning a connection, fed by a channel.
#[derive(Debug)]
pub struct Writer {
    tx: Option<Sender<Msg>>,
    failures: Receiver<String>,
    handle: Option<JoinHandle<()>>,
}

impl Writer {
    /// Starts the writer thread; it opens the database at the first write.
    pub fn spawn(open: Opener) -> Writer {
        let (tx, rx) = mpsc::channel::<Msg>();
        let (fail_tx, failures) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("newsdesk-state-writer".into())
            .spawn(move || {
                let mut open = Some(open);
                let mut db: Option<StateDb> = None;
                for msg in rx {
                    match msg {
                        Msg::Flush(done) => {
                            let _ = done.send(());
                            continue;
                        }
                        Msg::Stop => break,
                        Msg::Apply { .. } | Msg::Note { .. } => {}
                    }
                    if db.is_none()
                        && let Some(open) = open.take()
                    {
                        match open() {
                            Ok(d) => db = Some(d),
                            // Said once; later marks are kept in memory only, as this says.
                            Err(e) => {
                                let _ = fail_tx.send(format!("marks are not saved (this session only): {e}"));
                            }
                        }
                    }
                    let Some(db) = db.as_mut() else { continue };
                    let result = match msg {
                        Msg::Apply { targets, change } => db.apply(&targets, &change, Timestamp::now()),
                        Msg::Note { ident, label, note } => {
                            db.set_note(&ident, &label, note.as_deref(), Timestamp::now())
                        }
                        Msg::Flush(_) | Msg::Stop => Ok(()),
                    };
                    if let Err(e) = result {
                        let _ = fail_tx.send(format!("not saved: {e}"));
                    }
                }
            })
            .ok();
        Writer { tx: handle.as_ref().map(|_| tx), failures, handle }
    }

    fn send(&self, msg: Msg) -> bool {
        self.tx.as_ref().is_some_and(|tx| tx.send(msg).is_ok())
    }

    /// Waits up to `wait` for every queued write; false when some were still pending.
    pub fn flush(&self, wait: Duration) -> bool {
        self.tx.as_ref().is_some_and(|tx| flush_through(tx, wait))
    }

    /// Failures reported since the last call.
    pub fn failures(&self) -> Vec<String> {
        self.failures.try_iter().collect()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Stop ends the thread once the queue is written (a Flusher's clone of the channel keeps
        // it open, so closing ours would not); it is joined only if that happens promptly, so a
        // stuck disk cannot hang the exit.
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Stop);
        }
        if let Some(h) = self.handle.take() {
            let start = Instant::now();
            while !h.is_finished() && start.elapsed() < FLUSH_WAIT {
                std::thread::sleep(Duration::from_millis(5));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
    }
}

fn flush_through(tx: &Sender<Msg>, wait: Duration) -> bool {
    let (done_tx, done) = mpsc::channel();
    if tx.send(Msg::Flush(done_tx)).is_err() {
        return false;
    }
    match done.recv_timeout(wait) {
        Ok(()) => true,
        Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => false,
    }
}

/// A handle that waits for the queued writes from another thread (the watchdog, which ends the
/// process when the terminal is gone and the event loop cannot).
#[derive(Debug, Clone)]
pub struct Flusher(Option<Sender<Msg>>);

impl Flusher {
    /// Waits up to `wait` for every write queued so far; true when there is nothing left.
    pub fn flush(&self, wait: Duration) -> bool {
        self.0.as_ref().is_none_or(|tx| flush_through(tx, wait))
    }
}

/// What the entry point hands the reader about state.
#[derive(Default)]
pub struct StateSetup {
    /// The marks read at start (None: no database yet, or it could not be read).
    pub marks: Option<CorpusMarks>,
    /// Opens the database to write to (None: marks are not kept).
    pub open: Option<Opener>,
    /// The database's path, for reloading marks another process wrote.
    pub path: Option<std::path::PathBuf>,
    /// Why marks will not be kept, shown as a warning.
    pub warning: Option<String>,
    /// The file the reader's last position is kept in (None: not kept).
    pub position_file: Option<std::path::PathBuf>,
}

/// The marks of every article, and where changes go.
#[derive(Debug, Default)]
pub struct MarkStore {
    marks: Vec<Marks>,
    /// `marks[i].read`, dense: counting the unread of 100,000 articles reads 100 KB, not 5 MB.
    read: Vec<bool>,
    /// Bumped by every change, so counts derived from the marks know when to recount.
    pub generation: u64,
    writer: Option<Writer>,
    path: Option<std::path::PathBuf>,
    /// Why marks are kept for this session only, if they are.
    pub not_kept: Option<String>,
    /// Earlier marks of the articles each step changed, latest last.
    undo: Vec<Vec<(u32, Marks)>>,
}

/// Undo steps kept.
const UNDO_DEPTH: usize = 20;

impl MarkStore {
    /// Marks held in memory only (tests, and a reader without a data folder).
    pub fn in_memory(c: &Corpus, why: Option<String>) -> MarkStore {
        MarkStore {
            marks: vec![Marks::default(); c.len()],
            read: vec![false; c.len()],
            not_kept: why,
            ..MarkStore::default()
        }
    }

    /// The store for a corpus from what the entry point found.
    pub fn new(c: &Corpus, setup: StateSetup) -> MarkStore {
        let setup = StateSetup { position_file: None, ..setup };
        let mut s = MarkStore::in_memory(c, setup.warning.clone());
        if let Some(m) = &setup.marks {
            s.fill(c, m);
        }
        s.writer = setup.open.map(Writer::spawn);
        s.path = setup.path;
        if s.writer.is_none() && s.not_kept.is_none() {
            s.not_kept = Some("no state database: marks last for this session only".into());
        }
        s
    }

    fn fill(&mut self, c: &Corpus, m: &CorpusMarks) {
        for (i, slot) in self.marks.iter_mut().enumerate().take(c.len()) {
            *slot = m.get(i as u32).cloned().unwrap_or_default();
        }
        self.sync_read();
    }

    /// Reads the marks again from the database (another process may have marked articles).
    pub fn reload(&mut self, c: &Corpus) -> Result<(), String> {
        let Some(path) = &self.path else { return Err("no state database to reload from".into()) };
        // Our own queued writes first, so the reload does not undo them on screen.
        if let Some(w) = &self.writer {
            w.flush(FLUSH_WAIT);
        }
        let marks = match StateDb::open_existing(path).and_then(|db| db.map(|db| db.corpus_marks(c)).transpose()) {
            Ok(m) => m.unwrap_or_default(),
            Err(e) => return Err(e.to_string()),
        };
        self.fill(c, &marks);
        Ok(())
    }

    pub fn get(&self, i: u32) -> Option<&Marks> {
        self.marks.get(i as usize)
    }

    pub fn is_read(&self, i: u32) -> bool {
        self.read.get(i as usize).copied().unwrap_or(false)
    }

    fn sync_read(&mut self) {
        self.read.clear();
        self.read.extend(self.marks.iter().map(|m| m.read));
        self.generation += 1;
    }

    fn sync_one(&mut self, i: u32) {
        if let (Some(r), Some(m)) = (self.read.get_mut(i as usize), self.marks.get(i as usize)) {
            *r = m.read;
        }
    }

    pub fn is_starred(&self, i: u32) -> bool {
        self.get(i).is_some_and(|m| m.starred)
    }

    pub fn passes(&self, i: u32, f: &StateFilter) -> bool {
        f.passes(self.get(i))
    }

    /// Unread articles among `rows`.
    pub fn unread_among(&self, rows: &[u32]) -> usize {
        rows.iter().filter(|&&i| !self.is_read(i)).count()
    }

    /// Applies a change to articles, in memory now and in the database behind; one undo step.
    /// Returns how many articles it changed.
    pub fn change(&mut self, c: &Corpus, articles: &[u32], change: &Change) -> usize {
        let mut before = Vec::new();
        for &i in articles {
            let Some(m) = self.marks.get_mut(i as usize) else { continue };
            let old = m.clone();
            if let Some(r) = change.read {
                m.read = r;
            }
            if let Some(s) = change.starred {
                m.starred = s;
            }
            m.tags.retain(|t| !change.remove_tags.iter().any(|r| r.eq_ignore_ascii_case(t)));
            for t in &change.add_tags {
                if !m.tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                    m.tags.push(t.clone());
                }
            }
            m.tags.sort();
            if *m != old {
                before.push((i, old));
            }
        }
        let changed: Vec<u32> = before.iter().map(|(i, _)| *i).collect();
        for &i in &changed {
            self.sync_one(i);
        }
        self.generation += 1;
        if !changed.is_empty() {
            self.write(c, &changed, change);
            self.push_undo(before);
        }
        changed.len()
    }

    /// Sets one article's note (None or blank deletes it); one undo step.
    pub fn set_note(&mut self, c: &Corpus, i: u32, note: Option<String>) {
        let note = note.map(|n| n.trim_end().to_string()).filter(|n| !n.trim().is_empty());
        let Some(m) = self.marks.get_mut(i as usize) else { return };
        if m.note == note {
            return;
        }
        let old = m.clone();
        m.note = note.clone();
        self.generation += 1;
        self.push_undo(vec![(i, old)]);
        self.write_note(c, i, note);
    }

    fn push_undo(&mut self, step: Vec<(u32, Marks)>) {
        self.undo.push(step);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// Puts back the marks the last step changed; how many articles, None when nothing to undo.
    pub fn undo(&mut self, c: &Corpus) -> Option<usize> {
        let step = self.undo.pop()?;
        // Articles grouped by the change that takes them back, so a mark-all undoes in one
        // batched write.
        let mut groups: Vec<(Change, Vec<u32>)> = Vec::new();
        let mut notes = Vec::new();
        for (i, old) in &step {
            let Some(now) = self.marks.get_mut(*i as usize) else { continue };
            let back = Change {
                read: (now.read != old.read).then_some(old.read),
                starred: (now.starred != old.starred).then_some(old.starred),
                add_tags: old.tags.iter().filter(|t| !now.tags.contains(t)).cloned().collect(),
                remove_tags: now.tags.iter().filter(|t| !old.tags.contains(t)).cloned().collect(),
            };
            if now.note != old.note {
                notes.push((*i, old.note.clone()));
            }
            *now = old.clone();
            if let Some(r) = self.read.get_mut(*i as usize) {
                *r = old.read;
            }
            if back.is_empty() {
                continue;
            }
            match groups.iter_mut().find(|(g, _)| *g == back) {
                Some((_, v)) => v.push(*i),
                None => groups.push((back, vec![*i])),
            }
        }
        self.generation += 1;
        for (change, articles) in groups {
            self.write(c, &articles, &change);
        }
        for (i, note) in notes {
            self.write_note(c, i, note);
        }
        Some(step.len())
    }

    fn write(&self, c: &Corpus, articles: &[u32], change: &Change) {
        if let Some(w) = &self.writer {
            let targets = articles
                .iter()
                .map(|&i| {
                    let a = c.get(i);
                    (Identity::of(c, a), Label::of(c, a))
                })
                .collect();
            w.send(Msg::Apply { targets, change: change.clone() });
        }
    }

    fn write_note(&self, c: &Corpus, i: u32, note: Option<String>) {
        if let Some(w) = &self.writer {
            let a = c.get(i);
            w.send(Msg::Note { ident: Identity::of(c, a), label: Label::of(c, a), note });
        }
    }

    /// A handle for waiting on the writes from another thread.
    pub fn flusher(&self) -> Flusher {
        Flusher(self.writer.as_ref().and_then(|w| w.tx.clone()))
    }

    /// Write failures since the last call.
    pub fn failures(&self) -> Vec<String> {
        self.writer.as_ref().map(Writer::failures).unwrap_or_default()
    }

    /// Waits (bounded) for every queued write; false when some may be lost.
    pub fn flush(&self, wait: Duration) -> bool {
        self.writer.as_ref().is_none_or(|w| w.flush(wait))
    }
}
