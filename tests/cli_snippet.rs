//! `banditore snippet` (the embed HTML with its fallback content) and `banditore revision`.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banditore")).args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn tmp_profile(name: &str, edit: impl Fn(&mut serde_json::Value)) -> String {
    let text = std::fs::read_to_string(format!("{}/pkg-config/siracusa.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut v);
    let path = std::env::temp_dir().join(format!("banditore-{name}-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_snippet_links_policy_and_informativa_before_the_join_link() {
    let file = tmp_profile("snippet", |v| {
        v["policy"]["url"] = "https://www.comune.siracusa.it/disciplinare-whatsapp".into();
        v["privacy"]["informativa_url"] = "https://www.comune.siracusa.it/privacy?x=1&y=2".into();
    });
    let o = run(&["snippet", "--profile", &file, "--profile-url", "/profiles/siracusa.json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = stdout(&o);
    assert!(html.starts_with("<banditore-iscrizione profile=\"/profiles/siracusa.json\" lang=\"it\">"), "{html}");
    let policy = html.find("disciplinare-whatsapp").expect("policy link");
    let informativa = html.find("privacy?x=1&amp;y=2").expect("informativa link, escaped");
    let join = html.find("https://whatsapp.com/channel/").expect("join link");
    assert!(policy < join && informativa < join, "{html}");
    assert!(html.contains("<script type=\"module\" src=\"/banditore/banditore-iscrizione.js\"></script>"));
    std::fs::remove_file(file).ok();
}

#[test]
fn without_a_policy_or_informativa_page_the_snippet_has_no_join_link_and_says_why() {
    // The seeds publish neither page: the fallback is the comune's site only.
    let o = run(&["snippet", "--profile", "pkg-config/siracusa.json", "--lang", "en"]);
    assert!(o.status.success());
    let html = stdout(&o);
    assert!(!html.contains("whatsapp.com"), "{html}");
    assert!(html.contains("lang=\"en\"") && html.contains("https://www.comune.siracusa.it"), "{html}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("policy.url") && err.contains("privacy.informativa_url"), "{err}");
    // An invalid profile: no snippet at all.
    let bad = tmp_profile("snippet-bad", |v| {
        v["channels"][0]["invite_url"] = "https://whatsapp.com.attacker.example/channel/x".into()
    });
    let o = run(&["snippet", "--profile", &bad]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    std::fs::remove_file(bad).ok();
}

#[test]
fn revision_records_and_bumps_and_validate_notices_changes() {
    let file = tmp_profile("revision", |_| {});
    let o = run(&["revision", &file]);
    assert!(stdout(&o).contains("not recorded"), "{}", stdout(&o));
    let before = std::fs::read_to_string(&file).unwrap();
    assert!(run(&["revision", &file, "--record"]).status.success());
    // Only the new fields were written: without them the file is byte for byte what it was.
    let after = std::fs::read_to_string(&file).unwrap();
    let start = after.find(",\n    \"revision\": 1").expect("revision added after the policy's last field");
    let end = start + after[start..].find("\n    }").unwrap() + "\n    }".len();
    assert_eq!(format!("{}{}", &after[..start], &after[end..]), before);
    let v: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(v["policy"]["revision"], 1);
    assert_eq!(v["policy"]["revision_hashes"].as_object().unwrap().len(), 4);
    let quiet = run(&["validate", &file]);
    assert!(!stdout(&quiet).contains("$.policy.revision"), "{}", stdout(&quiet));

    // A change without a new revision: validate names the section.
    let text = std::fs::read_to_string(&file).unwrap().replace("Iniziative ed eventi", "Iniziative, eventi e sport");
    assert_ne!(text, std::fs::read_to_string(&file).unwrap(), "the edit applies");
    std::fs::write(&file, text).unwrap();
    let out = stdout(&run(&["validate", "--lang", "en", &file]));
    assert!(out.contains("$.policy.revision") && out.contains("first step's summary"), "{out}");
    assert!(run(&["revision", &file, "--bump", "--message", "Anche il \"meteo\""]).status.success());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["policy"]["revision"], 2);
    assert_eq!(v["policy"]["revision_message"], "Anche il \"meteo\"");
    assert_eq!(v["policy"]["revision_hashes"].as_object().unwrap().len(), 4, "replaced, not duplicated");
    // A second record keeps the revision and its message.
    assert!(run(&["revision", &file, "--record"]).status.success());
    let again: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(again["policy"]["revision"], 2);
    assert_eq!(again["policy"]["revision_message"], "Anche il \"meteo\"");
    assert!(run(&["validate", &file]).status.success(), "no duplicate keys: the strict reader accepts it");
    assert!(!stdout(&run(&["validate", &file])).contains("$.policy.revision"));
    std::fs::remove_file(file).ok();
}
