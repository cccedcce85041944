//! `personal-data.person-name`: a private person named together with personal details —
//! where they live, their age, their health or a judicial matter. A name alone (the
//! speaker at an event) is not flagged; office holders listed in the profile never are.
//! Health and judicial details make it an error, address and age a warning.

use std::sync::OnceLock;

use regex::Regex;

use super::context::{all_persons, sentences, PersonKind};
use super::personal_source;
use crate::checker::shared::inside;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.person-name";

pub struct PersonNameRule;
pub static RULE: PersonNameRule = PersonNameRule;

fn age() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)[0-9]{1,3}\s+anni(?-u:\b)|(?-u:\b)[0-9]{1,3}\s*-?\s*enne(?-u:\b)|(?-u:\b)nat[oa]\s+(?:il|nel)(?-u:\b)").expect("valid regex")
    })
}

/// A street address right after the name: "Mario Rossi, via Garibaldi 12".
fn address_after() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[\s,*_]*(?:\(|di\s+|in\s+)?(?:via|viale|piazza|corso|vicolo|largo)\s+[^\n,.;]{1,40}?\s\d+")
            .expect("valid regex")
    })
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
        for p in named {
            let scope = sentences(ctx).with_next(p.range.start);
            let s = &folded[scope.clone()];
            let mentions = |family: &str| inside(ctx.lexicon(family), scope.clone()).next().is_some();
            let detail = if mentions("special-category") {
                Some(Detail::Health)
            } else if mentions("judicial-data") {
                Some(Detail::Judicial)
            } else if inside(ctx.lexicon("personal-context"), scope.clone()).any(|m| m.section == "residence")
                || address_after().is_match(&folded[p.range.end..scope.end])
            {
                Some(Detail::Address)
            } else if age().is_match(s) {
                Some(Detail::Age)
            } else {
                None
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
                        format!("Persona nominata insieme a dati personali ({it}): il canale non deve diffondere dati di privati. Togliere il nome o i dati."),
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
}
