//! `banditore check`: text output with line:col and carets, JSON identical to the library's
//! report, stdin, and exit codes 0 (sendable), 1 (errors), 2 (usage or profile errors).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use banditore::checker::{Checker, Draft, Report};
use banditore::i18n::Lang;
use banditore::time::Timestamp;

const PROFILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal-profile.json");
/// A Tuesday morning inside the fixture's service hours.
const AT: &str = "2026-11-24T10:00:00+01:00";

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banditore"))
        .arg("check")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(input) = stdin {
        // The command may exit before reading (usage errors): a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn draft_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("banditore-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn text_output_points_at_line_and_column_with_a_caret() {
    let file = draft_file("bozza.txt", "🚧 Avviso per la città\r\nPer adesioni: 333 1234567 entro venerdì.\n");
    let o = run(&["--profile", PROFILE, "--at", AT, &file], None);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let head = lines.iter().position(|l| l.contains("[personal-data.phone]")).expect("phone finding printed");
    assert!(lines[head].starts_with(&format!("{file}:2:15: errore [personal-data.phone] ")), "{}", lines[head]);
    assert_eq!(lines[head + 1], "2 | Per adesioni: 333 1234567 entro venerdì.");
    assert_eq!(lines[head + 2], format!("  | {}{}", " ".repeat(14), "^".repeat(11)));
    assert!(lines[head + 3].contains("fonte: GDPR art. 4 e 5.1.c"));
    assert!(lines[head + 4].contains("correzione: 333 *******"));
    let last = out.lines().last().unwrap();
    assert!(last.contains("da correggere prima dell'invio"));
    assert!(last.contains(": 1 errore, "), "one error, in the singular: {last}");
}

#[test]
fn columns_count_characters_after_accents_and_emoji() {
    let o = run(&["--profile", PROFILE, "--at", AT, "-"], Some("Città 🎉 già: mario.rossi@gmail.com\n"));
    let out = stdout(&o);
    assert!(out.contains("<stdin>:1:14: errore [personal-data.email]"), "{out}");
    assert!(out.contains(&format!("  | {}{}", " ".repeat(13), "^".repeat(21))), "{out}");
}

#[test]
fn english_messages_on_request() {
    let o = run(&["--profile", PROFILE, "--at", AT, "--lang", "en", "-"], Some("Call 333 1234567"));
    let out = stdout(&o);
    assert!(out.contains("error [personal-data.phone] A person's mobile number is personal data"), "{out}");
    assert!(out.contains("source: GDPR art. 4 e 5.1.c") && out.contains("fix: 333 *******"), "{out}");
}

#[test]
fn a_clean_message_exits_zero() {
    let o = run(
        &["--profile", PROFILE, "--at", AT, "--category", "pubblica-utilita", "-"],
        Some("Domani il mercato si sposta in piazza Roma. Ufficio Tributi: 039 7654321."),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("si può inviare"));
}

#[test]
fn json_is_the_librarys_report() {
    let text = "Il signor Rossi è ricoverato. Tel. 333 1234567 🚑";
    let o = run(&["--profile", PROFILE, "--at", AT, "--format", "json", "--category", "emergenze", "-"], Some(text));
    assert_eq!(o.status.code(), Some(1));
    let from_cli: Report = serde_json::from_slice(&o.stdout).expect("JSON report");
    let profile = banditore::profile::load(&std::fs::read_to_string(PROFILE).unwrap()).unwrap().0;
    let draft = Draft { text: text.to_owned(), category: Some("emergenze".into()), ..Default::default() };
    let expected = Checker::new(profile).check(&draft, Timestamp::parse_rfc3339(AT).unwrap(), Lang::It).unwrap();
    assert_eq!(from_cli, expected);
    assert!(from_cli.findings.iter().any(|f| f.rule == "special-category"));
}

#[test]
fn usage_and_profile_errors_exit_two() {
    let bad_profile = draft_file("bad.json", "{\"id\": 3}");
    for (args, stdin) in [
        (vec!["--profile", PROFILE, "--format", "xml", "-"], "x"),
        (vec!["--profile", PROFILE, "--lang", "fr", "-"], "x"),
        (vec!["--profile", PROFILE, "--at", "ieri", "-"], "x"),
        (vec!["--profile", PROFILE, "--at", "2026-05-04T09:30:00--05:00", "-"], "x"),
        (vec!["--profile", PROFILE, "--at", "2026-05-04T09:30:00Z+05:00", "-"], "x"),
        (vec!["--profile", PROFILE, "--at", "2026-05-04T09:30:00+05:-30", "-"], "x"),
        (vec!["--profile", PROFILE, "--category", "sport", "-"], "x"),
        (vec!["--profile", "/nonexistent/profile.json", "-"], "x"),
        (vec!["--profile", bad_profile.as_str(), "-"], "x"),
        (vec!["--profile", PROFILE, "/nonexistent/draft.txt"], ""),
        (vec!["-"], "x"),
    ] {
        let o = run(&args, Some(stdin));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(!o.stderr.is_empty(), "{args:?} explains itself on stderr");
    }
}

#[test]
fn an_endless_or_binary_input_is_refused_not_read_forever() {
    // `/dev/zero` never ends: the read stops at the limit with a clear error, for the message
    // and for the profile alike.
    if std::path::Path::new("/dev/zero").exists() {
        let o = run(&["--profile", PROFILE, "--at", AT, "/dev/zero"], None);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("16 MiB"), "{o:?}");
        let o = run(&["--profile", "/dev/zero", "--at", AT, "-"], Some("ciao"));
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("16 MiB"), "{o:?}");
    }
    // Bytes that are not UTF-8: the byte where the text stops being text.
    let path = draft_file("latin1.txt", "");
    std::fs::write(&path, b"Chiusa via Roma \xe8 domani").unwrap();
    let o = run(&["--profile", PROFILE, "--at", AT, &path], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("UTF-8") && err.contains("byte 16"), "{err}");
}
