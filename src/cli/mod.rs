//! One file per subcommand.

pub mod check;
pub mod informativa;
pub mod schema;
pub mod validate;

use std::process::ExitCode;

use banditore::profile::{self, Profile, ProfileIssue};

/// Exit code for usage errors, unreadable files and broken profiles.
pub const EXIT_USAGE: u8 = 2;

/// Reads a file, or standard input for "-".
pub fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| format!("stdin: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: impossibile leggere il file / cannot read file: {e}"))
    }
}

/// Loads and validates a profile for commands that need a usable one; prints why not.
pub fn load_profile(path: &str) -> Result<(Profile, Vec<ProfileIssue>), ExitCode> {
    let text = read_input(path).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(EXIT_USAGE)
    })?;
    profile::load(&text).map_err(|issues| {
        for i in issues {
            eprintln!("{path}: {i}");
        }
        ExitCode::from(EXIT_USAGE)
    })
}
