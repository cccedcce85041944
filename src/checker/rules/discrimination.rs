//! Discrimination by sex, race, religion, origin, disability, language or opinions
//! (Costituzione art. 3; Concorezzo art. 4 lett. d): slurs and exclusions of a group.
//! Where a respectful wording exists (disability terms above all), it is the fix.

use super::lexicon_hits;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;
use crate::text::Folded;

pub struct DiscriminationRule;

pub static RULE: DiscriminationRule = DiscriminationRule;

const ID: &str = "discrimination";

/// The respectful wording for a term that has one, fitted to how the term is used: after an
/// article it is a noun and takes the article's gender and number ("un handicappato" → "una
/// persona con disabilità"); after a preposition or at the start, a noun without article ("per
/// handicappati" → "per persone con disabilità"); after another word, an adjective ("bambini
/// handicappati" → "bambini con disabilità"). `before` is the text before the match.
fn respectful(folded: &str, before: &str) -> Option<(usize, String)> {
    let plural = folded.split_whitespace().next().is_some_and(|w| w.ends_with('i') || w.ends_with('e'));
    // (singular noun, plural noun, adjective): phrases that only ever follow a noun have no noun form.
    let (noun_one, noun_many, adjective): (&str, &str, Option<String>) =
        if folded.starts_with("handicappat") || folded.starts_with("diversamente") || folded.starts_with("portator") {
            ("persona con disabilità", "persone con disabilità", Some("con disabilità".into()))
        } else if folded.starts_with("affett") {
            return Some((0, "con disabilità".to_owned()));
        } else if folded.starts_with("costrett") {
            let uses = if plural { "che usano la sedia a rotelle" } else { "che usa la sedia a rotelle" };
            return Some((0, uses.to_owned()));
        } else if folded.starts_with("sordomut") {
            let ending = folded.chars().nth("sordomut".len()).unwrap_or('o');
            ("persona sorda", "persone sorde", Some(format!("sord{ending}")))
        } else if folded.starts_with("mongoloid") {
            ("persona con sindrome di Down", "persone con sindrome di Down", None)
        } else if folded.starts_with("spastic") {
            ("persona con paralisi cerebrale", "persone con paralisi cerebrale", None)
        } else if folded.starts_with("zingar") {
            ("persona rom, sinti o caminante", "persone rom, sinti e caminanti", None)
        } else {
            return None;
        };
    Some(match (article_before(before), adjective) {
        (Some((len, art)), _) => (len, format!("{} {}", art.word(), if art.plural() { noun_many } else { noun_one })),
        (None, Some(adjective)) if !bare_noun(before) => (0, adjective),
        (None, _) => (0, if plural { noun_many } else { noun_one }.to_owned()),
    })
}

/// "uno", "una", "gli", "un’": the longest articles.
const MAX_ARTICLE_CHARS: usize = 4;

/// A definite or indefinite article right before the match: its length in bytes (with the
/// space) and what it says.
fn article_before(before: &str) -> Option<(usize, Article)> {
    let trimmed = before.trim_end();
    // After the char that ends the word ("«", "—" and U+FE0F are several bytes long). No
    // article is longer than four chars, so the walk back stops after five: a text of letters
    // and apostrophes ("zingaro'zingaro'…") would otherwise be read back to its start for
    // every match, quadratic in the message.
    let mut back = trimmed.char_indices().rev().take(MAX_ARTICLE_CHARS + 1);
    let word_start = match back.find(|&(_, c)| !c.is_alphabetic() && c != '\'' && c != '’') {
        Some((i, c)) => i + c.len_utf8(),
        None if trimmed.chars().rev().nth(MAX_ARTICLE_CHARS).is_none() => 0,
        None => return None,
    };
    let word = &trimmed[word_start..];
    let art = match word.to_lowercase().as_str() {
        "un" | "uno" | "una" | "un'" | "un’" => Article::Indefinite,
        "il" | "lo" | "la" | "l'" | "l’" => Article::Definite,
        "i" | "gli" | "le" => Article::DefinitePlural,
        _ => return None,
    };
    Some((before.len() - word_start, art))
}

/// Nothing but a preposition, punctuation or the start of the text before the match.
fn bare_noun(before: &str) -> bool {
    let trimmed = before.trim_end();
    let last = trimmed.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    last.is_empty()
        || matches!(
            last.to_lowercase().as_str(),
            "per" | "a" | "ai" | "di" | "dei" | "da" | "dai" | "con" | "su" | "tra" | "fra"
        )
}

#[derive(Clone, Copy)]
enum Article {
    Indefinite,
    Definite,
    DefinitePlural,
}

impl Article {
    fn plural(self) -> bool {
        matches!(self, Article::DefinitePlural)
    }

    /// The article for "persona/persone".
    fn word(self) -> &'static str {
        match self {
            Article::Indefinite => "una",
            Article::Definite => "la",
            Article::DefinitePlural => "le",
        }
    }
}

fn topic(section: &str) -> (&'static str, &'static str) {
    match section {
        "race" => ("alla razza", "race"),
        "origin" => ("all'origine", "origin"),
        "religion" => ("alla religione", "religion"),
        "sex" => ("al sesso o all'orientamento", "sex or orientation"),
        "disability" | "disability-wording" => ("alla disabilità", "disability"),
        "language" => ("alla lingua", "language"),
        "opinions" => ("alle opinioni", "opinions"),
        _ => ("alle condizioni personali", "personal conditions"),
    }
}

impl Rule for DiscriminationRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let source = ctx.policy_source(ID, "Costituzione art. 3");
        let severity = ctx.policy_severity(ID).unwrap_or(Severity::Error);
        for h in lexicon_hits::find(ctx, ID, &ctx.folded.text) {
            let matched = &ctx.text[h.range.clone()];
            let (it, en) = topic(h.section);
            // Outdated wording is disrespectful rather than hostile: a warning with a rewrite.
            let wording = h.section == "disability-wording";
            let message = if wording {
                Msg::new(
                    format!("«{matched}»: espressione superata e poco rispettosa; parla di «persone con disabilità»."),
                    format!("“{matched}”: outdated, disrespectful wording; speak of “persons with disabilities”."),
                )
            } else {
                Msg::new(
                    format!("«{matched}» discrimina in base {it}: tutti i cittadini hanno pari dignità sociale (Costituzione, art. 3)."),
                    format!("“{matched}” discriminates on grounds of {en}: all citizens have equal social dignity (Italian Constitution, art. 3)."),
                )
            };
            let source = if wording {
                "Convenzione ONU sui diritti delle persone con disabilità (L. 18/2009)".to_owned()
            } else {
                source.clone()
            };
            let mut finding = RawFinding::new(
                ID,
                if wording { Severity::Warning } else { severity },
                h.range.clone(),
                message,
                source,
            );
            let folded = Folded::new(matched).text;
            if let Some((article_len, fix)) = respectful(&folded, &ctx.text[..h.range.start]) {
                // An article before the term is replaced with it, so that the two agree.
                finding = RawFinding { range: h.range.start - article_len..h.range.end, ..finding }.with_fix(fix);
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};

    fn flagged(text: &str) -> Vec<String> {
        findings(&check(text), "discrimination").iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn slurs_and_exclusions() {
        assert_eq!(flagged("Vietato agli stranieri l'accesso al parco"), vec!["Vietato agli stranieri"]);
        assert_eq!(flagged("Quei terroni e quei froci"), vec!["terroni", "froci"]);
        assert_eq!(flagged("Alloggi riservati ai soli italiani"), vec!["riservati ai soli italiani"]);
        let r = check("Sono dei terroni");
        assert_eq!(findings(&r, "discrimination")[0].source, "Costituzione art. 3");
        assert!(!r.can_send);
        let r = check("Parcheggio per handicappati in piazza");
        let f = findings(&r, "discrimination");
        assert_eq!(f[0].fix.as_deref(), Some("persone con disabilità"));
        assert_eq!(f[0].severity, crate::profile::Severity::Warning);
        // The article goes with the term, so that the fix ("le persone rom...") agrees with it.
        assert_eq!(flagged("Gli zingari al campo"), vec!["Gli zingari"]);
    }

    fn fix_of(text: &str) -> (String, String) {
        let r = check(text);
        let f = findings(&r, "discrimination");
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        (f[0].text.clone(), f[0].fix.clone().unwrap_or_default())
    }

    #[test]
    fn the_respectful_wording_agrees_with_the_sentence() {
        for (text, replaced, fix) in [
            ("Parcheggio per handicappati in piazza", "handicappati", "persone con disabilità"),
            ("C'era un handicappato in coda", "un handicappato", "una persona con disabilità"),
            ("Gli handicappati entrano gratis", "Gli handicappati", "le persone con disabilità"),
            ("Bambini handicappati al centro estivo", "handicappati", "con disabilità"),
            ("Un bambino diversamente abile", "diversamente abile", "con disabilità"),
            ("Corso per i sordomuti", "i sordomuti", "le persone sorde"),
            ("Un ragazzo sordomuto", "sordomuto", "sordo"),
            (
                "Persone costrette sulla sedia a rotelle",
                "costrette sulla sedia a rotelle",
                "che usano la sedia a rotelle",
            ),
            (
                "Un cittadino costretto su una sedia a rotelle",
                "costretto su una sedia a rotelle",
                "che usa la sedia a rotelle",
            ),
            ("Lavoratori portatori di handicap", "portatori di handicap", "con disabilità"),
            ("Persone affette da disabilità", "affette da disabilità", "con disabilità"),
        ] {
            assert_eq!(fix_of(text), (replaced.to_owned(), fix.to_owned()), "{text}");
        }
        assert_eq!(flagged("Quei negri"), vec!["Quei negri"]);
    }

    /// Issue 12 item 1: a multibyte char right before the term (its last byte used to be taken
    /// for a char boundary).
    #[test]
    fn multibyte_punctuation_before_the_term() {
        for (text, replaced) in [
            ("Posti auto riservati ai «diversamente abili»", "diversamente abili"),
            ("Parcheggio riservato — handicappati", "handicappati"),
            ("🅿\u{fe0f} handicappati", "handicappati"),
            ("Per i “handicappati”", "handicappati"),
        ] {
            assert_eq!(fix_of(text).0, replaced, "{text}");
        }
    }

    /// Exclusion or destruction of a group without a slur: what Scandicci and Concamarise
    /// published (press, 2018-2019), in other words.
    #[test]
    fn a_group_shut_out_or_wished_away() {
        assert_eq!(flagged("Case popolari: nessun rom in graduatoria quest'anno."), vec!["nessun rom"]);
        assert_eq!(flagged("Fuori gli zingari dal nostro paese"), vec!["Fuori gli zingari"]);
        assert_eq!(flagged("Bisognerebbe bruciare i nomadi del campo"), vec!["bruciare i nomadi"]);
        assert_eq!(flagged("Basta profughi in paese!"), vec!["Basta profughi"]);
        assert!(!check("Nessun rom in graduatoria").can_send);
    }

    #[test]
    fn neutral_wording_passes() {
        for t in [
            "Sportello per cittadini stranieri: rinnovo del permesso di soggiorno.",
            "Parcheggi riservati alle persone con disabilità in piazza Roma.",
            "Corso di italiano per stranieri in biblioteca.",
            "Al mercato: finocchi, carciofi e arance.",
            "Festa della comunità marocchina al parco.",
            "Il treno ha un ritardo di 20 minuti.",
            "Via Ada Negri chiusa per lavori; la dottoressa Negri riceve il lunedì.",
            "Sagra del polentone e rappresentazione della Passione: il re dei giudei.",
            "Nessun costo per i cittadini stranieri residenti: lo sportello è gratuito.",
            "Corso di lingua per migranti e profughi: iscrizioni aperte.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }
}
