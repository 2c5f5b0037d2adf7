//! Near-duplicate text: word shingles of a clean body, a small MinHash signature of them, LSH
//! banding to find candidate pairs without comparing every pair, and the exact shingle
//! containment that confirms a candidate.
//!
//! The signature is one-permutation MinHash (each shingle hashed once into one of 64 bins, the
//! smallest hash kept per bin, empty bins filled from the next full one): 64 independent hash
//! functions would cost 64 hashes per shingle, and this is the step that runs over every body
//! of a 100,000-article corpus. Each bin keeps 16 bits (128 bytes per article): two unrelated
//! texts collide in a bin one time in 65,536, far below the similarities that matter here.

use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle. The story set's labelling rule measures copies with 6-word shingles;
/// the same length here makes "copy" mean the same thing in the labels and in newsdesk.
pub const SHINGLE: usize = 6;
/// Bins of the signature.
pub const BINS: usize = 64;
/// Rows per LSH band: 32 bands of 2 rows put a pair with Jaccard 0.3 (a copy with a trimmed
/// end or added paragraphs) in a shared bucket with probability 0.95, and one with Jaccard 0.05
/// with probability 0.08; the exact check removes those.
pub const ROWS: usize = 2;
pub const BANDS: usize = BINS / ROWS;

/// A MinHash signature.
pub type Signature = [u16; BINS];

/// The words of a text as shingle tokens: lower-cased alphanumeric runs; each CJK or Hangul
/// character alone, since those scripts do not space words.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(text, |t| out.push(t.to_string()));
    out
}

/// Calls `f` with each token of [`tokens`], without building a vector of strings (hashing
/// runs this over every body of the corpus).
fn each_token(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = [0u8; 4];
    for w in crate::corpus::text::words(text) {
        if w.chars().any(is_cjk) {
            let mut run = String::new();
            for c in w.chars() {
                if is_cjk(c) {
                    if !run.is_empty() {
                        f(&std::mem::take(&mut run).to_lowercase());
                    }
                    f(c.encode_utf8(&mut buf));
                } else {
                    run.push(c);
                }
            }
            if !run.is_empty() {
                f(&run.to_lowercase());
            }
        } else {
            f(&crate::corpus::text::fold(w));
        }
    }
}

/// Han, Hiragana, Katakana and Hangul characters.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Hashes of a text's tokens, as [`tokens`] splits them.
fn token_hashes(text: &str, out: &mut Vec<u64>) {
    each_token(text, |t| out.push(xxh3_64(t.as_bytes())));
}

/// A 64-bit mixer (SplitMix64's finaliser) to combine word hashes into a shingle hash.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The sorted, distinct hashes of a text's shingles. A text shorter than one shingle is one
/// shingle of all its words.
pub fn shingles(paragraphs: &[&str]) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for p in paragraphs {
        token_hashes(p, &mut words);
    }
    let hash = |w: &[u64]| w.iter().fold(0x5eed_u64, |h, &t| mix(h.rotate_left(17) ^ t));
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < SHINGLE {
        vec![hash(&words)]
    } else {
        words.windows(SHINGLE).map(hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The one-permutation MinHash signature of a shingle set; None for an empty set.
pub fn signature(shingles: &[u64]) -> Option<Signature> {
    if shingles.is_empty() {
        return None;
    }
    let mut mins = [u64::MAX; BINS];
    for &h in shingles {
        // xxh3 already mixes; the low bits pick the bin, the rest rank within it.
        let bin = (h % BINS as u64) as usize;
        let v = h >> 6;
        if v < mins[bin] {
            mins[bin] = v;
        }
    }
    // Densification: an empty bin takes the value of the next full bin (cyclically), salted by
    // the distance so two texts only agree there when they agree on the source bin.
    let mut sig = [0u16; BINS];
    for b in 0..BINS {
        let mut k = 0;
        while mins[(b + k) % BINS] == u64::MAX {
            k += 1;
        }
        let v = mins[(b + k) % BINS];
        let v = if k == 0 { v } else { xxh3_64(&(v ^ (k as u64) << 58).to_le_bytes()) };
        sig[b] = (v >> 42) as u16;
    }
    Some(sig)
}

/// The share of equal bins: an estimate of the two shingle sets' Jaccard similarity.
pub fn estimate(a: &Signature, b: &Signature) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / BINS as f32
}

/// A band's bucket key: its two 16-bit rows side by side (no hashing needed for 32 bits).
pub fn band_key(sig: &Signature, band: usize) -> u32 {
    (u32::from(sig[band * ROWS]) << 16) | u32::from(sig[band * ROWS + 1])
}

/// How much two sorted shingle sets share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    pub shared: usize,
    pub a: usize,
    pub b: usize,
}

impl Overlap {
    pub fn of(a: &[u64], b: &[u64]) -> Overlap {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        Overlap { shared, a: a.len(), b: b.len() }
    }

    /// Shared shingles over the shorter text's: a copy with a trimmed end still scores 1.
    pub fn containment(&self) -> f32 {
        let m = self.a.min(self.b);
        if m == 0 { 0.0 } else { self.shared as f32 / m as f32 }
    }

    pub fn jaccard(&self) -> f32 {
        let u = self.a + self.b - self.shared;
        if u == 0 { 0.0 } else { self.shared as f32 / u as f32 }
    }
}

/// Candidate pairs (i < j, as indexes into `sigs`) sharing at least one LSH band bucket. A
/// bucket larger than `max_bucket` (boilerplate every page carries) is skipped. Band by band,
/// so only one band's keys are in memory at a time.
pub fn candidates(sigs: &[Option<Signature>], max_bucket: usize) -> Vec<(u32, u32)> {
    use rayon::prelude::*;
    let mut pairs: Vec<(u32, u32)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut keys: Vec<(u32, u32)> = sigs
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.as_ref().map(|s| (band_key(s, band), i as u32)))
                .collect();
            keys.sort_unstable();
            let mut out = Vec::new();
            for run in keys.chunk_by(|x, y| x.0 == y.0) {
                if run.len() < 2 || run.len() > max_bucket {
                    continue;
                }
                for (k, x) in run.iter().enumerate() {
                    for y in &run[k + 1..] {
                        out.push((x.1, y.1));
                    }
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize, seed: usize) -> String {
        (0..n)
            .map(|i| format!("w{}", xxh3_64(&((seed as u64) << 32 | i as u64).to_le_bytes()) % 100_000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_trimmed_copy_is_fully_contained() {
        let full = text(300, 1);
        let trimmed: String = full.split(' ').take(150).collect::<Vec<_>>().join(" ");
        let o = Overlap::of(&shingles(&[&full]), &shingles(&[&trimmed]));
        assert!((o.containment() - 1.0).abs() < 1e-6);
        assert!(o.jaccard() < 0.55);
    }

    #[test]
    fn signatures_estimate_similarity() {
        let a = shingles(&[&text(400, 1)]);
        let b = shingles(&[&text(400, 500)]);
        let (sa, sb) = (signature(&a).unwrap(), signature(&b).unwrap());
        assert_eq!(estimate(&sa, &sa), 1.0);
        assert!(estimate(&sa, &sb) < 0.1, "{}", estimate(&sa, &sb));
        assert_eq!(signature(&[]), None);
    }

    #[test]
    fn lsh_pairs_copies_and_not_strangers() {
        let base = text(300, 3);
        let edited = format!("Another headline here. {base} and a new last line");
        let other = text(300, 700);
        let sigs: Vec<Option<Signature>> =
            [&base, &edited, &other].iter().map(|t| signature(&shingles(&[t.as_str()]))).collect();
        assert_eq!(candidates(&sigs, 100), vec![(0, 1)]);
    }

    #[test]
    fn cjk_characters_are_tokens() {
        assert_eq!(tokens("김정은 위원장 met Putin"), ["김", "정", "은", "위", "원", "장", "met", "putin"]);
    }
}
