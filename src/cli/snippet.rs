//! `banditore snippet --profile P [--lang it|en] [--src URL] [--profile-url URL]`: the HTML a
//! comune pastes in its page. The element's content is the fallback shown until the widget is
//! ready and kept when JavaScript or WebAssembly is unavailable (progressive enhancement): the
//! policy and the informativa come first, and the join link only when both can be linked, so
//! that no page ever offers the channel without its notice.

use std::process::ExitCode;

use banditore::consent::{join, primary_channel};
use banditore::i18n::Lang;
use banditore::profile::Profile;

#[derive(clap::Args)]
#[command(after_help = "\
Esempio / Example:
  banditore snippet --profile pkg-config/seveso.json --profile-url /profiles/seveso.json")]
pub struct Args {
    /// Il file del profilo / The profile file ("-" for stdin).
    #[arg(long, short)]
    profile: String,
    /// Lingua / Language: it, en.
    #[arg(long, short, default_value = "it")]
    lang: String,
    /// Dove il sito serve il widget / Where the site serves the widget's script.
    #[arg(long, default_value = "/banditore/banditore-iscrizione.js")]
    src: String,
    /// Dove il sito serve il profilo / Where the site serves the profile (default: /banditore/<id>.json).
    #[arg(long)]
    profile_url: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let lang: Lang = match args.lang.parse() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    let (profile, _) = match super::load_profile(&args.profile) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let profile_url = args.profile_url.clone().unwrap_or_else(|| format!("/banditore/{}.json", profile.id));
    let (html, missing) = snippet(&profile, lang, &args.src, &profile_url);
    if let Some((it, en)) = missing {
        eprintln!("avviso: {it} / warning: {en}");
    }
    super::out(&html);
    ExitCode::SUCCESS
}

/// The snippet, and why it has no join link when it has none.
pub fn snippet(profile: &Profile, lang: Lang, src: &str, profile_url: &str) -> (String, Option<(String, String)>) {
    let it = lang == Lang::It;
    let t = |a: &'static str, b: &'static str| if it { a } else { b };
    let comune = banditore::informativa::display_comune(profile);
    let https = |u: &str| u.trim().starts_with("https://").then(|| u.trim().to_owned());
    let policy = https(&profile.policy.url);
    let informativa = https(&profile.privacy.informativa_url);
    let joined = primary_channel(profile).and_then(|(i, c)| {
        let j = join(c, &format!("$.channels[{i}]"), c.name(), &comune.bare, lang).ok()?;
        j.available.then_some((j.primary.url, j.title))
    });

    let mut lines = vec![format!(
        "<banditore-iscrizione profile=\"{}\" lang=\"{}\">",
        esc(profile_url),
        if it { "it" } else { "en" }
    )];
    lines.push("  <div class=\"banditore-fallback\">".into());
    lines.push(format!("    <p><strong>{}</strong></p>", esc(&comune.bare)));
    let link = |url: &str, text: &str| format!("<a href=\"{}\">{}</a>", esc(url), esc(text));
    let mut missing = None;
    match (&policy, &informativa) {
        (Some(p), Some(i)) => {
            lines.push(format!(
                "    <p>{} {} {} {}.</p>",
                t("Prima di iscriverti leggi", "Before joining, read"),
                link(p, t("il disciplinare del canale", "the channel's policy")),
                t("e", "and"),
                link(i, t("l'informativa sul trattamento dei dati personali", "the privacy notice")),
            ));
            match &joined {
                Some((url, title)) => lines.push(format!("    <p>{}</p>", link(url, title))),
                None => {
                    missing = Some((
                        "il canale non ha ancora un link di iscrizione".into(),
                        "the channel has no join link yet".into(),
                    ))
                }
            }
        }
        _ => {
            let mut which = Vec::new();
            if policy.is_none() {
                which.push(("policy.url", "disciplinare", "policy"));
            }
            if informativa.is_none() {
                which.push(("privacy.informativa_url", "informativa", "privacy notice"));
            }
            let fields: Vec<&str> = which.iter().map(|w| w.0).collect();
            missing = Some((
                format!(
                    "senza una pagina https per {} ({}) il contenuto di riserva non mostra il link di iscrizione",
                    which.iter().map(|w| w.1).collect::<Vec<_>>().join(" e "),
                    fields.join(", ")
                ),
                format!(
                    "without an https page for the {} ({}) the fallback content shows no join link",
                    which.iter().map(|w| w.2).collect::<Vec<_>>().join(" and "),
                    fields.join(", ")
                ),
            ));
            for (url, text) in [
                (&policy, t("Il disciplinare del canale", "The channel's policy")),
                (&informativa, t("L'informativa privacy", "The privacy notice")),
            ] {
                if let Some(u) = url {
                    lines.push(format!("    <p>{}</p>", link(u, text)));
                }
            }
        }
    }
    if missing.is_some() {
        lines.push(format!(
            "    <p>{}</p>",
            t(
                "Il modulo di iscrizione al canale richiede un browser con JavaScript e WebAssembly attivi.",
                "The form to join the channel needs a browser with JavaScript and WebAssembly enabled."
            )
        ));
    }
    if let Some(site) = https(&profile.comune.website) {
        lines.push(format!(
            "    <p>{}</p>",
            link(&site, t("Sito istituzionale del Comune", "The comune's official website"))
        ));
    }
    lines.push("  </div>".into());
    lines.push("</banditore-iscrizione>".into());
    lines.push(format!("<script type=\"module\" src=\"{}\"></script>", esc(src)));
    (lines.join("\n") + "\n", missing)
}

/// HTML text and attribute escaping (the informativa's renderer has its own, private).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}
