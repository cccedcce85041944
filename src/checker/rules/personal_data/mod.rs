//! Personal data (GDPR art. 4 and 5.1.c, data minimisation): one file per kind of
//! identifier, plus the shared pieces: where a sentence starts and ends, who is identifiable
//! in it ([`context`]), and how a finding cites its source and masks what it found.

pub mod context;
pub mod email;
pub mod iban;
pub mod id_document;
pub mod license_plate;
pub mod person_name;
pub mod phone;
pub mod tax_code;
pub mod vat_number;

use std::ops::Range;

use crate::checker::lexicon::{self, Lexicon};
use crate::checker::Context;
use crate::text::Folded;

/// The legal ground of every personal-data rule: personal data (art. 4) published only when
/// necessary for the purpose (art. 5.1.c).
pub const GDPR_PERSONAL: &str = "GDPR art. 4 e 5.1.c";

/// A built-in lexicon this module ships; missing ones are a build mistake caught by tests.
pub(crate) fn lex(name: &str) -> &'static Lexicon {
    lexicon::builtin(name).unwrap_or_else(|| panic!("lexicon {name} is registered in builtin_lexicons!"))
}

/// "Disciplinare <comune> art. 4.4; GDPR art. 9" when the profile names its article for the
/// family, else the law alone.
pub(crate) fn source(ctx: &Context<'_>, family: &str, law: &str) -> String {
    let policy = ctx.policy_source(family, "");
    if policy.is_empty() {
        law.to_owned()
    } else {
        format!("{policy}; {law}")
    }
}

/// The source of the personal-data rules.
pub(crate) fn personal_source(ctx: &Context<'_>) -> String {
    source(ctx, "personal-data", GDPR_PERSONAL)
}

/// Only the digits of a string.
pub(crate) fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Masks every alphanumeric character after the first `keep` ones and before the last
/// `keep_end` ones, keeping separators, so the fix reads like the original: "333 *** ****".
pub(crate) fn mask(s: &str, keep: usize, keep_end: usize) -> String {
    let total = s.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    let mut seen = 0;
    s.chars()
        .map(|c| {
            if !c.is_ascii_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= keep || seen > total.saturating_sub(keep_end) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The original text up to `max_chars` chars before `pos`, not crossing a blank line or
/// the end of the previous sentence.
pub(crate) fn before(text: &str, pos: usize, max_chars: usize) -> Range<usize> {
    let mut start = pos;
    let mut newlines = 0;
    for (i, c) in text[..pos].char_indices().rev().take(max_chars) {
        if c == '\n' {
            newlines += 1;
            if newlines == 2 {
                break;
            }
        } else if !c.is_whitespace() && c != '\r' {
            newlines = 0;
        }
        if matches!(c, '!' | '?') || (c == '.' && context::ends_sentence(text, i)) {
            break;
        }
        start = i;
    }
    start..pos
}

/// The original text up to `max_chars` chars after `pos`, on the same line.
pub(crate) fn after(text: &str, pos: usize, max_chars: usize) -> Range<usize> {
    let mut end = pos;
    for (i, c) in text[pos..].char_indices().take(max_chars) {
        if c == '\n' {
            break;
        }
        end = pos + i + c.len_utf8();
    }
    pos..end
}

/// Whether a reference word ends right before `pos` ("prot. n.", "ordinanza", "CIG"): the
/// number that follows is a reference, not a contact.
pub(crate) fn reference_before(text: &str, pos: usize) -> bool {
    let window = before(text, pos, 24);
    let folded = Folded::new(&text[window]);
    let office = lex("office-context");
    let trimmed = folded.text.trim_end_matches(|c: char| c.is_whitespace() || c == ':');
    office.find_iter(trimmed).iter().any(|m| {
        m.section == "reference"
            && trimmed[m.end..]
                .split(|c: char| !c.is_alphanumeric())
                .all(|w| matches!(w, "" | "n" | "nr" | "num" | "numero" | "del" | "prot"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_separators() {
        assert_eq!(mask("333 123 4567", 3, 0), "333 *** ****");
        assert_eq!(mask("IT60X0542811101000000123456", 4, 4), "IT60*******************3456");
    }

    #[test]
    fn references_are_told_from_contacts() {
        let t = "prot. n. 0391234567";
        assert!(reference_before(t, t.find("039").unwrap()));
        let t = "Ordinanza 0391234567";
        assert!(reference_before(t, t.find("039").unwrap()));
        let t = "Chiamare il 0391234567";
        assert!(!reference_before(t, t.find("039").unwrap()));
    }

    #[test]
    fn every_personal_lexicon_is_registered() {
        for name in [
            "special-category",
            "judicial-data",
            "personal-context",
            "office-context",
            "given-names",
            "email-domains",
            "email-roles",
        ] {
            assert!(lexicon::builtin(name).is_some(), "{name}");
        }
    }
}
