//! RFC 3339 timestamps and Europe/Rome local time, without a time-zone database.
//!
//! Italy has followed the EU summer-time rule since 1996: UTC+2 from the last Sunday of
//! March at 01:00 UTC to the last Sunday of October at 01:00 UTC, UTC+1 otherwise. Encoding
//! that rule keeps the WASM bundles free of tz data.

use std::fmt;

/// Seconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeError(pub String);

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimeError {}

/// A civil date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Local wall-clock time in Europe/Rome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    /// 0 = Monday.
    pub weekday: u8,
    /// Minutes since local midnight.
    pub minutes: u16,
    /// Offset from UTC in minutes (60 or 120).
    pub offset_minutes: i16,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Result<Date, TimeError> {
        let err =
            || TimeError(format!("data non valida {s:?}: serve AAAA-MM-GG / invalid date {s:?}: expected YYYY-MM-DD"));
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let year = digits(&b[0..4]).ok_or_else(err)? as i32;
        let month = digits(&b[5..7]).ok_or_else(err)? as u8;
        let day = digits(&b[8..10]).ok_or_else(err)? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(err());
        }
        Ok(Date { year, month, day })
    }

    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    pub fn from_days(days: i64) -> Date {
        civil_from_days(days)
    }

    /// 0 = Monday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (index 3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The value of a field made only of ASCII digits (no sign, no space), or None.
fn digits(field: &[u8]) -> Option<i64> {
    if field.is_empty() || field.len() > 9 || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(field.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

/// Parses `HH:MM` into minutes since midnight; "24:00" is allowed as an end of day.
pub fn parse_hhmm(s: &str) -> Result<u16, TimeError> {
    let err = || TimeError(format!("orario non valido {s:?}: serve HH:MM / invalid time {s:?}: expected HH:MM"));
    let (h, m) = s.split_once(':').ok_or_else(err)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(err());
    }
    let h = digits(h.as_bytes()).ok_or_else(err)? as u16;
    let m = digits(m.as_bytes()).ok_or_else(err)? as u16;
    if m > 59 || h > 24 || (h == 24 && m != 0) {
        return Err(err());
    }
    Ok(h * 60 + m)
}

impl Timestamp {
    /// Parses RFC 3339 (`2026-05-04T09:30:00+02:00`, `...Z`, fractional seconds allowed).
    pub fn parse_rfc3339(s: &str) -> Result<Timestamp, TimeError> {
        let err = || {
            TimeError(format!(
                "data e ora non valide {s:?}: serve RFC 3339, es. 2026-05-04T09:30:00+02:00 / invalid timestamp {s:?}: expected RFC 3339"
            ))
        };
        let b = s.trim().as_bytes();
        // Every field has a fixed width of ASCII digits: a sign, a space or a second offset inside a field
        // ("--05:00", "Z+05:00", "+05:-30") is refused, never read as a number.
        if b.len() < 17 || !matches!(b[10], b'T' | b't' | b' ') {
            return Err(err());
        }
        let date = Date::parse(std::str::from_utf8(&b[..10]).map_err(|_| err())?).map_err(|_| err())?;
        let field = |at: usize, sep: u8| (b.get(at + 2) == Some(&sep)).then(|| digits(&b[at..at + 2])).flatten();
        let h = field(11, b':').ok_or_else(err)?;
        let (m, mut at) = match b.get(16) {
            Some(b':') => (field(14, b':').ok_or_else(err)?, 17),
            _ => (digits(b.get(14..16).ok_or_else(err)?).ok_or_else(err)?, 16),
        };
        let mut sec = 0;
        if at == 17 {
            sec = digits(b.get(17..19).ok_or_else(err)?).ok_or_else(err)?;
            at = 19;
            if b.get(at) == Some(&b'.') {
                let frac = b[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if frac == 0 {
                    return Err(err());
                }
                at += 1 + frac;
            }
        }
        if h > 23 || m > 59 || sec > 60 {
            return Err(err());
        }
        let offset = match &b[at..] {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), oh @ .., b':', m1, m2] if oh.len() == 2 => {
                let (oh, om) = (digits(oh).ok_or_else(err)?, digits(&[*m1, *m2]).ok_or_else(err)?);
                if oh > 23 || om > 59 {
                    return Err(err());
                }
                (if *sign == b'-' { -1 } else { 1 }) * (oh * 3600 + om * 60)
            }
            _ => return Err(err()),
        };
        Ok(Timestamp(date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec - offset))
    }

    /// Milliseconds since the epoch, as JS `Date.now()` gives them.
    pub fn from_millis(ms: f64) -> Timestamp {
        Timestamp((ms / 1000.0).floor() as i64)
    }

    /// Wall-clock time in Europe/Rome.
    pub fn to_rome(self) -> LocalTime {
        let offset = rome_offset_seconds(self.0);
        let local = self.0 + offset;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let date = Date::from_days(days);
        LocalTime { date, weekday: date.weekday(), minutes: (secs / 60) as u16, offset_minutes: (offset / 60) as i16 }
    }

    /// RFC 3339 in UTC.
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let d = Date::from_days(days);
        format!("{d}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
    }
}

impl Timestamp {
    /// The instant a Europe/Rome wall-clock time denotes. A time the clocks skip (02:00-02:59 on the last
    /// Sunday of March) gives the instant the clocks jump to (03:00 summer time), the first moment at or
    /// after it; a time they repeat in October gives its first, summer-time occurrence.
    pub fn from_rome(date: Date, minutes: u16) -> Timestamp {
        let local = date.days_since_epoch() * 86_400 + i64::from(minutes) * 60;
        [7200, 3600]
            .into_iter()
            .map(|offset| local - offset)
            .find(|&utc| local - utc == rome_offset_seconds(utc))
            .map(Timestamp)
            .unwrap_or(Timestamp(summer_start(date.year)))
    }
}

/// When summer time starts: the last Sunday of March at 01:00 UTC.
fn summer_start(year: i32) -> i64 {
    last_sunday(year, 3).days_since_epoch() * 86_400 + 3600
}

/// Europe/Rome's offset from UTC at a UTC instant.
pub fn rome_offset_seconds(utc: i64) -> i64 {
    let year = Date::from_days(utc.div_euclid(86_400)).year;
    let start = summer_start(year);
    let end = last_sunday(year, 10).days_since_epoch() * 86_400 + 3600;
    if utc >= start && utc < end {
        7200
    } else {
        3600
    }
}

fn last_sunday(year: i32, month: u8) -> Date {
    let last = Date { year, month, day: days_in_month(year, month) };
    let back = (last.weekday() + 1) % 7; // Sunday is 6 → 0 days back.
    Date::from_days(last.days_since_epoch() - back as i64)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil-calendar algorithms.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    Date { year: (y + i64::from(m <= 2)) as i32, month: m, day: d }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_with_offsets() {
        let a = Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap();
        let b = Timestamp::parse_rfc3339("2026-05-04T07:30:00Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(b.to_rfc3339(), "2026-05-04T07:30:00Z");
        assert!(Timestamp::parse_rfc3339("2026-02-30T10:00:00Z").is_err());
        assert!(Timestamp::parse_rfc3339("yesterday").is_err());
        assert!(Timestamp::parse_rfc3339("2026-05-04T09:30").is_err());
    }

    #[test]
    fn accepts_every_rfc3339_form_it_should() {
        let t = |s: &str| Timestamp::parse_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}")).to_rfc3339();
        assert_eq!(t("2026-05-04t09:30:00.125+02:00"), "2026-05-04T07:30:00Z");
        assert_eq!(t("2026-05-04 09:30:00-01:30"), "2026-05-04T11:00:00Z");
        assert_eq!(t("2026-05-04T09:30+02:00"), "2026-05-04T07:30:00Z");
        assert_eq!(t(" 2026-12-31T23:59:60z "), "2027-01-01T00:00:00Z");
    }

    #[test]
    fn rome_wall_clock_to_instant_across_both_changes() {
        let d = |s: &str| Date::parse(s).unwrap();
        let r = |date: &str, h: u16, m: u16| Timestamp::from_rome(d(date), h * 60 + m).to_rfc3339();
        assert_eq!(r("2026-01-10", 9, 0), "2026-01-10T08:00:00Z");
        assert_eq!(r("2026-07-10", 9, 0), "2026-07-10T07:00:00Z");
        // 29 March 2026: 02:00-02:59 does not exist in Rome; 02:30 starts when the clocks reach 03:00.
        assert_eq!(r("2026-03-29", 1, 59), "2026-03-29T00:59:00Z");
        assert_eq!(r("2026-03-29", 2, 30), "2026-03-29T01:00:00Z");
        assert_eq!(r("2026-03-29", 3, 0), "2026-03-29T01:00:00Z");
        // 25 October 2026: 02:30 happens twice; the first (summer time) is meant.
        assert_eq!(r("2026-10-25", 2, 30), "2026-10-25T00:30:00Z");
        assert_eq!(r("2026-10-25", 3, 30), "2026-10-25T02:30:00Z");
        for (date, h, m) in [("2026-03-29", 2, 0), ("2026-03-29", 2, 59), ("2026-10-25", 2, 0), ("2027-03-28", 2, 15)] {
            let local = Timestamp::from_rome(d(date), h * 60 + m).to_rome();
            assert!(local.minutes >= h * 60 + m, "{date} {h}:{m} -> {local:?}");
        }
    }

    #[test]
    fn refuses_signs_and_doubled_offsets_inside_fields() {
        for bad in [
            "2026-05-04T09:30:00--05:00",
            "2026-05-04T09:30:00Z+05:00",
            "2026-05-04T09:30:00+05:-30",
            "2026-05-04T09:30:00+5:30",
            "2026-05-04T09:30:00+05:3",
            "2026-05-04T09:30:00+0530",
            "2026-05-04T+9:30:00Z",
            "2026-05-04T09:+3:00Z",
            "2026-05-04T09:30:+1Z",
            "2026-05-04T09:30:00.Z",
            "+026-05-04T09:30:00Z",
            "2026-+5-04T09:30:00Z",
            "2026-05-04T09:30:00+02:00Z",
            "2026-05-04T09:30:00",
            "2026-05-04T09:30:00+24:00",
            "2026-05-04T24:00:00Z",
            "2026-05-04T0à:30:00Z",
            "2026-05-04T09:30:00+02:00\u{0}",
        ] {
            assert!(Timestamp::parse_rfc3339(bad).is_err(), "{bad} accepted");
        }
        assert!(Date::parse("2026-+5-04").is_err() && Date::parse("+026-05-04").is_err());
        assert!(parse_hhmm("+9:00").is_err() && parse_hhmm("09:+5").is_err() && parse_hhmm("-1:00").is_err());
    }

    #[test]
    fn rome_follows_eu_summer_time() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let before = Timestamp::parse_rfc3339("2026-03-29T00:59:59Z").unwrap().to_rome();
        let after = Timestamp::parse_rfc3339("2026-03-29T01:00:00Z").unwrap().to_rome();
        assert_eq!((before.offset_minutes, before.minutes), (60, 119));
        assert_eq!((after.offset_minutes, after.minutes), (120, 180));
        let autumn = Timestamp::parse_rfc3339("2026-10-25T01:00:00Z").unwrap().to_rome();
        assert_eq!((autumn.offset_minutes, autumn.minutes), (60, 120));
        assert_eq!(autumn.weekday, 6);
    }

    #[test]
    fn weekdays_and_dates() {
        assert_eq!(Date::parse("2026-11-23").unwrap().weekday(), 0);
        assert_eq!(Date::from_days(Date::parse("2024-02-29").unwrap().days_since_epoch()).to_string(), "2024-02-29");
        assert!(Date::parse("2025-02-29").is_err());
        assert_eq!(parse_hhmm("09:00").unwrap(), 540);
        assert!(parse_hhmm("9-13").is_err());
        assert!(parse_hhmm("25:00").is_err());
    }
}
