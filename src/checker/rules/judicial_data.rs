//! `judicial-data`: personal data relating to criminal convictions and offences (GDPR art.
//! 10): arrests, investigations, trials, convictions, criminal records. Tied to an
//! identifiable person it is an error (or the profile's severity). Terms that describe a
//! person ("arrestato", "pregiudicato") and criminal records warn even without a name; an
//! offence alone ("furti in appartamento") is a public-safety alert and is left alone.

use super::special_category::report_sensitive;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;

pub const ID: &str = "judicial-data";
pub const FAMILY: &str = "judicial-data";
pub const LAW: &str = "GDPR art. 10";

pub struct JudicialDataRule;
pub static RULE: JudicialDataRule = JudicialDataRule;

impl Rule for JudicialDataRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        report_sensitive(ctx, out, (ID, FAMILY, LAW), |m, identified| {
            if identified {
                Some(Msg::new(
                    "Dato giudiziario (art. 10 GDPR) su una persona identificabile (reati, arresti, indagini, condanne): non va diffuso. Togli il dato o il riferimento alla persona.",
                    "Judicial data (GDPR art. 10) about an identifiable person (offences, arrests, investigations, convictions): it must not be published. Remove the data or the reference to the person.",
                ))
            } else if m.section == "offence" {
                // An offence alone ("furti in appartamento") is a public-safety alert.
                None
            } else {
                Some(Msg::new(
                    "Riferimento a vicende giudiziarie (art. 10 GDPR): verifica che nessuno sia riconoscibile dal contesto; i fatti di cronaca non sono informazione istituzionale.",
                    "A reference to judicial matters (GDPR art. 10): make sure nobody can be recognised from the context; crime news is not institutional information.",
                ))
            }
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
        assert_eq!(judicial("Il 30enne ha precedenti penali."), vec![("precedenti penali".into(), Severity::Error)]);
        let r = check("Il signor Rossi è stato condannato.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!(f.source, "Disciplinare Esempio art. 4.4; GDPR art. 10");
        assert_eq!(f.fix.as_deref(), Some("[dato rimosso]"));
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
