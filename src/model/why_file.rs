//! The why tree as the session file stores it: a flat list of nodes in
//! outline order (depth first), each naming its `parent` (`null` for a
//! problem statement). A flat list keeps any depth the screen can build
//! readable and small on disk: a nested file indents every level further,
//! and JSON readers stop at some nesting depth.
//!
//! Files of format versions 1 and 2 nest answers in `children`; they are
//! read here too and written back flat.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::why::{Confidence, WhyNode};
use super::why_list::WhyList;

/// One node of the why tree as stored.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoredNode {
    /// Id unique within the session, e.g. `n-k3f9`.
    id: String,
    /// The id of the answer this one answers "why?" of, which comes earlier
    /// in the list; `null` for a problem statement.
    #[serde(default)]
    parent: Option<String>,
    /// The question this node answers. Empty means the default phrasing,
    /// "Why?" of the parent's answer.
    question: String,
    /// The answer; for a problem statement, the statement.
    answer: String,
    /// How sure the room is of the answer.
    confidence: Confidence,
    /// Evidence or a note: a link, a ticket, a metric.
    evidence: String,
    /// Who offered the answer (a participant's name).
    offered_by: Option<String>,
    /// Whether the room marked this answer as a root cause.
    root_cause: bool,
    /// Nested answers: how versions 1 and 2 stored the tree.
    #[serde(default)]
    #[schemars(skip)]
    children: Vec<StoredNode>,
}

impl Drop for StoredNode {
    // An old nested file can be deep: drop its levels one at a time.
    fn drop(&mut self) {
        let mut below = std::mem::take(&mut self.children);
        while let Some(mut node) = below.pop() {
            below.append(&mut node.children);
        }
    }
}

/// A node as written: borrowed from the tree, with its parent's id.
#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    parent: Option<&'a str>,
    question: &'a str,
    answer: &'a str,
    confidence: Confidence,
    evidence: &'a str,
    offered_by: &'a Option<String>,
    root_cause: bool,
}

/// Writes the tree as a flat list, depth first.
pub fn serialize<S: Serializer>(roots: &[WhyNode], serializer: S) -> Result<S::Ok, S::Error> {
    let mut stack: Vec<(Option<&str>, &WhyNode)> =
        roots.iter().rev().map(|node| (None, node)).collect();
    let mut out = Vec::new();
    while let Some((parent, node)) = stack.pop() {
        out.push(NodeOut {
            id: &node.id,
            parent,
            question: &node.question,
            answer: &node.answer,
            confidence: node.confidence,
            evidence: &node.evidence,
            offered_by: &node.offered_by,
            root_cause: node.root_cause,
        });
        for child in node.children.iter().rev() {
            stack.push((Some(node.id.as_str()), child));
        }
    }
    serializer.collect_seq(out)
}

/// Reads the tree from a flat list (or the nested form of older files).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WhyList, D::Error> {
    let stored = Vec::<StoredNode>::deserialize(deserializer)?;
    build(stored).map(WhyList::from).map_err(D::Error::custom)
}

/// Where a node's parent is named.
enum ParentRef {
    /// By the node's `parent` field (or none: a problem statement).
    Field,
    /// By nesting: the node at this index.
    Nested(usize),
}

/// Builds the tree without recursion, so any depth is fine.
fn build(stored: Vec<StoredNode>) -> Result<Vec<WhyNode>, String> {
    let mut flat: Vec<Option<WhyNode>> = Vec::new();
    let mut parents: Vec<Option<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for top in stored {
        let mut stack = vec![(top, ParentRef::Field)];
        while let Some((mut node, how)) = stack.pop() {
            let at = flat.len();
            let parent = match how {
                ParentRef::Nested(parent) => Some(parent),
                ParentRef::Field => match node.parent.as_deref() {
                    None => None,
                    Some(id) => Some(*index.get(id).ok_or_else(|| {
                        format!(
                            "node {} ({:?}) names the parent {id:?}, which is not an earlier node",
                            at + 1,
                            node.id
                        )
                    })?),
                },
            };
            if index.insert(node.id.clone(), at).is_some() {
                return Err(format!(
                    "node {} has the id {:?}, which an earlier node has",
                    at + 1,
                    node.id
                ));
            }
            for child in std::mem::take(&mut node.children).into_iter().rev() {
                stack.push((child, ParentRef::Nested(at)));
            }
            let mut why = WhyNode::new(std::mem::take(&mut node.id));
            why.question = std::mem::take(&mut node.question);
            why.answer = std::mem::take(&mut node.answer);
            why.confidence = node.confidence;
            why.evidence = std::mem::take(&mut node.evidence);
            why.offered_by = node.offered_by.take();
            why.root_cause = node.root_cause;
            flat.push(Some(why));
            parents.push(parent);
        }
    }
    // Children come after their parent: build from the last node back, so
    // every node's children are complete when it is reached.
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); flat.len()];
    let mut roots = Vec::new();
    for (at, parent) in parents.iter().enumerate() {
        match parent {
            Some(p) => kids[*p].push(at),
            None => roots.push(at),
        }
    }
    for at in (0..flat.len()).rev() {
        let children: Vec<WhyNode> = kids[at].iter().filter_map(|k| flat[*k].take()).collect();
        if let Some(node) = flat[at].as_mut() {
            node.children = children.into();
        }
    }
    Ok(roots.into_iter().filter_map(|r| flat[r].take()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(depth: usize) -> Vec<WhyNode> {
        let mut node = WhyNode::new(format!("n-{depth}"));
        for level in (0..depth).rev() {
            let mut parent = WhyNode::new(format!("n-{level}"));
            parent.children.make_mut().push(node);
            node = parent;
        }
        vec![node]
    }

    #[test]
    fn a_deep_chain_goes_out_flat_and_comes_back_whole() {
        let tree = chain(20_000);
        let mut out = Vec::new();
        serialize(&tree, &mut serde_json::Serializer::new(&mut out)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with(r#"[{"id":"n-0","parent":null,"#),
            "{}",
            &text[..80]
        );
        let back = deserialize(&mut serde_json::Deserializer::from_str(&text)).unwrap();
        assert!(*back == *tree, "the same tree");
    }

    #[test]
    fn a_parent_must_come_first_and_ids_once() {
        let node = |id: &str, parent: &str| {
            format!(
                r#"{{"id":"{id}","parent":{parent},"question":"","answer":"","confidence":"fact","evidence":"","offered_by":null,"root_cause":false}}"#
            )
        };
        let later = format!("[{},{}]", node("n-a", r#""n-b""#), node("n-b", "null"));
        let err = deserialize(&mut serde_json::Deserializer::from_str(&later)).unwrap_err();
        assert!(err.to_string().contains("not an earlier node"), "{err}");
        let twice = format!("[{},{}]", node("n-a", "null"), node("n-a", "null"));
        let err = deserialize(&mut serde_json::Deserializer::from_str(&twice)).unwrap_err();
        assert!(err.to_string().contains("earlier node has"), "{err}");
    }
}
