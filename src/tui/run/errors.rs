//! Why the TUI stopped with an error, and what the user can do when the
//! session could not be saved on the way out.

use std::io;
use std::path::PathBuf;

use crate::model::Session;
use crate::store::StoreError;

/// Why the TUI stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The terminal could not be used.
    #[error("terminal error: {0}")]
    Terminal(#[from] io::Error),
    /// The store failed while starting.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// fivewhys hit a bug; what was in memory was saved first.
    #[error("fivewhys stopped on an internal error; your session was saved first")]
    Panicked,
    /// The session could not be saved on the way out.
    #[error("{}", not_saved_message(.reason, .path, .recovery, *.remedy))]
    NotSaved {
        /// Why the save failed.
        reason: String,
        /// The session file that could not be written.
        path: PathBuf,
        /// Where the recovery copy went, or why none could be written.
        recovery: Result<PathBuf, String>,
        /// What the user can do about it.
        remedy: Remedy,
    },
}

/// What to do once a session could not be saved, by why it could not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// The disk is full: copy the recovery copy back once there is room.
    Room,
    /// The folder or file may not be written (permissions, a read-only
    /// mount): copy it back once it can be.
    Permission,
    /// The file was changed elsewhere and cannot be read (a half-done git
    /// merge, an editor): compare the two, nothing was written over it.
    Compare,
    /// Anything else: copy it back once the problem is fixed.
    Other,
}

impl Remedy {
    /// The remedy for a failed save.
    pub fn for_error(e: &StoreError) -> Remedy {
        use std::io::ErrorKind as K;
        match e {
            StoreError::Io { cause, .. } => match cause.kind() {
                K::StorageFull | K::QuotaExceeded => Remedy::Room,
                K::PermissionDenied | K::ReadOnlyFilesystem => Remedy::Permission,
                _ => Remedy::Other,
            },
            _ => Remedy::Other,
        }
    }
}

fn not_saved_message(
    reason: &str,
    path: &std::path::Path,
    recovery: &Result<PathBuf, String>,
    remedy: Remedy,
) -> String {
    match recovery {
        Ok(copy) => {
            let (copy, path) = (copy.display(), path.display());
            let then = match remedy {
                Remedy::Room => format!("Once there is room, copy it back: cp '{copy}' '{path}'"),
                Remedy::Permission => format!(
                    "The folder or file cannot be written (check its permissions, or whether the disk is read-only); once it can, copy it back: cp '{copy}' '{path}'"
                ),
                Remedy::Compare => format!(
                    "Nothing was written over the file; once it reads again, compare the two: diff '{copy}' '{path}'"
                ),
                Remedy::Other => {
                    format!("Once that is fixed, copy it back: cp '{copy}' '{path}'")
                }
            };
            format!(
                "the session could not be saved ({reason}). Nothing is lost: it was written to {copy}. {then}"
            )
        }
        Err(why) => format!(
            "the session could not be saved ({reason}) and no recovery copy could be written \
             ({why}); the session follows on standard error as JSON"
        ),
    }
}

/// Why a session could not be written, with what was to be written.
pub(super) struct NotWritten {
    pub(super) path: PathBuf,
    pub(super) session: Session,
    pub(super) reason: String,
    pub(super) remedy: Remedy,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told(kind: io::ErrorKind) -> String {
        let e = StoreError::Io {
            action: "save",
            path: "/data/sessions/s.json".into(),
            cause: io::Error::from(kind),
        };
        RunError::NotSaved {
            reason: e.to_string(),
            path: "/data/sessions/s.json".into(),
            recovery: Ok("/data/recovery/copy.json".into()),
            remedy: Remedy::for_error(&e),
        }
        .to_string()
    }

    #[test]
    fn what_to_do_follows_why_the_save_failed() {
        let full = told(io::ErrorKind::StorageFull);
        assert!(full.contains("Once there is room"), "{full}");
        for kind in [
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::ReadOnlyFilesystem,
        ] {
            let denied = told(kind);
            assert!(!denied.contains("room"), "{denied}");
            assert!(denied.contains("cannot be written"), "{denied}");
            assert!(denied.contains("cp '/data/recovery/copy.json'"), "{denied}");
        }
    }
}
