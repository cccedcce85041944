//! Informativa rendering with arbitrary text in every profile field: the HTML stays well formed
//! (known tags and attributes only, balanced, quoted, only the five escapes: profile text can
//! neither open a tag nor break out of an attribute); text and Markdown render without a panic.
#![no_main]

use banditore::i18n::Lang;
use banditore::informativa::{build, render, Format};
use banditore::profile;
use libfuzzer_sys::fuzz_target;

const TAGS: [&str; 8] = ["article", "h1", "h2", "p", "section", "ul", "li", "a"];
const ATTRIBUTES: [&str; 4] = ["class", "lang", "id", "href"];

/// Panics unless `html` is well formed in the subset the renderer writes.
fn assert_well_formed(html: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(['<', '>', '&']) {
        let after = &rest[i..];
        if after.starts_with('>') {
            panic!("a bare '>' in text: {:?}", &rest[..i + 1]);
        }
        if after.starts_with('&') {
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| after.starts_with(e));
            assert!(ok, "a bare '&': {:?}", &after[..after.len().min(12)]);
            rest = &after[1..];
            continue;
        }
        let end = after.find('>').expect("an unclosed tag");
        let tag = &after[1..end];
        assert!(!tag.contains('<'), "'<' inside a tag: {tag:?}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "mismatched </{name}>");
        } else {
            let name = tag.split(' ').next().unwrap_or("");
            assert!(TAGS.contains(&name), "unknown tag <{name}>");
            // Attributes: name="value", values without quotes or angle brackets inside.
            let mut attrs = tag[name.len()..].trim();
            while !attrs.is_empty() {
                let eq = attrs.find("=\"").expect("an unquoted attribute");
                // Text that broke out of an attribute would add one of its own.
                assert!(ATTRIBUTES.contains(&&attrs[..eq]), "unknown attribute {:?}", &attrs[..eq]);
                let close = attrs[eq + 2..].find('"').expect("an unterminated attribute") + eq + 2;
                attrs = attrs[close + 1..].trim_start();
            }
            open.push(name);
        }
        rest = &after[end + 1..];
    }
    assert!(open.is_empty(), "unclosed tags: {open:?}");
}

fuzz_target!(|data: &[u8]| {
    let [which, f0, f1, flags, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let json = banditore_fuzz::seed_with_text(*which, u16::from_le_bytes([*f0, *f1]), &text);
    let Ok((p, _)) = profile::load(&json) else { return };
    let lang = if flags & 1 == 0 { Lang::It } else { Lang::En };
    let channel = p.channels.get((*flags >> 1) as usize % p.channels.len().max(1));
    let inf = build(&p, channel, lang);
    let html = render(&inf, Format::Html, lang);
    assert_well_formed(&html);
    let _ = render(&inf, Format::Text, lang);
    let _ = render(&inf, Format::Markdown, lang);
});
