//! The session list's state: the listing, the selection, the filter, and
//! which mode the list is in.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::follow::Hit;
use crate::store::{FollowUp, Listing, SessionSummary};

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
    /// Which list the arrows move in.
    pub focus: HomeFocus,
    /// Index into [`HomeState::follow_ups`].
    pub follow_sel: usize,
    /// Where the filter text was found inside sessions (answers, actions,
    /// evidence …), for the filter it was searched for.
    pub found: Option<Found>,
    /// The follow-ups worked out for a day (indexes of session and
    /// action), kept until the listing changes: not redone every frame.
    pub follow_memo: std::cell::OnceCell<(jiff::civil::Date, Vec<(usize, usize)>)>,
    /// The listing is being read in the background.
    pub loading: bool,
}

/// Which list on Home has the selection.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum HomeFocus {
    /// The sessions.
    #[default]
    Sessions,
    /// Overdue and soon-due actions across sessions.
    FollowUps,
}

/// The result of searching the index for the filter text, as it comes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    /// The filter text searched for.
    pub query: String,
    /// Which sessions of the listing were found, by their place in it.
    pub kept: Vec<bool>,
    /// The first place it was found, for the first sessions found, by
    /// session id.
    pub hits: std::collections::BTreeMap<String, Hit>,
    /// Everything has come.
    pub done: bool,
}

/// Part of a search's result, as the index gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum FoundPart {
    /// Sessions found, by id.
    Sessions(Vec<String>),
    /// Sessions found, by their rows in the index.
    Keys(Vec<i64>),
    /// Where it was found in one of them.
    Hit(Hit),
    /// That was all.
    Done,
}

/// How far ahead Home's follow-ups look, in days.
pub const FOLLOW_UP_DAYS: i64 = 7;

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
    /// Sessions matching the filter (the words anywhere in them, or an id
    /// starting with it), newest first. While the index is still being
    /// asked about the filter as now typed, what it found for the text
    /// before.
    pub fn visible(&self) -> Vec<&SessionSummary> {
        let sessions = &self.listing.sessions;
        if self.filter.trim().is_empty() {
            return sessions.iter().collect();
        }
        match &self.found {
            Some(found) => (sessions.iter().zip(&found.kept))
                .filter(|(_, kept)| **kept)
                .map(|(s, _)| s)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Whether the index has answered for the filter as typed now.
    pub fn searching(&self) -> bool {
        !self.filter.trim().is_empty()
            && self
                .found
                .as_ref()
                .is_none_or(|f| f.query != self.filter || !f.done)
    }

    /// Takes in part of what the index found for `query`.
    pub fn take_found(&mut self, query: String, part: FoundPart) {
        if query != self.filter {
            return;
        }
        let found = match &mut self.found {
            Some(found) if found.query == query => found,
            other => other.insert(Found {
                query,
                ..Found::default()
            }),
        };
        found.kept.resize(self.listing.sessions.len(), false);
        match part {
            FoundPart::Sessions(ids) => {
                for id in ids {
                    if let Some(&i) = self.listing.positions.get(&id) {
                        found.kept[i] = true;
                    }
                }
            }
            FoundPart::Keys(keys) => {
                for key in keys {
                    if let Some(&i) = self.listing.by_key.get(&key) {
                        found.kept[i] = true;
                    }
                }
            }
            FoundPart::Hit(hit) => {
                found.hits.insert(hit.session.clone(), hit);
            }
            FoundPart::Done => found.done = true,
        }
    }

    /// Forgets what was worked out from the listing.
    pub fn forget(&mut self) {
        self.follow_memo = std::cell::OnceCell::new();
    }

    /// Where the current filter was found in each session, once searched.
    pub fn hits(&self) -> Option<&std::collections::BTreeMap<String, Hit>> {
        self.found
            .as_ref()
            .filter(|f| f.query == self.filter)
            .map(|f| &f.hits)
    }

    /// Open actions across sessions that are overdue or due within
    /// [`FOLLOW_UP_DAYS`] of `today`, soonest first.
    pub fn follow_ups(&self, today: jiff::civil::Date) -> Vec<(&SessionSummary, &FollowUp)> {
        let sessions = &self.listing.sessions;
        let work_out = || {
            let last = today.saturating_add(jiff::Span::new().days(FOLLOW_UP_DAYS));
            let mut rows: Vec<(usize, usize)> = sessions
                .iter()
                .enumerate()
                .flat_map(|(i, s)| {
                    s.follow_ups
                        .iter()
                        .enumerate()
                        .filter(move |(_, f)| f.due.is_some_and(|d| d <= last))
                        .map(move |(j, _)| (i, j))
                })
                .collect();
            let key = |&(i, j): &(usize, usize)| (sessions[i].follow_ups[j].due, &sessions[i].id);
            rows.sort_by(|a, b| key(a).cmp(&key(b)));
            (today, rows)
        };
        let memo = self.follow_memo.get_or_init(work_out);
        let fresh;
        let rows = if memo.0 == today {
            &memo.1
        } else {
            fresh = work_out();
            &fresh.1
        };
        rows.iter()
            .filter_map(|&(i, j)| {
                let s = sessions.get(i)?;
                Some((s, s.follow_ups.get(j)?))
            })
            .collect()
    }
}
