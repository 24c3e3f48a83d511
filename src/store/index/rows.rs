//! What the index keeps of one session, taken from the session as read.

use jiff::civil::Date;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::{ActionStatus, Session};
use crate::store::SessionSummary;

/// One session's rows.
pub struct Extract {
    /// What `list` shows (no open actions, no path).
    pub summary: SessionSummary,
    /// Start to detection, in minutes.
    pub detect_minutes: Option<i64>,
    /// Detection to resolution, in minutes.
    pub resolve_minutes: Option<i64>,
    /// Every action, in order.
    pub actions: Vec<ActionRec>,
    /// The root causes' answers, one per line.
    pub causes: String,
    /// Actions done with no due date to measure against.
    pub done_undated: i64,
    /// Actions dropped.
    pub dropped: i64,
    /// Actions open or in progress.
    pub still_open: i64,
    /// Each team owning actions: `team\x1factions\x1fopen` lines.
    pub teams: String,
}

/// One action's row.
pub struct ActionRec {
    pub id: String,
    pub description: String,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub due: Option<i64>,
    pub priority: i64,
    pub status: String,
    pub link: Option<String>,
    pub note: String,
    /// The day it was done, in the session's zone.
    pub done_day: Option<i64>,
}

/// A value's name as its session file spells it (`in_progress`).
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The value a name stands for (see [`name_of`]).
pub fn from_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// A day as `yyyymmdd`, which sorts as days do.
pub fn day_number(d: Date) -> i64 {
    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

/// The day `yyyymmdd` stands for.
pub fn day_of(n: i64) -> Option<Date> {
    let year = i16::try_from(n.div_euclid(10_000)).ok()?;
    let rest = n.rem_euclid(10_000);
    Date::new(
        year,
        i8::try_from(rest / 100).ok()?,
        i8::try_from(rest % 100).ok()?,
    )
    .ok()
}

impl Extract {
    /// The rows of `session`.
    pub fn of(session: &Session) -> Extract {
        let mut summary = SessionSummary::of(session, Default::default());
        summary.follow_ups = Vec::new();
        let zone = session.zone().unwrap_or(jiff::tz::TimeZone::UTC);
        let actions = session
            .actions
            .iter()
            .map(|a| ActionRec {
                id: a.id.clone(),
                description: a.description.clone(),
                owner: a.owner.clone(),
                team: a.team.clone(),
                due: a.due.map(day_number),
                priority: a.priority as i64,
                status: name_of(&a.status),
                link: a.link.clone(),
                note: a.note.clone(),
                done_day: (a.status == ActionStatus::Done)
                    .then_some(a.completed)
                    .flatten()
                    .map(|at| day_number(at.to_zoned(zone.clone()).date())),
            })
            .collect();
        let causes: Vec<&str> = (session.root_causes().into_iter())
            .map(|n| n.answer.as_str())
            .collect();
        let count = |f: &dyn Fn(&crate::model::ActionItem) -> bool| {
            session.actions.iter().filter(|a| f(a)).count() as i64
        };
        let done = count(&|a| a.status == ActionStatus::Done);
        let mut teams: std::collections::BTreeMap<&str, (i64, i64)> = Default::default();
        for a in &session.actions {
            if let Some(team) = a.team.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                let entry = teams.entry(team).or_default();
                entry.0 += 1;
                entry.1 += i64::from(a.status.is_open());
            }
        }
        let teams = teams
            .into_iter()
            .map(|(team, (all, open))| format!("{team}\x1f{all}\x1f{open}\n"))
            .collect();
        Extract {
            done_undated: done - summary.done_on_time as i64 - summary.done_late as i64,
            dropped: count(&|a| a.status == ActionStatus::Dropped),
            still_open: count(&|a| a.status.is_open()),
            teams,
            summary,
            detect_minutes: session.intake.time_to_detect().map(|d| d.as_secs() / 60),
            resolve_minutes: session.intake.time_to_resolve().map(|d| d.as_secs() / 60),
            actions,
            causes: causes.join("\n"),
        }
    }
}
