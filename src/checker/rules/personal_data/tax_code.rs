//! `personal-data.tax-code`: a natural person's codice fiscale. The shape (omocodia
//! included) finds it; the check character decides: valid is an error, a failed check is
//! a warning (a typo of a real one is still personal data, or a code that only looks like one).

use std::ops::Range;

use super::{mask, personal_source};
use crate::checker::checksum;
use crate::checker::scan::{self, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.tax-code";

pub struct TaxCodeRule;
pub static RULE: TaxCodeRule = TaxCodeRule;

/// The shape of a codice fiscale, one class per character: surname and name letters, year,
/// month letter, day, birthplace letter and digits, check letter. Omocodia replaces digits with
/// the letters LMNPQRSTUV, so every digit's class has them too.
const SHAPE: [fn(u8) -> bool; 16] = {
    const L: fn(u8) -> bool = |b| b.is_ascii_alphabetic();
    const N: fn(u8) -> bool = |b| b.is_ascii_digit() || b"LMNPQRSTUV".contains(&b.to_ascii_uppercase());
    const M: fn(u8) -> bool = |b| b"ABCDEHLMPRST".contains(&b.to_ascii_uppercase());
    [L, L, L, L, L, L, N, N, M, N, N, L, N, N, N, L]
};

/// Codice fiscale shapes as words, either case:
/// `(?i-u)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b`.
fn shapes(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_all_words(text, |text, start| {
        // Every class is a word byte and a boundary follows: only a 16-byte word can fit.
        if text.as_bytes()[start..].iter().take(17).take_while(|&&b| scan::is_word_byte(b)).count() != SHAPE.len() {
            return None;
        }
        let mut c = Cursor::new(text, start);
        let fits = c.ascii_boundary() && SHAPE.iter().all(|class| c.eat_n(1, class));
        (fits && c.ascii_boundary()).then_some(c.pos)
    })
}

impl Rule for TaxCodeRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        for m in shapes(ctx.text) {
            let code = &ctx.text[m.clone()];
            // Lowercase words that happen to fit are not codes; written codes are uppercase.
            if code.chars().filter(char::is_ascii_lowercase).count() > 0 && code.chars().any(|c| c.is_ascii_uppercase())
            {
                continue;
            }
            let finding = if checksum::codice_fiscale_valid(code) {
                RawFinding::new(
                    ID,
                    Severity::Error,
                    m.clone(),
                    Msg::new(
                        "Codice fiscale di una persona: è un dato personale e non va diffuso sul canale.",
                        "A person's tax code (codice fiscale) is personal data and must not be broadcast.",
                    ),
                    personal_source(ctx),
                )
            } else {
                RawFinding::new(
                    ID,
                    Severity::Warning,
                    m.clone(),
                    Msg::new(
                        "Sembra un codice fiscale (il carattere di controllo non corrisponde): se è di una persona è un dato personale.",
                        "Looks like a tax code (its check character does not match): if it is a person's, it is personal data.",
                    ),
                    personal_source(ctx),
                )
            };
            out.push(finding.with_fix(mask(code, 0, 0)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn codes(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn valid_codes_are_errors_and_failed_checks_warnings() {
        assert_eq!(codes("C.F. RSSMRA85T10A562S, nato a Roma"), vec![("RSSMRA85T10A562S".into(), Severity::Error)]);
        assert_eq!(codes("cf rssmra85t10a562s"), vec![("rssmra85t10a562s".into(), Severity::Error)]);
        assert_eq!(codes("omocodia: RSSMRA85T10A56NH."), vec![("RSSMRA85T10A56NH".into(), Severity::Error)]);
        assert_eq!(codes("codice RSSMRA85T10A562T"), vec![("RSSMRA85T10A562T".into(), Severity::Warning)]);
        let r = check("CF RSSMRA85T10A562S");
        assert_eq!(findings(&r, super::ID)[0].fix.as_deref(), Some("****************"));
    }

    #[test]
    fn near_misses_do_not_fire() {
        for t in [
            "Codice IUV 123456789012345678",
            "Il Comune (C.F. 01777400019)",
            "RSSMRA85T10A562SX",
            "XRSSMRA85T10A562S",
            "Codice CIG Z1A2B3C4D5",
        ] {
            assert!(codes(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet = [
            "RSSMRA85T10A562S",
            "rssmra85t10a56nh",
            "RSSMRA85T10A562",
            "RssMR",
            "A85t10A5",
            "X",
            "1",
            "l",
            " ",
            "_",
            "é",
            "😀",
        ];
        crate::checker::scan::testing::assert_finds_like(
            r"(?i-u)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b",
            &alphabet,
            |t| super::shapes(t).collect(),
        );
    }
}
