//! One file per rule family. Each file declares its rule ids, their legal source and its
//! tests; `all()` is the registry the engine runs.

use super::Rule;

/// Every rule family, in the order findings are produced.
pub fn all() -> &'static [&'static dyn Rule] {
    &[]
}
