//! `banditore revision <profile.json> [--record | --bump [--message M]]`: the policy's revision
//! and the content hashes it was cut at (`policy.revision_hashes`), which `validate` compares
//! with the profile's current content. Without an option it prints the hashes and what changed;
//! `--record` stores the current hashes under the same revision (a formal fix: nobody is asked
//! again); `--bump` starts a new revision (returning citizens are asked again).
//! Writing reformats the file as `banditore` prints profiles (two-space JSON, the schema's order).

use std::process::ExitCode;

use banditore::consent::section_hashes;

#[derive(clap::Args)]
pub struct Args {
    /// Il file del profilo / The profile file.
    #[arg(value_name = "PROFILE.json")]
    profile: String,
    /// Registra le impronte attuali senza cambiare revisione / Record the current hashes, same revision.
    #[arg(long, conflicts_with = "bump")]
    record: bool,
    /// Nuova revisione: chi ha già dato il consenso lo ridarà / New revision: returning citizens are asked again.
    #[arg(long)]
    bump: bool,
    /// Con --bump: cosa è cambiato, mostrato a chi torna / With --bump: what changed, shown to returning visitors.
    #[arg(long, requires = "bump")]
    message: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let (mut profile, _) = match super::load_profile(&args.profile) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let current = section_hashes(&profile);
    let pol = &mut profile.policy;
    let mut report = format!("revisione / revision: {}\n", pol.revision.map_or("-".to_owned(), |r| r.to_string()));
    for (section, hash) in &current {
        let state = match pol.revision_hashes.get(*section) {
            None => "non registrata / not recorded",
            Some(h) if h == hash => "invariata / unchanged",
            Some(_) => "CAMBIATA / CHANGED",
        };
        report.push_str(&format!("  {section:<12} {hash}  {state}\n"));
    }
    if !args.record && !args.bump {
        super::out(&report);
        return ExitCode::SUCCESS;
    }
    if args.bump {
        pol.revision = Some(pol.revision.map_or(1, |r| r.saturating_add(1)));
        pol.revision_message = args.message.unwrap_or_default();
    } else if pol.revision.is_none() {
        pol.revision = Some(1);
    }
    pol.revision_hashes = current.into_iter().map(|(s, h)| (s.to_owned(), h)).collect();
    let text = match serde_json::to_string_pretty(&profile) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("JSON: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    if let Err(e) = std::fs::write(&args.profile, text) {
        eprintln!("{}: {e}", args.profile);
        return ExitCode::from(super::EXIT_USAGE);
    }
    eprintln!("{}: revisione / revision {} registrata / recorded", args.profile, profile.policy.revision.unwrap_or(1));
    ExitCode::SUCCESS
}
