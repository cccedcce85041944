//! The hostile 64 KB shapes of tests/fixtures/hostile.json, built once for the regression test
//! (tests/hostile.rs) and the benchmark (benches/hostile.rs).

/// (name, profile, message) for every shape: `prefix`, `unit` repeated up to `bytes`, `suffix`.
pub fn shapes() -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_str(include_str!("../fixtures/hostile.json")).unwrap();
    let bytes = json["bytes"].as_u64().unwrap() as usize;
    let mut out = Vec::new();
    for s in json["shapes"].as_array().unwrap() {
        let field = |k: &str| s[k].as_str().unwrap_or_default().to_owned();
        let (prefix, unit, suffix) = (field("prefix"), field("unit"), field("suffix"));
        let mut text = prefix;
        while text.len() + unit.len() + suffix.len() <= bytes {
            text.push_str(&unit);
        }
        text.push_str(&suffix);
        let profile = Some(field("profile")).filter(|p| !p.is_empty()).unwrap_or_else(|| "concorezzo".into());
        out.push((field("name"), profile, text));
    }
    out
}
