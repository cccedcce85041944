//! `personal-data.license-plate`: Italian plates (AB 123 CD, AB123CD; the letters I, O, Q
//! and U are never used). A plate leads to its owner: next to "targa", "veicolo", it is an
//! error; alone a warning. Codes after "CIG", "codice", "prot." are references.

use std::ops::Range;

use super::{before, mask, personal_source, reference_before};
use crate::checker::scan::{self, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.license-plate";

pub struct LicensePlateRule;
pub static RULE: LicensePlateRule = LicensePlateRule;

/// A letter plates use: capitals without I, O, Q, U.
fn plate_letter(b: u8) -> bool {
    b.is_ascii_uppercase() && !matches!(b, b'I' | b'O' | b'Q' | b'U')
}

/// Plates as words: `(?-u)\b[A-HJ-NPR-TV-Z]{2}[ \-]?[0-9]{3}[ \-]?[A-HJ-NPR-TV-Z]{2}\b`.
fn plates(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_all_words(text, |text, start| {
        let mut c = Cursor::new(text, start);
        let separator = |c: &mut Cursor<'_>| c.eat(b' ') || c.eat(b'-');
        let hit = c.ascii_boundary()
            && c.eat_n(2, plate_letter)
            && {
                separator(&mut c);
                c.eat_n(3, |b| b.is_ascii_digit())
            }
            && {
                separator(&mut c);
                c.eat_n(2, plate_letter)
            }
            && c.ascii_boundary();
        hit.then_some(c.pos)
    })
}

impl Rule for LicensePlateRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        for m in plates(ctx.text) {
            if reference_before(ctx.text, m.start) {
                continue;
            }
            let back = before(ctx.text, m.start, 40);
            if ctx.has_cue(back.clone(), "personal-context", "id-document") {
                continue;
            }
            let (severity, it, en) = if ctx.has_cue(back, "personal-context", "plate") {
                (
                    Severity::Error,
                    "Targa di un veicolo: porta al proprietario ed è un dato personale; non va diffusa sul canale.",
                    "A vehicle's plate leads to its owner and is personal data; it must not be broadcast.",
                )
            } else {
                (
                    Severity::Warning,
                    "Sembra una targa: se lo è, porta al proprietario del veicolo ed è un dato personale.",
                    "Looks like a plate: if it is one, it leads to the vehicle's owner and is personal data.",
                )
            };
            let fix = mask(&ctx.text[m.clone()], 2, 2);
            out.push(RawFinding::new(ID, severity, m, Msg::new(it, en), personal_source(ctx)).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn plates(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn plates_in_context_are_errors() {
        assert_eq!(
            plates("Rimozione forzata del veicolo targato AB 123 CD."),
            vec![("AB 123 CD".into(), Severity::Error)]
        );
        assert_eq!(plates("Auto AB123CD parcheggiata sul marciapiede"), vec![("AB123CD".into(), Severity::Error)]);
        assert_eq!(plates("Il proprietario della GH-456-KL è pregato"), vec![("GH-456-KL".into(), Severity::Warning)]);
        let r = check("targa AB123CD");
        assert_eq!(findings(&r, super::ID)[0].fix.as_deref(), Some("AB***CD"));
    }

    #[test]
    fn near_misses_do_not_fire() {
        for t in [
            "CIG AB123CD",
            "codice AB123CD",
            "Prot. n. AB123CD",
            "ab123cd",
            "AB1234CD",
            "AI123CD",
            "XAB123CDX",
            "la carta d'identità CA12345AB",
        ] {
            assert!(plates(t).is_empty(), "{t}: {:?}", plates(t));
        }
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet = ["AB 123 CD", "GH-456KL", "AB", "CD", "QI", "a", "123", "4", " ", "-", "_", "é", "😀", "\u{a0}"];
        crate::checker::scan::testing::assert_finds_like(
            r"(?-u)\b[A-HJ-NPR-TV-Z]{2}[ \-]?[0-9]{3}[ \-]?[A-HJ-NPR-TV-Z]{2}\b",
            &alphabet,
            |t| super::plates(t).collect(),
        );
    }
}
