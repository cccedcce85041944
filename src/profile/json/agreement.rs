//! The hand-written reader against serde's derived `Deserialize` (test builds only): the same
//! `Profile` for every profile in the repository, and both refusing every broken input.

use serde_json::{json, Value as Json};

use crate::profile::{parse, Profile};

fn serde_parse(text: &str) -> Result<Profile, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn json_files(dir: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(path.to_str().unwrap(), out);
        } else if path.extension().is_some_and(|e| e == "json") && !path.ends_with("profile.schema.json") {
            out.push(path);
        }
    }
}

#[test]
fn every_profile_in_the_repository_reads_the_same() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    json_files(&format!("{root}/pkg-config"), &mut files);
    json_files(&format!("{root}/tests/fixtures"), &mut files);
    assert!(files.len() >= 20, "{files:?}");
    let mut parsed = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        match (parse(&text), serde_parse(&text)) {
            (Ok(ours), Ok(theirs)) => {
                assert_eq!(ours, theirs, "{}", file.display());
                parsed += 1;
            }
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{}: ours {ours:?}\nserde {theirs:?}", file.display()),
        }
    }
    assert!(parsed >= 15, "only {parsed} profiles parsed");
}

/// The minimal profile changed by `edit`.
fn minimal_with(edit: impl FnOnce(&mut Json)) -> String {
    let mut v: Json = serde_json::from_str(crate::profile::validate::testing::MINIMAL).unwrap();
    edit(&mut v);
    v.to_string()
}

fn remove(v: &mut Json, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key).expect(pointer);
}

/// Replaces the value at `pointer`, or adds it to its parent object.
fn set(v: &mut Json, pointer: &str, value: Json) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}")) {
        Json::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        other => *other.pointer_mut(&format!("/{key}")).unwrap_or_else(|| panic!("{pointer}")) = value,
    }
}

#[test]
fn defaults_and_optional_fields_agree() {
    let texts = [
        minimal_with(|v| {
            remove(v, "/service_hours/timezone");
            remove(v, "/service_hours/emergency_exempt");
            remove(v, "/checker");
            remove(v, "/institutional_contacts");
            remove(v, "/electoral_periods");
        }),
        minimal_with(|v| {
            set(
                v,
                "/channels/0",
                json!({"kind": "whatsapp-broadcast", "number": "+393665784663",
                "subscribe_keyword": "ATTIVA", "unsubscribe_keyword": "DISATTIVA"}),
            );
            set(v, "/service_hours", Json::Null);
            set(v, "/management/max_delegates", Json::Null);
            set(v, "/$schema", json!("profile.schema.json"));
        }),
        minimal_with(|v| {
            set(v, "/channels/0", json!({"kind": "telegram-group"}));
            set(
                v,
                "/checker",
                json!({"severity": {"link.suspicious": "info"}, "extra_terms": {"offensive": ["x"]},
                "readability_threshold": 50, "ignore": [{"rule": "phone", "text": "x"}]}),
            );
            set(v, "/management/max_delegates", json!(-0));
            set(v, "/notes", json!(["a", "b"]));
        }),
    ];
    for text in texts {
        let ours = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(Ok(ours), serde_parse(&text), "{text}");
    }
}

#[test]
fn both_refuse_every_broken_input() {
    // (what, JSON pointer in the minimal profile, new value or None to remove it, expected error path)
    let edits: Vec<(&str, &str, Option<Json>, &str)> = vec![
        ("type: number for string", "/id", Some(json!(5)), "$.id"),
        ("type: string for u32", "/platform/max_message_length", Some(json!("4096")), "$.platform.max_message_length"),
        ("type: float for u32", "/platform/max_message_length", Some(json!(4096.5)), "$.platform.max_message_length"),
        ("type: negative u32", "/platform/max_message_length", Some(json!(-1)), "$.platform.max_message_length"),
        (
            "type: u32 overflow",
            "/platform/max_message_length",
            Some(json!(4294967296u64)),
            "$.platform.max_message_length",
        ),
        ("type: string for bool", "/privacy/provision_optional", Some(json!("true")), "$.privacy.provision_optional"),
        ("type: object for array", "/categories", Some(json!({})), "$.categories"),
        ("type: null for required string", "/comune/name", Some(Json::Null), "$.comune.name"),
        (
            "type: array item",
            "/policy/articles/1/paragraphs/0",
            Some(json!(true)),
            "$.policy.articles[1].paragraphs[0]",
        ),
        (
            "type: map value",
            "/checker",
            Some(json!({"extra_terms": {"offensive": "x"}})),
            "$.checker.extra_terms.offensive",
        ),
        ("unknown field", "/comune/sito", Some(json!("x")), "$.comune.sito"),
        ("unknown root field", "/extra", Some(json!(1)), "$.extra"),
        ("unknown channel field", "/channels/0/invite_link", Some(json!("x")), "$.channels[0].invite_link"),
        ("field of another kind", "/channels/0/number", Some(json!("+39")), "$.channels[0].number"),
        ("missing required", "/comune/name", None, "$.comune"),
        ("missing required struct", "/privacy", None, "$"),
        ("missing in variant", "/channels/0/invite_url", None, "$.channels[0]"),
        ("missing tag", "/channels/0/kind", None, "$.channels[0]"),
        ("bad kind", "/channels/0/kind", Some(json!("whatsapp_channel")), "$.channels[0].kind"),
        ("kind not a string", "/channels/0/kind", Some(json!(1)), "$.channels[0].kind"),
        ("bad unit enum", "/privacy/legal_basis", Some(json!("public_task")), "$.privacy.legal_basis"),
        ("bad weekday", "/service_hours/slots/0/days/1", Some(json!("Tue")), "$.service_hours.slots[0].days[1]"),
        ("bad severity", "/forbidden/0/severity", Some(json!("fatal")), "$.forbidden[0].severity"),
        ("bad override", "/checker", Some(json!({"severity": {"phone": "high"}})), "$.checker.severity.phone"),
    ];
    let mut broken: Vec<(&str, String, &str)> = edits
        .into_iter()
        .map(|(name, pointer, value, path)| {
            let text = minimal_with(|v| match value {
                Some(value) => set(v, pointer, value),
                None => remove(v, pointer),
            });
            (name, text, path)
        })
        .collect();
    broken.push(("root not an object", "[]".into(), "$"));
    let minimal = crate::profile::validate::testing::MINIMAL;
    let syntax = [
        ("empty", String::new()),
        ("truncated", minimal[..minimal.len() / 2].to_owned()),
        ("trailing comma", minimal.replacen("\"MB\",", "\"MB\",,", 1)),
        ("trailing comma in array", minimal.replacen("\"fri\"]", "\"fri\",]", 1)),
        ("comment", minimal.replacen("{", "{ // profilo\n", 1)),
        ("trailing garbage", format!("{minimal} x")),
        ("duplicate key", minimal.replacen("\"id\": \"esempio\",", "\"id\": \"esempio\", \"id\": \"altro\",", 1)),
        ("lone surrogate", minimal.replacen("Esempio", "Esempio \\ud800", 1)),
        ("control character", minimal.replacen("Esempio", "Esem\u{1}pio", 1)),
        ("bad escape", minimal.replacen("Esempio", "Esempio \\q", 1)),
        ("single quotes", minimal.replacen("\"esempio\"", "'esempio'", 1)),
        ("leading zero", minimal.replacen("4096", "04096", 1)),
        ("deep", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
    ];
    for (name, text, path) in &broken {
        let ours = parse(text).expect_err(name);
        assert!(serde_parse(text).is_err(), "{name}: serde accepts it");
        assert_eq!(ours.path, *path, "{name}: {ours:?}");
        assert!(ours.message.it.contains("riga ") && ours.message.en.contains("line "), "{name}: {ours:?}");
    }
    for (name, text) in &syntax {
        let ours = parse(text).expect_err(name);
        assert!(serde_parse(text).is_err(), "{name}: serde accepts it");
        assert_eq!(ours.path, "$", "{name}: {ours:?}");
        assert!(ours.message.it.starts_with("JSON non valido (riga "), "{name}: {ours:?}");
        assert!(ours.message.en.starts_with("invalid JSON (line "), "{name}: {ours:?}");
    }
}
