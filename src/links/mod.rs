//! Join links: WhatsApp channel invites, wa.me click-to-chat, vCards for broadcast numbers,
//! Telegram links, and how to leave each kind of channel.
//!
//! Everything here validates what a profile says before a citizen is sent to it: a typo in an
//! invite link would send people to a stranger's channel or nowhere.

mod phone;
mod telegram;
mod unsubscribe;
mod vcard;
mod whatsapp;

pub use phone::{display_italian, normalize_phone, PhoneNumber};
pub use telegram::{parse_telegram, TelegramLink};
pub use unsubscribe::unsubscribe_steps;
pub use vcard::{vcard, vcard_file_name};
pub use whatsapp::{wa_me, whatsapp_channel_invite};

use crate::i18n::Msg;

/// Why a link or number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError(pub Msg);

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.0.it, self.0.en)
    }
}

impl std::error::Error for LinkError {}

pub(crate) fn err(it: impl Into<String>, en: impl Into<String>) -> LinkError {
    LinkError(Msg::new(it, en))
}

/// Splits `https://host/path` into lowercase host and path, refusing anything but https,
/// credentials, ports and fragments: an invite link is a plain https address.
pub(crate) fn split_https(url: &str) -> Result<(String, &str), LinkError> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").ok_or_else(|| {
        err(format!("il link {url:?} deve iniziare con https://"), format!("link {url:?} must start with https://"))
    })?;
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() || host.contains(['@', ':']) || path.contains('#') {
        return Err(err(format!("link non valido: {url:?}"), format!("invalid link: {url:?}")));
    }
    Ok((host.to_ascii_lowercase(), path))
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are; a space
/// becomes `%20`, which every WhatsApp client reads, unlike `+`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}
