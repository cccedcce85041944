//! Electoral propaganda and political purposes (seed art. 2.2; Concorezzo art. 4, which also
//! counts siding with or criticising a party). Institutional news about the council and
//! practical election information are not political: the lexicon avoids bare words like
//! "vota", "elezioni" or "consiglio comunale".

use super::lexicon_hits;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub struct PoliticalRule;

pub static RULE: PoliticalRule = PoliticalRule;

const ID: &str = "political";

fn message(section: &str, matched: &str) -> Msg {
    let (it, en) = match section {
        "vote-call" => ("è un invito a votare qualcuno", "is a call to vote for someone"),
        "candidate" => ("parla di candidati o liste", "is about candidates or lists"),
        "party" => ("nomina un partito", "names a party"),
        "side" => ("prende posizione per o contro una parte politica", "sides with or against a political side"),
        "slogan" => ("è uno slogan politico", "is a political slogan"),
        _ => ("è un termine politico indicato dal Comune", "is a political term listed by the comune"),
    };
    Msg::new(
        format!("«{matched}» {it}: il canale istituzionale non può essere usato per propaganda o scopi politici."),
        format!("“{matched}” {en}: the institutional channel cannot be used for propaganda or political purposes."),
    )
}

impl Rule for PoliticalRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let hits = lexicon_hits::find(ctx, ID, &ctx.folded.text);
        // Without the comune's own article: impartiality all year, and the ban on institutional
        // communication that L. 28/2000 art. 9 adds only while an election is called.
        let source =
            ctx.policy_source(ID, "Costituzione art. 97 (imparzialità); in periodo elettorale L. 28/2000 art. 9");
        lexicon_hits::report(ctx, out, ID, Severity::Error, &source, &hits, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, check_with, findings, profile};

    fn flagged(text: &str) -> Vec<String> {
        findings(&check(text), "political").iter().map(|f| f.text.clone()).collect()
    }

    #[test]
    fn calls_to_vote_parties_and_sides() {
        assert_eq!(flagged("Domenica votate Rossi!"), vec!["votate"]);
        assert_eq!(flagged("Il nostro candidato sindaco vi aspetta"), vec!["Il nostro candidato"]);
        assert_eq!(flagged("Grazie al Partito Democratico"), vec!["Partito Democratico"]);
        assert_eq!(
            flagged("Colpa della precedente amministrazione e del centrodestra"),
            vec!["precedente amministrazione", "centrodestra"]
        );
        assert_eq!(flagged("PRIMA GLI ITALIANI"), vec!["PRIMA GLI ITALIANI"]);
    }

    #[test]
    fn party_adjectives_leaders_and_attacks_on_critics_and_voters() {
        assert_eq!(flagged("Il consigliere piddino protesta ancora."), vec!["piddino"]);
        assert_eq!(flagged("Salvini è venuto a fare passerella."), vec!["Salvini"]);
        assert_eq!(flagged("Ai soliti leoni da tastiera rispondiamo con i fatti."), vec!["leoni da tastiera"]);
        assert_eq!(flagged("Lo dico a chi vi ha votato: state sereni."), vec!["chi vi ha votato"]);
        assert_eq!(flagged("Chi ha scritto quel manifesto è un sovversivo."), vec!["un sovversivo"]);
        assert_eq!(flagged("La nostra lista ha vinto e governa."), vec!["La nostra lista"]);
        for t in [
            "Passeggiata notturna nell'oasi per ascoltare i gufi.",
            "Attenzione agli sciacalli che si fingono tecnici del gas.",
            "25 aprile: anniversario della liberazione dal nazifascismo.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }

    #[test]
    fn cites_the_comune_article_with_its_severity() {
        let r = check("Votate Fratelli d'Italia");
        let f = findings(&r, "political");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].source, "Disciplinare Esempio art. 2.2");
        assert!(!r.can_send);
    }

    #[test]
    fn institutional_news_is_not_political() {
        for t in [
            "Il Consiglio comunale è convocato lunedì alle 20.30 in sala consiliare.",
            "Approvato il bilancio di previsione 2027.",
            "Elezioni del 24 maggio: si vota dalle 7 alle 23. Porta la tessera elettorale.",
            "Revisione delle liste elettorali: domande entro il 30 giugno.",
            "Sciopero dei mezzi venerdì: possibili disagi.",
            "Lavori in via Roma: tenere la destra.",
            "La Lega Navale organizza una regata.",
            "Campagna elettorale di maggio: le regole per le affissioni. Il nostro programma di eventi estivi.",
            "Auguri a Santino, 100 anni oggi!",
            "Bilancio partecipativo: il progetto più votato è il nuovo parco giochi.",
        ] {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }

    #[test]
    fn profiles_extend_and_relax_the_list() {
        let mut p = profile();
        p.checker.extra_terms.insert("political".into(), vec!["Lista Civica Esempio Domani".into()]);
        p.checker.allowed_terms.insert("political".into(), vec!["pd".into()]);
        let r = check_with(&p, "Sostieni la Lista civica Esempio domani. Ufficio PD (polizia distrettuale).");
        let f = findings(&r, "political");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "Lista civica Esempio domani");
    }
}
