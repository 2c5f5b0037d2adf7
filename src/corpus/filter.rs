//! Filters: by outlet, by date range, by words; one [`Filter`] type for the CLI and the reader.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

use super::index::Query;
use super::outlets::OutletId;

/// The date forms `--date`, `--since`, `--until` and the reader's `d` prompt accept.
pub const DATE_FORMS: &str = "YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B, ..B, A.. of those (e.g. 2019, 2019-04, 2019-03..2019-04, ..2012, 2019-04-20..)";

/// Errors in a filter the user typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("bad date {input:?}: expected {DATE_FORMS}")]
    BadDate { input: String },
    #[error("date range {input:?} ends before it starts")]
    BackwardsRange { input: String },
    #[error("no outlet {name:?} in this corpus; outlets: {}", available.join(", "))]
    UnknownOutlet { name: String, available: Vec<String> },
}

/// An inclusive range of days; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// Both ranges at once.
    pub fn intersect(self, other: DateRange) -> DateRange {
        DateRange {
            from: match (self.from, other.from) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
            to: match (self.to, other.to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    /// `--since`: from the start of the period.
    pub fn since(s: &str) -> Result<DateRange, FilterError> {
        let (from, _) = period(s.trim()).ok_or_else(|| FilterError::BadDate { input: s.to_string() })?;
        Ok(DateRange { from: Some(from), to: None })
    }

    /// `--until`: through the end of the period.
    pub fn until(s: &str) -> Result<DateRange, FilterError> {
        let (_, to) = period(s.trim()).ok_or_else(|| FilterError::BadDate { input: s.to_string() })?;
        Ok(DateRange { from: None, to: Some(to) })
    }
}

impl FromStr for DateRange {
    type Err = FilterError;

    /// `2019`, `2019-04`, `2019-04-22`, `2019-03..2019-04`, `..2012`, `2019-04-20..`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || FilterError::BadDate { input: s.to_string() };
        let range = match s.split_once("..") {
            None => {
                let (from, to) = period(s).ok_or_else(bad)?;
                DateRange { from: Some(from), to: Some(to) }
            }
            Some((a, b)) => {
                let (a, b) = (a.trim(), b.trim());
                if a.is_empty() && b.is_empty() {
                    return Err(bad());
                }
                let from = if a.is_empty() { None } else { Some(period(a).ok_or_else(bad)?.0) };
                let to = if b.is_empty() { None } else { Some(period(b).ok_or_else(bad)?.1) };
                DateRange { from, to }
            }
        };
        if let (Some(f), Some(t)) = (range.from, range.to)
            && f > t
        {
            return Err(FilterError::BackwardsRange { input: s.to_string() });
        }
        Ok(range)
    }
}

impl fmt::Display for DateRange {
    /// The shortest form that parses back to the same range: `2019-04`, `2019-03..2019-04`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let start = |d: Date| -> String {
            if d.month() == 1 && d.day() == 1 {
                format!("{:04}", d.year())
            } else if d.day() == 1 {
                format!("{:04}-{:02}", d.year(), d.month())
            } else {
                d.to_string()
            }
        };
        let end = |d: Date| -> String {
            if d.month() == 12 && d.day() == 31 {
                format!("{:04}", d.year())
            } else if d == d.last_of_month() {
                format!("{:04}-{:02}", d.year(), d.month())
            } else {
                d.to_string()
            }
        };
        match (self.from, self.to) {
            (None, None) => f.write_str(".."),
            (Some(a), None) => write!(f, "{}..", start(a)),
            (None, Some(b)) => write!(f, "..{}", end(b)),
            (Some(a), Some(b)) => {
                let (sa, eb) = (start(a), end(b));
                if sa == eb { f.write_str(&sa) } else { write!(f, "{sa}..{eb}") }
            }
        }
    }
}

/// First and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn period(s: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<i32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    let year = i16::try_from(num(parts.first()?, 4)?).ok()?;
    match parts.len() {
        1 => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        2 => {
            let m = i8::try_from(num(parts[1], 2)?).ok()?;
            let first = Date::new(year, m, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        3 => {
            let d =
                Date::new(year, i8::try_from(num(parts[1], 2)?).ok()?, i8::try_from(num(parts[2], 2)?).ok()?).ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

/// Which outlets pass: named outlets, and articles with no known outlet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutletSet {
    pub ids: BTreeSet<OutletId>,
    pub unknown: bool,
}

impl OutletSet {
    pub fn contains(&self, o: Option<OutletId>) -> bool {
        match o {
            Some(id) => self.ids.contains(&id),
            None => self.unknown,
        }
    }
}

/// Everything that narrows the list. Parts combine with AND.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// None: every outlet.
    pub outlets: Option<OutletSet>,
    /// None: every date, and undated articles too.
    pub dates: Option<DateRange>,
    pub search: Option<Query>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.outlets.is_none() && self.dates.is_none() && self.search.as_ref().is_none_or(Query::is_empty)
    }
}

/// List order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    NewestFirst,
    OldestFirst,
}

impl Order {
    pub fn flip(self) -> Order {
        match self {
            Order::NewestFirst => Order::OldestFirst,
            Order::OldestFirst => Order::NewestFirst,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn r(s: &str) -> DateRange {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn periods_and_ranges() {
        assert_eq!(r("2019"), DateRange { from: Some(date(2019, 1, 1)), to: Some(date(2019, 12, 31)) });
        assert_eq!(r("2019-02"), DateRange { from: Some(date(2019, 2, 1)), to: Some(date(2019, 2, 28)) });
        assert_eq!(r("2020-02"), DateRange { from: Some(date(2020, 2, 1)), to: Some(date(2020, 2, 29)) });
        assert_eq!(r("2019-04-22"), DateRange { from: Some(date(2019, 4, 22)), to: Some(date(2019, 4, 22)) });
        assert_eq!(r("2019-03..2019-04"), DateRange { from: Some(date(2019, 3, 1)), to: Some(date(2019, 4, 30)) });
        assert_eq!(r("..2012"), DateRange { from: None, to: Some(date(2012, 12, 31)) });
        assert_eq!(r("2019-04-20.."), DateRange { from: Some(date(2019, 4, 20)), to: None });
        assert_eq!(r(" 2011 .. 2019-04 "), DateRange { from: Some(date(2011, 1, 1)), to: Some(date(2019, 4, 30)) });
    }

    #[test]
    fn bad_dates_say_what_is_accepted() {
        for bad in ["", "..", "2019-13", "2019-02-30", "19", "April 2019", "2019/04", "2019-4", "abc..2019"] {
            let e = bad.parse::<DateRange>().unwrap_err();
            let msg = e.to_string();
            assert!(msg.contains("YYYY-MM-DD") && msg.contains("A..B"), "{bad}: {msg}");
        }
        assert_eq!(
            "2019..2011".parse::<DateRange>().unwrap_err(),
            FilterError::BackwardsRange { input: "2019..2011".into() }
        );
    }

    #[test]
    fn since_until_and_intersection() {
        let since = DateRange::since("2019-04").unwrap();
        let until = DateRange::until("2019-04").unwrap();
        assert_eq!(since.intersect(until), r("2019-04"));
        assert!(since.contains(date(2019, 4, 1)) && !since.contains(date(2019, 3, 31)));
        assert!(until.contains(date(2019, 4, 30)) && !until.contains(date(2019, 5, 1)));
    }

    #[test]
    fn display_round_trips() {
        for s in
            ["2019", "2019-04", "2019-04-22", "2019-03..2019-04", "..2012", "2019-04-20..", "2011-06-28..2019-04-23"]
        {
            assert_eq!(r(s).to_string(), s);
        }
    }
}
