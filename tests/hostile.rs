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

/// (name, profile, message) for every shape: `prefix`, `unit` repeated up to `bytes`, `suffix`.
fn shapes() -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_str(include_str!("fixtures/hostile.json")).unwrap();
    let bytes = json["bytes"].as_u64().unwrap() as usize;
    let mut out = Vec::new();
    for s in json["shapes"].as_array().unwrap() {
        let field = |k: &str| s[k].as_str().unwrap_or_default().to_owned();
        let (prefix, unit, suffix) = (field("prefix"), field("unit"), field("suffix"));
        let mut text = prefix;
        while text.len() + unit.len() + suffix.len() <= bytes {
            text.push_str(&unit);
        }
        text.push_str(&suffix);
        let profile = Some(field("profile")).filter(|p| !p.is_empty()).unwrap_or_else(|| "concorezzo".into());
        out.push((field("name"), profile, text));
    }
    out
}

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
