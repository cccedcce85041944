//! Phone numbers as profiles write them ("366.5784663", "+39 039 1234567", "0039...").

use super::{err, LinkError};

/// A number in international form: country code and national number, digits only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber {
    /// Digits without `+` or `00`, as wa.me wants them: "393665784663".
    pub digits: String,
}

impl PhoneNumber {
    /// "+393665784663".
    pub fn e164(&self) -> String {
        format!("+{}", self.digits)
    }
}

/// Reads a phone number. Without an international prefix it is taken as Italian: mobiles start
/// with 3, landlines with 0, and an Italian landline keeps its leading 0 after +39.
pub fn normalize_phone(raw: &str) -> Result<PhoneNumber, LinkError> {
    let bad = || err(format!("numero di telefono non valido: {raw:?}"), format!("invalid phone number: {raw:?}"));
    let trimmed = raw.trim();
    let (international, rest) = if let Some(r) = trimmed.strip_prefix('+') {
        (true, r)
    } else if let Some(r) = trimmed.strip_prefix("00") {
        (true, r)
    } else {
        (false, trimmed)
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '/' | '(' | ')' => {}
            _ => return Err(bad()),
        }
    }
    if !international {
        if digits.starts_with('3') || digits.starts_with('0') {
            digits.insert_str(0, "39");
        } else {
            return Err(err(
                format!("numero {raw:?} senza prefisso internazionale e non italiano: scrivere +<prefisso>"),
                format!("number {raw:?} has no international prefix and is not Italian: write +<country code>"),
            ));
        }
    }
    // E.164: at most 15 digits; 8 is the shortest plausible international number.
    if digits.len() < 8 || digits.len() > 15 || digits.starts_with('0') {
        return Err(bad());
    }
    Ok(PhoneNumber { digits })
}

/// How an Italian number is usually written: "+39 366 578 4663"; others as "+<digits>".
pub fn display_italian(n: &PhoneNumber) -> String {
    match n.digits.strip_prefix("39") {
        Some(national) if national.starts_with('3') && national.len() == 10 => {
            format!("+39 {} {} {}", &national[..3], &national[3..6], &national[6..])
        }
        Some(national) => format!("+39 {national}"),
        None => n.e164(),
    }
}
