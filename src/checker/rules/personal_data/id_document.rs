//! `personal-data.id-document`: numbers of identity cards, passports, driving licences and
//! residence permits, found after the document's name ("carta d'identità n. CA12345AB").
//! The electronic identity card's shape (two letters, five digits, two letters) is
//! distinctive enough to be a warning on its own.

use std::sync::OnceLock;

use regex::Regex;

use super::{after, mask, personal_source};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.id-document";

pub struct IdDocumentRule;
pub static RULE: IdDocumentRule = IdDocumentRule;

/// Document numbers: CIE (CA12345AB), paper card (AA 1234567), passport (YA1234567),
/// licence (U1A234567B, MB1234567X), permits and plain numeric ones.
fn numbers() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?-u)\b(?:[A-Z]{2} ?[0-9]{5} ?[A-Z]{2}|[A-Z]{1,2} ?[0-9]{6,8}[A-Z]?|[A-Z][0-9][A-Z0-9]{7,8}|[0-9]{7,10}[A-Z]{0,2})\b",
        )
        .expect("valid regex")
    })
}

fn cie() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?-u)\b[A-Z]{2}[0-9]{5}[A-Z]{2}\b").expect("valid regex"))
}

impl Rule for IdDocumentRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let mut reported = Vec::new();
        for m in ctx.lexicon("personal-context") {
            if m.section != "id-document" {
                continue;
            }
            let cue_end = ctx.original(m.start, m.end).end;
            let window = after(ctx.text, cue_end, 40);
            let Some(n) = numbers().find(&ctx.text[window.clone()]) else { continue };
            let range = window.start + n.start()..window.start + n.end();
            reported.push(range.clone());
            out.push(
                RawFinding::new(
                    ID,
                    Severity::Error,
                    range,
                    Msg::new(
                        "Numero di un documento d'identità: è un dato personale e non va diffuso sul canale.",
                        "An identity document's number is personal data and must not be broadcast.",
                    ),
                    personal_source(ctx),
                )
                .with_fix(mask(n.as_str(), 0, 0)),
            );
        }
        for n in cie().find_iter(ctx.text) {
            if reported.iter().any(|r| r.start <= n.start() && n.end() <= r.end) {
                continue;
            }
            out.push(
                RawFinding::new(
                    ID,
                    Severity::Warning,
                    n.range(),
                    Msg::new(
                        "Sembra il numero di una carta d'identità elettronica: se lo è, è un dato personale.",
                        "Looks like an electronic identity card number: if it is one, it is personal data.",
                    ),
                    personal_source(ctx),
                )
                .with_fix(mask(n.as_str(), 0, 0)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn docs(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn numbers_after_a_document_name_are_errors() {
        assert_eq!(
            docs("Smarrita carta d'identità n. CA12345AB, chi la trova la porti in Comune."),
            vec![("CA12345AB".into(), Severity::Error)]
        );
        assert_eq!(docs("Ritrovato passaporto YA1234567 in piazza."), vec![("YA1234567".into(), Severity::Error)]);
        assert_eq!(docs("patente di guida n. U1A234567B"), vec![("U1A234567B".into(), Severity::Error)]);
        assert_eq!(docs("Carta di identità AA 1234567"), vec![("AA 1234567".into(), Severity::Error)]);
        assert_eq!(docs("Trovata CIE numero CA12345AB"), vec![("CA12345AB".into(), Severity::Error)]);
    }

    #[test]
    fn an_electronic_card_number_alone_warns() {
        assert_eq!(docs("Ritrovato documento CA12345AB presso il parco"), vec![("CA12345AB".into(), Severity::Error)]);
        assert_eq!(docs("Chi ha smarrito CA12345AB può ritirarlo."), vec![("CA12345AB".into(), Severity::Warning)]);
    }

    #[test]
    fn near_misses_do_not_fire() {
        for t in [
            "Rinnovo della carta d'identità: prenotare sul sito.",
            "Per la patente serve la marca da bollo da 16 euro.",
            "La carta d'identità elettronica costa 22,21 euro dal 1 gennaio 2026.",
            "Passaporto: l'ufficio apre alle 9.",
            "Targa AB123CD",
        ] {
            assert!(docs(t).is_empty(), "{t}: {:?}", docs(t));
        }
    }
}
