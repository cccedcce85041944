//! Who manages the channel, the help contact, the institutional contacts that messages may
//! carry, and the checker's per-comune settings.

use super::format::{email, hostname, https_url, iban, phone, rule_id};
use super::{duplicates, key_path, warning, Issues};
use crate::profile::{IssueLevel, Profile};

pub fn check(p: &Profile, out: &mut Issues) {
    management(p, out);
    help(p, out);
    institutional(p, out);
    checker(p, out);
}

fn management(p: &Profile, out: &mut Issues) {
    let m = &p.management;
    if m.responsible.trim().is_empty() {
        warning!(
            out,
            "$.management.responsible",
            "manca il responsabile della gestione del canale",
            "the person responsible for the channel is missing",
        );
    }
    if let Some(max) = m.max_delegates {
        if m.delegates.len() > max as usize {
            out.error(
                "$.management.delegates",
                format!("{} delegati, ma il disciplinare ne ammette al massimo {max}", m.delegates.len()),
                format!("{} delegates, but the policy allows at most {max}", m.delegates.len()),
            );
        }
    }
    let names = m.delegates.iter().enumerate().map(|(i, d)| (format!("$.management.delegates[{i}]"), d.as_str()));
    duplicates(out, IssueLevel::Warning, names, ("delegato", "delegate"));
}

fn help(p: &Profile, out: &mut Issues) {
    let h = &p.help;
    if [&h.email, &h.phone, &h.toll_free, &h.url].iter().all(|s| s.trim().is_empty()) {
        warning!(
            out,
            "$.help",
            "manca un recapito di assistenza per chi ha difficoltà con l'iscrizione",
            "there is no help contact for people having trouble subscribing",
        );
    }
    out.optional("$.help.email", &h.email, email);
    out.optional("$.help.phone", &h.phone, phone);
    out.optional("$.help.toll_free", &h.toll_free, phone);
    out.optional("$.help.url", &h.url, https_url);
}

fn institutional(p: &Profile, out: &mut Issues) {
    let c = &p.institutional_contacts;
    for (i, d) in c.domains.iter().enumerate() {
        out.required(&format!("$.institutional_contacts.domains[{i}]"), d, hostname);
    }
    for (i, e) in c.emails.iter().enumerate() {
        out.required(&format!("$.institutional_contacts.emails[{i}]"), e, email);
    }
    for (i, n) in c.phones.iter().enumerate() {
        out.required(&format!("$.institutional_contacts.phones[{i}]"), n, phone);
    }
    for (i, n) in c.ibans.iter().enumerate() {
        out.required(&format!("$.institutional_contacts.ibans[{i}]"), n, iban);
    }
    for (i, h) in c.office_holders.iter().enumerate() {
        let path = format!("$.institutional_contacts.office_holders[{i}]");
        if h.name.trim().is_empty() {
            out.error(format!("{path}.name"), "manca il nome", "the name is missing");
        }
        if h.role.trim().is_empty() {
            out.error(format!("{path}.role"), "manca la carica (es. Sindaco)", "the role is missing (e.g. Sindaco)");
        }
    }
}

/// A well-formed name that no rule answers to: the setting would silently do nothing (a typo,
/// "offensivo", or a rule of another version).
fn unknown_rule(out: &mut Issues, path: &str, name: &str, family_too: bool) {
    use crate::profile::rule_ids::{families, is_rule, is_rule_or_family};
    // Warnings only: the bundles that drop them (widget, checker) need not carry the rule list.
    if !super::WARNINGS {
        return;
    }
    let known = if family_too { is_rule_or_family(name) } else { is_rule(name) };
    if known || rule_id(name).is_err() {
        return;
    }
    warning!(
        out,
        path,
        format!(
            "nessuna regola del controllo si chiama «{name}»: l'impostazione non ha effetto (famiglie: {})",
            families()
        ),
        format!("no checker rule is called “{name}”: the setting has no effect (families: {})", families())
    );
}

fn checker(p: &Profile, out: &mut Issues) {
    let c = &p.checker;
    for (i, r) in c.disabled_rules.iter().enumerate() {
        out.required(&format!("$.checker.disabled_rules[{i}]"), r, rule_id);
        unknown_rule(out, &format!("$.checker.disabled_rules[{i}]"), r, true);
    }
    for (i, ig) in c.ignore.iter().enumerate() {
        let path = format!("$.checker.ignore[{i}]");
        out.required(&format!("{path}.rule"), &ig.rule, rule_id);
        unknown_rule(out, &format!("{path}.rule"), &ig.rule, false);
        if ig.text.trim().is_empty() {
            out.error(format!("{path}.text"), "manca il testo da ignorare", "the text to ignore is missing");
        }
    }
    for key in c.severity.keys() {
        out.required(&format!("$.checker.severity{}", key_path(key)), key, rule_id);
        unknown_rule(out, &format!("$.checker.severity{}", key_path(key)), key, false);
    }
    for (key, article) in &c.sources {
        let path = format!("$.checker.sources{}", key_path(key));
        out.required(&path, key, rule_id);
        unknown_rule(out, &path, key, true);
        if article.trim().is_empty() {
            out.error(path, "manca l'articolo del disciplinare", "the policy's article is missing");
        }
    }
    for (family, terms) in c
        .extra_terms
        .iter()
        .map(|(f, t)| ("extra_terms", (f, t)))
        .chain(c.allowed_terms.iter().map(|(f, t)| ("allowed_terms", (f, t))))
    {
        let (name, list) = terms;
        let path = format!("$.checker.{family}{}", key_path(name));
        out.required(&path, name, rule_id);
        if super::WARNINGS && rule_id(name).is_ok() && !crate::profile::rule_ids::TERM_FAMILIES.contains(&name.as_str())
        {
            let read = crate::profile::rule_ids::TERM_FAMILIES.join(", ");
            warning!(
                out,
                &path,
                format!("nessuna regola legge termini della famiglia «{name}»: non hanno effetto (famiglie che li leggono: {read})"),
                format!("no rule reads terms of the family “{name}”: they have no effect (families that read them: {read})")
            );
        }
        for (i, t) in list.iter().enumerate() {
            if t.trim().is_empty() {
                out.error(format!("{path}[{i}]"), "termine vuoto", "empty term");
            }
            let max = crate::profile::json::limits::MAX_TERM_CHARS;
            if t.chars().nth(max).is_some() {
                out.error(
                    format!("{path}[{i}]"),
                    format!("termine troppo lungo: al massimo {max} caratteri (una parola o una breve frase)"),
                    format!("term too long: at most {max} characters (a word or a short phrase)"),
                );
            }
        }
    }
    if let Some(t) = c.readability_threshold.filter(|t| *t > 100) {
        out.error(
            "$.checker.readability_threshold",
            format!("soglia di leggibilità {t} fuori scala: l'indice Gulpease va da 0 a 100"),
            format!("readability threshold {t} is out of range: the Gulpease index runs from 0 to 100"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::profile::IssueLevel::*;
    use serde_json::json;

    #[test]
    fn too_many_delegates() {
        let issues = issues_with(|v| v["management"]["delegates"] = json!(["A", "B", "C", "D", "E", "F"]));
        assert!(has(&issues, Error, "$.management.delegates"));
        let issues = issues_with(|v| v["management"]["delegates"] = json!(["A", "B", "C", "D", "a"]));
        assert!(!has(&issues, Error, "$.management.delegates"));
        assert!(has(&issues, Warning, "$.management.delegates[4]"));
    }

    #[test]
    fn help_and_institutional_contacts() {
        let issues = issues_with(|v| v["help"] = json!({"name": "Ufficio"}));
        assert!(has(&issues, Warning, "$.help"));
        let issues = issues_with(|v| {
            v["help"]["toll_free"] = "numero verde".into();
            v["institutional_contacts"]["domains"] = json!(["comune esempio"]);
            v["institutional_contacts"]["ibans"] = json!(["IT00X0542811101000000123456"]);
            v["institutional_contacts"]["office_holders"] = json!([{"name": "", "role": "Sindaco"}]);
        });
        assert!(has(&issues, Error, "$.help.toll_free"));
        assert!(has(&issues, Error, "$.institutional_contacts.domains[0]"));
        assert!(has(&issues, Error, "$.institutional_contacts.ibans[0]"));
        assert!(has(&issues, Error, "$.institutional_contacts.office_holders[0].name"));
    }

    #[test]
    fn checker_settings() {
        let issues = issues_with(|v| {
            v["checker"] = json!({"disabled_rules": ["Link Sospetti"], "ignore": [{"rule": "phone", "text": " "}],
                "readability_threshold": 150, "extra_terms": {"offensive": [""]}});
        });
        assert!(has(&issues, Error, "$.checker.disabled_rules[0]"));
        assert!(has(&issues, Error, "$.checker.ignore[0].text"));
        assert!(has(&issues, Error, "$.checker.readability_threshold"));
        assert!(has(&issues, Error, "$.checker.extra_terms.offensive[0]"));
    }

    #[test]
    fn checker_settings_naming_no_rule_warn_that_they_do_nothing() {
        let issues = issues_with(|v| {
            v["checker"] = json!({
                "disabled_rules": ["link", "offensivo", "link.suspicius"],
                "ignore": [{"rule": "personal-data", "text": "x"}, {"rule": "personal-data.phone", "text": "x"}],
                "severity": {"format.shouting": "info", "readability.gulpease": "warning"},
                "sources": {"schedule": "art. 3", "orari": "art. 3"},
                "extra_terms": {"offensive": ["babbeo"], "personal-data": ["x"]},
                "allowed_terms": {"political": ["Lega Navale"], "format": ["x"]}
            });
        });
        let warned: Vec<&str> = issues.iter().filter(|i| i.level == Warning).map(|i| i.path.as_str()).collect();
        for path in [
            "$.checker.disabled_rules[1]",
            "$.checker.disabled_rules[2]",
            "$.checker.ignore[0].rule",
            "$.checker.severity[\"readability.gulpease\"]",
            "$.checker.sources.orari",
            "$.checker.extra_terms[\"personal-data\"]",
            "$.checker.allowed_terms.format",
        ] {
            assert!(warned.contains(&path), "{path}: {warned:?}");
        }
        for path in [
            "$.checker.disabled_rules[0]",
            "$.checker.ignore[1].rule",
            "$.checker.sources.schedule",
            "$.checker.extra_terms.offensive",
        ] {
            assert!(!issues.iter().any(|i| i.path == path), "{path}: {issues:?}");
        }
        assert!(!issues.iter().any(|i| i.path.starts_with("$.checker") && i.level == Error), "{issues:?}");
    }
}
