//! Par condicio (L. 28/2000 art. 9): from the calling of an election to the close of the
//! vote, the comune may only communicate "in forma impersonale" and what is "indispensabile
//! per l'efficace assolvimento delle proprie funzioni". AGCOM applies both tests to every
//! message; each finding here names the one it fails. When the send time falls in one of the
//! profile's electoral periods (Europe/Rome dates, first and last day included):
//! - not impersonal: administrators' names and photos, an office holder's voice, greeting or
//!   presence ("dichiara il sindaco", "il vostro sindaco", "l'assessore"), the first person of
//!   the administration ("abbiamo", "vogliamo", "faremo", "ho deciso", "la nostra città");
//! - not indispensable: results claimed, inaugurations and first stones, works announced as
//!   news ("al via i lavori"), invitations to events;
//! - neither: candidates, lists, parties, sides and slogans (the political lexicon too).
//!
//! Emergencies are exempt from service hours, not from par condicio: the rule runs whatever
//! the category (issue 12). Alerts, closures, deadlines, polling stations and electoral cards
//! pass when written impersonally ("si comunica", "il Comune informa"): they need none of this.

use super::lexicon_hits;
use crate::checker::shared::covers;
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::{ElectoralPeriod, Severity};
use crate::text::Folded;
use crate::time::Date;

pub struct ElectoralPeriodRule;

pub static RULE: ElectoralPeriodRule = ElectoralPeriodRule;

const ID: &str = "electoral-period";
const LAW: &str = "L. 28/2000 art. 9";

/// The period the send date falls in, if any.
fn current(periods: &[ElectoralPeriod], today: Date) -> Option<&ElectoralPeriod> {
    periods.iter().find(|p| match (Date::parse(p.from.trim()), Date::parse(p.to.trim())) {
        (Ok(from), Ok(to)) => from <= today && today <= to,
        _ => false,
    })
}

/// Whether `s[start..end]` stands as whole words.
fn is_whole_word(s: &str, start: usize, end: usize) -> bool {
    !s[..start].chars().next_back().is_some_and(char::is_alphanumeric)
        && !s[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Where an office holder is named: the full name in any case, and the surname alone when
/// written with its capital ("il sindaco Bianchi", not "muri bianchi").
fn name_ranges(ctx: &Context<'_>, name: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let folded_name = Folded::new(name.trim()).text;
    if folded_name.is_empty() {
        return out;
    }
    let folded = &ctx.folded.text;
    for (i, _) in folded.match_indices(folded_name.as_str()) {
        let end = i + folded_name.len();
        if is_whole_word(folded, i, end) {
            out.push(ctx.original(i, end));
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let surname = words.last().copied().unwrap_or("");
    if words.len() >= 2 && surname.chars().count() >= 3 && surname.chars().next().is_some_and(char::is_uppercase) {
        // Whether a full name found holds this surname: a binary search, not a pass over all
        // of them (a message naming the mayor a thousand times would be quadratic).
        let full = out.len();
        for (i, _) in ctx.text.match_indices(surname) {
            let end = i + surname.len();
            if is_whole_word(ctx.text, i, end) && !covers(&out[..full], i..end) {
                out.push(i..end);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

impl Rule for ElectoralPeriodRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let Some(period) = current(&ctx.profile.electoral_periods, ctx.send_at.to_rome().date) else { return };
        let source = ctx.policy_source(ID, LAW);
        let severity = ctx.policy_severity(ID).unwrap_or(Severity::Error);
        let label = &period.label;
        let folded = &ctx.folded.text;
        // Administrators by name: the fix is their role, which keeps the message impersonal.
        for holder in &ctx.profile.institutional_contacts.office_holders {
            let role = holder.role.trim();
            let fix = if role.is_empty() { String::new() } else { with_article(&role.to_lowercase()) };
            for range in name_ranges(ctx, &holder.name) {
                out.push(
                    RawFinding::new(
                        ID,
                        severity,
                        range,
                        Msg::new(
                            format!("Periodo elettorale ({label}): il nome di chi amministra rende la comunicazione non impersonale; la legge ammette solo comunicazioni impersonali e indispensabili."),
                            format!("Electoral period ({label}): an administrator's name makes the communication not impersonal; the law allows only impersonal, indispensable communication."),
                        ),
                        source.clone(),
                    )
                    .with_fix(fix.clone()),
                );
            }
        }
        for (range, test) in wording(ctx, folded) {
            let matched = &ctx.text[range.clone()];
            let (it, en) = test.explain();
            out.push(RawFinding::new(
                ID,
                severity,
                range,
                Msg::new(
                    format!("Periodo elettorale ({label}): «{matched}» {it} La legge ammette solo comunicazioni impersonali e indispensabili alle funzioni del Comune."),
                    format!("Electoral period ({label}): “{matched}” {en} The law allows only communication that is impersonal and indispensable to the comune's functions."),
                ),
                source.clone(),
            ));
        }
        // Photos of administrators, as their description or file name tells.
        for a in ctx.draft.attachments.iter().filter(|a| matches!(a.kind.as_str(), "image" | "video")) {
            let described = Folded::new(&format!("{} {}", a.alt_text, a.file_name.replace(['_', '-', '.'], " "))).text;
            let holder = ctx.profile.institutional_contacts.office_holders.iter().find(|h| {
                let name = Folded::new(h.name.trim()).text;
                let role = Folded::new(h.role.trim()).text;
                (!name.is_empty() && described.contains(&name)) || (!role.is_empty() && described.contains(&role))
            });
            if let Some(h) = holder {
                out.push(RawFinding::new(
                    ID,
                    severity,
                    0..0,
                    Msg::new(
                        format!("Periodo elettorale ({label}): l'allegato «{}» ritrae {} ({}): la comunicazione non è impersonale. Evita foto degli amministratori.", a.file_name, h.name, h.role),
                        format!("Electoral period ({label}): attachment “{}” shows {} ({}): the communication is not impersonal. Avoid photos of administrators.", a.file_name, h.name, h.role),
                    ),
                    source.clone(),
                ));
            }
        }
    }
}

/// Which of art. 9's two conditions a wording fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fails {
    Impersonal,
    Indispensable,
    Both,
}

impl Fails {
    fn explain(self) -> (&'static str, &'static str) {
        match self {
            Fails::Impersonal => (
                "non è in forma impersonale (prima persona, voce, saluto o presenza di chi amministra): riformula come «si comunica», «il Comune informa».",
                "is not impersonal (the first person, voice, greeting or presence of those in office): reword as “si comunica”, “il Comune informa”.",
            ),
            Fails::Indispensable => (
                "non è indispensabile alle funzioni del Comune (risultati, inaugurazioni, lavori annunciati, inviti a eventi): rimandalo a dopo il voto.",
                "is not indispensable to the comune's functions (results, inaugurations, works announced, invitations to events): postpone it until after the vote.",
            ),
            Fails::Both => (
                "riguarda candidati, liste, partiti o la campagna: non è né impersonale né indispensabile.",
                "is about candidates, lists, parties or the campaign: it is neither impersonal nor indispensable.",
            ),
        }
    }
}

/// Wordings that fail one of the two tests, as original ranges, without overlaps (the
/// longest match at each place wins).
fn wording(ctx: &Context<'_>, folded: &str) -> Vec<(std::ops::Range<usize>, Fails)> {
    let mut found: Vec<(std::ops::Range<usize>, Fails)> = Vec::new();
    let hits = lexicon_hits::find(ctx, ID, folded);
    // Works with a closure or a ban are a notice the public needs, not the administration's news.
    let serves = hits.iter().any(|h| h.section == "service-effect");
    // Where invitations to care ("alla massima prudenza", "a non sostare") begin; sorted.
    let conduct: Vec<usize> = hits.iter().filter(|h| h.section == "conduct").map(|h| h.folded.start).collect();
    for h in &hits {
        let fails = match h.section {
            "service-effect" | "conduct" => continue,
            "works" if serves => continue,
            "invitation" if asks_for_care(&conduct, h.folded.end) => continue,
            "achievement" | "inauguration" | "works" | "invitation" => Fails::Indispensable,
            "promotion" | "personal" => Fails::Impersonal,
            _ => Fails::Both,
        };
        found.push((h.folded.clone(), fails));
    }
    for h in lexicon_hits::find(ctx, "political", folded) {
        found.push((h.folded, Fails::Both));
    }
    for w in first_person(folded) {
        // "IO" in capitals is the public services' app, not "io".
        let written = &ctx.text[ctx.original(w.start, w.end)];
        if written == "IO" {
            continue;
        }
        found.push((w, Fails::Impersonal));
    }
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<(std::ops::Range<usize>, Fails)> = Vec::with_capacity(found.len());
    for (r, f) in found {
        if out.last().is_some_and(|(p, _)| r.start < p.end) {
            continue;
        }
        out.push((r, f));
    }
    out.into_iter().map(|(r, f)| (ctx.original(r.start, r.end), f)).collect()
}

/// Whether what an invitation ending at `end` asks for is care, not attendance: a [conduct]
/// word starting within the next 24 bytes ("invita la cittadinanza| alla massima |prudenza").
fn asks_for_care(conduct: &[usize], end: usize) -> bool {
    let k = conduct.partition_point(|&s| s < end);
    conduct.get(k).is_some_and(|&s| s <= end + CARE_REACH)
}

/// How far after an invitation its object may start: " alla massima " and " a non " fit,
/// a clause about something else does not.
const CARE_REACH: usize = 24;

/// First-person words of the folded text, the administration speaking of itself: "ho", "io",
/// "nostro"..., and verbs by their endings, which Italian keeps for the first person plural:
/// present and subjunctive -iamo (abbiamo, vogliamo, invitiamo), future -remo (faremo,
/// continueremo, avremo), past -mmo (facemmo). Read from endings rather than from a verb list:
/// every verb a comune may use is covered in one linear pass over the words.
fn first_person(folded: &str) -> Vec<std::ops::Range<usize>> {
    // Not "ci" or "sono": "ci sono posti", "sono aperti" speak of things. Not the bare
    // possessives: "nel nostro Comune", "i nostri cittadini" are the institution's usual voice;
    // "la nostra amministrazione" and the like are in the lexicon.
    fn listed(w: &str) -> bool {
        matches!(
            w,
            "ho" | "io"
                | "mio"
                | "mia"
                | "miei"
                | "mie"
                | "noi"
                | "ringrazio"
                | "voglio"
                | "desidero"
                | "ritengo"
                | "abbraccio"
        )
    }
    // Words ending like a first-person verb that are not one; and the comune's service voice
    // (informing, reminding, asking, apologising): AGCOM's personalisation is the
    // administration presenting itself, not "ricordiamo di portare la tessera elettorale".
    fn excepted(w: &str) -> bool {
        matches!(
            w,
            "estremo"
                | "supremo"
                | "stremo"
                | "eremo"
                | "remo"
                | "sommo"
                | "ricordiamo"
                | "informiamo"
                | "comunichiamo"
                | "avvisiamo"
                | "invitiamo"
                | "segnaliamo"
                | "scusiamo"
                | "preghiamo"
                | "raccomandiamo"
                | "chiediamo"
                | "consigliamo"
                | "diciamo"
                | "precisiamo"
                | "specifichiamo"
                | "cerchiamo"
                | "forniamo"
                | "riportiamo"
                | "alleghiamo"
                | "terremo"
                | "aggiorneremo"
                | "informeremo"
                | "comunicheremo"
                | "avviseremo"
                | "pubblicheremo"
        )
    }
    let bytes = folded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        // A word glued to a non-ASCII letter is not an Italian word read whole.
        let glued = |b: Option<&u8>| b.is_some_and(|b| !b.is_ascii());
        if glued(bytes.get(i)) || (start > 0 && glued(bytes.get(start - 1))) {
            continue;
        }
        let w = &folded[start..i];
        // The endings are tested first: most words end otherwise and need no list lookup.
        let ending = (w.len() >= 5 && w.ends_with("iamo"))
            || (w.len() >= 6 && ["remo", "ammo", "emmo", "immo"].iter().any(|e| w.ends_with(e)));
        if (ending && !excepted(w)) || (w.len() <= 9 && listed(w)) {
            out.push(start..i);
        }
    }
    out
}

/// "il sindaco", "l'assessore", "lo staff", "la sindaca": the role with its definite article.
/// Roles ending in -a are feminine (sindaca, assessora, segretaria), but not -ista/-ta words.
fn with_article(role: &str) -> String {
    let first = role.split_whitespace().next().unwrap_or(role);
    let vowel = first.starts_with(['a', 'e', 'i', 'o', 'u', 'h', 'à', 'è', 'é', 'ì', 'ò', 'ù']);
    let feminine = first.ends_with('a') && !first.ends_with("ista") && !first.ends_with("ta");
    let lo = first.starts_with(['z', 'x', 'y'])
        || ["gn", "ps", "pn"].iter().any(|p| first.starts_with(p))
        || (first.starts_with('s') && first.chars().nth(1).is_some_and(|c| !"aeiouàèéìòù".contains(c)));
    let article = match (feminine, vowel, lo) {
        (_, true, _) => "l'",
        (true, false, _) => "la ",
        (false, false, true) => "lo ",
        (false, false, false) => "il ",
    };
    format!("{article}{role}")
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{findings, profile};
    use crate::checker::{Attachment, Checker, Draft};
    use crate::i18n::Lang;
    use crate::time::Timestamp;

    fn at(text: &str, send_at: &str, category: Option<&str>) -> Vec<String> {
        let draft = Draft {
            text: text.into(),
            category: category.map(Into::into),
            send_at: Some(send_at.into()),
            ..Default::default()
        };
        let r = Checker::new(profile()).check(&draft, Timestamp(0), Lang::It).unwrap();
        findings(&r, "electoral-period").iter().map(|f| f.text.clone()).collect()
    }

    const PROMO: &str = "Il sindaco Mario Bianchi: abbiamo realizzato la nuova piazza, un altro impegno mantenuto!";

    #[test]
    fn fires_inside_the_period_first_and_last_day_included() {
        let inside = vec!["Mario Bianchi", "abbiamo realizzato", "un altro impegno mantenuto"];
        // 2026-04-20 00:00 in Rome is 2026-04-19 22:00 UTC.
        assert_eq!(at(PROMO, "2026-04-19T22:00:00Z", None), inside);
        assert_eq!(at(PROMO, "2026-05-25T23:59:00+02:00", None), inside);
        assert_eq!(at(PROMO, "2026-05-01T10:00:00+02:00", Some("eventi")), inside);
    }

    #[test]
    fn silent_outside_the_period() {
        assert!(at(PROMO, "2026-04-19T21:59:59Z", None).is_empty());
        assert!(at(PROMO, "2026-05-25T22:00:00Z", None).is_empty());
        assert!(at(PROMO, "2026-11-23T10:00:00+01:00", None).is_empty());
    }

    #[test]
    fn emergencies_deadlines_and_services_pass() {
        let t = "2026-05-04T10:00:00+02:00";
        assert!(at("Allerta meteo arancione: chiusi i parchi.", t, None).is_empty());
        assert!(at("Scadenza TARI il 16 maggio. Uffici aperti 9-12.", t, Some("pubblica-utilita")).is_empty());
        assert!(
            at("Allerta meteo: si comunica che domani le scuole resteranno chiuse.", t, Some("emergenze")).is_empty()
        );
        for notice in [
            "Elezioni del 24 maggio: si vota dalle 7 alle 23. Porta la tessera elettorale e un documento.",
            "L'Ufficio Elettorale è aperto sabato dalle 9 alle 18 per il rilascio delle tessere elettorali.",
            "Voto fuori sede: gli studenti possono presentare domanda entro il 5 maggio.",
            "Chiusura di via Roma per lavori dal 3 al 5 maggio. Percorsi alternativi segnalati.",
            "Pubblicate le liste dei candidati all'albo pretorio.",
            "Scrutatori: la nomina avverrà in seduta pubblica della Commissione elettorale.",
        ] {
            assert!(at(notice, t, Some("pubblica-utilita")).is_empty(), "{notice}: {:?}", at(notice, t, None));
        }
    }

    /// An invitation to take care is the service itself; an invitation to an event is not
    /// indispensable.
    #[test]
    fn invitations_to_care_pass_invitations_to_events_do_not() {
        let t = "2026-05-04T10:00:00+02:00";
        for notice in [
            "Disinfestazione notturna. L'amministrazione invita tutta la cittadinanza alla massima collaborazione.",
            "Allerta arancione: si invita la cittadinanza alla massima prudenza.",
            "Durante il trattamento i cittadini sono invitati a non lasciare animali all'aperto.",
            "Truffe: la cittadinanza è invitata a segnalare ogni sospetto al 112.",
        ] {
            assert!(at(notice, t, None).is_empty(), "{notice}: {:?}", at(notice, t, None));
        }
        for event in [
            "Il Comune invita la cittadinanza alla festa del patrono in piazza.",
            "Sabato la cittadinanza è invitata alla presentazione del nuovo parco.",
        ] {
            assert!(!at(event, t, None).is_empty(), "{event}");
        }
    }

    #[test]
    fn emergencies_are_exempt_from_hours_not_from_par_condicio() {
        let t = "2026-05-04T10:00:00+02:00";
        let text =
            "Ordinanza del sindaco Mario Bianchi: scuole chiuse per neve. Abbiamo deciso di chiudere anche i parchi.";
        assert_eq!(at(text, t, Some("emergenze")), vec!["Mario Bianchi", "Abbiamo"]);
    }

    #[test]
    fn each_finding_names_the_test_it_fails() {
        let t = "2026-05-04T10:00:00+02:00";
        let message = |text: &str| {
            let draft = Draft { text: text.into(), send_at: Some(t.into()), ..Default::default() };
            let r = Checker::new(profile()).check(&draft, Timestamp(0), Lang::It).unwrap();
            findings(&r, "electoral-period").iter().map(|f| f.message.clone()).collect::<Vec<_>>()
        };
        assert!(message("Vogliamo rassicurarvi sulle scuole.")[0].contains("non è in forma impersonale"));
        assert!(message("Il vostro sindaco vi saluta.")[0].contains("non è in forma impersonale"));
        assert!(message("Al via i lavori di bonifica dell'area.")[0].contains("non è indispensabile"));
        assert!(message("Al via i lavori in via Roma: divieto di sosta dalle 8 alle 18.").is_empty());
        assert!(message("Inaugurazione del parco: la cittadinanza è invitata.")[0].contains("non è indispensabile"));
        assert!(message("Sabato incontro con il candidato sindaco.")[0].contains("né impersonale né indispensabile"));
        assert!(message("Il consigliere leghista attacca.")[0].contains("né impersonale né indispensabile"));
        // Sentences from no corpus: the kinds of text AGCOM sanctions, said another way.
        assert!(message("Rendiconto approvato: avanzo di amministrazione di 1,2 milioni.")[0]
            .contains("non è indispensabile"));
        assert!(message("Il Comune invita la cittadinanza alla presentazione del libro, venerdì in biblioteca.")[0]
            .contains("non è indispensabile"));
        assert!(message("Alla festa interverrà la candidata alle regionali Anna Neri.")[0]
            .contains("né impersonale né indispensabile"));
        assert!(message("Il Comune invita la cittadinanza a limitare gli spostamenti per l'allerta.").is_empty());
        assert!(message("Paga la TARI con l'app IO. Ricordiamo la scadenza del 16 giugno.").is_empty());
    }

    #[test]
    fn first_person_by_endings() {
        let words = |t: &str| super::first_person(t).into_iter().map(|r| t[r].to_owned()).collect::<Vec<_>>();
        assert_eq!(
            words("abbiamo fatto e faremo, continueremo; ho deciso io per la nostra citta. andammo"),
            vec!["abbiamo", "faremo", "continueremo", "ho", "io", "andammo"]
        );
        assert!(words("l'estremo saluto, il remo, sono aperti, ci sono posti, si comunica").is_empty());
        assert!(words("ricordiamo di portare la tessera; ci scusiamo per il disagio, terremo informati").is_empty());
    }

    #[test]
    fn roles_take_the_right_article() {
        for (role, expected) in [
            ("sindaco", "il sindaco"),
            ("sindaca", "la sindaca"),
            ("assessore allo sport", "l'assessore allo sport"),
            ("assessora", "l'assessora"),
            ("segretario generale", "il segretario generale"),
            ("segretaria generale", "la segretaria generale"),
            ("presidente del consiglio comunale", "il presidente del consiglio comunale"),
            ("vicesindaco", "il vicesindaco"),
            ("staff del sindaco", "lo staff del sindaco"),
        ] {
            assert_eq!(super::with_article(role), expected);
        }
    }

    #[test]
    fn names_get_the_role_as_fix_and_photos_are_flagged() {
        let draft = Draft {
            text: "Nuovi orari della biblioteca.".into(),
            send_at: Some("2026-05-04T10:00:00+02:00".into()),
            attachments: vec![Attachment {
                kind: "image".into(),
                file_name: "mario_bianchi_taglio.jpg".into(),
                alt_text: String::new(),
            }],
            ..Default::default()
        };
        let r = Checker::new(profile()).check(&draft, Timestamp(0), Lang::It).unwrap();
        let f = findings(&r, "electoral-period");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("mario_bianchi_taglio.jpg"));
        let draft = Draft {
            text: "Parla Mario Bianchi.".into(),
            send_at: Some("2026-05-04T10:00:00+02:00".into()),
            ..Default::default()
        };
        let r = Checker::new(profile()).check(&draft, Timestamp(0), Lang::It).unwrap();
        assert_eq!(findings(&r, "electoral-period")[0].fix.as_deref(), Some("il sindaco"));
        assert_eq!(findings(&r, "electoral-period")[0].source, "L. 28/2000 art. 9");
        let surname = |text: &str| {
            let draft =
                Draft { text: text.into(), send_at: Some("2026-05-04T10:00:00+02:00".into()), ..Default::default() };
            let r = Checker::new(profile()).check(&draft, Timestamp(0), Lang::It).unwrap();
            findings(&r, "electoral-period").iter().map(|f| f.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(surname("Il sindaco Bianchi e MARIO BIANCHI"), vec!["Bianchi", "MARIO BIANCHI"]);
        assert!(surname("Muri bianchi in piazza.").is_empty());
    }
}
