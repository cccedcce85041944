//! What the fuzz targets share: the seed profiles, a profile with one text field replaced by
//! fuzzer bytes, and the span invariants of a report.

pub mod check_input;

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

#[path = "../../tests/support/spans.rs"]
mod spans;
pub use spans::assert_spans;
