//! The help overlay, generated from the keymap table.

use std::sync::LazyLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::action::Action;
use super::keymap::Context;
use super::{keymap, theme};
use crate::width::{fit, width};

/// The help's lines, built once: the keymap is static.
pub fn lines() -> &'static [Line<'static>] {
    static LINES: LazyLock<Vec<Line<'static>>> = LazyLock::new(build_lines);
    &LINES
}

/// The furthest the help scrolls on this screen.
pub fn max_scroll(screen: Rect) -> usize {
    lines().len().saturating_sub(rows(screen))
}

fn build_lines() -> Vec<Line<'static>> {
    let rows = keymap::help_rows();
    let key_w = rows.iter().filter(|r| r.0.is_none()).map(|r| width(&r.1)).max().unwrap_or(8);
    let mut out = Vec::new();
    for (title, keys, help) in rows {
        match title {
            Some(t) => {
                if !out.is_empty() {
                    out.push(Line::raw(""));
                }
                out.push(Line::styled(t, theme::heading()));
            }
            None => out.push(Line::from(vec![
                Span::styled(format!("  {}  ", fit(&keys, key_w)), theme::warning()),
                Span::raw(help),
            ])),
        }
    }
    out
}

/// Where the overlay goes.
pub fn area(screen: Rect) -> Rect {
    let w = screen.width.min(90);
    let h = screen.height;
    Rect { x: screen.x + (screen.width - w) / 2, y: screen.y, width: w, height: h }
}

/// Rows of help the overlay shows at once.
pub fn rows(screen: Rect) -> usize {
    area(screen).height.saturating_sub(2) as usize
}

pub fn render(scroll: usize, screen: Rect, buf: &mut Buffer) {
    let area = area(screen);
    Clear.render(area, buf);
    let all = lines();
    let block = Block::default().borders(Borders::ALL).title(" newsdesk keys ").title_bottom(format!(
        " {} closes · {}/{} scroll · {}/{} ",
        keymap::keys_for(Context::Help, &Action::Help, 2),
        keymap::key_for(Context::Help, &Action::Down),
        keymap::key_for(Context::Help, &Action::Up),
        (scroll + rows(screen)).min(all.len()),
        all.len()
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    for (k, l) in all.iter().skip(scroll).take(inner.height as usize).enumerate() {
        buf.set_line(inner.x + 1, inner.y + k as u16, l, inner.width.saturating_sub(1));
    }
}
