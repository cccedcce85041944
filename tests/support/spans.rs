//! The span invariants of a report, shared by the tests (through `#[path]`) and by the fuzz
//! targets (fuzz/src/lib.rs), so that every one asserts the same thing.

use banditore::checker::Report;
use banditore::profile::Severity;

/// Every finding's span inside the text, on char boundaries, `text` equal to the byte slice,
/// its UTF-16 offsets denoting the same characters, and `can_send` agreeing with the findings.
/// Linear in the text: a 64 KB hostile message may carry tens of thousands of findings.
pub fn assert_spans(text: &str, report: &Report) {
    let mut units = vec![usize::MAX; text.len() + 1];
    let mut u = 0;
    for (i, c) in text.char_indices() {
        units[i] = u;
        u += c.len_utf16();
    }
    units[text.len()] = u;
    for f in &report.findings {
        assert!(f.byte_start <= f.byte_end && f.byte_end <= text.len(), "span outside the text: {f:?}");
        assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end), "not on a char: {f:?}");
        assert_eq!(f.text, text[f.byte_start..f.byte_end], "text is not the span: {f:?}");
        assert_eq!((f.start, f.end), (units[f.byte_start], units[f.byte_end]), "UTF-16 span differs: {f:?}");
    }
    let errors = report.findings.iter().any(|f| f.severity == Severity::Error);
    assert_eq!(report.can_send, !errors, "can_send disagrees with the findings");
}
