//! Finding text across sessions: intake, participants' words, questions,
//! answers, evidence, actions and lessons, with case and accents ignored.
//! Pure; no I/O.

use serde::Serialize;

use crate::export::sanitize::clean_line;
use crate::model::{Lesson, Session};

use super::fold;

/// One place in a session where the text was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The session's id.
    pub session: String,
    /// The session's title.
    pub session_title: String,
    /// Where in the session: "title", "summary", "why 1.2.1 answer",
    /// "action A3", "went well 2".
    pub place: String,
    /// The line that matched, cut to about 100 characters around the match.
    pub line: String,
}

/// Every place in `session` whose text contains `query` (case and accents
/// ignored), in the order a reader meets them.
pub fn hits(session: &Session, query: &str) -> Vec<Hit> {
    let wanted = fold(query.trim());
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut look = |place: String, text: &str| {
        for line in text.lines() {
            if fold(line).contains(&wanted) {
                out.push(Hit {
                    session: session.id.clone(),
                    session_title: clean_line(&session.title),
                    place: place.clone(),
                    line: excerpt(&clean_line(line), query.trim(), 100),
                });
                break;
            }
        }
    };
    let s = session;
    look("title".into(), &s.title);
    look("summary".into(), &s.intake.summary);
    look("impact".into(), &s.intake.customer_impact.description);
    for (i, m) in s.intake.key_moments.iter().enumerate() {
        look(format!("key moment {}", i + 1), &m.what);
    }
    let numbers = s.labels();
    let labels = s.root_cause_labels();
    for (depth, node) in s.why_nodes() {
        let number = numbers.get(&node.id).cloned().unwrap_or_default();
        let at = match (depth, labels.get(&node.id)) {
            (0, _) => format!("problem {number}"),
            (_, Some(rc)) => format!("why {number} ({rc})"),
            (_, None) => format!("why {number}"),
        };
        look(format!("{at} question"), &node.question);
        look(at.clone(), &node.answer);
        look(format!("{at} evidence"), &node.evidence);
    }
    for (i, a) in s.actions.iter().enumerate() {
        let at = format!("action A{}", i + 1);
        look(at.clone(), &a.description);
        look(format!("{at} owner"), a.owner.as_deref().unwrap_or(""));
        look(format!("{at} team"), a.team.as_deref().unwrap_or(""));
        look(format!("{at} tracked in"), a.link.as_deref().unwrap_or(""));
        look(format!("{at} note"), &a.note);
    }
    for lesson in Lesson::ALL {
        for (i, text) in s.lessons(lesson).iter().enumerate() {
            look(
                format!("{} {}", lesson.heading().to_lowercase(), i + 1),
                text,
            );
        }
    }
    for (i, p) in s.participants.iter().enumerate() {
        look(format!("participant {}", i + 1), &p.name);
    }
    look("notes".into(), &s.notes);
    out
}

/// About `width` characters of `line` around the first match of `query`.
pub fn excerpt(line: &str, query: &str, width: usize) -> String {
    let width = width.max(10);
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= width {
        return line.to_string();
    }
    let wanted = fold(query);
    // Find the match by folding growing prefixes' windows: folding may
    // change lengths, so search per starting character.
    let start = (0..chars.len())
        .find(|&i| {
            let rest: String = chars[i..].iter().take(query.chars().count() + 8).collect();
            fold(&rest).starts_with(&wanted)
        })
        .unwrap_or(0);
    let from = start.saturating_sub(width / 3);
    let to = (from + width).min(chars.len());
    let from = to.saturating_sub(width);
    let mut text: String = chars[from..to].iter().collect();
    if from > 0 {
        text.insert(0, '…');
    }
    if to < chars.len() {
        text.push('…');
    }
    text
}
