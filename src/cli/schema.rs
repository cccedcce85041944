//! `banditore schema`: the profile JSON Schema, generated from the Rust types.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    println!("{}", banditore::profile::schema_json());
    ExitCode::SUCCESS
}
