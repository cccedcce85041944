//! `personal-data.iban`: an IBAN that passes the mod-97 check, written with or without
//! spaces. The comune's own IBANs in the profile are fine; anyone else's account is
//! personal data (or a company's, which the comune has no reason to broadcast).

use std::ops::Range;

use super::{after, before, mask, personal_source};
use crate::checker::checksum;
use crate::checker::scan::{self, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.iban";

pub struct IbanRule;
pub static RULE: IbanRule = IbanRule;

/// Where an IBAN may start: two letters and two check digits at a word start,
/// `(?-u)\b[A-Za-z]{2}[0-9]{2}`.
fn starts(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_all_words(text, |text, start| {
        let mut c = Cursor::new(text, start);
        let hit = c.ascii_boundary() && c.eat_n(2, |b| b.is_ascii_alphabetic()) && c.eat_n(2, |b| b.is_ascii_digit());
        hit.then_some(c.pos)
    })
}

/// The run of up to 34 letters and digits from `start`, single spaces allowed between them
/// ("IT60 X054 2811 ..."). A scan, not a regex: a counted repetition makes a big automaton.
fn candidate(text: &str, start: usize) -> Option<Range<usize>> {
    let mut end = start;
    let mut count = 0;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() {
            count += 1;
            end = start + i + 1;
            if count == 34 {
                break;
            }
        } else if (c == ' ' || c == '\u{00A0}') && chars.peek().is_some_and(|(_, n)| n.is_ascii_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    (count >= 15).then_some(start..end)
}

/// The longest valid IBAN at the start of a candidate: (compact form, original range).
fn longest_valid(text: &str, range: Range<usize>) -> Option<(String, Range<usize>)> {
    let chars: Vec<(usize, char)> =
        text[range.clone()].char_indices().filter(|(_, c)| c.is_ascii_alphanumeric()).collect();
    let compact: String = chars.iter().map(|(_, c)| c.to_ascii_uppercase()).collect();
    let lengths: Vec<usize> = match checksum::iban_length(&compact[..2]) {
        Some(n) => vec![n],
        None => (15..=34).rev().collect(),
    };
    lengths.into_iter().filter(|&n| n <= compact.len()).find_map(|n| {
        let (last, c) = chars[n - 1];
        let end = range.start + last + c.len_utf8();
        // The IBAN must end at a word boundary: "IT60X...3456" not "...3456ABC".
        let boundary = text[end..].chars().next().map_or(true, |c| !c.is_alphanumeric())
            || chars.len() > n && text[end..].starts_with(' ');
        (checksum::iban_valid(&compact[..n]) && boundary).then(|| (compact[..n].to_owned(), range.start..end))
    })
}

impl Rule for IbanRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let own: Vec<String> = ctx
            .profile
            .institutional_contacts
            .ibans
            .iter()
            .map(|i| i.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase())
            .collect();
        let mut resume = 0;
        for m in starts(ctx.text) {
            if m.start < resume {
                continue;
            }
            let Some(run) = candidate(ctx.text, m.start) else { continue };
            let Some((compact, range)) = longest_valid(ctx.text, run) else { continue };
            resume = range.end;
            if own.contains(&compact) {
                continue;
            }
            let fix = mask(&ctx.text[range.clone()], 4, 4);
            let said_own = ctx.has_cue(before(ctx.text, range.start, 60), "office-context", "comune-account")
                || ctx.has_cue(after(ctx.text, range.end, 60), "office-context", "comune-account");
            let finding = if said_own {
                // The text says it is the comune's: likely true, but only the profile can vouch.
                RawFinding::new(
                    ID,
                    Severity::Warning,
                    range,
                    Msg::new(
                        "IBAN indicato come del Comune ma assente dal profilo: verificalo e aggiungilo a institutional_contacts.ibans.",
                        "An IBAN given as the comune's but missing from the profile: check it and add it to institutional_contacts.ibans.",
                    ),
                    personal_source(ctx),
                )
            } else {
                RawFinding::new(
                    ID,
                    Severity::Error,
                    range,
                    Msg::new(
                        "IBAN che non è tra quelli del Comune: le coordinate bancarie di altri sono dati personali o riservati. Indica solo l'IBAN del Comune.",
                        "An IBAN that is not the comune's: other people's bank details are personal or confidential. Give only the comune's IBAN.",
                    ),
                    personal_source(ctx),
                )
                .with_fix(fix)
            };
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};

    fn ibans(text: &str) -> Vec<String> {
        findings(&check(text), super::ID).iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn finds_valid_ibans_with_and_without_spaces() {
        assert_eq!(ibans("Versare su IT42L1234512345123456789012 entro il 30."), ["IT42L1234512345123456789012"]);
        assert_eq!(
            ibans("IBAN: IT42 L123 4512 3451 2345 6789 012 intestato a Rossi"),
            ["IT42 L123 4512 3451 2345 6789 012"]
        );
        assert_eq!(ibans("conto DE89 3704 0044 0532 0130 00."), ["DE89 3704 0044 0532 0130 00"]);
        let r = check("IBAN IT42L1234512345123456789012");
        assert_eq!(findings(&r, super::ID)[0].fix.as_deref(), Some("IT42*******************9012"));
    }

    #[test]
    fn an_iban_the_text_calls_the_comunes_but_the_profile_lacks_warns() {
        let r = check("Bonifico sull'IBAN del Comune IT42L1234512345123456789012.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!(f.severity, crate::profile::Severity::Warning);
        assert!(f.message.contains("institutional_contacts.ibans"));
        let r = check("Bonifico a IT42L1234512345123456789012 intestato a Mario Rossi.");
        assert_eq!(findings(&r, super::ID)[0].severity, crate::profile::Severity::Error);
    }

    #[test]
    fn the_comunes_own_and_invalid_ones_do_not_fire() {
        for t in [
            "Pagamento su IBAN IT60X0542811101000000123456 intestato al Comune.",
            "Pagamento su IBAN IT60 X054 2811 1010 0000 0123 456.",
            "Codice IT43L1234512345123456789012 errato",
            "Riferimento AB12CDEFGHIJKLMNOP",
        ] {
            assert!(ibans(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet = ["IT", "de", "Z", "60", "4", "X054", " ", "_", "-", "é", "😀", "\u{a0}"];
        crate::checker::scan::testing::assert_finds_like(r"(?-u)\b[A-Za-z]{2}[0-9]{2}", &alphabet, |t| {
            super::starts(t).collect()
        });
    }
}
