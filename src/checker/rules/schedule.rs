//! Service hours: a message sent outside the profile's hours (Concorezzo art. 3: Monday to
//! Friday 9-13) is flagged, unless it is in the emergency category ("in casi di necessità").
//! Times are Europe/Rome wall-clock times, daylight saving included.

use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::{ServiceHours, Severity};
use crate::time::{parse_hhmm, Date, LocalTime, Timestamp};

pub struct ScheduleRule;

pub static RULE: ScheduleRule = ScheduleRule;

const OUTSIDE: &str = "schedule.outside-hours";

const DAYS_IT: [&str; 7] = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"];
const DAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The slots as (weekday, from, to) in minutes; slots with unreadable times are skipped
/// (profile validation reports them).
fn slots(hours: &ServiceHours) -> Vec<(u8, u16, u16)> {
    let mut out = Vec::new();
    for slot in &hours.slots {
        let (Ok(from), Ok(to)) = (parse_hhmm(&slot.from), parse_hhmm(&slot.to)) else { continue };
        out.extend(slot.days.iter().map(|d| (d.index(), from, to)));
    }
    out
}

fn is_inside(slots: &[(u8, u16, u16)], t: &LocalTime) -> bool {
    slots.iter().any(|&(day, from, to)| day == t.weekday && t.minutes >= from && t.minutes < to)
}

/// The next time service hours start after `local`, as local date and minutes.
fn next_start(slots: &[(u8, u16, u16)], local: &LocalTime) -> Option<(Date, u16)> {
    let today = local.date.days_since_epoch();
    (0..=7).find_map(|ahead| {
        let date = Date::from_days(today + ahead);
        let weekday = date.weekday();
        slots
            .iter()
            .filter(|&&(d, from, _)| d == weekday && (ahead > 0 || from > local.minutes))
            .map(|&(_, from, _)| from)
            .min()
            .map(|from| (date, from))
    })
}

/// RFC 3339 in Europe/Rome time for a slot's start: a start inside the spring-forward gap is given as
/// the time the clocks jump to, never as a time that does not exist.
fn rome_rfc3339(date: Date, minutes: u16) -> String {
    let at = Timestamp::from_rome(date, minutes).to_rome();
    let off = at.offset_minutes;
    format!("{}T{:02}:{:02}:00+{:02}:{:02}", at.date, at.minutes / 60, at.minutes % 60, off / 60, off % 60)
}

fn describe(slots: &[(u8, u16, u16)], days: &[&str; 7]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut seen: Vec<(u16, u16)> = Vec::new();
    for &(_, from, to) in slots {
        if seen.contains(&(from, to)) {
            continue;
        }
        seen.push((from, to));
        let mut ds: Vec<u8> = slots.iter().filter(|s| (s.1, s.2) == (from, to)).map(|s| s.0).collect();
        ds.sort_unstable();
        ds.dedup();
        let day_names: Vec<&str> = ds.iter().map(|&d| days[d as usize]).collect();
        parts.push(format!("{} {:02}:{:02}-{:02}:{:02}", day_names.join(", "), from / 60, from % 60, to / 60, to % 60));
    }
    parts.join("; ")
}

impl Rule for ScheduleRule {
    fn ids(&self) -> &'static [&'static str] {
        &[OUTSIDE]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let Some(hours) = &ctx.profile.service_hours else { return };
        let slots = slots(hours);
        if slots.is_empty() {
            return;
        }
        let category = ctx.draft.category.as_deref().and_then(|id| ctx.profile.categories.iter().find(|c| c.id == id));
        if hours.emergency_exempt && category.is_some_and(|c| c.emergency) {
            return;
        }
        let local = ctx.send_at.to_rome();
        if is_inside(&slots, &local) {
            return;
        }
        let when = format!("{} {:02}:{:02}", local.date, local.minutes / 60, local.minutes % 60);
        let emergency = ctx.profile.categories.iter().find(|c| c.emergency).map(|c| c.id.as_str());
        let exempt_it = emergency
            .filter(|_| hours.emergency_exempt)
            .map(|e| format!(" Se è un'emergenza, usa la categoria «{e}»."))
            .unwrap_or_default();
        let exempt_en = emergency
            .filter(|_| hours.emergency_exempt)
            .map(|e| format!(" If it is an emergency, use category “{e}”."))
            .unwrap_or_default();
        let mut finding = RawFinding::new(
            OUTSIDE,
            Severity::Warning,
            0..0,
            Msg::new(
                format!(
                    "Invio fuori dall'orario del servizio ({when}, ora italiana; orario: {}).{exempt_it}",
                    describe(&slots, &DAYS_IT)
                ),
                format!(
                    "Sending outside service hours ({when}, Italian time; hours: {}).{exempt_en}",
                    describe(&slots, &DAYS_EN)
                ),
            ),
            ctx.policy_source(
                "schedule",
                &format!("{} {}, orario del servizio", ctx.policy_name(), ctx.profile.comune.name),
            ),
        );
        if let Some((date, minutes)) = next_start(&slots, &local) {
            finding = finding.with_fix(rome_rfc3339(date, minutes));
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{findings, profile};
    use crate::checker::{Checker, Draft};
    use crate::i18n::Lang;
    use crate::time::Timestamp;

    fn at(send_at: &str, category: Option<&str>) -> Vec<crate::checker::Finding> {
        let draft = Draft {
            text: "Domani mercato.".into(),
            category: category.map(Into::into),
            send_at: Some(send_at.into()),
            ..Default::default()
        };
        let now = Timestamp::parse_rfc3339("2026-01-01T00:00:00Z").unwrap();
        let r = Checker::new(profile()).check(&draft, now, Lang::It).unwrap();
        findings(&r, "schedule.outside-hours").into_iter().cloned().collect()
    }

    #[test]
    fn boundaries_in_winter_time() {
        assert_eq!(at("2026-11-23T08:59:59+01:00", None).len(), 1);
        assert!(at("2026-11-23T09:00:00+01:00", None).is_empty());
        assert!(at("2026-11-23T12:59:59+01:00", None).is_empty());
        let late = at("2026-11-23T13:00:00+01:00", None);
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].fix.as_deref(), Some("2026-11-24T09:00:00+01:00"));
        // UTC input is read as Rome time: 08:00Z is 09:00 in winter.
        assert!(at("2026-11-23T08:00:00Z", None).is_empty());
        // Saturday and Sunday are outside; the fix is Monday morning.
        let sat = at("2026-11-28T10:00:00+01:00", Some("pubblica-utilita"));
        assert_eq!(sat[0].fix.as_deref(), Some("2026-11-30T09:00:00+01:00"));
        assert!(sat[0].message.contains("lunedì, martedì, mercoledì, giovedì, venerdì 09:00-13:00"));
    }

    #[test]
    fn across_daylight_saving_changes() {
        // Friday 27 March 2026, winter time: 08:30Z is 09:30 in Rome.
        assert!(at("2026-03-27T08:30:00Z", None).is_empty());
        // Monday 30 March, summer time: 07:30Z is 09:30 in Rome, 07:00Z is 09:00, 06:59Z is 08:59.
        assert!(at("2026-03-30T07:30:00Z", None).is_empty());
        assert!(at("2026-03-30T07:00:00Z", None).is_empty());
        assert_eq!(at("2026-03-30T06:59:00Z", None).len(), 1);
        assert_eq!(at("2026-03-30T11:00:00Z", None).len(), 1);
        // Friday before the change: the next start is Monday 09:00 summer time.
        let fri = at("2026-03-27T14:00:00+01:00", None);
        assert_eq!(fri[0].fix.as_deref(), Some("2026-03-30T09:00:00+02:00"));
        // October: Friday 23 in summer time, Monday 26 back in winter time.
        assert!(at("2026-10-23T07:00:00Z", None).is_empty());
        assert_eq!(at("2026-10-26T07:30:00Z", None).len(), 1);
        assert!(at("2026-10-26T08:00:00Z", None).is_empty());
        let fri = at("2026-10-23T13:00:00+02:00", None);
        assert_eq!(fri[0].fix.as_deref(), Some("2026-10-26T09:00:00+01:00"));
    }

    #[test]
    fn a_start_inside_the_spring_forward_gap_is_suggested_as_a_time_that_exists() {
        use crate::profile::{TimeSlot, Weekday};
        let mut p = profile();
        p.service_hours.as_mut().unwrap().slots =
            vec![TimeSlot { days: vec![Weekday::Sun], from: "02:30".into(), to: "04:00".into() }];
        let draft = |at: &str| Draft { text: "Mercato.".into(), send_at: Some(at.into()), ..Default::default() };
        let checker = Checker::new(p);
        let check = |at| checker.check(&draft(at), Timestamp(0), Lang::It).unwrap();
        // Sunday 29 March 2026 at 01:30 Rome time: the clocks go from 02:00 to 03:00, so 02:30 never happens.
        let r = check("2026-03-29T01:30:00+01:00");
        let f = findings(&r, "schedule.outside-hours");
        assert_eq!(f[0].fix.as_deref(), Some("2026-03-29T03:00:00+02:00"));
        // The suggested time is inside the hours.
        assert!(findings(&check("2026-03-29T03:00:00+02:00"), "schedule.outside-hours").is_empty());
        // The week before, 02:30 exists in winter time.
        let r = check("2026-03-22T01:30:00+01:00");
        assert_eq!(findings(&r, "schedule.outside-hours")[0].fix.as_deref(), Some("2026-03-22T02:30:00+01:00"));
    }

    #[test]
    fn emergencies_are_exempt() {
        assert!(at("2026-11-22T23:30:00+01:00", Some("emergenze")).is_empty());
        assert_eq!(at("2026-11-22T23:30:00+01:00", Some("eventi")).len(), 1);
        let mut p = profile();
        p.service_hours.as_mut().unwrap().emergency_exempt = false;
        let draft = Draft {
            text: "Allerta".into(),
            category: Some("emergenze".into()),
            send_at: Some("2026-11-22T23:30:00+01:00".into()),
            ..Default::default()
        };
        let r = Checker::new(p).check(&draft, Timestamp(0), Lang::It).unwrap();
        assert_eq!(findings(&r, "schedule.outside-hours").len(), 1);
    }
}
