//! The extractor against the synthetic corpus's truth: thousands of generated pages in the five
//! seed styles (mastheads, markdown with source URLs, wire stories on portals, page-header
//! dates, icon lists and promos), every field compared exactly.

use newsdesk::corpus::Corpus;
use newsdesk::corpus::load::LoadOptions;
use newsdesk::synth::{Truth, write_corpus};

#[test]
fn generated_articles_extract_to_their_truth() {
    let dir = tempfile::tempdir().expect("temp dir");
    let truth_path = dir.path().join("truth.jsonl");
    let corpus_dir = dir.path().join("corpus");
    write_corpus(&corpus_dir, 2_000, 42, Some(&truth_path)).expect("generate");
    let truth: Vec<Truth> = std::fs::read_to_string(&truth_path)
        .expect("truth file")
        .lines()
        .map(|l| serde_json::from_str(l).expect("truth line"))
        .collect();
    let c = Corpus::load(std::slice::from_ref(&corpus_dir), LoadOptions { metadata: true, index: false, cache: false });
    assert_eq!(c.len(), truth.len());
    let mut wrong = Vec::new();
    for a in c.articles() {
        let path = c.file(a).path.clone();
        let rel = path.strip_prefix(&format!("{}/", corpus_dir.display())).unwrap_or(&path).to_string();
        let t = truth.iter().find(|t| t.path == rel).unwrap_or_else(|| panic!("no truth for {rel}"));
        let got = Truth {
            path: rel.clone(),
            title: a.title.to_string(),
            outlet: c.outlet_name(a.outlet).map(str::to_string),
            agency: c.outlet_name(a.agency).map(str::to_string),
            published: a.published.map(|p| p.to_string()),
            authors: a.authors.iter().map(|x| x.name.to_string()).collect(),
            url: a.url.as_deref().map(str::to_string),
        };
        if &got != t {
            wrong.push(format!("{rel}\n  want {t:?}\n  got  {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} articles differ:\n{}",
        wrong.len(),
        truth.len(),
        wrong[..wrong.len().min(5)].join("\n")
    );
    // Undated and unknown-outlet articles are reported, not guessed.
    let undated = truth.iter().filter(|t| t.published.is_none()).count();
    assert_eq!(c.undated(), undated);
}
