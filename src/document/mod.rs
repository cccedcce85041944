//! The comune's documents from its profile: the disciplinare as the text the Giunta approves
//! (its articles, numbered as the profile numbers them) and the informativa (art. 13 GDPR) as a
//! page of its own. One model (`Document`, a list of blocks) and one writer per format: HTML for
//! print (`html`) and OpenDocument text (`odt`, behind the `odt` feature: the CLI and the
//! builder's bundle have it, the citizen widget's does not).
//!
//! Nothing here states a fact the profile does not give: the disciplinare is the profile's own
//! text, the informativa is `crate::informativa::build`'s.

pub mod disciplinare;
pub mod html;
pub mod informativa;
#[cfg(feature = "odt")]
pub mod odt;

use crate::i18n::Lang;
use crate::profile::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Disciplinare,
    Informativa,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Disciplinare => "disciplinare",
            Kind::Informativa => "informativa",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "disciplinare" => Ok(Kind::Disciplinare),
            "informativa" => Ok(Kind::Informativa),
            other => Err(format!("documento sconosciuto / unknown document: {other:?} (disciplinare, informativa)")),
        }
    }
}

/// A document as its writers see it: a title and blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    pub lang: Lang,
    /// The document's title (the HTML page's `<title>`, the ODT's metadata).
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The issuing body at the top of the first page ("Comune di Seveso", its province).
    Issuer(Vec<String>),
    Title(String),
    /// Under the title: the approving act, the document's scope.
    Subtitle(String),
    /// An article's or a section's heading.
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
}

/// Builds the document of `kind`. The disciplinare is the policy's text, in Italian whatever
/// `lang` says; the informativa follows `lang`.
pub fn build(profile: &Profile, kind: Kind, lang: Lang) -> Document {
    match kind {
        Kind::Disciplinare => disciplinare::build(profile),
        Kind::Informativa => informativa::build(profile, lang),
    }
}

/// A profile's paragraphs as blocks: consecutive "- " items make one list.
pub(crate) fn paragraph_blocks(paragraphs: &[String]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for p in paragraphs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        match (p.strip_prefix("- "), out.last_mut()) {
            (Some(item), Some(Block::List(items))) => items.push(item.trim().to_owned()),
            (Some(item), _) => out.push(Block::List(vec![item.trim().to_owned()])),
            (None, _) => out.push(Block::Paragraph(p.to_owned())),
        }
    }
    out
}

/// The document as plain text, one block a paragraph (tests and search).
pub fn plain_text(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Issuer(lines) => lines.iter().for_each(|l| out.push_str(&format!("{l}\n"))),
            Block::Title(s) | Block::Subtitle(s) | Block::Heading(s) | Block::Paragraph(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Block::List(items) => items.iter().for_each(|i| out.push_str(&format!("- {i}\n"))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_group_into_one_list() {
        let v: Vec<String> = ["1. Intro:", "- a;", "- b.", "2. Poi.", "- c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            paragraph_blocks(&v),
            [
                Block::Paragraph("1. Intro:".into()),
                Block::List(vec!["a;".into(), "b.".into()]),
                Block::Paragraph("2. Poi.".into()),
                Block::List(vec!["c".into()]),
            ]
        );
    }

    #[test]
    fn kinds_parse() {
        assert_eq!("Disciplinare".parse::<Kind>(), Ok(Kind::Disciplinare));
        assert!("delibera".parse::<Kind>().unwrap_err().contains("disciplinare, informativa"));
    }
}
