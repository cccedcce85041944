//! The consent flow: every transition (valid and invalid), the acknowledgements per channel
//! kind, the receipt and its policy version, and a returning visitor.

use banditore::consent::{policy_version, Flow, Receipt, Step};
use banditore::i18n::Lang;
use banditore::profile::{self, Profile};
use banditore::time::Timestamp;

fn fixture() -> Profile {
    profile::load(include_str!("fixtures/minimal-profile.json")).expect("fixture loads").0
}

fn seed(name: &str) -> Profile {
    let text = std::fs::read_to_string(format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    profile::load(&text).unwrap_or_else(|e| panic!("{name}: {e:?}")).0
}

fn now() -> Timestamp {
    Timestamp::parse_rfc3339("2026-05-04T09:30:00+02:00").unwrap()
}

fn ack_ids(flow: &Flow) -> Vec<&'static str> {
    flow.acks().iter().map(|a| a.id).collect()
}

/// Walks to the consent step and ticks every acknowledgement.
fn ready_to_consent(p: &Profile) -> Flow {
    let mut f = Flow::new(p, Lang::It, None).unwrap();
    f.next().unwrap();
    f.next().unwrap();
    for id in ack_ids(&f) {
        f.set_ack(id, true).unwrap();
    }
    f
}

#[test]
fn happy_path_policy_informativa_consent_join() {
    let p = fixture();
    let mut f = Flow::new(&p, Lang::It, None).unwrap();
    assert_eq!(f.step(), Step::Policy);
    assert!(!f.policy_changed());
    assert_eq!(f.next().unwrap(), Step::Informativa);
    assert_eq!(f.next().unwrap(), Step::Consent);
    assert!(!f.can_consent(), "nothing is pre-ticked");
    assert!(f.view().consent.acks.iter().all(|a| !a.checked));
    for id in ack_ids(&f) {
        f.set_ack(id, true).unwrap();
    }
    assert!(f.can_consent());
    let r = f.consent(now()).unwrap().clone();
    assert_eq!(f.step(), Step::Join);
    assert_eq!(r.profile_id, "esempio");
    assert_eq!(r.consented_at, "2026-05-04T07:30:00Z");
    assert_eq!(r.lang, Lang::It);
    assert_eq!(r.acknowledgements, vec!["phone-number", "policy", "transmission"]);
    assert_eq!(r.policy_version, policy_version(&p, Some(&p.channels[0])));
    assert_eq!(f.view().receipt, Some(&r));
}

#[test]
fn back_goes_one_step_back_and_decline_can_be_undone() {
    let p = fixture();
    let mut f = Flow::new(&p, Lang::It, None).unwrap();
    f.next().unwrap();
    f.next().unwrap();
    assert_eq!(f.back().unwrap(), Step::Informativa);
    assert_eq!(f.back().unwrap(), Step::Policy);
    assert!(f.back().is_err());
    f.next().unwrap();
    f.next().unwrap();
    f.set_ack("policy", true).unwrap();
    assert_eq!(f.decline().unwrap(), Step::Declined);
    assert_eq!(f.back().unwrap(), Step::Consent);
    assert!(f.view().consent.acks.iter().all(|a| !a.checked), "declining clears the ticks");
}

#[test]
fn decline_is_allowed_before_consent_and_says_where_to_look_instead() {
    let p = fixture();
    for steps in 0..3 {
        let mut f = Flow::new(&p, Lang::It, None).unwrap();
        for _ in 0..steps {
            f.next().unwrap();
        }
        assert_eq!(f.decline().unwrap(), Step::Declined);
        assert!(f.receipt().is_none());
        let v = f.view();
        assert!(v.messages.declined.contains("canali ufficiali"), "{}", v.messages.declined);
        let kinds: Vec<&str> = v.official.links.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, vec!["website", "pec", "albo", "trasparenza"]);
        assert_eq!(v.official.links[1].url, "mailto:protocollo@pec.comune.esempio.mb.it");
        assert_eq!(f.restart().unwrap(), Step::Policy);
    }
}

#[test]
fn revoke_drops_the_receipt_and_explains_how_to_leave() {
    let p = seed("concorezzo");
    let mut f = ready_to_consent(&p);
    f.consent(now()).unwrap();
    assert_eq!(f.revoke().unwrap(), Step::Revoked);
    assert!(f.receipt().is_none());
    let v = f.view();
    assert!(v.receipt.is_none());
    assert!(v.unsubscribe.steps.iter().any(|s| s.contains("DISATTIVA ISCRIZIONE")), "{:?}", v.unsubscribe.steps);
    assert!(!v.messages.revoked.is_empty());
    assert_eq!(f.restart().unwrap(), Step::Policy);
    assert!(!f.can_consent());
}

#[test]
fn invalid_transitions_are_errors_and_change_nothing() {
    let p = fixture();
    let mut f = Flow::new(&p, Lang::En, None).unwrap();
    // At policy.
    for (name, r) in [
        ("back", f.back().map(|_| ())),
        ("set_ack", f.set_ack("policy", true)),
        ("consent", f.consent(now()).map(|_| ())),
        ("revoke", f.revoke().map(|_| ())),
        ("restart", f.restart().map(|_| ())),
    ] {
        let e = r.expect_err(name);
        assert_eq!(e.code, "invalid-transition", "{name}");
        assert!(e.message.en.contains("not allowed at step \"policy\""), "{name}: {}", e.message.en);
        assert_eq!(f.step(), Step::Policy);
    }
    // At consent: next is not the way forward; unknown ids and missing ticks are refused.
    f.next().unwrap();
    f.next().unwrap();
    assert_eq!(f.next().unwrap_err().code, "invalid-transition");
    assert_eq!(f.set_ack("newsletter", true).unwrap_err().code, "unknown-ack");
    f.set_ack("policy", true).unwrap();
    let e = f.consent(now()).unwrap_err();
    assert_eq!(e.code, "missing-ack");
    assert!(e.message.en.contains("phone-number") && e.message.en.contains("transmission"), "{}", e.message.en);
    assert_eq!(f.step(), Step::Consent);
    // Unticking works and blocks consent again.
    for id in ack_ids(&f) {
        f.set_ack(id, true).unwrap();
    }
    f.set_ack("transmission", false).unwrap();
    assert!(!f.can_consent());
    assert_eq!(f.consent(now()).unwrap_err().code, "missing-ack");
    f.set_ack("transmission", true).unwrap();
    f.consent(now()).unwrap();
    // At join.
    for r in [
        f.next().map(|_| ()),
        f.back().map(|_| ()),
        f.decline().map(|_| ()),
        f.set_ack("policy", false),
        f.consent(now()).map(|_| ()),
        f.restart().map(|_| ()),
    ] {
        assert_eq!(r.unwrap_err().code, "invalid-transition");
        assert_eq!(f.step(), Step::Join);
    }
    f.revoke().unwrap();
    assert_eq!(f.revoke().unwrap_err().code, "invalid-transition");
    assert_eq!(f.decline().unwrap_err().code, "invalid-transition");
}

#[test]
fn acknowledgements_follow_the_channel_kind() {
    // A WhatsApp channel: the platform uses the number, there is no comune contact list.
    let f = Flow::new(&seed("siracusa"), Lang::It, None).unwrap();
    assert_eq!(ack_ids(&f), vec!["phone-number", "policy", "transmission"]);
    assert!(f.acks()[0].label.contains("il Comune di Siracusa non lo vede"), "{}", f.acks()[0].label);
    // A broadcast number: the comune holds the number in its contact list (Concorezzo art. 3).
    let f = Flow::new(&seed("concorezzo"), Lang::It, None).unwrap();
    assert_eq!(ack_ids(&f), vec!["phone-number", "contact-list", "policy", "transmission"]);
    assert!(
        f.acks()[1].label.contains("lista dei contatti WhatsApp del Comune di Concorezzo"),
        "{}",
        f.acks()[1].label
    );
    assert!(f.acks().iter().all(|a| a.required));
    // "Città di ..." takes the feminine article.
    let f = Flow::new(&seed("sesto-calende"), Lang::It, None).unwrap();
    assert!(f.acks().iter().any(|a| a.label.contains("Autorizzo la Città di Sesto Calende")), "{:?}", f.acks());
}

#[test]
fn receipt_round_trips_as_json_without_personal_data() {
    let p = fixture();
    let mut f = ready_to_consent(&p);
    let r = f.consent(now()).unwrap().clone();
    let json = r.to_json();
    assert_eq!(Receipt::from_json(&json), Some(r.clone()));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    keys.sort();
    assert_eq!(keys, vec!["acknowledgements", "consented_at", "lang", "policy_version", "profile_id"]);
    assert!(r.policy_version.starts_with("sha256:") && r.policy_version.len() == 7 + 64);
    assert!(Receipt::from_json("{\"profile_id\":1}").is_none());
    assert!(Receipt::from_json(&json.replace("2026-05-04T07:30:00Z", "yesterday")).is_none());
    assert!(Receipt::from_json("not json").is_none());
    // Strict like the profile reader: no extra field (e.g. a phone number slipped in), a known language.
    assert!(Receipt::from_json(&json.replacen('{', "{\"phone\":\"3331234567\",", 1)).is_none());
    assert!(Receipt::from_json(&json.replace("\"lang\":\"it\"", "\"lang\":\"fr\"")).is_none());
    assert!(Receipt::from_json(&json.replace("\"lang\":\"it\",", "")).is_none());
}

#[test]
fn returning_visitor_with_a_current_receipt_starts_at_join() {
    let p = fixture();
    let mut f = ready_to_consent(&p);
    let json = f.consent(now()).unwrap().to_json();
    let back = Flow::new(&p, Lang::It, Some(&json)).unwrap();
    assert_eq!(back.step(), Step::Join);
    assert!(!back.policy_changed());
    assert_eq!(back.receipt().map(|r| r.to_json()), Some(json.clone()));
    // Another comune's receipt, or a damaged one, is ignored.
    let mut other = p.clone();
    other.id = "altro".into();
    let f = Flow::new(&other, Lang::It, Some(&json)).unwrap();
    assert_eq!(f.step(), Step::Policy);
    assert!(!f.policy_changed());
    assert_eq!(Flow::new(&p, Lang::It, Some("{garbage")).unwrap().step(), Step::Policy);
}

#[test]
fn a_policy_change_makes_the_old_receipt_stale() {
    let p = fixture();
    let mut f = ready_to_consent(&p);
    let json = f.consent(now()).unwrap().to_json();
    let v0 = policy_version(&p, Some(&p.channels[0]));

    let mut changed = p.clone();
    changed.policy.articles[1].paragraphs[0].push_str(" Né per finalità commerciali.");
    let v1 = policy_version(&changed, Some(&changed.channels[0]));
    assert_ne!(v0, v1);
    let f = Flow::new(&changed, Lang::It, Some(&json)).unwrap();
    assert_eq!(f.step(), Step::Policy);
    assert!(f.policy_changed());
    assert!(f.receipt().is_none());
    assert!(!f.view().messages.policy_changed.is_empty());

    // The informativa is part of the version too: a new retention period asks again.
    let mut changed = p.clone();
    changed.privacy.retention = "I dati sono conservati per un anno.".into();
    assert_ne!(policy_version(&changed, Some(&changed.channels[0])), v0);
    assert!(Flow::new(&changed, Lang::It, Some(&json)).unwrap().policy_changed());

    // Consenting again clears the flag and gives a receipt for the new version.
    let mut f = Flow::new(&changed, Lang::It, Some(&json)).unwrap();
    f.next().unwrap();
    f.next().unwrap();
    for id in ack_ids(&f) {
        f.set_ack(id, true).unwrap();
    }
    let r = f.consent(now()).unwrap().clone();
    assert!(!f.policy_changed());
    assert_eq!(r.policy_version, policy_version(&changed, Some(&changed.channels[0])));

    // What does not change the texts (a help phone number) keeps the version.
    let mut same = p.clone();
    same.help.phone = "+39 039 7654321".into();
    assert_eq!(policy_version(&same, Some(&same.channels[0])), v0);
}

#[test]
fn the_version_does_not_depend_on_the_language() {
    let p = fixture();
    let mut f = ready_to_consent(&p);
    let json = f.consent(now()).unwrap().to_json();
    let en = Flow::new(&p, Lang::En, Some(&json)).unwrap();
    assert_eq!(en.step(), Step::Join, "a visitor switching language keeps their consent");
}

#[test]
fn a_channel_without_a_published_link_cannot_be_joined_yet() {
    let p = seed("seveso");
    let mut f = ready_to_consent(&p);
    assert!(!f.join_available());
    assert!(!f.can_consent());
    assert_eq!(f.consent(now()).unwrap_err().code, "channel-unavailable");
    let v = f.view();
    assert!(!v.join.available && v.join.primary.url.is_empty() && v.join.qr.svg.is_empty());
    assert!(v.join.unavailable.contains("non è ancora attivo"));
    assert_eq!(f.decline().unwrap(), Step::Declined);
}

#[test]
fn a_bad_link_is_a_profile_issue_naming_the_field() {
    let mut p = fixture();
    if let banditore::profile::Channel::WhatsappChannel { invite_url, .. } = &mut p.channels[0] {
        *invite_url = "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv".into();
    }
    let issues = Flow::new(&p, Lang::It, None).unwrap_err();
    assert_eq!(issues[0].path, "$.channels[0].invite_url");
}

#[test]
fn the_view_carries_everything_the_widget_renders() {
    let p = seed("sesto-calende");
    let f = Flow::new(&p, Lang::It, None).unwrap();
    let v = f.view();
    assert_eq!(v.channel.kind, "whatsapp-channel");
    assert_eq!(v.channel.platform, "whatsapp");
    assert_eq!(v.channel.label, "Canale WhatsApp della Città di Sesto Calende");
    assert_eq!(v.policy.approval, "Delibera di Giunta Comunale n. 2 del 17/01/2025");
    assert_eq!(v.policy.articles.len(), p.policy.articles.len());
    assert!(v
        .policy
        .summary
        .iter()
        .any(|s| s.contains("non sostituisce i canali ufficiali della Città di Sesto Calende")));
    assert!(v.policy.summary.iter().any(|s| s.contains("non sono crittografati end-to-end")));
    assert!(v.policy.summary[0].starts_with("A chi è rivolto: "), "{:?}", v.policy.summary);
    assert_eq!(v.join.primary.url, "https://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U");
    assert_eq!(v.join.qr.url, v.join.primary.url);
    assert!(v.join.qr.text_alternative.contains(&v.join.primary.url));
    assert!(v.join.number.is_none() && v.join.vcard.is_none() && v.join.subscribe.is_none());
    assert!(
        v.unsubscribe.steps[0].contains("abbandonando"),
        "the profile's own words come first: {:?}",
        v.unsubscribe.steps
    );
    assert_eq!(v.help.contacts[0].url, "mailto:info@comune.sesto-calende.va.it");
    let ids: Vec<&str> = v.informativa.sections.iter().map(|s| s.id).collect();
    for id in [
        "controller",
        "dpo",
        "purposes",
        "data",
        "recipients",
        "transfers",
        "retention",
        "rights",
        "withdrawal",
        "complaint",
        "provision",
        "automated",
    ] {
        assert!(ids.contains(&id), "art. 13 element {id} missing: {ids:?}");
    }
    // The JSON the widget receives.
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["step"], "policy");
    assert_eq!(json["lang"], "it");
    assert_eq!(json["consent"]["can_consent"], false);
    assert!(json["receipt"].is_null());
}

#[test]
fn concorezzo_join_has_the_number_vcard_and_prefilled_subscribe_link() {
    let p = seed("concorezzo");
    let mut f = ready_to_consent(&p);
    f.consent(now()).unwrap();
    let v = f.view();
    assert_eq!(v.join.primary.url, "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE");
    let sub = v.join.subscribe.as_ref().unwrap();
    assert_eq!(sub.keyword, "ATTIVA ISCRIZIONE");
    assert_eq!(sub.url, "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE");
    let n = v.join.number.as_ref().unwrap();
    assert_eq!(n.e164, "+393665784663");
    assert_eq!(n.display, "+39 366 578 4663");
    let vc = v.join.vcard.as_ref().unwrap();
    assert!(vc.text.contains("\r\nTEL;TYPE=CELL:+393665784663\r\n"));
    assert!(vc.text.contains("FN:WhatsConcorezzo\r\n"));
    assert_eq!(vc.file_name, "whatsconcorezzo.vcf");
    assert!(v.join.steps[0].contains("Salva il numero +39 366 578 4663"));
}

#[test]
fn profile_text_is_carried_as_text_never_interpreted() {
    let mut p = fixture();
    p.comune.official_name = "Comune di <script>alert(1)</script>".into();
    p.privacy.purposes = vec!["<img src=x onerror=alert(1)>".into()];
    let mut f = ready_to_consent(&p);
    f.consent(now()).unwrap();
    let v = f.view();
    assert!(v.comune.official_name.contains("<script>"), "kept verbatim, for textContent");
    assert!(v.join.qr.svg.starts_with("<svg"));
    assert!(!v.join.qr.svg.contains("script") && !v.join.qr.svg.contains("Comune"), "the SVG holds no profile text");
    let html = banditore::informativa::render(&v.informativa.clone(), banditore::informativa::Format::Html, Lang::It);
    assert!(!html.contains("<script>") && !html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

fn two_channels() -> Profile {
    profile::load(include_str!("fixtures/www/two-channels.json")).expect("two-channel fixture loads").0
}

#[test]
fn a_profile_with_two_channels_offers_both_and_switches_on_the_first_step() {
    let p = two_channels();
    let mut f = Flow::new(&p, Lang::It, None).unwrap();
    let v = f.view();
    let offered: Vec<(usize, &str, bool)> = v.channels.iter().map(|c| (c.index, c.kind, c.selected)).collect();
    assert_eq!(offered, vec![(0, "whatsapp-channel", true), (1, "telegram-channel", false)]);
    assert_eq!(v.channels[1].label, "Canale Telegram del Comune di Esempio");
    let whatsapp_version = f.policy_version().to_owned();

    f.select_channel(&p, 1).unwrap();
    assert_eq!(f.channel_index(), 1);
    assert_eq!(f.step(), Step::Policy);
    let v = f.view();
    assert_eq!(v.channel.kind, "telegram-channel");
    assert_eq!(v.join.primary.url, "https://t.me/comuneesempio");
    assert!(v.channels[1].selected && !v.channels[0].selected);
    // The informativa names the channel's platform, so the version differs.
    assert_ne!(f.policy_version(), whatsapp_version);
    // The acknowledgements and the unsubscribe steps are the Telegram channel's now.
    for text in f.acks().iter().map(|a| a.label.as_str()).chain(v.unsubscribe.steps.iter().map(String::as_str)) {
        assert!(!text.contains("WhatsApp"), "{text}");
    }

    // Not a joinable channel, and not after the first step.
    let err = f.select_channel(&p, 7).unwrap_err();
    assert_eq!(err.code, "unknown-channel");
    f.next().unwrap();
    assert_eq!(f.select_channel(&p, 0).unwrap_err().code, "invalid-transition");
    assert_eq!(f.channel_index(), 1);
}

#[test]
fn a_returning_visitor_comes_back_to_the_channel_they_joined() {
    let p = two_channels();
    let mut f = Flow::new(&p, Lang::It, None).unwrap();
    f.select_channel(&p, 1).unwrap();
    f.next().unwrap();
    f.next().unwrap();
    for id in ack_ids(&f) {
        f.set_ack(id, true).unwrap();
    }
    let json = f.consent(now()).unwrap().to_json();

    let back = Flow::new(&p, Lang::It, Some(&json)).unwrap();
    assert_eq!(back.step(), Step::Join);
    assert_eq!(back.channel_index(), 1);
    assert!(!back.policy_changed());
    assert_eq!(back.view().join.primary.url, "https://t.me/comuneesempio");

    // The same receipt against a profile whose Telegram informativa changed: asked again.
    let mut changed = p.clone();
    changed.privacy.retention = "I dati sono conservati per un anno.".into();
    let again = Flow::new(&changed, Lang::It, Some(&json)).unwrap();
    assert_eq!(again.step(), Step::Policy);
    assert!(again.policy_changed());
}

#[test]
fn the_qr_code_is_drawn_for_the_join_step_only() {
    let p = fixture();
    let mut f = ready_to_consent(&p);
    let before = f.view();
    assert!(before.join.qr.svg.is_empty(), "not drawn before it is shown");
    assert_eq!(before.join.qr.url, before.join.primary.url, "its link is known from the start");
    f.consent(now()).unwrap();
    let svg = f.view().join.qr.svg.clone();
    assert_eq!(svg, banditore::qr::qr_svg(&f.view().join.primary.url).unwrap().svg);
}

/// Every string in a JSON value, with the key it sits under.
fn strings<'a>(v: &'a serde_json::Value, key: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    match v {
        serde_json::Value::String(s) => out.push((key, s)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| strings(x, k, out)),
        _ => {}
    }
}

#[test]
fn italian_texts_quote_with_guillemets() {
    // Banditore's own Italian sentences quote buttons, tabs and keywords «così»; straight double
    // quotes may appear only inside text the comune wrote in its profile (and in the QR's SVG).
    for name in ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"] {
        let p = seed(name);
        let source: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        )
        .unwrap();
        let mut own = Vec::new();
        strings(&source, "", &mut own);
        let quoted_by_comune: Vec<&str> = own.iter().map(|(_, s)| *s).filter(|s| s.contains('"')).collect();
        let mut f = ready_to_consent(&p);
        let mut views = vec![serde_json::to_value(f.view()).unwrap()];
        if f.can_consent() {
            f.consent(now()).unwrap();
            views.push(serde_json::to_value(f.view()).unwrap());
            f.revoke().unwrap();
            views.push(serde_json::to_value(f.view()).unwrap());
        }
        for view in &views {
            let mut texts = Vec::new();
            strings(view, "", &mut texts);
            for (key, s) in texts {
                if key == "svg" || !s.contains('"') {
                    continue;
                }
                assert!(quoted_by_comune.iter().any(|q| s.contains(q)), "{name}: {key}: {s}");
            }
        }
    }
}

#[test]
fn each_consent_choice_cites_the_comunes_own_article() {
    // The template's art. 5.2 is not Concorezzo's (art. 3) nor Sesto Calende's (art. 3 lett. a, art. 4).
    for (name, article) in
        [("seveso", "art. 5.2"), ("concorezzo", "art. 3"), ("sesto-calende", "art. 3 lett. a, art. 4")]
    {
        let f = Flow::new(&seed(name), Lang::It, None).unwrap();
        let v = f.view();
        assert!(!v.consent.acks.is_empty());
        for a in &v.consent.acks {
            assert!(a.source.starts_with(&format!("{article} disciplinare")), "{name}: {}: {}", a.id, a.source);
        }
        let phone = v.consent.acks.iter().find(|a| a.id == "phone-number").unwrap();
        assert!(phone.source.ends_with("; art. 6.1(a) GDPR"), "{}", phone.source);
    }
    // A policy without such an article is cited without a number, never with another comune's.
    let mut p = fixture();
    p.policy.consent_article.clear();
    let f = Flow::new(&p, Lang::It, None).unwrap();
    assert!(f.view().consent.acks.iter().all(|a| a.source.starts_with("disciplinare")), "{:?}", f.view().consent.acks);
}

#[test]
fn the_broadcast_summary_does_not_forbid_what_the_join_step_asks() {
    // Joining a broadcast list means writing ATTIVA ISCRIZIONE to the number: the policy summary
    // must not say that nobody may write to it.
    let p = seed("concorezzo");
    let f = Flow::new(&p, Lang::It, None).unwrap();
    let summary = f.view().policy.summary.join("\n");
    assert!(!summary.contains("né scrivere"), "{summary}");
    assert!(summary.contains("si scrive solo per iscriversi o cancellarsi"), "{summary}");
}
