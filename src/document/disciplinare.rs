//! The disciplinare as the Giunta approves it: the comune at the top, the title, the approving
//! act (blank lines to fill in while it is a draft), then every article of the profile in its
//! order and with its numbering.

use super::{paragraph_blocks, Block, Document, Kind};
use crate::i18n::Lang;
use crate::informativa::display_comune;
use crate::profile::Profile;

pub fn build(profile: &Profile) -> Document {
    let comune = display_comune(profile);
    let mut issuer = vec![comune.bare.clone()];
    let c = &profile.comune;
    match (c.province_name.trim(), c.province.trim()) {
        ("", "") => {}
        ("", code) => issuer.push(format!("({code})")),
        (name, _) => issuer.push(format!("Provincia di {name}")),
    }
    let title = if profile.policy.title.trim().is_empty() {
        "Disciplinare".to_owned()
    } else {
        profile.policy.title.trim().to_owned()
    };
    let mut blocks = vec![Block::Issuer(issuer), Block::Title(title.clone()), Block::Subtitle(approval(profile))];
    for a in &profile.policy.articles {
        blocks.push(Block::Heading(heading(&a.number, &a.title)));
        blocks.extend(paragraph_blocks(&a.paragraphs));
    }
    Document { kind: Kind::Disciplinare, lang: Lang::It, title, blocks }
}

/// "Art. 4 – Contenuti"; a number already written "Art. 2" is kept as it is.
pub fn heading(number: &str, title: &str) -> String {
    let number = number.trim();
    let lower = number.to_lowercase();
    let number = if lower.starts_with("art") { number.to_owned() } else { format!("Art. {number}") };
    match title.trim() {
        "" => number,
        t => format!("{number} – {t}"),
    }
}

/// "Approvato con Delibera di Giunta Comunale n. 78 del 20/03/2026", or while number and date
/// are unknown the line the segreteria fills in.
fn approval(profile: &Profile) -> String {
    let a = &profile.policy.approval;
    let act = if a.act.trim().is_empty() { "deliberazione della Giunta Comunale" } else { a.act.trim() };
    let number = if a.number.trim().is_empty() { "______" } else { a.number.trim() };
    let date = if a.date.trim().is_empty() { "__________".to_owned() } else { italian_date(a.date.trim()) };
    let verb = if a.number.trim().is_empty() || a.date.trim().is_empty() { "Allegato alla" } else { "Approvato con" };
    format!("{verb} {act} n. {number} del {date}")
}

/// "2026-03-20" -> "20/03/2026"; anything else as written.
fn italian_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_dates() {
        assert_eq!(heading("4", "Contenuti"), "Art. 4 – Contenuti");
        assert_eq!(heading("Art. 2", "Oggetto"), "Art. 2 – Oggetto");
        assert_eq!(heading("7", ""), "Art. 7");
        assert_eq!(italian_date("2026-03-20"), "20/03/2026");
    }

    #[test]
    fn a_draft_leaves_the_act_to_fill_in() {
        let mut p = crate::template::empty();
        assert_eq!(approval(&p), "Allegato alla deliberazione della Giunta Comunale n. ______ del __________");
        p.policy.approval.act = "Delibera di Giunta Comunale".into();
        p.policy.approval.number = "78".into();
        p.policy.approval.date = "2026-03-20".into();
        assert_eq!(approval(&p), "Approvato con Delibera di Giunta Comunale n. 78 del 20/03/2026");
    }
}
