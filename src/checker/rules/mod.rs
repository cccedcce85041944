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
