//! Loading and validating a comune's profile.

mod model;
pub mod validate;

pub use model::*;

use crate::i18n::{Lang, Msg};
use serde::Serialize;

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

/// Parses a profile's JSON text. Type errors and unknown fields come back with the JSON path
/// of the offending field; semantic checks are `validate::validate`'s job.
pub fn parse(json: &str) -> Result<Profile, ProfileIssue> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = json_path(&e.path().to_string());
        let inner = e.into_inner();
        // A syntax error has no meaningful field path: the line and column locate it.
        let path = if inner.is_syntax() || inner.is_eof() { "$".to_owned() } else { path };
        let detail = inner.to_string();
        let detail = detail.split(" at line ").next().unwrap_or(&detail).to_owned();
        let (it, en) = if inner.is_syntax() || inner.is_eof() {
            (
                format!("JSON non valido (riga {}, colonna {}): {detail}", inner.line(), inner.column()),
                format!("invalid JSON (line {}, column {}): {detail}", inner.line(), inner.column()),
            )
        } else if detail.starts_with("unknown field") {
            (format!("campo sconosciuto: {detail}"), detail.clone())
        } else if detail.starts_with("missing field") {
            (format!("campo obbligatorio mancante: {detail}"), detail.clone())
        } else {
            (format!("valore non valido: {detail}"), format!("invalid value: {detail}"))
        };
        ProfileIssue::error(path, it, en)
    })
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

/// serde_path_to_error writes `channels[0].invite_url` (or `.` for the root).
fn json_path(p: &str) -> String {
    let p = p.trim_end_matches(".?");
    if p == "." || p.is_empty() {
        "$".to_owned()
    } else {
        format!("$.{p}")
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
