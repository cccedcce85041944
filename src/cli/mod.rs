//! One file per subcommand.

pub mod check;
pub mod document;
pub mod informativa;
pub mod new;
pub mod revision;
pub mod schema;
pub mod snippet;
pub mod validate;

use std::process::ExitCode;

use banditore::profile::{self, Profile, ProfileIssue};

/// Exit code for usage errors, unreadable files and broken profiles.
pub const EXIT_USAGE: u8 = 2;

/// Writes to standard output. A closed pipe (`banditore validate … | head`) ends the program
/// the way a Unix tool killed by SIGPIPE ends (status 141) instead of panicking; any other write
/// error is reported.
pub fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("stdout: {e}");
        std::process::exit(EXIT_USAGE.into());
    }
}

/// Reads a file, or standard input for "-".
pub fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| format!("stdin: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: impossibile leggere il file / cannot read file: {e}"))
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

/// "1 errore", "3 errori": a count with the noun in the right number.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
