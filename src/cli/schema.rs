//! `banditore schema`: the profile JSON Schema, generated from the Rust types.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    super::out(&(banditore::profile::schema_json() + "\n"));
    ExitCode::SUCCESS
}
