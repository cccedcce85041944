//! What art. 13 GDPR requires the informativa to say: controller and contacts, DPO, purposes,
//! legal basis, retention, recipients and the platform provider, transfers, the supervisory
//! authority. Gaps the seed policies leave are warnings; facts that would make the notice
//! unusable or false are errors.

use super::format::{email, https_url, phone};
use super::{any_text, warning, Issues};
use crate::profile::{Channel, LegalBasis, Party, Profile};

pub fn check(p: &Profile, out: &mut Issues) {
    let pr = &p.privacy;
    controller(&pr.controller, out);
    dpo(&pr.dpo, out);
    party_formats("$.privacy.platform_provider", &pr.platform_provider, out);
    party_formats("$.privacy.supervisory_authority", &pr.supervisory_authority, out);
    if pr.purposes.iter().all(|s| s.trim().is_empty()) {
        out.error(
            "$.privacy.purposes",
            "mancano le finalità del trattamento (art. 13.1.c GDPR)",
            "the purposes of processing are missing (GDPR art. 13.1.c)",
        );
    }
    out.expected(
        "$.privacy.retention",
        &pr.retention,
        ("il periodo di conservazione dei dati (art. 13.2.a GDPR)", "the retention period (GDPR art. 13.2.a)"),
        any_text,
    );
    out.expected(
        "$.privacy.platform_provider.name",
        &pr.platform_provider.name,
        (
            "il fornitore della piattaforma, destinatario dei dati (art. 13.1.e GDPR)",
            "the platform provider, a recipient of the data (GDPR art. 13.1.e)",
        ),
        any_text,
    );
    transfers(p, out);
    if pr.supervisory_authority.name.trim().is_empty() {
        warning!(
            out,
            "$.privacy.supervisory_authority.name",
            "manca l'autorità di controllo: l'informativa indicherà il Garante per la protezione dei dati personali",
            "the supervisory authority is missing: the notice will name the Garante per la protezione dei dati personali",
        );
    }
    if pr.legal_basis == LegalBasis::Consent && !pr.provision_optional {
        out.error(
            "$.privacy.provision_optional",
            "con base giuridica il consenso, il conferimento dei dati è facoltativo (art. 7 GDPR): impostare true",
            "with consent as legal basis, providing the data is optional (GDPR art. 7): set true",
        );
    }
    if pr.end_to_end_encrypted {
        if let Some(i) = p
            .channels
            .iter()
            .position(|c| matches!(c, Channel::WhatsappChannel { .. } | Channel::TelegramChannel { .. }))
        {
            out.error(
                "$.privacy.end_to_end_encrypted",
                format!(
                    "i canali non sono crittografati end-to-end (vedi $.channels[{i}]): l'informativa direbbe il falso"
                ),
                format!("channels are not end-to-end encrypted (see $.channels[{i}]): the notice would be false"),
            );
        }
    }
    out.optional("$.privacy.informativa_url", &pr.informativa_url, https_url);
}

/// Every channel kind runs on WhatsApp or Telegram, whose providers process data outside the EU (Meta,
/// Telegram): a notice silent on transfers is incomplete on a material point (art. 13.1.f GDPR), so with a
/// channel the gap is an error; without one it stays a warning. None of the seed policies states it: their
/// profiles take it from the provider's own notice.
fn transfers(p: &Profile, out: &mut Issues) {
    let path = "$.privacy.transfers_outside_eu";
    if !p.privacy.transfers_outside_eu.trim().is_empty() {
        return;
    }
    if !p.channels.is_empty() {
        out.error(
            path,
            "manca l'indicazione dei trasferimenti fuori dall'UE (art. 13.1.f GDPR): il fornitore di WhatsApp o Telegram può trattare i dati fuori dall'Unione; riportare quanto dice la sua informativa",
            "the statement on transfers outside the EU is missing (GDPR art. 13.1.f): WhatsApp's or Telegram's provider may process data outside the Union; state what its privacy policy says",
        );
    } else {
        warning!(
            out,
            path,
            "manca l'indicazione dei trasferimenti fuori dall'UE (art. 13.1.f GDPR)",
            "the statement on transfers outside the EU is missing (GDPR art. 13.1.f)",
        );
    }
}

fn controller(c: &Party, out: &mut Issues) {
    let path = "$.privacy.controller";
    if c.name.trim().is_empty() {
        out.error(
            format!("{path}.name"),
            "manca il titolare del trattamento (art. 13.1.a GDPR)",
            "the data controller is missing (GDPR art. 13.1.a)",
        );
    }
    let any_contact = [&c.address, &c.email, &c.pec, &c.phone, &c.url].iter().any(|s| !s.trim().is_empty());
    if !any_contact {
        out.error(
            path,
            "mancano i dati di contatto del titolare (art. 13.1.a GDPR): indirizzo, e-mail, PEC, telefono o sito",
            "the controller's contact details are missing (GDPR art. 13.1.a): address, e-mail, PEC, phone or website",
        );
    } else if [&c.email, &c.pec, &c.phone].iter().all(|s| s.trim().is_empty()) {
        warning!(
            out,
            path,
            "il titolare non ha recapiti diretti (e-mail, PEC o telefono) per l'esercizio dei diritti",
            "the controller has no direct contact (e-mail, PEC or phone) for exercising rights",
        );
    }
    party_formats(path, c, out);
}

/// Public bodies must designate a DPO (art. 37.1.a GDPR) and publish its contacts (art. 13.1.b).
fn dpo(d: &Party, out: &mut Issues) {
    let path = "$.privacy.dpo";
    if [&d.email, &d.pec, &d.phone, &d.url, &d.address].iter().all(|s| s.trim().is_empty()) {
        warning!(
            out,
            path,
            "mancano i dati di contatto del Responsabile della protezione dei dati (art. 13.1.b, art. 37 GDPR)",
            "the Data Protection Officer's contact details are missing (GDPR art. 13.1.b, art. 37)",
        );
    }
    party_formats(path, d, out);
}

fn party_formats(path: &str, p: &Party, out: &mut Issues) {
    out.optional(&format!("{path}.email"), &p.email, email);
    out.optional(&format!("{path}.pec"), &p.pec, email);
    out.optional(&format!("{path}.phone"), &p.phone, phone);
    out.optional(&format!("{path}.url"), &p.url, https_url);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::profile::IssueLevel::*;
    use serde_json::json;

    #[test]
    fn controller_name_and_contacts_are_required() {
        let issues = issues_with(|v| v["privacy"]["controller"] = json!({}));
        assert!(has(&issues, Error, "$.privacy.controller.name"));
        assert!(has(&issues, Error, "$.privacy.controller"));
        let issues = issues_with(|v| {
            v["privacy"]["controller"] = json!({"name": "Comune di Leini", "address": "10040 Leini (TO)"})
        });
        assert!(errors(&issues).is_empty(), "{issues:#?}");
        assert!(has(&issues, Warning, "$.privacy.controller"));
    }

    #[test]
    fn art13_gaps() {
        let issues = issues_with(|v| {
            v["privacy"]["dpo"] = json!({});
            v["privacy"]["retention"] = "".into();
            v["privacy"]["purposes"] = json!([" "]);
            v["privacy"]["platform_provider"] = json!({});
            v["privacy"]["supervisory_authority"] = json!({});
            v["privacy"]["transfers_outside_eu"] = "".into();
        });
        assert!(has(&issues, Warning, "$.privacy.dpo"));
        assert!(has(&issues, Warning, "$.privacy.retention"));
        assert!(has(&issues, Error, "$.privacy.purposes"));
        assert!(has(&issues, Warning, "$.privacy.platform_provider.name"));
        assert!(has(&issues, Warning, "$.privacy.supervisory_authority.name"));
        assert!(has(&issues, Error, "$.privacy.transfers_outside_eu"), "a channel's provider transfers: {issues:#?}");
        let issues = issues_with(|v| {
            v["privacy"]["transfers_outside_eu"] = "".into();
            v["channels"] = json!([]);
        });
        assert!(has(&issues, Warning, "$.privacy.transfers_outside_eu"));
    }

    #[test]
    fn contact_formats() {
        let issues = issues_with(|v| {
            v["privacy"]["dpo"]["email"] = "dpo at comune".into();
            v["privacy"]["controller"]["phone"] = "call me".into();
            v["privacy"]["platform_provider"]["url"] = "http://whatsapp.com".into();
        });
        assert!(has(&issues, Error, "$.privacy.dpo.email"));
        assert!(has(&issues, Error, "$.privacy.controller.phone"));
        assert!(has(&issues, Error, "$.privacy.platform_provider.url"));
    }

    #[test]
    fn channels_are_not_end_to_end_encrypted() {
        let issues = issues_with(|v| v["privacy"]["end_to_end_encrypted"] = true.into());
        assert!(has(&issues, Error, "$.privacy.end_to_end_encrypted"));
    }

    #[test]
    fn consent_means_optional() {
        let issues = issues_with(|v| v["privacy"]["provision_optional"] = false.into());
        assert!(has(&issues, Error, "$.privacy.provision_optional"));
    }
}
