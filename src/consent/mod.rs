//! The consent flow as a state machine: policy → informativa → consent → join, plus decline
//! and revoke; and the receipt it leaves behind.
//!
//! Consent is free (nothing pre-ticked), optional (declining is a normal end) and revocable
//! (seed art. 6.2). An invalid transition is an error that leaves the state unchanged.

pub mod acks;
mod join;
mod receipt;
mod summary;
pub mod view;

pub use acks::Ack;
pub use join::{join, Join};
pub use receipt::{policy_version, section_hashes, Receipt, SECTIONS};
pub use view::View;

use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::profile::{Channel, Profile, ProfileIssue};
use crate::time::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Policy,
    Informativa,
    Consent,
    Join,
    Declined,
    Revoked,
}

impl Step {
    pub fn name(self) -> &'static str {
        match self {
            Step::Policy => "policy",
            Step::Informativa => "informativa",
            Step::Consent => "consent",
            Step::Join => "join",
            Step::Declined => "declined",
            Step::Revoked => "revoked",
        }
    }
}

/// Why a transition was refused. `code`: `invalid-transition`, `unknown-ack` or `missing-ack`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowError {
    pub code: &'static str,
    pub message: Msg,
}

impl std::fmt::Display for FlowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message.it, self.message.en)
    }
}

impl std::error::Error for FlowError {}

/// The channels a citizen may join (the one-way ones), with their index in the profile.
pub fn joinable_channels(profile: &Profile) -> impl Iterator<Item = (usize, &Channel)> {
    profile.channels.iter().enumerate().filter(|(_, c)| c.is_one_way())
}

/// The first one-way channel of the profile, the one a citizen is offered first, with its index.
pub fn primary_channel(profile: &Profile) -> Option<(usize, &Channel)> {
    joinable_channels(profile).next()
}

/// One citizen's way through the consent flow for one profile.
#[derive(Debug, Clone)]
pub struct Flow {
    lang: Lang,
    step: Step,
    profile_id: String,
    channel_index: usize,
    choices: Vec<view::ChannelChoice>,
    version: String,
    comune: crate::informativa::ComuneName,
    acks: Vec<Ack>,
    checked: Vec<bool>,
    receipt: Option<Receipt>,
    policy_changed: bool,
    /// `policy.revision`: when set, it alone decides whether a saved receipt is current.
    revision: Option<u32>,
    revision_message: String,
    fixed: view::Fixed,
}

impl Flow {
    /// `saved`: a receipt from an earlier visit (JSON). If it matches this profile and the
    /// current policy version the flow starts at the join step; if the policy changed since,
    /// it starts over with `policy_changed`; a malformed or foreign receipt is ignored.
    /// The flow offers the primary channel, or the one the saved receipt was given for.
    pub fn new(profile: &Profile, lang: Lang, saved: Option<&str>) -> Result<Flow, Vec<ProfileIssue>> {
        let (idx, _) = primary_channel(profile).ok_or_else(|| {
            vec![ProfileIssue::error(
                "$.channels",
                "nessun canale a senso unico (canale o lista broadcast) a cui iscriversi",
                "no one-way channel (channel or broadcast list) to join",
            )]
        })?;
        let mut flow = Flow::for_channel(profile, idx, lang)?;
        let Some(r) = saved.and_then(Receipt::from_json).filter(|r| r.profile_id == flow.profile_id) else {
            return Ok(flow);
        };
        // A receipt names no channel: its policy version (which covers the channel's
        // informativa) tells which one the citizen joined.
        if !flow.is_current(&r) {
            let other = joinable_channels(profile)
                .find(|&(i, c)| i != idx && policy_version(profile, Some(c)) == r.policy_version);
            if let Some((i, _)) = other {
                flow = Flow::for_channel(profile, i, lang)?;
            }
        }
        flow.restore(r);
        Ok(flow)
    }

    /// A flow for the channel at `index` in the profile's `channels` (a one-way channel).
    pub fn for_channel(profile: &Profile, index: usize, lang: Lang) -> Result<Flow, Vec<ProfileIssue>> {
        let path = format!("$.channels[{index}]");
        let channel = profile.channels.get(index).filter(|c| c.is_one_way()).ok_or_else(|| {
            vec![ProfileIssue::error(
                path.clone(),
                "non è un canale a senso unico a cui ci si possa iscrivere",
                "not a one-way channel one can join",
            )]
        })?;
        let comune = crate::informativa::display_comune(profile);
        let name =
            if channel.name().trim().is_empty() { comune.bare.clone() } else { channel.name().trim().to_owned() };
        let join = join::join(channel, &path, &name, &comune.bare, lang).map_err(|e| vec![e])?;
        let version = policy_version(profile, Some(channel));
        let acks =
            acks::acks_for(channel, &comune, view::platform_name(channel), &profile.policy.consent_article, lang);
        Ok(Flow {
            lang,
            step: Step::Policy,
            profile_id: profile.id.clone(),
            channel_index: index,
            choices: view::channel_choices(profile, &comune, lang),
            checked: vec![false; acks.len()],
            acks,
            receipt: None,
            policy_changed: false,
            revision: profile.policy.revision,
            revision_message: profile.policy.revision_message.trim().to_owned(),
            fixed: view::fixed(profile, channel, join, &comune, lang),
            comune,
            version,
        })
    }

    /// A profile that numbers its revisions re-asks only on a new revision (a typo fix keeps
    /// consents); one that does not re-asks on any change to what the citizen read. A receipt
    /// from before the comune numbered its revisions holds while the content is the same.
    fn is_current(&self, r: &Receipt) -> bool {
        match (self.revision, r.revision) {
            (Some(rev), Some(given)) => given == rev,
            _ => r.policy_version == self.version,
        }
    }

    fn restore(&mut self, r: Receipt) {
        if !self.is_current(&r) {
            self.policy_changed = true;
            return;
        }
        for (a, c) in self.acks.iter().zip(self.checked.iter_mut()) {
            *c = r.acknowledgements.iter().any(|g| g == a.id);
        }
        if self.all_required_checked() {
            self.step = Step::Join;
            self.receipt = Some(r);
        } else {
            // Same text, but an acknowledgement added since: ask again.
            self.checked.iter_mut().for_each(|c| *c = false);
            self.policy_changed = true;
        }
    }

    /// Offers another of the profile's channels instead. Only on the first step: the
    /// informativa and the acknowledgements that follow depend on the channel.
    pub fn select_channel(&mut self, profile: &Profile, index: usize) -> Result<(), FlowError> {
        if self.step != Step::Policy {
            return Err(self.invalid_from("selectChannel"));
        }
        if index == self.channel_index {
            return Ok(());
        }
        let mut next = Flow::for_channel(profile, index, self.lang).map_err(|issues| {
            let m = issues.into_iter().next().map(|i| i.message);
            FlowError {
                code: "unknown-channel",
                message: m.unwrap_or_else(|| Msg::new("canale sconosciuto", "unknown channel")),
            }
        })?;
        next.policy_changed = self.policy_changed;
        *self = next;
        Ok(())
    }

    /// The index in the profile's `channels` of the channel this flow offers.
    pub fn channel_index(&self) -> usize {
        self.channel_index
    }

    pub fn step(&self) -> Step {
        self.step
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn policy_version(&self) -> &str {
        &self.version
    }

    pub fn acks(&self) -> &[Ack] {
        &self.acks
    }

    /// Whether the comune has published the join link yet.
    pub fn join_available(&self) -> bool {
        self.fixed.join.available
    }

    pub fn receipt(&self) -> Option<&Receipt> {
        self.receipt.as_ref()
    }

    pub fn policy_changed(&self) -> bool {
        self.policy_changed
    }

    pub fn can_back(&self) -> bool {
        matches!(self.step, Step::Informativa | Step::Consent | Step::Declined)
    }

    pub fn can_next(&self) -> bool {
        matches!(self.step, Step::Policy | Step::Informativa)
    }

    pub fn can_decline(&self) -> bool {
        matches!(self.step, Step::Policy | Step::Informativa | Step::Consent)
    }

    pub fn can_consent(&self) -> bool {
        self.step == Step::Consent && self.all_required_checked() && self.fixed.join.available
    }

    fn all_required_checked(&self) -> bool {
        self.acks.iter().zip(&self.checked).all(|(a, c)| !a.required || *c)
    }

    /// The step after this one. Not an iterator: it can fail, and it mutates the flow.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Step, FlowError> {
        self.step = match self.step {
            Step::Policy => Step::Informativa,
            Step::Informativa => Step::Consent,
            Step::Consent => {
                return Err(self.invalid(
                    "per proseguire conferma le dichiarazioni e premi il pulsante di consenso, oppure rinuncia",
                    "to go on, confirm the statements and give consent, or decline",
                ))
            }
            _ => return Err(self.invalid_from("next")),
        };
        Ok(self.step)
    }

    pub fn back(&mut self) -> Result<Step, FlowError> {
        self.step = match self.step {
            Step::Informativa => Step::Policy,
            Step::Consent => Step::Informativa,
            Step::Declined => Step::Consent,
            _ => return Err(self.invalid_from("back")),
        };
        Ok(self.step)
    }

    pub fn set_ack(&mut self, id: &str, checked: bool) -> Result<(), FlowError> {
        if self.step != Step::Consent {
            return Err(self.invalid_from("setAck"));
        }
        let i = self.acks.iter().position(|a| a.id == id).ok_or_else(|| FlowError {
            code: "unknown-ack",
            message: Msg::new(format!("dichiarazione sconosciuta: {id:?}"), format!("unknown acknowledgement: {id:?}")),
        })?;
        self.checked[i] = checked;
        Ok(())
    }

    pub fn consent(&mut self, now: Timestamp) -> Result<&Receipt, FlowError> {
        if self.step != Step::Consent {
            return Err(self.invalid_from("consent"));
        }
        if !self.fixed.join.available {
            return Err(FlowError {
                code: "channel-unavailable",
                message: Msg::new(self.fixed.join.unavailable.clone(), self.fixed.join.unavailable.clone()),
            });
        }
        let missing: Vec<&str> =
            self.acks.iter().zip(&self.checked).filter(|(a, c)| a.required && !**c).map(|(a, _)| a.id).collect();
        if !missing.is_empty() {
            return Err(FlowError {
                code: "missing-ack",
                message: Msg::new(
                    format!("per iscriversi servono tutte le dichiarazioni; mancano: {}", missing.join(", ")),
                    format!("joining needs every acknowledgement; missing: {}", missing.join(", ")),
                ),
            });
        }
        let receipt = Receipt {
            profile_id: self.profile_id.clone(),
            policy_version: self.version.clone(),
            revision: self.revision,
            lang: self.lang,
            consented_at: now.to_rfc3339(),
            acknowledgements: self
                .acks
                .iter()
                .zip(&self.checked)
                .filter(|(_, c)| **c)
                .map(|(a, _)| a.id.to_owned())
                .collect(),
        };
        self.step = Step::Join;
        self.policy_changed = false;
        Ok(self.receipt.insert(receipt))
    }

    pub fn decline(&mut self) -> Result<Step, FlowError> {
        if !self.can_decline() {
            return Err(self.invalid_from("decline"));
        }
        self.clear();
        self.step = Step::Declined;
        Ok(self.step)
    }

    pub fn revoke(&mut self) -> Result<Step, FlowError> {
        if self.step != Step::Join {
            return Err(self.invalid_from("revoke"));
        }
        self.clear();
        self.step = Step::Revoked;
        Ok(self.step)
    }

    /// From an end (declined, revoked) back to the start.
    pub fn restart(&mut self) -> Result<Step, FlowError> {
        if !matches!(self.step, Step::Declined | Step::Revoked) {
            return Err(self.invalid_from("restart"));
        }
        self.step = Step::Policy;
        Ok(self.step)
    }

    fn clear(&mut self) {
        self.checked.iter_mut().for_each(|c| *c = false);
        self.receipt = None;
    }

    fn invalid(&self, it: &str, en: &str) -> FlowError {
        FlowError { code: "invalid-transition", message: Msg::new(it, en) }
    }

    fn invalid_from(&self, action: &str) -> FlowError {
        let s = self.step.name();
        FlowError {
            code: "invalid-transition",
            message: Msg::new(
                format!("operazione «{action}» non consentita al passo «{s}»"),
                format!("{action}() is not allowed at step \"{s}\""),
            ),
        }
    }

    pub fn view(&self) -> View<'_> {
        let f = &self.fixed;
        View {
            step: self.step,
            lang: self.lang,
            policy_changed: self.policy_changed,
            can_back: self.can_back(),
            can_next: self.can_next(),
            can_decline: self.can_decline(),
            comune: &f.comune,
            channel: &f.channel,
            channels: self
                .choices
                .iter()
                .map(|c| view::ChannelOption {
                    index: c.index,
                    kind: c.kind,
                    platform: c.platform,
                    label: &c.label,
                    selected: c.index == self.channel_index,
                })
                .collect(),
            policy: &f.policy,
            informativa: &f.informativa,
            consent: view::consent_view(&self.acks, &self.checked, self.can_consent(), &self.comune, self.lang),
            join: if self.step == Step::Join {
                std::borrow::Cow::Owned(join::with_qr(&f.join))
            } else {
                std::borrow::Cow::Borrowed(&f.join)
            },
            unsubscribe: &f.unsubscribe,
            help: &f.help,
            official: &f.official,
            messages: view::messages(&self.comune, self.policy_changed, &self.revision_message, self.lang),
            receipt: self.receipt.as_ref(),
        }
    }
}
