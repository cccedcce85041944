//! One file per rule family. Each file declares its rule ids, their legal source and its
//! tests; `all()` is the registry the engine runs.

pub mod category;
pub mod format;
pub mod lexicon_hits;
pub mod links;
pub mod readability;
pub mod schedule;
pub mod urls;

use super::Rule;

/// Every rule family, in the order findings are produced.
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: &[&dyn Rule] = &[
        &category::RULE,
        &schedule::RULE,
        &links::RULE,
        &format::RULE,
        &readability::RULE,
    ];
    ALL
}
