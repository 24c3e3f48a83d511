//! The session list's state: the listing, the selection, the filter, and
//! which mode the list is in.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::store::{Listing, SessionSummary};

/// The session list.
#[derive(Debug, Default)]
pub struct HomeState {
    /// What the store listed.
    pub listing: Listing,
    /// Index into [`HomeState::visible`].
    pub selected: usize,
    /// The filter text (kept after typing it, until cleared).
    pub filter: String,
    /// What keys do on the list now.
    pub mode: HomeMode,
}

/// What keys do on the session list.
#[derive(Debug, Default)]
pub enum HomeMode {
    /// Moving through the list.
    #[default]
    Browse,
    /// Typing into the filter.
    Filter,
    /// Typing the title of a new session, and choosing its kind.
    NewTitle {
        /// The title being typed.
        area: Box<TextArea<'static>>,
        /// Index of the kind in the known kinds.
        kind: usize,
    },
    /// Asking whether to move this session file to the trash.
    ConfirmTrash(PathBuf),
}

impl HomeState {
    /// Sessions matching the filter, newest first.
    pub fn visible(&self) -> Vec<&SessionSummary> {
        let needle = self.filter.to_lowercase();
        self.listing
            .sessions
            .iter()
            .filter(|s| {
                needle.is_empty()
                    || s.title.to_lowercase().contains(&needle)
                    || s.id.starts_with(&needle)
            })
            .collect()
    }
}
