//! Two accounts of one story side by side: paragraphs aligned in order, each sentence marked
//! as shared with the other account or said by this one only.

use std::collections::HashSet;

use xxhash_rust::xxh3::xxh3_64;

use super::minhash::tokens;

/// Words per phrase when matching sentences across the two texts: short enough that a
/// lightly edited sentence still matches most of its phrases.
const PHRASE: usize = 3;
/// A sentence is shared when this share of its phrases occurs in the other text.
const SHARED: f32 = 0.6;
/// Paragraphs are aligned when this share of the shorter one's phrases is in the other.
const ALIGN: f32 = 0.25;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    pub text: String,
    /// The other account has this sentence too (perhaps lightly edited).
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Paragraph {
    pub sentences: Vec<Sentence>,
}

/// One row of the side-by-side view: a paragraph of each account, or of one only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub left: Option<usize>,
    pub right: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub left: Vec<Paragraph>,
    pub right: Vec<Paragraph>,
    pub rows: Vec<Row>,
}

impl Comparison {
    /// Sentences shared, and all sentences, of one side.
    pub fn shared_counts(side: &[Paragraph]) -> (usize, usize) {
        let all = side.iter().flat_map(|p| &p.sentences);
        let (mut s, mut n) = (0, 0);
        for x in all {
            n += 1;
            s += usize::from(x.shared);
        }
        (s, n)
    }
}

/// Sentences of a paragraph: cut after `.`, `!` or `?` (and a closing quote) before a space and
/// a capital, a digit or an opening quote; not after an initial or short abbreviation such as
/// `U.S.` or `Mr.`.
pub fn sentences(p: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            let mut e = k + 1;
            while e < chars.len() && matches!(chars[e].1, '"' | '”' | '’' | '\'' | ')') {
                e += 1;
            }
            let next_is_space = e < chars.len() && chars[e].1.is_whitespace();
            let mut n = e;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let starts = n < chars.len()
                && (chars[n].1.is_uppercase() || chars[n].1.is_ascii_digit() || matches!(chars[n].1, '"' | '“' | '‘'));
            let word_start = p[..chars[k].0].rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let word = &p[word_start..chars[k].0];
            let abbreviation = c == '.'
                && (word.len() <= 2 && word.chars().all(|x| x.is_uppercase())
                    || word.contains('.')
                    || matches!(
                        word,
                        "Mr" | "Mrs"
                            | "Ms"
                            | "Dr"
                            | "St"
                            | "Gen"
                            | "Sen"
                            | "Rep"
                            | "Gov"
                            | "Lt"
                            | "Col"
                            | "No"
                            | "Jr"
                            | "Sr"
                    ));
            if next_is_space && starts && !abbreviation {
                let end = if e < chars.len() { chars[e].0 } else { p.len() };
                let s = p[start..end].trim();
                if !s.is_empty() {
                    out.push(s.to_string());
                }
                start = end;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    let rest = p[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

fn phrases(text: &str) -> Vec<u64> {
    let t = tokens(text);
    if t.is_empty() {
        return Vec::new();
    }
    if t.len() < PHRASE {
        return vec![xxh3_64(t.join(" ").as_bytes())];
    }
    t.windows(PHRASE).map(|w| xxh3_64(w.join(" ").as_bytes())).collect()
}

fn mark(paragraphs: &[&str], other: &HashSet<u64>) -> Vec<Paragraph> {
    paragraphs
        .iter()
        .map(|p| Paragraph {
            sentences: sentences(p)
                .into_iter()
                .map(|s| {
                    let ph = phrases(&s);
                    let hit = ph.iter().filter(|h| other.contains(h)).count();
                    let shared = !ph.is_empty() && hit as f32 >= SHARED * ph.len() as f32;
                    Sentence { text: s, shared }
                })
                .collect(),
        })
        .collect()
}

/// Compares two bodies, paragraph by paragraph.
pub fn compare(left: &[&str], right: &[&str]) -> Comparison {
    let lp: Vec<HashSet<u64>> = left.iter().map(|p| phrases(p).into_iter().collect()).collect();
    let rp: Vec<HashSet<u64>> = right.iter().map(|p| phrases(p).into_iter().collect()).collect();
    let all = |v: &[HashSet<u64>]| v.iter().flatten().copied().collect::<HashSet<u64>>();
    let (la, ra) = (all(&lp), all(&rp));
    let sim = |a: &HashSet<u64>, b: &HashSet<u64>| {
        let m = a.len().min(b.len());
        if m == 0 { 0.0 } else { a.intersection(b).count() as f32 / m as f32 }
    };
    // Monotone alignment maximising the summed similarity of aligned paragraphs (a
    // Needleman-Wunsch table with free gaps); paragraphs below ALIGN are never paired.
    let (n, m) = (lp.len(), rp.len());
    let mut best = vec![vec![0.0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = sim(&lp[i], &rp[j]);
            let pair = if s >= ALIGN { s + best[i + 1][j + 1] } else { f32::MIN };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m {
            let s = sim(&lp[i], &rp[j]);
            if s >= ALIGN && (best[i][j] - (s + best[i + 1][j + 1])).abs() < 1e-6 {
                rows.push(Row { left: Some(i), right: Some(j) });
                i += 1;
                j += 1;
            } else if (best[i][j] - best[i + 1][j]).abs() < 1e-6 {
                rows.push(Row { left: Some(i), right: None });
                i += 1;
            } else {
                rows.push(Row { left: None, right: Some(j) });
                j += 1;
            }
        } else if i < n {
            rows.push(Row { left: Some(i), right: None });
            i += 1;
        } else {
            rows.push(Row { left: None, right: Some(j) });
            j += 1;
        }
    }
    Comparison { left: mark(left, &ra), right: mark(right, &la), rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_but_not_at_abbreviations() {
        assert_eq!(
            sentences("The U.S. envoy left. Mr. Dole stayed. \"Fine,\" he said."),
            ["The U.S. envoy left.", "Mr. Dole stayed.", "\"Fine,\" he said."]
        );
    }

    #[test]
    fn shared_sentences_and_alignment() {
        let a = ["Floods closed the northern road on Monday. Three villages were cut off.", "Aid arrived by boat."];
        let b = [
            "A regional paper's own opening line about the weather.",
            "Floods closed the northern road on Monday, officials said. Three villages were cut off.",
        ];
        let c = compare(&a, &b);
        assert_eq!(
            c.rows,
            [
                Row { left: None, right: Some(0) },
                Row { left: Some(0), right: Some(1) },
                Row { left: Some(1), right: None }
            ]
        );
        assert!(c.left[0].sentences.iter().all(|s| s.shared));
        assert!(!c.left[1].sentences[0].shared);
        assert!(!c.right[0].sentences[0].shared);
        assert_eq!(Comparison::shared_counts(&c.right), (2, 3));
    }
}
