//! One saved web page → article: decoding, parsing, the metadata layer, Readability and the
//! text rules, as `newsdesk` does for each `.html` file it loads.
//!
//!     NEWSDESK_BENCH_PAGES=/tmp/html-pages cargo bench --bench html
//!
//! Real pages are not part of the repository: point `NEWSDESK_BENCH_PAGES` at a folder of
//! `.html` files (mozilla/readability's `test/test-pages/*/source.html` are the ones measured
//! in docs/performance.md). Without it, only the made-up page of `tests/pages/` is timed.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::corpus::html;
use newsdesk::corpus::outlets::Outlets;

fn pages() -> Vec<(String, Vec<u8>)> {
    let made_up = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages/html-pair.html");
    let mut out = vec![("made-up".to_string(), std::fs::read(made_up).expect("tests/pages/html-pair.html"))];
    if let Some(dir) = std::env::var_os("NEWSDESK_BENCH_PAGES") {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("NEWSDESK_BENCH_PAGES is a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        files.sort();
        for p in files {
            let name = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            out.push((name, std::fs::read(&p).expect("a readable page")));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let outlets = Outlets::builtin();
    let mut g = c.benchmark_group("html_read");
    g.sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    for (name, bytes) in pages() {
        g.bench_function(format!("{name} ({} KB)", bytes.len() / 1024), |b| {
            b.iter(|| black_box(html::read(black_box(&bytes), false, &outlets)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
