//! Matches of one lexicon family in a folded text: the built-in list plus the profile's
//! `extra_terms`, minus its `allowed_terms`. Shared by the lexicon-based policy rules.

use std::ops::Range;

use crate::checker::{lexicon, Context};

/// One match: where it is in the folded text and in the original, and its lexicon section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub folded: Range<usize>,
    pub range: Range<usize>,
    /// The lexicon section, or `extra` for the profile's own terms.
    pub section: &'a str,
}

/// Matches of `family` in `folded`, which must have the same byte layout as `ctx.folded.text`
/// (the folded text itself or a same-length rewrite of it), sorted and non-overlapping.
pub fn find<'a>(ctx: &Context<'a>, family: &str, folded: &str) -> Vec<Hit<'a>> {
    let mut hits: Vec<Hit<'a>> = Vec::new();
    // The folded text itself (not a rewrite of it) has its matches searched once per check.
    let is_folded = std::ptr::eq(folded, ctx.folded.text.as_str());
    let builtin = match lexicon::builtin(family) {
        Some(_) if is_folded => ctx.lexicon(family).to_vec(),
        Some(l) => l.find_iter(folded),
        None => Vec::new(),
    };
    let extra = ctx.prepared.extra.get(family).map(|l| l.find_iter(folded)).unwrap_or_default();
    let all = builtin.into_iter().chain(extra.into_iter().map(|m| lexicon::LexMatch { section: "extra", ..m }));
    for m in all {
        if ctx.prepared.is_allowed(family, &ctx.folded.text[m.start..m.end]) {
            continue;
        }
        hits.push(Hit { folded: m.start..m.end, range: ctx.original(m.start, m.end), section: m.section });
    }
    // Longest first at equal starts, then drop anything inside an earlier match.
    hits.sort_by_key(|h| (h.folded.start, std::cmp::Reverse(h.folded.end)));
    let mut out: Vec<Hit<'a>> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_some_and(|p| h.folded.start < p.folded.end) {
            continue;
        }
        out.push(h);
    }
    out
}

/// Where sentences end in a folded text (`.`, `!`, `?`, `;` or a line break), found once so
/// that asking for the sentence around each of many matches stays linear (issue 12).
pub struct SentenceEnds {
    ends: Vec<usize>,
    len: usize,
}

impl SentenceEnds {
    pub fn new(folded: &str) -> Self {
        let ends = folded.bytes().enumerate().filter(|(_, b)| matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'));
        SentenceEnds { ends: ends.map(|(i, _)| i).collect(), len: folded.len() }
    }

    /// The sentence around a folded range: from after the last end before it to the first end
    /// after it.
    pub fn around(&self, at: Range<usize>) -> Range<usize> {
        let before = self.ends.partition_point(|&e| e < at.start);
        let start = before.checked_sub(1).map_or(0, |i| self.ends[i] + 1);
        let after = self.ends.partition_point(|&e| e < at.end);
        let end = self.ends.get(after).copied().unwrap_or(self.len);
        start..end
    }
}

/// Reports every hit as a finding of rule `id`, with the profile's severity for the family
/// of the same name (or `default`) and `source`; `message` gets the section and the matched text.
pub fn report(
    ctx: &Context<'_>,
    out: &mut Vec<crate::checker::RawFinding>,
    id: &'static str,
    default: crate::profile::Severity,
    source: &str,
    hits: &[Hit<'_>],
    message: impl Fn(&str, &str) -> crate::i18n::Msg,
) {
    let severity = ctx.policy_severity(id).unwrap_or(default);
    for h in hits {
        let matched = &ctx.text[h.range.clone()];
        out.push(crate::checker::RawFinding::new(id, severity, h.range.clone(), message(h.section, matched), source));
    }
}
