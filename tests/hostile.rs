//! Issue 12: hostile input. Every adversarial shape of `tests/fixtures/hostile.json`, built to
//! 64 KB, is checked with seed profiles: no panic, every span valid, and no stall. The time
//! ceiling is a stall guard for a debug build on a shared machine, far above the linear cost
//! (milliseconds in release, see BENCHMARKS.md) and far below the quadratic one (minutes);
//! the figures themselves come from `cargo bench --bench hostile`.

use std::time::{Duration, Instant};

use banditore::checker::{Checker, Draft, Report};
use banditore::i18n::Lang;
use banditore::profile;
use banditore::time::Timestamp;

const STALL: Duration = Duration::from_secs(20);

#[path = "support/hostile_shapes.rs"]
mod hostile_shapes;
use hostile_shapes::shapes;

/// Spans inside the text, on char boundaries, `text` equal to the byte slice, and UTF-16 offsets
/// that denote the same characters.
pub fn assert_spans(text: &str, report: &Report) {
    for f in &report.findings {
        assert!(f.byte_start <= f.byte_end && f.byte_end <= text.len(), "{f:?}");
        assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end), "{f:?}");
        assert_eq!(f.text, text[f.byte_start..f.byte_end], "{f:?}");
        let units = text[..f.byte_start].encode_utf16().count();
        assert_eq!(f.start, units, "{f:?}");
        assert_eq!(f.end - f.start, f.text.encode_utf16().count(), "{f:?}");
    }
}

#[test]
fn hostile_shapes_check_without_stalling() {
    let now = Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap();
    for (shape, name, text) in shapes() {
        let json = std::fs::read_to_string(format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let checker = Checker::new(profile::parse(&json).unwrap());
        let draft = Draft { text: text.clone(), ..Default::default() };
        let t = Instant::now();
        let report = checker.check(&draft, now, Lang::It).unwrap();
        let took = t.elapsed();
        assert!(took < STALL, "{name} {shape}: {took:?}");
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
