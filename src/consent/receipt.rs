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
    /// `sha256:<hex>` of the policy and informativa texts (see [`policy_version`]).
    pub policy_version: String,
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
        f.only(&["profile_id", "policy_version", "lang", "consented_at", "acknowledgements"]).ok()?;
        let lang = variant(f.get("lang")?, &Path::Root, &[("it", Lang::It), ("en", Lang::En)]).ok()?;
        let r = Receipt {
            profile_id: f.req("profile_id").ok()?,
            policy_version: f.req("policy_version").ok()?,
            lang,
            consented_at: f.req("consented_at").ok()?,
            acknowledgements: f.req("acknowledgements").ok()?,
        };
        crate::time::Timestamp::parse_rfc3339(&r.consented_at).ok()?;
        Some(r)
    }
}

/// SHA-256 over the policy's full text and the informativa in both languages, each part
/// length-prefixed so that moving text between parts changes the hash too. Everything the
/// citizen was asked to read is in it; any change to it asks for consent again.
pub fn policy_version(profile: &Profile, channel: Option<&Channel>) -> String {
    let mut h = Sha256::new();
    let mut part = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    part("banditore-policy-version-1");
    let pol = &profile.policy;
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
    for lang in [Lang::It, Lang::En] {
        let inf = informativa::build(profile, channel, lang);
        part(&informativa::render(&inf, informativa::Format::Text, lang));
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}
