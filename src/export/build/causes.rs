//! The root causes: one line each on the first screen, then each with
//! the chain of answers that led to it, so it reads alone; and what is
//! still to verify.

use super::super::document::{Block, Fact, Item, Run, Section, Text};
use super::{Labels, joined, non_empty};
use crate::model::{ActionStatus, Session, WhyNode};

/// A step of a chain longer than this many characters is cut at a word.
const STEP_CHARS: usize = 72;

/// "Why: 5 root causes", each in one line, marked when the room still
/// has to verify it.
pub fn why(s: &Session, labels: &Labels) -> Section {
    let roots = s.root_causes();
    let lines: Vec<Text> = roots
        .iter()
        .map(|node| {
            let mut line = vec![
                Run::Strong(labels.roots[&node.id].clone()),
                Run::Plain(format!(" {}", non_empty(&node.answer, "(no answer yet)"))),
            ];
            if node.confidence.to_verify() {
                line.push(Run::Quiet(format!(
                    " ({}: to verify)",
                    node.confidence.label()
                )));
            } else if node.confidence == crate::model::Confidence::NotRated {
                // Nobody said how sure: the reader should not take it as known.
                line.push(Run::Quiet(" (how sure not said)".into()));
            }
            line
        })
        .collect();
    let heading = match roots.len() {
        0 => "Why".to_string(),
        1 => "Why: 1 root cause".to_string(),
        n => format!("Why: {n} root causes"),
    };
    let blocks = if lines.is_empty() {
        vec![Block::Lines(vec![vec![Run::Warn(
            "No root cause was marked yet.".into(),
        )]])]
    } else {
        vec![Block::Lines(lines)]
    };
    Section { heading, blocks }
}

/// Each root cause with how sure the room is, the actions for it, and
/// the chain from its problem statement down to it, the questions the
/// room typed included.
pub fn how_we_got_there(s: &Session, labels: &Labels) -> Section {
    let items: Vec<Item> = s
        .root_causes()
        .into_iter()
        .map(|node| {
            let actions: Vec<String> = s
                .actions
                .iter()
                .filter(|a| a.addresses.contains(&node.id) && a.status != ActionStatus::Dropped)
                .map(|a| labels.actions[&a.id].clone())
                .collect();
            let mut text = vec![
                Run::Plain(non_empty(&node.answer, "(no answer yet)")),
                Run::Quiet(format!(" ({}) · ", node.confidence.label())),
            ];
            text.push(if actions.is_empty() {
                Run::Warn("no action yet".into())
            } else {
                Run::Quiet(format!("addressed by {}", actions.join(", ")))
            });
            Item {
                label: labels.roots[&node.id].clone(),
                text,
                facts: vec![Fact::runs("Chain", chain(s, node, labels))],
            }
        })
        .collect();
    Section {
        heading: "How we got there".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Items(items)]
        },
    }
}

/// "Problem A: Checkout failed … → Payment calls timed out → (asked “Why
/// did every request wait?”) Every request waited … → this": the way
/// from the problem statement down to `node`, long steps cut at a word.
fn chain(s: &Session, node: &WhyNode, labels: &Labels) -> Text {
    let way = s.chain_to(&node.id);
    let mut steps: Vec<Run> = Vec::with_capacity(way.len());
    for (i, step) in way.iter().enumerate() {
        if i == 0 {
            steps.push(Run::Plain(format!(
                "Problem {}: {}",
                labels.tree[&step.id],
                non_empty(&step.answer, "(not stated)")
            )));
            continue;
        }
        let asked = Some(step.question.trim())
            .filter(|q| !q.is_empty())
            .map(|q| format!("(asked “{q}”) "))
            .unwrap_or_default();
        if step.id == node.id {
            steps.push(Run::Plain(format!(
                "{asked}this root cause ({})",
                labels.tree[&step.id]
            )));
        } else {
            steps.push(Run::Plain(format!(
                "{asked}{}",
                shortened(&non_empty(&step.answer, "(no answer yet)"))
            )));
        }
    }
    joined(steps, " → ")
}

/// `text` cut at a word to about [`STEP_CHARS`] characters, with "…".
/// A step with a web address in it stays whole: a cut address would link
/// somewhere else.
fn shortened(text: &str) -> String {
    let addressed = text.contains("https://") || text.contains("http://");
    if text.chars().count() <= STEP_CHARS || addressed {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > STEP_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(STEP_CHARS).collect();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.']))
}

/// What the room believes or doubts: the answers to check, with labels.
pub fn to_verify(s: &Session, labels: &Labels) -> Section {
    let items: Vec<Text> = s
        .to_verify()
        .into_iter()
        .map(|n| {
            let name = labels.roots.get(&n.id).map_or_else(
                || labels.tree[&n.id].clone(),
                |rc| format!("{rc}, {}", labels.tree[&n.id]),
            );
            vec![
                Run::Strong(name),
                Run::Plain(format!(" {}", non_empty(&n.answer, "(no answer yet)"))),
                Run::Quiet(format!(" ({})", n.confidence.label())),
            ]
        })
        .collect();
    Section {
        heading: "Still to verify".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Bullets(items)]
        },
    }
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn long_steps_are_cut_at_a_word() {
        assert_eq!(shortened("Short enough."), "Short enough.");
        let long = "The session-store connection pool was capped at 50 per instance, which the new library set by default";
        let cut = shortened(long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 73, "{cut}");
        assert!(long.starts_with(cut.trim_end_matches('…')), "{cut}");
        let url = "https://example.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all/because/it/is";
        let with_url = format!("{url} and more");
        assert_eq!(shortened(&with_url), with_url, "an address is never cut");
    }
}
