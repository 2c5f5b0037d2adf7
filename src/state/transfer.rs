//! `newsdesk state export` and `import`: the whole state as one JSON document, and merging such
//! a document into a database.
//!
//! The document holds every entry's identity keys, label, marks, tags and note with their
//! timestamps; entry numbers are not in it (they are private to one database). Exporting, then
//! importing into an empty database, then exporting again gives the same bytes.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::identity::{KeyKind, parse_id};
use super::{StateDb, StateError, check_tag};

/// The export format's version; an import refuses a newer one.
pub const EXPORT_FORMAT: u32 = 1;

/// A whole state database, as `state export` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// Always "newsdesk-state", so an import can tell it was given the right file.
    pub kind: String,
    pub format: u32,
    pub entries: Vec<Entry>,
}

/// An entry's identity keys, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Keys {
    #[serde(default)]
    pub id: Vec<String>,
    #[serde(default)]
    pub url: Vec<String>,
    #[serde(default)]
    pub story: Vec<String>,
}

impl Keys {
    /// All keys, most exact kind first.
    pub fn iter(&self) -> impl Iterator<Item = (KeyKind, &str)> {
        fn of(kind: KeyKind, v: &[String]) -> impl Iterator<Item = (KeyKind, &str)> {
            v.iter().map(move |s| (kind, s.as_str()))
        }
        of(KeyKind::Id, &self.id).chain(of(KeyKind::Url, &self.url)).chain(of(KeyKind::Story, &self.story))
    }

    fn is_empty(&self) -> bool {
        self.id.is_empty() && self.url.is_empty() && self.story.is_empty()
    }
}

/// A tag and when it was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
    pub added_at: String,
}

/// One article's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub keys: Keys,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub read_at: Option<String>,
    #[serde(default)]
    pub starred: bool,
    #[serde(default)]
    pub starred_at: Option<String>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl Entry {
    /// The marks `list` and `show` print.
    pub fn marks(&self) -> super::Marks {
        super::Marks {
            read: self.read,
            starred: self.starred,
            tags: self.tags.iter().map(|t| t.name.clone()).collect(),
            note: self.note.clone(),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportStats {
    /// Entries new to the database.
    pub added: usize,
    /// Entries merged into one the database had (found by one of their keys).
    pub merged: usize,
}

const ENTRY_COLUMNS: &str = "entry_id, title, outlet, published, url, read, read_at, starred, starred_at, note, note_at, created_at, updated_at";

fn entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Entry)> {
    Ok((
        r.get(0)?,
        Entry {
            keys: Keys::default(),
            title: r.get(1)?,
            outlet: r.get(2)?,
            published: r.get(3)?,
            url: r.get(4)?,
            read: r.get(5)?,
            read_at: r.get(6)?,
            starred: r.get(7)?,
            starred_at: r.get(8)?,
            tags: Vec::new(),
            note: r.get(9)?,
            note_at: r.get(10)?,
            created_at: r.get(11)?,
            updated_at: r.get(12)?,
        },
    ))
}

fn push_key(keys: &mut Keys, kind: &str, key: String) {
    match KeyKind::parse(kind) {
        Some(KeyKind::Id) => keys.id.push(key),
        Some(KeyKind::Url) => keys.url.push(key),
        Some(KeyKind::Story) => keys.story.push(key),
        None => {}
    }
}

/// One entry, with its keys and tags.
pub(super) fn read_entry(conn: &Connection, id: i64) -> rusqlite::Result<Entry> {
    let (_, mut e) =
        conn.query_row(&format!("SELECT {ENTRY_COLUMNS} FROM entry WHERE entry_id = ?1"), [id], entry_from_row)?;
    let mut st = conn.prepare("SELECT kind, key FROM identity_key WHERE entry_id = ?1 ORDER BY kind, key")?;
    for row in st.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (kind, key) = row?;
        push_key(&mut e.keys, &kind, key);
    }
    let mut st = conn.prepare("SELECT name, added_at FROM tag WHERE entry_id = ?1 ORDER BY name")?;
    for row in st.query_map([id], |r| Ok(Tag { name: r.get(0)?, added_at: r.get(1)? }))? {
        e.tags.push(row?);
    }
    Ok(e)
}

/// Whether `new` is later than `old` (a missing time is earliest). Compared as instants, so
/// equal times written differently are equal.
fn later(new: Option<&str>, old: Option<&str>) -> bool {
    let t = |s: Option<&str>| s.and_then(|s| s.parse::<Timestamp>().ok());
    match (t(new), t(old)) {
        (Some(n), Some(o)) => n > o,
        (Some(_), None) => true,
        _ => false,
    }
}

impl StateDb {
    /// The whole state, entries in a stable order (by creation time, then keys).
    pub fn export(&self) -> Result<Export, StateError> {
        let _read = self.read_transaction()?;
        let err = |e| self.err(e);
        let mut entries: BTreeMap<i64, Entry> = BTreeMap::new();
        let mut st = self.conn.prepare(&format!("SELECT {ENTRY_COLUMNS} FROM entry")).map_err(err)?;
        for row in st.query_map([], entry_from_row).map_err(err)? {
            let (id, e) = row.map_err(err)?;
            entries.insert(id, e);
        }
        let mut st = self.conn.prepare("SELECT entry_id, kind, key FROM identity_key ORDER BY key").map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            if let Some(e) = entries.get_mut(&r.get(0).map_err(err)?) {
                push_key(&mut e.keys, &r.get::<_, String>(1).map_err(err)?, r.get(2).map_err(err)?);
            }
        }
        let mut st = self.conn.prepare("SELECT entry_id, name, added_at FROM tag ORDER BY name").map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            if let Some(e) = entries.get_mut(&r.get(0).map_err(err)?) {
                e.tags.push(Tag { name: r.get(1).map_err(err)?, added_at: r.get(2).map_err(err)? });
            }
        }
        let mut entries: Vec<Entry> = entries.into_values().collect();
        entries.sort_by(|a, b| a.created_at.cmp(&b.created_at).then_with(|| a.keys.iter().cmp(b.keys.iter())));
        Ok(Export { kind: "newsdesk-state".into(), format: EXPORT_FORMAT, entries })
    }

    /// Merges an export into this database, in one transaction. An entry found by any of its
    /// keys is merged: each mark and the note keep the later of the two (by its `*_at` time),
    /// tags are united, keys added. Others are added as they are. `file` names the source in
    /// errors.
    pub fn import(&mut self, doc: &Export, file: &str) -> Result<ImportStats, StateError> {
        validate(doc, file)?;
        let path = self.path.clone();
        let err = |e| StateError::from_sql(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let mut stats = ImportStats::default();
        for e in &doc.entries {
            match find(&tx, &e.keys).map_err(err)? {
                Some(id) => {
                    merge(&tx, id, e).map_err(err)?;
                    stats.merged += 1;
                }
                None => {
                    insert(&tx, e).map_err(err)?;
                    stats.added += 1;
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(stats)
    }
}

/// Checks a document before anything is written, naming the entry at fault.
fn validate(doc: &Export, file: &str) -> Result<(), StateError> {
    let fail = |message: String| StateError::Import { file: file.to_string(), message };
    if doc.kind != "newsdesk-state" {
        return Err(fail(format!("not a newsdesk state export (kind {:?})", doc.kind)));
    }
    if doc.format > EXPORT_FORMAT {
        return Err(fail(format!(
            "export format {} is newer than this newsdesk reads ({EXPORT_FORMAT}); nothing was imported",
            doc.format
        )));
    }
    let time = |n: usize, field: &str, s: Option<&str>| -> Result<(), StateError> {
        match s {
            Some(s) if s.parse::<Timestamp>().is_err() => {
                Err(fail(format!("entry {n}: {field} {s:?} is not an RFC 3339 time; nothing was imported")))
            }
            _ => Ok(()),
        }
    };
    for (i, e) in doc.entries.iter().enumerate() {
        let n = i + 1;
        if e.keys.is_empty() {
            return Err(fail(format!("entry {n} has no identity keys; nothing was imported")));
        }
        if let Some(bad) = e.keys.id.iter().find(|k| parse_id(k).is_none_or(|id| id.hex() != **k)) {
            return Err(fail(format!(
                "entry {n}: id key {bad:?} is not 16 lower-case hex digits; nothing was imported"
            )));
        }
        for t in &e.tags {
            check_tag(&t.name).map_err(|m| fail(format!("entry {n}: {m}; nothing was imported")))?;
            time(n, "tag added_at", Some(&t.added_at))?;
        }
        time(n, "read_at", e.read_at.as_deref())?;
        time(n, "starred_at", e.starred_at.as_deref())?;
        time(n, "note_at", e.note_at.as_deref())?;
        time(n, "created_at", Some(&e.created_at))?;
        time(n, "updated_at", Some(&e.updated_at))?;
    }
    Ok(())
}

fn find(conn: &Connection, keys: &Keys) -> rusqlite::Result<Option<i64>> {
    let mut st = conn.prepare_cached("SELECT entry_id FROM identity_key WHERE kind = ?1 AND key = ?2")?;
    for (kind, key) in keys.iter() {
        if let Some(e) = st.query_row(params![kind.as_str(), key], |r| r.get(0)).optional()? {
            return Ok(Some(e));
        }
    }
    Ok(None)
}

fn insert(conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO entry (title, outlet, published, url, read, read_at, starred, starred_at, note, note_at,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        e.title,
        e.outlet,
        e.published,
        e.url,
        e.read,
        e.read_at,
        e.starred,
        e.starred_at,
        e.note,
        e.note_at,
        e.created_at,
        e.updated_at
    ])?;
    let id = conn.last_insert_rowid();
    super::add_keys(conn, id, e.keys.iter())?;
    add_tags(conn, id, &e.tags)
}

fn add_tags(conn: &Connection, id: i64, tags: &[Tag]) -> rusqlite::Result<()> {
    let mut st =
        conn.prepare_cached("INSERT INTO tag (entry_id, name, added_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")?;
    for t in tags {
        st.execute(params![id, t.name.trim(), t.added_at])?;
    }
    Ok(())
}

fn merge(conn: &Connection, id: i64, new: &Entry) -> rusqlite::Result<()> {
    let old = read_entry(conn, id)?;
    let (read, read_at) = if later(new.read_at.as_deref(), old.read_at.as_deref()) {
        (new.read, &new.read_at)
    } else {
        (old.read, &old.read_at)
    };
    let (starred, starred_at) = if later(new.starred_at.as_deref(), old.starred_at.as_deref()) {
        (new.starred, &new.starred_at)
    } else {
        (old.starred, &old.starred_at)
    };
    let (note, note_at) = if later(new.note_at.as_deref(), old.note_at.as_deref()) {
        (&new.note, &new.note_at)
    } else {
        (&old.note, &old.note_at)
    };
    let created_at =
        if later(Some(&old.created_at), Some(&new.created_at)) { &new.created_at } else { &old.created_at };
    let updated_at =
        if later(Some(&new.updated_at), Some(&old.updated_at)) { &new.updated_at } else { &old.updated_at };
    conn.prepare_cached(
        "UPDATE entry SET title = coalesce(title, ?2), outlet = coalesce(outlet, ?3),
         published = coalesce(published, ?4), url = coalesce(url, ?5), read = ?6, read_at = ?7, starred = ?8,
         starred_at = ?9, note = ?10, note_at = ?11, created_at = ?12, updated_at = ?13 WHERE entry_id = ?1",
    )?
    .execute(params![
        id,
        new.title,
        new.outlet,
        new.published,
        new.url,
        read,
        read_at,
        starred,
        starred_at,
        note,
        note_at,
        created_at,
        updated_at
    ])?;
    super::add_keys(conn, id, new.keys.iter())?;
    add_tags(conn, id, &new.tags)
}
