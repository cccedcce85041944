//! How the `check` fuzz target reads its bytes as a draft (profile, category, time, text, 64 KB
//! repetition). Shared by the target and by examples/replay.rs (through `#[path]`), which replays
//! the same inputs natively, so both always decode alike.

use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::time::Timestamp;

/// One decoded input: which checker (index), the draft, the checker's "now", the language, and
/// whether the text was repeated to 64 KB.
pub struct CheckInput {
    pub checker: usize,
    pub draft: Draft,
    pub now: Timestamp,
    pub lang: Lang,
    pub amplified: bool,
}

/// `data` as an input for one of `checkers`; None when it is too short to choose.
pub fn decode(data: &[u8], checkers: &[Checker]) -> Option<CheckInput> {
    let [which, pick, t0, t1, rest @ ..] = data else { return None };
    let index = *which as usize % checkers.len();
    let categories = &checkers[index].profile().categories;
    let category = match *pick as usize % (categories.len() + 2) {
        0 => None,
        k if k <= categories.len() => Some(categories[k - 1].id.clone()),
        _ => Some("non-esiste".to_owned()),
    };
    let lang = if pick & 0x80 == 0 { Lang::It } else { Lang::En };
    // Ten-minute steps over 455 days from 1 January 2026: both DST changes, nights, holidays and
    // the seeds' electoral periods.
    let steps = u16::from_le_bytes([*t0, *t1]) as i64;
    let now = Timestamp(Timestamp::parse_rfc3339("2026-01-01T00:00:00Z").unwrap().0 + steps * 600);
    let mut text = String::from_utf8_lossy(rest).into_owned();
    // An arbitrary send_at string now and then, for the time parser.
    let send_at = (*which % 16 == 15).then(|| text.lines().next().unwrap_or("").to_owned());
    let amplified = *which >= 252 && !text.is_empty();
    if amplified {
        let unit = text.clone();
        while text.len() + unit.len() <= 65_536 {
            text.push_str(&unit);
        }
    }
    let draft = Draft { text, category, send_at, attachments: Vec::new() };
    Some(CheckInput { checker: index, draft, now, lang, amplified })
}
