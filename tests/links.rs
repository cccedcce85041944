//! Join links with the seed comuni's real links and number, and the ones that must be refused.

use banditore::i18n::Lang;
use banditore::links::{
    display_italian, normalize_phone, parse_telegram, percent_encode, unsubscribe_steps, vcard, vcard_file_name, wa_me,
    whatsapp_channel_invite, TelegramLink,
};
use banditore::profile::Channel;

#[test]
fn seed_whatsapp_channel_invites_are_valid() {
    for url in [
        "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
        "https://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U",
    ] {
        assert_eq!(whatsapp_channel_invite(url).unwrap(), url);
    }
    assert_eq!(
        whatsapp_channel_invite(" https://www.WhatsApp.com/channel/0029Vau1S7v3mFY6qWhRCg1N/ ").unwrap(),
        "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N"
    );
}

#[test]
fn bad_whatsapp_channel_invites_are_refused() {
    for url in [
        "http://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
        "https://chat.whatsapp.com/0029Vau1S7v3mFY6qWhRCg1N",
        "https://whatsapp.com.evil.example/channel/0029Vau1S7v3mFY6qWhRCg1N",
        "https://user@whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
        "https://whatsapp.com:8443/channel/0029Vau1S7v3mFY6qWhRCg1N",
        "https://whatsapp.com/channel/",
        "https://whatsapp.com/channel/short",
        "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N?x=<script>",
        "https://whatsapp.com/channel/0029Vau1S7v3mFY6qW%20RCg1N",
        "javascript:alert(1)",
        "",
    ] {
        let e = whatsapp_channel_invite(url).expect_err(url);
        assert!(!e.0.it.is_empty() && !e.0.en.is_empty());
    }
}

#[test]
fn concorezzo_number_gives_the_prefilled_subscribe_link() {
    for raw in ["+39 366 5784663", "366.5784663", "+393665784663", "0039 366 578 4663", "366-578-4663"] {
        let n = normalize_phone(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
        assert_eq!(n.digits, "393665784663", "{raw}");
        assert_eq!(wa_me(&n, Some("ATTIVA ISCRIZIONE")), "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE");
    }
    let n = normalize_phone("+39 366 5784663").unwrap();
    assert_eq!(wa_me(&n, None), "https://wa.me/393665784663");
    assert_eq!(display_italian(&n), "+39 366 578 4663");
    assert_eq!(n.e164(), "+393665784663");
}

#[test]
fn italian_landlines_keep_their_leading_zero() {
    let n = normalize_phone("039 1234567").unwrap();
    assert_eq!(n.digits, "390391234567");
    assert_eq!(wa_me(&n, None), "https://wa.me/390391234567");
    assert_eq!(normalize_phone("+39 02 12345678").unwrap().digits, "390212345678");
    // Other countries pass through.
    assert_eq!(normalize_phone("+41 91 123 45 67").unwrap().digits, "41911234567");
}

#[test]
fn bad_numbers_are_refused() {
    for raw in ["", "abc", "+39 366 57846xx", "800299507", "+0 123456789", "+39 12", "+1234567890123456"] {
        assert!(normalize_phone(raw).is_err(), "{raw:?}");
    }
}

#[test]
fn prefilled_text_is_percent_encoded() {
    assert_eq!(percent_encode("ATTIVA ISCRIZIONE"), "ATTIVA%20ISCRIZIONE");
    assert_eq!(percent_encode("Sì & no?#"), "S%C3%AC%20%26%20no%3F%23");
    let n = normalize_phone("+393665784663").unwrap();
    assert_eq!(wa_me(&n, Some("a&text=b")), "https://wa.me/393665784663?text=a%26text%3Db");
}

#[test]
fn vcard_for_the_broadcast_number() {
    let n = normalize_phone("+393665784663").unwrap();
    let card = vcard("WhatsConcorezzo", "Comune di Concorezzo", &n, "Iscrizione: ATTIVA ISCRIZIONE; uscita, DISATTIVA");
    assert_eq!(
        card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:WhatsConcorezzo\r\nORG:Comune di Concorezzo\r\nTEL;TYPE=CELL:+393665784663\r\n\
         NOTE:Iscrizione: ATTIVA ISCRIZIONE\\; uscita\\, DISATTIVA\r\nEND:VCARD\r\n"
    );
    // A newline in a name cannot inject a vCard property.
    let card = vcard("A\nTEL:+10000000000", "", &n, "");
    assert_eq!(card.matches("TEL").count(), 2);
    assert!(card.contains("FN:A\\nTEL:+10000000000\r\n"));
    assert_eq!(vcard_file_name("WhatsConcorezzo"), "whatsconcorezzo.vcf");
    assert_eq!(vcard_file_name("Città di Sesto Calende"), "citta-di-sesto-calende.vcf");
    assert_eq!(vcard_file_name("Citta\u{300} di Leinì Cafe\u{301}"), "citta-di-leini-cafe.vcf");
    assert_eq!(vcard_file_name("../../etc"), "etc.vcf");
    assert_eq!(vcard_file_name("???"), "contatto.vcf");
}

#[test]
fn telegram_links_are_told_apart() {
    assert_eq!(
        parse_telegram("https://t.me/ComuneDiEsempio").unwrap(),
        TelegramLink::Public { username: "ComuneDiEsempio".into(), url: "https://t.me/ComuneDiEsempio".into() }
    );
    assert_eq!(
        parse_telegram("https://t.me/+AbCdEf_123-xyz").unwrap(),
        TelegramLink::PrivateInvite { code: "AbCdEf_123-xyz".into(), url: "https://t.me/+AbCdEf_123-xyz".into() }
    );
    assert_eq!(
        parse_telegram("https://telegram.me/joinchat/AbCdEf123").unwrap(),
        TelegramLink::PrivateInvite { code: "AbCdEf123".into(), url: "https://t.me/+AbCdEf123".into() }
    );
    match parse_telegram("https://t.me/+393665784663").unwrap() {
        TelegramLink::Phone { number, url } => {
            assert_eq!(number.digits, "393665784663");
            assert_eq!(url, "https://t.me/+393665784663");
        }
        other => panic!("{other:?}"),
    }
    for bad in [
        "http://t.me/comune",
        "https://t.me/ab",
        "https://t.me/1comune",
        "https://t.me/comune_",
        "https://t.me/",
        "https://t.me/comune?start=x",
        "https://tme.example/comune",
    ] {
        assert!(parse_telegram(bad).is_err(), "{bad}");
    }
}

#[test]
fn unsubscribe_instructions_per_channel_kind() {
    let channel = Channel::WhatsappChannel {
        name: String::new(),
        invite_url: String::new(),
        info_url: String::new(),
        leave_instructions: String::new(),
    };
    let steps = unsubscribe_steps(&channel, Lang::It);
    assert!(steps[0].contains("Non seguire più"), "{steps:?}");
    assert!(unsubscribe_steps(&channel, Lang::En)[0].contains("Unfollow"));

    let broadcast = Channel::WhatsappBroadcast {
        name: "WhatsConcorezzo".into(),
        number: "+393665784663".into(),
        subscribe_keyword: "ATTIVA ISCRIZIONE".into(),
        unsubscribe_keyword: "DISATTIVA ISCRIZIONE".into(),
        save_contact_required: true,
        leave_instructions: "Inviare DISATTIVA ISCRIZIONE (art. 3).".into(),
    };
    let steps = unsubscribe_steps(&broadcast, Lang::It);
    assert_eq!(steps[0], "Inviare DISATTIVA ISCRIZIONE (art. 3).", "the profile's own words first");
    assert_eq!(steps.iter().filter(|s| s.contains("DISATTIVA")).count(), 1, "said once, not twice: {steps:?}");
    let en = unsubscribe_steps(&broadcast, Lang::En);
    assert!(en[0].contains("\"DISATTIVA ISCRIZIONE\"") && en[0].contains("+393665784663"), "{en:?}");
    let generic = Channel::WhatsappBroadcast {
        name: String::new(),
        number: "+393665784663".into(),
        subscribe_keyword: "ATTIVA ISCRIZIONE".into(),
        unsubscribe_keyword: "DISATTIVA ISCRIZIONE".into(),
        save_contact_required: true,
        leave_instructions: String::new(),
    };
    let steps = unsubscribe_steps(&generic, Lang::It);
    assert!(steps[0].contains("«DISATTIVA ISCRIZIONE»") && steps[0].contains("+393665784663"), "{steps:?}");

    let telegram = Channel::TelegramChannel {
        name: String::new(),
        url: "https://t.me/comune".into(),
        leave_instructions: String::new(),
    };
    assert!(unsubscribe_steps(&telegram, Lang::It)[0].contains("Abbandona canale"));
    assert!(unsubscribe_steps(&telegram, Lang::En)[0].contains("Leave channel"));
}
