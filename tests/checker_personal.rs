//! Personal-data, GDPR art. 9 and art. 10 rules through the public API: exact UTF-16 spans
//! whatever comes before a finding, and the clean corpus (`tests/corpus/clean/`) with every
//! seed profile.

use banditore::checker::{Checker, Draft, Report};
use banditore::i18n::Lang;
use banditore::profile::{self, Profile, Severity};
use banditore::time::Timestamp;

#[path = "support/spans.rs"]
mod spans;
use spans::assert_spans;

const FIXTURE: &str = include_str!("fixtures/minimal-profile.json");

fn fixture() -> Profile {
    profile::load(FIXTURE).map(|(p, _)| p).expect("fixture profile is valid")
}

/// A Tuesday morning in November 2026: inside service hours, outside electoral periods.
fn now() -> Timestamp {
    Timestamp::parse_rfc3339("2026-11-24T10:00:00+01:00").expect("valid")
}

fn check(profile: &Profile, text: &str) -> Report {
    let draft = Draft { text: text.to_owned(), ..Default::default() };
    Checker::new(profile.clone()).check(&draft, now(), Lang::It).expect("check runs")
}

fn found<'r>(report: &'r Report, rule: &str) -> Vec<&'r str> {
    report.findings.iter().filter(|f| f.rule == rule).map(|f| f.text.as_str()).collect()
}

#[test]
fn spans_are_exact_after_emoji_accents_crlf_and_combining_marks() {
    let p = fixture();
    let prefixes = [
        "🚧🚧 Città chiusa 👨‍👩‍👧 — ",
        "Perché\r\nè così?\r\n",
        "Comunicazione e\u{301} urgente\u{0327}: ",
        "*Avviso* _importante_ 🇮🇹\r\n\r\n",
        "",
    ];
    let cases = [
        ("personal-data.phone", "chiamate il 333 123 4567 oggi", "333 123 4567"),
        ("personal-data.email", "scrivete a mario.rossi@gmail.com oggi", "mario.rossi@gmail.com"),
        ("personal-data.tax-code", "C.F. RSSMRA85T10A562S allegato", "RSSMRA85T10A562S"),
        (
            "personal-data.iban",
            "versare su IT42 L123 4512 3451 2345 6789 012 entro",
            "IT42 L123 4512 3451 2345 6789 012",
        ),
        ("personal-data.id-document", "carta d'identità n. CA12345AB smarrita", "CA12345AB"),
        ("personal-data.license-plate", "veicolo targato AB 123 CD rimosso", "AB 123 CD"),
        ("special-category", "il signor Rossi è RICOVERATO", "RICOVERATO"),
        ("judicial-data", "la signora Verdi è stata arrestata", "arrestata"),
        ("personal-data.person-name", "Giuseppe Neri, 45 anni, cerca casa", "Giuseppe Neri"),
    ];
    for prefix in prefixes {
        for (rule, body, expected) in cases {
            let text = format!("{prefix}{body}");
            let r = check(&p, &text);
            assert_spans(&text, &r);
            assert_eq!(found(&r, rule), [expected], "{rule} in {text:?}: {:?}", r.findings);
        }
    }
}

#[test]
fn an_accented_word_with_combining_marks_is_covered_whole() {
    let p = fixture();
    // "positivo" spelled plain, "e\u{300}" as a combining grave: the span ends after the mark.
    let text = "🚑 Il signor Rossi e\u{300} ricoverato\u{301}.";
    let r = check(&p, text);
    assert_spans(text, &r);
    assert_eq!(found(&r, "special-category"), ["ricoverato\u{301}"]);
}

#[test]
fn every_finding_has_a_rule_a_source_and_a_message_in_both_languages() {
    let p = fixture();
    let text = "Il signor Rossi, 333 1234567, mario.rossi@gmail.com, C.F. RSSMRA85T10A562S, è ricoverato ed è stato arrestato.";
    for lang in [Lang::It, Lang::En] {
        let draft = Draft { text: text.to_owned(), ..Default::default() };
        let r = Checker::new(p.clone()).check(&draft, now(), lang).unwrap();
        assert!(!r.can_send);
        let ours: Vec<_> = r
            .findings
            .iter()
            .filter(|f| {
                f.rule.starts_with("personal-data") || f.rule == "special-category" || f.rule == "judicial-data"
            })
            .collect();
        assert!(ours.len() >= 6, "{ours:?}");
        for f in ours {
            assert!(f.source.contains("GDPR art."), "{f:?}");
            assert!(!f.message.is_empty());
            assert!(f.fix.is_some(), "{f:?}");
        }
        let en = r.findings.iter().find(|f| f.rule == "personal-data.phone").unwrap();
        match lang {
            Lang::It => assert!(en.message.contains("dato personale")),
            Lang::En => assert!(en.message.contains("personal data")),
        }
    }
}

#[test]
fn profile_settings_apply_to_personal_data_rules() {
    let mut p = fixture();
    p.checker.disabled_rules.push("personal-data".into());
    let r = check(&p, "Chiamate il 333 1234567 o mario.rossi@gmail.com");
    assert!(found(&r, "personal-data.phone").is_empty() && found(&r, "personal-data.email").is_empty());
    let mut p = fixture();
    p.checker.severity.insert("personal-data.phone".into(), Severity::Warning);
    let r = check(&p, "Chiamate il 333 1234567");
    assert_eq!(r.findings.iter().find(|f| f.rule == "personal-data.phone").unwrap().severity, Severity::Warning);
}

#[test]
fn the_report_serialises_with_the_public_field_names() {
    let r = check(&fixture(), "Chiamate il 333 1234567");
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "personal-data.phone").unwrap();
    for key in ["rule", "severity", "start", "end", "byte_start", "byte_end", "text", "message", "source", "fix"] {
        assert!(f.get(key).is_some(), "{key}");
    }
    assert_eq!(f["severity"], "error");
    assert_eq!(v["can_send"], false);
}

/// Every seed profile (`pkg-config/*.json`), plus the fixture. A seed that stops loading fails
/// here rather than quietly leaving the corpus checked against fewer profiles.
fn profiles() -> Vec<(String, Profile)> {
    let mut out = vec![("fixture".to_owned(), fixture())];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-config");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().ends_with(".schema.json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let (p, _) = profile::load(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        out.push((path.file_name().unwrap().to_string_lossy().into_owned(), p));
    }
    assert!(out.len() >= 6, "the fixture and the five seed comuni: {}", out.len());
    out
}

#[test]
fn the_clean_corpus_has_no_errors_with_any_seed_profile() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "the clean corpus has {} messages", files.len());
    let profiles = profiles();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for (name, p) in &profiles {
            let r = check(p, &text);
            assert_spans(&text, &r);
            for f in r.findings.iter().filter(|f| f.severity == Severity::Error) {
                failures.push(format!(
                    "{} with {name}: [{}] {:?} {}",
                    path.file_name().unwrap().to_string_lossy(),
                    f.rule,
                    f.text,
                    f.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} errors in the clean corpus:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_clean_corpus_raises_no_personal_data_warnings_with_the_fixture() {
    // Warnings are allowed, but a clean message should not nag about personal data either:
    // this keeps the rules from drifting towards false positives.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
    let p = fixture();
    let mut noisy = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for f in check(&p, &text).findings {
            let ours = f.rule.starts_with("personal-data") || f.rule == "special-category" || f.rule == "judicial-data";
            if ours && f.severity == Severity::Warning {
                noisy.push(format!("{}: [{}] {:?}", entry.file_name().to_string_lossy(), f.rule, f.text));
            }
        }
    }
    assert!(noisy.is_empty(), "{}", noisy.join("\n"));
}
