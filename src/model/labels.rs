//! What the room and the reader call each answer: short labels that say
//! which problem, how deep and which branch, without a legend. Pure.
//!
//! A problem statement is a capital letter (`A`, `B` …, then `AA`). An
//! answer is its problem's letter, its depth (the why it answers: 1 for
//! the first why) and its branch: the letters of the turns taken from the
//! problem down to it wherever an answer has more than one cause (`a` for
//! the first cause, `b` for the second …), or `a` on a line that never
//! splits. In the outage example:
//!
//! ```text
//! A      Checkout failed …
//! A1a      Payment authorisation calls timed out        (first of two causes)
//! A2a        Every checkout request waited …
//! A3aa         The pool was capped at 50                  (first of two again)
//! A3ab         Load tests ran at 2x …                     (its sibling)
//! A1b      Customers retried and were charged twice      (second cause of A)
//! ```
//!
//! Siblings differ in their last letter only; a label is unique in its
//! session, is never read as an action (`A1`) or a root cause (`RC1`),
//! and stays as it is when answers are added elsewhere. It is worked out
//! from the answer's place alone, so finding one costs its depth, not
//! the tree.

use std::collections::BTreeMap;

use super::session::Session;
use super::why::WhyNode;

/// One line for the foot of a summary, saying how to read the labels.
pub const LABELS_EXPLAINED: &str = "How to read the labels: A3ab is the third why under problem A; its letters say which cause was followed wherever an answer has more than one (a the first, b the second). RC1 is a root cause, A1 an action.";

/// A problem statement's letter: `A` … `Z`, then `AA`, `AB` ….
pub fn problem_letter(index: usize) -> String {
    letters(index, b'A')
}

/// A cause's letter among its siblings: `a` … `z`, then `aa` ….
pub fn branch_letter(index: usize) -> String {
    letters(index, b'a')
}

/// Spreadsheet-style letters from `first`: 0 → a, 25 → z, 26 → aa.
fn letters(mut index: usize, first: u8) -> String {
    let mut out = Vec::new();
    loop {
        out.push(first + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The label of the answer at `path` (indices among siblings from the
/// problem statements down), given how many siblings each has on the way
/// (`siblings[i]` for the step `path[i]`).
pub fn label_at(path: &[usize], siblings: &[usize]) -> String {
    let Some((first, rest)) = path.split_first() else {
        return String::new();
    };
    let mut label = problem_letter(*first);
    if rest.is_empty() {
        return label;
    }
    label.push_str(&rest.len().to_string());
    let mut turns = String::new();
    for (i, step) in rest.iter().enumerate() {
        if siblings.get(i + 1).is_some_and(|n| *n > 1) {
            turns.push_str(&branch_letter(*step));
        }
    }
    if turns.is_empty() {
        turns.push('a');
    }
    label.push_str(&turns);
    label
}

impl Session {
    /// The label of every problem statement and answer, by id.
    pub fn labels(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        // Each list being gone through, with the path and the turns (the
        // letters so far) of its parent; no recursion.
        let mut stack: Vec<(&[WhyNode], usize, String, usize)> = Vec::new();
        for (i, root) in self.whys.iter().enumerate() {
            let letter = problem_letter(i);
            out.insert(root.id.clone(), letter.clone());
            stack.push((&root.children, 1, String::new(), 0));
            while let Some((list, depth, turns, at)) = stack.pop() {
                let Some(node) = list.get(at) else {
                    continue;
                };
                stack.push((list, depth, turns.clone(), at + 1));
                let mut mine = turns;
                if list.len() > 1 {
                    mine.push_str(&branch_letter(at));
                }
                let shown = if mine.is_empty() { "a" } else { mine.as_str() };
                out.insert(node.id.clone(), format!("{letter}{depth}{shown}"));
                stack.push((&node.children, depth + 1, mine, 0));
            }
        }
        out
    }

    /// The label of one answer or problem statement ("A3ab"): its path
    /// walked once, not the tree labelled.
    pub fn label_of(&self, id: &str) -> Option<String> {
        self.label_at_path(&self.path_of(id)?)
    }

    /// The label of the answer at `path`.
    pub fn label_at_path(&self, path: &[usize]) -> Option<String> {
        let mut siblings = Vec::with_capacity(path.len());
        let mut list: &[WhyNode] = &self.whys;
        for &i in path {
            siblings.push(list.len());
            list = &list.get(i)?.children;
        }
        Some(label_at(path, &siblings))
    }

    /// What each answer is called in lists of causes, by id: its
    /// root-cause label ("RC2") where it is one, else its label ("B2a").
    pub fn answer_names(&self) -> BTreeMap<String, String> {
        let mut names = self.labels();
        names.extend(self.root_cause_labels());
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_on_past_z() {
        assert_eq!(problem_letter(0), "A");
        assert_eq!(problem_letter(25), "Z");
        assert_eq!(problem_letter(26), "AA");
        assert_eq!(problem_letter(27), "AB");
        assert_eq!(branch_letter(2), "c");
    }

    #[test]
    fn labels_say_problem_depth_and_turns_and_are_unique() {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut s = Session::new("t", now);
        let a = s.add_problem_statement("A");
        let a1 = s.ask_why(&a).unwrap();
        let a1b = s.add_sibling_cause(&a1).unwrap();
        let a2 = s.ask_why(&a1).unwrap();
        let a3 = s.ask_why(&a2).unwrap();
        let a3b = s.add_sibling_cause(&a3).unwrap();
        let a4 = s.ask_why(&a3b).unwrap();
        let a2b = s.ask_why(&a1b).unwrap();
        let b = s.add_problem_statement("B");
        let b1 = s.ask_why(&b).unwrap();
        let labels = s.labels();
        let ids = [a, a1, a1b, a2, a3, a3b, a4, a2b, b, b1];
        let expected = [
            "A", "A1a", "A1b", "A2a", "A3aa", "A3ab", "A4ab", "A2b", "B", "B1a",
        ];
        for (id, want) in ids.iter().zip(expected) {
            assert_eq!(labels[id], want);
            assert_eq!(s.label_of(id).as_deref(), Some(want), "one at a time");
        }
        let distinct: std::collections::BTreeSet<&String> = labels.values().collect();
        assert_eq!(distinct.len(), labels.len(), "unique");
    }
}
