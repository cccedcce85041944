//! Issue 12 item 9: invisible and look-alike characters do not hide what a rule looks for, and
//! the marks still cover exactly the characters the editor wrote.

use banditore::checker::{Checker, Draft, Finding};
use banditore::i18n::Lang;
use banditore::profile;
use banditore::time::Timestamp;

fn check(text: &str) -> Vec<Finding> {
    let json = include_str!("../pkg-config/concorezzo.json");
    let checker = Checker::new(profile::parse(json).unwrap());
    let now = Timestamp::parse_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let draft = Draft { text: text.into(), ..Default::default() };
    let report = checker.check(&draft, now, Lang::It).unwrap();
    for f in &report.findings {
        assert_eq!(f.text, text[f.byte_start..f.byte_end], "{f:?}");
        assert_eq!(f.start, text[..f.byte_start].encode_utf16().count(), "{f:?}");
        assert_eq!(f.end, text[..f.byte_end].encode_utf16().count(), "{f:?}");
    }
    report.findings
}

fn marked(text: &str, rule: &str) -> Vec<String> {
    check(text).into_iter().filter(|f| f.rule == rule).map(|f| f.text).collect()
}

#[test]
fn the_issues_inputs_are_flagged_where_they_were_written() {
    for (text, rule, mark) in [
        ("Chiamate Mario al 333\u{202f}1234567", "personal-data.phone", "333\u{202f}1234567"),
        ("Chiamate Mario al 347\u{2011}1234567", "personal-data.phone", "347\u{2011}1234567"),
        (
            "Versate su IT60\u{2009}X054\u{2009}2811\u{2009}1010\u{2009}0000\u{2009}0123\u{2009}456 entro lunedì",
            "personal-data.iban",
            "IT60\u{2009}X054\u{2009}2811\u{2009}1010\u{2009}0000\u{2009}0123\u{2009}456",
        ),
        ("Che m\u{ad}erda di strada", "offensive", "m\u{ad}erda"),
        ("Sono dei cre\u{200b}tini", "offensive", "cre\u{200b}tini"),
    ] {
        assert_eq!(marked(text, rule), vec![mark.to_owned()], "{text:?}");
    }
}

#[test]
fn fullwidth_and_other_script_digits_and_zero_width_joins() {
    assert_eq!(marked("Tel. ３３３ １２３４５６７", "personal-data.phone"), vec!["３３３ １２３４５６７"]);
    assert_eq!(marked("Tel. 333\u{200b}123\u{2060}4567", "personal-data.phone"), vec!["333\u{200b}123\u{2060}4567"]);
    assert_eq!(marked("Tel. 𝟑𝟑𝟑 𝟏𝟐𝟑𝟒𝟓𝟔𝟕", "personal-data.phone"), vec!["𝟑𝟑𝟑 𝟏𝟐𝟑𝟒𝟓𝟔𝟕"]);
    assert_eq!(
        marked("C.F. ＲＳＳＭＲＡ８５Ｔ１０Ａ５６２Ｓ", "personal-data.tax-code"),
        vec!["ＲＳＳＭＲＡ８５Ｔ１０Ａ５６２Ｓ"]
    );
}

#[test]
fn a_dotted_capital_i_does_not_shift_a_mark() {
    let text = "İİİ İstanbul: Mario Rossi è ricoverato, 333 1234567";
    assert_eq!(marked(text, "personal-data.phone"), vec!["333 1234567"]);
    let names = marked(text, "personal-data.person-name");
    assert_eq!(names, vec!["Mario Rossi"]);
}

#[test]
fn an_invisible_char_right_after_a_word_is_not_marked() {
    assert_eq!(marked("Che merda\u{200b} davvero", "offensive"), vec!["merda"]);
}

#[test]
fn letters_of_other_alphabets_and_styled_letters_are_read_as_latin() {
    for (text, rule, mark) in [
        // Cyrillic "е" and "а", Greek "ο" inside Italian words.
        ("Quel consigliere è una m\u{435}rda", "offensive", "m\u{435}rda"),
        ("Quel consigliere è una merd\u{430}", "offensive", "merd\u{430}"),
        ("Sei un c\u{3bf}glione", "offensive", "c\u{3bf}glione"),
        // Mathematical bold, small capitals, circled letters.
        ("Quel consigliere è un 𝐜𝐫𝐞𝐭𝐢𝐧𝐨", "offensive", "𝐜𝐫𝐞𝐭𝐢𝐧𝐨"),
        ("Quel consigliere è un ᴄʀᴇᴛɪɴᴏ", "offensive", "ᴄʀᴇᴛɪɴᴏ"),
        ("Che ⓜⓔⓡⓓⓐ di strada", "offensive", "ⓜⓔⓡⓓⓐ"),
        // An invisible combining grapheme joiner and a tag character inside a number.
        ("Chiamate Mario al 333\u{34f}1234567", "personal-data.phone", "333\u{34f}1234567"),
        ("Chiamate Mario al 333\u{e0020}1234567", "personal-data.phone", "333\u{e0020}1234567"),
        // Devanagari and circled digits; a Cyrillic "З" among digits.
        ("Chiamate Mario al ३३३ १२३४५६७", "personal-data.phone", "३३३ १२३४५६७"),
        ("Chiamate Mario al 33\u{417} 1234567", "personal-data.phone", "33\u{417} 1234567"),
        // A fullwidth @ in an address.
        ("Scrivete a mario.rossi＠gmail.com", "personal-data.email", "mario.rossi＠gmail.com"),
    ] {
        assert_eq!(marked(text, rule), vec![mark.to_owned()], "{text:?}");
    }
}

#[test]
fn a_notice_in_ukrainian_or_greek_is_read_as_written() {
    // Real text in those alphabets: no Latin word is made out of it, no finding invented.
    for text in [
        "Шановні мешканці! З 1 березня відкрито запис до школи. Інформація: www.comune.concorezzo.mb.it",
        "Αγαπητοί πολίτες, η βιβλιοθήκη είναι ανοιχτή από τις 9:00.",
    ] {
        let found: Vec<String> = check(text)
            .into_iter()
            .filter(|f| f.severity != banditore::profile::Severity::Info)
            .map(|f| f.rule)
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn ligatures_pasted_from_a_pdf_read_as_their_letters() {
    // Text copied out of a PDF keeps its "ﬁ" and "ﬂ": the words are still the words.
    assert_eq!(marked("Sei uno sﬁgato", "offensive"), vec!["sﬁgato"]);
    assert_eq!(marked("Sei uno sﬁgato, ma che ﬀ", "offensive"), vec!["sﬁgato"]);
}
