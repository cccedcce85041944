//! The profile's `translations` (issue 14 item 6): each language one the widget knows for the
//! bilingual comuni (Alto Adige: German; Valle d'Aosta: French; Friuli-Venezia Giulia: Slovenian)
//! or for visitors (English), each pointer one Italian text of the profile, each translation a
//! text. The widget applies them without checking (its bundle leaves the checks out), so a
//! pointer that names nothing would silently leave a text untranslated: `validate` and the
//! builder stop it here.

use super::Issues;
use crate::profile::json::limits::MAX_TEXT_CHARS;
use crate::profile::Profile;

/// The languages a profile may add to Italian (ISO 639-1).
pub const LANGUAGES: [&str; 4] = ["en", "de", "fr", "sl"];

pub(crate) fn check(p: &Profile, out: &mut Issues) {
    if p.translations.is_empty() {
        return;
    }
    // The profile as JSON, without its translations, to resolve the pointers against: one walk,
    // then one lookup per pointer (linear in the profile and the map).
    let mut base = p.clone();
    base.translations = Default::default();
    let Ok(json) = serde_json::to_value(&base) else { return };
    for (lang, map) in &p.translations.0 {
        let at = format!("$.translations.{lang}");
        if !LANGUAGES.contains(&lang.as_str()) {
            out.error(
                &at,
                format!("lingua «{lang}» non prevista: le traduzioni sono in en, de, fr o sl (l'italiano è il testo del profilo)"),
                format!("unknown language \"{lang}\": translations are in en, de, fr or sl (Italian is the profile's own text)"),
            );
            continue;
        }
        if map.is_empty() {
            out.error(
                &at,
                "nessuna traduzione: togliere la lingua o aggiungerne",
                "no translations: remove the language or add some",
            );
        }
        for (pointer, text) in map {
            let path = format!("{at}[{pointer:?}]");
            match json.pointer(pointer) {
                Some(serde_json::Value::String(_)) if pointer != "/id" => {}
                Some(_) => out.error(
                    &path,
                    format!("«{pointer}» non è un testo del profilo (solo i testi si traducono)"),
                    format!("\"{pointer}\" is not a text of the profile (only texts are translated)"),
                ),
                None => out.error(
                    &path,
                    format!("«{pointer}» non indica nulla nel profilo: un puntatore JSON come /policy/title o /categories/0/label"),
                    format!("\"{pointer}\" names nothing in the profile: a JSON pointer such as /policy/title or /categories/0/label"),
                ),
            }
            if text.trim().is_empty() {
                out.error(&path, "traduzione vuota", "empty translation");
            }
            debug_assert!(text.chars().count() <= MAX_TEXT_CHARS); // the reader's limits hold
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::json::parse_profile;

    fn issues(translations: &str) -> Vec<(String, String)> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-config/siracusa.json")).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["translations"] = serde_json::from_str(translations).unwrap();
        let p = parse_profile(&v.to_string()).unwrap();
        let mut out = Issues::default();
        check(&p, &mut out);
        out.0.into_iter().map(|i| (i.path, i.message.en)).collect()
    }

    #[test]
    fn texts_translated_in_known_languages_pass() {
        let ok =
            r#"{"en": {"/policy/title": "Rules", "/categories/0/label": "Alerts"}, "de": {"/comune/name": "Syrakus"}}"#;
        assert_eq!(issues(ok), vec![]);
    }

    #[test]
    fn a_pointer_that_names_nothing_is_an_error() {
        let found =
            issues(r#"{"en": {"/policy/titel": "Rules", "policy/title": "Rules", "/categories/999/label": "x"}}"#);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.iter().all(|(_, m)| m.contains("names nothing")), "{found:?}");
        assert_eq!(found[0].0, r#"$.translations.en["/categories/999/label"]"#);
    }

    #[test]
    fn only_texts_are_translated() {
        for pointer in ["/policy", "/categories", "/privacy/end_to_end_encrypted", "/id", ""] {
            let found = issues(&format!(r#"{{"en": {{"{pointer}": "x"}}}}"#));
            assert_eq!(found.len(), 1, "{pointer}: {found:?}");
            assert!(found[0].1.contains("not a text"), "{pointer}: {found:?}");
        }
    }

    #[test]
    fn unknown_languages_and_empty_maps_or_texts_are_errors() {
        let found = issues(r#"{"it": {"/policy/title": "x"}, "es": {}, "fr": {}, "sl": {"/policy/title": " "}}"#);
        let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(messages[0].contains("unknown language \"es\""));
        assert!(messages[1].contains("no translations"));
        assert!(messages[2].contains("unknown language \"it\""));
        assert_eq!(messages[3], "empty translation");
    }

    #[test]
    fn the_reader_refuses_a_map_of_the_wrong_shape() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-config/siracusa.json")).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["translations"] = serde_json::json!({"en": {"/policy/title": 5}});
        let e = parse_profile(&v.to_string()).unwrap_err();
        assert_eq!(e.path, r#"$.translations.en["/policy/title"]"#, "{e:?}");
        assert!(e.message.en.contains("expected a string"), "{e:?}");
    }
}
