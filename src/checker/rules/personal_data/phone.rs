//! `personal-data.phone`: Italian phone numbers of private people.
//!
//! A number is found in any common writing (+39 / 0039, spaces, dots, slashes, dashes,
//! brackets, grouped digits) and then let go when it is the comune's own (profile
//! contacts, help desk, broadcast number), toll-free (800/803), an emergency or utility
//! short number (they start with 1), a reference ("prot. n.", "ordinanza"), a price, a
//! date or a time. An office's number ("Ufficio Tributi 039 ...") is at most info.

use std::ops::Range;

use super::{after, before, digits, mask, personal_source, reference_before};
use crate::checker::scan::{self, is_digit, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::{Channel, Severity};

pub const ID: &str = "personal-data.phone";

pub struct PhoneRule;
pub static RULE: PhoneRule = PhoneRule;

/// Runs of digits with phone separators between them; split into numbers afterwards:
/// `(?:\+|(?-u:\b)00)?\(?[0-9][0-9 \u{00A0}.\-/()]{4,40}[0-9]`.
fn candidates(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_all(text, |text, start| {
        // Tried at every char: only '+', '(' or a digit can start a number.
        if !matches!(text.as_bytes()[start], b'+' | b'(' | b'0'..=b'9') {
            return None;
        }
        let mut c = Cursor::new(text, start);
        let mut prefixed = c;
        if prefixed.eat(b'+') || (prefixed.ascii_boundary() && prefixed.eat_str("00")) {
            prefixed.eat(b'(');
            if let Some(end) = digit_run(prefixed) {
                return Some(end);
            }
        }
        c.eat(b'(');
        digit_run(c)
    })
}

/// `[0-9][0-9 \u{00A0}.\-/()]{4,40}[0-9]` at the cursor: the run is greedy, so it ends at the last
/// digit among the 5th to 41st characters after the first digit.
fn digit_run(mut c: Cursor<'_>) -> Option<usize> {
    if !c.eat_n(1, |b| b.is_ascii_digit()) {
        return None;
    }
    let separator = |ch: char| ch.is_ascii_digit() || matches!(ch, ' ' | '\u{00A0}' | '.' | '-' | '/' | '(' | ')');
    let mut end = None;
    for i in 0..=40 {
        let digit = c.peek().is_some_and(|b| b.is_ascii_digit());
        if !c.eat_char(separator) {
            break;
        }
        if digit && i >= 4 {
            end = Some(c.pos);
        }
    }
    end
}

/// Digits joined by single separators with no space: "039.765.43.21", "09.30-12.30";
/// `[0-9]+(?:[./:\-][0-9]+)*`.
fn chains(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let digit = |b: u8| b.is_ascii_digit();
    scan::find_all(text, move |text, start| {
        let mut c = Cursor::new(text, start);
        if c.eat_while(digit) == 0 {
            return None;
        }
        loop {
            let mut next = c;
            if !(next.eat_n(1, |b| matches!(b, b'.' | b'/' | b':' | b'-')) && next.eat_while(digit) > 0) {
                return Some(c.pos);
            }
            c = next;
        }
    })
}

/// A chain that is a date, a time, a time range or a thousands-separated amount, the whole of
/// `s` matching (`\d` Unicode)
/// `\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}[.:]\d{2}(?:-\d{1,2}(?:[.:]\d{2})?)?|\d{1,3}(?:\.\d{3})+`.
/// Each digit count is a whole group, so `s` is read as digit groups and the single
/// separators between them.
fn is_date_or_time(s: &str) -> bool {
    // The first four groups' lengths and the separators before the 2nd to 4th; whether every
    // group after the first is ".ddd".
    let (mut len, mut sep) = ([0usize; 4], ['\0'; 4]);
    let (mut groups, mut thousands) = (0, true);
    let mut c = Cursor::new(s, 0);
    loop {
        let n = c.eat_chars_while(is_digit);
        if n == 0 {
            return false;
        }
        if groups < 4 {
            len[groups] = n;
        }
        thousands &= groups == 0 || n == 3;
        groups += 1;
        let Some(next) = c.peek_char() else { break };
        if !matches!(next, '.' | '/' | '-' | ':') {
            return false;
        }
        c.eat_char(|_| true);
        thousands &= next == '.';
        if groups < 4 {
            sep[groups] = next;
        }
    }
    let date = (2..=3).contains(&groups)
        && (1..=2).contains(&len[0])
        && matches!(sep[1], '.' | '/' | '-')
        && (1..=2).contains(&len[1])
        && (groups == 2 || (matches!(sep[2], '.' | '/' | '-') && (2..=4).contains(&len[2])));
    let time = (2..=4).contains(&groups)
        && (1..=2).contains(&len[0])
        && matches!(sep[1], '.' | ':')
        && len[1] == 2
        && (groups < 3 || (sep[2] == '-' && (1..=2).contains(&len[2])))
        && (groups < 4 || (matches!(sep[3], '.' | ':') && len[3] == 2));
    let amount = groups >= 2 && (1..=3).contains(&len[0]) && thousands;
    date || time || amount
}

/// A phone number's national digits: without +39 / 0039.
pub fn national(written: &str) -> String {
    let d = digits(written);
    let trimmed = written.trim_start();
    if let Some(rest) = d.strip_prefix("0039") {
        rest.to_owned()
    } else if trimmed.starts_with('+') {
        d.strip_prefix("39").unwrap_or(&d).to_owned()
    } else {
        d
    }
}

/// Mobile (3xx, 9-10 digits) or landline (0x, 6-11 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Mobile,
    Landline,
}

fn kind(national: &str) -> Option<Kind> {
    let b = national.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(b'3'), Some(b'1'..=b'9')) if (9..=10).contains(&b.len()) => Some(Kind::Mobile),
        (Some(b'0'), Some(b'1'..=b'9')) if (6..=11).contains(&b.len()) => Some(Kind::Landline),
        _ => None,
    }
}

/// The comune's own numbers, national digits.
fn institutional(ctx: &Context<'_>) -> Vec<String> {
    let p = ctx.profile;
    let mut all: Vec<&str> = p.institutional_contacts.phones.iter().map(String::as_str).collect();
    all.extend([
        p.help.phone.as_str(),
        p.help.toll_free.as_str(),
        p.privacy.controller.phone.as_str(),
        p.privacy.dpo.phone.as_str(),
    ]);
    for c in &p.channels {
        if let Channel::WhatsappBroadcast { number, .. } = c {
            all.push(number);
        }
    }
    all.into_iter().filter(|s| !s.trim().is_empty()).map(national).collect()
}

/// A phone number found in the text: original byte range and the digits as written.
struct Found {
    range: Range<usize>,
    country_digits: usize,
    national: String,
}

/// Splits a run of digits into phone numbers. Dates and times break the run; in each
/// piece, from each digit group, the longest run of following groups that makes a valid
/// number wins.
fn split(text: &str, run: Range<usize>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut groups: Vec<Range<usize>> = Vec::new();
    for found in chains(&text[run.clone()]) {
        let base = run.start + found.start;
        let chain = &text[base..run.start + found.end];
        if is_date_or_time(chain) {
            numbers(text, &groups, &mut out);
            groups.clear();
            continue;
        }
        let mut start = None;
        for (i, c) in chain.char_indices().chain(std::iter::once((chain.len(), ' '))) {
            match (c.is_ascii_digit(), start) {
                (true, None) => start = Some(base + i),
                (false, Some(s)) => {
                    groups.push(s..base + i);
                    start = None;
                }
                _ => {}
            }
        }
    }
    numbers(text, &groups, &mut out);
    out
}

fn numbers(text: &str, groups: &[Range<usize>], out: &mut Vec<Found>) {
    let mut i = 0;
    while i < groups.len() {
        let lead = text[..groups[i].start].trim_end_matches([' ', '(']);
        let start = if lead.ends_with('+') {
            lead.len() - 1
        } else if text[..groups[i].start].ends_with('(') {
            groups[i].start - 1
        } else {
            groups[i].start
        };
        let mut best = None;
        // Up to ten groups: a number spelled digit by digit ("3 3 3 1 2 3 4 5 6 7") to slip past.
        for j in i..groups.len().min(i + 10) {
            let written = &text[start..groups[j].end];
            let nat = national(written);
            if nat.len() > 11 {
                break;
            }
            if kind(&nat).is_some() {
                best = Some((j, nat, digits(written).len()));
            }
        }
        match best {
            Some((j, nat, all_digits)) => {
                out.push(Found { range: start..groups[j].end, country_digits: all_digits - nat.len(), national: nat });
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

fn price_before(text: &str, pos: usize) -> bool {
    let w = &text[before(text, pos, 8)];
    let w = w.trim_end().to_lowercase();
    w.ends_with('€') || w.ends_with("euro") || w.ends_with("eur")
}

/// An office's name near the number, and no person's name between them; or, for a landline,
/// words that give it as the number to call for a service ("per informazioni contattare il
/// numero") with nobody named before it.
fn office_number(ctx: &Context<'_>, range: &Range<usize>, landline: bool) -> bool {
    let back = before(ctx.text, range.start, 80);
    let near = ctx.has_cue(back.clone(), "office-context", "office")
        || ctx.has_cue(after(ctx.text, range.end, 40), "office-context", "office");
    let person_before = ctx.has_cue(back.clone(), "personal-context", "title") || named_before(ctx, back.clone());
    let for_a_service = landline && ctx.has_cue(back.clone(), "office-context", "contact");
    (near || for_a_service) && !person_before
}

/// Whether a capitalised given name stands in the original range ("chiamare Mario al ...").
fn named_before(ctx: &Context<'_>, range: Range<usize>) -> bool {
    let within = ctx.folded.to_folded(range.start)..ctx.folded.to_folded(range.end);
    crate::checker::shared::inside(ctx.lexicon("given-names"), within).any(|m| {
        let orig = ctx.original(m.start, m.end);
        ctx.text[orig].starts_with(char::is_uppercase)
    })
}

impl Rule for PhoneRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let text = ctx.text;
        let own = institutional(ctx);
        for m in candidates(text) {
            let before_ok = text[..m.start].chars().next_back().map_or(true, |c| !c.is_alphanumeric());
            let after_ok = text[m.end..].chars().next().map_or(true, |c| !c.is_alphanumeric());
            // The shortest number (a landline) has six national digits: most runs (house
            // numbers, years, CAP) have fewer and need no splitting.
            if !before_ok || !after_ok || text[m.clone()].bytes().filter(u8::is_ascii_digit).count() < 6 {
                continue;
            }
            for f in split(text, m) {
                if own.contains(&f.national)
                    || reference_before(text, f.range.start)
                    || price_before(text, f.range.start)
                {
                    continue;
                }
                let written = &text[f.range.clone()];
                let fix = mask(written, f.country_digits + 3, 0);
                let landline = matches!(kind(&f.national), Some(Kind::Landline));
                let finding = if office_number(ctx, &f.range, landline) {
                    RawFinding::new(
                        ID,
                        Severity::Info,
                        f.range.clone(),
                        Msg::new(
                            "Numero di telefono di un ufficio: verifica che sia un recapito istituzionale e non il cellulare personale di un dipendente.",
                            "An office's phone number: make sure it is an institutional contact, not an employee's personal mobile.",
                        ),
                        personal_source(ctx),
                    )
                } else {
                    let (severity, it, en) = match kind(&f.national) {
                        Some(Kind::Mobile) => (
                            Severity::Error,
                            "Numero di cellulare di una persona: è un dato personale e non va diffuso sul canale. Indica un recapito del Comune.",
                            "A person's mobile number is personal data and must not be broadcast. Give one of the comune's contacts instead.",
                        ),
                        _ => (
                            Severity::Warning,
                            "Numero di telefono che non risulta tra i recapiti del Comune: se è di un privato è un dato personale.",
                            "A phone number that is not among the comune's contacts: if it is a private person's, it is personal data.",
                        ),
                    };
                    RawFinding::new(ID, severity, f.range.clone(), Msg::new(it, en), personal_source(ctx))
                };
                out.push(finding.with_fix(fix));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn phones(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn finds_mobiles_in_every_common_writing() {
        for n in [
            "333 1234567",
            "3331234567",
            "+39 333 1234567",
            "+393331234567",
            "0039 333 1234567",
            "333.123.4567",
            "333-123-4567",
            "333/1234567",
            "333 12 34 567",
            "+39 (333) 1234567",
            "347 123 45 67",
            "3 3 3 1 2 3 4 5 6 7",
            "33 31 23 45 67",
        ] {
            let t = format!("Per informazioni contattare il {n} entro venerdì.");
            let p = phones(&t);
            assert_eq!(p, vec![(n.to_owned(), Severity::Error)], "{n}");
        }
    }

    #[test]
    fn finds_private_landlines_as_warnings() {
        for n in ["02 12345678", "02/12345678", "0362.123456", "(039) 7654321", "+39 06 1234 5678"] {
            let t = format!("Chiamare Mario al {n}.");
            assert_eq!(phones(&t), vec![(n.to_owned(), Severity::Warning)], "{n}");
        }
    }

    #[test]
    fn masks_the_number_in_the_fix() {
        let r = check("Scrivete al 333 123 4567 per adesioni.");
        assert_eq!(findings(&r, super::ID)[0].fix.as_deref(), Some("333 *** ****"));
        let r = check("Scrivete al +39 333 1234567 per adesioni.");
        assert_eq!(findings(&r, super::ID)[0].fix.as_deref(), Some("+39 333 *******"));
    }

    #[test]
    fn splits_two_numbers_in_a_row() {
        let p = phones("Recapiti: 02 12345678 - 333 1234567");
        assert_eq!(p.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["02 12345678", "333 1234567"]);
    }

    #[test]
    fn lets_the_comunes_own_numbers_toll_free_and_emergency_numbers_go() {
        for t in [
            "Per informazioni: 039 1234567.",
            "Centralino +390391234567",
            "Numero verde 800 299 507 dalle 9 alle 13.",
            "Chiamare il numero verde 800.123.456 o il 803 116.",
            "In caso di emergenza chiamare il 112 o il 118; incendi 115, Polizia 113, 1515.",
        ] {
            assert!(phones(t).is_empty(), "{t}: {:?}", phones(t));
        }
    }

    #[test]
    fn near_misses_do_not_fire() {
        for t in [
            "Ordinanza prot. n. 0012345/2026 del 03/12/2026.",
            "Riferimento prot. n. 12345/2026.",
            "Il mercato si terrà il 03.12.2026 e il 04-12-2026.",
            "Apertura dalle 09.30-12.30 e dalle 14.30 - 17.30.",
            "Orari: 9.30-12.30; sabato 09:00-12:00.",
            "Costo del biglietto € 3.500.000 per l'opera; contributo di 30.000 euro.",
            "Spedire a Piazza Roma 1, 00185 Roma (CAP 20822).",
            "CIG 0123456789 e determina 0345678901.",
            "IBAN IT60X0542811101000000123456",
            "Lavori dal 01/12 al 03/12, ore 8-17.",
        ] {
            assert!(phones(t).is_empty(), "{t}: {:?}", phones(t));
        }
    }

    #[test]
    fn a_landline_given_to_call_for_a_service_is_info() {
        for t in [
            "Per ulteriori informazioni contattare il numero 0974 714202 oppure 0974 714211.",
            "Le prenotazioni si effettuano per telefono al numero 0473/ 943744.",
            "Appuntamento telefonando allo 031/769302 o recandosi in Comune.",
        ] {
            let p = phones(t);
            assert!(!p.is_empty() && p.iter().all(|(_, s)| *s == Severity::Info), "{t}: {p:?}");
        }
        // A person named before it, or a mobile: not the office's.
        assert_eq!(phones("Per informazioni chiamare Mario Rossi al 0362 123456.")[0].1, Severity::Warning);
        assert_eq!(phones("Per informazioni contattare il numero 333 1234567.")[0].1, Severity::Error);
    }

    #[test]
    fn an_offices_number_is_info() {
        for t in [
            "Ufficio Tributi: tel. 039 7654321",
            "Polizia Locale 0362 511111",
            "Per segnalazioni: Comando di Polizia Locale, 335 1234567",
            "URP\nTel. 039.765.43.21",
            "Chiamare il 039 7654321 (Sportello Anagrafe).",
        ] {
            let p = phones(t);
            assert_eq!(p.len(), 1, "{t}");
            assert_eq!(p[0].1, Severity::Info, "{t}");
        }
    }

    #[test]
    fn finds_what_the_regexes_they_replace_found() {
        use crate::checker::scan::testing::{assert_finds_like, assert_matches_like};
        let alphabet = [
            "+",
            "00",
            "39",
            "(",
            ")",
            "333",
            "1",
            "4567",
            " ",
            "\u{a0}",
            ".",
            "-",
            "/",
            "x",
            "_",
            "é",
            "😀",
            "02 1234 5678 ",
        ];
        assert_finds_like(r"(?:\+|(?-u:\b)00)?\(?[0-9][0-9 \u{00A0}.\-/()]{4,40}[0-9]", &alphabet, |t| {
            super::candidates(t).collect()
        });
        let alphabet = ["1", "23", "٣", ".", "/", ":", "-", " ", "x", "é"];
        assert_finds_like(r"[0-9]+(?:[./:\-][0-9]+)*", &alphabet, |t| super::chains(t).collect());
        let alphabet =
            ["12.30", "03/12", "/2026", "-9.30", "1.000", ".000", "9:00", "1", "٣", "12", ".", ":", "-", "x"];
        assert_matches_like(
            r"^(?:\d{1,2}([./-])\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}[.:]\d{2}(?:-\d{1,2}(?:[.:]\d{2})?)?|\d{1,3}(?:\.\d{3})+)$",
            &alphabet,
            super::is_date_or_time,
        );
    }

    #[test]
    fn a_person_named_after_the_office_is_not_the_office() {
        let p = phones("Ufficio Tributi: referente sig. Rossi 333 1234567");
        assert_eq!(p[0].1, Severity::Error);
    }
}
