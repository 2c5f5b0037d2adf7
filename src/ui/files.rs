//! Files the reader writes (saved articles, exports): where a typed name points, whether that is
//! inside the corpus being read, and writing without clobbering what is there unless asked.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::Corpus;

/// The path a typed file name means: `~/` is the home folder, anything else is relative to the
/// current directory. An empty name or a folder is refused with a reason.
pub fn target(name: &str) -> Result<PathBuf, String> {
    if name.is_empty() {
        return Err("type a file name".into());
    }
    let path = match (name.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(name),
    };
    if path.is_dir() || name.ends_with('/') {
        return Err(format!("{name} is a folder: add a file name"));
    }
    Ok(path)
}

/// True when `path` would land in a folder the corpus was loaded from (a root the user named, or
/// a folder holding one of its files): the next load would read it as an article.
pub fn inside_corpus(path: &Path, corpus: &Corpus, roots: &[PathBuf]) -> bool {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // A folder that does not exist yet cannot hold the corpus; writing will fail anyway.
    let Ok(dir) = parent.canonicalize() else { return false };
    let mut folders: Vec<&Path> = roots.iter().map(PathBuf::as_path).collect();
    let mut seen = std::collections::HashSet::new();
    for f in corpus.files() {
        if let Some(p) = f.disk_path().and_then(Path::parent)
            && seen.insert(p)
        {
            folders.push(p);
        }
    }
    folders.into_iter().filter_map(|f| f.canonicalize().ok()).any(|f| {
        // A root may be a file: its folder is the corpus's.
        let f = if f.is_file() { f.parent().map(Path::to_path_buf).unwrap_or(f) } else { f };
        dir.starts_with(&f)
    })
}

/// Writes `contents` to `path`; without `overwrite`, only if no file is there (checked by the
/// create itself, so a file that appeared since the question is not clobbered).
pub fn write(path: &Path, contents: &str, overwrite: bool) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if overwrite {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let mut f = opts.open(path)?;
    f.write_all(contents.as_bytes())?;
    f.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::LoadOptions;

    #[test]
    fn names_are_files_not_folders() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(target(""), Err("type a file name".into()));
        let d = dir.path().to_str().unwrap().to_string();
        assert_eq!(target(&d), Err(format!("{d} is a folder: add a file name")));
        assert_eq!(target("a.md"), Ok(PathBuf::from("a.md")));
    }

    #[test]
    fn writing_never_clobbers_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        write(&p, "one", false).unwrap();
        assert_eq!(write(&p, "two", false).unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
        write(&p, "two", true).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
    }

    #[test]
    fn the_corpus_folder_and_its_subfolders_are_inside() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir_all(news.join("sub")).unwrap();
        std::fs::write(news.join("sub/a.txt"), "A headline about a summit\n\nText.").unwrap();
        let c = Corpus::load(std::slice::from_ref(&news), LoadOptions::default());
        let roots = [news.clone()];
        assert!(inside_corpus(&news.join("x.md"), &c, &roots), "the root the user named");
        assert!(inside_corpus(&news.join("sub/x.md"), &c, &[]), "a folder holding an article");
        assert!(!inside_corpus(&dir.path().join("x.md"), &c, &roots), "beside the corpus");
        assert!(!inside_corpus(&dir.path().join("nope/x.md"), &c, &roots));
    }
}
