//! Store errors: each says what happened, to which file, and what to do.

use std::path::PathBuf;

use super::codec::LoadError;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The operating system refused a file operation.
    // The OS error is part of the message, not a separate cause: printed
    // once.
    #[error("could not {action} {}: {cause}", path.display())]
    Io {
        /// What we were doing, e.g. "save".
        action: &'static str,
        /// The file or folder concerned.
        path: PathBuf,
        /// The OS error.
        cause: std::io::Error,
    },
    /// A session file exists but cannot be read; it was left untouched.
    #[error("{} cannot be read and was left untouched: {reason}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: LoadError,
    },
    /// A file given to import cannot be used.
    #[error("{} cannot be imported: {reason}", path.display())]
    NotImported {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: LoadError,
    },
    /// A path was given and there is no file there.
    #[error("there is no file at {}", .0.display())]
    NoFile(PathBuf),
    /// No session matches.
    #[error("no session matches {0:?}; `fivewhys list` shows the ids")]
    NotFound(String),
    /// More than one session id starts with the prefix.
    #[error(
        "the id prefix {prefix:?} is ambiguous: it matches {}; type more characters",
        candidates.join(", ")
    )]
    Ambiguous {
        /// What was typed.
        prefix: String,
        /// "id (title)" of each match.
        candidates: Vec<String>,
    },
    /// Import of an id that the store already has.
    #[error(
        "a session with id {id} is already stored ({}); use --new-id to import it as a copy",
        existing.display()
    )]
    AlreadyExists {
        /// The clashing id.
        id: String,
        /// The file that has it.
        existing: PathBuf,
    },
    /// Two files hold the same session id; neither is used until one goes.
    #[error(
        "the session id {id} is in more than one file: {}; keep one, or give one a new id with `fivewhys import --new-id FILE` and move the other out of sessions/",
        paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" and ")
    )]
    DuplicateId {
        /// The id.
        id: String,
        /// The files that have it.
        paths: Vec<PathBuf>,
    },
    /// The session file has more than one name (hard links): a lock beside
    /// one name is not seen from the other, so it is not edited.
    #[error(
        "{} has {names} names (hard links, perhaps from another data folder), so two editors could change it without seeing each other; it is only shown. Give it a file of its own: cp '{}' '{}.copy' && mv '{}.copy' '{}'",
        path.display(), path.display(), path.display(), path.display(), path.display()
    )]
    HardLinked {
        /// The session file.
        path: PathBuf,
        /// How many names it has.
        names: u64,
    },
    /// Another instance is editing the session.
    #[error("{} is open in {holder}; close it there first", path.display())]
    Locked {
        /// The session file.
        path: PathBuf,
        /// Who holds the lock.
        holder: String,
    },
}

impl StoreError {
    pub(crate) fn io(action: &'static str, path: &std::path::Path, source: std::io::Error) -> Self {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            cause: source,
        }
    }
}
