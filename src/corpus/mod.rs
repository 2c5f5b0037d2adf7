//! The corpus model: articles, extraction, dates, outlets, filters and loading. Pure logic, no
//! terminal.
//!
//! A [`Corpus`] holds every article's metadata in memory, with indexes built once at load: the
//! articles sorted by date, and the full-text index. Bodies stay in their files and are read
//! again on demand ([`Corpus::extraction`]).

pub mod article;
pub mod cache;
pub mod dates;
pub mod diag;
pub mod export;
pub mod extract;
pub mod feeds;
pub mod filter;
pub mod formats;
pub mod html;
pub mod index;
pub mod load;
pub mod metadata;
pub mod outlets;
pub mod stories;
pub mod text;
pub mod timeline;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use self::article::{Article, Extraction};
use self::dates::Published;
use self::diag::{Diagnostic, Severity};
use self::filter::{Filter, FilterError, Order, OutletSet};
use self::index::{IndexBuilder, SearchIndex};
use self::load::{LoadOptions, SourceError, SourceFile};
use self::metadata::Metadata;
use self::outlets::{OutletId, Outlets};

/// The name users type for articles whose outlet is unknown.
pub const UNKNOWN_OUTLET: &str = "unknown";

/// Looking up an article by id prefix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("{0:?} is not an article id (ids are hexadecimal, e.g. 3f9a2c1)")]
    NotHex(String),
    #[error("{0:?} is too long for an article id (ids are at most 16 hexadecimal digits)")]
    TooLong(String),
    #[error("no article with id {0}")]
    NotFound(String),
    #[error("id {prefix} is ambiguous: {}", candidates.join(", "))]
    Ambiguous { prefix: String, candidates: Vec<String> },
}

/// Counts for one outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletStat {
    /// None: articles whose outlet is unknown.
    pub outlet: Option<OutletId>,
    pub articles: usize,
    pub undated: usize,
    pub first: Option<Published>,
    pub last: Option<Published>,
}

/// A loaded corpus.
#[derive(Debug)]
pub struct Corpus {
    files: Vec<SourceFile>,
    articles: Vec<Article>,
    outlets: Outlets,
    metadata: Metadata,
    diagnostics: Vec<Diagnostic>,
    /// Article numbers sorted by publication date, oldest first; undated ones after the rest.
    by_date: Vec<u32>,
    /// How many of `by_date` have a date.
    dated: usize,
    /// Ids sorted, for prefix lookup: (id, article number).
    ids: Vec<(u64, u32)>,
    id_len: usize,
    index: OnceLock<SearchIndex>,
    unreadable_inputs: usize,
    /// Places of JSON records, referred to by [`article::SourceRef::record`].
    records: Vec<article::Record>,
    /// Per article, the fields that filters and the timeline read for every article, kept in
    /// compact arrays: reading them from 100,000 scattered `Article`s was a cache miss each.
    time_keys: Vec<Option<timeline::TimeKey>>,
    outlet_slots: Vec<u16>,
    /// The outlets articles have, by name, None last.
    present: Vec<Option<OutletId>>,
    from_cache: bool,
}

/// `outlet_slots` value of an article with no outlet.
const NO_OUTLET: u16 = u16::MAX;

impl Corpus {
    /// Loads the given files and folders, or the bundled corpus when `paths` is empty.
    pub fn load(paths: &[PathBuf], opts: LoadOptions) -> Corpus {
        if paths.is_empty() { load::load_bundled(opts) } else { load::load_paths(paths, opts) }
    }

    fn new(
        files: Vec<SourceFile>,
        articles: Vec<Article>,
        outlets: Outlets,
        metadata: Metadata,
        diagnostics: Vec<Diagnostic>,
        index: Option<SearchIndex>,
    ) -> Corpus {
        let mut by_date: Vec<u32> = (0..articles.len() as u32).collect();
        by_date.sort_by(|&a, &b| {
            let (x, y) = (&articles[a as usize], &articles[b as usize]);
            match (x.published, y.published) {
                (Some(p), Some(q)) => p.cmp(&q).then_with(|| a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            }
        });
        let dated = articles.iter().filter(|a| a.published.is_some()).count();
        let mut ids: Vec<(u64, u32)> = articles.iter().enumerate().map(|(i, a)| (a.id.0, i as u32)).collect();
        ids.sort_unstable();
        // Shortest hex prefix that tells every pair of neighbours apart, at least 7 like git.
        let common = ids.windows(2).map(|w| ((w[0].0 ^ w[1].0).leading_zeros() / 4) as usize + 1).max().unwrap_or(0);
        let id_len = common.clamp(7, 16);
        let time_keys = articles.iter().map(|a| a.published.map(|p| timeline::TimeKey::of(p.date))).collect();
        let outlet_slots: Vec<u16> = articles.iter().map(|a| a.outlet.map_or(NO_OUTLET, |o| o.0)).collect();
        let mut seen = vec![false; outlets.len() + 1];
        for &s in &outlet_slots {
            seen[(s as usize).min(outlets.len())] = true;
        }
        let mut present: Vec<Option<OutletId>> =
            (0..outlets.len()).filter(|&k| seen[k]).map(|k| Some(OutletId(k as u16))).collect();
        present.sort_by_cached_key(|o| o.map(|o| outlets.name(o).to_lowercase()));
        if seen[outlets.len()] {
            present.push(None);
        }
        let cell = OnceLock::new();
        if let Some(ix) = index {
            let _ = cell.set(ix);
        }
        Corpus {
            files,
            articles,
            outlets,
            metadata,
            diagnostics,
            by_date,
            dated,
            ids,
            id_len,
            index: cell,
            unreadable_inputs: 0,
            records: Vec::new(),
            time_keys,
            outlet_slots,
            present,
            from_cache: false,
        }
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Article by number.
    pub fn get(&self, i: u32) -> &Article {
        &self.articles[i as usize]
    }

    pub fn outlets(&self) -> &Outlets {
        &self.outlets
    }

    pub fn outlet_name(&self, id: Option<OutletId>) -> Option<&str> {
        id.map(|id| self.outlets.name(id))
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The file an article came from.
    pub fn file(&self, a: &Article) -> &SourceFile {
        &self.files[a.source.file as usize]
    }

    /// An article's date as timeline key; None when undated.
    pub fn time_key(&self, i: u32) -> Option<timeline::TimeKey> {
        self.time_keys[i as usize]
    }

    /// An article's outlet, read from the compact array.
    pub fn outlet_of(&self, i: u32) -> Option<OutletId> {
        let s = self.outlet_slots[i as usize];
        (s != NO_OUTLET).then_some(OutletId(s))
    }

    /// Where a JSON article sits in its file; None for text files.
    pub fn record(&self, a: &Article) -> Option<article::Record> {
        a.source.record.and_then(|r| self.records.get(r.get() as usize - 1).copied())
    }

    /// The metadata file that supplied an article's [`article::Rule::Metadata`] fields.
    pub fn metadata_file(&self, a: &Article) -> Option<&Path> {
        let o = self.metadata.for_path(Path::new(&self.file(a).path))?;
        self.metadata.files.get(o.source).map(PathBuf::as_path)
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether this corpus was read from the cache rather than from its files.
    pub fn loaded_from_cache(&self) -> bool {
        self.from_cache
    }

    /// Paths the user named that could not be read at all (missing, unreadable).
    pub fn unreadable_inputs(&self) -> usize {
        self.unreadable_inputs
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// Articles without a publication date.
    pub fn undated(&self) -> usize {
        self.articles.len() - self.dated
    }

    /// Length of the abbreviated ids shown for this corpus.
    pub fn id_len(&self) -> usize {
        self.id_len
    }

    pub fn short_id(&self, a: &Article) -> String {
        a.id.short(self.id_len)
    }

    /// The article whose id starts with `prefix` (git-style).
    pub fn find_id(&self, prefix: &str) -> Result<u32, IdError> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(IdError::NotHex(prefix.to_string()));
        }
        if p.len() > 16 {
            return Err(IdError::TooLong(prefix.to_string()));
        }
        let shift = 64 - 4 * p.len() as u32;
        let want = u64::from_str_radix(&p, 16).map_err(|_| IdError::NotHex(prefix.to_string()))?;
        // `p` has 1 to 16 digits, so the shift is 0 to 60.
        let lo = want << shift;
        let start = self.ids.partition_point(|(id, _)| *id < lo);
        let matching: Vec<&(u64, u32)> = self.ids[start..].iter().take_while(|(id, _)| id >> shift == want).collect();
        match matching.as_slice() {
            [] => Err(IdError::NotFound(prefix.to_string())),
            [(_, i)] => Ok(*i),
            many => Err(IdError::Ambiguous {
                prefix: prefix.to_string(),
                candidates: many.iter().take(10).map(|(id, _)| format!("{id:016x}")).collect(),
            }),
        }
    }

    /// The full-text index (built at load, or now if the load skipped it).
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| self.build_index())
    }

    /// The index from the articles' files, chunk by chunk in parallel, each chunk's partial
    /// index merged in order (as at load), so no more than a chunk of bodies is in memory.
    fn build_index(&self) -> SearchIndex {
        use rayon::prelude::*;
        let n = self.articles.len() as u32;
        let numbers: Vec<u32> = (0..n).collect();
        let mut index = IndexBuilder::default();
        for window in numbers.chunks(load::CHUNK * 8) {
            let partials: Vec<(IndexBuilder, &[u32])> = window
                .par_chunks(load::CHUNK)
                .map(|chunk| {
                    let mut b = IndexBuilder::default();
                    for (local, &i) in chunk.iter().enumerate() {
                        let title = self.articles[i as usize].title.to_string();
                        let body = self.extraction(i).map(|e| e.body).unwrap_or_default();
                        b.add(local as u32, std::iter::once(title.as_str()).chain(body.iter().map(|x| x.text())));
                    }
                    (b, chunk)
                })
                .collect();
            for (b, chunk) in partials {
                let remap: Vec<Option<u32>> = chunk.iter().map(|&i| Some(i)).collect();
                index.merge(b, &remap);
            }
        }
        index.set_docs(n);
        index.finish()
    }

    /// Article numbers that pass the filter, in order. Undated articles come last in either
    /// order, and only when no date filter is set.
    pub fn select(&self, filter: &Filter, order: Order) -> Vec<u32> {
        let dated = &self.by_date[..self.dated];
        let (lo, hi) = match &filter.dates {
            Some(r) => {
                let lo = r.from.map_or(0, |f| dated.partition_point(|&i| self.date_of(i) < f));
                let hi = r.to.map_or(dated.len(), |t| dated.partition_point(|&i| self.date_of(i) <= t));
                (lo, hi.max(lo))
            }
            None => (0, dated.len()),
        };
        let hits = filter.search.as_ref().filter(|q| !q.is_empty()).and_then(|q| self.index().search(q));
        // The outlet set as a table by outlet slot (the last entry for "no outlet"): one load
        // per article instead of a tree lookup; this loop runs over every article on a key press.
        let allowed: Option<Vec<bool>> = filter.outlets.as_ref().map(|set| {
            let mut t: Vec<bool> = (0..self.outlets.len()).map(|o| set.ids.contains(&OutletId(o as u16))).collect();
            t.push(set.unknown);
            t
        });
        let no_outlet = self.outlets.len();
        let pass = |i: u32| {
            // NO_OUTLET (u16::MAX) clamps to the "no outlet" entry.
            allowed.as_ref().is_none_or(|t| t[usize::from(self.outlet_slots[i as usize]).min(no_outlet)])
                && hits.as_ref().is_none_or(|h| h.contains(i))
        };
        let range = &dated[lo..hi];
        let mut out: Vec<u32> = match order {
            Order::OldestFirst => range.iter().copied().filter(|&i| pass(i)).collect(),
            Order::NewestFirst => range.iter().rev().copied().filter(|&i| pass(i)).collect(),
        };
        if filter.dates.is_none() {
            out.extend(self.by_date[self.dated..].iter().copied().filter(|&i| pass(i)));
        }
        out
    }

    fn date_of(&self, i: u32) -> jiff::civil::Date {
        self.articles[i as usize].published.map(|p| p.date).unwrap_or(jiff::civil::Date::MIN)
    }

    /// Reads an article's full extraction (body, furniture removed, evidence) from its source.
    pub fn extraction(&self, i: u32) -> Result<Extraction, SourceError> {
        let a = &self.articles[i as usize];
        load::reread(self.file(a), a, self.record(a), &self.outlets, &self.metadata)
    }

    /// The decoded text of an article's file (for quoting evidence lines; a saved page
    /// gunzipped and in its own encoding). None for JSON records, whose evidence is the record
    /// itself.
    pub fn source_text(&self, i: u32) -> Option<String> {
        let a = &self.articles[i as usize];
        if a.source.record.is_some() {
            return None;
        }
        let file = self.file(a);
        let bytes = match (&file.origin, file.disk_path()) {
            (load::Origin::Bundled(b), _) => std::borrow::Cow::Borrowed(*b),
            (_, p) => std::borrow::Cow::Owned(std::fs::read(p?).ok()?),
        };
        if matches!(file.format, formats::Format::Html | formats::Format::HtmlGz) {
            return html::source_text(&bytes, file.format == formats::Format::HtmlGz);
        }
        Some(text::decode(&bytes).0)
    }

    /// The text of the metadata file that supplied an article's metadata fields.
    pub fn metadata_text(&self, a: &Article) -> Option<String> {
        let path = self.metadata_file(a)?;
        if path == Path::new(load::bundled::METADATA.0) && matches!(self.file(a).origin, load::Origin::Bundled(_)) {
            return Some(load::bundled::METADATA.1.to_string());
        }
        std::fs::read(path).ok().map(|b| text::decode(&b).0)
    }

    /// Outlets named by the user (names, aliases, domains, or "unknown"), checked against the
    /// outlets this corpus has.
    pub fn resolve_outlets(&self, names: &[String]) -> Result<OutletSet, FilterError> {
        let mut set = OutletSet::default();
        for name in names {
            let n = name.trim();
            if n.eq_ignore_ascii_case(UNKNOWN_OUTLET) || n.eq_ignore_ascii_case("(unknown)") {
                set.unknown = true;
                continue;
            }
            match self.outlets.find(n).filter(|id| self.present.contains(&Some(*id))) {
                Some(id) => {
                    set.ids.insert(id);
                }
                None => {
                    let available = self
                        .present
                        .iter()
                        .map(|o| self.outlet_name(*o).unwrap_or(UNKNOWN_OUTLET).to_string())
                        .collect();
                    return Err(FilterError::UnknownOutlet { name: n.to_string(), available });
                }
            }
        }
        Ok(set)
    }

    /// The outlets the corpus's articles have, by name; None (no known outlet) last.
    pub fn outlets_present(&self) -> &[Option<OutletId>] {
        &self.present
    }

    /// How many articles of `selection` each outlet has (from the compact outlet array).
    pub fn count_by_outlet(&self, selection: &[u32]) -> OutletCounts {
        let mut counts = vec![0u32; self.outlets.len() + 1];
        for &i in selection {
            counts[self.outlet_slots[i as usize].min(self.outlets.len() as u16) as usize] += 1;
        }
        OutletCounts { counts }
    }

    /// Per outlet: articles in `selection`, and their date span. Sorted by name, unknown last.
    pub fn outlet_stats(&self, selection: &[u32]) -> Vec<OutletStat> {
        let unknown = self.outlets.len();
        let mut by: Vec<Option<OutletStat>> = vec![None; unknown + 1];
        for &i in selection {
            let a = &self.articles[i as usize];
            let slot = a.outlet.map_or(unknown, |o| o.0 as usize);
            let s = by[slot].get_or_insert(OutletStat {
                outlet: a.outlet,
                articles: 0,
                undated: 0,
                first: None,
                last: None,
            });
            s.articles += 1;
            match a.published {
                Some(p) => {
                    s.first = Some(s.first.map_or(p, |f| f.min(p)));
                    s.last = Some(s.last.map_or(p, |l| l.max(p)));
                }
                None => s.undated += 1,
            }
        }
        let mut v: Vec<OutletStat> = by.into_iter().flatten().collect();
        v.sort_by_cached_key(|s| (s.outlet.is_none(), s.outlet.map(|o| self.outlets.name(o).to_lowercase())));
        v
    }
}

/// Article counts per outlet, from [`Corpus::count_by_outlet`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletCounts {
    /// By outlet id; the last entry counts articles with no outlet.
    counts: Vec<u32>,
}

impl OutletCounts {
    pub fn get(&self, outlet: Option<OutletId>) -> u32 {
        let last = self.counts.len() - 1;
        self.counts[outlet.map_or(last, |o| (o.0 as usize).min(last))]
    }
}

#[cfg(test)]
mod tests;
