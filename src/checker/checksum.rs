//! Check digits of Italian and European identifiers: codice fiscale (with omocodia),
//! partita IVA and IBAN (ISO 13616 mod-97). A valid check turns "looks like a code" into
//! "is a code", which is what lets the personal-data rules be strict without crying wolf.

/// Positions of a codice fiscale that hold digits, which omocodia may replace with letters.
const CF_DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
/// Omocodia substitutes for the digits 0..9.
const CF_OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Values of characters in odd positions (1st, 3rd, ...), for digits and letters alike.
const CF_ODD: [u32; 26] =
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/// Whether `s` has the shape of a codice fiscale of a natural person (16 characters,
/// omocodia letters allowed in the digit positions). Case-insensitive.
pub fn codice_fiscale_shape(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 16 || !b.is_ascii() {
        return false;
    }
    let upper: Vec<u8> = b.iter().map(u8::to_ascii_uppercase).collect();
    (0..16).all(|i| {
        let c = upper[i];
        if CF_DIGIT_POSITIONS.contains(&i) {
            c.is_ascii_digit() || CF_OMOCODIA.contains(&c)
        } else if i == 8 {
            b"ABCDEHLMPRST".contains(&c)
        } else {
            c.is_ascii_uppercase()
        }
    })
}

/// The check character of the first 15 characters of a codice fiscale.
pub fn codice_fiscale_check_char(first15: &str) -> Option<char> {
    if first15.len() != 15 || !first15.is_ascii() {
        return None;
    }
    let mut sum = 0u32;
    for (i, c) in first15.bytes().map(|c| c.to_ascii_uppercase()).enumerate() {
        let v = match c {
            b'0'..=b'9' => (c - b'0') as usize,
            b'A'..=b'Z' => (c - b'A') as usize,
            _ => return None,
        };
        // Positions are 1-based in the decree: index 0 is "odd".
        sum += if i % 2 == 0 { CF_ODD[v] } else { v as u32 };
    }
    Some((b'A' + (sum % 26) as u8) as char)
}

/// Whether a codice fiscale's last character matches its check character.
pub fn codice_fiscale_valid(s: &str) -> bool {
    codice_fiscale_shape(s)
        && codice_fiscale_check_char(&s[..15]).is_some_and(|c| s.as_bytes()[15].eq_ignore_ascii_case(&(c as u8)))
}

/// Whether an 11-digit partita IVA (also the numeric codice fiscale of companies and
/// public bodies) has a valid check digit.
pub fn partita_iva_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 11 || !b.iter().all(u8::is_ascii_digit) || b.iter().all(|&c| c == b'0') {
        return false;
    }
    let mut sum = 0u32;
    for (i, &c) in b[..10].iter().enumerate() {
        let d = (c - b'0') as u32;
        sum += if i % 2 == 0 {
            d
        } else {
            let x = d * 2;
            if x > 9 {
                x - 9
            } else {
                x
            }
        };
    }
    (10 - sum % 10) % 10 == (b[10] - b'0') as u32
}

/// Expected IBAN length per country, for the countries an Italian comune's text may cite.
pub fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "IT" | "SM" | "FR" | "MC" | "GR" => 27,
        "VA" | "DE" | "GB" | "IE" => 22,
        "ES" | "SE" | "SK" | "CZ" | "RO" | "PT" => {
            if country == "PT" {
                25
            } else {
                24
            }
        }
        "CH" | "LI" => 21,
        "AT" | "LU" | "SI" => {
            if country == "SI" {
                19
            } else {
                20
            }
        }
        "NL" => 18,
        "BE" => 16,
        "PL" | "HU" => 28,
        "MT" => 31,
        _ => return None,
    })
}

/// ISO 13616 mod-97 check of an IBAN without spaces (case-insensitive).
pub fn iban_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if !(15..=34).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if !b[..2].iter().all(u8::is_ascii_alphabetic) || !b[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut rem = 0u32;
    for &c in b[4..].iter().chain(&b[..4]) {
        let c = c.to_ascii_uppercase();
        if c.is_ascii_digit() {
            rem = (rem * 10 + (c - b'0') as u32) % 97;
        } else {
            rem = (rem * 100 + (c - b'A' + 10) as u32) % 97;
        }
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codice_fiscale_vectors() {
        // The textbook example of the Agenzia delle Entrate and well-known public vectors.
        assert_eq!(codice_fiscale_check_char("RSSMRA85T10A562"), Some('S'));
        assert!(codice_fiscale_valid("RSSMRA85T10A562S"));
        assert!(codice_fiscale_valid("rssmra85t10a562s"));
        assert!(!codice_fiscale_valid("RSSMRA85T10A562T"));
        assert!(codice_fiscale_valid("MRTMTT25D09F205Z"));
        // Omocodia: digits replaced by LMNPQRSTUV from the right; the check char changes too.
        assert!(codice_fiscale_shape("RSSMRA85T10A56NH"));
        assert_eq!(codice_fiscale_check_char("RSSMRA85T10A56N"), Some('H'));
        assert!(codice_fiscale_valid("RSSMRA85T10A56NH"));
        assert!(codice_fiscale_valid("RSSMRAURTMLARSNL"));
        assert!(!codice_fiscale_shape("RSSMRA85Z10A562S"), "Z is not a month letter");
        assert!(!codice_fiscale_shape("RSSMRA85T10A562"));
    }

    #[test]
    fn partita_iva_vectors() {
        assert!(partita_iva_valid("01777400019"));
        assert!(partita_iva_valid("00743110157"));
        assert!(partita_iva_valid("12345678903"));
        assert!(!partita_iva_valid("12345678901"));
        assert!(!partita_iva_valid("00000000000"));
        assert!(!partita_iva_valid("0177740001"));
    }

    #[test]
    fn iban_vectors() {
        assert!(iban_valid("IT60X0542811101000000123456"));
        assert!(iban_valid("it60x0542811101000000123456"));
        assert!(iban_valid("GB82WEST12345698765432"));
        assert!(iban_valid("DE89370400440532013000"));
        assert!(!iban_valid("IT61X0542811101000000123456"));
        assert!(!iban_valid("IT60X05428111010000001234"));
        assert_eq!(iban_length("IT"), Some(27));
        assert_eq!(iban_length("DE"), Some(22));
    }
}
