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

/// The placeholders in `s`, each as written («DA COMPILARE: …»), in order. A search for '«'
/// then a prefix test, not a substring search: this runs on every text of every profile the
/// widget loads, and the substring searcher's code cost its bundle kilobytes.
pub fn find(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find('«').map(|i| from + i) {
        if s[i..].starts_with(MARK) {
            let end = s[i + MARK.len()..].find('»').map_or(s.len(), |j| i + MARK.len() + j + '»'.len_utf8());
            out.push(&s[i..end]);
            from = end;
        } else {
            from = i + '«'.len_utf8();
        }
    }
    out
}

/// At most this many texts with placeholders are reported one by one (a template has a dozen);
/// beyond, one error counts the rest. It also bounds `supersede`'s work per issue.
const REPORTED: usize = 100;

pub(crate) fn check(profile: &Profile, out: &mut Issues) {
    let mut more = 0usize;
    profile.texts(&Path::Root, &mut |path, s| {
        let found = find(s);
        if found.is_empty() {
            return;
        }
        if out.0.len() >= REPORTED {
            more += 1;
            return;
        }
        let list = found.join(", ");
        out.error(
            path.render(),
            format!("segnaposto da compilare: {list}; sostituirlo con il dato del Comune"),
            format!("placeholder to fill in: {list}; replace it with the comune's own fact"),
        );
    });
    if more > 0 {
        out.error(
            "$",
            format!("altri {more} testi contengono segnaposto «DA COMPILARE»"),
            format!("{more} more texts hold «DA COMPILARE» placeholders"),
        );
    }
}

/// Keeps one issue per placeholder path, the placeholder's own: `issues[..first_other]` are the
/// placeholders (at most `REPORTED` + 1), the rest every other check's. A scan of that short
/// list per issue: a sorted set cost the widget's bundle 4.5 KB (measured 2026-11-29).
pub(crate) fn supersede(issues: &mut Vec<crate::profile::ProfileIssue>, first_other: usize) {
    let holes: Vec<String> = issues[..first_other].iter().map(|i| i.path.clone()).filter(|p| p != "$").collect();
    if holes.is_empty() {
        return;
    }
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

    #[test]
    fn thousands_of_placeholders_are_counted_not_listed() {
        let issues = issues_with(|v| {
            v["policy"]["articles"][0]["paragraphs"] = (0..5000).map(|i| format!("{} {i}", placeholder("x"))).collect();
        });
        let holes = issues.iter().filter(|i| i.message.it.starts_with("segnaposto")).count();
        assert_eq!(holes, REPORTED);
        assert!(
            issues.iter().any(|i| i.path == "$" && i.message.it.contains("altri 4900 testi")),
            "{:?}",
            &issues[..3]
        );
    }
}
