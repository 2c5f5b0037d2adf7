//! Layout: where each pane goes for a terminal size. A pure function of the size and a little
//! state, used both by `update` (to know how many rows a page is, how wide to wrap) and by
//! drawing, so the two always agree.

use ratatui::layout::Rect;

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Timeline,
}

/// How the screen is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Too small to draw anything useful: a message says so.
    TooSmall,
    /// One pane at a time, with a tab bar.
    Narrow,
    /// List above reader, timeline strip at the bottom (80×24).
    Stacked,
    /// List and reader side by side, timeline below.
    Wide,
}

/// The tab bar of narrow screens: each pane's label and the columns it takes (from the bar's
/// left edge, one space between labels). Drawing and mouse clicks both use this.
pub fn tabs() -> [(Pane, &'static str, std::ops::Range<u16>); 3] {
    const LABELS: [(Pane, &str); 3] =
        [(Pane::List, "1:List"), (Pane::Reader, "2:Reader"), (Pane::Timeline, "3:Timeline")];
    let mut x = 0u16;
    LABELS.map(|(pane, label)| {
        let start = x;
        x += label.len() as u16 + 1;
        (pane, label, start..start + label.len() as u16)
    })
}

/// Smallest size newsdesk draws in.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// Rectangles of everything on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub mode: Mode,
    /// The pane tabs (narrow mode).
    pub tabs: Option<Rect>,
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub timeline: Option<Rect>,
    /// Filters and counts.
    pub status: Rect,
    /// Key hints, messages and prompts.
    pub message: Rect,
}

impl Areas {
    pub fn pane(&self, p: Pane) -> Option<Rect> {
        match p {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Timeline => self.timeline,
        }
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        [Pane::List, Pane::Reader, Pane::Timeline]
            .into_iter()
            .find(|p| self.pane(*p).is_some_and(|r| r.contains(ratatui::layout::Position { x, y })))
    }
}

/// What the layout needs to know besides the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wants {
    pub focus: Pane,
    pub timeline: bool,
    /// Rows the list would like (its articles, plus the title bar).
    pub list_rows: usize,
    /// Rows the timeline would like (its lanes, plus title, counts and axis).
    pub timeline_rows: usize,
}

/// Divides `area`.
pub fn compute(area: Rect, w: Wants) -> Areas {
    let (width, height) = (area.width, area.height);
    let bottom =
        |rows: u16| Rect { x: area.x, y: area.y + height.saturating_sub(rows), width, height: rows.min(height) };
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas {
            mode: Mode::TooSmall,
            tabs: None,
            list: None,
            reader: None,
            timeline: None,
            status: bottom(0),
            message: bottom(0),
        };
    }
    let message = Rect { height: 1, ..bottom(1) };
    let status = Rect { y: message.y - 1, height: 1, ..message };
    let body = Rect { x: area.x, y: area.y, width, height: height - 2 };

    if width < 60 || height < 15 {
        let tabs = Rect { height: 1, ..body };
        let pane = Rect { y: body.y + 1, height: body.height - 1, ..body };
        let focus = if w.focus == Pane::Timeline && !w.timeline { Pane::List } else { w.focus };
        let mut a =
            Areas { mode: Mode::Narrow, tabs: Some(tabs), list: None, reader: None, timeline: None, status, message };
        match focus {
            Pane::List => a.list = Some(pane),
            Pane::Reader => a.reader = Some(pane),
            Pane::Timeline => a.timeline = Some(pane),
        }
        return a;
    }

    let wide = width >= 120 && height >= 28;
    // Sizes are worked out in usize (counts can exceed u16) and clamped before narrowing.
    let fit = |wanted: usize, lo: u16, hi: u16| wanted.clamp(lo as usize, hi.max(lo) as usize) as u16;
    let (main, timeline) = if w.timeline {
        let cap = ((body.height as usize * 2).div_ceil(5)).clamp(6, 16) as u16;
        let rows = fit(w.timeline_rows, 4, cap);
        let main = Rect { height: body.height - rows, ..body };
        (main, Some(Rect { y: main.y + main.height, height: rows, ..body }))
    } else {
        (body, None)
    };
    if wide {
        // 56 columns keep the list's date, outlet and title columns (narrower, it compacts).
        let list_w = ((main.width as usize * 2 / 5) as u16).max(56);
        let list = Rect { width: list_w, ..main };
        // One column between them for the separator.
        let reader = Rect { x: main.x + list_w + 1, width: main.width - list_w - 1, ..main };
        Areas { mode: Mode::Wide, tabs: None, list: Some(list), reader: Some(reader), timeline, status, message }
    } else {
        let cap = (main.height / 2).max(3);
        let list_h = fit(w.list_rows, 3, cap);
        let list = Rect { height: list_h, ..main };
        let reader = Rect { y: main.y + list_h, height: main.height - list_h, ..main };
        Areas { mode: Mode::Stacked, tabs: None, list: Some(list), reader: Some(reader), timeline, status, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wants(focus: Pane, timeline: bool) -> Wants {
        Wants { focus, timeline, list_rows: 6, timeline_rows: 8 }
    }

    #[test]
    fn eighty_by_twenty_four_stacks_list_over_reader_with_a_timeline_strip() {
        let a = compute(Rect::new(0, 0, 80, 24), wants(Pane::List, true));
        assert_eq!(a.mode, Mode::Stacked);
        let (l, r, t) = (a.list.unwrap(), a.reader.unwrap(), a.timeline.unwrap());
        assert_eq!((l.y, l.height), (0, 6), "five articles and the title bar");
        assert_eq!(r.y, 6);
        assert_eq!(t.y + t.height, 22, "timeline sits above the two status lines");
        assert_eq!(r.y + r.height, t.y);
        assert_eq!((a.status.y, a.message.y), (22, 23));
        // `t` gives the timeline's rows to the reader.
        let b = compute(Rect::new(0, 0, 80, 24), wants(Pane::List, false));
        assert_eq!(b.timeline, None);
        assert_eq!(b.reader.unwrap().height, r.height + t.height);
    }

    #[test]
    fn wide_terminals_put_list_and_reader_side_by_side() {
        let a = compute(Rect::new(0, 0, 200, 60), wants(Pane::Reader, true));
        assert_eq!(a.mode, Mode::Wide);
        let (l, r) = (a.list.unwrap(), a.reader.unwrap());
        assert_eq!(l.y, r.y);
        assert_eq!(l.x + l.width + 1, r.x);
        assert_eq!(r.x + r.width, 200);
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_only() {
        let a = compute(Rect::new(0, 0, 30, 10), wants(Pane::Reader, true));
        assert_eq!(a.mode, Mode::Narrow);
        assert!(a.list.is_none() && a.timeline.is_none());
        assert_eq!(a.reader.unwrap(), Rect::new(0, 1, 30, 7));
        assert!(a.tabs.is_some());
    }

    #[test]
    fn huge_counts_do_not_wrap_around() {
        // 65,536 articles once became a list of 0 (then 3) rows.
        for n in [65_535usize, 65_536, 65_540, 1_000_000] {
            let a = compute(
                Rect::new(0, 0, 80, 24),
                Wants { focus: Pane::List, timeline: true, list_rows: n, timeline_rows: n },
            );
            assert_eq!(a.list.unwrap().height, 6, "{n}");
        }
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        for (w, h) in [(1, 1), (19, 24), (80, 4), (0, 0)] {
            assert_eq!(compute(Rect::new(0, 0, w, h), wants(Pane::List, true)).mode, Mode::TooSmall, "{w}x{h}");
        }
    }

    #[test]
    fn every_size_gives_rectangles_inside_the_screen() {
        for w in [20u16, 33, 59, 60, 79, 80, 119, 120, 200, 400] {
            for h in [5u16, 9, 14, 15, 24, 27, 28, 60, 200] {
                for tl in [true, false] {
                    let area = Rect::new(0, 0, w, h);
                    let a = compute(
                        area,
                        Wants { focus: Pane::Timeline, timeline: tl, list_rows: 100_000, timeline_rows: 70 },
                    );
                    for r in
                        [a.list, a.reader, a.timeline, a.tabs, Some(a.status), Some(a.message)].into_iter().flatten()
                    {
                        assert!(r.x + r.width <= w && r.y + r.height <= h, "{w}x{h}: {r:?}");
                    }
                }
            }
        }
    }
}
