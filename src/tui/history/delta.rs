//! What changed between two versions of a session, kept small. The why
//! tree is kept as the one list of answers that differs (the deepest list
//! holding every change), which shares everything below it that did not
//! change with the newer version: marking one answer in a 5,000-answer
//! session keeps that answer's siblings, not the tree. The actions are
//! kept as the one run of items that differs, and the rest of the session
//! only when it changed.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{ActionItem, Confidence, Session, WhyList};

/// One why node without its children: what the history holds of a node it
/// does not share, measured as JSON.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    question: &'a str,
    answer: &'a str,
    confidence: Confidence,
    evidence: &'a str,
    offered_by: Option<&'a str>,
    root_cause: bool,
}

/// Replace `remove` items at `at` with `insert`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Splice<T> {
    at: usize,
    remove: usize,
    insert: Vec<T>,
}

/// The list of answers at `path` (the indices of the nodes leading to it;
/// none for the problem statements) as it was.
#[derive(Debug, Clone, PartialEq)]
struct TreeChange {
    path: Vec<usize>,
    list: WhyList,
}

/// How to turn one version of a session (`to`'s successor) back into the
/// other.
#[derive(Debug, Clone, PartialEq)]
pub struct Delta {
    rest: Option<Box<Session>>,
    whys: Option<TreeChange>,
    actions: Splice<ActionItem>,
}

/// The deepest list of `older` that holds every difference from `newer`.
fn tree_change(older: &WhyList, newer: &WhyList) -> Option<TreeChange> {
    let path = WhyList::changed_at(older, newer)?;
    let mut list = older;
    for &i in &path {
        list = &list.get(i)?.children;
    }
    Some(TreeChange {
        path,
        list: list.clone(),
    })
}

/// The one run of `older` that differs from `newer`: where it starts, how
/// many items of `newer` it replaces, and the items of `older` it holds.
fn splice<T: PartialEq, U>(older: &[T], newer: &[T], own: impl Fn(&T) -> U) -> Splice<U> {
    let prefix = older.iter().zip(newer).take_while(|(a, b)| a == b).count();
    let room = older.len().min(newer.len()) - prefix;
    let suffix = older
        .iter()
        .rev()
        .zip(newer.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    Splice {
        at: prefix,
        remove: newer.len() - prefix - suffix,
        insert: older[prefix..older.len() - suffix]
            .iter()
            .map(own)
            .collect(),
    }
}

fn apply<T>(items: &mut Vec<T>, s: &Splice<T>)
where
    T: Clone,
{
    items.splice(s.at..s.at + s.remove, s.insert.iter().cloned());
}

/// The session without its tree and actions (copied field by field, so
/// the tree is never copied for it).
fn rest(s: &Session) -> Session {
    Session {
        schema_version: s.schema_version,
        id: s.id.clone(),
        title: s.title.clone(),
        kind: s.kind.clone(),
        time_zone: s.time_zone.clone(),
        created: s.created,
        updated: s.updated,
        stage: s.stage,
        intake: s.intake.clone(),
        participants: s.participants.clone(),
        whys: Default::default(),
        actions: Vec::new(),
        went_well: s.went_well.clone(),
        went_wrong: s.went_wrong.clone(),
        lucky: s.lucky.clone(),
        notes: s.notes.clone(),
        meeting: s.meeting.clone(),
        conflicts: s.conflicts.clone(),
    }
}

/// How to get `older` back from `newer`.
pub fn between(older: &Session, newer: &Session) -> Delta {
    let (old_rest, new_rest) = (rest(older), rest(newer));
    Delta {
        rest: (old_rest != new_rest).then(|| Box::new(old_rest)),
        whys: tree_change(&older.whys, &newer.whys),
        actions: splice(&older.actions, &newer.actions, ActionItem::clone),
    }
}

/// `tree` with the list a change kept put back; the lists on the way down
/// to it are copied, everything else stays shared.
fn put_back(tree: &WhyList, change: &TreeChange) -> WhyList {
    let mut back = tree.clone();
    let mut list = &mut back;
    for &i in &change.path {
        list = &mut list.make_mut()[i].children;
    }
    *list = change.list.clone();
    back
}

/// `newer` taken back by `delta`.
pub fn restore(newer: &Session, delta: &Delta) -> Session {
    let mut back = match &delta.rest {
        Some(rest) => (**rest).clone(),
        None => rest(newer),
    };
    back.whys = match &delta.whys {
        Some(change) => put_back(&newer.whys, change),
        None => newer.whys.clone(),
    };
    let mut actions = newer.actions.clone();
    apply(&mut actions, &delta.actions);
    back.actions = actions;
    back
}

/// Bytes, as JSON, of what `delta` holds that `newer` (the version it
/// takes back) does not share: the rest of the session and the actions it
/// keeps, and the nodes in lists of the kept tree that `newer` does not
/// hold too.
pub fn held_bytes(newer: &Session, delta: &Delta) -> usize {
    let json = |value: &dyn erased::Json| value.len();
    let mut total = delta.rest.as_ref().map_or(0, |r| json(r)) + json(&delta.actions);
    if let Some(change) = &delta.whys {
        let mut shared = HashSet::new();
        let mut lists = vec![&newer.whys];
        while let Some(list) = lists.pop() {
            if shared.insert(list.address()) {
                lists.extend(list.iter().map(|n| &n.children));
            }
        }
        let mut lists = vec![&change.list];
        while let Some(list) = lists.pop() {
            if list.is_empty() || shared.contains(&list.address()) {
                continue;
            }
            for node in list.iter() {
                total += json(&Row {
                    id: &node.id,
                    question: &node.question,
                    answer: &node.answer,
                    confidence: node.confidence,
                    evidence: &node.evidence,
                    offered_by: node.offered_by.as_deref(),
                    root_cause: node.root_cause,
                });
                lists.push(&node.children);
            }
        }
    }
    total
}

/// Anything whose JSON length can be measured.
pub(super) mod erased {
    /// A value's length as JSON.
    pub trait Json {
        fn len(&self) -> usize;
    }
    impl<T: serde::Serialize> Json for T {
        fn len(&self) -> usize {
            serde_json::to_vec(self).map_or(0, |v| v.len())
        }
    }
}
