//! Semantic validation of a parsed profile. Each area of the profile has its own module; all
//! report through `Issues`, naming the JSON path of what is wrong, in Italian and English.
//! Nothing here panics: every value is checked before it is used.

mod channels;
mod comune;
mod contacts;
mod content;
pub mod format;
mod markup;
#[cfg(feature = "placeholders")]
pub mod placeholders;
mod privacy;
mod revision;
mod schedule;
#[cfg(feature = "translations")]
pub mod translations;

use super::{IssueLevel, Profile, ProfileIssue};
use crate::i18n::Msg;

/// Whether this build reports warnings: the CLI, the tests and the profile builder's bundle,
/// where profiles are written. The citizen widget's and the editors' checker's bundles do not:
/// only errors stop them, neither shows a warning (the checker's API rejects an invalid
/// profile and returns nothing for a valid one), and the texts and checks behind the warnings
/// are 0.7 KB of the widget's capped WASM and, with the revision hashes, 2 KB of the checker's.
pub(crate) const WARNINGS: bool = cfg!(any(not(feature = "wasm"), feature = "wasm-builder"));

/// `out.warning(...)` when the build reports warnings; its arguments (often `format!`) are not
/// even evaluated otherwise.
macro_rules! warning {
    ($out:expr, $($arg:expr),+ $(,)?) => {
        if $crate::profile::validate::WARNINGS {
            $out.warning($($arg),+)
        }
    };
}
pub(crate) use warning;

/// Every problem found in the profile, errors and warnings, in the order of the profile's areas.
pub fn validate(profile: &Profile) -> Vec<ProfileIssue> {
    let mut out = Issues::default();
    comune::check(profile, &mut out);
    privacy::check(profile, &mut out);
    channels::check(profile, &mut out);
    content::check(profile, &mut out);
    schedule::check(profile, &mut out);
    contacts::check(profile, &mut out);
    markup::check(profile, &mut out);
    revision::check(profile, &mut out);
    #[cfg(feature = "translations")]
    translations::check(profile, &mut out);
    #[cfg(feature = "placeholders")]
    placeholders::apply(profile, &mut out);
    out.0
}

/// Collects issues; small helpers keep the per-area code to one line per rule.
#[derive(Default)]
pub(crate) struct Issues(pub Vec<ProfileIssue>);

impl Issues {
    pub fn error(&mut self, path: impl Into<String>, it: impl Into<String>, en: impl Into<String>) {
        self.0.push(ProfileIssue::error(path, it, en));
    }

    pub fn warning(&mut self, path: impl Into<String>, it: impl Into<String>, en: impl Into<String>) {
        self.0.push(ProfileIssue::warning(path, it, en));
    }

    pub fn push(&mut self, path: impl Into<String>, level: IssueLevel, msg: Msg) {
        self.0.push(ProfileIssue { path: path.into(), level, message: msg });
    }

    pub fn has_error_at(&self, path: &str) -> bool {
        self.0.iter().any(|i| i.level == IssueLevel::Error && i.path == path)
    }

    /// Checks an optional value: empty is fine, anything else must pass `check`.
    pub fn optional<T>(&mut self, path: &str, value: &str, check: impl Fn(&str) -> format::Check<T>) {
        if !value.is_empty() {
            self.required(path, value, check);
        }
    }

    /// Checks a value that is present: any failure is an error at `path`.
    pub fn required<T>(&mut self, path: &str, value: &str, check: impl Fn(&str) -> format::Check<T>) {
        if let Err(m) = check(value) {
            self.push(path, IssueLevel::Error, m);
        }
    }

    /// A fact the policy should state: empty is a warning saying what is missing.
    pub fn expected<T>(
        &mut self,
        path: &str,
        value: &str,
        what: (&str, &str),
        check: impl Fn(&str) -> format::Check<T>,
    ) {
        if value.trim().is_empty() {
            warning!(self, path, format!("manca {}", what.0), format!("missing {}", what.1));
        } else {
            self.required(path, value, check);
        }
    }
}

/// The path step for an object key: `.key` for plain names, `["key"]` otherwise.
pub(crate) fn key_path(k: &str) -> String {
    crate::profile::json::key_step(k)
}

/// Accepts any text (for `Issues::expected` on free-text fields).
pub(crate) fn any_text(_: &str) -> format::Check {
    Ok(())
}

/// Reports values that occur more than once (case-insensitive), at the later occurrence.
pub(crate) fn duplicates<'a>(
    out: &mut Issues,
    level: IssueLevel,
    items: impl IntoIterator<Item = (String, &'a str)>,
    what: (&str, &str),
) {
    if level == IssueLevel::Warning && !WARNINGS {
        return;
    }
    let mut seen: Vec<(String, String)> = Vec::new();
    for (path, value) in items {
        let key = crate::text::lower_latin(value.trim());
        if key.is_empty() {
            continue;
        }
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => out.push(
                path,
                level,
                Msg::new(
                    format!("{} {value:?} ripetuto (già in {first})", what.0),
                    format!("duplicate {} {value:?} (already at {first})", what.1),
                ),
            ),
            None => seen.push((key, path)),
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::profile::{parse, IssueLevel, Profile, ProfileIssue};

    pub const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal-profile.json");

    /// The minimal valid profile, changed by `edit` on its JSON value.
    pub fn profile_with(edit: impl FnOnce(&mut serde_json::Value)) -> Profile {
        let mut v: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
        edit(&mut v);
        parse(&v.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn issues_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<ProfileIssue> {
        super::validate(&profile_with(edit))
    }

    pub fn has(issues: &[ProfileIssue], level: IssueLevel, path: &str) -> bool {
        issues.iter().any(|i| i.level == level && i.path == path)
    }

    pub fn errors(issues: &[ProfileIssue]) -> Vec<&ProfileIssue> {
        issues.iter().filter(|i| i.level == IssueLevel::Error).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn the_minimal_fixture_is_clean() {
        let issues = validate(&profile_with(|_| {}));
        assert!(issues.is_empty(), "{issues:#?}");
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let issues = issues_with(|v| {
            v["comune"]["website"] = "javascript:alert(1)".into();
            v["categories"][1]["id"] = "emergenze".into();
        });
        assert!(issues.len() >= 2);
        for i in &issues {
            assert!(!i.message.it.is_empty() && !i.message.en.is_empty(), "{i:?}");
            assert_ne!(i.message.it, i.message.en);
        }
    }
}
