//! What `update` asks the outside world to do: save, open, create, trash,
//! list, quit. The event loop carries these out and reports back with
//! actions.

use std::path::PathBuf;

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the open session soon (debounced).
    Save,
    /// Save everything now and leave.
    Quit,
    /// Open the session file at this path.
    Open(PathBuf),
    /// Create a session and open it.
    Create {
        /// Its title.
        title: String,
        /// Its kind (a key such as `incident`).
        kind: String,
    },
    /// Move this session file to the trash.
    Trash(PathBuf),
    /// Save the open session now (if anything differs from its file),
    /// release its lock, and go back to the list: the event loop answers
    /// with `Action::Closed`, or `Action::CloseFailed` and the session
    /// stays open.
    Close,
    /// Reload the session list.
    Refresh,
    /// Search every session for the Home filter's text.
    Search(String),
    /// Ask the index which earlier sessions have an answer like this one.
    SeenBefore(crate::tui::app::SeenBeforeAsk),
    /// Open the session at this path on its Actions stage, at this action.
    OpenAction {
        /// The session file.
        path: PathBuf,
        /// The action's id.
        action: String,
    },
    /// Copy the open session's summary in this format.
    Copy(crate::export::Format),
    /// Remember this theme for the next start (in the config file).
    RememberTheme(crate::tui::theme::ThemeName),
}
