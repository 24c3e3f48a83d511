//! Runs each subcommand: the binary's edge, where store and export meet
//! stdout and stderr. Data goes to stdout, messages to stderr.

mod export;
mod list;
pub mod output;
mod tui;

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::CommandFactory;
use fivewhys::cli::{Cli, Command};
use fivewhys::store::Store;
use fivewhys::tui::Start;

/// The config file, read once at start-up.
pub struct Settings {
    /// Where it is (written to when the theme is remembered).
    pub path: Option<PathBuf>,
    /// What it says; the defaults when it is missing or invalid.
    pub config: fivewhys::config::Config,
    /// Why it was ignored, if it was.
    pub problem: Option<String>,
}

impl Settings {
    fn load() -> Settings {
        let path = fivewhys::config::path();
        let (config, problem) = match path.as_deref().map(fivewhys::config::load) {
            Some(Ok(config)) => (config, None),
            Some(Err(e)) => (
                fivewhys::config::Config::default(),
                Some(format!("{e} (the config file is ignored)")),
            ),
            None => (fivewhys::config::Config::default(), None),
        };
        Settings {
            path,
            config,
            problem,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let settings = Settings::load();
    fivewhys::model::kind::configure(settings.config.vocabularies());
    let interactive = matches!(
        cli.command,
        None | Some(Command::New { .. } | Command::Open { .. } | Command::Present { .. })
    );
    if let Some(problem) = settings.problem.as_deref().filter(|_| !interactive) {
        output::say(&format!("warning: {problem}"));
    }
    // Commands that only print touch nothing on disk.
    match &cli.command {
        Some(Command::Path) => {
            return output::data(&format!("{}\n", data_dir(cli.data_dir)?.display()));
        }
        Some(Command::Schema) => {
            let schema = schemars::schema_for!(fivewhys::model::Session);
            return output::json(&format!("{}\n", serde_json::to_string_pretty(&schema)?));
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "fivewhys", &mut script);
            return output::data(&String::from_utf8_lossy(&script));
        }
        _ => {}
    }
    let store = Store::open(data_dir(cli.data_dir)?)?;
    let theme = cli.theme.as_deref();
    match cli.command {
        None => tui::start(store, Start::Home, theme, &settings),
        Some(Command::New { title, kind }) => {
            let known = fivewhys::model::kind::known();
            if !known.iter().any(|k| k.key == kind) {
                let keys: Vec<&str> = known.iter().map(|k| k.key.as_str()).collect();
                anyhow::bail!(
                    "no kind of session is called {kind:?}; the kinds are {}",
                    keys.join(", ")
                );
            }
            let title = title.unwrap_or_default();
            tui::start(store, Start::New { title, kind }, theme, &settings)
        }
        Some(Command::Open { session }) => {
            let path = store.resolve(&session)?;
            // Refuse an unreadable file here, with its reason, before the
            // screen switches over.
            store.load(&path)?;
            tui::start(store, Start::Open(path), theme, &settings)
        }
        Some(Command::Present { session }) => {
            let path = store.resolve(&session)?;
            tui::present(store, path, theme, &settings)
        }
        Some(Command::List { json }) => list::run(&store, json),
        Some(Command::Show { session }) => {
            let session = store.load(&store.resolve(&session)?)?;
            let ctx = fivewhys::export::Context::for_session(&session, jiff::Timestamp::now());
            output::data(&fivewhys::export::text(&session, &ctx))
        }
        Some(Command::Export {
            session,
            format,
            output,
            copy,
            redact,
            wrap,
        }) => export::run(
            &store,
            &session,
            format.into(),
            export::Options {
                output,
                copy,
                redact,
                wrap,
            },
        ),
        Some(Command::Import { file, new_id }) => {
            let (session, path) = store.import(&file, new_id)?;
            output::say(&format!(
                "imported session {} ({}) to {}",
                session.id,
                session.title,
                path.display()
            ));
            Ok(())
        }
        Some(Command::Delete { session }) => {
            let moved = store.delete(&session)?;
            output::say(&format!("moved to the trash: {}", moved.display()));
            Ok(())
        }
        Some(Command::Path | Command::Schema | Command::Completions { .. }) => {
            unreachable!("handled before the data directory is opened")
        }
    }
}

/// `--data-dir`/`FIVEWHYS_DATA_DIR` (clap handles both), else the platform
/// data directory.
fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    directories::ProjectDirs::from("", "", "fivewhys")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("no home directory found; pass --data-dir DIR or set FIVEWHYS_DATA_DIR")
}
