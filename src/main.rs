//! The fivewhys binary: parses the command line and dispatches. Errors end
//! here as one line on stderr and exit code 1; usage errors exit with 2.

mod commands;

use std::process::ExitCode;

use clap::Parser;
use fivewhys::cli::Cli;

fn main() -> ExitCode {
    // Asked by the shell for completions (the script `fivewhys completions`
    // prints sets this variable): answer and exit before anything else.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command)
        .var(fivewhys::cli::COMPLETE_VAR)
        .complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            commands::output::say(&format!("fivewhys: {}", one_line(&error)));
            match error.downcast_ref::<commands::Stopped>() {
                Some(commands::Stopped(signal)) => {
                    ExitCode::from(u8::try_from(128 + signal).unwrap_or(143))
                }
                None => ExitCode::FAILURE,
            }
        }
    }
}

/// Help and version as clap prints them (our own text); a usage error
/// repeats what was typed, so it goes through the output gate.
fn usage(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
        }
        _ => commands::output::say(e.render().to_string().trim_end()),
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The error and its causes on one line, each said once: a cause whose
/// words the message already holds is not repeated.
fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}
