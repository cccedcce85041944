//! `special-category`: special categories of personal data (GDPR art. 9): health,
//! disability, religion, ethnic origin, sexual orientation, political opinions, union
//! membership, genetic and biometric data. Tied to an identifiable person ("il signor
//! Rossi", "la residente di via Roma", "il bambino di 8 anni") it is an error (or the
//! profile's severity); otherwise a warning, since the reader may still recognise who.
//! Terms live in `data/lexicons/special-category.txt`; the profile may add and allow terms.

use super::personal_data::context::identifiable_near;
use super::personal_data::source;
use crate::checker::lexicon::LexMatch;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "special-category";
pub const FAMILY: &str = "special-category";
pub const LAW: &str = "GDPR art. 9";

pub struct SpecialCategoryRule;
pub static RULE: SpecialCategoryRule = SpecialCategoryRule;

/// What a lexicon section is about, in both languages.
fn topic(section: &str) -> (&'static str, &'static str) {
    match section {
        "health" => ("sulla salute", "about health"),
        "disability" => ("su una disabilità", "about a disability"),
        "religion" => ("sulle convinzioni religiose", "about religious beliefs"),
        "ethnic-origin" => ("sull'origine etnica", "about ethnic origin"),
        "sexual-orientation" => ("sull'orientamento o la vita sessuale", "about sexual orientation or sex life"),
        "political-opinions" => ("sulle opinioni politiche", "about political opinions"),
        "union-membership" => ("sull'appartenenza sindacale", "about trade-union membership"),
        "genetic" => ("sui dati genetici", "about genetic data"),
        "biometric" => ("sui dati biometrici", "about biometric data"),
        _ => ("", ""),
    }
}

/// Matches of the built-in lexicon and of the profile's extra terms, minus allowed terms.
pub(crate) fn matches(ctx: &Context<'_>, family: &str) -> Vec<LexMatch<'static>> {
    let folded = &ctx.folded.text;
    let mut all = ctx.lexicon(family).to_vec();
    if let Some(extra) = ctx.prepared.extra.get(family) {
        // The profile's terms have no section: they are reported under the family's name.
        all.extend(extra.find_iter(folded).into_iter().map(|m| LexMatch { start: m.start, end: m.end, section: "" }));
    }
    all.retain(|m| !ctx.prepared.is_allowed(family, &folded[m.start..m.end]));
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Overlapping matches from different sections: keep the first, longest one.
    let mut last_end = 0;
    all.retain(|m| {
        let keep = m.start >= last_end;
        if keep {
            last_end = m.end;
        }
        keep
    });
    all
}

/// Reports every match of a sensitive family (art. 9, art. 10): an error (or the profile's
/// severity) with a removal fix when an identifiable person is near, otherwise a warning.
/// `message(match, identified)` words the finding, or returns `None` to leave the match alone.
pub(crate) fn report_sensitive(
    ctx: &Context<'_>,
    out: &mut Vec<RawFinding>,
    (id, family, law): (&'static str, &str, &str),
    message: impl Fn(&LexMatch<'_>, bool) -> Option<Msg>,
) {
    let found = matches(ctx, family);
    if found.is_empty() {
        return;
    }
    let src = source(ctx, family, law);
    for m in found {
        let identified = identifiable_near(ctx, m.start);
        let Some(msg) = message(&m, identified) else { continue };
        let range = ctx.original(m.start, m.end);
        out.push(if identified {
            RawFinding::new(id, ctx.policy_severity(family).unwrap_or(Severity::Error), range, msg, src.clone())
                .with_fix("[dato rimosso]")
        } else {
            RawFinding::new(id, Severity::Warning, range, msg, src.clone())
        });
    }
}

impl Rule for SpecialCategoryRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        report_sensitive(ctx, out, (ID, FAMILY, LAW), |m, identified| {
            // A term the comune added has no topic: then the message names none.
            let (it_topic, en_topic) = match topic(m.section) {
                ("", _) => (String::new(), String::new()),
                (it, en) => (format!(" {it}"), format!(" {en}")),
            };
            Some(if identified {
                Msg::new(
                    format!("Dato particolare (art. 9 GDPR){it_topic} di una persona identificabile: non va diffuso. Togli il dato o il riferimento alla persona."),
                    format!("Special-category data (GDPR art. 9){en_topic} of an identifiable person: it must not be published. Remove the data or the reference to the person."),
                )
            } else {
                Msg::new(
                    format!("Possibile dato particolare (art. 9 GDPR){it_topic}: verifica che nessuno sia riconoscibile dal contesto, oppure riformula in modo neutro."),
                    format!("Possible special-category data (GDPR art. 9){en_topic}: make sure nobody can be recognised from the context, or reword it neutrally."),
                )
            })
        });
    }
}
#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, check_with, findings, profile};
    use crate::profile::Severity;

    fn special(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn tied_to_a_person_is_an_error() {
        assert_eq!(
            special("Il signor Rossi è ricoverato all'ospedale di Monza."),
            vec![("ricoverato".into(), Severity::Error)]
        );
        assert_eq!(
            special("Mario Rossi, positivo al Covid, è in quarantena."),
            vec![("positivo al Covid".into(), Severity::Error), ("in quarantena".into(), Severity::Error)]
        );
        assert_eq!(special("La residente di via Manzoni è disabile."), vec![("disabile".into(), Severity::Error)]);
        assert_eq!(
            special("Il bambino di 8 anni è affetto da una grave malattia."),
            vec![("affetto da".into(), Severity::Error), ("grave malattia".into(), Severity::Error)]
        );
        assert_eq!(
            special("Ieri è caduta la sig.ra Verdi. Ora è RICOVERATA."),
            vec![("RICOVERATA".into(), Severity::Error)]
        );
        assert_eq!(special("Un 45enne di fede musulmana"), vec![("di fede musulmana".into(), Severity::Error)]);
    }

    #[test]
    fn without_a_person_it_is_a_warning() {
        assert_eq!(
            special("Due persone sono ricoverate dopo l'incidente."),
            vec![("ricoverate".into(), Severity::Warning)]
        );
        assert_eq!(
            special("Posti riservati a chi è in sedia a rotelle."),
            vec![("in sedia a rotelle".into(), Severity::Warning)]
        );
    }

    #[test]
    fn findings_cite_the_policy_and_the_law_and_offer_a_fix() {
        let r = check("Il signor Rossi è ricoverato.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!(f.source, "Disciplinare Esempio art. 4.4; GDPR art. 9");
        assert_eq!(f.fix.as_deref(), Some("[dato rimosso]"));
        assert!(f.message.contains("art. 9"));
    }

    #[test]
    fn office_holders_and_services_are_not_people_described() {
        for t in [
            "Il sindaco Mario Bianchi ha visitato il reparto.",
            "Campagna di vaccinazione antinfluenzale per gli over 65 presso la Casa della Comunità.",
            "Screening gratuito per la prevenzione in piazza Roma.",
            "Via Giuseppe Garibaldi chiusa per lavori.",
        ] {
            assert!(special(t).iter().all(|(_, s)| *s != Severity::Error), "{t}: {:?}", special(t));
        }
    }

    #[test]
    fn profile_extra_and_allowed_terms() {
        let mut p = profile();
        p.checker.extra_terms.insert("special-category".into(), vec!["celiaco".into()]);
        p.checker.allowed_terms.insert("special-category".into(), vec!["in quarantena".into()]);
        let r = check_with(&p, "Il signor Rossi è celiaco ed è in quarantena.");
        let f: Vec<_> = findings(&r, super::ID).iter().map(|f| f.text.clone()).collect();
        assert_eq!(f, ["celiaco"]);
    }
}
