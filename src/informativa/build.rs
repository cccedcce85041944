//! Which art. 13 element says what, from the profile.

use super::{Informativa, Section};
use crate::i18n::Lang;
use crate::profile::{Channel, LegalBasis, Party, Profile};

/// The informativa for `profile`; `channel` (the one the citizen joins) adds what data that
/// platform involves.
pub fn build(profile: &Profile, channel: Option<&Channel>, lang: Lang) -> Informativa {
    let it = lang == Lang::It;
    let p = &profile.privacy;
    let t = |a: &str, b: &str| if it { a.to_owned() } else { b.to_owned() };
    let comune = display_comune(profile);
    let mut sections = Vec::new();

    let mut controller = vec![party_line(&p.controller, &comune.bare)];
    if !p.controller.address.is_empty() {
        controller.push(p.controller.address.clone());
    }
    controller.extend(contacts(&p.controller, lang));
    sections.push(section("controller", t("Titolare del trattamento", "Data controller"), controller));

    let dpo = if p.dpo.name.is_empty() && p.dpo.email.is_empty() && p.dpo.pec.is_empty() {
        vec![t(
            "Il Comune non ha indicato i dati di contatto del responsabile della protezione dei dati: rivolgersi al titolare.",
            "The Comune has not given its data protection officer's contact details: contact the controller.",
        )]
    } else {
        let mut v = vec![party_line(&p.dpo, &t("Responsabile della protezione dei dati", "Data protection officer"))];
        v.extend(contacts(&p.dpo, lang));
        v
    };
    sections.push(section(
        "dpo",
        t("Responsabile della protezione dei dati (RPD/DPO)", "Data protection officer (DPO)"),
        dpo,
    ));

    let mut purposes: Vec<String> = p.purposes.iter().map(|s| format!("- {s}")).collect();
    purposes.push(match (p.legal_basis, it) {
        (LegalBasis::Consent, true) => "Base giuridica: il consenso dell'interessato (art. 6, par. 1, lett. a del Regolamento), libero, facoltativo e revocabile in ogni momento.".to_owned(),
        (LegalBasis::Consent, false) => "Legal basis: the data subject's consent (Art. 6(1)(a) of the Regulation), free, optional and revocable at any time.".to_owned(),
        (LegalBasis::PublicTask, true) => "Base giuridica: l'esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e del Regolamento); l'iscrizione resta facoltativa.".to_owned(),
        (LegalBasis::PublicTask, false) => "Legal basis: a task carried out in the public interest (Art. 6(1)(e) of the Regulation); joining remains optional.".to_owned(),
    });
    if !p.legal_basis_note.trim().is_empty() {
        purposes.push(p.legal_basis_note.trim().to_owned());
    }
    sections.push(section("purposes", t("Finalità e base giuridica", "Purposes and legal basis"), purposes));

    if let Some(ch) = channel {
        sections.push(section("data", t("Dati trattati", "Data processed"), data_paragraphs(ch, &comune, lang)));
    }

    let mut recipients: Vec<String> = p.recipients.iter().map(|s| format!("- {s}")).collect();
    if !p.platform_provider.name.is_empty() {
        recipients.push(if it {
            format!("Il fornitore della piattaforma, {}, tratta i dati come titolare autonomo secondo la propria informativa.", p.platform_provider.name)
        } else {
            format!("The platform provider, {}, processes data as an independent controller under its own privacy policy.", p.platform_provider.name)
        });
        if !p.platform_provider.url.is_empty() {
            recipients.push(p.platform_provider.url.clone());
        }
    }
    if p.not_disseminated {
        recipients.push(t("I dati non sono diffusi.", "The data are not disclosed to the public."));
    }
    if recipients.is_empty() {
        recipients.push(gap(&comune, "i destinatari dei dati", "the recipients of the data", lang));
    }
    sections.push(section("recipients", t("Destinatari dei dati", "Recipients"), recipients));

    // A WhatsApp or Telegram channel involves a provider that may process data outside the EU: what the
    // comune says about it is quoted, and silence is shown as silence, never as "no transfers".
    let transfers = if p.transfers_outside_eu.trim().is_empty() {
        gap(
            &comune,
            "se i dati sono trasferiti fuori dall'Unione europea",
            "whether the data are transferred outside the European Union",
            lang,
        )
    } else {
        p.transfers_outside_eu.trim().to_owned()
    };
    sections.push(section(
        "transfers",
        t("Trasferimenti fuori dall'Unione europea", "Transfers outside the EU"),
        vec![transfers],
    ));

    let mut retention = vec![if p.retention.trim().is_empty() {
        gap(&comune, "per quanto tempo conserva i dati", "how long it keeps the data", lang)
    } else {
        p.retention.trim().to_owned()
    }];
    retention.push(t(
        // Not every seed says so, but the law does: data held for a service one has left are erased.
        "Se l'utente cancella la propria iscrizione, i dati che lo riguardano sono cancellati tempestivamente (art. 17 del Regolamento).",
        "When a user cancels the subscription, the data concerning them are promptly erased (Art. 17 of the Regulation).",
    ));
    sections.push(section("retention", t("Periodo di conservazione", "Retention period"), retention));

    let mut rights = vec![t(
        "L'interessato può chiedere al titolare l'accesso ai propri dati, la rettifica, la cancellazione, la limitazione del trattamento e la portabilità dei dati, e può opporsi al trattamento (artt. 15-22 del Regolamento).",
        "Data subjects may ask the controller for access to their data, rectification, erasure, restriction of processing and portability, and may object to the processing (Arts. 15-22 of the Regulation).",
    )];
    let how: Vec<String> = [&p.controller.pec, &p.controller.email, &p.dpo.email]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string())
        .collect();
    if !how.is_empty() {
        rights.push(if it {
            format!("Per esercitarli: {}.", how.join(", "))
        } else {
            format!("To exercise them: {}.", how.join(", "))
        });
    }
    sections.push(section("rights", t("Diritti dell'interessato", "Your rights"), rights));

    if p.legal_basis == LegalBasis::Consent {
        let mut v = vec![t(
            "Il consenso può essere revocato in ogni momento, senza pregiudicare la liceità del trattamento basata sul consenso prima della revoca (art. 7, par. 3 del Regolamento).",
            "Consent may be withdrawn at any time, without affecting the lawfulness of processing based on consent before its withdrawal (Art. 7(3) of the Regulation).",
        )];
        if let Some(ch) = channel {
            v.extend(crate::links::unsubscribe_steps(ch, lang));
        }
        sections.push(section("withdrawal", t("Revoca del consenso", "Withdrawing consent"), v));
    }

    let sa = &p.supervisory_authority;
    let mut complaint = vec![if sa.name.is_empty() {
        t(
            "L'interessato può proporre reclamo al Garante per la protezione dei dati personali (art. 77 del Regolamento).",
            "Data subjects may lodge a complaint with the Garante per la protezione dei dati personali, the Italian supervisory authority (Art. 77 of the Regulation).",
        )
    } else if it {
        format!("L'interessato può proporre reclamo all'autorità di controllo (art. 77 del Regolamento): {}.", sa.name)
    } else {
        format!(
            "Data subjects may lodge a complaint with the supervisory authority (Art. 77 of the Regulation): {}.",
            sa.name
        )
    }];
    complaint.push(if sa.url.is_empty() { "https://www.garanteprivacy.it".to_owned() } else { sa.url.clone() });
    sections.push(section("complaint", t("Reclamo", "Complaints"), complaint));

    let provision = if p.provision_optional {
        t(
            "Il conferimento dei dati è facoltativo: chi non si iscrive non riceve i messaggi del canale, ma trova le stesse informazioni sui canali ufficiali del Comune.",
            "Providing the data is optional: whoever does not join does not receive the channel's messages, but finds the same information on the Comune's official channels.",
        )
    } else {
        t(
            "Il conferimento dei dati è necessario per ricevere i messaggi del canale.",
            "Providing the data is necessary to receive the channel's messages.",
        )
    };
    sections.push(section(
        "provision",
        t("Natura del conferimento", "Whether providing data is required"),
        vec![provision],
    ));

    let adm = if p.automated_decision_making {
        t(
            "Il trattamento comporta decisioni automatizzate o profilazione.",
            "The processing involves automated decision-making or profiling.",
        )
    } else {
        t("Non vi sono decisioni automatizzate né profilazione.", "There is no automated decision-making or profiling.")
    };
    sections.push(section("automated", t("Decisioni automatizzate", "Automated decision-making"), vec![adm]));

    let security = if p.end_to_end_encrypted {
        t("I messaggi del canale sono crittografati end-to-end.", "The channel's messages are end-to-end encrypted.")
    } else {
        t(
            "I messaggi del canale non sono crittografati end-to-end: sono comunicazioni pubbliche. Gli iscritti non vedono chi altro segue il canale né i numeri degli altri iscritti.",
            "The channel's messages are not end-to-end encrypted: they are public communications. Subscribers cannot see who else follows the channel or other subscribers' numbers.",
        )
    };
    sections.push(section("security", t("Sicurezza", "Security"), vec![security]));

    Informativa {
        title: t(
            "Informativa sul trattamento dei dati personali (art. 13 Regolamento (UE) 2016/679)",
            "Privacy notice (Art. 13 of Regulation (EU) 2016/679)",
        ),
        intro: if it {
            format!(
                "Come {} tratta i dati personali di chi si iscrive al suo canale di messaggistica istituzionale.",
                comune.il
            )
        } else {
            format!(
                "How {} processes the personal data of people who join its institutional messaging channel.",
                comune.bare
            )
        },
        sections,
        url: p.informativa_url.clone(),
        gaps: gaps(profile),
    }
}

/// The art. 13 elements the profile is silent on (the same ones `validate` reports).
pub fn gaps(profile: &Profile) -> Vec<&'static str> {
    let p = &profile.privacy;
    let dpo = [&p.dpo.email, &p.dpo.pec, &p.dpo.phone, &p.dpo.url, &p.dpo.address];
    [
        ("$.privacy.dpo", dpo.iter().all(|s| s.trim().is_empty())),
        ("$.privacy.retention", p.retention.trim().is_empty()),
        ("$.privacy.platform_provider.name", p.platform_provider.name.trim().is_empty()),
        ("$.privacy.transfers_outside_eu", p.transfers_outside_eu.trim().is_empty()),
    ]
    .into_iter()
    .filter_map(|(path, empty)| empty.then_some(path))
    .collect()
}

/// The comune's name as the policy writes it, with the Italian article forms it takes
/// ("il Comune di Seveso", "della Città di Sesto Calende").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComuneName {
    /// "Comune di Seveso", "Città di Sesto Calende".
    pub bare: String,
    /// "il Comune di Seveso", "la Città di Sesto Calende".
    pub il: String,
    /// "del Comune di Seveso", "della Città di Sesto Calende".
    pub del: String,
}

impl ComuneName {
    /// Italian article form for `lang` ("il ..."), the bare name in English.
    pub fn the(&self, lang: Lang) -> &str {
        if lang == Lang::It {
            &self.il
        } else {
            &self.bare
        }
    }

    /// "del ..." in Italian; in English the bare name (callers write "of").
    pub fn of(&self, lang: Lang) -> &str {
        if lang == Lang::It {
            &self.del
        } else {
            &self.bare
        }
    }
}

pub fn display_comune(profile: &Profile) -> ComuneName {
    let bare = if profile.comune.official_name.trim().is_empty() {
        format!("Comune di {}", profile.comune.name.trim())
    } else {
        profile.comune.official_name.trim().to_owned()
    };
    let feminine = bare
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(crate::text::lower_latin(w).as_str(), "città" | "citta"));
    let (il, del) = if feminine { ("la", "della") } else { ("il", "del") };
    ComuneName { il: format!("{il} {bare}"), del: format!("{del} {bare}"), bare }
}

/// What the notice says where the profile is silent on an art. 13 element: that the comune has not
/// said it and whom to ask, never a guess (`validate` warns the comune about the same gap).
fn gap(comune: &ComuneName, what_it: &str, what_en: &str, lang: Lang) -> String {
    if lang == Lang::It {
        let il = &comune.il;
        let mut s = format!("{il} non ha indicato {what_it}: per saperlo, rivolgersi al titolare del trattamento.");
        s[..1].make_ascii_uppercase();
        s
    } else {
        format!("{} has not stated {what_en}: ask the data controller.", comune.bare)
    }
}

fn section(id: &'static str, heading: String, paragraphs: Vec<String>) -> Section {
    Section { id, heading, paragraphs: paragraphs.into_iter().filter(|p| !p.trim().is_empty()).collect() }
}

fn party_line(party: &Party, fallback: &str) -> String {
    if party.name.trim().is_empty() {
        fallback.to_owned()
    } else {
        party.name.trim().to_owned()
    }
}

fn contacts(party: &Party, lang: Lang) -> Vec<String> {
    let it = lang == Lang::It;
    let mut v = Vec::new();
    for (value, it_label, en_label) in [
        (&party.email, "E-mail", "E-mail"),
        (&party.pec, "PEC", "Certified e-mail (PEC)"),
        (&party.phone, "Telefono", "Phone"),
        (&party.url, "Sito", "Website"),
    ] {
        if !value.trim().is_empty() {
            v.push(format!("{}: {}", if it { it_label } else { en_label }, value.trim()));
        }
    }
    v
}

fn data_paragraphs(channel: &Channel, comune: &ComuneName, lang: Lang) -> Vec<String> {
    let it = lang == Lang::It;
    let (il, del, bare) = (&comune.il, &comune.del, &comune.bare);
    match channel {
        Channel::WhatsappBroadcast { .. } => vec![if it {
            format!("Il numero di telefono e il nome del profilo WhatsApp di chi si iscrive, che entra nella lista dei contatti {del}. Gli altri iscritti non li vedono: i messaggi partono in modalità broadcast.")
        } else {
            format!("The phone number and WhatsApp profile name of whoever joins, who enters {bare}'s contact list. Other subscribers cannot see them: messages are sent as a broadcast.")
        }],
        Channel::WhatsappChannel { .. } | Channel::TelegramChannel { .. } => vec![if it {
            format!("La piattaforma usa il numero di telefono dell'account di chi si iscrive; {il} non vede chi segue il canale né i numeri degli iscritti. Il Comune conosce solo dati aggregati (numero di iscritti, reazioni).")
        } else {
            format!("The platform uses your account's phone number; {bare} cannot see who follows the channel or their numbers. The Comune only sees aggregate data (number of followers, reactions).")
        }],
        Channel::WhatsappGroup { .. } | Channel::TelegramGroup { .. } => vec![if it {
            "Il numero di telefono, visibile agli altri membri del gruppo.".to_owned()
        } else {
            "The phone number, visible to the group's other members.".to_owned()
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::validate::testing::profile_with;

    fn text(i: &Informativa, id: &str) -> String {
        i.sections.iter().find(|s| s.id == id).map(|s| s.paragraphs.join("\n")).unwrap_or_default()
    }

    #[test]
    fn silence_is_never_turned_into_a_fact() {
        let profile = profile_with(|v| {
            v["privacy"]["transfers_outside_eu"] = "".into();
            v["privacy"]["retention"] = "".into();
            v["privacy"]["recipients"] = serde_json::json!([]);
            v["privacy"]["platform_provider"] = serde_json::json!({});
        });
        for lang in [Lang::It, Lang::En] {
            let i = build(&profile, profile.channels.first(), lang);
            let (transfers, retention) = (text(&i, "transfers"), text(&i, "retention"));
            for negative in ["non trasferisce", "does not transfer", "non sono diffusi", "not disclosed"] {
                assert!(!transfers.contains(negative) && !text(&i, "recipients").contains(negative), "{i:#?}");
            }
            let unstated = if lang == Lang::It { "non ha indicato" } else { "has not stated" };
            for section in [&transfers, &retention, &text(&i, "recipients")] {
                assert!(section.contains(unstated), "{lang:?}: {section}");
            }
            for path in ["$.privacy.retention", "$.privacy.platform_provider.name", "$.privacy.transfers_outside_eu"] {
                assert!(i.gaps.contains(&path), "{path} not reported: {:?}", i.gaps);
            }
        }
    }

    #[test]
    fn what_the_profile_states_is_quoted() {
        let profile = profile_with(|v| {
            v["privacy"]["transfers_outside_eu"] = "Il fornitore può trasferire i dati negli Stati Uniti.".into();
            v["privacy"]["retention"] = "Fino alla cancellazione dell'iscrizione.".into();
            v["privacy"]["not_disseminated"] = true.into();
        });
        let i = build(&profile, profile.channels.first(), Lang::It);
        assert_eq!(text(&i, "transfers"), "Il fornitore può trasferire i dati negli Stati Uniti.");
        assert!(text(&i, "retention").starts_with("Fino alla cancellazione dell'iscrizione."));
        assert!(text(&i, "recipients").contains("I dati non sono diffusi."));
        assert!(!i.gaps.contains(&"$.privacy.transfers_outside_eu") && !i.gaps.contains(&"$.privacy.retention"));
    }

    #[test]
    fn dissemination_is_stated_only_where_the_policy_states_it() {
        let profile = profile_with(|v| v["privacy"]["not_disseminated"] = false.into());
        let i = build(&profile, profile.channels.first(), Lang::It);
        assert!(!text(&i, "recipients").contains("diffusi"), "{i:#?}");
    }
}
