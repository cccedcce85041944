//! Issue 12: adversarial 64 KB messages against a normal 64 KB notice, in the same run. The
//! shapes are `tests/fixtures/hostile.json` (the and those the fuzzers found), each
//! checked with the profile it was found with. Every one must take under 50 ms. Run with
//! `cargo bench --bench hostile`; figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::profile;
use banditore::time::Timestamp;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/support/hostile_shapes.rs"]
mod hostile_shapes;
use hostile_shapes::shapes;

/// The clean corpus's notices, repeated to 64 KB: what a long ordinary message costs.
fn notice() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let paragraphs: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut text = String::new();
    for p in paragraphs.iter().cycle() {
        if text.len() + p.len() + 1 > 65_536 {
            break;
        }
        text.push_str(p);
        text.push('\n');
    }
    text
}

fn checker(name: &str) -> Checker {
    let path = format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Checker::new(profile::load(&std::fs::read_to_string(path).unwrap()).unwrap().0)
}

fn bench(c: &mut Criterion) {
    let now = Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap();
    let mut group = c.benchmark_group("hostile-64KB");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    let mut cases = vec![("normal-notice".to_owned(), "concorezzo".to_owned(), notice())];
    cases.extend(shapes());
    for (name, profile, text) in cases {
        let checker = checker(&profile);
        let draft = Draft { text, ..Default::default() };
        group.throughput(Throughput::Bytes(draft.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &draft, |b, d| {
            b.iter(|| checker.check(black_box(d), now, Lang::It).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
