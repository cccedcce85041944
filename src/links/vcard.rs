//! A vCard for the broadcast number: WhatsApp broadcast lists reach only people who saved the
//! sender's number in their contacts (Concorezzo art. 3).

use super::PhoneNumber;

/// vCard 3.0 (what phones import most reliably), CRLF line ends.
pub fn vcard(name: &str, organisation: &str, number: &PhoneNumber, note: &str) -> String {
    let mut lines = vec!["BEGIN:VCARD".to_owned(), "VERSION:3.0".to_owned(), format!("FN:{}", escape(name))];
    if !organisation.is_empty() {
        lines.push(format!("ORG:{}", escape(organisation)));
    }
    lines.push(format!("TEL;TYPE=CELL:{}", number.e164()));
    if !note.is_empty() {
        lines.push(format!("NOTE:{}", escape(note)));
    }
    lines.push("END:VCARD".to_owned());
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

/// "whatsconcorezzo.vcf": a safe file name from the contact's name.
pub fn vcard_file_name(name: &str) -> String {
    let mut slug = String::new();
    // Combining accents (a decomposed "e\u{301}") belong to the letter before them.
    for c in name.chars().filter(|&c| !crate::text::is_combining_mark(c)) {
        if let Some(a) = crate::text::ascii_fold(c) {
            slug.push(a);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "contatto.vcf".to_owned()
    } else {
        format!("{slug}.vcf")
    }
}

/// RFC 6350 text escaping: backslash, comma, semicolon, newline.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}
