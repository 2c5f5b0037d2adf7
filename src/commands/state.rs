//! The binary's edge of the state layer: where the database lives (the one place the
//! environment is read for it), loading marks for the commands that list, and `newsdesk state
//! export|import|path`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::corpus::Corpus;
use crate::corpus::article::Article;
use crate::state::{CorpusMarks, Export, Identity, Marks, StateDb, StateFilter};

/// The data folder: `$NEWSDESK_DATA_DIR`, else `$XDG_DATA_HOME/newsdesk`, else
/// `~/.local/share/newsdesk`. Never the corpus, never the cache folder.
pub fn data_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|d| !d.is_empty()).map(PathBuf::from);
    var("NEWSDESK_DATA_DIR")
        .or_else(|| var("XDG_DATA_HOME").map(|d| d.join("newsdesk")))
        .or_else(|| var("HOME").map(|h| h.join(".local/share/newsdesk")))
}

/// The state database's path.
pub fn db_path() -> anyhow::Result<PathBuf> {
    data_dir()
        .map(|d| d.join(crate::state::FILE_NAME))
        .context("no data folder for the state database: set NEWSDESK_DATA_DIR (or HOME)")
}

/// Opens the database for writing, creating it if needed. Refuses a data folder inside the
/// corpus being read (newsdesk never writes into a corpus) or inside the cache folder (which
/// anyone may delete).
pub fn open_for_writing(corpus_paths: &[PathBuf]) -> anyhow::Result<StateDb> {
    let path = db_path()?;
    let dir = path.parent().map(full).unwrap_or_default();
    let inside = |place: &Path| !place.as_os_str().is_empty() && dir.starts_with(place);
    if let Some(p) = corpus_paths.iter().map(|p| full(p)).find(|p| p.is_dir() && inside(p)) {
        bail!(
            "the state database {} would be inside the corpus folder {}; newsdesk does not write into a corpus: set NEWSDESK_DATA_DIR to another folder",
            path.display(),
            p.display()
        );
    }
    if let Some(cache) = crate::corpus::cache::cache_dir().map(|c| full(&c)).filter(|c| inside(c)) {
        bail!(
            "the state database {} would be inside the cache folder {}, which may be deleted at any time: set NEWSDESK_DATA_DIR (or NEWSDESK_CACHE_DIR) to another folder",
            path.display(),
            cache.display()
        );
    }
    Ok(StateDb::open(&path)?)
}

/// A path made absolute, with symbolic links resolved as far as it exists, for comparing
/// folders.
fn full(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => full(parent).join(name),
        _ => std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()),
    }
}

/// The marks a listing command shows and filters on.
#[derive(Debug, Default)]
pub struct Loaded {
    /// None: the state could not be read (a warning said why), so marks are unknown.
    pub marks: Option<CorpusMarks>,
    /// Whether a state database exists: tables show a marks column only then.
    pub exists: bool,
}

impl Loaded {
    /// Article `i`'s marks: None when unknown, Some(None) when it has no state.
    pub fn get(&self, i: u32) -> Option<Option<&Marks>> {
        self.marks.as_ref().map(|m| m.get(i))
    }

    /// Keeps the articles of `sel` that pass the filter.
    pub fn retain(&self, sel: &mut Vec<u32>, filter: &StateFilter) {
        if let Some(m) = &self.marks {
            m.retain(sel, filter);
        }
    }
}

fn warn(e: &dyn std::fmt::Display, doing: &str) {
    let _ = writeln!(std::io::stderr().lock(), "newsdesk: warning: {e}; {doing}");
}

/// Loads the marks of every article, when the command filters on them or shows them. The
/// state failing to load is an error only when the command filters on it; otherwise the
/// command goes on without marks, with a warning.
pub fn load_marks(c: &Corpus, filter: &StateFilter, shows_marks: bool) -> anyhow::Result<Loaded> {
    if filter.is_empty() && !shows_marks {
        return Ok(Loaded::default());
    }
    let start = std::time::Instant::now();
    let loaded = db_path().and_then(|path| {
        Ok(match StateDb::open_existing(&path)? {
            Some(db) => Loaded { marks: Some(db.corpus_marks(c)?), exists: true },
            None => Loaded { marks: Some(CorpusMarks::default()), exists: false },
        })
    });
    if std::env::var_os("NEWSDESK_TIMINGS").is_some() {
        eprintln!("newsdesk: state marks loaded: {:.0} ms", start.elapsed().as_secs_f64() * 1000.0);
    }
    match loaded {
        Ok(l) => Ok(l),
        Err(e) if filter.is_empty() => {
            warn(&format!("{e:#}"), "going on without read/star marks");
            Ok(Loaded::default())
        }
        Err(e) => Err(e.context("cannot filter on read/star/tag/note marks")),
    }
}

/// What the reader gets of the state: the marks, and a connection for its writer thread. A
/// database that cannot be written (read-only folder, damaged, newer, refused place) still
/// lets the reader open: marks then last for the session, and the warning says why.
pub fn reader_setup(c: &Corpus, corpus_paths: &[PathBuf]) -> crate::ui::marks::StateSetup {
    use crate::ui::marks::StateSetup;
    let path = match db_path() {
        Ok(p) => p,
        Err(e) => {
            return StateSetup {
                warning: Some(format!("{e:#}; marks last for this session only")),
                ..StateSetup::default()
            };
        }
    };
    let position_file = path.parent().map(|d| d.join(crate::ui::position::FILE_NAME));
    if !path.exists() {
        // No state yet: the writer creates the database at the first mark, so a reader that
        // marks nothing leaves none behind (the checks of `open_for_writing` run then).
        let paths = corpus_paths.to_vec();
        return StateSetup {
            marks: None,
            open: Some(Box::new(move || open_for_writing(&paths).map_err(|e| format!("{e:#}")))),
            path: Some(path),
            warning: None,
            position_file,
        };
    }
    // An existing database is opened at once, so a read-only or damaged one is said at start.
    match open_for_writing(corpus_paths) {
        Ok(db) => match db.corpus_marks(c) {
            Ok(m) => StateSetup {
                marks: Some(m),
                open: Some(Box::new(move || Ok(db))),
                path: Some(path),
                warning: None,
                position_file,
            },
            Err(e) => StateSetup {
                warning: Some(format!("{e}; marks last for this session only")),
                path: Some(path),
                position_file,
                ..StateSetup::default()
            },
        },
        Err(e) => {
            // Read what can be read (a read-only folder), write nothing.
            let marks = StateDb::open_existing(&path).ok().flatten().and_then(|db| db.corpus_marks(c).ok());
            StateSetup {
                marks,
                open: None,
                path: Some(path),
                warning: Some(format!("read-only: {e:#}; marks last for this session only")),
                // Nothing is written where the database may not be (a corpus, the cache).
                position_file: None,
            }
        }
    }
}

/// One article's marks for `show`: None (with a warning) when the state cannot be read.
pub fn marks_of(c: &Corpus, a: &Article) -> Option<Marks> {
    let found = db_path().and_then(|path| match StateDb::open_existing(&path)? {
        Some(db) => Ok(db.entry(&Identity::of(c, a))?.map(|e| e.marks()).unwrap_or_default()),
        None => Ok(Marks::default()),
    });
    match found {
        Ok(m) => Some(m),
        Err(e) => {
            warn(&format!("{e:#}"), "showing the article without its marks");
            None
        }
    }
}

/// `newsdesk state export`: the whole state as JSON on `out` (an empty state when there is no
/// database yet).
pub fn export(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let doc = match StateDb::open_existing(&db_path()?)? {
        Some(db) => db.export()?,
        None => Export { kind: "newsdesk-state".into(), format: crate::state::EXPORT_FORMAT, entries: Vec::new() },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk state import FILE|-`: merges an export into the state, all or nothing.
pub fn import(file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (name, text) = match file {
        Some(f) => {
            let name = f.display().to_string();
            let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {name}"))?;
            (name, text)
        }
        None => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("cannot read the export from stdin")?;
            ("stdin".to_string(), text)
        }
    };
    let doc: Export = serde_json::from_str(&text)
        .with_context(|| format!("{name}: not a newsdesk state export; nothing was imported"))?;
    let mut db = open_for_writing(&[])?;
    let stats = db.import(&doc, &name)?;
    let _ = writeln!(
        std::io::stderr().lock(),
        "newsdesk: imported {} {} from {name} into {} ({} new, {} merged)",
        doc.entries.len(),
        if doc.entries.len() == 1 { "entry" } else { "entries" },
        db.path().display(),
        stats.added,
        stats.merged
    );
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk state path`.
pub fn path(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    writeln!(out, "{}", db_path()?.display())?;
    Ok(ExitCode::SUCCESS)
}
