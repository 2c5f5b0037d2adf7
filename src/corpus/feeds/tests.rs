//! Feed reading on small made-up feeds of each shape: every field, its rule and line, ids,
//! re-reading, and damaged input.

use super::*;
use crate::corpus::article::Evidence;

fn outlets() -> Outlets {
    Outlets::builtin()
}

fn xml(bytes: &str) -> (Vec<Parsed>, Vec<Problem>) {
    parse(bytes.as_bytes(), Syntax::Xml { required: true }, &outlets())
}

fn titles(p: &[Parsed]) -> Vec<&str> {
    p.iter().map(|p| p.extraction.title.value.as_str()).collect()
}

fn date(p: &Parsed) -> String {
    p.extraction.published.as_ref().map(|f| f.value.to_string()).unwrap_or_default()
}

fn authors(p: &Parsed) -> Vec<String> {
    p.extraction.authors.as_ref().map(|f| f.value.iter().map(|a| a.name.to_string()).collect()).unwrap_or_default()
}

fn outlet_name(p: &Parsed) -> Option<String> {
    let o = outlets();
    p.extraction.outlet.as_ref().map(|f| match &f.value {
        OutletRef::Known(id) => o.name(*id).to_string(),
        OutletRef::Domain(d) => format!("domain {d}"),
        OutletRef::Name(n) => format!("name {n}"),
    })
}

fn agency_name(p: &Parsed) -> Option<String> {
    let o = outlets();
    p.extraction.agency.as_ref().map(|f| match &f.value {
        OutletRef::Known(id) => o.name(*id).to_string(),
        other => format!("{other:?}"),
    })
}

fn body(p: &Parsed) -> Vec<&str> {
    p.extraction.body.iter().map(Block::text).collect()
}

fn id_of(key: &str) -> ArticleId {
    ArticleId::of_bytes(key.as_bytes())
}

const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://harbour-gazette.example/</link>
  <item>
    <title>Ferry strike ends &amp; talks resume</title>
    <link>https://harbour-gazette.example/2019/04/ferry</link>
    <guid isPermaLink="false">hg-1001</guid>
    <pubDate>Tue, 23 Apr 2019 09:05:00 +0900</pubDate>
    <dc:creator>Jane Roe</dc:creator>
    <author>desk@harbour-gazette.example (Sam Poe)</author>
    <category>Labour</category>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Ferries ran again on <b>Tuesday</b>.</p><h3>What next</h3><blockquote>"We are back," a captain said.</blockquote><ul><li>Route A</li></ul><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Harbour dredging approved</title>
    <link>https://harbour-gazette.example/2019/04/dredge</link>
    <pubDate>Wed, 24 Apr 2019 18:30:00 GMT</pubDate>
    <description>&lt;p&gt;The council voted 7&amp;ndash;2.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"#;

#[test]
fn rss2_entry_fields_and_evidence() {
    let (p, problems) = xml(RSS2);
    assert_eq!(problems, vec![]);
    assert_eq!(titles(&p), ["Ferry strike ends & talks resume", "Harbour dredging approved"]);
    let a = &p[0];
    let e = &a.extraction;
    assert_eq!(e.title.evidence, Evidence::new(6, Rule::EntryTitle));
    assert_eq!(e.url.as_ref().map(|f| f.value.as_str()), Some("https://harbour-gazette.example/2019/04/ferry"));
    assert_eq!(e.url.as_ref().map(|f| f.evidence), Some(Evidence::new(6, Rule::EntryLink)));
    // Local wall-clock time as printed; the offset is not applied.
    assert_eq!(date(a), "2019-04-23T09:05");
    assert_eq!(e.published.as_ref().map(|f| f.evidence), Some(Evidence::new(6, Rule::EntryPublished)));
    // In document order; the e-mail-only author gives the name in parentheses.
    assert_eq!(authors(a), ["Jane Roe", "Sam Poe"]);
    assert_eq!(e.authors.as_ref().map(|f| f.evidence.rule), Some(Rule::EntryAuthor));
    // The entry's link is on the feed's own (unknown) site: the outlet is the feed's title.
    assert_eq!(outlet_name(a).as_deref(), Some("name Harbour Gazette"));
    assert_eq!(e.outlet.as_ref().map(|f| f.evidence), Some(Evidence::new(0, Rule::FeedTitle)));
    assert_eq!(e.agency, None);
    // content:encoded wins over description; the script is gone.
    assert_eq!(body(a), ["Ferries ran again on Tuesday.", "What next", "\"We are back,\" a captain said.", "Route A"]);
    assert!(matches!(e.body[1], Block::Heading(_)));
    assert!(matches!(e.body[2], Block::Quote(_)));
    assert!(matches!(e.body[3], Block::ListItem(_)));
    assert_eq!(e.notes, vec![]);
    // The id is the guid's hash; without a guid, the link's.
    assert_eq!(a.id, id_of("hg-1001"));
    assert_eq!(p[1].id, id_of("https://harbour-gazette.example/2019/04/dredge"));
    let r = a.record.unwrap();
    assert_eq!((r.line, r.entry_index()), (6, Some(0)));
    assert!(RSS2[r.start as usize..r.end as usize].starts_with("<item>"));
    // An escaped HTML description is the body when there is no content; entities decoded.
    assert_eq!(body(&p[1]), ["The council voted 7–2."]);
    assert_eq!(date(&p[1]), "2019-04-24T18:30");
    assert_eq!(p[1].record.unwrap().line, 17);
}

#[test]
fn rss091_reads_title_link_description() {
    let feed = r#"<?xml version="1.0"?>
<rss version="0.91">
<channel>
<title>Valley Weekly</title>
<link>http://valley-weekly.example</link>
<description>News</description>
<language>en-us</language>
<item>
<title>Mill reopens</title>
<link>http://valley-weekly.example/mill</link>
<description>The mill reopened after ten years.</description>
</item>
</channel>
</rss>"#;
    let (p, problems) = xml(feed);
    assert_eq!(problems, vec![]);
    assert_eq!(titles(&p), ["Mill reopens"]);
    assert_eq!(body(&p[0]), ["The mill reopened after ten years."]);
    assert_eq!(p[0].id, id_of("http://valley-weekly.example/mill"));
    assert_eq!(outlet_name(&p[0]).as_deref(), Some("name Valley Weekly"));
    assert_eq!(p[0].extraction.title.evidence.line, 8);
    // No date at all: said so.
    assert_eq!(p[0].extraction.published, None);
    assert_eq!(p[0].extraction.notes, vec![Note::on(NoteOn::Published, 8, NO_DATE)]);
}

#[test]
fn rss1_rdf_with_dublin_core() {
    let feed = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://river-post.example/">
    <title>River Post</title>
    <link>http://river-post.example/</link>
    <items><rdf:Seq><rdf:li resource="http://river-post.example/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="http://river-post.example/a">
    <title>Bridge inspected</title>
    <link>http://river-post.example/a</link>
    <description>Engineers found no cracks.</description>
    <dc:date>2019-04-22</dc:date>
    <dc:creator>Ann Lee</dc:creator>
  </item>
</rdf:RDF>"#;
    let (p, problems) = xml(feed);
    assert_eq!(problems, vec![]);
    assert_eq!(titles(&p), ["Bridge inspected"]);
    // A date without a time stays a day.
    assert_eq!(date(&p[0]), "2019-04-22");
    assert_eq!(authors(&p[0]), ["Ann Lee"]);
    assert_eq!(body(&p[0]), ["Engineers found no cracks."]);
    assert_eq!(p[0].extraction.title.evidence.line, 8);
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Northern Ledger</title>
  <link href="https://ledger.example/"/>
  <link rel="self" href="https://ledger.example/feed.atom"/>
  <author><name>Ledger Staff</name></author>
  <id>urn:ledger</id>
  <updated>2019-04-25T10:00:00Z</updated>
  <entry>
    <title type="html">Port &lt;em&gt;expands&lt;/em&gt;</title>
    <link rel="alternate" href="https://ledger.example/port"/>
    <id>urn:ledger:port</id>
    <published>2019-04-24T08:15:00+02:00</published>
    <updated>2019-04-25T09:00:00+02:00</updated>
    <author><name>Kim Ode</name><email>kim@ledger.example</email></author>
    <content type="html">&lt;p&gt;The port will grow.&lt;/p&gt;&lt;p&gt;Work starts in May.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Council minutes</title>
    <link href="https://ledger.example/minutes"/>
    <id>urn:ledger:minutes</id>
    <updated>2019-04-25T07:00:00Z</updated>
    <summary>Plain summary text.</summary>
  </entry>
</feed>"#;

#[test]
fn atom_published_updated_authors_and_content() {
    let (p, problems) = xml(ATOM);
    assert_eq!(problems, vec![]);
    assert_eq!(titles(&p), ["Port expands", "Council minutes"]);
    assert_eq!(p[0].id, id_of("urn:ledger:port"));
    assert_eq!(date(&p[0]), "2019-04-24T08:15");
    assert_eq!(authors(&p[0]), ["Kim Ode"]);
    assert_eq!(body(&p[0]), ["The port will grow.", "Work starts in May."]);
    assert_eq!(p[0].extraction.title.evidence, Evidence::new(9, Rule::EntryTitle));
    // Only an updated date: used, with a note saying so.
    let e = &p[1].extraction;
    assert_eq!(date(&p[1]), "2019-04-25T07:00");
    assert_eq!(e.published.as_ref().map(|f| f.evidence), Some(Evidence::new(18, Rule::EntryUpdated)));
    assert_eq!(e.notes, vec![Note::on(NoteOn::Published, 18, UPDATED_ONLY)]);
    // No author of its own: the feed's (Atom says entries inherit it).
    assert_eq!(authors(&p[1]), ["Ledger Staff"]);
    assert_eq!(e.authors.as_ref().map(|f| f.evidence.rule), Some(Rule::FeedAuthor));
    assert_eq!(body(&p[1]), ["Plain summary text."]);
    assert_eq!(outlet_name(&p[1]).as_deref(), Some("name Northern Ledger"));
}

const JSON_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Coast Daily",
  "home_page_url": "https://coast-daily.example/",
  "items": [
    {
      "id": "cd-1",
      "url": "https://coast-daily.example/a",
      "title": "Lighthouse restored",
      "content_html": "<p>The lighthouse shines again.</p>",
      "date_published": "2019-04-20T12:00:00-05:00",
      "authors": [{"name": "Lee Park"}]
    },
    {
      "id": "cd-2",
      "title": "Tide tables",
      "content_text": "High tide at noon.\n\nLow tide at six.",
      "date_modified": "2019-04-21T06:00:00Z"
    }
  ]
}"#;

#[test]
fn json_feed_items() {
    assert!(is_json_feed(JSON_FEED.as_bytes()));
    assert!(!is_json_feed(br#"{"title": "x", "body": "see https://jsonfeed.org/version/1"}"#));
    assert!(!is_json_feed(br#"[{"version": "https://jsonfeed.org/version/1"}]"#));
    let (p, problems) = parse(JSON_FEED.as_bytes(), Syntax::Json, &outlets());
    assert_eq!(problems, vec![]);
    assert_eq!(titles(&p), ["Lighthouse restored", "Tide tables"]);
    assert_eq!(p[0].id, id_of("cd-1"));
    assert_eq!(date(&p[0]), "2019-04-20T12:00");
    assert_eq!(authors(&p[0]), ["Lee Park"]);
    assert_eq!(body(&p[0]), ["The lighthouse shines again."]);
    assert_eq!(p[0].extraction.title.evidence, Evidence::new(6, Rule::EntryTitle));
    assert_eq!(outlet_name(&p[0]).as_deref(), Some("name Coast Daily"));
    let r = p[1].record.unwrap();
    assert_eq!((r.line, r.entry_index()), (14, Some(1)));
    assert!(JSON_FEED[r.start as usize..r.end as usize].contains("\"cd-2\""));
    assert_eq!(body(&p[1]), ["High tide at noon.", "Low tide at six."]);
    assert_eq!(p[1].extraction.published.as_ref().map(|f| f.evidence.rule), Some(Rule::EntryUpdated));
}

#[test]
fn known_link_domains_and_aggregated_links_name_the_outlet() {
    let feed = r#"<rss version="2.0"><channel><title>World Headlines</title><link>https://headlines.example/</link>
<item><title>A</title><link>https://www.reuters.com/world/a</link><guid>a</guid></item>
<item><title>B</title><link>https://eastasia-ledger.net/b</link><guid>b</guid></item>
<item><title>C</title><link>https://news.headlines.example/c</link><guid>c</guid></item>
</channel></rss>"#;
    let (p, _) = xml(feed);
    assert_eq!(outlet_name(&p[0]).as_deref(), Some("Reuters"));
    assert_eq!(p[0].extraction.outlet.as_ref().map(|f| f.evidence), Some(Evidence::new(2, Rule::EntryLink)));
    // Another site than the feed's own: that site, by its domain.
    assert_eq!(outlet_name(&p[1]).as_deref(), Some("domain eastasia-ledger.net"));
    // A subdomain of the feed's own site: the feed's title.
    assert_eq!(outlet_name(&p[2]).as_deref(), Some("name World Headlines"));
}

#[test]
fn wire_agencies_from_author_source_and_dateline() {
    let feed = r#"<rss version="2.0"><channel><title>Metro Wire</title><link>https://metro.example/</link>
<item><title>A</title><link>https://metro.example/a</link><author>Reuters</author></item>
<item><title>B</title><link>https://metro.example/b</link><source url="https://apnews.com/rss">AP</source><author>x@metro.example (Dee Fox)</author></item>
<item><title>C</title><link>https://metro.example/c</link><description>&lt;p&gt;SEOUL (Reuters) - Talks began.&lt;/p&gt;</description></item>
</channel></rss>"#;
    let (p, problems) = xml(feed);
    assert_eq!(problems, vec![]);
    assert_eq!(agency_name(&p[0]).as_deref(), Some("Reuters"));
    assert_eq!(p[0].extraction.agency.as_ref().map(|f| f.evidence), Some(Evidence::new(2, Rule::EntryAuthor)));
    // The agency is not a person.
    assert_eq!(p[0].extraction.authors, None);
    assert_eq!(agency_name(&p[1]).as_deref(), Some("Associated Press"));
    assert_eq!(p[1].extraction.agency.as_ref().map(|f| f.evidence.rule), Some(Rule::EntrySource));
    assert_eq!(authors(&p[1]), ["Dee Fox"]);
    assert_eq!(agency_name(&p[2]).as_deref(), Some("Reuters"));
    assert_eq!(p[2].extraction.agency.as_ref().map(|f| f.evidence.rule), Some(Rule::Dateline));
    // The outlet stays the feed's.
    assert_eq!(outlet_name(&p[2]).as_deref(), Some("name Metro Wire"));
}

#[test]
fn entries_without_guid_or_link_are_identified_by_title_and_date() {
    let feed = r#"<rss version="2.0"><channel><title>T</title>
<item><title>Notice</title><pubDate>Mon, 22 Apr 2019 10:00:00 GMT</pubDate></item>
<item><description>Only text here.</description></item>
<item></item>
</channel></rss>"#;
    let (p, problems) = xml(feed);
    assert_eq!(p[0].id, id_of("Notice\n2019-04-22T10:00:00+00:00"));
    // No title: the first line of the text, with a note.
    assert_eq!(p[1].extraction.title, Field::new("Only text here.".to_string(), 3, Rule::EntryContent));
    assert!(p[1].extraction.notes.iter().any(|n| n.about == Some(NoteOn::Title)));
    // Nothing at all: skipped, named by entry and line.
    assert_eq!(p.len(), 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(4));
    assert_eq!(problems[0].message, "feed entry 3 has neither title nor text; skipped");
}

#[test]
fn timestamps_in_the_forms_feeds_use() {
    let day = |s: &str| timestamp(s).and_then(|t| published(&t)).map(|p| p.to_string());
    assert_eq!(day("Tue, 23 Apr 2019 09:05:00 +0900").as_deref(), Some("2019-04-23T09:05"));
    // A wrong weekday, a long weekday, "UTC".
    assert_eq!(day("Wed, 23 Apr 2019 09:05:00 GMT").as_deref(), Some("2019-04-23T09:05"));
    assert_eq!(day("Tuesday, 23 Apr 2019 09:05:00 UTC").as_deref(), Some("2019-04-23T09:05"));
    assert_eq!(day("2019-04-23T09:05:00.123-04:00").as_deref(), Some("2019-04-23T09:05"));
    assert_eq!(day("2019-04-23").as_deref(), Some("2019-04-23"));
    assert_eq!(day("April 23, 2019").as_deref(), Some("2019-04-23"));
    assert_eq!(day("soon"), None);
}

#[test]
fn reread_finds_the_entry_by_index_and_id() {
    let o = outlets();
    let syntax = Syntax::Xml { required: true };
    let (p, _) = parse(RSS2.as_bytes(), syntax, &o);
    let again = reread(RSS2.as_bytes(), syntax, 1, p[1].id, &o).expect("still there");
    assert_eq!(again, p[1].extraction);
    // The entry at that index is another one now: changed.
    let edited = RSS2.replace("<guid isPermaLink=\"false\">hg-1001</guid>", "<guid>hg-9</guid>");
    assert_eq!(reread(edited.as_bytes(), syntax, 0, p[0].id, &o), None);
    // Gone.
    assert_eq!(reread(RSS2.as_bytes(), syntax, 7, p[0].id, &o), None);
    let (j, _) = parse(JSON_FEED.as_bytes(), Syntax::Json, &o);
    assert_eq!(reread(JSON_FEED.as_bytes(), Syntax::Json, 0, j[0].id, &o).as_ref(), Some(&j[0].extraction));
}

#[test]
fn one_broken_entry_costs_only_itself() {
    let feed = "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>One</title><guid>1</guid></item>\n<item><title>Two</b></title><guid>2</guid></item>\n<item><title>Three</title><guid>3</guid></item>\n</channel></rss>";
    let (p, problems) = xml(feed);
    assert_eq!(titles(&p), ["One", "Three"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(3));
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].message.starts_with("feed entry 2 does not parse"), "{}", problems[0].message);
    // Entries keep their index in the feed, so re-reading finds "Three" at 2.
    assert_eq!(p[1].record.unwrap().entry_index(), Some(2));
    let again = reread(feed.as_bytes(), Syntax::Xml { required: true }, 2, p[1].id, &outlets());
    assert_eq!(again.map(|e| e.title.value), Some("Three".to_string()));
}

#[test]
fn one_broken_json_item_costs_only_itself() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1", "title": "J",
"items": [
 {"id": "1", "title": "One"},
 {"id": "2", "title": ["not", "a", "string"]},
 {"id": "3", "title": "Three"}
]}"#;
    let (p, problems) = parse(feed.as_bytes(), Syntax::Json, &outlets());
    assert_eq!(titles(&p), ["One", "Three"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(4));
    assert!(problems[0].message.starts_with("feed entry 2 does not parse"), "{}", problems[0].message);
}

#[test]
fn malformed_xml_is_an_error_without_entries() {
    let (p, problems) = xml("<rss version=\"2.0\"><channel><title>T</oops></channel></rss>");
    assert!(p.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].message.starts_with("invalid feed:"), "{}", problems[0].message);
}

#[test]
fn not_a_feed_is_an_error_for_rss_and_a_warning_for_xml() {
    let page = "<!DOCTYPE html><html><body>Not found</body></html>";
    let (p, problems) = xml(page);
    assert!(p.is_empty());
    assert_eq!(
        problems,
        vec![Problem {
            line: None,
            severity: Severity::Error,
            message: "not an RSS or Atom feed (root element <html>); skipped".into()
        }]
    );
    let (_, problems) = parse(b"<urlset><url/></urlset>", Syntax::Xml { required: false }, &outlets());
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].message, "not an RSS or Atom feed (root element <urlset>); skipped");
}

#[test]
fn billion_laughs_is_not_expanded() {
    let mut feed = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        feed.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
    }
    feed.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>\n<item><title>Laugh &lol9;</title><guid>l</guid><description>&lol9;&lol9;</description></item></channel></rss>");
    let (p, problems) = xml(&feed);
    assert_eq!(problems, vec![Problem { line: None, severity: Severity::Warning, message: ENTITIES.into() }]);
    assert_eq!(titles(&p), ["Laugh &lol9;"]);
    assert!(body(&p[0]).concat().len() < 100, "entities were expanded");
}

#[test]
fn an_empty_feed_says_so() {
    let (p, problems) = xml("<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
    assert!(p.is_empty());
    assert_eq!(
        problems,
        vec![Problem { line: None, severity: Severity::Warning, message: "feed has no entries".into() }]
    );
}

#[test]
fn deeply_nested_xml_does_not_crash() {
    let deep = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><title>Deep</title><guid>d</guid><x>{}</x></item></channel></rss>",
        "<a>".repeat(50_000) + &"</a>".repeat(50_000)
    );
    let (p, _) = xml(&deep);
    assert_eq!(titles(&p), ["Deep"]);
}

#[test]
fn a_panic_inside_feed_rs_is_a_diagnostic() {
    // feed-rs unwraps an overflowing number in a MediaRSS time; newsdesk must survive it.
    let feed = r#"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
<item><title>Media</title><guid>m</guid><media:group><media:text start="999999999999999999999999:00:00">x</media:text></media:group></item>
</channel></rss>"#;
    let (p, problems) = xml(feed);
    assert!(p.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].message.contains("feed-rs failed"), "{}", problems[0].message);
}

#[test]
fn the_xml_declaration_names_the_encoding() {
    let mut feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n<item><title>Caf".to_vec();
    feed.push(0xE9);
    feed.extend_from_slice(b" reopens</title><guid>c</guid></item></channel></rss>");
    let (p, problems) = parse(&feed, Syntax::Xml { required: true }, &outlets());
    assert_eq!(problems, vec![]);
    assert_eq!(titles(&p), ["Caf\u{e9} reopens"]);
}

#[test]
fn past_the_entry_cap_only_the_first_entries_are_read() {
    let mut feed = String::from("<rss version=\"2.0\"><channel><title>T</title>\n");
    for i in 0..MAX_ENTRIES + 2 {
        feed.push_str(&format!("<item><title>E{i}</title><guid>{i}</guid></item>\n"));
    }
    feed.push_str("</channel></rss>");
    let (p, problems) = xml(&feed);
    assert_eq!(p.len(), MAX_ENTRIES);
    assert_eq!(p.last().map(|p| p.extraction.title.value.as_str()), Some(format!("E{}", MAX_ENTRIES - 1).as_str()));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(MAX_ENTRIES as u32 + 2));
    assert_eq!(
        problems[0].message,
        format!("the feed has {} entries; only the first {MAX_ENTRIES} are read", MAX_ENTRIES + 2)
    );
}

#[test]
fn dates_feed_rs_cannot_read_are_warned_about() {
    let feed = "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>A</title><guid>a</guid><pubDate>sometime soon</pubDate></item>\n</channel></rss>";
    let (p, problems) = xml(feed);
    assert_eq!(p[0].extraction.published, None);
    assert_eq!(
        problems,
        vec![Problem {
            line: None,
            severity: Severity::Warning,
            message: "a date in the feed is not understood (\"sometime soon\"); ignored".into()
        }]
    );
}

#[test]
fn atom_xhtml_and_text_content() {
    let feed = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>t</id>
<entry><title>X</title><id>x</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <em>para</em>.</p><p>Second.</p></div></content></entry>
<entry><title>Y</title><id>y</id><content type="text">Text with &lt;angle&gt; brackets.</content></entry>
</feed>"#;
    let (p, problems) = xml(feed);
    assert_eq!(problems, vec![]);
    assert_eq!(body(&p[0]), ["First para.", "Second."]);
    assert_eq!(body(&p[1]), ["Text with <angle> brackets."]);
}
