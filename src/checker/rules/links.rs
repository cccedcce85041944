//! Links: insecure (`http://`), shortened, suspicious (IP hosts, punycode, `user@host`,
//! executables, `javascript:`/`data:`) and outside the comune's and the PA's domains.
//! A link a citizen cannot trust undermines the channel itself: the seeds forbid
//! fraudulent content and malware (Concorezzo art. 4 lett. f-g).

use std::sync::OnceLock;

use super::urls::{self, Url};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::{Channel, Profile, Severity};

pub struct LinkRules;

pub static RULE: LinkRules = LinkRules;

const INSECURE: &str = "link.insecure";
const SHORTENER: &str = "link.shortener";
const SUSPICIOUS: &str = "link.suspicious";
const UNTRUSTED: &str = "link.untrusted-domain";

/// AgID's guidelines require HTTPS on PA sites; the malware ban is in the seeds' content lists.
const SOURCE_HTTPS: &str = "Linee guida AgID di design per i siti web della PA (HTTPS)";
const SOURCE_MALWARE: &str = "Misure minime di sicurezza ICT per le PA (AgID, circ. 2/2017)";

/// File extensions that install or run software.
const EXECUTABLES: &[&str] = &[
    ".exe", ".apk", ".msi", ".bat", ".scr", ".cmd", ".com", ".jar", ".vbs", ".ps1", ".pif", ".dmg", ".pkg", ".app",
    ".xapk", ".sh", ".js", ".hta", ".lnk", ".iso",
];

fn domain_list(data: &'static str) -> Vec<&'static str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect()
}

fn shorteners() -> &'static [&'static str] {
    static CELL: OnceLock<Vec<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| domain_list(include_str!("../../../data/lexicons/shorteners.txt")))
}

fn trusted_patterns() -> &'static [&'static str] {
    static CELL: OnceLock<Vec<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| domain_list(include_str!("../../../data/lexicons/trusted-domains.txt")))
}

/// `pattern` (labels, `*` as a glob inside one label) matches the host or one of its parents.
fn matches_pattern(host: &str, pattern: &str) -> bool {
    // Label by label from the right, without collecting: asked for every link and pattern.
    let mut h = host.rsplit('.');
    pattern.rsplit('.').all(|pl| h.next().is_some_and(|hl| glob(hl, pl)))
}

fn glob(label: &str, pattern: &str) -> bool {
    match pattern.split_once('*') {
        None => label == pattern,
        Some((pre, post)) => {
            !label.is_empty()
                && label.len() >= pre.len() + post.len()
                && label.starts_with(pre)
                && label.ends_with(post)
        }
    }
}

/// The comune's own hosts: its domains and the hosts of every URL its profile publishes.
fn own_hosts(profile: &Profile) -> Vec<String> {
    let c = &profile.comune;
    let mut hosts: Vec<String> =
        profile.institutional_contacts.domains.iter().map(|d| d.trim().to_ascii_lowercase()).collect();
    let mut urls = vec![&c.website, &c.albo_pretorio_url, &c.amministrazione_trasparente_url, &profile.policy.url];
    urls.extend([&profile.policy.social_policy_url, &profile.privacy.informativa_url, &profile.help.url]);
    for ch in &profile.channels {
        match ch {
            Channel::WhatsappChannel { invite_url, info_url, .. } => urls.extend([invite_url, info_url]),
            Channel::TelegramChannel { url, .. } => urls.push(url),
            _ => {}
        }
    }
    hosts.extend(urls.into_iter().filter_map(|u| urls::host_of(u)));
    // "www.comune.x.it" trusts "comune.x.it" and its other subdomains too.
    hosts.iter_mut().for_each(|h| {
        if let Some(bare) = h.strip_prefix("www.") {
            *h = bare.to_owned();
        }
    });
    hosts.retain(|h| !h.is_empty());
    hosts
}

/// Whether a host belongs to the comune, the public administration or the channel's platform.
pub fn is_trusted(profile: &Profile, host: &str) -> bool {
    trusted_by(&own_hosts(profile), host)
}

/// [`is_trusted`] with the comune's own hosts worked out once, for a message with many links.
fn trusted_by(own: &[String], host: &str) -> bool {
    own.iter().any(|d| urls::host_is_within(host, d)) || trusted_patterns().iter().any(|p| matches_pattern(host, p))
}

/// Whether a host is one of the comune's own.
pub fn is_own(profile: &Profile, host: &str) -> bool {
    own_hosts(profile).iter().any(|d| urls::host_is_within(host, d))
}

/// Whether any of `links` is on one of the comune's own hosts (worked out once for them all).
pub fn any_own(profile: &Profile, links: &[Url<'_>]) -> bool {
    let own = own_hosts(profile);
    links.iter().any(|u| own.iter().any(|d| urls::host_is_within(&u.host, d)))
}

fn is_ip_literal(host: &str) -> bool {
    host.contains(':')
        || (host.split('.').count() == 4
            && host.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
        || (!host.is_empty() && host.bytes().all(|b| b.is_ascii_digit()))
}

/// Why a link is suspicious, if it is.
fn suspicion(url: &Url<'_>) -> Option<Msg> {
    if matches!(url.scheme.as_str(), "javascript" | "data" | "vbscript") {
        return Some(Msg::new(
            format!("Link «{}:»: esegue codice o contiene dati nascosti invece di aprire una pagina.", url.scheme),
            format!("A “{}:” link runs code or embeds hidden data instead of opening a page.", url.scheme),
        ));
    }
    if let Some(user) = url.userinfo {
        return Some(Msg::new(
            format!(
                "Il link contiene «{user}@»: il vero indirizzo è {}, non quello che si legge prima della @.",
                url.host
            ),
            format!("The link contains “{user}@”: the real address is {}, not what comes before the @.", url.host),
        ));
    }
    if is_ip_literal(&url.host) {
        return Some(Msg::new(
            "Il link punta a un indirizzo IP numerico invece che a un dominio riconoscibile.",
            "The link points to a numeric IP address instead of a recognisable domain.",
        ));
    }
    if url.host.split('.').any(|l| l.starts_with("xn--")) || !url.host.is_ascii() {
        return Some(Msg::new(
            "Il dominio usa caratteri internazionali (punycode «xn--»): può imitare un sito noto con lettere simili.",
            "The domain uses international characters (punycode “xn--”): it may imitate a known site with look-alike letters.",
        ));
    }
    let path = url.path.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    if let Some(ext) = EXECUTABLES.iter().find(|e| path.ends_with(*e)) {
        return Some(Msg::new(
            format!("Il link scarica un programma ({ext}): il canale non deve far installare software."),
            format!("The link downloads a program ({ext}): the channel must not make people install software."),
        ));
    }
    None
}

/// A link or address written with invisible chars or letters of other alphabets drawn like
/// Latin ones: it reads as one address and leads to another.
pub fn disguise() -> Msg {
    Msg::new(
        "Contiene caratteri invisibili o lettere di altri alfabeti che imitano quelle latine: porta a un indirizzo diverso da quello che si legge.",
        "It contains invisible characters or letters of other alphabets that look like Latin ones: it leads somewhere other than what it reads as.",
    )
}

fn is_shortener(host: &str) -> bool {
    shorteners().iter().any(|d| urls::host_is_within(host, d))
}

impl Rule for LinkRules {
    fn ids(&self) -> &'static [&'static str] {
        &[INSECURE, SHORTENER, SUSPICIOUS, UNTRUSTED]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let malware_source = ctx.policy_source(SUSPICIOUS, SOURCE_MALWARE);
        // Worked out once per check, and once per host: a message may hold thousands of links.
        let own = own_hosts(ctx.profile);
        let mut hosts: std::collections::HashMap<String, (bool, bool)> = std::collections::HashMap::new();
        // Addresses are scanned again only when something in the text was read differently from
        // how it is written: otherwise none can be disguised.
        let disguised_addresses = (!ctx.normalised.is_as_written())
            .then(|| super::personal_data::email::addresses(ctx.text).filter(|m| ctx.disguised(m.clone())))
            .into_iter()
            .flatten();
        for m in disguised_addresses {
            let severity = ctx.policy_severity(SUSPICIOUS).unwrap_or(Severity::Error);
            out.push(RawFinding::new(SUSPICIOUS, severity, m, disguise(), malware_source.clone()));
        }
        for url in urls::find(ctx.text) {
            let range = url.range.clone();
            if let Some(why) = suspicion(&url).or_else(|| ctx.disguised(range.clone()).then(disguise)) {
                let severity = ctx.policy_severity(SUSPICIOUS).unwrap_or(Severity::Error);
                out.push(RawFinding::new(SUSPICIOUS, severity, range.clone(), why, malware_source.clone()));
                // A suspicious link needs removing, not polishing.
                continue;
            }
            if url.scheme == "http" {
                let fix = format!("https://{}", &url.text["http://".len()..]);
                out.push(
                    RawFinding::new(
                        INSECURE,
                        Severity::Warning,
                        range.clone(),
                        Msg::new(
                            "Link non sicuro (http://): usa https:// così nessuno può alterare la pagina lungo il percorso.",
                            "Insecure link (http://): use https:// so nobody can tamper with the page on the way.",
                        ),
                        SOURCE_HTTPS,
                    )
                    .with_fix(fix),
                );
            }
            let (shortened, trusted) = *hosts
                .entry(url.host.clone())
                .or_insert_with(|| (is_shortener(&url.host), trusted_by(&own, &url.host)));
            if shortened {
                out.push(RawFinding::new(
                    SHORTENER,
                    Severity::Warning,
                    range.clone(),
                    Msg::new(
                        format!(
                            "Link accorciato ({}): chi legge non vede dove porta. Metti il link completo.",
                            url.host
                        ),
                        format!("Shortened link ({}): readers cannot see where it leads. Use the full link.", url.host),
                    ),
                    // Hiding the destination is a security matter, not the malware the comune's
                    // policy bans: the comune's article only if it names one for this rule.
                    ctx.policy_source(SHORTENER, SOURCE_MALWARE),
                ));
            } else if !trusted {
                out.push(RawFinding::new(
                    UNTRUSTED,
                    Severity::Info,
                    range,
                    Msg::new(
                        format!("{} non è un dominio del Comune né della Pubblica Amministrazione: verifica che il sito sia affidabile.", url.host),
                        format!("{} is neither the comune's nor a public administration domain: check that the site is trustworthy.", url.host),
                    ),
                    ctx.policy_source(UNTRUSTED, SOURCE_MALWARE),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, check_with, findings, profile};

    fn rules_for(text: &str) -> Vec<String> {
        let r = check(text);
        r.findings.iter().filter(|f| f.rule.starts_with("link.")).map(|f| format!("{} {}", f.rule, f.text)).collect()
    }

    #[test]
    fn http_links_get_an_https_fix() {
        let r = check("Info su http://www.comune.esempio.mb.it/tari.");
        let f = findings(&r, "link.insecure");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "http://www.comune.esempio.mb.it/tari");
        assert_eq!(f[0].fix.as_deref(), Some("https://www.comune.esempio.mb.it/tari"));
        assert!(findings(&r, "link.untrusted-domain").is_empty());
    }

    #[test]
    fn shorteners_of_every_kind() {
        for l in ["https://bit.ly/3xYz", "tinyurl.com/abc", "https://t.co/x1", "goo.gl/maps/x", "is.gd/a", "ow.ly/b"] {
            let found = rules_for(&format!("Iscriviti qui {l} ora"));
            assert_eq!(found, vec![format!("link.shortener {l}")], "{l}");
        }
        assert!(rules_for("Vedi https://robit.ly.example.it/x").iter().all(|f| !f.starts_with("link.shortener")));
    }

    #[test]
    fn suspicious_links() {
        for l in [
            "http://192.168.10.4/login",
            "https://[2001:db8::1]/a",
            "https://xn--comun-esempio-7kb.it/pagamento",
            "https://www.c\u{43e}mune.esempio.mb.it/tari",
            "https://comune.esempio.mb.it@evil.example.com/pago",
            "https://download.example.com/app-comune.apk",
            "https://example.com/Modulo.EXE",
            "https://example.com/setup.msi?x=1",
            "https://example.com/x.bat",
            "https://example.com/foto.scr",
            "javascript:alert(document.cookie)",
            "data:text/html;base64,PHNjcmlwdD4=",
        ] {
            let r = check(&format!("Apri {l} subito"));
            let f = findings(&r, "link.suspicious");
            assert_eq!(f.len(), 1, "{l}: {:?}", r.findings);
            assert_eq!(f[0].text, l);
            assert_eq!(f[0].severity, crate::profile::Severity::Error);
            assert!(!r.can_send);
        }
    }

    #[test]
    fn links_and_addresses_disguised_with_look_alikes_or_invisible_chars() {
        for l in [
            "https://www.c\u{43e}mune.esempio.mb.it/tari",
            "https://www.comune.esempi\u{3bf}.mb.it/tari",
            "https://www.comune\u{200b}.esempio.mb.it/tari",
            "https://www.ｃomune.esempio.mb.it/tari",
            "www.comune.esempio.mb.\u{456}t/tari",
        ] {
            let r = check(&format!("Pagate su {l} entro oggi."));
            let f = findings(&r, "link.suspicious");
            assert_eq!(f.len(), 1, "{l}: {:?}", r.findings);
            assert_eq!(f[0].text, l);
            assert!(!r.can_send);
        }
        for a in [
            "tributi@c\u{43e}mune.esempio.mb.it",
            "tributi@comune.esempio.mb.\u{456}t",
            "tributi@comune\u{ad}.esempio.mb.it",
        ] {
            let r = check(&format!("Scrivete a {a} per il rimborso."));
            let f = findings(&r, "link.suspicious");
            assert_eq!(f.len(), 1, "{a}: {:?}", r.findings);
            assert_eq!(f[0].text, a);
            assert!(!findings(&r, "personal-data.email").is_empty(), "not exempt as the comune's: {a}");
        }
        // Written plainly, the same addresses are the comune's own.
        let r = check("Pagate su https://www.comune.esempio.mb.it/tari o scrivete a tributi@comune.esempio.mb.it.");
        assert!(
            findings(&r, "link.suspicious").is_empty() && findings(&r, "personal-data.email").is_empty(),
            "{:?}",
            r.findings
        );
    }

    #[test]
    fn trusted_and_untrusted_domains() {
        for l in [
            "https://www.comune.esempio.mb.it/albo-pretorio",
            "https://pec.comune.esempio.mb.it",
            "https://www.agenziaentrate.gov.it/portale",
            "https://www.comune.milano.it",
            "https://www.regione.lombardia.it/bandi",
            "https://checkout.pagopa.it/",
            "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
            "https://www.inps.it",
            "https://www.usa.gov",
        ] {
            assert!(rules_for(&format!("Vedi {l} per i dettagli.")).is_empty(), "{l}");
        }
        let r = check("Biglietti su https://www.ticketone.it/concerto e www.comunefalso.it.");
        let f = findings(&r, "link.untrusted-domain");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].severity, crate::profile::Severity::Info);
        assert!(f[0].message.contains("www.ticketone.it"));
    }

    #[test]
    fn domain_patterns() {
        assert!(super::matches_pattern("www.comune.milano.it", "comune.*.it"));
        assert!(super::matches_pattern("aslroma1.it", "asl*.it"));
        assert!(!super::matches_pattern("comunex.milano.it", "comune.*.it"));
        assert!(!super::matches_pattern("gov.it.evil.com", "*.gov.it"));
    }

    #[test]
    fn a_shortener_or_an_unknown_domain_is_not_cited_as_the_comunes_malware_or_fraud_ban() {
        let mut p = profile();
        for (id, source) in [("fraud", "art. 4 lett. f"), ("link.suspicious", "art. 4 lett. g")] {
            p.forbidden.push(crate::profile::ForbiddenContent {
                id: id.into(),
                label: id.into(),
                description: String::new(),
                severity: crate::profile::Severity::Error,
                source: source.into(),
            });
        }
        let r = check_with(&p, "Iscrizioni su https://bit.ly/abc e su https://www.eventbrite.it/e/123");
        assert_eq!(findings(&r, "link.shortener")[0].source, super::SOURCE_MALWARE);
        assert_eq!(findings(&r, "link.untrusted-domain")[0].source, super::SOURCE_MALWARE);
        let r = check_with(&p, "Vedi http://192.168.1.1/premio.exe");
        assert_eq!(findings(&r, "link.suspicious")[0].source, "Disciplinare Esempio art. 4 lett. g");
    }
}
