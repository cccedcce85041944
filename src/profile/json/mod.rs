//! The profile's own JSON reader: a strict parser (`value`), typed reading with the model's
//! rules (`de`, `model`) and a walk over every text of a profile (`texts`).
//!
//! Hand-written rather than serde-derived because the derived `Deserialize` of the model was
//! most of the WASM bundles' size; one reader serves native and WASM builds alike.

pub mod de;
pub mod limits;
mod model;
pub mod texts;
pub mod value;

#[cfg(test)]
mod agreement;

use super::{Profile, ProfileIssue};
use de::FromJson;

/// Parses a profile's JSON text into the model: syntax errors at `$` with line and column,
/// typed errors at the JSON path of the offending value.
pub fn parse_profile(text: &str) -> Result<Profile, ProfileIssue> {
    limits::check_size(text)?;
    let v = value::parse(text).map_err(syntax_issue)?;
    newer_format(&v)?;
    limits::check(&v, &Path::Root).map_err(|e| *e)?;
    Profile::from_json(&v, &Path::Root).map_err(|e| *e)
}

/// Text that is not JSON, as an issue at `$` with its line and column.
pub fn syntax_issue(e: value::SyntaxError) -> ProfileIssue {
    let (line, col) = (e.pos.line, e.pos.col);
    ProfileIssue::error(
        "$",
        format!("JSON non valido (riga {line}, colonna {col}): {}", e.message.it),
        format!("invalid JSON (line {line}, column {col}): {}", e.message.en),
    )
}

/// A profile written for a newer format is refused before its fields are read: its first
/// unknown field would otherwise be the message, and the fix is to update the reader, not the
/// profile. The error sits at `$.format`, which the widget recognises.
fn newer_format(v: &value::Value) -> Result<(), ProfileIssue> {
    let value::Kind::Object(members) = &v.kind else { return Ok(()) };
    let Some(m) = members.iter().find(|m| m.key == "format") else { return Ok(()) };
    let value::Kind::Number(n) = &m.value.kind else { return Ok(()) };
    if !past_format(n, super::FORMAT) {
        return Ok(());
    }
    let f = super::FORMAT;
    Err(ProfileIssue::error(
        "$.format",
        format!("il profilo usa il formato {n}, più recente di quello che questa versione di Banditore sa leggere ({f}): aggiornare Banditore (widget e CLI)"),
        format!("the profile uses format {n}, newer than this version of Banditore reads ({f}): update Banditore (widget and CLI)"),
    ))
}

/// Where a value sits in the profile: a chain of steps on the stack, rendered as a JSON path
/// (`$.channels[0].invite_url`) only when a message needs it.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => out.push('$'),
            Path::Key(parent, key) => {
                parent.write(out);
                out.push_str(&key_step(key));
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push_str(&format!("[{i}]"));
            }
        }
    }
}

/// The path step for an object key: `.key` for plain names, `["key"]` otherwise (e.g.
/// `$["$schema"]`, `$.checker.severity["link.suspicious"]`).
pub fn key_step(k: &str) -> String {
    let plain = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!(".{k}")
    } else {
        format!("[{}]", quote(k))
    }
}

/// `s` as a JSON string literal, so that messages show keys and values unambiguously.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_json_paths() {
        let root = Path::Root;
        let channels = root.key("channels");
        let first = channels.index(0);
        assert_eq!(first.key("invite_url").render(), "$.channels[0].invite_url");
        assert_eq!(root.key("$schema").render(), "$[\"$schema\"]");
        assert_eq!(root.key("checker").key("link.suspicious").render(), "$.checker[\"link.suspicious\"]");
    }

    #[test]
    fn quoting_matches_json() {
        for s in ["plain", "a\"b\\c", "riga\nnuova\t", "\u{1}\u{1f}", "è 😀", ""] {
            assert_eq!(quote(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    /// A cheap fuzz: every seed with one character replaced, at many positions, by characters
    /// that change the structure or the type of a value. Reading must answer, never panic.
    #[test]
    fn no_single_character_change_to_a_seed_panics() {
        for seed in ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"] {
            let text =
                std::fs::read_to_string(format!("{}/pkg-config/{seed}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
            assert!(parse_profile(&text).is_ok(), "{seed}");
            let mut rejected = 0;
            for (at, c) in text.char_indices().step_by(89) {
                for with in ["\"", "{", "[", "]", ",", "1", "-", "x", "\\", "é", ""] {
                    let changed = format!("{}{with}{}", &text[..at], &text[at + c.len_utf8()..]);
                    if let Err(e) = parse_profile(&changed) {
                        assert!(e.path.starts_with('$') && !e.message.it.is_empty() && !e.message.en.is_empty());
                        rejected += 1;
                    }
                }
            }
            assert!(rejected > 50, "{seed}: only {rejected} changes rejected");
        }
    }

    #[test]
    fn syntax_errors_are_at_the_root_with_line_and_column() {
        let e = parse_profile("{\n  \"id\": \"x\",\n  \"comune\": [1,]\n}").unwrap_err();
        assert_eq!(e.path, "$");
        assert_eq!(e.message.it, "JSON non valido (riga 3, colonna 16): virgola finale non ammessa");
        assert_eq!(e.message.en, "invalid JSON (line 3, column 16): trailing comma");
    }
}

/// Whether a JSON number (as written, already checked against the grammar) is a whole number
/// greater than `format`. Formats are whole numbers; anything else ("2.0", "1e3") is left to the
/// typed reader, which refuses it as not a whole number. Read by hand: parsing it as `f64` would
/// add the float parser's tables to the widget's WASM (about 20 KB gzipped, measured).
fn past_format(n: &str, format: u32) -> bool {
    let digits = n.bytes().all(|b| b.is_ascii_digit());
    digits && (n.len() > 9 || n.parse::<u32>().is_ok_and(|i| i > format))
}

#[cfg(test)]
mod format_tests {
    use super::past_format;

    #[test]
    fn numbers_past_the_format() {
        for n in ["2", "10", "12345678901234567890", "4294967296"] {
            assert!(past_format(n, 1), "{n}");
        }
        for n in ["1", "1.0", "0", "-3", "0.5", "2e-1", "1e0", "2.0", "1e3"] {
            assert!(!past_format(n, 1), "{n}");
        }
    }
}
