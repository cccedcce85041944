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

/// The most a command reads from a file or standard input: sixteen times the largest profile
/// and 64 times the longest message the checker examines, so a real file is always read whole
/// (and judged by the limits of what it is), while `/dev/zero` or a runaway pipe stops here
/// instead of filling the memory.
pub const READ_LIMIT: u64 = 16 << 20;

/// Reads a file, or standard input for "-", as UTF-8 text of at most [`READ_LIMIT`] bytes.
pub fn read_input(path: &str) -> Result<String, String> {
    use std::io::Read;
    let name = if path == "-" { "stdin" } else { path };
    let cannot = |e: std::io::Error| format!("{name}: impossibile leggere il file / cannot read file: {e}");
    let reader: Box<dyn Read> =
        if path == "-" { Box::new(std::io::stdin()) } else { Box::new(std::fs::File::open(path).map_err(cannot)?) };
    let mut bytes = Vec::new();
    reader.take(READ_LIMIT + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > READ_LIMIT {
        let mib = READ_LIMIT >> 20;
        return Err(format!(
            "{name}: oltre {mib} MiB, non è un messaggio né un profilo / over {mib} MiB: neither a message nor a profile"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "{name}: non è testo UTF-8 (byte {at}); salvarlo come UTF-8 / not UTF-8 text (byte {at}); save it as UTF-8"
        )
    })
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
