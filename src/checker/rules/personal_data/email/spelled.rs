//! Addresses spelled out to keep them from harvesters, as people copy them from web pages:
//! "mario.rossi (at) gmail.com", "mario[at]gmail[dot]com", "mario.rossi chiocciola gmail punto
//! it", "mario.rossi @ gmail.com". They are the same personal data.

use std::ops::Range;

/// A spelled-out "@" or ".", bracketed (spaces around it optional).
const BRACKETED: &[(&str, char)] = &[
    ("(at)", '@'),
    ("[at]", '@'),
    ("{at}", '@'),
    ("<at>", '@'),
    ("(chiocciola)", '@'),
    ("[chiocciola]", '@'),
    ("(dot)", '.'),
    ("[dot]", '.'),
    ("{dot}", '.'),
    ("(punto)", '.'),
    ("[punto]", '.'),
];
/// As a word between spaces; a dot only before a common top-level domain ("gmail punto com"),
/// since "punto" is an ordinary Italian word.
const WORDS: &[(&str, char)] = &[("at", '@'), ("chiocciola", '@'), ("dot", '.'), ("punto", '.')];
const TLDS: &[&str] = &["it", "com", "net", "org", "eu", "info"];
/// Spaces allowed on each side of a marker.
const SPACES: usize = 3;

/// The text with every spelled-out "@" and "." written as the char, and for every byte of it
/// the byte of the original it comes from.
pub struct Spelled {
    pub text: String,
    map: Vec<usize>,
}

impl Spelled {
    /// None when nothing is spelled out (the usual case).
    pub fn new(text: &str) -> Option<Spelled> {
        // Most messages spell nothing out: find the first marker before copying anything.
        let first = starts(text).find(|&i| marker(text, i).is_some())?;
        let mut out = Spelled { text: String::with_capacity(text.len()), map: Vec::with_capacity(text.len()) };
        out.text.push_str(&text[..first]);
        for (at, c) in text[..first].char_indices() {
            out.map.extend(std::iter::repeat(at).take(c.len_utf8()));
        }
        let mut changed = false;
        let mut i = first;
        while i < text.len() {
            if let Some((c, end)) = marker(text, i) {
                out.text.push(c);
                out.map.push(i);
                changed = true;
                i = end;
                continue;
            }
            let Some(ch) = text[i..].chars().next() else { break };
            out.text.push(ch);
            out.map.extend(std::iter::repeat(i).take(ch.len_utf8()));
            i += ch.len_utf8();
        }
        changed.then_some(out)
    }

    /// The original range of a range of `text` that starts and ends on written chars.
    pub fn to_original(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.map[range.start];
        let last = self.map[range.end - 1];
        start..last + original[last..].chars().next().map_or(1, char::len_utf8)
    }
}

/// Where a marker may start: its spaces or its first char, all ASCII (so char boundaries).
fn starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes().enumerate().filter(|(_, b)| matches!(b, b' ' | b'(' | b'[' | b'{' | b'<' | b'@')).map(|(i, _)| i)
}

/// The char a marker starting at `at` (spaces before it included) stands for, and where the
/// marker and the spaces after it end. Bounded work per position: linear over the text.
fn marker(text: &str, at: usize) -> Option<(char, usize)> {
    let b = text.as_bytes();
    let spaces = |from: usize| b[from..].iter().take(SPACES + 1).take_while(|&&c| c == b' ').count();
    let before = spaces(at);
    let m = at + before;
    if before > SPACES {
        return None;
    }
    let starts_with = |w: &str| starts_at(b, m, w);
    let word_end = |e: usize| !b.get(e).is_some_and(|c| c.is_ascii_alphanumeric());
    // One byte tells which markers may follow: almost every space is followed by none.
    match b.get(m)?.to_ascii_lowercase() {
        b'(' | b'[' | b'{' | b'<' => {
            let &(w, c) = BRACKETED.iter().find(|(w, _)| starts_with(w))?;
            let end = m + w.len() + spaces(m + w.len());
            (end - (m + w.len()) <= SPACES).then_some((c, end))
        }
        // A plain "@" is only spelled out with a space on a side; "a@b" is an address as it is.
        b'@' => {
            let end = m + 1 + spaces(m + 1);
            (end - (m + 1) <= SPACES && (before > 0 || end > m + 1)).then_some(('@', end))
        }
        b'a' | b'c' | b'd' | b'p' if before > 0 => {
            let &(w, c) = WORDS.iter().find(|(w, _)| starts_with(w) && word_end(m + w.len()))?;
            let end = m + w.len() + spaces(m + w.len());
            if end == m + w.len() || end - (m + w.len()) > SPACES {
                return None;
            }
            let tld = |t: &&str| starts_at(b, end, t) && word_end(end + t.len());
            (c == '@' || TLDS.iter().any(tld)).then_some((c, end))
        }
        _ => None,
    }
}

fn starts_at(b: &[u8], at: usize, w: &str) -> bool {
    b.len() >= at + w.len() && b[at..at + w.len()].eq_ignore_ascii_case(w.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(s: &str) -> Option<String> {
        Spelled::new(s).map(|s| s.text)
    }

    #[test]
    fn spelled_out_at_and_dot_are_read_as_written_chars() {
        for (s, want) in [
            ("mario.rossi (at) gmail.com", "mario.rossi@gmail.com"),
            ("mario.rossi[at]gmail[dot]com", "mario.rossi@gmail.com"),
            ("mario.rossi [AT] gmail [DOT] com", "mario.rossi@gmail.com"),
            ("mario.rossi chiocciola gmail punto com", "mario.rossi@gmail.com"),
            ("mario.rossi at libero punto it.", "mario.rossi@libero.it."),
            ("mario.rossi @ gmail.com", "mario.rossi@gmail.com"),
        ] {
            assert_eq!(spelled(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn ordinary_words_and_addresses_are_left_alone() {
        for s in [
            "Ritrovo al punto di raccolta",
            "Meet at the station",
            "Orari (attenzione)",
            "a punto com",
            "Ci vediamo at Villa Rossi. Punto e basta",
        ] {
            let found = Spelled::new(s).map(|sp| super::super::addresses(&sp.text).count()).unwrap_or(0);
            assert_eq!(found, 0, "{s}");
        }
        assert_eq!(spelled("Ritrovo al punto di raccolta"), None);
        assert_eq!(spelled("mario@gmail.com"), None);
    }

    #[test]
    fn ranges_map_back_to_the_written_text() {
        let s = "Scrivete a mario.rossi (at) gmail [dot] com entro lunedì.";
        let sp = Spelled::new(s).unwrap();
        let at = sp.text.find("mario.rossi@gmail.com").unwrap();
        let r = sp.to_original(s, at..at + "mario.rossi@gmail.com".len());
        assert_eq!(&s[r], "mario.rossi (at) gmail [dot] com");
    }
}
