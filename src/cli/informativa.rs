//! `banditore informativa --profile P [--lang it|en] [--format text|html|markdown]`: the art. 13
//! privacy notice from the profile, with the same code the citizen widget uses.

use std::process::ExitCode;

use banditore::consent::primary_channel;
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
    let channel = primary_channel(&profile).map(|(_, c)| c);
    print!("{}", informativa::render(&informativa::build(&profile, channel, lang), format, lang));
    ExitCode::SUCCESS
}

fn usage(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(super::EXIT_USAGE)
}
