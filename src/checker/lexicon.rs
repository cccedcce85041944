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

use super::scan::{self, is_word_byte};
use crate::text::Folded;

/// A compiled word list: every term of every section in one byte trie, so a text is scanned
/// once per lexicon whatever its number of sections and terms, without a regex engine (the
/// browser build has no lazy DFA, and large alternations were its slowest path).
///
/// Matching keeps the semantics the lexicons were written for (and first ran with, as one
/// regex alternation per section): within a section, matches are leftmost and
/// non-overlapping; at one start the term with the higher priority wins (longer terms first,
/// see [`priority_len`]); sections are independent, so matches of different sections may
/// overlap. Word boundaries are ASCII (the folded text has Italian letters as ASCII already).
#[derive(Debug, Clone)]
pub struct Lexicon {
    sections: Vec<String>,
    /// Per section: the file it comes from (see [`Lexicon::parse_many`]).
    owners: Vec<usize>,
    terms: Vec<Term>,
    nodes: Vec<Node>,
    /// Dense transitions: `trans[node * stride + class]` is the child reached over a byte of
    /// that class, as a [`Link`] (0: none). One load per step: the walk is bound by memory.
    trans: Vec<u32>,
    stride: usize,
    /// Class of each byte among those the terms use (1..), 0 for bytes no term has.
    classes: Box<[u8; 256]>,
    /// Terms ending at each node, node by node.
    ends: Vec<u32>,
    /// Child of the root for each first byte (0: no term starts with it).
    root: Box<[u32; 256]>,
    /// Some term starts with an ASCII word byte but needs no word boundary before it (`_x`):
    /// only then can a match start inside a word.
    starts_inside_words: bool,
}

#[derive(Debug, Clone)]
struct Term {
    section: usize,
    /// Lower wins among the section's terms matching at the same start.
    priority: u32,
    /// Ends with `*`: any run of word characters may follow.
    wildcard: bool,
    /// A word boundary is required before / after the term.
    bound_start: bool,
    bound_end: bool,
}

/// What the walk needs of a node besides its transitions, read only when its [`Link`] says
/// terms end there or a run of white space leads on.
#[derive(Debug, Clone, Default)]
struct Node {
    /// Child reached over a run of white space, as a [`Link`] (0: none).
    space: u32,
    /// Terms ending here: `ends[ends_first..ends_first + ends_count]`.
    ends_first: u32,
    ends_count: u32,
}

/// A link to a node: its number shifted left by two, with [`HAS_ENDS`] and [`HAS_SPACE`].
/// The root is never linked to, so 0 means no link.
type Link = u32;
const HAS_ENDS: u32 = 1;
const HAS_SPACE: u32 = 2;

/// A node while the trie is built.
#[derive(Debug, Clone, Default)]
struct BuildNode {
    /// (byte, child), sorted by byte.
    edges: Vec<(u8, u32)>,
    space: u32,
    terms: Vec<u32>,
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
        let mut builder = Builder::default();
        builder.parse(data, 0)?;
        Ok(builder.finish())
    }

    /// Several lexicon files in one trie, so that one scan finds the matches of all of them
    /// ([`Lexicon::find_each`]).
    pub fn parse_many(files: &[&str]) -> Result<Lexicon, LexiconError> {
        let mut builder = Builder::default();
        for (owner, data) in files.iter().enumerate() {
            builder.parse(data, owner).map_err(|e| LexiconError(format!("file {}: {e}", owner + 1)))?;
        }
        Ok(builder.finish())
    }

    /// A lexicon of literal terms (a profile's `extra_terms`), in one unnamed section; earlier
    /// terms win at the same start.
    pub fn from_terms<'a>(terms: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let folded: Vec<String> =
            terms.into_iter().filter(|t| !t.trim().is_empty()).map(|t| Folded::new(t.trim()).text).collect();
        let mut builder = Builder::default();
        if !folded.is_empty() {
            builder.section(String::new(), 0, folded.iter().map(String::as_str));
        }
        builder.finish()
    }

    /// All matches in a folded text, in order, non-overlapping within a section.
    pub fn find_iter<'l>(&'l self, folded: &str) -> Vec<LexMatch<'l>> {
        let mut out = Vec::new();
        self.scan(folded, |section, start, end| {
            out.push(LexMatch { start, end, section: &self.sections[section] });
            true
        });
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }

    /// For a lexicon built by [`Lexicon::parse_many`]: the matches of each file, as
    /// `find_iter` of that file alone would return them.
    pub fn find_each<'l>(&'l self, folded: &str) -> Vec<Vec<LexMatch<'l>>> {
        let mut out: Vec<Vec<LexMatch<'l>>> = vec![Vec::new(); self.owners.last().map_or(0, |o| o + 1)];
        self.scan(folded, |section, start, end| {
            out[self.owners[section]].push(LexMatch { start, end, section: &self.sections[section] });
            true
        });
        for matches in &mut out {
            matches.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        }
        out
    }

    pub fn is_match(&self, folded: &str) -> bool {
        let mut found = false;
        self.scan(folded, |_, _, _| {
            found = true;
            false
        });
        found
    }

    pub fn section_names(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(String::as_str)
    }

    /// Calls `found(section, start, end)` for every match, by start, sections in file order
    /// at the same start; stops when it returns false.
    fn scan(&self, text: &str, mut found: impl FnMut(usize, usize, usize) -> bool) {
        let bytes = text.as_bytes();
        // Per section: where its next match may start, and the best term at the current start.
        let mut state = ScanState { free: vec![0; self.sections.len()], best: vec![None; self.sections.len()] };
        let mut report = |state: &mut ScanState, start: usize| {
            for (s, b) in state.best.iter_mut().enumerate() {
                if let Some((_, end)) = b.take() {
                    state.free[s] = end;
                    if !found(s, start, end) {
                        return false;
                    }
                }
            }
            true
        };
        // Word bytes are the bulk of a text and a term can only start at the first one of a
        // word (unless some term needs no boundary): the rest of the word is skipped in a
        // tight loop.
        let mut start = 0;
        while start < bytes.len() {
            let b = bytes[start];
            if is_word_byte(b) {
                let at_boundary = start == 0 || !is_word_byte(bytes[start - 1]);
                if self.root[b as usize] != 0
                    && self.best_at(text, start, at_boundary, &mut state)
                    && !report(&mut state, start)
                {
                    return;
                }
                start += 1;
                while start < bytes.len() && is_word_byte(bytes[start]) {
                    if self.starts_inside_words
                        && self.root[bytes[start] as usize] != 0
                        && self.best_at(text, start, false, &mut state)
                        && !report(&mut state, start)
                    {
                        return;
                    }
                    start += 1;
                }
            } else {
                if self.root[b as usize] != 0 {
                    let at_boundary = start > 0 && is_word_byte(bytes[start - 1]);
                    if self.best_at(text, start, at_boundary, &mut state) && !report(&mut state, start) {
                        return;
                    }
                }
                start += 1;
            }
        }
    }

    /// Walks the trie from `start`, recording in `state.best` each section's winning term;
    /// true when some section has one.
    fn best_at(&self, text: &str, start: usize, at_boundary: bool, state: &mut ScanState) -> bool {
        let bytes = text.as_bytes();
        let mut any = false;
        let (mut link, mut pos) = (self.root[bytes[start] as usize], start + 1);
        loop {
            let node = (link >> 2) as usize;
            if link & HAS_ENDS != 0 {
                let n = &self.nodes[node];
                for &t in &self.ends[n.ends_first as usize..(n.ends_first + n.ends_count) as usize] {
                    let term = &self.terms[t as usize];
                    let s = term.section;
                    if (term.bound_start && !at_boundary)
                        || state.free[s] > start
                        || state.best[s].is_some_and(|(p, _)| p <= term.priority)
                    {
                        continue;
                    }
                    if let Some(end) = term_end(text, term, pos) {
                        state.best[s] = Some((term.priority, end));
                        any = true;
                    }
                }
            }
            if pos >= bytes.len() {
                return any;
            }
            if link & HAS_SPACE != 0 {
                let run = space_run(text, pos);
                if run > 0 {
                    link = self.nodes[node].space;
                    pos += run;
                    continue;
                }
            }
            link = self.trans[node * self.stride + self.classes[bytes[pos] as usize] as usize];
            if link == 0 {
                return any;
            }
            pos += 1;
        }
    }
}

/// Per section: where its next match may start (matches of a section do not overlap), and
/// the (priority, end) of the best term found at the current start.
struct ScanState {
    free: Vec<usize>,
    best: Vec<Option<(u32, usize)>>,
}

/// Builds the trie section by section; a term's priority is its position in its section.
#[derive(Default)]
struct Builder {
    sections: Vec<String>,
    owners: Vec<usize>,
    terms: Vec<Term>,
    nodes: Vec<BuildNode>,
}

impl Builder {
    /// Adds the sections of a lexicon file.
    fn parse(&mut self, data: &str, owner: usize) -> Result<(), LexiconError> {
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
        for name in order {
            let mut terms: Vec<&String> = by_section[&name].iter().collect();
            // Longest first, so that "positivo al covid" wins over "positivo" (stable: file
            // order among terms of the same length).
            terms.sort_by_cached_key(|t| std::cmp::Reverse(priority_len(t)));
            self.section(name, owner, terms.into_iter().map(String::as_str));
        }
        Ok(())
    }

    fn section<'t>(&mut self, name: String, owner: usize, folded_terms: impl Iterator<Item = &'t str>) {
        if self.nodes.is_empty() {
            self.nodes.push(BuildNode::default());
        }
        let section = self.sections.len();
        self.sections.push(name);
        self.owners.push(owner);
        for (priority, term) in folded_terms.enumerate() {
            let (body, wildcard) = match term.strip_suffix('*') {
                Some(b) => (b, true),
                None => (term, false),
            };
            // An empty term would match everywhere (a stray "*" in a profile's extra terms).
            if body.split_whitespace().next().is_none() {
                continue;
            }
            let mut node = 0usize;
            for (i, word) in body.split_whitespace().enumerate() {
                if i > 0 {
                    node = self.space_child(node);
                }
                for &b in word.as_bytes() {
                    node = self.child(node, b);
                }
            }
            let id = self.terms.len() as u32;
            self.terms.push(Term {
                section,
                priority: priority as u32,
                wildcard,
                bound_start: body.trim_start().chars().next().is_some_and(char::is_alphanumeric),
                bound_end: wildcard || body.trim_end().chars().last().is_some_and(char::is_alphanumeric),
            });
            self.nodes[node].terms.push(id);
        }
    }

    fn child(&mut self, node: usize, byte: u8) -> usize {
        if let Some(&(_, c)) = self.nodes[node].edges.iter().find(|(b, _)| *b == byte) {
            return c as usize;
        }
        let c = self.nodes.len();
        self.nodes.push(BuildNode::default());
        let edges = &mut self.nodes[node].edges;
        let at = edges.partition_point(|(b, _)| *b < byte);
        edges.insert(at, (byte, c as u32));
        c
    }

    fn space_child(&mut self, node: usize) -> usize {
        if self.nodes[node].space == 0 {
            self.nodes.push(BuildNode::default());
            self.nodes[node].space = (self.nodes.len() - 1) as u32;
        }
        self.nodes[node].space as usize
    }

    fn finish(mut self) -> Lexicon {
        if self.nodes.is_empty() {
            self.nodes.push(BuildNode::default());
        }
        let mut used = [false; 256];
        for n in &self.nodes {
            for &(b, _) in &n.edges {
                used[b as usize] = true;
            }
        }
        let mut classes = Box::new([0u8; 256]);
        let mut stride = 1;
        for b in 0..256 {
            if used[b] {
                // UTF-8 never uses 0xC0, 0xC1 nor 0xF5..: at most 248 classes, plus 0.
                classes[b] = stride as u8;
                stride += 1;
            }
        }
        // Breadth-first numbering: the first levels, which every walk visits, sit together in
        // memory.
        let mut order = vec![0usize];
        let mut renumbered = vec![u32::MAX; self.nodes.len()];
        renumbered[0] = 0;
        let mut k = 0;
        while k < order.len() {
            let n = &self.nodes[order[k]];
            k += 1;
            for c in n.edges.iter().map(|&(_, c)| c).chain((n.space != 0).then_some(n.space)) {
                renumbered[c as usize] = order.len() as u32;
                order.push(c as usize);
            }
        }
        let link = |c: u32| -> Link {
            if c == 0 {
                return 0;
            }
            let n = &self.nodes[c as usize];
            renumbered[c as usize] << 2
                | if n.terms.is_empty() { 0 } else { HAS_ENDS }
                | if n.space == 0 { 0 } else { HAS_SPACE }
        };
        let mut trans = vec![0; order.len() * stride];
        let (mut nodes, mut ends) = (Vec::with_capacity(order.len()), Vec::new());
        for (i, n) in order.iter().map(|&i| &self.nodes[i]).enumerate() {
            for &(b, c) in &n.edges {
                trans[i * stride + classes[b as usize] as usize] = link(c);
            }
            nodes.push(Node { space: link(n.space), ends_first: ends.len() as u32, ends_count: n.terms.len() as u32 });
            ends.extend(&n.terms);
        }
        let mut root = Box::new([0u32; 256]);
        for &(b, c) in &self.nodes[0].edges {
            root[b as usize] = link(c);
        }
        let starts_inside_words = self.nodes[0]
            .edges
            .iter()
            .filter(|(b, _)| is_word_byte(*b))
            .any(|&(_, c)| self.reaches_term(c as usize, |t| !t.bound_start));
        Lexicon {
            sections: self.sections,
            owners: self.owners,
            terms: self.terms,
            nodes,
            trans,
            stride,
            classes,
            ends,
            root,
            starts_inside_words,
        }
    }

    /// Whether a term below `node` satisfies `pred`. A walk with its own stack: the trie is as
    /// deep as the longest term, and a profile's term must not decide the call stack's depth.
    fn reaches_term(&self, node: usize, pred: impl Fn(&Term) -> bool) -> bool {
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            let n = &self.nodes[n];
            if n.terms.iter().any(|&t| pred(&self.terms[t as usize])) {
                return true;
            }
            stack.extend(n.edges.iter().map(|&(_, c)| c as usize));
            if n.space != 0 {
                stack.push(n.space as usize);
            }
        }
        false
    }
}

/// Where a term whose literal part ends at `pos` ends, if it matches there: a wildcard takes
/// the longest run of word characters that still ends on a word boundary.
fn term_end(text: &str, term: &Term, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !term.wildcard {
        return (!term.bound_end || boundary(bytes, pos)).then_some(pos);
    }
    let mut end = pos;
    while end < bytes.len() && is_word_byte(bytes[end]) {
        end += 1;
    }
    if end < bytes.len() && !bytes[end].is_ascii() {
        end += scan::word_run(&text[end..]);
    }
    loop {
        if boundary(bytes, end) {
            return Some(end);
        }
        if end == pos {
            return None;
        }
        end = text[..end].char_indices().next_back().map_or(pos, |(i, _)| i.max(pos));
    }
}

/// Length of the run of white space at byte `pos` of `text` (0 when there is none).
fn space_run(text: &str, pos: usize) -> usize {
    // Asked after every word of a multi-word term's first word: answer ASCII letters at once.
    let b = text.as_bytes()[pos];
    if b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0B {
        return 0;
    }
    text[pos..].find(|c: char| !c.is_whitespace()).unwrap_or(text.len() - pos)
}

/// An ASCII word boundary at byte `at`.
#[inline]
fn boundary(bytes: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(bytes[at - 1]);
    let after = at < bytes.len() && is_word_byte(bytes[at]);
    before != after
}

/// Expands `{a,b}` groups and folds the term.
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
    Ok(results.into_iter().map(|t| Folded::new(&t).text).collect())
}

/// A term's priority length: the length of its source as a regex (escaped words joined by
/// `\s+`, a trailing `\w*`), which is how the lexicons were first compiled and ordered; kept
/// so that which term wins at a start is unchanged.
fn priority_len(folded_term: &str) -> usize {
    let (body, wildcard) = match folded_term.strip_suffix('*') {
        Some(b) => (b, true),
        None => (folded_term, false),
    };
    // `regex::escape` put a backslash before each of these.
    let escaped_len = |w: &str| w.len() + w.chars().filter(|c| r"\.+*?()|[]{}^$#&-~".contains(*c)).count();
    let words: Vec<usize> = body.split_whitespace().map(escaped_len).collect();
    let separators = words.len().saturating_sub(1) * r"\s+".len();
    words.iter().sum::<usize>() + separators + if wildcard { r"\w*".len() } else { 0 }
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

        /// Every built-in lexicon in one trie, in the order of [`BUILTIN`]: a check scans its
        /// text once for all of them.
        pub fn builtin_all() -> &'static Lexicon {
            static CELL: OnceLock<Lexicon> = OnceLock::new();
            CELL.get_or_init(|| {
                Lexicon::parse_many(&[$(include_str!(concat!("../../data/lexicons/", $name, ".txt"))),*])
                    .unwrap_or_else(|e| panic!("data/lexicons: {e}"))
            })
        }
    };
}

builtin_lexicons!(
    "special-category",
    "judicial-data",
    "personal-context",
    "office-context",
    "given-names",
    "email-domains",
    "email-roles",
    "political",
    "electoral-period",
    "advertising",
    "offensive",
    "discrimination",
    "official-notice",
);

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    /// Issue 12: a term as long as a whole message builds without recursing once per letter.
    #[test]
    fn a_very_long_term_builds_without_deep_recursion() {
        let long = "a".repeat(300_000);
        let lex = Lexicon::from_terms([long.as_str(), "_x"]);
        assert!(lex.is_match(&long));
        // A shorter run fails at its end. (Scanning a 300,000-letter run from every position would be
        // quadratic in the term's length: validation caps terms, so real scans stay linear.)
        assert!(!lex.is_match(&long[..1_000]));
    }

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

    /// The lexicons' first implementation, one regex alternation per section, as the
    /// reference the trie must agree with.
    struct Oracle(Vec<(String, Regex)>);

    impl Oracle {
        fn pattern(folded_term: &str) -> String {
            let (body, wildcard) = match folded_term.strip_suffix('*') {
                Some(b) => (b, true),
                None => (folded_term, false),
            };
            let mut p = body.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+");
            if wildcard {
                p.push_str(r"\w*");
            }
            p
        }

        fn bounded(pattern: &str) -> String {
            let first = pattern.chars().next().unwrap_or(' ');
            let last_word = pattern.ends_with(r"\w*") || pattern.chars().last().is_some_and(char::is_alphanumeric);
            let start = if first.is_alphanumeric() { r"(?-u:\b)" } else { "" };
            let end = if last_word { r"(?-u:\b)" } else { "" };
            format!("{start}{pattern}{end}")
        }

        fn regex(patterns: Vec<String>) -> Regex {
            Regex::new(&format!("(?:{})", patterns.iter().map(|p| Self::bounded(p)).collect::<Vec<_>>().join("|")))
                .unwrap()
        }

        fn parse(data: &str) -> Oracle {
            let mut sections: Vec<(String, Vec<String>)> = Vec::new();
            let mut section = String::new();
            for line in data.lines() {
                let line = line.split(" #").next().unwrap_or("").trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    section = name.trim().to_owned();
                    continue;
                }
                let terms = expand(line).unwrap().iter().map(|t| Self::pattern(t)).collect::<Vec<_>>();
                match sections.iter_mut().find(|(n, _)| *n == section) {
                    Some((_, v)) => v.extend(terms),
                    None => sections.push((section.clone(), terms)),
                }
            }
            Oracle(
                sections
                    .into_iter()
                    .map(|(name, mut pats)| {
                        pats.sort_by_key(|p| std::cmp::Reverse(p.len()));
                        pats.dedup();
                        (name, Self::regex(pats))
                    })
                    .collect(),
            )
        }

        fn from_terms(terms: &[&str]) -> Oracle {
            let pats: Vec<String> = terms.iter().map(|t| Self::pattern(&Folded::new(t.trim()).text)).collect();
            Oracle(vec![(String::new(), Self::regex(pats))])
        }

        fn find_iter(&self, folded: &str) -> Vec<(usize, usize, String)> {
            let mut out = Vec::new();
            for (name, re) in &self.0 {
                out.extend(re.find_iter(folded).map(|m| (m.start(), m.end(), name.clone())));
            }
            out.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
            out
        }
    }

    fn texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean");
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .collect();
        out.extend(
            [
                "Il signor Rossi, residente in via Verdi, è ricoverato: chiamare il 333 1234567 o mario.rossi@gmail.com.",
                "Mario Rossi, positivo al Covid, è in quarantena. La sig.ra Verdi è RICOVERATA in terapia  intensiva.",
                "vaccinazioniß vaccinato_ vaccin vaccinazione🚧 _vaccino x_vaccino 3vaccino vaccinoé",
                "positivo\u{a0}al\u{2009}covid, positivi\n\tal   tampone; arrestato/a; dell'ufficio; l'arrestato",
                "Votate Rossi! Sconto del 50% da Bar Centrale, acquista ora. Porca madonna, che c4zzo. +europa",
                "comune.seveso.mb.it gov.it inps.it gmail.com info@comune.esempio.it ufficio.tributi protocollo",
                "Ordinanza n. 12 prot. n. 0391234567 CIG 1234 Ufficio Tributi, Polizia Locale tel. 039 123456",
                "Σωκράτης ricoverato Ωmega; ricoveratoΩ; ricoverat; RICOVERATI🚑ricoverate",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn priority_is_the_length_of_the_terms_regex() {
        let as_regex = |term: &str| {
            let (body, wildcard) = term.strip_suffix('*').map_or((term, false), |b| (b, true));
            let words: Vec<String> = body.split_whitespace().map(regex::escape).collect();
            words.join(r"\s+").len() + if wildcard { r"\w*".len() } else { 0 }
        };
        for c in (' '..='~').chain(['è', '«', '\u{a0}']) {
            for term in [format!("a{c}b"), format!("{c}x  y{c}*"), format!("bar ({c}) centrale")] {
                assert_eq!(priority_len(&term), as_regex(&term), "{term:?}");
            }
        }
    }

    #[test]
    fn agrees_with_the_regex_alternation_it_replaces() {
        let mut compared = 0;
        for name in BUILTIN {
            let source =
                std::fs::read_to_string(format!("{}/data/lexicons/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let (lex, oracle) = (builtin(name).unwrap(), Oracle::parse(&source));
            for t in texts() {
                let folded = Folded::new(&t).text;
                // Every window start too, so that matches at text edges are compared.
                for from in (0..folded.len()).step_by(37).filter(|&i| folded.is_char_boundary(i)) {
                    let slice = &folded[from..];
                    let got: Vec<_> =
                        lex.find_iter(slice).into_iter().map(|m| (m.start, m.end, m.section.to_owned())).collect();
                    assert_eq!(got, oracle.find_iter(slice), "{name} on {slice:?}");
                    assert_eq!(lex.is_match(slice), !got.is_empty());
                    compared += got.len();
                }
            }
        }
        assert!(compared > 500, "{compared} matches compared");
        let terms = ["Bar (Centrale)", "bar", "sconto*", "acquista  ora", "c.so", "+39", "_bis"];
        let (lex, oracle) = (Lexicon::from_terms(terms), Oracle::from_terms(&terms));
        let t =
            Folded::new("Bar (Centrale) e bar; sconti e scontatissimi, ACQUISTA ORA in c.so Italia +39 333, art_bis")
                .text;
        let got: Vec<_> = lex.find_iter(&t).into_iter().map(|m| (m.start, m.end, m.section.to_owned())).collect();
        assert_eq!(got.len(), 6);
        assert_eq!(got, oracle.find_iter(&t));
    }

    #[test]
    fn terms_over_many_distinct_bytes_match_like_few() {
        // Many distinct bytes (the built-in lexicons use about 40): classes are not limited.
        let chars = (0x100..0x800).step_by(5).chain((0x1000..0x10000).step_by(0x1000)).filter_map(char::from_u32);
        let ascii = "abcdefghijklmnopqrstuvwxyz0123456789".chars().cycle();
        let terms: Vec<String> = chars.zip(ascii).map(|(c, a)| format!("{c}{a}x")).collect();
        let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        let (lex, oracle) = (Lexicon::from_terms(terms.iter().copied()), Oracle::from_terms(&terms));
        assert!(lex.stride > 128);
        let text = Folded::new(&format!("{} e {} o {}x", terms[3], terms[300], terms[7])).text;
        let got: Vec<_> = lex.find_iter(&text).into_iter().map(|m| (m.start, m.end, m.section.to_owned())).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got, oracle.find_iter(&text));
    }

    #[test]
    fn all_builtin_lexicons_in_one_scan_match_like_each_alone() {
        for t in texts() {
            let folded = Folded::new(&t).text;
            let each = builtin_all().find_each(&folded);
            assert_eq!(each.len(), BUILTIN.len());
            for (name, got) in BUILTIN.iter().zip(each) {
                assert_eq!(got, builtin(name).unwrap().find_iter(&folded), "{name} on {folded:?}");
            }
        }
    }

    #[test]
    fn empty_terms_match_nothing() {
        assert!(!Lexicon::from_terms(["*", " "]).is_match("qualsiasi testo"));
        assert!(!Lexicon::parse("{,}\n").unwrap().is_match("qualsiasi testo"));
    }

    #[test]
    fn every_builtin_lexicon_compiles() {
        for name in BUILTIN {
            assert!(builtin(name).is_some(), "{name}");
        }
    }
}
