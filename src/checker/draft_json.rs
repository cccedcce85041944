//! Reading a [`Draft`] with the profile's own JSON reader: the editors' WASM takes drafts from JS
//! without serde's deserializer, whose error texts format floats (`invalid type: floating point
//! 1.5`) and so bring the float formatter into the bundle (about 5 KB gzip of the checker's WASM).

use super::{Attachment, Draft};
use crate::profile::json::de::{Fields, FromJson, Result};
use crate::profile::json::value::{self, Value};
use crate::profile::json::{syntax_issue, Path};
use crate::profile::ProfileIssue;

impl FromJson for Draft {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        let f = Fields::open(v, path)?;
        f.only(&["text", "category", "send_at", "attachments"])?;
        Ok(Draft {
            text: f.req("text")?,
            category: f.or_default("category")?,
            send_at: f.or_default("send_at")?,
            attachments: f.or_default("attachments")?,
        })
    }
}

impl FromJson for Attachment {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        let f = Fields::open(v, path)?;
        f.only(&["kind", "file_name", "alt_text"])?;
        Ok(Attachment {
            kind: f.req("kind")?,
            file_name: f.or_default("file_name")?,
            alt_text: f.or_default("alt_text")?,
        })
    }
}

/// A draft from the JSON text `JSON.stringify` wrote, or the problem with it at its JSON path.
/// A lone surrogate in the text reads as U+FFFD, as wasm-bindgen reads JS strings.
pub fn parse_draft(text: &str) -> std::result::Result<Draft, Box<ProfileIssue>> {
    let v = value::parse_from_js(text).map_err(|e| Box::new(syntax_issue(e)))?;
    Draft::from_json(&v, &Path::Root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_reads() {
        for text in [
            r#"{"text":"Chiusa via Roma"}"#,
            r#"{"text":"x","category":"viabilita","send_at":"2026-05-04T09:30:00+02:00"}"#,
            r#"{"text":"x","category":null,"attachments":[{"kind":"image","alt_text":"Mappa"}]}"#,
            r#"{"text":"","attachments":[{"kind":"document","file_name":"ordinanza.pdf","alt_text":""}]}"#,
        ] {
            let ours = parse_draft(text).unwrap();
            let serde: Draft = serde_json::from_str(text).unwrap();
            assert_eq!(ours, serde, "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_refuses_naming_the_field() {
        for (text, path) in [
            (r#"{"text":1.5}"#, "text"),
            (r#"{"txt":"x"}"#, "txt"),
            (r#"{"category":"x"}"#, ""),
            (r#"{"text":"x","attachments":[{"file_name":"a"}]}"#, "attachments[0]"),
            (r#"[]"#, ""),
        ] {
            assert!(serde_json::from_str::<Draft>(text).is_err(), "{text}");
            let e = parse_draft(text).unwrap_err();
            assert!(e.path.contains(path), "{text}: {e:?}");
        }
        assert!(parse_draft("{").is_err());
    }
}
