//! What a merge brought in from the other side, counted for the one-line
//! banner the facilitator sees ("2 answers and 1 action status came in
//! from elsewhere"). A change counts when only the other side made it: a
//! change both sides made alike is not news, and a clash is counted apart.

use std::collections::BTreeMap;

use super::tree::Flat;
use crate::model::{ActionItem, Session, WhyNode};

/// What came in, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Answers (or problem statements) added there.
    pub answers_added: usize,
    /// Answers whose words, marks or place changed there.
    pub answers_changed: usize,
    /// Answers removed there.
    pub answers_removed: usize,
    /// Actions added there.
    pub actions_added: usize,
    /// Actions removed there.
    pub actions_removed: usize,
    /// Fields of actions changed there, by field name, with how many.
    pub action_fields: BTreeMap<&'static str, usize>,
    /// Participants added or changed there.
    pub people: usize,
    /// Fields of the session changed there (title, summary, lessons …).
    pub session_fields: Vec<&'static str>,
}

/// Whether only the other side changed a value.
fn came<T: PartialEq>(base: &T, mine: &T, theirs: &T) -> bool {
    base != theirs && mine == base
}

/// An answer's own fields and its place, for comparing one by one.
fn node_fields(parent: &Option<&str>, n: &WhyNode) -> [String; 7] {
    let WhyNode {
        id: _,
        question,
        answer,
        confidence,
        evidence,
        offered_by,
        root_cause,
        children: _,
    } = n;
    [
        format!("{parent:?}"),
        question.clone(),
        answer.clone(),
        format!("{confidence:?}"),
        evidence.clone(),
        format!("{offered_by:?}"),
        root_cause.to_string(),
    ]
}

/// The fields of an action, by name, for counting (destructured in full:
/// a new field is one compiler error from being counted).
fn action_fields(a: &ActionItem) -> [(&'static str, String); 9] {
    let ActionItem {
        id: _,
        description,
        owner,
        team,
        due,
        priority,
        status,
        link,
        addresses,
        // When it was made and done follow from the rest.
        created: _,
        completed: _,
        note,
    } = a;
    [
        ("description", description.clone()),
        ("owner", format!("{owner:?}")),
        ("team", format!("{team:?}")),
        ("due date", format!("{due:?}")),
        ("priority", format!("{priority:?}")),
        ("status", format!("{status:?}")),
        ("link", format!("{link:?}")),
        ("link to an answer", format!("{addresses:?}")),
        ("note", note.clone()),
    ]
}

impl Incoming {
    /// Counts what `theirs` changed from `base` that `mine` had not.
    pub fn of(base: &Session, mine: &Session, theirs: &Session) -> Incoming {
        let mut incoming = Incoming::default();
        let (b, m, t) = (
            Flat::of(&base.whys),
            Flat::of(&mine.whys),
            Flat::of(&theirs.whys),
        );
        for (id, (tp, tn)) in &t.nodes {
            match (b.nodes.get(id), m.nodes.get(id)) {
                (None, None) => incoming.answers_added += 1,
                (Some((bp, bn)), Some((mp, mn))) => {
                    let (bf, mf, tf) = (
                        node_fields(bp, bn),
                        node_fields(mp, mn),
                        node_fields(tp, tn),
                    );
                    if (0..bf.len()).any(|i| came(&bf[i], &mf[i], &tf[i])) {
                        incoming.answers_changed += 1;
                    }
                }
                _ => {}
            }
        }
        incoming.answers_removed = (b.nodes.keys())
            .filter(|id| !t.nodes.contains_key(*id) && m.nodes.contains_key(*id))
            .count();
        let find = |s: &Session, id: &str| s.actions.iter().find(|a| a.id == id).cloned();
        for ta in &theirs.actions {
            match (find(base, &ta.id), find(mine, &ta.id)) {
                (None, None) => incoming.actions_added += 1,
                (Some(ba), Some(ma)) => {
                    let (bf, mf, tf) = (action_fields(&ba), action_fields(&ma), action_fields(ta));
                    for i in 0..bf.len() {
                        if came(&bf[i].1, &mf[i].1, &tf[i].1) {
                            *incoming.action_fields.entry(bf[i].0).or_default() += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        incoming.actions_removed = (base.actions.iter())
            .filter(|a| find(theirs, &a.id).is_none() && find(mine, &a.id).is_some())
            .count();
        incoming.people = (theirs.participants.iter())
            .filter(|p| {
                let was = base.participants.iter().find(|x| x.name == p.name);
                let here = mine.participants.iter().find(|x| x.name == p.name);
                was != Some(p) && here == was
            })
            .count();
        incoming.session_fields = session_fields(base, mine, theirs);
        incoming
    }

    /// Whether nothing came in.
    pub fn is_empty(&self) -> bool {
        *self == Incoming::default()
    }

    /// One line for the banner, e.g. "2 new answers and 1 action status".
    pub fn describe(&self) -> String {
        let n = |count: usize, one: &str, many: &str| match count {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let mut parts: Vec<String> = [
            n(self.answers_added, "new answer", "new answers"),
            n(self.answers_changed, "changed answer", "changed answers"),
            n(self.answers_removed, "answer removed", "answers removed"),
            n(self.actions_added, "new action", "new actions"),
            n(self.actions_removed, "action removed", "actions removed"),
        ]
        .into_iter()
        .flatten()
        .collect();
        for (field, count) in &self.action_fields {
            let plural = match *field {
                "status" => "statuses".to_string(),
                "link to an answer" => "links to answers".to_string(),
                f => format!("{f}s"),
            };
            parts.extend(n(
                *count,
                &format!("action {field}"),
                &format!("action {plural}"),
            ));
        }
        parts.extend(n(self.people, "participant", "participants"));
        parts.extend(self.session_fields.iter().map(|f| format!("the {f}")));
        match parts.len() {
            0 => "nothing new".to_string(),
            1 => parts.remove(0),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{} and {last}", parts.join(", "))
            }
        }
    }
}

/// The session's own fields only the other side changed, by name.
fn session_fields(b: &Session, m: &Session, t: &Session) -> Vec<&'static str> {
    let (bi, mi, ti) = (&b.intake, &m.intake, &t.intake);
    let checks = [
        ("title", came(&b.title, &m.title, &t.title)),
        ("kind of meeting", came(&b.kind, &m.kind, &t.kind)),
        ("time zone", came(&b.time_zone, &m.time_zone, &t.time_zone)),
        ("summary", came(&bi.summary, &mi.summary, &ti.summary)),
        ("start", came(&bi.started, &mi.started, &ti.started)),
        (
            "detection time",
            came(&bi.detected, &mi.detected, &ti.detected),
        ),
        (
            "resolution time",
            came(&bi.resolved, &mi.resolved, &ti.resolved),
        ),
        ("severity", came(&bi.severity, &mi.severity, &ti.severity)),
        (
            "impact",
            came(
                &bi.customer_impact,
                &mi.customer_impact,
                &ti.customer_impact,
            ),
        ),
        (
            "key moments",
            came(&bi.key_moments, &mi.key_moments, &ti.key_moments),
        ),
        ("notes", came(&b.notes, &m.notes, &t.notes)),
        (
            "lessons",
            came(&b.went_well, &m.went_well, &t.went_well)
                || came(&b.went_wrong, &m.went_wrong, &t.went_wrong)
                || came(&b.lucky, &m.lucky, &t.lucky),
        ),
    ];
    checks
        .into_iter()
        .filter_map(|(name, changed)| changed.then_some(name))
        .collect()
}
