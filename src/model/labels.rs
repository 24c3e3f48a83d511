//! What the room and the reader call each answer: short labels that say
//! which problem, how deep and which branch, without a legend. Pure.
//!
//! A problem statement is a capital letter (`A`, `B` …, then `AA`). An
//! answer is its problem's letter, its depth (the why it answers: 1 for
//! the first why) and the letter of its branch: `A3c` is the third why
//! under problem A, on branch c. A branch is a line of answers each the
//! first cause of the one before; where an answer has more causes, each
//! after the first starts a branch of its own, lettered in the order the
//! tree shows them from the top down (siblings get neighbouring letters).
//! Every answer carries its branch letter, so an answer (`A1a`) is never
//! read as an action (`A1`) or a root cause (`RC1`), and a label is unique
//! in its session. Labels are short for real trees: four characters up to
//! nine whys deep and 26 branches a problem.

use std::collections::{BTreeMap, VecDeque};

use super::session::Session;
use super::why::WhyNode;

/// One line for the foot of a summary, saying how to read the labels.
pub const LABELS_EXPLAINED: &str = "How to read the labels: A3c is the third why under problem A, on its branch c (a new branch starts where an answer has more than one cause); RC1 is a root cause, A1 an action.";

/// A problem statement's letter: `A` … `Z`, then `AA`, `AB` ….
pub fn problem_letter(index: usize) -> String {
    letters(index, b'A')
}

/// A branch's letter: `a` … `z`, then `aa`, `ab` ….
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

impl Session {
    /// The label of every problem statement and answer, by id.
    pub fn labels(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (i, root) in self.whys.iter().enumerate() {
            label_problem(root, &problem_letter(i), &mut out);
        }
        out
    }

    /// What each answer is called in lists of causes, by id: its
    /// root-cause label ("RC2") where it is one, else its label ("B2c").
    pub fn answer_names(&self) -> BTreeMap<String, String> {
        let mut names = self.labels();
        names.extend(self.root_cause_labels());
        names
    }
}

/// Labels one problem and its answers, breadth first so that branches
/// nearer the problem get the earlier letters; no recursion.
fn label_problem(root: &WhyNode, letter: &str, out: &mut BTreeMap<String, String>) {
    out.insert(root.id.clone(), letter.to_string());
    let mut next_branch = 1;
    let mut queue: VecDeque<(&WhyNode, usize, usize)> = VecDeque::from([(root, 0, 0)]);
    while let Some((node, depth, branch)) = queue.pop_front() {
        for (i, child) in node.children.iter().enumerate() {
            let child_branch = if i == 0 {
                branch
            } else {
                next_branch += 1;
                next_branch - 1
            };
            out.insert(
                child.id.clone(),
                format!("{letter}{}{}", depth + 1, branch_letter(child_branch)),
            );
            queue.push_back((child, depth + 1, child_branch));
        }
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
        assert_eq!(branch_letter(26 + 26 * 26), "aaa");
    }

    #[test]
    fn labels_say_problem_depth_and_branch_and_are_unique() {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut s = Session::new("t", now);
        let a = s.add_problem_statement("A");
        let a1 = s.ask_why(&a).unwrap();
        let a1b = s.add_sibling_cause(&a1).unwrap();
        let a2 = s.ask_why(&a1).unwrap();
        let a3 = s.ask_why(&a2).unwrap();
        let a3c = s.add_sibling_cause(&a3).unwrap();
        let a2b = s.ask_why(&a1b).unwrap();
        let b = s.add_problem_statement("B");
        let b1 = s.ask_why(&b).unwrap();
        let labels = s.labels();
        let of = |id: &String| labels[id].as_str();
        assert_eq!(
            [a, a1, a1b, a2, a3, a3c, a2b, b, b1]
                .iter()
                .map(of)
                .collect::<Vec<_>>(),
            ["A", "A1a", "A1b", "A2a", "A3a", "A3c", "A2b", "B", "B1a"]
        );
        let distinct: std::collections::BTreeSet<&String> = labels.values().collect();
        assert_eq!(distinct.len(), labels.len(), "unique");
    }
}
