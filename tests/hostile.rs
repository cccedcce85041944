//! Issue 12: hostile input. Every adversarial shape of `tests/fixtures/hostile.json`, built to
//! 64 KB, is checked with seed profiles: no panic, every span valid, and no stall. The time
//! bound is relative to an ordinary 64 KB notice checked in the same run (fifty times it, and
//! never under a second): far above the linear cost and below the quadratic one, in a debug
//! or release build alike; the figures themselves come from `cargo bench --bench hostile`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use banditore::checker::{Checker, Draft, Report};
use banditore::i18n::Lang;
use banditore::profile;
use banditore::time::Timestamp;

/// The least time a shape is allowed, whatever the baseline: a pause of the machine is not a
/// finding.
const STALL_FLOOR: Duration = Duration::from_secs(1);

#[path = "support/hostile_shapes.rs"]
mod hostile_shapes;
use hostile_shapes::shapes;
#[path = "support/spans.rs"]
mod spans;
use spans::assert_spans;

/// An ordinary notice repeated to 64 KB: the linear cost every shape is compared with.
fn normal_notice() -> String {
    let line = "Si informa la cittadinanza che lunedì 4 maggio, dalle 8.30 alle 17.30, via Roma sarà chiusa al traffico per lavori di manutenzione della rete idrica. Per informazioni: Ufficio Tecnico, tel. 039 1234567.\n";
    line.repeat(65_536 / line.len())
}

/// The best of three checks, so that one pause of a shared machine does not fail a shape.
fn best_of_three(checker: &Checker, text: &str, now: Timestamp) -> (Duration, Report) {
    let draft = Draft { text: text.to_owned(), ..Default::default() };
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let report = checker.check(&draft, now, Lang::It).unwrap();
            (t.elapsed(), report)
        })
        .min_by_key(|(took, _)| *took)
        .unwrap()
}

#[test]
fn hostile_shapes_check_without_stalling() {
    let now = Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap();
    let mut checkers: HashMap<String, (Checker, Duration)> = HashMap::new();
    for (shape, name, text) in shapes() {
        let (checker, baseline) = checkers.entry(name.clone()).or_insert_with(|| {
            let path = format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let checker = Checker::new(profile::parse(&std::fs::read_to_string(path).unwrap()).unwrap());
            let (baseline, _) = best_of_three(&checker, &normal_notice(), now);
            (checker, baseline)
        });
        let (took, report) = best_of_three(checker, &text, now);
        // Linear shapes cost up to about 10 times the notice (more findings, denser words), and
        // at most 80 ms in this build; the quadratic ones this file keeps took 4 s or more.
        let bound = STALL_FLOOR.max(*baseline * 50);
        assert!(took < bound, "{name} {shape}: {took:?}, over {bound:?} (a normal 64 KB notice: {baseline:?})");
        assert_spans(&text, &report);
    }
}

/// Past the platform's limit the whole text is still checked, and the length is an error; past
/// the engine's cap (256 KiB, more than any platform accepts) no rule runs and one error says so.
#[test]
fn past_the_length_limits_nothing_passes_silently() {
    let now = Timestamp::parse_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let json = include_str!("../pkg-config/concorezzo.json");
    let checker = Checker::new(profile::parse(json).unwrap());
    let max = checker.profile().platform.max_message_length as usize;

    let mut text = "Avviso. ".repeat(max / 8 + 10);
    text.push_str("Chiamate Mario al 333 1234567.");
    let report = checker.check(&Draft { text: text.clone(), ..Default::default() }, now, Lang::It).unwrap();
    assert!(!report.can_send);
    assert!(report.findings.iter().any(|f| f.rule == "format.length"));
    // The rules ran over the whole text, the part past the limit included.
    assert!(report.findings.iter().any(|f| f.rule == "personal-data.phone" && f.text == "333 1234567"));
    assert_spans(&text, &report);

    let text = "a".repeat(banditore::checker::MAX_INPUT_BYTES + 1);
    let report = checker.check(&Draft { text, ..Default::default() }, now, Lang::En).unwrap();
    assert!(!report.can_send);
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].rule, banditore::checker::TOO_LONG);
    assert!(report.findings[0].message.contains("not checked"), "{:?}", report.findings[0]);
}
