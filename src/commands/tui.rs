//! Starting the interactive TUI from the command line: the theme is chosen
//! here (flag, environment, config file, then the terminal's background).

use anyhow::Result;
use fivewhys::store::Store;
use fivewhys::tui::theme::choice::{Request, choose};
use fivewhys::tui::{Options, Start, run};

/// Runs the TUI; refuses politely when stdout is not a terminal.
pub fn start(store: Store, start: Start, theme: Option<&str>) -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the interactive screen needs a terminal; use `fivewhys list`, `show` or `export` in scripts"
        );
    }
    let config = fivewhys::config::path();
    let (remembered, notice) = match config.as_deref().map(fivewhys::config::load) {
        Some(Ok(c)) => (c.theme.as_deref().and_then(Request::parse), None),
        Some(Err(e)) => (None, Some(format!("{e} (the config file is ignored)"))),
        None => (None, None),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = choose(
        theme.and_then(Request::parse),
        no_color,
        remembered,
        fivewhys::tui::detect::background,
    );
    run(
        store,
        start,
        Options {
            theme,
            config,
            notice,
        },
    )?;
    Ok(())
}
