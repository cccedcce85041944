//! WhatsApp: channel invites and click-to-chat links.

use super::{err, percent_encode, split_https, LinkError, PhoneNumber};

/// Validates a WhatsApp channel invite (`https://whatsapp.com/channel/<code>`, also with `www.`)
/// and returns it in canonical form.
pub fn whatsapp_channel_invite(url: &str) -> Result<String, LinkError> {
    let (host, path) = split_https(url)?;
    if host != "whatsapp.com" && host != "www.whatsapp.com" {
        return Err(err(
            format!("il link del canale WhatsApp deve essere https://whatsapp.com/channel/<codice>, non {url:?}"),
            format!("a WhatsApp channel link must be https://whatsapp.com/channel/<code>, not {url:?}"),
        ));
    }
    let code = path.strip_prefix("/channel/").map(|c| c.trim_end_matches('/')).unwrap_or("");
    // Invite codes are 24 letters and digits today; allow some slack, but nothing else.
    if !(16..=40).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(err(
            format!("codice del canale WhatsApp non valido in {url:?}: serve https://whatsapp.com/channel/<codice>"),
            format!("invalid WhatsApp channel code in {url:?}: expected https://whatsapp.com/channel/<code>"),
        ));
    }
    Ok(format!("https://whatsapp.com/channel/{code}"))
}

/// `https://wa.me/<digits>?text=<message>`: opens a chat with the number, the message typed in.
pub fn wa_me(number: &PhoneNumber, text: Option<&str>) -> String {
    match text {
        Some(t) if !t.trim().is_empty() => format!("https://wa.me/{}?text={}", number.digits, percent_encode(t.trim())),
        _ => format!("https://wa.me/{}", number.digits),
    }
}
