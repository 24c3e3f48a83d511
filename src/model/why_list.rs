//! [`WhyList`]: a list of why nodes (the problem statements, or the answers
//! to one node) shared between copies of a session until one of them
//! changes it. Copying a session of 5,000 answers, as undo does before every
//! edit, copies no answer; changing one answer copies only the lists on the
//! way down to it; comparing two copies skips every list they still share.

use std::ops::Deref;
use std::sync::Arc;

use super::why::WhyNode;

/// A list of why nodes, shared between copies until changed. An empty
/// list holds no allocation.
#[derive(Clone, Default)]
pub struct WhyList(Option<Arc<Vec<WhyNode>>>);

impl WhyList {
    /// The nodes, to change: copied first (one level; the lists below stay
    /// shared) when another copy of the session holds them too.
    pub fn make_mut(&mut self) -> &mut Vec<WhyNode> {
        Arc::make_mut(self.0.get_or_insert_with(Default::default))
    }

    /// Whether the two are one list, shared (not merely equal).
    pub fn same(a: &WhyList, b: &WhyList) -> bool {
        match (&a.0, &b.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// An address for the list while it is alive (0 for an empty one), to
    /// tell which lists two copies share.
    pub fn address(&self) -> usize {
        self.0.as_ref().map_or(0, |list| Arc::as_ptr(list) as usize)
    }

    /// Where `newer` differs from `older`: the path (indices among
    /// siblings from the roots) to the node whose answers are the deepest
    /// list holding every difference, empty for the roots themselves;
    /// `None` when nothing differs. Found by going down while just one
    /// node differs, and only below it: lists the two share are skipped
    /// unread.
    pub fn changed_at(older: &WhyList, newer: &WhyList) -> Option<Vec<usize>> {
        let (mut old, mut new, mut path) = (older, newer, Vec::new());
        if WhyList::same(old, new) {
            return None;
        }
        while old.len() == new.len() {
            let same = |a: &WhyNode, b: &WhyNode| {
                a.same_fields(b) && WhyList::same(&a.children, &b.children)
            };
            let mut differ =
                (old.iter().zip(new.iter()).enumerate()).filter(|(_, (a, b))| !same(a, b));
            let Some((i, (a, b))) = differ.next() else {
                // Equal lists, only not shared: nothing changed.
                return None;
            };
            if differ.next().is_some() || !a.same_fields(b) {
                break;
            }
            path.push(i);
            (old, new) = (&a.children, &b.children);
        }
        Some(path)
    }

    /// The nodes, taken out when no other copy holds them (else left to
    /// that copy): how a tree is dropped one level at a time.
    pub(super) fn take_unique(&mut self) -> Vec<WhyNode> {
        (self.0.take())
            .and_then(|list| Arc::try_unwrap(list).ok())
            .unwrap_or_default()
    }
}

impl Deref for WhyList {
    type Target = [WhyNode];

    fn deref(&self) -> &[WhyNode] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl PartialEq for WhyList {
    fn eq(&self, other: &WhyList) -> bool {
        WhyList::same(self, other) || **self == **other
    }
}

impl std::fmt::Debug for WhyList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl From<Vec<WhyNode>> for WhyList {
    fn from(nodes: Vec<WhyNode>) -> WhyList {
        WhyList((!nodes.is_empty()).then(|| Arc::new(nodes)))
    }
}

impl FromIterator<WhyNode> for WhyList {
    fn from_iter<I: IntoIterator<Item = WhyNode>>(nodes: I) -> WhyList {
        nodes.into_iter().collect::<Vec<_>>().into()
    }
}
