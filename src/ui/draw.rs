//! Drawing: the whole screen from the model. Reads the model, never changes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::{Model, Overlay};
use super::layout::{self, Mode};
use super::{help, list, reader, status, theme, timeline};
use crate::width::truncate;

/// Draws one frame.
pub fn draw(m: &Model<'_>, frame: &mut Frame<'_>) {
    let screen = frame.area();
    let areas = layout::compute(screen, m.wants());
    let buf = frame.buffer_mut();
    if areas.mode == Mode::TooSmall {
        let msg = format!(
            "Terminal too small ({}×{}); newsdesk needs {}×{}",
            screen.width,
            screen.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        for (k, line) in
            crate::width::wrap(&msg, screen.width.max(1) as usize).iter().take(screen.height as usize).enumerate()
        {
            buf.set_string(screen.x, screen.y + k as u16, truncate(line, screen.width as usize), theme::warning());
        }
        return;
    }
    if let Some(tabs) = areas.tabs {
        let mut spans = Vec::new();
        for (pane, label, _) in layout::tabs() {
            let style = theme::title_bar(m.focus == pane && areas.pane(pane).is_some());
            spans.push(Span::styled(label, style));
            spans.push(Span::raw(" "));
        }
        buf.set_line(tabs.x, tabs.y, &Line::from(spans), tabs.width);
    }
    if let Some(a) = areas.list {
        list::render(m, a, buf);
    }
    if let Some(a) = areas.reader {
        reader::render(m, a, buf);
    }
    if let (Mode::Wide, Some(l)) = (areas.mode, areas.list) {
        for y in l.y..l.y + l.height {
            buf.set_string(l.x + l.width, y, "│", theme::dim());
        }
    }
    if let Some(a) = areas.timeline {
        timeline::render(m, a, buf);
    }
    status::render(m, areas.status, areas.message, buf);
    match &m.overlay {
        Overlay::Help { scroll } => help::render(*scroll, screen, buf),
        Overlay::Picker(p) => p.render(screen, buf),
        Overlay::Prompt(_) => {
            if let Some((x, y)) = status::cursor(m, areas.message) {
                frame.set_cursor_position((x, y));
            }
        }
        Overlay::Copy | Overlay::None => {}
    }
}

/// The whole screen as text, one string per row (for tests and the README screenshot).
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    let area: Rect = buf.area;
    let mut out = String::new();
    for y in area.y..area.y + area.height {
        let mut row = String::new();
        let mut skip = 0;
        for x in area.x..area.x + area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            row.push_str(cell.symbol());
            skip = crate::width::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}
