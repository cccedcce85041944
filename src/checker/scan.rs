//! Byte-level scanning helpers for the rules' token patterns (phone numbers, links, codes).
//!
//! The rules used to find these tokens with the regex crate: ~350 KB of the editors' WASM
//! bundle and ~170 ms to compile the patterns on the first check, for about twenty small
//! patterns. Each rule now has a short hand-written scanner built from these helpers; its doc
//! comment quotes the pattern it replaces, and a differential test beside it checks that both
//! find exactly the same matches (see [`testing`]).
//!
//! Conventions kept from the patterns: `(?-u:\b)` is an ASCII word boundary ([`ascii_boundary`]);
//! `\s`, `\d` and `\w` without `(?-u)` are Unicode ([`is_space`], [`is_digit`], [`is_word`]).

use std::ops::Range;

#[cfg(test)]
pub mod testing;
mod unicode;

/// Unicode `\s`: the White_Space property, which is also what `char::is_whitespace` tests.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Unicode `\d`: decimal digits of every script (Nd), not just `0-9`.
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&unicode::DECIMAL, c)
    }
}

/// Unicode `\w`: letters, marks, decimal digits, connector punctuation.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        is_word_byte(c as u8)
    } else {
        in_table(&unicode::WORD, c)
    }
}

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = table.partition_point(|&(_, last)| last < c);
    table.get(i).is_some_and(|&(first, _)| first <= c)
}

/// ASCII word byte `[0-9A-Za-z_]`; bytes of non-ASCII chars are not word bytes.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// [`is_word_byte`] as a table: scanners and the lexicon ask it for nearly every byte.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// `(?-u:\b)` at byte `at` of `text`: a word byte on exactly one side.
#[inline]
pub fn ascii_boundary(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let before = at > 0 && is_word_byte(bytes[at - 1]);
    let after = at < bytes.len() && is_word_byte(bytes[at]);
    before != after
}

/// Unicode `\b` at byte `at` (a char boundary) of `text`.
pub fn unicode_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word);
    let after = text[at..].chars().next().is_some_and(is_word);
    before != after
}

/// Length in bytes of the run of Unicode `\w` chars at the start of `s` (`\A\w+`, 0 if none).
pub fn word_run(s: &str) -> usize {
    s.char_indices().find(|&(_, c)| !is_word(c)).map_or(s.len(), |(i, _)| i)
}

/// Greedy repetition `{min,max}` over a run of `run` items: the counts to try, most first (the
/// order a backtracking engine tries them in); none when the run is shorter than `min`.
pub fn counts(run: usize, min: usize, max: usize) -> impl Iterator<Item = usize> {
    (min..=run.min(max)).rev()
}

/// The first match starting at or after byte `from`, leftmost first as in `Regex::find`:
/// `at(start)` tries the pattern at each char boundary in turn and returns where its match ends.
pub fn first_match(text: &str, from: usize, mut at: impl FnMut(usize) -> Option<usize>) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    (from..bytes.len()).filter(|&s| !is_continuation(bytes[s])).find_map(|s| at(s).map(|e| s..e))
}

/// Whether the pattern matches somewhere in `text` (`Regex::is_match`), tried as in [`first_match`].
pub fn matches_anywhere(text: &str, at: impl FnMut(usize) -> Option<usize>) -> bool {
    first_match(text, 0, at).is_some()
}

/// Every non-overlapping match, leftmost first, as `Regex::find_iter`: `first(text, from)` is the
/// first match starting at or after byte `from` (e.g. built on [`first_match`]).
pub fn find_iter<'t, F>(text: &'t str, first: F) -> impl Iterator<Item = Range<usize>> + 't
where
    F: Fn(&'t str, usize) -> Option<Range<usize>> + 't,
{
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let m = first(text, from?)?;
        // The patterns never match empty text; were one to, step over a char so the iteration ends.
        from = if m.end > m.start { Some(m.end) } else { text[m.end..].chars().next().map(|c| m.end + c.len_utf8()) };
        Some(m)
    })
}

/// Every non-overlapping match of a pattern tried at each char boundary in turn, leftmost first
/// (`Regex::find_iter`): `at(text, start)` returns where a match starting at `start` ends.
pub fn find_all<'t>(
    text: &'t str,
    at: impl Fn(&'t str, usize) -> Option<usize> + 't,
) -> impl Iterator<Item = Range<usize>> + 't {
    find_iter(text, move |text, from| first_match(text, from, |start| at(text, start)))
}

/// [`first_match`] for patterns that start with `(?-u:\b)` and a word byte (`\b[A-Z]`,
/// `\b[0-9]`): only the first byte of each word can start one, so the rest of every word is
/// skipped instead of tried (same matches, several times faster on a whole message).
pub fn first_match_words(text: &str, from: usize, mut at: impl FnMut(usize) -> Option<usize>) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut s = from;
    while s < bytes.len() {
        if !is_word_byte(bytes[s]) {
            s += 1;
            continue;
        }
        if s == 0 || !is_word_byte(bytes[s - 1]) {
            if let Some(e) = at(s) {
                return Some(s..e);
            }
        }
        s += 1;
        while s < bytes.len() && is_word_byte(bytes[s]) {
            s += 1;
        }
    }
    None
}

/// [`find_all`] for patterns that start with `(?-u:\b)` and a word byte (see
/// [`first_match_words`]).
pub fn find_all_words<'t>(
    text: &'t str,
    at: impl Fn(&'t str, usize) -> Option<usize> + 't,
) -> impl Iterator<Item = Range<usize>> + 't {
    find_iter(text, move |text, from| first_match_words(text, from, |start| at(text, start)))
}

#[inline]
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// A position in a text that moves forward as the pattern's pieces are eaten. Each `eat*` moves
/// only when it matches, so a failed optional piece leaves the cursor where it was.
#[derive(Debug, Clone, Copy)]
pub struct Cursor<'t> {
    text: &'t str,
    pub pos: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str, pos: usize) -> Self {
        Cursor { text, pos }
    }

    /// The byte at the cursor.
    #[inline]
    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub fn peek_char(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// The byte `b` (ASCII).
    #[inline]
    pub fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.pos += usize::from(hit);
        hit
    }

    /// The literal `s`, exactly.
    pub fn eat_str(&mut self, s: &str) -> bool {
        let hit = self.text[self.pos..].starts_with(s);
        if hit {
            self.pos += s.len();
        }
        hit
    }

    /// The literal `s`, ignoring ASCII case (`(?i-u)`).
    pub fn eat_ascii_ci(&mut self, s: &str) -> bool {
        let hit = self
            .text
            .as_bytes()
            .get(self.pos..self.pos + s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()));
        if hit {
            self.pos += s.len();
        }
        hit
    }

    /// Up to `max` ASCII bytes matching `class`; how many were eaten.
    pub fn eat_upto(&mut self, max: usize, class: impl Fn(u8) -> bool) -> usize {
        let bytes = &self.text.as_bytes()[self.pos..];
        let n = bytes.iter().take(max).take_while(|&&b| b.is_ascii() && class(b)).count();
        self.pos += n;
        n
    }

    /// A run of ASCII bytes matching `class`, as long as it goes; how many were eaten.
    #[inline]
    pub fn eat_while(&mut self, class: impl Fn(u8) -> bool) -> usize {
        self.eat_upto(usize::MAX, class)
    }

    /// Exactly `n` ASCII bytes matching `class`, or nothing.
    #[inline]
    pub fn eat_n(&mut self, n: usize, class: impl Fn(u8) -> bool) -> bool {
        // Called at every word start by the code scanners: no iterator chain, out at the first miss.
        let hit = self
            .text
            .as_bytes()
            .get(self.pos..self.pos.saturating_add(n))
            .is_some_and(|bytes| bytes.iter().all(|&b| b.is_ascii() && class(b)));
        if hit {
            self.pos += n;
        }
        hit
    }

    /// One char matching `class`.
    pub fn eat_char(&mut self, class: impl Fn(char) -> bool) -> bool {
        match self.peek_char() {
            Some(c) if class(c) => {
                self.pos += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    /// Up to `max` chars matching `class`; how many chars (not bytes) were eaten.
    pub fn eat_chars_upto(&mut self, max: usize, class: impl Fn(char) -> bool) -> usize {
        let mut n = 0;
        while n < max && self.eat_char(&class) {
            n += 1;
        }
        n
    }

    /// A run of chars matching `class`, as long as it goes; how many chars were eaten.
    #[inline]
    pub fn eat_chars_while(&mut self, class: impl Fn(char) -> bool) -> usize {
        self.eat_chars_upto(usize::MAX, class)
    }

    /// `(?-u:\b)` at the cursor.
    #[inline]
    pub fn ascii_boundary(&self) -> bool {
        ascii_boundary(self.text, self.pos)
    }

    /// Unicode `\b` at the cursor.
    pub fn unicode_boundary(&self) -> bool {
        unicode_boundary(self.text, self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::testing;
    use super::*;

    /// Every code point, in runs that are or are not in a class, compared with the regex crate's
    /// idea of the class.
    fn assert_class_like(pattern: &str, class: fn(char) -> bool) {
        let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
        let re = regex::Regex::new(&format!("{pattern}+")).unwrap();
        let mut expected = vec![false; all.len()];
        for m in re.find_iter(&all) {
            expected[m.range()].iter_mut().for_each(|e| *e = true);
        }
        for (i, c) in all.char_indices() {
            assert_eq!(class(c), expected[i], "{pattern} on U+{:04X}", c as u32);
        }
    }

    #[test]
    fn classes_are_the_patterns_classes_on_every_code_point() {
        assert_class_like(r"\w", is_word);
        assert_class_like(r"\d", is_digit);
        assert_class_like(r"\s", is_space);
        assert_class_like(r"(?-u:\w)", |c| c.is_ascii() && is_word_byte(c as u8));
    }

    #[test]
    fn boundaries_and_word_runs() {
        let alphabet = ["a", "Z", "_", "7", " ", "é", "\u{301}", "٣", "😀", "-", "\u{a0}"];
        testing::assert_finds_like(r"\b", &alphabet, |t| {
            (0..=t.len()).filter(|&i| t.is_char_boundary(i) && unicode_boundary(t, i)).map(|i| i..i).collect()
        });
        testing::assert_finds_like(r"(?-u:\b)", &alphabet, |t| {
            (0..=t.len()).filter(|&i| t.is_char_boundary(i) && ascii_boundary(t, i)).map(|i| i..i).collect()
        });
        testing::assert_first_like(r"\A\w+", &alphabet, |t| Some(0..word_run(t)).filter(|r| !r.is_empty()));
    }

    #[test]
    fn cursor_moves_only_on_a_match() {
        let mut c = Cursor::new("Sconto  del 5%", 0);
        assert!(!c.eat_str("sconto") && c.pos == 0);
        assert!(c.eat_ascii_ci("sconto") && c.pos == 6);
        assert_eq!(c.eat_chars_while(is_space), 2);
        assert!(!c.eat_n(4, |b| b.is_ascii_alphabetic()) && c.pos == 8);
        assert!(c.eat_n(3, |b| b.is_ascii_alphabetic()) && c.pos == 11);
        assert!(c.eat(b' ') && !c.eat(b' '));
        assert_eq!(c.eat_upto(2, |b| b.is_ascii_digit()), 1);
        assert!(c.eat(b'%') && c.peek().is_none() && !c.ascii_boundary());
        assert_eq!(counts(5, 2, 3).collect::<Vec<_>>(), [3, 2]);
        assert_eq!(counts(1, 2, 3).count(), 0);
    }

    #[test]
    fn find_iter_steps_over_empty_matches() {
        let found: Vec<_> = find_iter("aé b", |t, from| first_match(t, from, Some)).collect();
        assert_eq!(found, [0..0, 1..1, 3..3, 4..4]);
    }
}
