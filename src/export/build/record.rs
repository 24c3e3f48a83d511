//! The record, for those who read on: what went well, wrong and lucky,
//! the timeline, who took part, and notes.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::super::Context;
use super::super::document::{Block, Run, Section, Text, plain};
use super::super::format;
use super::{non_empty, paragraphs};
use crate::model::{Lesson, Role, Session};

/// What went well, wrong and lucky: a section for each with anything in it.
pub fn lessons(s: &Session) -> Vec<Section> {
    Lesson::ALL
        .into_iter()
        .filter(|lesson| !s.lessons(*lesson).is_empty())
        .map(|lesson| Section {
            heading: lesson.heading().into(),
            blocks: vec![Block::Bullets(
                s.lessons(lesson).iter().map(|i| plain(i.trim())).collect(),
            )],
        })
        .collect()
}

/// The notes, as paragraphs.
pub fn notes(s: &Session) -> Section {
    let text = paragraphs(&s.notes);
    Section {
        heading: "Notes".into(),
        blocks: if text.is_empty() {
            Vec::new()
        } else {
            vec![Block::Paragraphs(text)]
        },
    }
}

/// The moments of the incident in order, the date once a day.
pub fn timeline(s: &Session, ctx: &Context) -> Section {
    let intake = &s.intake;
    let mut moments: Vec<(Timestamp, Run)> = Vec::new();
    for (at, what) in [
        (intake.started, "Started"),
        (intake.detected, "Detected"),
        (intake.resolved, "Resolved"),
    ] {
        if let Some(at) = at {
            moments.push((at, Run::Strong(what.into())));
        }
    }
    for m in &intake.key_moments {
        moments.push((m.at, Run::Plain(m.what.trim().to_string())));
    }
    moments.sort_by_key(|(at, _)| *at);
    let mut last_day = None;
    let items: Vec<Text> = moments
        .into_iter()
        .map(|(at, what)| {
            let zoned = at.to_zoned(ctx.tz.clone());
            // The date once per day; times alone after it.
            let when = if last_day == Some(zoned.date()) {
                format::clock(at, &ctx.tz)
            } else {
                last_day = Some(zoned.date());
                format!(
                    "{} {}",
                    format::date(zoned.date()),
                    format::clock(at, &ctx.tz)
                )
            };
            vec![Run::Unbroken(when), Run::Plain(" ".into()), what]
        })
        .collect();
    Section {
        heading: "Timeline".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Bullets(items)]
        },
    }
}

/// Who took part, by team (counted, not named, when redacted).
pub fn people(s: &Session, redacted: bool) -> Section {
    let mut by_team: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &s.participants {
        let team = non_empty(&p.team, "No team given");
        let role = match p.role {
            Role::Participant => String::new(),
            role => role.label().to_string(),
        };
        let entry = if redacted {
            role
        } else if role.is_empty() {
            p.name.trim().to_string()
        } else {
            format!("{} ({role})", p.name.trim())
        };
        by_team.entry(team).or_default().push(entry);
    }
    let items: Vec<String> = by_team
        .into_iter()
        .map(|(team, names)| {
            if redacted {
                let roles: Vec<String> = names.iter().filter(|r| !r.is_empty()).cloned().collect();
                let n = names.len();
                let people = if n == 1 {
                    "1 person".to_string()
                } else {
                    format!("{n} people")
                };
                if roles.is_empty() {
                    format!("{team}: {people}")
                } else {
                    format!("{team}: {people} ({})", roles.join(", "))
                }
            } else {
                format!("{team}: {}", names.join(", "))
            }
        })
        .collect();
    // One line: teams apart by " · ".
    Section {
        heading: "Who took part".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Lines(vec![plain(items.join(" · "))])]
        },
    }
}
