//! Stories across outlets: which articles are copies of one text (a wire story republished,
//! lightly edited), and which report one event (copies and independent reports together).
//!
//! The two facts are kept apart. *Copy of* comes from the text alone: MinHash signatures of the
//! body's 6-word shingles, LSH bands for candidates, and the exact shingle containment to
//! confirm them ([`minhash`]). *Same story* needs evidence on several axes at once: close in
//! time, sharing rare names of the leads, and sharing rare lead terms ([`features`]), weighted
//! by rarity over the corpus (IDF). Articles are joined by average linkage under a cap on a
//! story's span, so a chain of look-alike reports cannot walk a story across weeks.
//!
//! Undated articles and articles without a body are left out: a guess would put them in a
//! story with nothing to show for it.

pub mod compare;
pub mod features;
pub mod minhash;
pub mod quotes;

use std::collections::HashMap;

use rayon::prelude::*;

use self::features::{MAX_NAMES, MAX_TERMS, NAME_WORDS, TERM_WORDS};
use self::minhash::{Overlap, Signature};
use super::Corpus;
use super::article::ArticleId;
use super::outlets::OutletId;

/// Tuning of the grouping. The defaults were set on half of the story set's events (see
/// docs/stories.md); the other half was only measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Shared shingles over the shorter text's for a copy (the story set's labelling rule).
    pub copy_containment: f32,
    /// Two reports further apart than this (days) are never linked.
    pub max_gap: i32,
    /// No story spans more days than this, first article to last.
    pub max_span: i32,
    /// At least this many distinct shared names.
    pub min_shared_names: usize,
    /// Least similarity of names, and of lead terms (IDF-weighted cosine).
    pub min_names: f32,
    pub min_terms: f32,
    /// Least combined score for a link between reports on the same day; it rises by
    /// `per_day` for each day between them.
    pub min_score: f32,
    pub per_day: f32,
    /// A lone article joining a story (an early report of a summit weeks ahead) pays the
    /// per-day rise for at most this many days. Two groups of reports weeks apart pay it in
    /// full and stay apart: two launches, two announcements about one breach.
    pub plateau: i32,
    /// Least average score between two groups for them to merge (pairs without a link count 0).
    pub min_average: f32,
    /// Pseudo-documents added to the corpus for IDF, so a tiny corpus does not call every name
    /// common (a name in all five articles of a five-article corpus is not like `said`).
    pub idf_prior: f32,
}

impl Params {
    /// The score a link needs at a time gap of `gap` days.
    pub fn needed(&self, gap: i32) -> f32 {
        self.min_score + self.per_day * gap as f32
    }

    /// The score a lone article's link to a story's member needs at a time gap of `gap` days.
    pub fn needed_alone(&self, gap: i32) -> f32 {
        self.min_score + self.per_day * gap.min(self.plateau) as f32
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            copy_containment: 0.5,
            max_gap: 31,
            max_span: 31,
            min_shared_names: 2,
            min_names: 0.08,
            min_terms: 0.03,
            min_score: 0.08,
            per_day: 0.035,
            plateau: 3,
            min_average: 0.04,
            idf_prior: 20.0,
        }
    }
}

/// What grouping keeps of one article: its day, its text's signature, and hashes of its lead's
/// names and terms. About 350 bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub day: i32,
    pub sig: Signature,
    pub shingles: u32,
    pub names: Box<[u32]>,
    pub terms: Box<[u32]>,
}

/// An article's text as grouping reads it.
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub title: String,
    pub body: Vec<String>,
}

impl Text {
    fn paragraphs(&self) -> Vec<&str> {
        self.body.iter().map(String::as_str).collect()
    }

    pub fn shingles(&self) -> Vec<u64> {
        minhash::shingles(&self.paragraphs())
    }

    fn lead(&self) -> String {
        features::lead(&self.title, &self.paragraphs())
    }

    /// The names of the lead, as written.
    pub fn names(&self) -> Vec<String> {
        let mut n = features::names(&self.lead(), NAME_WORDS);
        n.truncate(MAX_NAMES);
        n
    }

    /// The key terms of the lead.
    pub fn terms(&self) -> Vec<String> {
        let mut t = features::terms(&self.lead(), TERM_WORDS);
        t.truncate(MAX_TERMS);
        t
    }
}

impl Profile {
    /// None for an article with no body or no date: it is left out of stories.
    pub fn of(text: &Text, day: Option<i32>) -> Option<Profile> {
        let day = day?;
        let sh = text.shingles();
        let sig = minhash::signature(&sh)?;
        let lead = text.lead();
        let mut names: Vec<u32> = features::names(&lead, NAME_WORDS)
            .iter()
            .take(MAX_NAMES)
            .map(|n| features::hash(&features::name_key(n)))
            .collect();
        names.sort_unstable();
        names.dedup();
        let mut terms: Vec<u32> =
            features::terms(&lead, TERM_WORDS).iter().take(MAX_TERMS).map(|t| features::hash(t)).collect();
        terms.sort_unstable();
        terms.dedup();
        Some(Profile {
            day,
            sig,
            shingles: sh.len() as u32,
            names: names.into_boxed_slice(),
            terms: terms.into_boxed_slice(),
        })
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn day_number(d: jiff::civil::Date) -> i32 {
    let (y, m, dd) = (i32::from(d.year()), i32::from(d.month()), i32::from(d.day()));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Document frequencies of names and terms, for IDF.
#[derive(Debug, Clone, Default)]
pub struct Rarity {
    docs: u32,
    names: HashMap<u32, u32, foldhash::fast::RandomState>,
    terms: HashMap<u32, u32, foldhash::fast::RandomState>,
    prior: f32,
}

impl Rarity {
    pub fn of(profiles: &[Option<Profile>], prior: f32) -> Rarity {
        let mut r = Rarity { prior, ..Rarity::default() };
        for p in profiles.iter().flatten() {
            r.add(p);
        }
        r
    }

    pub fn add(&mut self, p: &Profile) {
        self.docs += 1;
        for &n in p.names.iter() {
            *self.names.entry(n).or_default() += 1;
        }
        for &t in p.terms.iter() {
            *self.terms.entry(t).or_default() += 1;
        }
    }

    fn idf(&self, df: u32) -> f32 {
        ((self.docs as f32 + self.prior) / (df as f32 + 1.0)).ln().max(0.0)
    }

    pub fn name_idf(&self, key: u32) -> f32 {
        self.idf(self.names.get(&key).copied().unwrap_or(0))
    }

    pub fn term_idf(&self, key: u32) -> f32 {
        self.idf(self.terms.get(&key).copied().unwrap_or(0))
    }

    pub fn name_df(&self, key: u32) -> u32 {
        self.names.get(&key).copied().unwrap_or(0)
    }

    pub fn term_df(&self, key: u32) -> u32 {
        self.terms.get(&key).copied().unwrap_or(0)
    }
}

/// IDF-weighted cosine of two sorted key sets, and how many keys they share.
fn weighted(a: &[u32], b: &[u32], idf: impl Fn(u32) -> f32) -> (f32, usize) {
    let (mut i, mut j, mut shared, mut n) = (0, 0, 0.0f32, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = idf(a[i]);
                shared += w * w;
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let norm = |s: &[u32]| s.iter().map(|&k| idf(k).powi(2)).sum::<f32>().sqrt();
    let d = norm(a) * norm(b);
    (if d > 0.0 { shared / d } else { 0.0 }, n)
}

/// The evidence between two articles' leads and dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Days between them.
    pub gap: i32,
    pub names: f32,
    pub shared_names: usize,
    pub terms: f32,
    pub shared_terms: usize,
    /// The combined score: the mean of the names and terms similarities.
    pub score: f32,
    /// Whether these alone link the two as reports of one event.
    pub linked: bool,
    /// Whether they link a lone article to a story (the time gap counted up to the plateau).
    pub linked_alone: bool,
}

impl Evidence {
    pub fn between(a: &Profile, b: &Profile, rarity: &Rarity, params: &Params) -> Evidence {
        let gap = (a.day - b.day).abs();
        let (names, shared_names) = weighted(&a.names, &b.names, |k| rarity.name_idf(k));
        let (terms, shared_terms) = weighted(&a.terms, &b.terms, |k| rarity.term_idf(k));
        let score = (names + terms) / 2.0;
        let base = gap <= params.max_gap
            && shared_names >= params.min_shared_names
            && names >= params.min_names
            && terms >= params.min_terms;
        let linked = base && score >= params.needed(gap);
        let linked_alone = base && score >= params.needed_alone(gap);
        Evidence { gap, names, shared_names, terms, shared_terms, score, linked, linked_alone }
    }
}

/// Articles that are one text, republished.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyGroup {
    /// Article numbers, the representative (earliest; then the one crediting the wire) first.
    pub members: Vec<u32>,
    /// The agency the members credit, when one does.
    pub wire: Option<OutletId>,
    /// Least shared text between the representative and a member (containment).
    pub shared: f32,
}

/// One event's articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The earliest member's id: stable across runs as long as that article is in the corpus.
    pub id: ArticleId,
    /// Article numbers, oldest first.
    pub members: Vec<u32>,
    /// The copy groups among the members.
    pub copies: Vec<CopyGroup>,
    pub first_day: i32,
    pub last_day: i32,
}

/// The grouping of a corpus.
#[derive(Debug, Clone)]
pub struct Stories {
    pub params: Params,
    /// Stories of two or more articles, oldest first.
    pub stories: Vec<Story>,
    story_of: Vec<Option<u32>>,
    copy_group_of: Vec<Option<(u32, u32)>>,
    profiles: Vec<Option<Profile>>,
    rarity: Rarity,
    /// LSH buckets and the name/term postings are rebuilt from the profiles on demand; see
    /// [`Stories::assign`].
    pub stats: Stats,
}

/// Counts from one grouping run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub profiled: usize,
    pub left_out: usize,
    pub copy_candidates: usize,
    pub copy_pairs: usize,
    pub link_candidates: usize,
    pub links: usize,
}

/// One article's input to grouping.
#[derive(Debug, Clone)]
pub struct Input {
    pub text: Text,
    pub day: Option<i32>,
    pub agency: Option<OutletId>,
    pub id: ArticleId,
}

/// An article's title and clean body; None when its file can no longer be read.
pub fn text(c: &Corpus, i: u32) -> Option<Text> {
    let e = c.extraction(i).ok()?;
    Some(Text { title: e.title.value, body: e.body.iter().map(|b| b.text().to_string()).collect() })
}

/// Every article's profile, in parallel; None for articles left out.
pub fn profiles(c: &Corpus) -> Vec<Option<Profile>> {
    let n = c.len() as u32;
    (0..n)
        .into_par_iter()
        .map(|i| text(c, i).and_then(|t| Profile::of(&t, c.get(i).published.map(|p| day_number(p.date)))))
        .collect()
}

fn meta(c: &Corpus) -> Vec<(ArticleId, Option<i32>, Option<OutletId>)> {
    c.articles().iter().map(|a| (a.id, a.published.map(|p| day_number(p.date)), a.agency)).collect()
}

/// Largest LSH bucket looked into.
const MAX_BUCKET: usize = 200;
/// Signature similarity below which a candidate is not checked exactly: a copy whose shorter
/// text is half the longer and fully contained has Jaccard 0.5; one with half its shingles
/// shared and twice the length of the other, about 0.2.
const MIN_ESTIMATE: f32 = 0.12;

impl Stories {
    /// Groups a corpus: every article's body is read once (in parallel), then dropped.
    pub fn of_corpus(c: &Corpus, params: Params) -> Stories {
        Stories::of_profiles(c, profiles(c), params)
    }

    /// Groups a corpus whose profiles are already computed (to try several [`Params`]).
    pub fn of_profiles(c: &Corpus, profiles: Vec<Option<Profile>>, params: Params) -> Stories {
        let meta = meta(c);
        let shingles = |i: u32| text(c, i).map(|t| t.shingles()).unwrap_or_default();
        Stories::group(profiles, &meta, params, &shingles)
    }

    /// Groups articles given as texts (tests, the synthetic generator's checks).
    pub fn of_inputs(inputs: &[Input], params: Params) -> Stories {
        let profiles: Vec<Option<Profile>> = inputs.par_iter().map(|x| Profile::of(&x.text, x.day)).collect();
        let meta: Vec<_> = inputs.iter().map(|x| (x.id, x.day, x.agency)).collect();
        let shingles = |i: u32| inputs.get(i as usize).map(|x| x.text.shingles()).unwrap_or_default();
        Stories::group(profiles, &meta, params, &shingles)
    }

    fn group(
        profiles: Vec<Option<Profile>>,
        meta: &[(ArticleId, Option<i32>, Option<OutletId>)],
        params: Params,
        shingles: &(dyn Fn(u32) -> Vec<u64> + Sync),
    ) -> Stories {
        let n = profiles.len();
        let mut stats = Stats {
            profiled: profiles.iter().flatten().count(),
            left_out: profiles.iter().filter(|p| p.is_none()).count(),
            ..Stats::default()
        };
        let rarity = Rarity::of(&profiles, params.idf_prior);

        // Copies: LSH candidates, a cheap estimate, then the exact containment.
        let sigs: Vec<Option<Signature>> = profiles.iter().map(|p| p.as_ref().map(|p| p.sig)).collect();
        let cands: Vec<(u32, u32)> = minhash::candidates(&sigs, MAX_BUCKET)
            .into_iter()
            .filter(|&(a, b)| match (&sigs[a as usize], &sigs[b as usize]) {
                (Some(x), Some(y)) => minhash::estimate(x, y) >= MIN_ESTIMATE,
                _ => false,
            })
            .collect();
        stats.copy_candidates = cands.len();
        let mut involved: Vec<u32> = cands.iter().flat_map(|&(a, b)| [a, b]).collect();
        involved.sort_unstable();
        involved.dedup();
        let sets: HashMap<u32, Vec<u64>> = involved.par_iter().map(|&i| (i, shingles(i))).collect();
        let copies: Vec<(u32, u32, f32)> = cands
            .par_iter()
            .filter_map(|&(a, b)| {
                let o = Overlap::of(sets.get(&a)?, sets.get(&b)?);
                (o.containment() >= params.copy_containment).then_some((a, b, o.containment()))
            })
            .collect();
        drop(sets);
        stats.copy_pairs = copies.len();

        // Reports: candidate pairs share a rare-enough name or term within the time window.
        let links = link_candidates(&profiles, &rarity, &params);
        stats.link_candidates = links.len();
        // Per pair: the score, and whether the link holds between groups (not only for a lone
        // article joining).
        let mut scored: HashMap<(u32, u32), (f32, bool), foldhash::fast::RandomState> = HashMap::default();
        for &(a, b, e) in &links {
            if e.linked_alone {
                scored.insert((a, b), (e.score, e.linked));
            }
        }
        stats.links = scored.len();
        for &(a, b, _) in &copies {
            scored.insert((a.min(b), a.max(b)), (1.0, true));
        }

        // An article with a link that holds between groups has reports of its own around it:
        // it is no lone early report.
        let mut has_strict = vec![false; n];
        for (&(a, b), &(_, strict)) in &scored {
            if strict {
                has_strict[a as usize] = true;
                has_strict[b as usize] = true;
            }
        }

        // Average linkage, strongest links first, under the span cap.
        let mut edges: Vec<((u32, u32), f32)> = scored.iter().map(|(&k, &v)| (k, v.0)).collect();
        edges.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let day = |i: u32| profiles[i as usize].as_ref().map_or(0, |p| p.day);
        let mut cluster_of: Vec<u32> = (0..n as u32).collect();
        let mut clusters: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
        let score = |a: u32, b: u32, lone: bool| match scored.get(&(a.min(b), a.max(b))) {
            Some(&(s, strict)) if strict || lone => s,
            _ => 0.0,
        };
        for ((a, b), _) in edges {
            let (ca, cb) = (cluster_of[a as usize], cluster_of[b as usize]);
            if ca == cb {
                continue;
            }
            let (x, y) = (&clusters[ca as usize], &clusters[cb as usize]);
            let days = x.iter().chain(y.iter()).map(|&i| day(i));
            let (lo, hi) = days.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
            if hi - lo > params.max_span {
                continue;
            }
            // A lone article (no report of its own around it) joins a group across the plateau
            // only when it links to every member: an early report names what the whole story
            // names.
            let lone =
                (x.len() == 1) != (y.len() == 1) && [x, y].iter().all(|g| g.len() > 1 || !has_strict[g[0] as usize]);
            let pairs = || x.iter().flat_map(|&i| y.iter().map(move |&j| (i, j)));
            let lone = lone && pairs().all(|(i, j)| score(i, j, true) > 0.0);
            let total: f32 = pairs().map(|(i, j)| score(i, j, lone)).sum();
            if total / ((x.len() * y.len()) as f32) < params.min_average {
                continue;
            }
            let (keep, gone) = if x.len() >= y.len() { (ca, cb) } else { (cb, ca) };
            let moved = std::mem::take(&mut clusters[gone as usize]);
            for &i in &moved {
                cluster_of[i as usize] = keep;
            }
            clusters[keep as usize].extend(moved);
        }

        // Copy groups: connected components of copy pairs (within one story by construction).
        let mut parent: Vec<u32> = (0..n as u32).collect();
        fn find(p: &mut [u32], mut x: u32) -> u32 {
            while p[x as usize] != x {
                p[x as usize] = p[p[x as usize] as usize];
                x = p[x as usize];
            }
            x
        }
        for &(a, b, _) in &copies {
            if cluster_of[a as usize] != cluster_of[b as usize] {
                continue;
            }
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
        let mut comp: HashMap<u32, Vec<u32>> = HashMap::new();
        for &(a, b, _) in &copies {
            for x in [a, b] {
                let r = find(&mut parent, x);
                comp.entry(r).or_default().push(x);
            }
        }
        let containment: HashMap<(u32, u32), f32> = copies.iter().map(|&(a, b, c)| ((a.min(b), a.max(b)), c)).collect();
        let order = |i: &u32| (day(*i), meta[*i as usize].2.is_none(), meta[*i as usize].0);

        let mut stories = Vec::new();
        let mut story_of = vec![None; n];
        let mut copy_group_of = vec![None; n];
        let mut groups: Vec<Vec<u32>> = clusters.into_iter().filter(|c| c.len() >= 2).collect();
        for g in &mut groups {
            g.sort_by_key(order);
        }
        groups.sort_by_key(|g| g.first().map(order));
        for members in groups {
            let si = stories.len() as u32;
            let mut copy_groups: Vec<CopyGroup> = Vec::new();
            let mut roots: Vec<u32> = members.iter().map(|&i| find(&mut parent, i)).collect();
            roots.sort_unstable();
            roots.dedup();
            for r in roots {
                let Some(mut m) = comp.get(&r).cloned() else { continue };
                m.sort_unstable();
                m.dedup();
                if m.len() < 2 {
                    continue;
                }
                m.sort_by_key(order);
                let rep = m[0];
                let shared = m[1..]
                    .iter()
                    .map(|&x| containment.get(&(rep.min(x), rep.max(x))).copied().unwrap_or(params.copy_containment))
                    .fold(1.0f32, f32::min);
                let mut wires: Vec<OutletId> = m.iter().filter_map(|&i| meta[i as usize].2).collect();
                wires.sort_unstable();
                let wire = wires.chunk_by(|a, b| a == b).max_by_key(|r| r.len()).and_then(|r| r.first().copied());
                copy_groups.push(CopyGroup { members: m, wire, shared });
            }
            copy_groups.sort_by_key(|g| g.members.first().map(order));
            for (k, g) in copy_groups.iter().enumerate() {
                for &i in &g.members {
                    copy_group_of[i as usize] = Some((si, k as u32));
                }
            }
            for &i in &members {
                story_of[i as usize] = Some(si);
            }
            let first_day = members.first().map_or(0, |&i| day(i));
            let last_day = members.iter().map(|&i| day(i)).max().unwrap_or(first_day);
            let id = members.first().map_or(ArticleId(0), |&i| meta[i as usize].0);
            stories.push(Story { id, members, copies: copy_groups, first_day, last_day });
        }
        Stories { params, stories, story_of, copy_group_of, profiles, rarity, stats }
    }

    /// The story an article belongs to.
    pub fn story_of(&self, i: u32) -> Option<&Story> {
        self.story_of.get(i as usize).copied().flatten().and_then(|s| self.stories.get(s as usize))
    }

    /// The copy group an article belongs to.
    pub fn copy_group_of(&self, i: u32) -> Option<&CopyGroup> {
        let (s, g) = self.copy_group_of.get(i as usize).copied().flatten()?;
        self.stories.get(s as usize)?.copies.get(g as usize)
    }

    /// Whether an article was left out (undated, or no body).
    pub fn left_out(&self, i: u32) -> bool {
        self.profiles.get(i as usize).is_none_or(Option::is_none)
    }

    pub fn profile(&self, i: u32) -> Option<&Profile> {
        self.profiles.get(i as usize).and_then(Option::as_ref)
    }

    pub fn rarity(&self) -> &Rarity {
        &self.rarity
    }

    /// The evidence between two grouped articles' leads and dates.
    pub fn evidence(&self, a: u32, b: u32) -> Option<Evidence> {
        Some(Evidence::between(self.profile(a)?, self.profile(b)?, &self.rarity, &self.params))
    }

    /// The story a new article would join (incremental grouping): its copies by signature, then
    /// the story whose members it links to best on average. Reads no other body: the
    /// profiles kept for every article are enough.
    pub fn assign(&self, p: &Profile) -> Assignment {
        let mut copy: Option<(u32, f32)> = None;
        let mut per_story: HashMap<u32, (f32, usize)> = HashMap::new();
        for (j, q) in self.profiles.iter().enumerate() {
            let Some(q) = q else { continue };
            if (q.day - p.day).abs() > self.params.max_gap {
                continue;
            }
            let est = minhash::estimate(&p.sig, &q.sig);
            let sm = p.shingles.min(q.shingles).max(1) as f32;
            // The signature's Jaccard turned into containment of the shorter text.
            let contained = est * (p.shingles + q.shingles) as f32 / ((1.0 + est) * sm);
            if contained >= self.params.copy_containment && copy.is_none_or(|(_, c)| contained > c) {
                copy = Some((j as u32, contained));
            }
            let e = Evidence::between(p, q, &self.rarity, &self.params);
            let s = if contained >= self.params.copy_containment {
                1.0
            } else if e.linked_alone {
                e.score
            } else {
                0.0
            };
            if s > 0.0
                && let Some(si) = self.story_of[j]
            {
                let t = per_story.entry(si).or_default();
                t.0 += s;
                t.1 += 1;
            }
        }
        let story = per_story
            .into_iter()
            .filter_map(|(si, (sum, _))| {
                let st = self.stories.get(si as usize)?;
                let avg = sum / st.members.len() as f32;
                let span = st.last_day.max(p.day) - st.first_day.min(p.day);
                (avg >= self.params.min_average && span <= self.params.max_span).then_some((si, avg))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(si, _)| si);
        let story = story.or_else(|| copy.and_then(|(j, _)| self.story_of[j as usize]));
        Assignment { story, copy_of: copy.map(|(j, _)| j) }
    }
}

/// Where a new article goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assignment {
    pub story: Option<u32>,
    pub copy_of: Option<u32>,
}

/// Scored pairs of articles that share a name or term rare enough to index, within the time
/// window. Each article looks only at the postings of its own keys, so the work grows with
/// the size of the window, not the square of the corpus.
fn link_candidates(profiles: &[Option<Profile>], rarity: &Rarity, params: &Params) -> Vec<(u32, u32, Evidence)> {
    // A key in more articles than this is too common to find candidates by (it still counts
    // in the score).
    let cap = (rarity.docs as usize / 50).max(40) as u32;
    let mut postings: HashMap<u64, Vec<(i32, u32)>, foldhash::fast::RandomState> = HashMap::default();
    for (i, p) in profiles.iter().enumerate() {
        let Some(p) = p else { continue };
        for &k in p.names.iter().filter(|&&k| rarity.name_df(k) <= cap) {
            postings.entry(u64::from(k)).or_default().push((p.day, i as u32));
        }
        for &k in p.terms.iter().filter(|&&k| rarity.term_df(k) <= cap) {
            postings.entry(u64::from(k) | 1 << 32).or_default().push((p.day, i as u32));
        }
    }
    for v in postings.values_mut() {
        v.sort_unstable();
    }
    (0..profiles.len() as u32)
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut out = Vec::new();
            let Some(p) = &profiles[i as usize] else { return out.into_iter() };
            let mut counts: HashMap<u32, u32, foldhash::fast::RandomState> = HashMap::default();
            let keys = p.names.iter().map(|&k| u64::from(k)).chain(p.terms.iter().map(|&k| u64::from(k) | 1 << 32));
            for k in keys {
                let Some(post) = postings.get(&k) else { continue };
                let lo = post.partition_point(|&(d, _)| d < p.day - params.max_gap);
                for &(d, j) in &post[lo..] {
                    if d > p.day + params.max_gap {
                        break;
                    }
                    if j > i {
                        *counts.entry(j).or_default() += 1;
                    }
                }
            }
            for (j, c) in counts {
                if c < 3 {
                    continue;
                }
                if let Some(q) = &profiles[j as usize] {
                    let e = Evidence::between(p, q, rarity, params);
                    if e.linked_alone {
                        out.push((i, j, e));
                    }
                }
            }
            out.into_iter()
        })
        .collect()
}

#[cfg(test)]
mod tests;
