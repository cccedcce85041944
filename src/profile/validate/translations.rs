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

/// The fields that hold prose a citizen reads, by name: only these are translated. An id, a
/// link, an address, a number, a keyword or a date is the same fact in every language, and a
/// "translated" one would change what the profile does there (another channel's link on the
/// German page, a subscription keyword the platform does not know).
const PROSE: &[&str] = &[
    "act",
    "address",
    "consent_article",
    "description",
    "label",
    "leave_instructions",
    "legal_basis_note",
    "name",
    "note",
    "official_name",
    "province_name",
    "responsible",
    "retention",
    "revision_message",
    "role",
    "source",
    "title",
    "transfers_outside_eu",
];
/// Lists whose every item is prose.
const PROSE_LISTS: &[&str] = &["paragraphs", "purposes", "recipients", "roles"];
/// Parts of the profile no citizen reads as prose.
const NOT_SHOWN: &[&str] = &["checker", "notes", "translations"];

/// Whether a pointer names a field of prose ([`PROSE`], [`PROSE_LISTS`]).
fn is_prose(pointer: &str) -> bool {
    let steps: Vec<&str> = pointer.split('/').skip(1).collect();
    let Some((&last, before)) = steps.split_last() else { return false };
    if steps.first().is_some_and(|s| NOT_SHOWN.contains(s)) {
        return false;
    }
    if last.bytes().all(|b| b.is_ascii_digit()) && !last.is_empty() {
        return before.last().is_some_and(|l| PROSE_LISTS.contains(l));
    }
    PROSE.contains(&last)
}

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
                Some(serde_json::Value::String(_)) if !is_prose(pointer) => out.error(
                    &path,
                    format!("«{pointer}» non si traduce: identificativi, collegamenti, indirizzi e-mail, numeri, parole chiave e date restano quelli del profilo in ogni lingua"),
                    format!("\"{pointer}\" is not translated: ids, links, e-mail addresses, numbers, keywords and dates stay the profile's own in every language"),
                ),
                // A field the file leaves out reads as empty here, and the widget finds nothing
                // there to replace: the translation would silently never show.
                Some(serde_json::Value::String(it)) if it.trim().is_empty() => out.error(
                    &path,
                    format!("«{pointer}» è vuoto nel profilo: non c'è un testo italiano da tradurre"),
                    format!("\"{pointer}\" is empty in the profile: there is no Italian text to translate"),
                ),
                Some(serde_json::Value::String(_)) => {}
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
        issues_edited(translations, |_| {})
    }

    fn issues_edited(translations: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<(String, String)> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-config/siracusa.json")).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
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
        for pointer in ["/policy", "/categories", "/privacy/end_to_end_encrypted", ""] {
            let found = issues(&format!(r#"{{"en": {{"{pointer}": "x"}}}}"#));
            assert_eq!(found.len(), 1, "{pointer}: {found:?}");
            assert!(found[0].1.contains("not a text"), "{pointer}: {found:?}");
        }
    }

    #[test]
    fn facts_are_not_translated_only_prose() {
        // A link, a keyword, a kind, an id, a date: "translating" one changes what the profile does.
        for pointer in [
            "/channels/0/invite_url",
            "/channels/0/kind",
            "/categories/0/id",
            "/privacy/legal_basis",
            "/privacy/controller/email",
            "/comune/website",
            "/policy/approval/date",
            "/id",
            "/notes/0",
        ] {
            let found = issues(&format!(r#"{{"de": {{"{pointer}": "x"}}}}"#));
            assert_eq!(found.len(), 1, "{pointer}: {found:?}");
            assert!(found[0].1.contains("is not translated"), "{pointer}: {found:?}");
        }
        let ok = r#"{"de": {"/policy/articles/0/paragraphs/0": "x", "/privacy/purposes/0": "x", "/categories/0/description": "x", "/privacy/retention": "x"}}"#;
        assert_eq!(issues(ok), vec![]);
    }

    #[test]
    fn a_field_the_file_leaves_out_has_nothing_to_translate() {
        let pointer = r#"{"de": {"/privacy/legal_basis_note": "Einwilligung"}}"#;
        assert_eq!(issues_edited(pointer, |v| v["privacy"]["legal_basis_note"] = "Consenso esplicito".into()), vec![]);
        let found = issues_edited(pointer, |v| {
            v["privacy"].as_object_mut().unwrap().remove("legal_basis_note");
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("is empty in the profile"), "{found:?}");
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
