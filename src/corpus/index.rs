//! The full-text index: which articles contain which words, built once at load.
//!
//! Words are folded to lower case ([`text::words`]). Each term keeps a posting list of article
//! numbers, delta-encoded as LEB128 varints in one shared byte buffer, so 100,000 articles of
//! news prose take tens of megabytes, not hundreds. Terms are sorted, so a query word matches
//! every term it is a prefix of (`vladi` finds Vladivostok while the user is still typing).

use super::text;

type HashMap<K, V> = foldhash::HashMap<K, V>;

/// A set of article numbers, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSet {
    bits: Vec<u64>,
}

impl DocSet {
    pub fn empty(docs: usize) -> Self {
        DocSet { bits: vec![0; docs.div_ceil(64)] }
    }

    pub fn insert(&mut self, doc: u32) {
        self.bits[doc as usize / 64] |= 1 << (doc % 64);
    }

    pub fn contains(&self, doc: u32) -> bool {
        self.bits.get(doc as usize / 64).is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    pub fn intersect(&mut self, other: &DocSet) {
        for (a, b) in self.bits.iter_mut().zip(&other.bits) {
            *a &= b;
        }
    }

    pub fn len(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|w| *w == 0)
    }
}

/// Collects postings while articles are loaded, in article order.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    terms: HashMap<Box<str>, Postings>,
    docs: u32,
}

#[derive(Debug, Default)]
struct Postings {
    last: Option<u32>,
    bytes: Vec<u8>,
}

impl Postings {
    fn push(&mut self, doc: u32) {
        let delta = match self.last {
            Some(l) if l == doc => return,
            Some(l) => doc - l,
            None => doc,
        };
        self.last = Some(doc);
        // Grow by a quarter, not the default doubling: at 100,000 articles the posting lists
        // are tens of megabytes, and doubling leaves up to half of that unused at the peak.
        if self.bytes.len() + 5 > self.bytes.capacity() {
            self.bytes.reserve_exact(self.bytes.len() / 4 + 16);
        }
        push_varint(&mut self.bytes, delta);
    }
}

impl IndexBuilder {
    /// Adds the words of article `doc` (which must not be less than any earlier `doc`).
    pub fn add<'a>(&mut self, doc: u32, texts: impl IntoIterator<Item = &'a str>) {
        self.docs = self.docs.max(doc + 1);
        let mut folded = String::new();
        for t in texts {
            for w in text::words(t) {
                // Fold into one reused buffer: most words need no allocation at all.
                let w: &str = if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    folded.clear();
                    if w.is_ascii() {
                        folded.push_str(w);
                        folded.make_ascii_lowercase();
                    } else {
                        // As queries fold (text::fold): str's rules, final sigma included.
                        folded.push_str(&w.to_lowercase());
                    }
                    &folded
                } else {
                    w
                };
                match self.terms.get_mut(w) {
                    Some(p) => p.push(doc),
                    None => {
                        let mut p = Postings::default();
                        p.push(doc);
                        self.terms.insert(w.into(), p);
                    }
                }
            }
        }
    }

    /// Appends a partial index built over articles numbered from 0, renumbering them by
    /// `remap` (None drops an article, e.g. a duplicate). Renumbered ids must come after every
    /// article already added.
    pub fn merge(&mut self, local: IndexBuilder, remap: &[Option<u32>]) {
        for (term, p) in local.terms {
            let target = self.terms.entry(term).or_default();
            let mut doc = 0u32;
            let mut started = false;
            let mut bytes = &p.bytes[..];
            while let Some((delta, rest)) = read_varint(bytes) {
                doc = if started { doc + delta } else { delta };
                started = true;
                if let Some(Some(g)) = remap.get(doc as usize) {
                    target.push(*g);
                    self.docs = self.docs.max(g + 1);
                }
                bytes = rest;
            }
        }
    }

    /// Records that `docs` articles exist, including ones with no words.
    pub fn set_docs(&mut self, docs: u32) {
        self.docs = self.docs.max(docs);
    }

    /// Sorts the terms into the compact, read-only [`SearchIndex`].
    pub fn finish(self) -> SearchIndex {
        let mut terms: Vec<(Box<str>, Postings)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut idx = SearchIndex {
            text: String::with_capacity(terms.iter().map(|t| t.0.len()).sum()),
            term_ends: Vec::with_capacity(terms.len()),
            postings: PostingStore::default(),
            docs: self.docs,
        };
        // Each list is shrunk to its exact size in place rather than copied into one shared
        // buffer: copying would hold every list twice at the peak of a 100,000-article load.
        let mut lists = Vec::with_capacity(terms.len());
        for (term, p) in terms {
            idx.text.push_str(&term);
            idx.term_ends.push(idx.text.len() as u32);
            lists.push(p.bytes.into_boxed_slice());
        }
        idx.postings = PostingStore::Lists(lists);
        idx
    }
}

/// The finished index: sorted terms and their posting lists.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// All terms, concatenated in sorted order.
    text: String,
    term_ends: Vec<u32>,
    /// Delta-varint article numbers, per term.
    postings: PostingStore,
    docs: u32,
}

/// Posting lists: one allocation per term when built (shrunk in place, never copied), one
/// buffer when read from the cache (read straight into it).
#[derive(Debug, Clone)]
enum PostingStore {
    Lists(Vec<Box<[u8]>>),
    Packed { offsets: Vec<u64>, blob: Vec<u8> },
}

impl Default for PostingStore {
    fn default() -> Self {
        PostingStore::Lists(Vec::new())
    }
}

impl PostingStore {
    fn get(&self, i: usize) -> &[u8] {
        match self {
            PostingStore::Lists(v) => &v[i],
            PostingStore::Packed { offsets, blob } => &blob[offsets[i] as usize..offsets[i + 1] as usize],
        }
    }
}

impl SearchIndex {
    pub fn terms(&self) -> usize {
        self.term_ends.len()
    }

    /// Writes the index as raw little-endian arrays (for the corpus cache).
    pub fn write_raw(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let n = self.term_ends.len();
        out.write_all(&self.docs.to_le_bytes())?;
        out.write_all(&(self.text.len() as u64).to_le_bytes())?;
        out.write_all(self.text.as_bytes())?;
        out.write_all(&(n as u64).to_le_bytes())?;
        for e in &self.term_ends {
            out.write_all(&e.to_le_bytes())?;
        }
        let mut offset = 0u64;
        out.write_all(&offset.to_le_bytes())?;
        for i in 0..n {
            offset += self.postings.get(i).len() as u64;
            out.write_all(&offset.to_le_bytes())?;
        }
        for i in 0..n {
            out.write_all(self.postings.get(i))?;
        }
        Ok(())
    }

    /// Reads what [`SearchIndex::write_raw`] wrote; None if it is not well formed. The posting
    /// lists are read straight into one buffer.
    pub fn read_raw(r: &mut impl std::io::Read) -> Option<SearchIndex> {
        fn bytes(r: &mut impl std::io::Read, n: usize) -> Option<Vec<u8>> {
            // Guard against a damaged length asking for an absurd allocation.
            if n > 1 << 36 {
                return None;
            }
            let mut v = vec![0; n];
            r.read_exact(&mut v).ok()?;
            Some(v)
        }
        fn u64_of(r: &mut impl std::io::Read) -> Option<u64> {
            let mut b = [0; 8];
            r.read_exact(&mut b).ok()?;
            Some(u64::from_le_bytes(b))
        }
        let mut d = [0; 4];
        r.read_exact(&mut d).ok()?;
        let docs = u32::from_le_bytes(d);
        let text_len = usize::try_from(u64_of(r)?).ok()?;
        let text = String::from_utf8(bytes(r, text_len)?).ok()?;
        let n = usize::try_from(u64_of(r)?).ok()?;
        let ends = bytes(r, n.checked_mul(4)?)?;
        let term_ends: Vec<u32> = ends.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        if term_ends.windows(2).any(|w| w[0] > w[1]) || term_ends.last().is_some_and(|&e| e as usize != text.len()) {
            return None;
        }
        if term_ends.iter().any(|&e| !text.is_char_boundary(e as usize)) {
            return None;
        }
        let raw = bytes(r, (n + 1).checked_mul(8)?)?;
        let offsets: Vec<u64> =
            raw.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect();
        if offsets.first() != Some(&0) || offsets.windows(2).any(|w| w[0] > w[1]) {
            return None;
        }
        let blob = bytes(r, usize::try_from(*offsets.last()?).ok()?)?;
        // Nothing may follow.
        let mut extra = [0; 1];
        if r.read(&mut extra).ok()? != 0 {
            return None;
        }
        Some(SearchIndex { text, term_ends, postings: PostingStore::Packed { offsets, blob }, docs })
    }

    fn term(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.term_ends[i - 1] as usize };
        &self.text[start..self.term_ends[i] as usize]
    }

    fn postings_of(&self, i: usize) -> &[u8] {
        self.postings.get(i)
    }

    /// Articles containing a word that starts with `prefix` (already folded).
    pub fn prefix(&self, prefix: &str) -> DocSet {
        let mut set = DocSet::empty(self.docs as usize);
        let n = self.term_ends.len();
        let first = partition_point(n, |i| self.term(i) < prefix);
        for i in first..n {
            if !self.term(i).starts_with(prefix) {
                break;
            }
            let mut doc = 0u32;
            let mut bytes = self.postings_of(i);
            let mut started = false;
            while let Some((delta, rest)) = read_varint(bytes) {
                doc = if started { doc + delta } else { delta };
                started = true;
                set.insert(doc);
                bytes = rest;
            }
        }
        set
    }

    /// Articles that contain every word of the query (each as a word prefix). None for a query
    /// with no words.
    pub fn search(&self, query: &Query) -> Option<DocSet> {
        let mut words = query.words.iter();
        let mut set = self.prefix(words.next()?);
        for w in words {
            if set.is_empty() {
                break;
            }
            set.intersect(&self.prefix(w));
        }
        Some(set)
    }
}

fn partition_point(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) { lo = mid + 1 } else { hi = mid }
    }
    lo
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let mut v = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        v |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, &bytes[i + 1..]));
        }
    }
    None
}

/// A search query: its words, folded. Every word must appear (as the start of a word) in the
/// article's title or body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    pub words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let mut words: Vec<String> = text::words(text).map(|w| text::fold(w).into_owned()).collect();
        words.sort();
        words.dedup();
        // A word that is a prefix of another adds nothing: "kim kimchi" needs only "kimchi".
        let all = words.clone();
        words.retain(|w| !all.iter().any(|o| o != w && o.starts_with(w.as_str())));
        Query { text: text.to_string(), words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Byte ranges in `text` of the words this query matches, for highlighting.
    pub fn matches_in(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if self.words.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let base = text.as_ptr() as usize;
        for w in text::words(text) {
            let folded = text::fold(w);
            if self.words.iter().any(|q| folded.starts_with(q.as_str())) {
                let start = w.as_ptr() as usize - base;
                // Highlight the matching prefix only, in the original's characters.
                let q_chars = self
                    .words
                    .iter()
                    .filter(|q| folded.starts_with(q.as_str()))
                    .map(|q| q.chars().count())
                    .max()
                    .unwrap_or(0);
                let end = w.char_indices().nth(q_chars).map_or(w.len(), |(i, _)| i);
                out.push(start..start + end);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&str]) -> SearchIndex {
        let mut b = IndexBuilder::default();
        for (i, d) in docs.iter().enumerate() {
            b.add(i as u32, [*d]);
        }
        b.finish()
    }

    fn hits(idx: &SearchIndex, q: &str) -> Vec<u32> {
        let set = idx.search(&Query::new(q)).unwrap();
        (0..idx.docs).filter(|d| set.contains(*d)).collect()
    }

    #[test]
    fn all_words_must_appear_case_insensitively() {
        let idx = index(&["Kim meets Putin in Vladivostok", "Putin meets Medvedev", "KIM visits Russia"]);
        assert_eq!(hits(&idx, "putin"), [0, 1]);
        assert_eq!(hits(&idx, "Kim Putin"), [0]);
        assert_eq!(hits(&idx, "kim"), [0, 2]);
        assert_eq!(hits(&idx, "trump"), Vec::<u32>::new());
    }

    #[test]
    fn words_match_as_prefixes() {
        let idx = index(&["Vladivostok summit", "Vladimir Putin", "Moscow"]);
        assert_eq!(hits(&idx, "vladi"), [0, 1]);
        assert_eq!(hits(&idx, "vladiv"), [0]);
        assert_eq!(hits(&idx, "ostok"), Vec::<u32>::new(), "matching is by word start, not substring");
    }

    #[test]
    fn words_are_folded_as_queries_are() {
        // Greek capital sigma at the end of a word lower-cases to final sigma, in the index as
        // in the query.
        let idx = index(&["ΟΔΟΣ ΑΘΗΝΩΝ", "Straße"]);
        assert_eq!(hits(&idx, "ΟΔΟΣ"), [0]);
        assert_eq!(hits(&idx, "οδος"), [0]);
        assert_eq!(hits(&idx, "οδο"), [0]);
        assert_eq!(hits(&idx, "STRASSE"), Vec::<u32>::new(), "no full case folding: ß stays ß");
        assert_eq!(hits(&idx, "straße"), [1]);
    }

    #[test]
    fn hangul_and_punctuation() {
        let idx = index(&["신혜인 기자", "Kim’s visit"]);
        assert_eq!(hits(&idx, "신혜인"), [0]);
        assert_eq!(hits(&idx, "kim's"), [1]);
    }

    #[test]
    fn many_docs_and_large_gaps_round_trip() {
        let mut b = IndexBuilder::default();
        for d in (0..200_000u32).step_by(997) {
            b.add(d, ["common"]);
            if d % 3 == 0 {
                b.add(d, ["third"]);
            }
        }
        b.set_docs(200_000);
        let idx = b.finish();
        assert_eq!(idx.search(&Query::new("common")).unwrap().len(), 201);
        assert_eq!(
            idx.search(&Query::new("third common")).unwrap().len(),
            (0..200_000u32).step_by(997).filter(|d| d % 3 == 0).count()
        );
    }

    #[test]
    fn partial_indexes_merge_with_renumbering() {
        let mut global = IndexBuilder::default();
        global.add(0, ["alpha"]);
        let mut local = IndexBuilder::default();
        local.add(0, ["alpha beta"]);
        local.add(1, ["beta dup"]);
        local.add(2, ["gamma alpha"]);
        // Local article 1 is dropped (a duplicate); 0 and 2 become 1 and 2.
        global.merge(local, &[Some(1), None, Some(2)]);
        let idx = global.finish();
        assert_eq!(hits(&idx, "alpha"), [0, 1, 2]);
        assert_eq!(hits(&idx, "beta"), [1]);
        assert_eq!(hits(&idx, "dup"), Vec::<u32>::new());
    }

    #[test]
    fn raw_round_trip() {
        let idx = index(&["Kim meets Putin in Vladivostok", "신혜인 기자", "Putin"]);
        let mut raw = Vec::new();
        idx.write_raw(&mut raw).unwrap();
        let back = SearchIndex::read_raw(&mut raw.as_slice()).expect("reads back");
        for q in ["putin", "kim", "신혜", "v", "zzz"] {
            assert_eq!(back.search(&Query::new(q)), idx.search(&Query::new(q)), "{q}");
        }
        let mut again = Vec::new();
        back.write_raw(&mut again).unwrap();
        assert_eq!(again, raw, "the packed form writes the same bytes");
        assert!(SearchIndex::read_raw(&mut &raw[..raw.len() - 1]).is_none(), "a cut file is rejected");
        let mut longer = raw.clone();
        longer.push(0);
        assert!(SearchIndex::read_raw(&mut longer.as_slice()).is_none(), "so is a longer one");
        assert!(SearchIndex::read_raw(&mut &[][..]).is_none());
    }

    #[test]
    fn empty_query_matches_nothing_in_particular() {
        let idx = index(&["a"]);
        assert!(idx.search(&Query::new("  ,; ")).is_none());
    }

    #[test]
    fn highlight_ranges() {
        let q = Query::new("vladi KIM");
        let text = "Kim went to Vladivostok; Kimchi too.";
        let r = q.matches_in(text);
        let parts: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["Kim", "Vladi", "Kim"]);
    }

    #[test]
    fn prefix_words_collapse() {
        assert_eq!(Query::new("kim Kimchi kim").words, ["kimchi"]);
    }

    #[test]
    fn docsets() {
        let mut a = DocSet::empty(70);
        for d in 0..70 {
            a.insert(d);
        }
        assert_eq!(a.len(), 70);
        let mut b = DocSet::empty(70);
        b.insert(3);
        b.insert(69);
        a.intersect(&b);
        assert_eq!(a.len(), 2);
        assert!(a.contains(69) && !a.contains(4));
    }
}
