//! Commercial advertising, even indirect (seed art. 2.2 "a carattere anche indirettamente
//! lucrativo"; Concorezzo art. 4 lett. i): offers, discounts, promo codes, calls to buy.
//! A discount on a tax or a fee, a bando or a contribution for businesses is institutional:
//! offer words in a sentence about those are not flagged (calls to buy always are).

use std::ops::Range;

use super::lexicon_hits::{self, Hit};
use crate::checker::scan::{self, is_digit, is_space, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub struct AdvertisingRule;

pub static RULE: AdvertisingRule = AdvertisingRule;

const ID: &str = "advertising";

/// "-50%", "50% di sconto", "sconto 30 %": a percentage off is an offer wherever it appears.
/// The pattern (`\s` and `\d` Unicode, `\b` ASCII; a match may start with the space before "-"):
/// `(?:^|\s)-\s?\d{1,2}\s?%|\b\d{1,2}\s?%\s+(?:di\s+)?sconto\b|\bsconto\s+(?:del\s+)?\d{1,2}\s?%`.
fn percent_off(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // A match starts with "sconto" or has its '%' within 20 bytes (a Unicode space and digits
    // take at most 3 and 4 bytes each): only those places are tried, not every char.
    let percents: Vec<usize> = text.match_indices('%').map(|(i, _)| i).collect();
    let scontos: Vec<usize> = text.match_indices("sconto").map(|(i, _)| i).collect();
    scan::find_iter(text, move |text, from| {
        let next = |at: &[usize], s: usize| at.get(at.partition_point(|&p| p < s)).copied();
        let mut s = from;
        while s < text.len() {
            let pct = next(&percents, s);
            if pct.is_some_and(|p| p - s < 20) || next(&scontos, s) == Some(s) {
                if text.is_char_boundary(s) {
                    if let Some(end) = percent_at(text, s) {
                        return Some(s..end);
                    }
                }
                s += 1;
                continue;
            }
            s = match (pct.map(|p| p - 19), next(&scontos, s)) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b)?,
            };
        }
        None
    })
}

/// The percentage-off pattern at `start`: where its match ends.
fn percent_at(text: &str, start: usize) -> Option<usize> {
    let mut c = Cursor::new(text, start);
    let minus = |mut c: Cursor<'_>| {
        let hit = c.eat(b'-') && {
            c.eat_char(is_space);
            percent(&mut c)
        };
        hit.then_some(c.pos)
    };
    if start == 0 {
        if let Some(end) = minus(c) {
            return Some(end);
        }
    }
    if c.eat_char(is_space) {
        return minus(c);
    }
    if !c.ascii_boundary() {
        return None;
    }
    let hit = if c.eat_str("sconto") {
        c.eat_chars_while(is_space) > 0 && {
            optional_word(&mut c, "del");
            percent(&mut c)
        }
    } else {
        percent(&mut c) && c.eat_chars_while(is_space) > 0 && {
            optional_word(&mut c, "di");
            c.eat_str("sconto") && c.ascii_boundary()
        }
    };
    hit.then_some(c.pos)
}

/// `\d{1,2}\s?%`: one or two digits, the percent sign. (With a third digit the `%` cannot
/// follow: regex backs off to fewer digits and fails just the same.)
fn percent(c: &mut Cursor<'_>) -> bool {
    c.eat_chars_upto(2, is_digit) > 0 && {
        c.eat_char(is_space);
        c.eat(b'%')
    }
}

/// `(?:word\s+)?`.
fn optional_word(c: &mut Cursor<'_>, word: &str) {
    let mut probe = *c;
    if probe.eat_str(word) && probe.eat_chars_while(is_space) > 0 {
        *c = probe;
    }
}

fn message(section: &str, matched: &str) -> Msg {
    let (it, en) = match section {
        "call-to-buy" => ("invita a comprare", "urges people to buy"),
        "offer" | "percent" => ("presenta un'offerta commerciale", "presents a commercial offer"),
        _ => ("è un termine pubblicitario indicato dal Comune", "is an advertising term listed by the comune"),
    };
    Msg::new(
        format!("«{matched}» {it}: il canale non può essere usato per pubblicità, nemmeno indiretta."),
        format!("“{matched}” {en}: the channel cannot be used for advertising, not even indirect."),
    )
}

impl Rule for AdvertisingRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let folded = &ctx.folded.text;
        let all = lexicon_hits::find(ctx, ID, folded);
        // Hits are sorted and do not overlap, so the first institutional one starting in a
        // sentence is the one that ends first: one look per hit (issue 12).
        let institutional: Vec<&Hit<'_>> = all.iter().filter(|h| h.section == "institutional").collect();
        let sentences = lexicon_hits::SentenceEnds::new(folded);
        let in_institutional_sentence = |h: &Hit<'_>| {
            let sentence = sentences.around(h.folded.clone());
            let first = institutional.partition_point(|i| i.folded.start < sentence.start);
            institutional.get(first).is_some_and(|i| i.folded.end <= sentence.end)
        };
        let mut hits: Vec<Hit<'_>> = all
            .iter()
            .filter(|h| h.section != "institutional")
            .filter(|h| h.section == "call-to-buy" || !in_institutional_sentence(h))
            .cloned()
            .collect();
        // The lexicon hits as found (sorted, not overlapping), to find the one an offer touches.
        let listed: Vec<Range<usize>> = hits.iter().map(|h| h.folded.clone()).collect();
        for m in percent_off(folded) {
            let matched = &folded[m.clone()];
            let start = m.start + (matched.len() - matched.trim_start().len());
            let hit = Hit { folded: start..m.end, range: ctx.original(start, m.end), section: "percent" };
            if in_institutional_sentence(&hit) {
                continue;
            }
            // "Sconto del" + "50%": one finding over the whole offer. The offer joins the listed
            // hit it touches, else the offer just before it.
            let j = listed.partition_point(|r| r.end < hit.folded.start);
            let touching = if listed.get(j).is_some_and(|r| r.start <= hit.folded.end) {
                Some(j)
            } else {
                hits.len().checked_sub(1).filter(|&k| {
                    k >= listed.len()
                        && hits[k].folded.start <= hit.folded.end
                        && hit.folded.start <= hits[k].folded.end
                })
            };
            match touching {
                Some(k) => {
                    let h = &mut hits[k];
                    h.folded = h.folded.start.min(hit.folded.start)..h.folded.end.max(hit.folded.end);
                    h.range = ctx.original(h.folded.start, h.folded.end);
                }
                None => hits.push(hit),
            }
        }
        hits.sort_by_key(|h| h.folded.start);
        let source = ctx.policy_source(
            ID,
            "Costituzione art. 97 (imparzialità); D.Lgs. 267/2000 art. 119 (sponsorizzazioni solo con contratto)",
        );
        lexicon_hits::report(ctx, out, ID, Severity::Error, &source, &hits, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};

    fn flagged(text: &str) -> Vec<String> {
        findings(&check(text), "advertising").iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn offers_and_calls_to_buy() {
        assert_eq!(flagged("Sconto del 50% da Bar Centrale, acquista ora!"), vec!["Sconto del 50%", "acquista ora"]);
        assert_eq!(flagged("Solo per oggi -30% su tutto, codice promo ESTATE24"), vec!["-30%", "codice promo"]);
        assert_eq!(
            flagged("Pizzeria da Gino: prendi 2 paghi 1, vi aspettiamo nel nostro locale"),
            vec!["prendi 2 paghi 1", "vi aspettiamo nel nostro locale"]
        );
        let r = check("Saldi fino al 70% in centro");
        assert!(!r.can_send);
        assert_eq!(findings(&r, "advertising")[0].source, "Disciplinare Esempio art. 2.2");
    }

    #[test]
    fn fees_deadlines_and_bandi_are_not_advertising() {
        for t in [
            "Scadenza TARI: la prima rata va pagata entro il 16 maggio.",
            "Riduzione TARI del 20% per le utenze non domestiche: domande entro il 30 aprile.",
            "Sconto del 10% sulla retta della mensa per il secondo figlio.",
            "Bando per contributi a fondo perduto alle attività commerciali: scadenza 30 giugno.",
            "Promozione del territorio: il calendario degli eventi estivi.",
            "Nuovo regolamento per i dehors dei pubblici esercizi.",
            "4 novembre: corona d'alloro in omaggio ai caduti. Venite a trovarci allo stand della Protezione civile.",
            "Solo per oggi la biblioteca chiude alle 12. Kit per la differenziata fino a esaurimento scorte.",
            "Un'occasione unica per visitare la nuova collezione del museo civico.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet = [
            "-",
            "5",
            "30",
            "٣",
            "%",
            " ",
            "\u{a0}",
            "\n",
            "di ",
            "del ",
            "sconto",
            "x",
            "_",
            "é",
            "😀",
            " -20%",
            "10 % ",
            "sconto del 5",
        ];
        crate::checker::scan::testing::assert_finds_like(
            r"(?:(?:^|\s)-\s?\d{1,2}\s?%|(?-u:\b)\d{1,2}\s?%\s+(?:di\s+)?sconto(?-u:\b)|(?-u:\b)sconto\s+(?:del\s+)?\d{1,2}\s?%)",
            &alphabet,
            |t| super::percent_off(t).collect(),
        );
    }
}
