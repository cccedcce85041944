//! Replays inputs of the `check` fuzz target natively and prints how long each check takes:
//! `cargo run --release --example replay -- fuzz/artifacts/check/*`. Decodes an input exactly
//! as fuzz/fuzz_targets/check.rs does (profile, category, time, text, 64 KB repetition).

use std::time::Instant;

use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::profile;
use banditore::time::Timestamp;

const SEEDS: [&str; 5] = ["concorezzo", "leini", "sesto-calende", "seveso", "siracusa"];

fn main() {
    let checkers: Vec<Checker> = SEEDS
        .iter()
        .map(|s| {
            let json = std::fs::read_to_string(format!("{}/pkg-config/{s}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
            Checker::new(profile::load(&json).unwrap().0)
        })
        .collect();
    for path in std::env::args().skip(1) {
        // A running fuzzer may drop a corpus entry meanwhile.
        let Ok(data) = std::fs::read(&path) else { continue };
        let [which, pick, t0, t1, rest @ ..] = data.as_slice() else { continue };
        let checker = &checkers[*which as usize % checkers.len()];
        let categories = &checker.profile().categories;
        let category = match *pick as usize % (categories.len() + 2) {
            0 => None,
            k if k <= categories.len() => Some(categories[k - 1].id.clone()),
            _ => Some("non-esiste".to_owned()),
        };
        let lang = if pick & 0x80 == 0 { Lang::It } else { Lang::En };
        let steps = u16::from_le_bytes([*t0, *t1]) as i64;
        let now = Timestamp(Timestamp::parse_rfc3339("2026-01-01T00:00:00Z").unwrap().0 + steps * 600);
        let mut text = String::from_utf8_lossy(rest).into_owned();
        let send_at = (*which % 16 == 15).then(|| text.lines().next().unwrap_or("").to_owned());
        if *which >= 252 && !text.is_empty() {
            let unit = text.clone();
            while text.len() + unit.len() <= 65_536 {
                text.push_str(&unit);
            }
        }
        let draft = Draft { text, category, send_at, attachments: Vec::new() };
        let _ = checker.check(&draft, now, lang);
        let best = (0..5)
            .map(|_| {
                let t = Instant::now();
                let r = checker.check(&draft, now, lang);
                (t.elapsed(), r.map_or(0, |r| r.findings.len()))
            })
            .min()
            .unwrap();
        println!(
            "{:>8.2} ms {:>6} findings {:>6} bytes {} {}",
            best.0.as_secs_f64() * 1000.0,
            best.1,
            draft.text.len(),
            SEEDS[*which as usize % 5],
            path
        );
    }
}
