//! What the listing keeps of one session: enough for Home, `list`, and
//! the follow-ups across sessions, without reading the file again.

use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::model::{ActionStatus, Session, Stage};

/// What a list needs to know about one readable session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// Its row in the index (0 when not read from the index).
    #[serde(skip)]
    pub key: i64,
    /// Session id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Created.
    pub created: Timestamp,
    /// Last changed.
    pub updated: Timestamp,
    /// Stage it was left at.
    pub stage: Stage,
    /// Number of why answers (problem statements not counted).
    pub whys: usize,
    /// Number of answers marked root cause.
    pub root_causes: usize,
    /// Number of action items.
    pub actions: usize,
    /// Action items still open or in progress.
    pub open_actions: usize,
    /// Full path of the file.
    pub path: PathBuf,
    /// The day of the incident, in the session's zone.
    pub incident_day: jiff::civil::Date,
    /// Every open action, for follow-ups across sessions (Home and
    /// `fivewhys actions --open/--overdue/--due-within` read these, not the
    /// files).
    pub follow_ups: Vec<FollowUp>,
    /// Actions done on or before their due date.
    pub done_on_time: usize,
    /// Actions done after their due date.
    pub done_late: usize,
}

/// An open action, as the listing keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The action's id.
    pub id: String,
    /// Its label in the session's summary: `A2`.
    pub number: String,
    /// What will be done.
    pub description: String,
    /// Who will do it.
    pub owner: Option<String>,
    /// Their team.
    pub team: Option<String>,
    /// When it is due.
    pub due: Option<jiff::civil::Date>,
    /// How urgent.
    pub priority: crate::model::Priority,
    /// Open or in progress.
    pub status: ActionStatus,
    /// Where it is tracked.
    pub link: Option<String>,
    /// Its note.
    pub note: String,
}

impl SessionSummary {
    /// Summarises a loaded session stored at `path`.
    pub fn of(session: &Session, path: PathBuf) -> SessionSummary {
        let nodes = session.why_nodes();
        SessionSummary {
            key: 0,
            id: session.id.clone(),
            title: session.title.clone(),
            created: session.created,
            updated: session.updated,
            stage: session.stage,
            whys: nodes.iter().filter(|(depth, _)| *depth > 0).count(),
            root_causes: nodes.iter().filter(|(_, n)| n.root_cause).count(),
            actions: session.actions.len(),
            open_actions: session
                .actions
                .iter()
                .filter(|a| a.status.is_open() && a.status != ActionStatus::Dropped)
                .count(),
            path,
            incident_day: crate::follow::stats::incident_day(session),
            follow_ups: session
                .actions
                .iter()
                .enumerate()
                .filter(|(_, a)| a.status.is_open())
                .map(|(i, a)| FollowUp {
                    id: a.id.clone(),
                    number: format!("A{}", i + 1),
                    description: a.description.clone(),
                    owner: a.owner.clone(),
                    team: a.team.clone(),
                    due: a.due,
                    priority: a.priority,
                    status: a.status,
                    link: a.link.clone(),
                    note: a.note.clone(),
                })
                .collect(),
            done_on_time: done(session, true),
            done_late: done(session, false),
        }
    }
}

/// Actions done on time (or, with `on_time` false, late), measured in the
/// session's zone.
fn done(session: &Session, on_time: bool) -> usize {
    let zone = session.zone().unwrap_or(jiff::tz::TimeZone::UTC);
    session
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .filter(|a| match (a.due, a.completed) {
            (Some(due), Some(at)) => (at.to_zoned(zone.clone()).date() <= due) == on_time,
            _ => false,
        })
        .count()
}
