//! The pre-send checker: a draft and a profile in, a report out.
//!
//! Each rule family lives in its own file under `rules/` and implements [`Rule`]. Rules
//! report byte ranges of the original text; the engine applies the profile's settings
//! (rules switched off, findings ignored, severity overrides), converts ranges to UTF-16
//! for JS and sorts the findings.

pub mod checksum;
pub mod draft_json;
pub mod lexicon;
pub mod rules;
pub mod scan;
pub mod shared;
#[cfg(test)]
pub mod testing;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};
use crate::profile::{Profile, Severity};
use crate::text::{Folded, Normalised, Utf16Index};
use crate::time::{TimeError, Timestamp};

/// A message about to be sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Plain text with WhatsApp markup (`*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````).
    pub text: String,
    /// One of the profile's category ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// When it will be sent (RFC 3339); defaults to `now`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_at: Option<String>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// image, video, audio, document.
    pub kind: String,
    #[serde(default)]
    pub file_name: String,
    #[serde(default)]
    pub alt_text: String,
}

/// One problem in a draft. Field names are part of the public API (JSON and JS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `personal-data.phone`.
    pub rule: String,
    pub severity: Severity,
    /// UTF-16 code units, for JS.
    pub start: usize,
    pub end: usize,
    /// Bytes, for Rust.
    pub byte_start: usize,
    pub byte_end: usize,
    /// The matched text.
    pub text: String,
    pub message: String,
    /// What the finding rests on: "GDPR art. 9", "Disciplinare art. 2.2"...
    pub source: String,
    /// Replacement text for `text`, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// No finding is an error.
    pub can_send: bool,
}

/// What a rule reports: the engine turns it into a [`Finding`].
#[derive(Debug, Clone, PartialEq)]
pub struct RawFinding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Byte range in the original text (may be empty for whole-message findings at 0..0).
    pub range: std::ops::Range<usize>,
    pub message: Msg,
    pub source: String,
    pub fix: Option<String>,
}

impl RawFinding {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        range: std::ops::Range<usize>,
        message: Msg,
        source: impl Into<String>,
    ) -> Self {
        RawFinding { rule, severity, range, message, source: source.into(), fix: None }
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// Everything a rule may look at.
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub prepared: &'a Prepared,
    pub draft: &'a Draft,
    /// The text the rules read: the draft's with invisible chars dropped and look-alike spaces,
    /// hyphens, digits and letters made plain ([`crate::text::normal_char`]). Rules report
    /// ranges of this text; the engine maps them back to the draft's own characters.
    pub text: &'a str,
    /// The draft's text as written, for what depends on the very characters sent (its length).
    pub original: &'a str,
    pub(crate) normalised: &'a Normalised,
    /// Lowercased, accent-free text with a map back to `text`.
    pub folded: &'a Folded,
    /// The send time (the draft's `send_at`, or now).
    pub send_at: Timestamp,
    pub lang: Lang,
    /// Per-check work shared by several rules (lexicon matches, sentences, people).
    pub(crate) shared: shared::Shared,
}

impl Context<'_> {
    /// The matches of a built-in lexicon in the folded text, searched once per check, sorted by
    /// start (empty for a name that is not built in).
    pub fn lexicon(&self, name: &str) -> &[lexicon::LexMatch<'static>] {
        self.shared.lexicon(name, &self.folded.text).unwrap_or_default()
    }

    /// Whether a match of `section` of built-in lexicon `name` lies inside the original byte
    /// range `range` ("Ufficio Tributi" before a phone number).
    pub fn has_cue(&self, range: std::ops::Range<usize>, name: &str, section: &str) -> bool {
        let within = self.folded.to_folded(range.start)..self.folded.to_folded(range.end);
        shared::inside(self.lexicon(name), within).any(|m| m.section == section)
    }

    /// The offset in `text` of a byte offset of the draft's text as written.
    pub fn from_original(&self, original: usize) -> usize {
        self.normalised.to_normal(original)
    }

    /// What the editor wrote for a range of `text`.
    pub fn as_written(&self, range: std::ops::Range<usize>) -> &str {
        let r = self.normalised.to_original(self.original, range);
        self.original.get(r).unwrap_or_default()
    }

    /// Whether a range of `text` was written with invisible chars or look-alikes in it
    /// ("www.c\u{43e}mune.esempio.it" with a Cyrillic "о"): the rules read it as plain text, but
    /// what it points to is not what it reads as.
    pub fn disguised(&self, range: std::ops::Range<usize>) -> bool {
        !self.normalised.is_as_written() && self.text.get(range.clone()).is_some_and(|t| t != self.as_written(range))
    }

    /// Original byte range of a match found in `folded.text`.
    pub fn original(&self, folded_start: usize, folded_end: usize) -> std::ops::Range<usize> {
        let (s, e) = self.folded.to_original(folded_start, folded_end);
        s..e
    }

    /// The comune's article for a rule family ("Disciplinare Seveso art. 2.2"): from
    /// `checker.sources`, else from the forbidden family of that id; or the fallback.
    pub fn policy_source(&self, family: &str, fallback: &str) -> String {
        let article = self.profile.checker.sources.get(family).map(|s| s.trim()).filter(|s| !s.is_empty());
        article
            .or_else(|| {
                self.profile
                    .forbidden
                    .iter()
                    .find(|f| f.id == family && !f.source.is_empty())
                    .map(|f| f.source.as_str())
            })
            .map(|a| format!("{} {} {a}", self.policy_name(), self.profile.comune.name))
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// What the comune calls its policy, to cite it as the comune does: "Policy" (Concorezzo,
    /// Leini), "Regolamento", else "Disciplinare".
    pub fn policy_name(&self) -> &'static str {
        let title = self.profile.policy.title.trim_start().to_lowercase();
        if title.starts_with("policy") {
            "Policy"
        } else if title.starts_with("regolamento") {
            "Regolamento"
        } else {
            "Disciplinare"
        }
    }

    /// The profile's severity for a forbidden family, if it lists one.
    pub fn policy_severity(&self, family: &str) -> Option<Severity> {
        self.profile.forbidden.iter().find(|f| f.id == family).map(|f| f.severity)
    }
}

/// A rule family. `ids` lists every rule id it may emit.
pub trait Rule: Send + Sync {
    fn ids(&self) -> &'static [&'static str];
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>);
}

/// Per-profile data compiled once (extra and allowed terms, ignored findings).
pub struct Prepared {
    /// Per lexicon family: extra terms from the profile, compiled.
    pub extra: std::collections::BTreeMap<String, lexicon::Lexicon>,
    /// Per lexicon family: folded terms the family must not flag, sorted.
    pub allowed: std::collections::BTreeMap<String, Vec<String>>,
    /// `checker.ignore` as sorted (rule, text) pairs.
    pub ignored: Vec<(String, String)>,
}

/// Inserts `x` into the sorted `v` unless it is there. Both lists are asked for every match or
/// finding (tens of thousands on a hostile 64 KB text) and a profile may hold a thousand
/// entries, so they are searched by bisection. Built by insertion, once per profile, rather
/// than with a hash set, a B-tree set or a sort: each of those added 1.5-2.5 KB gzip to the
/// checker's WASM, which is at its 250 KB cap (measured on the wasm-checker build).
fn insert_sorted<T: Ord>(v: &mut Vec<T>, x: T) {
    if let Err(at) = v.binary_search(&x) {
        v.insert(at, x);
    }
}

impl Prepared {
    pub fn new(profile: &Profile) -> Self {
        let settings = &profile.checker;
        let extra = settings
            .extra_terms
            .iter()
            .map(|(family, terms)| (family.clone(), lexicon::Lexicon::from_terms(terms.iter().map(String::as_str))))
            .collect();
        let allowed = settings
            .allowed_terms
            .iter()
            .map(|(family, terms)| {
                let mut folded = Vec::new();
                terms.iter().for_each(|t| insert_sorted(&mut folded, Folded::new(t).text));
                (family.clone(), folded)
            })
            .collect();
        let mut ignored = Vec::new();
        settings.ignore.iter().for_each(|i| insert_sorted(&mut ignored, (i.rule.clone(), i.text.clone())));
        Prepared { extra, allowed, ignored }
    }

    /// Whether `folded_match` is a term the profile allows for `family`.
    pub fn is_allowed(&self, family: &str, folded_match: &str) -> bool {
        self.allowed.get(family).is_some_and(|terms| terms.binary_search_by(|t| t.as_str().cmp(folded_match)).is_ok())
    }

    /// Whether the profile ignores `rule`'s finding on exactly `text`.
    pub fn is_ignored(&self, rule: &str, text: &str) -> bool {
        self.ignored.binary_search_by(|(r, t)| (r.as_str(), t.as_str()).cmp(&(rule, text))).is_ok()
    }
}

/// The longest text the checker examines, in bytes: 65,536 characters (WhatsApp's limit, the
/// longest any platform accepts) of up to 4 bytes each. A longer text gets one error,
/// `checker.too-long`, and no rule runs (issue 12).
pub const MAX_INPUT_BYTES: usize = 65_536 * 4;

/// The rule id of a text longer than [`MAX_INPUT_BYTES`].
pub const TOO_LONG: &str = "checker.too-long";

/// A checker bound to one profile: build it once, call `check` on every keystroke.
pub struct Checker {
    profile: Arc<Profile>,
    prepared: Prepared,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CheckError {
    Time(TimeError),
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::Time(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CheckError {}

impl Checker {
    pub fn new(profile: Profile) -> Self {
        let prepared = Prepared::new(&profile);
        Checker { profile: Arc::new(profile), prepared }
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Checks a draft. `now` is used when the draft has no `send_at`.
    pub fn check(&self, draft: &Draft, now: Timestamp, lang: Lang) -> Result<Report, CheckError> {
        let send_at = match &draft.send_at {
            Some(s) if !s.trim().is_empty() => Timestamp::parse_rfc3339(s).map_err(CheckError::Time)?,
            _ => now,
        };
        if draft.text.len() > MAX_INPUT_BYTES {
            return Ok(self.too_long(draft.text.len(), lang));
        }
        let normalised = Normalised::new(&draft.text);
        let folded = Folded::new(&normalised.text);
        let ctx = Context {
            profile: &self.profile,
            prepared: &self.prepared,
            draft,
            text: &normalised.text,
            original: &draft.text,
            normalised: &normalised,
            folded: &folded,
            send_at,
            lang,
            shared: shared::Shared::new(),
        };
        let mut raw = Vec::new();
        for rule in rules::all() {
            if rule.ids().iter().all(|id| self.is_disabled(id)) {
                continue;
            }
            rule.check(&ctx, &mut raw);
        }
        for r in &mut raw {
            r.range = normalised.to_original(&draft.text, r.range.clone());
        }
        Ok(self.finish(&draft.text, raw, lang))
    }

    /// A text longer than [`MAX_INPUT_BYTES`]: one error, and no rule run on it. No platform
    /// accepts such a message, so nothing it could be sent as goes unchecked; the gate stays
    /// closed and the editor is told why, instead of waiting on a check of megabytes.
    fn too_long(&self, n: usize, lang: Lang) -> Report {
        let message = Msg::new(
            format!("Il messaggio è di {n} byte: oltre {MAX_INPUT_BYTES} il controllo non lo esamina e nessuna piattaforma lo accetta. Accorcialo o dividilo."),
            format!("The message is {n} bytes long: beyond {MAX_INPUT_BYTES} it is not checked, and no platform accepts it. Shorten or split it."),
        );
        let max = self.profile.platform.max_message_length;
        // Built here, not by `finish`: no profile can switch it off or ignore it, since the text
        // was not checked at all.
        let finding = Finding {
            rule: TOO_LONG.to_owned(),
            severity: Severity::Error,
            start: 0,
            end: 0,
            byte_start: 0,
            byte_end: 0,
            text: String::new(),
            message: message.get(lang).to_owned(),
            source: format!("Limite della piattaforma ({max} caratteri)"),
            fix: None,
        };
        Report { findings: vec![finding], can_send: false }
    }

    fn is_disabled(&self, id: &str) -> bool {
        self.profile
            .checker
            .disabled_rules
            .iter()
            .any(|d| id == d || id.strip_prefix(d.as_str()).is_some_and(|rest| rest.starts_with('.')))
    }

    fn finish(&self, text: &str, raw: Vec<RawFinding>, lang: Lang) -> Report {
        let index = Utf16Index::new(text);
        let settings = &self.profile.checker;
        let mut findings: Vec<Finding> = raw
            .into_iter()
            .filter(|r| !self.is_disabled(r.rule))
            .filter_map(|r| {
                let matched = text.get(r.range.clone()).unwrap_or_default();
                if self.prepared.is_ignored(r.rule, matched) {
                    return None;
                }
                let severity = settings.severity.get(r.rule).copied().unwrap_or(r.severity);
                Some(Finding {
                    rule: r.rule.to_owned(),
                    severity,
                    start: index.to_utf16(r.range.start),
                    end: index.to_utf16(r.range.end),
                    byte_start: r.range.start,
                    byte_end: r.range.end,
                    text: matched.to_owned(),
                    message: r.message.get(lang).to_owned(),
                    source: r.source,
                    fix: r.fix,
                })
            })
            .collect();
        findings.sort_by(|a, b| {
            (a.byte_start, std::cmp::Reverse(a.severity), &a.rule).cmp(&(
                b.byte_start,
                std::cmp::Reverse(b.severity),
                &b.rule,
            ))
        });
        findings.dedup_by(|a, b| a.rule == b.rule && a.byte_start == b.byte_start && a.byte_end == b.byte_end);
        let can_send = !findings.iter().any(|f| f.severity == Severity::Error);
        Report { findings, can_send }
    }
}

/// One-shot convenience: `check(profile, draft, now)`.
pub fn check(profile: &Profile, draft: &Draft, now: Timestamp, lang: Lang) -> Result<Report, CheckError> {
    Checker::new(profile.clone()).check(draft, now, lang)
}
