//! Differential tests for the scanners: each is run next to the regex it replaces (the regex
//! crate is a dev-dependency only) on every string literal of the checker's sources and tests,
//! the clean corpus, and a few thousand pseudo-random strings built from pieces relevant to the
//! pattern. Any difference in a match's start or end fails with the text that shows it.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// Random strings per pattern.
const RANDOM_TEXTS: usize = 4000;
/// Pieces per random string, at most.
const RANDOM_PIECES: u64 = 24;

/// `find_iter` of `pattern` and the scanner's matches agree on every sample.
pub fn assert_finds_like(pattern: &str, alphabet: &[&str], scan: impl Fn(&str) -> Vec<Range<usize>>) {
    let re = Regex::new(pattern).expect("valid regex");
    compare(
        pattern,
        alphabet,
        |t| re.find_iter(t).map(|m| m.range()).collect::<Vec<_>>(),
        |t| scan(t),
        |m| !m.is_empty(),
    );
}

/// `find` of `pattern` and the scanner's first match agree on every sample.
pub fn assert_first_like(pattern: &str, alphabet: &[&str], scan: impl Fn(&str) -> Option<Range<usize>>) {
    let re = Regex::new(pattern).expect("valid regex");
    compare(pattern, alphabet, |t| re.find(t).map(|m| m.range()), |t| scan(t), Option::is_some);
}

/// `is_match` of `pattern` and the scanner agree on every sample.
pub fn assert_matches_like(pattern: &str, alphabet: &[&str], scan: impl Fn(&str) -> bool) {
    let re = Regex::new(pattern).expect("valid regex");
    compare(pattern, alphabet, |t| re.is_match(t), |t| scan(t), |&m| m);
}

/// `is_match` of `pattern` and the scanner agree on these texts: edge cases random strings
/// are unlikely to build.
pub fn assert_matches_like_on(pattern: &str, texts: &[&str], scan: impl Fn(&str) -> bool) {
    let re = Regex::new(pattern).expect("valid regex");
    for text in texts {
        assert_eq!(scan(text), re.is_match(text), "scanner and {pattern:?} differ on {text:?}");
    }
}

fn compare<T: PartialEq + std::fmt::Debug>(
    pattern: &str,
    alphabet: &[&str],
    expected: impl Fn(&str) -> T,
    actual: impl Fn(&str) -> T,
    found: impl Fn(&T) -> bool,
) {
    for text in samples() {
        assert_eq!(actual(text), expected(text), "scanner and {pattern:?} differ on {text:?}");
    }
    let mut hits = 0;
    for text in random_texts(pattern, alphabet) {
        let want = expected(&text);
        assert_eq!(actual(&text), want, "scanner and {pattern:?} differ on {text:?}");
        hits += usize::from(found(&want));
    }
    // An alphabet that never makes the pattern match would prove nothing.
    assert!(hits * 20 >= RANDOM_TEXTS, "{pattern:?} matched only {hits} of {RANDOM_TEXTS} random strings");
}

/// Strings of up to [`RANDOM_PIECES`] pieces of `alphabet`, the same on every run for a pattern.
pub fn random_texts(pattern: &str, alphabet: &[&str]) -> Vec<String> {
    let mut rng = SplitMix(pattern.bytes().fold(0x5EED, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
    (0..RANDOM_TEXTS)
        .map(|_| {
            // Half of them short, where the text's ends are near every match.
            let most = if rng.next() % 2 == 0 { 4 } else { RANDOM_PIECES };
            let n = rng.next() % (most + 1);
            (0..n).map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize]).collect()
        })
        .collect()
}

/// SplitMix64: enough randomness for test inputs, and no crate for it.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The clean corpus and every string literal in the checker's sources and tests: the texts the
/// checker's own tests use, read once.
pub fn samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        collect(&root.join("src/checker"), &mut files);
        collect(&root.join("tests/corpus/clean"), &mut files);
        for t in ["checker_personal.rs", "checker_policy.rs", "cli_check.rs"] {
            files.push(root.join("tests").join(t));
        }
        files.sort();
        let mut out = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            match f.extension().and_then(|e| e.to_str()) {
                Some("rs") => out.extend(string_literals(&text)),
                Some("txt") => out.push(text),
                _ => {}
            }
        }
        assert!(out.len() > 1000, "only {} samples: are the sources where they should be?", out.len());
        out
    })
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The contents of the string literals in Rust source, escapes resolved. Approximate (it only
/// has to find test inputs): comments and char literals are skipped so their quotes don't count.
fn string_literals(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    // After `r`, `r#`, `r##`...: how many hashes a raw string opened here would close with.
    let mut raw: Option<usize> = None;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                chars.by_ref().find(|&c| c == '\n');
            }
            '\'' => {
                // A char literal ('"', '\'', '\u{a0}') or a lifetime ('t).
                let rest: String = chars.clone().take(12).collect();
                if let Some(len) = rest.strip_prefix('\\').and_then(|r| r.find('\'')).map(|i| i + 2) {
                    chars.by_ref().take(len).for_each(drop);
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.by_ref().take(2).for_each(drop);
                }
            }
            '"' => match raw {
                Some(hashes) => {
                    let close: String = std::iter::once('"').chain(std::iter::repeat('#').take(hashes)).collect();
                    let mut s = String::new();
                    for c in chars.by_ref() {
                        s.push(c);
                        if s.ends_with(&close) {
                            s.truncate(s.len() - close.len());
                            break;
                        }
                    }
                    out.push(s);
                }
                None => out.push(unescape(&mut chars)),
            },
            _ => {}
        }
        raw = match (c, raw) {
            ('r', _) => Some(0),
            ('#', Some(n)) => Some(n + 1),
            _ => None,
        };
    }
    out
}

fn unescape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut s = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => s.push('\n'),
                Some('t') => s.push('\t'),
                Some('r') => s.push('\r'),
                Some('0') => s.push('\0'),
                Some('u') => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    s.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                }
                // A line continuation: the break and the next line's indentation are not text.
                Some('\n') => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some(other) => s.push(other),
                None => break,
            },
            _ => s.push(c),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_literals_of_rust_source() {
        let src = r##"let a = "x\u{a0}y\n"; // "not this"
            let c = '"'; let d = '\''; fn f<'t>(s: &'t str) {}
            let r = r"\d+"; let h = r#"say "hi""#; let e = "a\
                b";"##;
        assert_eq!(string_literals(src), ["x\u{a0}y\n", r"\d+", r#"say "hi""#, "ab"]);
        assert_eq!(random_texts("x", &["a", "b"]), random_texts("x", &["a", "b"]));
        assert!(samples().iter().any(|s| s.contains("333 1234567")));
    }
}
