//! The corpus as a whole: the seed table through the loader, with and without metadata; ids;
//! filters and ordering.

use std::path::PathBuf;

use super::article::Rule;
use super::filter::{DateRange, Filter, Order};
use super::index::Query;
use super::*;

fn bundled(metadata: bool) -> Corpus {
    Corpus::load(&[], LoadOptions { metadata, index: true, cache: false })
}

fn row(c: &Corpus, i: u32) -> (String, Option<String>, Option<String>, Vec<String>) {
    let a = c.get(i);
    (
        a.title.to_string(),
        c.outlet_name(a.outlet).map(str::to_string),
        a.published.map(|p| p.to_string()),
        a.authors.iter().map(|x| x.name.to_string()).collect(),
    )
}

fn by_file(c: &Corpus, name: &str) -> u32 {
    (0..c.len() as u32).find(|&i| c.path(c.get(i)).ends_with(name)).unwrap_or_else(|| panic!("{name} not loaded"))
}

impl Corpus {
    fn path(&self, a: &Article) -> &str {
        &self.file(a).path
    }
}

/// One row of the seed table: (file, title, outlet, published, authors).
type SeedRow = (&'static str, &'static str, Option<&'static str>, &'static str, &'static [&'static str]);

/// The table of ../shared/seeds/README.md.
const SEED_TABLE: &[SeedRow] = &[
    (
        "000_0595658c55417145.txt",
        "N. Korean leader will visit Russia this week: reports",
        Some("The Korea Herald"),
        "2011-06-28T20:32",
        &["Shin Hae-in"],
    ),
    (
        "001_f3496015afe3183b.txt",
        "North Korea, Russia Abandon Plans for Kim Meeting",
        Some("The Moscow Times"),
        "2011-06-29",
        &[],
    ),
    (
        "002_600930966775bc34.txt",
        "North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin",
        Some("Euronews"),
        "2019-04-23",
        &["Vladimir Soldatkin", "Maria Vasilyeva"],
    ),
    (
        "003_38a6156a7a003cab.txt",
        "North Korea’s Kim may visit Russia to meet Putin",
        Some("WIC News"),
        "2019-03-25",
        &[],
    ),
    (
        "004_137e2a66756e9f36.txt",
        "Kim Jong-un will visit Russia & meet Putin 'soon' – North Korean state media",
        Some("RT"),
        "2019-04-22T21:44",
        &[],
    ),
];

#[test]
fn seed_table_with_metadata() {
    let c = bundled(true);
    assert_eq!(c.len(), 5);
    for (file, title, outlet, published, authors) in SEED_TABLE {
        let i = by_file(&c, file);
        assert_eq!(
            row(&c, i),
            (
                title.to_string(),
                outlet.map(str::to_string),
                Some(published.to_string()),
                authors.iter().map(|s| s.to_string()).collect()
            ),
            "{file}"
        );
    }
    let wic = c.get(by_file(&c, "003_38a6156a7a003cab.txt"));
    assert_eq!(
        wic.url.as_deref(),
        Some("https://wicnews.com/world/north-koreas-kim-may-visit-russia-meet-putin-361017795")
    );
    assert_eq!(wic.evidence.outlet.map(|e| (e.line, e.rule)), Some((15, Rule::Metadata)));
    assert_eq!(c.metadata_file(wic), Some(std::path::Path::new("corpus/newsdesk.toml")));
    let euronews = c.get(by_file(&c, "002_600930966775bc34.txt"));
    assert_eq!(c.outlet_name(euronews.agency), Some("Reuters"));
    assert_eq!(c.count(Severity::Error), 0);
    assert_eq!(c.count(Severity::Warning), 0, "{:?}", c.diagnostics());
}

#[test]
fn seed_table_without_metadata_leaves_003_unknown() {
    let c = bundled(false);
    for (file, title, outlet, published, authors) in SEED_TABLE {
        let i = by_file(&c, file);
        let outlet = if file.starts_with("003") { None } else { outlet.map(str::to_string) };
        assert_eq!(
            row(&c, i),
            (title.to_string(), outlet, Some(published.to_string()), authors.iter().map(|s| s.to_string()).collect()),
            "{file}"
        );
    }
    assert_eq!(c.get(by_file(&c, "003_38a6156a7a003cab.txt")).url, None);
    assert_eq!(c.count(Severity::Warning), 1, "{:?}", c.diagnostics());
    assert!(c.diagnostics()[0].message.starts_with("no outlet"));
}

#[test]
fn the_folder_and_the_bundled_copy_are_the_same_corpus() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let disk = Corpus::load(&[root.join("corpus")], LoadOptions::default());
    let embedded = bundled(true);
    let ids = |c: &Corpus| {
        c.articles()
            .iter()
            .map(|a| (a.id, a.title.clone(), a.outlet.map(|o| c.outlets().name(o).to_string())))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&disk), ids(&embedded));
    // Every article file in corpus/ is compiled in.
    let mut on_disk: Vec<String> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "newsdesk.toml")
        .collect();
    on_disk.sort();
    let compiled: Vec<String> =
        load::bundled::FILES.iter().map(|(p, _)| p.trim_start_matches("corpus/").to_string()).collect();
    assert_eq!(on_disk, compiled);
}

#[test]
fn ids_are_short_unique_and_found_by_prefix() {
    let c = bundled(true);
    assert_eq!(c.id_len(), 7);
    for i in 0..c.len() as u32 {
        let a = c.get(i);
        assert_eq!(c.find_id(&c.short_id(a)), Ok(i));
        assert_eq!(c.find_id(&a.id.hex().to_uppercase()), Ok(i));
        assert_eq!(c.find_id(&a.id.hex()), Ok(i));
    }
    // The seeds' ids (content hashes, pinned by the seed files) start with 1, 1, 1, a and f.
    let mut firsts: Vec<char> = c.articles().iter().map(|a| a.id.hex().chars().next().unwrap()).collect();
    firsts.sort();
    assert_eq!(firsts, ['1', '1', '1', 'a', 'f']);
    assert_eq!(c.find_id("a").map(|i| c.get(i).id.hex()), Ok("a425d640da546857".to_string()));
    assert_eq!(c.find_id("0"), Err(IdError::NotFound("0".into())));
    assert_eq!(c.find_id("0000000000000000"), Err(IdError::NotFound("0000000000000000".into())));
    assert!(matches!(c.find_id("xyz"), Err(IdError::NotHex(_))));
    assert!(matches!(c.find_id("a425d640da5468570"), Err(IdError::TooLong(_))));
}

#[test]
fn ambiguous_prefixes_list_the_candidates() {
    let c = bundled(true);
    let ids: Vec<String> = c.articles().iter().map(|a| a.id.hex()).collect();
    // Find two ids sharing a first digit, if any; the empty prefix is never accepted.
    assert!(matches!(c.find_id(""), Err(IdError::NotHex(_))));
    for a in &ids {
        let p = &a[..1];
        let n = ids.iter().filter(|b| b.starts_with(p)).count();
        if n > 1 {
            match c.find_id(p) {
                Err(IdError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), n),
                other => panic!("{p}: {other:?}"),
            }
        }
    }
}

fn titles(c: &Corpus, sel: &[u32]) -> Vec<String> {
    sel.iter().map(|&i| c.get(i).published.map(|p| p.to_string()).unwrap_or_default()).collect()
}

#[test]
fn order_newest_or_oldest_first() {
    let c = bundled(true);
    let all = Filter::default();
    assert_eq!(
        titles(&c, &c.select(&all, Order::NewestFirst)),
        ["2019-04-23", "2019-04-22T21:44", "2019-03-25", "2011-06-29", "2011-06-28T20:32"]
    );
    assert_eq!(
        titles(&c, &c.select(&all, Order::OldestFirst)),
        ["2011-06-28T20:32", "2011-06-29", "2019-03-25", "2019-04-22T21:44", "2019-04-23"]
    );
}

#[test]
fn filters_combine() {
    let c = bundled(true);
    let dates = |s: &str| Some(s.parse::<DateRange>().unwrap());
    let f = Filter { dates: dates("2019"), ..Filter::default() };
    assert_eq!(c.select(&f, Order::NewestFirst).len(), 3);
    let f = Filter { dates: dates("2019-04"), ..Filter::default() };
    assert_eq!(c.select(&f, Order::NewestFirst).len(), 2);
    let f = Filter { dates: dates("..2012"), ..Filter::default() };
    assert_eq!(c.select(&f, Order::NewestFirst).len(), 2);
    let f = Filter { dates: dates("2019-04-22"), ..Filter::default() };
    assert_eq!(titles(&c, &c.select(&f, Order::NewestFirst)), ["2019-04-22T21:44"]);
    let f = Filter { search: Some(Query::new("vladivostok")), ..Filter::default() };
    assert_eq!(c.select(&f, Order::NewestFirst).len(), 5, "every seed mentions Vladivostok");
    let f = Filter { search: Some(Query::new("medvedev timakova")), ..Filter::default() };
    assert_eq!(titles(&c, &c.select(&f, Order::NewestFirst)), ["2011-06-29"]);
    let outlets = c.resolve_outlets(&["rt".into(), "Korea Herald".into()]).unwrap();
    let f = Filter { outlets: Some(outlets.clone()), ..Filter::default() };
    assert_eq!(titles(&c, &c.select(&f, Order::OldestFirst)), ["2011-06-28T20:32", "2019-04-22T21:44"]);
    let f = Filter { outlets: Some(outlets), dates: dates("2019"), search: Some(Query::new("kommersant")) };
    assert_eq!(titles(&c, &c.select(&f, Order::OldestFirst)), ["2019-04-22T21:44"]);
}

#[test]
fn unknown_outlets_are_an_error_listing_the_outlets() {
    let c = bundled(true);
    let e = c.resolve_outlets(&["CNN".into()]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no outlet \"CNN\" in this corpus; outlets: Euronews, RT, The Korea Herald, The Moscow Times, WIC News"
    );
    let c = bundled(false);
    let set = c.resolve_outlets(&["unknown".into()]).unwrap();
    let f = Filter { outlets: Some(set), ..Filter::default() };
    assert_eq!(titles(&c, &c.select(&f, Order::OldestFirst)), ["2019-03-25"]);
}

#[test]
fn outlet_stats_span_dates() {
    let c = bundled(false);
    let all: Vec<u32> = (0..5).collect();
    let stats = c.outlet_stats(&all);
    let names: Vec<_> = stats.iter().map(|s| c.outlet_name(s.outlet).unwrap_or("unknown")).collect();
    assert_eq!(names, ["Euronews", "RT", "The Korea Herald", "The Moscow Times", "unknown"]);
    assert!(stats.iter().all(|s| s.articles == 1 && s.first == s.last));
}

#[test]
fn bodies_are_read_again_on_demand() {
    let c = bundled(true);
    let i = by_file(&c, "003_38a6156a7a003cab.txt");
    let e = c.extraction(i).unwrap();
    assert_eq!(e.body.len(), 8);
    assert_eq!(c.get(i).words, e.words());
    assert_eq!(e.outlet.unwrap().evidence.rule, Rule::Metadata);
}

#[test]
fn the_lazy_index_equals_the_one_built_at_load() {
    let eager = bundled(true);
    let lazy = Corpus::load(&[], LoadOptions { metadata: true, index: false, cache: false });
    for q in ["kim", "vladivostok train", "medvedev", "신혜인", "zzz"] {
        let f = Filter { search: Some(Query::new(q)), ..Filter::default() };
        assert_eq!(eager.select(&f, Order::NewestFirst), lazy.select(&f, Order::NewestFirst), "{q}");
    }
}

// ---- the cache ------------------------------------------------------------------------------

mod cache {
    use super::*;
    use crate::corpus::load::load_with_cache;
    use std::time::SystemTime;

    const OPTS: LoadOptions = LoadOptions { metadata: true, index: true, cache: true };

    /// A corpus folder with the seeds, a JSON file, a bad file and a metadata file.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for e in std::fs::read_dir(&root).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
        }
        std::fs::write(
            dir.path().join("more.jsonl"),
            "{\"title\": \"A JSON one\", \"published\": \"2019-05-01\", \"body\": \"Kim.\"}\n{bad\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        dir
    }

    fn summary(c: &Corpus) -> Vec<String> {
        let mut v: Vec<String> = c
            .articles()
            .iter()
            .map(|a| {
                format!(
                    "{} {} {:?} {:?} {:?} {:?} {:?} {} {:?} {:?}",
                    a.id,
                    a.title,
                    c.outlet_name(a.outlet),
                    c.outlet_name(a.agency),
                    a.published,
                    a.authors,
                    a.url,
                    a.words,
                    a.evidence,
                    c.record(a)
                )
            })
            .collect();
        v.extend(c.diagnostics().iter().map(ToString::to_string));
        v
    }

    fn searches(c: &Corpus) -> Vec<Vec<u32>> {
        ["kim", "vladivostok train", "신혜인", "json", "zzz"]
            .iter()
            .map(|q| c.select(&Filter { search: Some(Query::new(q)), ..Filter::default() }, Order::NewestFirst))
            .collect()
    }

    #[test]
    fn a_cached_corpus_is_the_corpus() {
        let dir = folder();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        let fresh = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(!fresh.loaded_from_cache());
        let cached = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(cached.loaded_from_cache(), "the second load reads the cache");
        assert_eq!(summary(&cached), summary(&fresh));
        assert_eq!(searches(&cached), searches(&fresh));
        assert_eq!(cached.count(Severity::Error), 2, "the empty file and the bad JSON line");
        // Bodies are still read from the files, with metadata overrides applied.
        for i in 0..cached.len() as u32 {
            assert_eq!(cached.extraction(i).unwrap(), fresh.extraction(i).unwrap());
        }
        let wic = (0..cached.len() as u32).find(|&i| cached.get(i).title.contains("may visit")).unwrap();
        assert_eq!(cached.outlet_name(cached.get(wic).outlet), Some("WIC News"));
        // Other options are another cache.
        let plain = load_with_cache(&inputs, LoadOptions { metadata: false, ..OPTS }, Some(cache.path()));
        assert!(!plain.loaded_from_cache());
        assert_eq!(plain.outlet_name(plain.get(wic).outlet), None);
    }

    fn reload(inputs: &[PathBuf], cache: &std::path::Path) -> Corpus {
        load_with_cache(inputs, OPTS, Some(cache))
    }

    #[test]
    fn any_change_to_the_files_means_a_full_load() {
        let dir = folder();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        reload(&inputs, cache.path());
        assert!(reload(&inputs, cache.path()).loaded_from_cache());

        // An edit that changes the size.
        let a = dir.path().join("004_137e2a66756e9f36.txt");
        let mut text = std::fs::read_to_string(&a).unwrap();
        text = text.replacen("Kim Jong-un will visit Russia", "Kim Jong-un will tour Russia", 2);
        std::fs::write(&a, &text).unwrap();
        let c = reload(&inputs, cache.path());
        assert!(!c.loaded_from_cache());
        assert!(c.articles().iter().any(|x| x.title.contains("will tour Russia")));
        assert!(reload(&inputs, cache.path()).loaded_from_cache());

        // The same size and, restored by hand, the same time: caught by the content hash, since
        // the file changed moments before the cache was written.
        let before = std::fs::metadata(&a).unwrap().modified().unwrap();
        let same_size = text.replacen("will tour Russia", "will ride Russia", 2);
        assert_eq!(same_size.len(), text.len());
        std::fs::write(&a, &same_size).unwrap();
        std::fs::File::options().write(true).open(&a).unwrap().set_modified(before).unwrap();
        let c = reload(&inputs, cache.path());
        assert!(!c.loaded_from_cache(), "a same-size rewrite in the same tick is still seen");
        assert!(c.articles().iter().any(|x| x.title.contains("will ride Russia")));

        // A new file, then a removed one.
        std::fs::write(dir.path().join("new.txt"), "A new headline about the summit\n\nPublished: 2019-04-26\n\nText.")
            .unwrap();
        let c = reload(&inputs, cache.path());
        assert!(!c.loaded_from_cache());
        assert!(c.articles().iter().any(|x| &*x.title == "A new headline about the summit"));
        std::fs::remove_file(dir.path().join("new.txt")).unwrap();
        let c = reload(&inputs, cache.path());
        assert!(!c.loaded_from_cache());
        assert!(!c.articles().iter().any(|x| &*x.title == "A new headline about the summit"));

        // The metadata file.
        let meta = dir.path().join("newsdesk.toml");
        let t = std::fs::read_to_string(&meta).unwrap().replace("outlet = \"WIC News\"", "outlet = \"WIC\"");
        std::fs::write(&meta, t).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&meta)
            .unwrap()
            .set_modified(SystemTime::now() + std::time::Duration::from_secs(5))
            .unwrap();
        assert!(!reload(&inputs, cache.path()).loaded_from_cache());
    }

    #[test]
    fn a_damaged_cache_is_ignored() {
        let dir = folder();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        let fresh = reload(&inputs, cache.path());
        let file = std::fs::read_dir(cache.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "cache"))
            .unwrap();
        let bytes = std::fs::read(&file).unwrap();
        for damaged in [&bytes[..bytes.len() / 2], &bytes[..10], b"garbage".as_slice()] {
            std::fs::write(&file, damaged).unwrap();
            let c = reload(&inputs, cache.path());
            assert!(!c.loaded_from_cache());
            assert_eq!(summary(&c), summary(&fresh));
        }
    }
}

mod cache_folders {
    use super::*;
    use crate::corpus::load::load_with_cache;
    use std::time::{Duration, SystemTime};

    const OPTS: LoadOptions = LoadOptions { metadata: true, index: true, cache: true };

    fn set_mtime(p: &std::path::Path, t: SystemTime) {
        std::fs::File::open(p).unwrap().set_modified(t).unwrap();
    }

    /// Dates every file and folder under `root` an hour back, so none is "racy".
    fn age(root: &std::path::Path) -> SystemTime {
        let past = SystemTime::now() - Duration::from_secs(3600);
        for e in walkdir::WalkDir::new(root).contents_first(true) {
            set_mtime(e.unwrap().path(), past);
        }
        past
    }

    #[test]
    fn unchanged_folders_need_no_walk_and_changed_ones_are_seen() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("2019");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), "A headline about the summit\n\nPublished: 2019-04-23\n\nText.").unwrap();
        age(dir.path());
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        assert!(!load_with_cache(&inputs, OPTS, Some(cache.path())).loaded_from_cache());
        assert!(load_with_cache(&inputs, OPTS, Some(cache.path())).loaded_from_cache());

        // A new file changes its folder's time: seen.
        std::fs::write(sub.join("b.txt"), "Another headline about the summit\n\nPublished: 2019-04-24\n\nText.")
            .unwrap();
        let c = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(!c.loaded_from_cache());
        assert_eq!(c.len(), 2);

        // Proof that an unchanged folder is not listed again: a file slipped in with the
        // folder's time put back by hand is not noticed (the documented trade-off).
        let past = age(dir.path());
        assert!(!load_with_cache(&inputs, OPTS, Some(cache.path())).loaded_from_cache(), "times changed");
        assert!(load_with_cache(&inputs, OPTS, Some(cache.path())).loaded_from_cache());
        std::fs::write(sub.join("c.txt"), "A third headline about the summit\n\nPublished: 2019-04-25\n\nText.")
            .unwrap();
        set_mtime(&sub.join("c.txt"), past);
        set_mtime(&sub, past);
        let c = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(c.loaded_from_cache());
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn a_named_path_that_appears_or_vanishes_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A headline about the summit\n\nPublished: 2019-04-23\n\nText.")
            .unwrap();
        age(dir.path());
        let cache = tempfile::tempdir().unwrap();
        let missing = dir.path().join("later");
        let inputs = [dir.path().join("a.txt"), missing.clone()];
        let c = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert_eq!((c.len(), c.unreadable_inputs()), (1, 1));
        std::fs::create_dir(&missing).unwrap();
        let c = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(!c.loaded_from_cache());
        assert_eq!(c.unreadable_inputs(), 0);
    }
}

mod feeds {
    //! Saved feeds through the loader and the cache: snapshots listed once, entries read again
    //! from a cached corpus, and an entry that changed under newsdesk.

    use super::*;
    use crate::corpus::load::{SourceError, load_with_cache};

    const OPTS: LoadOptions = LoadOptions { metadata: true, index: true, cache: true };

    fn feed(items: &[(&str, &str)]) -> String {
        let mut s = String::from("<rss version=\"2.0\"><channel><title>Bay Times</title>\n");
        for (guid, title) in items {
            s.push_str(&format!(
                "<item><title>{title}</title><guid>{guid}</guid><pubDate>Mon, 22 Apr 2019 10:00:00 GMT</pubDate>\
                 <description>{title} in full.</description></item>\n"
            ));
        }
        s.push_str("</channel></rss>\n");
        s
    }

    #[test]
    fn snapshots_load_once_and_read_again_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.rss"), feed(&[("1", "Tide"), ("2", "Wind")])).unwrap();
        std::fs::write(dir.path().join("b.rss"), feed(&[("3", "Rain"), ("1", "Tide")])).unwrap();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        let fresh = load_with_cache(&inputs, OPTS, Some(cache.path()));
        let mut titles: Vec<&str> = fresh.articles().iter().map(|a| &*a.title).collect();
        titles.sort_unstable();
        assert_eq!(titles, ["Rain", "Tide", "Wind"]);
        assert_eq!(fresh.diagnostics(), &[], "a repeated entry is not a warning");
        let cached = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(cached.loaded_from_cache());
        let rain = (0..cached.len() as u32).find(|&i| &*cached.get(i).title == "Rain").unwrap();
        let rec = cached.record(cached.get(rain)).unwrap();
        assert_eq!((rec.entry_index(), rec.line), (Some(0), 2));
        let e = cached.extraction(rain).unwrap();
        assert_eq!(e.body.iter().map(|b| b.text()).collect::<Vec<_>>(), ["Rain in full."]);
        assert_eq!(e.title.evidence.rule, Rule::EntryTitle);
    }

    #[test]
    fn the_same_entry_twice_in_one_feed_is_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.rss"), feed(&[("1", "Tide"), ("1", "Tide again")])).unwrap();
        let c = Corpus::load(&[dir.path().to_path_buf()], LoadOptions { cache: false, ..OPTS });
        assert_eq!(c.articles().iter().map(|a| &*a.title).collect::<Vec<_>>(), ["Tide"]);
        let d: Vec<String> =
            c.diagnostics().iter().map(|d| (d.line, d.severity, d.message.clone())).map(|d| format!("{d:?}")).collect();
        let path = dir.path().join("a.rss").display().to_string();
        assert_eq!(d, [format!("(Some(3), Warning, \"same article as {path}; loaded once\")")]);
    }

    #[test]
    fn an_entry_replaced_in_its_file_is_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.rss");
        std::fs::write(&path, feed(&[("1", "Tide"), ("2", "Wind")])).unwrap();
        let c = Corpus::load(&[dir.path().to_path_buf()], LoadOptions { cache: false, ..OPTS });
        let wind = (0..c.len() as u32).find(|&i| &*c.get(i).title == "Wind").unwrap();
        assert_eq!(c.extraction(wind).unwrap().title.value, "Wind");
        std::fs::write(&path, feed(&[("1", "Tide"), ("9", "Hail")])).unwrap();
        assert!(matches!(c.extraction(wind), Err(SourceError::Changed { .. })));
        std::fs::write(&path, feed(&[("1", "Tide")])).unwrap();
        assert!(matches!(c.extraction(wind), Err(SourceError::Changed { .. })));
    }
}
