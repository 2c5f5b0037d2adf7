//! The reader drawn into a ratatui `TestBackend`, driven by key events as a user types them.
//!
//! Whole-screen `insta` snapshots at 80×24 and 160×48 after each key sequence (snapshots keep
//! only text, so highlight styles are checked separately below), and the cases that must not
//! panic or lag: a 1×1 terminal, a 20,000-word article, a 300-character title, an article with
//! no body, an empty corpus.

use std::sync::OnceLock;

use newsdesk::corpus::Corpus;
use newsdesk::corpus::filter::{Filter, Order};
use newsdesk::corpus::load::LoadOptions;
use newsdesk::ui::action::Action;
use newsdesk::ui::app::{Effect, Model, Overlay};
use newsdesk::ui::draw::{draw, screen_text};
use newsdesk::ui::external::Job;
use newsdesk::ui::theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::style::Modifier;

fn bundled() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| Corpus::load(&[], LoadOptions::default()))
}

/// A model and a terminal of one size.
struct Screen<'c> {
    model: Model<'c>,
    term: Terminal<TestBackend>,
}

impl<'c> Screen<'c> {
    fn new(corpus: &'c Corpus, w: u16, h: u16) -> Self {
        let model = Model::new(corpus, Filter::default(), Order::NewestFirst, w, h);
        let term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        Screen { model, term }
    }

    /// Types keys: words separated by spaces, `Enter`, `Esc`, `Space`, `Tab`, `BackTab`,
    /// `Up`/`Down`/`Left`/`Right`, `PgDn`/`PgUp`, `C-x` for Ctrl-x, and `:text` to type text.
    fn keys(&mut self, keys: &str) -> &mut Self {
        for word in keys.split_whitespace() {
            let mut codes: Vec<(KeyCode, KeyModifiers)> = Vec::new();
            match word {
                "Enter" => codes.push((KeyCode::Enter, KeyModifiers::NONE)),
                "Esc" => codes.push((KeyCode::Esc, KeyModifiers::NONE)),
                "Space" => codes.push((KeyCode::Char(' '), KeyModifiers::NONE)),
                "Tab" => codes.push((KeyCode::Tab, KeyModifiers::NONE)),
                "BackTab" => codes.push((KeyCode::BackTab, KeyModifiers::SHIFT)),
                "Up" => codes.push((KeyCode::Up, KeyModifiers::NONE)),
                "Down" => codes.push((KeyCode::Down, KeyModifiers::NONE)),
                "Left" => codes.push((KeyCode::Left, KeyModifiers::NONE)),
                "Right" => codes.push((KeyCode::Right, KeyModifiers::NONE)),
                "PgDn" => codes.push((KeyCode::PageDown, KeyModifiers::NONE)),
                "PgUp" => codes.push((KeyCode::PageUp, KeyModifiers::NONE)),
                "Backspace" => codes.push((KeyCode::Backspace, KeyModifiers::NONE)),
                w if w.starts_with("C-") => {
                    codes.push((KeyCode::Char(w.chars().nth(2).unwrap()), KeyModifiers::CONTROL))
                }
                w if w.starts_with(':') => codes.extend(w[1..].chars().map(|c| (KeyCode::Char(c), KeyModifiers::NONE))),
                w => codes.extend(w.chars().map(|c| (KeyCode::Char(c), KeyModifiers::NONE))),
            }
            for (code, mods) in codes {
                self.model.on_event(&Event::Key(KeyEvent::new(code, mods)));
            }
        }
        self
    }

    fn draw(&mut self) -> &Buffer {
        let model = &self.model;
        self.term.draw(|f| draw(model, f)).expect("draw");
        self.term.backend().buffer()
    }

    fn text(&mut self) -> String {
        screen_text(self.draw())
    }

    fn snapshot(&mut self) -> String {
        self.draw();
        self.term.backend().to_string()
    }
}

/// Snapshots a key sequence at 80×24 and 160×48.
fn snap(name: &str, keys: &str) {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut s = Screen::new(bundled(), w, h);
        s.keys(keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), s.snapshot());
    }
}

#[test]
fn snapshot_start() {
    snap("start", "");
}

#[test]
fn snapshot_move() {
    snap("move", "j j");
}

#[test]
fn snapshot_open() {
    snap("open", "j j Enter");
}

#[test]
fn snapshot_outlet_popup() {
    snap("outlet_popup", "o");
}

#[test]
fn snapshot_filtered_by_outlet() {
    // Untick all, then tick the second outlet (RT) and apply.
    snap("filtered_by_outlet", "o a j Space Enter");
}

#[test]
fn snapshot_date_filter() {
    snap("date_filter", "d :2019-04 Enter");
}

#[test]
fn snapshot_bad_date_keeps_the_filter_and_shows_the_forms() {
    snap("date_filter_bad", "d :2019-4 Enter");
}

#[test]
fn snapshot_search_with_matches() {
    snap("search", "/ :medvedev Enter");
}

#[test]
fn snapshot_help() {
    snap("help", "?");
}

#[test]
fn snapshot_timeline_zoomed() {
    snap("timeline_zoomed", "- -");
}

#[test]
fn snapshot_evidence() {
    snap("evidence", "G Enter i");
}

#[test]
fn snapshot_narrow_layout() {
    for keys in ["", "Enter", "3"] {
        let mut s = Screen::new(bundled(), 40, 12);
        s.keys(keys);
        insta::assert_snapshot!(format!("narrow_{}", if keys.is_empty() { "start" } else { keys }), s.snapshot());
    }
}

#[test]
fn snapshot_too_small() {
    let mut s = Screen::new(bundled(), 16, 4);
    insta::assert_snapshot!("too_small", s.snapshot());
}

// ---- styles, which snapshots do not keep --------------------------------------------------

/// The cell where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    let text = screen_text(buf);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = newsdesk::width::width(&line[..byte]) as u16;
            return (x, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn the_selected_row_is_reversed_when_the_list_has_focus() {
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("j");
    let buf = s.draw().clone();
    let (_, y) = find(&buf, "Kim Jong-un will visit Russia");
    assert!(buf[(0, y)].modifier.contains(Modifier::REVERSED), "selected row");
    let (_, other) = find(&buf, "North Korea’s Kim may visit");
    assert!(!buf[(0, other)].modifier.contains(Modifier::REVERSED), "other rows are plain");
    // With focus on the reader, the selection stays marked but is not reversed.
    s.keys("Tab");
    let buf = s.draw().clone();
    assert!(!buf[(0, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(0, y)].bg, theme::selected_unfocused().bg.unwrap());
}

#[test]
fn search_matches_are_highlighted_in_the_list_and_the_reader() {
    let mut s = Screen::new(bundled(), 100, 30);
    s.keys("/ :kim Enter");
    let buf = s.draw().clone();
    let (x, y) = find(&buf, "Kim Jong Un to meet");
    let cell = &buf[(x, y)];
    assert_eq!(cell.fg, theme::matched().fg.unwrap(), "list title match");
    assert!(cell.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
    assert!(!buf[(x + 4, y)].modifier.contains(Modifier::UNDERLINED), "only the matching word");
    // In the reader, body text matches too.
    let (rx, ry) = find(&buf, "Kim Jong Un and Russian");
    assert_eq!(buf[(rx, ry)].fg, theme::matched().fg.unwrap(), "reader body match");
}

#[test]
fn each_outlet_has_its_colour_in_list_and_timeline() {
    let mut s = Screen::new(bundled(), 100, 30);
    let buf = s.draw().clone();
    for name in ["Euronews", "RT ", "The Korea Herald", "The Moscow Times", "WIC News"] {
        let (x, y) = find(&buf, name);
        assert_eq!(buf[(x, y)].fg, theme::outlet_color(Some(name.trim())), "{name} in the list");
    }
    // The timeline's lane labels are on later rows; the last occurrence is the lane.
    let text = screen_text(&buf);
    let lane_y = text.lines().collect::<Vec<_>>().iter().rposition(|l| l.starts_with("RT ")).expect("RT lane") as u16;
    assert_eq!(buf[(0, lane_y)].fg, theme::outlet_color(Some("RT")));
}

#[test]
fn the_focused_pane_title_bar_stands_out() {
    let mut s = Screen::new(bundled(), 80, 24);
    let buf = s.draw().clone();
    let (_, list_y) = find(&buf, " Articles");
    let (_, reader_y) = find(&buf, " Reader");
    assert_eq!(buf[(1, list_y)].bg, theme::title_bar(true).bg.unwrap());
    assert_eq!(buf[(1, reader_y)].bg, theme::title_bar(false).bg.unwrap());
}

#[test]
fn the_selected_articles_timeline_mark_is_highlighted_and_follows_the_list() {
    let mut s = Screen::new(bundled(), 80, 24);
    let marked = |buf: &Buffer| {
        let mut v = Vec::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                if buf[(x, y)].symbol() == "●" && buf[(x, y)].modifier.contains(Modifier::REVERSED) {
                    v.push((x, y));
                }
            }
        }
        v
    };
    let first = marked(&s.draw().clone());
    assert_eq!(first.len(), 1, "one highlighted mark");
    s.keys("j");
    let second = marked(&s.draw().clone());
    assert_eq!(second.len(), 1);
    assert_ne!(first, second, "the mark follows the selection");
}

// ---- things that must not break -----------------------------------------------------------

fn temp_corpus(files: &[(&str, String)]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let c = Corpus::load(&[dir.path().to_path_buf()], LoadOptions::default());
    (dir, c)
}

#[test]
fn every_size_from_one_by_one_draws_without_panicking() {
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 3),
        (19, 5),
        (20, 5),
        (30, 10),
        (59, 14),
        (60, 15),
        (80, 24),
        (119, 27),
        (120, 28),
        (250, 80),
    ] {
        let mut s = Screen::new(bundled(), w, h);
        for keys in ["", "j Enter", "o", "?", "/ :kim", "3 Left Enter", "i"] {
            s.keys(keys);
            s.draw();
            s.keys("Esc Esc");
        }
    }
}

#[test]
fn a_terminal_that_shrinks_and_grows_redraws_at_once() {
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("j j");
    // What each size must show: the layout chosen for the new size, not the old one.
    let expect: [(u16, u16, &str); 4] = [
        (30, 10, "1:List 2:Reader"),      // narrow: one pane at a time, with tabs
        (200, 60, "2019-04-22 21:44 RT"), // side by side: date, time and outlet columns
        (16, 4, "Terminal too"),          // below the minimum: says so
        (80, 24, " Reader "),             // stacked: list above the reader
    ];
    for (w, h, shows) in expect {
        s.model.on_event(&Event::Resize(w, h));
        s.term.backend_mut().resize(w, h);
        let text = s.text();
        assert!(text.contains(shows), "{w}×{h} should show {shows:?}:\n{text}");
        if h >= 10 {
            let status = text.lines().nth(h as usize - 2).unwrap_or_default();
            assert!(status.contains("5 of 5"), "{w}×{h}: the status bar sits on the new bottom rows:\n{text}");
        }
    }
    assert!(s.text().contains("North Korea’s Kim may visit"), "selection kept through resizes");
}

#[test]
fn long_articles_long_titles_and_empty_bodies() {
    let long_body: String = (0..20_000).map(|i| if i % 120 == 119 { "end.\n\n" } else { "word " }).collect();
    let long_title = "Summit ".repeat(43);
    let (_dir, c) = temp_corpus(&[
        ("long.txt", format!("A very long article about the summit\n\nPublished: 2019-04-23\n\n{long_body}")),
        ("title.txt", format!("{}\n\nPublished: 2019-04-24\n\nShort body.", long_title.trim())),
        ("empty.txt", "+++\ntitle = \"Nothing below\"\npublished = 2019-04-25\n+++\n".to_string()),
    ]);
    assert_eq!(c.len(), 3);
    let mut s = Screen::new(&c, 80, 24);
    let text = s.text();
    assert!(text.contains("Nothing below"));
    // The empty article says so.
    assert!(s.keys("Enter").text().contains("(no text)"));
    // The long one scrolls to its end.
    let t = std::time::Instant::now();
    s.keys("Esc G Enter G");
    let text = s.text();
    assert!(text.contains("end."), "{text}");
    assert!(t.elapsed().as_secs() < 5, "loading and wrapping 20,000 words is quick");
    // The 300-character title is cut in the list and wrapped in the reader.
    s.keys("1 k Enter");
    let text = s.text();
    assert!(text.contains("Summit Summit"));
    assert!(text.contains('…'));
}

#[test]
fn an_empty_corpus_has_a_friendly_state() {
    let (_dir, c) = temp_corpus(&[]);
    let mut s = Screen::new(&c, 80, 24);
    let text = s.text();
    assert!(text.contains("No articles in this corpus."), "{text}");
    for keys in ["j", "Enter", "o Space Enter", "/ :kim Enter", "3 Left Right Enter", "i", "G", "n", "+ -"] {
        s.keys(keys);
        s.draw();
    }
}

#[test]
fn the_status_bar_counts_the_files_that_did_not_load_cleanly() {
    let (_dir, c) = temp_corpus(&[
        ("a.txt", "A headline about the summit\n\nText without a date.".into()),
        ("b.txt", "\0\u{1}binary".into()),
        ("c.json", "{\"title\": 3".into()),
    ]);
    let text = Screen::new(&c, 80, 24).text();
    let status = text.lines().nth(22).unwrap_or_default();
    assert!(status.contains("1 of 1"), "{text}");
    assert!(status.trim_end().ends_with("2 errors 2 warnings"), "`newsdesk check` explains them:\n{text}");
    // The clean bundled corpus shows no such counts.
    let text = Screen::new(bundled(), 80, 24).text();
    assert!(!text.contains("error") && !text.contains("warning"), "{text}");
}

#[test]
fn a_filter_with_no_match_says_how_to_clear_it() {
    let mut s = Screen::new(bundled(), 80, 24);
    let text = s.keys("/ :zzzz Enter").text();
    assert!(text.contains("No articles match the filters."), "{text}");
    assert!(text.contains("Press c to clear them."));
    assert!(s.keys("c").text().contains("5 of 5"));
}

#[test]
fn hostile_text_reaches_the_screen_as_visible_symbols() {
    let (_dir, c) = temp_corpus(&[(
        "hostile.txt",
        "Hostile \x1b]0;PWNED\x07 title \x1b[2J here\n\nPublished: 2019-04-23\n\nBody \x1b[31mred\x1b[0m and \u{202e}reversed\u{202c} and\ttab.".into(),
    )]);
    let mut s = Screen::new(&c, 100, 30);
    let buf = s.draw().clone();
    let text = screen_text(&buf);
    assert!(text.contains("Hostile ␛]0;PWNED␇ title ␛[2J here"), "{text}");
    assert!(text.contains("Body ␛[31mred␛[0m and reversed and tab."), "{text}");
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(|ch| ch.is_control()), "a control character reached a cell");
    }
}

#[test]
fn quit_keys_end_the_loop() {
    let mut s = Screen::new(bundled(), 80, 24);
    assert_eq!(s.model.on_event(&Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE))), Effect::Quit);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    // Ctrl-c quits even from a prompt, where q is just a letter.
    s.keys("/");
    assert_eq!(s.model.on_event(&Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE))), Effect::None);
    assert_eq!(s.model.on_event(&ctrl_c), Effect::Quit);
    let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(s.model.on_event(&ctrl_z), Effect::Suspend);
}

#[test]
fn the_mouse_selects_and_scrolls() {
    let mut s = Screen::new(bundled(), 80, 24);
    let text = s.text();
    let y = text.lines().position(|l| l.contains("The Moscow Times")).unwrap() as u16;
    s.model.on_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        column: 40,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(s.model.list.selected, 3);
    let text = s.text();
    let reader = &text[text.find(" Reader").expect("a reader pane")..];
    assert!(reader.contains("The Moscow Times"), "the reader shows the clicked article:\n{text}");
    let reader_y = screen_text(s.draw()).lines().position(|l| l.starts_with(" Reader")).unwrap() as u16 + 2;
    s.model.on_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: reader_y,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(s.model.reader.scroll, 3);
}

#[test]
fn side_by_side_lists_keep_their_outlet_column() {
    // The README promises date, outlet and title side by side from 120 columns.
    for w in [120, 130, 139, 200] {
        let text = Screen::new(bundled(), w, 30).text();
        assert!(text.contains("2019-04-22 21:44 RT"), "{w} columns:\n{text}");
    }
}

#[test]
fn the_readme_screenshot_is_what_the_reader_draws() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let after =
        readme.split("The reader on the bundled corpus, 100×30, after `j j`").nth(1).expect("the screenshot paragraph");
    let block = after.split("```text\n").nth(1).and_then(|b| b.split("\n```").next()).expect("a text block");
    let mut s = Screen::new(bundled(), 100, 30);
    let drawn = s.keys("j j").text();
    let drawn: Vec<&str> = drawn.lines().map(str::trim_end).collect();
    if std::env::var_os("NEWSDESK_UPDATE_DOCS").is_some() {
        let fresh = readme.replacen(block, &drawn.join("\n"), 1);
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), fresh).expect("write README.md");
        return;
    }
    let shown: Vec<&str> = block.lines().map(str::trim_end).collect();
    assert_eq!(
        shown, drawn,
        "README.md's screenshot is stale: `NEWSDESK_UPDATE_DOCS=1 cargo test --test ui readme` draws it again"
    );
}

// ---------------------------------------------------------------------------------------------
// Acting on an article: copy, save, pipe, export (prompts and messages at 80×24)
// ---------------------------------------------------------------------------------------------

/// Snapshots a key sequence at 80×24 with today fixed (citations carry an accessed date).
fn snap_80(name: &str, keys: &str) -> Screen<'static> {
    let mut s = Screen::new(bundled(), 80, 24);
    s.model.today = jiff::civil::date(2026, 12, 2);
    s.keys(keys);
    insta::assert_snapshot!(name, s.snapshot());
    s
}

#[test]
fn snapshot_copy_asks_what_then_says_what_was_copied() {
    snap_80("copy_menu", "y");
    snap_80("copy_url_missing", "y u");
    let s = snap_80("copy_url", "j j y u");
    assert!(s.model.message.as_ref().is_some_and(|m| m.text
        == "copied the URL: https://wicnews.com/world/north-koreas-kim-may-visit-russia-meet-putin-361017795"));
    snap_80("copy_citation", "y c");
    let s = snap_80("copy_id", "y i");
    assert!(s.model.message.as_ref().is_some_and(|m| m.text == "copied the id: a425d640da546857"));
}

#[test]
fn snapshot_save_prompt_offers_a_dated_slug() {
    let s = snap_80("save_prompt", "S");
    let Overlay::Prompt(p) = &s.model.overlay else { panic!("the save prompt is open") };
    assert_eq!(p.input, "2019-04-23-north-korea-s-kim-jong-un-to-meet-putin-in-russia-on.md");
}

#[test]
fn snapshot_pipe_and_export_prompts() {
    snap_80("pipe_prompt", "|");
    snap_80("pipe_empty", "| Enter");
    snap_80("export_prompt", "E");
    snap_80("export_bad_extension", "E C-u :list.xlsx Enter");
}

#[test]
fn save_writes_the_file_then_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kim.md");
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("S C-u");
    s.model.update(Action::Paste(path.display().to_string()));
    s.keys("Enter");
    let saved = std::fs::read_to_string(&path).expect("the file is written");
    assert!(
        saved.starts_with("+++\ntitle = \"North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin\"\n")
    );
    assert!(
        saved.contains("\nid = \"a425d640da546857\"\nsource = \"corpus/002_600930966775bc34.txt\"\n+++\n\n# North")
    );
    let msg = s.model.message.clone().expect("a message").text;
    assert!(msg.starts_with("saved ") && msg.ends_with("kim.md (Markdown, 686 words)"), "{msg}");

    std::fs::write(&path, "mine").unwrap();
    s.keys("S C-u");
    s.model.update(Action::Paste(path.display().to_string()));
    s.keys("Enter");
    let text = s.text();
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[22].ends_with("kim.md exists"), "{text}");
    assert!(rows[23].starts_with("overwrite it? (y/N)"), "{text}");
    s.keys("n Enter");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine", "no: the file is kept");
    s.keys("S C-u");
    s.model.update(Action::Paste(path.display().to_string()));
    s.keys("Enter y Enter");
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("+++\n"), "yes: overwritten");
}

#[test]
fn export_writes_the_listed_articles_in_the_format_of_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refs.bib");
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("o a j Space Enter E C-u");
    s.model.update(Action::Paste(path.display().to_string()));
    s.keys("Enter");
    let bib = std::fs::read_to_string(&path).expect("the export is written");
    assert_eq!(bib.matches("@article{").count(), 1, "only the filtered article:\n{bib}");
    assert!(bib.contains("journal = {RT},"), "{bib}");
    assert!(s.model.message.as_ref().is_some_and(|m| m.text.ends_with("refs.bib (BibTeX, 1 article)")));
}

#[test]
fn browser_pipe_and_pager_are_effects_for_the_loop() {
    let mut s = Screen::new(bundled(), 80, 24);
    let o = s.model.on_event(&Event::Key(KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT)));
    assert_eq!(o, Effect::None, "no URL");
    assert_eq!(s.model.message.as_ref().map(|m| m.text.as_str()), Some("this article has no URL to open"));
    s.keys("j j");
    let o = s.model.on_event(&Event::Key(KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT)));
    assert!(matches!(&o, Effect::Run(Job::Browse { url }) if url.starts_with("https://wicnews.com/")), "{o:?}");
    s.keys("| :wc Space :-w");
    let e = s.model.on_event(&Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    let Effect::Run(Job::Pipe { command, input }) = e else { panic!("a pipe job: {e:?}") };
    assert_eq!(command, "wc -w");
    assert!(input.starts_with("+++\ntitle = ") && input.contains("\n+++\n\n# North Korea’s Kim may visit"), "{input}");
    let v = s.model.on_event(&Event::Key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE)));
    let Effect::Run(Job::Page { path, text, name }) = v else { panic!("a pager job: {v:?}") };
    assert_eq!((path, name.as_str()), (None, "corpus/003_38a6156a7a003cab.txt"), "bundled: no file on disk");
    assert!(text.contains("Kim Jong-un may soon visit Russia"), "the source text");
}

// ---------------------------------------------------------------------------------------------
// Marks: read/unread, stars, tags, notes (snapshots keep text; the styles are checked here)
// ---------------------------------------------------------------------------------------------

/// Column where list titles start at 80 columns: star, date (16), space, outlet (18), two spaces.
const TITLE_X: u16 = 1 + 16 + 1 + 18 + 2;

#[test]
fn unread_titles_are_bold_and_stars_are_marked() {
    let mut s = Screen::new(bundled(), 80, 24);
    // Open the first article (read), back to the list, star the second.
    s.keys("Enter Esc j *");
    insta::assert_snapshot!("marks_list_80x24", s.snapshot());
    let buf = s.draw().clone();
    let bold = |x: u16, y: u16| buf[(x, y)].modifier.contains(Modifier::BOLD);
    assert_eq!(buf[(0, 1)].symbol(), " ", "the first article has no star");
    assert!(!bold(TITLE_X, 1), "the article opened is read: not bold");
    assert_eq!(buf[(0, 2)].symbol(), "*", "the starred article");
    assert!(bold(0, 2), "the star is bold, so NO_COLOR shows it");
    assert!(bold(TITLE_X, 2) && bold(TITLE_X, 3), "unread titles are bold");
    let title: String = (0..80).map(|x| buf[(x, 0)].symbol()).collect();
    assert!(title.contains("5 of 5 · 4 unread"), "{title}");
    // The timeline lanes count the unread: RT (starred, unread) has 1; Euronews (read) none.
    let text = s.text();
    let lane = |name: &str| text.lines().find(|l| l.starts_with(name)).unwrap_or_default().to_string();
    assert!(lane("RT").starts_with("RT             1"), "{}", lane("RT"));
    assert!(lane("Euronews").starts_with("Euronews       "), "{}", lane("Euronews"));
    assert!(!lane("Euronews")[..16].contains('1'), "{}", lane("Euronews"));
}

#[test]
fn the_outlet_picker_counts_unread_in_bold() {
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("Enter Esc o");
    let buf = s.draw().clone();
    let text = s.text();
    let row = text.lines().position(|l| l.contains("[x] Euronews")).expect("Euronews in the picker");
    assert!(!text.lines().nth(row).unwrap().contains("unread"), "Euronews's one article is read");
    let rt = text.lines().position(|l| l.contains("[x] RT")).expect("RT in the picker");
    let line = text.lines().nth(rt).unwrap();
    let x = line.chars().take(line.find("1 unread").unwrap()).count() as u16;
    assert!(buf[(x, rt as u16)].modifier.contains(Modifier::BOLD), "the unread count is bold");
}

#[test]
fn the_reader_shows_tags_and_the_note() {
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("* T :korea Space :follow-up Enter");
    let i = s.model.selected_article().unwrap();
    s.model.note_edited(i, Ok(Some("check the date\nagainst the Kremlin's\n".into())));
    s.keys("Enter");
    insta::assert_snapshot!("marks_reader_80x24", s.snapshot());
    let text = s.text();
    assert!(text.contains("* starred · tags: #follow-up #korea"), "{text}");
    assert!(text.contains("note: check the date") && text.contains("      against the Kremlin's"), "{text}");
}

#[test]
fn mark_all_read_asks_with_the_count() {
    let mut s = Screen::new(bundled(), 80, 24);
    s.keys("R");
    insta::assert_snapshot!("mark_all_confirm_80x24", s.snapshot());
    assert!(s.text().contains("Mark 5 articles read? y/N"));
    s.keys("y Enter");
    let text = s.text();
    assert!(text.contains("5 of 5 · 0 unread"), "{text}");
    assert!(text.contains("marked 5 articles read (u undoes)"), "{text}");
    s.keys("u");
    assert!(s.text().contains("5 of 5 · 5 unread"));
}
