//! The acknowledgements a citizen gives when joining (seed art. 5.2, Concorezzo art. 3, Sesto
//! Calende art. 3 lett. a and art. 4), only those that apply to the channel kind. None is
//! pre-ticked: consent is a clear affirmative act (GDPR art. 4(11), recital 32).

use serde::Serialize;

use crate::i18n::Lang;
use crate::informativa::ComuneName;
use crate::profile::Channel;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ack {
    pub id: &'static str,
    pub label: String,
    pub required: bool,
    /// Where the requirement comes from: the comune's article, then the law.
    pub source: String,
}

pub const PHONE_NUMBER: &str = "phone-number";
pub const CONTACT_LIST: &str = "contact-list";
pub const POLICY: &str = "policy";
pub const TRANSMISSION: &str = "transmission";

/// `comune`: "Comune di Seveso"; `platform`: "WhatsApp" or "Telegram"; `article`: the
/// policy's article on joining ("art. 5.2"), blank if it has none.
pub fn acks_for(channel: &Channel, comune: &ComuneName, platform: &str, article: &str, lang: Lang) -> Vec<Ack> {
    let it = lang == Lang::It;
    let policy = match article.trim() {
        "" => "disciplinare".to_owned(),
        a => format!("{a} disciplinare"),
    };
    let cite = |law: &str| if law.is_empty() { policy.clone() } else { format!("{policy}; {law}") };
    let (il, del, bare) = (&comune.il, &comune.del, &comune.bare);
    let mut v = Vec::new();
    if channel.uses_phone_number() {
        // Only on a broadcast list does the comune itself hold the number; on a channel the
        // platform uses it, and neither the comune nor other subscribers see it.
        let label = match (channel.enters_contact_list(), it) {
            (true, true) => format!("Acconsento all'utilizzo del mio numero di telefono da parte {del} per le finalità del disciplinare."),
            (true, false) => format!("I consent to {bare} using my phone number for the purposes set out in the policy."),
            (false, true) => format!("Acconsento all'utilizzo del mio numero di telefono da parte di {platform} per seguire il canale ({il} non lo vede)."),
            (false, false) => format!("I consent to {platform} using my phone number to let me follow the channel ({bare} does not see it)."),
        };
        v.push(Ack { id: PHONE_NUMBER, label, required: true, source: cite("art. 6.1(a) GDPR") });
    }
    if channel.enters_contact_list() {
        let label = if it {
            format!("Acconsento a entrare nella lista dei contatti {platform} {del}.")
        } else {
            format!("I agree to enter {bare}'s {platform} contact list.")
        };
        v.push(Ack { id: CONTACT_LIST, label, required: true, source: cite("") });
    }
    v.push(Ack {
        id: POLICY,
        label: if it {
            "Ho letto il disciplinare e l'informativa sul trattamento dei dati personali e li accetto.".to_owned()
        } else {
            "I have read and accept the policy and the privacy notice.".to_owned()
        },
        required: true,
        source: cite("art. 13 GDPR"),
    });
    v.push(Ack {
        id: TRANSMISSION,
        label: if it {
            format!("Autorizzo {il} a inviarmi informazioni e comunicazioni nei termini del disciplinare.")
        } else {
            format!("I authorise {bare} to send me information and communications as the policy sets out.")
        },
        required: true,
        source: cite(""),
    });
    v
}
