//! Loading: from paths (files and folders, recursively) or the bundled corpus to a [`Corpus`].
//!
//! Files are found first (a sorted walk that skips hidden entries and reports symlink loops and
//! unreadable folders), then read and parsed in parallel in chunks, each chunk building a
//! partial search index; chunks are merged in order, so the result does not depend on thread
//! timing. Nothing here stops at a bad file: problems become diagnostics.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::Corpus;
use super::article::{Article, ArticleId, FieldEvidence, OutletRef, Record, SourceRef};
use super::cache::{self, Stamp};
use super::diag::Diagnostic;
use super::formats::{self, Format, Parsed, Problem};
use super::index::{IndexBuilder, SearchIndex};
use super::metadata::{self, Metadata};
use super::outlets::{OutletId, Outlets};
use super::text;

/// How to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Read `newsdesk.toml` files (off: the extractor alone, `--no-metadata`).
    pub metadata: bool,
    /// Build the full-text index while loading (the reader and `--search` need it).
    pub index: bool,
    /// Use and write the corpus cache (see [`super::cache`]). Off by default in the library,
    /// on in the command line.
    pub cache: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { metadata: true, index: true, cache: false }
    }
}

/// Where a file's bytes come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// On disk, at [`SourceFile::path`].
    Disk,
    /// On disk at a path that is not valid UTF-8 ([`SourceFile::path`] shows it lossily).
    DiskRaw(PathBuf),
    /// Compiled into the binary (the bundled corpus).
    Bundled(&'static [u8]),
}

/// One file of the corpus.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user named it or as found under a folder they named.
    pub path: String,
    pub origin: Origin,
    pub format: Format,
    /// Size, time and hash when it was read (files on disk that could be read).
    pub stamp: Option<Stamp>,
}

impl SourceFile {
    fn on_disk(path: PathBuf, format: Format) -> SourceFile {
        match path.into_os_string().into_string() {
            Ok(s) => SourceFile { path: s, origin: Origin::Disk, format, stamp: None },
            Err(raw) => {
                let p = PathBuf::from(raw);
                SourceFile { path: p.display().to_string(), origin: Origin::DiskRaw(p), format, stamp: None }
            }
        }
    }

    /// The file's path on disk; None for bundled files.
    pub fn disk_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::Disk => Some(Path::new(&self.path)),
            Origin::DiskRaw(p) => Some(p),
            Origin::Bundled(_) => None,
        }
    }
}

/// Reading an article's text again, on demand.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: the file changed since newsdesk loaded it; reload to read it again")]
    Changed { path: String },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse { path: String, line: Option<u32>, message: String },
}

/// The bundled corpus: the five seed articles and their metadata, compiled in.
pub mod bundled {
    /// `(path, bytes)` of each article file.
    pub const FILES: &[(&str, &[u8])] = &[
        ("corpus/000_0595658c55417145.txt", include_bytes!("../../corpus/000_0595658c55417145.txt")),
        ("corpus/001_f3496015afe3183b.txt", include_bytes!("../../corpus/001_f3496015afe3183b.txt")),
        ("corpus/002_600930966775bc34.txt", include_bytes!("../../corpus/002_600930966775bc34.txt")),
        ("corpus/003_38a6156a7a003cab.txt", include_bytes!("../../corpus/003_38a6156a7a003cab.txt")),
        ("corpus/004_137e2a66756e9f36.txt", include_bytes!("../../corpus/004_137e2a66756e9f36.txt")),
    ];
    /// The metadata file.
    pub const METADATA: (&str, &str) = ("corpus/newsdesk.toml", include_str!("../../corpus/newsdesk.toml"));
}

/// Files found under the inputs.
pub(crate) struct Found {
    pub(crate) files: Vec<(PathBuf, Format)>,
    pub(crate) listing: Listing,
    /// Named paths that could not be read at all.
    pub(crate) unreadable: usize,
}

/// What else a walk found, besides the files: what the cache checks to trust a listing.
pub(crate) struct Listing {
    pub(crate) metadata: Vec<PathBuf>,
    /// The metadata files' stamps as they were read (filled when they are read).
    pub(crate) metadata_stamps: Vec<Option<Stamp>>,
    /// What each named path was: 0 missing, 1 a file, 2 a folder, 3 something else.
    pub(crate) inputs: Vec<u8>,
    /// Folders whose listing the result depends on, with their modification time when read:
    /// while none changes, no file was added, removed or renamed.
    pub(crate) dirs: Vec<(PathBuf, u64)>,
}

fn mtime_ns(m: &std::fs::Metadata) -> u64 {
    Stamp::of_metadata(m).mtime_ns
}

/// What a named path is now: 0 missing, 1 a file, 2 a folder, 3 something else.
pub(crate) fn input_kind(p: &Path) -> u8 {
    match std::fs::metadata(p) {
        Err(_) => 0,
        Ok(m) if m.is_file() => 1,
        Ok(m) if m.is_dir() => 2,
        Ok(_) => 3,
    }
}

pub(crate) fn discover(inputs: &[PathBuf], opts: LoadOptions, diags: &mut Vec<Diagnostic>) -> Found {
    let mut found = Found {
        files: Vec::new(),
        listing: Listing { metadata: Vec::new(), metadata_stamps: Vec::new(), inputs: Vec::new(), dirs: Vec::new() },
        unreadable: 0,
    };
    let add_meta = |found: &mut Found, p: PathBuf| {
        if opts.metadata && !found.listing.metadata.contains(&p) {
            found.listing.metadata.push(p);
        }
    };
    for input in inputs {
        let shown = input.display().to_string();
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                diags.push(Diagnostic::error(shown, None, io_message(&e)));
                found.unreadable += 1;
                found.listing.inputs.push(0);
                continue;
            }
        };
        found.listing.inputs.push(if meta.is_file() {
            1
        } else if meta.is_dir() {
            2
        } else {
            3
        });
        if meta.is_file() {
            // A newsdesk.toml may appear beside it.
            let parent = input.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            if let Ok(m) = std::fs::metadata(parent) {
                found.listing.dirs.push((parent.to_path_buf(), mtime_ns(&m)));
            }
            if input.file_name().is_some_and(|n| n == metadata::FILE_NAME) {
                add_meta(&mut found, input.clone());
                continue;
            }
            // A file named on the command line is read as text whatever its extension.
            found.files.push((input.clone(), Format::of(input).unwrap_or(Format::Text)));
            let sibling = input.parent().unwrap_or(Path::new("")).join(metadata::FILE_NAME);
            if sibling.is_file() {
                add_meta(&mut found, sibling);
            }
            continue;
        }
        if !meta.is_dir() {
            diags.push(Diagnostic::error(shown, None, "not a regular file or folder; skipped"));
            continue;
        }
        let walk = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map(|p| p.display().to_string()).unwrap_or_else(|| shown.clone());
                    let msg = match (e.loop_ancestor(), e.io_error()) {
                        (Some(a), _) => format!("symlink loop back to {}; skipped", a.display()),
                        (None, Some(io)) => io_message(io),
                        (None, None) => e.to_string(),
                    };
                    diags.push(Diagnostic::error(path, None, msg));
                    continue;
                }
            };
            let ft = entry.file_type();
            if ft.is_dir() {
                if let Ok(m) = entry.metadata() {
                    found.listing.dirs.push((entry.into_path(), mtime_ns(&m)));
                }
                continue;
            }
            let path = entry.into_path();
            if path.file_name().is_some_and(|n| n == metadata::FILE_NAME) {
                add_meta(&mut found, path);
                continue;
            }
            let Some(format) = Format::of(&path) else { continue };
            if !ft.is_file() {
                diags.push(Diagnostic::error(path.display().to_string(), None, "not a regular file; skipped"));
                continue;
            }
            found.files.push((path, format));
        }
    }
    found
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied; skipped".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// What one chunk of files gives: parsed articles (with their file index), problems, and a
/// partial index over the chunk's articles numbered from 0.
struct ChunkResult {
    articles: Vec<(u32, Parsed, u32)>,
    problems: Vec<(u32, Problem)>,
    index: Option<IndexBuilder>,
    stamps: Vec<(u32, Stamp)>,
}

/// A file's bytes and their XXH3 hash.
type Contents = (std::borrow::Cow<'static, [u8]>, u64);

/// A file's bytes and their XXH3 hash (a text file's article id), or why it could not be
/// read; and its stamp (size, time, and the hash when read) whenever it could be looked at, so
/// the cache can tell later whether it changed, readable or not.
fn read_file(file: &SourceFile) -> (Result<Contents, Problem>, Option<Stamp>) {
    let path = match (&file.origin, file.disk_path()) {
        (Origin::Bundled(b), _) => return (Ok((std::borrow::Cow::Borrowed(*b), xxhash_rust::xxh3::xxh3_64(b))), None),
        (_, None) => return (Err(problem("no source")), None),
        (_, Some(p)) => p,
    };
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return (Err(problem_io(&e)), std::fs::metadata(path).ok().map(|m| Stamp::of_metadata(&m))),
    };
    let meta = match f.metadata() {
        Ok(m) => m,
        Err(e) => return (Err(problem_io(&e)), None),
    };
    let mut stamp = Stamp::of_metadata(&meta);
    let len = meta.len();
    let max = file.format.max_bytes();
    if len > max {
        let what = match file.format {
            Format::Text => "article",
            Format::Json | Format::JsonLines => "JSON",
            Format::Html | Format::HtmlGz => "page",
        };
        let msg = format!(
            "too large ({:.1} MB; the limit for one {what} file is {} MB); skipped",
            len as f64 / 1e6,
            max / (1024 * 1024)
        );
        return (Err(problem(&msg)), Some(stamp));
    }
    let mut buf = Vec::with_capacity(len as usize);
    if let Err(e) = f.read_to_end(&mut buf) {
        return (Err(problem_io(&e)), Some(stamp));
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&buf);
    stamp.hash = hash;
    (Ok((std::borrow::Cow::Owned(buf), hash)), Some(stamp))
}

fn problem(message: &str) -> Problem {
    Problem { line: None, severity: super::diag::Severity::Error, message: message.into() }
}

fn problem_io(e: &std::io::Error) -> Problem {
    Problem { line: None, severity: super::diag::Severity::Error, message: io_message(e) }
}

fn parse_chunk(files: &[SourceFile], first: u32, outlets: &Outlets, meta: &Metadata, index: bool) -> ChunkResult {
    let mut out = ChunkResult {
        articles: Vec::new(),
        problems: Vec::new(),
        index: index.then(IndexBuilder::default),
        stamps: Vec::new(),
    };
    for (k, file) in files.iter().enumerate() {
        let fi = first + k as u32;
        let (read, stamp) = read_file(file);
        if let Some(s) = stamp {
            out.stamps.push((fi, s));
        }
        let (bytes, hash) = match read {
            Ok(r) => r,
            Err(p) => {
                out.problems.push((fi, p));
                continue;
            }
        };
        let (parsed, problems) = formats::parse_file_hashed(&bytes, hash, file.format, outlets);
        out.problems.extend(problems.into_iter().map(|p| (fi, p)));
        for mut p in parsed {
            finish(&mut p.extraction, meta, file);
            for n in &p.extraction.notes {
                let line = if n.line > 0 { Some(n.line) } else { p.record.map(|r| r.line) };
                out.problems
                    .push((fi, Problem { line, severity: super::diag::Severity::Warning, message: n.message.clone() }));
            }
            let words = p.extraction.words();
            if let Some(ix) = &mut out.index {
                let local = out.articles.len() as u32;
                ix.add(
                    local,
                    std::iter::once(p.extraction.title.value.as_str())
                        .chain(p.extraction.body.iter().map(|b| b.text())),
                );
            }
            // The body is not kept: it is read again on demand.
            p.extraction.body = Vec::new();
            out.articles.push((fi, p, words));
        }
    }
    out
}

/// The last step of reading an article, shared by loading and re-reading: newsdesk.toml's
/// overrides, then the notes that depend on the final fields.
fn finish(e: &mut super::article::Extraction, meta: &Metadata, file: &SourceFile) {
    if let Some(o) = meta.for_path(Path::new(&file.path)) {
        let path = meta.files.get(o.source).map_or(Path::new(metadata::FILE_NAME), PathBuf::as_path);
        o.apply(e, path);
    }
    if e.outlet.is_none() {
        e.notes.push(super::article::Note::on(super::article::NoteOn::Outlet, 0, NO_OUTLET));
    }
}

/// The warning for an article whose text names no outlet.
pub const NO_OUTLET: &str = "no outlet named in the text; name it in newsdesk.toml";

/// Loads the given paths (through the cache in the user's cache directory when
/// `opts.cache`).
pub fn load_paths(inputs: &[PathBuf], opts: LoadOptions) -> Corpus {
    let dir = if opts.cache { cache::cache_dir() } else { None };
    load_with_cache(inputs, opts, dir.as_deref())
}

/// Loads the given paths, using and writing a cache in `cache_dir` when given.
pub fn load_with_cache(inputs: &[PathBuf], opts: LoadOptions, cache_dir: Option<&Path>) -> Corpus {
    let key = cache_dir.and_then(|d| cache::Key::new(d, inputs, opts.metadata));
    if let Some(key) = &key {
        let t = Instant::now();
        let rewalk = || {
            let mut d = Vec::new();
            let f = discover(inputs, opts, &mut d);
            (f, d)
        };
        if let Some(c) = cache::load(key, inputs, &rewalk) {
            timing("read the cache", t, c.len());
            return c;
        }
        timing("no usable cache", t, 0);
    }
    let mut diags = Vec::new();
    let t = Instant::now();
    let found = discover(inputs, opts, &mut diags);
    timing("discover", t, found.files.len());
    let walk_diagnostics = diags.clone();
    let mut meta = Metadata::default();
    let mut found = found;
    for m in &found.listing.metadata {
        // Stamped as read, so an edit after this read is seen by the cache.
        let stamp = std::fs::metadata(m).ok().map(|md| Stamp::of_metadata(&md));
        match std::fs::read(m) {
            Ok(bytes) => {
                let (text, _) = text::decode(&bytes);
                meta.add(m, &text, &mut diags);
                found
                    .listing
                    .metadata_stamps
                    .push(stamp.map(|s| Stamp { hash: xxhash_rust::xxh3::xxh3_64(&bytes), ..s }));
            }
            Err(e) => {
                diags.push(Diagnostic::error(m.display().to_string(), None, io_message(&e)));
                found.listing.metadata_stamps.push(stamp);
            }
        }
    }
    let Found { files, listing, unreadable } = found;
    let files = files.into_iter().map(|(p, format)| SourceFile::on_disk(p, format)).collect();
    let mut corpus = build(files, meta, diags, opts);
    corpus.unreadable_inputs = unreadable;
    // Only a load that built the index is worth keeping: it is the slow one.
    if let Some(key) = key.filter(|_| opts.index) {
        let t = Instant::now();
        cache::store(&key, &corpus, &walk_diagnostics, &listing);
        timing("write the cache", t, corpus.len());
    }
    corpus
}

/// Loads the corpus compiled into the binary.
pub fn load_bundled(opts: LoadOptions) -> Corpus {
    let mut diags = Vec::new();
    let mut meta = Metadata::default();
    if opts.metadata {
        meta.add(Path::new(bundled::METADATA.0), bundled::METADATA.1, &mut diags);
    }
    let files = bundled::FILES
        .iter()
        .map(|(p, b)| SourceFile {
            path: (*p).to_string(),
            origin: Origin::Bundled(b),
            format: Format::Text,
            stamp: None,
        })
        .collect();
    build(files, meta, diags, opts)
}

/// Articles per parallel work unit: big enough that merging partial indexes is cheap, small
/// enough that parsed bodies in flight stay a few megabytes.
pub(crate) const CHUNK: usize = 256;

fn build(files: Vec<SourceFile>, meta: Metadata, mut diags: Vec<Diagnostic>, opts: LoadOptions) -> Corpus {
    let mut outlets = Outlets::builtin();
    for o in &meta.outlets {
        if let Err(e) = outlets.add(o.clone()) {
            diags.push(Diagnostic::error(
                meta.files.first().map(|p| p.display().to_string()).unwrap_or_default(),
                None,
                e.to_string(),
            ));
        }
    }
    let t = Instant::now();
    let mut files = files;
    let mut stamps: Vec<(u32, Stamp)> = Vec::with_capacity(files.len());
    let mut articles: Vec<Article> = Vec::with_capacity(files.len());
    let mut records: Vec<Record> = Vec::new();
    let mut seen: foldhash::HashMap<ArticleId, u32> = foldhash::HashMap::default();
    seen.reserve(files.len());
    let mut index = opts.index.then(IndexBuilder::default);

    // Windows of chunks are parsed in parallel; each window is merged, in order, while the
    // next one is parsed, so merging (one thread) overlaps parsing (the rest), memory in flight
    // stays bounded, and the result does not depend on thread timing.
    let window = CHUNK * rayon::current_num_threads().max(1) * 2;
    let windows: Vec<usize> = (0..files.len()).step_by(window).collect();
    // Parsing reads the table as it was before this load added any outlets: new outlets are
    // interned by the merge, and extraction only needs the known ones.
    let table = outlets.clone();
    let parse = |start: usize| -> Vec<ChunkResult> {
        let end = (start + window).min(files.len());
        files[start..end]
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| parse_chunk(chunk, (start + c * CHUNK) as u32, &table, &meta, opts.index))
            .collect()
    };
    let mut pending = windows.first().map(|&w| parse(w)).unwrap_or_default();
    for k in 0..windows.len() {
        let next = windows.get(k + 1).copied();
        let (parsed, ()) = rayon::join(
            || next.map(parse).unwrap_or_default(),
            || {
                for mut r in std::mem::take(&mut pending) {
                    stamps.append(&mut r.stamps);
                    let sink =
                        Sink { articles: &mut articles, records: &mut records, seen: &mut seen, diags: &mut diags };
                    merge_chunk(r, &files, &mut outlets, sink, index.as_mut());
                }
            },
        );
        pending = parsed;
    }
    timing("parse and merge", t, articles.len());
    let t = Instant::now();
    let index = index.map(|mut b| {
        b.set_docs(articles.len() as u32);
        b.finish()
    });
    timing("finish index", t, index.as_ref().map_or(0, SearchIndex::terms));
    for (fi, s) in stamps {
        files[fi as usize].stamp = Some(s);
    }
    let mut corpus = Corpus::new(files, articles, outlets, meta, diags, index);
    corpus.records = records;
    corpus
}

/// Where merged chunks go.
struct Sink<'a> {
    articles: &'a mut Vec<Article>,
    records: &'a mut Vec<Record>,
    seen: &'a mut foldhash::HashMap<ArticleId, u32>,
    diags: &'a mut Vec<Diagnostic>,
}

/// With `NEWSDESK_TIMINGS` set, prints how long a loading phase took and the resident memory
/// after it, for the performance notes.
fn timing(phase: &str, since: Instant, items: usize) {
    if std::env::var_os("NEWSDESK_TIMINGS").is_none() {
        return;
    }
    let rss = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(String::new(), |pages| format!(", rss {} MB", pages * 4096 / 1_000_000));
    eprintln!("newsdesk: {phase}: {:.0} ms, {items} items{rss}", since.elapsed().as_secs_f64() * 1000.0);
}

fn merge_chunk(
    r: ChunkResult,
    files: &[SourceFile],
    outlets: &mut Outlets,
    out: Sink<'_>,
    index: Option<&mut IndexBuilder>,
) {
    let Sink { articles, records, seen, diags } = out;
    // Problems and articles interleave by file so diagnostics stay in file order.
    let mut problems = r.problems.into_iter().peekable();
    let mut remap: Vec<Option<u32>> = Vec::with_capacity(r.articles.len());
    for (fi, p, words) in r.articles {
        while let Some((pf, _)) = problems.peek() {
            if *pf > fi {
                break;
            }
            if let Some((pf, pr)) = problems.next() {
                diags.push(diagnostic(&files[pf as usize], pr));
            }
        }
        let path = &files[fi as usize].path;
        if let Some(&other) = seen.get(&p.id) {
            let first = &files[articles[other as usize].source.file as usize].path;
            let line = p.record.map(|r| r.line);
            diags.push(Diagnostic::warning(path.clone(), line, format!("same article as {first}; loaded once")));
            remap.push(None);
            continue;
        }
        let n = articles.len() as u32;
        seen.insert(p.id, n);
        remap.push(Some(n));
        let record = p.record.map(|r| {
            records.push(r);
            std::num::NonZeroU32::new(records.len() as u32).expect("at least one record")
        });
        let article = to_article(p, SourceRef { file: fi, record }, words, outlets, path, diags);
        articles.push(article);
    }
    for (pf, pr) in problems {
        diags.push(diagnostic(&files[pf as usize], pr));
    }
    if let (Some(global), Some(local)) = (index, r.index) {
        global.merge(local, &remap);
    }
}

fn diagnostic(file: &SourceFile, p: Problem) -> Diagnostic {
    Diagnostic { path: file.path.clone(), line: p.line, severity: p.severity, message: p.message }
}

/// Resolves an outlet reference, adding outlets the table does not know yet.
fn intern(outlets: &mut Outlets, r: &OutletRef) -> Result<OutletId, super::outlets::OutletTableError> {
    match r {
        OutletRef::Known(id) => Ok(*id),
        OutletRef::Domain(d) => outlets.intern_domain(d),
        OutletRef::Name(n) => outlets.intern_name(n),
    }
}

fn to_article(
    p: Parsed,
    source: SourceRef,
    words: u32,
    outlets: &mut Outlets,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Article {
    let e = p.extraction;
    let mut resolve = |f: &super::article::Field<OutletRef>| match intern(outlets, &f.value) {
        Ok(id) => Some(id),
        Err(err) => {
            diags.push(Diagnostic::warning(
                path,
                Some(f.evidence.line).filter(|&l| l > 0),
                format!("outlet not recorded: {err}"),
            ));
            None
        }
    };
    let outlet = e.outlet.as_ref().and_then(&mut resolve);
    let agency = e.agency.as_ref().and_then(&mut resolve);
    Article {
        id: p.id,
        source,
        title: e.title.value.into_boxed_str(),
        outlet,
        agency,
        published: e.published.as_ref().map(|f| f.value),
        authors: e.authors.as_ref().map(|f| f.value.clone().into_boxed_slice()).unwrap_or_default(),
        url: e.url.as_ref().map(|f| f.value.clone().into_boxed_str()),
        words,
        evidence: FieldEvidence {
            title: Some(e.title.evidence),
            outlet: e.outlet.as_ref().map(|f| f.evidence),
            agency: e.agency.as_ref().map(|f| f.evidence),
            published: e.published.as_ref().map(|f| f.evidence),
            authors: e.authors.as_ref().map(|f| f.evidence),
            url: e.url.as_ref().map(|f| f.evidence),
        },
    }
}

/// Reads one article again from its source: the full extraction, body included.
pub fn reread(
    file: &SourceFile,
    article: &Article,
    record: Option<Record>,
    outlets: &Outlets,
    meta: &Metadata,
) -> Result<super::article::Extraction, SourceError> {
    let path = file.path.clone();
    let fail = |p: Problem| SourceError::Parse { path: path.clone(), line: p.line, message: p.message };
    let mut e = match record {
        None => {
            let (bytes, hash) = read_file(file).0.map_err(fail)?;
            if ArticleId(hash) != article.id {
                return Err(SourceError::Changed { path });
            }
            let (parsed, problems) = formats::parse_file_hashed(&bytes, hash, file.format, outlets);
            match parsed.into_iter().next() {
                Some(p) => p.extraction,
                None => {
                    return Err(fail(problems.into_iter().next().unwrap_or(Problem {
                        line: None,
                        severity: super::diag::Severity::Error,
                        message: "no article in the file any more".into(),
                    })));
                }
            }
        }
        Some(rec) => {
            let bytes = match (&file.origin, file.disk_path()) {
                (Origin::Bundled(b), _) => b.get(rec.start as usize..rec.end as usize).map(<[u8]>::to_vec),
                (_, None) => None,
                (_, Some(p)) => {
                    let mut f =
                        std::fs::File::open(p).map_err(|e| SourceError::Io { path: path.clone(), source: e })?;
                    let mut buf = vec![0; (rec.end - rec.start) as usize];
                    f.seek(SeekFrom::Start(rec.start)).and_then(|_| f.read_exact(&mut buf)).ok().map(|_| buf)
                }
            };
            let bytes = bytes.ok_or_else(|| SourceError::Changed { path: path.clone() })?;
            if ArticleId::of_bytes(&bytes) != article.id {
                return Err(SourceError::Changed { path });
            }
            let json = std::str::from_utf8(&bytes).map_err(|_| SourceError::Changed { path: path.clone() })?;
            formats::parse_record(json, rec).map_err(fail)?.extraction
        }
    };
    finish(&mut e, meta, file);
    Ok(e)
}
