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
        let year: i32 = s[0..4].parse().map_err(|_| err())?;
        let month: u8 = s[5..7].parse().map_err(|_| err())?;
        let day: u8 = s[8..10].parse().map_err(|_| err())?;
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

/// Parses `HH:MM` into minutes since midnight; "24:00" is allowed as an end of day.
pub fn parse_hhmm(s: &str) -> Result<u16, TimeError> {
    let err = || TimeError(format!("orario non valido {s:?}: serve HH:MM / invalid time {s:?}: expected HH:MM"));
    let (h, m) = s.split_once(':').ok_or_else(err)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(err());
    }
    let h: u16 = h.parse().map_err(|_| err())?;
    let m: u16 = m.parse().map_err(|_| err())?;
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
        let s = s.trim();
        if s.len() < 16 || !s.is_char_boundary(10) {
            return Err(err());
        }
        let date = Date::parse(&s[..10]).map_err(|_| err())?;
        let sep = s.as_bytes()[10];
        if !matches!(sep, b'T' | b't' | b' ') {
            return Err(err());
        }
        let rest = &s[11..];
        let tz_at = rest.find(['Z', 'z', '+', '-']).ok_or_else(err)?;
        let (clock, tz) = rest.split_at(tz_at);
        let mut parts = clock.split(':');
        let h: i64 = parts.next().ok_or_else(err)?.parse().map_err(|_| err())?;
        let m: i64 = parts.next().ok_or_else(err)?.parse().map_err(|_| err())?;
        let sec: i64 = match parts.next() {
            Some(sp) => sp.split('.').next().unwrap_or("0").parse().map_err(|_| err())?,
            None => 0,
        };
        if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
            return Err(err());
        }
        let offset = match tz {
            "Z" | "z" => 0,
            _ => {
                let sign = if tz.starts_with('-') { -1 } else { 1 };
                let (oh, om) = tz[1..].split_once(':').ok_or_else(err)?;
                let oh: i64 = oh.parse().map_err(|_| err())?;
                let om: i64 = om.parse().map_err(|_| err())?;
                if oh > 23 || om > 59 {
                    return Err(err());
                }
                sign * (oh * 3600 + om * 60)
            }
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

/// Europe/Rome's offset from UTC at a UTC instant.
pub fn rome_offset_seconds(utc: i64) -> i64 {
    let year = Date::from_days(utc.div_euclid(86_400)).year;
    let start = last_sunday(year, 3).days_since_epoch() * 86_400 + 3600;
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
