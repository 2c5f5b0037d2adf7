//! The corpus cache: metadata and search index kept between runs, so a corpus of 100,000
//! articles opens in a fraction of a second instead of being read and indexed again.
//!
//! One file per corpus (per working directory, paths as given, and options) under
//! `$NEWSDESK_CACHE_DIR`, `$XDG_CACHE_HOME/newsdesk` or `~/.cache/newsdesk` — never inside the
//! corpus. It is used only when it matches the corpus exactly: the same files and metadata
//! files in the same order, each with the same size and modification time, and the same
//! problems from the folder walk. Files modified within [`RACY`] of the cache being written are
//! also re-hashed, since a file rewritten twice in one timestamp tick keeps its time (git's
//! "racy clean" problem). Any difference means a full load, which writes a new cache.
//!
//! Format: a magic line, a format version, the creation time, the key, a postcard-encoded body
//! (length-prefixed), and the search index as raw little-endian arrays (22 MB of posting lists
//! at 100,000 articles, read straight into place; serde would visit them byte by byte).

use std::io::Write;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Corpus;
use super::article::{Article, ArticleId, Author, Evidence, FieldEvidence, Record, Rule, SourceRef};
use super::dates::Published;
use super::diag::{Diagnostic, Severity};
use super::formats::Format;
use super::index::SearchIndex;
use super::load::{Found, Listing, Origin, SourceFile};
use super::metadata::{Metadata, Override};
use super::outlets::{Outlet, OutletId, Outlets};

const MAGIC: &[u8] = b"newsdesk corpus cache\n";
/// Bumped whenever the layout or the meaning of anything stored changes.
const FORMAT: u32 = 2;
/// Files modified this close to the cache's creation are re-hashed when it is read (ns).
const RACY: u64 = 3_000_000_000;
/// Caches kept; the least recently written beyond this are removed.
const KEEP: usize = 8;

/// What identifies a file's content without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, in nanoseconds since the Unix epoch.
    pub mtime_ns: u64,
    /// XXH3 of the content, for files too recently modified to trust their time.
    pub hash: u64,
}

impl Stamp {
    /// Size and time of a file (hash 0: not read).
    pub fn of_metadata(m: &std::fs::Metadata) -> Stamp {
        let mtime_ns =
            m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as u64);
        Stamp { size: m.len(), mtime_ns, hash: 0 }
    }
}

/// The cache file for a load: its path and what must match.
#[derive(Debug, Clone)]
pub struct Key {
    pub path: PathBuf,
    text: String,
}

impl Key {
    /// The key for loading `inputs` from the current directory with these options, for a
    /// cache in `dir`.
    pub fn new(dir: &Path, inputs: &[PathBuf], metadata: bool) -> Option<Key> {
        let cwd = std::env::current_dir().ok()?;
        // The model's fingerprint (build.rs): a build whose extractor or tables differ reads
        // the corpus afresh.
        let mut text = format!(
            "v{FORMAT} {} model={} cwd={} metadata={metadata}",
            env!("CARGO_PKG_VERSION"),
            env!("NEWSDESK_MODEL_FINGERPRINT"),
            cwd.display()
        );
        for p in inputs {
            text.push('\0');
            text.push_str(&p.to_string_lossy());
        }
        let name = format!("{:016x}.cache", xxhash_rust::xxh3::xxh3_64(text.as_bytes()));
        Some(Key { path: dir.join(name), text })
    }
}

/// Where caches live.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("NEWSDESK_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("newsdesk"));
    }
    std::env::var_os("HOME").filter(|d| !d.is_empty()).map(|h| PathBuf::from(h).join(".cache/newsdesk"))
}

// The mirrors are generic over their strings: borrowed (`&str`) when written, so storing a
// corpus copies nothing; owned (`String`) when read. Both encode the same bytes.

#[derive(Serialize, Deserialize)]
struct CFile<S> {
    path: S,
    format: u8,
    stamp: Option<Stamp>,
}

#[derive(Serialize, Deserialize, PartialEq, Eq)]
struct CDiag<S> {
    path: S,
    line: Option<u32>,
    error: bool,
    message: S,
}

#[derive(Serialize, Deserialize)]
struct COutlet<S> {
    name: S,
    domains: Vec<S>,
    aliases: Vec<S>,
    agency: bool,
    datelines: Vec<S>,
}

/// A publication date: (year, month, day, hour, minute, second when given, and the UTC offset
/// in seconds when given).
type CDate = (i16, i8, i8, Option<(i8, i8, i8)>, Option<i32>);

#[derive(Serialize, Deserialize)]
struct CArticle<S> {
    id: u64,
    file: u32,
    record: Option<NonZeroU32>,
    title: S,
    outlet: Option<u16>,
    agency: Option<u16>,
    published: Option<CDate>,
    authors: Vec<(S, Option<S>)>,
    url: Option<S>,
    words: u32,
    evidence: [Option<(u32, Rule)>; 6],
}

/// Serialises a corpus's articles one by one, as a `Vec<CArticle<&str>>` would be (postcard
/// writes a sequence the same way), without building that vector.
struct ArticlesOut<'a>(&'a [Article]);

impl Serialize for ArticlesOut<'_> {
    fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        s.collect_seq(self.0.iter().map(carticle))
    }
}

#[derive(Serialize, Deserialize)]
struct Body<S, A = Vec<CArticle<S>>> {
    /// What each named path was (see `load::input_kind`).
    inputs: Vec<u8>,
    /// Folders read, with their modification times then.
    dirs: Vec<(S, u64)>,
    files: Vec<CFile<S>>,
    metadata_files: Vec<(S, Option<Stamp>)>,
    walk_diagnostics: Vec<CDiag<S>>,
    diagnostics: Vec<CDiag<S>>,
    outlets: Vec<COutlet<S>>,
    metadata_outlets: Vec<COutlet<S>>,
    overrides: Vec<(S, Override)>,
    articles: A,
    records: Vec<Record>,
    unreadable_inputs: usize,
}

fn cdiag(d: &Diagnostic) -> CDiag<&str> {
    CDiag { path: &d.path, line: d.line, error: d.severity == Severity::Error, message: &d.message }
}

fn diag(c: CDiag<String>) -> Diagnostic {
    let severity = if c.error { Severity::Error } else { Severity::Warning };
    Diagnostic { path: c.path, line: c.line, severity, message: c.message }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn coutlet(o: &Outlet) -> COutlet<&str> {
    COutlet {
        name: &o.name,
        domains: strs(&o.domains),
        aliases: strs(&o.aliases),
        agency: o.agency,
        datelines: strs(&o.datelines),
    }
}

fn outlet(c: COutlet<String>) -> Outlet {
    Outlet { name: c.name, domains: c.domains, aliases: c.aliases, agency: c.agency, datelines: c.datelines }
}

fn format_code(f: Format) -> u8 {
    match f {
        Format::Text => 0,
        Format::Json => 1,
        Format::JsonLines => 2,
        Format::Feed => 3,
        Format::Xml => 4,
        Format::Html => 5,
        Format::HtmlGz => 6,
    }
}

fn format_of(code: u8) -> Option<Format> {
    match code {
        0 => Some(Format::Text),
        1 => Some(Format::Json),
        2 => Some(Format::JsonLines),
        3 => Some(Format::Feed),
        4 => Some(Format::Xml),
        5 => Some(Format::Html),
        6 => Some(Format::HtmlGz),
        _ => None,
    }
}

fn carticle(a: &Article) -> CArticle<&str> {
    let e = a.evidence;
    let ev = |x: Option<Evidence>| x.map(|x| (x.line, x.rule));
    CArticle {
        id: a.id.0,
        file: a.source.file,
        record: a.source.record,
        title: &a.title,
        outlet: a.outlet.map(|o| o.0),
        agency: a.agency.map(|o| o.0),
        published: a.published.map(|p| {
            let time = p.time.map(|t| (t.hour(), t.minute(), t.second()));
            (p.date.year(), p.date.month(), p.date.day(), time, p.offset.map(|o| o.seconds()))
        }),
        authors: a.authors.iter().map(|x| (&*x.name, x.native.as_deref())).collect(),
        url: a.url.as_deref(),
        words: a.words,
        evidence: [ev(e.title), ev(e.outlet), ev(e.agency), ev(e.published), ev(e.authors), ev(e.url)],
    }
}

fn article(c: CArticle<String>) -> Option<Article> {
    let published = match c.published {
        None => None,
        Some((y, m, d, t, off)) => {
            let date = jiff::civil::Date::new(y, m, d).ok()?;
            let time = match t {
                None => None,
                Some((h, mi, s)) => Some(jiff::civil::Time::new(h, mi, s, 0).ok()?),
            };
            let offset = match off {
                None => None,
                Some(s) => Some(jiff::tz::Offset::from_seconds(s).ok()?),
            };
            Some(Published { date, time, offset })
        }
    };
    let ev = |x: Option<(u32, Rule)>| x.map(|(line, rule)| Evidence { line, rule });
    let [title, outlet, agency, publ, authors, url] = c.evidence;
    Some(Article {
        id: ArticleId(c.id),
        source: SourceRef { file: c.file, record: c.record },
        title: c.title.into_boxed_str(),
        outlet: c.outlet.map(OutletId),
        agency: c.agency.map(OutletId),
        published,
        authors: c
            .authors
            .into_iter()
            .map(|(name, native)| Author { name: name.into_boxed_str(), native: native.map(String::into_boxed_str) })
            .collect(),
        url: c.url.map(String::into_boxed_str),
        words: c.words,
        evidence: FieldEvidence {
            title: ev(title),
            outlet: ev(outlet),
            agency: ev(agency),
            published: ev(publ),
            authors: ev(authors),
            url: ev(url),
        },
    })
}

fn now_ns() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// The stamp a file has now; `hash` only when `with_hash`.
fn stamp_now(path: &Path, with_hash: bool) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    let mut s = Stamp::of_metadata(&m);
    if with_hash {
        s.hash = xxhash_rust::xxh3::xxh3_64(&std::fs::read(path).ok()?);
    }
    Some(s)
}

/// Whether a file is as its stamp says: the same size and time; the same content too when the
/// time is within [`RACY`] of the cache's creation and the content was read then (hash 0: not
/// read, such as a file refused as too large). No stamp: it could not be looked at, and still
/// cannot.
fn unchanged(path: &Path, stamp: Option<Stamp>, created: u64) -> bool {
    let Some(s) = stamp else { return std::fs::metadata(path).is_err() };
    let racy = s.hash != 0 && s.mtime_ns.saturating_add(RACY) >= created;
    stamp_now(path, racy).is_some_and(|n| n.size == s.size && n.mtime_ns == s.mtime_ns && (!racy || n.hash == s.hash))
}

/// Sets a cache's creation time, after its too-recent entries were verified.
fn redate(path: &Path, created: u64) {
    use std::os::unix::fs::FileExt;
    if let Ok(f) = std::fs::OpenOptions::new().write(true).open(path) {
        let _ = f.write_at(&created.to_le_bytes(), (MAGIC.len() + 4) as u64);
    }
}

/// Writes the cache for a corpus just loaded. Failures are not errors: the next run loads the
/// corpus again.
pub(crate) fn store(key: &Key, corpus: &Corpus, walk_diagnostics: &[Diagnostic], found: &Listing) {
    if let Err(e) = try_store(key, corpus, walk_diagnostics, found)
        && std::env::var_os("NEWSDESK_TIMINGS").is_some()
    {
        eprintln!("newsdesk: cache not written: {e}");
    }
}

fn try_store(key: &Key, corpus: &Corpus, walk: &[Diagnostic], found: &Listing) -> Result<(), String> {
    let metadata_files = &found.metadata;
    let index = corpus.index.get().ok_or("no index")?;
    let mut files = Vec::with_capacity(corpus.files.len());
    for f in &corpus.files {
        if !matches!(f.origin, Origin::Disk) {
            return Err("a file path is not UTF-8, or the corpus is bundled".into());
        }
        files.push(CFile { path: f.path.as_str(), format: format_code(f.format), stamp: f.stamp });
    }
    let meta = &corpus.metadata;
    let mut overrides = Vec::new();
    for (p, o) in &meta.overrides {
        overrides.push((p.to_str().ok_or("a metadata path is not UTF-8")?, o.clone()));
    }
    let mut dirs = Vec::with_capacity(found.dirs.len());
    for (p, t) in &found.dirs {
        dirs.push((p.to_str().ok_or("a folder path is not UTF-8")?, *t));
    }
    let body: Body<&str, ArticlesOut<'_>> = Body {
        inputs: found.inputs.clone(),
        dirs,
        files,
        metadata_files: metadata_files
            .iter()
            .zip(&found.metadata_stamps)
            .map(|(p, s)| Ok((p.to_str().ok_or("a metadata path is not UTF-8")?, *s)))
            .collect::<Result<_, String>>()?,
        walk_diagnostics: walk.iter().map(cdiag).collect(),
        diagnostics: corpus.diagnostics.iter().map(cdiag).collect(),
        outlets: corpus.outlets.iter().map(|(_, o)| coutlet(o)).collect(),
        metadata_outlets: meta.outlets.iter().map(coutlet).collect(),
        overrides,
        articles: ArticlesOut(&corpus.articles),
        records: corpus.records.clone(),
        unreadable_inputs: corpus.unreadable_inputs,
    };
    // The body's size first, for its length prefix; then it streams into the file.
    let size = postcard::serialize_with_flavor::<_, postcard::ser_flavors::Size, usize>(&body, Default::default())
        .map_err(|e| e.to_string())?;

    let dir = key.path.parent().ok_or("no cache directory")?;
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    // Write beside, then rename: a reader never sees half a cache. The index streams from
    // memory to the file; nothing is assembled twice.
    let name = key.path.file_name().and_then(|n| n.to_str()).unwrap_or("cache");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        f.write_all(MAGIC)?;
        f.write_all(&FORMAT.to_le_bytes())?;
        f.write_all(&now_ns().to_le_bytes())?;
        f.write_all(&(key.text.len() as u64).to_le_bytes())?;
        f.write_all(key.text.as_bytes())?;
        f.write_all(&(size as u64).to_le_bytes())?;
        postcard::to_io(&body, &mut f).map_err(std::io::Error::other)?;
        index.write_raw(&mut f)?;
        f.into_inner().map_err(std::io::IntoInnerError::into_error)?.sync_data()
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.to_string());
    }
    std::fs::rename(&tmp, &key.path).map_err(|e| e.to_string())?;
    prune(dir);
    Ok(())
}

/// Keeps the [`KEEP`] most recently written caches.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut caches: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "cache"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    caches.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, p) in caches.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(p);
    }
}

/// The corpus from the cache, if the cache exists and matches the files on disk.
///
/// No folder is walked when every folder the last walk read still has its modification time
/// (so no entry was added, removed or renamed) and that time is older than [`RACY`]; otherwise
/// `rewalk` walks again and the listing must match.
pub(crate) fn load(key: &Key, inputs: &[PathBuf], rewalk: &dyn Fn() -> (Found, Vec<Diagnostic>)) -> Option<Corpus> {
    use std::io::Read;
    let mut f = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(&key.path).ok()?);
    let mut magic = vec![0; MAGIC.len()];
    f.read_exact(&mut magic).ok()?;
    let mut word = [0u8; 8];
    let mut u64_of = |f: &mut std::io::BufReader<std::fs::File>| -> Option<u64> {
        f.read_exact(&mut word).ok()?;
        Some(u64::from_le_bytes(word))
    };
    let mut format = [0u8; 4];
    f.read_exact(&mut format).ok()?;
    if magic != MAGIC || u32::from_le_bytes(format) != FORMAT {
        return None;
    }
    let created = u64_of(&mut f)?;
    let key_len = usize::try_from(u64_of(&mut f)?).ok()?;
    if key_len != key.text.len() {
        return None;
    }
    let mut text = vec![0; key_len];
    f.read_exact(&mut text).ok()?;
    if text != key.text.as_bytes() {
        return None;
    }
    let body_len = usize::try_from(u64_of(&mut f)?).ok().filter(|&n| n < 1 << 36)?;
    let t = std::time::Instant::now();
    let lap = |what: &str| {
        if std::env::var_os("NEWSDESK_TIMINGS").is_some() {
            eprintln!("newsdesk:   cache {what}: {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
        }
    };
    let body: Body<String> = {
        let mut bytes = vec![0; body_len];
        f.read_exact(&mut bytes).ok()?;
        postcard::from_bytes(&bytes).ok()?
    };

    lap("body read and decoded");
    // The named paths are what they were.
    if body.inputs.len() != inputs.len()
        || inputs.iter().zip(&body.inputs).any(|(p, k)| super::load::input_kind(p) != *k)
    {
        return None;
    }
    // Every folder read last time has the same time; when one is too recent to trust, walk.
    let dirs_ok =
        body.dirs.par_iter().all(|(p, t)| std::fs::metadata(p).is_ok_and(|m| Stamp::of_metadata(&m).mtime_ns == *t));
    if !dirs_ok {
        return None;
    }
    if body.dirs.iter().any(|(_, t)| t.saturating_add(RACY) >= created) {
        let (found, walk) = rewalk();
        let same_files = found.files.len() == body.files.len()
            && body
                .files
                .iter()
                .zip(&found.files)
                .all(|(c, (p, f))| p.to_str() == Some(c.path.as_str()) && format_of(c.format) == Some(*f));
        let same_meta = found.listing.metadata.len() == body.metadata_files.len()
            && found
                .listing
                .metadata
                .iter()
                .zip(&body.metadata_files)
                .all(|(m, (p, _))| m.to_str() == Some(p.as_str()));
        let same = |a: &Diagnostic, b: &CDiag<String>| {
            (a.path.as_str(), a.line, a.message.as_str()) == (b.path.as_str(), b.line, b.message.as_str())
        };
        let same_walk = walk.len() == body.walk_diagnostics.len()
            && walk.iter().zip(&body.walk_diagnostics).all(|(a, b)| same(a, b));
        if !(same_files && same_meta && same_walk) {
            return None;
        }
        lap("folders walked again");
    }
    // The same files (and metadata files) with the same sizes and times, and content when the
    // time is too close to the cache's to trust.
    let stamps = body.files.par_iter().map(|c| (c.path.as_str(), c.stamp));
    let meta_stamps = body.metadata_files.par_iter().map(|(p, s)| (p.as_str(), *s));
    if !stamps.chain(meta_stamps).all(|(p, s)| unchanged(Path::new(p), s, created)) {
        return None;
    }
    lap("files checked");
    // Entries too recent to trust when this cache was written have just been verified the slow
    // way; once all are old enough, say so in the cache, so the next start is fast again.
    let newest = body
        .files
        .iter()
        .filter_map(|c| c.stamp.map(|s| s.mtime_ns))
        .chain(body.metadata_files.iter().filter_map(|(_, s)| s.map(|s| s.mtime_ns)))
        .chain(body.dirs.iter().map(|(_, t)| *t))
        .max()
        .unwrap_or(0);
    let now = now_ns();
    if newest.saturating_add(RACY) >= created && newest.saturating_add(RACY) < now {
        redate(&key.path, now);
    }

    let index = SearchIndex::read_raw(&mut f)?;
    lap("index read");
    let mut outlets = Outlets::default();
    for o in body.outlets {
        outlets.add(outlet(o)).ok()?;
    }
    let mut metadata = Metadata {
        files: body.metadata_files.iter().map(|(p, _)| PathBuf::from(p)).collect(),
        outlets: body.metadata_outlets.into_iter().map(outlet).collect(),
        overrides: Default::default(),
    };
    for (p, o) in body.overrides {
        metadata.overrides.insert(PathBuf::from(p), o);
    }
    let source_files: Vec<SourceFile> = body
        .files
        .into_iter()
        .map(|c| SourceFile {
            path: c.path,
            origin: Origin::Disk,
            format: format_of(c.format).unwrap_or(Format::Text),
            stamp: c.stamp,
        })
        .collect();
    let articles: Vec<Article> = body.articles.into_iter().map(article).collect::<Option<_>>()?;
    if articles.iter().any(|a| a.source.file as usize >= source_files.len()) {
        return None;
    }
    let diagnostics = body.diagnostics.into_iter().map(diag).collect();
    lap("articles converted");
    let mut c = Corpus::new(source_files, articles, outlets, metadata, diagnostics, Some(index));
    lap("corpus indexes built");
    c.records = body.records;
    c.unreadable_inputs = body.unreadable_inputs;
    c.from_cache = true;
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::{LoadOptions, load_with_cache};
    use std::time::Duration;

    const OPTS: LoadOptions = LoadOptions { metadata: true, index: true, cache: true };

    fn created_of(dir: &Path) -> u64 {
        let file = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "cache"))
            .unwrap();
        let bytes = std::fs::read(file).unwrap();
        let at = MAGIC.len() + 4;
        u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap())
    }

    #[test]
    fn the_cache_keeps_a_date_offset() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "A headline about the summit\n\nPublished: 2019-04-23 10:15 KST\n\nText.",
        )
        .unwrap();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        let first = load_with_cache(&inputs, OPTS, Some(cache.path()));
        let again = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(again.loaded_from_cache());
        let p = again.get(0).published.unwrap();
        assert_eq!((p.to_string(), p.offset_text()), ("2019-04-23T10:15".to_string(), Some("+09:00".to_string())));
        assert_eq!(first.get(0).published.unwrap().offset_text(), p.offset_text());
    }

    #[test]
    fn a_file_refused_as_too_large_does_not_disable_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A headline about the summit\n\nPublished: 2019-04-23\n\nText.")
            .unwrap();
        std::fs::write(dir.path().join("big.txt"), vec![b'x'; 9 * 1024 * 1024]).unwrap();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        let first = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert_eq!(first.count(Severity::Error), 1, "{:?}", first.diagnostics());
        let again = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(again.loaded_from_cache());
        assert_eq!(again.diagnostics(), first.diagnostics());
    }

    #[test]
    fn a_cache_verified_the_slow_way_is_redated_once_its_entries_are_old() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "A headline about the summit\n\nPublished: 2019-04-23\n\nText.").unwrap();
        // Files and folder an hour old.
        let past = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::open(&a).unwrap().set_modified(past).unwrap();
        std::fs::File::open(dir.path()).unwrap().set_modified(past).unwrap();
        let cache = tempfile::tempdir().unwrap();
        let inputs = [dir.path().to_path_buf()];
        load_with_cache(&inputs, OPTS, Some(cache.path()));
        // Pretend the cache was written just after the files changed: they are "racy" to it.
        let past_ns = past.duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64;
        let key = Key::new(cache.path(), &inputs, true).unwrap();
        redate(&key.path, past_ns + 1_000_000_000);
        assert_eq!(created_of(cache.path()), past_ns + 1_000_000_000);
        // The next load verifies them by content, then records that they are old now.
        let c = load_with_cache(&inputs, OPTS, Some(cache.path()));
        assert!(c.loaded_from_cache());
        assert!(created_of(cache.path()) > now_ns() - 60_000_000_000, "redated to now");
    }
}
