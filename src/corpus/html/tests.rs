//! Unit tests of the HTML reader: one small made-up page per metadata source and rule, the
//! body, encodings, gzip and damaged input.

use super::*;
use crate::corpus::article::Block;
use crate::corpus::formats::{Format, parse_file};

/// A made-up article body long enough for Readability to take it as the content.
const STORY: &str = r#"<article>
<h1>Harbour bridge reopens after storm repairs</h1>
<p>The harbour bridge reopened to traffic on Tuesday morning after three weeks of repairs to the cables damaged in the autumn storm, the city's transport office said.</p>
<p>Engineers replaced eleven suspension cables and resurfaced the southern approach, working through the night to finish ahead of the schedule set when the bridge closed.</p>
<h2>Commuters return</h2>
<p>Morning traffic was light at first but built up quickly, and buses returned to their usual routes across the river by nine o'clock, drivers said.</p>
<blockquote><p>We are glad to have our bridge back before the winter.</p></blockquote>
<ul><li>Eleven cables replaced</li><li>Southern approach resurfaced</li></ul>
<p>The office said a full inspection would follow in the spring, when the weather allows the divers to check the foundations under the water.</p>
</article>"#;

fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
}

fn read_str(html: &str) -> (Extraction, Vec<Problem>) {
    let (e, p) = read(html.as_bytes(), false, &Outlets::builtin());
    (e.expect("an article"), p)
}

fn outlet_name(f: &Option<Field<OutletRef>>) -> Option<String> {
    let t = Outlets::builtin();
    f.as_ref().map(|f| match &f.value {
        OutletRef::Known(id) => t.name(*id).to_string(),
        OutletRef::Domain(d) => format!("domain:{d}"),
        OutletRef::Name(n) => format!("name:{n}"),
    })
}

fn names(e: &Extraction) -> Vec<String> {
    e.authors.as_ref().map(|a| a.value.iter().map(|x| x.name.to_string()).collect()).unwrap_or_default()
}

#[test]
fn json_ld_news_article_gives_every_field_with_its_line() {
    let head = r#"<title>Ignored page title | The Korea Herald</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour bridge reopens after storm repairs",
 "datePublished": "2024-03-05T09:30:00+09:00",
 "dateModified": "2024-03-06T10:00:00+09:00",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Kim Min-su"}],
 "publisher": {"@type": "Organization", "name": "The Korea Herald"},
 "url": "https://www.koreaherald.com/view.php?ud=20240305000123"}
</script>"#;
    let (e, problems) = read_str(&page(head, STORY));
    assert_eq!(problems, vec![]);
    assert_eq!(e.title.value, "Harbour bridge reopens after storm repairs");
    assert_eq!(e.title.evidence, Evidence::new(8, Rule::JsonLd));
    let p = e.published.as_ref().expect("a date");
    assert_eq!(p.value.to_string(), "2024-03-05T09:30", "datePublished, with its time; not dateModified");
    assert_eq!(p.evidence, Evidence::new(9, Rule::JsonLd));
    assert_eq!(names(&e), ["Jane Doe", "Kim Min-su"]);
    assert_eq!(e.authors.as_ref().map(|a| a.evidence), Some(Evidence::new(11, Rule::JsonLd)));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("The Korea Herald"));
    assert_eq!(e.outlet.as_ref().map(|o| o.evidence.rule), Some(Rule::JsonLd));
    assert_eq!(e.agency, None);
    assert_eq!(
        e.url.as_ref().map(|u| u.value.as_str()),
        Some("https://www.koreaherald.com/view.php?ud=20240305000123")
    );
    assert_eq!(e.other_dates.len(), 1, "dateModified is shown as a date not used");
    assert_eq!(e.other_dates[0].published.to_string(), "2024-03-06T10:00");
    assert!(e.notes.is_empty(), "{:?}", e.notes);
}

use crate::corpus::article::Evidence;

#[test]
fn json_ld_inside_graph_and_arrays_with_references() {
    let head = r##"<script type="application/ld+json">
[{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://news.example.org/#site", "name": "Example Site"},
  {"@type": "Person", "@id": "https://news.example.org/#jane", "name": "Jane Doe"},
  {"@type": "WebPage", "@id": "https://news.example.org/a", "name": "A page"},
  {"@type": ["ReportageNewsArticle"], "headline": "Graph headline about the bridge",
   "datePublished": "2024-03-05", "author": {"@id": "https://news.example.org/#jane"}}
]}]
</script>"##;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(e.title.value, "Graph headline about the bridge");
    assert_eq!(e.title.evidence.rule, Rule::JsonLd);
    assert_eq!(e.published.as_ref().map(|p| p.value.to_string()).as_deref(), Some("2024-03-05"));
    assert_eq!(names(&e), ["Jane Doe"], "an author given by @id is resolved");
}

#[test]
fn json_ld_web_page_with_article_fields_and_live_blog() {
    let head = r#"<script type="application/ld+json">{"@type": "WebPage", "headline": "Page-level headline", "datePublished": "2023-11-02T08:00"}</script>"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(e.title.value, "Page-level headline");
    assert_eq!(e.published.as_ref().map(|p| p.value.to_string()).as_deref(), Some("2023-11-02T08:00"));
    let head = r#"<script type="application/ld+json">{"@type": "WebPage", "headline": "Page-level headline"}</script>
<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Live: the bridge reopens", "datePublished": "2023-11-03"}</script>"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(e.title.value, "Live: the bridge reopens", "an article type beats a page type");
}

#[test]
fn broken_json_ld_is_a_note_and_the_other_sources_answer() {
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
<meta property="og:title" content="From OpenGraph instead">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(e.title.value, "From OpenGraph instead");
    assert!(e.notes.iter().any(|n| n.message.contains("JSON-LD script does not parse")), "{:?}", e.notes);
}

#[test]
fn open_graph_and_article_tags() {
    let head = r#"<meta property="og:site_name" content="The Korea Herald">
<meta property="og:title" content="Harbour bridge reopens | The Korea Herald">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<meta property="article:modified_time" content="2024-03-07T09:30:00Z">
<meta property="article:author" content="https://www.facebook.com/someprofile">
<meta property="article:author" content="Jane Doe">
<meta property="og:url" content="https://www.koreaherald.com/view.php?ud=1">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(e.title.value, "Harbour bridge reopens", "the site's name is not part of the headline");
    assert_eq!(e.title.evidence, Evidence::new(6, Rule::OpenGraph));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("The Korea Herald"));
    assert_eq!(e.outlet.as_ref().map(|o| o.evidence), Some(Evidence::new(5, Rule::OpenGraph)));
    let p = e.published.as_ref().expect("a date");
    assert_eq!((p.value.to_string().as_str(), p.evidence), ("2024-03-05T09:30", Evidence::new(8, Rule::ArticleTag)));
    assert_eq!(names(&e), ["Jane Doe"], "a profile URL is not a name");
    assert_eq!(e.authors.as_ref().map(|a| a.evidence.rule), Some(Rule::ArticleTag));
    assert_eq!(e.url.as_ref().map(|u| u.evidence.rule), Some(Rule::OpenGraph));
}

#[test]
fn named_meta_tags() {
    let head = r#"<meta name="byl" content="By Jane Doe and John Roe">
<meta name="parsely-pub-date" content="2022-07-14T16:05:00Z">
<meta name="sailthru.author" content="Someone Else">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(names(&e), ["Jane Doe", "John Roe"]);
    assert_eq!(e.authors.as_ref().map(|a| a.evidence), Some(Evidence::new(5, Rule::MetaName)));
    let p = e.published.as_ref().expect("a date");
    assert_eq!((p.value.to_string().as_str(), p.evidence), ("2022-07-14T16:05", Evidence::new(6, Rule::MetaName)));

    let head = r#"<meta name="author" content="Jane Doe">
<meta name="dc.date" content="2021-01-02">
<meta name="date" content="2020-12-31">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(names(&e), ["Jane Doe"]);
    assert_eq!(
        e.published.as_ref().map(|p| p.value.to_string()).as_deref(),
        Some("2020-12-31"),
        "`date` before `dc.date`"
    );
    assert_eq!(e.published.as_ref().map(|p| p.evidence.line), Some(7));
}

#[test]
fn itemprop_microdata() {
    let body = format!(
        r#"<div itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Microdata headline for the bridge</h1>
<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>
<time itemprop="datePublished" datetime="2019-04-24T18:05">April 24</time>
{STORY}</div>"#
    );
    let (e, _) = read_str(&page("", &body));
    assert_eq!(e.title.value, "Microdata headline for the bridge");
    assert_eq!(e.title.evidence.rule, Rule::Itemprop);
    assert_eq!(names(&e), ["Jane Doe"]);
    assert_eq!(e.authors.as_ref().map(|a| a.evidence.rule), Some(Rule::Itemprop));
    let p = e.published.as_ref().expect("a date");
    assert_eq!((p.value.to_string().as_str(), p.evidence), ("2019-04-24T18:05", Evidence::new(11, Rule::Itemprop)));
}

#[test]
fn time_element_of_the_article_not_of_the_related_list() {
    let body = format!(
        r#"<header class="site">Today is <span>Monday</span></header>
<aside class="related"><a href="/x">Older story</a><time datetime="2018-01-01">Jan 1</time></aside>
<div class="most-read-list"><time datetime="2018-02-02">Feb 2</time></div>
{STORY}
<p class="meta"><time datetime="2024-03-05T07:45" class="published">5 March</time> <time datetime="2024-03-06" class="updated">6 March</time></p>"#
    );
    let (e, _) = read_str(&page("", &body));
    let p = e.published.as_ref().expect("a date");
    assert_eq!(p.value.to_string(), "2024-03-05T07:45");
    assert_eq!(p.evidence.rule, Rule::TimeElement);
    assert_eq!(p.evidence.line, 21);
}

#[test]
fn canonical_url_and_a_date_in_its_path() {
    let head = r#"<link rel="canonical" href="https://www.koreaherald.com/2019/04/24/bridge-reopens">
<meta property="og:url" content="https://m.koreaherald.com/other">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(e.url.as_ref().map(|u| u.value.as_str()), Some("https://www.koreaherald.com/2019/04/24/bridge-reopens"));
    assert_eq!(e.url.as_ref().map(|u| u.evidence), Some(Evidence::new(5, Rule::CanonicalUrl)));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("The Korea Herald"), "the host through the outlet table");
    assert_eq!(e.outlet.as_ref().map(|o| o.evidence.rule), Some(Rule::CanonicalUrl));
    let p = e.published.as_ref().expect("a date");
    assert_eq!((p.value.to_string().as_str(), p.evidence), ("2019-04-24", Evidence::new(5, Rule::UrlDate)));
}

#[test]
fn url_dates_in_their_shapes() {
    let d = |u: &str| url_date(u).map(|p| p.to_string());
    assert_eq!(d("https://x.com/2019/04/24/story").as_deref(), Some("2019-04-24"));
    assert_eq!(d("https://x.com/news/2019-04-24-story.html").as_deref(), Some("2019-04-24"));
    assert_eq!(d("https://x.com/20190424/story").as_deref(), Some("2019-04-24"));
    assert_eq!(d("https://x.com/2019/13/24/story"), None, "no month 13");
    assert_eq!(d("https://x.com/story/12345678901"), None);
    assert_eq!(d("https://x.com/view.php?ud=20190424000123"), None, "the query is not the path");
}

#[test]
fn an_unknown_site_is_named_by_its_site_name_or_host() {
    let head = r#"<meta property="og:site_name" content="Springfield Gazette">
<link rel="canonical" href="https://www.springfieldgazette.example/news/bridge">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("name:Springfield Gazette"));
    let head = r#"<link rel="canonical" href="https://www.springfieldgazette.example/news/bridge">"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("domain:springfieldgazette.example"));
}

#[test]
fn a_wire_publisher_on_a_local_site_is_the_agency() {
    let head = r#"<meta property="og:site_name" content="Springfield Gazette">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",
 "datePublished": "2024-03-05", "publisher": {"@type": "Organization", "name": "The Associated Press"},
 "author": {"@type": "Person", "name": "Jane Doe"}}</script>"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("name:Springfield Gazette"), "the site that served it");
    assert_eq!(outlet_name(&e.agency).as_deref(), Some("Associated Press"));
    assert_eq!(e.agency.as_ref().map(|a| a.evidence), Some(Evidence::new(7, Rule::JsonLd)));
    // An organisation as author is not a person: a wire there is the agency.
    let head = r#"<link rel="canonical" href="https://www.koreaherald.com/view.php?ud=1">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",
 "author": {"@type": "Organization", "name": "Reuters"}, "sourceOrganization": {"name": "Yonhap"}}</script>"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(names(&e), Vec::<String>::new());
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("The Korea Herald"));
    assert_eq!(outlet_name(&e.agency).as_deref(), Some("Yonhap"), "sourceOrganization is read first");
    // AP's own site: the publisher is the outlet, not an agency of someone else's story.
    let head = r#"<link rel="canonical" href="https://apnews.com/article/x">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens", "publisher": {"name": "AP News"}}</script>"#;
    let (e, _) = read_str(&page(head, STORY));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("Associated Press"));
    assert_eq!(e.agency, None);
}

#[test]
fn text_rules_give_byline_and_dateline_when_the_markup_does_not() {
    let body = r#"<article><h1>Harbour bridge reopens after storm repairs</h1>
<p>By Jane Doe</p>
<p>SEOUL (Reuters) - The harbour bridge reopened to traffic on Tuesday morning after three weeks of repairs to the cables damaged in the autumn storm, the city's transport office said.</p>
<p>Engineers replaced eleven suspension cables and resurfaced the southern approach, working through the night to finish ahead of the schedule set when the bridge closed.</p>
<p>Morning traffic was light at first but built up quickly, and buses returned to their usual routes across the river by nine o'clock, drivers said on Tuesday.</p>
</article>"#;
    let head = r#"<meta property="og:site_name" content="The Korea Herald">"#;
    let (e, _) = read_str(&page(head, body));
    assert_eq!(names(&e), ["Jane Doe"]);
    assert_eq!(e.authors.as_ref().map(|a| a.evidence), Some(Evidence::new(0, Rule::Byline)));
    assert_eq!(outlet_name(&e.agency).as_deref(), Some("Reuters"));
    assert_eq!(e.agency.as_ref().map(|a| a.evidence.rule), Some(Rule::Dateline));
    assert_eq!(outlet_name(&e.outlet).as_deref(), Some("The Korea Herald"), "the dateline's wire is not the site");
    assert!(e.notes.iter().any(|n| n.message == extract::NO_DATE), "no date is invented: {:?}", e.notes);
    assert_eq!(e.published, None);
}

#[test]
fn body_keeps_paragraphs_headings_quotes_and_lists_and_drops_furniture() {
    let body = format!(
        r#"<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<script>var tracking = "SCRIPT TEXT";</script><style>.x {{ color: red }} STYLE TEXT</style>
{STORY}
<div class="share-tools"><a href="/s/fb">Share on Facebook</a> <a href="/s/tw">Share on Twitter</a></div>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
<section id="comments"><p>First comment!</p></section>
<footer>Copyright 2024 Example Media. All rights reserved.</footer>"#
    );
    let (e, _) = read_str(&page("<title>Harbour bridge reopens after storm repairs</title>", &body));
    let texts: Vec<&str> = e.body.iter().map(Block::text).collect();
    let all = texts.join("\n");
    for junk in
        ["SCRIPT TEXT", "STYLE TEXT", "cookies", "Share on", "Another story", "First comment", "Copyright", "Home"]
    {
        assert!(!all.contains(junk), "{junk:?} is furniture:\n{all}");
    }
    assert!(matches!(&e.body[0], Block::Paragraph(p) if p.starts_with("The harbour bridge reopened")), "{:?}", e.body);
    assert!(e.body.contains(&Block::Heading("Commuters return".into())));
    assert!(e.body.contains(&Block::Quote("We are glad to have our bridge back before the winter.".into())));
    assert!(e.body.contains(&Block::ListItem("Eleven cables replaced".into())));
    assert!(e.body.contains(&Block::ListItem("Southern approach resurfaced".into())));
    assert_eq!(e.title.value, "Harbour bridge reopens after storm repairs");
}

#[test]
fn blocks_serialize_as_kind_and_text() {
    let v = serde_json::to_value([Block::Quote("q".into()), Block::ListItem("l".into())]).expect("serializes");
    assert_eq!(v, serde_json::json!([{"kind": "quote", "text": "q"}, {"kind": "listitem", "text": "l"}]));
}

#[test]
fn a_short_page_is_read_without_readability() {
    let body = r#"<nav>Home | World</nav><div class="content"><h1>Short note about the bridge</h1><p>The bridge reopened today.</p><p>More later.</p></div>"#;
    let (e, _) = read_str(&page(r#"<meta property="og:type" content="article">"#, body));
    assert_eq!(e.title.value, "Short note about the bridge");
    assert_eq!(
        e.body,
        vec![Block::Paragraph("The bridge reopened today.".into()), Block::Paragraph("More later.".into())]
    );
}

#[test]
fn a_home_page_is_loaded_with_a_warning() {
    let body = r#"<h1>Example News</h1><ul><li><a href="/a">Bridge reopens</a></li><li><a href="/b">Storm warning</a></li></ul><p>Welcome to Example News.</p>"#;
    let (e, _) = read_str(&page("<title>Example News</title>", body));
    assert!(e.notes.iter().any(|n| n.message == NOT_AN_ARTICLE), "{:?}", e.notes);
    let (e, _) = read_str(&page(r#"<meta property="og:type" content="article">"#, STORY));
    assert!(!e.notes.iter().any(|n| n.message == NOT_AN_ARTICLE));
}

/// A page encoded with `enc`, declaring it or not.
fn encoded(enc: &'static encoding_rs::Encoding, declare: bool, title: &str, para: &str) -> Vec<u8> {
    let meta = if declare { format!("<meta charset=\"{}\">", enc.name()) } else { String::new() };
    let html = format!(
        "<html><head>{meta}<title>{title}</title><meta property=\"og:type\" content=\"article\"></head><body><article><h1>{title}</h1><p>{para}</p><p>{para}</p><p>{para}</p></article></body></html>"
    );
    let (bytes, _, unmappable) = enc.encode(&html);
    assert!(!unmappable, "the test text fits {}", enc.name());
    bytes.into_owned()
}

#[test]
fn declared_encodings_read_right() {
    let cases: [(&'static encoding_rs::Encoding, &str, &str); 4] = [
        (
            encoding_rs::WINDOWS_1252,
            "Café crème à Besançon",
            "Les élèves ont fêté l'été à Besançon, près du café où l'on boit un crème.",
        ),
        (encoding_rs::SHIFT_JIS, "港の橋が再開", "嵐で損傷した橋は火曜日の朝に再開した。技術者はケーブルを交換した。"),
        (
            encoding_rs::EUC_KR,
            "항구 다리 재개통",
            "폭풍으로 손상된 다리가 화요일 아침에 다시 열렸다. 기술자들은 케이블을 교체했다.",
        ),
        (encoding_rs::GB18030, "港口大桥重新开放", "被暴风雨损坏的大桥周二早上重新开放。工程师们更换了电缆。"),
    ];
    for (enc, title, para) in cases {
        let (e, problems) = read(&encoded(enc, true, title, para), false, &Outlets::builtin());
        let e = e.expect("an article");
        assert_eq!(problems, vec![], "{}", enc.name());
        assert_eq!(e.title.value, title, "{}", enc.name());
        assert_eq!(e.body.first().map(Block::text), Some(para), "{}", enc.name());
    }
}

#[test]
fn an_undeclared_encoding_is_guessed_with_a_warning() {
    let title = "항구 다리 재개통";
    let para = "폭풍으로 손상된 다리가 화요일 아침에 다시 열렸다. 기술자들은 케이블을 교체했고 남쪽 진입로를 다시 포장했다. 시민들은 다리가 돌아와서 기쁘다고 말했다.";
    let (e, problems) = read(&encoded(encoding_rs::EUC_KR, false, title, para), false, &Outlets::builtin());
    assert_eq!(e.expect("an article").title.value, title);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].message, "no charset declared; read as EUC-KR (a guess)");
    // A BOM wins over everything, and UTF-16 pages (full of NUL bytes) read.
    let html = page("<title>Café</title>", STORY);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    let (e, problems) = read(&utf16, false, &Outlets::builtin());
    assert_eq!(problems, vec![]);
    assert_eq!(e.expect("an article").title.value, "Harbour bridge reopens after storm repairs");
}

#[test]
fn a_page_resaved_as_utf8_under_an_old_declaration_reads_as_utf8() {
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>港口大桥重新开放</title></head><body><p>大桥周二早上重新开放。</p></body></html>";
    let (e, problems) = read(html.as_bytes(), false, &Outlets::builtin());
    assert_eq!(e.expect("an article").title.value, "港口大桥重新开放");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].message, "declares charset GBK but is valid UTF-8; read as UTF-8");
    // Bytes that really are GBK stay GBK.
    let (gbk, _, _) = encoding_rs::GBK.encode(html);
    let (e, problems) = read(&gbk, false, &Outlets::builtin());
    assert_eq!(e.expect("an article").title.value, "港口大桥重新开放");
    assert_eq!(problems, vec![]);
}

#[test]
fn charset_declarations_in_their_shapes() {
    let enc = |s: &str| decode::decode(s.as_bytes()).encoding.name();
    assert_eq!(enc("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">"), "Shift_JIS");
    assert_eq!(enc("<meta charset='euc-kr'>"), "EUC-KR");
    assert_eq!(enc("<Meta Charset=gbk>"), "GBK");
    assert_eq!(enc("<meta charset=\"utf-16\">"), "UTF-8", "a page cannot declare UTF-16 in ASCII");
    assert_eq!(enc("<meta charset=\"no-such-charset\"><p>plain</p>"), "UTF-8");
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    w.write_all(bytes).expect("gzip in memory");
    w.finish().expect("gzip in memory")
}

#[test]
fn gzipped_pages_read_like_plain_ones_with_the_file_bytes_as_id() {
    let html = page(r#"<meta property="og:site_name" content="The Korea Herald">"#, STORY);
    let zipped = gz(html.as_bytes());
    let t = Outlets::builtin();
    let (plain, _) = parse_file(html.as_bytes(), Format::Html, &t);
    let (z, problems) = parse_file(&zipped, Format::HtmlGz, &t);
    assert_eq!(problems, vec![]);
    assert_eq!(z[0].extraction, plain[0].extraction);
    assert_eq!(z[0].id, crate::corpus::article::ArticleId::of_bytes(&zipped));
    assert_ne!(z[0].id, plain[0].id);
}

#[test]
fn a_zip_bomb_and_a_broken_gzip_are_skipped() {
    let bomb = gz(&vec![b' '; MAX_HTML_BYTES as usize + 10]);
    assert!(bomb.len() < 1024 * 1024);
    let (e, problems) = read(&bomb, true, &Outlets::builtin());
    assert!(e.is_none());
    assert_eq!(problems[0].severity, Severity::Error);
    assert_eq!(problems[0].message, "larger than 32 MB uncompressed (the limit for one page); skipped");
    let (e, problems) = read(b"\x1f\x8b\x08\x00 not really gzip", true, &Outlets::builtin());
    assert!(e.is_none());
    assert!(problems[0].message.starts_with("not a valid gzip file"), "{}", problems[0].message);
}

#[test]
fn tags_nested_100000_deep_do_not_overflow_the_stack() {
    let mut html = String::from("<html><head><title>Deep page about the bridge</title></head><body>");
    for _ in 0..100_000 {
        html.push_str("<div>");
    }
    html.push_str("<p>The bridge reopened on Tuesday after repairs.</p>");
    let (e, problems) = read_str(&html);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(
        problems[0].message,
        "tags nested 100003 deep; the markup below depth 1024 is flattened (its text is kept)"
    );
    assert_eq!(e.title.value, "Deep page about the bridge");
    assert_eq!(e.body.first().map(Block::text), Some("The bridge reopened on Tuesday after repairs."));
    // Deep but with few elements: kept away from Readability's recursion too.
    let mut html = String::from("<html><body><article><h1>Quote nest about the bridge</h1>");
    for _ in 0..5_000 {
        html.push_str("<blockquote><span>");
    }
    html.push_str("deep words");
    let (e, _) = read_str(&html);
    assert_eq!(e.body.last(), Some(&Block::Quote("deep words".into())));
}

#[test]
fn flattening_keeps_text_scripts_and_shallow_pages() {
    let shallow = "<div><p>a</p><br><img src=x></div>";
    assert_eq!(decode::flatten_deep(shallow, 2), None);
    let deep = "<div><div><script>if (a<b) {}</script><div><b>x</b></div></div></div><!-- <div> -->";
    let (flat, depth) = decode::flatten_deep(deep, 2).expect("deeper than 2");
    assert_eq!(depth, 4);
    assert_eq!(flat, "<div><div><script>if (a<b) {}</script>x</div></div><!-- <div> -->");
}

#[test]
fn malformed_and_odd_pages_do_not_panic() {
    let t = Outlets::builtin();
    for bytes in [
        &b"<html><body><p>Unclosed <b>bold <i>and <p>para<table><td>cell</html>"[..],
        b"<<<>>><!-- never closed",
        b"<script>only a script</script>",
        b"\xff\xfe\x00",
        b"<meta charset=\"utf-8\"><p>\xff\xfe broken utf-8 \xc3</p>",
        b"   \n  ",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]</script><p>x</p>",
    ] {
        let (parsed, problems) = parse_file(bytes, Format::Html, &t);
        assert!(parsed.len() + problems.len() > 0, "every page gives an article or a problem: {bytes:?}");
    }
    let (p, problems) = parse_file(b"   \n  ", Format::Html, &t);
    assert!(p.is_empty());
    assert_eq!(problems[0].message, "empty file; skipped");
    let (p, problems) = parse_file(b"<meta charset=\"utf-8\"><p>Caf\xe9 au lait on the bridge.</p>", Format::Html, &t);
    assert_eq!(p.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert!(problems[0].message.contains("not valid UTF-8"), "{}", problems[0].message);
}

#[test]
fn html_formats_by_extension() {
    use std::path::Path;
    for (name, f) in [
        ("a/b.html", Some(Format::Html)),
        ("b.HTM", Some(Format::Html)),
        ("b.xhtml", Some(Format::Html)),
        ("b.html.gz", Some(Format::HtmlGz)),
        ("b.HTM.GZ", Some(Format::HtmlGz)),
        ("b.xhtml.gz", Some(Format::HtmlGz)),
        ("b.txt.gz", None),
        ("b.gz", None),
    ] {
        assert_eq!(Format::of(Path::new(name)), f, "{name}");
    }
}

/// The same made-up article as a saved page and as the text a scraper gives for it.
#[test]
fn the_same_article_as_html_and_as_text_agrees() {
    let html = include_str!("../../../tests/pages/html-pair.html");
    let text = include_str!("../../../tests/pages/html-pair.txt");
    let t = Outlets::builtin();
    let (h, problems) = read(html.as_bytes(), false, &t);
    assert_eq!(problems, vec![]);
    let h = h.expect("an article");
    let x = extract::extract(text, &t);
    assert_eq!(h.title.value, x.title.value);
    assert_eq!(outlet_name(&h.outlet), outlet_name(&x.outlet));
    assert_eq!(outlet_name(&h.agency), outlet_name(&x.agency));
    assert_eq!(h.published.as_ref().map(|p| p.value), x.published.as_ref().map(|p| p.value));
    assert_eq!(names(&h), names(&x));
    // And what they agree on is right.
    assert_eq!(h.title.value, "Harbour bridge reopens after storm repairs");
    assert_eq!(outlet_name(&h.outlet).as_deref(), Some("The Korea Herald"));
    assert_eq!(outlet_name(&h.agency).as_deref(), Some("Yonhap"));
    assert_eq!(h.published.as_ref().map(|p| p.value.to_string()).as_deref(), Some("2024-03-05T09:30"));
    assert_eq!(names(&h), ["Jane Doe"]);
}

#[test]
fn evidence_quotes_the_element_not_the_line() {
    let src = r#"<head><meta property="og:site_name" content="The Korea Herald"><meta name="date" content="2020-12-31"><link rel="canonical" href="https://www.koreaherald.com/x"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A \"quoted\" headline", "author": {"@type": "Person", "name": "Jane Doe"}, "url": "u"}</script></head>"#;
    let q = |field: &str, rule: Rule| quote(src, field, Evidence::new(1, rule));
    assert_eq!(
        q("outlet", Rule::OpenGraph).as_deref(),
        Some(r#"<meta property="og:site_name" content="The Korea Herald">"#)
    );
    assert_eq!(q("published", Rule::MetaName).as_deref(), Some(r#"<meta name="date" content="2020-12-31">"#));
    assert_eq!(
        q("url", Rule::CanonicalUrl).as_deref(),
        Some(r#"<link rel="canonical" href="https://www.koreaherald.com/x">"#)
    );
    assert_eq!(q("title", Rule::JsonLd).as_deref(), Some(r#""headline": "A \"quoted\" headline""#));
    assert_eq!(q("authors", Rule::JsonLd).as_deref(), Some(r#""author": {"@type": "Person", "name": "Jane Doe"}"#));
    assert_eq!(quote(src, "title", Evidence::new(0, Rule::JsonLd)), None, "no line, no quote");
    assert_eq!(q("authors", Rule::Byline), None, "text rules on the clean text quote nothing from the page");
}

#[test]
fn the_site_credited_as_author_is_not_a_person() {
    // The host's name, the publisher's name and the start of a long site title, each as author.
    for head in [
        r#"<link rel="canonical" href="https://www.harbourpost.example/a/1"><meta name="author" content="Harbour Post">"#,
        r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",
 "publisher": {"@type": "Organization", "name": "Río Gazette"}, "author": {"@type": "Person", "name": "Río Gazette"}}</script>"#,
        r#"<meta property="og:site_name" content="Harbour Evening News | Latest news of the bay"><meta name="author" content="Harbour Evening News">"#,
    ] {
        let (e, _) = read_str(&page(head, STORY));
        assert_eq!(names(&e), Vec::<String>::new(), "{head}");
    }
}

#[test]
fn a_credit_word_before_the_name_is_dropped_and_a_section_after_it_is_no_author() {
    let (e, _) = read_str(&page(r#"<meta name="author" content="Por Ana María Gil">"#, STORY));
    assert_eq!(names(&e), vec!["Ana María Gil".to_string()]);
    let (e, _) = read_str(&page(r#"<meta name="author" content="By Internacional">"#, STORY));
    assert_eq!(names(&e), Vec::<String>::new());
    let (e, _) = read_str(&page(r#"<meta name="author" content="By Por">"#, STORY));
    assert_eq!(names(&e), Vec::<String>::new());
}
