//! Tests of the state model on made-up articles: identity matching, marks, notes, the schema's
//! version checks, damaged files, export/import, and concurrent writers.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::*;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn ident(id: &str, url: Option<&str>, story: Option<&str>) -> Identity {
    Identity { id: Some(format!("{id:0>16}")), url: url.and_then(identity::url_key), story: story.map(str::to_string) }
}

fn label(title: &str) -> Label {
    Label { title: Some(title.into()), ..Label::default() }
}

fn db_in(dir: &tempfile::TempDir) -> (PathBuf, StateDb) {
    let path = dir.path().join("data").join(FILE_NAME);
    let db = StateDb::open(&path).unwrap_or_else(|e| panic!("{e}"));
    (path, db)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn change(f: impl FnOnce(&mut Change)) -> Change {
    let mut c = Change::default();
    f(&mut c);
    c
}

#[test]
fn a_new_database_is_created_with_its_folder_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = db_in(&dir);
    assert!(path.exists());
    let mode: String = db.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let v: i64 = db.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, schema::LATEST);
    assert!(db.snapshot().unwrap().is_empty());
}

#[test]
fn reading_never_creates_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing").join(FILE_NAME);
    assert!(StateDb::open_existing(&path).unwrap().is_none());
    assert!(!path.parent().unwrap().exists());
}

#[test]
fn state_follows_the_article_by_any_identity_key() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = db_in(&dir);
    let original = ident("a1", Some("https://www.example.com/2019/04/kim/"), Some("rt|2019-04-25|kim putin"));
    db.apply(&[(original.clone(), label("Kim"))], &change(|c| c.starred = Some(true)), at("2026-01-01T00:00:00Z"))
        .unwrap();
    let snap = db.snapshot().unwrap();
    let starred = |i: &Identity| snap.lookup(i).is_some_and(|m| m.starred);
    assert!(starred(&original), "the same bytes");
    assert!(starred(&ident("b2", Some("http://example.com/2019/04/kim?utm_source=x"), None)), "re-saved: same URL");
    assert!(starred(&ident("b3", None, Some("rt|2019-04-25|kim putin"))), "re-saved without URL: same story");
    assert!(!starred(&ident("b4", Some("https://example.com/2019/04/other"), Some("rt|2019-04-25|other"))));
    assert!(snap.lookup(&ident("b5", None, None)).is_none());
}

#[test]
fn the_content_id_wins_over_a_url_another_entry_has() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = db_in(&dir);
    let t = at("2026-01-01T00:00:00Z");
    db.apply(&[(ident("a1", Some("https://example.com/live"), None), label("A"))], &change(|c| c.read = Some(true)), t)
        .unwrap();
    // A second article at the same URL (a live page saved twice) joins the first entry...
    db.apply(
        &[(ident("a2", Some("https://example.com/live"), None), label("B"))],
        &change(|c| c.starred = Some(true)),
        t,
    )
    .unwrap();
    let snap = db.snapshot().unwrap();
    assert_eq!(snap.len(), 1);
    let m = snap.lookup(&ident("a2", None, None)).unwrap();
    assert!(m.read && m.starred, "{m:?}");
    // ... and from then on its own content id finds it, URL or not.
    assert_eq!(snap.lookup(&ident("a1", None, None)), Some(m));
}

#[test]
fn marks_tags_and_notes_are_set_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = db_in(&dir);
    let a = ident("a1", None, None);
    let t = at("2026-01-01T00:00:00Z");
    let targets = [(a.clone(), label("A"))];
    db.apply(
        &targets,
        &change(|c| {
            c.read = Some(true);
            c.add_tags = vec!["korea".into(), "Follow up".into()];
        }),
        t,
    )
    .unwrap();
    db.apply(&targets, &change(|c| c.add_tags = vec!["KOREA".into()]), t).unwrap();
    db.set_note(&a, &label("A"), Some("check the date\nagainst Yonhap"), t).unwrap();
    let m = db.snapshot().unwrap().lookup(&a).cloned().unwrap();
    assert_eq!(
        m,
        Marks {
            read: true,
            starred: false,
            tags: vec!["Follow up".into(), "korea".into()],
            note: Some("check the date\nagainst Yonhap".into())
        }
    );
    db.apply(
        &targets,
        &change(|c| {
            c.read = Some(false);
            c.remove_tags = vec!["Korea".into()];
        }),
        t,
    )
    .unwrap();
    db.set_note(&a, &label("A"), Some("  \n"), t).unwrap();
    let m = db.snapshot().unwrap().lookup(&a).cloned().unwrap();
    assert_eq!(m, Marks { read: false, starred: false, tags: vec!["Follow up".into()], note: None });
    let e = db.entry(&a).unwrap().unwrap();
    assert_eq!(e.read_at.as_deref(), Some("2026-01-01T00:00:00.000Z"));
    assert_eq!(e.note_at.as_deref(), Some("2026-01-01T00:00:00.000Z"), "a deletion has a time, for merges");
}

#[test]
fn state_filters_combine() {
    let m = Marks { read: false, starred: true, tags: vec!["Korea".into(), "nk".into()], note: None };
    let f = |f: StateFilter| f.passes(Some(&m));
    assert!(f(StateFilter::default()));
    assert!(f(StateFilter { unread: true, starred: true, ..StateFilter::default() }));
    assert!(f(StateFilter { tags: vec!["korea".into(), "NK".into()], ..StateFilter::default() }));
    assert!(!f(StateFilter { tags: vec!["korea".into(), "russia".into()], ..StateFilter::default() }));
    assert!(!f(StateFilter { has_note: true, ..StateFilter::default() }));
    let no_state = StateFilter { unread: true, ..StateFilter::default() };
    assert!(no_state.passes(None), "an article with no state is unread");
    assert!(!StateFilter { starred: true, ..StateFilter::default() }.passes(None));
}

#[test]
fn tags_must_be_printable() {
    assert_eq!(check_tag("  follow up "), Ok("follow up".into()));
    assert!(check_tag(" ").is_err());
    assert!(check_tag("a\tb").is_err());
}

#[test]
fn times_are_fixed_width_utc() {
    assert_eq!(stamp(at("2026-12-02T14:17:25.5+01:00")), "2026-12-02T13:17:25.500Z");
}

/// A database at each earlier schema version, made by running the first migrations by hand.
#[test]
fn every_earlier_version_migrates_to_the_latest() {
    for v in 0..schema::LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for m in schema::MIGRATIONS.iter().take(v as usize) {
                conn.execute_batch(m).unwrap();
            }
            if v > 0 {
                conn.pragma_update(None, "application_id", schema::APPLICATION_ID).unwrap();
                conn.pragma_update(None, "user_version", v).unwrap();
            }
        }
        let mut db = StateDb::open(&path).unwrap_or_else(|e| panic!("from version {v}: {e}"));
        let got: i64 = db.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(got, schema::LATEST, "from version {v}");
        db.apply(&[(ident("a1", None, None), label("A"))], &change(|c| c.read = Some(true)), Timestamp::now()).unwrap();
        assert!(db.snapshot().unwrap().lookup(&ident("a1", None, None)).is_some_and(|m| m.read));
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);").unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", schema::LATEST + 1).unwrap();
    }
    let before = read(&path);
    for e in [StateDb::open(&path).unwrap_err(), StateDb::open_existing(&path).unwrap_err()] {
        assert!(matches!(e, StateError::TooNew { found, .. } if found == schema::LATEST + 1), "{e:?}");
        let msg = e.to_string();
        assert!(msg.contains(&path.display().to_string()) && msg.contains("newer newsdesk"), "{msg}");
        assert!(msg.contains("left untouched"), "{msg}");
    }
    assert_eq!(read(&path), before);
    assert!(!dir.path().join(format!("{FILE_NAME}-wal")).exists(), "not switched to WAL");
}

#[test]
fn damaged_or_foreign_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // A real database, truncated in the middle (a disk filled up, a bad copy).
    let (path, mut db) = db_in(&dir);
    let many: Vec<(Identity, Label)> =
        (0..2000).map(|i| (ident(&format!("{i:x}"), None, None), label(&"long title ".repeat(20)))).collect();
    db.apply(&many, &change(|c| c.read = Some(true)), Timestamp::now()).unwrap();
    drop(db);
    let full = read(&path);
    assert!(full.len() > 64 * 1024, "{}", full.len());
    let cases: [(&str, Vec<u8>); 3] = [
        ("truncated", full[..full.len() / 2].to_vec()),
        ("garbage", b"this is not a database at all, just a text file saved under the wrong name\n".repeat(20)),
        ("foreign", {
            let other = dir.path().join("other.sqlite3");
            let conn = rusqlite::Connection::open(&other).unwrap();
            conn.execute_batch("CREATE TABLE feeds (url TEXT);").unwrap();
            drop(conn);
            read(&other)
        }),
    ];
    for (what, bytes) in cases {
        std::fs::write(&path, &bytes).unwrap();
        let results = [
            StateDb::open(&path).and_then(|db| db.snapshot().map(|_| ())),
            StateDb::open_existing(&path).and_then(|db| db.map(|db| db.snapshot().map(|_| ())).transpose().map(|_| ())),
        ];
        for r in results {
            let e = r.expect_err(what);
            assert!(matches!(e, StateError::Damaged { .. }), "{what}: {e:?}");
            assert!(e.to_string().contains(&path.display().to_string()), "{what}: {e}");
        }
        assert_eq!(read(&path), bytes, "{what}: the file was changed");
    }
}

#[test]
fn export_import_round_trip_is_lossless() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = db_in(&dir);
    let a = ident("a1", Some("https://example.com/a"), Some("rt|2019-04-25|a"));
    let b = ident("b2", None, None);
    db.apply(&[(a.clone(), label("A"))], &change(|c| c.read = Some(true)), at("2026-01-01T00:00:00Z")).unwrap();
    db.apply(
        &[(a.clone(), label("A")), (b.clone(), Label::default())],
        &change(|c| {
            c.starred = Some(true);
            c.add_tags = vec!["z".into(), "a b".into()];
        }),
        at("2026-01-02T00:00:00Z"),
    )
    .unwrap();
    db.set_note(&b, &Label::default(), Some("ünïcode \"quotes\"\nand lines"), at("2026-01-03T00:00:00Z")).unwrap();
    let first = db.export().unwrap();
    assert_eq!(first.entries.len(), 2);
    let text = serde_json::to_string_pretty(&first).unwrap();

    let dir2 = tempfile::tempdir().unwrap();
    let (_, mut empty) = db_in(&dir2);
    let parsed: Export = serde_json::from_str(&text).unwrap();
    let stats = empty.import(&parsed, "export.json").unwrap();
    assert_eq!(stats, ImportStats { added: 2, merged: 0 });
    assert_eq!(serde_json::to_string_pretty(&empty.export().unwrap()).unwrap(), text);
    // Importing again changes nothing.
    assert_eq!(empty.import(&parsed, "export.json").unwrap(), ImportStats { added: 0, merged: 2 });
    assert_eq!(serde_json::to_string_pretty(&empty.export().unwrap()).unwrap(), text);
}

#[test]
fn import_keeps_the_later_of_each_mark() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut here) = db_in(&dir);
    let dir2 = tempfile::tempdir().unwrap();
    let (_, mut there) = db_in(&dir2);
    let a = ident("a1", Some("https://example.com/a"), None);
    // Here: read on day 1, starred on day 3. There (the same page re-saved: same URL, new
    // bytes): unread on day 2, unstarred on day 2, a tag and a note.
    here.apply(&[(a.clone(), label("A"))], &change(|c| c.read = Some(true)), at("2026-01-01T00:00:00Z")).unwrap();
    here.apply(&[(a.clone(), label("A"))], &change(|c| c.starred = Some(true)), at("2026-01-03T00:00:00Z")).unwrap();
    let a2 = ident("a2", Some("https://example.com/a/"), None);
    there
        .apply(
            &[(a2.clone(), label("A"))],
            &change(|c| {
                c.read = Some(false);
                c.starred = Some(false);
                c.add_tags = vec!["t".into()];
            }),
            at("2026-01-02T00:00:00Z"),
        )
        .unwrap();
    there.set_note(&a2, &label("A"), Some("n"), at("2026-01-02T00:00:00Z")).unwrap();
    let stats = here.import(&there.export().unwrap(), "there.json").unwrap();
    assert_eq!(stats, ImportStats { added: 0, merged: 1 });
    let snap = here.snapshot().unwrap();
    let m = snap.lookup(&a2).unwrap();
    assert_eq!(m, &Marks { read: false, starred: true, tags: vec!["t".into()], note: Some("n".into()) });
    assert_eq!(snap.lookup(&a), Some(m), "both content ids now find the entry");
}

#[test]
fn bad_imports_name_the_entry_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = db_in(&dir);
    let good = Entry {
        keys: Keys { id: vec!["00000000000000a1".into()], ..Keys::default() },
        title: None,
        outlet: None,
        published: None,
        url: None,
        read: true,
        read_at: Some("2026-01-01T00:00:00.000Z".into()),
        starred: false,
        starred_at: None,
        tags: vec![],
        note: None,
        note_at: None,
        created_at: "2026-01-01T00:00:00.000Z".into(),
        updated_at: "2026-01-01T00:00:00.000Z".into(),
    };
    let doc = |entries: Vec<Entry>| Export { kind: "newsdesk-state".into(), format: EXPORT_FORMAT, entries };
    let mut no_keys = good.clone();
    no_keys.keys = Keys::default();
    let mut bad_time = good.clone();
    bad_time.read_at = Some("yesterday".into());
    let mut bad_id = good.clone();
    bad_id.keys.id = vec!["A1".into()];
    for (entries, want) in [
        (vec![good.clone(), no_keys], "entry 2 has no identity keys"),
        (vec![good.clone(), bad_time], "entry 2: read_at \"yesterday\""),
        (vec![bad_id], "entry 1: id key \"A1\""),
    ] {
        let e = db.import(&doc(entries), "in.json").unwrap_err().to_string();
        assert!(e.starts_with("in.json: ") && e.contains(want), "{e}");
    }
    let mut newer = doc(vec![good]);
    newer.format = EXPORT_FORMAT + 1;
    assert!(db.import(&newer, "in.json").unwrap_err().to_string().contains("newer"));
    assert!(db.snapshot().unwrap().is_empty(), "nothing was written");
}

/// Two connections (as two processes would have) writing 500 marks each, one transaction per
/// mark, at the same time: all 1000 are there.
#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, db) = db_in(&dir);
    drop(db);
    let writer = |w: u32| {
        let path = path.clone();
        std::thread::spawn(move || -> Result<(), StateError> {
            let mut db = StateDb::open(&path)?;
            for i in 0..500u32 {
                let id = ident(&format!("{w}{i:07x}"), None, None);
                db.apply(&[(id, Label::default())], &change(|c| c.starred = Some(true)), Timestamp::now())?;
            }
            Ok(())
        })
    };
    let (a, b) = (writer(1), writer(2));
    a.join().unwrap().unwrap();
    b.join().unwrap().unwrap();
    let db = StateDb::open(&path).unwrap();
    let snap = db.snapshot().unwrap();
    assert_eq!(snap.len(), 1000);
    for w in 1..=2 {
        for i in 0..500u32 {
            assert!(snap.lookup(&ident(&format!("{w}{i:07x}"), None, None)).is_some_and(|m| m.starred));
        }
    }
}

/// A database held by another writer for a second: the write waits for it, then succeeds.
#[test]
fn a_write_waits_for_another_writer() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = db_in(&dir);
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let holder = {
        let path = path.clone();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            locked_tx.send(()).unwrap();
            std::thread::sleep(std::time::Duration::from_secs(1));
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    locked_rx.recv().unwrap();
    db.apply(&[(ident("a1", None, None), Label::default())], &change(|c| c.read = Some(true)), Timestamp::now())
        .unwrap();
    holder.join().unwrap();
    assert!(db.snapshot().unwrap().lookup(&ident("a1", None, None)).is_some_and(|m| m.read));
}

/// Two processes creating the database at the same moment (the first `mark` and the reader's
/// first write, say): both succeed.
#[test]
fn two_connections_creating_the_database_at_once_both_succeed() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let open = |n: u32| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || -> Result<(), StateError> {
                barrier.wait();
                let mut db = StateDb::open(&path)?;
                db.apply(
                    &[(ident(&format!("{n}"), None, None), Label::default())],
                    &change(|c| c.read = Some(true)),
                    Timestamp::now(),
                )
            })
        };
        let (a, b) = (open(1), open(2));
        a.join().unwrap().unwrap();
        b.join().unwrap().unwrap();
        assert_eq!(StateDb::open(&path).unwrap().snapshot().unwrap().len(), 2);
    }
}

/// A bulk mark larger than a batch marks every article, however the batches fall.
#[test]
fn bulk_marks_span_batches() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut db) = db_in(&dir);
    let n = BATCH * 2 + 7;
    let many: Vec<(Identity, Label)> =
        (0..n).map(|i| (ident(&format!("{i:x}"), None, None), Label::default())).collect();
    db.apply(&many, &change(|c| c.add_tags = vec!["bulk".into()]), Timestamp::now()).unwrap();
    let snap = db.snapshot().unwrap();
    assert_eq!(snap.len(), n);
    assert!(many.iter().all(|(id, _)| snap.lookup(id).is_some_and(|m| m.tags == ["bulk"])));
}

#[test]
fn immutable_uris_escape_the_path() {
    assert_eq!(immutable_uri(Path::new("/home/a b/100%?#.db")), "file:/home/a%20b/100%25%3F%23.db?immutable=1");
    assert_eq!(immutable_uri(Path::new("/tmp/ünï")), "file:/tmp/%C3%BCn%C3%AF?immutable=1");
}

/// The read-only folder fallback reads the same marks (tested directly: the test may run as
/// root, whom no folder refuses).
#[test]
fn an_immutable_open_reads_the_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut db) = db_in(&dir);
    db.apply(&[(ident("a1", None, None), Label::default())], &change(|c| c.starred = Some(true)), Timestamp::now())
        .unwrap();
    drop(db);
    let (ro, version) = StateDb::open_read_only(&path, true).unwrap();
    assert_eq!(version, schema::LATEST);
    assert!(ro.snapshot().unwrap().lookup(&ident("a1", None, None)).is_some_and(|m| m.starred));
}
