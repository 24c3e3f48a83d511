//! Runs each subcommand: the binary's edge, where store and export meet
//! stdout and stderr. Data goes to stdout, messages to stderr.

mod actions;
mod config;
mod export;
mod list;
pub mod output;
pub use tui::Stopped;
mod search;
mod stats;
mod tui;

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::CommandFactory;
use fivewhys::cli::{Cli, Command, ConfigCommand};
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
        let (config, problem) = match path.as_deref() {
            Some(path) => fivewhys::config::load_for_use(path),
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
    fivewhys::config::configure(settings.config.clone());
    // The screen says it itself; these print nothing about the config, or
    // are about it.
    let quiet = matches!(
        cli.command,
        None | Some(
            Command::New { .. }
                | Command::Open { .. }
                | Command::Present { .. }
                | Command::Config { .. }
                | Command::Path
                | Command::Schema
                | Command::Completions { .. }
                | Command::Man
        )
    );
    if let Some(problem) = settings.problem.as_deref().filter(|_| !quiet) {
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
            // The script asks fivewhys itself for candidates at each Tab,
            // so session ids complete as they are now.
            let name = shell.to_string();
            let shells = clap_complete::env::Shells::builtins();
            let completer = shells
                .completer(&name)
                .ok_or_else(|| anyhow::anyhow!("no completions for {name}"))?;
            let mut script = Vec::new();
            completer.write_registration(
                fivewhys::cli::COMPLETE_VAR,
                "fivewhys",
                "fivewhys",
                "fivewhys",
                &mut script,
            )?;
            return output::data(&String::from_utf8_lossy(&script));
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            return output::data(&String::from_utf8_lossy(&page));
        }
        Some(Command::Config { command }) => {
            return match command {
                ConfigCommand::Path => config::path(settings.path.as_deref()),
                ConfigCommand::Init => config::init(settings.path.as_deref()),
                ConfigCommand::Check => config::check(settings.path.as_deref()),
            };
        }
        _ => {}
    }
    let store = Store::open(data_dir(cli.data_dir)?)?;
    let mut settings = settings;
    if let Some(notice) = store.notice() {
        // On the screen, where the screen is; else on stderr.
        if quiet {
            settings.problem = Some(match settings.problem.take() {
                Some(problem) => format!("{problem}; {notice}"),
                None => notice.to_string(),
            });
        } else {
            output::say(&format!("warning: {notice}"));
        }
    }
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
        Some(Command::Present { session, tree }) => {
            let path = store.resolve(&session)?;
            tui::present(store, path, tree, theme, &settings)
        }
        Some(Command::List { json }) => list::run(&store, json),
        Some(Command::Show { session }) => {
            let session = store.load(&store.resolve(&session)?)?;
            warn_about(&session);
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
        Some(Command::Actions {
            open,
            overdue,
            due_within,
            owner,
            team,
            session,
            today,
            json,
            csv,
            ics,
            output,
        }) => actions::list(
            &store,
            actions::ListArgs {
                filter: fivewhys::follow::ActionFilter {
                    open,
                    overdue,
                    due_within: due_within.map(i64::from),
                    owner,
                    team,
                    session: None,
                },
                session,
                today,
                form: if json {
                    actions::Form::Json
                } else if csv {
                    actions::Form::Csv
                } else if ics {
                    actions::Form::Ics
                } else {
                    actions::Form::Table
                },
                output,
            },
        ),
        Some(Command::Action {
            action,
            status,
            owner,
            due,
            link,
            note,
        }) => actions::change(
            &store,
            &action,
            actions::Change {
                status,
                owner,
                due,
                link,
                note,
            },
        ),
        Some(Command::Search { text, json }) => search::run(&store, &text, json),
        Some(Command::Related { id, json }) => search::related(&store, &id, json),
        Some(Command::Stats { since, today, json }) => stats::run(&store, since, today, json),
        Some(
            Command::Path
            | Command::Schema
            | Command::Completions { .. }
            | Command::Man
            | Command::Config { .. },
        ) => {
            unreachable!("handled before the data directory is opened")
        }
    }
}

/// What a reader of a session's summary should know first, on stderr: a
/// time zone this machine does not know, clashes still to settle.
pub fn warn_about(session: &fivewhys::model::Session) {
    if let Some(warning) = session.unknown_zone_warning() {
        output::say(&format!("warning: {warning}"));
    }
    let clashes = session.open_conflicts().count();
    if clashes > 0 {
        output::say(&format!(
            "warning: {clashes} field{} changed both here and elsewhere, still to settle: `fivewhys open {}`, then c; the summary shows the values kept here",
            if clashes == 1 { " was" } else { "s were" },
            session.id
        ));
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
