//! `banditore informativa`: formats, languages, escaping and errors, on the seed profiles.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banditore"))
        .arg("informativa")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn text_in_italian_by_default_with_every_art_13_element() {
    let o = run(&["--profile", "pkg-config/siracusa.json"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.starts_with("Informativa sul trattamento dei dati personali (art. 13 Regolamento (UE) 2016/679)\n"));
    for heading in [
        "Titolare del trattamento",
        "Responsabile della protezione dei dati",
        "Finalità e base giuridica",
        "Destinatari dei dati",
        "Trasferimenti fuori dall'Unione europea",
        "Periodo di conservazione",
        "Diritti dell'interessato",
        "Revoca del consenso",
        "Reclamo",
        "Natura del conferimento",
        "Decisioni automatizzate",
    ] {
        assert!(out.contains(&format!("\n{heading}")), "missing {heading}:\n{out}");
    }
    assert!(out.contains("Comune di Siracusa"));
    // Each right the notice names cites its article: legal basis, withdrawal, rights, complaint.
    for article in ["art. 6, par. 1", "art. 7, par. 3", "art. 77"] {
        assert!(out.contains(article), "missing {article}:\n{out}");
    }
}

#[test]
fn english_markdown() {
    let o = run(&["--profile", "pkg-config/concorezzo.json", "--lang", "en", "--format", "markdown"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("# Privacy notice (Art. 13 of Regulation (EU) 2016/679)\n"));
    assert!(out.contains("\n## Withdrawing consent\n"));
    assert!(out.contains("DISATTIVA ISCRIZIONE"), "how to leave a broadcast list is in the withdrawal section");
}

#[test]
fn html_is_escaped() {
    let mut p: serde_json::Value = serde_json::from_str(include_str!("fixtures/minimal-profile.json")).unwrap();
    p["privacy"]["retention"] = "Per 3 < 5 anni & \"oltre\"".into();
    let o = run(&["--profile", "-", "--format", "html"], Some(&p.to_string()));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.starts_with("<article class=\"informativa\" lang=\"it\">"));
    assert!(out.contains("<p>Per 3 &lt; 5 anni &amp; &quot;oltre&quot;</p>"), "{out}");
    // Markup in a profile never reaches the output: validation refuses it and names the field.
    p["privacy"]["retention"] = "<script>alert(1)</script>".into();
    let o = run(&["--profile", "-", "--format", "html"], Some(&p.to_string()));
    assert_eq!(o.status.code(), Some(2));
    assert!(!stdout(&o).contains("<script>"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("$.privacy.retention"));
    let o = run(&["--profile", "pkg-config/sesto-calende.json", "--format", "html"], None);
    let out = stdout(&o);
    assert!(
        out.contains("<section id=\"informativa-controller\">") && out.contains("<h2>Titolare del trattamento</h2>")
    );
    assert_eq!(out.matches("<section").count(), out.matches("</section>").count());
    assert_eq!(out.matches("<ul>").count(), out.matches("</ul>").count());
}

#[test]
fn bad_arguments_and_profiles_exit_2_with_a_message() {
    let o = run(&["--profile", "pkg-config/siracusa.json", "--format", "pdf"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unsupported format"));
    let o = run(&["--profile", "pkg-config/siracusa.json", "--lang", "fr"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unsupported language"));
    let o = run(&["--profile", "does-not-exist.json"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--profile", "-"], Some("{ not json"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("JSON"));
    assert!(o.stdout.is_empty());
}

#[test]
fn channel_option_picks_one_of_the_comune_s_channels() {
    let fixture = "tests/fixtures/www/two-channels.json";
    let first = run(&["--profile", fixture], None);
    let telegram = run(&["--profile", fixture, "--channel", "1"], None);
    assert!(first.status.success() && telegram.status.success(), "{}", String::from_utf8_lossy(&telegram.stderr));
    assert_eq!(
        stdout(&first),
        stdout(&run(&["--profile", fixture, "--channel", "0"], None)),
        "default: the first channel"
    );
    assert!(stdout(&telegram).contains("Telegram"), "{}", stdout(&telegram));
    assert_ne!(stdout(&first), stdout(&telegram));
    let o = run(&["--profile", fixture, "--channel", "5"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("0 (whatsapp-channel), 1 (telegram-channel)"), "{err}");
}
