//! What the fuzz targets share: the seed profiles, a profile with one text field replaced by
//! fuzzer bytes, and the span invariants of a report.

pub mod check_input;

use banditore::checker::Report;
use banditore::profile::Profile;

/// The five seed comuni's profiles, as shipped.
pub const SEEDS: [&str; 5] = [
    include_str!("../../pkg-config/concorezzo.json"),
    include_str!("../../pkg-config/leini.json"),
    include_str!("../../pkg-config/sesto-calende.json"),
    include_str!("../../pkg-config/seveso.json"),
    include_str!("../../pkg-config/siracusa.json"),
];

/// The seed profiles, parsed once.
pub fn seeds() -> &'static [Profile] {
    static CELL: std::sync::OnceLock<Vec<Profile>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| SEEDS.iter().map(|s| banditore::profile::load(s).expect("seed profile").0).collect())
}

/// Seed profile `which` (mod 5) as JSON with its `field`-th string (mod their number, in
/// document order) replaced by `text`: reaches validation and rendering with hostile text in
/// every field, which raw byte mutations of the JSON rarely do.
pub fn seed_with_text(which: u8, field: u16, text: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(SEEDS[which as usize % SEEDS.len()]).unwrap();
    let mut strings: Vec<&mut serde_json::Value> = Vec::new();
    collect_strings(&mut v, &mut strings);
    if !strings.is_empty() {
        let n = strings.len();
        *strings[field as usize % n] = serde_json::Value::String(text.to_owned());
    }
    v.to_string()
}

fn collect_strings<'v>(v: &'v mut serde_json::Value, out: &mut Vec<&'v mut serde_json::Value>) {
    match v {
        serde_json::Value::String(_) => out.push(v),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// Every finding's span inside the text, on char boundaries, `text` equal to the byte slice,
/// and its UTF-16 offsets denoting the same characters.
pub fn assert_spans(text: &str, report: &Report) {
    // UTF-16 offset of every byte offset, computed once (a report may hold thousands of findings).
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
    let errors = report.findings.iter().any(|f| f.severity == banditore::profile::Severity::Error);
    assert_eq!(report.can_send, !errors, "can_send disagrees with the findings");
}
