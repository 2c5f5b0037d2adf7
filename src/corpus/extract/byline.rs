//! Bylines: "By X", "By X and Y", "By X, Y and Z", "By X (email…", "By 신혜인", "Author: X |
//! Category: …"; desk bylines that name no person ("By Reuters Staff"); end credits
//! ("Reporting by A; Writing by B; Editing by C").
//!
//! A byline is accepted only when every part is a plausible personal name, so prose that starts
//! with "By the time…" is not a byline and photo credits in bold are never read as authors.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::article::Author;
use crate::corpus::outlets::{OutletId, Outlets};

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory|[Rr]eported) )?(?:By|BY|by|Von|VON|von|Por|POR|por|Par|PAR|par|Door|door|Av|От|Від)\s*:?\s+|(?:Authors?|AUTHORS?|Autor(?:in)?|Auteur|Autore|Reporter|Автор|Текст)\s*:\s*)(.+)$",
    )
    .expect("valid regex")
});

/// "Reporting by A and B; Writing by C; Editing by D": the parts of end credits, and whether
/// each names authors (reporting, writing) or not (editing, additional reporting, graphics).
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(additional reporting|reporting|writing|written|reported|editing|edited|compiled|graphics|photos?|production|produced|fact-checking)\s+by\s+")
        .expect("valid regex")
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
    "wire",
    "web",
    "online",
    "digital",
    "newsroom",
    "our",
    "special",
    "senior",
    "foreign",
    "international",
    // Newsroom and agency words in the outlets' languages are role words too: see NEWSROOMS.
];

/// Words for a newsroom or an agency that open a desk byline's name.
const NEWSROOMS: &[&str] = &[
    "redação",
    "redacción",
    "redaccion",
    "rédaction",
    "redaktion",
    "redazione",
    "redactie",
    "redakcja",
    "редакция",
    "редакція",
    "agência",
    "agencia",
    "agence",
    "agentur",
    "agenzia",
    "agency",
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
    let trimmed = line.trim();
    // LEAD is anchored and each of its words starts with one of these bytes (or is Cyrillic):
    // most lines fail here, before the regex builds its captures.
    if !trimmed.bytes().next().is_some_and(|b| b >= 0x80 || b"WwSsRrBbVvPpDdA".contains(&b)) {
        return None;
    }
    let caps = LEAD.captures(trimmed)?;
    let mut names = caps.get(1)?.as_str();
    let mut outlet = None;
    // "By Jane Doe jane.doe@example.com | Outlet": the address is no part of the name.
    let without_address;
    if let Some(at) = names.find('@') {
        let start = names[..at].rfind([' ', '(', '<', ',', '|']).map_or(0, |i| i + 1);
        let end = names[at..].find([' ', ')', '>', '|']).map_or(names.len(), |i| at + i);
        without_address = format!("{}{}", &names[..start], &names[end..]);
        names = &without_address;
    }
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
    let names = names.trim().trim_end_matches([',', ';', '.', ':', '|', '-']).trim();
    if names.is_empty() {
        return None;
    }
    let mut authors = Vec::new();
    let mut desk = false;
    for part in split_names(names) {
        let part = strip_place(part.trim());
        if part.is_empty() {
            continue;
        }
        if is_role(part) {
            desk = true;
            continue;
        }
        if let Some(id) = outlets.find_name(part).or_else(|| desk_of(part, outlets)) {
            outlet = outlet.or(Some(id));
            desk = true;
            continue;
        }
        // "Agência O Globo", "Redaktion Example": a newsroom or agency word, then its name.
        if part.split_whitespace().next().is_some_and(|w| NEWSROOMS.contains(&w.to_lowercase().as_str())) {
            desk = true;
            continue;
        }
        // A single cased word ("By Favor") is no one's full name.
        if !is_name(part) || (part.split_whitespace().count() == 1 && part.chars().any(char::is_uppercase)) {
            return None;
        }
        authors.push(Author::new(&title_case_caps(part)));
    }
    // "By Reuters Staff", "By Euronews": a desk or agency byline, which names no person.
    (!authors.is_empty() || desk).then_some(Byline { authors, outlet })
}

/// "Reuters Staff", "AFP Correspondent": an outlet's name followed by role words.
fn desk_of(part: &str, outlets: &Outlets) -> Option<OutletId> {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..words.len()).find_map(|k| {
        let rest = words[k..].join(" ");
        is_role(&rest).then(|| outlets.find_name(&words[..k].join(" "))).flatten()
    })
}

/// A line that is a desk byline on its own, without "By": "Reuters Staff", "Staff Reporter",
/// "Web Desk". Returns a byline that names no person.
pub fn desk_line(line: &str, outlets: &Outlets) -> Option<Byline> {
    if line.len() > 40 || !line.starts_with(char::is_uppercase) {
        return None;
    }
    let words = line.split_whitespace().count();
    if !(2..=4).contains(&words) || !line.split_whitespace().any(is_role_word) {
        return None;
    }
    // "AP News", "World News": a masthead or a section, not a desk.
    if outlets.find_name(line).is_some()
        || line.split_whitespace().all(|w| !is_role(w) || w.eq_ignore_ascii_case("news"))
    {
        return None;
    }
    if is_role(line) {
        return Some(Byline { authors: Vec::new(), outlet: None });
    }
    desk_of(line, outlets).map(|id| Byline { authors: Vec::new(), outlet: Some(id) })
}

/// The authors named by end credits ("Reporting by A and B; Writing by C; Editing by D"):
/// reporters and writers, never editors or additional reporters. None when the line is no
/// credits line or names no author.
pub fn credits(line: &str) -> Option<Vec<Author>> {
    // Credits start with their first role: a cheap test before the regex, since most lines
    // that reach here are paragraphs with "by " somewhere in them.
    let start = line.trim_start_matches(['(', '[', ' ']);
    let opens = ["Reporting", "Writing", "Written", "Reported", "Additional", "Editing", "Edited", "Compiled"]
        .iter()
        .any(|w| start.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)));
    if line.len() > 400 || !opens {
        return None;
    }
    let marks: Vec<(usize, usize, bool)> = CREDIT
        .captures_iter(line)
        .filter_map(|c| {
            let m = c.get(0)?;
            let role = c.get(1)?.as_str().to_lowercase();
            let authors = matches!(role.as_str(), "reporting" | "writing" | "written" | "reported");
            Some((m.start(), m.end(), authors))
        })
        .collect();
    // The line must be credits from its start: "(Reporting by …", not prose that mentions it.
    let first = marks.first()?;
    if !line[..first.0].trim_start_matches(['(', '[', ' ']).is_empty() {
        return None;
    }
    let mut authors = Vec::new();
    for (k, &(_, end, names)) in marks.iter().enumerate() {
        let stop = marks.get(k + 1).map_or(line.len(), |m| m.0);
        if !names {
            continue;
        }
        let text = line[end..stop].trim().trim_end_matches([';', '.', ')', ']', ',', ' ']);
        for part in split_names(text) {
            let part = strip_place(part.trim()).trim();
            if part.is_empty() {
                continue;
            }
            if !is_name(part) {
                return None;
            }
            authors.push(Author::new(&title_case_caps(part)));
        }
    }
    (!authors.is_empty()).then_some(authors)
}

/// A name written in capitals ("HYUNG-JIN KIM") in title case ("Hyung-Jin Kim"), each part
/// after a hyphen or apostrophe capitalised too, and "Mc" names as "McCurry". The page's
/// spelling is kept otherwise: only names with no lower-case letter change, since the page gives
/// no other evidence of how the person writes their name.
pub fn title_case_caps(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    let mut word = String::new();
    for c in name.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            word.push(c);
            start = false;
            // "MCCURRY" → "McCurry"
            if word == "MC" && out.ends_with("Mc") {
                start = true;
            }
        } else {
            out.push(c);
            word.clear();
            start = true;
        }
    }
    out
}

fn split_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in s.split([',', ';', '&']) {
        let mut rest = chunk;
        // "and" in the outlets' languages; a name with "y" in it ("Ortega y Gasset") is rare.
        const ANDS: [&str; 10] = [" and ", " AND ", " y ", " e ", " und ", " et ", " en ", " och ", " и ", " і "];
        while let Some((i, len)) = ANDS.iter().filter_map(|a| rest.find(a).map(|i| (i, a.len()))).min() {
            out.push(&rest[..i]);
            rest = &rest[i + len..];
        }
        out.push(rest.strip_prefix("and ").or_else(|| rest.strip_prefix("AND ")).unwrap_or(rest));
    }
    out
}

/// "Jane Doe in Seoul" → "Jane Doe"; "Jane Doe Staff Writer" → "Jane Doe".
fn strip_place(part: &str) -> &str {
    let part = match part.rfind(" in ") {
        Some(i) if part[i + 4..].starts_with(char::is_uppercase) => &part[..i],
        _ => part,
    };
    let mut end = part.len();
    while let Some(i) = part[..end].trim_end().rfind(' ') {
        let word = part[i + 1..end].trim();
        if word.is_empty() || !is_role(word) {
            break;
        }
        end = i;
    }
    part[..end].trim_end()
}

fn is_role(part: &str) -> bool {
    part.split_whitespace().all(is_role_word)
}

/// A role word, singular or plural ("reporter", "Reporters"), without allocating for the
/// ASCII words most lines are made of.
fn is_role_word(w: &str) -> bool {
    if w.is_ascii() {
        let singular = w.strip_suffix(['s', 'S']).unwrap_or(w);
        return ROLES.iter().chain(NEWSROOMS).any(|r| w.eq_ignore_ascii_case(r) || singular.eq_ignore_ascii_case(r));
    }
    let lower = w.to_lowercase();
    let singular = lower.trim_end_matches('s');
    ROLES.iter().chain(NEWSROOMS).any(|r| *r == lower || *r == singular)
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
        assert_eq!(names("BY JANE DOE"), Some(vec!["Jane Doe".into()]));
    }

    #[test]
    fn author_labels_addresses_and_lower_case() {
        assert_eq!(names("Author: Jane Doe | Category: World"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("Authors: Jane Doe, John Roe"), Some(vec!["Jane Doe".into(), "John Roe".into()]));
        assert_eq!(names("By Jane Doe jane.doe@example.com"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("By Jane Doe, jane.doe@example.com"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("by Jane Doe"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("By Justin Roe in Portville"), Some(vec!["Justin Roe".into()]));
        assert_eq!(names("By Jane Doe Staff Writer"), Some(vec!["Jane Doe".into()]));
        // "By" in the outlets' languages.
        assert_eq!(names("Von Jane Doe"), Some(vec!["Jane Doe".into()]));
        assert_eq!(names("Por Juana Pérez y Juan Roe"), Some(vec!["Juana Pérez".into(), "Juan Roe".into()]));
        assert_eq!(names("Por Juana Pérez"), Some(vec!["Juana Pérez".into()]));
        assert_eq!(names("Par Jeanne Doe"), Some(vec!["Jeanne Doe".into()]));
        assert_eq!(names("Автор: Мария Иванова"), Some(vec!["Мария Иванова".into()]));
        assert_eq!(names("Par ailleurs, le ministre a parlé"), None);
        assert_eq!(names("POR FAVOR, VUELVA A INTENTARLO"), None, "a lone cased word is no full name");
        assert_eq!(names("Por Redação"), Some(vec![]), "a newsroom names no person");
        assert_eq!(names("Por Agência Exemplo"), Some(vec![]), "an agency names no person");
    }

    #[test]
    fn capitals_become_title_case() {
        assert_eq!(names("By HYUNG-JIN ROE"), Some(vec!["Hyung-Jin Roe".into()]));
        assert_eq!(names("BY MARY O'ROE AND JOHN MCDOE"), Some(vec!["Mary O'Roe".into(), "John McDoe".into()]));
        assert_eq!(title_case_caps("Jane DOE"), "Jane DOE", "mixed case is the page's own spelling");
    }

    #[test]
    fn desk_and_agency_bylines_name_no_person() {
        let t = Outlets::builtin();
        for line in ["By Reuters Staff", "By Euronews", "By Staff Reporter", "By AFP", "By Web Desk"] {
            let b = parse(line, &t).unwrap_or_else(|| panic!("{line} is a byline"));
            assert!(b.authors.is_empty(), "{line}: {:?}", b.authors);
        }
        assert_eq!(parse("By Reuters Staff", &t).unwrap().outlet, t.find("Reuters"));
        assert_eq!(desk_line("Reuters Staff", &t), Some(Byline { authors: vec![], outlet: t.find("Reuters") }));
        assert_eq!(desk_line("Staff Reporter", &t), Some(Byline { authors: vec![], outlet: None }));
        assert_eq!(desk_line("Ministers agree on treaty", &t), None);
    }

    #[test]
    fn end_credits_name_reporters_and_writers_only() {
        let n = |line: &str| credits(line).map(|a| a.into_iter().map(|a| a.name.to_string()).collect::<Vec<_>>());
        assert_eq!(
            n("(Reporting by Jane Doe in Portville and John Roe; Writing by Ann Poe; Editing by Max Moe)"),
            Some(vec!["Jane Doe".into(), "John Roe".into(), "Ann Poe".into()])
        );
        assert_eq!(n("Reporting by Jane Doe; Editing by Max Moe and Ann Poe"), Some(vec!["Jane Doe".into()]));
        assert_eq!(n("(Additional reporting by Jane Doe; Editing by Max Moe)"), None);
        assert_eq!(n("The minister said reporting by Jane Doe was wrong."), None);
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
        assert_eq!(names("By Reuters"), Some(vec![]), "an agency alone names no author");
        assert_eq!(names("Bylines are hard"), None);
    }

    #[test]
    fn scripts() {
        assert!(is_latin("Shin Hae-in"));
        assert!(is_latin("José Álvarez"));
        assert!(!is_latin("신혜인"));
    }
}
