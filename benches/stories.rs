//! Story grouping at scale: profiles (every body read once), grouping from them, and adding one
//! article to a grouped corpus (incremental assignment). Plain timings, no thresholds.
//!
//! `cargo bench --bench stories` times a generated corpus of 20,000 articles plus 300 synthetic
//! events; `NEWSDESK_BENCH_DIR=/path cargo bench --bench stories` times a corpus on disk instead
//! (docs/performance.md used `gen-corpus --count 100000 --seed 1` plus `gen-stories --events
//! 1500`).

use std::path::PathBuf;
use std::time::Instant;

use newsdesk::corpus::Corpus;
use newsdesk::corpus::load::LoadOptions;
use newsdesk::corpus::stories::{Params, Profile, Stories, Text, profiles};

fn main() {
    let (dir, _keep) = match std::env::var_os("NEWSDESK_BENCH_DIR") {
        Some(d) => (PathBuf::from(d), None),
        None => {
            let t = tempfile::tempdir().expect("temp dir");
            newsdesk::synth::write_corpus(t.path(), 20_000, 1, None).expect("corpus");
            newsdesk::synth::write_stories(&t.path().join("stories"), 300, 1, None).expect("stories");
            (t.path().to_path_buf(), Some(t))
        }
    };
    let t0 = Instant::now();
    let c = Corpus::load(&[dir], LoadOptions { metadata: true, index: false, cache: false });
    println!("load             {:>8.0} ms  ({} articles)", t0.elapsed().as_secs_f64() * 1e3, c.len());
    let t1 = Instant::now();
    let prof = profiles(&c);
    let t_prof = t1.elapsed();
    let bytes: usize = prof
        .iter()
        .map(|p| std::mem::size_of::<Option<Profile>>() + p.as_ref().map_or(0, |p| 4 * (p.names.len() + p.terms.len())))
        .sum();
    println!("profiles         {:>8.0} ms  ({:.1} MB kept)", t_prof.as_secs_f64() * 1e3, bytes as f64 / 1e6);
    let t2 = Instant::now();
    let s = Stories::of_profiles(&c, prof, Params::default());
    let t_group = t2.elapsed();
    println!(
        "group            {:>8.0} ms  ({} stories; {} copy candidates, {} copy pairs, {} links)",
        t_group.as_secs_f64() * 1e3,
        s.stories.len(),
        s.stats.copy_candidates,
        s.stats.copy_pairs,
        s.stats.links
    );
    println!("grouping total   {:>8.0} ms", (t_prof + t_group).as_secs_f64() * 1e3);
    // One new article: a copy of an existing story's first member, a day later.
    let Some(st) = s.stories.iter().find(|st| !st.copies.is_empty()).or(s.stories.first()) else { return };
    let first = st.members[0];
    let e = c.extraction(first).expect("readable");
    let text = Text { title: e.title.value.clone(), body: e.body.iter().map(|b| b.text().to_string()).collect() };
    let day = s.profile(first).map(|p| p.day + 1);
    let t3 = Instant::now();
    let runs = 20;
    let mut joined = None;
    for _ in 0..runs {
        let p = Profile::of(&text, day).expect("profile");
        joined = s.assign(&p).story;
    }
    println!(
        "add one article  {:>8.2} ms  (joined story {:?}, expected {:?})",
        t3.elapsed().as_secs_f64() * 1e3 / runs as f64,
        joined.map(|k| s.stories[k as usize].id),
        Some(st.id)
    );
}
