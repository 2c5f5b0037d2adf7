//! Time buckets for the story's course: articles grouped by day, week, month, quarter or year,
//! with empty stretches collapsed so that clusters years apart are both readable.

use jiff::SignedDuration;
use jiff::civil::Date;

/// How long one bucket is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// Days are counted from here; 1970-01-05 is a Monday, so weeks start on Mondays.
const EPOCH: Date = Date::constant(1970, 1, 5);

impl Unit {
    pub const ALL: [Unit; 5] = [Unit::Day, Unit::Week, Unit::Month, Unit::Quarter, Unit::Year];

    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
        }
    }

    /// The next longer unit (zooming out), if any.
    pub fn coarser(self) -> Option<Unit> {
        Unit::ALL.iter().position(|u| *u == self).and_then(|i| Unit::ALL.get(i + 1)).copied()
    }

    /// The next shorter unit (zooming in), if any.
    pub fn finer(self) -> Option<Unit> {
        Unit::ALL.iter().position(|u| *u == self).and_then(|i| i.checked_sub(1)).map(|i| Unit::ALL[i])
    }

    /// The bucket number of a date: consecutive buckets have consecutive numbers.
    pub fn bucket(self, d: Date) -> i32 {
        self.bucket_of(TimeKey::of(d))
    }

    /// The bucket number of a date's key (integer arithmetic only).
    pub fn bucket_of(self, k: TimeKey) -> i32 {
        match self {
            Unit::Day => k.day,
            Unit::Week => k.day.div_euclid(7),
            Unit::Month => k.month,
            Unit::Quarter => k.month.div_euclid(3),
            Unit::Year => k.month.div_euclid(12),
        }
    }

    /// First day of a bucket.
    pub fn start(self, b: i32) -> Date {
        let from_months =
            |m: i32| Date::new(m.div_euclid(12) as i16, (m.rem_euclid(12) + 1) as i8, 1).unwrap_or(Date::MIN);
        match self {
            Unit::Day => EPOCH.saturating_add(SignedDuration::from_hours(24 * i64::from(b))),
            Unit::Week => EPOCH.saturating_add(SignedDuration::from_hours(24 * 7 * i64::from(b))),
            Unit::Month => from_months(b),
            Unit::Quarter => from_months(b * 3),
            Unit::Year => Date::new(b as i16, 1, 1).unwrap_or(Date::MIN),
        }
    }

    /// Last day of a bucket.
    pub fn end(self, b: i32) -> Date {
        self.start(b + 1).yesterday().unwrap_or(Date::MAX)
    }

    /// A bucket's label: `2019-04-22`, `2019-W17`, `2019-04`, `2019-Q2`, `2019`.
    pub fn label(self, b: i32) -> String {
        let s = self.start(b);
        match self {
            Unit::Day => s.to_string(),
            Unit::Week => {
                let w = s.iso_week_date();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Unit::Month => format!("{:04}-{:02}", s.year(), s.month()),
            Unit::Quarter => format!("{:04}-Q{}", s.year(), (s.month() - 1) / 3 + 1),
            Unit::Year => format!("{:04}", s.year()),
        }
    }

    /// A short label that fits narrow columns: `22`, `W17`, `Apr`, `Q2`, `2019`, with the
    /// year added when it changes.
    pub fn short_label(self, b: i32) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let s = self.start(b);
        match self {
            Unit::Day => format!("{:02}", s.day()),
            Unit::Week => format!("W{:02}", s.iso_week_date().week()),
            Unit::Month => MONTHS[(s.month() - 1) as usize].to_string(),
            Unit::Quarter => format!("Q{}", (s.month() - 1) / 3 + 1),
            Unit::Year => format!("{:04}", s.year()),
        }
    }
}

/// A date as the day and month numbers buckets are counted in: small enough to keep one for
/// every article, so timelines over 100,000 articles need no calendar arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeKey {
    /// Days since 1970-01-05 (a Monday).
    pub day: i32,
    /// Months since year 0: `year * 12 + month - 1`.
    pub month: i32,
}

impl TimeKey {
    pub fn of(d: Date) -> TimeKey {
        TimeKey {
            day: (d.duration_since(EPOCH).as_secs().div_euclid(86_400)) as i32,
            month: i32::from(d.year()) * 12 + i32::from(d.month()) - 1,
        }
    }
}

/// One slot of a timeline: a bucket, or a collapsed run of empty buckets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A bucket number, and the range of the input (sorted by time) that falls in it; empty
    /// for a short run of empty buckets shown one by one.
    Bucket { bucket: i32, items: std::ops::Range<usize> },
    /// Empty buckets `from..=to`, shown as one break.
    Gap { from: i32, to: i32 },
}

/// Groups dates, given oldest first, into buckets. Runs of at least `collapse` empty buckets
/// become one [`Slot::Gap`]; shorter runs stay as empty buckets.
pub fn slots(keys: &[TimeKey], unit: Unit, collapse: usize) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::new();
    let mut last: Option<i32> = None;
    for (k, key) in keys.iter().enumerate() {
        let b = unit.bucket_of(*key);
        if last == Some(b) {
            if let Some(Slot::Bucket { items, .. }) = out.last_mut() {
                items.end = k + 1;
            }
            continue;
        }
        if let Some(l) = last {
            if is_gap(b - l - 1, collapse) {
                out.push(Slot::Gap { from: l + 1, to: b - 1 });
            } else {
                out.extend((l + 1..b).map(|e| Slot::Bucket { bucket: e, items: k..k }));
            }
        }
        out.push(Slot::Bucket { bucket: b, items: k..k + 1 });
        last = Some(b);
    }
    out
}

/// Whether a run of `empty` empty buckets collapses into one gap.
fn is_gap(empty: i32, collapse: usize) -> bool {
    empty as usize >= collapse.max(1)
}

/// Whether [`slots`] would return at most `max` slots, without building them: choosing the
/// finest unit that fits a pane tries every unit, and at 100,000 articles a by-day timeline
/// has thousands of slots, so this stops counting as soon as the answer is no.
pub fn fits(keys: &[TimeKey], unit: Unit, collapse: usize, max: usize) -> bool {
    let mut n = 0usize;
    let mut last: Option<i32> = None;
    for key in keys {
        let b = unit.bucket_of(*key);
        if last == Some(b) {
            continue;
        }
        if let Some(l) = last {
            let empty = b - l - 1;
            n += if is_gap(empty, collapse) { 1 } else { empty as usize };
        }
        n += 1;
        if n > max {
            return false;
        }
        last = Some(b);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn buckets_and_labels() {
        let d = date(2019, 4, 22);
        assert_eq!(Unit::Day.label(Unit::Day.bucket(d)), "2019-04-22");
        assert_eq!(Unit::Week.label(Unit::Week.bucket(d)), "2019-W17");
        assert_eq!(Unit::Week.start(Unit::Week.bucket(d)), date(2019, 4, 22), "weeks start on Monday");
        assert_eq!(Unit::Week.end(Unit::Week.bucket(d)), date(2019, 4, 28));
        assert_eq!(Unit::Month.label(Unit::Month.bucket(d)), "2019-04");
        assert_eq!(Unit::Month.end(Unit::Month.bucket(d)), date(2019, 4, 30));
        assert_eq!(Unit::Quarter.label(Unit::Quarter.bucket(d)), "2019-Q2");
        assert_eq!(Unit::Quarter.start(Unit::Quarter.bucket(d)), date(2019, 4, 1));
        assert_eq!(Unit::Quarter.end(Unit::Quarter.bucket(d)), date(2019, 6, 30));
        assert_eq!(Unit::Year.label(Unit::Year.bucket(d)), "2019");
        assert_eq!(Unit::Month.bucket(date(2019, 1, 1)) - Unit::Month.bucket(date(2018, 12, 31)), 1);
        assert_eq!(Unit::Day.bucket(date(1969, 12, 31)) + 1, Unit::Day.bucket(date(1970, 1, 1)));
        assert_eq!(Unit::Month.short_label(Unit::Month.bucket(d)), "Apr");
    }

    #[test]
    fn zoom_steps() {
        assert_eq!(Unit::Day.coarser(), Some(Unit::Week));
        assert_eq!(Unit::Year.coarser(), None);
        assert_eq!(Unit::Day.finer(), None);
        assert_eq!(Unit::Quarter.finer(), Some(Unit::Month));
    }

    #[test]
    fn the_seed_story_collapses_to_two_clusters() {
        let keys: Vec<TimeKey> =
            [date(2011, 6, 28), date(2011, 6, 29), date(2019, 3, 25), date(2019, 4, 22), date(2019, 4, 23)]
                .into_iter()
                .map(TimeKey::of)
                .collect();
        let s = slots(&keys, Unit::Month, 1);
        let m = |y, mo| Unit::Month.bucket(date(y, mo, 1));
        assert_eq!(
            s,
            vec![
                Slot::Bucket { bucket: m(2011, 6), items: 0..2 },
                Slot::Gap { from: m(2011, 7), to: m(2019, 2) },
                Slot::Bucket { bucket: m(2019, 3), items: 2..3 },
                Slot::Bucket { bucket: m(2019, 4), items: 3..5 },
            ]
        );
        // With a higher threshold, short gaps stay as empty buckets.
        let s = slots(&[TimeKey::of(date(2019, 1, 5)), TimeKey::of(date(2019, 3, 5))], Unit::Month, 2);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1], Slot::Bucket { bucket: m(2019, 2), items: 1..1 });
    }

    #[test]
    fn fits_answers_as_counting_the_slots_would() {
        // Dates in clusters and stragglers over 15 years, sorted, as a story's corpus has them.
        let mut days: Vec<i64> = (0..400u64).map(|i| ((i * 7919) % 997) as i64 * ((i % 5) as i64 + 1)).collect();
        days.sort_unstable();
        let keys: Vec<TimeKey> = days
            .iter()
            .map(|&d| TimeKey::of(date(2005, 1, 1).checked_add(jiff::Span::new().days(d)).unwrap()))
            .collect();
        for unit in Unit::ALL {
            for collapse in 1..5 {
                let n = slots(&keys, unit, collapse).len();
                for max in [0, 1, n.saturating_sub(1), n, n + 1, 10_000] {
                    assert_eq!(fits(&keys, unit, collapse, max), n <= max, "{unit:?} collapse {collapse} max {max}");
                }
            }
        }
        assert!(fits(&[], Unit::Day, 1, 0), "nothing fits anywhere");
    }
}
