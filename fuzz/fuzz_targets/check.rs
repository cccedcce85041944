//! `check` on arbitrary text with every seed profile, category and send time. Asserts no
//! panic and the span invariants; one input in sixty-four is repeated to 64 KB and timed
//! (release builds only) against a stall bound; the native 50 ms bound is checked by replaying
//! the corpus (RELIABILITY.md).
#![no_main]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::time::Timestamp;
use banditore_fuzz::check_input::decode;
use banditore_fuzz::{assert_spans, seeds};
use libfuzzer_sys::fuzz_target;

fn checkers() -> &'static [Checker] {
    static CELL: OnceLock<Vec<Checker>> = OnceLock::new();
    CELL.get_or_init(|| seeds().iter().cloned().map(Checker::new).collect())
}

/// Whether a 64 KB check stalled: over `BANDITORE_FUZZ_SLOW_MS` (default 2000) and over a
/// hundred times a normal 64 KB notice checked with the same profile, measured again now. The
/// coverage instrumentation slows some code paths far more than others, and the machine is
/// shared, so the fuzzer only hunts stalls (quadratic work takes seconds to minutes); the 50 ms
/// bound is checked natively by replaying the corpus (`examples/replay.rs`, RELIABILITY.md).
fn too_slow(checker: &Checker, took: Duration) -> bool {
    let floor = std::env::var("BANDITORE_FUZZ_SLOW_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    if took < Duration::from_millis(floor) {
        return false;
    }
    static NOTICE_64K: OnceLock<Draft> = OnceLock::new();
    let draft = NOTICE_64K.get_or_init(|| {
        let mut notice = String::new();
        while notice.len() < 60_000 {
            notice.push_str(NOTICE);
        }
        Draft { text: notice, ..Default::default() }
    });
    let baseline = (0..3)
        .map(|_| {
            let t = Instant::now();
            let _ = checker.check(draft, Timestamp(1_780_000_000), Lang::It);
            t.elapsed()
        })
        .min()
        .unwrap_or_default();
    took > baseline * 100
}

/// An ordinary notice, repeated into the 64 KB baseline.
const NOTICE: &str = "Si informa la cittadinanza che lunedì 4 maggio, dalle 8.30 alle 17.30, via Roma sarà chiusa al traffico per lavori di manutenzione della rete idrica. I residenti potranno accedere ai passi carrai. Per informazioni: Ufficio Tecnico, www.comune.esempio.it, tel. 039 1234567.\n";

fuzz_target!(|data: &[u8]| {
    let Some(input) = decode(data, checkers()) else { return };
    let checker = &checkers()[input.checker];
    let started = Instant::now();
    let Ok(report) = checker.check(&input.draft, input.now, input.lang) else { return };
    let took = started.elapsed();
    assert_spans(&input.draft.text, &report);
    if input.amplified && !cfg!(debug_assertions) {
        assert!(!too_slow(checker, took), "slow check: {took:?} on {} bytes", input.draft.text.len());
    }
});
