//! Format checks for single values: URLs, e-mails, phone numbers, ids, dates, IBANs.
//! Each returns why a value is wrong, in Italian and English, so every area reports alike.

use crate::i18n::Msg;

pub type Check<T = ()> = Result<T, Msg>;

fn bad(it: impl Into<String>, en: impl Into<String>) -> Msg {
    Msg::new(it, en)
}

/// A URL that passed `https_url`, split so callers can check host and path.
#[derive(Debug, PartialEq, Eq)]
pub struct Url {
    /// Lowercase, without port.
    pub host: String,
    /// Everything after the host (and port): path, query, fragment; may be empty.
    pub rest: String,
}

/// Only `https:` links are accepted: `http:` travels in clear, and `javascript:`, `data:` and
/// the like would run or render content in the citizen's browser.
pub fn https_url(s: &str) -> Check<Url> {
    if s.trim() != s || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad(
            "l'indirizzo contiene spazi o caratteri di controllo",
            "the URL contains spaces or control characters",
        ));
    }
    let Some(colon) = s.find(':') else {
        return Err(bad(
            format!("indirizzo incompleto {s:?}: deve iniziare con https://"),
            format!("incomplete URL {s:?}: it must start with https://"),
        ));
    };
    let scheme = s[..colon].to_ascii_lowercase();
    if !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) || scheme.is_empty() {
        return Err(bad(
            format!("indirizzo incompleto {s:?}: deve iniziare con https://"),
            format!("incomplete URL {s:?}: it must start with https://"),
        ));
    }
    match scheme.as_str() {
        "https" => {}
        "http" => {
            return Err(bad(
                "collegamento http: non cifrato; usare https://",
                "http: link is not encrypted; use https://",
            ))
        }
        "javascript" | "vbscript" | "data" | "file" | "blob" | "filesystem" => {
            return Err(bad(
                format!("schema {scheme}: pericoloso, non ammesso: solo https://"),
                format!("dangerous {scheme}: scheme is not allowed: https:// only"),
            ))
        }
        other => {
            return Err(bad(
                format!("schema {other}: non ammesso: solo https://"),
                format!("{other}: scheme is not allowed: https:// only"),
            ))
        }
    }
    let Some(after) = s[colon + 1..].strip_prefix("//") else {
        return Err(bad("dopo https: servono le due barre (https://)", "https: must be followed by // (https://)"));
    };
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    if authority.contains('@') {
        return Err(bad(
            "l'indirizzo contiene credenziali (@) prima del dominio: trucco tipico del phishing",
            "the URL carries credentials (@) before the host, a common phishing trick",
        ));
    }
    let host = match authority.rsplit_once(':') {
        Some((h, port)) => {
            if port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) || port.len() > 5 {
                return Err(bad(format!("porta non valida {port:?}"), format!("invalid port {port:?}")));
            }
            h
        }
        None => authority,
    };
    hostname(host)?;
    if let Some(c) = rest.chars().find(|c| matches!(c, '<' | '>' | '"' | '\\' | '`' | '{' | '}' | '|' | '^')) {
        return Err(bad(
            format!("carattere non ammesso nell'indirizzo: {c:?}"),
            format!("character not allowed in a URL: {c:?}"),
        ));
    }
    Ok(Url { host: host.to_ascii_lowercase(), rest: rest.to_owned() })
}

/// A DNS name with at least two labels and an alphabetic top-level domain (no IP addresses:
/// an institutional link names its domain).
pub fn hostname(h: &str) -> Check {
    let err = || bad(format!("dominio non valido {h:?}"), format!("invalid domain name {h:?}"));
    if h.is_empty() || h.len() > 253 {
        return Err(err());
    }
    let labels: Vec<&str> = h.split('.').collect();
    if labels.len() < 2 {
        return Err(err());
    }
    for l in &labels {
        let ok = !l.is_empty()
            && l.len() <= 63
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-');
        if !ok {
            return Err(err());
        }
    }
    let tld = labels[labels.len() - 1];
    if tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(err());
    }
    Ok(())
}

pub fn email(s: &str) -> Check {
    let err = || bad(format!("indirizzo e-mail non valido {s:?}"), format!("invalid e-mail address {s:?}"));
    if s.to_ascii_lowercase().starts_with("mailto:") {
        return Err(bad("scrivere l'indirizzo senza «mailto:»", "write the address without \"mailto:\""));
    }
    let Some((local, domain)) = s.rsplit_once('@') else { return Err(err()) };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if !local_ok || hostname(domain).is_err() {
        return Err(err());
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneForm {
    /// `+` and country code.
    International,
    /// An Italian number written without the country code.
    National,
}

/// E.164 (`+393665784663`) or an Italian number as people write it (`039 1234567`,
/// `366.5784663`, `800 299 507`); separators are spaces, dots, dashes, slashes, parentheses.
pub fn phone(s: &str) -> Check<PhoneForm> {
    let err = || {
        bad(
            format!("numero di telefono non valido {s:?} (es. +39 039 1234567, 800299507)"),
            format!("invalid phone number {s:?} (e.g. +39 039 1234567, 800299507)"),
        )
    };
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in s.trim().chars().enumerate() {
        match c {
            '+' if i == 0 => plus = true,
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '/' | '(' | ')' => {}
            _ => return Err(err()),
        }
    }
    if let Some(national) = digits.strip_prefix("0039").filter(|_| !plus) {
        return italian(national).map(|_| PhoneForm::International).map_err(|_| err());
    }
    if plus {
        if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
            return Err(err());
        }
        if let Some(national) = digits.strip_prefix("39") {
            italian(national).map_err(|_| err())?;
        }
        return Ok(PhoneForm::International);
    }
    italian(&digits).map(|_| PhoneForm::National).map_err(|_| err())
}

/// The Italian numbering plan, coarsely: landlines start with 0, mobiles with 3, toll-free
/// and shared-cost numbers with 8, public-utility numbers with 1.
fn italian(d: &str) -> Check {
    let ok = match d.as_bytes().first() {
        Some(b'0') => (6..=11).contains(&d.len()),
        Some(b'3') => (9..=10).contains(&d.len()),
        Some(b'8') => (6..=10).contains(&d.len()),
        Some(b'1') => (3..=6).contains(&d.len()),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(bad("", ""))
    }
}

/// Digits only, for comparing numbers written differently.
pub fn phone_digits(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    let d = d.strip_prefix("0039").map(str::to_owned).unwrap_or(d);
    if s.trim_start().starts_with('+') {
        d
    } else {
        format!("39{d}")
    }
}

/// Profile ids, category ids: lowercase letters and digits, words joined by single dashes.
pub fn slug(s: &str) -> Check {
    ident(s, &['-']).map_err(|_| {
        bad(
            format!("identificativo non valido {s:?}: solo minuscole, cifre e trattini (es. pubblica-utilita)"),
            format!("invalid id {s:?}: lowercase letters, digits and dashes only (e.g. pubblica-utilita)"),
        )
    })
}

/// Rule ids and families: like `slug`, plus dots between parts (`link.suspicious`).
pub fn rule_id(s: &str) -> Check {
    ident(s, &['-', '.']).map_err(|_| {
        bad(
            format!(
                "identificativo di regola non valido {s:?}: minuscole, cifre, trattini e punti (es. link.suspicious)"
            ),
            format!("invalid rule id {s:?}: lowercase letters, digits, dashes and dots (e.g. link.suspicious)"),
        )
    })
}

fn ident(s: &str, seps: &[char]) -> Result<(), ()> {
    let mut prev_sep = true;
    for c in s.chars() {
        if seps.contains(&c) {
            if prev_sep {
                return Err(());
            }
            prev_sep = true;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            prev_sep = false;
        } else {
            return Err(());
        }
    }
    if prev_sep {
        Err(())
    } else {
        Ok(())
    }
}

pub fn date(s: &str) -> Check<crate::time::Date> {
    crate::time::Date::parse(s).map_err(|_| {
        bad(
            format!("data non valida {s:?}: serve AAAA-MM-GG di un giorno esistente"),
            format!("invalid date {s:?}: expected YYYY-MM-DD of a real day"),
        )
    })
}

pub fn hhmm(s: &str) -> Check<u16> {
    crate::time::parse_hhmm(s).map_err(|_| {
        bad(
            format!("orario non valido {s:?}: serve HH:MM (es. 09:00)"),
            format!("invalid time {s:?}: expected HH:MM (e.g. 09:00)"),
        )
    })
}

/// ISO 13616: country, check digits, account; Italian IBANs are 27 characters. Spaces allowed.
pub fn iban(s: &str) -> Check {
    let err = || bad(format!("IBAN non valido {s:?}"), format!("invalid IBAN {s:?}"));
    let compact: String = s.chars().filter(|c| *c != ' ').collect::<String>().to_ascii_uppercase();
    let b = compact.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_alphabetic)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b.iter().all(u8::is_ascii_alphanumeric)
        || (compact.starts_with("IT") && b.len() != 27)
    {
        return Err(err());
    }
    let rearranged = compact[4..].bytes().chain(compact[..4].bytes());
    let mut rem: u32 = 0;
    for c in rearranged {
        let v = if c.is_ascii_digit() { u32::from(c - b'0') } else { u32::from(c - b'A') + 10 };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    if rem == 1 {
        Ok(())
    } else {
        Err(bad(format!("IBAN con cifre di controllo errate {s:?}"), format!("IBAN check digits do not match {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_only() {
        assert_eq!(https_url("https://www.comune.siracusa.it/novita/x?a=1").unwrap().host, "www.comune.siracusa.it");
        assert!(https_url("HTTPS://Comune.Seveso.mb.it").is_ok());
        for bad in [
            "http://www.comune.concorezzo.mb.it",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>x</b>",
            "www.comune.seveso.mb.it",
            "https:/x.it",
            "https://localhost/",
            "https://192.168.0.1/",
            "https://comune.it@evil.example/",
            "https://comune.it/<script>",
            "https://comune .it",
            " https://comune.it",
            "https://",
            "https://comune.it:99999999/",
            "ftp://comune.it",
        ] {
            assert!(https_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(email("sportello.cittadino@comune.siracusa.it").is_ok());
        assert!(email("protocollo@comune.siracusa.legalmail.it").is_ok());
        for bad in
            ["", "x", "a@b", "@comune.it", "a..b@comune.it", "a b@comune.it", "mailto:a@comune.it", "a@comune.it>"]
        {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert_eq!(phone("+393665784663").unwrap(), PhoneForm::International);
        assert_eq!(phone("+39 039 1234567").unwrap(), PhoneForm::International);
        assert_eq!(phone("366.5784663").unwrap(), PhoneForm::National);
        assert_eq!(phone("800299507").unwrap(), PhoneForm::National);
        assert_eq!(phone("(02) 1234-5678").unwrap(), PhoneForm::National);
        assert_eq!(phone("0039 366 5784663").unwrap(), PhoneForm::International);
        for bad in ["", "abc", "12", "+0391234567", "+39 5", "99999999", "366 57846631234", "39+3665784663"] {
            assert!(phone(bad).is_err(), "{bad}");
        }
        assert_eq!(phone_digits("366.5784663"), phone_digits("+39 366 5784663"));
    }

    #[test]
    fn ids() {
        assert!(slug("sesto-calende").is_ok());
        assert!(slug("emergenze2").is_ok());
        for bad in ["", "-a", "a-", "a--b", "Seveso", "pubblica utilità", "a.b", "à"] {
            assert!(slug(bad).is_err(), "{bad}");
        }
        assert!(rule_id("link.suspicious").is_ok());
        assert!(rule_id("link..x").is_err());
    }

    #[test]
    fn dates_and_times() {
        assert!(date("2026-02-28").is_ok());
        assert!(date("2026-02-29").is_err());
        assert!(date("20/3/2026").is_err());
        assert_eq!(hhmm("09:00").unwrap(), 540);
        assert!(hhmm("9-13").is_err());
        assert!(hhmm("25:00").is_err());
    }

    #[test]
    fn ibans() {
        assert!(iban("IT60X0542811101000000123456").is_ok());
        assert!(iban("IT60 X054 2811 1010 0000 0123 456").is_ok());
        assert!(iban("IT61X0542811101000000123456").is_err());
        assert!(iban("IT60X05428111010000001234").is_err());
        assert!(iban("not an iban").is_err());
    }
}
