//! `personal-data.vat-number`: an 11-digit partita IVA (or a company's numeric codice
//! fiscale) with a valid check digit. A sole trader's partita IVA identifies a person, so
//! it is a warning; the comune's own tax code in the profile is fine.

use std::ops::Range;

use super::{before, digits, personal_source, reference_before};
use crate::checker::checksum;
use crate::checker::scan::{self, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.vat-number";

pub struct VatNumberRule;
pub static RULE: VatNumberRule = VatNumberRule;

/// Eleven digits as a word, maybe after "IT": `(?-u)\b(?:IT ?)?[0-9]{11}\b`.
fn numbers(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_all_words(text, |text, start| {
        let mut c = Cursor::new(text, start);
        if !c.ascii_boundary() {
            return None;
        }
        if c.eat_str("IT") {
            c.eat(b' ');
        }
        (c.eat_n(11, |b| b.is_ascii_digit()) && c.ascii_boundary()).then_some(c.pos)
    })
}

impl Rule for VatNumberRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let own = digits(&ctx.profile.comune.tax_code);
        for m in numbers(ctx.text) {
            let number = digits(&ctx.text[m.clone()]);
            if number == own || !checksum::partita_iva_valid(&number) {
                continue;
            }
            let cue = ctx.has_cue(before(ctx.text, m.start, 30), "personal-context", "tax-id");
            // Without a "P.IVA" cue, a number that could be a phone number or a reference is
            // left to those rules: one in ten random numbers passes the check digit.
            if !cue && (number.starts_with(['0', '3']) || reference_before(ctx.text, m.start)) {
                continue;
            }
            out.push(
                RawFinding::new(
                    ID,
                    Severity::Warning,
                    m,
                    Msg::new(
                        "Partita IVA: se è di una ditta individuale o di un professionista identifica una persona ed è un dato personale.",
                        "VAT number: a sole trader's or a professional's identifies a person and is personal data.",
                    ),
                    personal_source(ctx),
                )
                .with_fix("[dato rimosso]"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn vats(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn valid_vat_numbers_warn() {
        assert_eq!(vats("Ditta Rossi, P.IVA 12345678903"), vec![("12345678903".into(), Severity::Warning)]);
        assert_eq!(vats("partita IVA 00743110157"), vec![("00743110157".into(), Severity::Warning)]);
        assert_eq!(vats("Fornitore 12345678903."), vec![("12345678903".into(), Severity::Warning)]);
    }

    #[test]
    fn near_misses_do_not_fire() {
        for t in [
            "Comune di Esempio, C.F. 01777400019",
            "P.IVA 12345678901",
            "Telefono 03912345678",
            "Prot. n. 12345678903",
            "Codice 123456789031",
        ] {
            assert!(vats(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet = ["IT", "IT ", "12345678901", "1234567890", "1", " ", " ", "-", "a", "_", "é", "😀", "\u{a0}"];
        crate::checker::scan::testing::assert_finds_like(r"(?-u)\b(?:IT ?)?[0-9]{11}\b", &alphabet, |t| {
            super::numbers(t).collect()
        });
    }
}
