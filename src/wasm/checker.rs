//! The checker's JS API: `new Checker(profileJson)`, then `check(draft, nowMs, lang)`.

use wasm_bindgen::prelude::*;

use super::{js_error, load_profile, parse_lang, to_js};
use crate::checker::{self, Draft};
use crate::time::Timestamp;

/// A checker bound to one profile; build it once and call `check` as the editor types.
#[wasm_bindgen(js_name = Checker)]
pub struct JsChecker {
    inner: checker::Checker,
}

#[wasm_bindgen(js_class = Checker)]
impl JsChecker {
    /// Throws an `Error` with an `issues` array when the profile is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(profile_json: &str, lang: Option<String>) -> Result<JsChecker, JsValue> {
        let profile = load_profile(profile_json, parse_lang(lang))?;
        Ok(JsChecker { inner: checker::Checker::new(profile) })
    }

    /// `draft`: `{ text, category?, send_at?, attachments? }`; `now_ms`: `Date.now()`.
    /// Returns `{ findings: [{ rule, severity, start, end, byte_start, byte_end, text,
    /// message, source, fix? }], can_send }` with `start`/`end` in UTF-16 code units.
    pub fn check(&self, draft: JsValue, now_ms: f64, lang: Option<String>) -> Result<JsValue, JsValue> {
        let draft = read_draft(&draft)?;
        let report = self
            .inner
            .check(&draft, Timestamp::from_millis(now_ms), parse_lang(lang))
            .map_err(|e| js_error(&e.to_string(), None))?;
        to_js(&report)
    }

    /// The profile's categories, for the editor's category picker.
    pub fn categories(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.profile().categories)
    }

    /// The profile's electoral periods and service hours, for the send-time picker.
    #[wasm_bindgen(js_name = schedule)]
    pub fn schedule(&self) -> Result<JsValue, JsValue> {
        let p = self.inner.profile();
        to_js(&(&p.service_hours, &p.electoral_periods))
    }
}

/// The draft as the engine's `JSON.stringify` writes it, read by the profile's JSON reader
/// (`checker::draft_json`: serde's deserializer would bring the float formatter into the bundle).
fn read_draft(draft: &JsValue) -> Result<Draft, JsValue> {
    let invalid = |why: &str| js_error(&format!("bozza non valida / invalid draft: {why}"), None);
    let text = js_sys::JSON::stringify(draft).ok().and_then(|s| s.as_string()).ok_or_else(|| invalid("not JSON"))?;
    checker::draft_json::parse_draft(&text).map_err(|e| invalid(&e.render(crate::i18n::Lang::En)))
}

/// One-shot check: `check(profileJson, draft, nowMs, lang)`.
#[wasm_bindgen]
pub fn check(profile_json: &str, draft: JsValue, now_ms: f64, lang: Option<String>) -> Result<JsValue, JsValue> {
    JsChecker::new(profile_json, lang.clone())?.check(draft, now_ms, lang)
}
