//! Action items across sessions: one row per action with the session it
//! came from, filtered and sorted by due date. Pure; no I/O.

use std::sync::Arc;

use compact_str::{CompactString, ToCompactString};
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::model::{ActionStatus, Priority, Session};

use super::fold;

/// One action item with the session it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ActionRow {
    /// The action's id, unique within its session (`a-7hq2`).
    pub id: CompactString,
    /// The session's id.
    pub session: CompactString,
    /// The session's title, shared by its actions' rows.
    pub session_title: Arc<str>,
    /// The action's label in the session's summary: `A2`.
    pub number: CompactString,
    /// What will be done.
    pub description: String,
    /// Who will do it.
    pub owner: Option<CompactString>,
    /// Their team or function.
    pub team: Option<CompactString>,
    /// When it is due.
    pub due: Option<Date>,
    /// How urgent it is.
    pub priority: Priority,
    /// Where it stands.
    pub status: ActionStatus,
    /// Where the work is tracked.
    pub link: Option<String>,
    /// Still open and due before the day it was measured from.
    pub overdue: bool,
    /// The action's note.
    pub note: String,
}

impl ActionRow {
    /// The reference `fivewhys action` takes: `SESSION/ACTION`.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.session, self.id)
    }
}

/// Which actions to list. Every set condition must hold.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    /// Only open or in-progress actions.
    pub open: bool,
    /// Only open actions due before today.
    pub overdue: bool,
    /// Only open actions due within this many days of today (overdue ones
    /// included).
    pub due_within: Option<i64>,
    /// Only actions whose owner contains this (case and accents ignored).
    pub owner: Option<String>,
    /// Only actions whose team contains this (case and accents ignored).
    pub team: Option<String>,
    /// Only actions of the session with this id.
    pub session: Option<String>,
}

impl ActionFilter {
    /// Whether `row` passes every condition of the filter, "overdue" from `today`.
    pub fn keeps(&self, row: &ActionRow, today: Date) -> bool {
        self.keeps_when(row.status, row.due, today)
            && matches(self.owner.as_deref(), row.owner.as_deref())
            && matches(self.team.as_deref(), row.team.as_deref())
            && self.session.as_ref().is_none_or(|id| *id == row.session)
    }

    /// Whether an action with this status and due date passes the
    /// conditions on status and dates: checked before a row is built.
    pub fn keeps_when(&self, status: ActionStatus, due: Option<Date>, today: Date) -> bool {
        let open = status.is_open();
        let within = |days: i64| {
            let last = today.saturating_add(jiff::Span::new().days(days));
            due.is_some_and(|due| due <= last)
        };
        (!self.open || open)
            && (!self.overdue || (open && due.is_some_and(|due| due < today)))
            && self.due_within.is_none_or(|days| open && within(days))
    }
}

fn matches(wanted: Option<&str>, value: Option<&str>) -> bool {
    match wanted {
        None => true,
        Some(wanted) => value.is_some_and(|v| fold(v).contains(&fold(wanted))),
    }
}

/// Every action of `sessions` as rows, "overdue" measured from `today`.
pub fn rows(sessions: &[Session], today: Date) -> Vec<ActionRow> {
    let mut rows = Vec::new();
    for s in sessions {
        let title: Arc<str> = Arc::from(s.title.as_str());
        for (i, a) in s.actions.iter().enumerate() {
            rows.push(ActionRow {
                id: a.id.to_compact_string(),
                session: s.id.to_compact_string(),
                session_title: Arc::clone(&title),
                number: compact_str::format_compact!("A{}", i + 1),
                description: a.description.clone(),
                owner: a.owner.as_deref().map(CompactString::from),
                team: a.team.as_deref().map(CompactString::from),
                due: a.due,
                priority: a.priority,
                status: a.status,
                link: a.link.clone(),
                overdue: a.is_overdue(today),
                note: a.note.clone(),
            });
        }
    }
    rows
}

/// The actions `filter` keeps, soonest due first (undated last), then by
/// priority, session and number.
pub fn select(sessions: &[Session], filter: &ActionFilter, today: Date) -> Vec<ActionRow> {
    let rows = rows(sessions, today);
    sort(&rows, filter, today).into_iter().cloned().collect()
}

/// The rows `filter` keeps, in the order of [`select`]; the rows are
/// borrowed, not moved, and sorted on every core.
pub fn sort<'a>(
    rows: impl IntoIterator<Item = &'a ActionRow>,
    filter: &ActionFilter,
    today: Date,
) -> Vec<&'a ActionRow> {
    let rows: Vec<&ActionRow> = rows.into_iter().collect();
    let mut kept: Vec<_> = rows
        .into_par_iter()
        .filter(|r| filter.keeps(r, today))
        .map(|r| (key(r), r.session.as_str(), number(r), r))
        .collect();
    kept.par_sort_unstable_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    kept.into_iter().map(|(.., row)| row).collect()
}

/// Undated last, then by due date, priority and session id (its first 14
/// bytes, which order as the text does) in one number, so most
/// comparisons are one.
fn key(r: &ActionRow) -> u128 {
    // Year, month and day packed in order (jiff's years are -9999..=9999).
    let day = r.due.map_or(u32::MAX, |d| {
        let year = u32::try_from(i32::from(d.year()) + 10_000).unwrap_or(0);
        let month = u32::try_from(d.month()).unwrap_or(0);
        let day = u32::try_from(d.day()).unwrap_or(0);
        (year << 9) | (month << 5) | day
    });
    let mut session = [0u8; 11];
    let bytes = r.session.as_bytes();
    let n = bytes.len().min(session.len());
    session[..n].copy_from_slice(&bytes[..n]);
    (u128::from(day) << 96)
        | (u128::from(r.priority as u8) << 88)
        | (u128::from_be_bytes({
            let mut all = [0u8; 16];
            all[5..].copy_from_slice(&session);
            all
        }))
}

fn number(row: &ActionRow) -> usize {
    row.number[1..].parse().unwrap_or(0)
}

/// What a reference to one action (`SESSION/ACTION`, an action id, or a
/// unique prefix of either part) matched.
#[derive(Debug, PartialEq)]
pub enum Found<'a> {
    /// Exactly one action: the session's index in the slice and the
    /// action's id.
    One(usize, &'a str),
    /// Nothing matched.
    None,
    /// More than one matched: their `SESSION/ACTION` references.
    Many(Vec<String>),
}

/// Finds one action across `sessions` by reference.
pub fn find<'a>(sessions: &'a [Session], reference: &str) -> Found<'a> {
    let (session_part, action_part) = match reference.split_once('/') {
        Some((s, a)) => (Some(s), a),
        None => (None, reference),
    };
    let mut hits = Vec::new();
    for (i, s) in sessions.iter().enumerate() {
        if session_part.is_some_and(|p| !s.id.starts_with(p)) {
            continue;
        }
        // "A2", the label every summary and screen shows, names the
        // second action of a session given by its id.
        let label = (session_part.is_some())
            .then(|| action_part.strip_prefix(['A', 'a']))
            .flatten()
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| s.actions.get(n));
        if let Some(a) = label {
            hits.push((i, a.id.as_str(), true));
            continue;
        }
        for a in &s.actions {
            if a.id == action_part || a.id.starts_with(action_part) {
                hits.push((i, a.id.as_str(), a.id == action_part));
            }
        }
    }
    // An exact id wins over prefixes of longer ids.
    let exact: Vec<_> = hits.iter().filter(|h| h.2).collect();
    let pick: Vec<(usize, &str)> = if exact.len() == 1 {
        vec![(exact[0].0, exact[0].1)]
    } else {
        hits.iter().map(|h| (h.0, h.1)).collect()
    };
    match pick.as_slice() {
        [] => Found::None,
        [(i, id)] => Found::One(*i, id),
        many => Found::Many(
            many.iter()
                .map(|(i, id)| format!("{}/{id}", sessions[*i].id))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row((due, priority, session, number): (Option<(i16, i8, i8)>, u8, String, u8)) -> ActionRow {
        ActionRow {
            id: compact_str::format_compact!("a-{number}"),
            session: session.into(),
            session_title: Arc::from(""),
            number: compact_str::format_compact!("A{number}"),
            description: String::new(),
            owner: None,
            team: None,
            due: due.and_then(|(y, m, d)| Date::new(y, m, d).ok()),
            priority: [Priority::High, Priority::Medium, Priority::Low][usize::from(priority % 3)],
            status: ActionStatus::Open,
            link: None,
            overdue: false,
            note: String::new(),
        }
    }

    proptest! {
        /// The packed sort key orders rows exactly as the plain
        /// comparison does: undated last, then due date, priority,
        /// session id (long ids sharing a prefix too) and number.
        #[test]
        fn packed_key_sorts_as_the_fields_do(
            specs in prop::collection::vec(
                (
                    prop::option::of((-9999i16..=9999, 1i8..=12, 1i8..=28)),
                    0u8..3,
                    "[ab]{1,16}",
                    1u8..40,
                ),
                0..60,
            )
        ) {
            let rows: Vec<ActionRow> = specs.into_iter().map(row).collect();
            let today = Date::new(2026, 11, 23).unwrap();
            let sorted: Vec<&ActionRow> = sort(&rows, &ActionFilter::default(), today);
            let mut plain: Vec<&ActionRow> = rows.iter().collect();
            plain.sort_by(|a, b| {
                (a.due.is_none(), a.due, a.priority as u8, &a.session, number(a))
                    .cmp(&(b.due.is_none(), b.due, b.priority as u8, &b.session, number(b)))
            });
            let key = |r: &&ActionRow| (r.due, r.priority as u8, r.session.clone(), number(r));
            prop_assert_eq!(
                sorted.iter().map(key).collect::<Vec<_>>(),
                plain.iter().map(key).collect::<Vec<_>>()
            );
        }
    }
}
