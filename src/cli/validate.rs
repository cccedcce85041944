//! `banditore validate <profile.json>...`: parses and validates each profile, prints every issue
//! as `file: level: $.path: message` and a summary line per file.
//! Exit 0 when every profile is valid (warnings allowed), 1 when any is invalid, 2 on a usage
//! error or an unreadable file.

use std::process::ExitCode;

use banditore::i18n::Lang;
use banditore::profile::{self, IssueLevel, ProfileIssue};
use serde::Serialize;

#[derive(clap::Args)]
#[command(after_help = "\
Esempi / Examples:
  banditore validate pkg-config/*.json
  banditore validate --lang en --format json pkg-config/siracusa.json

Uscita / Exit status: 0 tutti validi (avvisi ammessi) / all valid (warnings allowed);
  1 almeno un profilo non valido / at least one invalid profile;
  2 uso errato o file illeggibile / usage error or unreadable file.")]
pub struct Args {
    /// File di profilo JSON ("-" per lo standard input) / Profile JSON files ("-" for stdin).
    #[arg(required = true, value_name = "PROFILE.json")]
    files: Vec<String>,
    /// Lingua dei messaggi / Message language: it, en.
    #[arg(long, short, default_value = "it")]
    lang: String,
    /// Formato / Format: text, json.
    #[arg(long, short, default_value = "text")]
    format: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// The outcome for one file.
#[derive(Serialize)]
struct FileReport {
    file: String,
    /// `None` when the file could not be read.
    valid: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_error: Option<String>,
    errors: usize,
    warnings: usize,
    issues: Vec<ProfileIssue>,
}

pub fn run(args: Args) -> ExitCode {
    let lang: Lang = match args.lang.parse() {
        Ok(l) => l,
        Err(e) => return usage(&e),
    };
    let format = match args.format.trim().to_ascii_lowercase().as_str() {
        "text" => Format::Text,
        "json" => Format::Json,
        other => return usage(&format!("formato non supportato / unsupported format: {other:?} (text, json)")),
    };
    let reports: Vec<FileReport> = args.files.iter().map(|f| check_file(f)).collect();
    match format {
        Format::Text => reports.iter().for_each(|r| print_text(r, lang)),
        Format::Json => match serde_json::to_string_pretty(&reports) {
            Ok(s) => super::out(&(s + "\n")),
            Err(e) => return usage(&format!("JSON: {e}")),
        },
    }
    ExitCode::from(exit_code(&reports))
}

fn check_file(file: &str) -> FileReport {
    let mut report =
        FileReport { file: file.to_owned(), valid: None, read_error: None, errors: 0, warnings: 0, issues: Vec::new() };
    let text = match super::read_input(file) {
        Ok(t) => t,
        Err(e) => {
            report.read_error = Some(e);
            return report;
        }
    };
    report.issues = match profile::parse(&text) {
        Ok(p) => profile::validate::validate(&p),
        Err(e) => vec![e],
    };
    report.errors = report.issues.iter().filter(|i| i.level == IssueLevel::Error).count();
    report.warnings = report.issues.len() - report.errors;
    report.valid = Some(report.errors == 0);
    report
}

fn print_text(r: &FileReport, lang: Lang) {
    if let Some(e) = &r.read_error {
        eprintln!("{e}");
        return;
    }
    for i in &r.issues {
        super::out(&format!("{}: {}\n", r.file, i.render(lang)));
    }
    super::out(&format!("{}: {}\n", r.file, summary(r, lang)));
}

fn summary(r: &FileReport, lang: Lang) -> String {
    let plural = super::count;
    match lang {
        Lang::It => format!(
            "{} ({}, {})",
            if r.errors == 0 { "valido" } else { "NON valido" },
            plural(r.errors, "errore", "errori"),
            plural(r.warnings, "avviso", "avvisi")
        ),
        Lang::En => format!(
            "{} ({}, {})",
            if r.errors == 0 { "valid" } else { "INVALID" },
            plural(r.errors, "error", "errors"),
            plural(r.warnings, "warning", "warnings")
        ),
    }
}

/// An unreadable file outranks an invalid profile: the run did not check everything asked.
fn exit_code(reports: &[FileReport]) -> u8 {
    if reports.iter().any(|r| r.read_error.is_some()) {
        super::EXIT_USAGE
    } else if reports.iter().any(|r| r.valid == Some(false)) {
        1
    } else {
        0
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(super::EXIT_USAGE)
}
