//! `banditore new --template seveso --out pkg-config/mio-comune.json [--name N --province MB
//! --website URL]`: a starting profile from one of the seed comuni's policies (or an empty one),
//! with every fact of the seed comune taken out and marked «DA COMPILARE: …» where the new comune
//! must supply it. `banditore validate` then lists each placeholder left as an error.

use std::process::ExitCode;

use banditore::profile::{self, IssueLevel};
use banditore::template::{self, Facts};

/// The seed profiles, built into the binary so that `new` works from any directory.
const TEMPLATES: [(&str, &str); 5] = [
    ("seveso", include_str!("../../pkg-config/seveso.json")),
    ("leini", include_str!("../../pkg-config/leini.json")),
    ("concorezzo", include_str!("../../pkg-config/concorezzo.json")),
    ("siracusa", include_str!("../../pkg-config/siracusa.json")),
    ("sesto-calende", include_str!("../../pkg-config/sesto-calende.json")),
];

#[derive(clap::Args)]
#[command(after_help = "\
Modelli / Templates: seveso, leini, concorezzo, siracusa, sesto-calende, vuoto (empty).

Esempio / Example:
  banditore new --template seveso --name Roccafittizia --province MB \\
      --website https://www.comune.roccafittizia.mb.it --out pkg-config/roccafittizia.json
  banditore validate pkg-config/roccafittizia.json   # elenca i «DA COMPILARE» rimasti")]
pub struct Args {
    /// Il modello di partenza / The template: a seed comune's id or "vuoto" (empty).
    #[arg(long, short)]
    template: String,
    /// Il file da scrivere (altrimenti lo standard output) / The file to write (default: stdout).
    #[arg(long, short)]
    out: Option<String>,
    /// Nome del nuovo Comune / The new comune's short name, e.g. "Roccafittizia".
    #[arg(long, default_value = "")]
    name: String,
    /// Sigla della provincia / Province code, e.g. MB.
    #[arg(long, default_value = "")]
    province: String,
    /// Sito istituzionale / Institutional website (https://…).
    #[arg(long, default_value = "")]
    website: String,
    /// Sovrascrive un file esistente / Overwrite an existing file.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> ExitCode {
    let facts = Facts { name: args.name.clone(), province: args.province.clone(), website: args.website.clone() };
    let profile = match args.template.trim().to_ascii_lowercase().as_str() {
        "vuoto" | "empty" => template::empty(),
        id => match TEMPLATES.iter().find(|(t, _)| *t == id) {
            Some((_, json)) => match profile::parse(json) {
                Ok(seed) => template::from_seed(&seed, &facts),
                Err(e) => return fail(&format!("modello {id}: {e}")),
            },
            None => {
                let ids: Vec<&str> = TEMPLATES.iter().map(|(t, _)| *t).collect();
                return fail(&format!("modello sconosciuto / unknown template: {id:?} ({}, vuoto)", ids.join(", ")));
            }
        },
    };
    let mut json = match serde_json::to_string_pretty(&profile) {
        Ok(s) => s,
        Err(e) => return fail(&format!("JSON: {e}")),
    };
    json.push('\n');
    match &args.out {
        None => super::out(&json),
        Some(path) => {
            if std::path::Path::new(path).exists() && !args.force {
                return fail(&format!("{path}: il file esiste già (usare --force) / file exists (use --force)"));
            }
            if let Err(e) = std::fs::write(path, &json) {
                return fail(&format!("{path}: {e}"));
            }
        }
    }
    let issues = profile::validate::validate(&profile);
    let holes = issues.iter().filter(|i| i.level == IssueLevel::Error).count();
    let target = args.out.as_deref().unwrap_or("-");
    eprintln!(
        "{target}: profilo di partenza dal modello {:?}; {} da completare: `banditore validate {target}` li elenca / starting profile written; {holes} errors to fix",
        args.template,
        super::count(holes, "errore o segnaposto", "errori o segnaposto")
    );
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(super::EXIT_USAGE)
}
