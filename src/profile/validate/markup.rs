//! Markup and script in any text of the profile. Profile text is always rendered as text, but a
//! profile carrying `<script>`, `javascript:` or `onload=` is hostile or broken either way, and
//! some consumer (an editor plugin, a copy-paste into a CMS) might not escape it: reject it.

use super::Issues;
use crate::profile::json::texts::Texts;
use crate::profile::json::Path;
use crate::profile::Profile;

pub fn check(profile: &Profile, out: &mut Issues) {
    let mut found = Vec::new();
    profile.texts(&Path::Root, &mut |path, s| {
        if let Some(m) = problem(s) {
            found.push((path.render(), m));
        }
    });
    for (path, (it, en)) in found {
        if !out.has_error_at(&path) {
            out.error(path, it, en);
        }
    }
}

/// Why a text is not plain text, or `None`.
pub fn problem(s: &str) -> Option<(String, String)> {
    // Each check needs one ASCII character that most texts lack; looking for it first keeps
    // validation of a whole profile from lowercasing every text (it was most of `validate`).
    let has = |c: u8| s.as_bytes().contains(&c);
    if let Some(tag) = has(b'<').then(|| tag(s)).flatten() {
        return Some((
            format!("il testo contiene un marcatore HTML {tag:?}: i testi del profilo devono essere testo semplice"),
            format!("the text contains an HTML tag {tag:?}: profile texts must be plain text"),
        ));
    }
    if let Some(scheme) = has(b':').then(|| script_scheme(s)).flatten() {
        return Some((
            format!("il testo contiene uno schema eseguibile {scheme:?}, non ammesso"),
            format!("the text contains an executable scheme {scheme:?}, which is not allowed"),
        ));
    }
    if let Some(h) = has(b'=').then(|| event_handler(s)).flatten() {
        return Some((
            format!("il testo contiene un gestore di eventi HTML {h:?}, non ammesso"),
            format!("the text contains an HTML event handler {h:?}, which is not allowed"),
        ));
    }
    None
}

/// `<` followed by a letter, `/`, `!` or `?` opens a tag, a comment or a processing
/// instruction; `a < b` and `<3` stay text.
fn tag(s: &str) -> Option<String> {
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '<' && it.peek().is_some_and(|(_, n)| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) {
            let inner: String = s[i..].chars().take_while(|c| *c != '>').collect();
            let short: String = inner.chars().take(24).collect();
            return Some(if short.len() < inner.len() { format!("{short}…") } else { format!("{short}>") });
        }
    }
    None
}

/// `javascript:` and friends, even split by spaces or control characters as browsers tolerate,
/// and `data:` URLs with a media type (Italian "data: 12/3" stays text). Browsers match schemes
/// in ASCII case only, so ASCII lowercasing is exact (Unicode's would also map the Kelvin sign to k).
fn script_scheme(s: &str) -> Option<&'static str> {
    let compact: String =
        s.chars().filter(|c| !c.is_whitespace() && !c.is_control()).map(|c| c.to_ascii_lowercase()).collect();
    for scheme in ["javascript:", "vbscript:", "livescript:"] {
        if compact.contains(scheme) {
            return Some(scheme);
        }
    }
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("data:") {
        let rest = lower[from + pos + 5..].trim_start();
        let kind: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        if !kind.is_empty() && rest[kind.len()..].starts_with('/') {
            return Some("data:");
        }
        from += pos + 5;
    }
    None
}

/// Prefixes of DOM event names: `on` + one of these + `=` is a handler, while ordinary words
/// ("online = in rete") are not.
const EVENTS: &[&str] = &[
    "abort",
    "animation",
    "auxclick",
    "before",
    "begin",
    "blur",
    "can",
    "change",
    "click",
    "close",
    "context",
    "copy",
    "cut",
    "dblclick",
    "drag",
    "drop",
    "durationchange",
    "emptied",
    "end",
    "error",
    "focus",
    "hashchange",
    "input",
    "invalid",
    "key",
    "load",
    "message",
    "mouse",
    "paste",
    "pause",
    "play",
    "pointer",
    "popstate",
    "progress",
    "ratechange",
    "reset",
    "resize",
    "scroll",
    "search",
    "seek",
    "select",
    "show",
    "stalled",
    "storage",
    "submit",
    "suspend",
    "timeupdate",
    "toggle",
    "touch",
    "transition",
    "unload",
    "volumechange",
    "waiting",
    "wheel",
];

/// `onload=`, `onerror =`...: `on` at a word start, an event name, optional spaces, `=`.
fn event_handler(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let at_word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80);
        if at_word_start && b[i..i + 2].eq_ignore_ascii_case(b"on") {
            let mut j = i + 2;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            let name_end = j;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let name = s[i + 2..name_end].to_ascii_lowercase();
            let is_event = EVENTS.iter().any(|e| name.starts_with(e));
            if is_event && j < b.len() && b[j] == b'=' {
                return Some(s[i..=j].to_owned());
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::profile::IssueLevel;

    #[test]
    fn plain_italian_text_passes() {
        for ok in [
            "Il servizio è attivo dal lunedì al venerdì in orario 9-13.",
            "Data: 12/3/2026, ore 9",
            "temperature < 0 gradi, cuore <3",
            "online = in rete; bonus=1",
            "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
            "Invia «ATTIVA ISCRIZIONE»",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn markup_and_scripts_are_caught() {
        for bad in [
            "<script>alert(1)</script>",
            "Ciao <b>cittadini</b>",
            "<img src=x onerror=alert(1)>",
            "</p>",
            "<!-- x -->",
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            "JAVASCRIPT :alert(1)",
            "vedi data:text/html;base64,PHNjcmlwdD4=",
            "Città: DATA:TEXT/HTML,ciao",
            "È VbScript:msgbox",
            "x\" onmouseover=\"alert(1)",
            "onload =alert(1)",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn every_string_is_walked_and_named_by_path() {
        let issues = issues_with(|v| {
            v["policy"]["articles"][1]["paragraphs"][0] = "Testo <script>alert(1)</script>".into();
            v["institutional_contacts"]["office_holders"][0]["role"] = "<b>Sindaco</b>".into();
            v["checker"]["extra_terms"] = serde_json::json!({"offensive": ["onerror=alert(1)"]});
            v["categories"][0]["label"] = "Emergenze\u{0} javascript:void(0)".into();
        });
        for path in [
            "$.policy.articles[1].paragraphs[0]",
            "$.institutional_contacts.office_holders[0].role",
            "$.checker.extra_terms.offensive[0]",
            "$.categories[0].label",
        ] {
            assert!(has(&issues, IssueLevel::Error, path), "{path}: {issues:#?}");
        }
    }

    #[test]
    fn map_keys_are_checked_too() {
        let issues = issues_with(|v| {
            v["checker"]["extra_terms"] = serde_json::json!({"<svg onload=x>": ["a"]});
        });
        assert!(errors(&issues).iter().any(|i| i.path.starts_with("$.checker.extra_terms[")), "{issues:#?}");
    }

    #[test]
    fn a_bad_url_is_reported_once() {
        let issues = issues_with(|v| v["comune"]["website"] = "javascript:alert(1)".into());
        assert_eq!(issues.iter().filter(|i| i.path == "$.comune.website").count(), 1, "{issues:#?}");
    }
}
