//! Starting the interactive TUI from the command line: the theme is chosen
//! here (flag, environment, config file, then the terminal's background).

use anyhow::Result;
use fivewhys::store::Store;

use super::Settings;
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
pub fn present(
    store: Store,
    path: std::path::PathBuf,
    tree: bool,
    theme: Option<&str>,
    settings: &Settings,
) -> Result<()> {
    need_terminal()?;
    let theme = choose_theme(theme, settings);
    fivewhys::tui::audience::run(store, path, tree, theme)?;
    Ok(())
}

/// The theme to start with.
fn choose_theme(theme: Option<&str>, settings: &Settings) -> fivewhys::tui::theme::Theme {
    let remembered = settings.config.theme.as_deref().and_then(Request::parse);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    choose(
        theme.and_then(Request::parse),
        no_color,
        remembered,
        fivewhys::tui::detect::background,
    )
}

/// Runs the TUI; refuses politely when stdout is not a terminal.
pub fn start(store: Store, start: Start, theme: Option<&str>, settings: &Settings) -> Result<()> {
    need_terminal()?;
    let ended = run(
        store,
        start,
        Options {
            theme: choose_theme(theme, settings),
            config: settings.path.clone(),
            notice: settings.problem.clone(),
        },
    )?;
    match ended {
        Some(signal) => Err(Stopped(signal).into()),
        None => Ok(()),
    }
}

/// The screen was ended by a signal, after saving everything: the
/// process exits with 128 + the signal's number, as shells expect, so a
/// script can tell a kill from a quit.
#[derive(Debug)]
pub struct Stopped(pub i32);

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self.0 {
            1 => "SIGHUP",
            2 => "SIGINT",
            3 => "SIGQUIT",
            15 => "SIGTERM",
            _ => "a signal",
        };
        write!(f, "stopped by {name}; everything was saved first")
    }
}

impl std::error::Error for Stopped {}
