//! The profile's format and its policy revision: a revision says when returning citizens are
//! asked again, so a change to what they read without a new revision is worth a warning that
//! says which part changed (issue 14).

use super::Issues;
use crate::profile::{Profile, FORMAT};

/// What each hashed section is, for the warning ("sintesi" = the first step of the widget).
#[cfg(feature = "checker")]
const SECTION_NAMES: [(&str, &str, &str); 4] = [
    (
        "summary",
        "la sintesi del primo passo (cosa invia e non invia il canale, orari, destinatari)",
        "the first step's summary (what the channel sends and never sends, hours, audience)",
    ),
    ("articles", "il testo del disciplinare", "the policy's text"),
    ("informativa", "l'informativa privacy", "the privacy notice"),
    ("consent", "le dichiarazioni del consenso", "the consent statements"),
];

pub fn check(profile: &Profile, out: &mut Issues) {
    if profile.format == Some(0) {
        out.error(
            "$.format",
            format!("il formato parte da 1 (attuale: {FORMAT})"),
            format!("formats start at 1 (current: {FORMAT})"),
        );
    }
    #[cfg(feature = "checker")]
    hashes(profile, out);
}

/// The revision's recorded hashes against the content. For whoever edits the profile (CLI,
/// editors): the citizen widget shows no warnings, so its WASM does not carry this (2 KB gzipped).
#[cfg(feature = "checker")]
fn hashes(profile: &Profile, out: &mut Issues) {
    let pol = &profile.policy;
    let recorded = &pol.revision_hashes;
    for key in recorded.keys().filter(|k| !SECTION_NAMES.iter().any(|(id, ..)| id == k)) {
        let list = SECTION_NAMES.map(|(id, ..)| id).join(", ");
        out.error(
            format!("$.policy.revision_hashes.{key}"),
            format!("sezione sconosciuta «{key}»; sezioni: {list}"),
            format!("unknown section \"{key}\"; sections: {list}"),
        );
    }
    // What follows only warns: left out of the bundles that show no warnings, with the
    // section hashing it needs.
    if !super::WARNINGS {
        return;
    }
    let Some(rev) = pol.revision else {
        if !recorded.is_empty() {
            out.warning(
                "$.policy.revision_hashes",
                "ci sono le impronte di una revisione ma manca policy.revision: senza numero di revisione ogni modifica richiede di nuovo il consenso",
                "revision hashes without policy.revision: without a revision number every change asks for consent again",
            );
        }
        return;
    };
    if recorded.is_empty() {
        out.warning(
            "$.policy.revision_hashes",
            format!("revisione {rev} senza impronte del contenuto: eseguire «banditore revision --record» perché validate segnali le modifiche fatte senza nuova revisione"),
            format!("revision {rev} has no content hashes: run `banditore revision --record` so that validate reports changes made without a new revision"),
        );
        return;
    }
    let changed: Vec<(&str, &str)> = crate::consent::section_hashes(profile)
        .into_iter()
        .filter(|(id, hash)| recorded.get(*id) != Some(hash))
        .filter_map(|(id, _)| SECTION_NAMES.iter().find(|(s, ..)| *s == id).map(|(_, it, en)| (*it, *en)))
        .collect();
    if changed.is_empty() {
        return;
    }
    let it: Vec<&str> = changed.iter().map(|c| c.0).collect();
    let en: Vec<&str> = changed.iter().map(|c| c.1).collect();
    out.warning(
        "$.policy.revision",
        format!(
            "il contenuto mostrato ai cittadini è cambiato dalla revisione {rev} ma la revisione no: cambiati {}. Chi ha già dato il consenso non lo ridarà: se la modifica è sostanziale, «banditore revision --bump»; se è una correzione formale, «banditore revision --record»",
            it.join("; ")
        ),
        format!(
            "what citizens are shown changed since revision {rev} but the revision did not: changed {}. People who already consented will not be asked again: for a substantive change, `banditore revision --bump`; for a formal fix, `banditore revision --record`",
            en.join("; ")
        ),
    );
}
