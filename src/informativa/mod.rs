//! The privacy notice (art. 13 Reg. (UE) 2016/679) built from the profile, in Italian and
//! English, as structured sections; `render` turns them into text, Markdown or escaped HTML.
//!
//! The profile's own texts are Italian; in English the headings and the law's wording are
//! translated and the comune's texts are quoted as they are.

mod build;
mod render;

pub use build::{build, display_comune, ComuneName};
pub use render::{esc, render, Format};

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Informativa {
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
    /// The comune's own privacy page, "" when there is none.
    pub url: String,
    /// JSON paths of the art. 13 elements the profile leaves empty: the notice says the comune has not
    /// stated them, and whoever publishes the profile is told (the widget logs them for the web editor).
    pub gaps: Vec<&'static str>,
}

/// One art. 13 element: `id` is stable (`controller`, `dpo`, `purposes`, ...), for tests and styling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub paragraphs: Vec<String>,
}
