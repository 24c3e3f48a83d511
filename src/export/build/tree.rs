//! The appendix: the whole why tree, a line per answer. Each line names
//! itself and the answer it answers ("A3ab (under A2a)"), so the branches
//! stay apart in plain text read in any font, with no indentation; the
//! questions the room typed come before their answers.

use super::super::document::{Block, Run, Section, Text};
use super::{Labels, non_empty};
use crate::model::Session;

/// "The whole why tree".
pub fn appendix(s: &Session, labels: &Labels) -> Section {
    let mut lines: Vec<(usize, Text)> = Vec::new();
    let mut parents: Vec<&str> = Vec::new();
    for (depth, node) in s.why_nodes() {
        parents.truncate(depth);
        let label = labels.tree[&node.id].clone();
        let mut line = vec![Run::Strong(label)];
        match parents.last() {
            None => line.push(Run::Plain(format!(
                " Problem: {}",
                non_empty(&node.answer, "(not stated)")
            ))),
            Some(parent) => {
                line.push(Run::Quiet(format!(" (under {})", labels.tree[*parent])));
                if !node.question.trim().is_empty() {
                    line.push(Run::Plain(format!(" “{}”", node.question.trim())));
                }
                line.push(Run::Plain(format!(
                    " {}",
                    non_empty(&node.answer, "(no answer yet)")
                )));
                let mut about = vec![node.confidence.label().to_string()];
                if let Some(rc) = labels.roots.get(&node.id) {
                    about.push(format!("root cause {rc}"));
                }
                if !node.evidence.trim().is_empty() {
                    about.push(format!("evidence: {}", node.evidence.trim()));
                }
                if let Some(who) = node.offered_by.as_deref().filter(|w| !w.trim().is_empty()) {
                    about.push(format!("offered by {}", who.trim()));
                }
                line.push(Run::Quiet(format!(" — {}", about.join(" · "))));
            }
        }
        lines.push((depth, line));
        parents.push(&node.id);
    }
    Section {
        heading: "The whole why tree".into(),
        blocks: if lines.is_empty() {
            Vec::new()
        } else {
            vec![Block::Tree(lines)]
        },
    }
}
