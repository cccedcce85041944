//! The seed profiles, the JSON Schema agreement, and broken/hostile profiles.

use banditore::profile::{self, Channel, IssueLevel, Profile};

const SEEDS: [&str; 5] = ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"];

fn seed_text(name: &str) -> String {
    let path = format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed(name: &str) -> Profile {
    profile::parse(&seed_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_seed_parses_and_has_no_errors() {
    for name in SEEDS {
        let p = seed(name);
        assert_eq!(p.id, name);
        let errors: Vec<_> =
            profile::validate::validate(&p).into_iter().filter(|i| i.level == IssueLevel::Error).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn seed_channels_are_the_published_ones() {
    match &seed("siracusa").channels[..] {
        [Channel::WhatsappChannel { invite_url, .. }] => {
            assert_eq!(invite_url, "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N")
        }
        other => panic!("{other:?}"),
    }
}
