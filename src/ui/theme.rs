//! Colours and styles. Each outlet has its own colour, stable across runs and corpora: it is
//! picked from a palette by a hash of the outlet's name.

use ratatui::style::{Color, Modifier, Style};

/// Colours that read well on dark and light backgrounds (256-colour palette indexes).
const PALETTE: [Color; 12] = [
    Color::Indexed(33),  // blue
    Color::Indexed(208), // orange
    Color::Indexed(35),  // green
    Color::Indexed(170), // magenta
    Color::Indexed(178), // gold
    Color::Indexed(37),  // teal
    Color::Indexed(203), // coral
    Color::Indexed(141), // purple
    Color::Indexed(107), // olive
    Color::Indexed(174), // rose
    Color::Indexed(74),  // steel blue
    Color::Indexed(136), // ochre
];

/// Hash seed for outlet colours: any fixed value keeps colours stable; this one gives the
/// five outlets of the sample corpus five different colours (and 10 colours to the 12 outlets
/// a Korea story most often has).
const COLOR_SEED: u64 = 8;

/// The colour of an outlet (grey for articles with no known outlet).
pub fn outlet_color(name: Option<&str>) -> Color {
    match name {
        Some(n) => {
            PALETTE[(xxhash_rust::xxh3::xxh3_64_with_seed(n.as_bytes(), COLOR_SEED) % PALETTE.len() as u64) as usize]
        }
        None => Color::Indexed(245),
    }
}

/// The selected row of the focused list.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The selected row when the list does not have focus.
pub fn selected_unfocused() -> Style {
    Style::new().bg(Color::Indexed(238))
}

/// Words that match the search.
pub fn matched() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// A pane's title bar when it has focus, and when it does not.
pub fn title_bar(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::Gray).bg(Color::Indexed(236))
    }
}

pub fn dim() -> Style {
    Style::new().fg(Color::Indexed(244))
}

pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

/// Drops every colour from a drawn frame, keeping bold, reverse and underline: what NO_COLOR
/// asks for. Done here rather than by crossterm, whose NO_COLOR support writes an empty SGR
/// (`ESC [ m`, a full reset) in place of each colour, which also wiped the bold and reverse
/// set just before it: unread titles, stars and the selection vanished.
pub fn strip_colors(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
        cell.underline_color = Color::Reset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_the_styles_and_drops_the_colours() {
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 2, 1));
        buf.set_string(0, 0, "ab", selected().fg(Color::Yellow).add_modifier(Modifier::BOLD));
        strip_colors(&mut buf);
        let cell = &buf[(0, 0)];
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        assert!(cell.modifier.contains(Modifier::BOLD | Modifier::REVERSED));
    }

    #[test]
    fn the_seed_outlets_get_different_colours() {
        let names = ["The Korea Herald", "The Moscow Times", "Euronews", "WIC News", "RT"];
        let colors: Vec<Color> = names.iter().map(|n| outlet_color(Some(n))).collect();
        for (i, a) in colors.iter().enumerate() {
            for (j, b) in colors.iter().enumerate().skip(i + 1) {
                assert_ne!(a, b, "{} and {} share a colour", names[i], names[j]);
            }
        }
        // Pinned: readers learn an outlet's colour, so a new hash or palette order must be a
        // deliberate change to this test, not an accident.
        assert_eq!(outlet_color(Some("RT")), Color::Indexed(174), "RT's colour: rose");
    }
}
