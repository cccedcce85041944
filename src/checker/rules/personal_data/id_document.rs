//! `personal-data.id-document`: numbers of identity cards, passports, driving licences and
//! residence permits, found after the document's name ("carta d'identità n. CA12345AB").
//! The electronic identity card's shape (two letters, five digits, two letters) is
//! distinctive enough to be a warning on its own.

use std::ops::Range;

use super::{after, mask, personal_source};
use crate::checker::scan::{self, counts, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.id-document";

pub struct IdDocumentRule;
pub static RULE: IdDocumentRule = IdDocumentRule;

fn upper(b: u8) -> bool {
    b.is_ascii_uppercase()
}

fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// How many bytes of `class` there are at `pos`.
fn run(text: &str, pos: usize, class: fn(u8) -> bool) -> usize {
    Cursor::new(text, pos).eat_while(class)
}

/// The first document number in `text`: CIE (CA12345AB), paper card (AA 1234567), passport
/// (YA1234567), licence (U1A234567B, MB1234567X), permits and plain numeric ones. The pattern,
/// tried alternative by alternative and count by count in the order regex would:
/// `(?-u)\b(?:[A-Z]{2} ?[0-9]{5} ?[A-Z]{2}|[A-Z]{1,2} ?[0-9]{6,8}[A-Z]?|[A-Z][0-9][A-Z0-9]{7,8}|[0-9]{7,10}[A-Z]{0,2})\b`.
fn first_number(text: &str) -> Option<Range<usize>> {
    let ends_word = |end: usize| scan::ascii_boundary(text, end).then_some(end);
    scan::first_match_words(text, 0, |start| {
        if !scan::ascii_boundary(text, start) {
            return None;
        }
        let cie = || cie_at(text, start);
        let card = || {
            counts(run(text, start, upper), 1, 2).find_map(|letters| {
                let mut c = Cursor::new(text, start + letters);
                c.eat(b' ');
                counts(run(text, c.pos, digit), 6, 8).find_map(|digits| {
                    let end = c.pos + digits;
                    counts(run(text, end, upper), 0, 1).find_map(|letter| ends_word(end + letter))
                })
            })
        };
        let licence = || {
            let mut c = Cursor::new(text, start);
            if !(c.eat_n(1, upper) && c.eat_n(1, digit)) {
                return None;
            }
            let rest = run(text, c.pos, |b| upper(b) || digit(b));
            counts(rest, 7, 8).find_map(|n| ends_word(c.pos + n))
        };
        let numeric = || {
            counts(run(text, start, digit), 7, 10).find_map(|digits| {
                counts(run(text, start + digits, upper), 0, 2).find_map(|letters| ends_word(start + digits + letters))
            })
        };
        cie().or_else(card).or_else(licence).or_else(numeric)
    })
}

/// `[A-Z]{2} ?[0-9]{5} ?[A-Z]{2}\b` at `start`: an electronic identity card's number, spaces allowed.
fn cie_at(text: &str, start: usize) -> Option<usize> {
    let mut c = Cursor::new(text, start);
    let hit = c.eat_n(2, upper)
        && {
            c.eat(b' ');
            c.eat_n(5, digit)
        }
        && {
            c.eat(b' ');
            c.eat_n(2, upper)
        }
        && c.ascii_boundary();
    hit.then_some(c.pos)
}

/// Electronic identity card numbers written as one word: `(?-u)\b[A-Z]{2}[0-9]{5}[A-Z]{2}\b`.
fn cie(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_all_words(text, |text, start| {
        let mut c = Cursor::new(text, start);
        let hit =
            c.ascii_boundary() && c.eat_n(2, upper) && c.eat_n(5, digit) && c.eat_n(2, upper) && c.ascii_boundary();
        hit.then_some(c.pos)
    })
}

/// Whether a range of `reported` (sorted by start; `reach[k]` the furthest end of the first
/// `k + 1`) holds all of `n`.
fn covered(reported: &[Range<usize>], reach: &[usize], n: &Range<usize>) -> bool {
    let k = reported.partition_point(|r| r.start <= n.start);
    k > 0 && n.end <= reach[k - 1]
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
            let Some(n) = first_number(&ctx.text[window.clone()]) else { continue };
            let range = window.start + n.start..window.start + n.end;
            reported.push(range.clone());
            out.push(
                RawFinding::new(
                    ID,
                    Severity::Error,
                    range.clone(),
                    Msg::new(
                        "Numero di un documento d'identità: è un dato personale e non va diffuso sul canale.",
                        "An identity document's number is personal data and must not be broadcast.",
                    ),
                    personal_source(ctx),
                )
                .with_fix(mask(&ctx.text[range.clone()], 0, 0)),
            );
        }
        // Sorted by start, with the furthest end reached so far: whether a number was reported
        // is a binary search, since a message may hold thousands of both.
        reported.sort_by_key(|r| r.start);
        let reach: Vec<usize> = reported
            .iter()
            .scan(0, |max, r| {
                *max = (*max).max(r.end);
                Some(*max)
            })
            .collect();
        for n in cie(ctx.text) {
            if covered(&reported, &reach, &n) {
                continue;
            }
            out.push(
                RawFinding::new(
                    ID,
                    Severity::Warning,
                    n.clone(),
                    Msg::new(
                        "Sembra il numero di una carta d'identità elettronica: se lo è, è un dato personale.",
                        "Looks like an electronic identity card number: if it is one, it is personal data.",
                    ),
                    personal_source(ctx),
                )
                .with_fix(mask(&ctx.text[n], 0, 0)),
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

    #[test]
    fn finds_what_the_regexes_they_replace_found() {
        use crate::checker::scan::testing::{assert_finds_like, assert_first_like};
        let alphabet = ["CA", "U1A", "Y", "1234", "12345", "5", "0", "AB", "X", " ", "_", "-", "é", "😀", "\u{a0}"];
        assert_first_like(
            r"(?-u)\b(?:[A-Z]{2} ?[0-9]{5} ?[A-Z]{2}|[A-Z]{1,2} ?[0-9]{6,8}[A-Z]?|[A-Z][0-9][A-Z0-9]{7,8}|[0-9]{7,10}[A-Z]{0,2})\b",
            &alphabet,
            super::first_number,
        );
        let alphabet = ["CA12345AB", "CA", "12345", "AB", "1", "Z", " ", "_", "é", "😀"];
        assert_finds_like(r"(?-u)\b[A-Z]{2}[0-9]{5}[A-Z]{2}\b", &alphabet, |t| super::cie(t).collect());
    }
}
