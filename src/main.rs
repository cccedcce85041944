//! The `banditore` command line: validate profiles, render the informativa, check drafts.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

/// Banditore: il banditore del comune. Profili, informativa e controllo dei messaggi
/// per i canali WhatsApp/Telegram istituzionali.
#[derive(Parser)]
#[command(name = "banditore", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Valida uno o più profili di comune / Validate one or more comune profiles.
    Validate(cli::validate::Args),
    /// Stampa l'informativa art. 13 GDPR dal profilo / Render the art. 13 GDPR notice.
    Informativa(cli::informativa::Args),
    /// Controlla un messaggio prima dell'invio / Check a draft before sending.
    Check(cli::check::Args),
    /// Crea un profilo di partenza da un modello / Write a starting profile from a template.
    New(cli::new::Args),
    /// Il disciplinare o l'informativa come documento (HTML, ODT) / The disciplinare or the
    /// informativa as a document (HTML, ODT).
    Document(cli::document::Args),
    /// Stampa il JSON Schema dei profili / Print the profiles' JSON Schema.
    Schema,
    /// Stampa il codice HTML da incollare, con il contenuto di riserva / Print the embed HTML with its fallback content.
    Snippet(cli::snippet::Args),
    /// Revisione del disciplinare e impronte del contenuto / Policy revision and content hashes.
    Revision(cli::revision::Args),
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match args.command {
        Command::Validate(a) => cli::validate::run(a),
        Command::Informativa(a) => cli::informativa::run(a),
        Command::Check(a) => cli::check::run(a),
        Command::New(a) => cli::new::run(a),
        Command::Document(a) => cli::document::run(a),
        Command::Schema => cli::schema::run(),
        Command::Snippet(a) => cli::snippet::run(a),
        Command::Revision(a) => cli::revision::run(a),
    }
}
