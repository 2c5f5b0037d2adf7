//! Where the reader was: its filter, selected article and focused pane, kept per corpus (keyed
//! by the corpus's canonical paths) in a small JSON file in the data folder, so the next start
//! on the same corpus opens where the last one left off.
//!
//! A file, not a table in the state database: a position is not article state (losing it loses
//! nothing), it is rewritten on every exit where marks are written one by one, and keeping it
//! out of the database leaves that schema (and its export format) to the article marks. The
//! file is replaced atomically (written beside it, then renamed), so a crash or a second
//! reader exiting at the same moment leaves one whole file, never a torn one. A missing,
//! damaged or foreign file is treated as no position.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The file's name in the data folder.
pub const FILE_NAME: &str = "reader-position.json";

/// Corpora remembered; the least recently used are dropped beyond this.
const KEEP: usize = 100;

/// One corpus's last position.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Position {
    /// Outlet names of the outlet filter (`unknown`: articles without one); None: all.
    pub outlets: Option<Vec<String>>,
    /// The date filter as typed (`2019-04`, `2019-03..2019-04`).
    pub dates: Option<String>,
    pub search: Option<String>,
    pub unread: bool,
    pub starred: bool,
    pub tags: Vec<String>,
    pub has_note: bool,
    pub oldest_first: bool,
    /// The selected article's content id (16 hex digits).
    pub article: Option<String>,
    /// `list`, `reader` or `timeline`.
    pub focus: String,
    /// Whether the timeline was shown.
    pub timeline: bool,
    /// When it was saved (for dropping the oldest), RFC 3339.
    pub saved: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    kind: String,
    format: u32,
    corpora: BTreeMap<String, Position>,
}

const KIND: &str = "newsdesk-reader-position";

/// The key of a corpus: its paths made canonical, one per line; the bundled corpus has its own.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "(bundled sample corpus)".into();
    }
    let mut keys: Vec<String> = paths
        .iter()
        .map(|p| p.canonicalize().unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.clone())))
        .map(|p| p.display().to_string())
        .collect();
    keys.sort();
    keys.dedup();
    keys.join("\n")
}

fn read(path: &Path) -> File {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<File>(&t).ok())
        .filter(|f| f.kind == KIND && f.format == 1)
        .unwrap_or_default()
}

/// The position last saved for `key`, if any.
pub fn load(path: &Path, key: &str) -> Option<Position> {
    read(path).corpora.remove(key)
}

/// Saves `pos` for `key`, keeping the other corpora's positions.
pub fn save(path: &Path, key: &str, pos: Position) -> std::io::Result<()> {
    let mut file = read(path);
    file.kind = KIND.into();
    file.format = 1;
    file.corpora.insert(key.to_string(), pos);
    while file.corpora.len() > KEEP {
        let oldest = file.corpora.iter().min_by(|a, b| a.1.saved.cmp(&b.1.saved)).map(|(k, _)| k.clone());
        match oldest {
            Some(k) => file.corpora.remove(&k),
            None => break,
        };
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    let text = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
    tmp.write_all(text.as_bytes())?;
    tmp.write_all(b"\n")?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_kept_per_corpus_and_survive_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        assert_eq!(load(&path, "a"), None, "no file: no position");
        let a =
            Position { search: Some("kim".into()), article: Some("a425d640da546857".into()), ..Position::default() };
        let b = Position { unread: true, focus: "reader".into(), ..Position::default() };
        save(&path, "a", a.clone()).unwrap();
        save(&path, "b", b.clone()).unwrap();
        assert_eq!(load(&path, "a"), Some(a));
        assert_eq!(load(&path, "b"), Some(b.clone()));
        std::fs::write(&path, "{ not json").unwrap();
        assert_eq!(load(&path, "b"), None, "a damaged file is no position, not an error");
        save(&path, "b", b.clone()).unwrap();
        assert_eq!(load(&path, "b"), Some(b), "and is replaced on the next save");
    }

    #[test]
    fn the_key_is_the_canonical_paths() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("news");
        std::fs::create_dir(&sub).unwrap();
        let via_dots = dir.path().join("news/../news");
        assert_eq!(corpus_key(std::slice::from_ref(&sub)), corpus_key(&[via_dots]));
        assert_ne!(corpus_key(&[sub]), corpus_key(&[]));
    }
}
