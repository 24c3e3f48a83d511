//! What `update` asks the outside world to do: save, open, create, trash,
//! list, quit. The event loop carries these out and reports back with
//! actions.

use std::path::PathBuf;

use crate::model::Session;

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the open session soon (debounced).
    Save,
    /// Save everything now and leave.
    Quit,
    /// Open the session file at this path.
    Open(PathBuf),
    /// Create a session with this title and open it.
    Create(String),
    /// Move this session file to the trash.
    Trash(PathBuf),
    /// Save this closed session now, release its lock, and list sessions.
    Close {
        /// The final state of the session.
        session: Box<Session>,
        /// Its file.
        path: PathBuf,
        /// Whether it was open read-only (then nothing is saved).
        read_only: bool,
    },
    /// Reload the session list.
    Refresh,
    /// Copy the open session's summary in this format.
    Copy(crate::export::Format),
}
