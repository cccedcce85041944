//! The consent receipt: proof of what was agreed to, with no personal data, and the policy
//! version that makes an old receipt stale when the policy or the informativa change.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::i18n::Lang;
use crate::informativa;
use crate::profile::json::de::{variant, Fields};
use crate::profile::json::{value, Path};
use crate::profile::{Channel, Profile};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    pub profile_id: String,
    /// `sha256:<hex>` of everything read before consenting (see [`policy_version`]).
    pub policy_version: String,
    /// The profile's `policy.revision` consented to, when the profile numbers its revisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    pub lang: Lang,
    /// RFC 3339, UTC.
    pub consented_at: String,
    /// The acknowledgement ids given.
    pub acknowledgements: Vec<String>,
}

impl Receipt {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `None` for anything that is not a well-formed receipt: a stored receipt is the
    /// browser's, so a damaged one just means "ask again".
    /// Read with the profile's JSON reader: serde's derived `Deserialize` would add most of a
    /// JSON deserialiser to the widget's WASM for this one small object.
    pub fn from_json(json: &str) -> Option<Receipt> {
        let v = value::parse(json).ok()?;
        let f = Fields::open(&v, &Path::Root).ok()?;
        f.only(&["profile_id", "policy_version", "revision", "lang", "consented_at", "acknowledgements"]).ok()?;
        let lang = variant(f.get("lang")?, &Path::Root, &[("it", Lang::It), ("en", Lang::En)]).ok()?;
        let r = Receipt {
            profile_id: f.req("profile_id").ok()?,
            policy_version: f.req("policy_version").ok()?,
            revision: f.or_default("revision").ok()?,
            lang,
            consented_at: f.req("consented_at").ok()?,
            acknowledgements: f.req("acknowledgements").ok()?,
        };
        crate::time::Timestamp::parse_rfc3339(&r.consented_at).ok()?;
        Some(r)
    }
}

/// The parts of what a citizen reads before consenting, each hashed on its own so that
/// `validate` can say which one changed: the first step's summary (what the channel sends and
/// never sends, hours, audience, the channel's names and the policy's link), the policy's full
/// text, the informativa and the acknowledgements of the consent step.
pub const SECTIONS: [&str; 4] = ["summary", "articles", "informativa", "consent"];

/// Feeds one section's text, length-prefixed per part so that moving text between parts
/// changes the hash too, in both languages: a change in either asks again.
fn feed_section(h: &mut Sha256, section: &str, profile: &Profile, channel: Option<&Channel>) {
    let mut part = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    part(section);
    let pol = &profile.policy;
    if section == "articles" {
        part(&pol.title);
        part(&pol.approval.act);
        part(&pol.approval.number);
        part(&pol.approval.date);
        for a in &pol.articles {
            part(&a.number);
            part(&a.title);
            for p in &a.paragraphs {
                part(p);
            }
        }
        return;
    }
    for lang in [Lang::It, Lang::En] {
        let comune = informativa::display_comune(profile);
        match (section, channel) {
            ("summary", Some(c)) => {
                part(&pol.url);
                part(c.name());
                for choice in super::view::channel_choices(profile, &comune, lang) {
                    part(&choice.label);
                }
                for line in super::summary::summary(profile, c, &comune, lang) {
                    part(&line);
                }
            }
            ("informativa", _) => {
                let inf = informativa::build(profile, channel, lang);
                part(&informativa::render(&inf, informativa::Format::Text, lang));
            }
            ("consent", Some(c)) => {
                let platform = super::view::platform_name(c);
                for a in super::acks::acks_for(c, &comune, platform, &pol.consent_article, lang) {
                    part(a.id);
                    part(&a.label);
                    part(&a.source);
                    part(if a.required { "required" } else { "optional" });
                }
            }
            _ => {}
        }
    }
}

fn hex(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(7 + 2 * digest.len());
    out.push_str("sha256:");
    for &b in digest {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// The content hash a receipt carries: SHA-256 over every section a citizen reads before
/// consenting to `channel` ([`SECTIONS`]), in both languages. Any change to it asks for consent
/// again, unless the profile numbers its revisions (`policy.revision`): then the hash is kept
/// for the record and only a new revision asks again.
pub fn policy_version(profile: &Profile, channel: Option<&Channel>) -> String {
    let mut h = Sha256::new();
    h.update(b"banditore-policy-version-2");
    for section in SECTIONS {
        feed_section(&mut h, section, profile, channel);
    }
    hex(&h.finalize())
}

/// One hash per section over every channel a citizen may join: what `policy.revision_hashes`
/// records when a revision is cut (`banditore revision`), and what `validate` compares it with.
pub fn section_hashes(profile: &Profile) -> Vec<(&'static str, String)> {
    SECTIONS
        .iter()
        .map(|&section| {
            let mut h = Sha256::new();
            h.update(b"banditore-section-1");
            let mut any = false;
            for (_, c) in super::joinable_channels(profile) {
                feed_section(&mut h, section, profile, Some(c));
                any = true;
                if section == "articles" {
                    break; // the same for every channel
                }
            }
            if !any {
                feed_section(&mut h, section, profile, None);
            }
            (section, hex(&h.finalize()))
        })
        .collect()
}
