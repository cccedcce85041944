//! `personal-data.person-name`: a private person named together with personal details —
//! where they live, their age, their health or a judicial matter. A name alone (the
//! speaker at an event) is not flagged; office holders listed in the profile never are.
//! Health and judicial details make it an error, address and age a warning.

use super::context::{age_in_enne, all_persons, sentences, PersonKind, STREETS};
use super::personal_source;
use crate::checker::scan::{self, is_digit, is_space, Cursor};
use crate::checker::shared::inside;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.person-name";

pub struct PersonNameRule;
pub static RULE: PersonNameRule = PersonNameRule;

/// An age or a birth anywhere in `s` ("45 anni", "45enne", "nato il"); `\b` ASCII, `\s` Unicode:
/// `\b[0-9]{1,3}\s+anni\b|\b[0-9]{1,3}\s*-?\s*enne\b|\bnat[oa]\s+(?:il|nel)\b`.
fn mentions_age(s: &str) -> bool {
    scan::matches_anywhere(s, |start| {
        let mut c = Cursor::new(s, start);
        if !c.ascii_boundary() {
            return None;
        }
        let mut years = c;
        let whole_word = |mut c: Cursor<'_>, word: &str| (c.eat_str(word) && c.ascii_boundary()).then_some(c.pos);
        if years.eat_upto(3, |b| b.is_ascii_digit()) > 0 && years.eat_chars_while(is_space) > 0 {
            if let Some(end) = whole_word(years, "anni") {
                return Some(end);
            }
        }
        if let Some(end) = age_in_enne(s, start) {
            return Some(end);
        }
        if !(c.eat_str("nat") && (c.eat(b'o') || c.eat(b'a')) && c.eat_chars_while(is_space) > 0) {
            return None;
        }
        whole_word(c, "il").or_else(|| whole_word(c, "nel"))
    })
}

/// A street address right after the name ("Mario Rossi, via Garibaldi 12"), anchored at the
/// start of `s` (`\s`, `\d` Unicode):
/// `^[\s,*_]*(?:\(|di\s+|in\s+)?(?:via|viale|piazza|corso|vicolo|largo)\s+[^\n,.;]{1,40}?\s\d+`.
fn address_follows(s: &str) -> bool {
    let mut c = Cursor::new(s, 0);
    c.eat_chars_while(|ch| is_space(ch) || matches!(ch, ',' | '*' | '_'));
    if !c.eat(b'(') {
        // `di\s+` or `in\s+`: when neither is whole, no street name can start there either.
        for word in ["di", "in"] {
            let mut w = c;
            if w.eat_str(word) && w.eat_chars_while(is_space) > 0 {
                c = w;
                break;
            }
        }
    }
    STREETS.iter().any(|street| {
        let mut c = c;
        if !c.eat_str(street) {
            return false;
        }
        // `\s+` may stop anywhere in the spaces after the street word.
        let mut found = false;
        while !found && c.eat_char(is_space) {
            found = house_number_within(c);
        }
        found
    })
}

/// `[^\n,.;]{1,40}?\s\d+` at the cursor: within 40 characters of the street's name, before a
/// line break or punctuation, a space and a digit.
fn house_number_within(mut c: Cursor<'_>) -> bool {
    for _ in 0..40 {
        if !c.eat_char(|ch| !matches!(ch, '\n' | ',' | '.' | ';')) {
            return false;
        }
        let mut number = c;
        if number.eat_char(is_space) && number.eat_char(is_digit) {
            return true;
        }
    }
    false
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    Health,
    Judicial,
    Address,
    Age,
}

impl Rule for PersonNameRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let folded = &ctx.folded.text;
        let named = all_persons(ctx).iter().filter(|p| p.kind == PersonKind::Named);
        // What each scope mentions, by scope start. Every name in a sentence has the same scope,
        // so a long sentence full of names is read once, not once per name (issue 12).
        let mut scopes: std::collections::HashMap<usize, Option<Detail>> = std::collections::HashMap::new();
        let mut ages: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
        for p in named {
            let scope = sentences(ctx).with_next(p.range.start);
            let about = *scopes.entry(scope.start).or_insert_with(|| {
                let mentions = |family: &str| inside(ctx.lexicon(family), scope.clone()).next().is_some();
                if mentions("special-category") {
                    Some(Detail::Health)
                } else if mentions("judicial-data") {
                    Some(Detail::Judicial)
                } else if inside(ctx.lexicon("personal-context"), scope.clone()).any(|m| m.section == "residence") {
                    Some(Detail::Address)
                } else {
                    None
                }
            });
            let detail = match about {
                Some(d) => Some(d),
                None if address_follows(&folded[p.range.end..scope.end]) => Some(Detail::Address),
                None => {
                    let s = &folded[scope.clone()];
                    let age = *ages.entry(scope.start).or_insert_with(|| mentions_age(s));
                    age.then_some(Detail::Age)
                }
            };
            let Some(detail) = detail else { continue };
            let (severity, it, en) = match detail {
                Detail::Health => {
                    (Severity::Error, "salute o altri dati particolari", "health or other special-category data")
                }
                Detail::Judicial => (Severity::Error, "vicende giudiziarie", "judicial matters"),
                Detail::Address => (Severity::Warning, "indirizzo di residenza", "home address"),
                Detail::Age => (Severity::Warning, "età o data di nascita", "age or date of birth"),
            };
            out.push(
                RawFinding::new(
                    ID,
                    severity,
                    ctx.original(p.range.start, p.range.end),
                    Msg::new(
                        format!("Persona nominata insieme a dati personali ({it}): il canale non deve diffondere dati di privati. Togli il nome o i dati."),
                        format!("A person named together with personal details ({en}): the channel must not publish private people's data. Remove the name or the details."),
                    ),
                    personal_source(ctx),
                )
                .with_fix("[nome rimosso]"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn names(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn names_with_personal_details() {
        assert_eq!(
            names("Auguri a Maria Rossi, residente in via Verdi, per i suoi 100 anni!"),
            vec![("Maria Rossi".into(), Severity::Warning)]
        );
        assert_eq!(
            names("Giuseppe De Luca, 45 anni, cerca casa."),
            vec![("Giuseppe De Luca".into(), Severity::Warning)]
        );
        assert_eq!(
            names("Ringraziamo Anna Verdi di via Garibaldi 12."),
            vec![("Anna Verdi".into(), Severity::Warning)]
        );
        assert_eq!(names("La sig.ra Bruni è ricoverata."), vec![("sig.ra Bruni".into(), Severity::Error)]);
        assert_eq!(names("Luca Neri è caduto ieri. È stato arrestato."), vec![("Luca Neri".into(), Severity::Error)]);
    }

    #[test]
    fn names_alone_office_holders_and_places_are_fine() {
        for t in [
            "Interviene Anna Verdi, autrice del libro.",
            "Il Sindaco Mario Bianchi, 50 anni di impegno civico, inaugura la scuola.",
            "Chiusa via Giuseppe Garibaldi dal civico 12 al 40 per 3 giorni.",
            "Piazza Aldo Moro 5: mercato di 100 anni di storia.",
            "Presso la scuola Maria Montessori, via Roma 3, 10 anni di attività.",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn finds_what_the_regexes_they_replace_found() {
        use crate::checker::scan::testing::{assert_matches_like, assert_matches_like_on};
        let alphabet: Vec<&str> =
            "8|45|1234| |\u{a0}|-|anni|enne|45 anni |nato il|nata nel|8enne|nata|il|nel|x|_|é|😀".split('|').collect();
        assert_matches_like(
            r"(?-u:\b)[0-9]{1,3}\s+anni(?-u:\b)|(?-u:\b)[0-9]{1,3}\s*-?\s*enne(?-u:\b)|(?-u:\b)nat[oa]\s+(?:il|nel)(?-u:\b)",
            &alphabet,
            super::mentions_age,
        );
        // Anchored at the start: several pieces begin a match.
        // Anchored at the start: several pieces begin a match.
        let address = r"^[\s,*_]*(?:\(|di\s+|in\s+)?(?:via|viale|piazza|corso|vicolo|largo)\s+[^\n,.;]{1,40}?\s\d+";
        let alphabet: Vec<&str> =
            " |\u{a0}|\n|, |*|_|(|di |in |via Roma 12|via |viale|piazza  |Giuseppe Garibaldi|x|12| 3|٣|.|;|é|😀"
                .split('|')
                .collect();
        assert_matches_like(address, &alphabet, super::address_follows);
        // The street's name at most 40 characters long, however many spaces before it.
        let long: Vec<String> = (38..=42)
            .flat_map(|n| [format!("via {} 3", "x".repeat(n)), format!("via   {} 3", "x".repeat(n))])
            .collect();
        assert_matches_like_on(address, &long.iter().map(String::as_str).collect::<Vec<_>>(), super::address_follows);
    }
}
