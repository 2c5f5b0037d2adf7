//! Publication dates: the [`Published`] type and a parser for the date phrases of web pages.
//!
//! Pages write dates in a dozen ways ("June 28, 2011 - 20:32", "22 Apr, 2019 21:44",
//! "Monday, 25th March 2019", "2019-04-23T10:15:00+03:00", "23/04/2019", "Updated April 25,
//! 2019"). The parser tokenises a phrase into words, numbers and symbols and matches a few
//! grammars over the tokens; jiff validates the calendar (days in month, weekday names).
//!
//! Outlets write in their own languages, so month and weekday names, labels and the orders of
//! the numbers come in German, French, Spanish, Italian, Dutch, Portuguese and Russian words
//! ("5. März 2019", "5 de marzo de 2019", "Опубликовано 5 марта 2019") and in the Korean,
//! Japanese and Chinese year–month–day forms ("2019년 3월 5일", "2019年3月5日").
//!
//! Two entry points: [`parse_line`] accepts a line that is a date and nothing else (with an
//! optional label such as "Published :"), and [`find_in_prose`] finds dates inside sentences.

use std::fmt;

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::Offset;

/// When an article was published: a calendar date and, when the page gave one, a time of day
/// in the outlet's own clock, with the clock's UTC offset when the page named it ("+03:00",
/// "KST"); none is invented.
///
/// Equality and order are by the local date and time only: an offset is extra information, and
/// adding it must not move an article on a timeline.
#[derive(Debug, Clone, Copy)]
pub struct Published {
    pub date: Date,
    pub time: Option<Time>,
    /// The UTC offset of `time`, when the page gave a zone or an offset.
    pub offset: Option<Offset>,
}

impl PartialEq for Published {
    fn eq(&self, other: &Self) -> bool {
        (self.date, self.time) == (other.date, other.time)
    }
}

impl Eq for Published {}

impl std::hash::Hash for Published {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.date, self.time).hash(state);
    }
}

impl PartialOrd for Published {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Published {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.date, self.time).cmp(&(other.date, other.time))
    }
}

impl Published {
    pub fn day(date: Date) -> Self {
        Published { date, time: None, offset: None }
    }

    /// The offset as `+03:00` / `-05:00` / `+00:00`, when known.
    pub fn offset_text(&self) -> Option<String> {
        self.offset.map(|o| {
            let s = o.seconds();
            let sign = if s < 0 { '-' } else { '+' };
            let m = s.unsigned_abs() / 60;
            format!("{sign}{:02}:{:02}", m / 60, m % 60)
        })
    }

    /// Parses the ISO forms newsdesk writes: `2011-06-28T20:32` or `2011-06-29`; seconds are
    /// accepted, and a trailing offset (`+03:00`, `Z`) is kept.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let toks = tokenize(s.trim());
        let (m, used) = match_date(&toks, 0, DayMonthOrder::DayFirst)?;
        if !matches!(m.form, Form::Iso) {
            return None;
        }
        let (time, used) = match_time(&toks, used);
        let rest = &toks[used..];
        if !rest.iter().all(|t| is_zone_token(t)) {
            return None;
        }
        let offset = time.and_then(|_| zone_offset(rest));
        Some(Published { date: m.date, time, offset })
    }
}

impl Published {
    /// For people: `2011-06-28 20:32`, `2011-06-29`.
    pub fn human(&self) -> String {
        match self.time {
            Some(t) => format!("{} {:02}:{:02}", self.date, t.hour(), t.minute()),
            None => self.date.to_string(),
        }
    }
}

impl fmt::Display for Published {
    /// ISO 8601: `2011-06-28T20:32` with a time, `2011-06-29` without.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}", t.hour(), t.minute())?;
        }
        Ok(())
    }
}

/// How a numeric date with two small numbers (`04/05/2019`) is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonthOrder {
    /// 04/05/2019 is 4 May: most of the world, and always with dots.
    DayFirst,
    /// 04/05/2019 is April 5: the US style, chosen only when the same file shows it.
    MonthFirst,
}

/// A label in front of a date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "Published", "Posted", "First published", "Date", "Created".
    Published,
    /// "Updated", "Last updated", "Modified".
    Updated,
}

/// A date line: the date, its label if any, and what else it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub published: Published,
    pub label: Option<Label>,
    /// The line began with a weekday name ("Monday, 25th March 2019"), the style of page-header
    /// "today" dates and of some outlets' datelines.
    pub weekday: bool,
    /// The numbers could be read either way (04/05/2019); `order` was used.
    pub ambiguous: bool,
}

/// A date found inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseDate {
    pub date: Date,
    /// Byte range of the date phrase in the text.
    pub span: std::ops::Range<usize>,
}

/// Reads a line that is a date and nothing more: an optional label ("Published :", "Updated"),
/// an optional weekday, the date, an optional time ("- 20:32", "21:44", "8:30 pm", "T10:15:00Z")
/// and an optional zone ("KST", "GMT+3"). Anything else on the line means it is not a date line.
pub fn parse_line(line: &str, order: DayMonthOrder) -> Option<DateLine> {
    let line = line.trim();
    if line.is_empty() || line.len() > 80 {
        return None;
    }
    let (label, rest) = strip_label(line);
    let toks = tokenize(rest);
    let mut i = if label.is_none() && line.len() <= 50 { section_words(&toks) } else { 0 };
    let mut weekday = skip_weekday(&toks, &mut i);
    // A time may come first: "4:17 PM GMT+9, September 13, 2023" (the AP's style).
    let (mut lead, after) = match_time(&toks, i);
    let mut date = None;
    let mut lead_zone = None;
    if lead.is_some() {
        let mut k = skip_zone(&toks, after);
        lead_zone = zone_offset(&toks[after..k]);
        let day = skip_weekday(&toks, &mut k);
        date = match_date(&toks, k, order);
        if date.is_some() {
            weekday = weekday.or(day);
        }
    }
    // "23.04.2019" also starts like a time: without a date after it, it was none.
    if date.is_none() {
        lead = None;
        date = match_date(&toks, i, order);
    }
    let (m, used) = date?;
    if let Some(w) = weekday
        && m.date.weekday() != w
    {
        return None;
    }
    let used = skip_date_tail(&toks, used);
    let (trailing, mut used) = if lead.is_some() { (None, used) } else { match_time(&toks, used) };
    let time = lead.or(trailing);
    let zone_from = used;
    // A second, labelled date after a bar: "Published : June 28, 2011 | Updated : June 29, 2011",
    // or after a comma or nothing: "26/12/2020 à 21:00, mis à jour à 21:00",
    // "08/03/2020 15h30 Atualizado 2020-03-08T18:30".
    let mut zone_to = toks.len();
    if matches!(toks.get(used), Some(Tok::Sym('|' | '·' | '•'))) || second_label_at(&toks, used) {
        zone_to = used;
        used = toks.len();
    }
    if !toks[used..].iter().all(is_zone_token) {
        return None;
    }
    let offset = time.and_then(|_| lead_zone.or_else(|| zone_offset(&toks[zone_from..zone_to])));
    Some(DateLine {
        published: Published { date: m.date, time, offset },
        label,
        weekday: weekday.is_some(),
        ambiguous: m.ambiguous,
    })
}

/// Finds complete dates (day, month and four-digit year) inside running text.
pub fn find_in_prose(text: &str) -> Vec<ProseDate> {
    let toks = tokenize_spanned(text);
    let plain: Vec<Tok<'_>> = toks.iter().map(|(t, _)| *t).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < plain.len() {
        if let Some((m, used)) = match_date(&plain, i, DayMonthOrder::DayFirst) {
            if !m.ambiguous {
                found.push(ProseDate { date: m.date, span: toks[i].1.start..toks[used - 1].1.end });
            }
            i = used;
        } else {
            i += 1;
        }
    }
    found
}

/// Whether a numeric date in this text proves the month-first (US) order: a slash date whose
/// second number is above 12 (04/23/2019).
pub fn shows_month_first(text: &str) -> bool {
    // Only the neighbourhood of each slash matters; tokenising whole pages was most of the
    // extractor's time.
    let b = text.as_bytes();
    memchr_slashes(b).any(|i| {
        let start = text.floor_char_boundary(i.saturating_sub(3));
        let end = text.ceil_char_boundary((i + 9).min(text.len()));
        let toks = tokenize(&text[start..end]);
        toks.windows(5).any(|w| {
            matches!(
                w,
                [Tok::Num(a), Tok::Sym('/'), Tok::Num(b), Tok::Sym('/'), Tok::Num(y)]
                    if a.digits <= 2 && b.digits <= 2 && y.digits == 4 && a.value <= 12 && b.value > 12
            )
        })
    })
}

/// Offsets of '/' that sit between digits (`4/23`), the only slashes a numeric date has.
fn memchr_slashes(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    b.iter().enumerate().filter_map(move |(i, &c)| {
        (c == b'/' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)).then_some(i)
    })
}

// ---- tokens -------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Number {
    value: u32,
    digits: u8,
    /// Written with an ordinal suffix: 25th, 1st.
    ordinal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Word(&'a str),
    Num(Number),
    Sym(char),
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    tokenize_spanned(s).into_iter().map(|(t, _)| t).collect()
}

fn tokenize_spanned(s: &str) -> Vec<(Tok<'_>, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        let start = i;
        if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &s[start..i];
            let mut ordinal = false;
            if let Some(suffix) = s.get(i..i + 2) {
                let lower = suffix.to_ascii_lowercase();
                let next_is_letter = s[i + 2..].chars().next().is_some_and(char::is_alphabetic);
                if matches!(lower.as_str(), "st" | "nd" | "rd" | "th") && !next_is_letter {
                    ordinal = true;
                    i += 2;
                }
            }
            let value = if digits.len() <= 9 { digits.parse().unwrap_or(u32::MAX) } else { u32::MAX };
            let digits = digits.len().min(255) as u8;
            out.push((Tok::Num(Number { value, digits, ordinal }), start..i));
        } else if is_cjk_unit(c) {
            // "2019年3月5日发布": each unit stands alone, whatever follows it.
            i += c.len_utf8();
            out.push((Tok::Word(&s[start..i]), start..i));
        } else if c.is_alphabetic() {
            while i < s.len() {
                let ch = s[i..].chars().next().unwrap_or(' ');
                if !ch.is_alphabetic() || is_cjk_unit(ch) {
                    break;
                }
                i += ch.len_utf8();
            }
            out.push((Tok::Word(&s[start..i]), start..i));
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            i += c.len_utf8();
            out.push((Tok::Sym(c), start..i));
        }
    }
    out
}

/// The year, month and day units of Korean, Japanese and Chinese dates, and the one-character
/// weekdays written in parentheses after them ("(화)", "(火)").
fn is_cjk_unit(c: char) -> bool {
    matches!(
        c,
        '年' | '月'
            | '日'
            | '년'
            | '월'
            | '일'
            | '火'
            | '水'
            | '木'
            | '金'
            | '土'
            | '화'
            | '수'
            | '목'
            | '금'
            | '토'
    )
}

// ---- grammar ------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// 2019-04-23
    Iso,
    /// 23/04/2019, 23.04.2019
    Numeric,
    /// June 28, 2011; 25th March 2019
    Words,
}

#[derive(Debug, Clone, Copy)]
struct Matched {
    date: Date,
    form: Form,
    /// Read day-first without proof: 04/05/2019 with no month-first date in the file.
    ambiguous: bool,
}

/// Tries every date grammar at token `i`; returns the date and the index after it.
fn match_date(t: &[Tok<'_>], i: usize, order: DayMonthOrder) -> Option<(Matched, usize)> {
    let num = |k: usize| match t.get(k) {
        Some(Tok::Num(n)) => Some(*n),
        _ => None,
    };
    let sym = |k: usize| match t.get(k) {
        Some(Tok::Sym(c)) => Some(*c),
        _ => None,
    };
    let word_month = |k: usize| match t.get(k) {
        Some(Tok::Word(w)) => month_from_name(w),
        _ => None,
    };
    let year = |n: Number| (n.digits == 4 && (1900..=2100).contains(&n.value)).then_some(n.value);
    let small = |n: Number| n.digits <= 2 && !n.ordinal;
    let plain = |date, form, ambiguous| Matched { date, form, ambiguous };

    // 2019-04-23, 2019/04/23, 2019.04.23
    if let (Some(y), Some(s1), Some(m), Some(s2), Some(d)) = (num(i), sym(i + 1), num(i + 2), sym(i + 3), num(i + 4))
        && let Some(y) = year(y)
        && s1 == s2
        && matches!(s1, '-' | '/' | '.')
        && small(m)
        && small(d)
    {
        let date = make_date(y, m.value, d.value)?;
        return Some((plain(date, Form::Iso, false), i + 5));
    }
    // 23/04/2019, 04/23/2019, 23.04.2019, 23-04-2019
    if let (Some(a), Some(s1), Some(b), Some(s2), Some(y)) = (num(i), sym(i + 1), num(i + 2), sym(i + 3), num(i + 4))
        && let Some(y) = year(y)
        && s1 == s2
        && matches!(s1, '/' | '.' | '-')
        && small(a)
        && small(b)
    {
        let (a, b) = (a.value, b.value);
        // Ambiguous only when read day-first without proof; month-first is chosen only on the
        // file's own evidence.
        let ambiguous = a <= 12 && b <= 12 && a != b && s1 != '.' && order == DayMonthOrder::DayFirst;
        let month_first = if a > 12 {
            false
        } else if b > 12 {
            // Dots are always day-first; 04.23.2019 is not a date.
            if s1 == '.' {
                return None;
            }
            true
        } else {
            s1 != '.' && order == DayMonthOrder::MonthFirst
        };
        let (m, d) = if month_first { (a, b) } else { (b, a) };
        let date = make_date(y, m, d)?;
        return Some((plain(date, Form::Numeric, ambiguous), i + 5));
    }
    // 2019년 3월 5일, 2019年3月5日
    let unit = |k: usize, units: [&str; 2]| matches!(t.get(k), Some(Tok::Word(w)) if units.contains(w));
    if let (Some(y), Some(m), Some(d)) = (num(i), num(i + 2), num(i + 4))
        && let Some(y) = year(y)
        && unit(i + 1, ["년", "年"])
        && unit(i + 3, ["월", "月"])
        && unit(i + 5, ["일", "日"])
        && small(m)
        && small(d)
    {
        let date = make_date(y, m.value, d.value)?;
        return Some((plain(date, Form::Words, false), i + 6));
    }
    // June 28, 2011 / Jun. 28 2011 / June 28th, 2011
    if let Some(m) = word_month(i) {
        let mut k = i + 1;
        if sym(k) == Some('.') {
            k += 1;
        }
        if let Some(d) = num(k).filter(|d| d.digits <= 2) {
            k += 1;
            if sym(k) == Some(',') {
                k += 1;
            }
            if let Some(y) = num(k).and_then(year) {
                let date = make_date(y, m, d.value)?;
                return Some((plain(date, Form::Words, false), k + 1));
            }
        }
    }
    // 28 June 2011 / 22 Apr, 2019 / 25th March 2019 / 25th of March, 2019 / 5. März 2019 /
    // 5 de marzo de 2019 / 5 марта 2019
    if let Some(d) = num(i).filter(|d| d.digits <= 2) {
        let mut k = i + 1;
        if sym(k) == Some('.') && !d.ordinal {
            k += 1;
        }
        if matches!(t.get(k), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("of") || *w == "de") {
            k += 1;
        }
        if let Some(m) = word_month(k) {
            k += 1;
            if matches!(sym(k), Some(',' | '.')) {
                k += 1;
            }
            if matches!(t.get(k), Some(Tok::Word("de" | "del"))) {
                k += 1;
            }
            if let Some(y) = num(k).and_then(year) {
                let date = make_date(y, m, d.value)?;
                return Some((plain(date, Form::Words, false), k + 1));
            }
        }
    }
    None
}

/// An optional time after a date: separators, then `20:32`, `20:32:05`, `8:30 pm`, `8.30pm`,
/// `T10:15:00.123`. Returns the time and the index after it (or `i` unchanged).
fn match_time(t: &[Tok<'_>], i: usize) -> (Option<Time>, usize) {
    let mut k = i;
    while let Some(tok) = t.get(k) {
        match tok {
            Tok::Sym(',' | '-' | '–' | '—' | '|' | '•' | '·' | '@' | '/') => k += 1,
            Tok::Word(w) if w.eq_ignore_ascii_case("at") || *w == "T" || TIME_WORDS.contains(w) => k += 1,
            _ => break,
        }
    }
    // "10h15": the French hour mark stands for the colon.
    let sep = match t.get(k + 1) {
        Some(Tok::Sym(c)) => *c,
        Some(Tok::Word("h")) => ':',
        _ => return (None, i),
    };
    let (Some(Tok::Num(h)), Some(Tok::Num(m))) = (t.get(k), t.get(k + 2)) else {
        return (None, i);
    };
    let sep = &sep;
    if h.digits > 2 || m.digits != 2 || !matches!(sep, ':' | '.') {
        return (None, i);
    }
    let mut end = k + 3;
    let mut second = 0;
    if let (Some(Tok::Sym(':')), Some(Tok::Num(s))) = (t.get(end), t.get(end + 1))
        && s.digits == 2
    {
        second = s.value;
        end += 2;
        // Fractional seconds: .123
        if let (Some(Tok::Sym('.')), Some(Tok::Num(_))) = (t.get(end), t.get(end + 1)) {
            end += 2;
        }
    }
    let mut hour = h.value;
    let meridiem = meridiem_at(t, end);
    if let Some((pm, used)) = meridiem {
        if !(1..=12).contains(&hour) {
            return (None, i);
        }
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        end = used;
    } else if *sep == '.' && h.digits < 2 && !matches!(t.get(end), Some(w @ Tok::Word(_)) if is_zone_token(w)) {
        // "8.30" alone is too likely a decimal number; "03.15" and "8.30 BST" are times (the
        // Guardian's style).
        return (None, i);
    }
    match Time::new(hour as i8, m.value as i8, second as i8, 0) {
        Ok(time) => (Some(time), end),
        Err(_) => (None, i),
    }
}

/// Words between a date and its time in the outlets' languages: "um 10:15", "à 10h15", "a las
/// 10:15", "alle 10:15", "om 10:15", "в 10:15", "kl. 10:15".
const TIME_WORDS: &[&str] = &["um", "à", "a", "las", "alle", "ore", "om", "в", "kl", "às", "le"];

/// `am`, `pm`, `a.m.`, `p.m.` at `k`: (is pm, index after).
fn meridiem_at(t: &[Tok<'_>], k: usize) -> Option<(bool, usize)> {
    match t.get(k) {
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("am") => Some((false, k + 1)),
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("pm") => Some((true, k + 1)),
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p") => {
            let pm = w.eq_ignore_ascii_case("p");
            match (t.get(k + 1), t.get(k + 2), t.get(k + 3)) {
                (Some(Tok::Sym('.')), Some(Tok::Word(m)), Some(Tok::Sym('.'))) if m.eq_ignore_ascii_case("m") => {
                    Some((pm, k + 4))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Time-zone words and offsets that may trail a date line: `KST`, `GMT`, `UTC+3`, `+03:00`, `Z`,
/// `(MSK)`.
fn is_zone_token(t: &Tok<'_>) -> bool {
    match t {
        Tok::Word(w) => {
            (w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()))
                || w.eq_ignore_ascii_case("local")
                || w.eq_ignore_ascii_case("uhr")
                || matches!(*w, "h" | "ч" | "Hs" | "hs")
                || w.chars().next().is_some_and(is_cjk_unit)
        }
        Tok::Num(n) => n.digits <= 4,
        Tok::Sym(c) => matches!(c, '+' | '-' | ':' | '(' | ')' | '−'),
    }
}

/// Whether an "updated" or "published" label starts at token `i` (after a comma or dash).
fn second_label_at(t: &[Tok<'_>], mut i: usize) -> bool {
    while matches!(t.get(i), Some(Tok::Sym(',' | '-' | '–' | '—' | '/'))) {
        i += 1;
    }
    let Some(Tok::Word(w)) = t.get(i) else { return false };
    // The label's first word is enough: the rest of the line is the other date.
    let lower = w.to_lowercase();
    matches!(
        lower.as_str(),
        "updated"
            | "modified"
            | "mis"
            | "aktualisiert"
            | "actualizado"
            | "actualizada"
            | "atualizado"
            | "atualizada"
            | "aggiornato"
            | "bijgewerkt"
            | "uppdaterad"
            | "uppdaterat"
            | "aktualizacja"
            | "обновлено"
            | "оновлено"
            | "수정"
            | "更新"
            | "published"
            | "publié"
            | "publicado"
            | "veröffentlicht"
    )
}

/// Zone abbreviations that name one offset wherever they are used. Ambiguous ones (CST, IST)
/// are left out: a wrong offset is worse than none.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("BST", 60),
    ("CET", 60),
    ("MEZ", 60),
    ("CEST", 120),
    ("MESZ", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("KST", 540),
    ("JST", 540),
    ("HKT", 480),
    ("SGT", 480),
    ("AEST", 600),
    ("AEDT", 660),
    ("EST", -300),
    ("EDT", -240),
    ("PST", -480),
    ("PDT", -420),
];

/// The UTC offset named by the zone tokens around a time: `KST`, `(MSK)`, `GMT+9`, `UTC-05:30`,
/// `+03:00`, `+0300`, `Z`. None when the tokens name no zone this table knows.
fn zone_offset(t: &[Tok<'_>]) -> Option<Offset> {
    let mut i = 0;
    while i < t.len() {
        let mut base = None;
        let mut k = i;
        if let Tok::Word(w) = t[k] {
            base = ZONES.iter().find(|(name, _)| *name == w).map(|(_, m)| *m);
            if base.is_some() {
                k += 1;
            }
        }
        // A numeric offset after GMT/UTC or on its own.
        if matches!(base, None | Some(0))
            && let Some(Tok::Sym(sign @ ('+' | '-' | '−'))) = t.get(k)
            && let Some(Tok::Num(h)) = t.get(k + 1)
        {
            let (hours, mut minutes) = match h.digits {
                1 | 2 => (h.value, 0),
                4 => (h.value / 100, h.value % 100),
                _ => (u32::MAX, 0),
            };
            if let (Some(Tok::Sym(':')), Some(Tok::Num(m))) = (t.get(k + 2), t.get(k + 3))
                && h.digits <= 2
                && m.digits == 2
            {
                minutes = m.value;
            }
            if hours <= 14 && minutes < 60 {
                let total = (hours * 60 + minutes) as i32;
                let total = if *sign == '+' { total } else { -total };
                return Offset::from_seconds(total * 60).ok();
            }
        }
        if let Some(m) = base {
            return Offset::from_seconds(m * 60).ok();
        }
        i += 1;
    }
    None
}

/// The index after what may follow a date before its time: Russian "г." and "года", a CJK
/// weekday in parentheses. (Words before a time are [`TIME_WORDS`]; "Uhr" after it counts as a
/// zone word.)
fn skip_date_tail(t: &[Tok<'_>], mut i: usize) -> usize {
    if matches!(t.get(i), Some(Tok::Word("г" | "года"))) {
        i += 1;
        if matches!(t.get(i), Some(Tok::Sym('.'))) {
            i += 1;
        }
    }
    // "2019.03.05 (화) 10:15": a one-character weekday in parentheses.
    if let (Some(Tok::Sym('(')), Some(Tok::Word(w)), Some(Tok::Sym(')'))) = (t.get(i), t.get(i + 1), t.get(i + 2))
        && w.chars().next().is_some_and(is_cjk_unit)
        && w.chars().count() == 1
    {
        i += 3;
    }
    i
}

/// How many tokens a short section name in front of a date's numbers takes: Yonhap's
/// "All News 18:05 April 24, 2019". One or two capitalised words that are not month or weekday
/// names, then a number; anything else is no section name (0).
fn section_words(t: &[Tok<'_>]) -> usize {
    let named = |w: &str| month_from_name(w).is_some() || weekday_from_name(w).is_some();
    let k = t
        .iter()
        .take(3)
        .take_while(|tok| matches!(tok, Tok::Word(w) if w.starts_with(char::is_uppercase) && !named(w)))
        .count();
    if (1..=2).contains(&k) && matches!(t.get(k), Some(Tok::Num(_))) { k } else { 0 }
}

/// The index after a time zone and separators between a leading time and its date: `GMT+9,`,
/// `(KST) |`, `+09:00 -`. A number counts only as part of an offset, never as the day that follows.
fn skip_zone(t: &[Tok<'_>], mut i: usize) -> usize {
    let mut offset = false;
    while let Some(tok) = t.get(i) {
        match tok {
            Tok::Sym('+' | '−') => offset = true,
            // "GMT-5" is an offset; "09:15 - 2019-04-23" a separator.
            Tok::Sym('-') if i > 0 && matches!(t.get(i - 1), Some(Tok::Word(_))) => offset = true,
            Tok::Sym(':') if offset => {}
            Tok::Num(n) if offset && n.digits <= 4 => {}
            Tok::Sym(',' | '|' | '·' | '•' | '-' | '–' | '(' | ')') => offset = false,
            Tok::Word(_) if is_zone_token(tok) => offset = false,
            _ => break,
        }
        i += 1;
    }
    i
}

fn skip_weekday(t: &[Tok<'_>], i: &mut usize) -> Option<Weekday> {
    let Some(Tok::Word(w)) = t.get(*i) else { return None };
    let day = weekday_from_name(w)?;
    *i += 1;
    if matches!(t.get(*i), Some(Tok::Sym(',' | '.'))) {
        *i += 1;
    }
    Some(day)
}

fn strip_label(line: &str) -> (Option<Label>, &str) {
    const LABELS: &[(&str, Label)] = &[
        ("first published on", Label::Published),
        ("first published", Label::Published),
        ("published on", Label::Published),
        ("publication date", Label::Published),
        ("published", Label::Published),
        ("posted on", Label::Published),
        ("posted", Label::Published),
        ("created", Label::Published),
        ("date", Label::Published),
        ("last updated on", Label::Updated),
        ("last updated", Label::Updated),
        ("last modified", Label::Updated),
        ("updated on", Label::Updated),
        ("updated", Label::Updated),
        ("modified", Label::Updated),
        ("publish date", Label::Published),
        ("publish", Label::Published),
        ("veröffentlicht", Label::Published),
        ("publicerad", Label::Published),
        ("publicerat", Label::Published),
        ("opublikowano", Label::Published),
        ("publikováno", Label::Published),
        ("yayınlanma", Label::Published),
        ("опубліковано", Label::Published),
        ("diterbitkan", Label::Published),
        ("dipublikasikan", Label::Published),
        ("erschienen", Label::Published),
        ("publié", Label::Published),
        ("publie", Label::Published),
        ("publicado", Label::Published),
        ("publicada", Label::Published),
        ("pubblicato", Label::Published),
        ("gepubliceerd", Label::Published),
        ("опубликовано", Label::Published),
        ("기사입력", Label::Published),
        ("입력", Label::Published),
        ("등록", Label::Published),
        ("発表", Label::Published),
        ("公開", Label::Published),
        ("配信", Label::Published),
        ("发布时间", Label::Published),
        ("发布", Label::Published),
        ("發布", Label::Published),
        ("aktualisiert", Label::Updated),
        ("atualizado", Label::Updated),
        ("atualizada", Label::Updated),
        ("uppdaterad", Label::Updated),
        ("uppdaterat", Label::Updated),
        ("aktualizacja", Label::Updated),
        ("aktualizováno", Label::Updated),
        ("güncelleme", Label::Updated),
        ("оновлено", Label::Updated),
        ("diperbarui", Label::Updated),
        ("mis à jour", Label::Updated),
        ("mis a jour", Label::Updated),
        ("actualizado", Label::Updated),
        ("actualizada", Label::Updated),
        ("aggiornato", Label::Updated),
        ("bijgewerkt", Label::Updated),
        ("обновлено", Label::Updated),
        ("기사수정", Label::Updated),
        ("수정", Label::Updated),
        ("更新时间", Label::Updated),
        ("更新", Label::Updated),
    ];
    // The preposition between a label and its date: "Publié le", "Veröffentlicht am",
    // "Publicado el", "Pubblicato il", "Gepubliceerd op".
    const JOINERS: &[&str] = &["on ", "le ", "am ", "el ", "il ", "op ", "em ", "en "];
    // Most lines start with no label: compare first bytes before whole words.
    let first = line.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    for (word, label) in LABELS {
        if word.as_bytes()[0] != first {
            continue;
        }
        if let Some(head) = line.get(..word.len())
            && (head.eq_ignore_ascii_case(word) || (!head.is_ascii() && head.to_lowercase() == *word))
        {
            let rest = &line[word.len()..];
            // A CJK label runs into its date ("发布2019年…"); a Latin one is a whole word.
            let cjk = !word.starts_with(|c: char| c.is_ascii() || ('\u{c0}'..='\u{4ff}').contains(&c));
            if !cjk && rest.starts_with(char::is_alphanumeric) {
                continue;
            }
            let rest = rest.trim_start().trim_start_matches([':', '-', '–', '：']).trim_start();
            let rest = JOINERS.iter().find_map(|j| rest.strip_prefix(j)).unwrap_or(rest);
            return (Some(*label), rest);
        }
    }
    (None, line)
}

fn make_date(y: u32, m: u32, d: u32) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Month from an English name or abbreviation: "June", "Jun", "Sept".
pub fn month_from_name(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 || w.len() > 20 {
        return None;
    }
    if w.is_ascii() {
        let lower = w.to_ascii_lowercase();
        if lower == "sept" {
            return Some(9);
        }
        if let Some(p) = MONTHS.iter().position(|m| *m == lower || (lower.len() == 3 && m.starts_with(&lower))) {
            return Some(p as u32 + 1);
        }
        return FOREIGN_MONTH_INDEX.get(lower.as_str()).copied();
    }
    FOREIGN_MONTH_INDEX.get(w.to_lowercase().as_str()).copied()
}

/// [`FOREIGN_MONTHS`] by name: every word of a page passes here once, so no linear scan.
static FOREIGN_MONTH_INDEX: std::sync::LazyLock<foldhash::HashMap<&'static str, u32>> =
    std::sync::LazyLock::new(|| FOREIGN_MONTHS.iter().copied().collect());

/// [`FOREIGN_WEEKDAYS`] by name.
static FOREIGN_WEEKDAY_INDEX: std::sync::LazyLock<foldhash::HashMap<&'static str, Weekday>> =
    std::sync::LazyLock::new(|| FOREIGN_WEEKDAYS.iter().copied().collect());

/// Month names and their usual abbreviations in the outlets' other languages (German, French,
/// Spanish, Italian, Dutch, Portuguese, Swedish, Indonesian, Turkish; Russian, Ukrainian,
/// Polish and Czech in the genitive that dates use). English three-letter prefixes are matched
/// above.
const FOREIGN_MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("januari", 1),
    ("janeiro", 1),
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("märz", 3),
    ("mär", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("mrt", 3),
    ("março", 3),
    ("marco", 3),
    ("марта", 3),
    ("март", 3),
    ("мар", 3),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("mei", 5),
    ("maio", 5),
    ("мая", 5),
    ("май", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("сент", 9),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("december", 12),
    ("dezembro", 12),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    // Swedish, Indonesian (beyond the forms above).
    ("maj", 5),
    ("augusti", 8),
    ("maret", 3),
    ("agustus", 8),
    ("desember", 12),
    // Polish (genitive).
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Czech (genitive).
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Turkish.
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    // Ukrainian (genitive).
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
];

/// Weekday names in the outlets' other languages (full words only: two-letter abbreviations
/// are too often other words).
const FOREIGN_WEEKDAYS: &[(&str, Weekday)] = &[
    ("montag", Weekday::Monday),
    ("lundi", Weekday::Monday),
    ("lunes", Weekday::Monday),
    ("lunedì", Weekday::Monday),
    ("lunedi", Weekday::Monday),
    ("maandag", Weekday::Monday),
    ("понедельник", Weekday::Monday),
    ("dienstag", Weekday::Tuesday),
    ("mardi", Weekday::Tuesday),
    ("martes", Weekday::Tuesday),
    ("martedì", Weekday::Tuesday),
    ("martedi", Weekday::Tuesday),
    ("dinsdag", Weekday::Tuesday),
    ("вторник", Weekday::Tuesday),
    ("mittwoch", Weekday::Wednesday),
    ("mercredi", Weekday::Wednesday),
    ("miércoles", Weekday::Wednesday),
    ("miercoles", Weekday::Wednesday),
    ("mercoledì", Weekday::Wednesday),
    ("mercoledi", Weekday::Wednesday),
    ("woensdag", Weekday::Wednesday),
    ("среда", Weekday::Wednesday),
    ("среду", Weekday::Wednesday),
    ("donnerstag", Weekday::Thursday),
    ("jeudi", Weekday::Thursday),
    ("jueves", Weekday::Thursday),
    ("giovedì", Weekday::Thursday),
    ("giovedi", Weekday::Thursday),
    ("donderdag", Weekday::Thursday),
    ("четверг", Weekday::Thursday),
    ("freitag", Weekday::Friday),
    ("vendredi", Weekday::Friday),
    ("viernes", Weekday::Friday),
    ("venerdì", Weekday::Friday),
    ("venerdi", Weekday::Friday),
    ("vrijdag", Weekday::Friday),
    ("пятница", Weekday::Friday),
    ("пятницу", Weekday::Friday),
    ("samstag", Weekday::Saturday),
    ("sonnabend", Weekday::Saturday),
    ("samedi", Weekday::Saturday),
    ("sábado", Weekday::Saturday),
    ("sabado", Weekday::Saturday),
    ("sabato", Weekday::Saturday),
    ("zaterdag", Weekday::Saturday),
    ("суббота", Weekday::Saturday),
    ("субботу", Weekday::Saturday),
    ("sonntag", Weekday::Sunday),
    ("dimanche", Weekday::Sunday),
    ("domingo", Weekday::Sunday),
    ("domenica", Weekday::Sunday),
    ("zondag", Weekday::Sunday),
    ("воскресенье", Weekday::Sunday),
];

fn weekday_from_name(w: &str) -> Option<Weekday> {
    use Weekday::*;
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Monday),
        ("tuesday", Tuesday),
        ("wednesday", Wednesday),
        ("thursday", Thursday),
        ("friday", Friday),
        ("saturday", Saturday),
        ("sunday", Sunday),
    ];
    if w.len() < 3 {
        return None;
    }
    if !w.is_ascii() || w.len() > 9 {
        return FOREIGN_WEEKDAY_INDEX.get(w.to_lowercase().as_str()).copied();
    }
    let lower = w.to_ascii_lowercase();
    if let Some(d) = FOREIGN_WEEKDAY_INDEX.get(lower.as_str()) {
        return Some(*d);
    }
    DAYS.iter()
        .find(|(name, _)| {
            *name == lower
                || (lower.len() == 3 && name.starts_with(&lower))
                || (lower.len() == 4 && name.starts_with(&lower))
        })
        .map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn line(s: &str) -> Option<String> {
        parse_line(s, DayMonthOrder::DayFirst).map(|d| d.published.to_string())
    }

    #[test]
    fn seed_formats() {
        assert_eq!(line("Published : June 28, 2011 - 20:32").as_deref(), Some("2011-06-28T20:32"));
        assert_eq!(line("June 29, 2011").as_deref(), Some("2011-06-29"));
        assert_eq!(line("22 Apr, 2019 21:44").as_deref(), Some("2019-04-22T21:44"));
        assert_eq!(line("Monday, 25th March 2019").as_deref(), Some("2019-03-25"));
        assert_eq!(line("Wednesday, 22nd January 2025").as_deref(), Some("2025-01-22"));
    }

    #[test]
    fn labels_are_recognised() {
        let d = parse_line("Published : June 28, 2011 - 20:32", DayMonthOrder::DayFirst).unwrap();
        assert_eq!(d.label, Some(Label::Published));
        let d = parse_line("Updated April 25, 2019", DayMonthOrder::DayFirst).unwrap();
        assert_eq!(d.label, Some(Label::Updated));
        assert_eq!(d.published.to_string(), "2019-04-25");
        let d = parse_line("Last updated: 2019-04-25 09:05", DayMonthOrder::DayFirst).unwrap();
        assert_eq!(d.label, Some(Label::Updated));
        assert_eq!(d.published.to_string(), "2019-04-25T09:05");
        assert_eq!(line("Posted on 3 May 2019").as_deref(), Some("2019-05-03"));
    }

    #[test]
    fn iso_8601_forms() {
        assert_eq!(line("2019-04-23").as_deref(), Some("2019-04-23"));
        assert_eq!(line("2019-04-23T10:15:00+03:00").as_deref(), Some("2019-04-23T10:15"));
        assert_eq!(line("2019-04-23T10:15:00.123Z").as_deref(), Some("2019-04-23T10:15"));
        assert_eq!(line("2019-04-23 10:15").as_deref(), Some("2019-04-23T10:15"));
        assert_eq!(line("2019/04/23").as_deref(), Some("2019-04-23"));
    }

    #[test]
    fn numeric_day_month_rule() {
        // Unambiguous either way.
        assert_eq!(line("23/04/2019").as_deref(), Some("2019-04-23"));
        assert_eq!(line("04/23/2019").as_deref(), Some("2019-04-23"));
        assert_eq!(line("23.04.2019").as_deref(), Some("2019-04-23"));
        // Ambiguous: day first unless the file showed month-first.
        let d = parse_line("04/05/2019", DayMonthOrder::DayFirst).unwrap();
        assert_eq!((d.published.to_string().as_str(), d.ambiguous), ("2019-05-04", true));
        let d = parse_line("04/05/2019", DayMonthOrder::MonthFirst).unwrap();
        assert_eq!(d.published.to_string(), "2019-04-05");
        // Dots are never month-first.
        assert_eq!(parse_line("04.05.2019", DayMonthOrder::MonthFirst).unwrap().published.to_string(), "2019-05-04");
        assert!(shows_month_first("filed 04/23/2019"));
        assert!(!shows_month_first("filed 23/04/2019"));
    }

    #[test]
    fn times_in_many_styles() {
        assert_eq!(line("June 28, 2011 at 8:30 pm").as_deref(), Some("2011-06-28T20:30"));
        assert_eq!(line("June 28, 2011, 8.30am").as_deref(), Some("2011-06-28T08:30"));
        assert_eq!(line("June 28, 2011 12:05 a.m. KST").as_deref(), Some("2011-06-28T00:05"));
        assert_eq!(line("28 June 2011 | 20:32 GMT").as_deref(), Some("2011-06-28T20:32"));
        assert_eq!(line("Jun. 28, 2011 20:32 (MSK)").as_deref(), Some("2011-06-28T20:32"));
        // Dotted times: two-digit hours or a zone make them times, not decimals.
        assert_eq!(line("Tue 12 Sep 2023 03.15 BST").as_deref(), Some("2023-09-12T03:15"));
        assert_eq!(line("12 Sep 2023 8.30 BST").as_deref(), Some("2023-09-12T08:30"));
        assert_eq!(line("12 Sep 2023 8.30"), None);
        // The time first, then the date.
        assert_eq!(line("4:17 PM GMT+9, September 13, 2023").as_deref(), Some("2023-09-13T16:17"));
        assert_eq!(line("Updated 4:17 PM GMT+9, September 13, 2023").as_deref(), Some("2023-09-13T16:17"));
        assert_eq!(line("20:32 KST 28 June 2011").as_deref(), Some("2011-06-28T20:32"));
        assert_eq!(line("10:05 am, Thursday, June 30, 2011").as_deref(), Some("2011-06-30T10:05"));
        assert_eq!(line("09:15 +03:00 - 2019-04-23").as_deref(), Some("2019-04-23T09:15"));
        assert_eq!(line("4:17 PM 13 September 2023").as_deref(), Some("2023-09-13T16:17"));
        assert_eq!(line("4:17 PM, September 13, 2023 in Seoul"), None);
        assert_eq!(line("4:17 PM, Tuesday, September 13, 2023"), None, "the 13th was a Wednesday");
        assert_eq!(line("4:17 PM"), None);
        // A section name in front: Yonhap.
        assert_eq!(line("All News 18:05 April 24, 2019").as_deref(), Some("2019-04-24T18:05"));
        assert_eq!(line("Politics 24 April 2019").as_deref(), Some("2019-04-24"));
        assert_eq!(line("Kim visited Russia 24 April 2019"), None, "a sentence, not a section");
    }

    #[test]
    fn abbreviations_and_ordinals() {
        assert_eq!(line("Sept 3, 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(line("Tue 23 Apr 2019").as_deref(), Some("2019-04-23"));
        assert_eq!(line("June 1st, 2011").as_deref(), Some("2011-06-01"));
        assert_eq!(line("the 3rd of May, 2019"), None, "a leading word that is no label");
        assert_eq!(line("3rd of May, 2019").as_deref(), Some("2019-05-03"));
    }

    #[test]
    fn not_date_lines() {
        assert_eq!(line("Kim will meet Putin on June 28, 2011"), None);
        assert_eq!(line("June 2011"), None);
        assert_eq!(line("February 30, 2019"), None);
        assert_eq!(line("13/13/2019"), None);
        assert_eq!(line("0:00"), None);
        assert_eq!(line("24:55"), None);
        assert_eq!(line("Published"), None);
        // The weekday must agree with the date.
        assert_eq!(line("Tuesday, 25th March 2019"), None);
    }

    #[test]
    fn dates_inside_prose() {
        let text = "in this undated photo released on April 23, 2019 by KCNA, and again 1 May 2019.";
        let found = find_in_prose(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].date, date(2019, 4, 23));
        assert_eq!(&text[found[0].span.clone()], "April 23, 2019");
        assert_eq!(found[1].date, date(2019, 5, 1));
        assert!(find_in_prose("on June 30 or July 1, a source said").is_empty());
    }

    #[test]
    fn dates_in_the_outlets_languages() {
        assert_eq!(line("5. März 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("05.03.2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 mars 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 de marzo de 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 marzo 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 maart 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 марта 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 марта 2019 г., 10:15").as_deref(), Some("2019-03-05T10:15"));
        assert_eq!(line("2019년 3월 5일").as_deref(), Some("2019-03-05"));
        assert_eq!(line("2019年3月5日").as_deref(), Some("2019-03-05"));
        assert_eq!(line("2019年03月05日 10:15").as_deref(), Some("2019-03-05T10:15"));
        assert_eq!(line("2019/03/05").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 de março de 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 marca 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 березня 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 Mart 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("5 maj 2019").as_deref(), Some("2019-05-05"));
        // A second, labelled date after the first.
        assert_eq!(line("publié le 05/03/2019 à 21:00, mis à jour à 22:00").as_deref(), Some("2019-03-05T21:00"));
        assert_eq!(line("05/03/2019 15h30 Atualizado 2019-03-05T18:30").as_deref(), Some("2019-03-05T15:30"));
        assert_eq!(line("5.3.2019 17:43 Uppdaterad 5.3.2019 17:43").as_deref(), Some("2019-03-05T17:43"));
    }

    #[test]
    fn labels_and_weekdays_in_the_outlets_languages() {
        let labelled = |s: &str| parse_line(s, DayMonthOrder::DayFirst).map(|d| (d.published.to_string(), d.label));
        let p = |s: &str| Some((s.to_string(), Some(Label::Published)));
        let u = |s: &str| Some((s.to_string(), Some(Label::Updated)));
        assert_eq!(labelled("Veröffentlicht am 5. März 2019, 10:15 Uhr"), p("2019-03-05T10:15"));
        assert_eq!(labelled("Aktualisiert am 06.03.2019"), u("2019-03-06"));
        assert_eq!(labelled("Publié le 5 mars 2019 à 10h15"), p("2019-03-05T10:15"));
        assert_eq!(labelled("Mis à jour le 6 mars 2019"), u("2019-03-06"));
        assert_eq!(labelled("Publicado el 5 de marzo de 2019"), p("2019-03-05"));
        assert_eq!(labelled("Actualizado: 6 de marzo de 2019"), u("2019-03-06"));
        assert_eq!(labelled("Pubblicato il 5 marzo 2019"), p("2019-03-05"));
        assert_eq!(labelled("Gepubliceerd op 5 maart 2019"), p("2019-03-05"));
        assert_eq!(labelled("Опубликовано 5 марта 2019, 10:15"), p("2019-03-05T10:15"));
        assert_eq!(labelled("입력 2019.03.05 10:15"), p("2019-03-05T10:15"));
        assert_eq!(labelled("수정 2019-03-06 09:00"), u("2019-03-06T09:00"));
        assert_eq!(labelled("発表 2019年3月5日"), p("2019-03-05"));
        assert_eq!(labelled("更新 2019年3月6日"), u("2019-03-06"));
        assert_eq!(labelled("发布时间：2019年3月5日 10:15"), p("2019-03-05T10:15"));
        assert_eq!(line("Dienstag, 5. März 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("mardi 5 mars 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("martes, 5 de marzo de 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("вторник, 5 марта 2019").as_deref(), Some("2019-03-05"));
        assert_eq!(line("2019.03.05 (화) 10:15").as_deref(), Some("2019-03-05T10:15"));
        assert_eq!(line("Montag, 5. März 2019"), None, "the 5th was a Tuesday");
        assert_eq!(line("Die Regierung traf sich am 5. März 2019"), None, "a sentence");
    }

    #[test]
    fn zones_become_offsets_and_leave_the_local_time_alone() {
        let off = |s: &str| parse_line(s, DayMonthOrder::DayFirst).and_then(|d| d.published.offset_text());
        assert_eq!(off("2019-04-23T10:15:00+03:00").as_deref(), Some("+03:00"));
        assert_eq!(off("2019-04-23T10:15:00Z").as_deref(), Some("+00:00"));
        assert_eq!(off("4:17 PM GMT+9, September 13, 2023").as_deref(), Some("+09:00"));
        assert_eq!(off("June 28, 2011 12:05 a.m. KST").as_deref(), Some("+09:00"));
        assert_eq!(off("Tue 12 Sep 2023 03.15 BST").as_deref(), Some("+01:00"));
        assert_eq!(off("Jun. 28, 2011 20:32 (MSK)").as_deref(), Some("+03:00"));
        assert_eq!(off("June 28, 2011 8:30 pm EST").as_deref(), Some("-05:00"));
        assert_eq!(off("28 June 2011 | 20:32 UTC-05:30").as_deref(), Some("-05:30"));
        assert_eq!(off("June 28, 2011 8:30 pm CST"), None, "China or the US: not guessed");
        assert_eq!(off("June 28, 2011 KST"), None, "no time, no offset");
        assert_eq!(off("June 28, 2011 - 20:32"), None);
        let p = parse_line("2019-04-23T10:15:00+03:00", DayMonthOrder::DayFirst).unwrap().published;
        assert_eq!((p.to_string(), p.human()), ("2019-04-23T10:15".to_string(), "2019-04-23 10:15".to_string()));
        assert_eq!(p, Published::parse_iso("2019-04-23T10:15").unwrap(), "equal by local time");
        assert_eq!(Published::parse_iso("2019-04-23T10:15:00+03:00").unwrap().offset_text().as_deref(), Some("+03:00"));
        assert_eq!(Published::parse_iso("2019-04-23T10:15").unwrap().offset, None);
    }

    #[test]
    fn iso_round_trip() {
        let p = Published::parse_iso("2011-06-28T20:32").unwrap();
        assert_eq!(p.to_string(), "2011-06-28T20:32");
        assert_eq!(Published::parse_iso("2011-06-29").unwrap().to_string(), "2011-06-29");
        assert_eq!(Published::parse_iso("June 29, 2011"), None);
        assert!(Published::day(date(2011, 6, 28)) < Published::parse_iso("2011-06-28T00:00").unwrap());
    }
}
