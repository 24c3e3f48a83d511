//! The actions: on the first screen a table of what we ask, of whom, by
//! when ("needs an owner", "overdue since …" in words), with what is
//! still open under it; later, each action's details (priority, where it
//! is tracked, what it addresses, notes).

use super::super::Context;
use super::super::document::{Block, Run, Section, Table, Text};
use super::super::format;
use super::{Labels, non_empty};
use crate::model::{ActionItem, ActionStatus, Priority, Session, When};

/// "What we ask of you": a row per action (label, what, who, when), then
/// what is still open (a root cause no action addresses, an open action
/// nobody owns or with no date).
pub fn asked(s: &Session, ctx: &Context, labels: &Labels) -> Section {
    if s.actions.is_empty() {
        return Section {
            heading: "What we ask of you".into(),
            blocks: vec![Block::Lines(vec![vec![Run::Warn(
                "No actions were agreed yet.".into(),
            )]])],
        };
    }
    let rows = s
        .actions
        .iter()
        .map(|a| {
            vec![
                vec![Run::Strong(labels.actions[&a.id].clone())],
                vec![Run::Plain(non_empty(&a.description, "(not written yet)"))],
                who(a),
                when(a, ctx),
            ]
        })
        .collect();
    let mut blocks = vec![Block::Table(Table {
        head: vec![String::new(), "What".into(), "Who".into(), "By when".into()],
        rows,
    })];
    if let Some(open) = still_open(s, labels) {
        blocks.push(Block::Lines(vec![open]));
    }
    Section {
        heading: "What we ask of you".into(),
        blocks,
    }
}

/// The owner, or that the action needs one.
fn who(a: &ActionItem) -> Text {
    match a.owner_words() {
        Some(owner) => vec![Run::Plain(owner)],
        None if a.status.is_open() => vec![Run::Warn("needs an owner".into())],
        None => vec![Run::Plain("nobody named".into())],
    }
}

/// By when, or where it stands: "by Tue 15 Dec 2026", "overdue since Fri
/// 20 Nov 2026 · in progress", "done", "needs a date".
fn when(a: &ActionItem, ctx: &Context) -> Text {
    let mut out = match a.when(ctx.today) {
        When::Done => vec![Run::Plain("done".into())],
        When::Dropped => vec![Run::Plain("dropped".into())],
        When::Overdue(due) => vec![
            Run::Warn("overdue since ".into()),
            Run::Unbroken(format::date(due)),
        ],
        When::By(due) => vec![Run::Plain("by ".into()), Run::Unbroken(format::date(due))],
        When::NoDate => vec![Run::Warn("needs a date".into())],
    };
    if a.status == ActionStatus::InProgress {
        out.push(Run::Plain(" · in progress".into()));
    }
    out
}

/// "Still open: RC2 has no action · A5 needs a date.", if anything is.
fn still_open(s: &Session, labels: &Labels) -> Option<Text> {
    let mut gaps: Vec<String> = s
        .unaddressed_root_causes()
        .iter()
        .map(|n| format!("{} has no action", labels.roots[&n.id]))
        .collect();
    for a in s.actions.iter().filter(|a| a.status.is_open()) {
        let label = &labels.actions[&a.id];
        match (a.is_owned(), a.due.is_some()) {
            (false, false) => gaps.push(format!("{label} needs an owner and a date")),
            (false, true) => gaps.push(format!("{label} needs an owner")),
            (true, false) => gaps.push(format!("{label} needs a date")),
            (true, true) => {}
        }
    }
    if gaps.is_empty() {
        return None;
    }
    Some(vec![
        Run::Strong("Still open:".into()),
        Run::Plain(" ".into()),
        Run::Warn(format!("{}.", gaps.join(" · "))),
    ])
}

/// Each action's details, for those who read on: its priority, where it
/// is tracked, what it addresses, its note. Actions with none are left out.
pub fn details(s: &Session, labels: &Labels) -> Section {
    let lines: Vec<Text> = s
        .actions
        .iter()
        .filter_map(|a| {
            let mut parts: Vec<String> = Vec::new();
            match a.priority {
                Priority::High => parts.push("high priority".into()),
                Priority::Low => parts.push("low priority".into()),
                Priority::Medium => {}
            }
            if let Some(link) = a.link.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                parts.push(format!("tracked in {link}"));
            }
            let targets: Vec<String> = a
                .addresses
                .iter()
                .filter_map(|id| addressed(s, id, labels))
                .collect();
            if !targets.is_empty() {
                parts.push(format!("for {}", targets.join(", ")));
            }
            if !a.note.trim().is_empty() {
                parts.push(format!("note: {}", a.note.trim()));
            }
            if parts.is_empty() {
                return None;
            }
            Some(vec![
                Run::Strong(labels.actions[&a.id].clone()),
                Run::Plain(format!(" {}", parts.join(" · "))),
            ])
        })
        .collect();
    Section {
        heading: "About the actions".into(),
        blocks: if lines.is_empty() {
            Vec::new()
        } else {
            vec![Block::Lines(lines)]
        },
    }
}

/// How an action names what it addresses: "RC1", or an answer's label.
fn addressed(s: &Session, id: &str, labels: &Labels) -> Option<String> {
    s.node(id)?;
    Some(match labels.roots.get(id) {
        Some(rc) => rc.clone(),
        None => labels.tree[id].clone(),
    })
}
