//! `newsdesk.toml`: facts a corpus folder supplies beside its raw files, which stay untouched.
//!
//! ```toml
//! [[outlet]]                       # outlets and aliases the built-in table lacks
//! name = "WIC News"
//! domains = ["wicnews.com"]
//!
//! [files."003_38a6156a7a003cab.txt"]   # per-file overrides, paths relative to this file
//! outlet = "WIC News"
//! url = "https://wicnews.com/world/…"
//! # also: title, agency, published ("2019-03-25" or any date form), authors = ["…"]
//! ```

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::article::{Author, Extraction, Field, Note, NoteOn, OutletRef, Rule};
use super::diag::{Diagnostic, line_of};
use super::formats::parse_date_value;
use super::outlets::Outlet;
use super::text;

/// The name of the metadata file in a corpus folder.
pub const FILE_NAME: &str = "newsdesk.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    #[serde(default)]
    outlet: Vec<Outlet>,
    #[serde(default)]
    files: BTreeMap<String, Spanned<RawOverride>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    title: Option<Spanned<String>>,
    outlet: Option<Spanned<String>>,
    agency: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    published: Option<Spanned<toml::Value>>,
    authors: Option<Spanned<Vec<String>>>,
}

/// Fields one metadata entry sets for one file; each with its line in the metadata file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct Override {
    /// Index of the metadata file (in [`Metadata::files`]) this came from.
    pub source: usize,
    pub title: Option<(String, u32)>,
    pub outlet: Option<(String, u32)>,
    pub agency: Option<(String, u32)>,
    pub url: Option<(String, u32)>,
    pub published: Option<(String, u32)>,
    pub authors: Option<(Vec<String>, u32)>,
}

impl Override {
    /// Applies the override to an extraction: given fields replace extracted ones, with the
    /// metadata file's line as evidence, and the notes about those fields go. `path` is the
    /// metadata file, for messages.
    pub fn apply(&self, e: &mut Extraction, path: &Path) {
        let field = |(v, line): &(String, u32)| Field::new(v.clone(), *line, Rule::Metadata);
        let settle = |e: &mut Extraction, about: NoteOn| e.notes.retain(|n| n.about != Some(about));
        if let Some(t) = &self.title {
            e.title = field(t);
            settle(e, NoteOn::Title);
        }
        if let Some(o) = &self.outlet {
            let f = field(o);
            e.outlet = Some(Field { value: OutletRef::Name(f.value), evidence: f.evidence });
            settle(e, NoteOn::Outlet);
        }
        if let Some(a) = &self.agency {
            let f = field(a);
            e.agency = Some(Field { value: OutletRef::Name(f.value), evidence: f.evidence });
        }
        if let Some(u) = &self.url {
            e.url = Some(field(u));
        }
        if let Some((p, line)) = &self.published {
            match parse_date_value(p) {
                Some(d) => {
                    e.published = Some(Field::new(d, *line, Rule::Metadata));
                    settle(e, NoteOn::Published);
                }
                None => e
                    .notes
                    .push(Note::new(0, format!("{} line {line}: `published` is not a date: {p:?}", path.display()))),
            }
        }
        if let Some((names, line)) = &self.authors {
            e.authors = Some(Field::new(names.iter().map(|n| Author::new(n)).collect(), *line, Rule::Metadata));
        }
    }
}

/// All metadata files of a corpus, merged.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Paths of the metadata files read, as the user would name them.
    pub files: Vec<PathBuf>,
    /// Outlets the files add to the table.
    pub outlets: Vec<Outlet>,
    /// Overrides by the (lexically normalised) path of the file they apply to.
    pub overrides: BTreeMap<PathBuf, Override>,
}

impl Metadata {
    /// Reads one metadata file's text; `path` is where it lives (keys are relative to its
    /// folder). Problems become diagnostics; a broken file adds nothing.
    pub fn add(&mut self, path: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
        let shown = path.display().to_string();
        let file: MetaFile = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let line = e.span().map(|s| line_of(text, s.start));
                let msg = e.message().lines().next().unwrap_or("").trim().to_string();
                diags.push(Diagnostic::error(shown, line, format!("{msg}; this metadata file is ignored")));
                return;
            }
        };
        let source = self.files.len();
        self.files.push(path.to_path_buf());
        self.outlets.extend(file.outlet);
        let dir = path.parent().unwrap_or(Path::new(""));
        let line = |span: std::ops::Range<usize>| line_of(text, span.start);
        for (key, entry) in file.files {
            let at = line(entry.span());
            let raw = entry.into_inner();
            let s = |v: Option<Spanned<String>>| v.map(|v| (clean(v.get_ref()), line(v.span())));
            let published = raw.published.map(|v| {
                let l = line(v.span());
                let text = match v.into_inner() {
                    toml::Value::String(s) => s,
                    other => other.to_string(),
                };
                (text, l)
            });
            let o = Override {
                source,
                title: s(raw.title),
                outlet: s(raw.outlet),
                agency: s(raw.agency),
                url: s(raw.url),
                published,
                authors: raw.authors.map(|v| {
                    let l = line(v.span());
                    (v.into_inner().iter().map(|a| clean(a)).collect(), l)
                }),
            };
            let target = normalize(&dir.join(&key));
            if self.overrides.insert(target, o).is_some() {
                diags.push(Diagnostic::warning(
                    shown.clone(),
                    Some(at),
                    format!("`{key}` is given twice; the later entry wins"),
                ));
            }
        }
    }

    /// The override for a file, by its path as loaded.
    pub fn for_path(&self, path: &Path) -> Option<&Override> {
        if self.overrides.is_empty() {
            return None;
        }
        self.overrides.get(&normalize(path))
    }
}

use text::clean_field as clean;

/// Lexical normalisation: drops `.` and resolves `..` against earlier parts, so
/// `corpus/./a.txt` and `corpus/sub/../a.txt` name the same entry as `corpus/a.txt`.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::outlets::Outlets;

    const BUNDLED: &str = include_str!("../../corpus/newsdesk.toml");

    #[test]
    fn the_bundled_metadata_gives_seed_003_its_outlet_and_url() {
        let mut m = Metadata::default();
        let mut diags = Vec::new();
        m.add(Path::new("corpus/newsdesk.toml"), BUNDLED, &mut diags);
        assert_eq!(diags, vec![]);
        let o = m.for_path(Path::new("corpus/./003_38a6156a7a003cab.txt")).expect("override for seed 003");
        assert_eq!(o.outlet.as_ref().map(|(v, _)| v.as_str()), Some("WIC News"));
        assert_eq!(
            o.url.as_ref().map(|(v, _)| v.as_str()),
            Some("https://wicnews.com/world/north-koreas-kim-may-visit-russia-meet-putin-361017795")
        );
        let mut t = Outlets::builtin();
        for outlet in &m.outlets {
            t.add(outlet.clone()).unwrap();
        }
        assert_eq!(t.find("wicnews.com").map(|id| t.name(id)), Some("WIC News"));
    }

    #[test]
    fn overrides_replace_fields_with_metadata_evidence() {
        let text = "[files.\"a.txt\"]\ntitle = \"Better title\"\npublished = 2019-04-24\nauthors = [\"Jane Doe\"]\n";
        let mut m = Metadata::default();
        let mut diags = Vec::new();
        m.add(Path::new("c/newsdesk.toml"), text, &mut diags);
        assert_eq!(diags, vec![]);
        let mut e = crate::corpus::extract::extract("Some headline here\n\nBody.", &Outlets::builtin());
        assert!(e.notes.iter().any(|n| n.message == "no publication date found"));
        m.for_path(Path::new("c/a.txt")).unwrap().apply(&mut e, Path::new("c/newsdesk.toml"));
        assert_eq!(e.title, Field::new("Better title".to_string(), 2, Rule::Metadata));
        assert_eq!(e.published.as_ref().unwrap().value.to_string(), "2019-04-24");
        assert_eq!(e.published.as_ref().unwrap().evidence, crate::corpus::article::Evidence::new(3, Rule::Metadata));
        assert!(e.notes.is_empty(), "{:?}", e.notes);
    }

    #[test]
    fn overrides_retire_the_notes_about_their_fields() {
        let text = "[files.\"a.txt\"]\ntitle = \"A title\"\npublished = \"2019-05-04\"\n";
        let mut m = Metadata::default();
        m.add(Path::new("c/newsdesk.toml"), text, &mut Vec::new());
        // No headline, and an ambiguous date: two notes the overrides answer.
        let mut e = crate::corpus::extract::extract(
            "This page opens with a long sentence that is no headline at all, really.\n\n04/05/2019\n",
            &Outlets::builtin(),
        );
        assert_eq!(e.notes.len(), 2, "{:?}", e.notes);
        m.for_path(Path::new("c/a.txt")).unwrap().apply(&mut e, Path::new("c/newsdesk.toml"));
        assert_eq!(e.notes, vec![]);
        // A date the metadata gives wrongly is reported with the metadata file and its line.
        let mut m = Metadata::default();
        m.add(Path::new("c/newsdesk.toml"), "[files.\"a.txt\"]\npublished = \"soon\"\n", &mut Vec::new());
        let mut e = crate::corpus::extract::extract(
            "A headline about the summit\n\nJune 29, 2011\n\nText.",
            &Outlets::builtin(),
        );
        m.for_path(Path::new("c/a.txt")).unwrap().apply(&mut e, Path::new("c/newsdesk.toml"));
        assert_eq!(e.notes[0].message, "c/newsdesk.toml line 2: `published` is not a date: \"soon\"");
    }

    #[test]
    fn a_broken_metadata_file_is_reported_with_its_line_and_ignored() {
        let mut m = Metadata::default();
        let mut diags = Vec::new();
        m.add(Path::new("c/newsdesk.toml"), "[files.\"a.txt\"]\noutlet = \"X\"\ncolour = \"red\"\n", &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(3));
        assert!(diags[0].message.contains("colour"), "{}", diags[0].message);
        assert!(m.overrides.is_empty());
    }

    #[test]
    fn paths_normalise() {
        assert_eq!(normalize(Path::new("./c/sub/../a.txt")), PathBuf::from("c/a.txt"));
        assert_eq!(normalize(Path::new("../a.txt")), PathBuf::from("../a.txt"));
    }
}
