//! The why tree merged by node id: answers added on either side are kept,
//! each field of an answer is chosen three ways (a clash recorded when
//! both sides changed it differently), an answer moved on one side moves,
//! one removed on one side goes unless the other side changed it or added
//! below it (then it stays, with a clash to settle). No recursion: a chain
//! thousands deep merges like a flat list.

use std::collections::{HashMap, HashSet};

use super::pick::{Clashes, order, pick};
use crate::model::conflict::{Conflict, ConflictOn, PARENT, REMOVED};
use crate::model::{WhyList, WhyNode};

/// One side's tree, flat: each node with its parent, and each parent's
/// answers in order (`None` for the problem statements).
pub struct Flat<'a> {
    /// Every node by id, with its parent's id.
    pub nodes: HashMap<&'a str, (Option<&'a str>, &'a WhyNode)>,
    /// Each parent's answers, in order.
    pub kids: HashMap<Option<&'a str>, Vec<&'a str>>,
    /// Every id, depth first.
    pub ids: Vec<&'a str>,
}

impl<'a> Flat<'a> {
    /// Lays out `roots` flat.
    pub fn of(roots: &'a [WhyNode]) -> Flat<'a> {
        let mut flat = Flat {
            nodes: HashMap::new(),
            kids: HashMap::new(),
            ids: Vec::new(),
        };
        let mut stack: Vec<(Option<&'a str>, &'a WhyNode)> =
            roots.iter().rev().map(|n| (None, n)).collect();
        while let Some((parent, node)) = stack.pop() {
            flat.nodes.insert(&node.id, (parent, node));
            flat.kids.entry(parent).or_default().push(&node.id);
            flat.ids.push(&node.id);
            for child in node.children.iter().rev() {
                stack.push((Some(&node.id), child));
            }
        }
        flat
    }

    fn parent(&self, id: &str) -> Option<Option<&'a str>> {
        self.nodes.get(id).map(|(p, _)| *p)
    }

    fn kids_of(&self, parent: Option<&'a str>) -> &[&'a str] {
        self.kids.get(&parent).map_or(&[], Vec::as_slice)
    }
}

/// Whether a node says the same and sits in the same place on both sides.
fn unchanged(a: (Option<&str>, &WhyNode), b: (Option<&str>, &WhyNode)) -> bool {
    a.0 == b.0 && a.1.same_fields(b.1)
}

/// One answer's own fields, chosen three ways. Destructured in full, so a
/// new field of an answer cannot be forgotten here.
fn fields(base: Option<&WhyNode>, mine: &WhyNode, theirs: &WhyNode, c: &mut Clashes) -> WhyNode {
    let WhyNode {
        id,
        question: _,
        answer: _,
        confidence: _,
        evidence: _,
        offered_by: _,
        root_cause: _,
        children: _,
    } = mine;
    let mut node = WhyNode::new(id.clone());
    node.question = pick!(c, base, mine, theirs, question);
    node.answer = pick!(c, base, mine, theirs, answer);
    node.confidence = pick!(c, base, mine, theirs, confidence);
    node.evidence = pick!(c, base, mine, theirs, evidence);
    node.offered_by = pick!(c, base, mine, theirs, offered_by);
    node.root_cause = pick!(c, base, mine, theirs, root_cause);
    node
}

/// A node of the merged tree before it is built: its fields and parent.
struct Merging {
    node: WhyNode,
    parent: Option<String>,
    /// Whether the parent is theirs where mine differs (undone if it would
    /// put an answer below itself).
    moved_by_theirs: bool,
}

/// The three versions of the tree, flat.
struct Sides<'a> {
    b: Flat<'a>,
    m: Flat<'a>,
    t: Flat<'a>,
}

impl Sides<'_> {
    /// Whether and how the answer `id` is in the merged tree: `None` when
    /// it goes. A `resurrected` answer stays even if left as it was on the
    /// side that has it (an answer kept below it needs it).
    fn decide(&self, id: &str, resurrected: bool, found: &mut Vec<Conflict>) -> Option<Merging> {
        let (bn, mn, tn) = (
            self.b.nodes.get(id),
            self.m.nodes.get(id),
            self.t.nodes.get(id),
        );
        let mut c = Clashes {
            found,
            on: ConflictOn::Answer,
            id: Some(id),
        };
        match (mn, tn) {
            (Some(&(mp, mnode)), Some(&(tp, tnode))) => {
                let node = fields(bn.map(|(_, n)| *n), mnode, tnode, &mut c);
                let base_parent = bn.map(|(p, _)| p.map(str::to_string));
                let parent = c.pick(
                    PARENT,
                    base_parent.as_ref(),
                    &mp.map(str::to_string),
                    &tp.map(str::to_string),
                );
                let moved_by_theirs = parent.as_deref() != mp;
                Some(Merging {
                    node,
                    parent,
                    moved_by_theirs,
                })
            }
            (Some(&only), None) | (None, Some(&only)) => {
                let mine_has = mn.is_some();
                let changed = bn.is_none_or(|&base| !unchanged(base, only));
                if !changed && !resurrected {
                    // Removed on the other side, left as it was here: gone.
                    return None;
                }
                if bn.is_some() {
                    c.record(REMOVED, &!mine_has, &mine_has);
                }
                let mut node = only.1.clone();
                node.children = WhyList::default();
                Some(Merging {
                    node,
                    parent: only.0.map(str::to_string),
                    moved_by_theirs: false,
                })
            }
            (None, None) => None,
        }
    }

    /// Brings back every answer a kept answer sits below (added under it
    /// on one side, removed with it on the other), with its clash.
    fn resurrect(&self, kept: &mut HashMap<String, Merging>, found: &mut Vec<Conflict>) {
        loop {
            let missing: HashSet<String> = kept
                .values()
                .filter_map(|k| k.parent.clone())
                .filter(|p| !kept.contains_key(p))
                .collect();
            if missing.is_empty() {
                return;
            }
            for id in missing {
                match self.decide(&id, true, found) {
                    Some(merging) => {
                        kept.insert(id, merging);
                    }
                    // Nowhere to be found: its answers become problem
                    // statements rather than vanish.
                    None => {
                        for k in kept.values_mut() {
                            if k.parent.as_deref() == Some(id.as_str()) {
                                k.parent = None;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Merges three versions of the why tree; clashes go to `found`.
pub fn merge(
    base: &WhyList,
    mine: &WhyList,
    theirs: &WhyList,
    found: &mut Vec<Conflict>,
) -> WhyList {
    let sides = Sides {
        b: Flat::of(base),
        m: Flat::of(mine),
        t: Flat::of(theirs),
    };
    let mut kept: HashMap<String, Merging> = HashMap::new();
    let mut ids: Vec<&str> = sides.m.ids.clone();
    ids.extend(
        sides
            .t
            .ids
            .iter()
            .copied()
            .filter(|id| !sides.m.nodes.contains_key(id)),
    );
    for id in ids {
        if let Some(merging) = sides.decide(id, false, found) {
            kept.insert(id.to_string(), merging);
        }
    }
    sides.resurrect(&mut kept, found);
    if has_cycle(&kept) {
        // Each side's tree is a tree; only moves taken from theirs can
        // close a loop with moves of mine. Mine's places stand then.
        for (id, k) in kept.iter_mut() {
            if k.moved_by_theirs
                && let Some(mp) = sides.m.parent(id)
            {
                // Their move is not lost: it waits as a clash to settle.
                let mut c = Clashes {
                    found,
                    on: ConflictOn::Answer,
                    id: Some(id),
                };
                c.record(PARENT, &mp, &k.parent.as_deref());
                k.parent = mp.map(str::to_string);
                k.moved_by_theirs = false;
            }
        }
        sides.resurrect(&mut kept, found);
        if has_cycle(&kept) {
            for k in kept.values_mut() {
                k.parent = None;
            }
        }
    }
    build(kept, &sides.b, &sides.m, &sides.t)
}

/// Whether following parents from some kept node comes back to it.
fn has_cycle(kept: &HashMap<String, Merging>) -> bool {
    // 0: not seen, 1: on the current path, 2: leads to a root.
    let mut state: HashMap<&str, u8> = HashMap::new();
    for start in kept.keys() {
        let mut path = Vec::new();
        let mut at = Some(start.as_str());
        while let Some(id) = at {
            match state.get(id) {
                Some(2) => break,
                Some(1) => return true,
                _ => {}
            }
            state.insert(id, 1);
            path.push(id);
            at = kept.get(id).and_then(|k| k.parent.as_deref());
        }
        for id in path {
            state.insert(id, 2);
        }
    }
    false
}

/// Builds the merged tree: each parent's answers in the order the sides
/// agree on (see [`order`]), from the deepest up, without recursion.
fn build(mut kept: HashMap<String, Merging>, b: &Flat, m: &Flat, t: &Flat) -> WhyList {
    let mut kids: HashMap<Option<String>, HashSet<String>> = HashMap::new();
    for (id, k) in &kept {
        kids.entry(k.parent.clone()).or_default().insert(id.clone());
    }
    let ordered_kids = |parent: Option<&str>| -> Vec<String> {
        let Some(mine_here) = kids.get(&parent.map(str::to_string)) else {
            return Vec::new();
        };
        let set: HashSet<&str> = mine_here.iter().map(String::as_str).collect();
        let mut all = order(
            b.kids_of(parent),
            m.kids_of(parent),
            t.kids_of(parent),
            &set,
        );
        // Anything the sides' lists did not place (its place came from a
        // side that lists it under another parent) goes last, by id.
        let mut rest: Vec<&str> = set.iter().copied().filter(|k| !all.contains(k)).collect();
        rest.sort_unstable();
        all.extend(rest);
        all.into_iter().map(str::to_string).collect()
    };
    // Depth first from the roots: every node after its parent.
    let mut sequence: Vec<(Option<String>, String)> = Vec::new();
    let mut stack: Vec<(Option<String>, String)> = ordered_kids(None)
        .into_iter()
        .rev()
        .map(|id| (None, id))
        .collect();
    while let Some((parent, id)) = stack.pop() {
        for child in ordered_kids(Some(&id)).into_iter().rev() {
            stack.push((Some(id.clone()), child));
        }
        sequence.push((parent, id));
    }
    let mut children: HashMap<String, Vec<WhyNode>> = HashMap::new();
    let mut roots = Vec::new();
    for (parent, id) in sequence.into_iter().rev() {
        let Some(merging) = kept.remove(&id) else {
            continue;
        };
        let mut node = merging.node;
        let mut below = children.remove(&id).unwrap_or_default();
        below.reverse();
        node.children = below.into();
        match parent {
            Some(p) => children.entry(p).or_default().push(node),
            None => roots.push(node),
        }
    }
    roots.reverse();
    roots.into()
}
