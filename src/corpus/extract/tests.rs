//! Extraction on the five seeds, field by field with evidence, and on the page shapes each rule
//! exists for.

use super::*;
use crate::corpus::article::{Block, Evidence};

fn seed(name: &str) -> String {
    let path = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    crate::corpus::text::decode(&bytes).0
}

/// The extraction's fields as plain strings, for exact comparison.
#[derive(Debug, PartialEq)]
struct Summary {
    title: String,
    outlet: Option<String>,
    agency: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    url: Option<String>,
}

fn summary(e: &Extraction, t: &Outlets) -> Summary {
    Summary {
        title: e.title.value.clone(),
        outlet: e.outlet.as_ref().map(|f| name(&f.value, t)),
        agency: e.agency.as_ref().map(|f| name(&f.value, t)),
        published: e.published.as_ref().map(|f| f.value.to_string()),
        authors: e.authors.as_ref().map(|f| f.value.iter().map(|a| a.name.to_string()).collect()).unwrap_or_default(),
        url: e.url.as_ref().map(|f| f.value.clone()),
    }
}

fn name(r: &OutletRef, t: &Outlets) -> String {
    match r {
        OutletRef::Known(id) => t.name(*id).to_string(),
        OutletRef::Domain(d) | OutletRef::Name(d) => d.clone(),
    }
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

fn paragraphs(e: &Extraction) -> Vec<&str> {
    e.body.iter().map(Block::text).collect()
}

#[test]
fn seed_000_korea_herald() {
    let t = Outlets::builtin();
    let e = extract(&seed("000_0595658c55417145.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "N. Korean leader will visit Russia this week: reports".into(),
            outlet: s("The Korea Herald"),
            agency: None,
            published: s("2011-06-28T20:32"),
            authors: vec!["Shin Hae-in".into()],
            url: None,
        }
    );
    assert_eq!(e.outlet.as_ref().unwrap().evidence, Evidence::new(1, Rule::Masthead));
    assert_eq!(e.published.as_ref().unwrap().evidence, Evidence::new(8, Rule::LabelledDate));
    let authors = e.authors.as_ref().unwrap();
    assert_eq!(authors.evidence, Evidence::new(6, Rule::BylineAndSignOff));
    assert_eq!(authors.value[0].native.as_deref(), Some("신혜인"), "the Hangul byline is kept intact");
    let body = paragraphs(&e);
    assert_eq!(body.len(), 14);
    assert!(body[0].starts_with("North Korean leader Kim Jong-il is expected to visit Russia"));
    assert!(body[13].ends_with("blames Seoul for the two attacks."));
    assert!(!body.iter().any(|p| p.contains("Link copied") || p.starts_with("By ")));
    assert!(e.removed.contains(&Removed { line: 10, rule: Rule::ShareWidget }));
    assert!(e.notes.is_empty());
}

#[test]
fn seed_001_moscow_times() {
    let t = Outlets::builtin();
    let e = extract(&seed("001_f3496015afe3183b.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "North Korea, Russia Abandon Plans for Kim Meeting".into(),
            outlet: s("The Moscow Times"),
            agency: None,
            published: s("2011-06-29"),
            authors: vec![],
            url: s("https://www.themoscowtimes.com/2011/06/29/north-korea-russia-abandon-plans-for-kim-meeting-a79"),
        }
    );
    assert_eq!(e.title.evidence, Evidence::new(3, Rule::MarkdownHeading));
    assert_eq!(e.outlet.as_ref().unwrap().evidence, Evidence::new(49, Rule::SourceUrl));
    let body = paragraphs(&e);
    assert!(body[0].starts_with("The leaders of North Korea and Russia appeared"));
    assert!(body.last().unwrap().starts_with("Tension increased on the peninsula"));
    // The photo caption with its bold credit is furniture; no markdown survives.
    assert!(e.removed.contains(&Removed { line: 9, rule: Rule::Caption }));
    assert!(!body.iter().any(|p| p.contains("Lee Jin-man") || p.contains("**") || p.contains("Original url")));
}

#[test]
fn seed_002_euronews_reuters_wire() {
    let t = Outlets::builtin();
    let e = extract(&seed("002_600930966775bc34.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin".into(),
            outlet: s("Euronews"),
            agency: s("Reuters"),
            published: s("2019-04-23"),
            authors: vec!["Vladimir Soldatkin".into(), "Maria Vasilyeva".into()],
            url: None,
        }
    );
    assert_eq!(e.outlet.as_ref().unwrap().evidence, Evidence::new(61, Rule::Trailer));
    assert_eq!(e.agency.as_ref().unwrap().evidence, Evidence::new(15, Rule::Dateline));
    // The only explicit date is in the photo caption; the evidence says so.
    assert_eq!(e.published.as_ref().unwrap().evidence, Evidence::new(8, Rule::ProseDate));
    let body = paragraphs(&e);
    assert!(body[0].starts_with("MOSCOW/VLADIVOSTOK, Russia (Reuters) - North Korean leader"));
    assert!(body.last().unwrap().starts_with("(Additional reporting by Joyce Lee"));
    assert!(e.body.contains(&Block::Heading("RUSSIAN PRESTIGE".into())));
    for junk in ["BREAKING NEWS", "Text size", "Copyright", "KCNA(Reuters)", "euronews provides"] {
        assert!(!body.iter().any(|p| p.contains(junk)), "{junk} left in the body");
    }
    assert_eq!(body.iter().filter(|p| p.contains("to meet Putin in Russia on Thursday")).count(), 0);
}

#[test]
fn seed_003_page_header_date_and_no_outlet() {
    let t = Outlets::builtin();
    let e = extract(&seed("003_38a6156a7a003cab.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "North Korea’s Kim may visit Russia to meet Putin".into(),
            outlet: None,
            agency: None,
            published: s("2019-03-25"),
            authors: vec![],
            url: None,
        }
    );
    assert_eq!(e.published.as_ref().unwrap().evidence, Evidence::new(7, Rule::DateBelowHeadline));
    // The first line is the day the page was viewed, and the extractor says why it was not used.
    assert_eq!(e.other_dates.len(), 1);
    assert_eq!(e.other_dates[0].line, 1);
    assert_eq!(e.other_dates[0].published.to_string(), "2025-01-22");
    // The standfirst is dropped because the first paragraph repeats it.
    assert!(e.removed.contains(&Removed { line: 5, rule: Rule::Standfirst }));
    let body = paragraphs(&e);
    assert_eq!(body.len(), 8);
    assert!(body[0].ends_with("according to North Korea watchers."));
}

#[test]
fn seed_004_rt() {
    let t = Outlets::builtin();
    let e = extract(&seed("004_137e2a66756e9f36.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "Kim Jong-un will visit Russia & meet Putin 'soon' – North Korean state media".into(),
            outlet: s("RT"),
            agency: None,
            published: s("2019-04-22T21:44"),
            authors: vec![],
            url: None,
        }
    );
    assert_eq!(e.outlet.as_ref().unwrap().evidence, Evidence::new(14, Rule::Promo));
    assert_eq!(e.published.as_ref().unwrap().evidence, Evidence::new(2, Rule::DateAboveHeadline));
    let body = paragraphs(&e);
    assert_eq!(body.len(), 8);
    assert!(body.last().unwrap().ends_with("for his insistence on unconditional denuclearization."));
    for junk in ["icon", "Also on rt.com", "share it with a friend", "Podcasts", "0:00"] {
        assert!(!body.iter().any(|p| p.contains(junk)), "{junk} left in the body");
    }
    assert!(e.removed.contains(&Removed { line: 1, rule: Rule::IconList }));
}

#[test]
fn a_dateline_names_the_agency_never_the_outlet() {
    let t = Outlets::builtin();
    for page in [
        "Ministers meet in a made-up harbour town\n\nPORTVILLE (Reuters) – The ministers met on Thursday.\n\nMore.",
        "Ministers meet in a made-up harbour town\n\nPORTVILLE, March 5 (Xinhua) -- The ministers met.\n\nMore.",
        "Ministers meet in a made-up harbour town\n\nPORTVILLE (AP) — The ministers met on Thursday.\n\nMore.",
    ] {
        let e = extract(page, &t);
        let sm = summary(&e, &t);
        assert_eq!(sm.outlet, None, "{page}");
        assert!(sm.agency.is_some(), "{page}");
        assert_eq!(e.agency.unwrap().evidence.rule, Rule::Dateline);
    }
    // A host site named on the page is the outlet.
    let e = extract(
        "Ministers meet in a made-up harbour town\n\nPORTVILLE (Reuters) – The ministers met.\n\nSource: https://news.example-post.co.uk/world/1",
        &t,
    );
    let sm = summary(&e, &t);
    assert_eq!((sm.outlet, sm.agency), (s("example-post.co.uk"), s("Reuters")));
}

#[test]
fn unknown_domains_name_the_outlet() {
    let t = Outlets::builtin();
    let page = "A headline about the summit\n\nText of the story.\n\nSource: https://www.eastasia-ledger.net/2019/04/25/summit";
    let e = extract(page, &t);
    let sm = summary(&e, &t);
    assert_eq!(sm.outlet, s("eastasia-ledger.net"));
    assert_eq!(sm.url, s("https://www.eastasia-ledger.net/2019/04/25/summit"));
    // The URL's date is the only date.
    assert_eq!(sm.published, s("2019-04-25"));
    assert_eq!(e.published.unwrap().evidence.rule, Rule::UrlDate);
}

#[test]
fn copyright_line_names_the_outlet() {
    let t = Outlets::builtin();
    let e = extract(
        "A headline about the summit\n\nText of the story.\n\n© 2019 The Korea Herald. All rights reserved.",
        &t,
    );
    assert_eq!(summary(&e, &t).outlet, s("The Korea Herald"));
    assert_eq!(e.outlet.unwrap().evidence.rule, Rule::Copyright);
}

#[test]
fn prose_mentions_of_outlets_are_not_evidence() {
    let t = Outlets::builtin();
    let page = "Kim may visit Russia soon, reports say\n\nKyodo news service said Kim will meet Medvedev, according to Yonhap and Reuters.";
    let e = extract(page, &t);
    assert_eq!(summary(&e, &t).outlet, None);
    assert_eq!(summary(&e, &t).agency, None);
}

#[test]
fn updated_date_is_used_when_nothing_else_is_given() {
    let t = Outlets::builtin();
    let e = extract("A headline about the summit\n\nUpdated April 25, 2019\n\nText.", &t);
    let p = e.published.unwrap();
    assert_eq!((p.value.to_string().as_str(), p.evidence.rule), ("2019-04-25", Rule::UpdatedDate));
    let e = extract("A headline about the summit\n\nPublished: 2019-04-23\n\nUpdated April 25, 2019\n\nText.", &t);
    let p = e.published.unwrap();
    assert_eq!((p.value.to_string().as_str(), p.evidence.rule), ("2019-04-23", Rule::LabelledDate));
    assert_eq!(e.other_dates[0].why, "labelled as an update");
}

#[test]
fn us_order_is_inferred_from_the_same_file() {
    let t = Outlets::builtin();
    let e = extract("A headline about the summit\n\n04/05/2019\n\nText. Filed 04/23/2019.", &t);
    assert_eq!(e.notes, vec![], "the file proves the order: nothing ambiguous");
    assert_eq!(e.published.unwrap().value.to_string(), "2019-04-05");
    let e = extract("A headline about the summit\n\n04/05/2019\n\nText.", &t);
    assert_eq!(e.published.unwrap().value.to_string(), "2019-05-04");
    assert_eq!(e.notes.len(), 1, "ambiguous dates are reported: {:?}", e.notes);
}

#[test]
fn no_date_no_headline_and_empty_pages() {
    let t = Outlets::builtin();
    let long =
        "This page is one long sentence about nothing in particular that goes on and on without a headline above it.";
    let e = extract(long, &t);
    assert_eq!(e.title.evidence.rule, Rule::FirstLine);
    assert_eq!(e.title.value, "This page is one long sentence about nothing in particular that goes on and on…");
    assert!(e.published.is_none());
    assert_eq!(e.notes.len(), 2, "{:?}", e.notes);
    // A page of date lines only has no headline and no text, and must not break.
    let e = extract("June 28, 2011\nJune 29, 2011\n", &t);
    assert_eq!(e.title.value, "(untitled)");
    assert_eq!(e.other_dates.len(), 1);
    let e = extract("", &t);
    assert_eq!(e.title.value, "(untitled)");
    assert!(e.body.is_empty());
    let e = extract("June 29, 2011", &t);
    assert_eq!(e.title.value, "(untitled)");
    assert_eq!(e.published.unwrap().value.to_string(), "2011-06-29");
}

#[test]
fn a_markdown_heading_wins_and_section_names_are_skipped() {
    let t = Outlets::builtin();
    let e = extract("Kremlin\n\n# Kim and Putin meet in Vladivostok today\n\nText of the story.", &t);
    assert_eq!(e.title, Field::new("Kim and Putin meet in Vladivostok today".to_string(), 3, Rule::MarkdownHeading));
    let e = extract("World\n\nKim and Putin meet in Vladivostok today\n\nText of the story.", &t);
    assert_eq!(e.title, Field::new("Kim and Putin meet in Vladivostok today".to_string(), 3, Rule::Headline));
    assert!(e.removed.contains(&Removed { line: 1, rule: Rule::AboveHeadline }));
}

#[test]
fn binary_content_anywhere_in_a_file_is_refused() {
    let mut bytes = "A headline about a file with a NUL far in\n\n".as_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 20_000));
    bytes.push(0);
    let (p, problems) =
        crate::corpus::formats::parse_file(&bytes, crate::corpus::formats::Format::Text, &Outlets::builtin());
    assert!(p.is_empty());
    assert!(problems[0].message.starts_with("binary file"));
}

#[test]
fn hard_wrapped_text_joins_into_paragraphs() {
    let t = Outlets::builtin();
    let page = "A headline about hard wrapping\n\n\
        The first paragraph is wrapped at seventy columns like an old email\n\
        message, so its sentences run across several lines of the file and\n\
        should be read as one paragraph.\n\n\
        The second paragraph is wrapped the same way, at about seventy chars\n\
        per line, and it ends here.";
    let e = extract(page, &t);
    assert_eq!(e.body.len(), 2);
    assert!(
        e.body[0].text().starts_with("The first paragraph is wrapped at seventy columns like an old email message, so")
    );
}

#[test]
fn sign_off_alone_gives_the_authors() {
    let t = Outlets::builtin();
    let e = extract("A headline about the summit\n\nText of the story.\n\nBy Jane Doe (jane@example.com)", &t);
    let a = e.authors.unwrap();
    assert_eq!(a.value, vec![Author::new("Jane Doe")]);
    assert_eq!(a.evidence, Evidence::new(5, Rule::SignOff));
}

#[test]
fn plain_bodies_split_on_blank_lines() {
    let b = plain_body("First **bold** line\ncontinues.\n\n## Sub\nSecond.");
    assert_eq!(
        b,
        vec![
            Block::Paragraph("First bold line continues.".into()),
            Block::Heading("Sub".into()),
            Block::Paragraph("Second.".into())
        ]
    );
}

fn page(name: &str) -> String {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Which rule decided each of outlet, agency, published and authors.
fn rules(e: &Extraction) -> [Option<Rule>; 4] {
    [
        e.outlet.as_ref().map(|f| f.evidence.rule),
        e.agency.as_ref().map(|f| f.evidence.rule),
        e.published.as_ref().map(|f| f.evidence.rule),
        e.authors.as_ref().map(|f| f.evidence.rule),
    ]
}

#[test]
fn web_page_shapes_ap_time_before_the_date() {
    let t = Outlets::builtin();
    let e = extract(&page("ap-updated-time-first.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "Putin hosts Kim Jong Un at Russian spaceport in show of deepening ties".into(),
            outlet: s("Associated Press"),
            agency: s("Associated Press"),
            published: s("2023-09-13T16:17"),
            // Names in capitals are title-cased (docs/corpus-format.md).
            authors: vec!["Hyung-Jin Kim".into(), "Jim Heintz".into()],
            url: None,
        }
    );
    assert_eq!(rules(&e), [Some(Rule::Masthead), Some(Rule::Dateline), Some(Rule::UpdatedDate), Some(Rule::Byline)]);
    let body = paragraphs(&e);
    assert!(body[0].starts_with("VOSTOCHNY COSMODROME, Russia (AP) — Russian President"), "{body:?}");
    assert_eq!(body.len(), 4, "share widgets, the lone X and the photo caption are gone: {body:?}");
    assert!(e.removed.contains(&Removed { line: 18, rule: Rule::ShareWidget }), "{:?}", e.removed);
    assert!(e.removed.contains(&Removed { line: 27, rule: Rule::Caption }), "{:?}", e.removed);
}

#[test]
fn web_page_shapes_bbc_outlet_in_the_byline() {
    let t = Outlets::builtin();
    let e = extract(&page("bbc-byline-outlet.md"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "Kim Jong Un arrives in Russia for talks with Putin".into(),
            outlet: s("BBC News"),
            agency: None,
            published: s("2023-09-12"),
            authors: vec!["Frances Mao".into()],
            url: None,
        }
    );
    assert_eq!(rules(&e), [Some(Rule::BylineAffiliation), None, Some(Rule::DateBelowHeadline), Some(Rule::Byline)]);
    let body = paragraphs(&e);
    assert!(!body.iter().any(|p| p.contains("Image source") || *p == "Share" || *p == "Save"), "{body:?}");
}

#[test]
fn web_page_shapes_guardian_header_date_is_not_the_publication_date() {
    let t = Outlets::builtin();
    let e = extract(&page("guardian-header-date.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "Kim Jong-un's train crosses into Russia ahead of Putin summit".into(),
            outlet: s("The Guardian"),
            agency: None,
            published: s("2023-09-12T03:15"),
            // "Justin McCurry in Tokyo": a bare name line beside the date line.
            authors: vec!["Justin McCurry".into()],
            url: s("https://www.theguardian.com/world/2023/sep/12/kim-jong-un-train-russia-putin"),
        }
    );
    assert_eq!(rules(&e), [Some(Rule::Masthead), None, Some(Rule::DateBelowHeadline), Some(Rule::Byline)]);
    assert_eq!(e.title.evidence.line, 5, "not the masthead, not \"Support the Guardian\"");
    let header = e.other_dates.iter().find(|d| d.line == 3).expect("the header date is reported");
    assert_eq!(header.published.to_string(), "2026-11-22");
    assert_eq!(header.why, "above the headline: the page's own date, not the article's");
}

#[test]
fn web_page_shapes_outlet_after_the_headline() {
    let t = Outlets::builtin();
    let e = extract(&page("title-outlet-suffix.txt"), &t);
    let sm = summary(&e, &t);
    assert_eq!(sm.title, "Kim Jong Un arrives in Russia for talks with Putin");
    assert_eq!(sm.outlet, s("The Moscow Times"));
    assert_eq!(e.outlet.map(|f| f.evidence), Some(Evidence::new(1, Rule::TitleSuffix)));
    // A headline that merely ends in a dash and a few words keeps them.
    let e = extract("North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin\n\nText.", &t);
    assert_eq!(e.title.value, "North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin");
    assert!(e.outlet.is_none());
}

#[test]
fn web_page_shapes_agency_in_the_byline() {
    let t = Outlets::builtin();
    let e = extract(&page("byline-agency.txt"), &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "Kim, Putin discuss military cooperation at cosmodrome".into(),
            outlet: None,
            agency: s("Reuters"),
            published: s("2023-09-13"),
            authors: vec!["Guy Faulconbridge".into()],
            url: None,
        }
    );
    // The dateline is found first; the byline's agency agrees with it. Neither names the page's
    // publisher.
    assert_eq!(rules(&e), [None, Some(Rule::Dateline), Some(Rule::DateBelowHeadline), Some(Rule::Byline)]);
    // Without the dateline, the byline alone names the agency, and still no outlet.
    let e = extract("Kim, Putin discuss cooperation\n\nBy Guy Faulconbridge, Reuters\n\nPutin hosted Kim.", &t);
    assert_eq!(rules(&e)[..2], [None, Some(Rule::BylineAffiliation)]);
    assert_eq!(summary(&e, &t).agency, s("Reuters"));
    // On a publisher's page, the byline's agency is the agency and the publisher the outlet.
    let e = extract(
        "The Korea Herald\n\nKim, Putin discuss cooperation\n\nBy Guy Faulconbridge, Reuters\n\nPutin hosted Kim.",
        &t,
    );
    let sm = summary(&e, &t);
    assert_eq!((sm.outlet, sm.agency), (s("The Korea Herald"), s("Reuters")));
}

#[test]
fn yonhap_tags_and_section_dates() {
    let t = Outlets::builtin();
    let page = "(2nd LD) N. Korean leader Kim arrives in Russia for summit with Putin\n\
        All News 18:05 April 24, 2019\n\n\
        SEOUL, April 24 (Yonhap) -- North Korean leader Kim Jong-un arrived in Vladivostok.\n\n(END)\n";
    let e = extract(page, &t);
    assert_eq!(
        summary(&e, &t),
        Summary {
            title: "N. Korean leader Kim arrives in Russia for summit with Putin".into(),
            // The page names no host site: "(Yonhap)" is the agency's dateline.
            outlet: None,
            agency: s("Yonhap"),
            published: s("2019-04-24T18:05"),
            authors: vec![],
            url: None,
        }
    );
    assert_eq!(paragraphs(&e), ["SEOUL, April 24 (Yonhap) -- North Korean leader Kim Jong-un arrived in Vladivostok."]);
    assert_eq!(strip_wire_tag("(LEAD) Kim arrives in Russia"), Some("Kim arrives in Russia"));
    assert_eq!(strip_wire_tag("(URGENT) Kim arrives in Russia"), Some("Kim arrives in Russia"));
    assert_eq!(strip_wire_tag("(Yonhap Interview) Kim's aide speaks"), None, "not a tag in capitals");
    assert_eq!(strip_wire_tag("(AP) Kim"), None, "too little left to be a headline");
}

fn published(page: &str) -> (Option<String>, Option<Rule>) {
    let e = extract(page, &Outlets::builtin());
    (e.published.as_ref().map(|p| p.value.to_string()), e.published.map(|p| p.evidence.rule))
}

#[test]
fn a_list_of_other_stories_does_not_date_the_article() {
    let page = "5 March 2019\n\nMinisters agree on a made-up harbour treaty\n\nThe ministers met on Tuesday.\n\n\
        They signed.\n\nRelated\n\nAnother made-up story about ports\n\n1 March 2019\n\nA third story\n\n28 February 2019\n";
    assert_eq!(published(page), (s("2019-03-05"), Some(Rule::DateAboveHeadline)));
    // Several dated items in the tail are a list even without a heading.
    let page = "Ministers agree on a made-up harbour treaty\n\nThe ministers met on Tuesday.\n\n\
        Another made-up story about ports\n\n1 March 2019\n\nA third story\n\n28 February 2019\n";
    assert_eq!(published(page), (None, None));
    // The same date printed twice is still one date.
    let page = "Ministers agree on a made-up harbour treaty\n\nby Jane Doe 5 Mar\n\n5 March 2019\n5 March 2019\n\nThe ministers met.";
    assert_eq!(published(page), (s("2019-03-05"), Some(Rule::DateBelowHeadline)));
    // One date line at the end of the story is the story's.
    let page = "Ministers agree on a made-up harbour treaty\n\nThe ministers met on Tuesday.\n\n5 March 2019\n";
    assert_eq!(published(page), (s("2019-03-05"), Some(Rule::DateBelowHeadline)));
}

#[test]
fn undecided_dates_are_unknown_not_guessed() {
    // Only a copyright year.
    let e = extract(
        "Ministers agree on a made-up harbour treaty\n\nThe ministers met.\n\n© 2019 Example Post",
        &Outlets::builtin(),
    );
    assert_eq!(e.published, None);
    assert!(e.notes.iter().any(|n| n.message == NO_DATE));
    // Only a page header's "today": a weekday and no time.
    let page = "Tuesday, 5 March 2019\n\nMinisters agree on a made-up harbour treaty\n\nThe ministers met.";
    assert_eq!(published(page), (None, None));
    // A date the story talks about is not its publication date.
    let page = "Ministers agree on a made-up harbour treaty\n\nThe ministers met.\n\nThe treaty of 1 May 2015 ended.";
    assert_eq!(published(page), (None, None));
    // A dateline at the start of the first paragraph is.
    let page = "Ministers agree on a made-up harbour treaty\n\nPORTVILLE, March 5, 2019 — The ministers met.";
    assert_eq!(published(page), (s("2019-03-05"), Some(Rule::ProseDate)));
    let page = "Ministers agree on a made-up harbour treaty\n\nExample Health News\n\nMarch 5, 2019 -- The ministers met in the made-up town of Portville.";
    assert_eq!(published(page), (s("2019-03-05"), Some(Rule::ProseDate)));
    // A short metadata line with a date among other words.
    let page = "Ministers agree on a made-up harbour treaty\n\nNachricht vom 05.03.2019\n\nThe ministers met.";
    assert_eq!(published(page), (s("2019-03-05"), Some(Rule::ProseDate)));
}

fn title_of(page: &str) -> String {
    extract(page, &Outlets::builtin()).title.value
}

#[test]
fn furniture_above_the_headline_is_not_the_title() {
    let h = "Ministers agree on a made-up harbour treaty";
    let story = "\n\nBy Jane Doe\n\nThe ministers met on Tuesday in the made-up town of Portville.\n";
    // A site's name and tagline.
    assert_eq!(title_of(&format!("Example Post\nIndependent news for the harbour towns since 1901\n\n{h}{story}")), h);
    // A numbered "most popular" list.
    assert_eq!(
        title_of(&format!(
            "Most popular\n1. Another made-up story about ports\n2. A third made-up story here\n\n{h}{story}"
        )),
        h
    );
    // A geo-block notice, a breadcrumb trail, a donation banner, a photo with its caption.
    let page = format!(
        "Home > World > Asia\nThis video is not available in your country\nPlease consider supporting our journalism today\n\
         ![Ministers at the made-up harbour on Tuesday](https://img.example.com/a.jpg)\n\n{h}{story}"
    );
    assert_eq!(title_of(&page), h);
    let e = extract(&page, &Outlets::builtin());
    assert!(e.removed.contains(&Removed { line: 1, rule: Rule::Breadcrumb }), "{:?}", e.removed);
    // A timestamp header and a section label.
    assert_eq!(title_of(&format!("Updated 10:32 GMT, 5 March 2019\nWorld\n\n{h}{story}")), h);
}

#[test]
fn headline_date_and_byline_on_one_line() {
    let t = Outlets::builtin();
    let e =
        extract("Ministers agree on a made-up harbour treaty | 5 March 2019 | By Jane Doe\n\nThe ministers met.", &t);
    let sm = summary(&e, &t);
    assert_eq!(
        (sm.title.as_str(), sm.published, sm.authors),
        ("Ministers agree on a made-up harbour treaty", s("2019-03-05"), vec!["Jane Doe".to_string()])
    );
    let e = extract("Ministers agree on a made-up harbour treaty March 5, 2019 Jane Doe\n\nThe ministers met.", &t);
    assert_eq!(summary(&e, &t).authors, vec!["Jane Doe".to_string()]);
    assert_eq!(summary(&e, &t).title, "Ministers agree on a made-up harbour treaty");
    // A date that is part of the headline stays.
    assert_eq!(
        title_of("Harbour vote set for March 5, 2019\n\nThe ministers met."),
        "Harbour vote set for March 5, 2019"
    );
}

#[test]
fn title_suffixes_name_the_site() {
    let t = Outlets::builtin();
    // A known outlet with its long form in parentheses.
    let e = extract("Ministers agree on a made-up harbour treaty - RT (Russia Today)\n\nThe ministers met.", &t);
    let sm = summary(&e, &t);
    assert_eq!((sm.title.as_str(), sm.outlet), ("Ministers agree on a made-up harbour treaty", s("RT")));
    // An unknown outlet whose domain matches the suffix.
    let page = "Ministers agree on a made-up harbour treaty | Example Post\n\nThe ministers met.\n\nhttps://www.example-post.co.uk/world/1";
    let sm = summary(&extract(page, &t), &t);
    assert_eq!(
        (sm.title.as_str(), sm.outlet),
        ("Ministers agree on a made-up harbour treaty", s("example-post.co.uk"))
    );
    // An unknown outlet whose masthead matches the suffix.
    let page =
        "The Example Post\n\nMinisters agree on a made-up harbour treaty — The Example Post\n\nThe ministers met.";
    let e = extract(page, &t);
    assert_eq!(e.title.value, "Ministers agree on a made-up harbour treaty");
    assert_eq!(e.outlet.map(|f| f.value), Some(OutletRef::Name("The Example Post".into())));
    // A page title's trail of sections and site, and a site named by its domain.
    assert_eq!(
        title_of("# Ministers agree on a made-up harbour treaty | World | Politics | Example Post\n\nText."),
        "Ministers agree on a made-up harbour treaty"
    );
    let e = extract("# Ministers agree on a made-up harbour treaty - Example.net\n\nThe ministers met.", &t);
    assert_eq!(e.title.value, "Ministers agree on a made-up harbour treaty");
    assert_eq!(e.outlet.map(|f| f.value), Some(OutletRef::Name("Example.net".into())));
    let e = extract(
        "# Ministers agree on a made-up harbour treaty - 05/03/2019 - World - Example\n\nThe ministers met.",
        &t,
    );
    assert_eq!(summary(&e, &t).published, s("2019-03-05"));
    // A suffix that matches nothing on the page is part of the headline.
    assert_eq!(
        title_of("Ministers agree on a treaty - and then argue\n\nThe ministers met."),
        "Ministers agree on a treaty - and then argue"
    );
}

#[test]
fn a_blog_on_a_host_is_named_by_its_masthead() {
    let t = Outlets::builtin();
    let page = "Harbour Notes\n\nMinisters agree on a made-up harbour treaty\n\nThe ministers met.\n\nhttps://harbournotes.substack.com/p/treaty";
    let e = extract(page, &t);
    assert_eq!(
        e.outlet.map(|f| (f.value, f.evidence)),
        Some((OutletRef::Name("Harbour Notes".into()), Evidence::new(1, Rule::Masthead)))
    );
    let page = "Ministers agree on a made-up harbour treaty\n\nThe ministers met.\n\nhttps://harbournotes.blogspot.com/2019/03/treaty.html";
    assert_eq!(summary(&extract(page, &t), &t).outlet, s("harbournotes.blogspot.com"));
}

#[test]
fn authors_from_credits_name_lines_and_not_desks() {
    let t = Outlets::builtin();
    let credits =
        "\n\nThe ministers met.\n\n(Reporting by Jane Doe and John Roe; Writing by Ann Poe; Editing by Max Moe)";
    let h = "Ministers agree on a made-up harbour treaty";
    let names = |page: &str| summary(&extract(page, &t), &t).authors;
    // Under a desk byline, the credits name the authors.
    assert_eq!(names(&format!("{h}\n\nReuters Staff{credits}")), ["Jane Doe", "John Roe", "Ann Poe"]);
    let e = extract(&format!("{h}\n\nReuters Staff{credits}"), &t);
    assert_eq!(e.authors.map(|a| a.evidence.rule), Some(Rule::Credits));
    // A named byline is not extended by them.
    assert_eq!(names(&format!("{h}\n\nBy Kim Doe{credits}")), ["Kim Doe"]);
    // Desk and agency bylines name no one.
    assert!(names(&format!("{h}\n\nBy Euronews\n\nThe ministers met.")).is_empty());
    assert!(names(&format!("{h}\n\nStaff Reporter\n\nThe ministers met.")).is_empty());
    // A bare name under the headline, and one with a place.
    assert_eq!(names(&format!("{h}\nJane Doe\n5 March 2019\n\nThe ministers met.")), ["Jane Doe"]);
    assert_eq!(names(&format!("{h}\n\nJustin Roe in Portville\n\nThe ministers met.")), ["Justin Roe"]);
    // A byline with its address on the next line; the address is not in the body.
    let e = extract(&format!("{h}\n\nBy Jane Doe\njane.doe@example.com\n\nThe ministers met."), &t);
    assert_eq!(paragraphs(&e), ["The ministers met."]);
}

#[test]
fn in_a_whole_page_dump_the_headline_is_above_the_first_byline() {
    let mut page = String::new();
    for k in 0..60 {
        page.push_str(&format!("  * Section {k}\n"));
    }
    page.push_str("\nA long paragraph of site text that is not the story and goes on and on for a while here.\n\n");
    page.push_str("Ministers agree on a made-up harbour treaty\n\nBy Jane Doe\n\nThe ministers met.\n");
    let e = extract(&page, &Outlets::builtin());
    assert_eq!(
        (e.title.value.as_str(), e.title.evidence.rule),
        ("Ministers agree on a made-up harbour treaty", Rule::Headline)
    );
    // A menu phrase that looks like a headline, far above the story, loses to the story's.
    let page = page.replacen("  * Section 0", "Toggle the site navigation menu", 1);
    assert_eq!(extract(&page, &Outlets::builtin()).title.value, "Ministers agree on a made-up harbour treaty");
    // Near the story, the first headline-like line stays the headline.
    let page = "Ministers agree on a made-up harbour treaty\nA standfirst without a full stop at its end\n\nJane Doe\n5 March 2019\n\nThe ministers met.";
    assert_eq!(extract(page, &Outlets::builtin()).title.value, "Ministers agree on a made-up harbour treaty");
}
