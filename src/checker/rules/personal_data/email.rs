//! `personal-data.email`: e-mail addresses of private people.
//!
//! Fine: the comune's own domains and their subdomains, its listed addresses (PEC, help
//! desk, DPO), public administrations' domains. A personal mailbox provider (gmail,
//! libero...) is an error; a role mailbox elsewhere (info@, segreteria@) is info; any other
//! address is a warning, since it may well name a person.

mod spelled;

use std::ops::Range;

use super::{lex, personal_source};
use crate::checker::scan::{self, Cursor};
use crate::checker::{Context, RawFinding, Rule};
use crate::i18n::Msg;
use crate::profile::Severity;

pub const ID: &str = "personal-data.email";

pub struct EmailRule;
pub static RULE: EmailRule = EmailRule;

/// E-mail addresses: `[A-Za-z0-9][A-Za-z0-9._%+\-]*@` and a domain (see [`domain_end`]).
pub fn addresses(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    scan::find_iter(text, first_address)
}

/// The first address starting at or after `from`. Every address has an '@' and the local
/// part cannot contain one, so the search goes from '@' to '@': the address around the first
/// one (if its domain matches) starts before any address around a later one.
fn first_address(text: &str, from: usize) -> Option<Range<usize>> {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let bytes = text.as_bytes();
    let mut next = from;
    while let Some(i) = text[next..].find('@') {
        let at = next + i;
        // The local part: the run of its characters before the '@', from its first letter or digit.
        let run = bytes[next..at].iter().rev().take_while(|&&b| local(b)).count();
        if let Some(start) = (at - run..at).find(|&s| bytes[s].is_ascii_alphanumeric()) {
            if let Some(end) = domain_end(text, at + 1) {
                return Some(start..end);
            }
        }
        next = at + 1;
    }
    None
}

/// Where the domain starting at `pos` ends, as regex matches
/// `L(?:\.L)*\.[A-Za-z]{2,}` with labels `L = [A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?`.
///
/// Labels are greedy and cannot contain a dot, so each is the whole run of letters, digits and
/// hyphens up to its last letter or digit; the repetition takes as many dotted labels as there
/// are, then backs off until a dot is followed by at least two letters: the top-level domain is
/// the letters at the start of the last dotted label that has two.
fn domain_end(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // The end of the label at `at`: after its last letter or digit. One cut before trailing
    // hyphens is followed by a hyphen, so the dotted labels stop there.
    let label = |at: usize| {
        let mut c = Cursor::new(text, at);
        if !c.eat_n(1, |b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let run = at + 1 + c.eat_while(|b| b.is_ascii_alphanumeric() || b == b'-');
        (at + 1..=run).rev().find(|&e| bytes[e - 1] != b'-')
    };
    let mut end = label(pos)?;
    let mut tld_end = None;
    while bytes.get(end) == Some(&b'.') {
        let Some(next_end) = label(end + 1) else { break };
        let letters = Cursor::new(text, end + 1).eat_while(|b| b.is_ascii_alphabetic());
        if letters >= 2 {
            tld_end = Some(end + 1 + letters);
        }
        end = next_end;
    }
    tld_end
}

/// Whether `domain` is `base` or one of its subdomains.
fn within(domain: &str, base: &str) -> bool {
    let base = base.trim().trim_start_matches("www.").to_ascii_lowercase();
    !base.is_empty() && (domain == base || domain.ends_with(&format!(".{base}")))
}

fn host(url: &str) -> &str {
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.split(['/', '?', '#', ':']).next().unwrap_or("")
}

/// The comune's own addresses and domains.
fn is_own(ctx: &Context<'_>, address: &str, domain: &str) -> bool {
    let p = ctx.profile;
    let c = &p.institutional_contacts;
    let listed = c.emails.iter().chain([
        &p.comune.pec,
        &p.help.email,
        &p.privacy.controller.email,
        &p.privacy.controller.pec,
        &p.privacy.dpo.email,
        &p.privacy.dpo.pec,
    ]);
    listed.into_iter().any(|e| e.trim().eq_ignore_ascii_case(address))
        || c.domains.iter().any(|d| within(domain, d))
        || within(domain, host(&p.comune.website))
}

/// Public administrations: a listed suffix ("gov.it", "inps.it") or a whole label that marks a
/// public body on .it ("comune.seveso.mb.it").
pub fn is_public_administration(domain: &str) -> bool {
    let lex = lex("email-domains");
    let whole_label = |s: usize, e: usize| {
        (s == 0 || domain.as_bytes()[s - 1] == b'.') && (e == domain.len() || domain.as_bytes()[e] == b'.')
    };
    lex.find_iter(domain).iter().any(|m| match m.section {
        "pa-suffix" => m.end == domain.len() && whole_label(m.start, m.end),
        "pa-label" => domain.ends_with(".it") && whole_label(m.start, m.end),
        _ => false,
    })
}

fn is_consumer(domain: &str) -> bool {
    lex("email-domains")
        .find_iter(domain)
        .iter()
        .any(|m| m.section == "consumer" && m.start == 0 && m.end == domain.len())
}

fn is_role(local: &str) -> bool {
    let first = local.split(['.', '_', '-', '+']).next().unwrap_or(local);
    [local, first]
        .iter()
        .any(|part| lex("email-roles").find_iter(part).iter().any(|m| m.start == 0 && m.end == part.len()))
}

/// "m***@gmail.com": the first letter and the domain stay readable.
fn masked(local: &str, domain: &str) -> String {
    let first: String = local.chars().take(1).collect();
    format!("{first}***@{domain}")
}

impl Rule for EmailRule {
    fn ids(&self) -> &'static [&'static str] {
        &[ID]
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<RawFinding>) {
        let written = addresses(ctx.text).map(|m| (m.clone(), ctx.text[m].to_owned()));
        // Spelled out ("mario (at) gmail.com"): those the plain scan did not find.
        let spelled = spelled::Spelled::new(ctx.text).into_iter().flat_map(|sp| {
            addresses(&sp.text)
                .map(|m| (sp.to_original(ctx.text, m.clone()), sp.text[m].to_owned()))
                .filter(|(r, a)| ctx.text[r.clone()] != *a)
                .collect::<Vec<_>>()
        });
        for (m, address) in written.chain(spelled) {
            let Some((local, domain)) = address.rsplit_once('@') else { continue };
            let domain = domain.to_ascii_lowercase();
            // A disguised address only reads as the comune's (link.suspicious reports it).
            let exempt = || is_own(ctx, &address, &domain) || is_public_administration(&domain);
            if !ctx.disguised(m.clone()) && exempt() {
                continue;
            }
            let (severity, it, en) = if is_consumer(&domain) && !is_role(&local.to_ascii_lowercase()) {
                (
                    Severity::Error,
                    "Indirizzo e-mail personale: è un dato personale e non va diffuso sul canale. Indica una casella del Comune.",
                    "A personal e-mail address is personal data and must not be broadcast. Give one of the comune's mailboxes instead.",
                )
            } else if is_role(&local.to_ascii_lowercase()) {
                (
                    Severity::Info,
                    "Casella di un ufficio o di un servizio esterno al Comune: verifica che sia corretto indicarla.",
                    "A mailbox of an office or service outside the comune: make sure it is right to give it.",
                )
            } else {
                (
                    Severity::Warning,
                    "Indirizzo e-mail che non è del Comune né di una pubblica amministrazione: se identifica una persona è un dato personale.",
                    "An e-mail address that is neither the comune's nor a public body's: if it identifies a person, it is personal data.",
                )
            };
            out.push(
                RawFinding::new(ID, severity, m, Msg::new(it, en), personal_source(ctx))
                    .with_fix(masked(local, &domain)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::testing::{check, findings};
    use crate::profile::Severity;

    fn emails(text: &str) -> Vec<(String, Severity)> {
        findings(&check(text), super::ID).iter().map(|f| (f.text.clone(), f.severity)).collect()
    }

    #[test]
    fn personal_mailboxes_are_errors() {
        assert_eq!(
            emails("Scrivere a mario.rossi@gmail.com entro lunedì."),
            vec![("mario.rossi@gmail.com".into(), Severity::Error)]
        );
        assert_eq!(
            emails("Iscrizioni: anna_verdi76@Libero.it"),
            vec![("anna_verdi76@Libero.it".into(), Severity::Error)]
        );
        let r = check("Contatto: mario.rossi@gmail.com.");
        let f = &findings(&r, super::ID)[0];
        assert_eq!(f.text, "mario.rossi@gmail.com");
        assert_eq!(f.fix.as_deref(), Some("m***@gmail.com"));
    }

    #[test]
    fn other_domains_warn_and_role_mailboxes_inform() {
        assert_eq!(emails("Referente: g.neri@studioneri.it"), vec![("g.neri@studioneri.it".into(), Severity::Warning)]);
        assert_eq!(
            emails("Iscrizioni: info@prolocoesempio.it"),
            vec![("info@prolocoesempio.it".into(), Severity::Info)]
        );
    }

    #[test]
    fn the_comunes_and_public_bodies_addresses_are_fine() {
        for t in [
            "Scrivere a tributi@comune.esempio.mb.it o a protocollo@pec.comune.esempio.mb.it.",
            "Ufficio Anagrafe: anagrafe@comune.esempio.mb.it",
            "Biblioteca: biblioteca@servizi.comune.esempio.mb.it",
            "Info: comunicazione@comune.esempio.mb.it",
            "PEC: protocollo@pec.comune.seveso.mb.it; INPS: direzione.monza@inps.it; scuola: mbic812006@istruzione.it",
            "Prefettura: protocollo.prefmb@pec.interno.gov.it; Provincia: provincia-mb@pec.provincia.mb.it",
        ] {
            assert!(emails(t).is_empty(), "{t}: {:?}", emails(t));
        }
    }

    #[test]
    fn addresses_spelled_out_are_found_where_they_are_written() {
        for (t, want) in [
            ("Scrivere a mario.rossi (at) gmail.com entro lunedì.", "mario.rossi (at) gmail.com"),
            ("Iscrizioni: anna_verdi76[at]libero[dot]it", "anna_verdi76[at]libero[dot]it"),
            ("Scrivete a mario.rossi chiocciola gmail punto com.", "mario.rossi chiocciola gmail punto com"),
            ("Contatto: mario.rossi @ gmail.com", "mario.rossi @ gmail.com"),
        ] {
            let r = check(t);
            let f = findings(&r, super::ID);
            assert_eq!(f.len(), 1, "{t}: {:?}", r.findings);
            assert_eq!((f[0].text.as_str(), f[0].severity), (want, Severity::Error), "{t}");
            assert_eq!(
                f[0].fix.as_deref().map(|x| x.ends_with("***@gmail.com") || x.ends_with("***@libero.it")),
                Some(true)
            );
        }
        // The comune's own, spelled out, is still the comune's; ordinary words are not addresses.
        assert!(emails("Scrivere a tributi (at) comune.esempio.mb.it").is_empty());
        assert!(emails("Ritrovo al punto di raccolta at the station, punto com").is_empty());
    }

    #[test]
    fn a_lookalike_of_the_comunes_domain_is_not_the_comune() {
        assert_eq!(emails("Scrivere a mario@comune.esempio.mb.it.evil.com").len(), 1);
        assert_eq!(emails("Scrivere a mario@xcomune.esempio.mb.it").len(), 1);
    }

    #[test]
    fn finds_what_the_regex_it_replaces_found() {
        let alphabet =
            ["mario", "a", "9", ".it", ".c", "x-1", ".", "-", "_", "%+", "@", "@b", "@gmail.com", " ", "é", "😀"];
        crate::checker::scan::testing::assert_finds_like(
            r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}",
            &alphabet,
            |t| super::addresses(t).collect(),
        );
    }
}
