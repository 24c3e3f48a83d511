//! The numbers a team reviews across sessions: how many, how fast noticed
//! and resolved, whether commitments were honoured, which causes recur and
//! which teams carry the actions. Pure; no I/O.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{ActionStatus, Session};

/// The figures for a set of sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// How many sessions are counted.
    pub sessions: usize,
    /// Sessions per month of the incident (`2026-11`), oldest first.
    pub per_month: Vec<MonthCount>,
    /// Start to detection, over sessions that have both times.
    pub time_to_detect: Spread,
    /// Detection to resolution, over sessions that have both times.
    pub time_to_resolve: Spread,
    /// What became of the actions.
    pub actions: Honoured,
    /// Words found in the root causes of two or more sessions, with in how
    /// many; the ten most frequent.
    pub root_cause_words: Vec<WordCount>,
    /// Teams by how many actions they own.
    pub teams: Vec<TeamCount>,
}

/// A month and a count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Sessions whose incident falls in it.
    pub sessions: usize,
    /// Actions due in it that are still open and overdue.
    pub overdue_actions: usize,
}

/// Median and 90th percentile of durations, in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    /// How many sessions had the two times.
    pub count: usize,
    /// The median (nearest rank), if any.
    pub median_minutes: Option<i64>,
    /// The 90th percentile (nearest rank), if any.
    pub p90_minutes: Option<i64>,
}

/// Actions by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Honoured {
    /// Done on or before the due date.
    pub done_on_time: usize,
    /// Done after the due date.
    pub done_late: usize,
    /// Done, with no due date to measure against.
    pub done_undated: usize,
    /// Still open and past the due date.
    pub overdue: usize,
    /// Still open, not yet due (or with no date).
    pub open: usize,
    /// Decided against.
    pub dropped: usize,
}

impl Honoured {
    /// Of the actions whose due date has come (done with a date, or
    /// overdue), the share done on time, in whole percent.
    pub fn on_time_percent(&self) -> Option<usize> {
        let measured = self.done_on_time + self.done_late + self.overdue;
        (measured > 0).then(|| (self.done_on_time * 100 + measured / 2) / measured)
    }
}

/// A word and the number of sessions whose root causes use it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordCount {
    /// The word, lower case.
    pub word: String,
    /// In how many sessions.
    pub sessions: usize,
}

/// A team and the actions it owns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamCount {
    /// The team as written.
    pub team: String,
    /// Actions it owns.
    pub actions: usize,
    /// Of those, still open.
    pub open: usize,
}

/// The day a session's incident happened, in the session's zone: the
/// first time known, else the day the session was created.
pub fn incident_day(s: &Session) -> Date {
    let at = s.intake.first_known().unwrap_or(s.created);
    let zone = s.zone().unwrap_or(jiff::tz::TimeZone::UTC);
    at.to_zoned(zone).date()
}

/// Figures over `sessions` whose incident day is on or after `since`,
/// "overdue" measured from `today`.
pub fn compute(sessions: &[Session], since: Option<Date>, today: Date) -> Stats {
    let mut tally = Tally::new(since, today);
    for s in sessions {
        tally.add(s);
    }
    tally.finish()
}

/// The figures gathered one session at a time, so a large store never has
/// to be in memory at once.
pub struct Tally {
    since: Option<Date>,
    today: Date,
    sessions: usize,
    months: BTreeMap<String, MonthCount>,
    detect: Vec<i64>,
    resolve: Vec<i64>,
    honoured: Honoured,
    words: BTreeMap<String, usize>,
    teams: BTreeMap<String, (String, usize, usize)>,
    /// Which words of a root cause count (see [`content_words`]).
    counts: fn(&str) -> bool,
}

fn month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

impl Tally {
    /// An empty tally.
    pub fn new(since: Option<Date>, today: Date) -> Tally {
        Tally {
            since,
            today,
            sessions: 0,
            months: BTreeMap::new(),
            detect: Vec::new(),
            resolve: Vec::new(),
            honoured: Honoured::default(),
            words: BTreeMap::new(),
            teams: BTreeMap::new(),
            counts: |w| !COMMON.contains(&w),
        }
    }

    /// The same tally, counting only the words `counts` keeps (the
    /// settings' stop words left out too).
    pub fn counting(mut self, counts: fn(&str) -> bool) -> Tally {
        self.counts = counts;
        self
    }

    fn month_mut(&mut self, key: String) -> &mut MonthCount {
        self.months
            .entry(key.clone())
            .or_insert_with(|| MonthCount {
                month: key,
                sessions: 0,
                overdue_actions: 0,
            })
    }

    /// Counts one session (if it is on or after `since`).
    pub fn add(&mut self, s: &Session) {
        let day = incident_day(s);
        if !self.counts(day) {
            return;
        }
        self.add_session(
            day,
            s.intake.time_to_detect().map(|d| d.as_secs() / 60),
            s.intake.time_to_resolve().map(|d| d.as_secs() / 60),
        );
        let zone = s.zone().unwrap_or(jiff::tz::TimeZone::UTC);
        for a in &s.actions {
            let done_day = a.completed.map(|at| at.to_zoned(zone.clone()).date());
            self.add_action(a.status, a.due, done_day, a.team.as_deref());
        }
        self.add_root_causes(s.root_causes().iter().map(|n| n.answer.as_str()));
    }

    /// Whether a session of the incident day `day` is counted.
    pub fn counts(&self, day: Date) -> bool {
        self.since.is_none_or(|since| day >= since)
    }

    /// Counts a session of incident day `day` with the minutes it took to
    /// detect and to resolve, when known (its actions and root causes
    /// come separately).
    pub fn add_session(&mut self, day: Date, detect: Option<i64>, resolve: Option<i64>) {
        self.sessions += 1;
        self.month_mut(month(day)).sessions += 1;
        self.detect.extend(detect);
        self.resolve.extend(resolve);
    }

    /// Counts one action of a counted session: `done_day` is the day it
    /// was done, in the session's zone.
    pub fn add_action(
        &mut self,
        status: ActionStatus,
        due: Option<Date>,
        done_day: Option<Date>,
        team: Option<&str>,
    ) {
        match (status, due, done_day) {
            (ActionStatus::Dropped, ..) => self.honoured.dropped += 1,
            (ActionStatus::Done, Some(due), Some(done)) => {
                if done <= due {
                    self.honoured.done_on_time += 1;
                } else {
                    self.honoured.done_late += 1;
                }
            }
            (ActionStatus::Done, ..) => self.honoured.done_undated += 1,
            _ if status.is_open() && due.is_some_and(|d| d < self.today) => {
                self.honoured.overdue += 1;
                let due = due.map(month).unwrap_or_default();
                self.month_mut(due).overdue_actions += 1;
            }
            _ => self.honoured.open += 1,
        }
        if let Some(team) = team.map(str::trim).filter(|t| !t.is_empty()) {
            let entry = self
                .teams
                .entry(super::fold(team))
                .or_insert_with(|| (team.to_string(), 0, 0));
            entry.1 += 1;
            if status.is_open() {
                entry.2 += 1;
            }
        }
    }

    /// Counts a counted session's actions as the index keeps them: done on
    /// time, late, with no due date, dropped, and still open (each then
    /// moved to overdue by [`Tally::add_overdue`] when it is).
    pub fn add_outcomes(
        &mut self,
        on_time: usize,
        late: usize,
        undated: usize,
        dropped: usize,
        open: usize,
    ) {
        let h = &mut self.honoured;
        h.done_on_time += on_time;
        h.done_late += late;
        h.done_undated += undated;
        h.dropped += dropped;
        h.open += open;
    }

    /// One of the open actions counted by [`Tally::add_outcomes`] is
    /// overdue: it was due on `due`.
    pub fn add_overdue(&mut self, due: Date) {
        self.honoured.open = self.honoured.open.saturating_sub(1);
        self.honoured.overdue += 1;
        self.month_mut(month(due)).overdue_actions += 1;
    }

    /// A team owns `actions` actions of a counted session, `open` still open.
    pub fn add_team(&mut self, team: &str, actions: usize, open: usize) {
        let entry = self
            .teams
            .entry(super::fold(team))
            .or_insert_with(|| (team.to_string(), 0, 0));
        entry.1 += actions;
        entry.2 += open;
    }

    /// Counts the root causes of one counted session (their words).
    pub fn add_root_causes<'a>(&mut self, answers: impl IntoIterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for answer in answers {
            seen.extend(content_words(answer, self.counts));
        }
        for w in seen {
            *self.words.entry(w).or_default() += 1;
        }
    }

    /// The figures.
    pub fn finish(self) -> Stats {
        let mut root_cause_words: Vec<WordCount> = self
            .words
            .into_iter()
            .map(|(word, sessions)| WordCount { word, sessions })
            .collect();
        // Only what recurs: a word in one session's root causes says
        // nothing about the others.
        root_cause_words.retain(|w| w.sessions >= 2);
        root_cause_words.sort_by(|a, b| b.sessions.cmp(&a.sessions).then(a.word.cmp(&b.word)));
        root_cause_words.truncate(10);
        let mut teams: Vec<TeamCount> = self
            .teams
            .into_values()
            .map(|(team, actions, open)| TeamCount {
                team,
                actions,
                open,
            })
            .collect();
        teams.sort_by(|a, b| b.actions.cmp(&a.actions).then(a.team.cmp(&b.team)));
        teams.truncate(10);
        Stats {
            sessions: self.sessions,
            per_month: self.months.into_values().collect(),
            time_to_detect: spread(self.detect),
            time_to_resolve: spread(self.resolve),
            actions: self.honoured,
            root_cause_words,
            teams,
        }
    }
}

/// Median and 90th percentile by nearest rank.
fn spread(mut minutes: Vec<i64>) -> Spread {
    minutes.sort_unstable();
    let rank = |p: usize| -> Option<i64> {
        if minutes.is_empty() {
            return None;
        }
        let r = (p * minutes.len()).div_ceil(100).max(1);
        minutes.get(r - 1).copied()
    };
    Spread {
        count: minutes.len(),
        median_minutes: rank(50),
        p90_minutes: rank(90),
    }
}

/// Words that carry meaning: lower case, accents kept, at least three
/// letters, and kept by `counts` (not among the most common English words).
pub fn content_words(text: &str, counts: fn(&str) -> bool) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| {
            let w = w.trim_matches(|c| c == '\'' || c == '-').to_lowercase();
            w.strip_suffix("'s").map(str::to_string).unwrap_or(w)
        })
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| counts(w))
        .collect()
}

/// The most common English words, which say nothing about a cause.
pub const COMMON: &[&str] = &[
    "the", "and", "for", "are", "was", "were", "not", "but", "with", "that", "this", "from",
    "have", "has", "had", "they", "their", "there", "its", "our", "out", "any", "all", "can",
    "did", "does", "into", "onto", "only", "when", "what", "who", "why", "which", "than", "then",
    "too", "very", "been", "being", "because", "about", "after", "before", "over", "under",
    "every", "each", "none", "nobody", "one", "two", "three", "per", "via", "yet", "still", "also",
    "just", "more", "most", "less", "such", "same", "other", "some", "them", "would", "could",
    "should", "will", "may", "might", "must", "get", "got", "had", "his", "her", "she", "him",
    "you", "your", "new", "step", "there's", "isn't", "wasn't", "don't", "doesn't", "didn't", "no",
];
