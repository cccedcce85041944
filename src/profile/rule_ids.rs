//! The checker's rule ids, and the families that read a profile's extra and allowed terms: what
//! the `checker` settings of a profile may name. Kept here, not taken from `checker::rules`, so the
//! profile builder's WASM (built without the checker) can warn about a name no rule answers to;
//! the checker's tests prove the list is exactly what its rules emit and read.

/// Every rule id a finding may carry, sorted. `checker.too-long` is not here: it cannot be
/// switched off, ignored or re-graded.
pub const RULE_IDS: &[&str] = &[
    "advertising",
    "category.missing",
    "category.not-allowed",
    "discrimination",
    "electoral-period",
    "format.emoji",
    "format.empty",
    "format.length",
    "format.markup",
    "format.shouting",
    "judicial-data",
    "link.insecure",
    "link.shortener",
    "link.suspicious",
    "link.untrusted-domain",
    "offensive",
    "official-notice",
    "personal-data.email",
    "personal-data.iban",
    "personal-data.id-document",
    "personal-data.license-plate",
    "personal-data.person-name",
    "personal-data.phone",
    "personal-data.tax-code",
    "personal-data.vat-number",
    "political",
    "readability",
    "schedule.outside-hours",
    "special-category",
];

/// The lexicon families whose rules read `extra_terms` and `allowed_terms`.
pub const TERM_FAMILIES: &[&str] = &[
    "advertising",
    "discrimination",
    "electoral-period",
    "judicial-data",
    "offensive",
    "official-notice",
    "political",
    "special-category",
];

/// A rule id.
pub fn is_rule(id: &str) -> bool {
    RULE_IDS.binary_search(&id).is_ok()
}

/// A rule id or a family of them ("link" for every `link.*`), as `disabled_rules` and `sources`
/// take them.
pub fn is_rule_or_family(name: &str) -> bool {
    is_rule(name) || RULE_IDS.iter().any(|id| id.strip_prefix(name).is_some_and(|rest| rest.starts_with('.')))
}

/// The families, for messages: "advertising, category, discrimination, …".
pub fn families() -> String {
    let mut out: Vec<&str> = RULE_IDS.iter().map(|id| id.split('.').next().unwrap_or(id)).collect();
    out.dedup();
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_families_resolve() {
        assert!(RULE_IDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TERM_FAMILIES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_rule_or_family("link") && is_rule_or_family("personal-data") && is_rule_or_family("link.shortener"));
        assert!(!is_rule_or_family("lin") && !is_rule_or_family("link.") && !is_rule("link") && !is_rule("offensivo"));
        assert!(families().starts_with("advertising, category, discrimination"));
    }
}
