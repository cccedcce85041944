//! `banditore document --profile P --kind disciplinare|informativa --format html|odt [--out F]`:
//! the disciplinare for the Giunta's deliberation or the informativa as a page of its own, as
//! HTML for print (A4) or OpenDocument text.

use std::io::IsTerminal;
use std::process::ExitCode;

use banditore::document::{self, html, odt, Kind};
use banditore::i18n::Lang;

#[derive(clap::Args)]
#[command(after_help = "\
Esempi / Examples:
  banditore document --profile pkg-config/seveso.json --kind disciplinare --format odt --out disciplinare.odt
  banditore document --profile pkg-config/siracusa.json --kind informativa --format html > informativa.html")]
pub struct Args {
    /// Il file del profilo (o "-" per lo standard input) / The profile file ("-" for stdin).
    #[arg(long, short)]
    profile: String,
    /// Documento / Document: disciplinare, informativa.
    #[arg(long, short)]
    kind: String,
    /// Formato / Format: html (per la stampa, A4 / for print), odt.
    #[arg(long, short, default_value = "html")]
    format: String,
    /// Lingua dell'informativa / The informativa's language: it, en (il disciplinare è in italiano).
    #[arg(long, short, default_value = "it")]
    lang: String,
    /// Il file da scrivere (altrimenti lo standard output) / The file to write (default: stdout).
    #[arg(long, short)]
    out: Option<String>,
    /// Anche da un profilo con errori (bozza, segnaposto compresi) / Also from a profile with
    /// errors (a draft, placeholders included).
    #[arg(long)]
    draft: bool,
}

pub fn run(args: Args) -> ExitCode {
    let kind: Kind = match args.kind.parse() {
        Ok(k) => k,
        Err(e) => return usage(&e),
    };
    let lang: Lang = match args.lang.parse() {
        Ok(l) => l,
        Err(e) => return usage(&e),
    };
    let odt_format = match args.format.trim().to_ascii_lowercase().as_str() {
        "html" => false,
        "odt" => true,
        other => return usage(&format!("formato non supportato / unsupported format: {other:?} (html, odt)")),
    };
    let profile = if args.draft {
        let text = match super::read_input(&args.profile) {
            Ok(t) => t,
            Err(e) => return usage(&e),
        };
        match banditore::profile::parse(&text) {
            Ok(p) => p,
            Err(e) => return usage(&format!("{}: {e}", args.profile)),
        }
    } else {
        match super::load_profile(&args.profile) {
            Ok((p, _)) => p,
            Err(code) => return code,
        }
    };
    let doc = document::build(&profile, kind, lang);
    let bytes = if odt_format {
        match odt::write(&doc) {
            Ok(b) => b,
            Err(e) => return usage(&e.to_string()),
        }
    } else {
        html::page(&doc).into_bytes()
    };
    match &args.out {
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => usage(&format!("{path}: {e}")),
        },
        None if odt_format && std::io::stdout().is_terminal() => usage(
            "un file ODT non si stampa sul terminale: usare --out F / an ODT file is not for the terminal: use --out F",
        ),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(141),
                Err(e) => usage(&format!("stdout: {e}")),
            }
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(super::EXIT_USAGE)
}
