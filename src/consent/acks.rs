//! The acknowledgements a citizen gives when joining (seed art. 5.2), only those that apply to
//! the channel kind. None is pre-ticked (consent must be an affirmative act, art. 7 GDPR).

use serde::Serialize;

use crate::i18n::Lang;
use crate::informativa::ComuneName;
use crate::profile::Channel;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ack {
    pub id: &'static str,
    pub label: String,
    pub required: bool,
    /// Where the requirement comes from.
    pub source: &'static str,
}

pub const PHONE_NUMBER: &str = "phone-number";
pub const CONTACT_LIST: &str = "contact-list";
pub const POLICY: &str = "policy";
pub const TRANSMISSION: &str = "transmission";

/// `comune`: "Comune di Seveso"; `platform`: "WhatsApp" or "Telegram".
pub fn acks_for(channel: &Channel, comune: &ComuneName, platform: &str, lang: Lang) -> Vec<Ack> {
    let it = lang == Lang::It;
    let (il, del, bare) = (&comune.il, &comune.del, &comune.bare);
    let mut v = Vec::new();
    if channel.uses_phone_number() {
        // Only on a broadcast list does the comune itself hold the number; on a channel the
        // platform uses it and the comune never sees it (Sesto Calende art. 7).
        let label = match (channel.enters_contact_list(), it) {
            (true, true) => format!("Acconsento all'utilizzo del mio numero di telefono da parte {del} per le finalità del disciplinare."),
            (true, false) => format!("I consent to {bare} using my phone number for the purposes set out in the policy."),
            (false, true) => format!("Acconsento all'utilizzo del mio numero di telefono da parte di {platform} per seguire il canale ({il} non lo vede)."),
            (false, false) => format!("I consent to {platform} using my phone number to let me follow the channel ({bare} does not see it)."),
        };
        v.push(Ack { id: PHONE_NUMBER, label, required: true, source: "art. 5.2 disciplinare; art. 6.1(a) GDPR" });
    }
    if channel.enters_contact_list() {
        let label = if it {
            format!("Acconsento a entrare nella lista dei contatti {platform} {del}.")
        } else {
            format!("I agree to enter {bare}'s {platform} contact list.")
        };
        v.push(Ack { id: CONTACT_LIST, label, required: true, source: "art. 5.2 disciplinare" });
    }
    v.push(Ack {
        id: POLICY,
        label: if it {
            "Ho letto il disciplinare e l'informativa sul trattamento dei dati personali e li accetto.".to_owned()
        } else {
            "I have read and accept the policy and the privacy notice.".to_owned()
        },
        required: true,
        source: "art. 5.2 disciplinare; art. 13 GDPR",
    });
    v.push(Ack {
        id: TRANSMISSION,
        label: if it {
            format!("Autorizzo {il} a inviarmi informazioni e comunicazioni nei termini del disciplinare.")
        } else {
            format!("I authorise {bare} to send me information and communications as the policy sets out.")
        },
        required: true,
        source: "art. 5.2 disciplinare",
    });
    v
}
