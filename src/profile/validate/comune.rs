//! The comune, its profile id and the policy document (approval act, links, articles).

use super::format::{date, https_url, slug};
use super::{any_text, duplicates, warning, Issues};
use crate::profile::{IssueLevel, Profile};

pub fn check(p: &Profile, out: &mut Issues) {
    out.required("$.id", &p.id, slug);
    comune(p, out);
    policy(p, out);
}

fn comune(p: &Profile, out: &mut Issues) {
    let c = &p.comune;
    if c.name.trim().is_empty() {
        out.error("$.comune.name", "manca il nome del comune", "the comune's name is missing");
    }
    let prov = c.province.as_bytes();
    if prov.len() != 2 || !prov.iter().all(u8::is_ascii_uppercase) {
        out.error(
            "$.comune.province",
            format!("sigla della provincia non valida {:?}: servono due lettere maiuscole (es. MB)", c.province),
            format!("invalid province code {:?}: two capital letters expected (e.g. MB)", c.province),
        );
    }
    out.expected("$.comune.website", &c.website, ("il sito istituzionale", "the institutional website"), https_url);
    out.expected("$.comune.pec", &c.pec, ("la PEC del Comune", "the comune's PEC address"), super::format::email);
    out.expected(
        "$.comune.albo_pretorio_url",
        &c.albo_pretorio_url,
        ("il link all'Albo Pretorio online", "the link to the online Albo Pretorio"),
        https_url,
    );
    out.expected(
        "$.comune.amministrazione_trasparente_url",
        &c.amministrazione_trasparente_url,
        ("il link ad Amministrazione trasparente", "the link to Amministrazione trasparente"),
        https_url,
    );
    out.optional("$.comune.tax_code", &c.tax_code, tax_code);
}

/// Enti have a numeric codice fiscale of 11 digits, equal to their partita IVA.
fn tax_code(s: &str) -> super::format::Check {
    if s.len() == 11 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(crate::i18n::Msg::new(
            format!("codice fiscale dell'ente non valido {s:?}: servono 11 cifre"),
            format!("invalid tax code {s:?}: a public body's code has 11 digits"),
        ))
    }
}

fn policy(p: &Profile, out: &mut Issues) {
    let pol = &p.policy;
    if pol.title.trim().is_empty() {
        out.error("$.policy.title", "manca il titolo del disciplinare", "the policy's title is missing");
    }
    approval(p, out);
    out.optional("$.policy.url", &pol.url, https_url);
    out.optional("$.policy.social_policy_url", &pol.social_policy_url, https_url);
    articles(p, out);
}

/// A draft leaves number and date blank; a policy with no act at all gets one warning, not three.
fn approval(p: &Profile, out: &mut Issues) {
    let a = &p.policy.approval;
    if [&a.act, &a.number, &a.date].iter().all(|s| s.trim().is_empty()) {
        warning!(
            out,
            "$.policy.approval",
            "manca l'atto di approvazione del disciplinare",
            "the act approving the policy is missing",
        );
        return;
    }
    out.expected("$.policy.approval.act", &a.act, ("l'atto di approvazione", "the approving act"), any_text);
    out.expected(
        "$.policy.approval.number",
        &a.number,
        ("il numero dell'atto di approvazione (bozza?)", "the approving act's number (a draft?)"),
        any_text,
    );
    out.expected(
        "$.policy.approval.date",
        &a.date,
        ("la data di approvazione (bozza?)", "the approval date (a draft?)"),
        date,
    );
}

fn articles(p: &Profile, out: &mut Issues) {
    let pol = &p.policy;
    if pol.articles.is_empty() {
        out.error(
            "$.policy.articles",
            "manca il testo del disciplinare: servono i suoi articoli",
            "the policy's text is missing: its articles are needed",
        );
    }
    for (i, art) in pol.articles.iter().enumerate() {
        let path = format!("$.policy.articles[{i}]");
        if art.number.trim().is_empty() {
            out.error(format!("{path}.number"), "manca il numero dell'articolo", "the article's number is missing");
        }
        if art.paragraphs.iter().all(|t| t.trim().is_empty()) {
            warning!(out, format!("{path}.paragraphs"), "articolo senza testo", "article without text");
        }
    }
    let numbers =
        pol.articles.iter().enumerate().map(|(i, a)| (format!("$.policy.articles[{i}].number"), a.number.as_str()));
    duplicates(out, IssueLevel::Warning, numbers, ("numero di articolo", "article number"));
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::profile::IssueLevel::*;

    #[test]
    fn province_is_two_capitals() {
        for bad in ["mb", "M", "MBZ", "", "M1"] {
            let issues = issues_with(|v| v["comune"]["province"] = bad.into());
            assert!(has(&issues, Error, "$.comune.province"), "{bad}");
        }
    }

    #[test]
    fn missing_facts_warn_and_bad_ones_fail() {
        let issues = issues_with(|v| {
            v["comune"]["pec"] = "".into();
            v["comune"]["website"] = "http://www.comune.esempio.mb.it".into();
            v["policy"]["approval"]["number"] = "".into();
            v["policy"]["approval"]["date"] = "20/3/2026".into();
            v["comune"]["tax_code"] = "ABC".into();
            v["id"] = "Esempio Comune".into();
        });
        assert!(has(&issues, Warning, "$.comune.pec"));
        assert!(has(&issues, Error, "$.comune.website"));
        assert!(has(&issues, Warning, "$.policy.approval.number"));
        assert!(has(&issues, Error, "$.policy.approval.date"));
        assert!(has(&issues, Error, "$.comune.tax_code"));
        assert!(has(&issues, Error, "$.id"));
    }

    #[test]
    fn articles_are_required_and_numbered() {
        let issues = issues_with(|v| v["policy"]["articles"] = serde_json::json!([]));
        assert!(has(&issues, Error, "$.policy.articles"));
        let issues = issues_with(|v| v["policy"]["articles"][1]["number"] = "1".into());
        assert!(has(&issues, Warning, "$.policy.articles[1].number"), "{issues:#?}");
    }
}
