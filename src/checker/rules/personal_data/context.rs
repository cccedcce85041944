//! Who a sentence is about. Special-category and judicial data are errors only when they
//! are tied to an identifiable person, and a name is personal data only next to personal
//! details: both questions are answered here, in folded-text coordinates.

use std::ops::Range;

use super::lex;
use crate::checker::scan::{self, is_digit, is_space, Cursor};
use crate::checker::shared::inside;
use crate::checker::Context;

/// Words before a full stop that do not end a sentence ("sig.", "prot. n.", "tel.").
const ABBREVIATIONS: &[&str] = &[
    "sig", "sigg", "ra", "na", "dott", "dr", "prof", "avv", "ing", "arch", "geom", "rag", "n", "nr", "num", "prot",
    "art", "tel", "cell", "uff", "pag", "ecc", "es", "ca", "ss", "loc", "fraz", "min", "max", "lun", "mar", "mer",
    "gio", "ven", "sab", "dom", "gen", "feb", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic", "p.zza",
    "c.so", "v.le",
];

/// Whether the '.' at byte `dot` of `text` ends a sentence: followed by white space and not
/// closing an abbreviation or an initial.
pub fn ends_sentence(text: &str, dot: usize) -> bool {
    let next_is_space = text[dot + 1..].chars().next().map_or(true, char::is_whitespace);
    if !next_is_space {
        return false;
    }
    // The word right before the dot, back to the previous dot at most: "a.a.a.a." costs one
    // look back per dot, not one per dot before it (issue 12).
    let start =
        text[..dot].char_indices().rev().take_while(|&(_, c)| c.is_alphanumeric()).last().map_or(dot, |(i, _)| i);
    let last = &text[start..dot];
    if last.is_empty() {
        // "(su sfondo bianco). Come…", "«…l'ufficio». Il costo…": a closing bracket or quote
        // ends its sentence; "..." and ".-" do not.
        return text[..dot].ends_with([')', ']', '»', '”', '"', '’', '\'']);
    }
    if last.is_ascii() {
        // Sentence ends are checked at every full stop: no allocation for the usual ASCII word.
        return !(last.len() <= 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last)));
    }
    let last = last.to_lowercase();
    !(last.chars().count() <= 1 || ABBREVIATIONS.contains(&last.as_str()))
}

/// Sentence starts of a folded text: after '.', '!', '?' that end a sentence, and after
/// blank lines. A single line break does not end a sentence ("Ufficio Tributi\nTel. ...").
pub struct Sentences {
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    pub fn new(folded: &str) -> Self {
        let mut starts = vec![0];
        let bytes = folded.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let boundary = match b {
                b'!' | b'?' => true,
                b'.' => ends_sentence(folded, i),
                b'\n' => folded[..i].trim_end_matches([' ', '\t', '\r']).ends_with('\n'),
                _ => false,
            };
            if boundary && i + 1 < bytes.len() {
                starts.push(i + 1);
            }
        }
        Sentences { starts, len: folded.len() }
    }

    /// The sentence containing `pos`.
    pub fn around(&self, pos: usize) -> Range<usize> {
        let i = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        self.starts[i]..self.starts.get(i + 1).copied().unwrap_or(self.len)
    }

    /// The sentence containing `pos` and the one after it ("Mario Rossi è caduto. È
    /// ricoverato.").
    pub fn with_next(&self, pos: usize) -> Range<usize> {
        let i = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        self.starts[i]..self.starts.get(i + 2).copied().unwrap_or(self.len)
    }

    /// The sentence containing `pos` and the one before it ("La signora Rossi è caduta.
    /// È ricoverata."), where a person is usually named first and described after.
    pub fn with_previous(&self, pos: usize) -> Range<usize> {
        let i = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        self.starts[i.saturating_sub(1)]..self.starts.get(i + 1).copied().unwrap_or(self.len)
    }
}

/// How a person is pointed at, from the weaker to the stronger tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PersonKind {
    /// Described so that neighbours can tell who: "il bambino di 8 anni", "la residente di via
    /// Roma", "un cittadino residente nella frazione di San Martino", "il consigliere", "una
    /// persona di famiglia", "i residenti del condominio".
    Described,
    /// Given name and surname, or a courtesy title and surname: "Mario Rossi", "sig.ra Verdi".
    Named,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Folded-text range.
    pub range: Range<usize>,
    pub kind: PersonKind,
}

/// Words that start a street address.
pub const STREETS: [&str; 6] = ["via", "viale", "piazza", "corso", "vicolo", "largo"];

/// Whether the text after a person noun ("il bambino", "la donna") tells who it is: an age,
/// where they live, their birth. Anchored at the start of `s` (`\s`, `\d`, `\b` Unicode):
/// `^\s*,?\s*(?:di\s+\d{1,3}\s+anni|\d{1,3}\s*-?\s*enne|residente|abitante|domiciliat|che\s+abita|`
/// `di\s+(?:via|viale|piazza|corso|vicolo|largo)\b|nat[oa]\s+(?:il|a|nel)\b)`.
fn describes_after_noun(s: &str) -> bool {
    let mut at = Cursor::new(s, 0);
    at.eat_chars_while(is_space);
    at.eat(b',');
    at.eat_chars_while(is_space);
    let word_then_space = |c: &mut Cursor<'_>, word: &str| c.eat_str(word) && c.eat_chars_while(is_space) > 0;
    let whole_word_of = |c: Cursor<'_>, words: &[&str]| {
        words.iter().any(|w| {
            let mut c = c;
            c.eat_str(w) && c.unicode_boundary()
        })
    };
    let mut c = at;
    let years = word_then_space(&mut c, "di")
        && c.eat_chars_upto(3, is_digit) > 0
        && c.eat_chars_while(is_space) > 0
        && c.eat_str("anni");
    let mut c = at;
    let enne = eat_enne(&mut c, is_digit);
    let lives = ["residente", "abitante", "domiciliat"].iter().any(|w| {
        let mut c = at;
        c.eat_str(w)
    });
    let mut c = at;
    let lives_in = word_then_space(&mut c, "che") && c.eat_str("abita");
    let mut c = at;
    let street = word_then_space(&mut c, "di") && whole_word_of(c, &STREETS);
    let mut c = at;
    let born = c.eat_str("nat")
        && (c.eat(b'o') || c.eat(b'a'))
        && c.eat_chars_while(is_space) > 0
        && whole_word_of(c, &["il", "a", "nel"]);
    years || enne || lives || lives_in || street || born
}

/// Whether a person noun ending at folded `end` is followed by where they are from, a
/// capitalised name after "di" or "da": "il ragazzo di Guardia", "la signora di Borgo Nuovo".
/// In a comune, someone's village or family is enough to tell who.
fn from_a_place(ctx: &Context<'_>, end: usize, limit: usize) -> bool {
    let rest = &ctx.folded.text[end..limit];
    let after_spaces = rest.trim_start_matches(' ');
    let Some(after_di) = after_spaces.strip_prefix("di ").or_else(|| after_spaces.strip_prefix("da ")) else {
        return false;
    };
    let word = limit - after_di.trim_start_matches(' ').len();
    if word >= limit {
        return false;
    }
    let first = ctx.folded.text[word..limit].chars().next().map_or(0, char::len_utf8);
    let orig = ctx.original(word, word + first);
    ctx.text[orig].starts_with(char::is_uppercase)
}

/// `\d{1,3}\s*-?\s*enne` ("45enne", "8 - enne") at the cursor, `digit` being `\d` or `[0-9]`.
/// With a fourth digit "enne" cannot follow, so taking up to three is all regex could do.
pub fn eat_enne(c: &mut Cursor<'_>, digit: fn(char) -> bool) -> bool {
    c.eat_chars_upto(3, digit) > 0 && {
        c.eat_chars_while(is_space);
        c.eat(b'-');
        c.eat_chars_while(is_space);
        c.eat_str("enne")
    }
}

/// Every age as a word in `text` ("45enne"): `(?-u:\b)[0-9]{1,3}\s*-?\s*enne(?-u:\b)`.
pub fn ages_in_enne(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // Each spells "enne": most texts have none and need no scan.
    let text = if text.contains("enne") { text } else { "" };
    scan::find_all_words(text, age_in_enne)
}

/// An age as a word ("45enne") starting at `start` (see [`ages_in_enne`]).
pub fn age_in_enne(text: &str, start: usize) -> Option<usize> {
    let mut c = Cursor::new(text, start);
    (c.ascii_boundary() && eat_enne(&mut c, |ch| ch.is_ascii_digit()) && c.ascii_boundary()).then_some(c.pos)
}

/// Identifiable people in `range` of the folded text.
pub fn persons(ctx: &Context<'_>, range: Range<usize>) -> Vec<Person> {
    let folded = &ctx.folded.text;
    let slice = &folded[range.clone()];
    let mut out = Vec::new();
    for m in inside(ctx.lexicon("given-names"), range.clone()) {
        let start = m.start;
        if let Some(end) = name_end(ctx, start, m.end, range.end) {
            if !is_office_holder(ctx, start..end) && !after_place_word(folded, start) {
                out.push(Person { range: start..end, kind: PersonKind::Named });
            }
        }
    }
    for m in inside(ctx.lexicon("personal-context"), range.clone()) {
        let (start, end) = (m.start, m.end);
        match m.section {
            "title" => {
                // "sig. Rossi" names someone; "la signora" alone still points at one person.
                match capitalised_words_after(ctx, end, range.end, 3) {
                    Some(end) if !is_office_holder(ctx, start..end) => {
                        out.push(Person { range: start..end, kind: PersonKind::Named })
                    }
                    Some(_) => {}
                    None => out.push(Person { range: start..end, kind: PersonKind::Described }),
                }
            }
            "person-noun" if describes_after_noun(&folded[end..range.end]) || from_a_place(ctx, end, range.end) => {
                out.push(Person { range: start..end, kind: PersonKind::Described });
            }
            // Where someone lives, their role or their family: in a comune, enough to tell who.
            "residence" | "role" | "family" | "locality" => {
                out.push(Person { range: start..end, kind: PersonKind::Described })
            }
            _ => {}
        }
    }
    for m in ages_in_enne(slice) {
        out.push(Person { range: range.start + m.start..range.start + m.end, kind: PersonKind::Described });
    }
    out.sort_by_key(|p| (p.range.start, std::cmp::Reverse(p.range.end)));
    out
}

/// End of "Name Surname" starting at a given name (folded `start..name_end`), when the
/// original is capitalised and followed by a capitalised surname.
fn name_end(ctx: &Context<'_>, start: usize, name_end: usize, limit: usize) -> Option<usize> {
    let orig = ctx.original(start, name_end);
    if !ctx.text[orig].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    capitalised_words_after(ctx, name_end, limit, 3)
}

/// Folded end of up to `max` capitalised words (a surname, "De Luca", "D'Amico") right after
/// folded position `pos`, on the same line; None when the next word is not capitalised.
/// No surname or name word is longer (the longest Italian ones are about 20 letters): a longer
/// run is not a name, and is not read to its end once per name before it (issue 12).
const MAX_NAME_WORD: usize = 40;

fn capitalised_words_after(ctx: &Context<'_>, pos: usize, limit: usize, max: usize) -> Option<usize> {
    let folded = &ctx.folded.text;
    let mut end = None;
    let mut cursor = pos;
    for _ in 0..max {
        let rest = &folded[cursor..limit];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t', '*', '_']).len();
        if gap == 0 && end.is_some() {
            break;
        }
        let word_start = cursor + gap;
        let word_len: usize = folded[word_start..limit]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .take(MAX_NAME_WORD + 1)
            .map(char::len_utf8)
            .sum();
        if word_len < 2 || folded[word_start..word_start + word_len].chars().count() > MAX_NAME_WORD {
            break;
        }
        let orig = ctx.original(word_start, word_start + word_len);
        let word = &ctx.text[orig];
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(|c| c.is_alphabetic() || c == '\'' || c == '’');
        if !capitalised {
            break;
        }
        end = Some(word_start + word_len);
        cursor = word_start + word_len;
    }
    end
}

fn is_office_holder(ctx: &Context<'_>, range: Range<usize>) -> bool {
    let found = ctx.folded.text[range].trim();
    ctx.profile.institutional_contacts.office_holders.iter().any(|h| {
        let holder = crate::text::Folded::new(&h.name).text;
        !holder.trim().is_empty() && (holder.contains(found) || found.contains(holder.trim()))
    })
}

/// "via Giuseppe Garibaldi", "scuola Maria Montessori": a place, not a person.
fn after_place_word(folded: &str, start: usize) -> bool {
    let before = folded[..start].trim_end();
    // Place words are short: a longer run is none, and is not walked back over once per name.
    let mut back = before.char_indices().rev().take(MAX_NAME_WORD + 1);
    let word_start = match back.find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '.')) {
        Some((i, c)) => i + c.len_utf8(),
        None if before.chars().rev().nth(MAX_NAME_WORD).is_some() => return false,
        None => 0,
    };
    let word = &before[word_start..];
    !word.is_empty()
        && lex("personal-context")
            .find_iter(word)
            .iter()
            .any(|m| m.section == "place" && m.start == 0 && m.end == word.len())
}

/// The sentences of the check's folded text, split once per check.
pub fn sentences<'c>(ctx: &'c Context<'_>) -> &'c Sentences {
    ctx.shared.sentences.get_or_init(|| Sentences::new(&ctx.folded.text))
}

/// Every identifiable person in the text, found once per check.
pub fn all_persons<'c>(ctx: &'c Context<'_>) -> &'c [Person] {
    ctx.shared.persons.get_or_init(|| persons(ctx, 0..ctx.folded.text.len()))
}

/// Whether someone identifiable is in the sentence around folded `pos` or the one before;
/// remembered per sentence for every rule of the check.
pub fn identifiable_near(ctx: &Context<'_>, pos: usize) -> bool {
    tie_near(ctx, pos).is_some()
}

/// The strongest tie to a person in the sentence around folded `pos` or the one before: a
/// name, a description, or nobody.
pub fn tie_near(ctx: &Context<'_>, pos: usize) -> Option<PersonKind> {
    let scope = sentences(ctx).with_previous(pos);
    if let Some(&known) = ctx.shared.identifiable.borrow().get(&scope.start) {
        return known;
    }
    let found = persons(ctx, scope.clone()).iter().map(|p| p.kind).max();
    ctx.shared.identifiable.borrow_mut().insert(scope.start, found);
    found
}

#[cfg(test)]
mod tests {
    use crate::checker::scan::testing;

    #[test]
    fn a_closing_bracket_or_quote_ends_its_sentence() {
        let starts = |t: &str| super::Sentences::new(t).starts;
        assert_eq!(starts("foto (sfondo bianco). come per"), vec![0, 21]);
        assert_eq!(starts("dice «si paga». il costo"), vec![0, 17]);
        assert_eq!(starts("sig. rossi e altri... poi"), vec![0]);
    }

    /// A name several sentences before a sensitive word is not who it is about (a CIE notice
    /// quoting the office's head, then "impronte digitali" after two sentences ending in ")").
    #[test]
    fn a_name_sentences_away_is_not_tied() {
        let r = crate::checker::testing::check(
            "«Serve un appuntamento» spiega la responsabile Sabrina Di Pietro.\nIl costo è 23 euro (28 per un duplicato). Servono la carta precedente e una foto (sfondo bianco). La novità è il rilevamento delle impronte digitali.",
        );
        let flagged: Vec<_> = r.findings.iter().filter(|f| f.severity > crate::profile::Severity::Info).collect();
        assert!(flagged.is_empty(), "{flagged:?}");
    }

    #[test]
    fn finds_what_the_regexes_they_replace_found() {
        // Pieces joined at random; anchored at the start, so several pieces begin a match.
        let alphabet: Vec<&str> =
            " |\u{a0}|,|di |di 8|1234| anni|8|٣|45|-|enne|residente|domiciliat|che  abita|via|viale|nato |nata|il|a|nel|é|😀"
                .split('|')
                .collect();
        testing::assert_matches_like(
            r"^\s*,?\s*(?:di\s+\d{1,3}\s+anni|\d{1,3}\s*-?\s*enne|residente|abitante|domiciliat|che\s+abita|di\s+(?:via|viale|piazza|corso|vicolo|largo)\b|nat[oa]\s+(?:il|a|nel)\b)",
            &alphabet,
            super::describes_after_noun,
        );
        let alphabet = ["8", "45", "1234", " ", "\u{a0}", "-", "enne", "45enne ", " 8 - enne", "x", "_", "é", "😀"];
        testing::assert_finds_like(r"(?-u:\b)[0-9]{1,3}\s*-?\s*enne(?-u:\b)", &alphabet, |t| {
            super::ages_in_enne(t).collect()
        });
    }
}
