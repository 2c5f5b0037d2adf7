//! Command-line integration tests: the `newsdesk` binary run as a user runs it, on the bundled
//! corpus and on corpora generated in temporary folders. Each module covers one subcommand or
//! one concern: table and JSON output, filters, usage errors, `show`, `outlets`, `timeline`,
//! `check`, a corpus of broken files, other input formats, closed pipes, and help/version.
//!

use std::path::Path;
use std::time::Duration;

mod common;

use assert_cmd::Command;
use common::Run;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The binary, with a clean environment for output: no `COLUMNS` (so tables are not truncated
/// unless a test sets it), no colour, and a time limit so a hang fails instead of blocking.
fn newsdesk() -> Command {
    let mut cmd = Command::cargo_bin("newsdesk").expect("the newsdesk binary is built");
    cmd.env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("NEWSDESK_CACHE_DIR", cache_dir())
        // No state database: tables as before, and never the user's own marks.
        .env("NEWSDESK_DATA_DIR", cache_dir().join("no-state"))
        .timeout(Duration::from_secs(60));
    cmd
}

/// The corpus cache for this test run: never the user's own.
fn cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temp dir for the cache")).path()
}

/// Runs a prepared command.
fn run_cmd(cmd: &mut Command) -> Run {
    Run::from(cmd.output().expect("the binary runs"))
}

/// Runs `newsdesk ARGS`.
fn run(args: &[&str]) -> Run {
    run_cmd(newsdesk().args(args))
}

/// Runs `newsdesk ARGS`, expects exit status 0, and returns stdout.
fn ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, Some(0), "newsdesk {args:?} failed:\nstdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    r.stdout
}

/// Runs `newsdesk ARGS` (which should print JSON), expects success, and parses stdout.
fn json(args: &[&str]) -> Value {
    let out = ok(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("newsdesk {args:?} printed invalid JSON ({e}):\n{out}"))
}

/// Runs `newsdesk ARGS`, expects a usage error (exit status 2, nothing on stdout), returns stderr.
fn usage_error(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, Some(2), "newsdesk {args:?} should be a usage error:\n{r:?}");
    assert!(r.stdout.is_empty(), "a usage error prints nothing on stdout: {:?}", r.stdout);
    r.stderr
}

/// The data rows of a table (everything after the header line).
fn rows(table: &str) -> Vec<&str> {
    table.lines().skip(1).collect()
}

/// The first column of each data row: the short ids.
fn ids(table: &str) -> Vec<&str> {
    rows(table).iter().map(|r| r.split_whitespace().next().unwrap_or("")).collect()
}

/// `p` as a `&str` argument.
fn arg(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// The ids of a JSON array of articles, or of a JSON Lines output.
fn json_ids(v: &Value) -> Vec<String> {
    v.as_array().expect("an array").iter().map(|a| a["id"].as_str().expect("id is a string").to_string()).collect()
}

/// One seed article of the bundled corpus, as /work/shared/seeds/README.md establishes it.
struct Seed {
    file: &'static str,
    id: &'static str,
    title: &'static str,
    outlet: &'static str,
    agency: Option<&'static str>,
    /// Acceptable values (seed 002's text supports two readings).
    published: &'static [&'static str],
    authors: &'static [&'static str],
    /// Checked only where the seed table gives one.
    url: Option<&'static str>,
}

const SEEDS: [Seed; 5] = [
    Seed {
        file: "000_0595658c55417145.txt",
        id: "f98d33777f29418f",
        title: "N. Korean leader will visit Russia this week: reports",
        outlet: "The Korea Herald",
        agency: None,
        published: &["2011-06-28T20:32"],
        authors: &["Shin Hae-in"],
        url: None,
    },
    Seed {
        file: "001_f3496015afe3183b.txt",
        id: "197313b8d74881af",
        title: "North Korea, Russia Abandon Plans for Kim Meeting",
        outlet: "The Moscow Times",
        agency: None,
        published: &["2011-06-29"],
        authors: &[],
        url: Some("https://www.themoscowtimes.com/2011/06/29/north-korea-russia-abandon-plans-for-kim-meeting-a79"),
    },
    Seed {
        file: "002_600930966775bc34.txt",
        id: "a425d640da546857",
        title: "North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin",
        outlet: "Euronews",
        agency: Some("Reuters"),
        published: &["2019-04-23", "2019-04-24"],
        authors: &["Vladimir Soldatkin", "Maria Vasilyeva"],
        url: None,
    },
    Seed {
        file: "003_38a6156a7a003cab.txt",
        id: "1a2d84ad62d80907",
        title: "North Korea’s Kim may visit Russia to meet Putin",
        outlet: "WIC News",
        agency: None,
        published: &["2019-03-25"],
        authors: &[],
        url: Some("https://wicnews.com/world/north-koreas-kim-may-visit-russia-meet-putin-361017795"),
    },
    Seed {
        file: "004_137e2a66756e9f36.txt",
        id: "16e90dd895ff2571",
        title: "Kim Jong-un will visit Russia & meet Putin 'soon' – North Korean state media",
        outlet: "RT",
        agency: None,
        published: &["2019-04-22T21:44"],
        authors: &[],
        url: None,
    },
];

/// Seed indexes, newest first: 002 (2019-04-23), 004, 003, 001, 000 (2011-06-28 20:32).
const NEWEST_FIRST: [usize; 5] = [2, 4, 3, 1, 0];

/// The 7-character id prefix of seed `n`, as tables show it.
fn short(n: usize) -> &'static str {
    &SEEDS[n].id[..7]
}

/// Short ids of the given seeds.
fn shorts(seeds: &[usize]) -> Vec<&'static str> {
    seeds.iter().map(|&n| short(n)).collect()
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
fn is_iso_date(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let date_ok = |d: &str| {
        let parts: Vec<&str> = d.split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() == 2
            && parts[2].len() == 2
            && parts.iter().all(|p| digits(p))
    };
    match s.split_once('T') {
        None => date_ok(s),
        Some((d, t)) => date_ok(d) && t.len() == 5 && t.as_bytes()[2] == b':' && digits(&t[..2]) && digits(&t[3..]),
    }
}

/// Checks one article object of `list --format json` against the interface: exactly these keys,
/// with these types.
fn assert_article_shape(a: &Value) {
    let obj = a.as_object().unwrap_or_else(|| panic!("not an object: {a}"));
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "agency",
            "authors",
            "id",
            "note",
            "outlet",
            "path",
            "published",
            "published_offset",
            "read",
            "starred",
            "tags",
            "title",
            "url",
            "words"
        ],
        "{a}"
    );
    // No state database in these tests: every article is unread, unstarred, untagged.
    assert_eq!(
        (&a["read"], &a["starred"], &a["tags"], &a["note"]),
        (&Value::Bool(false), &Value::Bool(false), &Value::Array(vec![]), &Value::Null),
        "{a}"
    );
    let id = a["id"].as_str().expect("id is a string");
    assert!(id.len() == 16 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "id {id:?}");
    assert!(a["path"].is_string(), "{a}");
    assert!(a["title"].as_str().is_some_and(|t| !t.is_empty()), "{a}");
    for key in ["outlet", "agency", "url"] {
        assert!(a[key].is_string() || a[key].is_null(), "{key} should be a string or null: {a}");
    }
    match &a["published"] {
        Value::Null => {}
        Value::String(s) => assert!(is_iso_date(s), "published {s:?} is not YYYY-MM-DD[THH:MM]"),
        other => panic!("published should be a string or null, not {other}"),
    }
    let authors = a["authors"].as_array().expect("authors is an array");
    assert!(authors.iter().all(Value::is_string), "{a}");
    assert!(a["words"].is_u64(), "words is a count: {a}");
}

/// Checks the JSON of seed `n` field by field; `metadata` says whether newsdesk.toml was read.
fn assert_seed(a: &Value, n: usize, metadata: bool) {
    let s = &SEEDS[n];
    assert_eq!(a["id"], s.id, "{a}");
    assert_eq!(a["path"], format!("corpus/{}", s.file));
    assert_eq!(a["title"], s.title);
    if n == 3 && !metadata {
        assert_eq!(a["outlet"], Value::Null, "003 names no outlet in its text: {a}");
        assert_eq!(a["url"], Value::Null, "003's URL comes from newsdesk.toml only: {a}");
    } else {
        assert_eq!(a["outlet"], s.outlet, "{a}");
    }
    assert_eq!(a["agency"].as_str(), s.agency, "{a}");
    let published = a["published"].as_str().unwrap_or_else(|| panic!("seed {n} is dated: {a}"));
    assert!(s.published.contains(&published), "seed {n} published {published:?}, expected one of {:?}", s.published);
    let authors: Vec<&str> = a["authors"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert_eq!(authors, s.authors, "authors of seed {n}");
    if let Some(url) = s.url
        && (metadata || n != 3)
    {
        assert_eq!(a["url"], url, "url of seed {n}");
    }
    assert!(a["words"].as_u64().unwrap() > 100, "seed {n} has a full body: {a}");
}

/// A folder with files written from `(relative path, bytes)` pairs.
fn corpus_of(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    dir
}

/// The bundled corpus's folder on disk (the same five files and newsdesk.toml).
fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

mod list_table {
    //! `newsdesk list` as a table: header, order, and title truncation to the terminal width.

    use super::*;

    #[test]
    fn bundled_corpus_is_five_rows_newest_first() {
        let out = ok(&["list"]);
        let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(header, ["ID", "DATE", "OUTLET", "TITLE"]);
        assert_eq!(ids(&out), shorts(&NEWEST_FIRST), "\n{out}");
        let rows = rows(&out);
        assert!(rows[0].contains("2019-04-23") || rows[0].contains("2019-04-24"), "{}", rows[0]);
        assert!(rows[4].contains("2011-06-28 20:32"), "the oldest has its time: {}", rows[4]);
        for (row, &n) in rows.iter().zip(&NEWEST_FIRST) {
            assert!(row.contains(SEEDS[n].outlet), "outlet of seed {n} in {row:?}");
            assert!(row.ends_with(SEEDS[n].title), "untruncated title of seed {n} in {row:?}");
        }
    }

    #[test]
    fn the_bundled_corpus_does_not_depend_on_the_working_directory() {
        let empty = tempfile::tempdir().unwrap();
        let r = run_cmd(newsdesk().current_dir(empty.path()).args(["list", "--format", "tsv"]));
        assert_eq!(r.code, Some(0), "{r:?}");
        assert_eq!(ids(&r.stdout), shorts(&NEWEST_FIRST));
    }

    #[test]
    fn oldest_first_reverses_the_order() {
        let out = ok(&["list", "--oldest-first"]);
        let mut expected = shorts(&NEWEST_FIRST);
        expected.reverse();
        assert_eq!(ids(&out), expected, "\n{out}");
        assert!(rows(&out)[0].contains("2011-06-28 20:32"));
    }

    #[test]
    fn titles_are_truncated_to_columns() {
        let out = run_cmd(newsdesk().env("COLUMNS", "60").arg("list"));
        assert_eq!(out.code, Some(0));
        for line in out.stdout.lines() {
            assert!(line.width() <= 60, "{} columns: {line:?}", line.width());
        }
        assert!(out.stdout.contains('…'), "long titles end in an ellipsis:\n{}", out.stdout);
        assert_eq!(ids(&out.stdout), shorts(&NEWEST_FIRST), "truncation keeps every row");
        let full_width = ok(&["list"]);
        assert!(
            full_width.lines().any(|l| l.width() > 60),
            "the test needs a corpus with lines wider than 60 to mean anything"
        );
    }

    #[test]
    fn without_columns_a_pipe_gets_whole_titles() {
        let out = ok(&["list"]);
        assert!(!out.contains('…'), "no truncation in a pipe without COLUMNS:\n{out}");
        for s in &SEEDS {
            assert!(out.contains(s.title), "{}", s.title);
        }
    }

    #[test]
    fn wide_characters_are_truncated_by_display_width() {
        let title = "김정은 위원장, 블라디보스토크 도착해 푸틴 대통령과 첫 정상회담 예정이라고 조선중앙통신이 보도했다";
        let file =
            format!("+++\ntitle = \"{title}\"\noutlet = \"Yonhap\"\npublished = \"2019-04-24\"\n+++\n본문입니다.\n");
        let dir = corpus_of(&[("k.md", file.as_bytes())]);
        for columns in ["50", "51", "80"] {
            let r = run_cmd(newsdesk().env("COLUMNS", columns).args(["list", "-q", arg(dir.path())]));
            assert_eq!(r.code, Some(0), "{r:?}");
            let limit: usize = columns.parse().unwrap();
            let row = rows(&r.stdout)[0];
            assert!(row.width() <= limit, "COLUMNS={columns}: {} columns: {row:?}", row.width());
            assert!(row.ends_with('…'), "{row:?}");
            assert!(row.width() >= limit - 1, "a wide character may leave one column, no more: {row:?}");
        }
    }

    #[test]
    fn control_characters_in_titles_do_not_reach_the_terminal() {
        let jsonl = "{\"title\":\"Evil \\u001b[31mred\\u001b[0m title\\u0007\",\"published\":\"2019-01-01\",\
                     \"body\":\"x \\u001b]0;pwned\\u0007 y\"}\n";
        let dir = corpus_of(&[("esc.jsonl", jsonl.as_bytes())]);
        let list = ok(&["list", "-q", arg(dir.path())]);
        assert!(list.contains("Evil"), "{list}");
        assert!(!list.contains('\u{1b}') && !list.contains('\u{7}'), "raw control bytes in the table: {list:?}");
        let id = ids(&list)[0].to_string();
        let show = ok(&["show", &id, "-q", arg(dir.path())]);
        assert!(!show.contains('\u{1b}') && !show.contains('\u{7}'), "raw control bytes in show: {show:?}");
    }
}

mod json_interface {
    //! `list --format json|jsonl|tsv`: the machine-readable output, a stable interface.

    use super::*;

    #[test]
    fn json_is_an_array_of_articles_with_exactly_the_documented_fields() {
        let v = json(&["list", "--format", "json"]);
        let arr = v.as_array().expect("a JSON array");
        assert_eq!(arr.len(), 5);
        for a in arr {
            assert_article_shape(a);
        }
        let want: Vec<&str> = NEWEST_FIRST.iter().map(|&n| SEEDS[n].id).collect();
        assert_eq!(json_ids(&v), want, "newest first, full 16-hex ids");
        for (a, &n) in arr.iter().zip(&NEWEST_FIRST) {
            assert_seed(a, n, true);
        }
    }

    #[test]
    fn json_keeps_a_page_offset_beside_the_unchanged_local_time() {
        let zoned =
            b"Ministers meet in a made-up capital over trade\n\n2019-04-23T10:15:00+03:00\n\nThe ministers met.";
        let plain = b"Another made-up headline about a harbour\n\nApril 24, 2019 09:00\n\nThe harbour opened.";
        let dir = corpus_of(&[("zoned.txt", zoned), ("plain.txt", plain)]);
        let v = json(&["list", "-q", "--format", "json", arg(dir.path())]);
        let arr = v.as_array().unwrap();
        let of = |t: &str| arr.iter().find(|a| a["title"].as_str().is_some_and(|x| x.starts_with(t))).unwrap();
        assert_eq!(
            (&of("Ministers")["published"], &of("Ministers")["published_offset"]),
            (&serde_json::json!("2019-04-23T10:15"), &serde_json::json!("+03:00"))
        );
        assert_eq!(
            (&of("Another")["published"], &of("Another")["published_offset"]),
            (&serde_json::json!("2019-04-24T09:00"), &Value::Null)
        );
        arr.iter().for_each(assert_article_shape);
    }

    #[test]
    fn json_without_metadata_leaves_seed_003_without_outlet_or_url() {
        let r = run(&["list", "--format", "json", "--no-metadata"]);
        assert_eq!(r.code, Some(0));
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 5);
        for (a, &n) in arr.iter().zip(&NEWEST_FIRST) {
            assert_article_shape(a);
            assert_seed(a, n, false);
        }
        assert!(
            r.stderr.contains("1 warning in the corpus") && r.stderr.contains("newsdesk check"),
            "the missing outlet is summarised on stderr: {:?}",
            r.stderr
        );
    }

    #[test]
    fn quiet_suppresses_the_warning_summary() {
        let r = run(&["list", "--no-metadata", "-q"]);
        assert_eq!(r.code, Some(0));
        assert_eq!(r.stderr, "");
        let r = run(&["list"]);
        assert_eq!(r.stderr, "", "the bundled corpus with its metadata has no warnings");
    }

    #[test]
    fn jsonl_lines_equal_the_json_array_elements() {
        let array = json(&["list", "--format", "json"]);
        let out = ok(&["list", "--format", "jsonl"]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        for (line, element) in lines.iter().zip(array.as_array().unwrap()) {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            assert!(v.is_object());
            assert_eq!(&v, element);
        }
    }

    #[test]
    fn tsv_has_a_header_and_nine_columns_per_row() {
        let out = ok(&["list", "--format", "tsv"]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 6, "{out}");
        assert_eq!(
            lines[0].split('\t').collect::<Vec<_>>(),
            ["id", "published", "outlet", "agency", "title", "authors", "url", "words", "path"]
        );
        for (line, &n) in lines[1..].iter().zip(&NEWEST_FIRST) {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 9, "{line:?}");
            assert_eq!(cells[0], short(n));
            assert!(SEEDS[n].published.contains(&cells[1]), "{line:?}");
            assert_eq!(cells[2], SEEDS[n].outlet);
            assert_eq!(cells[3], SEEDS[n].agency.unwrap_or(""));
            assert_eq!(cells[4], SEEDS[n].title);
            assert_eq!(cells[5], SEEDS[n].authors.join("; "));
            assert!(cells[7].parse::<u32>().is_ok(), "words: {:?}", cells[7]);
            assert_eq!(cells[8], format!("corpus/{}", SEEDS[n].file));
        }
    }

    #[test]
    fn table_ids_are_the_shortest_unique_prefix_of_the_json_ids() {
        let table = ok(&["list"]);
        let full = json_ids(&json(&["list", "--format", "json"]));
        for (short, full) in ids(&table).iter().zip(&full) {
            assert_eq!(short.len(), 7, "seven characters tell the five seeds apart");
            assert!(full.starts_with(short), "{short} is a prefix of {full}");
        }
    }

    #[test]
    fn the_corpus_folder_on_disk_gives_the_same_articles_as_the_bundled_one() {
        let bundled = json(&["list", "--format", "json"]);
        let disk = json(&["list", "--format", "json", arg(&corpus_dir())]);
        let strip = |v: &Value| -> Vec<Value> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    let mut a = a.clone();
                    a.as_object_mut().unwrap().remove("path");
                    a
                })
                .collect()
        };
        assert_eq!(strip(&bundled), strip(&disk));
    }

    #[test]
    fn no_match_is_an_empty_array_and_a_message_in_the_table() {
        assert_eq!(json(&["list", "--search", "xyzzyplugh", "--format", "json"]), Value::Array(vec![]));
        assert_eq!(ok(&["list", "--search", "xyzzyplugh", "--format", "jsonl"]), "");
        assert_eq!(ok(&["list", "--search", "xyzzyplugh", "--format", "tsv"]).lines().count(), 1, "header only");
        assert!(ok(&["list", "--search", "xyzzyplugh"]).contains("no articles match"));
    }
}

mod filters {
    //! `--outlet`, `--date`, `--since`, `--until`, `--search`, and their combination.

    use super::*;

    /// Short ids that `list ARGS` prints, in order.
    fn listed(args: &[&str]) -> Vec<String> {
        let mut all = vec!["list", "--format", "tsv"];
        all.extend_from_slice(args);
        ids(&ok(&all)).into_iter().map(String::from).collect()
    }

    fn want(seeds: &[usize]) -> Vec<String> {
        shorts(seeds).into_iter().map(String::from).collect()
    }

    #[test]
    fn outlet_by_name_alias_or_domain_case_insensitive() {
        for name in ["rt", "RT", "russia today", "rt.com", "Russia Today"] {
            assert_eq!(listed(&["--outlet", name]), want(&[4]), "--outlet {name:?}");
        }
        assert_eq!(listed(&["--outlet", "korea herald"]), want(&[0]), "without the article");
        assert_eq!(listed(&["--outlet", "themoscowtimes.com"]), want(&[1]));
        assert_eq!(listed(&["--outlet", "WIC"]), want(&[3]), "alias from newsdesk.toml");
        assert_eq!(listed(&["--outlet", "wicnews.com"]), want(&[3]), "domain from newsdesk.toml");
    }

    #[test]
    fn two_outlets_are_a_union() {
        assert_eq!(listed(&["--outlet", "rt", "--outlet", "The Korea Herald"]), want(&[4, 0]));
        assert_eq!(listed(&["--outlet", "euronews", "--outlet", "rt"]), want(&[2, 4]));
    }

    #[test]
    fn unknown_outlet_selects_articles_without_one() {
        assert_eq!(listed(&["--outlet", "unknown", "--no-metadata", "-q"]), want(&[3]));
        let table = ok(&["list", "--outlet", "unknown", "--no-metadata", "-q"]);
        assert!(rows(&table)[0].contains("(unknown)"), "{table}");
        assert_eq!(listed(&["--outlet", "unknown"]), Vec::<String>::new(), "with metadata every seed has an outlet");
    }

    #[test]
    fn date_ranges() {
        assert_eq!(listed(&["--date", "2019-04"]), want(&[2, 4]));
        assert_eq!(listed(&["--date", "..2012"]), want(&[1, 0]));
        assert_eq!(listed(&["--since", "2019-04-20", "--until", "2019-04-22"]), want(&[4]));
        assert_eq!(listed(&["--date", "2019-03..2019-04"]), want(&[2, 4, 3]));
        assert_eq!(listed(&["--date", "2019"]), want(&[2, 4, 3]));
        assert_eq!(listed(&["--date", "2011-06-28"]), want(&[0]), "a day includes its timed articles");
        assert_eq!(listed(&["--until", "2011-06-28"]), want(&[0]), "--until is inclusive");
        assert_eq!(listed(&["--date", "2019-04-20.."]), want(&[2, 4]));
        assert_eq!(listed(&["--since", "2019-04", "--date", "2019"]), want(&[2, 4]), "date flags narrow each other");
        assert_eq!(listed(&["--date", "2015"]), Vec::<String>::new());
    }

    #[test]
    fn search_words() {
        assert_eq!(listed(&["--search", "vladivostok"]), want(&NEWEST_FIRST));
        assert_eq!(listed(&["--search", "VLADIVOSTOK"]), want(&NEWEST_FIRST), "case-insensitive");
        assert_eq!(listed(&["--search", "medvedev timakova"]), want(&[1]), "all words must appear");
        assert_eq!(listed(&["--search", "  "]), want(&NEWEST_FIRST), "a blank search is no filter");
    }

    #[test]
    fn filters_combine_with_and() {
        assert_eq!(listed(&["--outlet", "rt", "--date", "2019"]), want(&[4]));
        assert_eq!(listed(&["--outlet", "rt", "--date", "2011"]), Vec::<String>::new());
        assert_eq!(listed(&["--search", "vladivostok", "--date", "..2012", "--outlet", "korea herald"]), want(&[0]));
        assert_eq!(listed(&["--search", "medvedev"]), want(&[2, 4, 1, 0]));
        assert_eq!(listed(&["--search", "medvedev", "--date", "2019"]), want(&[2, 4]));
        assert_eq!(listed(&["--search", "timakova", "--date", "2019"]), Vec::<String>::new());
        assert_eq!(listed(&["--outlet", "rt", "--outlet", "euronews", "--oldest-first"]), want(&[4, 2]));
    }

    #[test]
    fn outlets_and_timeline_take_the_same_filters() {
        let v = json(&["outlets", "--date", "2019-04", "--format", "json"]);
        let names: Vec<&str> = v.as_array().unwrap().iter().map(|o| o["outlet"].as_str().unwrap()).collect();
        assert_eq!(names, ["Euronews", "RT"]);
        let v = json(&["timeline", "--outlet", "rt", "--format", "json"]);
        assert_eq!(v, serde_json::json!([{"month": "2019-04", "articles": [SEEDS[4].id]}]));
    }
}

mod usage_errors {
    //! Mistakes in what the user asked for: exit status 2 and a message that helps.

    use super::*;

    #[test]
    fn unknown_outlet_lists_the_corpus_outlets() {
        let err = usage_error(&["list", "--outlet", "cnn"]);
        assert!(err.contains("cnn"), "{err}");
        assert!(err.contains("Euronews, RT, The Korea Herald, The Moscow Times, WIC News"), "{err}");
        let err = usage_error(&["outlets", "--outlet", "cnn"]);
        assert!(err.contains("Euronews, RT"), "{err}");
        let err = usage_error(&["timeline", "--outlet", "rt", "--outlet", "cnn"]);
        assert!(err.contains("cnn"), "{err}");
    }

    #[test]
    fn malformed_dates_show_the_accepted_forms() {
        for args in [
            ["--date", "2019-4"],
            ["--date", "April 2019"],
            ["--since", "2019-13"],
            ["--until", "2019-02-30"],
            ["--date", "2019-02-29"],
            ["--date", ".."],
        ] {
            let err = usage_error(&["list", args[0], args[1]]);
            assert!(err.contains(args[1]), "the message quotes the input {:?}: {err}", args[1]);
            assert!(err.contains("YYYY-MM-DD") && err.contains("A..B"), "{args:?}: {err}");
        }
        let err = usage_error(&["timeline", "--since", "2019-4"]);
        assert!(err.contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn backwards_ranges_end_before_they_start() {
        let err = usage_error(&["list", "--date", "2020..2019"]);
        assert!(err.contains("2020..2019") && err.contains("ends before it starts"), "{err}");
        let err = usage_error(&["list", "--since", "2020", "--until", "2019"]);
        assert!(err.contains("ends before it starts"), "{err}");
    }

    #[test]
    fn clap_errors_are_usage_errors_too() {
        usage_error(&["list", "--format", "xml"]);
        usage_error(&["list", "--no-such-flag"]);
        usage_error(&["show"]);
        usage_error(&["completions", "tcsh"]);
    }

    #[test]
    fn a_missing_path_is_named_on_stderr_and_fails() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder");
        let r = run(&["list", arg(&missing)]);
        assert_eq!(r.code, Some(1), "a script can tell a missing folder from an empty one: {r:?}");
        assert!(
            r.stderr.contains(&format!("newsdesk: {}: error:", missing.display())),
            "stderr names the path as an error: {:?}",
            r.stderr
        );
        assert!(r.stderr.contains("no such file"), "{:?}", r.stderr);
        let r = run(&["check", arg(&missing)]);
        assert_eq!(r.code, Some(1), "check fails on a missing path: {r:?}");
        assert!(r.stdout.contains(&missing.display().to_string()), "{r:?}");
    }
}

mod show {
    //! `newsdesk show ID`: one article with its evidence, by any unique id prefix.

    use super::*;

    const S003: &str = "1a2d84a";

    #[test]
    fn by_prefix_full_id_or_uppercase() {
        let by_prefix = ok(&["show", S003]);
        assert_eq!(ok(&["show", SEEDS[3].id]), by_prefix);
        assert_eq!(ok(&["show", &S003.to_uppercase()]), by_prefix);
        assert_eq!(ok(&["show", "1a2d"]), by_prefix, "any unique prefix");
        assert_eq!(by_prefix.lines().next(), Some(SEEDS[3].title));
    }

    #[test]
    fn text_has_metadata_body_evidence_and_unused_dates() {
        let out = ok(&["show", S003]);
        assert!(out.contains("WIC News · 2019-03-25"), "{out}");
        assert!(out.contains(SEEDS[3].url.unwrap()), "{out}");
        assert!(
            out.contains(
                "North Korean leader Kim Jong-un may soon visit Russia for a summit with President Vladimir Putin, \
                 according to North Korea watchers."
            ),
            "the first paragraph:\n{out}"
        );
        let evidence = out.split_once("\nEvidence\n").map(|(_, e)| e).unwrap_or_else(|| panic!("no Evidence:\n{out}"));
        let line_of = |field: &str| {
            evidence
                .lines()
                .find(|l| l.trim_start().starts_with(field))
                .unwrap_or_else(|| panic!("no {field} evidence:\n{evidence}"))
        };
        assert!(line_of("outlet").contains("corpus/newsdesk.toml line 15"), "{}", line_of("outlet"));
        let published = line_of("published");
        assert!(published.contains("line 7") && published.contains("date line below the headline"), "{published}");
        assert!(line_of("url").contains("corpus/newsdesk.toml line 16"));
        let unused = out.split_once("\nDates not used\n").map(|(_, d)| d).unwrap_or_else(|| panic!("{out}"));
        let first = unused.lines().next().unwrap();
        assert!(first.contains("2025-01-22") && first.contains("line 1"), "{first}");
    }

    #[test]
    fn text_of_seed_000_names_its_reporter() {
        let out = ok(&["show", short(0)]);
        let meta = out.lines().nth(1).unwrap();
        assert!(meta.starts_with("The Korea Herald · 2011-06-28 20:32"), "{meta}");
        assert!(meta.contains("Shin Hae-in"), "{meta}");
        assert!(!out.contains("Link copied"), "page furniture is removed from the body");
    }

    #[test]
    fn json_has_evidence_body_removed_other_dates_and_warnings() {
        let v = json(&["show", S003, "--format", "json"]);
        for key in ["id", "path", "title", "outlet", "agency", "published", "authors", "url", "words"] {
            assert!(v.get(key).is_some(), "show JSON has the list fields too; missing {key}: {v}");
        }
        assert_eq!(v["id"], SEEDS[3].id);
        assert_eq!(v["outlet"], "WIC News");
        let evidence = v["evidence"].as_array().expect("evidence array");
        for e in evidence {
            let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["description", "field", "file", "line", "rule", "text"], "{e}");
            assert!(e["line"].is_u64() && e["field"].is_string() && e["file"].is_string(), "{e}");
        }
        let outlet = evidence.iter().find(|e| e["field"] == "outlet").expect("outlet evidence");
        assert_eq!(outlet["file"], "corpus/newsdesk.toml");
        assert_eq!(outlet["line"], 15);
        assert_eq!(outlet["text"], "outlet = \"WIC News\"");
        let published = evidence.iter().find(|e| e["field"] == "published").expect("date evidence");
        assert_eq!(published["file"], "corpus/003_38a6156a7a003cab.txt");
        assert_eq!(published["line"], 7);
        assert_eq!(published["text"], "Monday, 25th March 2019");
        let body = v["body"].as_array().expect("body array");
        assert!(body.len() >= 5, "{body:?}");
        for b in body {
            assert!(b["kind"].is_string() && b["text"].is_string(), "{b}");
        }
        assert!(body[0]["text"].as_str().unwrap().starts_with("North Korean leader Kim Jong-un may soon visit"));
        assert!(v["removed"].is_array());
        let other = v["other_dates"].as_array().expect("other_dates array");
        assert!(other.iter().any(|d| d["date"] == "2025-01-22" && d["line"] == 1), "{other:?}");
        assert!(v["warnings"].is_array());
    }

    #[test]
    fn an_ambiguous_prefix_lists_the_candidates() {
        let err = usage_error(&["show", "1"]);
        for n in [1, 3, 4] {
            assert!(err.contains(SEEDS[n].id), "candidate {} missing: {err}", SEEDS[n].id);
        }
        assert!(err.contains("ambiguous"), "{err}");
    }

    #[test]
    fn non_hex_and_unknown_ids_are_usage_errors() {
        let err = usage_error(&["show", "zz"]);
        assert!(err.contains("zz") && err.contains("hexadecimal"), "{err}");
        let err = usage_error(&["show", "0000000"]);
        assert!(err.contains("no article") && err.contains("0000000"), "{err}");
        usage_error(&["show", ""]);
        let err = usage_error(&["show", &format!("{}0000000000", SEEDS[3].id)]);
        assert!(err.contains("too long") && err.contains("16"), "{err}");
    }
}

mod outlets {
    //! `newsdesk outlets`: outlets with counts and date spans.

    use super::*;

    #[test]
    fn table_lists_five_outlets_with_their_spans() {
        let out = ok(&["outlets"]);
        let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(header, ["OUTLET", "ARTICLES", "FIRST", "LAST"]);
        for (outlet, first, last) in [
            ("Euronews", "2019-04-2", "2019-04-2"),
            ("RT", "2019-04-22", "2019-04-22"),
            ("The Korea Herald", "2011-06-28", "2011-06-28"),
            ("The Moscow Times", "2011-06-29", "2011-06-29"),
            ("WIC News", "2019-03-25", "2019-03-25"),
        ] {
            let row = out
                .lines()
                .find(|l| l.starts_with(&format!("{outlet}  ")))
                .unwrap_or_else(|| panic!("{outlet}:\n{out}"));
            let cells: Vec<&str> = row[outlet.len()..].split_whitespace().collect();
            assert_eq!(cells.len(), 3, "{row}");
            assert_eq!(cells[0], "1", "{row}");
            assert!(cells[1].starts_with(first) && cells[2].starts_with(last), "{row}");
        }
        assert!(out.contains("5 articles (0 undated)"), "{out}");
    }

    #[test]
    fn json_has_one_object_per_outlet() {
        let v = json(&["outlets", "--format", "json"]);
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 5);
        for o in arr {
            let mut keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["articles", "first", "last", "outlet", "undated"], "{o}");
            assert_eq!(o["articles"], 1);
            assert_eq!(o["undated"], 0);
            assert!(is_iso_date(o["first"].as_str().unwrap()) && is_iso_date(o["last"].as_str().unwrap()));
        }
        let rt = arr.iter().find(|o| o["outlet"] == "RT").unwrap();
        assert_eq!((rt["first"].as_str(), rt["last"].as_str()), (Some("2019-04-22"), Some("2019-04-22")));
    }

    #[test]
    fn without_metadata_an_unknown_row_appears() {
        let out = ok(&["outlets", "--no-metadata", "-q"]);
        let unknown = out.lines().find(|l| l.starts_with("(unknown)")).unwrap_or_else(|| panic!("{out}"));
        assert!(unknown.contains("2019-03-25"), "{unknown}");
        assert!(!out.contains("WIC News"), "{out}");
        let v = json(&["outlets", "--no-metadata", "-q", "--format", "json"]);
        let unknown = v.as_array().unwrap().iter().find(|o| o["outlet"].is_null()).expect("an outlet: null row");
        assert_eq!(unknown["articles"], 1);
        assert_eq!(unknown["first"], "2019-03-25");
    }
}

mod timeline {
    //! `newsdesk timeline`: months with articles, empty stretches collapsed.

    use super::*;

    #[test]
    fn months_with_articles_and_one_collapsed_gap() {
        let out = ok(&["timeline"]);
        let months: Vec<(&str, &str)> = out
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .map(|l| (l.split_whitespace().next().unwrap(), l.split_whitespace().last().unwrap()))
            .collect();
        assert_eq!(months, [("2011-06", "2"), ("2019-03", "1"), ("2019-04", "2")], "\n{out}");
        let gaps: Vec<&str> = out.lines().filter(|l| l.contains("without articles")).collect();
        assert_eq!(gaps.len(), 1, "\n{out}");
        assert!(gaps[0].contains("7 years 8 months without articles"), "{}", gaps[0]);
        for s in &SEEDS {
            assert!(out.contains(s.title), "an article line for {}:\n{out}", s.title);
        }
        let pos = |s: &str| out.find(s).unwrap();
        assert!(pos("2011-06") < pos(SEEDS[0].title) && pos(SEEDS[0].title) < pos("without articles"));
        assert!(pos("2019-04") < pos(SEEDS[4].title));
    }

    #[test]
    fn summary_has_no_article_lines() {
        let out = ok(&["timeline", "--summary"]);
        for s in &SEEDS {
            assert!(!out.contains(s.title), "{out}");
        }
        assert_eq!(out.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).count(), 3, "{out}");
        assert!(out.contains("7 years 8 months without articles"), "{out}");
    }

    #[test]
    fn json_lists_months_with_article_ids() {
        let v = json(&["timeline", "--format", "json"]);
        assert_eq!(
            v,
            serde_json::json!([
                {"month": "2011-06", "articles": [SEEDS[0].id, SEEDS[1].id]},
                {"month": "2019-03", "articles": [SEEDS[3].id]},
                {"month": "2019-04", "articles": [SEEDS[4].id, SEEDS[2].id]},
            ])
        );
    }
}

mod check {
    //! `newsdesk check` on the bundled corpus: per-file evidence and a summary.

    use super::*;

    #[test]
    fn bundled_corpus_is_clean_with_evidence() {
        let r = run(&["check"]);
        assert_eq!(r.code, Some(0), "{r:?}");
        let out = &r.stdout;
        assert_eq!(out.lines().last(), Some("5 files, 5 articles (0 undated), 0 errors, 0 warnings"), "{out}");
        for s in &SEEDS {
            let at = out.find(&format!("corpus/{}", s.file)).unwrap_or_else(|| panic!("{} not listed", s.file));
            let section = &out[at..];
            let title = section.lines().find(|l| l.trim_start().starts_with("title")).unwrap();
            assert!(title.contains(s.title) && title.contains("(line "), "title with its evidence: {title}");
        }
        assert!(out.contains("(corpus/newsdesk.toml line 15)"), "003's outlet cites the metadata:\n{out}");
        assert!(out.contains("(corpus/newsdesk.toml line 16)"), "003's url cites the metadata:\n{out}");
    }

    #[test]
    fn without_metadata_one_warning_about_newsdesk_toml() {
        let r = run(&["check", "--no-metadata"]);
        assert_eq!(r.code, Some(0), "a warning is not an error: {r:?}");
        assert!(r.stdout.ends_with("5 files, 5 articles (0 undated), 0 errors, 1 warning\n"), "{}", r.stdout);
        let warnings: Vec<&str> = r.stdout.lines().filter(|l| l.contains("warning:")).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("newsdesk.toml"), "the warning says where to fix it: {}", warnings[0]);
        let v = json(&["check", "--no-metadata", "--format", "json"]);
        assert_eq!(v["warnings"], 1);
        assert_eq!(v["errors"], 0);
        let d = &v["diagnostics"][0];
        assert_eq!(d["path"], "corpus/003_38a6156a7a003cab.txt");
        assert_eq!(d["severity"], "warning");
    }

    #[test]
    fn body_length_is_counted_in_words_with_the_right_noun() {
        let jsonl =
            "{\"title\":\"One\",\"body\":\"Vladivostok\"}\n{\"title\":\"Three\",\"body\":\"Kim meets Putin\"}\n";
        let dir = corpus_of(&[("short.jsonl", jsonl.as_bytes())]);
        let out = run(&["check", "-q", "--no-cache", arg(dir.path())]).stdout;
        let bodies: Vec<&str> = out.lines().filter(|l| l.trim_start().starts_with("body")).map(str::trim).collect();
        assert_eq!(bodies, ["body       1 word", "body       3 words"], "{out}");
        let shown = ok(&[
            "show",
            "-q",
            "--no-cache",
            &json_ids(&json(&["list", "--format", "json", "--no-cache", "--search", "vladivostok", arg(dir.path())]))
                [0],
            arg(dir.path()),
        ]);
        assert!(shown.lines().nth(2).is_some_and(|l| l.ends_with("· 1 word")), "{shown}");
    }

    #[test]
    fn json_summary() {
        let v = json(&["check", "--format", "json"]);
        assert_eq!(v["files"], 5);
        assert_eq!(v["articles"], 5);
        assert_eq!(v["errors"], 0);
        assert_eq!(v["warnings"], 0);
        assert_eq!(v["diagnostics"], Value::Array(vec![]));
    }
}

#[cfg(unix)]
mod bad_corpus {
    //! A folder of broken, odd and duplicate files generated by the test: it loads around them,
    //! names each problem with the right severity, and never hangs or panics.

    use super::*;
    use std::os::unix::fs::symlink;

    const GOOD1: &str = "Kim arrives in Vladivostok for summit\n\nApril 24, 2019\n\nNorth Korean leader Kim Jong Un \
                         arrived in Vladivostok on Wednesday for his first summit with Vladimir Putin.\n\nThe two \
                         leaders will meet on Russky Island.\n";
    const GOOD2: &str = "Putin and Kim hold talks on Russky Island\n\n25 April 2019\n\nVladimir Putin and Kim Jong Un \
                         held talks on Thursday at a university campus on Russky Island.\n\nThey discussed the \
                         nuclear standoff.\n";
    const NODATE: &str = "A story with no date at all\n\nThis article has a headline and a body but nothing that \
                          looks like a date.\n\nAnother paragraph of text.\n";

    /// Error files: (path relative to the corpus, words the message must contain, line).
    const ERRORS: [(&str, &str, Option<u64>); 11] = [
        ("empty.txt", "empty", None),
        ("blank.txt", "empty", None),
        ("binary.txt", "binary", None),
        ("huge.txt", "too large (9.0 MB", None),
        ("broken_fm.txt", "front matter", Some(3)),
        ("unclosed_fm.md", "never closed", Some(1)),
        ("lines.jsonl", "json", Some(2)),
        ("invalid.json", "invalid json", Some(2)),
        ("dangling.txt", "no such file", None),
        ("sub/loop", "symlink loop", None),
        ("fifo.txt", "not a regular file", None),
    ];

    /// Titles of the articles that load, newest first (undated last).
    const TITLES: [&str; 6] = [
        "Seoul cafe owners protest new rules",
        "Putin and Kim hold talks on Russky Island",
        "Kim arrives in Vladivostok for summit",
        "Good two",
        "Good one",
        "A story with no date at all",
    ];

    fn build() -> tempfile::TempDir {
        let mut latin1 = b"Seoul cafe owners protest new rules\n\n12 May 2019\n\nThe caf".to_vec();
        latin1.extend_from_slice(b"\xe9 owners of Seoul gathered on Sunday to protest the rules.\n\nMore follows.\n");
        let huge = vec![b'a'; 9_000_000];
        let dir = corpus_of(&[
            ("empty.txt", b""),
            ("blank.txt", b"   \n\n\t \n"),
            ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
            ("latin1.txt", &latin1),
            ("huge.txt", &huge),
            ("broken_fm.txt", b"+++\ntitle = \"Broken\"\npublished = = 3\n+++\nBody text.\n"),
            ("unclosed_fm.md", b"+++\ntitle = \"Never closed\"\nBody text without a closing fence.\n"),
            (
                "lines.jsonl",
                b"{\"title\": \"Good one\", \"published\": \"2019-04-22\", \"outlet\": \"RT\", \"body\": \"First good body.\"}\n\
                  {not json\n\
                  {\"title\": \"Good two\", \"published\": \"2019-04-23\", \"body\": \"Second good body.\"}\n",
            ),
            ("invalid.json", b"[{\"title\": \"x\"},\n{oops}\n]"),
            ("nodate.txt", NODATE.as_bytes()),
            (".secret.txt", b"Secret headline\n\n1 May 2019\n\nHidden body.\n"),
            (".hidden/inner.txt", b"Inner secret headline\n\n2 May 2019\n\nHidden body.\n"),
            ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            ("good1.txt", GOOD1.as_bytes()),
            ("good1_copy.txt", GOOD1.as_bytes()),
            ("good2.txt", GOOD2.as_bytes()),
        ]);
        let p = dir.path();
        symlink("does-not-exist.txt", p.join("dangling.txt")).unwrap();
        std::fs::create_dir(p.join("sub")).unwrap();
        symlink("..", p.join("sub/loop")).unwrap();
        let status = std::process::Command::new("mkfifo").arg(p.join("fifo.txt")).status().expect("mkfifo runs");
        assert!(status.success(), "mkfifo failed");
        dir
    }

    /// Titles in a table's rows, in order.
    fn titles(table: &str) -> Vec<String> {
        rows(table).iter().map(|r| TITLES.iter().find(|t| r.ends_with(*t)).unwrap_or(&"?").to_string()).collect()
    }

    #[test]
    fn list_loads_the_good_articles_and_names_the_bad_files() {
        let dir = build();
        let r = run(&["list", arg(dir.path())]);
        assert_eq!(r.code, Some(0), "bad files do not fail `list`: {r:?}");
        assert_eq!(titles(&r.stdout), TITLES, "\n{}", r.stdout);
        assert!(rows(&r.stdout)[5].contains("undated"), "{}", r.stdout);
        assert!(!r.stdout.contains("Secret") && !r.stdout.contains("Broken") && !r.stdout.contains("Never closed"));

        // Errors one per line (the first ten), then a count of the rest.
        let error_lines: Vec<&str> = r.stderr.lines().filter(|l| l.contains(": error: ")).collect();
        let mut named = 0;
        for (file, _, _) in ERRORS {
            let path = dir.path().join(file).display().to_string();
            if let Some(l) = error_lines.iter().find(|l| l.starts_with(&format!("newsdesk: {path}"))) {
                named += 1;
                assert!(l.contains(": error: "), "{l}");
            }
        }
        let more = r
            .stderr
            .lines()
            .find_map(|l| l.strip_prefix("newsdesk: … and ")?.split_whitespace().next()?.parse::<usize>().ok())
            .unwrap_or(0);
        assert_eq!(error_lines.len(), named, "every error line names one of the bad files:\n{}", r.stderr);
        assert_eq!(named + more, ERRORS.len(), "each error shown or counted:\n{}", r.stderr);
        assert!(r.stderr.contains("warnings in the corpus"), "{}", r.stderr);
        assert!(!r.stderr.contains(".secret") && !r.stderr.contains("image.png"), "{}", r.stderr);
    }

    #[test]
    fn undated_articles_list_last_in_both_orders() {
        let dir = build();
        let oldest = ok(&["list", "-q", "--oldest-first", arg(dir.path())]);
        let mut expected = TITLES[..5].to_vec();
        expected.reverse();
        expected.push(TITLES[5]);
        assert_eq!(titles(&oldest), expected, "\n{oldest}");
        let v = json(&["list", "-q", "--format", "json", arg(dir.path())]);
        assert_eq!(v[5]["title"], TITLES[5]);
        assert_eq!(v[5]["published"], Value::Null);
    }

    #[test]
    fn check_exits_1_and_names_every_problem_with_its_severity() {
        let dir = build();
        let r = run(&["check", arg(dir.path())]);
        assert_eq!(r.code, Some(1), "{r:?}");
        for (file, _, _) in ERRORS {
            let path = dir.path().join(file).display().to_string();
            let at = r.stdout.find(&path).unwrap_or_else(|| panic!("{file} not in check output:\n{}", r.stdout));
            // The file's section: its line, then the indented lines under it.
            let mut lines = r.stdout[at..].lines();
            let first = lines.next().unwrap_or_default();
            let section: Vec<&str> = std::iter::once(first).chain(lines.take_while(|l| l.starts_with(' '))).collect();
            let section = section.join("\n");
            assert!(section.contains("error:"), "{file} is an error:\n{section}");
        }
        assert!(r.stdout.contains("6 articles (1 undated), 11 errors"), "{}", r.stdout.lines().last().unwrap());
        for hidden in [".secret.txt", ".hidden", "image.png"] {
            assert!(!r.stdout.contains(hidden), "{hidden} is skipped silently:\n{}", r.stdout);
        }

        let v: Value = serde_json::from_str(&run(&["check", "--format", "json", arg(dir.path())]).stdout).unwrap();
        assert_eq!(v["errors"], 11);
        assert_eq!(v["articles"], 6);
        let diags = v["diagnostics"].as_array().unwrap();
        let of = |file: &str| -> Vec<&Value> {
            let path = dir.path().join(file).display().to_string();
            diags.iter().filter(|d| d["path"] == path.as_str()).collect()
        };
        for (file, words, line) in ERRORS {
            let errors: Vec<&Value> = of(file).into_iter().filter(|d| d["severity"] == "error").collect();
            assert_eq!(errors.len(), 1, "{file}: {errors:?}");
            let message = errors[0]["message"].as_str().unwrap().to_lowercase();
            assert!(message.contains(&words.to_lowercase()), "{file}: {message}");
            if let Some(line) = line {
                assert_eq!(errors[0]["line"], line, "{file}: {:?}", errors[0]);
            }
        }
        let warning = |file: &str, words: &str| {
            let found = of(file).into_iter().find(|d| d["message"].as_str().unwrap().contains(words));
            let d = found.unwrap_or_else(|| panic!("{file}: no diagnostic with {words:?}"));
            assert_eq!(d["severity"], "warning", "{d}");
            d.clone()
        };
        assert_eq!(warning("latin1.txt", "invalid UTF-8")["line"], 5);
        let dup = warning("good1_copy.txt", "same article as");
        assert!(dup["message"].as_str().unwrap().contains("good1.txt"), "{dup}");
        warning("nodate.txt", "no publication date found");
        for clean in ["good1.txt", "good2.txt", "latin1.txt", "nodate.txt"] {
            assert!(of(clean).iter().all(|d| d["severity"] == "warning"), "{clean} loaded: {:?}", of(clean));
        }
        assert!(of(".secret.txt").is_empty() && of("image.png").is_empty());
    }

    #[test]
    fn the_invalid_utf8_article_loads_with_a_replacement_character() {
        let dir = build();
        let v = json(&["list", "-q", "--format", "json", arg(dir.path())]);
        let latin1 = v.as_array().unwrap().iter().find(|a| a["title"] == TITLES[0]).unwrap();
        assert_eq!(latin1["published"], "2019-05-12");
        let out = ok(&["show", latin1["id"].as_str().unwrap(), "-q", arg(dir.path())]);
        assert!(out.contains("caf\u{fffd} owners"), "{out}");
    }

    #[test]
    fn a_duplicate_is_loaded_once() {
        let dir = build();
        let out = ok(&["list", "-q", "--format", "tsv", arg(dir.path())]);
        let copies = out.lines().filter(|l| l.contains("Kim arrives in Vladivostok for summit")).count();
        assert_eq!(copies, 1, "\n{out}");
        assert!(out.contains("good1.txt") && !out.contains("good1_copy.txt"), "the first file name is kept:\n{out}");
    }

    #[test]
    fn a_fifo_named_on_the_command_line_is_skipped_not_read() {
        let dir = build();
        let r = run(&["list", arg(&dir.path().join("fifo.txt")), arg(&dir.path().join("good2.txt"))]);
        assert_eq!(r.code, Some(0), "{r:?}");
        assert_eq!(titles(&r.stdout), ["Putin and Kim hold talks on Russky Island"]);
        assert!(r.stderr.contains("fifo.txt: error: not a regular file"), "{}", r.stderr);
    }

    #[test]
    fn the_count_of_hidden_errors_is_grammatical() {
        let dir = build();
        let r = run(&["list", arg(dir.path())]);
        assert!(r.stderr.contains("newsdesk: … and 1 more error\n"), "{}", r.stderr);
    }
}

mod other_formats {
    //! JSON arrays, front matter and newsdesk.toml overrides, written by the test.

    use super::*;

    const PAIR: &str = r#"[
  {"title": "Kim boards armoured train", "outlet": "Yonhap", "published": "2019-04-24T08:30",
   "authors": ["Kim Soo-yeon", "Lee Ji-hoon"], "url": "https://en.yna.co.kr/view/AEN20190424",
   "body": "The North Korean leader left Pyongyang by train.\n\nHe is expected in Vladivostok on Wednesday."},
  {"title": "Summit ends without statement", "outlet": "RT", "agency": "TASS", "published": "2019-04-25",
   "authors": "Ivan Petrov", "body": "The summit ended with no joint statement."}
]"#;

    const FRONT_MATTER: &str = "+++\n\
        title = \"Front matter headline, exactly\"\n\
        outlet = \"NK News\"\n\
        agency = \"AFP\"\n\
        published = 2019-04-26T10:15:00\n\
        authors = [\"Jane Doe\", \"John Roe\"]\n\
        url = \"https://www.nknews.org/2019/04/fm\"\n\
        +++\n\
        First paragraph of the front-matter article.\n\
        \n\
        Second paragraph, with **bold** text.\n";

    #[test]
    fn a_json_array_loads_both_articles_and_show_reads_a_record() {
        let dir = corpus_of(&[("pair.json", PAIR.as_bytes())]);
        let r = run(&["list", "--format", "json", arg(dir.path())]);
        assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""), "{r:?}");
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 2);
        arr.iter().for_each(assert_article_shape);
        assert_eq!(arr[0]["title"], "Summit ends without statement");
        assert_eq!(arr[0]["agency"], "TASS");
        assert_eq!(arr[0]["authors"], serde_json::json!(["Ivan Petrov"]));
        assert_eq!(arr[1]["title"], "Kim boards armoured train");
        assert_eq!(arr[1]["published"], "2019-04-24T08:30");
        assert_eq!(arr[1]["authors"], serde_json::json!(["Kim Soo-yeon", "Lee Ji-hoon"]));
        assert_eq!(arr[1]["url"], "https://en.yna.co.kr/view/AEN20190424");
        assert_ne!(arr[0]["id"], arr[1]["id"]);

        let id = arr[1]["id"].as_str().unwrap();
        let out = ok(&["show", &id[..7], arg(dir.path())]);
        assert!(out.starts_with("Kim boards armoured train\nYonhap · 2019-04-24 08:30 · Kim Soo-yeon, Lee Ji-hoon\n"));
        assert!(out.contains("The North Korean leader left Pyongyang by train.\n\nHe is expected in Vladivostok"));
        let shown = json(&["show", id, "--format", "json", arg(dir.path())]);
        assert_eq!(shown["body"].as_array().unwrap().len(), 2);
        assert_eq!(shown["body"][1]["text"], "He is expected in Vladivostok on Wednesday.");
    }

    #[test]
    fn front_matter_fields_are_used_exactly() {
        let dir = corpus_of(&[("fm.md", FRONT_MATTER.as_bytes())]);
        let r = run(&["list", "--format", "json", arg(dir.path())]);
        assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""), "{r:?}");
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let a = &v[0];
        assert_article_shape(a);
        assert_eq!(a["title"], "Front matter headline, exactly");
        assert_eq!(a["outlet"], "NK News");
        assert_eq!(a["agency"], "AFP");
        assert_eq!(a["published"], "2019-04-26T10:15");
        assert_eq!(a["authors"], serde_json::json!(["Jane Doe", "John Roe"]));
        assert_eq!(a["url"], "https://www.nknews.org/2019/04/fm");
        let shown = json(&["show", a["id"].as_str().unwrap(), "--format", "json", arg(dir.path())]);
        let texts: Vec<&str> = shown["body"].as_array().unwrap().iter().map(|b| b["text"].as_str().unwrap()).collect();
        assert_eq!(texts, ["First paragraph of the front-matter article.", "Second paragraph, with bold text."]);
        let date = shown["evidence"].as_array().unwrap().iter().find(|e| e["field"] == "published").unwrap();
        assert_eq!(date["line"], 5);
        assert_eq!(date["text"], "published = 2019-04-26T10:15:00");
        let out = ok(&["check", arg(dir.path())]);
        assert!(out.ends_with("1 file, 1 article (0 undated), 0 errors, 0 warnings\n"), "{out}");
    }

    #[test]
    fn a_jsonl_file_gives_one_article_per_line() {
        let jsonl = "{\"title\": \"One\", \"outlet\": \"RT\", \"published\": \"2019-04-22\", \"body\": \"a\"}\n\
                     \n\
                     {\"title\": \"Two\", \"outlet\": \"RT\", \"published\": \"2019-04-23\", \"body\": \"b\"}\n";
        let dir = corpus_of(&[("x.jsonl", jsonl.as_bytes())]);
        let v = json(&["list", "--format", "json", "--oldest-first", arg(dir.path())]);
        let titles: Vec<&str> = v.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["One", "Two"]);
    }

    /// A raw article whose outlet, title, date and author come from a newsdesk.toml beside it.
    fn with_metadata() -> tempfile::TempDir {
        corpus_of(&[
            (
                "sub/a.txt",
                b"Some headline about the talks\n\nBody of the article about talks in Vladivostok.\n\nMore.\n",
            ),
            (
                "newsdesk.toml",
                b"[[outlet]]\nname = \"Daily NK\"\ndomains = [\"dailynk.com\"]\naliases = [\"DNK\"]\n\n\
                  [files.\"sub/a.txt\"]\ntitle = \"Corrected title\"\noutlet = \"Daily NK\"\n\
                  published = \"2019-04-24\"\nauthors = [\"Jane Doe\"]\n",
            ),
        ])
    }

    #[test]
    fn newsdesk_toml_overrides_fields_and_adds_outlets() {
        let dir = with_metadata();
        let v = json(&["list", "-q", "--format", "json", arg(dir.path())]);
        let a = &v[0];
        assert_eq!(a["title"], "Corrected title");
        assert_eq!(a["outlet"], "Daily NK");
        assert_eq!(a["published"], "2019-04-24");
        assert_eq!(a["authors"], serde_json::json!(["Jane Doe"]));
        for name in ["dnk", "dailynk.com", "daily nk"] {
            assert_eq!(json(&["list", "-q", "--format", "json", "--outlet", name, arg(dir.path())]), v, "{name}");
        }
        let shown = json(&["show", a["id"].as_str().unwrap(), "--format", "json", "-q", arg(dir.path())]);
        let outlet = shown["evidence"].as_array().unwrap().iter().find(|e| e["field"] == "outlet").unwrap();
        assert_eq!(outlet["file"], dir.path().join("newsdesk.toml").display().to_string());
        assert_eq!(outlet["line"], 8);
        let raw = json(&["list", "-q", "--no-metadata", "--format", "json", arg(dir.path())]);
        assert_eq!(raw[0]["title"], "Some headline about the talks");
        assert_eq!(raw[0]["outlet"], Value::Null);
        assert_eq!(raw[0]["id"], a["id"], "metadata does not change the content hash");
    }

    #[test]
    fn a_date_from_newsdesk_toml_clears_the_no_date_warning() {
        let dir = with_metadata();
        let r = run(&["list", arg(dir.path())]);
        assert_eq!(r.stderr, "", "the article is fully described by its metadata");
        let v = json(&["check", "--format", "json", arg(dir.path())]);
        assert_eq!(v["warnings"], 0, "{v}");
    }

    #[test]
    fn a_broken_newsdesk_toml_is_an_error_with_its_line() {
        let dir = corpus_of(&[
            ("a.txt", b"Some headline about the talks\n\n3 May 2019\n\nBody.\n"),
            ("newsdesk.toml", b"[files.\"a.txt\"]\noutlet = \"X\"\ncolour = \"red\"\n"),
        ]);
        let toml = dir.path().join("newsdesk.toml").display().to_string();
        let r = run(&["list", arg(dir.path())]);
        assert_eq!(r.code, Some(0), "the articles still load: {r:?}");
        assert!(r.stderr.contains(&format!("newsdesk: {toml}:3: error:")), "{}", r.stderr);
        assert!(r.stderr.contains("colour"), "{}", r.stderr);
        let r = run(&["check", arg(dir.path())]);
        assert_eq!(r.code, Some(1), "{r:?}");
    }

    #[test]
    fn show_lists_the_warnings_check_lists_for_the_article() {
        let v = json(&["show", short(3), "--no-metadata", "-q", "--format", "json"]);
        let warnings = v["warnings"].as_array().unwrap();
        assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("no outlet")), "{warnings:?}");
    }
}

mod pipes {
    //! Output into a pipe whose reader goes away (`newsdesk list | head -1`): a quiet exit 0.

    use super::*;
    use std::io::Read;
    use std::process::Stdio;

    /// A JSON Lines corpus big enough that every output format overflows a pipe buffer.
    fn big_corpus() -> tempfile::TempDir {
        let mut jsonl = String::new();
        for i in 0..5000 {
            jsonl.push_str(&format!(
                "{{\"title\": \"Article number {i} about the summit\", \"published\": \"2019-04-{:02}\", \
                 \"body\": \"Body of article {i}.\"}}\n",
                1 + i % 28
            ));
        }
        corpus_of(&[("big.jsonl", jsonl.as_bytes())])
    }

    /// Runs newsdesk, reads one byte of its stdout, closes the pipe; returns (exit code, stderr).
    fn close_after_one_byte(args: &[&str]) -> (Option<i32>, String) {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdesk"))
            .args(args)
            .env_remove("COLUMNS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsdesk starts");
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        stdout.read_exact(&mut byte).expect("some output");
        drop(stdout);
        let out = child.wait_with_output().expect("newsdesk ends");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    }

    fn assert_quiet_exit(args: &[&str]) {
        let (code, stderr) = close_after_one_byte(args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.to_lowercase().contains("broken pipe"), "{args:?}: {stderr}");
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
    }

    #[test]
    fn table_and_tsv_exit_quietly() {
        let dir = big_corpus();
        let whole = ok(&["list", "-q", "--format", "tsv", arg(dir.path())]);
        assert!(whole.len() > 256 * 1024, "the output must overflow a pipe buffer: {} bytes", whole.len());
        for format in ["table", "tsv"] {
            assert_quiet_exit(&["list", "-q", "--format", format, arg(dir.path())]);
        }
        assert_quiet_exit(&["timeline", "-q", arg(dir.path())]);
        assert_quiet_exit(&["check", arg(dir.path())]);
    }

    #[test]
    fn json_outputs_exit_quietly() {
        let dir = big_corpus();
        for format in ["json", "jsonl"] {
            assert_quiet_exit(&["list", "-q", "--format", format, arg(dir.path())]);
        }
        assert_quiet_exit(&["timeline", "-q", "--format", "json", arg(dir.path())]);
        assert_quiet_exit(&["check", "--format", "json", arg(dir.path())]);
    }

    /// `newsdesk ARGS PATH | head -c 1` through `sh`; returns newsdesk's own exit status and stderr.
    fn shell_pipeline_into_head(args: &str, dir: &Path) -> (String, String) {
        let bin = assert_cmd::cargo::cargo_bin("newsdesk");
        let status = dir.join("status");
        let stderr = dir.join("stderr");
        let script = format!("{{ \"$0\" {args} \"$1\" 2>\"$2\"; echo $? >\"$3\"; }} | head -c 1 >/dev/null");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(&bin)
            .arg(dir.join("big.jsonl"))
            .arg(&stderr)
            .arg(&status)
            .output()
            .expect("sh runs");
        assert!(out.status.success(), "{out:?}");
        (std::fs::read_to_string(status).unwrap().trim().to_string(), std::fs::read_to_string(stderr).unwrap())
    }

    #[test]
    fn a_shell_pipeline_into_head_exits_0_quietly() {
        let dir = big_corpus();
        for args in ["list -q", "list -q --format tsv"] {
            let (status, stderr) = shell_pipeline_into_head(args, dir.path());
            assert_eq!((status.as_str(), stderr.as_str()), ("0", ""), "newsdesk {args} | head -c 1");
        }
    }

    #[test]
    fn a_shell_pipeline_of_json_into_head_exits_0_quietly() {
        let dir = big_corpus();
        let (status, stderr) = shell_pipeline_into_head("list -q --format json", dir.path());
        assert_eq!((status.as_str(), stderr.as_str()), ("0", ""));
    }
}

mod help_and_version {
    //! `--version`, `--help` of every subcommand, and shell completions.

    use super::*;

    #[test]
    fn version() {
        assert_eq!(ok(&["--version"]), format!("newsdesk {}\n", env!("CARGO_PKG_VERSION")));
        assert_eq!(ok(&["--version"]), "newsdesk 0.1.0\n");
    }

    #[test]
    fn every_help_has_examples() {
        assert!(ok(&["--help"]).contains("Examples:"));
        for sub in ["list", "show", "outlets", "timeline", "check", "completions"] {
            let out = ok(&[sub, "--help"]);
            assert!(out.contains("Examples:"), "{sub} --help:\n{out}");
            assert!(out.contains(&format!("newsdesk {sub}")), "{sub}'s examples use it:\n{out}");
            assert!(ok(&["help", sub]).contains("Examples:"), "help {sub}");
        }
    }

    #[test]
    fn completions_name_the_program_and_its_subcommands() {
        let bash = ok(&["completions", "bash"]);
        assert!(bash.contains("newsdesk") && bash.contains("complete"), "{bash}");
        for sub in ["list", "show", "outlets", "timeline", "check"] {
            assert!(bash.contains(sub), "bash completion knows {sub}");
        }
        for shell in ["zsh", "fish", "elvish", "powershell"] {
            assert!(ok(&["completions", shell]).contains("newsdesk"), "{shell}");
        }
    }
}

mod corpus_cache {
    //! The corpus cache seen from the command line: the same output, cold or warm.

    use super::*;

    fn caches(dir: &Path) -> usize {
        std::fs::read_dir(dir).map_or(0, |d| {
            d.filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "cache"))).count()
        })
    }

    #[test]
    fn a_cached_run_prints_what_a_fresh_one_does_and_edits_are_seen() {
        let corpus = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        std::fs::write(
            corpus.path().join("a.txt"),
            "A headline about the summit\n\nPublished: 2019-04-23\n\nKim arrived.",
        )
        .unwrap();
        std::fs::write(
            corpus.path().join("b.txt"),
            "Another headline about talks\n\nPublished: 2019-04-24\n\nPutin spoke.",
        )
        .unwrap();
        let run = |extra: &[&str]| {
            let mut cmd = newsdesk();
            cmd.env("NEWSDESK_CACHE_DIR", cache.path())
                .args(["list", "--format", "json", "--search", "kim"])
                .arg(corpus.path())
                .args(extra);
            let out = cmd.output().unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        };
        let no_cache = run(&["--no-cache"]);
        assert_eq!(caches(cache.path()), 0, "--no-cache writes nothing");
        let cold = run(&[]);
        assert_eq!(caches(cache.path()), 1, "a load that built the index is cached");
        let warm = run(&[]);
        assert_eq!(cold, no_cache);
        assert_eq!(warm, cold);
        std::fs::write(
            corpus.path().join("b.txt"),
            "Another headline about talks\n\nPublished: 2019-04-24\n\nKim and Putin spoke.",
        )
        .unwrap();
        let edited: Value = serde_json::from_str(&run(&[])).unwrap();
        assert_eq!(edited.as_array().map(Vec::len), Some(2), "the edit is seen");
    }
}

mod feeds {
    //! Saved feeds (`.rss`, `.atom`, `.xml`, a JSON Feed `.json`) beside text articles: one
    //! article per entry with its evidence, snapshots of one feed listed once, and damaged feeds
    //! reported by file and entry while the rest loads.

    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://harbour-gazette.example/</link>
  <item>
    <title>Ferry strike ends</title>
    <link>https://harbour-gazette.example/ferry</link>
    <guid>hg-1</guid>
    <pubDate>Tue, 23 Apr 2019 09:05:00 +0900</pubDate>
    <author>desk@harbour-gazette.example (Sam Poe)</author>
    <content:encoded><![CDATA[<p>Ferries ran again on Tuesday.</p><blockquote>We are back.</blockquote>]]></content:encoded>
  </item>
  <item>
    <title>Dredging approved</title>
    <link>https://harbour-gazette.example/dredge</link>
    <guid>hg-2</guid>
    <pubDate>Wed, 24 Apr 2019 18:30:00 GMT</pubDate>
    <description>SEOUL (Reuters) - The council voted for it.</description>
  </item>
</channel>
</rss>
"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Northern Ledger</title>
  <link href="https://ledger.example/"/>
  <id>urn:ledger</id>
  <updated>2019-04-25T10:00:00Z</updated>
  <entry>
    <title>Council minutes</title>
    <link href="https://ledger.example/minutes"/>
    <id>urn:ledger:minutes</id>
    <updated>2019-04-25T07:00:00Z</updated>
    <author><name>Kim Ode</name></author>
    <summary>The council met.</summary>
  </entry>
</feed>
"#;

    const JSON_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Coast Daily",
  "home_page_url": "https://coast-daily.example/",
  "items": [
    {"id": "cd-1", "url": "https://coast-daily.example/a", "title": "Lighthouse restored",
     "content_html": "<p>The lighthouse shines again.</p>", "date_published": "2019-04-20T12:00:00Z",
     "authors": [{"name": "Lee Park"}]}
  ]
}"#;

    const TEXT: &str = "Kim arrives in Vladivostok for summit\n\nApril 24, 2019\n\nNorth Korean leader Kim Jong Un \
                        arrived in Vladivostok on Wednesday for his first summit with Vladimir Putin.\n";

    fn mixed() -> tempfile::TempDir {
        corpus_of(&[
            ("gazette.rss", RSS.as_bytes()),
            ("ledger.atom", ATOM.as_bytes()),
            ("coast.json", JSON_FEED.as_bytes()),
            ("kim.txt", TEXT.as_bytes()),
        ])
    }

    fn by_title<'a>(v: &'a Value, title: &str) -> &'a Value {
        v.as_array().unwrap().iter().find(|a| a["title"] == title).unwrap_or_else(|| panic!("{title} not in {v}"))
    }

    #[test]
    fn list_reads_every_entry_of_every_feed_beside_text() {
        let dir = mixed();
        let r = run(&["list", "--format", "json", arg(dir.path())]);
        assert_eq!(r.code, Some(0), "{r:?}");
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let arr = v.as_array().unwrap();
        arr.iter().for_each(assert_article_shape);
        let mut titles: Vec<&str> = arr.iter().map(|a| a["title"].as_str().unwrap()).collect();
        titles.sort_unstable();
        assert_eq!(
            titles,
            [
                "Council minutes",
                "Dredging approved",
                "Ferry strike ends",
                "Kim arrives in Vladivostok for summit",
                "Lighthouse restored"
            ]
        );
        let ferry = by_title(&v, "Ferry strike ends");
        assert_eq!(ferry["outlet"], "Harbour Gazette");
        assert_eq!(ferry["published"], "2019-04-23T09:05");
        assert_eq!(ferry["authors"], serde_json::json!(["Sam Poe"]));
        assert_eq!(ferry["url"], "https://harbour-gazette.example/ferry");
        assert_eq!(ferry["words"], 8);
        let dredge = by_title(&v, "Dredging approved");
        assert_eq!(dredge["agency"], "Reuters");
        assert_eq!(dredge["outlet"], "Harbour Gazette");
        let minutes = by_title(&v, "Council minutes");
        assert_eq!(minutes["outlet"], "Northern Ledger");
        assert_eq!(minutes["published"], "2019-04-25T07:00");
        assert_eq!(minutes["authors"], serde_json::json!(["Kim Ode"]));
        let light = by_title(&v, "Lighthouse restored");
        assert_eq!(light["outlet"], "Coast Daily");
        assert_eq!(light["path"].as_str().map(|p| p.ends_with("coast.json")), Some(true));
        // The id is the guid's XXH3 (pinned), not the file's.
        assert_eq!(ferry["id"].as_str().map(str::len), Some(16));
    }

    #[test]
    fn show_reads_the_entry_again_with_its_evidence() {
        let dir = mixed();
        let v = json(&["list", "--format", "json", arg(dir.path())]);
        let id = by_title(&v, "Ferry strike ends")["id"].as_str().unwrap().to_string();
        let out = ok(&["show", &id, arg(dir.path())]);
        assert!(
            out.starts_with("Ferry strike ends\nHarbour Gazette · 2019-04-23 09:05 · Sam Poe\nhttps://harbour-gazette.example/ferry\n"),
            "{out}"
        );
        assert!(out.contains("\nFerries ran again on Tuesday.\n\n> We are back.\n"), "{out}");
        assert!(out.contains("title      line 6     the feed entry's title"), "{out}");
        assert!(out.contains("outlet                the feed's own title"), "{out}");
        let shown = json(&["show", &id, "--format", "json", arg(dir.path())]);
        assert_eq!(shown["body"][1], serde_json::json!({"kind": "quote", "text": "We are back."}));
        let ev = shown["evidence"].as_array().unwrap();
        let rule = |f: &str| ev.iter().find(|e| e["field"] == f).map(|e| (e["rule"].clone(), e["line"].clone()));
        assert_eq!(rule("title"), Some((Value::from("entry-title"), Value::from(6))));
        assert_eq!(rule("published"), Some((Value::from("entry-published"), Value::from(6))));
        assert_eq!(rule("authors"), Some((Value::from("entry-author"), Value::from(6))));
        assert_eq!(rule("url"), Some((Value::from("entry-link"), Value::from(6))));
        assert_eq!(rule("outlet"), Some((Value::from("feed-title"), Value::from(0))));
        // An Atom entry with only an updated date says so.
        let id = by_title(&v, "Council minutes")["id"].as_str().unwrap().to_string();
        let shown = json(&["show", &id, "--format", "json", arg(dir.path())]);
        assert_eq!(rule_of(&shown, "published"), "entry-updated");
        assert_eq!(
            shown["warnings"],
            serde_json::json!(["the date is the entry's updated date (it gives no publication date)"])
        );
    }

    fn rule_of(shown: &Value, field: &str) -> String {
        let ev = shown["evidence"].as_array().unwrap();
        ev.iter().find(|e| e["field"] == field).map(|e| e["rule"].as_str().unwrap().to_string()).unwrap_or_default()
    }

    #[test]
    fn check_cites_entries_and_counts_them() {
        let dir = mixed();
        let r = run(&["check", arg(dir.path())]);
        assert_eq!(r.code, Some(0), "{r:?}");
        let out = &r.stdout;
        assert!(out.contains("  entry 1 at line 6\n"), "{out}");
        assert!(out.contains("  title      Ferry strike ends  (line 6: the feed entry's title)\n"), "{out}");
        assert!(out.contains("  outlet     Harbour Gazette  (the feed's own title)\n"), "{out}");
        assert!(out.contains("  agency     Reuters  (line 14: wire dateline \"(Agency) -\")\n"), "{out}");
        assert!(
            out.contains("  warning: line 7: the date is the entry's updated date (it gives no publication date)\n"),
            "{out}"
        );
        // The other warning is the text article's missing outlet.
        assert_eq!(out.lines().last(), Some("4 files, 5 articles (0 undated), 0 errors, 2 warnings"), "{out}");
    }

    #[test]
    fn two_snapshots_of_one_feed_list_each_entry_once_quietly() {
        let older = RSS.replace(
            "  <item>\n    <title>Dredging approved</title>",
            "  <item>\n    <title>Old story</title><guid>hg-0</guid><pubDate>Mon, 22 Apr 2019 08:00:00 GMT</pubDate></item>\n  \
             <item>\n    <title>Dredging approved</title>",
        );
        let dir = corpus_of(&[("snap/2019-04-23.rss", older.as_bytes()), ("snap/2019-04-24.rss", RSS.as_bytes())]);
        let r = run(&["check", arg(dir.path())]);
        assert_eq!(r.code, Some(0), "{r:?}");
        assert_eq!(
            r.stdout.lines().last(),
            Some("2 files, 3 articles (0 undated), 0 errors, 0 warnings"),
            "{}",
            r.stdout
        );
        let v = json(&["list", "--format", "json", arg(dir.path())]);
        let mut titles: Vec<&str> = v.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
        titles.sort_unstable();
        assert_eq!(titles, ["Dredging approved", "Ferry strike ends", "Old story"]);
        // The first snapshot's copy is kept.
        assert!(by_title(&v, "Ferry strike ends")["path"].as_str().unwrap().ends_with("2019-04-23.rss"));
    }

    #[test]
    fn damaged_feeds_are_reported_by_file_and_entry_and_the_rest_loads() {
        let mut laughs = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"aaaaaaaaaa\">\n");
        for i in 1..12 {
            let prev = if i == 1 { "a".to_string() } else { format!("a{}", i - 1) };
            laughs.push_str(&format!("<!ENTITY a{i} \"{}\">\n", format!("&{prev};").repeat(10)));
        }
        laughs.push_str("]>\n<rss version=\"2.0\"><channel><title>L</title><item><title>&a11;</title><guid>x</guid></item></channel></rss>\n");
        let broken = RSS.replace("<title>Dredging approved</title>", "<title>Dredging approved</b></title>");
        let dir = corpus_of(&[
            ("laughs.rss", laughs.as_bytes()),
            ("broken.rss", broken.as_bytes()),
            ("malformed.atom", b"<feed><title>T</title><entry><title>x</entry>"),
            ("sitemap.xml", b"<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>"),
            ("kim.txt", TEXT.as_bytes()),
        ]);
        // Over the size limit: a sparse file, so the test writes nothing of that size.
        let huge = std::fs::File::create(dir.path().join("huge.rss")).unwrap();
        huge.set_len(65 * 1024 * 1024).unwrap();
        let r = run(&["check", "--format", "json", arg(dir.path())]);
        assert_eq!(r.code, Some(1), "errors make check fail: {r:?}");
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let diags: Vec<(String, Option<u64>, String, String)> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let path = d["path"].as_str().unwrap();
                let file = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
                (
                    file,
                    d["line"].as_u64(),
                    d["severity"].as_str().unwrap().to_string(),
                    d["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let find = |file: &str| {
            diags.iter().find(|d| d.0 == file).unwrap_or_else(|| panic!("no diagnostic for {file}: {diags:?}"))
        };
        let d = find("broken.rss");
        assert_eq!((d.1, d.2.as_str()), (Some(14), "error"), "{d:?}");
        assert!(d.3.starts_with("feed entry 2 does not parse"), "{d:?}");
        let d = find("malformed.atom");
        assert_eq!(d.2, "error");
        let d = find("huge.rss");
        assert_eq!(d.3, "too large (68.2 MB; the limit for one feed file is 64 MB); skipped");
        let d = find("laughs.rss");
        assert_eq!(
            (d.2.as_str(), d.3.as_str()),
            ("warning", "the feed declares its own entities (<!ENTITY>); they are not expanded")
        );
        let d = find("sitemap.xml");
        assert_eq!(
            (d.2.as_str(), d.3.as_str()),
            ("warning", "not an RSS or Atom feed (root element <urlset>); skipped")
        );
        // The rest: the text article, the broken feed's good entry, the laughing entry.
        assert_eq!(v["articles"], 3, "{v}");
        let list = json(&["list", "--format", "json", arg(dir.path())]);
        let mut titles: Vec<&str> = list.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
        titles.sort_unstable();
        assert_eq!(titles, ["&a11;", "Ferry strike ends", "Kim arrives in Vladivostok for summit"]);
    }
}

mod saved_pages {
    //! Saved web pages (`.html`, `.html.gz`) in a folder with scraped text: `list`, `show` and
    //! `check` read them, with evidence quoted from the page's elements.

    use super::*;

    const PAIR_HTML: &str = include_str!("pages/html-pair.html");
    const PAIR_TEXT: &str = include_str!("pages/html-pair.txt");

    /// A made-up AP story on a made-up local paper's site, gzipped.
    const LOCAL: &str = r#"<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Storm closes mountain pass for second day - Springfield Gazette</title>
<meta property="og:site_name" content="Springfield Gazette">
<meta property="og:title" content="Storm closes mountain pass for second day">
<meta property="article:published_time" content="2023-12-01T06:15:00-07:00">
<meta name="author" content="The Associated Press">
<link rel="canonical" href="https://www.springfieldgazette.example/news/2023/12/01/storm-pass">
</head><body><nav><a href="/">Home</a></nav><article><h1>Storm closes mountain pass for second day</h1>
<p>DENVER (AP) - A winter storm kept the mountain pass closed for a second day on Friday, as crews worked to clear snow drifts taller than the plows, state officials said.</p>
<p>Travellers were told to wait in the towns below the pass or take the longer southern route, which stayed open with chains required for all trucks and most cars.</p>
<p>Forecasters expect the snow to ease by Saturday morning, when the road crews hope to open one lane in each direction before the weekend traffic builds up.</p>
</article><aside class="related"><time datetime="2023-11-02">Nov. 2</time> Older story</aside></body></html>"#;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        w.write_all(bytes).unwrap();
        w.finish().unwrap()
    }

    fn mixed() -> tempfile::TempDir {
        let (local, _, _) = encoding_rs::WINDOWS_1252.encode(LOCAL);
        corpus_of(&[
            ("pages/bridge.html", PAIR_HTML.as_bytes()),
            ("pages/storm.html.gz", &gz(&local)),
            ("pages/broken.html.gz", b"\x1f\x8b\x08\x00 truncated"),
            ("text/bridge.txt", PAIR_TEXT.as_bytes()),
        ])
    }

    #[test]
    fn list_reads_html_gzipped_html_and_text_together() {
        let dir = mixed();
        let v = json(&["list", "--format", "json", "-q", "--no-cache", arg(dir.path())]);
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 3, "{v:#}");
        arr.iter().for_each(assert_article_shape);
        let by_path = |p: &str| arr.iter().find(|a| a["path"].as_str().unwrap().ends_with(p)).unwrap();
        let (html, text, storm) = (by_path("bridge.html"), by_path("bridge.txt"), by_path("storm.html.gz"));
        for key in ["title", "outlet", "agency", "published", "authors"] {
            assert_eq!(html[key], text[key], "{key}: the page and its scraped text agree");
        }
        assert_eq!(html["title"], "Harbour bridge reopens after storm repairs");
        assert_eq!(html["outlet"], "The Korea Herald");
        assert_eq!(html["agency"], "Yonhap");
        assert_eq!(html["published"], "2024-03-05T09:30");
        assert_eq!(html["authors"], serde_json::json!(["Jane Doe"]));
        assert_eq!(html["url"], "https://www.koreaherald.com/view.php?ud=20240305000999");
        assert_eq!(storm["title"], "Storm closes mountain pass for second day");
        assert_eq!(storm["outlet"], "Springfield Gazette");
        assert_eq!(storm["agency"], "Associated Press");
        assert_eq!(storm["published"], "2023-12-01T06:15");
        assert_eq!(storm["authors"], serde_json::json!([]));
    }

    #[test]
    fn show_gives_blocks_and_the_elements_behind_each_field() {
        let dir = mixed();
        let v = json(&["list", "--format", "json", "-q", "--no-cache", arg(dir.path())]);
        let page = v.as_array().unwrap().iter().find(|a| a["path"].as_str().unwrap().ends_with("bridge.html")).unwrap();
        let id = page["id"].as_str().unwrap();
        check_page(&json(&["show", id, "--format", "json", "-q", "--no-cache", arg(dir.path())]));
        let text = ok(&["show", id, "-q", "--no-cache", arg(dir.path())]);
        assert!(text.contains("  outlet     line 6     OpenGraph tag (<meta property=\"og:…\">)\n             │ <meta property=\"og:site_name\" content=\"The Korea Herald\">\n"), "{text}");
        assert!(text.contains("\n> \"We are glad to have our bridge back"), "a block quote is marked: {text}");
    }

    fn check_page(shown: &Value) {
        let ev =
            |field: &str| shown["evidence"].as_array().unwrap().iter().find(|e| e["field"] == field).cloned().unwrap();
        assert_eq!(ev("title")["rule"], "json-ld");
        assert_eq!(ev("title")["line"], 13);
        assert_eq!(ev("title")["text"], r#""headline": "Harbour bridge reopens after storm repairs""#);
        assert_eq!(ev("outlet")["rule"], "open-graph");
        assert_eq!(ev("outlet")["text"], r#"<meta property="og:site_name" content="The Korea Herald">"#);
        assert_eq!(ev("published")["text"], r#""datePublished": "2024-03-05T09:30:00+09:00""#);
        assert_eq!(ev("url")["rule"], "canonical-url");
        assert_eq!(ev("agency")["rule"], "dateline");
        let body = shown["body"].as_array().unwrap();
        assert!(
            body[0]["text"].as_str().unwrap().starts_with("SEOUL, March 5 (Yonhap) -- The harbour bridge"),
            "{body:?}"
        );
        assert!(body.iter().any(|b| b["kind"] == "heading" && b["text"] == "Commuters return"));
        assert!(body.iter().any(|b| b["kind"] == "quote"
            && b["text"] == "\"We are glad to have our bridge back before the winter,\" one driver said."));
        let all: String = body.iter().map(|b| b["text"].as_str().unwrap()).collect::<Vec<_>>().join("\n");
        for junk in [
            "window.analytics",
            "font-family",
            "cookies",
            "Most Read",
            "Election campaign",
            "All rights reserved",
            "Kakao",
        ] {
            assert!(!all.contains(junk), "{junk:?} is not body text:\n{all}");
        }
        assert_eq!(shown["other_dates"][0]["date"], "2024-03-05T11:02");
    }

    #[test]
    fn check_names_the_broken_gzip_and_the_home_page_and_reads_the_rest() {
        let dir = mixed();
        let home = r#"<html><head><meta charset="utf-8"><title>Springfield Gazette</title>
<link rel="canonical" href="https://www.springfieldgazette.example/"></head>
<body><h1>Springfield Gazette</h1><ul><li><a href="/a">Storm closes pass</a></li><li><a href="/b">Bridge reopens</a></li></ul></body></html>"#;
        std::fs::write(dir.path().join("pages/index.html"), home).unwrap();
        let r = run(&["check", "--no-cache", arg(dir.path())]);
        assert_eq!(r.code, Some(1), "an unreadable file is an error: {r:?}");
        let out = &r.stdout;
        assert!(out.ends_with("5 files, 4 articles (1 undated), 1 error, 2 warnings\n"), "{out}");
        let problems: Vec<&str> = out.lines().filter(|l| l.contains("error:") || l.contains("warning:")).collect();
        assert_eq!(
            problems,
            [
                "  error: not a valid gzip file (incomplete deflate stream); skipped",
                "  warning: does not look like an article (no article metadata and little text); loaded with what it has",
                "  warning: no publication date found",
            ],
            "{out}"
        );
        let at = out.find("pages/broken.html.gz").unwrap();
        assert!(
            out[at..].lines().nth(1).unwrap().contains("not a valid gzip file"),
            "the error names the file:\n{out}"
        );
        assert!(out.contains("(line 6: OpenGraph tag"), "outlet evidence with its line:\n{out}");
    }

    #[test]
    fn a_page_over_32_mb_is_skipped_with_its_size() {
        let dir = corpus_of(&[("bridge.html", PAIR_HTML.as_bytes())]);
        let big = std::fs::File::create(dir.path().join("huge.html")).unwrap();
        // Sparse: the size is checked before a byte is read.
        big.set_len(50_000_000).unwrap();
        let r = run(&["check", "--no-cache", arg(dir.path())]);
        assert_eq!(r.code, Some(1), "{r:?}");
        let at = r.stdout.find("huge.html").unwrap();
        assert_eq!(
            r.stdout[at..].lines().nth(1),
            Some("  error: too large (50.0 MB; the limit for one page file is 32 MB); skipped"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.ends_with("2 files, 1 article (0 undated), 1 error, 0 warnings\n"), "{}", r.stdout);
    }
}

mod export_formats {
    //! `newsdesk list --format csv|markdown|bibtex|csl-json`: the filtered list through the
    //! corpus's export formats, on a made-up corpus whose expected output is exact.

    use super::*;

    const ARTICLE: &str = "+++\ntitle = \"Budget passes, 52% in favour\"\noutlet = \"Daily Planet\"\n\
        published = 2019-04-23\nauthors = [\"Jane Doe\"]\nurl = \"https://planet.example/budget\"\n+++\n\
        The budget passed.\n";
    const FORMULA: &str = "+++\ntitle = \"=1+1 and other sums\"\noutlet = \"Daily Planet\"\n\
        published = 2019-04-22\n+++\nText.\n";

    fn corpus() -> tempfile::TempDir {
        corpus_of(&[("a.md", ARTICLE.as_bytes()), ("b.md", FORMULA.as_bytes())])
    }

    #[test]
    fn csv_is_rfc_4180_with_formulas_defused() {
        let dir = corpus();
        let out = ok(&["list", "-q", "--format", "csv", arg(dir.path())]);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], "id,published,outlet,agency,title,authors,url,words,path");
        let a = format!("{}", dir.path().join("a.md").display());
        assert!(
            lines[1].ends_with(&format!(
                ",2019-04-23,Daily Planet,,\"Budget passes, 52% in favour\",Jane Doe,https://planet.example/budget,3,{a}"
            )),
            "{out}"
        );
        assert!(lines[2].contains(",'=1+1 and other sums,"), "{out}");
        assert_eq!(lines.len(), 4, "two rows and the final CRLF: {out:?}");
    }

    #[test]
    fn bibtex_has_stable_keys_and_escapes() {
        let dir = corpus();
        let out = ok(&["list", "-q", "--format", "bibtex", "--search", "budget", arg(dir.path())]);
        assert_eq!(
            out,
            "@article{doe2019budget,\n  author = {Doe, Jane},\n  title = {Budget passes, 52\\% in favour},\n  \
             journal = {Daily Planet},\n  year = {2019},\n  date = {2019-04-23},\n  \
             url = {https://planet.example/budget},\n}\n"
        );
    }

    #[test]
    fn csl_json_is_accessed_today() {
        let dir = corpus();
        let v = json(&["list", "-q", "--format", "csl-json", "--oldest-first", arg(dir.path())]);
        let today = jiff::Zoned::now().date();
        let accessed = serde_json::json!({"date-parts": [[today.year(), today.month(), today.day()]]});
        assert_eq!(
            v,
            serde_json::json!([
                {"id": "dailyplanet201911", "type": "article-newspaper", "title": "=1+1 and other sums",
                 "container-title": "Daily Planet", "issued": {"date-parts": [[2019, 4, 22]]}, "accessed": accessed},
                {"id": "doe2019budget", "type": "article-newspaper", "title": "Budget passes, 52% in favour",
                 "container-title": "Daily Planet", "author": [{"family": "Doe", "given": "Jane"}],
                 "issued": {"date-parts": [[2019, 4, 23]]}, "URL": "https://planet.example/budget",
                 "accessed": accessed}
            ])
        );
    }

    #[test]
    fn markdown_lists_the_filtered_articles() {
        let dir = corpus();
        let out = ok(&["list", "-q", "--format", "markdown", arg(dir.path())]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(
            lines[0].starts_with(
                "- 2019-04-23 · [Budget passes, 52% in favour](<https://planet.example/budget>) · Daily Planet · Jane Doe · `"
            ),
            "{out}"
        );
        assert!(lines[1].starts_with("- 2019-04-22 · **=1+1 and other sums** · Daily Planet · `"), "{out}");
    }

    #[test]
    fn the_bundled_corpus_exports_every_article() {
        let out = ok(&["list", "--format", "bibtex"]);
        assert_eq!(out.matches("@article{").count(), 5, "{out}");
        let csv = ok(&["list", "--format", "csv"]);
        assert_eq!(csv.matches("\r\n").count(), 6, "a header and five rows");
    }
}
