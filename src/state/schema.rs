//! The state database's schema and its migrations, versioned by `PRAGMA user_version`.
//!
//! Migrations are a list: entry `n` takes a database from version `n` to `n + 1`. A database at
//! version 0 is new (or empty); one above [`LATEST`] was written by a newer newsdesk and is
//! refused untouched. Never edit a migration that has shipped: add one.

/// `PRAGMA application_id` of a newsdesk state database ("NDsk"), so a different SQLite file put
/// at the state path is refused instead of being written into.
pub const APPLICATION_ID: i32 = 0x4e44_736b;

/// Version 1: entries (one per article, with its marks), their identity keys, and tags.
const V1: &str = "
CREATE TABLE entry (
    entry_id    INTEGER PRIMARY KEY,
    -- What the article is, for people reading this table; never used for matching.
    title       TEXT,
    outlet      TEXT,
    published   TEXT,
    url         TEXT,
    -- Marks. Each *_at is when the mark was last set, either way (UTC, RFC 3339): imports
    -- merge by keeping the later one.
    read        INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    read_at     TEXT,
    starred     INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    starred_at  TEXT,
    note        TEXT,
    note_at     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE identity_key (
    kind        TEXT NOT NULL CHECK (kind IN ('id', 'url', 'story')),
    key         TEXT NOT NULL,
    entry_id    INTEGER NOT NULL REFERENCES entry (entry_id) ON DELETE CASCADE,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX identity_key_entry ON identity_key (entry_id);
-- What `list` reads for every entry, without the wide label columns: a covering index scan.
CREATE INDEX entry_marks ON entry (read, starred);
CREATE INDEX entry_note ON entry (entry_id) WHERE note IS NOT NULL;
CREATE TABLE tag (
    entry_id    INTEGER NOT NULL REFERENCES entry (entry_id) ON DELETE CASCADE,
    name        TEXT NOT NULL COLLATE NOCASE,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (entry_id, name)
) WITHOUT ROWID;
CREATE INDEX tag_name ON tag (name);
";

/// The migrations, in order: `MIGRATIONS[n]` takes version `n` to `n + 1`.
pub const MIGRATIONS: &[&str] = &[V1];

/// The schema version this newsdesk writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
