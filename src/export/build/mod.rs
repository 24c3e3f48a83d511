//! Builds the summary document from a session, once, for every format.
//! It is an email written for its reader: the first screen says what
//! happened and how bad it was, each root cause in a line, and what we ask
//! of each owner by when; then how we got to each root cause, the details
//! of the actions, what went well and wrong, what is still to verify, the
//! timeline, who took part, and the whole why tree. Pure.

mod actions;
mod causes;
mod record;
mod tree;

use super::Context;
use super::document::{Block, Run, Section, Summary, Text};
use super::format;
use crate::model::{ActionStatus, Session};

/// The summary of `session` (already cleaned of control characters).
pub fn summary(s: &Session, ctx: &Context) -> Summary {
    let words = s.words();
    let title = if s.title.trim().is_empty() {
        "Untitled session".to_string()
    } else {
        s.title.trim().to_string()
    };
    let day = s
        .intake
        .first_known()
        .map(|at| format::date(at.to_zoned(ctx.tz.clone()).date()));
    let named = format!("{}: {title}", words.document);
    let dated = match &day {
        Some(day) => format!("{named} — {day}"),
        None => named,
    };
    let labels = Labels::of(s);
    let mut sections = vec![what_happened(s)];
    sections.push(causes::why(s, &labels));
    sections.push(actions::asked(s, ctx, &labels));
    sections.push(causes::how_we_got_there(s, &labels));
    sections.push(actions::details(s, &labels));
    sections.extend(record::lessons(s));
    sections.push(causes::to_verify(s, &labels));
    sections.push(record::timeline(s, ctx));
    sections.push(record::people(s, ctx.redacted));
    sections.push(record::notes(s));
    sections.push(tree::appendix(s, &labels));
    sections.retain(|section| !section.blocks.is_empty());
    let mut footer = vec![crate::model::labels::LABELS_EXPLAINED.to_string()];
    footer.push(format!("Times are in {}.", ctx.zone_name));
    Summary {
        subject: dated.clone(),
        title: dated,
        headline: headline(s, ctx, day.is_none()),
        status: status(s, ctx),
        sections,
        footer,
    }
}

/// Every label a reader meets: the tree's, root causes' and actions'.
pub(super) struct Labels {
    /// Answers and problem statements: "A3ab", "B".
    pub tree: std::collections::BTreeMap<String, String>,
    /// Root causes: "RC1".
    pub roots: std::collections::BTreeMap<String, String>,
    /// Actions: "A1".
    pub actions: std::collections::BTreeMap<String, String>,
}

impl Labels {
    fn of(s: &Session) -> Labels {
        Labels {
            tree: s.labels(),
            roots: s.root_cause_labels(),
            actions: s
                .actions
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.clone(), format!("A{}", i + 1)))
                .collect(),
        }
    }
}

/// The words of `text`, trimmed, or `fallback` when there are none.
pub(super) fn non_empty(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text.trim().to_string()
    }
}

/// Paragraphs of multi-line text.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// How bad, how long, how many, in one line: "SEV1 critical · 2 h 40 min
/// · detected after 21 min · 41,250 customers affected".
fn headline(s: &Session, ctx: &Context, undated: bool) -> Text {
    let intake = &s.intake;
    let words = s.words();
    let mut parts: Vec<Run> = Vec::new();
    if let Some(severity) = intake.severity {
        // "SEV1 critical" says what it is; "medium" needs the word.
        let label = words.severity(severity).to_string();
        let named =
            label.to_lowercase().contains("sev") || label.chars().any(|c| c.is_ascii_digit());
        parts.push(Run::Strong(if named {
            label
        } else {
            format!("{label} severity")
        }));
    }
    match (intake.duration(), intake.started) {
        (Some(d), _) => parts.push(Run::Unbroken(format::duration(d))),
        (None, Some(_)) if intake.resolved.is_none() => {
            parts.push(Run::Warn(words.ongoing.clone()));
        }
        _ => {}
    }
    if let Some(d) = intake.time_to_detect() {
        parts.push(Run::Plain(format!(
            "detected after {}",
            format::duration(d)
        )));
    }
    if let Some(affected) = s.affected_words() {
        parts.push(Run::Plain(format!("{affected} affected")));
    }
    if undated {
        parts.push(Run::Warn(format!(
            "date not recorded (meeting held {})",
            format::date(s.created.to_zoned(ctx.tz.clone()).date())
        )));
    }
    joined(parts, " · ")
}

/// `runs` with `between` (plain) between each two.
pub(super) fn joined(runs: Vec<Run>, between: &str) -> Text {
    let mut out = Vec::with_capacity(runs.len() * 2);
    for (i, run) in runs.into_iter().enumerate() {
        if i > 0 {
            out.push(Run::Plain(between.to_string()));
        }
        out.push(run);
    }
    out
}

/// Where the follow-up stands: "5 actions: 1 done, 1 in progress, 3 open
/// · 2 overdue".
fn status(s: &Session, ctx: &Context) -> Text {
    if s.actions.is_empty() {
        return vec![Run::Warn("No actions yet".into())];
    }
    let count = |status: ActionStatus| s.actions.iter().filter(|a| a.status == status).count();
    let parts: Vec<String> = [
        (ActionStatus::Done, "done"),
        (ActionStatus::InProgress, "in progress"),
        (ActionStatus::Open, "open"),
        (ActionStatus::Dropped, "dropped"),
    ]
    .into_iter()
    .filter_map(|(status, word)| match count(status) {
        0 => None,
        n => Some(format!("{n} {word}")),
    })
    .collect();
    let n = s.actions.len();
    let mut out = vec![Run::Plain(format!(
        "{n} action{}: {}",
        if n == 1 { "" } else { "s" },
        parts.join(", ")
    ))];
    let overdue = s.actions.iter().filter(|a| a.is_overdue(ctx.today)).count();
    if overdue > 0 {
        out.push(Run::Plain(" · ".into()));
        out.push(Run::Warn(format!("{overdue} overdue")));
    }
    out
}

/// What happened: the summary (or the problem statements when none was
/// written), and the impact with its own unit.
fn what_happened(s: &Session) -> Section {
    let mut blocks = Vec::new();
    let text = paragraphs(&s.intake.summary);
    let problems: Vec<Text> = s
        .whys
        .iter()
        .enumerate()
        .map(|(i, root)| {
            vec![
                Run::Strong(format!(
                    "Problem {}:",
                    crate::model::labels::problem_letter(i)
                )),
                Run::Plain(format!(" {}", non_empty(&root.answer, "(not stated)"))),
            ]
        })
        .collect();
    if text.is_empty() {
        if !problems.is_empty() {
            blocks.push(Block::Lines(problems));
        }
    } else {
        blocks.push(Block::Paragraphs(text));
    }
    if let Some(impact) = impact(s) {
        blocks.push(Block::Lines(vec![impact]));
    }
    Section {
        heading: "What happened".into(),
        blocks,
    }
}

/// "Impact: <how> (41,250 customers; through web shop, app)".
fn impact(s: &Session) -> Option<Text> {
    let impact = &s.intake.customer_impact;
    let how = impact
        .description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut extra = Vec::new();
    if let Some(affected) = s.affected_words() {
        extra.push(affected);
    }
    if !impact.channels.is_empty() {
        extra.push(format!("through {}", impact.channels.join(", ")));
    }
    if how.is_empty() && extra.is_empty() {
        return None;
    }
    let mut out = vec![Run::Strong("Impact:".into()), Run::Plain(" ".into())];
    match (how.is_empty(), extra.is_empty()) {
        (false, true) => out.push(Run::Plain(how)),
        (false, false) => out.push(Run::Plain(format!("{how} ({})", extra.join("; ")))),
        (true, _) => out.push(Run::Plain(extra.join("; "))),
    }
    Some(out)
}
