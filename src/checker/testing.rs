//! A small profile for unit tests (`tests/fixtures/minimal-profile.json`).

use crate::profile::Profile;

/// The fixture profile: a comune with one WhatsApp channel, Mon-Fri 9-13 hours, an electoral
/// period 2026-04-20..2026-05-25, one office holder (Mario Bianchi, Sindaco), a comune IBAN.
pub fn profile() -> Profile {
    crate::profile::parse(include_str!("../../tests/fixtures/minimal-profile.json")).expect("fixture profile parses")
}

/// Checks `text` with the fixture profile at a weekday morning outside electoral periods.
pub fn check(text: &str) -> super::Report {
    check_with(&profile(), text)
}

pub fn check_with(profile: &Profile, text: &str) -> super::Report {
    let draft = super::Draft { text: text.to_owned(), ..Default::default() };
    let now = crate::time::Timestamp::parse_rfc3339("2026-11-23T10:00:00+01:00").expect("valid");
    super::Checker::new(profile.clone()).check(&draft, now, crate::i18n::Lang::It).expect("check runs")
}

/// The findings of one rule id.
pub fn findings<'r>(report: &'r super::Report, rule: &str) -> Vec<&'r super::Finding> {
    report.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn fixture_profile_parses_and_checks_clean_text() {
    let r = check("Domani il mercato si sposta in piazza Roma.");
    assert!(r.can_send);
}
