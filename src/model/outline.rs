//! The why tree laid out once, in the order it is shown (depth first), so
//! that moving the selection, drawing the rows on screen and counting the
//! answers cost the same in a tree of 5,000 answers as in one of fifty.
//! An [`Outline`] describes the session it was made from and no other: the
//! screen keeps one until the session changes.

use std::collections::HashSet;

use super::gaps::Tally;
use super::session::Session;
use super::why::{WhyNode, each_depth_first};
use super::why_list::WhyList;

/// A node's place in the outline, in twelve bytes: laying out and
/// shifting 5,000 of them touches little memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    /// Levels below the problem statement (0 for a problem statement).
    depth: u32,
    /// The parent's index in the outline, or [`Place::ROOT`] for a root.
    parent: u32,
    /// The index among its siblings.
    nth: u32,
}

impl Place {
    /// The parent of a root.
    const ROOT: u32 = u32::MAX;

    fn depth(self) -> usize {
        self.depth as usize
    }

    fn parent(self) -> Option<usize> {
        (self.parent != Place::ROOT).then_some(self.parent as usize)
    }

    fn nth(self) -> usize {
        self.nth as usize
    }
}

/// A count or index as an outline holds it: no tree has four billion
/// answers.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX - 1)
}

/// The places, keys and marks of the nodes of one list and everything
/// below it, laid out depth first.
#[derive(Default)]
struct Laid {
    places: Vec<Place>,
    keys: Vec<u64>,
    marked: Vec<bool>,
}

impl Laid {
    /// Lays out `list` (the children of the node at index `parent`, at
    /// `depth`), its first node to go at index `base` of the outline.
    fn of(list: &[WhyNode], depth: usize, parent: Option<usize>, base: usize, room: usize) -> Laid {
        let mut laid = Laid {
            places: Vec::with_capacity(room),
            keys: Vec::with_capacity(room),
            marked: Vec::with_capacity(room),
        };
        // The index of the last node at each level (the way down to the
        // node met now), and how many children each of them has had.
        let (mut way, mut seen): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        each_depth_first(list, |level, node| {
            way.truncate(level);
            seen.truncate(level + 1);
            let nth = match seen.get_mut(level) {
                Some(n) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push(0);
                    0
                }
            };
            let up = match way.last() {
                Some(&at) => at,
                None => parent.map_or(Place::ROOT, small),
            };
            laid.places.push(Place {
                depth: small(depth + level),
                parent: up,
                nth,
            });
            way.push(small(base + laid.places.len() - 1));
            laid.keys.push(key(&node.id));
            laid.marked.push(node.root_cause);
            std::ops::ControlFlow::Continue(())
        });
        laid
    }
}

/// Every node of a session's why tree in depth-first order (the order of
/// [`Session::why_nodes`]), with the counts the stage bar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    places: Vec<Place>,
    /// A key of each node's id, in the same order: looking for an id
    /// compares these numbers first, and the id itself only on a match.
    keys: Vec<u64>,
    /// Whether each node is marked as a root cause, in the same order.
    marked: Vec<bool>,
    tally: Tally,
}

/// `height` rows of the outline that show the node `selected`, as a list
/// scrolled to keep it in view shows them: the first rows while it is
/// among them, else the rows ending at it.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyWindow<'a> {
    /// The rows, with their depths.
    pub rows: Vec<(usize, &'a WhyNode)>,
    /// The index of the first row among all nodes.
    pub first: usize,
    /// The index of the selected node among all nodes (0 when `selected`
    /// is no node's id).
    pub selected: usize,
    /// The parent of the node `selected`.
    pub parent: Option<&'a WhyNode>,
    /// For each row, from its first level down to its own: whether the
    /// node on its way at that level has a sibling after it (what a tree
    /// guide draws: `├─` or `└─` for the row's own level, `│` or nothing
    /// for the levels above).
    pub open: Vec<Vec<bool>>,
}

/// The key of an id (FNV-1a): ids are a few bytes, so this is quick.
fn key(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Outline {
    /// The outline of a session's tree, in one walk.
    pub fn of(s: &Session) -> Outline {
        let Laid {
            places,
            keys,
            marked,
        } = Laid::of(&s.whys, 0, None, 0, 0);
        let mut outline = Outline {
            places,
            keys,
            marked,
            tally: Tally::default(),
        };
        outline.recount(s);
        outline
    }

    /// This outline, made from a session whose tree was `older`, brought
    /// up to `s`: only the one list that holds every change (and what is
    /// below it) is laid out again, so adding, deleting or undoing one
    /// answer among 5,000 walks the few around it, not the tree.
    pub fn relisted(mut self, s: &Session, older: &WhyList) -> Outline {
        if let Some(path) = WhyList::changed_at(older, &s.whys)
            && self.relist(s, &path).is_none()
        {
            // Not the outline of `older`: laid out whole instead.
            return Outline::of(s);
        }
        self.recount(s);
        self
    }

    /// Lays out again the answers below the node at `path` (the problem
    /// statements when it is empty), which both this outline and `s` have:
    /// `None` when this outline has no node there.
    fn relist(&mut self, s: &Session, path: &[usize]) -> Option<()> {
        let (list, depth, parent, start) = match path {
            [] => (&s.whys[..], 0, None, 0),
            _ => {
                let at = self.at_path(path)?;
                let node = s.node_at(path)?;
                (
                    &node.children[..],
                    self.places[at].depth() + 1,
                    Some(at),
                    at + 1,
                )
            }
        };
        let end = (start..self.len())
            .find(|&i| self.places[i].depth() < depth)
            .unwrap_or(self.len());
        let laid = Laid::of(list, depth, parent, start, end - start + 1);
        let (old_end, new_end) = (small(end), small(start + laid.places.len()));
        self.places.splice(start..end, laid.places);
        self.keys.splice(start..end, laid.keys);
        self.marked.splice(start..end, laid.marked);
        // The nodes after the list keep their parents, which moved with it
        // when they were after it too.
        for place in &mut self.places[usize::try_from(new_end).ok()?..] {
            if place.parent != Place::ROOT && place.parent >= old_end {
                place.parent = place.parent - old_end + new_end;
            }
        }
        Some(())
    }

    /// The index of the node at `path` (indices among siblings from the
    /// roots down), found from the depths alone.
    fn at_path(&self, path: &[usize]) -> Option<usize> {
        let mut at: Option<usize> = None;
        for &nth in path {
            let (mut i, depth) = match at {
                None => (0, 0),
                Some(at) => (at + 1, self.places[at].depth() + 1),
            };
            for _ in 0..nth {
                i = (i + 1..self.len())
                    .find(|&j| self.places[j].depth() <= depth)
                    .unwrap_or(self.len());
            }
            if self.places.get(i)?.depth() != depth {
                return None;
            }
            at = Some(i);
        }
        at
    }

    /// Counts the answers, root causes and gaps again, from the outline
    /// and the actions: no walk of the tree.
    fn recount(&mut self, s: &Session) {
        let answers = self.places.iter().filter(|p| p.depth > 0).count();
        let root_causes = self.marked.iter().filter(|&&m| m).count();
        // A marked node is addressed if its key is an addressed id's key
        // and, looked at, its id is that id: only those few are looked at.
        let addressed = s.addressed();
        let addressed_keys: HashSet<u64> = addressed.iter().map(|id| key(id)).collect();
        let addressed_marked = (0..self.len())
            .filter(|&at| self.marked[at] && addressed_keys.contains(&self.keys[at]))
            .filter(|&at| {
                (self.node(s, at)).is_some_and(|(_, n)| addressed.contains(n.id.as_str()))
            })
            .count();
        self.tally = s.tally_with(answers, root_causes, root_causes - addressed_marked);
    }

    /// After the node at `at` changed its own fields (not its id, nor the
    /// answers below it) or the actions changed: takes its mark and the
    /// counts again.
    pub fn node_changed(&mut self, s: &Session, at: usize) {
        if let Some((_, node)) = self.node(s, at)
            && let Some(marked) = self.marked.get_mut(at)
        {
            *marked = node.root_cause;
        }
        self.recount(s);
    }

    /// The indices among siblings from the roots down to the node at `at`.
    pub fn path(&self, at: usize) -> Option<Vec<usize>> {
        let mut path = vec![self.places.get(at)?.nth()];
        let mut up = self.places[at].parent();
        while let Some(parent) = up {
            let parent = self.places.get(parent)?;
            path.push(parent.nth());
            up = parent.parent();
        }
        path.reverse();
        Some(path)
    }

    /// How many nodes the tree has, problem statements included.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether the tree has no node.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The answers, root causes and gaps, counted when the outline was made.
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// The node at index `at`, with its depth (`None` past the end, or
    /// if `s` is not the session this outline was made from).
    pub fn node<'s>(&self, s: &'s Session, at: usize) -> Option<(usize, &'s WhyNode)> {
        let path = self.path(at)?;
        Some((self.places[at].depth(), s.node_at(&path)?))
    }

    /// The index of the node with this id.
    pub fn position(&self, s: &Session, id: &str) -> Option<usize> {
        let wanted = key(id);
        (self.keys.iter().enumerate())
            .filter(|&(_, &k)| k == wanted)
            .map(|(at, _)| at)
            .find(|&at| self.node(s, at).is_some_and(|(_, n)| n.id == id))
    }

    /// Up to `count` nodes from index `from` on, with their depths. The
    /// first is found by its path; each next one from the way down to the
    /// one before it, so a window costs the same in a chain a thousand
    /// answers deep as near the top.
    fn rows<'s>(&self, s: &'s Session, from: usize, count: usize) -> Vec<(usize, &'s WhyNode)> {
        let mut rows = Vec::with_capacity(count);
        // The nodes from the root down to the last row.
        let mut way: Vec<&WhyNode> = Vec::new();
        for at in from..self.len().min(from.saturating_add(count)) {
            let place = self.places[at];
            let node = if way.is_empty() {
                let Some(path) = self.path(at) else { break };
                let mut siblings = &s.whys;
                for &nth in &path {
                    let Some(node) = siblings.get(nth) else { break };
                    way.push(node);
                    siblings = &node.children;
                }
                match way.pop() {
                    Some(node) if way.len() + 1 == path.len() => node,
                    _ => break,
                }
            } else {
                way.truncate(place.depth());
                let siblings = match way.last() {
                    Some(parent) => &parent.children,
                    None => &s.whys,
                };
                let Some(node) = siblings.get(place.nth()) else {
                    break;
                };
                node
            };
            way.push(node);
            rows.push((place.depth(), node));
        }
        rows
    }

    /// For the node at `at`, from the problem statement down to it:
    /// whether the node at each level of its way has a sibling after it.
    pub fn open_levels(&self, s: &Session, at: usize) -> Vec<bool> {
        let Some(path) = self.path(at) else {
            return Vec::new();
        };
        let mut siblings = &s.whys;
        let mut open = Vec::with_capacity(path.len());
        for nth in path {
            open.push(nth + 1 < siblings.len());
            match siblings.get(nth) {
                Some(node) => siblings = &node.children,
                None => break,
            }
        }
        open
    }

    /// The parent of the node at index `at` (`None` for a root).
    pub fn parent<'s>(&self, s: &'s Session, at: usize) -> Option<&'s WhyNode> {
        let parent = self.places.get(at)?.parent()?;
        self.node(s, parent).map(|(_, node)| node)
    }

    /// The node `offset` places from the node `selected`, kept to the first
    /// and last; counted from the first node when `selected` is no node's
    /// id.
    pub fn beside<'s>(
        &self,
        s: &'s Session,
        selected: Option<&str>,
        offset: isize,
    ) -> Option<&'s WhyNode> {
        let last = self.len().checked_sub(1)?;
        let from = selected.and_then(|id| self.position(s, id));
        let at = from.unwrap_or(0).saturating_add_signed(offset).min(last);
        self.node(s, at).map(|(_, node)| node)
    }

    /// The [`WhyWindow`] of `height` rows (at least one) showing the node
    /// `selected`.
    pub fn window<'s>(
        &self,
        s: &'s Session,
        selected: Option<&str>,
        height: usize,
    ) -> WhyWindow<'s> {
        let height = height.max(1);
        let found = selected.and_then(|id| self.position(s, id));
        let at = found.unwrap_or(0);
        let first = (at + 1).saturating_sub(height);
        let rows = self.rows(s, first, height);
        let parent = found.and_then(|at| self.parent(s, at));
        let open = (first..first + rows.len())
            .map(|at| self.open_levels(s, at))
            .collect();
        WhyWindow {
            rows,
            first,
            selected: at,
            parent,
            open,
        }
    }
}
