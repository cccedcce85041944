//! What the widget renders: everything that comes from the profile or the law, as plain text
//! (plus the QR code's SVG, which holds no profile text).

use serde::Serialize;

use super::acks::Ack;
use super::join::Join;
use super::receipt::Receipt;
use super::summary;
use super::Step;
use crate::i18n::Lang;
use crate::informativa::{ComuneName, Informativa};
use crate::profile::{Article, Channel, Profile};

/// The parts of the view that do not change with the step.
#[derive(Debug, Clone, Serialize)]
pub struct Fixed {
    pub comune: ComuneView,
    pub channel: ChannelView,
    pub policy: PolicyView,
    pub informativa: Informativa,
    pub join: Join,
    pub unsubscribe: Titled,
    pub help: HelpView,
    pub official: OfficialView,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComuneView {
    pub id: String,
    pub name: String,
    pub official_name: String,
    pub province: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChannelView {
    pub kind: &'static str,
    pub platform: &'static str,
    pub name: String,
    pub label: String,
}

/// One of the channels a citizen may choose between (the profile's one-way channels).
#[derive(Debug, Clone, Serialize)]
pub struct ChannelChoice {
    /// Index in the profile's `channels`, to pass to `select_channel`.
    pub index: usize,
    pub kind: &'static str,
    pub platform: &'static str,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChannelOption<'a> {
    pub index: usize,
    pub kind: &'static str,
    pub platform: &'static str,
    pub label: &'a str,
    pub selected: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PolicyView {
    pub title: String,
    pub approval: String,
    pub url: String,
    pub summary: Vec<String>,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Titled {
    pub title: String,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HelpView {
    pub title: String,
    pub text: String,
    pub contacts: Vec<Contact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfficialView {
    pub notice: String,
    pub links: Vec<Contact>,
}

/// A contact or link: `url` is a checked `https:`/`mailto:`/`tel:` address, or "" when the
/// value cannot safely be a link (the widget then shows the value as text only).
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub kind: &'static str,
    pub label: String,
    pub value: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Messages {
    pub declined: String,
    pub revoked: String,
    pub policy_changed: String,
    /// The comune's own words on what changed (`policy.revision_message`, in Italian), shown
    /// with `policy_changed`; "" otherwise.
    pub revision_message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsentView<'a> {
    pub legend: String,
    pub intro: String,
    pub acks: Vec<AckView<'a>>,
    pub can_consent: bool,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AckView<'a> {
    pub id: &'static str,
    pub label: &'a str,
    pub checked: bool,
    pub required: bool,
    pub source: &'a str,
}

/// The whole view; see docs/widget-api.md.
#[derive(Debug, Clone, Serialize)]
pub struct View<'a> {
    pub step: Step,
    pub lang: Lang,
    pub policy_changed: bool,
    pub can_back: bool,
    pub can_next: bool,
    pub can_decline: bool,
    pub comune: &'a ComuneView,
    pub channel: &'a ChannelView,
    pub channels: Vec<ChannelOption<'a>>,
    pub policy: &'a PolicyView,
    pub informativa: &'a Informativa,
    pub consent: ConsentView<'a>,
    /// Borrowed, except at the join step, which alone carries the QR code's SVG.
    pub join: std::borrow::Cow<'a, Join>,
    pub unsubscribe: &'a Titled,
    pub help: &'a HelpView,
    pub official: &'a OfficialView,
    pub messages: Messages,
    pub receipt: Option<&'a Receipt>,
}

pub(super) fn platform(channel: &Channel) -> &'static str {
    match channel {
        Channel::TelegramChannel { .. } | Channel::TelegramGroup { .. } => "telegram",
        _ => "whatsapp",
    }
}

pub(super) fn platform_name(channel: &Channel) -> &'static str {
    match platform(channel) {
        "telegram" => "Telegram",
        _ => "WhatsApp",
    }
}

/// "Canale WhatsApp del Comune di Siracusa".
fn channel_label(channel: &Channel, comune: &ComuneName, lang: Lang) -> String {
    let it = lang == Lang::It;
    let kind_label = match (channel, it) {
        (Channel::WhatsappBroadcast { .. }, true) => "Lista broadcast WhatsApp",
        (Channel::WhatsappBroadcast { .. }, false) => "WhatsApp broadcast list",
        (Channel::TelegramChannel { .. }, true) => "Canale Telegram",
        (Channel::TelegramChannel { .. }, false) => "Telegram channel",
        (_, true) => "Canale WhatsApp",
        (_, false) => "WhatsApp channel",
    };
    if it {
        format!("{kind_label} {}", comune.del)
    } else {
        format!("{kind_label} of {}", comune.bare)
    }
}

pub(super) fn channel_choices(profile: &Profile, comune: &ComuneName, lang: Lang) -> Vec<ChannelChoice> {
    super::joinable_channels(profile)
        .map(|(index, c)| ChannelChoice {
            index,
            kind: c.kind(),
            platform: platform(c),
            label: channel_label(c, comune, lang),
        })
        .collect()
}

pub(super) fn fixed(profile: &Profile, channel: &Channel, join: Join, comune: &ComuneName, lang: Lang) -> Fixed {
    let it = lang == Lang::It;
    let t = |a: &str, b: &str| if it { a.to_owned() } else { b.to_owned() };
    let name = channel_name(channel, &comune.bare);
    let c = &profile.comune;
    let help = &profile.help;
    let mut contacts = Vec::new();
    push_contact(&mut contacts, "email", t("E-mail", "E-mail"), &help.email);
    push_contact(&mut contacts, "phone", t("Telefono", "Phone"), &help.phone);
    push_contact(&mut contacts, "toll-free", t("Numero verde", "Toll-free number"), &help.toll_free);
    push_contact(&mut contacts, "url", t("Pagina di aiuto", "Help page"), &help.url);
    let who = if help.name.trim().is_empty() { comune.bare.clone() } else { help.name.trim().to_owned() };
    let mut official = Vec::new();
    push_contact(&mut official, "website", t("Sito istituzionale", "Institutional website"), &c.website);
    push_contact(&mut official, "pec", t("PEC", "Certified e-mail (PEC)"), &c.pec);
    push_contact(
        &mut official,
        "albo",
        t("Albo Pretorio online", "Online Albo Pretorio (notice board)"),
        &c.albo_pretorio_url,
    );
    push_contact(
        &mut official,
        "trasparenza",
        t("Amministrazione trasparente", "Transparency section"),
        &c.amministrazione_trasparente_url,
    );
    Fixed {
        comune: ComuneView {
            id: profile.id.clone(),
            name: c.name.clone(),
            official_name: comune.bare.clone(),
            province: c.province.clone(),
        },
        channel: ChannelView {
            kind: channel.kind(),
            platform: platform(channel),
            label: channel_label(channel, comune, lang),
            name,
        },
        policy: PolicyView {
            title: profile.policy.title.clone(),
            approval: approval(profile, lang),
            url: https_only(&profile.policy.url),
            summary: summary::summary(profile, channel, comune, lang),
            articles: profile.policy.articles.clone(),
        },
        informativa: crate::informativa::build(profile, Some(channel), lang),
        join,
        unsubscribe: Titled {
            title: t("Come cancellarti", "How to unsubscribe"),
            steps: crate::links::unsubscribe_steps(channel, lang),
        },
        help: HelpView {
            title: t("Aiuto", "Help"),
            text: if it {
                format!("Per informazioni o difficoltà con l'iscrizione: {who}.")
            } else {
                format!("For information or trouble joining: {who}.")
            },
            contacts,
        },
        official: OfficialView { notice: summary::official_notice(comune, lang), links: official },
    }
}

pub(super) fn messages(comune: &ComuneName, policy_changed: bool, revision_message: &str, lang: Lang) -> Messages {
    let it = lang == Lang::It;
    Messages {
        declined: if it {
            format!("Hai scelto di non iscriverti: nessun problema, non è stato registrato nulla. Le informazioni {} restano disponibili sui canali ufficiali: sito istituzionale, PEC e Albo Pretorio online.", comune.del)
        } else {
            format!("You chose not to join: that is fine, nothing was recorded. {}'s information remains available on its official channels: institutional website, certified e-mail (PEC) and online Albo Pretorio.", comune.bare)
        },
        revoked: if it {
            "Hai revocato il consenso. Per uscire davvero dal canale segui questi passi: il sito non può farlo al posto tuo.".to_owned()
        } else {
            "You have withdrawn your consent. To actually leave the channel follow these steps: the website cannot do it for you.".to_owned()
        },
        policy_changed: match (policy_changed, it) {
            (false, _) => String::new(),
            (true, true) => {
                "Il disciplinare o l'informativa sono cambiati dal tuo ultimo consenso: rileggili e conferma di nuovo."
                    .to_owned()
            }
            (true, false) => {
                "The policy or the privacy notice changed since you last consented: please read them again and confirm."
                    .to_owned()
            }
        },
        revision_message: if policy_changed { revision_message.to_owned() } else { String::new() },
    }
}

pub(super) fn consent_view<'a>(
    acks: &'a [Ack],
    checked: &[bool],
    can_consent: bool,
    comune: &ComuneName,
    lang: Lang,
) -> ConsentView<'a> {
    let it = lang == Lang::It;
    ConsentView {
        legend: if it { "Consenso all'iscrizione".to_owned() } else { "Consent to join".to_owned() },
        intro: if it {
            format!(
                "Per iscriverti al servizio {} conferma ciascuna di queste dichiarazioni. Nessuna è già selezionata.",
                comune.del
            )
        } else {
            format!("To join {}'s service, confirm each of these statements. None is pre-selected.", comune.bare)
        },
        acks: acks
            .iter()
            .zip(checked)
            .map(|(a, c)| AckView { id: a.id, label: &a.label, checked: *c, required: a.required, source: &a.source })
            .collect(),
        can_consent,
        note: if it {
            "Il consenso è libero e facoltativo: puoi non iscriverti, e puoi revocarlo in ogni momento.".to_owned()
        } else {
            "Consent is free and optional: you may choose not to join, and you can withdraw it at any time.".to_owned()
        },
    }
}

fn channel_name(channel: &Channel, comune: &str) -> String {
    let n = channel.name().trim();
    if n.is_empty() {
        comune.to_owned()
    } else {
        n.to_owned()
    }
}

/// "Delibera di Giunta Comunale n. 2 del 17/01/2025".
fn approval(profile: &Profile, lang: Lang) -> String {
    let a = &profile.policy.approval;
    let mut s = a.act.trim().to_owned();
    if s.is_empty() {
        return s;
    }
    if !a.number.trim().is_empty() {
        s.push_str(&format!(" n. {}", a.number.trim()));
    }
    if let Ok(d) = crate::time::Date::parse(a.date.trim()) {
        let sep = if lang == Lang::It { "del" } else { "of" };
        s.push_str(&format!(" {sep} {:02}/{:02}/{}", d.day, d.month, d.year));
    }
    s
}

fn https_only(url: &str) -> String {
    let u = url.trim();
    if u.starts_with("https://") && !u.contains(char::is_whitespace) && !u.contains(['"', '<', '>', '\\']) {
        u.to_owned()
    } else {
        String::new()
    }
}

/// A contact whose link form is decided here: https as is, an e-mail as `mailto:`, a phone
/// number as `tel:`; anything else is shown as text only.
fn push_contact(out: &mut Vec<Contact>, kind: &'static str, label: String, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    let url = match kind {
        "email" | "pec" => {
            let ok = v.split_once('@').is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
                && v.chars().all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c));
            if ok {
                format!("mailto:{v}")
            } else {
                String::new()
            }
        }
        "phone" | "toll-free" => match crate::links::normalize_phone(v) {
            Ok(n) => format!("tel:{}", n.e164()),
            // Italian toll-free and short numbers (800..., 803...) only dial nationally.
            Err(_) if v.chars().all(|c| c.is_ascii_digit() || c == ' ') => format!("tel:{}", v.replace(' ', "")),
            Err(_) => String::new(),
        },
        _ => https_only(v),
    };
    out.push(Contact { kind, label, value: v.to_owned(), url });
}
