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

/// Respectful wording for terms that have one, as "folded term prefix = replacement".
const REPLACEMENTS: &[(&str, &str)] = &[
    ("handicappat", "persone con disabilità"),
    ("costrett", "che usa la sedia a rotelle"),
    ("affett", "con disabilità"),
    ("sordomut", "persona sorda"),
    ("mongoloid", "persona con sindrome di Down"),
    ("spastic", "persona con paralisi cerebrale"),
    ("zingar", "persone rom, sinti e caminanti"),
    ("diversamente", "persone con disabilità"),
    ("portator", "persone con disabilità"),
];

fn topic(section: &str) -> (&'static str, &'static str) {
    match section {
        "race" => ("la razza", "race"),
        "origin" => ("l'origine", "origin"),
        "religion" => ("la religione", "religion"),
        "sex" => ("il sesso o l'orientamento", "sex or orientation"),
        "disability" | "disability-wording" => ("la disabilità", "disability"),
        "language" => ("la lingua", "language"),
        "opinions" => ("le opinioni", "opinions"),
        _ => ("le condizioni personali", "personal conditions"),
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
                    format!("«{matched}»: outdated, disrespectful wording; speak of «persons with disabilities»."),
                )
            } else {
                Msg::new(
                    format!("«{matched}» discrimina per {it}: tutti i cittadini hanno pari dignità sociale (Costituzione, art. 3)."),
                    format!("«{matched}» discriminates by {en}: all citizens have equal social dignity (Italian Constitution, art. 3)."),
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
            if let Some((_, fix)) = REPLACEMENTS.iter().find(|(p, _)| folded.starts_with(p)) {
                finding = finding.with_fix(*fix);
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
        assert_eq!(flagged("Gli zingari al campo"), vec!["zingari"]);
        assert_eq!(flagged("Quei negri"), vec!["Quei negri"]);
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
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }
}
