//! Key press → redrawn frame on a large corpus: for each action, the time of `Model::update`
//! plus `draw` into a 200×60 `TestBackend`, on 100,000 generated articles.
//!
//!     cargo bench --bench ui
//!
//! The corpus is generated once (deterministically, seed 1) under `target/bench-corpus/`, or
//! taken from `NEWSDESK_BENCH_CORPUS`; `NEWSDESK_BENCH_ARTICLES` changes its size. Results are
//! recorded in docs/performance.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::corpus::Corpus;
use newsdesk::corpus::filter::{Filter, Order};
use newsdesk::corpus::load::LoadOptions;
use newsdesk::ui::action::Action;
use newsdesk::ui::app::Model;
use newsdesk::ui::draw::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn corpus_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("NEWSDESK_BENCH_CORPUS") {
        return PathBuf::from(p);
    }
    let n: u64 = std::env::var("NEWSDESK_BENCH_ARTICLES").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-corpus/c{n}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {n} articles in {}", dir.display());
        newsdesk::synth::write_corpus(&dir, n, 1, None).expect("generate the bench corpus");
        std::fs::write(&done, b"").expect("mark the corpus complete");
    }
    dir
}

/// Times `act` (update + draw) `iters` times; `reset` runs untimed between iterations.
fn timed(
    m: &mut Model<'_>,
    term: &mut Terminal<TestBackend>,
    iters: u64,
    mut act: impl FnMut(&mut Model<'_>, u64),
    mut reset: impl FnMut(&mut Model<'_>, u64),
) -> Duration {
    let mut total = Duration::ZERO;
    for i in 0..iters {
        let t = Instant::now();
        act(m, i);
        term.draw(|f| draw(m, f)).expect("draw");
        total += t.elapsed();
        reset(m, i);
    }
    black_box(term.backend().buffer().area);
    total
}

/// Times `a` and `b` in turn (down/up, in/out), so the state never drifts to an edge.
fn alternating(m: &mut Model<'_>, term: &mut Terminal<TestBackend>, iters: u64, a: Action, b: Action) -> Duration {
    let next = |i: u64| if i.is_multiple_of(2) { a.clone() } else { b.clone() };
    timed(
        m,
        term,
        iters,
        |m, i| {
            m.update(next(i));
        },
        |_, _| {},
    )
}

fn keys(m: &mut Model<'_>, actions: &[Action]) {
    for a in actions {
        m.update(a.clone());
    }
}

fn bench(c: &mut Criterion) {
    let dir = corpus_dir();
    let t = Instant::now();
    let corpus = Corpus::load(&[dir], LoadOptions::default());
    eprintln!("loaded {} articles in {:.1} s", corpus.len(), t.elapsed().as_secs_f64());
    let mut m = Model::new(&corpus, Filter::default(), Order::NewestFirst, WIDTH, HEIGHT);
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    term.draw(|f| draw(&m, f)).expect("first draw");

    let mut g = c.benchmark_group("key to frame, 200x60");
    g.sample_size(30).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));

    let none = |_: &mut Model<'_>, _| {};
    g.bench_function("move down/up (j/k)", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::Down, Action::Up))
    });
    g.bench_function("page down/up", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::PageDown, Action::PageUp))
    });
    g.bench_function("scroll the reader (space/b)", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::ReaderPageDown, Action::ReaderPageUp))
    });
    g.bench_function("next article in time (l/h)", |b| {
        keys(&mut m, &[Action::Top, Action::Down]);
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::EarlierArticle, Action::LaterArticle))
    });
    g.bench_function("toggle an outlet (o Space Enter: the Enter)", |b| {
        // Untimed: open the picker and toggle the first outlet; timed: Enter applies it, which
        // selects the view again and rebuilds the timeline.
        let prep = |m: &mut Model<'_>, _| keys(m, &[Action::OutletFilter, Action::PickerToggle]);
        b.iter_custom(|n| {
            prep(&mut m, 0);
            let total = timed(
                &mut m,
                &mut term,
                n,
                |m, _| {
                    m.update(Action::Apply);
                },
                prep,
            );
            m.update(Action::Back);
            total
        });
        keys(&mut m, &[Action::ClearFilters]);
    });
    g.bench_function("change the date filter (d 2019-04 Enter: the Enter)", |b| {
        b.iter_custom(|n| {
            let prep = |m: &mut Model<'_>, i: u64| {
                keys(m, &[Action::DateFilter, Action::DeleteToStart]);
                let text = if i.is_multiple_of(2) { "2019-04" } else { "2008..2012" };
                for ch in text.chars() {
                    m.update(Action::Input(ch));
                }
            };
            prep(&mut m, 0);
            timed(
                &mut m,
                &mut term,
                n,
                |m, _| {
                    m.update(Action::Apply);
                },
                |m, i| prep(m, i + 1),
            )
        });
        keys(&mut m, &[Action::Back, Action::ClearFilters]);
    });
    for (name, word) in
        [("search: a word (typing its last letter)", "vladivostok"), ("search: a one-letter prefix", "s")]
    {
        g.bench_function(name, |b| {
            b.iter_custom(|n| {
                let (head, last) = word.split_at(word.len() - 1);
                let last = last.chars().next().expect("a letter");
                let prep = |m: &mut Model<'_>| {
                    keys(m, &[Action::Search, Action::DeleteToStart]);
                    for ch in head.chars() {
                        m.update(Action::Input(ch));
                    }
                };
                prep(&mut m);
                timed(
                    &mut m,
                    &mut term,
                    n,
                    |m, _| {
                        m.update(Action::Input(last));
                    },
                    |m, _| {
                        m.update(Action::Back);
                        prep(m);
                    },
                )
            });
            keys(&mut m, &[Action::Back, Action::ClearFilters]);
        });
    }
    g.bench_function("evidence view (i)", |b| {
        keys(&mut m, &[Action::FocusReader]);
        b.iter_custom(|n| {
            timed(
                &mut m,
                &mut term,
                n,
                |m, _| {
                    m.update(Action::ToggleEvidence);
                },
                none,
            )
        });
        // Leave the reader as the other benches expect it, whatever the number of toggles.
        m.reader.evidence = false;
        keys(&mut m, &[Action::FocusList]);
    });
    g.bench_function("zoom the timeline (+/-)", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::ZoomOut, Action::ZoomIn));
        m.timeline.zoom = None;
    });
    // Marks go to memory at once and to a real state database through the writer thread: the
    // frame never waits for SQLite.
    let data = tempfile::tempdir().expect("a data folder");
    let db = data.path().join("state.sqlite3");
    let open: newsdesk::ui::marks::Opener =
        Box::new(move || newsdesk::state::StateDb::open(&db).map_err(|e| e.to_string()));
    let setup = newsdesk::ui::marks::StateSetup { open: Some(open), ..Default::default() };
    m.set_marks(newsdesk::ui::marks::MarkStore::new(&corpus, setup), Default::default());
    g.bench_function("mark: star/unstar (*)", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::ToggleStar, Action::ToggleStar))
    });
    g.bench_function("mark: read/unread (r)", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::ToggleRead, Action::ToggleRead))
    });
    g.bench_function("mark: unread only (U)", |b| {
        b.iter_custom(|n| alternating(&mut m, &mut term, n, Action::UnreadOnly, Action::UnreadOnly))
    });
    eprintln!("marks written before exit: {}", m.marks.flush(newsdesk::ui::marks::FLUSH_WAIT));
    g.bench_function("open the outlet picker (o)", |b| {
        // Opening counts every outlet's articles under the other filters.
        b.iter_custom(|n| {
            timed(
                &mut m,
                &mut term,
                n,
                |m, _| {
                    m.update(Action::OutletFilter);
                },
                |m, _| {
                    m.update(Action::Back);
                },
            )
        })
    });
    g.bench_function("sort order (s)", |b| {
        b.iter_custom(|n| {
            timed(
                &mut m,
                &mut term,
                n,
                |m, _| {
                    m.update(Action::ToggleSort);
                },
                none,
            )
        })
    });
    g.bench_function("resize", |b| {
        // Both the model and the terminal change size, as in the event loop; ratatui then
        // resizes its buffers and repaints the whole screen.
        b.iter_custom(|n| {
            let mut total = Duration::ZERO;
            for i in 0..n {
                let w = WIDTH - (i % 2) as u16;
                let t = Instant::now();
                m.update(Action::Resize(w, HEIGHT));
                term.backend_mut().resize(w, HEIGHT);
                term.draw(|f| draw(&m, f)).expect("draw");
                total += t.elapsed();
            }
            black_box(term.backend().buffer().area);
            total
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
