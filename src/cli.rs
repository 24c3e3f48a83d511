//! Command-line definitions (clap derive). Parsing only: the commands run
//! in the binary, so that `anyhow` stays at the binary edge.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

/// The variable the completion scripts set when they ask for candidates.
pub const COMPLETE_VAR: &str = "FIVEWHYS_COMPLETE";

/// Session ids for completion, read from the file names alone (every name
/// ends in its id), with the rest of the name as the description. Uses
/// `FIVEWHYS_DATA_DIR` or the platform data directory; never creates one.
pub fn session_ids() -> Vec<CompletionCandidate> {
    let dir = std::env::var_os("FIVEWHYS_DATA_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "fivewhys").map(|d| d.data_dir().to_path_buf())
        });
    let Some(Ok(entries)) = dir.map(|d| std::fs::read_dir(d.join("sessions"))) else {
        return Vec::new();
    };
    let mut out: Vec<CompletionCandidate> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".json")?;
            let (rest, id) = stem.rsplit_once('-')?;
            (!name.starts_with('.') && crate::model::ids::is_id_text(id)).then(|| {
                let about = crate::export::sanitize::clean_line(rest);
                CompletionCandidate::new(id).help(Some(about.into()))
            })
        })
        .collect();
    out.sort_by(|a, b| a.get_value().cmp(b.get_value()));
    out
}

/// A terminal five-whys facilitator for blameless postmortems.
#[derive(Debug, Parser)]
#[command(name = "fivewhys", version, about, long_about = None)]
pub struct Cli {
    /// Where sessions are kept (default: the platform data directory).
    #[arg(long, global = true, env = "FIVEWHYS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colours: auto (follow the terminal's background), dark, light or
    /// high-contrast. Remembered when changed with T in the app.
    #[arg(long, global = true, env = "FIVEWHYS_THEME", value_name = "THEME",
          value_parser = ["auto", "dark", "light", "high-contrast"])]
    pub theme: Option<String>,

    /// What to do; without a command, the home screen opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new session and open it.
    New {
        /// Title of the session, e.g. "Checkout outage".
        title: Option<String>,
        /// What kind of meeting: incident (a postmortem) or customer-issue
        /// (a review); it sets the words used on screen and in the summary.
        #[arg(long, default_value = "incident", value_name = "KIND")]
        kind: String,
    },
    /// Open a session by id (a unique prefix is enough) or file path.
    Open {
        /// Session id, id prefix, or path to a session file.
        #[arg(add = ArgValueCandidates::new(session_ids))]
        session: String,
    },
    /// Show a session to the room: presenter form, read-only, following
    /// the facilitator's saves as they happen. Share this window; edit in
    /// another.
    Present {
        /// Session id or unique prefix.
        #[arg(add = ArgValueCandidates::new(session_ids))]
        session: String,
        /// Show the whole why tree (t switches between it and the question).
        #[arg(long)]
        tree: bool,
    },
    /// List sessions, most recently updated first.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a readable plain-text summary of a session.
    Show {
        /// Session id or unique prefix.
        #[arg(add = ArgValueCandidates::new(session_ids))]
        session: String,
    },
    /// Export a session's summary.
    Export {
        /// Session id or unique prefix.
        #[arg(add = ArgValueCandidates::new(session_ids))]
        session: String,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Copy to the clipboard (OSC 52 and the system clipboard) instead
        /// of printing.
        #[arg(long)]
        copy: bool,
        /// Replace participants' names with their function.
        #[arg(long)]
        redact: bool,
        /// Hard-wrap the plain text at this many columns (by default
        /// paragraphs are single lines, for mail clients to wrap).
        #[arg(long, value_name = "COLUMNS")]
        wrap: Option<usize>,
    },
    /// Validate a session file and add it to the data directory.
    Import {
        /// The session file to import.
        file: PathBuf,
        /// Give the session a fresh id if its id is already stored.
        #[arg(long)]
        new_id: bool,
    },
    /// Move a session to the trash folder of the data directory.
    Delete {
        /// Session id or unique prefix.
        #[arg(add = ArgValueCandidates::new(session_ids))]
        session: String,
    },
    /// Action items across every session, soonest due first.
    Actions {
        /// Only actions still open or in progress.
        #[arg(long)]
        open: bool,
        /// Only open actions past their due date.
        #[arg(long)]
        overdue: bool,
        /// Only open actions due within this many days (overdue included).
        #[arg(long, value_name = "DAYS")]
        due_within: Option<u32>,
        /// Only actions whose owner's name contains this.
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// Only actions whose team contains this.
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
        /// Only the actions of this session (id or unique prefix).
        #[arg(long, value_name = "ID", add = ArgValueCandidates::new(session_ids))]
        session: Option<String>,
        /// The day "overdue" is measured from (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
        /// Print a JSON array.
        #[arg(long, group = "actions_format")]
        json: bool,
        /// Print CSV (RFC 4180) for spreadsheets and trackers.
        #[arg(long, group = "actions_format")]
        csv: bool,
        /// Print an iCalendar file: a to-do per open action with a due date.
        #[arg(long, group = "actions_format")]
        ics: bool,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show or change one action item from the shell.
    Action {
        /// The action: SESSION/ACTION as `fivewhys actions` shows it, or an
        /// action id (a unique prefix is enough).
        action: String,
        /// Set where it stands.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Set who does it (a participant's first name is enough; "" clears).
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// Set when it is due: 2026-12-15, "fri", "in 2 weeks" ("" clears).
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        /// Set where the work is tracked: a URL or ticket key ("" clears).
        #[arg(long, value_name = "URL")]
        link: Option<String>,
        /// Set the action's note ("" clears).
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Find words in every session: intake, questions, answers, evidence,
    /// actions and lessons; case and accents ignored. Whole words and
    /// word prefixes (`conf*`), not parts of words; several words must
    /// follow one another.
    Search {
        /// The words to look for.
        text: String,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Earlier sessions with answers like this session's: for each root
    /// cause (or, with none yet, each answer), up to two.
    Related {
        /// Session id (or unique prefix).
        id: String,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// The numbers a team reviews: sessions per month, time to detect and
    /// resolve, actions done on time, recurring root-cause words, teams.
    Stats {
        /// Only sessions whose incident happened on or after this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<jiff::civil::Date>,
        /// The day "overdue" is measured from (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<jiff::civil::Date>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The config file: where it is, a commented default, a check.
    Config {
        /// What to do with it.
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print the data directory.
    Path,
    /// Print the JSON Schema of the session file.
    Schema,
    /// Print the script that makes your shell complete commands, options
    /// and session ids, e.g. `source <(fivewhys completions bash)`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `fivewhys man > fivewhys.1`.
    Man,
}

/// `fivewhys config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where the config file is (FIVEWHYS_CONFIG overrides it).
    Path,
    /// Write a commented default config file (never over an existing one).
    Init,
    /// Check the config file; exit 1 naming the line and key of a problem.
    Check,
}

/// An action's status on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Not started.
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Decided against.
    Dropped,
}

impl From<StatusArg> for crate::model::ActionStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Open => crate::model::ActionStatus::Open,
            StatusArg::InProgress => crate::model::ActionStatus::InProgress,
            StatusArg::Done => crate::model::ActionStatus::Done,
            StatusArg::Dropped => crate::model::ActionStatus::Dropped,
        }
    }
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Email-ready plain text (lines of at most 72 columns).
    Text,
    /// Markdown for wikis and tickets.
    Markdown,
    /// Self-contained HTML with inline styles, for rich email.
    Html,
    /// The session file itself.
    Json,
    /// An email draft (.eml) a mail client opens as a new message: the
    /// text and the HTML summary, the subject, addressed to the
    /// participants who have an email address.
    Eml,
}

impl From<Format> for crate::export::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => crate::export::Format::Text,
            Format::Markdown => crate::export::Format::Markdown,
            Format::Html => crate::export::Format::Html,
            Format::Json => crate::export::Format::Json,
            Format::Eml => crate::export::Format::Eml,
        }
    }
}
