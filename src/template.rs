//! A starting profile for a new comune: one of the seed comuni's profiles with every fact that
//! belongs to that comune taken out (its name, addresses, numbers, people, dates, link), or an
//! empty one. What the new comune must supply is left as a placeholder («DA COMPILARE: …», which
//! validation reports as an error) or empty (which validation reports as missing); the policy's
//! own rules (articles, categories, forbidden content, hours, art. 13 wording) are kept, with the
//! seed's name replaced. `banditore new` and the builder (www/crea/) both use it.

use crate::profile::validate::placeholders::placeholder;
use crate::profile::{Channel, Comune, HelpContact, InstitutionalContacts, Party, Profile};

/// What the new comune tells before starting; any may be blank (it then stays a placeholder).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Short name, e.g. "Roccafittizia".
    pub name: String,
    /// Province code, e.g. "MB".
    pub province: String,
    /// Institutional website, e.g. "https://www.comune.roccafittizia.mb.it".
    pub website: String,
}

/// The seed's policy, made a starting point for the comune in `facts`.
///
/// The seed is cloned and every field is then either rewritten or emptied here, so that a field
/// the model gains later is carried over from the seed rather than breaking this function.
pub fn from_seed(seed: &Profile, facts: &Facts) -> Profile {
    let rw = Rewriter::new(seed, facts);
    let texts = |v: &mut Vec<String>| v.iter_mut().for_each(|s| *s = rw.text(s));
    let name = facts.name.trim();
    let official_name =
        if name.is_empty() { placeholder("nome ufficiale del Comune") } else { format!("Comune di {name}") };
    let website = filled(&facts.website, "sito istituzionale (https://…)");
    let mut p = seed.clone();
    p.translations = Default::default(); // they translate the seed comune's texts

    p.id = if name.is_empty() { placeholder("identificativo, es. mio-comune") } else { slug(name) };
    p.comune = Comune {
        name: filled(name, "nome del Comune"),
        official_name: official_name.clone(),
        province: filled(&facts.province, "sigla della provincia, es. MB"),
        website: website.clone(),
        ..Comune::default()
    };

    let policy = &mut p.policy;
    policy.title = rw.text(&policy.title);
    // The act is the new comune's: same kind of act, number and date to come.
    policy.approval.number.clear();
    policy.approval.date.clear();
    policy.social_policy_url.clear();
    policy.url.clear();
    for a in &mut policy.articles {
        a.title = rw.text(&a.title);
        texts(&mut a.paragraphs);
    }

    // The platform's provider, its transfers, encryption and the supervisory authority are the
    // platform's and the law's facts, not the seed comune's: they stay.
    let privacy = &mut p.privacy;
    privacy.controller = Party { name: official_name, url: website, ..Party::default() };
    privacy.dpo = Party::default();
    texts(&mut privacy.purposes);
    privacy.legal_basis_note = rw.text(&privacy.legal_basis_note);
    privacy.retention = rw.text(&privacy.retention);
    texts(&mut privacy.recipients);
    privacy.informativa_url.clear();

    p.channels.iter_mut().for_each(|c| channel(c, &rw));
    p.audience.description = rw.text(&p.audience.description);
    for c in &mut p.categories {
        c.label = rw.text(&c.label);
        c.description = rw.text(&c.description);
    }
    for f in &mut p.forbidden {
        f.label = rw.text(&f.label);
        f.description = rw.text(&f.description);
    }
    if let Some(h) = &mut p.service_hours {
        h.note = rw.text(&h.note);
    }
    // The seed's elections are not the new comune's.
    p.electoral_periods.clear();
    p.management.responsible = rw.text(&p.management.responsible);
    texts(&mut p.management.roles);
    p.management.delegates.clear();
    p.help = HelpContact::default();
    p.institutional_contacts = InstitutionalContacts {
        domains: host(&facts.website).into_iter().collect(),
        ..InstitutionalContacts::default()
    };
    // Local place names and single findings belong to the seed comune.
    p.checker.ignore.clear();
    p.checker.allowed_terms.clear();
    p.notes = vec![format!(
        "Profilo di partenza ricavato dal modello di {} (banditore new): sostituire ogni segnaposto (DA COMPILARE) e completare i dati mancanti che la validazione segnala.",
        crate::informativa::display_comune(seed).bare
    )];
    p
}

/// An empty profile: the structure with nothing filled in but what the law fixes (the Garante,
/// optional provision) and the defaults the model has. Read from JSON so that it follows the
/// model's own defaults.
pub fn empty() -> Profile {
    const EMPTY: &str = r#"{
        "$schema": "./profile.schema.json",
        "id": "",
        "comune": { "name": "", "province": "" },
        "policy": { "title": "", "articles": [] },
        "privacy": {
            "controller": {},
            "purposes": [],
            "legal_basis": "consent",
            "retention": "",
            "end_to_end_encrypted": false,
            "provision_optional": true,
            "supervisory_authority": { "name": "Garante per la protezione dei dati personali", "url": "https://www.garanteprivacy.it" }
        },
        "channels": [ { "kind": "whatsapp-channel", "invite_url": "" } ],
        "audience": { "kind": "citizens" },
        "categories": [],
        "forbidden": [],
        "management": { "responsible": "" },
        "help": {},
        "platform": { "max_message_length": 65536 }
    }"#;
    // A constant the tests parse: it cannot fail at run time.
    crate::profile::parse(EMPTY).unwrap_or_else(|e| unreachable!("the empty profile is valid JSON for the model: {e}"))
}

/// Takes the seed comune's facts out of a channel: its link or number goes, its wording stays.
fn channel(c: &mut Channel, rw: &Rewriter) {
    match c {
        Channel::WhatsappChannel { name, invite_url, info_url, leave_instructions, .. } => {
            *name = rw.text(name);
            // Empty, not a placeholder: a comune may adopt the policy before opening the channel;
            // the widget then says the link is not published yet.
            invite_url.clear();
            info_url.clear();
            *leave_instructions = rw.text(leave_instructions);
        }
        Channel::WhatsappBroadcast { name, number, leave_instructions, .. } => {
            *name = rw.text(name);
            *number = placeholder("numero WhatsApp del Comune, es. +39…");
            *leave_instructions = rw.text(leave_instructions);
        }
        Channel::TelegramChannel { name, url, leave_instructions, .. } => {
            *name = rw.text(name);
            url.clear();
            *leave_instructions = rw.text(leave_instructions);
        }
        Channel::WhatsappGroup { name, invite_url, .. } => {
            *name = rw.text(name);
            invite_url.clear();
        }
        Channel::TelegramGroup { name, url, .. } => {
            *name = rw.text(name);
            url.clear();
        }
    }
}

fn filled(value: &str, what: &str) -> String {
    if value.trim().is_empty() {
        placeholder(what)
    } else {
        value.trim().to_owned()
    }
}

/// "Sesto Calende" -> "sesto-calende"; accents folded, anything else a dash.
pub fn slug(name: &str) -> String {
    let folded = crate::text::lower_latin(name.trim());
    let mut out = String::new();
    for c in folded.chars() {
        let c = match c {
            'à' | 'á' | 'â' => 'a',
            'è' | 'é' | 'ê' => 'e',
            'ì' | 'í' | 'î' => 'i',
            'ò' | 'ó' | 'ô' => 'o',
            'ù' | 'ú' | 'û' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The host of an http(s) URL or bare domain, without "www.": "comune.seveso.mb.it".
fn host(url: &str) -> Option<String> {
    let s = url.trim();
    let s = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s);
    let h = s.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h).to_owned();
    (h.contains('.') && !h.contains(['@', ' '])).then_some(h)
}

/// Takes the seed comune's facts out of a text of its policy.
struct Rewriter {
    /// The seed's name (e.g. "Seveso") and what replaces it.
    name: (String, String),
    /// The seed's hosts ("comune.seveso.mb.it"), from its website and institutional domains.
    hosts: Vec<String>,
    new_website: Option<String>,
    /// The seed's office holders and delegates, named in its texts.
    people: Vec<String>,
}

impl Rewriter {
    fn new(seed: &Profile, facts: &Facts) -> Self {
        let mut hosts: Vec<String> = host(&seed.comune.website).into_iter().collect();
        hosts.extend(seed.institutional_contacts.domains.iter().filter_map(|d| host(d)));
        let new_name =
            if facts.name.trim().is_empty() { placeholder("nome del Comune") } else { facts.name.trim().to_owned() };
        let mut people: Vec<String> =
            seed.institutional_contacts.office_holders.iter().map(|o| o.name.trim().to_owned()).collect();
        people.extend(seed.management.delegates.iter().map(|d| d.trim().to_owned()));
        people.retain(|p| p.split_whitespace().count() >= 2);
        Rewriter {
            name: (seed.comune.name.trim().to_owned(), new_name),
            hosts,
            new_website: (!facts.website.trim().is_empty())
                .then(|| facts.website.trim().trim_end_matches('/').to_owned()),
            people,
        }
    }

    fn text(&self, s: &str) -> String {
        let s = self.addresses(s);
        let s = phone_numbers(&s);
        let s = self.people.iter().fold(s, |s, p| replace_ci(&s, p, |_| placeholder("nome e carica")));
        if self.name.0.is_empty() {
            return s;
        }
        replace_ci(&s, &self.name.0, |found| {
            let upper = found.chars().any(char::is_alphabetic) && !found.chars().any(char::is_lowercase);
            if upper && !self.name.1.starts_with(crate::profile::validate::placeholders::MARK) {
                self.name.1.to_uppercase()
            } else {
                self.name.1.clone()
            }
        })
    }

    /// E-mail addresses become placeholders (another comune's mailbox is never guessed); links to
    /// the seed's site become the new site when they are its home page, a placeholder otherwise.
    fn addresses(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for (i, word) in s.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let core_start = word.find(|c: char| !matches!(c, '(' | '«' | '"' | '\'')).unwrap_or(word.len());
            let core_end = word
                .rfind(|c: char| !matches!(c, '.' | ',' | ';' | ':' | ')' | '»' | '"' | '\''))
                .map_or(core_start, |j| j + word[j..].chars().next().map_or(1, char::len_utf8))
                .max(core_start);
            let core = &word[core_start..core_end];
            let replacement = if is_email(core) {
                Some(placeholder("indirizzo e-mail"))
            } else if is_join_link(core) {
                Some(placeholder("collegamento al canale"))
            } else if let Some(h) =
                host(core).filter(|h| self.hosts.iter().any(|seed| h == seed || h.ends_with(&format!(".{seed}"))))
            {
                let _ = h;
                let bare = core.trim_end_matches('/');
                let path_less = !bare.trim_start_matches("https://").trim_start_matches("http://").contains('/');
                match (&self.new_website, path_less) {
                    (Some(site), true) if core.starts_with("http") => Some(site.clone()),
                    (Some(site), true) => {
                        Some(site.trim_start_matches("https://").trim_start_matches("http://").to_owned())
                    }
                    _ => Some(placeholder("indirizzo della pagina sul sito del Comune")),
                }
            } else {
                None
            };
            match replacement {
                Some(r) => {
                    out.push_str(&word[..core_start]);
                    out.push_str(&r);
                    out.push_str(&word[core_end..]);
                }
                None => out.push_str(word),
            }
        }
        out
    }
}

/// A link to one comune's channel, list or chat (its invite is the seed's, not the new comune's);
/// the platforms' own pages (privacy policies, guides) are not.
fn is_join_link(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.");
    ["whatsapp.com/channel/", "chat.whatsapp.com/", "wa.me/", "t.me/", "telegram.me/"]
        .iter()
        .any(|p| rest.starts_with(p))
}

fn is_email(s: &str) -> bool {
    s.split_once('@').is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.') && !domain.ends_with('.'))
}

/// Phone numbers (8 or more digits, maybe after "+", in groups split by one space, dot or dash)
/// become placeholders: "366.5784663", "+39 039 1234567", "800299507".
fn phone_numbers(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit() || (b[i] == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + usize::from(b[i] == b'+');
        let mut digits = 0;
        let mut end = j;
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits += 1;
                j += 1;
                end = j;
            } else if matches!(b[j], b' ' | b'.' | b'-') && b.get(j + 1).is_some_and(u8::is_ascii_digit) && digits > 0 {
                j += 1;
            } else {
                break;
            }
        }
        if digits >= 8 && !b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            out.push_str(&s[copied..i]);
            out.push_str(&placeholder("numero di telefono"));
            copied = end;
        }
        i = end.max(i + 1);
    }
    out.push_str(&s[copied..]);
    out
}

/// Replaces every ASCII-case-insensitive occurrence of `needle` with `with(found)`.
fn replace_ci(s: &str, needle: &str, with: impl Fn(&str) -> String) -> String {
    if needle.is_empty() {
        return s.to_owned();
    }
    let (hay, n) = (s.as_bytes(), needle.as_bytes());
    let mut out = String::with_capacity(s.len());
    let (mut i, mut copied) = (0, 0);
    while i + n.len() <= hay.len() {
        if hay[i..i + n.len()].eq_ignore_ascii_case(n) && s.is_char_boundary(i) && s.is_char_boundary(i + n.len()) {
            out.push_str(&s[copied..i]);
            out.push_str(&with(&s[i..i + n.len()]));
            i += n.len();
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> Profile {
        let text = std::fs::read_to_string(format!("{}/pkg-config/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        crate::profile::parse(&text).unwrap()
    }

    fn facts() -> Facts {
        Facts {
            name: "Roccafittizia".into(),
            province: "MB".into(),
            website: "https://www.comune.roccafittizia.mb.it".into(),
        }
    }

    fn all_texts(p: &Profile) -> Vec<String> {
        use crate::profile::json::texts::Texts;
        let mut v = Vec::new();
        p.texts(&crate::profile::json::Path::Root, &mut |_, s| v.push(s.to_owned()));
        v
    }

    #[test]
    fn no_fact_of_the_seed_comune_survives() {
        for (id, name, facts_of_seed) in [
            ("seveso", "Seveso", &["comune.seveso.mb.it"][..]),
            ("concorezzo", "Concorezzo", &["5784663", "comunicazione@", "Capitanio"][..]),
            (
                "siracusa",
                "Siracusa",
                &["800299507", "legalmail", "sportello.cittadino@", "0029Vau1S7v3mFY6qWhRCg1N"][..],
            ),
            ("leini", "Lein", &[][..]),
            ("sesto-calende", "Sesto Calende", &["info@"][..]),
        ] {
            let p = from_seed(&seed(id), &facts());
            for t in all_texts(&p) {
                if t.starts_with("Profilo di partenza") {
                    continue;
                }
                assert!(!t.to_lowercase().contains(&name.to_lowercase()), "{id}: {t}");
                for f in facts_of_seed {
                    assert!(!t.contains(f), "{id}: {f} in {t}");
                }
            }
            assert_eq!(p.comune.official_name, "Comune di Roccafittizia");
            assert_eq!(p.id, "roccafittizia");
            assert_eq!(p.policy.articles.len(), seed(id).policy.articles.len());
        }
    }

    #[test]
    fn the_name_keeps_the_case_it_had() {
        let p = from_seed(&seed("seveso"), &facts());
        assert!(p.policy.articles[0].paragraphs[0].starts_with("1. Il Comune di ROCCAFITTIZIA intende"));
        assert!(p.policy.articles[1].paragraphs.iter().any(|s| s.contains("www.comune.roccafittizia.mb.it")));
    }

    #[test]
    fn without_facts_every_gap_is_a_placeholder_that_validation_reports() {
        let p = from_seed(&seed("concorezzo"), &Facts::default());
        let issues = crate::profile::validate::validate(&p);
        let holes: Vec<_> = issues.iter().filter(|i| i.message.it.starts_with("segnaposto")).collect();
        for path in ["$.id", "$.comune.name", "$.comune.website", "$.channels[0].number"] {
            assert!(holes.iter().any(|i| i.path == path), "{path}: {issues:#?}");
        }
        // One issue per placeholder path: no "not an https URL" beside "to fill in".
        assert_eq!(issues.iter().filter(|i| i.path == "$.comune.website").count(), 1);
    }

    #[test]
    fn filled_in_it_validates() {
        for id in ["seveso", "leini", "siracusa", "sesto-calende"] {
            let p = from_seed(&seed(id), &facts());
            let errors: Vec<_> = crate::profile::validate::validate(&p)
                .into_iter()
                .filter(|i| i.level == crate::profile::IssueLevel::Error)
                .filter(|i| !i.message.it.starts_with("segnaposto"))
                .collect();
            assert!(errors.is_empty(), "{id}: {errors:#?}");
        }
    }

    #[test]
    fn phone_numbers_and_slugs() {
        let ph = placeholder("numero di telefono");
        assert_eq!(phone_numbers("al numero 366.5784663."), format!("al numero {ph}."));
        assert_eq!(phone_numbers("tel. +39 039 1234567 o 800299507"), format!("tel. {ph} o {ph}"));
        assert_eq!(
            phone_numbers("Reg. (UE) 2016/679 del 20/03/2026, art. 13"),
            "Reg. (UE) 2016/679 del 20/03/2026, art. 13"
        );
        assert_eq!(slug("Sesto Calende"), "sesto-calende");
        assert_eq!(slug(" Leinì "), "leini");
    }

    #[test]
    fn any_text_is_rewritten_without_panicking() {
        let mut seed = seed("concorezzo");
        let nasty = [
            "",
            " ",
            "(",
            "«»",
            "@",
            "a@",
            "@b.",
            "+",
            "+3",
            "1 2 3 4 5 6 7 8",
            "366.5784663🙂",
            "🙂366 5784663",
            "Concorezzò",
            "CONCOREZZO",
            "concorezzo.",
            "http://",
            "https://www.comune.concorezzo.mb.it/x?y=1).",
            "(www.comune.concorezzo.mb.it)",
            "e\u{301}@x.it",
            "a\r\nb\tc",
            "«DA COMPILARE",
        ];
        seed.policy.articles[0].paragraphs = nasty.iter().map(|s| s.to_string()).collect();
        for facts in [facts(), Facts::default(), Facts { name: "Sant'Angelo d'Alife".into(), ..Facts::default() }] {
            let p = from_seed(&seed, &facts);
            assert_eq!(p.policy.articles[0].paragraphs.len(), nasty.len());
            let _ = crate::profile::validate::validate(&p);
        }
        let p = from_seed(&seed, &facts());
        let paras = &p.policy.articles[0].paragraphs;
        assert_eq!(paras[12], "Concorezzò", "another word, kept");
        assert_eq!(paras[13], "ROCCAFITTIZIA");
        assert_eq!(paras[14], "Roccafittizia.");
        assert_eq!(paras[16], format!("{}).", placeholder("indirizzo della pagina sul sito del Comune")));
        assert_eq!(paras[17], "(www.comune.roccafittizia.mb.it)");
        assert_eq!(paras[10], format!("{}🙂", placeholder("numero di telefono")));
    }

    #[test]
    fn the_empty_profile_parses_back() {
        let json = serde_json::to_string(&empty()).unwrap();
        assert_eq!(crate::profile::parse(&json).unwrap(), empty());
    }
}
