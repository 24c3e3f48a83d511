//! Loads a session file through the fivewhys library and prints its
//! plain-text summary.
//!
//! ```sh
//! cargo run --example summary -- examples/sessions/2026-11-03-checkout-outage-during-the-autumn-sale-k3f9ab.json
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: summary <SESSION.json>");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("could not read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match fivewhys::store::parse(&text) {
        Ok(session) => {
            print!(
                "{}",
                fivewhys::export::text(
                    &session,
                    &fivewhys::export::Context::for_session(&session, jiff::Timestamp::now())
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path} is not a valid session: {e}");
            ExitCode::FAILURE
        }
    }
}
