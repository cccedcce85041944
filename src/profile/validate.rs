//! Semantic validation of a parsed profile. (Filled in by the profiles work.)

use super::{Profile, ProfileIssue};

pub fn validate(_profile: &Profile) -> Vec<ProfileIssue> {
    Vec::new()
}
