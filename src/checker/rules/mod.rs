//! One file per rule family. Each file declares its rule ids, their legal source and its
//! tests; `all()` is the registry the engine runs.

pub mod advertising;
pub mod category;
pub mod discrimination;
pub mod electoral_period;
pub mod format;
pub mod judicial_data;
pub mod lexicon_hits;
pub mod links;
pub mod offensive;
pub mod official_notice;
pub mod personal_data;
pub mod political;
pub mod readability;
pub mod schedule;
pub mod special_category;
pub mod urls;

use super::Rule;

/// Every rule family, in the order findings are produced.
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: &[&dyn Rule] = &[
        &category::RULE,
        &political::RULE,
        &electoral_period::RULE,
        &advertising::RULE,
        &offensive::RULE,
        &discrimination::RULE,
        &official_notice::RULE,
        &schedule::RULE,
        &links::RULE,
        &format::RULE,
        &readability::RULE,
        &personal_data::phone::RULE,
        &personal_data::email::RULE,
        &personal_data::tax_code::RULE,
        &personal_data::vat_number::RULE,
        &personal_data::iban::RULE,
        &personal_data::id_document::RULE,
        &personal_data::license_plate::RULE,
        &personal_data::person_name::RULE,
        &special_category::RULE,
        &judicial_data::RULE,
    ];
    ALL
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check_with, profile};
    use crate::profile::rule_ids::{RULE_IDS, TERM_FAMILIES};

    #[test]
    fn the_profiles_vocabulary_is_what_the_rules_emit() {
        let mut ids: Vec<&str> = super::all().iter().flat_map(|r| r.ids().iter().copied()).collect();
        ids.sort_unstable();
        assert_eq!(ids, RULE_IDS);
    }

    #[test]
    fn every_term_family_reads_the_profiles_terms() {
        // An invented word added to a family is then found by it; allowed again, it is not.
        // electoral-period and official-notice read them too, but only inside a period or as an
        // act's wording, which this plain message is not.
        for family in TERM_FAMILIES.iter().filter(|f| !matches!(**f, "electoral-period" | "official-notice")) {
            let mut p = profile();
            p.checker.extra_terms.insert((*family).to_owned(), vec!["zorblaxo".into()]);
            let text = "Il signor Mario Rossi è uno zorblaxo, lo sanno tutti.";
            let found = |p: &crate::profile::Profile| check_with(p, text).findings.iter().any(|f| f.rule == *family);
            assert!(found(&p), "{family}");
            p.checker.allowed_terms.insert((*family).to_owned(), vec!["zorblaxo".into()]);
            assert!(!found(&p), "{family} allowed");
        }
    }
}
