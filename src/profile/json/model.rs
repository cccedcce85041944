//! `FromJson` and `Texts` for every type of the profile model, from one field list per type.
//! The lists mirror the serde attributes in `profile/model.rs` (required, `default`,
//! `default = "fn"`, `rename`); the agreement test proves both read every profile alike.

use super::de::{unknown_variant, variant, Fields, FromJson, Result};
use super::texts::{no_texts, Texts};
use super::value::Value;
use super::Path;
use crate::profile::model::{europe_rome, yes};
use crate::profile::*;

macro_rules! key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident as $key:literal) => {
        $key
    };
}

macro_rules! read {
    ($f:ident, $key:expr, req) => {
        $f.req($key)
    };
    ($f:ident, $key:expr, default) => {
        $f.or_default($key)
    };
    ($f:ident, $key:expr, default = $def:path) => {
        $f.or_else($key, $def)
    };
}

/// A struct with `deny_unknown_fields`: `field: req`, `field: default`, `field: default = fn`,
/// `field as "json-name": ...`.
macro_rules! object {
    ($ty:ident { $($field:ident $(as $key:literal)?: $how:ident $(= $def:path)?),* $(,)? }) => {
        impl FromJson for $ty {
            // One function per struct: smaller WASM than LLVM's inlining into the parent (~1 KB gzipped).
            #[inline(never)]
            fn from_json(v: &Value, path: &Path) -> Result<Self> {
                let f = Fields::open(v, path)?;
                f.only(&[$(key!($field $(as $key)?)),*])?;
                Ok($ty { $($field: read!(f, key!($field $(as $key)?), $how $(= $def)?)?),* })
            }
        }

        impl Texts for $ty {
            fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str)) {
                $(self.$field.texts(&path.key(key!($field $(as $key)?)), f);)*
            }
        }
    };
}

/// An enum of unit variants written as strings.
macro_rules! unit_enum {
    ($ty:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl FromJson for $ty {
            fn from_json(v: &Value, path: &Path) -> Result<Self> {
                variant(v, path, &[$(($name, $ty::$variant)),*])
            }
        }

        no_texts!($ty);
    };
}

/// An internally tagged enum (`#[serde(tag = "...")]`) of struct variants that deny unknown fields.
macro_rules! tagged_enum {
    ($ty:ident, $tag:literal {
        $($name:literal => $variant:ident { $($field:ident: $how:ident $(= $def:path)?),* $(,)? }),* $(,)?
    }) => {
        impl FromJson for $ty {
            fn from_json(v: &Value, path: &Path) -> Result<Self> {
                let f = Fields::open(v, path)?;
                let tag: String = f.req($tag)?;
                match tag.as_str() {
                    $($name => {
                        f.only(&[$tag, $(stringify!($field)),*])?;
                        Ok($ty::$variant { $($field: read!(f, stringify!($field), $how $(= $def)?)?),* })
                    })*
                    _ => Err(unknown_variant(f.get($tag).unwrap_or(v), &path.key($tag), &[$($name),*])),
                }
            }
        }

        impl Texts for $ty {
            fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str)) {
                match self {
                    $($ty::$variant { $($field),* } => { $($field.texts(&path.key(stringify!($field)), f);)* })*
                }
            }
        }
    };
}

object!(Profile {
    schema as "$schema": default,
    format: default,
    id: req,
    comune: req,
    policy: req,
    privacy: req,
    channels: req,
    audience: req,
    categories: req,
    forbidden: req,
    service_hours: default,
    electoral_periods: default,
    management: req,
    help: req,
    institutional_contacts: default,
    platform: req,
    checker: default,
    notes: default,
    translations: default,
});

/// The widget's bundle (no `translations` feature) accepts the field without reading it: its script
/// applies the page language's map before the WASM reads the profile, and the map's pointers are
/// checked by every other build (CLI, builder). Reading it typed cost the capped bundle 1.3 KB
/// gzipped (BENCHMARKS.md, issue 14).
impl FromJson for Translations {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        #[cfg(feature = "translations")]
        return FromJson::from_json(v, path).map(Translations);
        #[cfg(not(feature = "translations"))]
        {
            let _ = (v, path);
            Ok(Translations::default())
        }
    }
}

no_texts!(Translations);

object!(Comune {
    name: req,
    official_name: default,
    province: req,
    province_name: default,
    website: default,
    pec: default,
    albo_pretorio_url: default,
    amministrazione_trasparente_url: default,
    tax_code: default,
});

object!(Policy {
    title: req,
    approval: default,
    social_policy_url: default,
    url: default,
    consent_article: default,
    articles: req,
    revision: default,
    revision_message: default,
    revision_hashes: default,
});

object!(Approval { act: default, number: default, date: default });

object!(Article { number: req, title: req, paragraphs: req });

object!(Privacy {
    controller: req,
    dpo: default,
    purposes: req,
    legal_basis: req,
    legal_basis_note: default,
    retention: req,
    recipients: default,
    platform_provider: default,
    not_disseminated: default,
    transfers_outside_eu: default,
    end_to_end_encrypted: req,
    provision_optional: req,
    automated_decision_making: default,
    supervisory_authority: default,
    informativa_url: default,
});

unit_enum!(LegalBasis { "consent" => Consent, "public-task" => PublicTask });

object!(Party { name: default, address: default, email: default, pec: default, phone: default, url: default });

tagged_enum!(Channel, "kind" {
    "whatsapp-channel" => WhatsappChannel {
        name: default,
        invite_url: req,
        info_url: default,
        leave_instructions: default,
    },
    "whatsapp-broadcast" => WhatsappBroadcast {
        name: default,
        number: req,
        subscribe_keyword: req,
        unsubscribe_keyword: req,
        save_contact_required: default = yes,
        leave_instructions: default,
    },
    "telegram-channel" => TelegramChannel { name: default, url: req, leave_instructions: default },
    "whatsapp-group" => WhatsappGroup { name: default, invite_url: default },
    "telegram-group" => TelegramGroup { name: default, url: default },
});

object!(Audience { kind: req, description: default });

unit_enum!(AudienceKind { "citizens" => Citizens, "businesses" => Businesses });

object!(Category { id: req, label: req, description: default, emergency: default, source: default });

object!(ForbiddenContent { id: req, label: req, description: default, severity: req, source: default });

unit_enum!(Severity { "info" => Info, "warning" => Warning, "error" => Error });

object!(ServiceHours { timezone: default = europe_rome, slots: req, emergency_exempt: default = yes, note: default });

object!(TimeSlot { days: req, from: req, to: req });

unit_enum!(Weekday {
    "mon" => Mon,
    "tue" => Tue,
    "wed" => Wed,
    "thu" => Thu,
    "fri" => Fri,
    "sat" => Sat,
    "sun" => Sun,
});

object!(ElectoralPeriod { from: req, to: req, label: req });

object!(Management { responsible: req, roles: default, max_delegates: default, delegates: default, source: default });

object!(HelpContact { name: default, email: default, phone: default, toll_free: default, url: default });

object!(InstitutionalContacts {
    domains: default,
    emails: default,
    phones: default,
    ibans: default,
    office_holders: default,
});

object!(OfficeHolder { name: req, role: req });

object!(Platform { max_message_length: req });

object!(CheckerSettings {
    disabled_rules: default,
    ignore: default,
    readability_threshold: default,
    extra_terms: default,
    allowed_terms: default,
    severity: default,
    sources: default,
});

object!(IgnoredFinding { rule: req, text: req, reason: default });
