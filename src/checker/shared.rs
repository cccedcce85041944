//! Work that several rules need on the same draft, done at most once per check: the matches
//! of each built-in lexicon over the folded text, the sentences, the people named or
//! described. Each piece is computed on first use, so a profile that switches rules off
//! does not pay for what no remaining rule asks.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use super::lexicon::{self, LexMatch};
use super::rules::personal_data::context::{Person, PersonKind, Sentences};

#[derive(Default)]
pub struct Shared {
    /// Per built-in lexicon (same order as [`lexicon::BUILTIN`]): its matches in the folded
    /// text, all found in one scan.
    lexicons: OnceCell<Vec<Vec<LexMatch<'static>>>>,
    pub(crate) sentences: OnceCell<Sentences>,
    /// Every identifiable person in the text, by start.
    pub(crate) persons: OnceCell<Vec<Person>>,
    /// Per sentence start: the strongest tie to a person in it or in the sentence before.
    pub(crate) identifiable: RefCell<HashMap<usize, Option<PersonKind>>>,
}

impl Shared {
    pub fn new() -> Self {
        Shared::default()
    }

    /// The matches of built-in lexicon `name` in `folded` (the check's folded text), sorted by
    /// start; `None` for a name that is not built in.
    pub fn lexicon(&self, name: &str, folded: &str) -> Option<&[LexMatch<'static>]> {
        let i = lexicon::BUILTIN.iter().position(|n| *n == name)?;
        Some(&self.lexicons.get_or_init(|| lexicon::builtin_all().find_each(folded))[i])
    }
}

/// Whether one of `ranges` (sorted and disjoint: links, code blocks, names found) holds all of
/// `range`. A binary search: rules ask it for every match, and a hostile message holds
/// thousands of both (issue 12).
pub fn covers(ranges: &[std::ops::Range<usize>], range: std::ops::Range<usize>) -> bool {
    let k = ranges.partition_point(|r| r.start <= range.start);
    k > 0 && range.end <= ranges[k - 1].end
}

/// The matches of `matches` (sorted by start) that lie inside the folded range `within`.
pub fn inside<'m, 'l>(
    matches: &'m [LexMatch<'l>],
    within: std::ops::Range<usize>,
) -> impl Iterator<Item = &'m LexMatch<'l>> + 'm {
    let first = matches.partition_point(|m| m.start < within.start);
    matches[first..].iter().take_while(move |m| m.start < within.end).filter(move |m| m.end <= within.end)
}
