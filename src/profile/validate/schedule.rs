//! Service hours (Europe/Rome, HH:MM slots) and electoral periods (YYYY-MM-DD, inclusive).

use super::format::{date, hhmm};
use super::{warning, Issues};
use crate::profile::{Profile, ServiceHours};
use crate::time::Date;

pub fn check(p: &Profile, out: &mut Issues) {
    if let Some(h) = &p.service_hours {
        hours(h, out);
    }
    electoral_periods(p, out);
}

fn hours(h: &ServiceHours, out: &mut Issues) {
    if h.timezone != "Europe/Rome" {
        out.error(
            "$.service_hours.timezone",
            format!("fuso orario {:?} non supportato: usare Europe/Rome", h.timezone),
            format!("time zone {:?} is not supported: use Europe/Rome", h.timezone),
        );
    }
    if h.slots.is_empty() {
        out.error(
            "$.service_hours.slots",
            "orari di servizio senza fasce: aggiungerne una o togliere service_hours",
            "service hours without slots: add one or remove service_hours",
        );
    }
    // (day, from, to, slot index) of every valid slot, to find overlaps.
    let mut spans: Vec<(u8, u16, u16, usize)> = Vec::new();
    for (i, slot) in h.slots.iter().enumerate() {
        let path = format!("$.service_hours.slots[{i}]");
        if slot.days.is_empty() {
            out.error(format!("{path}.days"), "fascia oraria senza giorni", "time slot without days");
        }
        let from = hhmm(&slot.from);
        let to = hhmm(&slot.to);
        if let Err(m) = &from {
            out.push(format!("{path}.from"), crate::profile::IssueLevel::Error, m.clone());
        }
        if let Err(m) = &to {
            out.push(format!("{path}.to"), crate::profile::IssueLevel::Error, m.clone());
        }
        let (Ok(from), Ok(to)) = (from, to) else { continue };
        if from >= to {
            out.error(
                format!("{path}.to"),
                format!("la fascia finisce ({}) prima di iniziare ({})", slot.to, slot.from),
                format!("the slot ends ({}) before it starts ({})", slot.to, slot.from),
            );
            continue;
        }
        let mut seen = Vec::new();
        for d in &slot.days {
            if seen.contains(d) {
                warning!(out, format!("{path}.days"), "giorno ripetuto nella fascia", "day repeated in the slot");
            }
            seen.push(*d);
            if let Some(&(_, _, _, j)) =
                spans.iter().find(|(day, f, t, j)| *j != i && *day == d.index() && from < *t && *f < to)
            {
                warning!(
                    out,
                    path.clone(),
                    format!("la fascia si sovrappone a $.service_hours.slots[{j}]"),
                    format!("the slot overlaps $.service_hours.slots[{j}]"),
                );
            }
            spans.push((d.index(), from, to, i));
        }
    }
}

fn electoral_periods(p: &Profile, out: &mut Issues) {
    let mut valid: Vec<(Date, Date, usize)> = Vec::new();
    for (i, e) in p.electoral_periods.iter().enumerate() {
        let path = format!("$.electoral_periods[{i}]");
        let from = date(&e.from);
        let to = date(&e.to);
        if let Err(m) = &from {
            out.push(format!("{path}.from"), crate::profile::IssueLevel::Error, m.clone());
        }
        if let Err(m) = &to {
            out.push(format!("{path}.to"), crate::profile::IssueLevel::Error, m.clone());
        }
        if e.label.trim().is_empty() {
            warning!(
                out,
                format!("{path}.label"),
                "manca la descrizione del periodo (es. Elezioni amministrative 2026)",
                "the period's label is missing (e.g. Elezioni amministrative 2026)",
            );
        }
        let (Ok(from), Ok(to)) = (from, to) else { continue };
        if from > to {
            out.error(
                format!("{path}.to"),
                format!("periodo invertito: finisce il {to} prima di iniziare il {from}"),
                format!("inverted period: it ends on {to} before it starts on {from}"),
            );
            continue;
        }
        if let Some(&(_, _, j)) = valid.iter().find(|(f, t, _)| from <= *t && *f <= to) {
            out.error(
                path.clone(),
                format!("il periodo si sovrappone a $.electoral_periods[{j}]: unirli in uno solo"),
                format!("the period overlaps $.electoral_periods[{j}]: merge them into one"),
            );
        }
        valid.push((from, to, i));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::profile::IssueLevel::*;
    use serde_json::json;

    #[test]
    fn hours_must_parse_and_be_ordered() {
        let issues = issues_with(|v| {
            v["service_hours"]["slots"] = json!([
                {"days": ["mon"], "from": "9", "to": "13:00"},
                {"days": [], "from": "14:00", "to": "13:00"},
                {"days": ["tue"], "from": "09:00", "to": "24:30"}
            ]);
            v["service_hours"]["timezone"] = "Europe/London".into();
        });
        assert!(has(&issues, Error, "$.service_hours.slots[0].from"));
        assert!(has(&issues, Error, "$.service_hours.slots[1].days"));
        assert!(has(&issues, Error, "$.service_hours.slots[1].to"));
        assert!(has(&issues, Error, "$.service_hours.slots[2].to"));
        assert!(has(&issues, Error, "$.service_hours.timezone"));
        let issues = issues_with(|v| v["service_hours"]["slots"] = json!([]));
        assert!(has(&issues, Error, "$.service_hours.slots"));
    }

    #[test]
    fn overlapping_slots_warn() {
        let issues = issues_with(|v| {
            v["service_hours"]["slots"] = json!([
                {"days": ["mon", "tue"], "from": "09:00", "to": "13:00"},
                {"days": ["tue"], "from": "12:00", "to": "18:00"},
                {"days": ["wed"], "from": "13:00", "to": "18:00"}
            ])
        });
        assert!(has(&issues, Warning, "$.service_hours.slots[1]"));
        assert!(!has(&issues, Warning, "$.service_hours.slots[2]"));
    }

    #[test]
    fn electoral_periods_inverted_overlapping_or_bad() {
        let issues = issues_with(|v| {
            v["electoral_periods"] = json!([
                {"from": "2026-05-25", "to": "2026-04-20", "label": "Invertito"},
                {"from": "2026-04-20", "to": "2026-05-25", "label": "Amministrative"},
                {"from": "2026-05-01", "to": "2026-06-10", "label": "Europee"},
                {"from": "2026-02-30", "to": "2026/06/10", "label": ""}
            ])
        });
        assert!(has(&issues, Error, "$.electoral_periods[0].to"));
        assert!(has(&issues, Error, "$.electoral_periods[2]"));
        assert!(has(&issues, Error, "$.electoral_periods[3].from"));
        assert!(has(&issues, Error, "$.electoral_periods[3].to"));
        assert!(has(&issues, Warning, "$.electoral_periods[3].label"));
        assert!(!has(&issues, Error, "$.electoral_periods[1]"));
    }
}
