//! The citizen widget's JS API: `new Subscription(profileJson, lang, savedReceiptJson, nowMs)`,
//! its `view()` and transitions. Documented in docs/widget-api.md.
//!
//! Views cross to JS as JSON text parsed by the engine's `JSON.parse` (`super::json_value`).

use wasm_bindgen::prelude::*;

use super::{js_error, json_value, load_profile, parse_lang};
use crate::consent::{Flow, FlowError};
use crate::i18n::Lang;
use crate::time::Timestamp;

/// The view's TypeScript shape, kept word for word with docs/widget-api.md.
#[wasm_bindgen(typescript_custom_section)]
const VIEW_TS: &str = r#"
export interface View {
  step: "policy" | "informativa" | "consent" | "join" | "declined" | "revoked";
  lang: "it" | "en";
  policy_changed: boolean;          // a saved receipt existed for an older policy version
  can_back: boolean;                // back() is allowed now
  can_next: boolean;                // next() is allowed now
  can_decline: boolean;
  comune: { id: string; name: string; official_name: string; province: string };
  channel: {
    kind: "whatsapp-channel" | "whatsapp-broadcast" | "telegram-channel";
    platform: "whatsapp" | "telegram";
    name: string;                   // channel name (falls back to the comune's official name)
    label: string;                  // e.g. "Canale WhatsApp del Comune di Siracusa"
  };
  // Every channel the comune offers (its one-way channels), the one this flow is for selected.
  // With more than one, the citizen may pick another on the first step: selectChannel(index).
  channels: { index: number; kind: View["channel"]["kind"]; platform: "whatsapp" | "telegram"; label: string; selected: boolean }[];
  policy: {
    title: string;
    approval: string;               // "Delibera di Giunta Comunale n. 2 del 17/01/2025", "" if unknown
    url: string;                    // published policy, "" if none
    summary: string[];              // the policy in short: one sentence per point
    articles: { number: string; title: string; paragraphs: string[] }[];   // full text on demand
  };
  informativa: {
    title: string;
    intro: string;
    sections: { id: string; heading: string; paragraphs: string[] }[];      // art. 13 GDPR elements
    url: string;                    // the comune's own privacy page, "" if none
    gaps: string[];                 // JSON paths of art. 13 elements the profile leaves empty (the notice says so)
  };
  consent: {
    legend: string;                 // fieldset legend
    intro: string;
    acks: { id: string; label: string; checked: boolean; required: boolean; source: string }[];
    can_consent: boolean;           // every required ack checked, step === "consent" and join.available
    note: string;                   // "free, optional, revocable at any time"
  };
  join: {
    available: boolean;             // false while the comune has not published its link/number yet
    unavailable: string;            // why, when available is false ("" otherwise); link, QR, number are then empty
    title: string;
    platform_action: string;        // "Apri in WhatsApp" / "Open in Telegram"
    primary: { url: string; label: string };   // channel invite, wa.me subscribe link or t.me link
    qr: { svg: string; text_alternative: string; url: string };   // QR of primary.url; svg "" before the join step
    number: null | { e164: string; display: string };             // broadcast lists only
    vcard: null | { text: string; file_name: string; mime: "text/vcard"; label: string };
    subscribe: null | { keyword: string; url: string; label: string };   // wa.me?text=ATTIVA%20ISCRIZIONE
    steps: string[];                // how to join, in order
  };
  unsubscribe: { title: string; steps: string[] };     // per channel kind (+ the profile's own text)
  help: {
    title: string; text: string;
    contacts: { kind: "email" | "phone" | "toll-free" | "url"; label: string; value: string; url: string }[];
  };
  official: {                       // "does not replace the official channels"
    notice: string;
    links: { kind: "website" | "pec" | "albo" | "trasparenza"; label: string; value: string; url: string }[];
  };
  messages: {
    declined: string;               // declining is a normal outcome + use the official channels
    revoked: string;                // consent withdrawn; how to actually leave follows in `unsubscribe`
    policy_changed: string;         // "" when policy_changed is false
    revision_message: string;       // the comune's note on what changed (policy.revision_message), "" if none
  };
  receipt: Receipt | null;          // set on "join"
}

export interface Receipt {                 // no personal data
  profile_id: string;
  policy_version: string;           // "sha256:<hex>" over all that is read before consenting: summary, policy, informativa, acknowledgements (it and en)
  revision?: number;                // policy.revision consented to, when the profile numbers its revisions
  lang: "it" | "en";
  consented_at: string;             // RFC 3339 UTC, e.g. "2026-05-04T07:30:00Z"
  acknowledgements: string[];       // ack ids given, e.g. ["phone-number", "policy", "transmission"]
}
"#;

#[wasm_bindgen]
pub struct Subscription {
    flow: Flow,
    /// Kept to rebuild the flow when the citizen picks another of the comune's channels.
    profile: crate::profile::Profile,
}

/// An `Error` with `code` ("invalid-transition", "unknown-ack", "missing-ack", "unknown-channel").
fn flow_error(e: FlowError, lang: Lang) -> JsValue {
    let err = js_error(e.message.get(lang), None);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code));
    err
}

fn flow_for(profile_json: &str, lang: Lang, saved: Option<&str>) -> Result<(Flow, crate::profile::Profile), JsValue> {
    let profile = load_profile(profile_json, lang)?;
    let flow = Flow::new(&profile, lang, saved).map_err(|issues| {
        let summary: Vec<String> = issues.iter().map(|i| i.render(lang)).collect();
        js_error(&summary.join("\n"), Some(&issues))
    })?;
    Ok((flow, profile))
}

#[wasm_bindgen]
impl Subscription {
    /// Throws an `Error` with `issues` when the profile is unusable.
    #[wasm_bindgen(constructor)]
    pub fn new(
        profile_json: &str,
        lang: Option<String>,
        saved_receipt_json: Option<String>,
        _now_ms: Option<f64>,
    ) -> Result<Subscription, JsValue> {
        let lang = parse_lang(lang);
        let (flow, profile) = flow_for(profile_json, lang, saved_receipt_json.as_deref())?;
        Ok(Subscription { flow, profile })
    }

    #[wasm_bindgen(getter)]
    pub fn step(&self) -> String {
        self.flow.step().name().to_owned()
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn view(&self) -> Result<JsValue, JsValue> {
        json_value(&self.flow.view())
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn next(&mut self) -> Result<JsValue, JsValue> {
        self.flow.next().map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn back(&mut self) -> Result<JsValue, JsValue> {
        self.flow.back().map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    /// Offers another of the comune's channels (`view.channels[i].index`); first step only.
    #[wasm_bindgen(js_name = selectChannel, unchecked_return_type = "View")]
    pub fn select_channel(&mut self, index: u32) -> Result<JsValue, JsValue> {
        self.flow.select_channel(&self.profile, index as usize).map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    #[wasm_bindgen(js_name = setAck, unchecked_return_type = "View")]
    pub fn set_ack(&mut self, id: &str, checked: bool) -> Result<JsValue, JsValue> {
        self.flow.set_ack(id, checked).map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn consent(&mut self, now_ms: f64) -> Result<JsValue, JsValue> {
        // Years 1970-9999 only: a receipt's time must print as RFC 3339.
        if !(0.0..=253_402_300_799_999.0).contains(&now_ms) {
            return Err(js_error("nowMs deve essere Date.now() / nowMs must be Date.now()", None));
        }
        let lang = self.flow.lang();
        self.flow.consent(Timestamp::from_millis(now_ms)).map_err(|e| flow_error(e, lang))?;
        self.view()
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn decline(&mut self) -> Result<JsValue, JsValue> {
        self.flow.decline().map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn revoke(&mut self) -> Result<JsValue, JsValue> {
        self.flow.revoke().map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn restart(&mut self) -> Result<JsValue, JsValue> {
        self.flow.restart().map_err(|e| flow_error(e, self.flow.lang()))?;
        self.view()
    }

    /// The receipt as JSON to store, `null` unless consent is in force.
    #[wasm_bindgen(js_name = receiptJson)]
    pub fn receipt_json(&self) -> Option<String> {
        self.flow.receipt().map(|r| r.to_json())
    }
}

/// `"sha256:<hex>"`: the version a receipt must carry to be current.
#[wasm_bindgen(js_name = policyVersion)]
pub fn policy_version(profile_json: &str) -> Result<String, JsValue> {
    Ok(flow_for(profile_json, Lang::It, None)?.0.policy_version().to_owned())
}
