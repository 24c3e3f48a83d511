//! The config file: TOML in the platform config directory (or where
//! `FIVEWHYS_CONFIG` points). A missing file means defaults; an invalid one
//! is reported with its line and key, and never overwritten. fivewhys
//! writes to it only to remember a choice made in the app (the theme),
//! keeping everything else in it — comments included — as it was.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::kind::Vocabulary;

/// The commented default file `fivewhys config init` writes.
pub const TEMPLATE: &str = include_str!("config_template.toml");

/// Theme names the config file accepts.
pub const THEMES: [&str; 4] = ["auto", "dark", "light", "high-contrast"];

/// What the config file sets. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `auto`, `dark`, `light` or `high-contrast`.
    pub theme: Option<String>,
    /// More kinds of session, by key (`[kinds.ops-review]`); a built-in
    /// key (`incident`, `customer-issue`) changes that kind's words.
    #[serde(default)]
    pub kinds: std::collections::BTreeMap<String, KindWords>,
    /// Words that make the blameless nudge speak up, added to the built-in
    /// ones ("careless", "should have" …).
    #[serde(default)]
    pub blame_words: Vec<String>,
    /// Words that never make two answers alike ("seen before",
    /// `fivewhys related`) or a root cause recur (`stats`), added to the
    /// built-in common English words.
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Teams and functions: a typed team is completed to one of these (or
    /// to one already in the session) when it is the only one that starts
    /// that way.
    #[serde(default)]
    pub teams: Vec<String>,
    /// A new action is due this many days after the day it is added
    /// (unset: no date until one is typed).
    pub due_in_days: Option<u32>,
    /// How many whys the presenter counts to ("Why 4 of 5"); 5 by default.
    pub target_whys: Option<u32>,
    /// Stage timeboxes in minutes for new sessions.
    #[serde(default)]
    pub timebox: Timeboxes,
    /// How a date such as 3/4 is read: `day-month` (3 April, the default)
    /// or `month-day` (March 4).
    pub date_order: Option<String>,
    /// How sure a new answer is until the room says: `not-rated` (the
    /// default), `belief`, `unsure` or `fact`.
    pub new_answer_confidence: Option<Sureness>,
}

/// How sure a new answer starts, as the settings file names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sureness {
    /// Nobody rated it yet.
    #[serde(alias = "not_rated")]
    NotRated,
    /// We think so.
    Belief,
    /// We don't know yet.
    Unsure,
    /// We know.
    Fact,
}

impl From<Sureness> for crate::model::Confidence {
    fn from(s: Sureness) -> Self {
        use crate::model::Confidence as C;
        match s {
            Sureness::NotRated => C::NotRated,
            Sureness::Belief => C::Belief,
            Sureness::Unsure => C::Unsure,
            Sureness::Fact => C::Fact,
        }
    }
}

/// Stage timeboxes in minutes; unset stages have none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeboxes {
    /// Intake.
    pub intake: Option<u32>,
    /// Whys.
    pub whys: Option<u32>,
    /// Actions.
    pub actions: Option<u32>,
    /// Review.
    pub review: Option<u32>,
}

static CURRENT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();

/// Makes `config` the one every part of fivewhys reads (once, at start).
pub fn configure(config: Config) {
    let _ = CURRENT.set(config);
}

/// The config in force: the one given to [`configure`], else the defaults.
pub fn current() -> &'static Config {
    static DEFAULT: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    CURRENT
        .get()
        .unwrap_or_else(|| DEFAULT.get_or_init(Config::default))
}

/// The range of each number the file can set, as (key, lowest, highest):
/// `config check` refuses a number outside it, naming the key, the line
/// and the range, and a file used anyway has it brought into range.
pub const RANGES: [(&str, u32, u32); 6] = [
    ("due_in_days", 0, 3650),
    ("target_whys", 1, 99),
    ("timebox.intake", 1, 600),
    ("timebox.whys", 1, 600),
    ("timebox.actions", 1, 600),
    ("timebox.review", 1, 600),
];

/// Largest config file read: a settings file is a few hundred bytes.
pub const MAX_FILE: u64 = 1024 * 1024;

impl Config {
    /// Each number the file sets, by its key in [`RANGES`], to read or
    /// change.
    fn numbers_mut(&mut self) -> [(&'static str, &mut Option<u32>); 6] {
        let Timeboxes {
            intake,
            whys,
            actions,
            review,
        } = &mut self.timebox;
        [
            ("due_in_days", &mut self.due_in_days),
            ("target_whys", &mut self.target_whys),
            ("timebox.intake", intake),
            ("timebox.whys", whys),
            ("timebox.actions", actions),
            ("timebox.review", review),
        ]
    }

    /// The numbers outside their range, each as (key, value, lowest,
    /// highest).
    pub fn out_of_range(&self) -> Vec<(&'static str, u32, u32, u32)> {
        let mut config = self.clone();
        config
            .numbers_mut()
            .into_iter()
            .filter_map(|(key, value)| {
                let value = (*value)?;
                let (_, low, high) = RANGES.iter().find(|(k, _, _)| *k == key)?;
                (value < *low || value > *high).then_some((key, value, *low, *high))
            })
            .collect()
    }

    /// This config with every number brought into its range.
    pub fn clamped(mut self) -> Config {
        for (key, value) in self.numbers_mut() {
            if let (Some(v), Some((_, low, high))) =
                (value.as_mut(), RANGES.iter().find(|(k, _, _)| *k == key))
            {
                *v = (*v).clamp(*low, *high);
            }
        }
        self
    }

    /// The due date a new action gets when it is added on `today`, if the
    /// file sets one (`due_in_days`, kept in range whatever it says).
    pub fn default_due(&self, today: jiff::civil::Date) -> Option<jiff::civil::Date> {
        let days = self.due_in_days?.min(RANGES[0].2);
        let span = jiff::Span::new().try_days(i64::from(days)).ok()?;
        today.checked_add(span).ok()
    }

    /// Whether dates like 3/4 read month first.
    pub fn month_first(&self) -> bool {
        self.date_order.as_deref() == Some("month-day")
    }

    /// How sure a new answer is until the room rates it.
    pub fn new_answer_confidence(&self) -> crate::model::Confidence {
        self.new_answer_confidence
            .map_or(crate::model::Confidence::NotRated, Into::into)
    }

    /// The presenter's target number of whys.
    pub fn target_whys(&self) -> usize {
        self.target_whys
            .map_or(5, |n| n.clamp(RANGES[1].1, RANGES[1].2) as usize)
    }

    /// `typed` completed to the one team (of the config's and `known`)
    /// that starts with it, case and accents ignored; else as typed.
    pub fn complete_team<'a>(
        &'a self,
        typed: &str,
        known: impl Iterator<Item = &'a str>,
    ) -> String {
        let want = crate::follow::fold(typed);
        if want.is_empty() {
            return typed.to_string();
        }
        let mut all: Vec<&str> = self.teams.iter().map(String::as_str).chain(known).collect();
        all.sort_by_key(|t| crate::follow::fold(t));
        all.dedup_by_key(|t| crate::follow::fold(t));
        if let Some(exact) = all.iter().find(|t| crate::follow::fold(t) == want) {
            return exact.to_string();
        }
        let starts: Vec<&&str> = all
            .iter()
            .filter(|t| crate::follow::fold(t).starts_with(&want))
            .collect();
        match starts.as_slice() {
            [one] => one.to_string(),
            _ => typed.to_string(),
        }
    }
}

/// The words of one kind of session. Only `name` is needed; the rest
/// default to the customer-issue words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindWords {
    /// What the meeting is called: "operations review".
    pub name: String,
    /// The document's name: "Review".
    pub document: Option<String>,
    /// What happened, as a noun: "issue".
    pub event: Option<String>,
    /// The four severity labels, worst first.
    pub severities: Option<[String; 4]>,
    /// Said while there is no resolution time.
    pub ongoing: Option<String>,
    /// Who was affected, as a plural noun: "customers".
    pub affected: Option<String>,
    /// An example title for a new session of this kind.
    pub example: Option<String>,
}

impl Config {
    /// The kinds this file adds, as vocabularies.
    pub fn vocabularies(&self) -> Vec<Vocabulary> {
        let base = Vocabulary::of("customer-issue", &Vocabulary::builtin());
        self.kinds
            .iter()
            .map(|(key, words)| Vocabulary {
                key: key.clone(),
                name: words.name.clone(),
                document: words.document.clone().unwrap_or(base.document.clone()),
                event: words.event.clone().unwrap_or(base.event.clone()),
                severities: words.severities.clone().unwrap_or(base.severities.clone()),
                ongoing: words.ongoing.clone().unwrap_or(base.ongoing.clone()),
                affected: words.affected.clone().unwrap_or(base.affected.clone()),
                example: words.example.clone().unwrap_or(base.example.clone()),
            })
            .collect()
    }
}

/// Why the config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("could not read the config file {}: {cause}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        cause: std::io::Error,
    },
    /// The file is not valid.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong, naming the key.
        message: String,
    },
    /// The file could not be written.
    #[error("could not write the config file {}: {cause}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The OS error.
        cause: std::io::Error,
    },
}

/// Where the config file is: `FIVEWHYS_CONFIG`, else `config.toml` in the
/// platform config directory.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FIVEWHYS_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "fivewhys").map(|d| d.config_dir().join("config.toml"))
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The file's text; `None` when there is no file. Only a regular file
/// (a link to one is fine) of at most [`MAX_FILE`] bytes is read: a pipe
/// would hang every command, a device or a huge file has no settings.
fn read_text(path: &Path) -> Result<Option<String>, ConfigError> {
    use std::io::Read;
    let fail = |cause| ConfigError::Read {
        path: path.to_path_buf(),
        cause,
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(cause) => return Err(fail(cause)),
    };
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            crate::store::special_kind(&meta.file_type())
        };
        return Err(fail(std::io::Error::other(format!(
            "it is {what}, not a file; fivewhys reads its settings only from a regular file"
        ))));
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE + 1).read_to_string(&mut text))
        .map_err(fail)?;
    if text.len() as u64 > MAX_FILE {
        return Err(fail(std::io::Error::other(format!(
            "it is larger than {} KiB, too large for a settings file",
            MAX_FILE / 1024
        ))));
    }
    Ok(Some(text))
}

/// `text` parsed, a problem reported against `path`.
fn parse_at(path: &Path, text: &str) -> Result<Config, ConfigError> {
    parse(text).map_err(|(line, message)| ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Reads the config at `path`; a missing file is the defaults. Strict:
/// any problem, a number out of range included, is an error.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match read_text(path)? {
        Some(text) => parse_at(path, &text),
        None => Ok(Config::default()),
    }
}

/// The config to run with: the file's, with numbers out of range brought
/// into range (and said); the defaults when the file cannot be used (and
/// why). Never fails and never hangs.
pub fn load_for_use(path: &Path) -> (Config, Option<String>) {
    let text = match read_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return (Config::default(), None),
        Err(e) => {
            return (
                Config::default(),
                Some(format!("{e} (the config file is ignored)")),
            );
        }
    };
    match parse_shape(&text) {
        Ok(config) => {
            let wrong = range_problems(&text, &config);
            let problem = wrong.first().map(|(line, message)| {
                format!(
                    "{}:{line}: {message} (the nearest allowed value is used)",
                    path.display()
                )
            });
            (config.clamped(), problem)
        }
        Err((line, message)) => {
            let e = ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                message,
            };
            (
                Config::default(),
                Some(format!("{e} (the config file is ignored)")),
            )
        }
    }
}

/// Each number out of range, as (line, message naming key and range).
fn range_problems(text: &str, config: &Config) -> Vec<(usize, String)> {
    config
        .out_of_range()
        .into_iter()
        .map(|(key, value, low, high)| {
            let name = key.rsplit('.').next().unwrap_or(key);
            let line = (1..=text.lines().count())
                .find(|&l| key_at(text, l).as_deref() == Some(key))
                .unwrap_or_else(|| line_of(text, text.find(name).unwrap_or(0)));
            (
                line,
                format!("{key}: {value} is out of range; use a number from {low} to {high}"),
            )
        })
        .collect()
}

/// The dotted key set on `line` (1-based): `timebox.whys`.
fn key_at(text: &str, line: usize) -> Option<String> {
    let mut table = String::new();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim();
        if l.starts_with('[') && !l.starts_with("[[") {
            table = l.trim_matches(|c| c == '[' || c == ']').trim().to_string();
        }
        if i + 1 == line {
            let (key, _) = l.split_once('=')?;
            let key = key.trim().trim_matches('"');
            return Some(if table.is_empty() {
                key.to_string()
            } else {
                format!("{table}.{key}")
            });
        }
    }
    None
}

/// Parses config text; `Err` has the line and the message. A number out
/// of its range (see [`RANGES`]) is a problem too.
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let config = parse_shape(text)?;
    match range_problems(text, &config).into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(config),
    }
}

/// Parses config text, numbers in range or not.
fn parse_shape(text: &str) -> Result<Config, (usize, String)> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        let message = e.message().trim().to_string();
        match key_at(text, line) {
            Some(key) if !message.contains('`') => (line, format!("{key}: {message}")),
            _ => (line, message),
        }
    })?;
    if let Some(theme) = &config.theme
        && !THEMES.contains(&theme.as_str())
    {
        let at = text.find("theme").unwrap_or(0);
        return Err((
            line_of(text, at),
            format!(
                "theme: {theme:?} is not one of {}",
                THEMES.map(|t| format!("{t:?}")).join(", ")
            ),
        ));
    }
    if let Some(order) = &config.date_order
        && !["day-month", "month-day"].contains(&order.as_str())
    {
        return Err((
            line_of(text, text.find("date_order").unwrap_or(0)),
            format!("date_order: {order:?} is not \"day-month\" or \"month-day\""),
        ));
    }
    for (key, words) in &config.kinds {
        let bad_key = key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let blank = words.name.trim().is_empty();
        if bad_key || blank {
            let at = text.find(key.as_str()).unwrap_or(0);
            return Err((
                line_of(text, at),
                if bad_key {
                    format!("kinds.{key}: a kind's key uses only a-z, 0-9 and -")
                } else {
                    format!("kinds.{key}: name is empty")
                },
            ));
        }
    }
    Ok(config)
}

/// Sets `theme` in the config file at `path`, keeping the rest of it.
/// An invalid file is left alone.
pub fn remember_theme(path: &Path, theme: &str) -> Result<(), ConfigError> {
    let text = read_text(path)?.unwrap_or_default();
    parse_at(path, &text)?;
    let mut doc: toml_edit::DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| ConfigError::Invalid {
                path: path.to_path_buf(),
                line: e.span().map_or(1, |s| line_of(&text, s.start)),
                message: e.message().to_string(),
            })?;
    doc["theme"] = toml_edit::value(theme);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| ConfigError::Write {
            path: path.to_path_buf(),
            cause: source,
        })?;
    }
    crate::store::write_file(path, doc.to_string().as_bytes()).map_err(|source| {
        ConfigError::Write {
            path: path.to_path_buf(),
            cause: source,
        }
    })
}

/// Whether `word` (folded, as search folds it) counts when answers are
/// compared: not a common English word, nor one of the config's
/// `stop_words`.
pub fn word_counts(word: &str) -> bool {
    !crate::follow::stats::COMMON.contains(&word)
        && !current()
            .stop_words
            .iter()
            .any(|s| crate::follow::search::fold_word(s.trim()) == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_valid_commented_and_uncommented() {
        assert_eq!(parse(TEMPLATE).unwrap(), Config::default());
        let live: String = TEMPLATE
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with('[') || rest.contains(" = ") => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config = parse(&live).unwrap();
        assert_eq!(config.due_in_days, Some(14));
        assert_eq!(config.timebox.whys, Some(25));
        assert_eq!(config.teams.len(), 4);
        assert!(config.kinds.contains_key("ops-review"));
    }

    #[test]
    fn a_team_completes_only_when_one_starts_that_way() {
        let config =
            parse("teams = [\"Payments\", \"Platform engineering\", \"Opérations\"]\n").unwrap();
        let none = std::iter::empty();
        assert_eq!(config.complete_team("pay", none), "Payments");
        assert_eq!(config.complete_team("p", std::iter::empty()), "p");
        assert_eq!(
            config.complete_team("oper", std::iter::empty()),
            "Opérations"
        );
        assert_eq!(
            config.complete_team("sup", ["Support"].into_iter()),
            "Support"
        );
        assert_eq!(config.complete_team("Legal", std::iter::empty()), "Legal");
    }

    #[test]
    fn numbers_out_of_range_are_named_with_their_range_and_clamped_for_use() {
        let text = "theme = \"dark\"\ndue_in_days = 7304485\n[timebox]\nwhys = 0\n";
        let (line, message) = parse(text).unwrap_err();
        assert_eq!(line, 2);
        assert!(
            message.contains("due_in_days") && message.contains("from 0 to 3650"),
            "{message}"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        assert!(load(&path).is_err(), "config check refuses it");
        let (config, problem) = load_for_use(&path);
        assert_eq!(config.due_in_days, Some(3650));
        assert_eq!(config.timebox.whys, Some(1));
        assert_eq!(config.theme.as_deref(), Some("dark"), "the rest is used");
        let problem = problem.unwrap();
        assert!(problem.contains(":2: due_in_days"), "{problem}");
        // However it got there, a huge number gives a date, not a crash.
        let wild = Config {
            due_in_days: Some(u32::MAX),
            ..Config::default()
        };
        let today = jiff::civil::date(2026, 12, 7);
        assert_eq!(
            wild.default_due(today),
            Some(jiff::civil::date(2036, 12, 4))
        );
        let (line, message) = parse("\n[timebox]\nreview = 100000\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(message.contains("timebox.review"), "{message}");
    }

    /// (A named pipe, which would hang every command, is checked end to
    /// end in `tests/hostile_config.rs`.)
    #[test]
    fn only_a_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("a folder"), "{err}");
        let big = dir.path().join("big.toml");
        std::fs::write(&big, "#".repeat(2 * 1024 * 1024)).unwrap();
        assert!(load(&big).unwrap_err().to_string().contains("too large"));
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(&dir.path().join("none.toml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn problems_name_the_line_and_key() {
        let (line, message) = parse("# fivewhys\n\ntheme = \"purple\"\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(
            message.contains("theme") && message.contains("purple"),
            "{message}"
        );
        let (line, message) = parse("theme = \"dark\"\ncolour = 1\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn how_sure_a_new_answer_is_can_be_set() {
        use crate::model::Confidence;
        assert_eq!(
            Config::default().new_answer_confidence(),
            Confidence::NotRated
        );
        for (text, want) in [
            ("belief", Confidence::Belief),
            ("not-rated", Confidence::NotRated),
            ("not_rated", Confidence::NotRated),
            ("unsure", Confidence::Unsure),
        ] {
            let config = parse(&format!("new_answer_confidence = \"{text}\"\n")).unwrap();
            assert_eq!(config.new_answer_confidence(), want, "{text}");
        }
        let (line, message) = parse("\nnew_answer_confidence = \"maybe\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("maybe"), "{message}");
    }

    #[test]
    fn kinds_from_the_file_take_their_words_and_defaults() {
        let config =
            parse("[kinds.ops-review]\nname = \"operations review\"\naffected = \"orders\"\n")
                .unwrap();
        let kinds = config.vocabularies();
        assert_eq!(kinds.len(), 1);
        assert_eq!(kinds[0].key, "ops-review");
        assert_eq!(kinds[0].affected, "orders");
        assert_eq!(kinds[0].document, "Review");
        assert_eq!(kinds[0].severities[2], "medium");
        let (line, message) = parse("theme = \"dark\"\n[kinds.Ops]\nname = \"x\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("kinds.Ops"), "{message}");
        let (_, message) = parse("[kinds.x]\nname = \"x\"\nseverities = [\"a\"]\n").unwrap_err();
        assert!(message.contains("4"), "{message}");
    }

    #[test]
    fn remembering_the_theme_keeps_the_rest_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        remember_theme(&path, "light").unwrap();
        assert_eq!(load(&path).unwrap().theme.as_deref(), Some("light"));
        std::fs::write(
            &path,
            "# my settings\ntheme = \"light\" # for the projector\n",
        )
        .unwrap();
        remember_theme(&path, "high-contrast").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# my settings\n"), "{text}");
        assert!(text.contains("theme = \"high-contrast\""), "{text}");
        std::fs::write(&path, "theme = [\n").unwrap();
        assert!(remember_theme(&path, "dark").is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "theme = [\n",
            "left alone"
        );
    }
}
