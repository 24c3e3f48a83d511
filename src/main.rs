//! The fivewhys binary: parses the command line and dispatches. Errors end
//! here as one line on stderr and exit code 1; usage errors exit with 2.

mod commands;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use fivewhys::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Never panic on the way out, even if stderr is gone.
            let _ = writeln!(std::io::stderr(), "fivewhys: {error:#}");
            ExitCode::FAILURE
        }
    }
}
