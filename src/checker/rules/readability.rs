//! Readability: the Gulpease index (Lucisano and Piemontese, 1988), made for Italian.
//! 89 + (300 × sentences − 10 × letters) / words, from 0 to 100; below 60 a text is hard for
//! readers with only compulsory schooling, below 40 even for readers with a secondary-school
//! diploma. Links are left out: they are not read as words.
//!
//! It warns below 40 (or the profile's threshold) and informs below 60: real comune notices
//! (tests/corpus/real) score 44-75, so warning below 60 fired on four notices in five and
//! taught editors to ignore warnings (issue 13); below 40 a text is hard for nearly everyone.

use super::urls;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub struct ReadabilityRule;

pub static RULE: ReadabilityRule = ReadabilityRule;

const ID: &str = "readability";
const DEFAULT_THRESHOLD: u32 = 40;
/// Below this a text is hard for readers with only compulsory schooling: said as info.
const HARD_FOR_MANY: u32 = 60;
const SOURCE: &str = "Indice Gulpease (Lucisano e Piemontese, 1988)";

/// Counts of a text, as the Gulpease formula wants them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub letters: usize,
    pub words: usize,
    pub sentences: usize,
}

/// Abbreviations whose full stop does not end a sentence ("art. 3", "sig. Rossi", "n. 12").
const ABBREVIATIONS: &[&str] = &[
    "art", "artt", "n", "nn", "sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof", "ing", "avv", "geom", "arch", "ecc",
    "es", "pag", "pagg", "tel", "prot", "rif", "lett", "co", "comma", "cfr", "p", "s", "c.a", "v", "vd",
];

/// Counts letters, words and sentences. A sentence ends at `.`, `!`, `?` followed by a space or
/// the end (so "bit.ly", "mario.rossi@..." and "12.30" do not end one, nor does "art. 3"), or at
/// a line break after text with no final punctuation (WhatsApp messages use lines as titles and
/// list items).
pub fn counts(text: &str) -> Counts {
    let bytes = text.as_bytes();
    // This runs over the whole message: ASCII is read without decoding.
    let char_at = |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => Some(char::from(*b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    };
    let mut c = Counts::default();
    let mut in_word = false;
    let mut open_sentence = false;
    let mut prev = ' ';
    let mut word_start = 0usize;
    let mut i = 0;
    while let Some(ch) = char_at(i) {
        let next_at = i + ch.len_utf8();
        if ch.is_alphanumeric() {
            if ch.is_alphabetic() {
                c.letters += 1;
            }
            if !in_word {
                c.words += 1;
                in_word = true;
                word_start = i;
            }
            open_sentence = true;
        } else {
            // "dell'anno" is two words; "12.30" and "e-mail" stay one.
            let joins = matches!(ch, '.' | ',' | '-') && prev.is_ascii_digit() || ch == '-';
            if !joins {
                in_word = false;
            }
            let ends = match ch {
                '\n' => true,
                '.' | '!' | '?' => {
                    let next = char_at(next_at).unwrap_or(' ');
                    // The last word starts with a letter or digit, so no abbreviation is
                    // longer than 8 bytes: a run of dots costs no look back (issue 12).
                    !next.is_alphanumeric()
                        && next != '@'
                        && !(ch == '.' && c.words > 0 && i - word_start <= 8 && is_abbreviation(&text[word_start..i]))
                }
                _ => false,
            };
            if ends && open_sentence {
                c.sentences += 1;
                open_sentence = false;
            }
        }
        prev = ch;
        i = next_at;
    }
    if open_sentence {
        c.sentences += 1;
    }
    c
}

/// "13 parole in 1 frase": singular and plural forms chosen by count.
fn counted(c: Counts, word: (&str, &str), sentence: (&str, &str), joiner: &str) -> String {
    let pick = |n: usize, (one, many): (&str, &str)| if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") };
    format!("{} {joiner} {}", pick(c.words, word), pick(c.sentences, sentence))
}

fn is_abbreviation(word: &str) -> bool {
    !word.is_empty() && word.len() <= 8 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The Gulpease index, clamped to 0..=100; `None` for a text without words.
pub fn gulpease(c: Counts) -> Option<f64> {
    if c.words == 0 {
        return None;
    }
    let g = 89.0 + (300.0 * c.sentences as f64 - 10.0 * c.letters as f64) / c.words as f64;
    Some(g.clamp(0.0, 100.0))
}

/// The text with links blanked out.
fn without_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for u in urls::find(text) {
        out.push_str(&text[last..u.range.start]);
        out.push(' ');
        last = u.range.end;
    }
    out.push_str(&text[last..]);
    out
}

impl Rule for ReadabilityRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let c = counts(&without_links(ctx.text));
        let Some(index) = gulpease(c) else { return };
        let threshold = ctx.profile.checker.readability_threshold.unwrap_or(DEFAULT_THRESHOLD);
        let shown = index.round() as u32;
        let (severity, message) = if index < f64::from(threshold) {
            (
                Severity::Warning,
                Msg::new(
                    format!("Indice Gulpease {shown} (sotto {threshold}): il testo è difficile per molti. Usa frasi più brevi e parole più semplici."),
                    format!("Gulpease index {shown} (below {threshold}): the text is hard for many readers. Use shorter sentences and simpler words."),
                ),
            )
        } else if index < f64::from(HARD_FOR_MANY) {
            (
                Severity::Info,
                Msg::new(
                    format!("Indice Gulpease {shown} (sotto {HARD_FOR_MANY}): il testo è difficile per chi ha la sola licenza media. Se puoi, usa frasi più brevi e parole più semplici."),
                    format!("Gulpease index {shown} (below {HARD_FOR_MANY}): the text is hard for readers with only compulsory schooling. If you can, use shorter sentences and simpler words."),
                ),
            )
        } else {
            (
                Severity::Info,
                Msg::new(
                    format!(
                        "Indice Gulpease {shown} (soglia {threshold}): {}.",
                        counted(c, ("parola", "parole"), ("frase", "frasi"), "in")
                    ),
                    format!(
                        "Gulpease index {shown} (threshold {threshold}): {}.",
                        counted(c, ("word", "words"), ("sentence", "sentences"), "in")
                    ),
                ),
            )
        };
        out.push(RawFinding::new(ID, severity, 0..0, message, SOURCE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::testing::{check, check_with, findings, profile};

    #[test]
    fn counts_match_a_char_by_char_reading() {
        // The first, char-by-char form of `counts`, as the reference for the byte-reading one.
        fn reference(text: &str) -> Counts {
            let mut c = Counts::default();
            let (mut in_word, mut open_sentence, mut prev, mut word_start) = (false, false, ' ', 0usize);
            let mut chars = text.char_indices().peekable();
            while let Some((i, ch)) = chars.next() {
                if ch.is_alphanumeric() {
                    if ch.is_alphabetic() {
                        c.letters += 1;
                    }
                    if !in_word {
                        c.words += 1;
                        in_word = true;
                        word_start = i;
                    }
                    open_sentence = true;
                } else {
                    let joins = matches!(ch, '.' | ',' | '-') && prev.is_ascii_digit() || ch == '-';
                    if !joins {
                        in_word = false;
                    }
                    let next = chars.peek().map_or(' ', |&(_, n)| n);
                    let ends = match ch {
                        '\n' => true,
                        '.' | '!' | '?' => {
                            !next.is_alphanumeric()
                                && next != '@'
                                && !(ch == '.'
                                    && is_abbreviation(
                                        text[word_start..i].trim_start_matches(|c: char| !c.is_alphanumeric()),
                                    ))
                        }
                        _ => false,
                    };
                    if ends && open_sentence {
                        c.sentences += 1;
                        open_sentence = false;
                    }
                }
                prev = ch;
            }
            if open_sentence {
                c.sentences += 1;
            }
            c
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        texts.push("Art. 3 e sig. Rossi: ore 12.30, e-mail è.à! Città? 🚧 fine.\nÈ così… l'anno".into());
        for t in &texts {
            assert_eq!(counts(t), reference(t), "{t}");
        }
    }

    #[test]
    fn counts_are_worded_in_singular_or_plural() {
        let c = Counts { letters: 10, words: 13, sentences: 1 };
        assert_eq!(counted(c, ("parola", "parole"), ("frase", "frasi"), "in"), "13 parole in 1 frase");
    }

    #[test]
    fn dots_inside_words_and_abbreviations_do_not_end_sentences() {
        let c = counts("Scrivete a mario.rossi@gmail.com o leggete l'art. 3 del bando n. 12 su bit.ly oggi. Grazie!");
        assert_eq!(c.sentences, 2, "{c:?}");
        assert_eq!(counts("Fine. Inizio").sentences, 2);
    }

    #[test]
    fn counts_follow_the_formula() {
        let c = counts("Il mercato è chiuso. Domani riapre!");
        assert_eq!(c, Counts { letters: 28, words: 6, sentences: 2 });
        // 89 + (600 - 280) / 6 = 142.3 → 100.
        assert_eq!(gulpease(c), Some(100.0));
        let c = counts("Ore 12.30: dell'anno");
        assert_eq!((c.words, c.sentences), (4, 1));
        assert_eq!(gulpease(counts("")), None);
    }

    #[test]
    fn simple_text_is_info_with_the_index() {
        let r = check("Domani il mercato è in piazza Roma. Porta la borsa.");
        let f = findings(&r, "readability");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].message.starts_with("Indice Gulpease "), "{}", f[0].message);
    }

    #[test]
    fn bureaucratic_text_warns_below_the_threshold() {
        let hard = "Conformemente alle disposizioni regolamentari vigenti, l'amministrazione comunale comunica \
            l'avvenuta predisposizione della documentazione amministrativa propedeutica all'espletamento \
            dell'istruttoria relativa all'aggiudicazione provvisoria dell'appalto concernente la riqualificazione \
            infrastrutturale dell'edificio scolastico.";
        let f = findings(&check(hard), "readability").into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(f[0].severity, Severity::Warning);
        let mut p = profile();
        p.checker.readability_threshold = Some(0);
        assert_eq!(findings(&check_with(&p, hard), "readability")[0].severity, Severity::Info);
        // An ordinary notice, hard for some readers, is told so without a warning.
        let notice = "Lunedì 23 marzo Abbanoa eseguirà dei lavori sulle condotte idriche di via Serravalle. Dalle \
            ore 8 sarà sospesa l'erogazione idrica in tutto l'abitato. Alla ripresa del servizio potrebbero \
            verificarsi transitori fenomeni di torbidità.";
        let f = findings(&check(notice), "readability").into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].message.contains("licenza media"), "{}", f[0].message);
        p.checker.readability_threshold = Some(60);
        assert_eq!(findings(&check_with(&p, notice), "readability")[0].severity, Severity::Warning);
    }

    #[test]
    fn links_do_not_count_as_words() {
        let with = counts(&without_links("Vedi https://www.comune.esempio.mb.it/un-percorso-molto-lungo/pagina oggi."));
        assert_eq!(with.words, 2);
    }
}
