//! Reading a saved feed: a generated 500-entry RSS 2.0 feed (each entry 300 words of HTML,
//! 1.2 MB) parsed into articles, as a load does; and one entry read again on demand, as `show`
//! and the reader do (the whole feed is parsed again, one entry's HTML converted).
//!
//!     cargo bench --bench feeds
//!
//! Results are recorded in docs/performance.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::corpus::feeds::{self, Syntax};
use newsdesk::corpus::formats::{Format, parse_file};
use newsdesk::corpus::outlets::Outlets;

const ENTRIES: usize = 500;
const WORDS: [&str; 12] =
    ["harbour", "council", "ferry", "port", "vote", "talks", "minister", "summit", "trade", "river", "bridge", "rail"];

/// A deterministic feed: entry `i` has five paragraphs of sixty words.
fn feed() -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel><title>Bench Gazette</title>\
         <link>https://bench-gazette.example/</link>\n",
    );
    let mut k = 0usize;
    let mut word = || {
        k = (k * 7 + 3) % 1009;
        WORDS[k % WORDS.len()]
    };
    for i in 0..ENTRIES {
        let title: Vec<&str> = (0..6).map(|_| word()).collect();
        let mut html = String::new();
        for _ in 0..5 {
            let p: Vec<&str> = (0..60).map(|_| word()).collect();
            html.push_str(&format!("<p>{}.</p>", p.join(" ")));
        }
        out.push_str(&format!(
            "<item>\n<title>Story {i} {}</title>\n<link>https://bench-gazette.example/{i}</link>\n<guid>bench-{i}</guid>\n\
             <pubDate>Tue, 23 Apr 2019 09:05:00 +0900</pubDate>\n<author>desk@bench-gazette.example (Reporter {})</author>\n\
             <content:encoded><![CDATA[{html}]]></content:encoded>\n</item>\n",
            title.join(" "),
            i % 17
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

fn bench(c: &mut Criterion) {
    let bytes = feed().into_bytes();
    let outlets = Outlets::builtin();
    let (parsed, problems) = parse_file(&bytes, Format::Feed, &outlets);
    assert_eq!((parsed.len(), problems.len()), (ENTRIES, 0), "the generated feed reads cleanly");
    let last = parsed.last().map(|p| p.id).expect("entries");
    let mut g = c.benchmark_group("feeds");
    g.sample_size(30);
    g.bench_function("parse 500-entry RSS feed", |b| {
        b.iter(|| black_box(parse_file(black_box(&bytes), Format::Feed, &outlets)))
    });
    g.bench_function("reread one entry of 500", |b| {
        b.iter(|| {
            black_box(feeds::reread(
                black_box(&bytes),
                Syntax::Xml { required: true },
                ENTRIES as u32 - 1,
                last,
                &outlets,
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
