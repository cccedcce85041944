//! Word lists as data files, compiled once into matchers over the folded text.
//!
//! File format (`data/lexicons/<family>.txt`), one term per line:
//! - `# comment`, blank lines ignored;
//! - `[section]` starts a named section (e.g. `[health]`), reported with each match;
//! - `ricoverat{o,a,i,e}` expands to four terms; several groups multiply;
//! - a trailing `*` matches any word ending (`vaccin*`);
//! - spaces match any run of white space; matching is case- and accent-insensitive
//!   (terms are folded like the text) and respects word boundaries.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::text::Folded;

/// A compiled word list.
#[derive(Debug, Clone)]
pub struct Lexicon {
    sections: Vec<(String, Regex)>,
}

/// A match in the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexMatch<'l> {
    pub start: usize,
    pub end: usize,
    pub section: &'l str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Lexicon {
    /// Parses a lexicon file.
    pub fn parse(data: &str) -> Result<Lexicon, LexiconError> {
        let mut by_section: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut section = String::new();
        for (n, line) in data.lines().enumerate() {
            let line = line.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_owned();
                continue;
            }
            let terms = expand(line).map_err(|e| LexiconError(format!("line {}: {e}", n + 1)))?;
            if !by_section.contains_key(&section) {
                order.push(section.clone());
            }
            by_section.entry(section.clone()).or_default().extend(terms);
        }
        let mut sections = Vec::new();
        for name in order {
            let terms = &by_section[&name];
            sections.push((name.clone(), compile(terms).map_err(|e| LexiconError(format!("[{name}]: {e}")))?));
        }
        Ok(Lexicon { sections })
    }

    /// A lexicon of literal terms (a profile's `extra_terms`), in one unnamed section.
    pub fn from_terms<'a>(terms: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let alts: Vec<String> = terms.into_iter().filter(|t| !t.trim().is_empty()).map(|t| bounded(&to_pattern(&Folded::new(t.trim()).text))).collect();
        if alts.is_empty() {
            return Lexicon { sections: Vec::new() };
        }
        // Escaped literals always compile.
        let re = Regex::new(&format!("(?:{})", alts.join("|"))).expect("escaped terms compile");
        Lexicon { sections: vec![(String::new(), re)] }
    }

    /// All matches in a folded text, in order, non-overlapping within a section.
    pub fn find_iter<'l>(&'l self, folded: &str) -> Vec<LexMatch<'l>> {
        let mut out = Vec::new();
        for (name, re) in &self.sections {
            for m in re.find_iter(folded) {
                out.push(LexMatch { start: m.start(), end: m.end(), section: name });
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }

    pub fn is_match(&self, folded: &str) -> bool {
        self.sections.iter().any(|(_, re)| re.is_match(folded))
    }

    pub fn section_names(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|(n, _)| n.as_str())
    }
}

/// Expands `{a,b}` groups and folds the term, producing regex source.
fn expand(term: &str) -> Result<Vec<String>, String> {
    let mut results = vec![String::new()];
    let mut rest = term;
    while !rest.is_empty() {
        if let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').ok_or_else(|| format!("unclosed '{{' in {term:?}"))? + open;
            let literal = &rest[..open];
            let options: Vec<&str> = rest[open + 1..close].split(',').collect();
            let mut next = Vec::with_capacity(results.len() * options.len());
            for r in &results {
                for o in &options {
                    next.push(format!("{r}{literal}{o}"));
                }
            }
            results = next;
            rest = &rest[close + 1..];
        } else {
            for r in &mut results {
                r.push_str(rest);
            }
            rest = "";
        }
    }
    Ok(results.into_iter().map(|t| to_pattern(&Folded::new(&t).text)).collect())
}

fn to_pattern(folded_term: &str) -> String {
    let (body, wildcard) = match folded_term.strip_suffix('*') {
        Some(b) => (b, true),
        None => (folded_term, false),
    };
    let words: Vec<String> = body.split_whitespace().map(regex::escape).collect();
    let mut p = words.join(r"\s+");
    if wildcard {
        p.push_str(r"\w*");
    }
    p
}

fn compile(patterns: &[String]) -> Result<Regex, regex::Error> {
    // Longest first, so that "positivo al covid" wins over "positivo".
    let mut sorted: Vec<&String> = patterns.iter().collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    sorted.dedup();
    let alts: Vec<String> = sorted.iter().map(|p| bounded(p)).collect();
    Regex::new(&format!("(?:{})", alts.join("|")))
}

/// Word boundaries only where the term starts or ends with a word character, so that
/// "dell'" or "+39" still match. The boundary is ASCII: the folded text has Italian letters
/// as ASCII already, and a Unicode `\b` makes regex leave its lazy DFA at the first emoji
/// or non-ASCII char (ten times slower on real messages).
fn bounded(pattern: &str) -> String {
    const BOUNDARY: &str = r"(?-u:\b)";
    let first = pattern.chars().next().unwrap_or(' ');
    let last_word = pattern.ends_with(r"\w*") || pattern.chars().last().is_some_and(char::is_alphanumeric);
    let mut p = String::new();
    if first.is_alphanumeric() {
        p.push_str(BOUNDARY);
    }
    p.push_str(pattern);
    if last_word {
        p.push_str(BOUNDARY);
    }
    p
}

/// The lexicons shipped in `data/lexicons/`, compiled on first use.
macro_rules! builtin_lexicons {
    ($($name:literal),* $(,)?) => {
        /// A built-in lexicon by family name (the file name without `.txt`).
        pub fn builtin(name: &str) -> Option<&'static Lexicon> {
            $(
                if name == $name {
                    static CELL: OnceLock<Lexicon> = OnceLock::new();
                    return Some(CELL.get_or_init(|| {
                        Lexicon::parse(include_str!(concat!("../../data/lexicons/", $name, ".txt")))
                            .unwrap_or_else(|e| panic!("data/lexicons/{}.txt: {e}", $name))
                    }));
                }
            )*
            None
        }

        /// Every built-in family name.
        pub const BUILTIN: &[&str] = &[$($name),*];
    };
}

builtin_lexicons!(
    "special-category", "judicial-data", "personal-context", "office-context", "given-names", "email-domains", "email-roles",
    "political", "electoral-period", "advertising", "offensive", "discrimination", "official-notice",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_inflections_and_matches_folded_words() {
        let lex = Lexicon::parse("[health]\nricoverat{o,a,i,e}\npositiv{o,a} al covid\n").unwrap();
        let f = Folded::new("La signora è RICOVERATA, positiva  al Covid.");
        let m = lex.find_iter(&f.text);
        assert_eq!(m.len(), 2);
        assert_eq!(&f.text[m[0].start..m[0].end], "ricoverata");
        assert_eq!(m[0].section, "health");
        assert_eq!(&f.text[m[1].start..m[1].end], "positiva  al covid");
    }

    #[test]
    fn respects_word_boundaries_with_accented_letters() {
        let lex = Lexicon::parse("ladro\n").unwrap();
        assert!(!lex.is_match(&Folded::new("ladrone").text));
        assert!(lex.is_match(&Folded::new("è un ladro!").text));
        let lex = Lexicon::parse("perche\n").unwrap();
        assert!(lex.is_match(&Folded::new("Perché no").text));
        assert!(!lex.is_match(&Folded::new("perchéx").text));
    }

    #[test]
    fn matches_next_to_emoji_and_non_ascii() {
        let lex = Lexicon::parse("ladro\n").unwrap();
        assert!(lex.is_match(&Folded::new("🚧ladro🚧").text));
        assert!(lex.is_match(&Folded::new("«ladro»").text));
        assert!(!lex.is_match(&Folded::new("🚧ladrone").text));
    }

    #[test]
    fn wildcard_and_literal_terms() {
        let lex = Lexicon::parse("vaccin*\n").unwrap();
        assert!(lex.is_match("vaccinazioni"));
        let lit = Lexicon::from_terms(["Bar (Centrale)"]);
        assert!(lit.is_match(&Folded::new("dal bar (centrale) oggi").text));
    }

    #[test]
    fn rejects_broken_lines() {
        assert!(Lexicon::parse("ricoverat{o,a\n").is_err());
    }

    #[test]
    fn every_builtin_lexicon_compiles() {
        for name in BUILTIN {
            assert!(builtin(name).is_some(), "{name}");
        }
    }
}
