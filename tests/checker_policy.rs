//! Issue 4's policy rules end to end, with the seed comuni's own profiles: near-misses that
//! must pass (a business channel's bandi, the council's agenda, strikes, deadlines),
//! findings that cite the comune's own articles, and a small clean institutional corpus.

use banditore::checker::{Checker, Draft, Finding, Report};
use banditore::i18n::Lang;
use banditore::profile::{self, Profile, Severity};
use banditore::time::Timestamp;

/// The rule ids issue 4 adds (families and single ids).
const POLICY_RULES: &[&str] = &[
    "political",
    "electoral-period",
    "advertising",
    "offensive",
    "discrimination",
    "link.",
    "category.",
    "schedule.",
    "official-notice",
    "format.",
    "readability",
];

fn is_policy(f: &Finding) -> bool {
    POLICY_RULES.iter().any(|r| if r.ends_with('.') { f.rule.starts_with(r) } else { f.rule == *r })
}

fn load(name: &str) -> Profile {
    let path = format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    profile::parse(&json).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn fixture() -> Profile {
    profile::parse(include_str!("fixtures/minimal-profile.json")).expect("fixture parses")
}

/// Monday 23 November 2026, 10:00 in Rome: inside every profile's hours, no electoral period.
const MONDAY_MORNING: &str = "2026-11-23T10:00:00+01:00";

fn check(p: &Profile, text: &str, category: Option<&str>, send_at: &str) -> Report {
    let draft = Draft {
        text: text.into(),
        category: category.map(Into::into),
        send_at: Some(send_at.into()),
        ..Default::default()
    };
    Checker::new(p.clone()).check(&draft, Timestamp(0), Lang::It).expect("check runs")
}

fn policy_findings(r: &Report) -> Vec<&Finding> {
    r.findings.iter().filter(|f| is_policy(f)).collect()
}

/// Errors and warnings of the content rules (readability is about style, tested on its own).
fn errors_and_warnings(r: &Report) -> Vec<String> {
    policy_findings(r)
        .into_iter()
        .filter(|f| f.severity > Severity::Info && f.rule != "readability")
        .map(|f| format!("{} {:?} «{}»", f.rule, f.severity, f.text))
        .collect()
}

#[test]
fn sesto_calende_business_news_is_not_advertising() {
    let p = load("sesto-calende");
    for (cat, text) in [
        ("bandi", "Bando Distretto del Commercio: contributi a fondo perduto fino a 5.000 euro per negozi e pubblici esercizi. Domande entro il 30 giugno su https://www.comune.sesto-calende.va.it/bandi"),
        ("scadenze", "Scadenza del canone unico patrimoniale per i dehors: 31 marzo. Dettagli su https://www.comune.sesto-calende.va.it/tributi"),
        ("regolamenti", "Approvato il nuovo regolamento per l'occupazione di suolo pubblico dei pubblici esercizi. Testo su https://www.comune.sesto-calende.va.it/regolamenti"),
        ("eventi", "Mercatino dell'antiquariato domenica sul lungofiume: le attività del centro restano aperte fino alle 20."),
        ("novita", "Saldi estivi dal 5 luglio, come stabilito da Regione Lombardia: le regole per i commercianti su https://www.regione.lombardia.it"),
    ] {
        let r = check(&p, text, Some(cat), MONDAY_MORNING);
        assert!(errors_and_warnings(&r).is_empty(), "{text}: {:?}", errors_and_warnings(&r));
    }
    let ad = check(&p, "Sconto del 50% da Bar Centrale, acquista ora!", Some("novita"), MONDAY_MORNING);
    let f: Vec<_> = ad.findings.iter().filter(|f| f.rule == "advertising").collect();
    assert_eq!(f.len(), 2, "{:?}", ad.findings);
    // Sesto Calende's profile does not list advertising: the default severity and a legal source apply.
    assert_eq!(f[0].severity, Severity::Error);
    assert!(!ad.can_send);
}

#[test]
fn concorezzo_findings_cite_its_article_4() {
    let p = load("concorezzo");
    let cases = [
        ("p0rco d*o, che disastro", "offensive", "Policy Concorezzo art. 4 (contenuti vietati) lett. b"),
        ("Il fornitore è un ladro", "offensive", "Policy Concorezzo art. 4 (contenuti vietati) lett. c"),
        ("Questa è pornografia", "offensive", "Policy Concorezzo art. 4 (contenuti vietati) lett. a"),
        ("Vietato agli stranieri l'ingresso", "discrimination", "Policy Concorezzo art. 4 (contenuti vietati) lett. d"),
        (
            "Offerta speciale del negozio: acquista ora",
            "advertising",
            "Policy Concorezzo art. 4 (contenuti vietati) lett. i",
        ),
        ("Votate la lista del sindaco", "political", "Policy Concorezzo art. 4"),
        (
            "Scarica https://example.com/whatsconcorezzo.apk",
            "link.suspicious",
            "Policy Concorezzo art. 4 (contenuti vietati) lett. g",
        ),
    ];
    for (text, rule, source) in cases {
        let r = check(&p, text, Some("comunicati"), MONDAY_MORNING);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{text}: no {rule} in {:?}", r.findings));
        assert_eq!(f.source, source, "{text}");
        assert_eq!(f.severity, Severity::Error, "{text}");
        assert!(!r.can_send, "{text}");
    }
}

#[test]
fn concorezzo_hours_keywords_and_emergencies() {
    let p = load("concorezzo");
    let text = "Per iscriverti scrivi ATTIVA ISCRIZIONE, per uscire DISATTIVA ISCRIZIONE.";
    let r = check(&p, text, Some("comunicati"), "2026-11-28T10:00:00+01:00");
    let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "schedule.outside-hours").collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].fix.as_deref(), Some("2026-11-30T09:00:00+01:00"));
    assert!(r.findings.iter().all(|f| f.rule != "format.shouting"));
    let r = check(&p, "Allerta meteo rossa: restate in casa.", Some("emergenze"), "2026-11-28T23:00:00+01:00");
    assert!(r.findings.iter().all(|f| f.rule != "schedule.outside-hours"));
}

#[test]
fn the_council_strikes_and_deadlines_are_not_political_or_ads() {
    let p = load("seveso");
    for text in [
        "Il Consiglio comunale è convocato giovedì alle 21 in sala consiliare. Ordine del giorno su https://www.comune.seveso.mb.it",
        "Approvato il bilancio di previsione: il documento è pubblicato all'Albo Pretorio.",
        "Sciopero dei mezzi pubblici venerdì 27: possibili disagi sulle linee urbane.",
        "Scadenza TARI: la prima rata va pagata entro il 16 maggio con pagoPA.",
        "Elezioni comunali: si vota domenica dalle 7 alle 23 e lunedì dalle 7 alle 15. Porta la tessera elettorale.",
    ] {
        let r = check(&p, text, Some("pubblica-utilita"), MONDAY_MORNING);
        assert!(errors_and_warnings(&r).is_empty(), "{text}: {:?}", errors_and_warnings(&r));
    }
}

#[test]
fn electoral_period_on_and_off_by_date() {
    let p = fixture();
    let text = "Inaugurazione della nuova scuola con il sindaco Mario Bianchi: abbiamo mantenuto la promessa.";
    let ids = |send_at: &str| -> usize {
        check(&p, text, Some("eventi"), send_at).findings.iter().filter(|f| f.rule == "electoral-period").count()
    };
    assert_eq!(ids("2026-04-19T23:59:59+02:00"), 0);
    assert_eq!(ids("2026-04-20T00:00:00+02:00"), 3);
    assert_eq!(ids("2026-05-25T23:59:59+02:00"), 3);
    assert_eq!(ids("2026-05-26T00:00:00+02:00"), 0);
    // Deadlines and service information pass inside the period.
    let r = check(
        &p,
        "Scadenza IMU il 16 giugno: gli uffici sono aperti dalle 9 alle 12.",
        Some("pubblica-utilita"),
        "2026-05-04T10:00:00+02:00",
    );
    assert!(r.findings.iter().all(|f| f.rule != "electoral-period"));
}

#[test]
fn profile_settings_disable_relax_and_override() {
    let mut p = fixture();
    p.checker.disabled_rules = vec!["link".into()];
    p.checker.severity.insert("format.shouting".into(), Severity::Error);
    let r =
        check(&p, "Vedi http://bit.ly/x. CHIUSURA STRADA PROVINCIALE DOMANI", Some("pubblica-utilita"), MONDAY_MORNING);
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("link.")));
    assert_eq!(r.findings.iter().find(|f| f.rule == "format.shouting").map(|f| f.severity), Some(Severity::Error));
}

#[test]
fn english_messages_and_utf16_offsets() {
    let p = fixture();
    let draft = Draft {
        text: "🚧 Info: http://www.comune.esempio.mb.it".into(),
        category: Some("eventi".into()),
        send_at: Some(MONDAY_MORNING.into()),
        ..Default::default()
    };
    let r = Checker::new(p).check(&draft, Timestamp(0), Lang::En).unwrap();
    let f = r.findings.iter().find(|f| f.rule == "link.insecure").unwrap();
    assert!(f.message.starts_with("Insecure link"));
    // The emoji is two UTF-16 units and four bytes.
    assert_eq!((f.start, f.byte_start), (9, 11));
}

/// Ordinary institutional messages, one per kind the seeds allow: none may get an error or
/// a warning from the policy rules.
#[test]
fn clean_institutional_messages_pass_every_profile() {
    let clean = [
        "Allerta meteo arancione per temporali da domani alle 14. Evitate i sottopassi. Aggiornamenti su https://www.protezionecivile.gov.it",
        "Dal 1° dicembre cambia l'orario della biblioteca: lunedì-venerdì 9-18, sabato 9-12.",
        "Lavori di asfaltatura in via Garibaldi martedì 24: la strada sarà chiusa dalle 8 alle 17. Seguite la segnaletica.",
        "Festa di Natale in piazza domenica alle 16, con il coro delle scuole e la banda cittadina. Ingresso libero.",
        "Raccolta differenziata: giovedì 8 dicembre il ritiro della carta è spostato a venerdì 9.",
        "Vaccinazione antinfluenzale: prenotazioni al numero verde regionale o in farmacia.",
        "*Avviso*: gli uffici comunali resteranno chiusi venerdì 8 dicembre per la festività.",
        "Iscrizioni al centro estivo aperte fino al 15 maggio. Il modulo è sul sito del Comune.",
    ];
    for (name, cat) in [
        ("seveso", "pubblica-utilita"),
        ("leini", "pubblica-utilita"),
        ("siracusa", "pubblica-utilita"),
        ("concorezzo", "comunicati"),
        ("sesto-calende", "novita"),
    ] {
        let p = load(name);
        for text in clean {
            let r = check(&p, text, Some(cat), MONDAY_MORNING);
            assert!(errors_and_warnings(&r).is_empty(), "{name}: {text}: {:?}", errors_and_warnings(&r));
            assert!(r.findings.iter().any(|f| f.rule == "readability"), "{name}: {text}");
        }
    }
}

/// The shared clean corpus (`tests/corpus/clean/`): no policy rule may raise an error on it
/// with any seed profile, and the content rules (political, advertising, offensive,
/// discrimination, suspicious links) may not even warn. An ordinanza or a bando that does not
/// point to the Albo may get official-notice's warning: that is the rule's job (art. 2.6).
#[test]
fn clean_corpus_gets_no_policy_errors() {
    let dir = format!("{}/tests/corpus/clean", env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).expect("readable")))
        .collect();
    texts.sort();
    assert!(texts.len() >= 20, "corpus too small: {}", texts.len());
    let content = ["political", "advertising", "offensive", "discrimination", "link.suspicious"];
    let mut problems = Vec::new();
    for name in ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"] {
        let p = load(name);
        let cat = p.categories.iter().find(|c| !c.emergency).map(|c| c.id.clone());
        for (path, text) in &texts {
            let r = check(&p, text, cat.as_deref(), MONDAY_MORNING);
            for f in policy_findings(&r) {
                if f.severity == Severity::Error
                    || (f.severity == Severity::Warning && content.contains(&f.rule.as_str()))
                {
                    problems.push(format!("{name} {path}: {} {:?} «{}»", f.rule, f.severity, f.text));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Hostile input: fragments of links, markup, masks, emoji sequences, combining marks and
/// CRLF in random order. Every rule must finish without panicking and report ranges on
/// char boundaries.
#[test]
fn random_hostile_text_never_panics() {
    let pieces = [
        "http://",
        "https://",
        "xn--",
        "@",
        "*",
        "_",
        "~",
        "```",
        "#",
        "$",
        "0",
        "4",
        "!",
        ".",
        "..",
        ":",
        "/",
        "(",
        ")",
        " ",
        "\r\n",
        "\n",
        "e\u{301}",
        "🚧",
        "👨‍👩‍👧",
        "🇮🇹",
        "❤️",
        "\u{200D}",
        "\u{FE0F}",
        "à",
        "È",
        "ß",
        "С",
        "bit.ly",
        "www.",
        "comune.esempio.mb.it",
        "m*rda",
        "p0rco",
        "d*o",
        "votate",
        "sconto",
        "50%",
        "-",
        "ordinanza",
        "TARI",
        "ATTENZIONE",
        "Mario Bianchi",
        "javascript:",
        "data:",
        "[::1]",
        "192.168.0.1",
        ".apk",
        "a",
        "Z",
    ];
    let p = fixture();
    let checker = Checker::new(p);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut text = String::new();
        let n = (seed % 40) as usize + 1;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let draft =
            Draft { text: text.clone(), send_at: Some("2026-05-04T10:00:00+02:00".into()), ..Default::default() };
        let r = checker.check(&draft, Timestamp(0), Lang::It).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        for f in &r.findings {
            assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end), "{text:?}: {f:?}");
            assert!(f.byte_start <= f.byte_end && f.byte_end <= text.len(), "{text:?}: {f:?}");
        }
    }
}

#[test]
fn english_messages_quote_the_english_way() {
    // Italian quotes «così»; English “like this”. The matched text and the fixes are the same.
    let text = "Votate Rossi! Offerta speciale: sconto del 50%. Che schifo, sono dei terroni. Ordinanza n. 3.";
    let at = Timestamp::parse_rfc3339(MONDAY_MORNING).unwrap();
    let draft = Draft { text: text.into(), category: Some("propaganda".into()), ..Default::default() };
    let checker = Checker::new(fixture());
    let (it, en) = (checker.check(&draft, at, Lang::It).unwrap(), checker.check(&draft, at, Lang::En).unwrap());
    assert!(en.findings.len() >= 4, "{:?}", en.findings);
    assert!(en.findings.iter().all(|f| !f.message.contains('«')), "{:?}", en.findings);
    assert!(en.findings.iter().any(|f| f.message.contains('“')));
    assert!(it.findings.iter().any(|f| f.message.contains('«')));
}
