//! `special-category`: special categories of personal data (GDPR art. 9): health,
//! disability, religion, ethnic origin, sexual orientation, political opinions, union
//! membership, genetic and biometric data. About a person named ("il signor Rossi",
//! "il vicesindaco Giovanni Cavallari") it is an error (or the profile's severity), whatever
//! consent the text claims: health, genetic and biometric data may never be disseminated
//! (D.Lgs. 196/2003 art. 2-septies c. 8), and a public body's ground is a law, not the
//! person's leave. About a person identifiable by circumstances ("un cittadino residente nella
//! frazione di San Martino", "il consigliere", "una persona di famiglia", "il bambino di 8
//! anni") it is a warning. Groups and general advice ("anziani, malati cronici e diabetici",
//! "chi è positivo resta a casa") and the ID-card procedure's "impronte digitali" are not about
//! anyone and pass; a singular condition with nobody around ("un uomo è ricoverato") warns.
//! Terms live in `data/lexicons/special-category.txt`; the profile may add and allow terms.

use std::cell::RefCell;
use std::collections::HashMap;

use super::personal_data::context::{sentences, tie_near, PersonKind};
use super::personal_data::source;
use crate::checker::lexicon::{self, LexMatch};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "special-category";
pub const FAMILY: &str = "special-category";
pub const LAW: &str = "GDPR art. 9";
/// Health, genetic and biometric data may not be disseminated at all.
const LAW_HEALTH: &str = "GDPR art. 9; D.Lgs. 196/2003 art. 2-septies c. 8";

pub struct SpecialCategoryRule;
pub static RULE: SpecialCategoryRule = SpecialCategoryRule;

/// What a lexicon section is about, in both languages.
fn topic(section: &str) -> (&'static str, &'static str) {
    match section {
        "health" => ("sulla salute", "about health"),
        "disability" => ("su una disabilità", "about a disability"),
        "religion" => ("sulle convinzioni religiose", "about religious beliefs"),
        "ethnic-origin" => ("sull'origine etnica", "about ethnic origin"),
        "sexual-orientation" => ("sull'orientamento o la vita sessuale", "about sexual orientation or sex life"),
        "political-opinions" => ("sulle opinioni politiche", "about political opinions"),
        "union-membership" => ("sull'appartenenza sindacale", "about trade-union membership"),
        "genetic" => ("sui dati genetici", "about genetic data"),
        "biometric" => ("sui dati biometrici", "about biometric data"),
        _ => ("", ""),
    }
}

/// Matches of the built-in lexicon and of the profile's extra terms, minus allowed terms.
pub(crate) fn matches(ctx: &Context<'_>, family: &str) -> Vec<LexMatch<'static>> {
    let folded = &ctx.folded.text;
    let mut all = ctx.lexicon(family).to_vec();
    if let Some(extra) = ctx.prepared.extra.get(family) {
        // The profile's terms have no section: they are reported under the family's name.
        all.extend(extra.find_iter(folded).into_iter().map(|m| LexMatch { start: m.start, end: m.end, section: "" }));
    }
    all.retain(|m| !ctx.prepared.is_allowed(family, &folded[m.start..m.end]));
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Overlapping matches from different sections: keep the first, longest one.
    let mut last_end = 0;
    all.retain(|m| {
        let keep = m.start >= last_end;
        if keep {
            last_end = m.end;
        }
        keep
    });
    all
}

/// Who a sensitive match is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tie {
    /// A person named in the sentence or the one before.
    Named,
    /// A person identifiable by circumstances (where they live, their role, their family).
    Described,
    /// Nobody in particular, but the term describes one person's condition.
    Someone,
    /// A group or general advice: "diabetici", "chi è positivo".
    Nobody,
}

/// Whether the matched term is the plural of a term of the same lexicon ("diabetici",
/// "affette da", "disabili"): a group, not someone. Read from the lexicon itself, so every
/// gendered term and every term the comune adds has its plural known without a list.
fn is_plural(lex: &lexicon::Lexicon, term: &str) -> bool {
    let words: Vec<&str> = term.split(' ').collect();
    words.iter().enumerate().any(|(i, w)| {
        let singulars: &[(&str, &str)] = &[
            ("che", "ca"),
            ("ghe", "ga"),
            ("chi", "co"),
            ("ghi", "go"),
            ("i", "o"),
            ("i", "e"),
            ("i", "a"),
            ("e", "a"),
        ];
        singulars.iter().any(|(pl, sg)| {
            let Some(stem) = w.strip_suffix(pl) else { return false };
            if stem.len() < 3 {
                return false;
            }
            let mut candidate: Vec<String> = words.iter().map(|x| (*x).to_owned()).collect();
            candidate[i] = format!("{stem}{sg}");
            let candidate = candidate.join(" ");
            lex.find_iter(&candidate).iter().any(|m| m.start == 0 && m.end == candidate.len())
        })
    })
}

/// Where the text speaks to whoever is in a condition ("chi è positivo", "in caso di febbre")
/// and where a plural noun makes the next words a group's ("donne in gravidanza"): found once
/// per check and looked up by position, so many matches in one long sentence stay linear.
pub(crate) struct GroupCues {
    /// Starts of the general-advice cues, sorted.
    generic: Vec<usize>,
    /// Ends of the group nouns, sorted.
    group_ends: Vec<usize>,
}

impl GroupCues {
    pub(crate) fn new(ctx: &Context<'_>) -> Self {
        let cues = ctx.lexicon("personal-context");
        let generic = cues.iter().filter(|c| c.section == "generic").map(|c| c.start).collect();
        let mut group_ends: Vec<usize> = cues.iter().filter(|c| c.section == "group").map(|c| c.end).collect();
        group_ends.sort_unstable();
        GroupCues { generic, group_ends }
    }

    /// Whether the sentence before folded `at` gives general advice ("chi è positivo").
    fn advice(&self, ctx: &Context<'_>, at: usize) -> bool {
        let scope = sentences(ctx).around(at);
        let i = self.generic.partition_point(|&s| s < scope.start);
        self.generic.get(i).is_some_and(|&s| s < at)
    }

    /// Whether a plural noun stands right before folded `at` ("donne in gravidanza").
    fn group_before(&self, ctx: &Context<'_>, at: usize) -> bool {
        let before = ctx.folded.text[..at].trim_end_matches([' ', ',', ':']).len();
        self.group_ends.binary_search(&before).is_ok()
    }
}

/// The tie of a match: the strongest person near it; else whether it reads as a group (a
/// plural term, a plural noun right before it, general advice). A person near wins over a
/// group: "i pazienti di via Roma positivi al covid" are identifiable.
pub(crate) fn tie(ctx: &Context<'_>, cues: &GroupCues, family: &str, m: &LexMatch<'_>) -> Tie {
    match tie_near(ctx, m.start) {
        Some(PersonKind::Named) => Tie::Named,
        Some(PersonKind::Described) => Tie::Described,
        None => {
            let term = &ctx.folded.text[m.start..m.end];
            let plural = lexicon::builtin(family).is_some_and(|l| is_plural(l, term));
            if plural || cues.group_before(ctx, m.start) || cues.advice(ctx, m.start) {
                Tie::Nobody
            } else {
                Tie::Someone
            }
        }
    }
}

/// What a sensitive finding says: its severity (before the profile's), message and law.
pub(crate) struct Verdict {
    pub severity: Severity,
    pub message: Msg,
    pub law: &'static str,
}

/// Reports every match of a sensitive family (art. 9, art. 10). `judge(match, tie)` words the
/// finding, or returns `None` to leave the match alone. An error takes the profile's severity
/// for the family and a removal fix.
pub(crate) fn report_sensitive(
    ctx: &Context<'_>,
    out: &mut Vec<RawFinding>,
    (id, family): (&'static str, &str),
    judge: impl Fn(&LexMatch<'_>, Tie) -> Option<Verdict>,
) {
    let found = matches(ctx, family);
    if found.is_empty() {
        return;
    }
    let cues = GroupCues::new(ctx);
    for m in found {
        let Some(v) = judge(&m, tie(ctx, &cues, family, &m)) else { continue };
        let range = ctx.original(m.start, m.end);
        let src = source(ctx, family, v.law);
        out.push(if v.severity == Severity::Error {
            RawFinding::new(id, ctx.policy_severity(family).unwrap_or(Severity::Error), range, v.message, src)
                .with_fix("[dato rimosso]")
        } else {
            RawFinding::new(id, v.severity, range, v.message, src)
        });
    }
}

/// Whether the sentence around folded `at` or the one before claims the person's consent
/// ("con il suo consenso", "su sua autorizzazione"): the finding then says why that does not
/// help. Remembered per sentence: a long sentence with many matches is read once.
fn claims_consent(ctx: &Context<'_>, seen: &RefCell<HashMap<usize, bool>>, at: usize) -> bool {
    let scope = sentences(ctx).with_previous(at);
    *seen.borrow_mut().entry(scope.start).or_insert_with(|| {
        let s = &ctx.folded.text[scope];
        ["consenso", "autorizzazione", "ha autorizzato", "autorizzato a", "su sua richiesta", "con il suo permesso"]
            .iter()
            .any(|c| s.contains(c))
    })
}

impl Rule for SpecialCategoryRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let consent_seen = RefCell::new(HashMap::new());
        report_sensitive(ctx, out, (ID, FAMILY), |m, tie| {
            // A term the comune added has no topic: then the message names none.
            let (it_topic, en_topic) = match topic(m.section) {
                ("", _) => (String::new(), String::new()),
                (it, en) => (format!(" {it}"), format!(" {en}")),
            };
            if m.section == "political-opinions" && is_voter_of_the_roll(ctx, m) {
                return None;
            }
            let never_public = matches!(m.section, "health" | "disability" | "genetic" | "biometric");
            let law = if never_public { LAW_HEALTH } else { LAW };
            // The ID card's fingerprints and the like describe a procedure, not someone.
            let procedural = matches!(m.section, "biometric" | "genetic");
            let (severity, message) = match tie {
                Tie::Nobody => return None,
                Tie::Someone if procedural => return None,
                Tie::Named => {
                    let (consent_it, consent_en) = if claims_consent(ctx, &consent_seen, m.start) {
                        (
                            " Il consenso dell'interessato non rende il canale il luogo per questo dato: un ente pubblico tratta dati particolari solo per legge, e quelli sulla salute non si diffondono mai.",
                            " The person's consent does not make the channel the place for it: a public body processes special-category data only on a legal ground, and health data is never disseminated.",
                        )
                    } else {
                        ("", "")
                    };
                    (
                        Severity::Error,
                        Msg::new(
                            format!("Dato particolare (art. 9 GDPR){it_topic} di una persona nominata: non va diffuso. Togli il dato o il riferimento alla persona.{consent_it}"),
                            format!("Special-category data (GDPR art. 9){en_topic} of a named person: it must not be published. Remove the data or the reference to the person.{consent_en}"),
                        ),
                    )
                }
                Tie::Described => (
                    Severity::Warning,
                    Msg::new(
                        format!("Dato particolare (art. 9 GDPR){it_topic} di una persona riconoscibile dal contesto (luogo, ruolo, famiglia): in un comune basta per sapere chi è. Togli il dato o i dettagli che la identificano."),
                        format!("Special-category data (GDPR art. 9){en_topic} of a person recognisable from the context (place, role, family): in a comune that is enough to tell who. Remove the data or the identifying details."),
                    ),
                ),
                Tie::Someone => (
                    Severity::Warning,
                    Msg::new(
                        format!("Possibile dato particolare (art. 9 GDPR){it_topic}: verifica che nessuno sia riconoscibile dal contesto, oppure riformula in modo neutro."),
                        format!("Possible special-category data (GDPR art. 9){en_topic}: make sure nobody can be recognised from the context, or reword it neutrally."),
                    ),
                ),
            };
            Some(Verdict { severity, message, law })
        });
    }
}
/// "elettore di" tells a vote only before a party or a side ("elettore di Forza Italia"); before
/// a verb or a place it is the voter on the electoral roll of every election notice ("consente
/// all'elettore di recarsi al seggio", "elettrice di Modena").
fn is_voter_of_the_roll(ctx: &Context<'_>, m: &LexMatch<'_>) -> bool {
    let term = &ctx.folded.text[m.start..m.end];
    if !(term.starts_with("elett") && term.ends_with(" di")) {
        return false;
    }
    let political = ctx.lexicon("political");
    let k = political.partition_point(|p| p.start < m.end);
    !political[k..]
        .iter()
        .take_while(|p| p.start <= m.end + 1)
        .any(|p| matches!(p.section, "party" | "party-adjective" | "side"))
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, check_with, findings, profile};
    use crate::profile::Severity;

    fn special(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn about_a_named_person_is_an_error() {
        assert_eq!(
            special("Il signor Rossi è ricoverato all'ospedale di Monza."),
            vec![("ricoverato".into(), Severity::Error)]
        );
        assert_eq!(
            special("Mario Rossi, positivo al Covid, è in quarantena."),
            vec![("positivo al Covid".into(), Severity::Error), ("in quarantena".into(), Severity::Error)]
        );
        assert_eq!(
            special("Ieri è caduta la sig.ra Verdi. Ora è RICOVERATA."),
            vec![("RICOVERATA".into(), Severity::Error)]
        );
        // Office holders too: their health is theirs.
        assert_eq!(
            special("Il vicesindaco Giovanni Cavallari è risultato positivo al tampone."),
            vec![("risultato positivo al tampone".into(), Severity::Error)]
        );
    }

    #[test]
    fn the_voter_on_the_roll_is_not_a_political_opinion() {
        for notice in [
            "Il trasporto al seggio è gratuito quando un impedimento non consente all'elettore di recarsi al seggio da solo.",
            "Mario Rossi, elettore di Concorezzo, può votare fuori sede.",
        ] {
            assert!(findings(&check(notice), "special-category").is_empty(), "{notice}");
        }
        assert_eq!(
            special("Mario Rossi, elettore di Forza Italia, è stato visto al gazebo."),
            vec![("elettore di".into(), Severity::Error)]
        );
    }

    #[test]
    fn consent_claimed_in_the_text_changes_nothing() {
        let r = check("Il consigliere Luca Neri, con il suo consenso, comunica di essere positivo al Covid.");
        let f = findings(&r, super::ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.contains("consenso"), "{}", f[0].message);
    }

    #[test]
    fn about_a_person_identifiable_by_circumstances_is_a_warning() {
        for (t, term) in [
            ("La residente di via Manzoni è disabile.", "disabile"),
            ("Il bambino di 8 anni è affetto da una grave malattia.", "affetto da"),
            ("Un 45enne di fede musulmana", "di fede musulmana"),
            (
                "Positività al Covid-19 di un cittadino residente nella frazione di San Martino, già in quarantena domiciliare.",
                "Positività al Covid",
            ),
            ("Il consigliere è risultato positivo al tampone.", "risultato positivo al tampone"),
            ("Ho avuto conferma della positività al Covid di una persona di famiglia.", "positività al Covid"),
            ("Un funzionario comunale è in quarantena nel proprio domicilio.", "in quarantena"),
            ("Il ragazzo di Pietrelcina è ricoverato da ieri.", "ricoverato"),
            ("I pazienti di via Roma positivi al covid sono a casa.", "positivi al covid"),
            ("Il tampone ha dato esito positivo: tutti i familiari sono in quarantena.", "in quarantena"),
        ] {
            let found = special(t);
            assert!(!found.is_empty(), "{t}");
            assert!(found.iter().all(|(_, s)| *s == Severity::Warning), "{t}: {found:?}");
            assert_eq!(found[0].0, term, "{t}");
        }
    }

    #[test]
    fn someone_alone_warns_and_groups_and_advice_pass() {
        assert_eq!(
            special("Un uomo è stato ricoverato dopo l'incidente."),
            vec![("ricoverato".into(), Severity::Warning)]
        );
        for t in [
            "Si raccomanda di non uscire nelle ore calde a bambini, anziani, malati cronici, cardiopatici e diabetici.",
            "Soggetti a rischio: bambini, anziani e persone affette da patologie.",
            "Due persone sono ricoverate dopo l'incidente.",
            "Posti riservati a chi è in sedia a rotelle.",
            "Vaccino gratuito per le categorie a rischio: persone con più di 65 anni, donne in gravidanza.",
            "Chi è positivo o in quarantena non deve differenziare i rifiuti.",
            "Per i minori di 12 anni è richiesta la presenza per la firma e l'impronta digitale.",
            "La CIE contiene i dati biometrici del titolare: foto e impronte digitali.",
            "Lunedì: utenze non domestiche RSU dalle 9:00.",
        ] {
            assert!(special(t).is_empty(), "{t}: {:?}", special(t));
        }
    }

    #[test]
    fn findings_cite_the_policy_and_the_law_and_offer_a_fix() {
        let r = check("Il signor Rossi è ricoverato.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!(f.source, "Disciplinare Esempio art. 4.4; GDPR art. 9; D.Lgs. 196/2003 art. 2-septies c. 8");
        assert_eq!(f.fix.as_deref(), Some("[dato rimosso]"));
        assert!(f.message.contains("art. 9"));
    }

    #[test]
    fn office_holders_and_services_are_not_people_described() {
        for t in [
            "Il sindaco Mario Bianchi ha visitato il reparto.",
            "Campagna di vaccinazione antinfluenzale per gli over 65 presso la Casa della Comunità.",
            "Screening gratuito per la prevenzione in piazza Roma.",
            "Via Giuseppe Garibaldi chiusa per lavori.",
        ] {
            assert!(special(t).iter().all(|(_, s)| *s != Severity::Error), "{t}: {:?}", special(t));
        }
    }

    #[test]
    fn profile_extra_and_allowed_terms() {
        let mut p = profile();
        p.checker.extra_terms.insert("special-category".into(), vec!["celiaco".into()]);
        p.checker.allowed_terms.insert("special-category".into(), vec!["in quarantena".into()]);
        let r = check_with(&p, "Il signor Rossi è celiaco ed è in quarantena.");
        let f: Vec<_> = findings(&r, super::ID).iter().map(|f| f.text.clone()).collect();
        assert_eq!(f, ["celiaco"]);
    }
}
