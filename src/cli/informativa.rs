//! `banditore informativa` (in progress).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(super::EXIT_USAGE)
}
