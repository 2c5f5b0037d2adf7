//! Command-line tests of the state layer: `mark`, `note`, `state export|import|path`, the
//! `--unread/--starred/--tag/--has-note` filters and the JSON fields, state following an
//! article across moves, cache loss and re-saves, two writers at once, and the faults (a
//! damaged, newer, locked or unwritable database).

use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;

use assert_cmd::Command;
use common::Run;
use serde_json::Value;

/// A data folder and a cache of its own for one test: never the user's.
struct Env {
    data: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { data: tempfile::tempdir().unwrap(), cache: tempfile::tempdir().unwrap() }
    }

    fn db(&self) -> PathBuf {
        self.data.path().join("state.sqlite3")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("newsdesk").expect("the newsdesk binary is built");
        cmd.env_remove("COLUMNS")
            .env("NO_COLOR", "1")
            .env("NEWSDESK_CACHE_DIR", self.cache.path())
            .env("NEWSDESK_DATA_DIR", self.data.path())
            .timeout(Duration::from_secs(60));
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd().args(args).output().expect("runs"))
    }

    fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Run::from(self.cmd().args(args).write_stdin(stdin).output().expect("runs"))
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, Some(0), "newsdesk {args:?}:\n{}{}", r.stdout, r.stderr);
        r.stdout
    }

    fn ok_stdin(&self, args: &[&str], stdin: &str) -> String {
        let r = self.run_stdin(args, stdin);
        assert_eq!(r.code, Some(0), "newsdesk {args:?}:\n{}{}", r.stdout, r.stderr);
        r.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
    }

    /// The ids `list ARGS --format json` prints.
    fn ids(&self, args: &[&str]) -> Vec<String> {
        let mut a = vec!["list", "--format", "json"];
        a.extend_from_slice(args);
        self.json(&a).as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_string()).collect()
    }
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// The bundled corpus's ids, newest first (as `list` prints them).
const EURONEWS: &str = "a425d640da546857";
const RT: &str = "16e90dd895ff2571";
const WIC: &str = "1a2d84a";
const KOREA_HERALD: &str = "f98d33777f29418f";

fn short(id: &str) -> &str {
    &id[..7]
}

fn all_ids(env: &Env) -> Vec<String> {
    env.ids(&[])
}

#[test]
fn marks_filter_lists_and_appear_in_json() {
    let env = Env::new();
    let all = all_ids(&env);
    assert_eq!(all.len(), 5);
    env.ok(&["mark", short(EURONEWS), "16e90dd", "--read"]);
    env.ok(&["mark", short(EURONEWS), "--star", "--tag", "korea", "--tag", "follow-up"]);
    env.ok(&["mark", KOREA_HERALD, "--star", "--tag", "Korea"]);
    env.ok_stdin(&["note", WIC], "ask about the date\n");

    let unread = env.ids(&["--unread"]);
    assert_eq!(unread.len(), 3);
    assert!(unread.iter().all(|id| id != EURONEWS && id != RT), "{unread:?}");
    let starred = env.ids(&["--starred"]);
    assert_eq!(starred, [EURONEWS, KOREA_HERALD]);
    assert_eq!(env.ids(&["--tag", "KOREA"]), [EURONEWS, KOREA_HERALD], "tags match case-insensitively");
    assert_eq!(env.ids(&["--tag", "korea", "--tag", "follow-up"]), [EURONEWS], "repeated tags: all of them");
    assert_eq!(env.ids(&["--unread", "--starred"]), [KOREA_HERALD]);
    assert_eq!(env.ids(&["--has-note"]).len(), 1);
    assert!(env.ids(&["--has-note"])[0].starts_with(WIC));
    assert_eq!(env.ids(&["--starred", "--outlet", "euronews"]), [EURONEWS], "with the corpus filters");

    let v = env.json(&["list", "--format", "json"]);
    let by_id = |id: &str| v.as_array().unwrap().iter().find(|a| a["id"].as_str().unwrap().starts_with(id)).unwrap();
    let e = by_id(EURONEWS);
    assert_eq!((&e["read"], &e["starred"], &e["note"]), (&Value::Bool(true), &Value::Bool(true), &Value::Null));
    assert_eq!(e["tags"], serde_json::json!(["follow-up", "korea"]));
    let w = by_id(WIC);
    assert_eq!(
        (&w["read"], &w["starred"], &w["tags"]),
        (&Value::Bool(false), &Value::Bool(false), &serde_json::json!([]))
    );
    assert_eq!(w["note"], "ask about the date");
    let jsonl = env.ok(&["list", "--format", "jsonl", "--starred"]);
    assert_eq!(jsonl.lines().count(), 2);
    assert!(jsonl.lines().all(|l| l.contains("\"starred\":true")), "{jsonl}");

    // The table: N for unread, * for starred, in a column before the id.
    let table = env.ok(&["list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("   ID "), "{table}");
    assert!(lines[1].starts_with(" * a425d64 "), "{table}");
    assert!(lines[2].starts_with("   16e90dd "), "{table}");
    assert!(lines[3].starts_with("N  1a2d84a "), "{table}");
    assert!(lines[5].starts_with("N* f98d337 "), "{table}");

    // Other listing commands filter the same way.
    let outlets = env.json(&["outlets", "--starred", "--format", "json"]);
    let names: Vec<&str> = outlets.as_array().unwrap().iter().map(|o| o["outlet"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "{outlets}");
    assert!(names.contains(&"Euronews") && names.contains(&"The Korea Herald"), "{names:?}");
    let timeline = env.json(&["timeline", "--tag", "follow-up", "--format", "json"]);
    assert_eq!(timeline.to_string().matches(short(EURONEWS)).count(), 1, "{timeline}");

    // Unmarking.
    env.ok(&["mark", EURONEWS, "--unread", "--unstar", "--untag", "KOREA"]);
    let v = env.json(&["show", EURONEWS, "--format", "json"]);
    assert_eq!(
        (&v["read"], &v["starred"], &v["tags"]),
        (&Value::Bool(false), &Value::Bool(false), &serde_json::json!(["follow-up"]))
    );
    assert_eq!(env.ids(&["--starred"]), [KOREA_HERALD]);
}

#[test]
fn show_prints_the_marks_and_note() {
    let env = Env::new();
    env.ok(&["mark", RT, "--read", "--star", "--tag", "rt"]);
    env.ok_stdin(&["note", RT], "two lines\nof note\n");
    let out = env.ok(&["show", RT]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[3..6], ["read · starred · tags: rt", "note │ two lines", "note │ of note"], "{out}");
    let other = env.ok(&["show", KOREA_HERALD]);
    assert!(!other.contains("unread") && !other.contains("note │"), "no marks, no line: {other}");
}

#[test]
fn notes_come_from_stdin_and_empty_input_deletes_them() {
    let env = Env::new();
    assert_eq!(env.ok(&["note", RT, "--print"]), "", "no note yet");
    assert!(!env.db().exists(), "printing creates nothing");
    env.ok_stdin(&["note", RT], "first\n\n  indented second  \n\n");
    assert_eq!(env.ok(&["note", RT, "--print"]), "first\n\n  indented second\n");
    env.ok_stdin(&["note", RT], "replaced");
    assert_eq!(env.ok(&["note", RT, "--print"]), "replaced\n");
    env.ok_stdin(&["note", RT], "  \n");
    assert_eq!(env.ok(&["note", RT, "--print"]), "");
    assert!(env.ids(&["--has-note"]).is_empty());
    let r = env.run_stdin(&["note", "zz"], "x");
    assert_eq!(r.code, Some(2), "{r:?}");
}

#[test]
fn mark_takes_ids_from_stdin_and_paths_after_them() {
    let env = Env::new();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let tsv = env.ok(&["list", arg(&dir), "--outlet", "rt", "--outlet", "euronews", "--format", "tsv"]);
    env.ok_stdin(&["mark", "-", arg(&dir), "--read"], &tsv);
    let unread = env.ids(&["--unread", arg(&dir)]);
    assert_eq!(unread.len(), 3);
    assert!(!unread.contains(&RT.to_string()) && !unread.contains(&EURONEWS.to_string()));
    // The same articles through the bundled corpus: state is not tied to a path.
    assert_eq!(env.ids(&["--unread"]), unread);
}

#[test]
fn a_bad_id_writes_nothing() {
    let env = Env::new();
    let r = env.run(&["mark", RT, "0000000", "--read"]);
    assert_eq!(r.code, Some(2), "{r:?}");
    assert!(r.stderr.contains("0000000"), "{}", r.stderr);
    let r = env.run_stdin(&["mark", "-", "--read"], &format!("{RT}\nnot-an-id\n"));
    assert_eq!(r.code, Some(2), "{r:?}");
    assert!(r.stderr.contains("stdin line 2"), "{}", r.stderr);
    assert!(env.ids(&["--unread"]).len() == 5 && !env.db().exists(), "nothing written");
}

#[test]
fn a_hex_argument_that_names_a_folder_is_ambiguous() {
    let env = Env::new();
    let cwd = tempfile::tempdir().unwrap();
    std::fs::create_dir(cwd.path().join("2019")).unwrap();
    let r = Run::from(env.cmd().current_dir(cwd.path()).args(["mark", RT, "2019", "--read"]).output().unwrap());
    assert_eq!(r.code, Some(2), "{r:?}");
    assert!(r.stderr.contains("./2019"), "{}", r.stderr);
}

fn article(title: &str, url: Option<&str>, body: &str) -> Vec<u8> {
    let mut v = serde_json::json!({"title": title, "outlet": "NK News", "published": "2019-04-26", "body": body});
    if let Some(u) = url {
        v["url"] = u.into();
    }
    serde_json::to_vec(&v).unwrap()
}

/// The state follows the article: the corpus folder renamed, the cache deleted, and both pages
/// saved again with new bytes (one keeps its URL, the other has none but the same outlet,
/// title and day).
#[test]
fn state_survives_moves_cache_loss_and_resaves() {
    let env = Env::new();
    let root = tempfile::tempdir().unwrap();
    let old = root.path().join("news");
    std::fs::create_dir(&old).unwrap();
    std::fs::write(old.join("a.json"), article("Summit opens", Some("https://www.nknews.org/2019/04/a"), "v1"))
        .unwrap();
    std::fs::write(old.join("b.json"), article("Talks end early", None, "v1")).unwrap();
    std::fs::write(old.join("c.json"), article("Unrelated story", None, "v1")).unwrap();
    let ids = env.ids(&["--oldest-first", arg(&old)]);
    assert_eq!(ids.len(), 3);
    let titles = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list", "--format", "json"];
        a.extend_from_slice(args);
        let mut t: Vec<String> =
            env.json(&a).as_array().unwrap().iter().map(|x| x["title"].as_str().unwrap().to_string()).collect();
        t.sort();
        t
    };
    assert_eq!(titles(&[arg(&old)]), ["Summit opens", "Talks end early", "Unrelated story"]);
    let v = env.json(&["list", "--format", "json", arg(&old)]);
    let id_of =
        |t: &str| v.as_array().unwrap().iter().find(|x| x["title"] == t).unwrap()["id"].as_str().unwrap().to_string();
    env.ok(&["mark", &id_of("Summit opens"), &id_of("Talks end early"), arg(&old), "--star", "--tag", "nk"]);

    let new = root.path().join("archive-2019");
    std::fs::rename(&old, &new).unwrap();
    assert_eq!(titles(&["--starred", arg(&new)]), ["Summit opens", "Talks end early"], "after the move");
    std::fs::remove_dir_all(env.cache.path()).unwrap();
    assert_eq!(titles(&["--starred", arg(&new)]), ["Summit opens", "Talks end early"], "without the cache");
    std::fs::write(
        new.join("a.json"),
        article("Summit opens", Some("http://nknews.org/2019/04/a/?utm_source=x"), "v2"),
    )
    .unwrap();
    std::fs::write(new.join("b.json"), article("Talks End Early", None, "v2, longer body")).unwrap();
    let resaved = env.json(&["list", "--format", "json", arg(&new)]);
    assert!(
        resaved
            .as_array()
            .unwrap()
            .iter()
            .all(|x| !ids.contains(&x["id"].as_str().unwrap().to_string()) || x["title"] == "Unrelated story")
    );
    assert_eq!(titles(&["--starred", arg(&new)]), ["Summit opens", "Talks End Early"], "after re-saving");
    assert_eq!(titles(&["--tag", "nk", arg(&new)]), ["Summit opens", "Talks End Early"]);
}

#[test]
fn export_then_import_into_an_empty_database_round_trips() {
    let env = Env::new();
    env.ok(&["mark", EURONEWS, RT, "--read", "--tag", "x"]);
    env.ok(&["mark", KOREA_HERALD, "--star"]);
    env.ok_stdin(&["note", RT], "a note with \"quotes\" and ünïcode\n");
    let first = env.ok(&["state", "export"]);
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["kind"], "newsdesk-state");
    assert_eq!(doc["entries"].as_array().unwrap().len(), 3);

    let other = Env::new();
    let file = other.cache.path().join("export.json");
    std::fs::write(&file, &first).unwrap();
    let r = other.run(&["state", "import", arg(&file)]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(r.stderr.contains("3 new, 0 merged"), "{}", r.stderr);
    assert_eq!(other.ok(&["state", "export"]), first);
    // From stdin, into a third: the same.
    let third = Env::new();
    third.ok_stdin(&["state", "import", "-"], &first);
    assert_eq!(third.ok(&["state", "export"]), first);
    assert_eq!(third.ids(&["--starred"]), [KOREA_HERALD]);
}

#[test]
fn an_empty_state_exports_as_an_empty_list_without_creating_a_database() {
    let env = Env::new();
    let v = env.json(&["state", "export"]);
    assert_eq!(v, serde_json::json!({"kind": "newsdesk-state", "format": 1, "entries": []}));
    assert!(!env.db().exists());
    assert_eq!(env.ok(&["state", "path"]).trim_end(), arg(&env.db()));
}

#[test]
fn a_bad_import_names_the_file_and_imports_nothing() {
    let env = Env::new();
    let file = env.cache.path().join("broken.json");
    std::fs::write(&file, "{\"kind\": \"newsdesk-state\",\n \"format\": 1,\n \"entries\": [ {\"keys\": 3} ]}").unwrap();
    let r = env.run(&["state", "import", arg(&file)]);
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("broken.json") && r.stderr.contains("line 3"), "{}", r.stderr);
    assert!(!env.db().exists());
}

/// Two processes marking 500 articles each at the same moment: both succeed, all 1000 marks are
/// there.
#[test]
fn two_processes_marking_at_once_lose_nothing() {
    let env = Env::new();
    let corpus = tempfile::tempdir().unwrap();
    let made = env.run(&["gen-corpus", arg(corpus.path()), "--count", "1000", "--seed", "9"]);
    assert_eq!(made.code, Some(0), "{made:?}");
    let ids = env.ids(&[arg(corpus.path())]);
    assert_eq!(ids.len(), 1000);
    let spawn = |half: &[String], tag: &str| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdesk"));
        cmd.args(["mark", "-", arg(corpus.path()), "--star", "--tag", tag])
            .env("NEWSDESK_CACHE_DIR", env.cache.path())
            .env("NEWSDESK_DATA_DIR", env.data.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let input = half.join("\n");
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
        child
    };
    let (first, second) = ids.split_at(500);
    let started = std::time::Instant::now();
    let a = spawn(first, "first");
    let b = spawn(second, "second");
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        let took = started.elapsed();
        assert!(out.status.success(), "after {took:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(env.ids(&["--starred", arg(corpus.path())]).len(), 1000);
    assert_eq!(env.ids(&["--tag", "first", arg(corpus.path())]).len(), 500);
    assert_eq!(env.ids(&["--tag", "second", arg(corpus.path())]).len(), 500);
}

/// Holds the database's write lock from this process for `secs` seconds.
fn hold_write_lock(db: &Path, secs: u64) -> std::thread::JoinHandle<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    let db = db.to_path_buf();
    let h = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        tx.send(()).unwrap();
        std::thread::sleep(Duration::from_secs(secs));
        conn.execute_batch("COMMIT").unwrap();
    });
    rx.recv().unwrap();
    h
}

#[test]
fn a_write_waits_for_a_lock_and_gives_up_with_a_clear_message() {
    let env = Env::new();
    env.ok(&["mark", RT, "--read"]);
    // Held for a second: the mark waits, then is written.
    let h = hold_write_lock(&env.db(), 1);
    env.ok(&["mark", EURONEWS, "--read"]);
    h.join().unwrap();
    // Held longer than the busy timeout: a clear failure, nothing lost, and reads still work.
    let h = hold_write_lock(&env.db(), 8);
    let r = env.run(&["mark", KOREA_HERALD, "--read"]);
    let listed = env.ids(&["--unread"]);
    h.join().unwrap();
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("busy") && r.stderr.contains(arg(&env.db())), "{}", r.stderr);
    assert_eq!(listed.len(), 3, "reading while another process writes");
    assert_eq!(env.ids(&["--unread"]).len(), 3);
}

fn assert_refused(env: &Env, what: &str, expect_in_message: &str) {
    let before = std::fs::read(env.db()).unwrap();
    // Listing still works, without marks, with a warning naming the file.
    let r = env.run(&["list", "--format", "json"]);
    assert_eq!(r.code, Some(0), "{what}: {r:?}");
    assert!(r.stderr.contains("warning") && r.stderr.contains(arg(&env.db())), "{what}: {}", r.stderr);
    assert!(r.stderr.contains(expect_in_message), "{what}: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);
    assert_eq!(v[0]["read"], Value::Null, "{what}: unknown, not false");
    let table = env.ok(&["list"]);
    assert!(table.starts_with("ID "), "{what}: no marks column when marks are unknown: {table}");
    let r = env.run(&["show", RT, "--format", "json"]);
    assert_eq!(r.code, Some(0), "{what}: {r:?}");
    assert!(r.stderr.contains(arg(&env.db())), "{what}: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((&v["title"].is_string(), &v["read"]), (&true, &Value::Null), "{what}");
    // Filtering on state, or writing it, fails naming the file.
    for args in [&["list", "--unread"][..], &["mark", RT, "--read"][..], &["state", "export"][..]] {
        let r = env.run(args);
        assert_eq!(r.code, Some(1), "{what} {args:?}: {r:?}");
        assert!(
            r.stderr.contains(arg(&env.db())) && r.stderr.contains(expect_in_message),
            "{what} {args:?}: {}",
            r.stderr
        );
    }
    let r = env.run_stdin(&["note", RT], "x");
    assert_eq!(r.code, Some(1), "{what}: {r:?}");
    assert_eq!(std::fs::read(env.db()).unwrap(), before, "{what}: the database file was changed");
}

#[test]
fn a_database_from_a_newer_newsdesk_is_refused_and_left_alone() {
    let env = Env::new();
    env.ok(&["mark", RT, "--read"]);
    {
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    assert_refused(&env, "newer", "newer newsdesk");
}

#[test]
fn a_damaged_database_is_refused_and_left_alone() {
    let env = Env::new();
    std::fs::write(env.db(), "SQLite format 3\0 but then nothing sensible at all, a truncated copy".repeat(30))
        .unwrap();
    assert_refused(&env, "damaged", "damaged");
}

#[test]
fn an_unwritable_data_folder_is_a_clear_error_and_reads_still_work() {
    let env = Env::new();
    // A data folder that cannot be created (its parent is a file) fails for every user, root
    // included.
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let data = file.join("newsdesk");
    let r = Run::from(env.cmd().env("NEWSDESK_DATA_DIR", &data).args(["mark", RT, "--read"]).output().unwrap());
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("cannot create the state folder") && r.stderr.contains(arg(&data)), "{}", r.stderr);
    let r = Run::from(env.cmd().env("NEWSDESK_DATA_DIR", &data).args(["list", "--unread"]).output().unwrap());
    assert_eq!((r.code, r.stdout.lines().count()), (Some(0), 6), "no database: all unread: {r:?}");

    // A read-only folder holding a database: reads work, writes fail naming the file.
    env.ok(&["mark", RT, "--read"]);
    let mut perms = std::fs::metadata(env.data.path()).unwrap().permissions();
    use std::os::unix::fs::PermissionsExt;
    perms.set_mode(0o555);
    std::fs::set_permissions(env.data.path(), perms.clone()).unwrap();
    let mut db_perms = std::fs::metadata(env.db()).unwrap().permissions();
    db_perms.set_mode(0o444);
    std::fs::set_permissions(env.db(), db_perms.clone()).unwrap();
    let root = std::fs::write(env.data.path().join("probe"), "").is_ok();
    let listed = env.ids(&["--unread"]);
    let r = env.run(&["mark", EURONEWS, "--read"]);
    perms.set_mode(0o755);
    std::fs::set_permissions(env.data.path(), perms).unwrap();
    db_perms.set_mode(0o644);
    std::fs::set_permissions(env.db(), db_perms).unwrap();
    assert_eq!(listed.len(), 4, "read from a read-only folder");
    if !root {
        assert_eq!(r.code, Some(1), "{r:?}");
        assert!(r.stderr.contains(arg(&env.db())) && r.stderr.contains("read-only"), "{}", r.stderr);
    }
}

/// Runs `newsdesk ARGS` with stdin, stdout and stderr on a terminal (a pseudo-terminal), as a
/// person at a shell does; returns its exit status and what it printed.
fn run_in_terminal(env: &Env, args: &[&str], vars: &[(&str, &Path)]) -> (bool, String) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("opening a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.args(args);
    cmd.env("NEWSDESK_CACHE_DIR", env.cache.path());
    cmd.env("NEWSDESK_DATA_DIR", env.data.path());
    cmd.env_remove("VISUAL");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("starting newsdesk in the pty");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let drain = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = std::io::Read::read_to_end(&mut reader, &mut out);
        String::from_utf8_lossy(&out).into_owned()
    });
    let status = child.wait().expect("waiting for newsdesk");
    drop(pair.master);
    (status.success(), drain.join().unwrap_or_default())
}

/// At a terminal, `note` opens $EDITOR on the current note (an editor that replaces the file,
/// as many do); an editor that fails changes nothing.
#[test]
fn at_a_terminal_note_opens_the_editor() {
    let env = Env::new();
    env.ok_stdin(&["note", RT], "first line\n");
    let editor = env.cache.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\n{ cat \"$1\"; echo 'added in the editor'; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n",
    )
    .unwrap();
    let failing = env.cache.path().join("failing-editor.sh");
    std::fs::write(&failing, "#!/bin/sh\necho 'half-typed' > \"$1\"\nexit 3\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    for f in [&editor, &failing] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let (ok, out) = run_in_terminal(&env, &["note", RT], &[("EDITOR", &editor)]);
    assert!(ok, "{out}");
    assert_eq!(env.ok(&["note", RT, "--print"]), "first line\nadded in the editor\n");
    let (ok, out) = run_in_terminal(&env, &["note", RT], &[("EDITOR", &failing)]);
    assert!(!ok && out.contains("exited with"), "{out}");
    assert_eq!(env.ok(&["note", RT, "--print"]), "first line\nadded in the editor\n");
}

/// `kill -9` in the middle of marking 1000 articles (one transaction): the database opens
/// afterwards, and holds all of that write or none of it.
#[test]
fn a_write_killed_midway_is_all_or_nothing() {
    let env = Env::new();
    let corpus = tempfile::tempdir().unwrap();
    let made = env.run(&["gen-corpus", arg(corpus.path()), "--count", "1000", "--seed", "3"]);
    assert_eq!(made.code, Some(0), "{made:?}");
    let ids = env.ids(&[arg(corpus.path())]);
    env.ok(&["mark", &ids[0], arg(corpus.path()), "--tag", "before"]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdesk"))
        .args(["mark", "-", arg(corpus.path()), "--star"])
        .env("NEWSDESK_CACHE_DIR", env.cache.path())
        .env("NEWSDESK_DATA_DIR", env.data.path())
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, ids.join("\n").as_bytes()).unwrap();
    drop(stdin);
    // Somewhere in loading the corpus, resolving ids, or writing: any moment must be safe.
    std::thread::sleep(Duration::from_millis(150));
    child.kill().unwrap();
    let _ = child.wait();
    let starred = env.ids(&["--starred", arg(corpus.path())]).len();
    assert!(starred == 0 || starred == 1000, "{starred} of 1000: a partial write");
    assert_eq!(env.ids(&["--tag", "before", arg(corpus.path())]), [ids[0].clone()], "earlier writes are kept");
    env.ok(&["mark", &ids[1], arg(corpus.path()), "--read"]);
}

/// The state never goes into the corpus being read, nor into the cache folder.
#[test]
fn a_data_folder_inside_the_corpus_or_the_cache_is_refused() {
    let env = Env::new();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("a.json"), article("Summit opens", None, "v1")).unwrap();
    let id = env.ids(&[arg(corpus.path())]).remove(0);
    let inside = corpus.path().join("sub").join("state");
    let r = Run::from(
        env.cmd().env("NEWSDESK_DATA_DIR", &inside).args(["mark", &id, arg(corpus.path()), "--read"]).output().unwrap(),
    );
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("inside the corpus folder"), "{}", r.stderr);
    let r = Run::from(
        env.cmd()
            .env("NEWSDESK_DATA_DIR", &inside)
            .args(["note", &id, arg(corpus.path())])
            .write_stdin("n")
            .output()
            .unwrap(),
    );
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(!corpus.path().join("sub").exists(), "nothing written into the corpus");

    let in_cache = env.cache.path().join("state");
    let r = Run::from(env.cmd().env("NEWSDESK_DATA_DIR", &in_cache).args(["mark", RT, "--read"]).output().unwrap());
    assert_eq!(r.code, Some(1), "{r:?}");
    assert!(r.stderr.contains("inside the cache folder"), "{}", r.stderr);
    assert!(!in_cache.exists());
}
