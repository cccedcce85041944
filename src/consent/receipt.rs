//! The consent receipt: proof of what was agreed to, with no personal data, and the policy
//! version that makes an old receipt stale when the policy or the informativa change.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::i18n::Lang;
use crate::informativa;
use crate::profile::{Channel, Profile};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    pub fn from_json(json: &str) -> Option<Receipt> {
        let r: Receipt = serde_json::from_str(json).ok()?;
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
