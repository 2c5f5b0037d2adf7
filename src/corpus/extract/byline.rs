//! Bylines: "By X", "By X and Y", "By X, Y and Z", "By X (email…", "By 신혜인".
//!
//! A byline is accepted only when every part is a plausible personal name, so prose that starts
//! with "By the time…" is not a byline and photo credits in bold are never read as authors.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::article::Author;
use crate::corpus::outlets::{OutletId, Outlets};

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory|[Rr]eported) )?(?:By|BY|by)\s*:?\s+(.+)$").expect("valid regex")
});

/// Roles that follow a name in a byline and are not names: "By Jane Doe, Staff Reporter".
const ROLES: &[&str] = &[
    "reporter",
    "staff",
    "correspondent",
    "editor",
    "writer",
    "contributor",
    "columnist",
    "bureau",
    "chief",
    "analyst",
    "news",
    "desk",
    "team",
    "agencies",
    "agency",
    "wires",
];

/// Lower-case particles allowed inside names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "der", "den", "van", "von", "bin", "binti", "al", "el", "la", "le",
    "du", "di", "ibn", "ter", "y",
];

/// A byline: who wrote the article, and the outlet it names beside them, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<Author>,
    /// "By Frances Mao, BBC News", "By Jane Doe | The Korea Herald", "By X for The Guardian".
    pub outlet: Option<OutletId>,
}

/// Parses a byline line, or None if the line is not one. Outlet and agency names in the byline
/// ("By Jane Doe, Reuters") are not authors: the first one is kept as the byline's outlet.
pub fn parse(line: &str, outlets: &Outlets) -> Option<Byline> {
    if line.len() > 160 {
        return None;
    }
    let caps = LEAD.captures(line.trim())?;
    let mut names = caps.get(1)?.as_str();
    let mut outlet = None;
    // "By Shin Hae-in (hishin@heraldcorp.com)", "By X | The Korea Herald", "By X - Reuters".
    for stop in [" (", "(", " | ", "|", " - ", " – ", " — ", "<", "@", " For ", " for "] {
        if let Some(i) = names.find(stop) {
            if outlet.is_none() {
                // "(jane@example.com) | The Korea Herald": any piece of the tail may be the name.
                outlet = names[i + stop.len()..]
                    .split(['(', ')', '|', '<', '>'])
                    .find_map(|piece| outlets.find_name(piece.trim().trim_end_matches(['.', ','])));
            }
            names = &names[..i];
        }
    }
    let names = names.trim().trim_end_matches([',', ';', '.', ':']).trim();
    if names.is_empty() {
        return None;
    }
    let mut authors = Vec::new();
    for part in split_names(names) {
        let part = strip_place(part.trim());
        if part.is_empty() || is_role(part) {
            continue;
        }
        if let Some(id) = outlets.find_name(part) {
            outlet = outlet.or(Some(id));
            continue;
        }
        if !is_name(part) {
            return None;
        }
        authors.push(Author::new(part));
    }
    (!authors.is_empty()).then_some(Byline { authors, outlet })
}

fn split_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in s.split([',', ';', '&']) {
        let mut rest = chunk;
        while let Some(i) = rest.find(" and ") {
            out.push(&rest[..i]);
            rest = &rest[i + 5..];
        }
        out.push(rest.strip_prefix("and ").unwrap_or(rest));
    }
    out
}

/// "Jane Doe in Seoul" → "Jane Doe".
fn strip_place(part: &str) -> &str {
    match part.rfind(" in ") {
        Some(i) if part[i + 4..].starts_with(char::is_uppercase) => &part[..i],
        _ => part,
    }
}

fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .all(|w| ROLES.contains(&w.to_lowercase().trim_end_matches('s')) || ROLES.contains(&w.to_lowercase().as_str()))
}

/// A plausible personal name: 1–5 words, each capitalised (or a particle) in cased scripts; any
/// letters in scripts without case (Hangul, Han, Kana, Arabic…).
pub fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().count() > 50 {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let letters_ok = w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        let first = w.chars().next().unwrap_or(' ');
        let cased = first.is_uppercase() || first.is_lowercase();
        let capitalised = !cased || first.is_uppercase();
        letters_ok && (capitalised || (i > 0 && PARTICLES.contains(w)))
    }) && s.chars().any(char::is_alphabetic)
}

/// True when a name is written in Latin script (the form an English-language page uses).
pub fn is_latin(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Option<Vec<String>> {
        parse(line, &Outlets::builtin()).map(|b| b.authors.into_iter().map(|a| a.name.to_string()).collect())
    }

    fn outlet(line: &str) -> Option<String> {
        let t = Outlets::builtin();
        parse(line, &t).and_then(|b| b.outlet).map(|id| t.name(id).to_string())
    }

    #[test]
    fn single_and_multiple_authors() {
        assert_eq!(names("By Shin Hae-in"), Some(vec!["Shin Hae-in".into()]));
        assert_eq!(
            names("By Vladimir Soldatkin and Maria Vasilyeva"),
            Some(vec!["Vladimir Soldatkin".into(), "Maria Vasilyeva".into()])
        );
        assert_eq!(
            names("By Joyce Lee, Josh Smith and Hyonhee Shin"),
            Some(vec!["Joyce Lee".into(), "Josh Smith".into(), "Hyonhee Shin".into()])
        );
        assert_eq!(names("By Jane Doe & John Roe"), Some(vec!["Jane Doe".into(), "John Roe".into()]));
    }

    #[test]
    fn email_and_outlet_tails_are_cut() {
        assert_eq!(names("By Shin Hae-in ("), Some(vec!["Shin Hae-in".into()]));
        assert_eq!(names("By Shin Hae-in (hishin@heraldcorp.com)"), Some(vec!["Shin Hae-in".into()]));
        assert_eq!(names("By Jane Doe | The Korea Herald"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("By Jane Doe, Reuters"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("By Jane Doe, Staff Reporter"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("By Jane Doe in Seoul"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("By: Jane Doe"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("BY JANE DOE"), Some(vec!["JANE DOE".into()]));
    }

    #[test]
    fn the_outlet_beside_the_names_is_kept() {
        assert_eq!(outlet("By Frances Mao, BBC News").as_deref(), Some("BBC News"));
        assert_eq!(names("By Frances Mao, BBC News"), Some(vec!["Frances Mao".into()]));
        assert_eq!(outlet("By Jane Doe | The Korea Herald").as_deref(), Some("The Korea Herald"));
        assert_eq!(outlet("By Jane Doe for The Guardian").as_deref(), Some("The Guardian"));
        assert_eq!(outlet("By Jane Doe - Reuters").as_deref(), Some("Reuters"));
        assert_eq!(outlet("By Jane Doe (jane@example.com)"), None);
        assert_eq!(outlet("By Jane Doe (jane@example.com) | The Korea Herald").as_deref(), Some("The Korea Herald"));
        assert_eq!(outlet("By Jane Doe, Staff Reporter"), None);
        assert_eq!(outlet("By Jane Doe for Example Weekly"), None, "an outlet the table does not know is no evidence");
    }

    #[test]
    fn other_scripts_are_kept_intact() {
        assert_eq!(names("By 신혜인"), Some(vec!["신혜인".into()]));
        assert_eq!(names("By 김정은 and 박민수"), Some(vec!["김정은".into(), "박민수".into()]));
        assert_eq!(names("By Мария Васильева"), Some(vec!["Мария Васильева".into()]));
        assert_eq!(names("By Ursula von der Leyen"), Some(vec!["Ursula von der Leyen".into()]));
    }

    #[test]
    fn prose_and_credits_are_not_bylines() {
        assert_eq!(names("By the time Kim arrived, the train had left."), None);
        assert_eq!(names("(Additional reporting by Joyce Lee in SEOUL)"), None);
        assert_eq!(names("**Lee Jin-man**"), None);
        assert_eq!(names("By 2019, trade had collapsed"), None);
        assert_eq!(names("By Reuters"), None, "an agency alone names no author");
        assert_eq!(names("Bylines are hard"), None);
    }

    #[test]
    fn scripts() {
        assert!(is_latin("Shin Hae-in"));
        assert!(is_latin("José Álvarez"));
        assert!(!is_latin("신혜인"));
    }
}
