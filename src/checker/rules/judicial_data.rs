//! `judicial-data`: personal data relating to criminal convictions and offences (GDPR art.
//! 10; D.Lgs. 196/2003 art. 2-octies): arrests, investigations, trials, convictions, criminal
//! records, reports to the judicial authority; and the sanctions of identifiable people, which
//! a public body may disseminate only where a law provides for it (D.Lgs. 196/2003 art. 2-ter
//! c. 3). About a person named it is an error (or the profile's severity); about a person
//! identifiable by circumstances ("i residenti di via Laurana", "il vostro condominio", "questa
//! signora") a warning. Terms that describe someone ("arrestato") and reports to the judicial
//! authority warn even with nobody around; an offence or a sanction alone ("furti in
//! appartamento", "i trasgressori saranno sanzionati") is a public-safety notice or a rule and
//! passes.

use super::special_category::{report_sensitive, Tie, Verdict};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "judicial-data";
pub const FAMILY: &str = "judicial-data";
pub const LAW: &str = "GDPR art. 10; D.Lgs. 196/2003 art. 2-octies";
/// Sanctions are not art. 10 data: disseminating them needs a law (art. 2-ter c. 3).
const LAW_SANCTION: &str = "GDPR art. 5.1.c e 6; D.Lgs. 196/2003 art. 2-ter c. 3";

pub struct JudicialDataRule;
pub static RULE: JudicialDataRule = JudicialDataRule;

impl Rule for JudicialDataRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        report_sensitive(ctx, out, (ID, FAMILY), |m, tie| {
            let sanction = m.section == "sanction";
            let law = if sanction { LAW_SANCTION } else { LAW };
            let (what_it, what_en) = if sanction {
                ("Sanzione", "A sanction")
            } else {
                ("Dato giudiziario (art. 10 GDPR)", "Judicial data (GDPR art. 10)")
            };
            let speaks_of_someone = matches!(m.section, "person" | "report" | "criminal-record");
            let (severity, message) = match tie {
                Tie::Named => (
                    Severity::Error,
                    Msg::new(
                        format!("{what_it} su una persona nominata (reati, denunce, indagini, condanne, multe): non va diffuso. Togli il dato o il riferimento alla persona."),
                        format!("{what_en} about a named person (offences, reports, investigations, convictions, fines): it must not be published. Remove the data or the reference to the person."),
                    ),
                ),
                Tie::Described => (
                    Severity::Warning,
                    Msg::new(
                        format!("{what_it} su persone riconoscibili dal contesto (indirizzo, palazzo, ruolo): in un comune basta per sapere chi sono. Togli il dato o i dettagli che le identificano."),
                        format!("{what_en} about people recognisable from the context (address, building, role): in a comune that is enough to tell who. Remove the data or the identifying details."),
                    ),
                ),
                Tie::Someone | Tie::Nobody if speaks_of_someone => (
                    Severity::Warning,
                    Msg::new(
                        "Riferimento a vicende giudiziarie (art. 10 GDPR): verifica che nessuno sia riconoscibile dal contesto; i fatti di cronaca non sono informazione istituzionale.",
                        "A reference to judicial matters (GDPR art. 10): make sure nobody can be recognised from the context; crime news is not institutional information.",
                    ),
                ),
                // An offence or a sanction alone is a public-safety notice or a rule.
                Tie::Someone | Tie::Nobody => return None,
            };
            Some(Verdict { severity, message, law })
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn judicial(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn tied_to_a_person_is_an_error() {
        assert_eq!(
            judicial("Il signor Rossi è stato arrestato per furto."),
            vec![("arrestato".into(), Severity::Error), ("furto".into(), Severity::Error)]
        );
        assert_eq!(
            judicial("Giovanni Verdi, già noto alle forze dell'ordine, è indagato."),
            vec![("già noto alle forze dell'ordine".into(), Severity::Error), ("indagato".into(), Severity::Error)]
        );
        assert_eq!(judicial("Il 30enne ha precedenti penali."), vec![("precedenti penali".into(), Severity::Warning)]);
        let r = check("Il signor Rossi è stato condannato.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!(f.source, "Disciplinare Esempio art. 4.4; GDPR art. 10; D.Lgs. 196/2003 art. 2-octies");
        assert_eq!(f.fix.as_deref(), Some("[dato rimosso]"));
    }

    #[test]
    fn reports_and_fines_of_identifiable_people() {
        let t = "Cari residenti di via Laurana n. 12, le foto della vostra immondizia con nomi e indirizzi sono state trasmesse all'Autorità Giudiziaria.";
        assert_eq!(judicial(t), vec![("trasmesse all'Autorità Giudiziaria".into(), Severity::Warning)]);
        assert_eq!(
            judicial("In via Roma questa signora butta i suoi rifiuti. Multata con una sanzione di 400 euro."),
            vec![("Multata".into(), Severity::Warning), ("una sanzione di".into(), Severity::Warning)]
        );
        let r = check("Il signor Rossi è stato multato per abbandono di rifiuti.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!((f.text.as_str(), f.severity), ("multato", Severity::Error));
        assert!(f.source.ends_with("D.Lgs. 196/2003 art. 2-ter c. 3"), "{}", f.source);
        for t in [
            "I trasgressori saranno sanzionati ai sensi del regolamento.",
            "Il mancato pagamento è sanzionato ai sensi dell'art. 13 del D.Lgs. 471/97.",
            "In caso di furto della tessera occorre presentare denuncia agli uffici di Pubblica Sicurezza.",
            "Il modulo prescritto è disponibile allo sportello.",
        ] {
            assert!(judicial(t).is_empty(), "{t}: {:?}", judicial(t));
        }
    }

    #[test]
    fn person_terms_without_a_name_warn_and_offences_alone_pass() {
        assert_eq!(judicial("Un uomo è stato arrestato ieri sera."), vec![("arrestato".into(), Severity::Warning)]);
        assert!(judicial(
            "Attenzione ai furti in appartamento e alle truffe agli anziani: non aprite agli sconosciuti."
        )
        .is_empty());
        assert!(judicial("Il casellario giudiziale si richiede in Tribunale.")
            .iter()
            .all(|(_, s)| *s == Severity::Warning));
    }
}
