//! The plain-text summary: email-ready, no markup, lines of at most 72
//! columns (a single unbreakable token such as a URL may be longer), the why
//! tree as a numbered outline, and nothing that needs a monospace font.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::Context;
use super::sanitize::{clean_line, clean_text};
use super::wrap::push_wrapped;
use crate::model::{ActionItem, Session};

/// The text summary of `session`.
pub fn text(session: &Session, ctx: &Context) -> String {
    let mut out: Vec<String> = Vec::new();
    let title = non_empty(&clean_line(&session.title), "Untitled session");
    let date = ctx.time(session.created);
    push_wrapped(
        &mut out,
        &format!("Postmortem: {title} — {}", &date[..10]),
        "",
        "  ",
    );
    out.push(String::new());

    for (i, root) in session.whys.iter().enumerate() {
        let label = if session.whys.len() > 1 {
            format!("Problem {}: ", i + 1)
        } else {
            "Problem: ".to_string()
        };
        push_wrapped(
            &mut out,
            &format!(
                "{label}{}",
                non_empty(&clean_line(&root.answer), "(not stated)")
            ),
            "",
            "  ",
        );
    }
    if let Some(severity) = session.intake.severity {
        out.push(format!("Severity: {}", severity.label()));
    }

    let summary = clean_text(&session.intake.summary);
    if !summary.trim().is_empty() {
        section(&mut out, "Summary");
        push_wrapped(&mut out, &summary, "", "");
    }
    impact(&mut out, session);
    timeline(&mut out, session, ctx);
    people(&mut out, session);
    why_tree(&mut out, session);
    actions(&mut out, session, ctx);
    if !session.went_well.is_empty() {
        section(&mut out, "What went well");
        for item in &session.went_well {
            push_wrapped(&mut out, &clean_text(item), "- ", "  ");
        }
    }
    to_verify(&mut out, session);
    let notes = clean_text(&session.notes);
    if !notes.trim().is_empty() {
        section(&mut out, "Notes");
        push_wrapped(&mut out, &notes, "", "");
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn section(out: &mut Vec<String>, heading: &str) {
    out.push(String::new());
    out.push(heading.to_string());
    out.push("-".repeat(heading.chars().count()));
}

fn non_empty(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text.trim().to_string()
    }
}

fn impact(out: &mut Vec<String>, session: &Session) {
    let impact = &session.intake.customer_impact;
    let description = clean_text(&impact.description);
    if impact.is_empty() {
        return;
    }
    section(out, "Customer impact");
    if !description.trim().is_empty() {
        push_wrapped(out, &description, "", "");
    }
    if let Some(n) = impact.affected {
        out.push(format!("Customers affected: {n}"));
    }
    if !impact.channels.is_empty() {
        let channels: Vec<String> = impact.channels.iter().map(|c| clean_line(c)).collect();
        push_wrapped(out, &format!("Channels: {}", channels.join(", ")), "", "  ");
    }
}

/// "2 h 10 min" between two times, or `None` if `to` is not after `from`.
pub fn duration(from: Timestamp, to: Timestamp) -> Option<String> {
    let minutes = (to.as_second() - from.as_second()) / 60;
    if minutes < 0 {
        return None;
    }
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    Some(match (days, hours) {
        (0, 0) => format!("{mins} min"),
        (0, _) => format!("{hours} h {mins} min"),
        _ => format!("{days} d {hours} h {mins} min"),
    })
}

fn timeline(out: &mut Vec<String>, session: &Session, ctx: &Context) {
    let intake = &session.intake;
    if !intake.has_timeline() {
        return;
    }
    section(out, "Timeline");
    if let Some(started) = intake.started {
        out.push(format!("Started: {}", ctx.time(started)));
    }
    for (label, at) in [("Detected", intake.detected), ("Resolved", intake.resolved)] {
        if let Some(at) = at {
            let after = intake
                .started
                .and_then(|s| duration(s, at))
                .map(|d| format!(" ({d} after start)"))
                .unwrap_or_default();
            out.push(format!("{label}: {}{after}", ctx.time(at)));
        }
    }
    for moment in intake.moments_in_order() {
        push_wrapped(
            out,
            &format!("{} {}", ctx.time(moment.at), clean_line(&moment.what)),
            "- ",
            "  ",
        );
    }
}

fn people(out: &mut Vec<String>, session: &Session) {
    if session.participants.is_empty() {
        return;
    }
    section(out, "Who took part");
    let mut by_team: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &session.participants {
        let team = non_empty(&clean_line(&p.team), "No team given");
        let role = match p.role {
            crate::model::Role::Participant => String::new(),
            role => format!(" ({})", role.label()),
        };
        by_team
            .entry(team)
            .or_default()
            .push(format!("{}{role}", clean_line(&p.name)));
    }
    for (team, names) in by_team {
        push_wrapped(out, &format!("{team}: {}", names.join(", ")), "- ", "  ");
    }
}

fn why_tree(out: &mut Vec<String>, session: &Session) {
    if session.whys.is_empty() {
        return;
    }
    section(out, "Why chain");
    let numbers = session.outline_numbers();
    for (depth, node) in session.why_nodes() {
        let number = &numbers[&node.id];
        let indent = "  ".repeat(depth);
        let first = format!("{indent}{number} ");
        let rest = " ".repeat(first.chars().count());
        let mut line = if depth == 0 {
            format!(
                "Problem: {}",
                non_empty(&clean_line(&node.answer), "(not stated)")
            )
        } else {
            format!(
                "{} ({})",
                non_empty(&clean_line(&node.answer), "(no answer yet)"),
                node.confidence.label()
            )
        };
        if node.root_cause {
            line.push_str(" [ROOT CAUSE]");
        }
        // A question the room typed is part of the record: it says what
        // the answer answers, so it comes first.
        match session.typed_question(&node.id) {
            Some(asked) => {
                push_wrapped(out, &format!("Asked: {}", clean_line(asked)), &first, &rest);
                push_wrapped(out, &line, &rest, &rest);
            }
            None => push_wrapped(out, &line, &first, &rest),
        }
        let evidence = clean_line(&node.evidence);
        if !evidence.trim().is_empty() {
            push_wrapped(out, &format!("Evidence: {}", evidence.trim()), &rest, &rest);
        }
        if let Some(who) = &node.offered_by {
            push_wrapped(
                out,
                &format!("Offered by: {}", clean_line(who)),
                &rest,
                &rest,
            );
        }
    }
    let roots = session.root_causes();
    if !roots.is_empty() {
        section(out, "Root causes");
        for node in roots {
            push_wrapped(
                out,
                &format!("{} {}", numbers[&node.id], clean_line(&node.answer)),
                "- ",
                "  ",
            );
        }
    }
}

fn action_line(action: &ActionItem, ctx: &Context) -> String {
    let owner = match (&action.owner, &action.team) {
        (Some(o), Some(t)) => format!("Owner: {} ({})", clean_line(o), clean_line(t)),
        (Some(o), None) => format!("Owner: {}", clean_line(o)),
        (None, Some(t)) => format!("Owner: none yet ({})", clean_line(t)),
        (None, None) => "Owner: none yet".to_string(),
    };
    let due = match action.due {
        Some(due) if action.is_overdue(ctx.today) => format!("Due: {due} (overdue)"),
        Some(due) => format!("Due: {due}"),
        None => "Due: not set".to_string(),
    };
    format!(
        "{owner}. {due}. Priority: {}. Status: {}.",
        action.priority.label(),
        action.status.label()
    )
}

fn actions(out: &mut Vec<String>, session: &Session, ctx: &Context) {
    if session.actions.is_empty() {
        return;
    }
    section(out, "Action items");
    let numbers = session.outline_numbers();
    for (i, action) in session.actions.iter().enumerate() {
        let first = format!("{}. ", i + 1);
        let rest = " ".repeat(first.len());
        push_wrapped(
            out,
            &non_empty(&clean_line(&action.description), "(no description)"),
            &first,
            &rest,
        );
        push_wrapped(out, &action_line(action, ctx), &rest, &rest);
        for target in &action.addresses {
            if let Some(node) = session.node(target) {
                push_wrapped(
                    out,
                    &format!(
                        "Addresses {}: {}",
                        numbers[&node.id],
                        clean_line(&node.answer)
                    ),
                    &rest,
                    &rest,
                );
            }
        }
        let note = clean_line(&action.note);
        if !note.trim().is_empty() {
            push_wrapped(out, &format!("Note: {}", note.trim()), &rest, &rest);
        }
    }
}

fn to_verify(out: &mut Vec<String>, session: &Session) {
    let numbers = session.outline_numbers();
    let open = session.to_verify();
    if open.is_empty() {
        return;
    }
    section(out, "To verify");
    for node in open {
        push_wrapped(
            out,
            &format!(
                "{} {} ({})",
                numbers[&node.id],
                non_empty(&clean_line(&node.answer), "(no answer yet)"),
                node.confidence.label()
            ),
            "- ",
            "  ",
        );
    }
}
