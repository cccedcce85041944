//! The JS binding. It only converts: every decision is made in the pure-Rust core.
//!
//! Two bundles come out of this crate: the citizen widget's (`--features wasm-widget`: profile,
//! consent, informativa, links, QR) and the editors' checker (`--features wasm-checker`), each
//! without the other's API so that neither ships the other's code.

#[cfg(feature = "wasm-builder")]
mod builder;
#[cfg(feature = "wasm-checker")]
mod checker;
#[cfg(feature = "wasm-widget")]
mod widget;

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::profile::ProfileIssue;

/// Plain JS objects (not `Map`s), `null` for `None`: what the JS side expects. The checker's
/// reports go this way on every keystroke, without a JSON round trip.
#[cfg(feature = "wasm-checker")]
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&format!("serialization failed: {e}"), None))
}

/// A value as JSON text parsed by the engine's `JSON.parse`. The widget's views and errors all
/// cross this way: one serializer in its bundle instead of two.
///
/// serde_json's error is not formatted: for these types (string keys, no custom `Serialize`) it
/// cannot occur, and its `Display` would bring serde_json's and std::io's error texts into every
/// bundle (1.3 KB gzip of the widget's capped WASM).
pub(crate) fn json_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|_| js_error("serializzazione non riuscita / serialization failed", None))?;
    js_sys::JSON::parse(&text)
}

/// A JS `Error` whose `issues` property lists the profile problems (path, level, message).
pub(crate) fn js_error(message: &str, issues: Option<&[ProfileIssue]>) -> JsValue {
    let err = js_sys::Error::new(message);
    if let Some(issues) = issues {
        if let Ok(v) = json_value(issues) {
            let _ = js_sys::Reflect::set(&err, &JsValue::from_str("issues"), &v);
        }
    }
    err.into()
}

/// Parses and validates a profile, or a JS error naming every problem.
#[cfg(any(feature = "wasm-widget", feature = "wasm-checker", feature = "wasm-builder"))]
pub(crate) fn load_profile(json: &str, lang: crate::i18n::Lang) -> Result<crate::profile::Profile, JsValue> {
    crate::profile::load(json).map(|(p, _warnings)| p).map_err(|issues| {
        let summary: Vec<String> =
            issues.iter().filter(|i| i.level == crate::profile::IssueLevel::Error).map(|i| i.render(lang)).collect();
        js_error(&summary.join("\n"), Some(&issues))
    })
}

pub(crate) fn parse_lang(lang: Option<String>) -> crate::i18n::Lang {
    lang.and_then(|l| l.parse().ok()).unwrap_or_default()
}
