//! The comune's profile: everything its messaging policy ("disciplinare") says, as data.
//!
//! Every struct denies unknown fields, so a typo in a profile is an error that names the
//! field instead of a setting silently ignored. Fields that a seed policy may lack are
//! `#[serde(default)]`: the profile stays loadable and `validate` warns about the gap.
//! `pkg-config/profile.schema.json` is generated from these types (`banditore schema`).
//!
//! Profiles are read by `profile::json` (hand-written, for the WASM bundles' size), whose field
//! lists follow the serde attributes here; `Deserialize` is derived in tests only, to prove that
//! both readers agree.

use serde::Serialize;

#[cfg(test)]
use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A comune's complete profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The JSON Schema this file follows (editors use it for completion).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The profile format this file is written in (`FORMAT`, currently 1; absent means 1). A
    /// widget or CLI that reads an older format refuses a newer file with a message saying to
    /// update, instead of failing on its first unknown field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<u32>,
    /// Stable identifier, lowercase with dashes (e.g. `sesto-calende`).
    pub id: String,
    pub comune: Comune,
    pub policy: Policy,
    pub privacy: Privacy,
    /// The channels the comune broadcasts on (at least one).
    pub channels: Vec<Channel>,
    pub audience: Audience,
    /// What may be sent. Exactly one category should be marked `emergency`.
    pub categories: Vec<Category>,
    /// What may never be sent, each family with the severity the checker gives it.
    pub forbidden: Vec<ForbiddenContent>,
    /// When messages are sent; absent when the policy sets no hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_hours: Option<ServiceHours>,
    /// Election and referendum campaigns (par condicio, L. 28/2000 art. 9).
    #[serde(default)]
    pub electoral_periods: Vec<ElectoralPeriod>,
    pub management: Management,
    pub help: HelpContact,
    /// Contacts and names that may appear in messages without being personal data.
    #[serde(default)]
    pub institutional_contacts: InstitutionalContacts,
    pub platform: Platform,
    /// Per-comune tuning of the pre-send checker.
    #[serde(default)]
    pub checker: CheckerSettings,
    /// How the profile was filled from the policy: gaps in the document, choices made, facts the
    /// comune has still to publish (e.g. a join link). For maintainers; not shown to citizens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The profile's texts in the other languages of bilingual comuni (Alto Adige, Valle d'Aosta,
    /// Friuli-Venezia Giulia) and for visitors: per language (`en`, `de`, `fr`, `sl`), the JSON
    /// pointer of an Italian text (`/policy/title`) and its translation. The widget shows a page in
    /// that language the translated texts; the others stay in Italian, marked `lang="it"`.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// Language code → JSON pointer of an Italian text → the text in that language.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(transparent)]
pub struct Translations(pub std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>);

impl Translations {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comune {
    /// Short name, e.g. "Seveso".
    pub name: String,
    /// Name as the policy's header writes it, e.g. "Città di Seveso".
    #[serde(default)]
    pub official_name: String,
    /// Province or metropolitan city code, e.g. "MB".
    pub province: String,
    /// Its full name, e.g. "Monza e Brianza".
    #[serde(default)]
    pub province_name: String,
    /// Institutional website (https).
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub pec: String,
    #[serde(default)]
    pub albo_pretorio_url: String,
    #[serde(default)]
    pub amministrazione_trasparente_url: String,
    /// Codice fiscale / partita IVA of the comune.
    #[serde(default)]
    pub tax_code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The policy's title as approved.
    pub title: String,
    /// The act approving it; number and date stay blank in a draft.
    #[serde(default)]
    pub approval: Approval,
    /// Link to the comune's policy for social networks, when the policy refers to one.
    #[serde(default)]
    pub social_policy_url: String,
    /// Link to the published policy on the comune's site.
    #[serde(default)]
    pub url: String,
    /// The policy's article on what a subscriber accepts when joining (e.g. "art. 5.2"; Concorezzo
    /// "art. 3"), cited next to each consent choice; blank if the policy has none.
    #[serde(default)]
    pub consent_article: String,
    /// The full text, article by article, in Italian.
    pub articles: Vec<Article>,
    /// The policy's revision as the comune numbers it. When set, a citizen's remembered consent
    /// is asked again only when it changes (a typo fix keeps it); when absent, any change to
    /// what the citizen reads asks again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    /// Shown to returning visitors asked to consent again, e.g. "Dal 1° marzo il canale invia
    /// anche le allerte meteo".
    #[serde(default)]
    pub revision_message: String,
    /// The content hash of each section the citizen reads (`summary`, `articles`,
    /// `informativa`, `consent`) when `revision` was last set: `validate` warns, section by
    /// section, when the content changed but the revision did not. Written by
    /// `banditore revision`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub revision_hashes: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// e.g. "Delibera di Giunta Comunale".
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub number: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// As the policy numbers it: "1", "4", "Art. 2"...
    pub number: String,
    pub title: String,
    /// Paragraphs in order; list items are paragraphs starting with "- ".
    pub paragraphs: Vec<String>,
}

/// What art. 13 GDPR requires the informativa to say.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    pub controller: Party,
    #[serde(default)]
    pub dpo: Party,
    pub purposes: Vec<String>,
    pub legal_basis: LegalBasis,
    /// Free text completing the legal basis (the seed's art. 6.2 wording).
    #[serde(default)]
    pub legal_basis_note: String,
    pub retention: String,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub platform_provider: Party,
    /// Whether the policy states that the data are not disseminated ("non saranno diffusi", seed art. 6.4):
    /// the notice says so only then.
    #[serde(default)]
    pub not_disseminated: bool,
    /// Transfers outside the EU (platform providers may transfer data to the USA). Empty: the notice says
    /// the comune has not stated it (never that there are none).
    #[serde(default)]
    pub transfers_outside_eu: String,
    /// Whether channel messages are end-to-end encrypted (WhatsApp channels are not).
    pub end_to_end_encrypted: bool,
    /// Providing the data is optional (it always is for these services).
    pub provision_optional: bool,
    /// Whether there is automated decision-making or profiling.
    #[serde(default)]
    pub automated_decision_making: bool,
    /// The supervisory authority for complaints (defaults to the Garante).
    #[serde(default)]
    pub supervisory_authority: Party,
    /// Link to the comune's full privacy page, if any.
    #[serde(default)]
    pub informativa_url: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// Art. 6.1(a) GDPR: free, optional, revocable consent.
    #[default]
    Consent,
    /// Art. 6.1(e) GDPR: a task in the public interest.
    PublicTask,
}

/// A person or body with contacts (controller, DPO, platform provider...).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub pec: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub url: String,
}

/// One broadcast channel. Only one-way kinds are allowed by the seed policies (art. 1.6);
/// the group kinds exist so that validation can refuse them with a reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Channel {
    WhatsappChannel {
        #[serde(default)]
        name: String,
        /// https://whatsapp.com/channel/<code>
        invite_url: String,
        /// Page of the comune's site that publishes the link and QR code.
        #[serde(default)]
        info_url: String,
        /// How to leave, in Italian (defaults to the platform's standard instructions).
        #[serde(default)]
        leave_instructions: String,
    },
    WhatsappBroadcast {
        #[serde(default)]
        name: String,
        /// E.164 number, e.g. "+393665784663".
        number: String,
        subscribe_keyword: String,
        unsubscribe_keyword: String,
        /// Broadcast lists reach only people who saved the number in their contacts.
        #[serde(default = "yes")]
        save_contact_required: bool,
        #[serde(default)]
        leave_instructions: String,
    },
    TelegramChannel {
        #[serde(default)]
        name: String,
        /// https://t.me/<username> or https://t.me/+<invite>
        url: String,
        #[serde(default)]
        leave_instructions: String,
    },
    /// Not allowed: members see each other's numbers (seed art. 1.6).
    WhatsappGroup {
        #[serde(default)]
        name: String,
        #[serde(default)]
        invite_url: String,
    },
    /// Not allowed: members see each other (seed art. 1.6).
    TelegramGroup {
        #[serde(default)]
        name: String,
        #[serde(default)]
        url: String,
    },
}

pub(in crate::profile) fn yes() -> bool {
    true
}

impl Channel {
    pub fn kind(&self) -> &'static str {
        match self {
            Channel::WhatsappChannel { .. } => "whatsapp-channel",
            Channel::WhatsappBroadcast { .. } => "whatsapp-broadcast",
            Channel::TelegramChannel { .. } => "telegram-channel",
            Channel::WhatsappGroup { .. } => "whatsapp-group",
            Channel::TelegramGroup { .. } => "telegram-group",
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Channel::WhatsappChannel { name, .. }
            | Channel::WhatsappBroadcast { name, .. }
            | Channel::TelegramChannel { name, .. }
            | Channel::WhatsappGroup { name, .. }
            | Channel::TelegramGroup { name, .. } => name,
        }
    }

    /// Channel or broadcast list: no member can see another's number.
    pub fn is_one_way(&self) -> bool {
        !matches!(self, Channel::WhatsappGroup { .. } | Channel::TelegramGroup { .. })
    }

    /// Whether the platform uses the subscriber's phone number (consent art. 5.2).
    pub fn uses_phone_number(&self) -> bool {
        true
    }

    /// Whether joining puts the subscriber in the comune's contact list (consent art. 5.2).
    pub fn enters_contact_list(&self) -> bool {
        matches!(self, Channel::WhatsappBroadcast { .. })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Audience {
    pub kind: AudienceKind,
    /// How the policy describes its audience.
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AudienceKind {
    #[default]
    Citizens,
    /// Businesses, commerce and tourism (Sesto Calende).
    Businesses,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable id, lowercase with dashes.
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// The emergency category: exempt from service hours.
    #[serde(default)]
    pub emergency: bool,
    /// The article of the policy that allows it, e.g. "art. 2.1".
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ForbiddenContent {
    /// The checker's rule family this maps to (e.g. `political`, `advertising`, `offensive`),
    /// or a policy-specific id.
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub severity: Severity,
    /// The article of the policy that forbids it, e.g. "art. 2.2", "art. 4 lett. i".
    #[serde(default)]
    pub source: String,
}

// Also `Deserialize` outside tests: the checker's findings carry it (a unit enum costs little).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceHours {
    /// IANA time zone; only Europe/Rome is supported.
    #[serde(default = "europe_rome")]
    pub timezone: String,
    pub slots: Vec<TimeSlot>,
    /// Emergencies may be sent at any time ("in casi di necessità").
    #[serde(default = "yes")]
    pub emergency_exempt: bool,
    #[serde(default)]
    pub note: String,
}

pub(in crate::profile) fn europe_rome() -> String {
    "Europe/Rome".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeSlot {
    pub days: Vec<Weekday>,
    /// HH:MM, local time.
    pub from: String,
    /// HH:MM, local time, exclusive.
    pub to: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// 0 = Monday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ElectoralPeriod {
    /// YYYY-MM-DD, first day included.
    pub from: String,
    /// YYYY-MM-DD, last day included.
    pub to: String,
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Management {
    /// Who is responsible for the channel ("il Sindaco", "soggetti designati con decreto").
    pub responsible: String,
    /// Who may propose messages.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The most delegates the policy allows (Leini: 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_delegates: Option<u32>,
    /// The delegates designated so far (names or roles).
    #[serde(default)]
    pub delegates: Vec<String>,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpContact {
    /// Who answers (e.g. "Sportello al Cittadino").
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub toll_free: String,
    #[serde(default)]
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InstitutionalContacts {
    /// The comune's own domains (mail and web), e.g. "comune.seveso.mb.it".
    #[serde(default)]
    pub domains: Vec<String>,
    /// Mailboxes and PEC addresses that may appear in messages.
    #[serde(default)]
    pub emails: Vec<String>,
    /// The comune's phone numbers (offices, toll-free, the broadcast number).
    #[serde(default)]
    pub phones: Vec<String>,
    /// IBANs for payments to the comune.
    #[serde(default)]
    pub ibans: Vec<String>,
    /// Mayor, assessori, secretary...: named in messages in their public role.
    #[serde(default)]
    pub office_holders: Vec<OfficeHolder>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeHolder {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// The longest message the platform accepts, in characters.
    pub max_message_length: u32,
}

/// Per-comune tuning: switch rules off, ignore a finding, extend or relax lexicons.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckerSettings {
    /// Rule ids (or families, e.g. `link`) switched off.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// Single findings to ignore: a rule id and the exact matched text.
    #[serde(default)]
    pub ignore: Vec<IgnoredFinding>,
    /// Gulpease index under which readability warns (default 40; below 60 it informs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readability_threshold: Option<u32>,
    /// Extra terms per lexicon family, e.g. {"offensive": ["..."]}.
    #[serde(default)]
    pub extra_terms: std::collections::BTreeMap<String, Vec<String>>,
    /// Terms a family must not flag for this comune, e.g. a local place name.
    #[serde(default)]
    pub allowed_terms: std::collections::BTreeMap<String, Vec<String>>,
    /// Severity overrides per rule id.
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, Severity>,
    /// The comune's article for a rule id or family that `forbidden` does not list, cited by its
    /// findings, e.g. {"official-notice": "art. 2.6", "schedule": "art. 3"}.
    #[serde(default)]
    pub sources: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IgnoredFinding {
    pub rule: String,
    pub text: String,
    #[serde(default)]
    pub reason: String,
}
