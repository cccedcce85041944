//! Native checker timing: one check of a 1 KB, 4 KB and 100 KB message (realistic text
//! from the clean corpus with some personal data mixed in, so every rule has work to do),
//! and the one-off setup: compiling the built-in lexicons and building a `Checker` for a
//! profile. Run with `cargo bench --bench checker`; figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Instant;

use banditore::checker::lexicon::{self, Lexicon};
use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::profile::{self, Profile};
use banditore::time::Timestamp;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn profile() -> Profile {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal-profile.json")).unwrap();
    profile::load(&text).expect("fixture profile").0
}

/// Paragraphs to build messages from: the clean corpus plus a few with findings.
fn paragraphs() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut out: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    out.insert(3, "Il signor Rossi, residente in via Verdi, è ricoverato: chiamare il 333 1234567 o scrivere a mario.rossi@gmail.com.\n".into());
    out.insert(
        9,
        "Rimozione del veicolo targato AB 123 CD; C.F. RSSMRA85T10A562S; IBAN IT42L1234512345123456789012.\n".into(),
    );
    out
}

/// A message of about `bytes` bytes, cut at a paragraph boundary.
fn message(bytes: usize) -> String {
    let paras = paragraphs();
    let mut text = String::new();
    for p in paras.iter().cycle() {
        if text.len() + p.len() > bytes {
            break;
        }
        text.push_str(p);
        text.push('\n');
    }
    text
}

fn now() -> Timestamp {
    Timestamp::parse_rfc3339("2026-11-24T10:00:00+01:00").unwrap()
}

fn bench(c: &mut Criterion) {
    // The very first check in the process pays for every lazily compiled lexicon and regex:
    // printed once, since criterion can only time what repeats.
    let p = profile();
    let cold = Instant::now();
    let checker = Checker::new(p.clone());
    let first = checker.check(&Draft { text: message(4 * 1024), ..Default::default() }, now(), Lang::It).unwrap();
    eprintln!(
        "cold first check (4 KB, all lazy setup included): {:?}, {} findings",
        cold.elapsed(),
        first.findings.len()
    );

    let mut group = c.benchmark_group("check");
    for (label, size) in [("1KB", 1024), ("4KB", 4 * 1024), ("100KB", 100 * 1024)] {
        let draft = Draft { text: message(size), ..Default::default() };
        group.throughput(Throughput::Bytes(draft.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &draft, |b, d| {
            b.iter(|| checker.check(black_box(d), now(), Lang::It).unwrap())
        });
    }
    // Inside the fixture's electoral period, where par condicio reads every word (issue 13).
    let draft =
        Draft { text: message(4 * 1024), send_at: Some("2026-05-04T10:00:00+02:00".into()), ..Default::default() };
    group.bench_with_input(BenchmarkId::from_parameter("4KB_electoral_period"), &draft, |b, d| {
        b.iter(|| checker.check(black_box(d), now(), Lang::It).unwrap())
    });
    group.finish();

    // Issue 3's rules alone (personal data, GDPR art. 9 and 10), the rest switched off in the
    // profile, to tell their share from issue 4's.
    let mut mine = p.clone();
    for rule in banditore::checker::rules::all() {
        for id in rule.ids() {
            if !(id.starts_with("personal-data") || *id == "special-category" || *id == "judicial-data") {
                mine.checker.disabled_rules.push((*id).to_owned());
            }
        }
    }
    let personal = Checker::new(mine);
    let draft = Draft { text: message(4 * 1024), ..Default::default() };
    c.bench_function("check_personal_only/4KB", |b| {
        b.iter(|| personal.check(black_box(&draft), now(), Lang::It).unwrap())
    });

    let mut setup = c.benchmark_group("setup");
    setup.sample_size(10);
    let sources: Vec<String> = lexicon::BUILTIN
        .iter()
        .map(|name| {
            std::fs::read_to_string(format!("{}/data/lexicons/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap()
        })
        .collect();
    setup.bench_function("compile_builtin_lexicons", |b| {
        b.iter(|| sources.iter().map(|s| Lexicon::parse(black_box(s)).unwrap()).collect::<Vec<_>>())
    });
    setup.bench_function("checker_new", |b| b.iter(|| Checker::new(black_box(p.clone()))));
    setup.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
