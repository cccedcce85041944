//! Hunts slow checks the hand-written hostile shapes do not cover: every term of every lexicon in
//! `data/lexicons/` (and a list of tokens: numbers, links, addresses, punctuation), joined by each
//! of a set of separators and repeated to 64 KB, checked with every seed profile inside and
//! outside an electoral period. Prints the slowest shapes and every one over the bound.
//!
//! `cargo run --release --example sweep [-- bound_ms]` (default 50 ms, the issue's native bound).
//! Not a test: a full sweep takes minutes, and timings belong to a quiet machine (RELIABILITY.md).

use std::time::{Duration, Instant};

use banditore::checker::{rules, Checker, Draft};
use banditore::i18n::Lang;
use banditore::profile::{self, ElectoralPeriod};
use banditore::time::Timestamp;

const SEEDS: [&str; 5] = ["concorezzo", "leini", "sesto-calende", "seveso", "siracusa"];
const BYTES: usize = 65_536;
/// How many random pairs of terms are swept besides every term alone.
const PAIRS: usize = 20_000;

/// What may sit between two repetitions of a term: the separators that made the issue's shapes
/// slow (none, comma, dot, apostrophe, closing parenthesis) and their relatives.
const SEPARATORS: [&str; 16] = [" ", "", ",", ", ", ".", ". ", "'", "’", "-", ")", "(", "\n", "*", "/", ":", " e "];

/// Tokens that no lexicon lists but rules parse: numbers, IBANs, links, addresses, dates, times,
/// masks, emoji and punctuation runs.
const TOKENS: &[&str] = &[
    "3331234567",
    "+39 333 1234567",
    "039 1234567",
    "333.123.4567",
    "IT60X0542811101000000123456",
    "RSSMRA80A01H501U",
    "mario.rossi@example.it",
    "@",
    "https://www.comune.concorezzo.mb.it/a",
    "www.",
    "http://",
    "chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv",
    "t.me/",
    "bit.ly/x",
    "1.1.1.1",
    "12/05/2026",
    "8.30-12.30",
    "ore 10",
    "m*rda",
    "c4zz0",
    "p***",
    "x***",
    "a1",
    "1a",
    "«",
    "»",
    "—",
    "🅿️",
    "👨‍👩‍👧",
    "#",
    "!!!",
    "???",
    "...",
    "((",
    "[[",
    "\"",
    "§",
    "%",
    "€ 10",
    "Via Roma 1",
    // Runs of one kind of character, markup and case.
    "a",
    "A",
    "1",
    "è",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{202e}",
    "\t",
    "\r\n",
    "*_~",
    "```",
    "AVVISO",
    "12345678901",
    "1234567890123456",
    "Sig. Rossi",
    "dott.ssa",
    "L'",
    "nato il 1/1/1980",
    // Look-alikes and spelled-out addresses (read as Latin only inside Latin words).
    "m\u{435}rda",
    "\u{440}\u{43e}\u{433}\u{441}\u{43e}",
    "\u{417}",
    "ж",
    "𝐜𝐫",
    "ᴄʀ",
    "ﬁ",
    "＠",
    "\u{34f}",
    "\u{e0020}",
    " (at) ",
    "[dot]",
    " punto com",
];

fn terms() -> Vec<String> {
    let dir = format!("{}/data/lexicons", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<String> = TOKENS.iter().map(|t| t.to_string()).collect();
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
                continue;
            }
            // `cazz{o,i}` and `incazz*` are lexicon patterns: the stem with its first ending is a
            // word the rule matches, and the raw line is what an editor might paste.
            let plain = match line.split_once('{') {
                Some((stem, rest)) => format!("{stem}{}", rest.split([',', '}']).next().unwrap_or("")),
                None => line.replace('*', ""),
            };
            out.push(plain);
            out.push(line.to_owned());
        }
    }
    // Single chars and letter/digit/space pairs with every punctuation mark: runs like `a.a.a.`
    // and `1-1-1-` that no word list suggests.
    let marks = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’—–…€°§·•";
    for mark in marks.chars() {
        out.push(mark.to_string());
        for lead in ["a", "A", "1", "è", "Mario"] {
            out.push(format!("{lead}{mark}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn repeated(unit: &str) -> String {
    let mut text = String::with_capacity(BYTES);
    while text.len() + unit.len() <= BYTES {
        text.push_str(unit);
    }
    text
}

/// The rule family whose absence saves the most time on `draft`, and that time.
fn culprit(checker: &Checker, draft: &Draft, now: Timestamp) -> String {
    let time = |c: &Checker| {
        let t = Instant::now();
        let _ = c.check(draft, now, Lang::It);
        t.elapsed()
    };
    let full = time(checker);
    let mut families: Vec<&str> =
        rules::all().iter().flat_map(|r| r.ids().iter().map(|id| id.split('.').next().unwrap_or(id))).collect();
    families.dedup();
    let (family, without) = families
        .into_iter()
        .map(|family| {
            let mut profile = checker.profile().clone();
            profile.checker.disabled_rules.push(family.to_owned());
            (family, time(&Checker::new(profile)))
        })
        .min_by_key(|&(_, t)| t)
        .unwrap_or(("?", full));
    format!("without {family}: {:.2} ms", without.as_secs_f64() * 1000.0)
}

fn main() {
    let bound = Duration::from_millis(std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50));
    let mut checkers = Vec::new();
    for seed in SEEDS {
        let json = std::fs::read_to_string(format!("{}/pkg-config/{seed}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let (profile, _) = profile::load(&json).unwrap();
        let mut electoral = profile.clone();
        electoral.electoral_periods =
            vec![ElectoralPeriod { from: "2026-11-01".into(), to: "2026-12-31".into(), label: "elezioni".into() }];
        checkers.push((seed, "", Checker::new(profile)));
        checkers.push((seed, " (elezioni)", Checker::new(electoral)));
    }
    let now = Timestamp::parse_rfc3339("2026-11-24T10:00:00+01:00").unwrap();
    let terms = terms();
    let mut units: Vec<String> =
        terms.iter().flat_map(|t| SEPARATORS.iter().map(move |sep| format!("{t}{sep}"))).collect();
    // Pairs of terms from anywhere in the lists with separators between them ("zingaro, via
    // Roma 1 ", "pd’3331234567-"), chosen by a fixed linear congruential sequence so that every
    // sweep checks the same ones.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    for _ in 0..PAIRS {
        let (a, b) = (&terms[next(terms.len())], &terms[next(terms.len())]);
        let (s1, s2) = (SEPARATORS[next(SEPARATORS.len())], SEPARATORS[next(SEPARATORS.len())]);
        units.push(format!("{a}{s1}{b}{s2}"));
    }
    let started = Instant::now();
    let mut timings: Vec<(Duration, String)> = Vec::new();
    let mut over = 0;
    for (i, unit) in units.iter().enumerate() {
        let draft = Draft { text: repeated(unit), ..Default::default() };
        // Every seed, in and out of an electoral period, on one shape in 400; otherwise one of
        // the ten in turn, so that a sweep stays in minutes.
        let chosen: Vec<usize> = if i % 400 == 0 { (0..checkers.len()).collect() } else { vec![i % checkers.len()] };
        for k in chosen {
            let (seed, period, checker) = &checkers[k];
            let t = Instant::now();
            let report = checker.check(&draft, now, Lang::It);
            let took = t.elapsed();
            let label = format!("{unit:?} {seed}{period}: {} findings", report.map_or(0, |r| r.findings.len()));
            if took > bound {
                over += 1;
                println!("OVER {:>8.2} ms {label}; {}", took.as_secs_f64() * 1000.0, culprit(checker, &draft, now));
            }
            timings.push((took, label));
        }
    }
    timings.sort_by_key(|t| std::cmp::Reverse(t.0));
    println!(
        "{} checks of {BYTES}-byte shapes ({} terms, {PAIRS} pairs) in {:.0} s; {over} over {bound:?}; slowest:",
        timings.len(),
        terms.len(),
        started.elapsed().as_secs_f64()
    );
    for (took, label) in timings.iter().take(15) {
        println!("{:>8.2} ms {label}", took.as_secs_f64() * 1000.0);
    }
}
