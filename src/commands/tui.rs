//! Starting the interactive TUI from the command line: the theme is chosen
//! here (flag, environment, config file, then the terminal's background).

use anyhow::Result;
use fivewhys::store::Store;
use fivewhys::tui::theme::choice::{Request, choose};
use fivewhys::tui::{Options, Start, run};

fn need_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the interactive screen needs a terminal; use `fivewhys list`, `show` or `export` in scripts"
        );
    }
    Ok(())
}

/// Runs the audience window of `fivewhys present`.
pub fn present(store: Store, path: std::path::PathBuf, theme: Option<&str>) -> Result<()> {
    need_terminal()?;
    let (theme, _, _) = choose_theme(theme);
    fivewhys::tui::audience::run(store, path, theme)?;
    Ok(())
}

/// The theme to start with, the config file, and a problem with it.
fn choose_theme(
    theme: Option<&str>,
) -> (
    fivewhys::tui::theme::Theme,
    Option<std::path::PathBuf>,
    Option<String>,
) {
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
    (theme, config, notice)
}

/// Runs the TUI; refuses politely when stdout is not a terminal.
pub fn start(store: Store, start: Start, theme: Option<&str>) -> Result<()> {
    need_terminal()?;
    let (theme, config, notice) = choose_theme(theme);
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
