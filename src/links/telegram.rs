//! Telegram links: a public channel's username, a private invite, or a phone number.

use super::{err, normalize_phone, split_https, LinkError, PhoneNumber};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TelegramLink {
    /// `https://t.me/<username>`: anyone can find and join.
    Public { username: String, url: String },
    /// `https://t.me/+<code>` or the older `https://t.me/joinchat/<code>`: only people with the link.
    PrivateInvite { code: String, url: String },
    /// `https://t.me/+<digits>`: a person's account by phone number, not a channel.
    Phone { number: PhoneNumber, url: String },
}

impl TelegramLink {
    pub fn url(&self) -> &str {
        match self {
            TelegramLink::Public { url, .. }
            | TelegramLink::PrivateInvite { url, .. }
            | TelegramLink::Phone { url, .. } => url,
        }
    }
}

/// Tells the three kinds apart and returns each in canonical `https://t.me/...` form.
pub fn parse_telegram(url: &str) -> Result<TelegramLink, LinkError> {
    let (host, path) = split_https(url)?;
    if !matches!(host.as_str(), "t.me" | "telegram.me" | "www.t.me" | "www.telegram.me") {
        return Err(err(
            format!("il link Telegram deve essere https://t.me/..., non {url:?}"),
            format!("a Telegram link must be https://t.me/..., not {url:?}"),
        ));
    }
    if path.contains('?') {
        return Err(err(
            format!("link Telegram con parametri non supportato: {url:?}"),
            format!("Telegram link with a query is not supported: {url:?}"),
        ));
    }
    let path = path.trim_start_matches('/').trim_end_matches('/');
    let code_ok = |c: &str| {
        !c.is_empty() && c.len() <= 64 && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    if let Some(rest) = path.strip_prefix('+') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            let number = normalize_phone(&format!("+{rest}"))?;
            let url = format!("https://t.me/+{}", number.digits);
            return Ok(TelegramLink::Phone { number, url });
        }
        if code_ok(rest) {
            return Ok(TelegramLink::PrivateInvite { code: rest.to_owned(), url: format!("https://t.me/+{rest}") });
        }
    } else if let Some(code) = path.strip_prefix("joinchat/") {
        if code_ok(code) {
            return Ok(TelegramLink::PrivateInvite { code: code.to_owned(), url: format!("https://t.me/+{code}") });
        }
    } else if is_username(path) {
        return Ok(TelegramLink::Public { username: path.to_owned(), url: format!("https://t.me/{path}") });
    }
    Err(err(
        format!("link Telegram non riconosciuto: {url:?} (servono https://t.me/<nome>, https://t.me/+<invito> o https://t.me/joinchat/<invito>)"),
        format!("unrecognised Telegram link: {url:?} (expected https://t.me/<username>, https://t.me/+<invite> or https://t.me/joinchat/<invite>)"),
    ))
}

/// Telegram usernames: 5-32 characters, letters, digits and underscores, starting with a letter,
/// not ending with an underscore.
fn is_username(s: &str) -> bool {
    let b = s.as_bytes();
    (5..=32).contains(&b.len())
        && b[0].is_ascii_alphabetic()
        && b[b.len() - 1] != b'_'
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}
