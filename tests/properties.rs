//! Issue 12: properties of spans and folding over generated text. Texts are drawn from pieces
//! that have broken spans before (emoji and their selectors, combining marks, CRLF, invisible
//! and look-alike characters, the dotted capital I) mixed with what rules look for.

use banditore::checker::{Checker, Draft};
use banditore::i18n::Lang;
use banditore::profile;
use banditore::text::{Folded, Normalised, Utf16Index};
use banditore::time::Timestamp;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "a",
    "È",
    "é",
    "e\u{301}",
    "İ",
    "ß",
    "ﬁ",
    "🅿\u{fe0f}",
    "👨\u{200d}👩\u{200d}👧",
    "😀",
    "\r\n",
    "\n",
    " ",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{200b}",
    "\u{ad}",
    "\u{2011}",
    "\u{2212}",
    "３",
    "𝟕",
    "٣",
    "Ｍ",
    // Look-alikes read as Latin inside Latin words only, and words of the other script.
    "\u{435}",
    "\u{441}",
    "\u{417}",
    "ж",
    "𝐜",
    "ᴄ",
    "＠",
    "\u{34f}",
    "\u{e0061}",
    "«",
    "»",
    "—",
    "’",
    "*",
    "_",
    "~",
    ".",
    ",",
    "@",
    "/",
    ":",
    "(",
    ")",
    "%",
    "-",
    "333",
    "1234567",
    "Mario",
    "Rossi",
    "via Roma 3",
    "handicappati",
    "merda",
    "m*rda",
    "c4zzo",
    "sconto",
    "promo",
    "https://",
    "www.",
    "bit.ly/x",
    "IT60X0542811101000000123456",
    "RSSMRA85T10A562S",
    "AB 123 CD",
    "mario.rossi@gmail.com",
    "ricoverato",
    "arrestato",
    "votate",
    "ore 23:00",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![text(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn folded_ranges_map_to_char_boundaries_in_order(t in any_text()) {
        let f = Folded::new(&t);
        let mut last = 0;
        for (i, _) in f.text.char_indices().chain(std::iter::once((f.text.len(), ' '))) {
            let (s, e) = f.to_original(i, f.text.len());
            prop_assert!(t.is_char_boundary(s) && t.is_char_boundary(e) && s <= e && e <= t.len());
            prop_assert!(s >= last);
            last = s;
        }
    }

    #[test]
    fn normalised_ranges_map_to_char_boundaries(t in any_text()) {
        let n = Normalised::new(&t);
        let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain(std::iter::once(n.text.len())).collect();
        for w in bounds.windows(2) {
            let r = n.to_original(&t, w[0]..w[1]);
            prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end) && r.start < r.end);
            // A char read as several ("ﬁ" as "fi") maps back to where its first one starts.
            let back = n.to_normal(r.start);
            prop_assert!(back <= w[0] && n.to_original(&t, back..w[1]).start == r.start);
        }
        // Normalising twice changes nothing more.
        prop_assert_eq!(Normalised::new(&n.text).text, n.text.clone());
    }

    #[test]
    fn utf16_offsets_agree_with_encode_utf16(t in any_text()) {
        let idx = Utf16Index::new(&t);
        for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            let u = t[..b].encode_utf16().count();
            prop_assert_eq!(idx.to_utf16(b), u);
            prop_assert_eq!(idx.to_byte(u), b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_finding_marks_the_characters_it_quotes(t in any_text(), which in 0usize..5, lang in any::<bool>()) {
        let name = ["concorezzo", "leini", "sesto-calende", "seveso", "siracusa"][which];
        let json = std::fs::read_to_string(format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let checker = Checker::new(profile::parse(&json).unwrap());
        let now = Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap();
        let lang = if lang { Lang::En } else { Lang::It };
        let report = checker.check(&Draft { text: t.clone(), ..Default::default() }, now, lang).unwrap();
        for f in &report.findings {
            prop_assert!(f.byte_start <= f.byte_end && f.byte_end <= t.len());
            prop_assert!(t.is_char_boundary(f.byte_start) && t.is_char_boundary(f.byte_end));
            prop_assert_eq!(&f.text, &t[f.byte_start..f.byte_end]);
            prop_assert_eq!(f.start, t[..f.byte_start].encode_utf16().count());
            prop_assert_eq!(f.end, t[..f.byte_end].encode_utf16().count());
        }
    }
}
