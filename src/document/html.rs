//! The documents as HTML: a standalone page for print (A4 stylesheet inside, so the file works
//! opened from disk or attached to an act) and the bare `<article>` the builder previews. Every
//! profile text is escaped.

use super::{Block, Document};
use crate::informativa::esc;

/// The print stylesheet, shared with the builder's preview (one file, two uses).
pub const STYLESHEET: &str = include_str!("../../www/crea/documento.css");

/// A complete HTML page.
pub fn page(doc: &Document) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body class=\"documento-pagina\">\n{body}</body>\n</html>\n",
        lang = doc.lang.code(),
        title = esc(&doc.title),
        css = STYLESHEET,
        body = article(doc)
    )
}

/// The document alone, as `<article class="documento">`.
pub fn article(doc: &Document) -> String {
    let mut out = format!("<article class=\"documento documento-{}\" lang=\"{}\">\n", doc.kind.id(), doc.lang.code());
    for b in &doc.blocks {
        match b {
            Block::Issuer(lines) => {
                out.push_str("<header class=\"ente\">\n");
                lines.iter().for_each(|l| out.push_str(&format!("<p>{}</p>\n", esc(l))));
                out.push_str("</header>\n");
            }
            Block::Title(s) => out.push_str(&format!("<h1>{}</h1>\n", esc(s))),
            Block::Subtitle(s) => out.push_str(&format!("<p class=\"sottotitolo\">{}</p>\n", esc(s))),
            Block::Heading(s) => out.push_str(&format!("<h2>{}</h2>\n", esc(s))),
            Block::Paragraph(s) => out.push_str(&format!("<p>{}</p>\n", esc(s))),
            Block::List(items) => {
                out.push_str("<ul>\n");
                items.iter().for_each(|i| out.push_str(&format!("<li>{}</li>\n", esc(i))));
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Kind;
    use crate::i18n::Lang;

    #[test]
    fn profile_text_is_escaped_and_the_page_prints_on_a4() {
        let doc = Document {
            kind: Kind::Disciplinare,
            lang: Lang::It,
            title: "T <b>".into(),
            blocks: vec![Block::Paragraph("a < b & \"c\"".into()), Block::List(vec!["<script>".into()])],
        };
        let html = page(&doc);
        assert!(html.contains("<title>T &lt;b&gt;</title>"));
        assert!(html.contains("<p>a &lt; b &amp; &quot;c&quot;</p>"));
        assert!(html.contains("<li>&lt;script&gt;</li>"));
        assert!(html.contains("size: A4"));
        assert!(!html.contains("<script>"));
    }
}
