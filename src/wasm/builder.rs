//! The profile builder's JS API (www/crea/): live validation, starting profiles, and the
//! disciplinare and informativa as documents (HTML, ODT). Converts only; the work is in
//! `profile::validate`, `template` and `document`.

use wasm_bindgen::prelude::*;

use super::{js_error, json_value, load_profile, parse_lang};
use crate::document::{self, html, odt, Kind};
use crate::informativa;
use crate::profile::{self, ProfileIssue};
use crate::template::{self, Facts};

/// Every issue of a profile's JSON text: `{ path, level: "error" | "warning", message: { it, en } }[]`.
/// A syntax or type error comes alone (the profile could not be read further).
#[wasm_bindgen(js_name = validateProfile)]
pub fn validate_profile(profile_json: &str) -> Result<JsValue, JsValue> {
    let issues: Vec<ProfileIssue> = match profile::parse(profile_json) {
        Ok(p) => profile::validate::validate(&p),
        Err(e) => vec![e],
    };
    json_value(&issues)
}

/// A starting profile (pretty JSON) from a seed profile's JSON, with the new comune's facts.
#[wasm_bindgen(js_name = templateProfile)]
pub fn template_profile(seed_json: &str, name: &str, province: &str, website: &str) -> Result<String, JsValue> {
    let seed = profile::parse(seed_json).map_err(|e| js_error(&e.to_string(), Some(&[e])))?;
    let facts = Facts { name: name.to_owned(), province: province.to_owned(), website: website.to_owned() };
    pretty(&template::from_seed(&seed, &facts))
}

/// The empty profile (pretty JSON).
#[wasm_bindgen(js_name = emptyProfile)]
pub fn empty_profile() -> Result<String, JsValue> {
    pretty(&template::empty())
}

fn pretty(p: &profile::Profile) -> Result<String, JsValue> {
    serde_json::to_string_pretty(p).map(|s| s + "\n").map_err(|e| js_error(&e.to_string(), None))
}

fn build(profile_json: &str, kind: &str, lang: Option<String>) -> Result<document::Document, JsValue> {
    let kind: Kind = kind.parse().map_err(|e: String| js_error(&e, None))?;
    // A draft too: the builder shows the documents while placeholders remain.
    let p = profile::parse(profile_json).map_err(|e| js_error(&e.to_string(), Some(&[e])))?;
    Ok(document::build(&p, kind, parse_lang(lang)))
}

/// The document as a standalone HTML page (A4 print stylesheet inside).
#[wasm_bindgen(js_name = documentHtml)]
pub fn document_html(profile_json: &str, kind: &str, lang: Option<String>) -> Result<String, JsValue> {
    Ok(html::page(&build(profile_json, kind, lang)?))
}

/// The document as `<article class="documento">` (escaped), for a preview inside a page.
#[wasm_bindgen(js_name = documentArticle)]
pub fn document_article(profile_json: &str, kind: &str, lang: Option<String>) -> Result<String, JsValue> {
    Ok(html::article(&build(profile_json, kind, lang)?))
}

/// The document as the bytes of an .odt file.
#[wasm_bindgen(js_name = documentOdt)]
pub fn document_odt(profile_json: &str, kind: &str, lang: Option<String>) -> Result<Vec<u8>, JsValue> {
    odt::write(&build(profile_json, kind, lang)?).map_err(|e| js_error(&e.to_string(), None))
}

/// The informativa as `"text"`, `"markdown"` or `"html"` (escaped), from a valid profile. Moved
/// here from the citizen widget's bundle, which never called it (1.1 KB of its capped WASM).
#[wasm_bindgen(js_name = informativa)]
pub fn informativa_text(profile_json: &str, lang: Option<String>, format: Option<String>) -> Result<String, JsValue> {
    let lang = parse_lang(lang);
    let profile = load_profile(profile_json, lang)?;
    let format: informativa::Format =
        format.as_deref().unwrap_or("text").parse().map_err(|e: String| js_error(&e, None))?;
    let channel = crate::consent::primary_channel(&profile).map(|(_, c)| c);
    Ok(informativa::render(&informativa::build(&profile, channel, lang), format, lang))
}
