//! The why tree: problem statements as roots, "why?" answers as children,
//! and the edit operations on it.
//!
//! Every edit keeps two invariants: node ids are unique in the session, and
//! no action item links to a node that does not exist. Pure; no I/O.

use std::ops::ControlFlow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ids;
use super::session::Session;
use super::why_list::WhyList;

/// One answer in the why tree (or, at a root, one problem statement).
/// Chains can be as deep as the room makes them: copying, comparing and
/// dropping a node never overflow the stack (see `why_file` for how the
/// file stores it).
pub struct WhyNode {
    /// Id unique within the session, e.g. `n-k3f9`.
    pub id: String,
    /// The question this node answers. Empty means the default phrasing,
    /// "Why?" of the parent's answer, which follows edits of the parent.
    pub question: String,
    /// The answer; at a root, the problem statement.
    pub answer: String,
    /// How sure the room is of the answer.
    pub confidence: Confidence,
    /// Evidence or a note: a link, a ticket, a metric.
    pub evidence: String,
    /// Who offered the answer (a participant's name).
    pub offered_by: Option<String>,
    /// Whether the room marked this answer as a root cause.
    pub root_cause: bool,
    /// Answers to "why?" of this answer.
    pub children: WhyList,
}

/// How sure the room is of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// We know: there is evidence.
    Fact,
    /// We think so, but have not verified it.
    Belief,
    /// We don't know yet.
    Unsure,
    /// Nobody said how sure: the room has not rated it. Never listed as
    /// something to verify (that is for what the room thinks or doubts).
    #[default]
    NotRated,
}

impl Confidence {
    /// The levels a room rates an answer with, surest first.
    pub const RATED: [Confidence; 3] = [Confidence::Fact, Confidence::Belief, Confidence::Unsure];

    /// Every value, surest first, then "not rated".
    pub const ALL: [Confidence; 4] = [
        Confidence::Fact,
        Confidence::Belief,
        Confidence::Unsure,
        Confidence::NotRated,
    ];

    /// Label that does not rely on colour.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Fact => "fact",
            Confidence::Belief => "belief",
            Confidence::Unsure => "unsure",
            Confidence::NotRated => "not rated",
        }
    }

    /// Whether the room thinks or doubts it: an answer to verify.
    pub fn to_verify(self) -> bool {
        matches!(self, Confidence::Belief | Confidence::Unsure)
    }
}

/// Stack kept free before going a level deeper, and the size of each
/// extra stack segment.
const RED_ZONE: usize = 64 * 1024;
const SEGMENT: usize = 1024 * 1024;

/// A copy shares the answers below (see [`WhyList`]): it copies this
/// node's own words only.
impl Clone for WhyNode {
    fn clone(&self) -> WhyNode {
        WhyNode {
            id: self.id.clone(),
            question: self.question.clone(),
            answer: self.answer.clone(),
            confidence: self.confidence,
            evidence: self.evidence.clone(),
            offered_by: self.offered_by.clone(),
            root_cause: self.root_cause,
            children: self.children.clone(),
        }
    }
}

impl PartialEq for WhyNode {
    fn eq(&self, other: &WhyNode) -> bool {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || {
            self.same_fields(other) && self.children == other.children
        })
    }
}

impl WhyNode {
    /// Whether the two nodes say the same, their children aside.
    pub fn same_fields(&self, other: &WhyNode) -> bool {
        self.id == other.id
            && self.question == other.question
            && self.answer == other.answer
            && self.confidence == other.confidence
            && self.evidence == other.evidence
            && self.offered_by == other.offered_by
            && self.root_cause == other.root_cause
    }
}

impl std::fmt::Debug for WhyNode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || {
            f.debug_struct("WhyNode")
                .field("id", &self.id)
                .field("question", &self.question)
                .field("answer", &self.answer)
                .field("confidence", &self.confidence)
                .field("evidence", &self.evidence)
                .field("offered_by", &self.offered_by)
                .field("root_cause", &self.root_cause)
                .field("children", &self.children)
                .finish()
        })
    }
}

impl Drop for WhyNode {
    // Levels are dropped one at a time, not one inside the other; lists
    // another copy still holds are left to it.
    fn drop(&mut self) {
        let mut below = self.children.take_unique();
        while let Some(mut node) = below.pop() {
            below.append(&mut node.children.take_unique());
        }
    }
}

impl WhyNode {
    /// An empty answer with the given id.
    pub fn new(id: String) -> WhyNode {
        WhyNode {
            id,
            question: String::new(),
            answer: String::new(),
            confidence: Confidence::default(),
            evidence: String::new(),
            offered_by: None,
            root_cause: false,
            children: WhyList::default(),
        }
    }

    /// Marks this answer as a root cause, or unmarks it; returns whether it
    /// is one now.
    pub fn toggle_root_cause(&mut self) -> bool {
        self.root_cause = !self.root_cause;
        self.root_cause
    }

    /// This node and all below it, depth first, each with its depth
    /// relative to this node (0 for this node).
    pub fn walk(&self) -> Vec<(usize, &WhyNode)> {
        depth_first(std::slice::from_ref(self))
    }
}

/// Every node under `roots` (the roots included, at depth 0), depth first,
/// into one list: no list per root, no recursion.
fn depth_first(roots: &[WhyNode]) -> Vec<(usize, &WhyNode)> {
    let mut out = Vec::new();
    each_depth_first(roots, |depth, node| {
        out.push((depth, node));
        ControlFlow::Continue(())
    });
    out
}

/// Calls `f` with every node under `roots` and its depth, depth first,
/// without listing them, until `f` says stop.
pub(super) fn each_depth_first<'a>(
    roots: &'a [WhyNode],
    mut f: impl FnMut(usize, &'a WhyNode) -> ControlFlow<()>,
) {
    // Sibling lists still being gone through, each with its depth.
    let mut stack: Vec<(usize, std::slice::Iter<'a, WhyNode>)> = vec![(0, roots.iter())];
    while let Some((depth, siblings)) = stack.last_mut() {
        let depth = *depth;
        match siblings.next() {
            Some(node) => {
                if f(depth, node).is_break() {
                    return;
                }
                if !node.children.is_empty() {
                    stack.push((depth + 1, node.children.iter()));
                }
            }
            None => {
                stack.pop();
            }
        }
    }
}

/// Whether `node` has the id `id`. Ids are short and mostly alike at the
/// start (`n-…`), so their last bytes are compared first: a walk looking
/// for one id among thousands rejects nearly all without a full compare.
fn has_id(node: &WhyNode, id: &str) -> bool {
    let (a, b) = (node.id.as_bytes(), id.as_bytes());
    a.len() == b.len() && a.last() == b.last() && a == b
}

/// Which way to move a node among its siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the first sibling.
    Up,
    /// Towards the last sibling.
    Down,
}

/// Why a tree edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No node has this id.
    #[error("no why node has the id {0:?}")]
    NoSuchNode(String),
    /// No action item has this id.
    #[error("no action item has the id {0:?}")]
    NoSuchAction(String),
}

/// A node's place in the tree: the indices from the roots down to it.
pub type TreePath = Vec<usize>;

/// The path to the node with this id, searching depth first without
/// recursion.
fn find_path(roots: &[WhyNode], id: &str) -> Option<TreePath> {
    // Each entry: a sibling list and the index being looked at in it.
    let mut stack: Vec<(&[WhyNode], usize)> = vec![(roots, 0)];
    while let Some((list, i)) = stack.last().copied() {
        let Some(node) = list.get(i) else {
            stack.pop();
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            continue;
        };
        if has_id(node, id) {
            return Some(stack.iter().map(|(_, i)| *i).collect());
        }
        stack.push((&node.children, 0));
    }
    None
}

/// The sibling list a path points into, and the index in it.
fn siblings_mut<'a>(roots: &'a mut WhyList, path: &[usize]) -> (&'a mut Vec<WhyNode>, usize) {
    let (last, parents) = path.split_last().expect("paths are never empty");
    let mut list = roots.make_mut();
    for &i in parents {
        list = list[i].children.make_mut();
    }
    (list, *last)
}

impl Session {
    /// Every node, depth first, with its depth (0 for problem statements).
    pub fn why_nodes(&self) -> Vec<(usize, &WhyNode)> {
        depth_first(&self.whys)
    }

    /// Calls `f` with every node and its depth, in the order of
    /// [`Session::why_nodes`], without listing them.
    pub fn each_why<'a>(&'a self, mut f: impl FnMut(usize, &'a WhyNode)) {
        each_depth_first(&self.whys, |depth, node| {
            f(depth, node);
            ControlFlow::Continue(())
        });
    }

    /// The path of indices to the node with this id.
    pub fn path_of(&self, id: &str) -> Option<TreePath> {
        find_path(&self.whys, id)
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&WhyNode> {
        self.node_at(&self.path_of(id)?)
    }

    /// The node with this id, to edit in place.
    pub fn node_mut(&mut self, id: &str) -> Option<&mut WhyNode> {
        let path = self.path_of(id)?;
        self.node_at_mut(&path)
    }

    /// The node at this path (`None` if the path leads nowhere).
    pub fn node_at(&self, path: &[usize]) -> Option<&WhyNode> {
        let (first, rest) = path.split_first()?;
        let mut node = self.whys.get(*first)?;
        for &i in rest {
            node = node.children.get(i)?;
        }
        Some(node)
    }

    /// The node at this path, to edit in place: the lists on the way down
    /// are copied first where another copy of the session shares them.
    pub fn node_at_mut(&mut self, path: &[usize]) -> Option<&mut WhyNode> {
        let (first, rest) = path.split_first()?;
        let mut node = self.whys.make_mut().get_mut(*first)?;
        for &i in rest {
            node = node.children.make_mut().get_mut(i)?;
        }
        Some(node)
    }

    /// The parent of the node with this id (`None` for a root or no node).
    pub fn parent_of(&self, id: &str) -> Option<&WhyNode> {
        let path = self.path_of(id)?;
        if path.len() < 2 {
            return None;
        }
        let mut node = &self.whys[path[0]];
        for &i in &path[1..path.len() - 1] {
            node = &node.children[i];
        }
        Some(node)
    }

    /// The chain from the problem statement down to this node, inclusive.
    pub fn chain_to(&self, id: &str) -> Vec<&WhyNode> {
        let Some(path) = self.path_of(id) else {
            return Vec::new();
        };
        let mut chain = vec![&self.whys[path[0]]];
        for &i in &path[1..] {
            let last = chain[chain.len() - 1];
            chain.push(&last.children[i]);
        }
        chain
    }

    /// The question a node answers: its own wording, or "Why …?" phrased
    /// from its parent's answer.
    pub fn question_for(&self, id: &str) -> String {
        self.node(id)
            .map(|node| question_of(node, self.parent_of(id)))
            .unwrap_or_default()
    }

    /// The question a node answers when none was typed: "Why? — <parent's
    /// answer>", or for a problem statement "What is the problem?".
    pub fn default_question_for(&self, id: &str) -> String {
        default_question_under(self.parent_of(id))
    }

    /// The question typed for a node, if one was (not the default wording).
    pub fn typed_question(&self, id: &str) -> Option<&str> {
        self.node(id)
            .map(|n| n.question.trim())
            .filter(|q| !q.is_empty())
    }

    /// Whether any node or action item already uses this id.
    pub fn id_taken(&self, id: &str) -> bool {
        self.path_of(id).is_some() || self.actions.iter().any(|a| a.id == id)
    }

    /// A node id not used yet in this session.
    pub fn fresh_node_id(&self) -> String {
        self.fresh_node_id_by(|c| self.path_of(c).is_some())
    }

    /// A node id not used yet in this session, where `is_node` says
    /// whether a node has an id (a quicker way than walking the tree, for
    /// a caller that has one).
    pub fn fresh_node_id_by(&self, is_node: impl Fn(&str) -> bool) -> String {
        ids::fresh_id("n-", ids::ITEM_ID_LEN, |c| {
            is_node(c) || self.actions.iter().any(|a| a.id == c)
        })
    }

    /// Adds a problem statement as a new root; returns its id.
    pub fn add_problem_statement(&mut self, text: impl Into<String>) -> String {
        let mut node = WhyNode::new(self.fresh_node_id());
        node.answer = text.into();
        node.confidence = Confidence::Fact;
        let id = node.id.clone();
        self.whys.make_mut().push(node);
        id
    }

    /// Asks "why?" of a node: adds an empty answer as its last child.
    pub fn ask_why(&mut self, parent: &str) -> Result<String, EditError> {
        let id = self.fresh_node_id();
        let path = self
            .path_of(parent)
            .ok_or_else(|| EditError::NoSuchNode(parent.to_string()))?;
        self.ask_why_at(&path, id)
    }

    /// Asks "why?" of the node at `path` with a new answer of id `id`,
    /// which no node or action may have yet; returns the id.
    pub fn ask_why_at(&mut self, path: &[usize], id: String) -> Result<String, EditError> {
        let node = self
            .node_at_mut(path)
            .ok_or_else(|| EditError::NoSuchNode(format!("{path:?}")))?;
        node.children.make_mut().push(WhyNode::new(id.clone()));
        Ok(id)
    }

    /// Adds another cause beside a node (right after it, same parent). Beside
    /// a problem statement, this adds another problem statement.
    pub fn add_sibling_cause(&mut self, beside: &str) -> Result<String, EditError> {
        let path = self
            .path_of(beside)
            .ok_or_else(|| EditError::NoSuchNode(beside.to_string()))?;
        let id = self.fresh_node_id();
        self.add_sibling_at(&path, id)
    }

    /// Adds another cause with id `id` (which no node or action may have
    /// yet) right after the node at `path`; returns the id.
    pub fn add_sibling_at(&mut self, path: &[usize], id: String) -> Result<String, EditError> {
        if self.node_at(path).is_none() {
            return Err(EditError::NoSuchNode(format!("{path:?}")));
        }
        let mut node = WhyNode::new(id.clone());
        if path.len() == 1 {
            node.confidence = Confidence::Fact;
        }
        let (list, index) = siblings_mut(&mut self.whys, path);
        list.insert(index + 1, node);
        Ok(id)
    }

    /// Moves a node one place among its siblings; returns whether it moved.
    pub fn move_node(&mut self, id: &str, direction: Direction) -> Result<bool, EditError> {
        let path = self
            .path_of(id)
            .ok_or_else(|| EditError::NoSuchNode(id.to_string()))?;
        let (list, index) = siblings_mut(&mut self.whys, &path);
        let target = match direction {
            Direction::Up if index > 0 => index - 1,
            Direction::Down if index + 1 < list.len() => index + 1,
            _ => return Ok(false),
        };
        list.swap(index, target);
        Ok(true)
    }

    /// Deletes a node and everything below it. Action items lose their links
    /// to the deleted nodes (the actions themselves stay).
    pub fn delete_subtree(&mut self, id: &str) -> Result<WhyNode, EditError> {
        let path = self
            .path_of(id)
            .ok_or_else(|| EditError::NoSuchNode(id.to_string()))?;
        let (list, index) = siblings_mut(&mut self.whys, &path);
        let removed = list.remove(index);
        let gone: Vec<&str> = removed.walk().iter().map(|(_, n)| n.id.as_str()).collect();
        for action in &mut self.actions {
            action
                .addresses
                .retain(|target| !gone.contains(&target.as_str()));
        }
        Ok(removed)
    }

    /// Flips the root-cause mark of a node; returns the new mark.
    pub fn toggle_root_cause(&mut self, id: &str) -> Result<bool, EditError> {
        let node = self
            .node_mut(id)
            .ok_or_else(|| EditError::NoSuchNode(id.to_string()))?;
        Ok(node.toggle_root_cause())
    }

    /// Root causes labelled RC1, RC2 … in tree order, by node id: the names
    /// every summary and screen uses for them.
    pub fn root_cause_labels(&self) -> std::collections::BTreeMap<String, String> {
        self.root_causes()
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), format!("RC{}", i + 1)))
            .collect()
    }

    /// Answers the room believes or doubts: follow-ups to verify, in tree
    /// order (an answer nobody rated is not one).
    pub fn to_verify(&self) -> Vec<&WhyNode> {
        let mut out = Vec::new();
        self.each_why(|depth, n| {
            if depth > 0 && n.confidence.to_verify() {
                out.push(n);
            }
        });
        out
    }

    /// All nodes marked as root causes, in tree order.
    pub fn root_causes(&self) -> Vec<&WhyNode> {
        let mut out = Vec::new();
        self.each_why(|_, n| {
            if n.root_cause {
                out.push(n);
            }
        });
        out
    }
}

/// The question `node` answers, given its parent (none for a problem
/// statement): its own wording, or "Why …?" phrased from the parent's
/// answer.
pub fn question_of(node: &WhyNode, parent: Option<&WhyNode>) -> String {
    if node.question.trim().is_empty() {
        default_question_under(parent)
    } else {
        node.question.clone()
    }
}

/// The question a node under `parent` answers when none was typed.
fn default_question_under(parent: Option<&WhyNode>) -> String {
    match parent {
        Some(parent) => default_question(&parent.answer),
        None => "What is the problem?".to_string(),
    }
}

/// "Why …?" phrased from an answer, for a child's default question.
pub fn default_question(parent_answer: &str) -> String {
    let answer = parent_answer.trim().trim_end_matches(['.', '!', '?']);
    if answer.is_empty() {
        "Why?".to_string()
    } else {
        format!("Why? — {answer}")
    }
}
