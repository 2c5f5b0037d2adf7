//! Stories on the bundled corpus (exact), and the command-line surface of `stories`, `why` and
//! `compare`: the JSON shapes scripts rely on, and the errors a user sees.

use std::time::Duration;

use assert_cmd::Command;
use newsdesk::corpus::Corpus;
use newsdesk::corpus::load::LoadOptions;
use newsdesk::corpus::stories::{Params, Stories};
use serde_json::Value;

const HERALD: &str = "f98d33777f29418f";
const MOSCOW_TIMES: &str = "197313b8d74881af";
const EURONEWS: &str = "a425d640da546857";
const WIC: &str = "1a2d84ad62d80907";
const RT: &str = "16e90dd895ff2571";

/// Runs `newsdesk ARGS --no-cache` (the flag belongs to the subcommand), expects success.
fn ok(args: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("newsdesk").expect("the newsdesk binary is built");
    cmd.env_remove("COLUMNS").env("NO_COLOR", "1").timeout(Duration::from_secs(60));
    let out = cmd.args(args).arg("--no-cache").output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "newsdesk {args:?} failed: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let out = ok(&a);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{out}"))
}

#[test]
fn the_bundled_corpus_has_exactly_two_stories() {
    let c = Corpus::load(&[], LoadOptions { metadata: true, index: false, cache: false });
    let s = Stories::of_corpus(&c, Params::default());
    let ids = |members: &[u32]| members.iter().map(|&i| c.get(i).id.hex()).collect::<Vec<_>>();
    assert_eq!(s.stories.len(), 2);
    // Oldest first: the 2011 planned visit, then the 2019 summit.
    assert_eq!(ids(&s.stories[0].members), [HERALD, MOSCOW_TIMES]);
    assert_eq!(ids(&s.stories[1].members), [WIC, RT, EURONEWS]);
    assert!(s.stories.iter().all(|st| st.copies.is_empty()), "the bundled articles are written separately");
    assert_eq!(s.stories[1].id.hex(), WIC, "a story's id is its earliest article's");
}

#[test]
fn stories_json_shape() {
    let v = json(&["stories", "--oldest-first"]);
    let stories = v.as_array().expect("an array of stories");
    assert_eq!(stories.len(), 2);
    let s = &stories[1];
    assert_eq!(s["id"], WIC);
    assert_eq!(s["first"], "2019-03-25");
    assert_eq!(s["last"], "2019-04-23");
    assert_eq!(s["outlets"], serde_json::json!(["WIC News", "RT", "Euronews"]));
    let arts = s["articles"].as_array().expect("articles");
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, [WIC, RT, EURONEWS]);
    assert_eq!(arts[2]["agency"], "Reuters");
    assert!(arts.iter().all(|a| a["copy_of"].is_null() && a["title"].is_string() && a["path"].is_string()));
    assert!(s["headline"].is_string() && ids.contains(&s["headline_article"].as_str().unwrap_or("")));
    assert_eq!(s["copies"], serde_json::json!([]));
    // Newest first by default.
    let v = json(&["stories"]);
    assert_eq!(v[0]["id"], WIC);
}

#[test]
fn stories_filters_keep_stories_with_a_matching_article() {
    let v = json(&["stories", "--outlet", "moscow times"]);
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["id"], HERALD);
    let v = json(&["stories", "--date", "2019-04-22"]);
    assert_eq!(v[0]["id"], WIC);
    assert_eq!(v[0]["articles"].as_array().map(Vec::len), Some(3), "the whole story, not only the match");
}

#[test]
fn why_explains_a_link_and_a_non_link() {
    let v = json(&["why", &WIC[..7], &RT[..7]]);
    assert_eq!(v["same_story"], true);
    assert_eq!(v["story"], WIC);
    assert_eq!(v["copy"], false);
    assert_eq!(v["gap_days"], 28);
    let names: Vec<&str> = v["shared_names"].as_array().expect("names").iter().filter_map(Value::as_str).collect();
    assert!(names.contains(&"Vladivostok") && names.contains(&"Putin"), "{names:?}");
    assert!(v["shared_text"].as_f64().is_some_and(|x| x < 0.1));
    let v = json(&["why", HERALD, EURONEWS]);
    assert_eq!(v["same_story"], false);
    assert_eq!(v["gap_days"], 2856);
    let reasons = v["reasons"].to_string();
    assert!(reasons.contains("days apart"), "{reasons}");
    let text = ok(&["why", HERALD, MOSCOW_TIMES]);
    assert!(text.contains("same story (f98d337), written separately"), "{text}");
    assert!(text.contains("time gap:     1 day"), "{text}");
}

#[test]
fn compare_json_shape() {
    let v = json(&["compare", EURONEWS, RT]);
    for side in ["left", "right"] {
        let s = &v[side];
        assert!(s["id"].is_string() && s["outlet"].is_string());
        let paras = s["paragraphs"].as_array().expect("paragraphs");
        assert!(!paras.is_empty());
        let n: usize = paras.iter().map(|p| p["sentences"].as_array().map_or(0, Vec::len)).sum();
        assert_eq!(s["sentences"].as_u64(), Some(n as u64));
        assert!(
            paras
                .iter()
                .flat_map(|p| p["sentences"].as_array().into_iter().flatten())
                .all(|x| x["shared"].is_boolean() && x["text"].is_string())
        );
        assert!(s["quoted"].is_array());
    }
    assert_eq!(v["left"]["id"], EURONEWS);
    let quoted: Vec<&str> =
        v["left"]["quoted"].as_array().expect("quoted").iter().filter_map(|q| q["name"].as_str()).collect();
    assert!(quoted.contains(&"Ushakov"), "{quoted:?}");
    let rows = v["rows"].as_array().expect("rows");
    let lefts = rows.iter().filter(|r| !r["left"].is_null()).count();
    assert_eq!(lefts, v["left"]["paragraphs"].as_array().map_or(0, Vec::len), "every paragraph has a row");
}

#[test]
fn compare_marks_shared_sentences_of_a_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = "The city council of Varnholt voted on Monday to close the old harbour bridge for repairs. \
        Engineers found cracks in two of its supports last month.\n\n\
        \"The bridge is not safe for lorries,\" council leader Aino Brask said.\n\n\
        Ferries will carry foot passengers from Tuesday.";
    let copy = format!("{}\n\nThe regional paper adds that shops near the bridge fear a quiet summer.", body);
    std::fs::write(dir.path().join("a.txt"), format!("Varnholt closes harbour bridge\n\nMarch 3, 2020\n\n{body}\n"))
        .expect("write");
    std::fs::write(dir.path().join("b.txt"), format!("Harbour bridge shut for repairs\n\nMarch 3, 2020\n\n{copy}\n"))
        .expect("write");
    let p = dir.path().to_str().expect("UTF-8 path");
    let list: Value = serde_json::from_str(&ok(&["list", p, "--format", "json", "--oldest-first"])).expect("json");
    let id = |k: usize| list[k]["id"].as_str().expect("id").to_string();
    let (a, b) =
        if list[0]["path"].as_str().is_some_and(|x| x.ends_with("a.txt")) { (id(0), id(1)) } else { (id(1), id(0)) };
    let v = json(&["compare", &a, &b, p]);
    let right: Vec<(String, bool)> = v["right"]["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .flat_map(|p| p["sentences"].as_array().cloned().unwrap_or_default())
        .map(|s| (s["text"].as_str().unwrap_or("").to_string(), s["shared"].as_bool().unwrap_or(false)))
        .collect();
    assert!(right.iter().filter(|s| s.0.contains("shops near the bridge")).all(|s| !s.1), "{right:?}");
    assert!(right.iter().filter(|s| s.0.contains("cracks in two")).all(|s| s.1), "{right:?}");
    assert_eq!(v["left"]["quoted"][0]["name"], "council leader Aino Brask");
    let s: Value = serde_json::from_str(&ok(&["stories", p, "--format", "json"])).expect("json");
    assert_eq!(s[0]["copies"][0]["articles"].as_array().map(Vec::len), Some(2), "{s}");
    assert_eq!(s[0]["copies"][0]["wire"], Value::Null);
}

#[test]
fn unknown_ids_are_usage_errors() {
    let mut cmd = Command::cargo_bin("newsdesk").expect("binary");
    let out =
        cmd.args(["compare", "0000000", RT, "--no-cache"]).timeout(Duration::from_secs(60)).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article with id 0000000"));
    let mut cmd = Command::cargo_bin("newsdesk").expect("binary");
    let out = cmd.args(["why", "zzz", RT, "--no-cache"]).timeout(Duration::from_secs(60)).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an article id"));
}

/// The synthetic generator's events and wire copies, grouped: a regression test with known
/// truth. Every fifth event is a follow-up with the same place and people weeks later, which
/// must stay a story of its own.
#[test]
fn synthetic_events_and_copies_are_found() {
    use std::collections::HashMap;
    let dir = tempfile::tempdir().expect("temp dir");
    let truth = newsdesk::synth::write_stories(dir.path(), 120, 7, None).expect("written");
    let c = Corpus::load(&[dir.path().to_path_buf()], LoadOptions { metadata: true, index: false, cache: false });
    assert_eq!(c.len(), truth.len());
    let s = Stories::of_corpus(&c, Params::default());
    let by_path: HashMap<&str, &newsdesk::synth::StoryTruth> = truth.iter().map(|t| (t.path.as_str(), t)).collect();
    let t = |i: u32| {
        let p = std::path::Path::new(&*c.file(c.get(i)).path).file_name().and_then(|f| f.to_str()).unwrap_or("");
        by_path.get(p).copied().unwrap_or_else(|| panic!("no truth for {p}"))
    };
    let (mut tp, mut fp, mut fn_, mut copies, mut found) = (0u32, 0u32, 0u32, 0u32, 0u32);
    let n = c.len() as u32;
    for a in 0..n {
        for b in a + 1..n {
            let (x, y) = (t(a), t(b));
            let same = x.event == y.event;
            let together = s.story_of(a).is_some() && s.story_of(a).map(|st| st.id) == s.story_of(b).map(|st| st.id);
            tp += u32::from(same && together);
            fp += u32::from(!same && together);
            fn_ += u32::from(same && !together);
            let root =
                |x: &newsdesk::synth::StoryTruth| x.copy_of.clone().or_else(|| x.wire.as_ref().map(|_| x.path.clone()));
            if root(x).is_some() && root(x) == root(y) {
                copies += 1;
                found += u32::from(s.copy_group_of(a).is_some() && s.copy_group_of(a) == s.copy_group_of(b));
            }
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    assert!(precision >= 0.95, "pairwise precision {precision:.3}");
    assert!(recall >= 0.95, "pairwise recall {recall:.3}");
    assert!(copies > 50 && found == copies, "copy pairs found: {found} of {copies}");
    // The copies name their wire.
    let wired = s.stories.iter().flat_map(|st| &st.copies).filter(|g| g.wire.is_some()).count();
    assert!(wired > 0 && wired == s.stories.iter().map(|st| st.copies.len()).sum::<usize>());
}
