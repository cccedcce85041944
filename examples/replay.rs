//! Replays inputs of the `check` fuzz target natively and prints how long each check takes:
//! `cargo run --release --example replay -- fuzz/artifacts/check/*`. Decodes an input exactly
//! as fuzz/fuzz_targets/check.rs does (profile, category, time, text, 64 KB repetition).

use std::time::Instant;

use banditore::checker::Checker;
use banditore::profile;

#[path = "../fuzz/src/check_input.rs"]
mod check_input;
use check_input::{decode, CheckInput};

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
        let Some(CheckInput { checker, draft, now, lang, amplified }) = decode(&data, &checkers) else { continue };
        let name = SEEDS[checker];
        let checker = &checkers[checker];
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
            "{:>8.2} ms {:>6} findings {:>6} bytes{} {} {}",
            best.0.as_secs_f64() * 1000.0,
            best.1,
            draft.text.len(),
            if amplified { " (repeated)" } else { "" },
            name,
            path
        );
    }
}
