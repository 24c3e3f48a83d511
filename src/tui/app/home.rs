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
    /// The sessions the filter keeps (indexes), for the filter text they
    /// were worked out for: not redone every frame. Cleared with the
    /// listing or the search results.
    pub visible_memo: std::cell::RefCell<Option<(String, Vec<usize>)>>,
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

/// The result of searching every session for the filter text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The filter text searched for.
    pub query: String,
    /// The first place it was found in each session, by session id.
    pub hits: std::collections::BTreeMap<String, Hit>,
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
    /// Sessions matching the filter (in the title, the id, or anywhere
    /// the search found it), newest first.
    pub fn visible(&self) -> Vec<&SessionSummary> {
        let sessions = &self.listing.sessions;
        if self.filter.is_empty() {
            return sessions.iter().collect();
        }
        let mut memo = self.visible_memo.borrow_mut();
        if memo
            .as_ref()
            .is_none_or(|(filter, _)| *filter != self.filter)
        {
            let needle = crate::follow::fold(&self.filter);
            let found = self.hits();
            let kept = sessions
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    crate::follow::fold(&s.title).contains(&needle)
                        || s.id.starts_with(&needle)
                        || found.is_some_and(|f| f.contains_key(&s.id))
                })
                .map(|(i, _)| i)
                .collect();
            *memo = Some((self.filter.clone(), kept));
        }
        let (_, kept) = memo.as_ref().expect("worked out above");
        kept.iter().filter_map(|&i| sessions.get(i)).collect()
    }

    /// Forgets what was worked out from the listing or the search.
    pub fn forget(&mut self) {
        self.follow_memo = std::cell::OnceCell::new();
        self.visible_memo = std::cell::RefCell::new(None);
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
