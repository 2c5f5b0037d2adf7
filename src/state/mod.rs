//! State that lasts between runs: read/unread, star, tags and a note per article, in one SQLite
//! file (WAL journal, schema versioned by `PRAGMA user_version`).
//!
//! State belongs to the article, not to its path: each entry is found by the article's identity
//! keys ([`identity`]), so it survives moving the corpus, deleting the cache and re-saving the
//! page. The database path is always an argument: this module never reads the environment, and
//! it never deletes or rewrites a database it cannot read (it refuses and says why). Writes are
//! short `BEGIN IMMEDIATE` transactions with a busy timeout, so a reader and a script can write
//! at once without losing either's marks. See `docs/state.md`.

pub mod identity;
pub mod schema;
mod transfer;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::corpus::Corpus;
pub use identity::{Identity, KeyKind, Label};
pub use transfer::{EXPORT_FORMAT, Entry, Export, ImportStats, Keys, Tag};

/// The database's file name inside the user's data folder.
pub const FILE_NAME: &str = "state.sqlite3";

/// Articles marked per transaction: a bulk mark of 100,000 articles holds the write lock for
/// tens of milliseconds at a time, not seconds.
pub const BATCH: usize = 1000;

/// How long a write waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the state could not be read or written. Every variant names the database file.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot create the state folder {}: {source}", path.display())]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("cannot open the state database {}: {source}", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error(
        "the state database {} was written by a newer newsdesk (schema version {found}; this version knows up to {supported}); it was left untouched: upgrade newsdesk to use it",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    #[error(
        "the state database {} is damaged or not a newsdesk state database ({detail}); it was left untouched: move it aside to start afresh, or repair it with sqlite3's .recover",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the state database {} is busy: another process held it for more than {} s; nothing was written, try again",
        path.display(), BUSY_TIMEOUT.as_secs()
    )]
    Busy { path: PathBuf },
    #[error("cannot write the state database {}: the file or its folder is read-only ({source})", path.display())]
    ReadOnly { path: PathBuf, source: rusqlite::Error },
    #[error("state database {}: {source}", path.display())]
    Sql { path: PathBuf, source: rusqlite::Error },
    #[error("{file}: {message}")]
    Import { file: String, message: String },
}

impl StateError {
    /// Sorts an SQLite error into what the user can do about it.
    fn from_sql(path: &Path, e: rusqlite::Error) -> StateError {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StateError::Busy { path },
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StateError::Damaged { path, detail: e.to_string() }
            }
            Some(ErrorCode::ReadOnly) => StateError::ReadOnly { path, source: e },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StateError::Open { path, source: e },
            _ => StateError::Sql { path, source: e },
        }
    }
}

/// The marks `list` shows and filters on, for one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    pub read: bool,
    pub starred: bool,
    /// Sorted by name.
    pub tags: Vec<String>,
    pub note: Option<String>,
}

/// Which articles pass, by their marks. Parts combine with AND; the default passes all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StateFilter {
    pub unread: bool,
    pub starred: bool,
    /// The article must have every one of these tags (case-insensitive).
    pub tags: Vec<String>,
    pub has_note: bool,
}

impl StateFilter {
    pub fn is_empty(&self) -> bool {
        !self.unread && !self.starred && self.tags.is_empty() && !self.has_note
    }

    /// Whether an article with these marks (None: no state yet, so unread) passes.
    pub fn passes(&self, m: Option<&Marks>) -> bool {
        let none = Marks::default();
        let m = m.unwrap_or(&none);
        (!self.unread || !m.read)
            && (!self.starred || m.starred)
            && (!self.has_note || m.note.is_some())
            && self.tags.iter().all(|t| m.tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()))
    }
}

/// A change of marks, as `newsdesk mark` gives it. None: leave as is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    pub read: Option<bool>,
    pub starred: Option<bool>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.read.is_none() && self.starred.is_none() && self.add_tags.is_empty() && self.remove_tags.is_empty()
    }
}

/// Checks a tag name: free text, but not blank and without control characters (it must fit on
/// a table line and in a shell argument). Returns it trimmed.
pub fn check_tag(t: &str) -> Result<String, String> {
    let t = t.trim();
    if t.is_empty() {
        return Err("a tag cannot be empty".into());
    }
    if t.chars().any(char::is_control) {
        return Err(format!("tag {t:?} has a control character"));
    }
    Ok(t.to_string())
}

/// A timestamp as the database stores it: UTC, milliseconds, fixed width, so text order is time
/// order for people sorting with `sqlite3`.
pub fn stamp(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// An open state database.
pub struct StateDb {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for StateDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateDb").field("path", &self.path).finish_non_exhaustive()
    }
}

impl StateDb {
    /// Opens the database for reading and writing, creating it (and its folder) if needed and
    /// bringing its schema up to date. Refuses a damaged database or one from a newer newsdesk,
    /// leaving the file as it was.
    pub fn open(path: &Path) -> Result<StateDb, StateError> {
        // Opening takes locks the busy timeout does not always cover (switching a new file to
        // WAL, a last connection checkpointing as it closes): retry those for as long.
        let start = std::time::Instant::now();
        loop {
            match StateDb::open_once(path) {
                Err(StateError::Busy { .. }) if start.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                r => return r,
            }
        }
    }

    fn open_once(path: &Path) -> Result<StateDb, StateError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StateError::CreateDir { path: dir.to_path_buf(), source })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| StateError::Open { path: path.to_path_buf(), source })?;
        let mut db = StateDb { conn, path: path.to_path_buf() };
        db.configure()?;
        // Read before anything writes: a newer or foreign file must be left byte for byte.
        let version = db.check_version()?;
        let mode: String =
            db.conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0)).map_err(|e| db.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StateError::Damaged {
                path: db.path,
                detail: format!("cannot use a WAL journal (got {mode})"),
            });
        }
        // In WAL mode NORMAL keeps every commit through a crash of the process (kill -9); only a
        // power cut can lose the last commits, never corrupt the file.
        db.conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| db.err(e))?;
        if version < schema::LATEST {
            db.migrate()?;
        }
        Ok(db)
    }

    /// Opens an existing database for reading; None when there is no file (no state yet). Used
    /// by commands that only read, so they never create the data folder.
    pub fn open_existing(path: &Path) -> Result<Option<StateDb>, StateError> {
        if !path.exists() {
            return Ok(None);
        }
        let (db, version) = match StateDb::open_read_only(path, false) {
            // A WAL database needs its -shm file, which a read-only folder cannot get once the
            // last writer has removed it. No one can write there either, so reading the file as
            // immutable (no locks, no -shm) is safe.
            Err(StateError::Open { .. } | StateError::ReadOnly { .. }) => StateDb::open_read_only(path, true)?,
            r => r?,
        };
        if version == schema::LATEST {
            return Ok(Some(db));
        }
        drop(db);
        // An older schema: bring it up to date, which needs write access.
        match StateDb::open(path) {
            Ok(db) => Ok(Some(db)),
            // An empty file in a read-only place holds no state.
            Err(StateError::ReadOnly { .. } | StateError::Open { .. }) if version == 0 => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Opens for reading only and checks the version; `immutable` tells SQLite nothing can
    /// change the file (see `open_existing`).
    fn open_read_only(path: &Path, immutable: bool) -> Result<(StateDb, i64), StateError> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = if immutable {
            flags |= OpenFlags::SQLITE_OPEN_URI;
            Connection::open_with_flags(immutable_uri(path), flags)
        } else {
            Connection::open_with_flags(path, flags)
        }
        .map_err(|source| StateError::Open { path: path.to_path_buf(), source })?;
        let db = StateDb { conn, path: path.to_path_buf() };
        db.configure()?;
        let version = db.check_version()?;
        Ok((db, version))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StateError {
        StateError::from_sql(&self.path, e)
    }

    fn configure(&self) -> Result<(), StateError> {
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| self.err(e))?;
        // Up to 64 MiB of page cache (used only as needed): marking 100,000 articles inserts
        // into key indexes in hash order, which the 2 MiB default turns into disk reads.
        self.conn.pragma_update(None, "cache_size", -65536).map_err(|e| self.err(e))?;
        self.conn.pragma_update(None, "foreign_keys", true).map_err(|e| self.err(e))
    }

    /// The schema version, after checking the file is ours and not from a newer newsdesk.
    fn check_version(&self) -> Result<i64, StateError> {
        // One read transaction, so the three reads see one state of the file even while another
        // process creates it (else: version 0 read before its commit, tables after).
        let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| self.err(e))?;
        let app: i32 = tx.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| self.err(e))?;
        if version > schema::LATEST && app == schema::APPLICATION_ID {
            return Err(StateError::TooNew { path: self.path.clone(), found: version, supported: schema::LATEST });
        }
        let fresh = version == 0 && app == 0;
        if !fresh && app != schema::APPLICATION_ID {
            return Err(StateError::Damaged {
                path: self.path.clone(),
                detail: format!("application_id {app:#x}, user_version {version}: another program's database"),
            });
        }
        if fresh {
            let tables: i64 =
                tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(|e| self.err(e))?;
            if tables > 0 {
                return Err(StateError::Damaged {
                    path: self.path.clone(),
                    detail: "a database with tables but no newsdesk version: another program's database".into(),
                });
            }
        }
        Ok(version)
    }

    /// Runs the migrations from the database's version to [`schema::LATEST`], in one
    /// transaction (another process may be migrating too: the version is read again inside).
    fn migrate(&mut self) -> Result<(), StateError> {
        let path = self.path.clone();
        let err = |e| StateError::from_sql(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
        if version > schema::LATEST {
            return Err(StateError::TooNew { path, found: version, supported: schema::LATEST });
        }
        let from = usize::try_from(version).unwrap_or(0);
        for m in schema::MIGRATIONS.iter().skip(from) {
            tx.execute_batch(m).map_err(err)?;
        }
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID).map_err(err)?;
        tx.pragma_update(None, "user_version", schema::LATEST).map_err(err)?;
        tx.commit().map_err(err)
    }

    /// Every entry's marks and keys: a few queries, however many entries.
    pub fn snapshot(&self) -> Result<Snapshot, StateError> {
        let _read = self.read_transaction()?;
        self.load(&["id", "url", "story"])
    }

    /// The marks of every article of a corpus. Entries are matched by content id first; the
    /// URL and story keys are read (and the articles' own built) only for the articles the
    /// ids do not find, so a corpus whose articles all have state costs four queries and one
    /// hash lookup per article.
    pub fn corpus_marks(&self, c: &Corpus) -> Result<CorpusMarks, StateError> {
        let _read = self.read_transaction()?;
        let mut snap = self.load(&["id"])?;
        let mut of_article: Vec<u32> =
            c.articles().iter().map(|a| snap.by_id.get(&a.id.0).copied().unwrap_or(NONE)).collect();
        if of_article.contains(&NONE) {
            self.load_keys(&mut snap, &["url", "story"])?;
            for (i, m) in of_article.iter_mut().enumerate() {
                if *m == NONE {
                    *m = snap.find_secondary(c, i as u32).unwrap_or(NONE);
                }
            }
        }
        Ok(CorpusMarks { marks: snap.marks, of_article })
    }

    /// A read transaction (rolled back when dropped), so queries that belong together see one
    /// state of the database while other processes write.
    fn read_transaction(&self) -> Result<rusqlite::Transaction<'_>, StateError> {
        self.conn.unchecked_transaction().map_err(|e| self.err(e))
    }

    /// Entries, their tags, and the keys of the given kinds.
    fn load(&self, kinds: &[&str]) -> Result<Snapshot, StateError> {
        let err = |e| self.err(e);
        let mut snap = Snapshot::default();
        let mut index = EntryIndex::default();
        // Marks from the covering index, notes (few) apart: the label columns are never read.
        let mut st = self.conn.prepare("SELECT entry_id, read, starred FROM entry").map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let id: i64 = r.get(0).map_err(err)?;
            index.insert(id, snap.marks.len() as u32);
            snap.marks.push(Marks {
                read: r.get(1).map_err(err)?,
                starred: r.get(2).map_err(err)?,
                tags: Vec::new(),
                note: None,
            });
        }
        let mut st = self.conn.prepare("SELECT entry_id, note FROM entry WHERE note IS NOT NULL").map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            if let Some(m) = index.get(&r.get(0).map_err(err)?).and_then(|&i| snap.marks.get_mut(i as usize)) {
                m.note = r.get(1).map_err(err)?;
            }
        }
        let mut st = self.conn.prepare("SELECT entry_id, name FROM tag ORDER BY entry_id, name").map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let id: i64 = r.get(0).map_err(err)?;
            if let Some(m) = index.get(&id).and_then(|&i| snap.marks.get_mut(i as usize)) {
                m.tags.push(r.get(1).map_err(err)?);
            }
        }
        snap.index = index;
        self.load_keys(&mut snap, kinds)?;
        Ok(snap)
    }

    /// Adds the keys of the given kinds to a snapshot.
    fn load_keys(&self, snap: &mut Snapshot, kinds: &[&str]) -> Result<(), StateError> {
        let err = |e| self.err(e);
        let mut st =
            self.conn.prepare_cached("SELECT kind, key, entry_id FROM identity_key WHERE kind = ?1").map_err(err)?;
        for kind in kinds {
            let mut rows = st.query([kind]).map_err(err)?;
            while let Some(r) = rows.next().map_err(err)? {
                let kind: String = r.get(0).map_err(err)?;
                let key: String = r.get(1).map_err(err)?;
                let Some(&i) = snap.index.get(&r.get::<_, i64>(2).map_err(err)?) else { continue };
                match KeyKind::parse(&kind) {
                    Some(KeyKind::Id) => {
                        if let Some(id) = identity::parse_id(&key) {
                            snap.by_id.insert(id.0, i);
                        }
                    }
                    Some(KeyKind::Url) => {
                        snap.by_url.insert(key, i);
                    }
                    Some(KeyKind::Story) => {
                        snap.by_story.insert(key, i);
                    }
                    None => {}
                }
            }
        }
        Ok(())
    }

    /// The full entry an article's keys find, if any.
    pub fn entry(&self, ident: &Identity) -> Result<Option<Entry>, StateError> {
        let _read = self.read_transaction()?;
        match resolve(&self.conn, ident).map_err(|e| self.err(e))? {
            Some(id) => transfer::read_entry(&self.conn, id).map(Some).map_err(|e| self.err(e)),
            None => Ok(None),
        }
    }

    /// Applies a change to articles, [`BATCH`] articles per transaction: each batch is written
    /// whole or not at all, and no batch holds the write lock long enough to make another
    /// process's write wait for seconds.
    pub fn apply(&mut self, targets: &[(Identity, Label)], change: &Change, now: Timestamp) -> Result<(), StateError> {
        let now = stamp(now);
        for batch in targets.chunks(BATCH) {
            self.apply_batch(batch, change, &now)?;
        }
        Ok(())
    }

    fn apply_batch(&mut self, targets: &[(Identity, Label)], change: &Change, now: &str) -> Result<(), StateError> {
        let path = self.path.clone();
        let err = |e| StateError::from_sql(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        for (ident, label) in targets {
            let e = resolve_or_create(&tx, ident, label, now).map_err(err)?;
            // One statement for both marks and the update time: a bulk mark is one row write
            // per article.
            tx.prepare_cached(
                "UPDATE entry SET
                 read = coalesce(?2, read), read_at = CASE WHEN ?2 IS NULL THEN read_at ELSE ?4 END,
                 starred = coalesce(?3, starred), starred_at = CASE WHEN ?3 IS NULL THEN starred_at ELSE ?4 END,
                 updated_at = ?4 WHERE entry_id = ?1",
            )
            .and_then(|mut s| s.execute(params![e, change.read, change.starred, now]))
            .map_err(err)?;
            for t in &change.remove_tags {
                tx.prepare_cached("DELETE FROM tag WHERE entry_id = ?1 AND name = ?2")
                    .and_then(|mut s| s.execute(params![e, t]))
                    .map_err(err)?;
            }
            for t in &change.add_tags {
                tx.prepare_cached(
                    "INSERT INTO tag (entry_id, name, added_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                )
                .and_then(|mut s| s.execute(params![e, t, now]))
                .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Sets an article's note; None (or blank) deletes it.
    pub fn set_note(
        &mut self,
        ident: &Identity,
        label: &Label,
        note: Option<&str>,
        now: Timestamp,
    ) -> Result<(), StateError> {
        let path = self.path.clone();
        let err = |e| StateError::from_sql(&path, e);
        let now = stamp(now);
        let note = note.filter(|n| !n.trim().is_empty());
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let e = resolve_or_create(&tx, ident, label, &now).map_err(err)?;
        tx.execute("UPDATE entry SET note = ?2, note_at = ?3 WHERE entry_id = ?1", params![e, note, now])
            .map_err(err)?;
        touch(&tx, e, &now).map_err(err)?;
        tx.commit().map_err(err)
    }
}

/// `file:PATH?immutable=1`, the path percent-encoded as SQLite's URI filenames require.
fn immutable_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Entry numbers to their place in a snapshot's marks (entries are read in `entry_id` order).
type EntryIndex = HashMap<i64, u32, foldhash::fast::RandomState>;

/// The entry any of the keys names, trying the most exact key first.
fn resolve(conn: &Connection, ident: &Identity) -> rusqlite::Result<Option<i64>> {
    let mut st = conn.prepare_cached("SELECT entry_id FROM identity_key WHERE kind = ?1 AND key = ?2")?;
    for (kind, key) in ident.keys() {
        if let Some(e) = st.query_row(params![kind.as_str(), key], |r| r.get(0)).optional()? {
            return Ok(Some(e));
        }
    }
    Ok(None)
}

/// The article's entry, created if it has none; its keys are added (a key another entry already
/// holds stays with that entry) and its label refreshed.
fn resolve_or_create(conn: &Connection, ident: &Identity, label: &Label, now: &str) -> rusqlite::Result<i64> {
    let e = match resolve(conn, ident)? {
        Some(e) => {
            conn.prepare_cached(
                "UPDATE entry SET title = coalesce(?2, title), outlet = coalesce(?3, outlet),
                 published = coalesce(?4, published), url = coalesce(?5, url) WHERE entry_id = ?1",
            )?
            .execute(params![e, label.title, label.outlet, label.published, label.url])?;
            e
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO entry (title, outlet, published, url, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![label.title, label.outlet, label.published, label.url, now])?;
            conn.last_insert_rowid()
        }
    };
    add_keys(conn, e, ident.keys())?;
    Ok(e)
}

fn add_keys<'a>(conn: &Connection, e: i64, keys: impl Iterator<Item = (KeyKind, &'a str)>) -> rusqlite::Result<()> {
    let mut st = conn
        .prepare_cached("INSERT INTO identity_key (kind, key, entry_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")?;
    for (kind, key) in keys {
        st.execute(params![kind.as_str(), key, e])?;
    }
    Ok(())
}

fn touch(conn: &Connection, e: i64, now: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE entry SET updated_at = ?2 WHERE entry_id = ?1")?.execute(params![e, now])?;
    Ok(())
}

/// Every entry's marks and keys, in memory.
#[derive(Debug, Default)]
pub struct Snapshot {
    marks: Vec<Marks>,
    by_id: HashMap<u64, u32, foldhash::fast::RandomState>,
    by_url: HashMap<String, u32, foldhash::fast::RandomState>,
    by_story: HashMap<String, u32, foldhash::fast::RandomState>,
    /// Entry numbers to their place in `marks`.
    index: EntryIndex,
}

impl Snapshot {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The marks the keys find, most exact key first.
    pub fn lookup(&self, ident: &Identity) -> Option<&Marks> {
        let by_id = ident.id.as_deref().and_then(identity::parse_id).and_then(|id| self.by_id.get(&id.0));
        let m = by_id
            .or_else(|| ident.url.as_ref().and_then(|u| self.by_url.get(u)))
            .or_else(|| ident.story.as_ref().and_then(|s| self.by_story.get(s)))?;
        self.marks.get(*m as usize)
    }

    /// Article `i` by its URL or story key.
    fn find_secondary(&self, c: &Corpus, i: u32) -> Option<u32> {
        if self.by_url.is_empty() && self.by_story.is_empty() {
            return None;
        }
        let ident = Identity::of(c, c.get(i));
        ident
            .url
            .as_ref()
            .and_then(|u| self.by_url.get(u))
            .or_else(|| ident.story.as_ref().and_then(|s| self.by_story.get(s)))
            .copied()
    }
}

const NONE: u32 = u32::MAX;

/// The marks of a corpus's articles, by article number.
#[derive(Debug, Default)]
pub struct CorpusMarks {
    marks: Vec<Marks>,
    of_article: Vec<u32>,
}

impl CorpusMarks {
    /// Article `i`'s marks; None when it has no state (unread, unstarred, no tags, no note).
    pub fn get(&self, i: u32) -> Option<&Marks> {
        let m = *self.of_article.get(i as usize)?;
        self.marks.get(m as usize)
    }

    /// Keeps the articles of `sel` that pass the filter.
    pub fn retain(&self, sel: &mut Vec<u32>, filter: &StateFilter) {
        if !filter.is_empty() {
            sel.retain(|&i| filter.passes(self.get(i)));
        }
    }
}
