//! The config file: TOML in the platform config directory (or where
//! `FIVEWHYS_CONFIG` points). A missing file means defaults; an invalid one
//! is reported with its line and key, and never overwritten. fivewhys
//! writes to it only to remember a choice made in the app (the theme),
//! keeping everything else in it — comments included — as it was.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::kind::Vocabulary;

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

/// Reads the config at `path`; a missing file is the defaults.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                cause: source,
            });
        }
    };
    parse(&text).map_err(|(line, message)| ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses config text; `Err` has the line and the message.
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        (line, e.message().trim().to_string())
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
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                cause: source,
            });
        }
    };
    parse(&text).map_err(|(line, message)| ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
