//! The text the rules read (issue 12): invisible chars dropped and look-alikes read as what they
//! look like, with a map back to the original bytes so a finding still marks exactly what the
//! editor wrote. Real evasions: "cre\u{200B}tini", "m\u{AD}erda", "333\u{202F}1234567", a
//! Cyrillic "е" in "mеrda", "𝐜𝐫𝐞𝐭𝐢𝐧𝐨", "ᴄʀᴇᴛɪɴᴏ", "mario.rossi＠gmail.com", and "Ufﬁcio" pasted
//! from a PDF.

use super::lookalikes::LOOKALIKES;

/// What a char stands for in the text the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normal {
    /// Invisible: not read at all.
    Drop,
    /// Read as these ASCII chars, wherever it is.
    As(&'static str),
    /// A letter of another script drawn like a Latin one (Cyrillic "е", Greek "ο"): read as it
    /// only inside a word that is Latin otherwise, since it is a real letter of a Ukrainian or
    /// Greek word ([`Normalised`] decides; on its own it is kept).
    Foreign(&'static str),
    Keep,
}

/// What `c` stands for, without context.
pub fn normal_char(c: char) -> Normal {
    if c.is_ascii() {
        return Normal::Keep;
    }
    match c {
        // Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 18.0):
        // soft hyphen, zero-width spaces and joiners, bidirectional controls, invisible
        // operators, variation selectors, Hangul fillers, tags.
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{115F}'..='\u{1160}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => Normal::Drop,
        // Spaces of every width, and the Braille blank drawn as one.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{2800}' => Normal::As(" "),
        '\u{2028}' | '\u{2029}' => Normal::As("\n"),
        '\u{2010}'..='\u{2013}' | '\u{2212}' => Normal::As("-"),
        _ => lookalike(c),
    }
}

/// The generated table: mathematical, fullwidth, circled, small-capital and modifier letters,
/// ligatures and other scripts' digits read as ASCII; Cyrillic, Greek and Armenian look-alikes
/// as [`Normal::Foreign`].
fn lookalike(c: char) -> Normal {
    let cp = c as u32;
    let i = LOOKALIKES.partition_point(|&(key, _)| key >> 8 <= cp);
    let Some((key, first_reading)) = i.checked_sub(1).map(|i| &LOOKALIKES[i]) else {
        return Normal::Keep;
    };
    let (first, last) = (key >> 8, (key >> 8) + (key >> 1 & 0x7F));
    if cp > last {
        return Normal::Keep;
    }
    let len = first_reading.iter().position(|&b| b == 0).unwrap_or(3);
    let reading = std::str::from_utf8(&first_reading[..len]).unwrap_or_default();
    let reading = if cp == first { reading } else { shifted(reading, cp - first) };
    if key & 1 == 1 {
        Normal::Foreign(reading)
    } else {
        Normal::As(reading)
    }
}

/// The one-char ASCII reading `n` places after `reading`, as a static str: runs in the table are
/// letters, digits or ASCII punctuation in order ("𝐀".."𝐙" read "A".."Z").
fn shifted(reading: &'static str, n: u32) -> &'static str {
    const ASCII: &str =
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    let at = reading.bytes().next().map_or(0, |b| b as usize).saturating_sub(0x20) + n as usize;
    ASCII.get(at..at + 1).unwrap_or("")
}

/// Chars that belong to a word for the foreign look-alike decision: letters, digits, and the
/// invisible chars hidden inside words.
fn in_word(c: char) -> bool {
    c.is_alphanumeric()
        || match normal_char(c) {
            Normal::Drop => true,
            Normal::As(s) | Normal::Foreign(s) => s.bytes().all(|b| b.is_ascii_alphanumeric()),
            Normal::Keep => false,
        }
}

/// The text the rules read ([`normal_char`]) and a map back to the original bytes.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    /// For every byte of `text`, the original byte offset where its char starts; empty when
    /// the text needed no change (the usual case: offsets are the same).
    map: Vec<usize>,
    original_len: usize,
}

impl Normalised {
    pub fn new(original: &str) -> Self {
        let changes = |c: char| !c.is_ascii() && normal_char(c) != Normal::Keep;
        if !original.chars().any(changes) {
            return Normalised { text: original.to_owned(), map: Vec::new(), original_len: original.len() };
        }
        let mut out = Out { text: String::with_capacity(original.len()), map: Vec::with_capacity(original.len()) };
        let mut chars = original.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // Most of a message is ASCII outside words (spaces, punctuation): copied as it is.
            if c.is_ascii() && !c.is_ascii_alphanumeric() {
                out.copy(at, &original[at..at + 1]);
                continue;
            }
            if !in_word(c) {
                match normal_char(c) {
                    Normal::As(s) => out.push(at, s),
                    _ => out.copy(at, &original[at..at + c.len_utf8()]),
                }
                continue;
            }
            // A whole word, looked at once: its foreign look-alikes are read as Latin only if the
            // rest of it is Latin (or it is made of them only), and as digits only among digits.
            let mut end = at + c.len_utf8();
            while let Some(&(next, n)) = chars.peek() {
                if !in_word(n) {
                    break;
                }
                end = next + n.len_utf8();
                chars.next();
            }
            let written = &original[at..end];
            if written.is_ascii() {
                out.copy(at, written);
                continue;
            }
            let reading = Reading::of(written);
            for (i, c) in written.char_indices() {
                match normal_char(c) {
                    Normal::Drop => {}
                    Normal::As(s) => out.push(at + i, s),
                    Normal::Foreign(s) if reading.reads(s) => out.push(at + i, s),
                    _ => out.copy(at + i, &written[i..i + c.len_utf8()]),
                }
            }
        }
        let Out { text, map } = out;
        Normalised { text, map, original_len: original.len() }
    }

    /// The original byte range of a range of `text`: from the start of its first char to the
    /// end of its last (an invisible char right after it is not taken in).
    pub fn to_original(&self, original: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        if self.map.is_empty() {
            return range;
        }
        let start = self.map.get(range.start).copied().unwrap_or(self.original_len);
        if range.end <= range.start {
            return start..start;
        }
        let last = self.map[range.end - 1];
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        start..end.max(start)
    }

    /// Whether the text was read as written, char for char (the usual case): then nothing in it
    /// can be disguised.
    pub fn is_as_written(&self) -> bool {
        self.map.is_empty()
    }

    /// The offset in `text` of an original byte offset (the first char kept at or after it).
    pub fn to_normal(&self, original: usize) -> usize {
        if self.map.is_empty() {
            return original;
        }
        self.map.partition_point(|&o| o < original)
    }
}

/// The text being built and, for each of its bytes, the original byte it comes from.
struct Out {
    text: String,
    map: Vec<usize>,
}

impl Out {
    /// `s` read for the one char written at `at`: all its bytes map to that char.
    fn push(&mut self, at: usize, s: &str) {
        self.text.push_str(s);
        self.map.extend(std::iter::repeat(at).take(s.len()));
    }

    /// Original text copied unchanged from `at`: each char maps to where it was written.
    fn copy(&mut self, at: usize, s: &str) {
        self.text.push_str(s);
        if s.is_ascii() {
            self.map.extend(at..at + s.len());
            return;
        }
        for (i, c) in s.char_indices() {
            self.map.extend(std::iter::repeat(at + i).take(c.len_utf8()));
        }
    }
}

/// How a word's foreign look-alikes are read.
struct Reading {
    latin: bool,
    digits: bool,
}

impl Reading {
    fn reads(&self, s: &str) -> bool {
        if s.bytes().all(|b| b.is_ascii_digit()) {
            self.digits
        } else {
            self.latin
        }
    }

    fn of(word: &str) -> Reading {
        let (mut latin, mut digits, mut foreign, mut other) = (false, false, 0, false);
        for c in word.chars() {
            let read = normal_char(c);
            match read {
                Normal::Drop => {}
                Normal::As(s) | Normal::Foreign(s) if s.bytes().all(|b| b.is_ascii_digit()) => {
                    digits |= matches!(read, Normal::As(_));
                }
                Normal::As(s) if s.bytes().all(|b| b.is_ascii_alphabetic()) => latin = true,
                Normal::As(_) => {}
                Normal::Foreign(_) => foreign += 1,
                Normal::Keep if c.is_ascii_digit() => digits = true,
                Normal::Keep if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) => latin = true,
                Normal::Keep => other |= c.is_alphabetic(),
            }
        }
        // A word made only of look-alikes ("рогсо" in Cyrillic) is an evasion too; a short one
        // ("З", "і", "о") is more likely a word of its own language.
        Reading { latin: latin || (!other && foreign >= 3), digits }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> String {
        Normalised::new(s).text
    }

    #[test]
    fn invisible_chars_inside_words_are_not_read() {
        for s in [
            "cre\u{200B}tini",
            "cre\u{34F}tini",
            "cre\u{2061}tini",
            "cre\u{E0061}tini",
            "cre\u{180B}tini",
            "cre\u{FE0F}tini",
        ] {
            assert_eq!(read(s), "cretini", "{s:?}");
        }
        assert_eq!(read("333\u{034F}1234567"), "3331234567");
    }

    #[test]
    fn styled_latin_letters_read_as_plain_ones() {
        assert_eq!(read("𝐜𝐫𝐞𝐭𝐢𝐧𝐨"), "cretino");
        assert_eq!(read("𝓬𝓻𝓮𝓽𝓲𝓷𝓸 𝖈𝖗𝖊𝖙𝖎𝖓𝖔 𝚌𝚛𝚎𝚝𝚒𝚗𝚘"), "cretino cretino cretino");
        assert_eq!(read("ᴄʀᴇᴛɪɴᴏ"), "cretino");
        assert_eq!(read("ⓜⓔⓡⓓⓐ ＭＥＲＤＡ"), "merda MERDA");
        assert_eq!(read("Ufﬁcio"), "Ufficio");
        assert_eq!(read("mario.rossi＠gmail．com"), "mario.rossi@gmail.com");
        assert_eq!(read("𝟑𝟑𝟑 ３３３ ٣٣٣ ३३३ ③③③"), "333 333 333 333 333");
    }

    #[test]
    fn cyrillic_and_greek_look_alikes_read_as_latin_inside_latin_words() {
        assert_eq!(read("m\u{435}rda"), "merda");
        assert_eq!(read("merd\u{430}"), "merda");
        assert_eq!(read("\u{441}retino"), "cretino");
        assert_eq!(read("c\u{3bf}glione"), "coglione");
        // Made of look-alikes only, and long enough not to be a word of its own.
        assert_eq!(read("\u{440}\u{43e}\u{433}\u{441}\u{43e}"), "porco");
        // As digits only among digits.
        assert_eq!(read("33\u{417}1234567"), "3331234567");
    }

    #[test]
    fn real_cyrillic_and_greek_words_stay_as_written() {
        for s in ["Шановні мешканці, З 1 березня", "Καλημέρα", "і", "Прохання"]
        {
            assert_eq!(read(s), s);
        }
        // "З" ("from") is not a 3, "о" is not an o on its own.
        assert_eq!(read("З 1 березня о 9:00"), "З 1 березня о 9:00");
    }

    #[test]
    fn what_is_written_on_purpose_stays() {
        for s in ["la 2ª rata", "1º piano", "m² 120", "CO₂", "Prodotti™", "🅿️", "ℹ️ Info", "Ⓜ️ Metro"]
        {
            let r = read(s);
            assert!(!r.contains("2a") && !r.contains("1o") && !r.contains("m2") && !r.contains("TM"), "{s:?} → {r:?}");
        }
        assert_eq!(read("ℹ️ Info"), "ℹ Info");
    }

    #[test]
    fn offsets_map_back_to_what_was_written() {
        let s = "Una m\u{435}rda 𝐜𝐫𝐞𝐭𝐢𝐧𝐨.";
        let n = Normalised::new(s);
        let at = n.text.find("cretino").unwrap();
        let r = n.to_original(s, at..at + "cretino".len());
        assert_eq!(&s[r], "𝐜𝐫𝐞𝐭𝐢𝐧𝐨");
        let at = n.text.find("merda").unwrap();
        assert_eq!(&s[n.to_original(s, at..at + 5)], "m\u{435}rda");
        let s = "Ufﬁcio";
        let n = Normalised::new(s);
        assert_eq!(&s[n.to_original(s, 0..n.text.len())], s);
        assert_eq!(&s[n.to_original(s, 2..4)], "ﬁ");
    }

    #[test]
    fn the_table_is_sorted_and_its_runs_read_ascii() {
        for w in LOOKALIKES.windows(2) {
            let last = (w[0].0 >> 8) + (w[0].0 >> 1 & 0x7F);
            assert!(last < w[1].0 >> 8, "{:X} overlaps {:X}", w[0].0 >> 8, w[1].0 >> 8);
        }
        for &(key, reading) in &LOOKALIKES {
            let (first, last) = (key >> 8, (key >> 8) + (key >> 1 & 0x7F));
            assert!(reading[0] != 0 && reading.is_ascii());
            assert!(first == last || reading[1] == 0);
            for cp in [first, last] {
                let read = char::from_u32(cp).map(normal_char);
                assert!(matches!(read, Some(Normal::As(s) | Normal::Foreign(s)) if !s.is_empty()), "{cp:X}");
            }
        }
        assert_eq!(normal_char('𝐳'), Normal::As("z"));
        assert_eq!(normal_char('～'), Normal::As("~"));
        assert_eq!(normal_char('\u{445}'), Normal::Foreign("x"));
    }
}
