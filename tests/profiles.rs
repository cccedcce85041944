//! The seed profiles, the JSON Schema's agreement with the Rust types, and broken or hostile
//! profiles (each must fail with an error that names the JSON path of the problem).

use banditore::profile::{self, validate::validate, Channel, IssueLevel, Profile, ProfileIssue, Weekday};
use serde_json::Value;

const SEEDS: [&str; 5] = ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"];

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed(name: &str) -> Profile {
    profile::parse(&read(&format!("pkg-config/{name}.json"))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn committed_schema() -> Value {
    serde_json::from_str(&read("pkg-config/profile.schema.json")).expect("the committed schema is JSON")
}

fn schema_validator() -> jsonschema::Validator {
    jsonschema::validator_for(&committed_schema()).expect("the committed schema is a valid JSON Schema")
}

fn schema_errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path)).collect()
}

// --- schema and types agree ---------------------------------------------------------------

#[test]
fn committed_schema_is_the_one_generated_from_the_types() {
    let generated = profile::schema_json();
    let committed = read("pkg-config/profile.schema.json");
    assert!(
        committed.trim_end() == generated.trim_end(),
        "pkg-config/profile.schema.json is stale: run `cargo run -- schema > pkg-config/profile.schema.json`"
    );
}

#[test]
fn every_seed_validates_against_the_schema_and_round_trips() {
    let v = schema_validator();
    for name in SEEDS {
        let raw: Value = serde_json::from_str(&read(&format!("pkg-config/{name}.json"))).unwrap();
        assert_eq!(schema_errors(&v, &raw), Vec::<String>::new(), "{name} as written");
        // What the types write back must satisfy the schema too, and parse to the same profile.
        let p = seed(name);
        let written = serde_json::to_value(&p).unwrap();
        assert_eq!(schema_errors(&v, &written), Vec::<String>::new(), "{name} as serialized");
        assert_eq!(profile::parse(&written.to_string()).unwrap(), p, "{name} round trip");
    }
}

/// Both directions: the documents the types refuse, the schema refuses too.
#[test]
fn schema_and_types_refuse_the_same_structural_errors() {
    let v = schema_validator();
    for f in ["wrong-type", "unknown-field", "unknown-channel-field"] {
        let text = read(&format!("tests/fixtures/profiles/{f}.json"));
        let json: Value = serde_json::from_str(&text).unwrap();
        assert!(profile::parse(&text).is_err(), "{f}: the types accept it");
        assert!(!v.is_valid(&json), "{f}: the schema accepts it");
    }
    let minimal: Value = serde_json::from_str(&read("tests/fixtures/minimal-profile.json")).unwrap();
    let mut missing = minimal.clone();
    missing.as_object_mut().unwrap().remove("privacy");
    assert!(profile::parse(&missing.to_string()).is_err());
    assert!(!v.is_valid(&missing));
    let mut bad_kind = minimal.clone();
    bad_kind["channels"][0]["kind"] = "sms".into();
    assert!(profile::parse(&bad_kind.to_string()).is_err());
    assert!(!v.is_valid(&bad_kind));
    assert!(v.is_valid(&minimal));
}

// --- the seeds ---------------------------------------------------------------------------

#[test]
fn every_seed_is_valid_with_warnings_only_for_real_gaps() {
    for name in SEEDS {
        let p = seed(name);
        assert_eq!(p.id, name);
        let issues = validate(&p);
        let errors: Vec<&ProfileIssue> = issues.iter().filter(|i| i.level == IssueLevel::Error).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert!(profile::load(&read(&format!("pkg-config/{name}.json"))).is_ok());
        // Every seed lacks its DPO's contacts; the profile must not invent them.
        assert!(issues.iter().any(|i| i.path == "$.privacy.dpo"), "{name}");
    }
}

#[test]
fn every_seed_carries_its_policy_text_and_the_garante() {
    for (name, articles) in [("seveso", 7), ("leini", 7), ("concorezzo", 8), ("siracusa", 7), ("sesto-calende", 7)] {
        let p = seed(name);
        assert_eq!(p.policy.articles.len(), articles, "{name}");
        assert!(p.policy.articles.iter().all(|a| !a.paragraphs.is_empty()), "{name}");
        assert_eq!(p.privacy.supervisory_authority.name, "Garante per la protezione dei dati personali");
        assert!(p.privacy.provision_optional);
        assert!(!p.privacy.purposes.is_empty());
        assert_eq!(p.platform.max_message_length, 65_536);
        assert!(p.channels.iter().all(Channel::is_one_way));
        assert_eq!(p.categories.iter().filter(|c| c.emergency).count(), usize::from(name != "sesto-calende"), "{name}");
    }
}

fn forbidden_ids(p: &Profile) -> Vec<&str> {
    p.forbidden.iter().map(|f| f.id.as_str()).collect()
}

fn category_ids(p: &Profile) -> Vec<&str> {
    p.categories.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn seveso_key_facts() {
    let p = seed("seveso");
    assert_eq!(p.comune.province, "MB");
    assert_eq!(p.comune.website, "https://www.comune.seveso.mb.it");
    assert_eq!((p.policy.approval.number.as_str(), p.policy.approval.date.as_str()), ("78", "2026-03-20"));
    assert_eq!(category_ids(&p), ["emergenze", "pubblica-utilita", "eventi", "attivita-istituzionali"]);
    assert!(p.categories[0].emergency);
    for id in ["political", "advertising", "special-category", "judicial-data"] {
        assert!(forbidden_ids(&p).contains(&id), "{id}");
    }
    assert_eq!(p.forbidden[0].source, "art. 2.2");
    // No link published yet: the channel is there, its link empty (a warning, not an error).
    assert!(matches!(&p.channels[..], [Channel::WhatsappChannel { invite_url, .. }] if invite_url.is_empty()));
    assert!(p.policy.articles[1].paragraphs.iter().any(|t| t.contains("propaganda elettorale")));
}

#[test]
fn leini_key_facts() {
    let p = seed("leini");
    assert_eq!((p.comune.province.as_str(), p.comune.tax_code.as_str()), ("TO", "01777400019"));
    assert_eq!(p.policy.approval.number, "");
    assert_eq!(p.policy.approval.date, "");
    assert_eq!(p.management.max_delegates, Some(5));
    assert_eq!(p.categories.len(), 5);
    let emergency = p.categories.iter().find(|c| c.emergency).unwrap();
    assert!(emergency.description.contains("interruzione di pubblici servizi"));
    assert!(emergency.label.contains("Viabilità"));
    let issues = validate(&p);
    for path in ["$.comune.website", "$.policy.approval.number", "$.policy.approval.date", "$.help"] {
        assert!(issues.iter().any(|i| i.path == path && i.level == IssueLevel::Warning), "{path}");
    }
}

#[test]
fn concorezzo_key_facts() {
    let p = seed("concorezzo");
    match &p.channels[..] {
        [Channel::WhatsappBroadcast {
            name,
            number,
            subscribe_keyword,
            unsubscribe_keyword,
            save_contact_required,
            ..
        }] => {
            assert_eq!(name, "WhatsConcorezzo");
            assert_eq!(number, "+393665784663");
            assert_eq!(subscribe_keyword, "ATTIVA ISCRIZIONE");
            assert_eq!(unsubscribe_keyword, "DISATTIVA ISCRIZIONE");
            assert!(save_contact_required);
        }
        other => panic!("{other:?}"),
    }
    let hours = p.service_hours.as_ref().unwrap();
    assert_eq!(hours.timezone, "Europe/Rome");
    assert!(hours.emergency_exempt);
    assert_eq!(hours.slots.len(), 1);
    assert_eq!(hours.slots[0].days, [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]);
    assert_eq!((hours.slots[0].from.as_str(), hours.slots[0].to.as_str()), ("09:00", "13:00"));
    assert_eq!(p.help.email, "comunicazione@comune.concorezzo.mb.it");
    let holders: Vec<(&str, &str)> =
        p.institutional_contacts.office_holders.iter().map(|h| (h.name.as_str(), h.role.as_str())).collect();
    assert_eq!(holders, [("Mauro Capitanio", "Sindaco"), ("Sabina Maria Ricapito", "Segretario Generale")]);
    assert!(p.institutional_contacts.phones.contains(&"+393665784663".to_owned()));
    // Art. 4 has two lettered lists: categories a-f (allowed), forbidden a-j, each naming its list and letter.
    for (letter, id) in [("a", "campagne-informative"), ("f", "trasparenza")] {
        assert_eq!(
            p.categories.iter().find(|c| c.id == id).unwrap().source,
            format!("art. 4 (contenuti ammessi) lett. {letter}")
        );
    }
    let lettered: Vec<&str> = p
        .forbidden
        .iter()
        .filter(|f| f.source.starts_with("art. 4 (contenuti vietati) lett."))
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(
        lettered,
        [
            "obscene",
            "offensive",
            "defamation",
            "discrimination",
            "off-topic",
            "fraud",
            "link.suspicious",
            "copyright",
            "advertising",
            "illegal"
        ]
    );
    assert!(forbidden_ids(&p).contains(&"political"));
    assert!(forbidden_ids(&p).contains(&"electoral-period"));
    assert_eq!(p.policy.approval.number, "");
}

#[test]
fn siracusa_key_facts() {
    let p = seed("siracusa");
    match &p.channels[..] {
        [Channel::WhatsappChannel { invite_url, info_url, .. }] => {
            assert_eq!(invite_url, "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N");
            assert_eq!(
                info_url,
                "https://www.comune.siracusa.it/novita/si-rinnova-il-whatsapp-ufficiale-del-comune-di-siracusa"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(p.comune.pec, "protocollo@comune.siracusa.legalmail.it");
    assert_eq!(p.comune.website, "https://www.comune.siracusa.it");
    assert_eq!(p.help.name, "Sportello al Cittadino");
    assert_eq!(p.help.email, "sportello.cittadino@comune.siracusa.it");
    assert_eq!(p.help.toll_free, "800299507");
    assert!(!p.privacy.end_to_end_encrypted);
    assert_eq!(p.forbidden.iter().find(|f| f.id == "special-category").unwrap().source, "art. 4.3");
}

#[test]
fn sesto_calende_key_facts() {
    let p = seed("sesto-calende");
    assert_eq!(p.audience.kind, profile::AudienceKind::Businesses);
    assert!(!p.privacy.end_to_end_encrypted);
    assert_eq!((p.policy.approval.number.as_str(), p.policy.approval.date.as_str()), ("2", "2025-01-17"));
    match &p.channels[..] {
        [Channel::WhatsappChannel { invite_url, leave_instructions, .. }] => {
            assert_eq!(invite_url, "https://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U");
            assert!(leave_instructions.contains("art. 5"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(p.help.email, "info@comune.sesto-calende.va.it");
    assert!(p.service_hours.is_none());
    assert!(category_ids(&p).contains(&"bandi"));
    assert!(validate(&p).iter().any(|i| i.path == "$.categories" && i.level == IssueLevel::Warning));
}

// --- broken and hostile profiles ------------------------------------------------------------

/// Parse errors and validation errors alike, as the CLI reports them.
fn fixture_issues(name: &str) -> Vec<ProfileIssue> {
    match profile::parse(&read(&format!("tests/fixtures/profiles/{name}.json"))) {
        Ok(p) => validate(&p),
        Err(e) => vec![e],
    }
}

#[test]
fn broken_and_hostile_profiles_fail_with_path_named_errors() {
    for (fixture, path, words) in [
        ("wrong-type", "$.platform.max_message_length", "atteso un numero intero da 0 a 4294967295"),
        ("unknown-field", "$.comune.sito", "sito"),
        ("unknown-channel-field", "$.channels[0]", "invite_link"),
        ("javascript-link", "$.channels[0].invite_url", "javascript"),
        ("http-link", "$.comune.website", "https"),
        ("inverted-period", "$.electoral_periods[0].to", "invertito"),
        ("overlapping-periods", "$.electoral_periods[1]", "sovrappone"),
        ("markup", "$.policy.articles[0].paragraphs[0]", "<script>"),
        ("markup", "$.categories[1].label", "<img"),
        ("markup", "$.institutional_contacts.office_holders[0].name", "onmouseover"),
        ("group-channel", "$.channels[0].kind", "art. 1.6"),
        ("bad-hours", "$.service_hours.slots[0].from", "HH:MM"),
        ("bad-hours", "$.service_hours.slots[1].days", "giorni"),
        ("too-many-delegates", "$.management.delegates", "5"),
        ("missing-controller", "$.privacy.controller.name", "titolare"),
        ("not-json", "", "JSON non valido"),
    ] {
        let issues = fixture_issues(fixture);
        let hit = issues
            .iter()
            .find(|i| i.level == IssueLevel::Error && i.path.starts_with(path) && i.message.it.contains(words));
        assert!(hit.is_some(), "{fixture}: no error at {path} mentioning {words:?}: {issues:#?}");
        assert!(profile::load(&read(&format!("tests/fixtures/profiles/{fixture}.json"))).is_err());
    }
}

#[test]
fn no_input_makes_validation_panic() {
    // A seed truncated anywhere, then with every string replaced by odd or hostile values.
    let text = read("pkg-config/concorezzo.json");
    for cut in (0..text.len()).step_by(997) {
        if text.is_char_boundary(cut) {
            let _ = profile::load(&text[..cut]);
        }
    }
    let mut v: Value = serde_json::from_str(&text).unwrap();
    for odd in ["", " ", "é", "+", "https://", "javascript:", "<", "on=", "9999-99-99", "24:00", "\u{0}"] {
        replace_strings(&mut v, odd);
        if let Ok(p) = profile::parse(&v.to_string()) {
            let _ = validate(&p);
        }
    }
}

fn replace_strings(v: &mut Value, with: &str) {
    match v {
        Value::String(s)
            if !matches!(
                s.as_str(),
                "whatsapp-broadcast"
                    | "whatsapp-channel"
                    | "citizens"
                    | "consent"
                    | "error"
                    | "warning"
                    | "mon"
                    | "tue"
                    | "wed"
                    | "thu"
                    | "fri"
            ) =>
        {
            *s = with.to_owned()
        }
        Value::Array(a) => a.iter_mut().for_each(|x| replace_strings(x, with)),
        Value::Object(o) => o.values_mut().for_each(|x| replace_strings(x, with)),
        _ => {}
    }
}

/// Every node of the fixture (it has every section a seed has, and more) replaced in turn by a
/// value of every JSON type: parse errors name the path, whatever parses is validated without
/// panicking.
#[test]
fn every_node_replaced_by_every_type_never_panics() {
    let original: Value = serde_json::from_str(&read("tests/fixtures/minimal-profile.json")).unwrap();
    let mut pointers = Vec::new();
    collect_pointers(&original, String::new(), &mut pointers);
    let long = "<".repeat(2_000);
    let replacements = [
        Value::Null,
        Value::from(0),
        Value::from(-1),
        Value::from(1e308),
        Value::from(u64::MAX),
        Value::from(""),
        Value::from("javascript:alert(1)"),
        Value::from(long.as_str()),
        Value::from(true),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!({"kind": "whatsapp-group"}),
    ];
    let mut parsed = 0;
    for ptr in &pointers {
        for r in &replacements {
            let mut v = original.clone();
            *v.pointer_mut(ptr).unwrap() = r.clone();
            match profile::parse(&v.to_string()) {
                Ok(p) => {
                    let _ = validate(&p);
                    parsed += 1;
                }
                Err(e) => assert!(e.path.starts_with('$'), "{ptr}: {e:?}"),
            }
        }
    }
    assert!(pointers.len() > 80 && parsed > 100, "{} nodes, {parsed} parsed", pointers.len());
}

fn collect_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| collect_pointers(x, format!("{at}/{i}"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| collect_pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
    if !at.is_empty() {
        out.push(at);
    }
}
