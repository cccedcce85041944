//! The consent flow under random transition sequences, starting from arbitrary saved receipts
//! (raw text, or well-formed receipts with fuzzed ids, versions, times and acknowledgements).
//! Invariants: no panic; a refused transition leaves the step unchanged; the join step is only
//! ever reached with a receipt for the current policy version that holds every required
//! acknowledgement; a receipt survives its own JSON.
#![no_main]

use banditore::consent::{Flow, Receipt, Step};
use banditore::i18n::Lang;
use banditore::time::Timestamp;
use banditore_fuzz::seeds;
use libfuzzer_sys::fuzz_target;

fn check_invariants(flow: &Flow) {
    if flow.step() == Step::Join {
        let r = flow.receipt().expect("join step without a receipt");
        assert_eq!(r.policy_version, flow.policy_version(), "join step with a stale receipt");
        for a in flow.acks().iter().filter(|a| a.required) {
            assert!(r.acknowledgements.iter().any(|g| g == a.id), "join step without {}", a.id);
        }
    }
    // A channel whose link is not published yet shows no link, whatever the step.
    let view = flow.view();
    if !flow.join_available() {
        assert!(view.join.primary.url.is_empty() && view.join.qr.url.is_empty() && view.join.qr.svg.is_empty());
    }
    // Before the join step nothing can be scanned: the QR code is drawn at the join step only.
    if flow.step() != Step::Join {
        assert!(view.join.qr.svg.is_empty(), "QR code drawn before consent");
    }
    if let Some(r) = flow.receipt() {
        assert_eq!(Receipt::from_json(&r.to_json()).as_ref(), Some(r), "receipt does not survive its JSON");
    }
}

fuzz_target!(|data: &[u8]| {
    let [which, mode, len, rest @ ..] = data else { return };
    let profile = &seeds()[*which as usize % seeds().len()];
    let lang = if mode & 0x80 == 0 { Lang::It } else { Lang::En };
    let (saved_bytes, ops) = rest.split_at((*len as usize).min(rest.len()));
    let saved_text = String::from_utf8_lossy(saved_bytes).into_owned();
    let saved = match mode & 3 {
        0 => None,
        1 => Some(saved_text),
        _ => {
            // A well-formed receipt: each field the real one or fuzzer text, any acknowledgements.
            let real = Flow::new(profile, lang, None).expect("seed flow");
            let pick = |bit: u8, real: &str| {
                if saved_bytes.first().is_some_and(|b| b & bit != 0) {
                    saved_text.clone()
                } else {
                    real.to_owned()
                }
            };
            let acks: Vec<&str> = real
                .acks()
                .iter()
                .enumerate()
                .filter(|(i, _)| saved_bytes.get(1).is_none_or(|b| b >> (i % 8) & 1 == 1))
                .map(|(_, a)| a.id)
                .collect();
            let receipt = serde_json::json!({
                "profile_id": pick(1, &profile.id),
                "policy_version": pick(2, real.policy_version()),
                "lang": if mode & 4 == 0 { "it" } else { "en" },
                "consented_at": pick(4, "2026-03-29T01:30:00Z"),
                "acknowledgements": acks,
            });
            Some(receipt.to_string())
        }
    };
    let Ok(mut flow) = Flow::new(profile, lang, saved.as_deref()) else { return };
    check_invariants(&flow);
    let mut now = Timestamp(1_780_000_000);
    for &op in ops {
        let before = flow.step();
        let ack = flow.acks().get((op >> 4) as usize % flow.acks().len().max(1)).map(|a| a.id);
        let refused = match op & 0x0F {
            0 => flow.next().is_err(),
            1 => flow.back().is_err(),
            2 => ack.is_some_and(|id| flow.set_ack(id, true).is_err()),
            3 => ack.is_some_and(|id| flow.set_ack(id, false).is_err()),
            4 => flow.set_ack("non-esiste", true).is_err(),
            5 => {
                now = Timestamp(now.0 + i64::from(op));
                flow.consent(now).is_err()
            }
            6 => flow.decline().is_err(),
            7 => flow.revoke().is_err(),
            8 => flow.restart().is_err(),
            9 => flow.select_channel(profile, (op >> 4) as usize).is_err(),
            _ => {
                let _ = flow.view();
                false
            }
        };
        if refused {
            assert_eq!(flow.step(), before, "a refused transition changed the step");
        }
        check_invariants(&flow);
    }
});
