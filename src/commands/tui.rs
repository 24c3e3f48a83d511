//! Starting the interactive TUI from the command line.

use anyhow::Result;
use fivewhys::store::Store;
use fivewhys::tui::{Start, run};

/// Runs the TUI; refuses politely when stdout is not a terminal.
pub fn start(store: Store, start: Start) -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the interactive screen needs a terminal; use `fivewhys list`, `show` or `export` in scripts"
        );
    }
    run(store, start)?;
    Ok(())
}
