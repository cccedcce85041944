//! Text positions and the folded form the matchers work on.
//!
//! Rules match on a folded copy of the message (lowercase, accents stripped, typographic
//! apostrophes straightened) and report byte ranges of the *original* text, so emoji,
//! accents, combining marks and CRLF never shift a highlight. JS editors need UTF-16 code
//! units; `Utf16Index` converts.

mod lookalikes;
mod normal;

pub use normal::{normal_char, Normal, Normalised};

/// Maps byte offsets of a string to UTF-16 code-unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// (byte offset, utf16 offset) at every char boundary where the two diverge in step.
    /// Kept as a full table of char starts for O(log n) lookups.
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let raw = text.as_bytes();
        let mut bytes = vec![0];
        let mut units = vec![0];
        // ASCII runs are skipped byte by byte; only multibyte chars are recorded.
        let (mut last_byte, mut last_unit) = (0usize, 0usize);
        let mut i = 0;
        while i < raw.len() {
            let lead = raw[i];
            if lead.is_ascii() {
                i += 1;
                continue;
            }
            let len = match lead {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                _ => 2,
            };
            let u = last_unit + (i - last_byte);
            let after = u + if len == 4 { 2 } else { 1 };
            if i > 0 {
                bytes.push(i);
                units.push(u);
            }
            bytes.push(i + len);
            units.push(after);
            (last_byte, last_unit) = (i + len, after);
            i += len;
        }
        if text.is_empty() {
            bytes.clear();
            units.clear();
        }
        bytes.push(text.len());
        units.push(last_unit + (text.len() - last_byte));
        Utf16Index { bytes, units }
    }

    /// UTF-16 offset of a byte offset on a char boundary.
    pub fn to_utf16(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(0) => byte,
            Err(i) => self.units[i - 1] + (byte - self.bytes[i - 1]),
        }
    }

    /// Byte offset of a UTF-16 offset (rounded down to a char boundary).
    pub fn to_byte(&self, unit: usize) -> usize {
        match self.units.binary_search(&unit) {
            Ok(i) => self.bytes[i],
            Err(0) => unit,
            Err(i) => self.bytes[i - 1] + (unit - self.units[i - 1]),
        }
    }
}

/// Convenience for a single conversion.
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// Lowercased, accent-free copy of a text with a map back to the original bytes.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// For every byte of `text`, the byte offset in the original where its char starts;
    /// one extra entry maps `text.len()` to the original's length.
    map: Vec<usize>,
    orig_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most of a message is ASCII: whole runs are copied, lowercased and mapped one to one.
            let run = bytes[at..].iter().take_while(|&&b| b.is_ascii() && b != b'`').count();
            if run > 0 {
                let from = text.len();
                text.push_str(&original[at..at + run]);
                text[from..].make_ascii_lowercase();
                map.extend(at..at + run);
                at += run;
                continue;
            }
            let Some(c) = original[at..].chars().next() else { break };
            let b = at;
            at += c.len_utf8();
            let mut push = |f: char| {
                let before = text.len();
                text.push(f);
                for _ in before..text.len() {
                    map.push(b);
                }
            };
            if is_combining_mark(c) {
                continue;
            }
            let c = match normal_char(c) {
                Normal::Drop => continue,
                Normal::As(n) => {
                    n.chars().for_each(|n| push(n.to_ascii_lowercase()));
                    continue;
                }
                Normal::Foreign(_) | Normal::Keep => c,
            };
            match fold_char(c) {
                Fold::One(f) => push(f),
                // "İ" lowercases to "i" and a combining dot: the dot is dropped like any other
                // mark, so the word stays one word.
                Fold::Lower => {
                    for l in c.to_lowercase().filter(|&l| !is_combining_mark(l)) {
                        push(l);
                    }
                }
            }
        }
        map.push(original.len());
        Folded { text, map, orig_len: original.len() }
    }

    /// The original byte range of a folded byte range. The end extends to the end of the
    /// last original char (and its combining marks), so the whole offending text is covered.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start];
        let e = if end >= self.text.len() { self.orig_len } else { self.map[end] };
        (s, e.max(s))
    }

    /// The folded byte offset of an original byte offset (on a char boundary): where the
    /// folded form of the char starting there begins.
    pub fn to_folded(&self, original: usize) -> usize {
        self.map[..self.text.len()].partition_point(|&o| o < original)
    }
}

enum Fold {
    One(char),
    Lower,
}

fn fold_char(c: char) -> Fold {
    let f = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
        '\u{2013}' | '\u{2014}' => '-',
        c if c.is_ascii() => {
            return if c.is_ascii_uppercase() { Fold::One(c.to_ascii_lowercase()) } else { Fold::One(c) }
        }
        _ => return Fold::Lower,
    };
    Fold::One(f)
}

/// Lowercase for comparing a profile's short values (keywords, ids, links, contacts): ASCII and
/// the Latin-1 letters Italian writes (À-Þ), everything else unchanged. Full Unicode lowercasing
/// would put its case tables (about 7 KB gzipped) into the citizen widget's WASM for letters
/// that no comune's keyword or link uses.
pub fn lower_latin(s: &str) -> String {
    s.chars().map(lower_latin_char).collect()
}

fn lower_latin_char(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    }
}

/// The ASCII letter or digit a char folds to ("à" → 'a'), if any: for file names.
pub fn ascii_fold(c: char) -> Option<char> {
    match fold_char(c) {
        Fold::One(f) if f.is_ascii_alphanumeric() => Some(f),
        _ => None,
    }
}

/// Combining diacritical marks: folded away so that "e\u{301}" matches like "é".
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Letters (accented Italian letters included) and digits form words.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Line and column (1-based, columns in chars) of a byte offset, for CLI output.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_latin_agrees_with_unicode_on_latin_1_and_leaves_the_rest() {
        for c in (0u32..0x250).filter_map(char::from_u32) {
            let full: String = c.to_lowercase().collect();
            let ours = lower_latin(&c.to_string());
            if c <= '\u{FF}' {
                assert_eq!(ours, full, "{c:?}");
            } else {
                assert_eq!(ours, c.to_string(), "{c:?}");
            }
        }
        assert_eq!(lower_latin("CITTÀ di Sesto ÉÈ ŠKODA"), "città di sesto éè Škoda");
    }

    #[test]
    fn ascii_fold_keeps_letters_and_digits_only() {
        assert_eq!("Città n°1 ñ-Ü".chars().filter_map(ascii_fold).collect::<String>(), "cittan1nu");
        assert_eq!(ascii_fold('Ж'), None);
    }

    #[test]
    fn utf16_offsets_with_emoji_accents_and_crlf() {
        let t = "Città 🚧\r\nchiusa: 333 1234567";
        let idx = Utf16Index::new(t);
        let b = t.find("333").unwrap();
        let u = idx.to_utf16(b);
        assert_eq!(u, utf16_offset(t, b));
        let units: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[u..u + 3]).unwrap(), "333");
        assert_eq!(idx.to_byte(u), b);
        assert_eq!(idx.to_utf16(t.len()), units.len());
    }

    #[test]
    fn utf16_offsets_at_every_char_boundary() {
        for t in ["", "a", "è", "🚧", "Città 🚧\r\nè̀ ok 𝄞x", "abc", "é🚧"] {
            let idx = Utf16Index::new(t);
            for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                assert_eq!(idx.to_utf16(b), utf16_offset(t, b), "{t:?} at {b}");
                assert_eq!(idx.to_byte(utf16_offset(t, b)), b, "{t:?} at {b}");
            }
        }
    }

    #[test]
    fn folding_runs_of_ascii_equals_folding_char_by_char() {
        // The char-by-char folding, as the reference for the run-copying one.
        fn reference(original: &str) -> (String, Vec<usize>) {
            let (mut text, mut map) = (String::new(), Vec::new());
            for (b, c) in original.char_indices() {
                if is_combining_mark(c) {
                    continue;
                }
                let before = text.len();
                let c = match normal_char(c) {
                    Normal::Drop => continue,
                    Normal::As(n) => {
                        text.push_str(&n.to_ascii_lowercase());
                        map.extend(std::iter::repeat(b).take(text.len() - before));
                        continue;
                    }
                    Normal::Foreign(_) | Normal::Keep => c,
                };
                match fold_char(c) {
                    Fold::One(f) => text.push(f),
                    Fold::Lower => text.extend(c.to_lowercase().filter(|&l| !is_combining_mark(l))),
                }
                map.extend(std::iter::repeat(b).take(text.len() - before));
            }
            map.push(original.len());
            (text, map)
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        texts.push("`Città`\u{301} L’ASSESSORE ÀÉ 🚧 İstanbul ß ﬁ\r\n".into());
        texts.push(String::new());
        for t in &texts {
            let f = Folded::new(t);
            assert_eq!((f.text, f.map), reference(t), "{t}");
        }
    }

    #[test]
    fn folding_maps_back_to_original_bytes() {
        let t = "L’ASSESSORE è Ricoverato";
        let f = Folded::new(t);
        assert_eq!(f.text, "l'assessore e ricoverato");
        let s = f.text.find("ricoverato").unwrap();
        let (a, b) = f.to_original(s, s + "ricoverato".len());
        assert_eq!(&t[a..b], "Ricoverato");
    }

    #[test]
    fn original_offsets_map_to_folded_ones() {
        let t = "Città\u{301} 🚧 L’ASSESSORE";
        let f = Folded::new(t);
        for (word, folded) in [("🚧", "🚧"), ("L’ASSESSORE", "l'assessore"), ("Città", "citta")] {
            let s = f.to_folded(t.find(word).unwrap());
            assert!(f.text[s..].starts_with(folded), "{word}");
        }
        assert_eq!(f.to_folded(t.len()), f.text.len());
    }

    #[test]
    fn combining_marks_fold_and_stay_covered() {
        let t = "perche\u{301} positivo";
        let f = Folded::new(t);
        assert_eq!(f.text, "perche positivo");
        let s = f.text.find("perche").unwrap();
        let (a, b) = f.to_original(s, s + 6);
        assert_eq!(&t[a..b], "perche\u{301}");
        let p = f.text.find("positivo").unwrap();
        let (a, b) = f.to_original(p, p + 8);
        assert_eq!(&t[a..b], "positivo");
    }

    #[test]
    fn line_col_counts_chars_and_ignores_cr() {
        let t = "è\r\nab X";
        assert_eq!(line_col(t, t.find('X').unwrap()), (2, 4));
    }
}
