//! The documents as OpenDocument text (ODT 1.3), what Italian public offices edit in
//! LibreOffice. The container is written with `zip` (the `mimetype` entry first and stored, as
//! ODF 1.3 part 2 §3.3 requires) and every XML part with `quick-xml`'s writer, which escapes
//! text and attributes: no XML is assembled from strings.

use std::io::{Cursor, Write};

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{Block, Document};

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const NS: [(&str, &str); 7] = [
    ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ("xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
];

/// An error writing the document (in memory: in practice never, but not a panic either).
#[derive(Debug)]
pub struct OdtError(pub String);

impl std::fmt::Display for OdtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ODT: {}", self.0)
    }
}

impl From<std::io::Error> for OdtError {
    fn from(e: std::io::Error) -> Self {
        OdtError(e.to_string())
    }
}

impl From<zip::result::ZipError> for OdtError {
    fn from(e: zip::result::ZipError) -> Self {
        OdtError(e.to_string())
    }
}

/// The document as the bytes of an .odt file.
pub fn write(doc: &Document) -> Result<Vec<u8>, OdtError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored)?;
    zip.write_all(MIMETYPE.as_bytes())?;
    for (name, part) in [
        ("content.xml", content(doc)?),
        ("styles.xml", styles(doc)?),
        ("meta.xml", meta(doc)?),
        ("META-INF/manifest.xml", manifest()?),
    ] {
        zip.start_file(name, deflated)?;
        zip.write_all(&part)?;
    }
    Ok(zip.finish()?.into_inner())
}

type Xml = Writer<Vec<u8>>;

fn document(
    root: &str,
    extra: &[(&str, &str)],
    body: impl FnOnce(&mut Xml) -> std::io::Result<()>,
) -> Result<Vec<u8>, OdtError> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element(root)
        .with_attributes(NS.iter().copied().chain(extra.iter().copied()))
        .with_attribute(("office:version", "1.3"))
        .write_inner_content(body)?;
    Ok(w.into_inner())
}

/// A paragraph-like element with text; line breaks become `<text:line-break/>` and characters
/// XML 1.0 forbids are dropped.
fn text_element(w: &mut Xml, name: &str, attrs: &[(&str, &str)], text: &str) -> std::io::Result<()> {
    let clean: String = text.chars().filter(|&c| c == '\n' || c == '\t' || c >= ' ').collect();
    w.create_element(name).with_attributes(attrs.iter().copied()).write_inner_content(|w| {
        for (i, line) in clean.split('\n').enumerate() {
            if i > 0 {
                w.create_element("text:line-break").write_empty()?;
            }
            w.write_event(Event::Text(BytesText::new(line)))?;
        }
        Ok(())
    })?;
    Ok(())
}

fn p(w: &mut Xml, style: &str, text: &str) -> std::io::Result<()> {
    text_element(w, "text:p", &[("text:style-name", style)], text)
}

fn content(doc: &Document) -> Result<Vec<u8>, OdtError> {
    document("office:document-content", &[], |w| {
        w.create_element("office:body").write_inner_content(|w| {
            w.create_element("office:text").write_inner_content(|w| {
                for b in &doc.blocks {
                    match b {
                        Block::Issuer(lines) => lines.iter().try_for_each(|l| p(w, "Ente", l))?,
                        Block::Title(s) => {
                            text_element(w, "text:h", &[("text:style-name", "Title"), ("text:outline-level", "1")], s)?
                        }
                        Block::Subtitle(s) => p(w, "Subtitle", s)?,
                        Block::Heading(s) => text_element(
                            w,
                            "text:h",
                            &[("text:style-name", "Heading_20_2"), ("text:outline-level", "2")],
                            s,
                        )?,
                        Block::Paragraph(s) => p(w, "Text_20_body", s)?,
                        Block::List(items) => {
                            w.create_element("text:list")
                                .with_attribute(("text:style-name", "Elenco"))
                                .write_inner_content(|w| {
                                    for item in items {
                                        w.create_element("text:list-item")
                                            .write_inner_content(|w| p(w, "List_20_Contents", item))?;
                                    }
                                    Ok(())
                                })?;
                        }
                    }
                }
                Ok(())
            })?;
            Ok(())
        })?;
        Ok(())
    })
}

/// A paragraph style: name, display name, parent, paragraph and text properties.
struct ParaStyle<'a> {
    name: &'a str,
    display: &'a str,
    parent: &'a str,
    class: &'a str,
    paragraph: &'a [(&'a str, &'a str)],
    text: &'a [(&'a str, &'a str)],
}

const PARAGRAPH_STYLES: &[ParaStyle] = &[
    ParaStyle {
        name: "Text_20_body",
        display: "Text body",
        parent: "Standard",
        class: "text",
        paragraph: &[
            ("fo:margin-top", "0cm"),
            ("fo:margin-bottom", "0.25cm"),
            ("fo:text-align", "justify"),
            ("fo:orphans", "3"),
            ("fo:widows", "3"),
        ],
        text: &[],
    },
    ParaStyle {
        name: "Ente",
        display: "Ente",
        parent: "Standard",
        class: "extra",
        paragraph: &[("fo:text-align", "center")],
        text: &[("fo:font-weight", "bold"), ("fo:font-size", "13pt")],
    },
    ParaStyle {
        name: "Title",
        display: "Title",
        parent: "Standard",
        class: "chapter",
        paragraph: &[
            ("fo:text-align", "center"),
            ("fo:margin-top", "0.8cm"),
            ("fo:margin-bottom", "0.3cm"),
            ("fo:keep-with-next", "always"),
        ],
        text: &[("fo:font-weight", "bold"), ("fo:font-size", "16pt")],
    },
    ParaStyle {
        name: "Subtitle",
        display: "Subtitle",
        parent: "Standard",
        class: "chapter",
        paragraph: &[("fo:text-align", "center"), ("fo:margin-bottom", "0.8cm")],
        text: &[("fo:font-style", "italic")],
    },
    ParaStyle {
        name: "Heading_20_2",
        display: "Heading 2",
        parent: "Standard",
        class: "text",
        paragraph: &[("fo:margin-top", "0.5cm"), ("fo:margin-bottom", "0.2cm"), ("fo:keep-with-next", "always")],
        text: &[("fo:font-weight", "bold"), ("fo:font-size", "13pt")],
    },
    ParaStyle {
        name: "List_20_Contents",
        display: "List Contents",
        parent: "Text_20_body",
        class: "list",
        paragraph: &[],
        text: &[],
    },
];

fn styles(doc: &Document) -> Result<Vec<u8>, OdtError> {
    let (language, country) = match doc.lang {
        crate::i18n::Lang::It => ("it", "IT"),
        crate::i18n::Lang::En => ("en", "GB"),
    };
    document("office:document-styles", &[], |w| {
        w.create_element("office:styles").write_inner_content(|w| {
            w.create_element("style:default-style").with_attribute(("style:family", "paragraph")).write_inner_content(
                |w| {
                    w.create_element("style:text-properties")
                        .with_attributes([
                            ("fo:language", language),
                            ("fo:country", country),
                            ("fo:font-size", "12pt"),
                            ("style:font-name", "Liberation Sans"),
                            ("fo:font-family", "'Liberation Sans'"),
                        ])
                        .write_empty()?;
                    Ok(())
                },
            )?;
            w.create_element("style:style")
                .with_attributes([("style:name", "Standard"), ("style:family", "paragraph"), ("style:class", "text")])
                .write_empty()?;
            for s in PARAGRAPH_STYLES {
                w.create_element("style:style")
                    .with_attributes([
                        ("style:name", s.name),
                        ("style:display-name", s.display),
                        ("style:family", "paragraph"),
                        ("style:parent-style-name", s.parent),
                        ("style:class", s.class),
                    ])
                    .write_inner_content(|w| {
                        if !s.paragraph.is_empty() {
                            w.create_element("style:paragraph-properties")
                                .with_attributes(s.paragraph.iter().copied())
                                .write_empty()?;
                        }
                        if !s.text.is_empty() {
                            w.create_element("style:text-properties")
                                .with_attributes(s.text.iter().copied())
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
            }
            w.create_element("text:list-style").with_attribute(("style:name", "Elenco")).write_inner_content(|w| {
                w.create_element("text:list-level-style-bullet")
                    .with_attributes([("text:level", "1"), ("text:bullet-char", "–")])
                    .write_inner_content(|w| {
                        w.create_element("style:list-level-properties")
                            .with_attribute(("text:list-level-position-and-space-mode", "label-alignment"))
                            .write_inner_content(|w| {
                                w.create_element("style:list-level-label-alignment")
                                    .with_attributes([
                                        ("text:label-followed-by", "listtab"),
                                        ("text:list-tab-stop-position", "1cm"),
                                        ("fo:text-indent", "-0.5cm"),
                                        ("fo:margin-left", "1cm"),
                                    ])
                                    .write_empty()?;
                                Ok(())
                            })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
            Ok(())
        })?;
        // A4 with the margins of an administrative act.
        w.create_element("office:automatic-styles").write_inner_content(|w| {
            w.create_element("style:page-layout").with_attribute(("style:name", "A4")).write_inner_content(|w| {
                w.create_element("style:page-layout-properties")
                    .with_attributes([
                        ("fo:page-width", "21cm"),
                        ("fo:page-height", "29.7cm"),
                        ("style:print-orientation", "portrait"),
                        ("fo:margin-top", "2.5cm"),
                        ("fo:margin-bottom", "2cm"),
                        ("fo:margin-left", "2cm"),
                        ("fo:margin-right", "2cm"),
                    ])
                    .write_empty()?;
                Ok(())
            })?;
            Ok(())
        })?;
        w.create_element("office:master-styles").write_inner_content(|w| {
            w.create_element("style:master-page")
                .with_attributes([("style:name", "Standard"), ("style:page-layout-name", "A4")])
                .write_empty()?;
            Ok(())
        })?;
        Ok(())
    })
}

fn meta(doc: &Document) -> Result<Vec<u8>, OdtError> {
    document("office:document-meta", &[], |w| {
        w.create_element("office:meta").write_inner_content(|w| {
            w.create_element("meta:generator")
                .write_text_content(BytesText::new(concat!("Banditore/", env!("CARGO_PKG_VERSION"))))?;
            text_element(w, "dc:title", &[], &doc.title)?;
            w.create_element("dc:language").write_text_content(BytesText::new(doc.lang.code()))?;
            Ok(())
        })?;
        Ok(())
    })
}

fn manifest() -> Result<Vec<u8>, OdtError> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("manifest:manifest")
        .with_attributes([
            ("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"),
            ("manifest:version", "1.3"),
        ])
        .write_inner_content(|w| {
            for (path, media) in
                [("/", MIMETYPE), ("content.xml", "text/xml"), ("styles.xml", "text/xml"), ("meta.xml", "text/xml")]
            {
                let mut e = w
                    .create_element("manifest:file-entry")
                    .with_attributes([("manifest:full-path", path), ("manifest:media-type", media)]);
                if path == "/" {
                    e = e.with_attribute(("manifest:version", "1.3"));
                }
                e.write_empty()?;
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Kind;
    use crate::i18n::Lang;
    use std::io::Read;

    fn doc(text: &str) -> Document {
        Document {
            kind: Kind::Disciplinare,
            lang: Lang::It,
            title: "Titolo & <prova>".into(),
            blocks: vec![Block::Title("Titolo".into()), Block::Paragraph(text.into()), Block::List(vec!["uno".into()])],
        }
    }

    #[test]
    fn mimetype_comes_first_and_stored() {
        let bytes = write(&doc("x")).unwrap();
        // The first local header: signature, then the name at offset 30, data right after it.
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 0, "compression method must be STORED");
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        let bytes = write(&doc("a < b & c \u{1} \"d\"\nriga due")).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut content = String::new();
        zip.by_name("content.xml").unwrap().read_to_string(&mut content).unwrap();
        assert!(content.contains("a &lt; b &amp; c  "), "{content}");
        assert!(content.contains("<text:line-break/>riga due"));
        assert!(!content.contains('\u{1}'));
        let mut meta = String::new();
        zip.by_name("meta.xml").unwrap().read_to_string(&mut meta).unwrap();
        assert!(meta.contains("Titolo &amp; &lt;prova&gt;"));
    }
}
