//! `newsdesk stories` and `newsdesk why`: the corpus's stories (articles of one event across
//! outlets, with the copies of one wire text among them), and what ties two articles together.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{UNKNOWN, UsageError};
use crate::cli::{Config, TableFormat};
use crate::corpus::Corpus;
use crate::corpus::filter::Order;
use crate::corpus::stories::features::name_key;
use crate::corpus::stories::minhash::Overlap;
use crate::corpus::stories::{Params, Stories, Story, Text};
use crate::width::{fit, truncate, width};

/// One story in `stories --format json`. A stable interface: fields are only ever added.
#[derive(Serialize)]
struct StoryJson<'a> {
    /// The earliest article's full id: the same on every run while that article is present.
    id: String,
    /// The headline of the article closest to all the others.
    headline: &'a str,
    headline_article: String,
    first: Option<String>,
    last: Option<String>,
    outlets: Vec<&'a str>,
    articles: Vec<MemberJson<'a>>,
    copies: Vec<CopyJson<'a>>,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    #[serde(flatten)]
    article: super::list::ArticleJson<'a>,
    /// The first article of this one's copy group, when it is a copy of it.
    copy_of: Option<String>,
}

#[derive(Serialize)]
struct CopyJson<'a> {
    /// The agency the copies credit; null when none does (a syndicated or reposted text).
    wire: Option<&'a str>,
    /// The outlet of the first copy (the wire's own page, or its first carrier).
    origin: Option<&'a str>,
    articles: Vec<String>,
    /// The least share of text any copy has in common with the first (0 to 1).
    shared: f32,
}

/// The member closest to all the others (the most representative headline); the earliest on
/// a tie.
fn representative(s: &Stories, story: &Story) -> u32 {
    let mut best = (f32::MIN, story.members.first().copied().unwrap_or(0));
    for &i in &story.members {
        let total: f32 =
            story.members.iter().filter(|&&j| j != i).filter_map(|&j| s.evidence(i, j)).map(|e| e.score).sum();
        if total > best.0 {
            best = (total, i);
        }
    }
    best.1
}

pub fn run(
    c: &Corpus,
    config: &Config,
    format: TableFormat,
    out: &mut dyn Write,
    width_limit: Option<usize>,
) -> anyhow::Result<ExitCode> {
    let filter = config.filter.resolve(c).map_err(|e| UsageError(e.to_string()))?;
    let sel = c.select(&filter, Order::OldestFirst);
    let mut wanted = vec![false; c.len()];
    for &i in &sel {
        wanted[i as usize] = true;
    }
    let s = Stories::of_corpus(c, Params::default());
    let mut shown: Vec<&Story> = s.stories.iter().filter(|st| st.members.iter().any(|&i| wanted[i as usize])).collect();
    if config.filter.order == Order::NewestFirst {
        shown.reverse();
    }
    let date = |i: u32| c.get(i).published.map(|p| p.date.to_string());
    let json: Vec<StoryJson<'_>> = shown
        .iter()
        .map(|st| {
            let rep = representative(&s, st);
            let mut outlets: Vec<&str> = Vec::new();
            for &i in &st.members {
                let o = c.outlet_name(c.get(i).outlet).unwrap_or(UNKNOWN);
                if !outlets.contains(&o) {
                    outlets.push(o);
                }
            }
            let articles = st
                .members
                .iter()
                .map(|&i| MemberJson {
                    article: super::list::ArticleJson::new(c, c.get(i)),
                    copy_of: s
                        .copy_group_of(i)
                        .and_then(|g| g.members.first().copied())
                        .filter(|&r| r != i)
                        .map(|r| c.get(r).id.hex()),
                })
                .collect();
            let copies = st
                .copies
                .iter()
                .map(|g| CopyJson {
                    wire: c.outlet_name(g.wire),
                    origin: g.members.first().and_then(|&i| c.outlet_name(c.get(i).outlet)),
                    articles: g.members.iter().map(|&i| c.get(i).id.hex()).collect(),
                    shared: (g.shared * 100.0).round() / 100.0,
                })
                .collect();
            StoryJson {
                id: st.id.hex(),
                headline: &c.get(rep).title,
                headline_article: c.get(rep).id.hex(),
                first: st.members.first().and_then(|&i| date(i)),
                last: st.members.iter().filter_map(|&i| c.get(i).published).max().map(|p| p.date.to_string()),
                outlets,
                articles,
                copies,
            }
        })
        .collect();
    if format == TableFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &json)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if json.is_empty() {
        writeln!(out, "no stories: no two articles report one event")?;
        return Ok(ExitCode::SUCCESS);
    }
    let short = |hex: &str| hex.chars().take(c.id_len()).collect::<String>();
    let line = |s: String| match width_limit {
        Some(w) => truncate(&s, w).into_owned(),
        None => s,
    };
    for (k, st) in json.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let span = match (&st.first, &st.last) {
            (Some(f), Some(l)) if f != l => format!("{f} … {l}"),
            (Some(f), _) => f.clone(),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}",
            line(format!(
                "story {}  {}  {}, {}  {}",
                short(&st.id),
                span,
                crate::width::count(st.articles.len(), "article"),
                crate::width::count(st.outlets.len(), "outlet"),
                st.headline
            ))
        )?;
        let outlet_w =
            st.articles.iter().map(|a| width(a.article.outlet.unwrap_or(UNKNOWN))).max().unwrap_or(0).min(22);
        for a in &st.articles {
            let mark = match &a.copy_of {
                Some(r) => format!("  = copy of {}", short(r)),
                None => String::new(),
            };
            let outlet = a.article.outlet.unwrap_or(UNKNOWN);
            writeln!(
                out,
                "{}",
                line(format!(
                    "  {}  {}  {}  {}{mark}",
                    short(&a.article.id),
                    fit(a.article.published.as_deref().map_or("undated", |d| d.get(..10).unwrap_or(d)), 10),
                    fit(outlet, outlet_w),
                    a.article.title
                ))
            )?;
        }
        for g in &st.copies {
            let ids: Vec<String> = g.articles.iter().map(|x| short(x)).collect();
            let credit = match (g.wire, g.origin) {
                (Some(w), _) => format!("{w} text"),
                (None, Some(o)) => format!("text first seen at {o}"),
                (None, None) => "one text".to_string(),
            };
            writeln!(out, "  copies: {} ({credit}, at least {:.0}% shared)", ids.join(", "), g.shared * 100.0)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk why A B` in JSON.
#[derive(Serialize)]
struct WhyJson {
    articles: [String; 2],
    same_story: bool,
    /// The story's id when they share one.
    story: Option<String>,
    copy: bool,
    /// Shared 6-word shingles over the shorter text's (0 to 1).
    shared_text: f32,
    gap_days: Option<i32>,
    shared_names: Vec<String>,
    shared_terms: Vec<String>,
    names_similarity: Option<f32>,
    terms_similarity: Option<f32>,
    score: Option<f32>,
    /// The score a link needs at this time gap.
    needed: Option<f32>,
    linked: bool,
    /// Whether the link holds for a lone article joining a story (the time gap counted up to
    /// a few days).
    linked_alone: bool,
    /// Why not, when they are not in one story (or why one is left out).
    reasons: Vec<String>,
}

fn text_of(c: &Corpus, i: u32) -> anyhow::Result<Text> {
    let e = c.extraction(i)?;
    Ok(Text { title: e.title.value, body: e.body.iter().map(|b| b.text().to_string()).collect() })
}

pub fn why(c: &Corpus, ids: &[String; 2], format: TableFormat, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let a = c.find_id(&ids[0]).map_err(|e| UsageError(e.to_string()))?;
    let b = c.find_id(&ids[1]).map_err(|e| UsageError(e.to_string()))?;
    let s = Stories::of_corpus(c, Params::default());
    let (ta, tb) = (text_of(c, a)?, text_of(c, b)?);
    let overlap = Overlap::of(&ta.shingles(), &tb.shingles());
    let story_a = s.story_of(a).map(|st| st.id);
    let same = a != b && story_a.is_some() && story_a == s.story_of(b).map(|st| st.id);
    let copy = same && s.copy_group_of(a).is_some() && s.copy_group_of(a) == s.copy_group_of(b);
    let ev = s.evidence(a, b);
    let shared_by = |xs: Vec<String>, ys: Vec<String>, key: fn(&str) -> String| -> Vec<String> {
        let keys: Vec<String> = ys.iter().map(|y| key(y)).collect();
        xs.into_iter().filter(|x| keys.contains(&key(x))).collect()
    };
    let names = shared_by(ta.names(), tb.names(), name_key);
    let terms = shared_by(ta.terms(), tb.terms(), |t| t.to_string());
    let p = s.params;
    let mut reasons = Vec::new();
    for (i, t) in [(a, &ids[0]), (b, &ids[1])] {
        if s.left_out(i) {
            let why = if c.get(i).published.is_none() { "it has no date" } else { "it has no body text" };
            reasons.push(format!("{t} is left out of stories: {why}"));
        }
    }
    let needed = ev.map(|e| p.needed(e.gap));
    if let Some(e) = ev
        && !same
    {
        if e.gap > p.max_gap {
            reasons.push(format!("{} apart (links need at most {})", days(e.gap), days(p.max_gap)));
        }
        if e.shared_names < p.min_shared_names {
            reasons.push(format!(
                "{} shared (at least {} needed)",
                crate::width::count(e.shared_names, "name"),
                p.min_shared_names
            ));
        }
        if e.names < p.min_names {
            reasons.push(format!("names similarity {:.2} (at least {:.2} needed)", e.names, p.min_names));
        }
        if e.terms < p.min_terms {
            reasons.push(format!("lead terms similarity {:.2} (at least {:.2} needed)", e.terms, p.min_terms));
        }
        if e.linked {
            reasons.push(
                "linked on its own, but not close enough to the rest of either story, or the story would span too long"
                    .into(),
            );
        } else if let Some(n) = needed
            && e.score < n
        {
            reasons.push(format!("score {:.2} below the {:.2} needed at this gap", e.score, n));
        }
        if overlap.containment() < p.copy_containment {
            reasons.push(format!(
                "not a copy: {:.0}% of the shorter text shared ({:.0}% needed)",
                overlap.containment() * 100.0,
                p.copy_containment * 100.0
            ));
        }
    }
    let r2 = |x: f32| (x * 100.0).round() / 100.0;
    let j = WhyJson {
        articles: [c.get(a).id.hex(), c.get(b).id.hex()],
        same_story: same,
        story: if same { story_a.map(|x| x.hex()) } else { None },
        copy,
        shared_text: r2(overlap.containment()),
        gap_days: match (c.get(a).published, c.get(b).published) {
            (Some(x), Some(y)) => {
                Some((crate::corpus::stories::day_number(x.date) - crate::corpus::stories::day_number(y.date)).abs())
            }
            _ => None,
        },
        shared_names: names,
        shared_terms: terms,
        names_similarity: ev.map(|e| r2(e.names)),
        terms_similarity: ev.map(|e| r2(e.terms)),
        score: ev.map(|e| r2(e.score)),
        needed: needed.map(r2),
        linked: ev.is_some_and(|e| e.linked) || copy,
        linked_alone: ev.is_some_and(|e| e.linked_alone) || copy,
        reasons,
    };
    if format == TableFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &j)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for i in [a, b] {
        let x = c.get(i);
        writeln!(out, "{}", super::article_line(c, x))?;
    }
    writeln!(out)?;
    let verdict = match (same, copy) {
        (true, true) => {
            format!("same story ({}), and copies of one text", story_a.map(|x| x.short(c.id_len())).unwrap_or_default())
        }
        (true, false) => {
            format!("same story ({}), written separately", story_a.map(|x| x.short(c.id_len())).unwrap_or_default())
        }
        _ => "not in one story".to_string(),
    };
    writeln!(out, "{verdict}")?;
    writeln!(
        out,
        "shared text:  {:.0}% of the shorter text's 6-word phrases ({} of {})",
        overlap.containment() * 100.0,
        overlap.shared,
        overlap.a.min(overlap.b)
    )?;
    if let Some(g) = j.gap_days {
        writeln!(out, "time gap:     {}", days(g))?;
    }
    writeln!(
        out,
        "shared names: {}",
        if j.shared_names.is_empty() { "none".into() } else { j.shared_names.join(", ") }
    )?;
    writeln!(
        out,
        "shared lead terms: {}",
        if j.shared_terms.is_empty() { "none".into() } else { j.shared_terms.join(", ") }
    )?;
    if let (Some(e), Some(n)) = (ev, needed) {
        writeln!(
            out,
            "similarity:   names {:.2}, lead terms {:.2}, score {:.2} (a link needs {:.2} at this gap){}",
            e.names,
            e.terms,
            e.score,
            n,
            if e.linked {
                ": linked"
            } else if e.linked_alone {
                ": linked as a lone article joining a story"
            } else {
                ""
            }
        )?;
    }
    for r in &j.reasons {
        writeln!(out, "  - {r}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn days(n: i32) -> String {
    crate::width::count(n.unsigned_abs() as usize, "day")
}
