//! Allowed categories and forbidden families: ids, labels, the emergency category, severities.

use super::format::{rule_id, slug};
use super::{duplicates, warning, Issues};
use crate::profile::{IssueLevel, Profile, Severity};

pub fn check(p: &Profile, out: &mut Issues) {
    categories(p, out);
    forbidden(p, out);
}

fn categories(p: &Profile, out: &mut Issues) {
    if p.categories.is_empty() {
        out.error("$.categories", "nessuna categoria di contenuti ammessi", "no allowed content category");
        return;
    }
    for (i, c) in p.categories.iter().enumerate() {
        let path = format!("$.categories[{i}]");
        out.required(&format!("{path}.id"), &c.id, slug);
        if c.label.trim().is_empty() {
            out.error(format!("{path}.label"), "manca l'etichetta della categoria", "the category's label is missing");
        }
    }
    let ids = p.categories.iter().enumerate().map(|(i, c)| (format!("$.categories[{i}].id"), c.id.as_str()));
    duplicates(out, IssueLevel::Error, ids, ("id di categoria", "category id"));
    let emergencies: Vec<usize> =
        p.categories.iter().enumerate().filter(|(_, c)| c.emergency).map(|(i, _)| i).collect();
    match emergencies[..] {
        [] => warning!(
            out,
            "$.categories",
            "nessuna categoria è marcata come emergenza: le allerte non potranno essere inviate fuori orario né evidenziate",
            "no category is marked as emergency: alerts cannot be sent outside service hours or highlighted",
        ),
        [_] => {}
        [_, second, ..] => warning!(
            out,
            format!("$.categories[{second}].emergency"),
            "più di una categoria è marcata come emergenza: di norma ce n'è una sola",
            "more than one category is marked as emergency: there is normally just one",
        ),
    }
}

fn forbidden(p: &Profile, out: &mut Issues) {
    if p.forbidden.is_empty() {
        warning!(
            out,
            "$.forbidden",
            "nessun contenuto vietato: il controllo applicherà solo le regole di legge",
            "no forbidden content: the checker will apply the legal rules only",
        );
    }
    for (i, f) in p.forbidden.iter().enumerate() {
        let path = format!("$.forbidden[{i}]");
        out.required(&format!("{path}.id"), &f.id, rule_id);
        if f.label.trim().is_empty() {
            out.error(
                format!("{path}.label"),
                "manca l'etichetta del contenuto vietato",
                "the forbidden family's label is missing",
            );
        }
        if f.severity == Severity::Info {
            warning!(
                out,
                format!("{path}.severity"),
                "un contenuto vietato con gravità «info» non blocca mai l'invio: usare warning o error",
                "a forbidden family with severity \"info\" never blocks sending: use warning or error",
            );
        }
        if f.source.trim().is_empty() {
            warning!(
                out,
                format!("{path}.source"),
                "manca l'articolo che lo vieta: ogni segnalazione del controllo deve citare la sua fonte",
                "the article forbidding it is missing: every checker finding must cite its source",
            );
        }
    }
    let ids = p.forbidden.iter().enumerate().map(|(i, f)| (format!("$.forbidden[{i}].id"), f.id.as_str()));
    duplicates(out, IssueLevel::Error, ids, ("id di contenuto vietato", "forbidden family id"));
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::profile::IssueLevel::*;
    use serde_json::json;

    #[test]
    fn category_ids_and_emergency() {
        let issues = issues_with(|v| {
            v["categories"][1]["id"] = "emergenze".into();
            v["categories"][2]["id"] = "Eventi Culturali".into();
            v["categories"][2]["label"] = "".into();
        });
        assert!(has(&issues, Error, "$.categories[1].id"), "{issues:#?}");
        assert!(has(&issues, Error, "$.categories[2].id"));
        assert!(has(&issues, Error, "$.categories[2].label"));
        let issues = issues_with(|v| v["categories"][0]["emergency"] = false.into());
        assert!(has(&issues, Warning, "$.categories"));
        let issues = issues_with(|v| v["categories"][2]["emergency"] = true.into());
        assert!(has(&issues, Warning, "$.categories[2].emergency"));
        let issues = issues_with(|v| v["categories"] = json!([]));
        assert!(has(&issues, Error, "$.categories"));
    }

    #[test]
    fn forbidden_families() {
        let issues = issues_with(|v| {
            v["forbidden"][1]["id"] = "political".into();
            v["forbidden"][2]["severity"] = "info".into();
            v["forbidden"][3]["id"] = "Dati giudiziari".into();
            v["forbidden"][0]["source"] = "".into();
        });
        assert!(has(&issues, Error, "$.forbidden[1].id"));
        assert!(has(&issues, Warning, "$.forbidden[2].severity"));
        assert!(has(&issues, Error, "$.forbidden[3].id"));
        assert!(has(&issues, Warning, "$.forbidden[0].source"));
    }
}
