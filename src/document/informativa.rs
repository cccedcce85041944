//! The informativa (art. 13 GDPR) as a page of its own: the same sections the citizen widget
//! shows (`crate::informativa::build`), for the comune's privacy page or its records.

use super::{paragraph_blocks, Block, Document, Kind};
use crate::i18n::Lang;
use crate::informativa::display_comune;
use crate::profile::Profile;

pub fn build(profile: &Profile, lang: Lang) -> Document {
    let channel = crate::consent::primary_channel(profile).map(|(_, c)| c);
    let inf = crate::informativa::build(profile, channel, lang);
    let mut blocks = vec![
        Block::Issuer(vec![display_comune(profile).bare]),
        Block::Title(inf.title.clone()),
        Block::Subtitle(inf.intro),
    ];
    for s in &inf.sections {
        blocks.push(Block::Heading(s.heading.clone()));
        blocks.extend(paragraph_blocks(&s.paragraphs));
    }
    if !inf.url.trim().is_empty() {
        blocks.push(Block::Paragraph(match lang {
            Lang::It => format!("Informativa completa del Comune: {}", inf.url.trim()),
            Lang::En => format!("The Comune's full privacy notice: {}", inf.url.trim()),
        }));
    }
    Document { kind: Kind::Informativa, lang, title: inf.title, blocks }
}
