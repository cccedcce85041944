//! Loading and validating a comune's profile.

pub mod json;
mod model;
pub mod rule_ids;
pub mod validate;

pub use model::*;

use crate::i18n::{Lang, Msg};
use serde::Serialize;

/// The profile format this build reads and writes (`Profile::format`).
pub const FORMAT: u32 = 1;

/// How bad a profile problem is: an error makes the profile unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueLevel {
    Warning,
    Error,
}

/// One problem in a profile, located by its JSON path (e.g. `$.channels[0].invite_url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileIssue {
    pub path: String,
    pub level: IssueLevel,
    pub message: Msg,
}

impl ProfileIssue {
    pub fn error(path: impl Into<String>, it: impl Into<String>, en: impl Into<String>) -> Self {
        ProfileIssue { path: path.into(), level: IssueLevel::Error, message: Msg::new(it, en) }
    }

    pub fn warning(path: impl Into<String>, it: impl Into<String>, en: impl Into<String>) -> Self {
        ProfileIssue { path: path.into(), level: IssueLevel::Warning, message: Msg::new(it, en) }
    }

    /// `$.path: message` in one language.
    pub fn render(&self, lang: Lang) -> String {
        let level = match (self.level, lang) {
            (IssueLevel::Error, Lang::It) => "errore",
            (IssueLevel::Warning, Lang::It) => "avviso",
            (IssueLevel::Error, Lang::En) => "error",
            (IssueLevel::Warning, Lang::En) => "warning",
        };
        format!("{level}: {}: {}", self.path, self.message.get(lang))
    }
}

impl std::fmt::Display for ProfileIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.render(Lang::It), self.message.en)
    }
}

/// Parses a profile's JSON text. Syntax errors come back at `$` with line and column; type
/// errors, unknown fields and missing fields with the JSON path of the offending value and its
/// line and column. Semantic checks are `validate::validate`'s job.
pub fn parse(json: &str) -> Result<Profile, ProfileIssue> {
    json::parse_profile(json)
}

/// Parses and validates. `Ok` carries the warnings; `Err` every problem found when at least
/// one is an error.
pub fn load(json: &str) -> Result<(Profile, Vec<ProfileIssue>), Vec<ProfileIssue>> {
    let profile = parse(json).map_err(|e| vec![e])?;
    let issues = validate::validate(&profile);
    if issues.iter().any(|i| i.level == IssueLevel::Error) {
        Err(issues)
    } else {
        Ok((profile, issues))
    }
}

/// The profile's JSON Schema, generated from the types (what `pkg-config/profile.schema.json`
/// must contain).
#[cfg(feature = "schema")]
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Profile);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_point_at_the_root_with_line_and_column() {
        let e = parse("{\"id\": \"x\", \"comune\": {\"name\": ").unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.it.contains("riga 1"), "{}", e.message.it);
    }

    #[test]
    fn type_errors_name_the_field() {
        let e = parse(r#"{"id": 5}"#).unwrap_err();
        assert_eq!(e.path, "$.id");
    }
}
