//! `banditore informativa --profile P [--lang it|en] [--format text|html|markdown] [--channel N]`:
//! the art. 13 privacy notice from the profile, with the same code the citizen widget uses.

use std::process::ExitCode;

use banditore::consent::{joinable_channels, primary_channel};
use banditore::i18n::Lang;
use banditore::informativa::{self, Format};

#[derive(clap::Args)]
pub struct Args {
    /// Il file del profilo (o "-" per lo standard input) / The profile file ("-" for stdin).
    #[arg(long, short)]
    profile: String,
    /// Lingua / Language: it, en.
    #[arg(long, short, default_value = "it")]
    lang: String,
    /// Formato / Format: text, markdown, html (HTML escaped).
    #[arg(long, short, default_value = "text")]
    format: String,
    /// Il canale (indice in `channels`, dal primo a senso unico) / The channel (index in `channels`;
    /// default: the first one-way channel). The notice names the channel's platform and data.
    #[arg(long, short)]
    channel: Option<usize>,
}

pub fn run(args: Args) -> ExitCode {
    let lang: Lang = match args.lang.parse() {
        Ok(l) => l,
        Err(e) => return usage(&e),
    };
    let format: Format = match args.format.parse() {
        Ok(f) => f,
        Err(e) => return usage(&e),
    };
    let (profile, _warnings) = match super::load_profile(&args.profile) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let channel = match args.channel {
        None => primary_channel(&profile).map(|(_, c)| c),
        Some(i) => match joinable_channels(&profile).find(|&(j, _)| j == i) {
            Some((_, c)) => Some(c),
            None => {
                let ok: Vec<String> = joinable_channels(&profile).map(|(j, c)| format!("{j} ({})", c.kind())).collect();
                return usage(&format!(
                    "--channel {i}: nessun canale a senso unico con questo indice (ammessi: {list}) / no one-way channel at this index (allowed: {list})",
                    list = ok.join(", ")
                ));
            }
        },
    };
    super::out(&informativa::render(&informativa::build(&profile, channel, lang), format, lang));
    ExitCode::SUCCESS
}

fn usage(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(super::EXIT_USAGE)
}
