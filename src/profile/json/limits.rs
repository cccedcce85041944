//! Sizes no real profile has (issue 12): refused when the profile is read, with the JSON path of
//! the offending value, so that nothing after (validation, the checker's word lists, the widget)
//! has to cope with a megabyte-long term or a list of a million channels. The five seed
//! profiles are under 20 KB, their longest text is about 1,300 characters and their longest list
//! 21 items: the limits leave them room to grow tenfold and more.

use super::value::{Kind, Value};
use super::Path;
use crate::profile::ProfileIssue;

/// The whole profile's JSON text, in bytes.
pub const MAX_PROFILE_BYTES: usize = 1 << 20;
/// Any text (an article of the policy included) and any key, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Items of any list and members of any object.
pub const MAX_ITEMS: usize = 1_000;
/// A checker term (`extra_terms`, `allowed_terms`), in characters: a word or a short phrase.
pub const MAX_TERM_CHARS: usize = 100;

pub fn check_size(text: &str) -> Result<(), ProfileIssue> {
    if text.len() <= MAX_PROFILE_BYTES {
        return Ok(());
    }
    Err(ProfileIssue::error(
        "$",
        format!("profilo troppo grande: {} byte, al massimo {MAX_PROFILE_BYTES}", text.len()),
        format!("profile too large: {} bytes, at most {MAX_PROFILE_BYTES}", text.len()),
    ))
}

/// The first value over a limit, depth first. The parser caps nesting at `MAX_DEPTH`, so the
/// recursion is bounded by a constant, not by the input.
pub fn check(v: &Value, path: &Path) -> Result<(), Box<ProfileIssue>> {
    match &v.kind {
        Kind::String(s) => text(s, path),
        Kind::Array(items) => {
            count(items.len(), path)?;
            items.iter().enumerate().try_for_each(|(i, item)| check(item, &path.index(i)))
        }
        Kind::Object(members) => {
            count(members.len(), path)?;
            members.iter().try_for_each(|m| {
                let at = path.key(&m.key);
                text(&m.key, &at)?;
                check(&m.value, &at)
            })
        }
        _ => Ok(()),
    }
}

fn text(s: &str, path: &Path) -> Result<(), Box<ProfileIssue>> {
    // Bytes first: a text of at most this many bytes has at most this many characters.
    if s.len() <= MAX_TEXT_CHARS || s.chars().count() <= MAX_TEXT_CHARS {
        return Ok(());
    }
    let n = s.chars().count();
    Err(Box::new(ProfileIssue::error(
        path.render(),
        format!("testo troppo lungo: {n} caratteri, al massimo {MAX_TEXT_CHARS}"),
        format!("text too long: {n} characters, at most {MAX_TEXT_CHARS}"),
    )))
}

fn count(n: usize, path: &Path) -> Result<(), Box<ProfileIssue>> {
    if n <= MAX_ITEMS {
        return Ok(());
    }
    Err(Box::new(ProfileIssue::error(
        path.render(),
        format!("troppi elementi: {n}, al massimo {MAX_ITEMS}"),
        format!("too many items: {n}, at most {MAX_ITEMS}"),
    )))
}

#[cfg(test)]
mod tests {
    use crate::profile::parse;

    fn fixture_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/minimal-profile.json")).unwrap();
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn oversized_values_are_refused_at_their_path() {
        let huge = "a".repeat(1_000_000);
        let json = fixture_with(|v| v["checker"]["extra_terms"] = serde_json::json!({"offensive": [huge]}));
        let e = parse(&json).unwrap_err();
        assert_eq!(e.path, "$.checker.extra_terms.offensive[0]");
        assert!(e.message.it.contains("testo troppo lungo") && e.message.en.contains("text too long"), "{e:?}");

        let json = fixture_with(|v| v["checker"]["disabled_rules"] = serde_json::json!(vec!["x"; 5000]));
        let e = parse(&json).unwrap_err();
        assert_eq!(e.path, "$.checker.disabled_rules");
        assert!(e.message.en.contains("too many items"), "{e:?}");

        let e = parse(&format!("{{\"id\": \"{}\"}}", "x".repeat(2 << 20))).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.en.contains("profile too large"), "{e:?}");
    }

    #[test]
    fn the_seed_profiles_are_far_from_every_limit() {
        for seed in ["concorezzo", "leini", "sesto-calende", "seveso", "siracusa"] {
            let path = format!("{}/pkg-config/{seed}.json", env!("CARGO_MANIFEST_DIR"));
            assert!(parse(&std::fs::read_to_string(path).unwrap()).is_ok(), "{seed}");
        }
    }
}
