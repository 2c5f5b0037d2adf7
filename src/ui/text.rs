//! Small drawing helpers shared by the panes: title bars and plain paragraphs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::theme;
use crate::width::{truncate, width};

/// A pane's title bar: `left` at the start, `right` at the end, the whole row styled by focus.
pub fn title_bar(buf: &mut Buffer, area: Rect, left: &str, right: &str, focused: bool) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let style = theme::title_bar(focused);
    let row = Rect { height: 1, ..area };
    buf.set_style(row, style);
    let w = area.width as usize;
    let right_w = width(right).min(w / 2);
    let left = truncate(left, w.saturating_sub(right_w));
    buf.set_string(area.x, area.y, left.as_ref(), style);
    if right_w > 0 {
        let right = truncate(right, right_w);
        buf.set_string(area.x + (w - width(&right)) as u16, area.y, right.as_ref(), style);
    }
}

/// Lines from the top of `area`, each cut to its width.
pub fn paragraph(buf: &mut Buffer, area: Rect, lines: &[Line<'_>]) {
    for (k, l) in lines.iter().take(area.height as usize).enumerate() {
        buf.set_line(area.x + 1, area.y + k as u16, l, area.width.saturating_sub(1));
    }
}
