//! Placeholders left by `banditore new` and the builder's templates («DA COMPILARE: …»): a profile
//! still carrying one is a draft, not something to publish. Each is an error at its own path that
//! quotes the placeholder, and it replaces the format errors the same text would raise there
//! (a placeholder in `website` is "to fill in", not "not an https address").

use super::Issues;
use crate::profile::json::texts::Texts;
use crate::profile::json::Path;
use crate::profile::Profile;

/// What every placeholder starts with.
pub const MARK: &str = "«DA COMPILARE";

/// `«DA COMPILARE: what»`.
pub fn placeholder(what: &str) -> String {
    format!("{MARK}: {what}»")
}

/// The placeholders in `s`, each as written («DA COMPILARE: …»), in order.
pub fn find(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut offset = 0;
    while let Some(i) = rest.find(MARK) {
        let start = offset + i;
        let after = &s[start..];
        let end = after.find('»').map_or(after.len(), |j| j + '»'.len_utf8());
        out.push(&s[start..start + end]);
        offset = start + end;
        rest = &s[offset..];
    }
    out
}

pub(crate) fn check(profile: &Profile, out: &mut Issues) {
    profile.texts(&Path::Root, &mut |path, s| {
        let found = find(s);
        if found.is_empty() {
            return;
        }
        let list = found.join(", ");
        out.error(
            path.render(),
            format!("segnaposto da compilare: {list}; sostituirlo con il dato del Comune"),
            format!("placeholder to fill in: {list}; replace it with the comune's own fact"),
        );
    });
}

/// Keeps one issue per placeholder path, the placeholder's own: `issues[..first_other]` are the
/// placeholders, the rest every other check's.
pub(crate) fn supersede(issues: &mut Vec<crate::profile::ProfileIssue>, first_other: usize) {
    let holes: std::collections::BTreeSet<String> = issues[..first_other].iter().map(|i| i.path.clone()).collect();
    let mut seen = 0;
    issues.retain(|issue| {
        seen += 1;
        seen <= first_other || !holes.contains(&issue.path)
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::profile::IssueLevel;

    #[test]
    fn finds_each_placeholder_as_written() {
        let s = format!("Il {} e {} fine", placeholder("nome"), placeholder("sito"));
        assert_eq!(find(&s), ["«DA COMPILARE: nome»", "«DA COMPILARE: sito»"]);
        assert_eq!(find("«DA COMPILARE senza chiusura"), ["«DA COMPILARE senza chiusura"]);
        assert!(find("«così» e DA COMPILARE").is_empty());
    }

    #[test]
    fn a_placeholder_is_one_clear_error_at_its_path() {
        let issues = issues_with(|v| {
            v["comune"]["website"] = placeholder("sito istituzionale").into();
            v["policy"]["articles"][0]["paragraphs"][0] =
                format!("Il {} trasmette.", placeholder("nome del Comune")).into();
        });
        let at: Vec<_> = issues.iter().filter(|i| i.path == "$.comune.website").collect();
        assert_eq!(at.len(), 1, "{issues:#?}");
        assert_eq!(at[0].level, IssueLevel::Error);
        assert!(at[0].message.it.contains("«DA COMPILARE: sito istituzionale»"), "{}", at[0].message.it);
        assert!(has(&issues, IssueLevel::Error, "$.policy.articles[0].paragraphs[0]"));
    }
}
