//! The status bar: active filters, counts and warnings on one line; on the next, the most
//! useful keys for the focused pane (from the keymap), a message, or the open prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::{Model, Overlay};
use super::prompt::{Prompt, PromptKind};
use super::{keymap, theme};
use crate::width::{truncate, width};

/// The filters in words: `outlets: RT, Euronews · dates: 2019-04 · search: kim`.
pub fn describe_filters(m: &Model<'_>) -> String {
    let f = &m.view.filter;
    let mut parts = Vec::new();
    if let Some(set) = &f.outlets {
        let mut names: Vec<&str> = set.ids.iter().map(|id| m.corpus.outlets().name(*id)).collect();
        if set.unknown {
            names.push(super::list::UNKNOWN);
        }
        parts.push(format!("outlets: {}", names.join(", ")));
    }
    if let Some(d) = &f.dates {
        parts.push(format!("dates: {d}"));
    }
    if let Some(q) = f.search.as_ref().filter(|q| !q.is_empty()) {
        parts.push(format!("search: {}", q.text.trim()));
    }
    let st = &m.view.state;
    if st.unread {
        parts.push("unread".into());
    }
    if st.starred {
        parts.push("starred".into());
    }
    if !st.tags.is_empty() {
        parts.push(format!("tags: {}", st.tags.join(" ")));
    }
    if st.has_note {
        parts.push("with a note".into());
    }
    if parts.is_empty() { "no filters".into() } else { parts.join(" · ") }
}

pub fn render(m: &Model<'_>, status: Rect, message: Rect, buf: &mut Buffer) {
    // A prompt's error takes the whole status row, so the accepted forms are readable.
    if let Overlay::Prompt(p) = &m.overlay
        && let Some(e) = &p.error
    {
        buf.set_style(status, theme::error());
        buf.set_string(status.x, status.y, truncate(&format!(" {e}"), status.width as usize), theme::error());
    } else if let Overlay::Prompt(Prompt { kind: PromptKind::Confirm { why, .. }, .. }) = &m.overlay {
        buf.set_style(status, theme::warning());
        buf.set_string(status.x, status.y, truncate(&format!(" {why}"), status.width as usize), theme::warning());
    } else {
        render_counts(m, status, buf);
    }
    render_message_line(m, message, buf);
}

fn render_counts(m: &Model<'_>, status: Rect, buf: &mut Buffer) {
    let (errors, warnings) = m.diagnostics;
    let mut right = String::new();
    if errors > 0 {
        right.push_str(&format!("{} ", crate::width::count(errors, "error")));
    }
    if warnings > 0 {
        right.push_str(&format!("{} ", crate::width::count(warnings, "warning")));
    }
    // Stays on the status bar (the message saying why goes at the next key).
    if m.marks.not_kept.is_some() {
        right.push_str("read-only: marks not kept ");
    }
    let left = format!(" {} of {} · {}", m.view.len(), m.corpus.len(), describe_filters(m));
    let w = status.width as usize;
    let right = truncate(&right, w / 3).into_owned();
    let left = truncate(&left, w.saturating_sub(width(&right))).into_owned();
    buf.set_style(status, Style::new().bg(ratatui::style::Color::Indexed(236)));
    buf.set_string(status.x, status.y, &left, Style::new().bg(ratatui::style::Color::Indexed(236)));
    if !right.is_empty() {
        let style = if errors > 0 { theme::error() } else { theme::warning() };
        buf.set_string(
            status.x + (w - width(&right)) as u16,
            status.y,
            &right,
            style.bg(ratatui::style::Color::Indexed(236)),
        );
    }
}

/// The second line: the prompt, a message, or key hints.
fn render_message_line(m: &Model<'_>, message: Rect, buf: &mut Buffer) {
    if let Overlay::Prompt(p) = &m.overlay {
        let line = Line::from(vec![
            Span::styled(p.label(), theme::heading()),
            Span::raw(p.input.clone()),
            Span::raw("  "),
            Span::styled(p.hint(), theme::dim()),
        ]);
        buf.set_line(message.x, message.y, &line, message.width);
        return;
    }
    if let Some(msg) = &m.message {
        let style = if msg.error { theme::error() } else { theme::warning() };
        buf.set_string(message.x, message.y, truncate(&format!(" {}", msg.text), message.width as usize), style);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    if matches!(m.overlay, Overlay::Copy) {
        spans.push(Span::styled("copy: ", theme::heading()));
    }
    for (key, hint) in keymap::hints(&m.contexts()) {
        spans.push(Span::styled(key, theme::warning()));
        spans.push(Span::styled(format!(" {hint}  "), theme::dim()));
    }
    buf.set_line(message.x, message.y, &Line::from(spans), message.width);
}

/// Where the terminal cursor goes while a prompt is open.
pub fn cursor(m: &Model<'_>, message: Rect) -> Option<(u16, u16)> {
    let Overlay::Prompt(p) = &m.overlay else { return None };
    let x = width(&p.label()) + width(&p.input[..p.cursor]);
    Some((message.x + (x as u16).min(message.width.saturating_sub(1)), message.y))
}
