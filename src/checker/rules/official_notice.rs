//! A message that presents itself as the publication or the legal notice of an act (the
//! dispositive text of an ordinance, "ORDINA", "il presente provvedimento", deadlines running
//! "dalla notifica" or "dalla pubblicazione", "si notifica") must point to the official source:
//! messaging never replaces the official channels nor the legal publication on the Albo
//! Pretorio (seed art. 2.6; L. 69/2009 art. 32). A link to the comune's own site or a mention
//! of the Albo is enough. Naming an act ("con ordinanza n. 12 è chiusa via Roma", "avviso di
//! pagamento TARI") is ordinary information and passes: warned on every mention, a third of
//! real notices got this warning (issue 13).

use super::{lexicon_hits, links, urls};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub struct OfficialNoticeRule;

pub static RULE: OfficialNoticeRule = OfficialNoticeRule;

const ID: &str = "official-notice";

impl Rule for OfficialNoticeRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let hits = lexicon_hits::find(ctx, ID, &ctx.folded.text);
        if hits.iter().any(|h| h.section == "official-source") {
            return;
        }
        let points_to_site = links::any_own(ctx.profile, &urls::find(ctx.text));
        if points_to_site {
            return;
        }
        // The operative verbs count as the act speaking only in capitals, as acts write them:
        // "il sindaco dispone la chiusura" reports an act, "ORDINA la chiusura" is its text.
        let is_dispositive = |h: &lexicon_hits::Hit<'_>| {
            let written = &ctx.text[h.range.clone()];
            h.section == "dispositive"
                && written.chars().any(char::is_alphabetic)
                && !written.chars().any(char::is_lowercase)
        };
        // A message that opens with the act's name as its title ("Ordinanza n. 12: ...",
        // "*DECRETO SINDACALE*") presents itself as the act; "con ordinanza n. 12 è chiusa..."
        // reports it.
        let folded = &ctx.folded.text;
        let opening = folded.len() - folded.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let titled = hits.iter().any(|h| h.section == "act" && h.folded.start == opening);
        let presented =
            titled || hits.iter().any(|h| h.section == "publication" || h.section == "extra" || is_dispositive(h));
        if !presented {
            return;
        }
        // Anchored on the act's name where the message gives it, else on what presents it.
        let Some(first) = hits
            .iter()
            .find(|h| h.section == "act" || h.section == "extra")
            .or_else(|| hits.iter().find(|h| h.section == "publication" || is_dispositive(h)))
        else {
            return;
        };
        // Where to point, said in the message: a fix would replace the act's name with advice.
        let c = &ctx.profile.comune;
        let (where_it, where_en) = match (c.albo_pretorio_url.trim(), c.website.trim()) {
            ("", "") => (String::new(), String::new()),
            ("", site) => (
                format!(" Aggiungi il link al sito istituzionale: {site}"),
                format!(" Add the link to the institutional website: {site}"),
            ),
            (albo, _) => (
                format!(" Aggiungi il link all'Albo Pretorio: {albo}"),
                format!(" Add the link to the Albo Pretorio: {albo}"),
            ),
        };
        let matched = &ctx.text[first.range.clone()];
        let finding = RawFinding::new(
            ID,
            ctx.policy_severity(ID).unwrap_or(Severity::Warning),
            first.range.clone(),
            Msg::new(
                format!("«{matched}»: il messaggio comunica un atto ma non rimanda alla fonte ufficiale. La messaggistica non sostituisce l'Albo Pretorio né il sito istituzionale.{where_it}"),
                format!("“{matched}”: the message announces an act but does not point to the official source. Messaging does not replace the Albo Pretorio or the institutional site.{where_en}"),
            ),
            ctx.policy_source(ID, "L. 69/2009 art. 32 (Albo Pretorio online)"),
        );
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, check_with, findings, profile};

    fn flagged(text: &str) -> Vec<String> {
        findings(&check(text), "official-notice").iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn acts_without_a_source_are_flagged_with_the_albo_link() {
        let r = check("Ordinanza n. 12: divieto di transito in via Roma dal 3 al 5 marzo.");
        let f = findings(&r, "official-notice");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "Ordinanza");
        assert!(
            f[0].message
                .ends_with("Aggiungi il link all'Albo Pretorio: https://www.comune.esempio.mb.it/albo-pretorio"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].fix, None, "no replacement for the act's name: the advice is in the message");
        assert_eq!(f[0].source, "L. 69/2009 art. 32 (Albo Pretorio online)");
        assert_eq!(flagged("Si avvisa che è stato notificato il verbale ai proprietari."), vec!["notificato"]);
        assert_eq!(
            flagged("Contro il presente provvedimento è ammesso ricorso al TAR entro 60 giorni dalla pubblicazione."),
            vec!["il presente provvedimento"]
        );
        assert_eq!(
            flagged("Il presente avviso ha valore di notifica a tutti gli effetti."),
            vec!["Il presente avviso"]
        );
    }

    #[test]
    fn naming_an_act_is_not_publishing_it() {
        for t in [
            "Con ordinanza n. 20/2023 è vietato l'uso irriguo dell'acqua della rete idrica.",
            "Con ordinanza sindacale n. 13 è sospeso il mercato settimanale dei settori non alimentari.",
            "È in corso l'elaborazione degli avvisi di pagamento TARI 2022.",
            "Con determina n. 2041 si stabilisce l'orario continuato dei cimiteri.",
            "Secondo il Decreto Sindacale n. 26 il cimitero sarà aperto dalle 7 alle 13.",
            "Il sindaco dispone la chiusura delle scuole per neve.",
            "Bando contributi affitto: domande entro il 30 giugno.",
            "Si informa che con Ordinanza n. 27 è chiusa la strada provinciale.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
        assert_eq!(flagged("IL SINDACO visto il bollettino ORDINA la chiusura dei parchi."), vec!["ORDINA"]);
        assert_eq!(flagged("📢 *ORDINANZA SINDACALE n. 5*: scuole chiuse."), vec!["ORDINANZA SINDACALE"]);
    }

    #[test]
    fn a_link_or_the_albo_is_enough() {
        for t in [
            "Ordinanza n. 12 sulla viabilità: il testo è all'Albo Pretorio.",
            "Ordinanza n. 12: https://www.comune.esempio.mb.it/ordinanze/12",
            "Bando contributi affitto: domande entro il 30 giugno su www.comune.esempio.mb.it/bandi",
            "Bando per il centro estivo: presto i dettagli.",
            "Domani mercato in piazza.",
            "Attiva le notifiche del canale per non perdere gli avvisi: ricevi una notifica a ogni messaggio.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
        // A link elsewhere is not the official source.
        assert_eq!(
            flagged("Decreto sindacale: il presente decreto è in https://www.example.com/decreto"),
            vec!["Decreto sindacale"]
        );
    }

    #[test]
    fn the_comunes_own_article_is_cited_when_the_profile_names_it() {
        let mut p = profile();
        p.checker.sources.insert("official-notice".into(), "art. 2.6".into());
        let r = check_with(&p, "Ordinanza n. 12: il presente provvedimento vieta il transito in via Roma.");
        assert_eq!(findings(&r, "official-notice")[0].source, "Disciplinare Esempio art. 2.6");
        // Cited as the comune names its document.
        p.policy.title = "Policy per l'utilizzo della messaggistica WhatsApp".into();
        let r = check_with(&p, "Ordinanza n. 12: il presente provvedimento vieta il transito in via Roma.");
        assert_eq!(findings(&r, "official-notice")[0].source, "Policy Esempio art. 2.6");
    }
}
