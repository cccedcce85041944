//! What a remembered consent covers and when it is asked again (issue 12 item 8, issue 14 items
//! 4 and 5): the receipt's content hash covers everything shown before consent, a numbered
//! policy revision re-asks only when it changes, `validate` says which section changed without
//! a new revision, and a profile in a newer format is refused with a message saying so.

use banditore::consent::{policy_version, section_hashes, Flow, Receipt, Step, SECTIONS};
use banditore::i18n::Lang;
use banditore::profile::{self, validate::validate, IssueLevel, Profile, FORMAT};
use banditore::time::Timestamp;

fn fixture() -> Profile {
    profile::load(include_str!("fixtures/minimal-profile.json")).expect("fixture loads").0
}

fn seed(name: &str) -> Profile {
    let text = std::fs::read_to_string(format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    profile::load(&text).unwrap_or_else(|e| panic!("{name}: {e:?}")).0
}

/// A remembered consent for `p`, as the widget stores it.
fn consent_json(p: &Profile) -> String {
    let mut f = Flow::new(p, Lang::It, None).unwrap();
    f.next().unwrap();
    f.next().unwrap();
    let ids: Vec<&str> = f.acks().iter().map(|a| a.id).collect();
    for id in ids {
        f.set_ack(id, true).unwrap();
    }
    f.consent(Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap()).unwrap().to_json()
}

fn asked_again(p: &Profile, saved: &str) -> bool {
    let f = Flow::new(p, Lang::It, Some(saved)).unwrap();
    assert_eq!(f.step() == Step::Join, !f.policy_changed());
    f.policy_changed()
}

/// A change to a profile, named in the assertion that fails.
type Edit = Box<dyn Fn(&mut Profile)>;

/// Every change to the first step's summary (what the channel sends and never sends, the hours,
/// the audience) changes the version and asks again, in whichever language it shows.
#[test]
fn the_version_covers_the_first_steps_summary() {
    for name in ["siracusa", "concorezzo", "sesto-calende"] {
        let p = seed(name);
        let saved = consent_json(&p);
        let v0 = policy_version(&p, banditore::consent::primary_channel(&p).map(|(_, c)| c));
        let edits: Vec<(&str, Edit)> = vec![
            ("a category label", Box::new(|p: &mut Profile| p.categories[0].label.push_str(" e viabilità"))),
            (
                "a new category",
                Box::new(|p: &mut Profile| {
                    let mut c = p.categories[0].clone();
                    c.id = "nuova".into();
                    c.label = "Eventi sportivi".into();
                    c.emergency = false;
                    p.categories.push(c);
                }),
            ),
            ("a forbidden label", Box::new(|p: &mut Profile| p.forbidden[0].label.push_str(" o commerciali"))),
            ("the audience", Box::new(|p: &mut Profile| p.audience.description = "Imprese del territorio".into())),
            (
                "the hours",
                Box::new(|p: &mut Profile| {
                    if let Some(h) = p.service_hours.as_mut() {
                        h.slots[0].to = "23:00".into();
                    } else {
                        p.service_hours = Some(profile::ServiceHours {
                            timezone: "Europe/Rome".into(),
                            slots: vec![profile::TimeSlot {
                                days: vec![profile::Weekday::Mon],
                                from: "09:00".into(),
                                to: "12:00".into(),
                            }],
                            emergency_exempt: true,
                            note: String::new(),
                        });
                    }
                }),
            ),
            (
                "the emergency exemption",
                Box::new(|p: &mut Profile| {
                    if let Some(h) = p.service_hours.as_mut() {
                        h.emergency_exempt = !h.emergency_exempt;
                    } else {
                        p.privacy.end_to_end_encrypted = !p.privacy.end_to_end_encrypted;
                    }
                }),
            ),
            (
                "the policy's link",
                Box::new(|p: &mut Profile| p.policy.url = "https://www.comune.example.it/disciplinare".into()),
            ),
        ];
        for (what, edit) in edits {
            let mut changed = p.clone();
            edit(&mut changed);
            let v1 = policy_version(&changed, banditore::consent::primary_channel(&changed).map(|(_, c)| c));
            assert_ne!(v0, v1, "{name}: {what} must change the version");
            assert!(asked_again(&changed, &saved), "{name}: {what} must ask again");
        }
        // What is not shown before consent keeps it: a help contact, the checker's settings.
        let mut same = p.clone();
        same.help.email = "urp@comune.example.it".into();
        same.checker.disabled_rules.push("readability".into());
        assert!(!asked_again(&same, &saved), "{name}: help and checker settings are not read before consent");
    }
}

#[test]
fn a_numbered_revision_re_asks_only_when_it_changes() {
    let mut p = fixture();
    p.policy.revision = Some(3);
    let saved = consent_json(&p);
    let r = Receipt::from_json(&saved).unwrap();
    assert_eq!(r.revision, Some(3), "the receipt keeps the revision");
    assert_eq!(r.policy_version, policy_version(&p, Some(&p.channels[0])), "and the content hash, for the record");

    // A typo fixed under the same revision: the consent holds, and its receipt is unchanged.
    let mut typo = p.clone();
    typo.policy.articles[0].paragraphs[0].push('.');
    let f = Flow::new(&typo, Lang::It, Some(&saved)).unwrap();
    assert_eq!(f.step(), Step::Join);
    assert_eq!(f.receipt().map(|r| r.to_json()), Some(saved.clone()));

    // A new revision asks again, with the comune's message.
    let mut bumped = typo.clone();
    bumped.policy.revision = Some(4);
    bumped.policy.revision_message = "Dal 1° marzo il canale invia anche le allerte meteo.".into();
    let f = Flow::new(&bumped, Lang::En, Some(&saved)).unwrap();
    assert_eq!(f.step(), Step::Policy);
    let m = f.view().messages;
    assert!(!m.policy_changed.is_empty());
    assert_eq!(m.revision_message, "Dal 1° marzo il canale invia anche le allerte meteo.");
    // Shown only to those asked again.
    assert_eq!(Flow::new(&bumped, Lang::It, None).unwrap().view().messages.revision_message, "");

    // A receipt from before the comune numbered its revisions holds while the content is the
    // same (adopting revisions asks nobody again), and not once the content changed.
    let mut unnumbered = p.clone();
    unnumbered.policy.revision = None;
    let old = consent_json(&unnumbered);
    assert_eq!(Receipt::from_json(&old).unwrap().revision, None, "old receipts still read");
    assert!(!asked_again(&p, &old), "same content, now numbered: kept");
    assert!(asked_again(&typo, &old), "changed content: asked again");
}

fn warnings_at(issues: &[banditore::profile::ProfileIssue], path: &str) -> Vec<String> {
    issues.iter().filter(|i| i.path == path && i.level == IssueLevel::Warning).map(|i| i.message.en.clone()).collect()
}

#[test]
fn validate_says_which_section_changed_without_a_new_revision() {
    let mut p = fixture();
    p.policy.revision = Some(1);
    assert_eq!(warnings_at(&validate(&p), "$.policy.revision_hashes").len(), 1, "no hashes recorded: a warning");
    p.policy.revision_hashes = section_hashes(&p).into_iter().map(|(s, h)| (s.to_owned(), h)).collect();
    assert_eq!(p.policy.revision_hashes.len(), SECTIONS.len());
    assert!(warnings_at(&validate(&p), "$.policy.revision").is_empty(), "recorded and unchanged: silent");

    let mut changed = p.clone();
    changed.categories[0].label.push_str(" e viabilità");
    let w = warnings_at(&validate(&changed), "$.policy.revision");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("summary") && !w[0].contains("policy's text") && !w[0].contains("privacy notice"),
        "{}",
        w[0]
    );

    let mut changed = p.clone();
    changed.privacy.retention = "I dati sono conservati per un anno.".into();
    let w = warnings_at(&validate(&changed), "$.policy.revision");
    assert!(w[0].contains("privacy notice") && !w[0].contains("summary"), "{}", w[0]);

    let mut changed = p.clone();
    changed.policy.articles[0].title.push('!');
    let w = warnings_at(&validate(&changed), "$.policy.revision");
    assert!(w[0].contains("policy's text") && !w[0].contains("privacy notice"), "{}", w[0]);

    // An unknown section is an error naming it.
    let mut bad = p.clone();
    bad.policy.revision_hashes.insert("riassunto".into(), "sha256:00".into());
    assert!(validate(&bad)
        .iter()
        .any(|i| i.level == IssueLevel::Error && i.path == "$.policy.revision_hashes.riassunto"));
}

#[test]
fn a_newer_format_is_refused_with_a_message_that_says_so() {
    let text = include_str!("fixtures/minimal-profile.json");
    let newer = text.replacen('{', &format!("{{\"format\": {}, \"new_field_of_the_future\": true,", FORMAT + 1), 1);
    let e = profile::load(&newer).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].path, "$.format");
    assert!(e[0].message.en.contains("newer") && e[0].message.en.contains("update Banditore"), "{}", e[0].message.en);
    // The current format reads, and an unknown field stays an error in the current format.
    let current = text.replacen('{', &format!("{{\"format\": {FORMAT},"), 1);
    assert_eq!(profile::load(&current).unwrap().0.format, Some(FORMAT));
    let unknown = text.replacen('{', &format!("{{\"format\": {FORMAT}, \"new_field_of_the_future\": true,"), 1);
    assert_eq!(profile::load(&unknown).unwrap_err()[0].path, "$.new_field_of_the_future");
    let zero = text.replacen('{', "{\"format\": 0,", 1);
    assert_eq!(profile::load(&zero).unwrap_err()[0].path, "$.format");
}
