//! The join step: the link, its QR code, and for a broadcast list the number, the vCard and
//! the prefilled subscribe message.

use serde::Serialize;

use crate::i18n::Lang;
use crate::links::{self, TelegramLink};
use crate::profile::{Channel, ProfileIssue};
use crate::qr;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    /// False while the comune has not published the link yet (the policy says instructions
    /// will follow): then the link, QR code and number are empty and `unavailable` explains.
    pub available: bool,
    pub unavailable: String,
    pub title: String,
    pub platform_action: String,
    pub primary: LinkView,
    pub qr: QrView,
    pub number: Option<NumberView>,
    pub vcard: Option<VcardView>,
    pub subscribe: Option<SubscribeView>,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkView {
    pub url: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QrView {
    /// `<svg>` of `url`: drawn at the join step only, "" before it.
    pub svg: String,
    pub text_alternative: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberView {
    pub e164: String,
    pub display: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VcardView {
    pub text: String,
    pub file_name: String,
    pub mime: &'static str,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubscribeView {
    pub keyword: String,
    pub url: String,
    pub label: String,
}

/// `path`: the channel's JSON path, for errors (`$.channels[0]`). `name`: what to call the
/// channel and the saved contact.
pub fn join(channel: &Channel, path: &str, name: &str, comune: &str, lang: Lang) -> Result<Join, ProfileIssue> {
    let it = lang == Lang::It;
    let t = |a: &str, b: &str| if it { a.to_owned() } else { b.to_owned() };
    let bad = |field: &str, e: links::LinkError| ProfileIssue::error(format!("{path}.{field}"), e.0.it, e.0.en);
    let link_missing = match channel {
        Channel::WhatsappChannel { invite_url, .. } => invite_url.trim().is_empty(),
        Channel::WhatsappBroadcast { number, .. } => number.trim().is_empty(),
        Channel::TelegramChannel { url, .. } => url.trim().is_empty(),
        _ => false,
    };
    if link_missing {
        return Ok(unavailable(comune, lang));
    }
    let (title, action, primary, steps, number, vcard, subscribe) = match channel {
        Channel::WhatsappChannel { invite_url, .. } => {
            let url = links::whatsapp_channel_invite(invite_url).map_err(|e| bad("invite_url", e))?;
            (
                t("Segui il canale su WhatsApp", "Follow the channel on WhatsApp"),
                t("Apri in WhatsApp", "Open in WhatsApp"),
                LinkView {
                    url,
                    label: if it { format!("Canale WhatsApp: {name}") } else { format!("WhatsApp channel: {name}") },
                },
                vec![
                    t(
                        "Sul telefono tocca «Apri in WhatsApp»; dal computer inquadra il codice QR con il telefono.",
                        "On your phone tap \"Open in WhatsApp\"; on a computer scan the QR code with your phone.",
                    ),
                    t("In WhatsApp tocca «Segui».", "In WhatsApp tap \"Follow\"."),
                    t(
                        "Troverai i messaggi nella scheda «Aggiornamenti».",
                        "You will find the messages in the \"Updates\" tab.",
                    ),
                ],
                None,
                None,
                None,
            )
        }
        Channel::WhatsappBroadcast { number, subscribe_keyword, save_contact_required, .. } => {
            let n = links::normalize_phone(number).map_err(|e| bad("number", e))?;
            let kw = subscribe_keyword.trim();
            if kw.is_empty() {
                return Err(ProfileIssue::error(
                    format!("{path}.subscribe_keyword"),
                    "manca la parola per iscriversi",
                    "the subscribe keyword is missing",
                ));
            }
            let display = links::display_italian(&n);
            let url = links::wa_me(&n, Some(kw));
            let mut steps = Vec::new();
            if *save_contact_required {
                steps.push(if it {
                    format!("Salva il numero {display} nella rubrica del telefono: i messaggi broadcast arrivano solo a chi lo ha salvato.")
                } else {
                    format!("Save the number {display} in your phone's contacts: broadcast messages only reach people who saved it.")
                });
            }
            steps.push(if it {
                format!("Invia su WhatsApp il messaggio «{kw}» al numero {display} (il pulsante lo prepara per te).")
            } else {
                format!("Send the WhatsApp message \"{kw}\" to {display} (the button prepares it for you).")
            });
            steps.push(t(
                "Il numero serve solo per l'invio: non si può chiamare né scrivere per altro.",
                "The number only sends: you cannot call it or write to it about anything else.",
            ));
            let note =
                if it { format!("{comune} - messaggi WhatsApp") } else { format!("{comune} - WhatsApp messages") };
            (
                t("Iscriviti alla lista WhatsApp", "Join the WhatsApp list"),
                t("Apri in WhatsApp", "Open in WhatsApp"),
                LinkView {
                    url: url.clone(),
                    label: if it {
                        format!("Invia «{kw}» su WhatsApp")
                    } else {
                        format!("Send \"{kw}\" on WhatsApp")
                    },
                },
                steps,
                Some(NumberView { e164: n.e164(), display }),
                Some(VcardView {
                    text: links::vcard(name, comune, &n, &note),
                    file_name: links::vcard_file_name(name),
                    mime: "text/vcard",
                    label: t("Salva contatto", "Save contact"),
                }),
                Some(SubscribeView {
                    keyword: kw.to_owned(),
                    url,
                    label: if it { format!("Invia «{kw}»") } else { format!("Send \"{kw}\"") },
                }),
            )
        }
        Channel::TelegramChannel { url, .. } => {
            let link = links::parse_telegram(url).map_err(|e| bad("url", e))?;
            if let TelegramLink::Phone { .. } = link {
                return Err(ProfileIssue::error(
                    format!("{path}.url"),
                    "il link Telegram è il numero di una persona, non un canale: usare https://t.me/<nome> o l'invito https://t.me/+<codice>",
                    "the Telegram link is a person's phone number, not a channel: use https://t.me/<username> or the invite https://t.me/+<code>",
                ));
            }
            (
                t("Unisciti al canale su Telegram", "Join the channel on Telegram"),
                t("Apri in Telegram", "Open in Telegram"),
                LinkView {
                    url: link.url().to_owned(),
                    label: if it { format!("Canale Telegram: {name}") } else { format!("Telegram channel: {name}") },
                },
                vec![
                    t(
                        "Sul telefono tocca «Apri in Telegram»; dal computer inquadra il codice QR con il telefono.",
                        "On your phone tap \"Open in Telegram\"; on a computer scan the QR code with your phone.",
                    ),
                    t("In Telegram tocca «Unisciti».", "In Telegram tap \"Join\"."),
                ],
                None,
                None,
                None,
            )
        }
        Channel::WhatsappGroup { .. } | Channel::TelegramGroup { .. } => {
            return Err(ProfileIssue::error(
                path.to_owned(),
                "i gruppi non sono ammessi: i membri vedono i numeri altrui (GDPR art. 5.1.f)",
                "groups are not allowed: members see each other's numbers (GDPR art. 5(1)(f))",
            ))
        }
    };
    // The SVG itself is drawn by `with_qr` for the join step only: encoding is most of the
    // flow's start-up time and the other steps never show it.
    let qr = QrView {
        svg: String::new(),
        text_alternative: qr::text_alternative(&primary.url, lang),
        url: primary.url.clone(),
    };
    Ok(Join {
        available: true,
        unavailable: String::new(),
        title,
        platform_action: action,
        primary,
        qr,
        number,
        vcard,
        subscribe,
        steps,
    })
}

/// The join step with its QR code drawn. A link too long for a QR code (validated links never
/// are) leaves the SVG empty: the link under it still works.
pub fn with_qr(join: &Join) -> Join {
    let mut j = join.clone();
    if j.available {
        j.qr.svg = qr::qr_svg(&j.qr.url).map(|q| q.svg).unwrap_or_default();
    }
    j
}

fn unavailable(comune: &str, lang: Lang) -> Join {
    let it = lang == Lang::It;
    let message = if it {
        format!("Il canale non è ancora attivo: le istruzioni per iscriversi saranno pubblicate sul sito istituzionale ({comune}).")
    } else {
        format!("The channel is not active yet: instructions to join will be published on the institutional website ({comune}).")
    };
    Join {
        available: false,
        unavailable: message,
        title: if it { "Iscrizione non ancora disponibile".to_owned() } else { "Joining not available yet".to_owned() },
        platform_action: String::new(),
        primary: LinkView { url: String::new(), label: String::new() },
        qr: QrView { svg: String::new(), text_alternative: String::new(), url: String::new() },
        number: None,
        vcard: None,
        subscribe: None,
        steps: Vec::new(),
    }
}
