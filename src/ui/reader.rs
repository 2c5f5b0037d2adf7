//! The reader pane: the selected article's title, metadata and clean body, wrapped to the pane
//! by display width (Hangul and CJK take two columns; nothing spills or splits a character),
//! scrollable, with matches highlighted. `i` swaps the body for the evidence behind each field.
//!
//! The wrapped lines are built in `update` (when the article, the width, the search or the view
//! changes), so drawing only copies the visible ones.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::app::Model;
use super::list::highlighted;
use super::{text, theme};
use crate::corpus::Corpus;
use crate::corpus::article::{Block, Evidence, Extraction, Rule};
use crate::corpus::formats::Format;
use crate::corpus::index::Query;
use crate::state::Marks;

/// What the reader shows and where it is scrolled to.
#[derive(Debug, Clone, Default)]
pub struct ReaderPane {
    /// The article shown, by number.
    pub article: Option<u32>,
    /// Its extraction, or why it could not be read.
    pub doc: Option<Result<Extraction, String>>,
    /// Show the evidence instead of the body.
    pub evidence: bool,
    /// The text, wrapped for `built.width`.
    pub lines: Vec<Line<'static>>,
    /// Indexes of `lines` that contain a search match.
    pub match_lines: Vec<usize>,
    /// First visible line.
    pub scroll: usize,
    /// The match `n`/`N` last went to (an index into `match_lines`).
    pub current_match: Option<usize>,
    built: Built,
}

/// What `lines` were built for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Built {
    article: Option<u32>,
    width: u16,
    evidence: bool,
    query: Option<Query>,
    marks: Option<Marks>,
}

impl ReaderPane {
    /// Shows `article` wrapped to `width` columns, loading and rewrapping only what changed.
    pub fn show(
        &mut self,
        corpus: &Corpus,
        article: Option<u32>,
        marks: Option<&Marks>,
        width: u16,
        query: Option<&Query>,
    ) {
        if article != self.article {
            self.article = article;
            self.doc = article.map(|i| corpus.extraction(i).map_err(|e| e.to_string()));
            self.scroll = 0;
        }
        let query = query.filter(|q| !q.is_empty());
        let b = &self.built;
        // Compared field by field: this runs on every key press, and rarely finds a change.
        if b.article == article
            && b.width == width
            && b.evidence == self.evidence
            && b.query.as_ref() == query
            && b.marks.as_ref() == marks
        {
            return;
        }
        self.lines = match article {
            Some(i) => build(corpus, i, self.doc.as_ref(), marks, width as usize, self.evidence, query),
            None => Vec::new(),
        };
        self.match_lines = match query {
            Some(_) => self
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.spans.iter().any(|s| s.style == theme::matched()))
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        self.built = Built { article, width, evidence: self.evidence, query: query.cloned(), marks: marks.cloned() };
        self.current_match = None;
    }

    /// Scrolls by `delta` lines within `rows` visible rows.
    pub fn scroll_by(&mut self, delta: isize, rows: usize) {
        let max = self.lines.len().saturating_sub(rows.max(1));
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    /// Scrolls to the top or the end.
    pub fn scroll_to(&mut self, end: bool, rows: usize) {
        self.scroll = if end { self.lines.len().saturating_sub(rows.max(1)) } else { 0 };
    }

    /// Goes to the next (or previous) match in this article and shows its line (with one line
    /// of context above) in `rows` rows. False when there is none in that direction.
    pub fn go_to_match(&mut self, forward: bool, rows: usize) -> bool {
        let next = match (self.current_match, forward) {
            (Some(k), true) => Some(k + 1),
            (Some(k), false) => k.checked_sub(1),
            // From no match yet: the first one at or below the top of the view, or above it.
            (None, true) => self.match_lines.iter().position(|&l| l >= self.scroll),
            (None, false) => self.match_lines.iter().rposition(|&l| l < self.scroll),
        };
        match next.and_then(|k| self.match_lines.get(k).map(|&l| (k, l))) {
            Some((k, line)) => {
                self.current_match = Some(k);
                self.scroll = line.saturating_sub(1);
                self.scroll_by(0, rows);
                true
            }
            None => false,
        }
    }

    /// Goes to the first (or last) match of the article; stays put when no line shows one
    /// (a match in a field the reader does not highlight, such as the URL).
    pub fn go_to_edge_match(&mut self, first: bool, rows: usize) {
        let k = if first { Some(0) } else { self.match_lines.len().checked_sub(1) };
        if let Some((k, &line)) = k.and_then(|k| self.match_lines.get(k).map(|l| (k, l))) {
            self.current_match = Some(k);
            self.scroll = line.saturating_sub(1);
            self.scroll_by(0, rows);
        }
    }
}

/// The width text is wrapped to inside a reader of `area` (a margin, and the scrollbar).
pub fn wrap_width(area: Rect) -> u16 {
    area.width.saturating_sub(3).max(1)
}

/// Rows of text under the title bar.
pub fn content_rows(area: Rect) -> usize {
    area.height.saturating_sub(1) as usize
}

use crate::width::wrap;

fn push_wrapped(out: &mut Vec<Line<'static>>, s: &str, width: usize, style: Style, query: Option<&Query>) {
    for l in wrap(s, width) {
        out.push(Line::from(highlighted(l, query)).patch_style(style));
    }
}

/// The article's marks under its metadata: the star and tags on one line, then the note.
/// Words, not colour alone, so NO_COLOR shows them too.
fn marks_lines(m: &Marks, width: usize, out: &mut Vec<Line<'static>>) {
    // Read or not shows in the list (bold); here only what the reader added.
    let mut parts = Vec::new();
    if m.starred {
        parts.push("* starred".to_string());
    }
    if !m.tags.is_empty() {
        parts.push(format!("tags: {}", m.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" ")));
    }
    if !parts.is_empty() {
        push_wrapped(
            out,
            &parts.join(" · "),
            width,
            theme::warning().add_modifier(ratatui::style::Modifier::BOLD),
            None,
        );
    }
    if let Some(note) = &m.note {
        for (k, l) in note.lines().enumerate() {
            let text = if k == 0 { format!("note: {l}") } else { format!("      {l}") };
            push_wrapped(out, &text, width, Style::new().add_modifier(ratatui::style::Modifier::ITALIC), None);
        }
    }
}

fn build(
    corpus: &Corpus,
    i: u32,
    doc: Option<&Result<Extraction, String>>,
    marks: Option<&Marks>,
    width: usize,
    evidence: bool,
    query: Option<&Query>,
) -> Vec<Line<'static>> {
    let a = corpus.get(i);
    let mut out = Vec::new();
    push_wrapped(&mut out, &a.title, width, theme::heading(), query);
    let outlet = corpus.outlet_name(a.outlet);
    let mut meta = vec![outlet.unwrap_or("unknown outlet").to_string()];
    if let Some(ag) = corpus.outlet_name(a.agency).filter(|ag| Some(*ag) != outlet) {
        meta.push(ag.to_string());
    }
    meta.push(a.published.map_or("undated".into(), |p| p.human()));
    if !a.authors.is_empty() {
        meta.push(a.authors.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "));
    }
    let meta_lines = wrap(&meta.join(" · "), width);
    let outlet_text = meta[0].clone();
    for (k, l) in meta_lines.into_iter().enumerate() {
        // The outlet in its colour at the start of the first line.
        if k == 0 && l.starts_with(&outlet_text) {
            let rest = l[outlet_text.len()..].to_string();
            out.push(Line::from(vec![
                Span::styled(
                    outlet_text.clone(),
                    Style::new().fg(theme::outlet_color(outlet)).add_modifier(ratatui::style::Modifier::BOLD),
                ),
                Span::styled(rest, theme::dim()),
            ]));
        } else {
            out.push(Line::styled(l, theme::dim()));
        }
    }
    // The URL on a line of its own: it rarely fits beside the rest, and wraps only by width.
    if let Some(u) = &a.url {
        push_wrapped(&mut out, u, width, theme::dim(), None);
    }
    // Which article this is and where it came from, for `show`, notes and the shell.
    push_wrapped(&mut out, &format!("{} · {}", corpus.short_id(a), corpus.file(a).path), width, theme::dim(), None);
    if let Some(m) = marks {
        marks_lines(m, width, &mut out);
    }
    out.push(Line::raw(""));
    let e = match doc {
        Some(Ok(e)) => e,
        Some(Err(msg)) => {
            push_wrapped(&mut out, &format!("Cannot read this article: {msg}"), width, theme::error(), None);
            return out;
        }
        None => return out,
    };
    if evidence {
        evidence_lines(corpus, i, e, width, &mut out);
        return out;
    }
    if e.body.is_empty() {
        out.push(Line::styled("(no text)", theme::dim()));
    }
    for b in &e.body {
        match b {
            Block::Heading(h) => push_wrapped(&mut out, h, width, theme::heading(), query),
            Block::Paragraph(p) => push_wrapped(&mut out, p, width, Style::new(), query),
            Block::Quote(q) => push_wrapped(&mut out, &format!("│ {q}"), width, theme::dim(), query),
            Block::ListItem(li) => push_wrapped(&mut out, &format!("• {li}"), width, Style::new(), query),
        }
        out.push(Line::raw(""));
    }
    out
}

/// The evidence view: each field, the rule that chose it and the line it read.
fn evidence_lines(corpus: &Corpus, i: u32, e: &Extraction, width: usize, out: &mut Vec<Line<'static>>) {
    let a = corpus.get(i);
    let source = corpus.source_text(i);
    let meta = corpus.metadata_text(a);
    let meta_path = corpus.metadata_file(a).map(|p| p.display().to_string());
    let html = matches!(corpus.file(a).format, Format::Html | Format::HtmlGz);
    let quote = |field: &str, ev: &Evidence| -> Option<String> {
        let text = if ev.rule == Rule::Metadata { meta.as_deref()? } else { source.as_deref()? };
        if html && ev.rule != Rule::Metadata {
            // A page's line may be the whole page: quote the element or key instead.
            return crate::corpus::html::quote(text, field, *ev);
        }
        Some(text.lines().nth(ev.line.checked_sub(1)? as usize)?.trim().to_string())
    };
    out.push(Line::styled("Evidence", theme::heading()));
    for (name, value) in [("id", a.id.hex()), ("file", corpus.file(a).path.clone())] {
        push_wrapped(out, &format!("{name:<10}{value}"), width, Style::new(), None);
    }
    let outlet = corpus.outlet_name(a.outlet).map(str::to_string);
    let agency = corpus.outlet_name(a.agency).map(str::to_string);
    let authors =
        (!a.authors.is_empty()).then(|| a.authors.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "));
    let fields: [(&str, Option<String>, Option<Evidence>); 6] = [
        ("title", Some(a.title.to_string()), Some(e.title.evidence)),
        ("outlet", outlet, e.outlet.as_ref().map(|f| f.evidence)),
        ("agency", agency, e.agency.as_ref().map(|f| f.evidence)),
        ("published", a.published.map(|p| p.to_string()), e.published.as_ref().map(|f| f.evidence)),
        ("authors", authors, e.authors.as_ref().map(|f| f.evidence)),
        ("url", a.url.as_deref().map(str::to_string), e.url.as_ref().map(|f| f.evidence)),
    ];
    for (name, value, ev) in fields {
        out.push(Line::from(vec![
            Span::styled(format!("{name:<10}"), theme::heading()),
            Span::raw(value.unwrap_or_else(|| "— not found".into())),
        ]));
        if let Some(ev) = ev {
            let place = match (&meta_path, ev.rule) {
                (Some(p), Rule::Metadata) => format!("{p} line {}", ev.line),
                _ if ev.line == 0 => String::new(),
                _ => format!("line {}", ev.line),
            };
            let why = if ev.rule == Rule::Metadata { String::new() } else { format!(": {}", ev.rule.describe()) };
            push_wrapped(out, &format!("          {place}{why}"), width, theme::dim(), None);
            if let Some(q) = quote(name, &ev) {
                push_wrapped(out, &format!("          │ {q}"), width, theme::dim(), None);
            }
        }
    }
    if !e.other_dates.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Dates not used", theme::heading()));
        for d in &e.other_dates {
            push_wrapped(out, &format!("line {}  {}  {}", d.line, d.published, d.why), width, Style::new(), None);
        }
    }
    if !e.removed.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Removed from the body", theme::heading()));
        for r in &e.removed {
            // A saved page's blocks have no line of their own.
            let text = match r.line {
                0 => r.rule.describe().to_string(),
                l => format!("line {l:<4} {}", r.rule.describe()),
            };
            push_wrapped(out, &text, width, theme::dim(), None);
        }
    }
    if !e.notes.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Warnings", theme::warning()));
        for n in &e.notes {
            push_wrapped(out, &n.message, width, theme::warning(), None);
        }
    }
}

/// Draws the reader.
pub fn render(m: &Model<'_>, area: Rect, buf: &mut Buffer) {
    let focused = m.focus == super::layout::Pane::Reader;
    let r = &m.reader;
    let rows = content_rows(area);
    let pos = if r.lines.is_empty() {
        String::new()
    } else if r.lines.len() <= rows {
        "all ".into()
    } else {
        let end = (r.scroll + rows).min(r.lines.len());
        format!("{}–{}/{} {}% ", r.scroll + 1, end, r.lines.len(), end * 100 / r.lines.len())
    };
    let title = if r.evidence { " Reader · evidence (i: text) " } else { " Reader " };
    text::title_bar(buf, area, title, &pos, focused);
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    if body.height == 0 || body.width < 2 {
        return;
    }
    if r.article.is_none() {
        text::paragraph(buf, body, &[Line::styled("No article selected.", theme::dim())]);
        return;
    }
    let text_area = Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body };
    for (k, line) in r.lines.iter().skip(r.scroll).take(body.height as usize).enumerate() {
        buf.set_line(text_area.x, text_area.y + k as u16, line, text_area.width);
    }
    if r.lines.len() > rows {
        let mut state = ScrollbarState::new(r.lines.len().saturating_sub(rows)).position(r.scroll);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(body, buf, &mut state);
    }
}
