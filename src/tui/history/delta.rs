//! What changed between two versions of a session, kept small: the why
//! tree and the actions as the one run of rows that differs (everything
//! before and after it is shared), and the rest of the session only when
//! it changed. An edit of one answer in a 5,000-answer session is one row.

use serde::Serialize;

use crate::model::{ActionItem, Confidence, Session, WhyNode};

/// One why node without its children, and its parent's id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    parent: Option<String>,
    id: String,
    question: String,
    answer: String,
    confidence: Confidence,
    evidence: String,
    offered_by: Option<String>,
    root_cause: bool,
}

/// Replace `remove` items at `at` with `insert`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Splice<T> {
    at: usize,
    remove: usize,
    insert: Vec<T>,
}

/// How to turn one version of a session (`to`'s successor) back into the
/// other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    rest: Option<Box<Session>>,
    whys: Splice<Row>,
    actions: Splice<ActionItem>,
}

/// One why node without its children, borrowed, and its parent's id: a
/// version compared with another is walked, not copied.
#[derive(Debug, Clone, Copy)]
struct RowRef<'a> {
    parent: Option<&'a str>,
    node: &'a WhyNode,
}

impl PartialEq for RowRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && self.node.same_fields(other.node)
    }
}

impl RowRef<'_> {
    fn owned(self) -> Row {
        let node = self.node;
        Row {
            parent: self.parent.map(str::to_string),
            id: node.id.clone(),
            question: node.question.clone(),
            answer: node.answer.clone(),
            confidence: node.confidence,
            evidence: node.evidence.clone(),
            offered_by: node.offered_by.clone(),
            root_cause: node.root_cause,
        }
    }
}

/// The tree as borrowed rows, depth first, without recursion.
fn row_refs(roots: &[WhyNode]) -> Vec<RowRef<'_>> {
    let mut out = Vec::new();
    let mut stack: Vec<RowRef<'_>> = roots
        .iter()
        .rev()
        .map(|node| RowRef { parent: None, node })
        .collect();
    while let Some(row) = stack.pop() {
        out.push(row);
        let parent = Some(row.node.id.as_str());
        stack.extend(
            row.node
                .children
                .iter()
                .rev()
                .map(|node| RowRef { parent, node }),
        );
    }
    out
}

/// The tree as rows, depth first, without recursion.
pub fn rows(roots: &[WhyNode]) -> Vec<Row> {
    row_refs(roots).into_iter().map(RowRef::owned).collect()
}

/// The tree again from its rows, without recursion: children are built
/// before their parents by walking the rows backwards.
pub fn tree(rows: Vec<Row>) -> Vec<WhyNode> {
    let mut kids: std::collections::HashMap<String, Vec<WhyNode>> =
        std::collections::HashMap::new();
    let mut roots = Vec::new();
    for row in rows.into_iter().rev() {
        let mut node = WhyNode::new(row.id);
        node.question = row.question;
        node.answer = row.answer;
        node.confidence = row.confidence;
        node.evidence = row.evidence;
        node.offered_by = row.offered_by;
        node.root_cause = row.root_cause;
        let parent = row.parent;
        if let Some(mut children) = kids.remove(&node.id) {
            children.reverse();
            node.children = children.into();
        }
        match parent {
            Some(p) => kids.entry(p).or_default().push(node),
            None => roots.push(node),
        }
    }
    roots.reverse();
    roots
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
    }
}

/// How to get `older` back from `newer`.
pub fn between(older: &Session, newer: &Session) -> Delta {
    let (old_rest, new_rest) = (rest(older), rest(newer));
    Delta {
        rest: (old_rest != new_rest).then(|| Box::new(old_rest)),
        whys: splice(&row_refs(&older.whys), &row_refs(&newer.whys), |r| {
            r.owned()
        }),
        actions: splice(&older.actions, &newer.actions, ActionItem::clone),
    }
}

/// `newer` taken back by `delta`.
pub fn restore(newer: &Session, delta: &Delta) -> Session {
    let mut back = match &delta.rest {
        Some(rest) => (**rest).clone(),
        None => rest(newer),
    };
    let mut whys = rows(&newer.whys);
    apply(&mut whys, &delta.whys);
    back.whys = tree(whys).into();
    let mut actions = newer.actions.clone();
    apply(&mut actions, &delta.actions);
    back.actions = actions;
    back
}
