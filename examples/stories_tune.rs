//! Tuning aid for the story grouping (not part of newsdesk): loads the story set once, then
//! prints pairwise precision and recall on half A of its events (the tuning half) for a grid of
//! parameters. `cargo run --release --example stories_tune [half]`.

use std::collections::HashMap;
use std::path::PathBuf;

use newsdesk::corpus::Corpus;
use newsdesk::corpus::load::LoadOptions;
use newsdesk::corpus::stories::{Params, Stories, profiles};

fn main() -> anyhow::Result<()> {
    let want = std::env::args().nth(1).unwrap_or_else(|| "A".into());
    // The event halves as scripts/stories-eval splits them (by SHA-1 of the label), written by
    // `scripts/stories-eval --write-halves`.
    let halves: HashMap<String, String> = std::fs::read_to_string("storyset/articles/.halves")?
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(a, b)| (a.to_string(), b.to_string())))
        .collect();
    let labels: HashMap<String, String> = std::fs::read_to_string("storyset/articles.jsonl")?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some((v["id"].as_str()?.to_string(), v["event"].as_str()?.to_string())))
        .collect();
    let c =
        Corpus::load(&[PathBuf::from("storyset/articles")], LoadOptions { metadata: true, index: false, cache: false });
    let ev: Vec<Option<(String, bool)>> = c
        .articles()
        .iter()
        .map(|a| {
            let p = &c.file(a).path;
            let stem = std::path::Path::new(p.as_ref() as &str).file_stem()?.to_str()?.to_string();
            let e = labels.get(&stem)?.clone();
            Some((e.clone(), want == "all" || halves.get(&e).is_some_and(|h| *h == want)))
        })
        .collect();
    let prof = profiles(&c);
    let base = Params::default();
    let mut grid = Vec::new();
    for min_score in [0.08f32, 0.1] {
        for per_day in [0.025f32, 0.03, 0.035] {
            for min_names in [0.08f32] {
                for min_terms in [0.03f32] {
                    for min_average in [0.03f32, 0.04] {
                        for plateau in [2, 3, 4] {
                            grid.push(Params {
                                min_score,
                                per_day,
                                min_names,
                                min_terms,
                                min_average,
                                plateau,
                                ..base
                            });
                        }
                    }
                }
            }
        }
    }
    if std::env::var_os("ONE").is_some() {
        grid = vec![base];
    }
    for p in grid {
        let s = Stories::of_profiles(&c, prof.clone(), p);
        let n = c.len() as u32;
        let (mut tp, mut fp, mut fn_) = (0u32, 0u32, 0u32);
        for a in 0..n {
            for b in a + 1..n {
                let (Some(x), Some(y)) = (&ev[a as usize], &ev[b as usize]) else { continue };
                // Pairs touching the tuning half count, so merges across halves are seen.
                if !x.1 && !y.1 {
                    continue;
                }
                let same = x.0 == y.0;
                let together = s.story_of(a).is_some() && s.story_of(a).map(|t| t.id) == s.story_of(b).map(|t| t.id);
                tp += u32::from(same && together);
                fp += u32::from(!same && together);
                fn_ += u32::from(same && !together);
            }
        }
        let prec = tp as f32 / (tp + fp).max(1) as f32;
        let rec = tp as f32 / (tp + fn_).max(1) as f32;
        println!(
            "{prec:.3} {rec:.3}  score {:.2} day {:.3} plateau {} names {:.2} terms {:.2} avg {:.2}",
            p.min_score, p.per_day, p.plateau, p.min_names, p.min_terms, p.min_average
        );
    }
    Ok(())
}
