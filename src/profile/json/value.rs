//! A strict JSON parser (RFC 8259) into a tree that remembers where each value starts, so that
//! the profile reader can point at the offending line and column.
//!
//! Strict on purpose: a profile is a legal document's data, and a comment, a trailing comma or a
//! repeated key is more likely a mistake to report than a convenience to allow. Numbers keep
//! their text: the profile only needs integers, and converting on demand keeps float parsing and
//! formatting out of the WASM bundles.

use crate::i18n::Msg;

/// Nesting deeper than this is refused: recursion stays far from the stack's end (the WASM
/// stack is 1 MiB) and no real profile comes close.
pub const MAX_DEPTH: usize = 128;

/// Where a value or key starts: 1-based line and column, the column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub pos: Pos,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// The number as written, already checked against the RFC grammar.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in document order; keys are unique.
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_pos: Pos,
    pub value: Value,
}

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: Msg,
}

/// Parses one JSON value filling the whole text (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    parse_with(text, false)
}

/// As [`parse`], reading an escaped lone UTF-16 surrogate as U+FFFD: for what `JSON.stringify`
/// writes of a JS string, which may hold one (half an emoji left by an editor), read as the
/// browser's own text encoder reads it. One code unit either way, so UTF-16 offsets stay.
pub fn parse_from_js(text: &str) -> Result<Value, SyntaxError> {
    parse_with(text, true)
}

fn parse_with(text: &str, replace_lone: bool) -> Result<Value, SyntaxError> {
    let mut p = Parser { src: text, b: text.as_bytes(), i: 0, line: 1, line_start: 0, col_cache: (0, 1), replace_lone };
    let v = p.value(0)?;
    p.skip_ws();
    if p.i < p.b.len() {
        return Err(p.error_here(
            "testo in più dopo la fine del valore JSON".into(),
            "trailing characters after the JSON value".into(),
        ));
    }
    Ok(v)
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
    /// The last column computed (byte offset, column): offsets only grow while parsing, so
    /// counting on from here keeps long one-line documents linear.
    col_cache: (usize, u32),
    /// Lone surrogates read as U+FFFD instead of refused ([`parse_from_js`]).
    replace_lone: bool,
}

impl Parser<'_> {
    fn pos(&mut self) -> Pos {
        let (from, col) = if self.col_cache.0 >= self.line_start && self.col_cache.0 <= self.i {
            self.col_cache
        } else {
            (self.line_start, 1)
        };
        // Counting UTF-8 lead bytes counts characters.
        let col = col + self.b[from..self.i].iter().filter(|&&c| c & 0xC0 != 0x80).count() as u32;
        self.col_cache = (self.i, col);
        Pos { line: self.line, col }
    }

    fn error_here(&mut self, it: String, en: String) -> SyntaxError {
        SyntaxError { pos: self.pos(), message: Msg::new(it, en) }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' => {}
                b'\n' => {
                    self.line += 1;
                    self.line_start = self.i + 1;
                }
                _ => return,
            }
            self.i += 1;
        }
    }

    /// The error for whatever sits at the current position when `what` was expected.
    fn unexpected(&mut self, what: (&str, &str)) -> SyntaxError {
        let (it, en) = match self.src[self.i..].chars().next() {
            None => (
                format!("il testo finisce prima del previsto: atteso {}", what.0),
                format!("unexpected end of input: expected {}", what.1),
            ),
            Some('/') => ("i commenti non sono ammessi in JSON".into(), "comments are not allowed in JSON".into()),
            Some(c) => {
                let c = super::quote(c.encode_utf8(&mut [0; 4]));
                (
                    format!("carattere inatteso {c}: atteso {}", what.0),
                    format!("unexpected character {c}: expected {}", what.1),
                )
            }
        };
        self.error_here(it, en)
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.skip_ws();
        let pos = self.pos();
        let kind = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            _ => return Err(self.unexpected(("un valore", "a value"))),
        };
        Ok(Value { pos, kind })
    }

    fn enter(&mut self, depth: usize) -> Result<(), SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error_here(
                format!("annidamento troppo profondo (oltre {MAX_DEPTH} livelli)"),
                format!("nesting too deep (over {MAX_DEPTH} levels)"),
            ));
        }
        self.i += 1;
        Ok(())
    }

    /// After an item: `,` then another item, or the closing bracket. A comma right before the
    /// bracket is refused by the item parser that follows, with its own message.
    fn next_item(&mut self, close: u8, what: (&str, &str)) -> Result<bool, SyntaxError> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                self.skip_ws();
                if self.peek() == Some(close) {
                    return Err(self.error_here("virgola finale non ammessa".into(), "trailing comma".into()));
                }
                Ok(true)
            }
            Some(c) if c == close => {
                self.i += 1;
                Ok(false)
            }
            _ => Err(self.unexpected(what)),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind, SyntaxError> {
        self.enter(depth)?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Kind::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if !self.next_item(b']', ("',' o ']'", "',' or ']'"))? {
                return Ok(Kind::Array(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Kind, SyntaxError> {
        self.enter(depth)?;
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Kind::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected(("il nome di un campo tra virgolette", "a field name in double quotes")));
            }
            let key_pos = self.pos();
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected(("':'", "':'")));
            }
            self.i += 1;
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_pos, value });
            if !self.next_item(b'}', ("',' o '}'", "',' or '}'"))? {
                break;
            }
        }
        if let Some(dup) = first_duplicate(&members) {
            let m = &members[dup];
            return Err(SyntaxError {
                pos: m.key_pos,
                message: Msg::new(
                    format!("campo {} ripetuto nello stesso oggetto", super::quote(&m.key)),
                    format!("duplicate field {} in the same object", super::quote(&m.key)),
                ),
            });
        }
        Ok(Kind::Object(members))
    }

    fn literal(&mut self, word: &str, kind: Kind) -> Result<Kind, SyntaxError> {
        if self.src[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(kind)
        } else {
            Err(self.unexpected((word, word)))
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<String, SyntaxError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            p.i > from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let mut ok = digits(self) && !(self.b[int_start] == b'0' && self.i - int_start > 1);
        if ok && self.peek() == Some(b'.') {
            self.i += 1;
            ok = digits(self);
        }
        if ok && matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            ok = digits(self);
        }
        if !ok {
            self.i = start;
            return Err(self.error_here("numero scritto male".into(), "malformed number".into()));
        }
        Ok(self.src[start..self.i].to_owned())
    }

    /// A string starting at the opening quote; leaves the position after the closing one.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while self.peek().is_some_and(|c| c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            out.push_str(&self.src[run..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => {
                    return Err(self.error_here(
                        "carattere di controllo non ammesso in un testo (usare \\n, \\t...)".into(),
                        "control character not allowed in a string (use \\n, \\t...)".into(),
                    ))
                }
                None => {
                    return Err(self.error_here(
                        "testo non chiuso: manca la virgoletta finale".into(),
                        "unterminated string: the closing quote is missing".into(),
                    ))
                }
            }
        }
    }

    /// One escape sequence starting at the backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.i;
        self.i += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.i += 1;
                let first = self.hex4(start)?;
                let code = match first {
                    0xD800..=0xDBFF if self.src[self.i..].starts_with("\\u") => {
                        let second_at = self.i;
                        self.i += 2;
                        let second = self.hex4(start)?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            if self.replace_lone {
                                // The next escape is read on its own.
                                self.i = second_at;
                                return Ok('\u{FFFD}');
                            }
                            return Err(self.lone_surrogate(start));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xD800..=0xDFFF if self.replace_lone => return Ok('\u{FFFD}'),
                    0xD800..=0xDFFF => return Err(self.lone_surrogate(start)),
                    c => c,
                };
                // Surrogates are excluded above, so every code left is a char.
                return char::from_u32(code).ok_or_else(|| self.lone_surrogate(start));
            }
            _ => {
                self.i = start;
                return Err(self.error_here(
                    "sequenza di escape non valida (ammesse: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)".into(),
                    "invalid escape sequence (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)".into(),
                ));
            }
        };
        self.i += 1;
        Ok(c)
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u32, SyntaxError> {
        let hex = self.b.get(self.i..self.i + 4).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        let Some(hex) = hex else {
            self.i = escape_start;
            return Err(self.error_here(
                "\\u deve essere seguito da 4 cifre esadecimali".into(),
                "\\u must be followed by 4 hex digits".into(),
            ));
        };
        let code = hex.iter().fold(0, |acc, &h| acc * 16 + (h as char).to_digit(16).unwrap_or(0));
        self.i += 4;
        Ok(code)
    }

    fn lone_surrogate(&mut self, escape_start: usize) -> SyntaxError {
        self.i = escape_start;
        self.error_here(
            "surrogato UTF-16 isolato: \\uD800-\\uDFFF vanno in coppia (alto poi basso)".into(),
            "lone UTF-16 surrogate: \\uD800-\\uDFFF must come in pairs (high then low)".into(),
        )
    }
}

/// The index of the first member (in document order) whose key appeared before. Sorting
/// indices keeps an object with thousands of keys from costing a quadratic scan.
fn first_duplicate(members: &[Member]) -> Option<usize> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_unstable_by(|&a, &b| members[a].key.cmp(&members[b].key).then(a.cmp(&b)));
    order.windows(2).filter(|w| members[w[0]].key == members[w[1]].key).map(|w| w[1]).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Kind {
        parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}")).kind
    }

    fn err(text: &str) -> SyntaxError {
        parse(text).expect_err(text)
    }

    fn s(text: &str) -> String {
        match ok(text) {
            Kind::String(s) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scalars() {
        assert_eq!(ok("null"), Kind::Null);
        assert_eq!(ok(" true "), Kind::Bool(true));
        assert_eq!(ok("false"), Kind::Bool(false));
        for n in ["0", "-0", "12", "-3", "1.5", "0.25e-3", "2E+10", "1e5"] {
            assert_eq!(ok(n), Kind::Number(n.into()), "{n}");
        }
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for n in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "--1", "0x10", "1.e3", "-01"] {
            let e = err(n);
            assert!(["number", "unexpected", "trailing"].iter().any(|w| e.message.en.contains(w)), "{n}: {e:?}");
        }
    }

    #[test]
    fn every_escape() {
        assert_eq!(s(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#), "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti");
        assert_eq!(s(r#""\u00e8\u0041""#), "èA");
        assert_eq!(s(r#""\ud83d\ude00 ok""#), "😀 ok");
        assert_eq!(s(r#""\uD83D\uDE00""#), "😀");
        let js = |t: &str| match parse_from_js(t).unwrap().kind {
            Kind::String(s) => s,
            k => panic!("{k:?}"),
        };
        assert_eq!(js(r#""a\ud83d b""#), "a\u{FFFD} b");
        assert_eq!(js(r#""\ude00\ud83d\ude00\ud83d\u0041""#), "\u{FFFD}😀\u{FFFD}A");
        assert!(parse(r#""\ud83d\u0041""#).is_err());
        assert_eq!(s("\"città 😀\""), "città 😀");
    }

    #[test]
    fn bad_strings_are_refused() {
        for (text, word) in [
            (r#""\ud83d""#, "surrogate"),
            (r#""\ud83d x""#, "surrogate"),
            (r#""\ude00""#, "surrogate"),
            (r#""\ud83d\u0041""#, "surrogate"),
            (r#""\u12""#, "hex"),
            (r#""\x""#, "escape"),
            ("\"a\tb\"", "control"),
            ("\"a\nb\"", "control"),
            ("\"a\u{0}\"", "control"),
            ("\"abc", "unterminated"),
        ] {
            let e = err(text);
            assert!(e.message.en.contains(word), "{text:?}: {e:?}");
        }
    }

    #[test]
    fn structure_errors() {
        for (text, word) in [
            ("[1,]", "trailing comma"),
            ("{\"a\":1,}", "trailing comma"),
            ("[1 2]", "expected ',' or ']'"),
            ("{\"a\" 1}", "expected ':'"),
            ("{a:1}", "field name"),
            ("{\"a\":1} x", "trailing characters"),
            ("[1] // c", "trailing characters"),
            ("[1, /* c */ 2]", "comments"),
            ("", "end of input"),
            ("[", "end of input"),
            ("{\"a\":", "end of input"),
            ("tru", "expected true"),
            ("True", "unexpected character \"T\""),
            ("{\"a\":1,\"b\":2,\"a\":3}", "duplicate field \"a\""),
            ("\u{feff}{}", "unexpected character"),
        ] {
            let e = err(text);
            assert!(e.message.en.contains(word), "{text:?}: {e:?}");
            assert!(!e.message.it.is_empty() && e.message.it != e.message.en);
        }
    }

    #[test]
    fn positions_are_lines_and_character_columns() {
        let v = parse("{\n  \"città\": [1,\n\t\"è\", {\"x\": null}]\n}").unwrap();
        let Kind::Object(m) = &v.kind else { panic!() };
        assert_eq!(v.pos, Pos { line: 1, col: 1 });
        assert_eq!(m[0].key_pos, Pos { line: 2, col: 3 });
        assert_eq!(m[0].value.pos, Pos { line: 2, col: 12 });
        let Kind::Array(items) = &m[0].value.kind else { panic!() };
        assert_eq!(items[1].pos, Pos { line: 3, col: 2 });
        assert_eq!(items[2].pos, Pos { line: 3, col: 7 });
        assert_eq!(err("{\"è\": 1,\n \"b\": tru}").pos, Pos { line: 2, col: 7 });
        assert_eq!(err("[\"àà\u{1}\"]").pos, Pos { line: 1, col: 5 });
        assert_eq!(err("{\"a\": 1,\n \"a\": 2}").pos, Pos { line: 2, col: 2 });
    }

    #[test]
    fn depth_is_limited_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(err(&deep).message.en.contains("nesting too deep"));
        let deep_objects = "{\"a\":".repeat(100_000);
        assert!(err(&deep_objects).message.en.contains("nesting too deep"));
        let fits = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fits).is_ok());
        let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&over).is_err());
    }

    #[test]
    fn many_keys_and_long_lines_stay_fast() {
        let keys: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\":[{i}]")).collect();
        let text = format!("{{{}}}", keys.join(","));
        let Kind::Object(m) = ok(&text) else { panic!() };
        assert_eq!(m.len(), 50_000);
        assert_eq!(m[49_999].key_pos.line, 1);
    }

    #[test]
    fn no_prefix_of_a_seed_panics() {
        for seed in ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"] {
            let text =
                std::fs::read_to_string(format!("{}/pkg-config/{seed}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
            assert!(parse(&text).is_ok(), "{seed}");
            // Every cut would be quadratic in debug builds; a prime step still lands in every
            // kind of token.
            for (cut, _) in text.char_indices().step_by(7) {
                let _ = parse(&text[..cut]);
            }
            for (cut, _) in text.char_indices().step_by(61) {
                let _ = parse(&text[cut..]);
            }
        }
    }
}
