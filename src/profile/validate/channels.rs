//! The channels: only one-way kinds (seed art. 1.6), valid join links, broadcast numbers and
//! keywords. A WhatsApp channel whose link the comune has not published yet keeps an empty
//! `invite_url`: that is a warning, and link builders must show no join button for it.

use super::format::{https_url, phone, Check, PhoneForm};
use super::{duplicates, warning, Issues};
use crate::i18n::Msg;
use crate::links::{self, TelegramLink};
use crate::profile::{Channel, IssueLevel, Profile};
use crate::text::lower_latin;

/// Longest message each platform accepts, in characters.
const WHATSAPP_MAX: u32 = 65_536;
const TELEGRAM_MAX: u32 = 4_096;

pub fn check(p: &Profile, out: &mut Issues) {
    if p.channels.is_empty() {
        out.error(
            "$.channels",
            "nessun canale configurato: serve almeno un canale",
            "no channel configured: at least one is needed",
        );
    }
    for (i, c) in p.channels.iter().enumerate() {
        channel(&format!("$.channels[{i}]"), c, out);
    }
    let links = p.channels.iter().enumerate().filter_map(|(i, c)| match c {
        Channel::WhatsappChannel { invite_url, .. } => {
            Some((format!("$.channels[{i}].invite_url"), invite_url.as_str()))
        }
        Channel::TelegramChannel { url, .. } => Some((format!("$.channels[{i}].url"), url.as_str())),
        _ => None,
    });
    duplicates(out, IssueLevel::Warning, links, ("link di iscrizione", "join link"));
    platform(p, out);
}

fn channel(path: &str, c: &Channel, out: &mut Issues) {
    match c {
        Channel::WhatsappChannel { invite_url, info_url, .. } => {
            let at = format!("{path}.invite_url");
            if invite_url.is_empty() {
                warning!(
                    out,
                    at,
                    "link del canale non ancora pubblicato: nessun link di iscrizione sarà mostrato finché non viene indicato",
                    "channel link not yet published: no join link will be shown until it is set",
                );
            } else {
                out.required(&at, invite_url, whatsapp_channel_url);
            }
            out.optional(&format!("{path}.info_url"), info_url, https_url);
        }
        Channel::WhatsappBroadcast { number, subscribe_keyword, unsubscribe_keyword, .. } => {
            broadcast_number(&format!("{path}.number"), number, out);
            keywords(path, subscribe_keyword, unsubscribe_keyword, out);
        }
        Channel::TelegramChannel { url, .. } => out.required(&format!("{path}.url"), url, telegram_url),
        Channel::WhatsappGroup { .. } | Channel::TelegramGroup { .. } => out.error(
            format!("{path}.kind"),
            format!(
                "tipo {} non ammesso: nei gruppi ogni iscritto vede il numero degli altri; usare un canale o una lista broadcast (GDPR art. 5.1.f; disciplinare tipo art. 1.6, Concorezzo art. 2, Sesto Calende art. 3 lett. c)",
                c.kind()
            ),
            format!(
                "kind {} is not allowed: in groups every member sees the others' numbers; use a channel or a broadcast list (GDPR art. 5(1)(f); model policy art. 1.6, Concorezzo art. 2, Sesto Calende art. 3 lett. c)",
                c.kind()
            ),
        ),
    }
}

/// `https://whatsapp.com/channel/<code>`. The join-link builder decides what a valid invite is,
/// so the widget never fails on a profile that validation accepted; `https_url` first gives the
/// precise reason for `javascript:`, `http:` and other unsafe links.
pub fn whatsapp_channel_url(s: &str) -> Check {
    https_url(s)?;
    links::whatsapp_channel_invite(s).map(drop).map_err(|e| e.0)
}

/// A Telegram channel: `https://t.me/<username>`, `https://t.me/+<invite>` or
/// `https://t.me/joinchat/<invite>`; a `t.me/+<phone>` link opens a person's chat, not a channel.
pub fn telegram_url(s: &str) -> Check {
    https_url(s)?;
    match links::parse_telegram(s).map_err(|e| e.0)? {
        TelegramLink::Phone { .. } => Err(Msg::new(
            format!("{s:?} apre la chat di un numero di telefono, non un canale Telegram"),
            format!("{s:?} opens a phone number's chat, not a Telegram channel"),
        )),
        TelegramLink::Public { .. } | TelegramLink::PrivateInvite { .. } => Ok(()),
    }
}

/// The wa.me link to the broadcast number needs the country code, so a national number is a
/// warning with the fix, anything else an error.
fn broadcast_number(path: &str, number: &str, out: &mut Issues) {
    let checked = phone(number).and_then(|form| links::normalize_phone(number).map(|_| form).map_err(|e| e.0));
    match checked {
        Ok(PhoneForm::International) if number.trim_start().starts_with('+') => {}
        Ok(_) => warning!(
            out,
            path,
            format!(
                "scrivere il numero in formato internazionale, es. +39{}",
                super::format::phone_digits(number).trim_start_matches("39")
            ),
            format!(
                "write the number in international format, e.g. +39{}",
                super::format::phone_digits(number).trim_start_matches("39")
            ),
        ),
        Err(m) => out.push(path, IssueLevel::Error, m),
    }
}

fn keywords(path: &str, subscribe: &str, unsubscribe: &str, out: &mut Issues) {
    for (field, value) in [("subscribe_keyword", subscribe), ("unsubscribe_keyword", unsubscribe)] {
        if value.trim().is_empty() {
            out.error(
                format!("{path}.{field}"),
                "manca la parola chiave (es. ATTIVA ISCRIZIONE / DISATTIVA ISCRIZIONE)",
                "the keyword is missing (e.g. ATTIVA ISCRIZIONE / DISATTIVA ISCRIZIONE)",
            );
        } else if value.chars().count() > 64 {
            out.error(
                format!("{path}.{field}"),
                "parola chiave troppo lunga (max 64 caratteri)",
                "keyword too long (64 characters at most)",
            );
        }
    }
    if !subscribe.trim().is_empty() && lower_latin(subscribe.trim()) == lower_latin(unsubscribe.trim()) {
        out.error(
            format!("{path}.unsubscribe_keyword"),
            "le parole chiave di iscrizione e cancellazione coincidono",
            "the subscribe and unsubscribe keywords are the same",
        );
    }
}

fn platform(p: &Profile, out: &mut Issues) {
    let max = p.platform.max_message_length;
    let path = "$.platform.max_message_length";
    if max == 0 {
        out.error(
            path,
            "la lunghezza massima dei messaggi deve essere maggiore di zero",
            "the maximum message length must be above zero",
        );
        return;
    }
    let limit = p
        .channels
        .iter()
        .map(|c| match c {
            Channel::TelegramChannel { .. } | Channel::TelegramGroup { .. } => (TELEGRAM_MAX, "Telegram"),
            _ => (WHATSAPP_MAX, "WhatsApp"),
        })
        .min();
    if let Some((limit, name)) = limit.filter(|(l, _)| max > *l) {
        warning!(
            out,
            path,
            format!("{max} supera il limite di {name} ({limit} caratteri): i messaggi più lunghi non partirebbero"),
            format!("{max} exceeds {name}'s limit ({limit} characters): longer messages would not be sent"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::profile::IssueLevel::*;
    use serde_json::json;

    #[test]
    fn channel_links() {
        assert!(whatsapp_channel_url("https://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U").is_ok());
        assert!(whatsapp_channel_url("https://www.whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U/").is_ok());
        for bad in [
            "http://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U",
            "javascript:alert(1)",
            "https://whatsapp.com.evil.it/channel/0029Vb2B50YHVvTYXDqSpE1U",
            "https://chat.whatsapp.com/AbCdEfGhIjKlMnOp",
            "https://whatsapp.com/channel/",
            "https://whatsapp.com/channel/abc",
            "https://wa.me/393665784663",
        ] {
            assert!(whatsapp_channel_url(bad).is_err(), "{bad}");
        }
        assert!(telegram_url("https://t.me/comune_esempio").is_ok());
        assert!(telegram_url("https://t.me/+AbCdEf123456").is_ok());
        assert!(telegram_url("https://t.me/joinchat/AbCdEf123456").is_ok());
        for bad in
            ["https://t.me/ab", "http://t.me/comune_esempio", "https://telegram.org/comune", "https://t.me/1comune"]
        {
            assert!(telegram_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_invite_is_a_warning_and_hostile_one_an_error() {
        let issues = issues_with(|v| v["channels"][0]["invite_url"] = "".into());
        assert!(has(&issues, Warning, "$.channels[0].invite_url"));
        assert!(errors(&issues).is_empty());
        let issues = issues_with(|v| v["channels"][0]["invite_url"] = "javascript:alert(document.cookie)".into());
        assert!(has(&issues, Error, "$.channels[0].invite_url"));
    }

    #[test]
    fn groups_are_refused() {
        let issues = issues_with(|v| {
            v["channels"] =
                json!([{"kind": "whatsapp-group", "invite_url": "https://chat.whatsapp.com/AbCdEfGhIjKlMnOp"}])
        });
        assert!(has(&issues, Error, "$.channels[0].kind"));
        let issues = issues_with(|v| v["channels"] = json!([]));
        assert!(has(&issues, Error, "$.channels"));
    }

    #[test]
    fn broadcast_number_and_keywords() {
        let ok = json!({"kind": "whatsapp-broadcast", "number": "+393665784663",
            "subscribe_keyword": "ATTIVA ISCRIZIONE", "unsubscribe_keyword": "DISATTIVA ISCRIZIONE"});
        let issues = issues_with(|v| v["channels"] = json!([ok]));
        assert!(issues.is_empty(), "{issues:#?}");
        let issues = issues_with(|v| {
            v["channels"] = json!([{"kind": "whatsapp-broadcast", "number": "366.5784663",
                "subscribe_keyword": "ISCRIVIMI", "unsubscribe_keyword": "iscrivimi"}])
        });
        assert!(has(&issues, Warning, "$.channels[0].number"));
        assert!(issues.iter().any(|i| i.message.it.contains("+393665784663")), "{issues:#?}");
        assert!(has(&issues, Error, "$.channels[0].unsubscribe_keyword"));
        let issues = issues_with(|v| {
            v["channels"] = json!([{"kind": "whatsapp-broadcast", "number": "not a number",
                "subscribe_keyword": "", "unsubscribe_keyword": "STOP"}])
        });
        assert!(has(&issues, Error, "$.channels[0].number"));
        assert!(has(&issues, Error, "$.channels[0].subscribe_keyword"));
    }

    #[test]
    fn message_length_fits_the_platform() {
        let issues = issues_with(|v| {
            v["channels"] = json!([{"kind": "telegram-channel", "url": "https://t.me/comune_esempio"}]);
            v["platform"]["max_message_length"] = 65536.into();
        });
        assert!(has(&issues, Warning, "$.platform.max_message_length"));
        let issues = issues_with(|v| v["platform"]["max_message_length"] = 0.into());
        assert!(has(&issues, Error, "$.platform.max_message_length"));
    }
}
