//! Markdown for wikis and tickets: headings, the why tree as nested lists,
//! action items as a GFM table. User text is escaped so it can never create
//! markup, and `<` and `&` become entities so no raw HTML passes through.

use super::Context;
use super::clean::cleaned;
use super::text::duration;
use crate::model::{Role, Session, WhyNode};

/// Escapes user text for Markdown. Inline markup characters are
/// backslash-escaped wherever they are; list, heading and quote markers
/// only where they could start a block (the start of the text); `<`, `>`
/// and `&` become entities so no raw HTML passes through; line breaks
/// become spaces (use [`escape_block`] for multi-line text).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let trimmed = text.trim_start();
    let lead_digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in trimmed.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' | '#' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if lead_digits > 0 && i == lead_digits => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes multi-line user text, keeping paragraphs as Markdown paragraphs.
pub fn escape_block(text: &str) -> String {
    text.split('\n')
        .map(|line| escape(line.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

/// The Markdown summary of `session`.
pub fn markdown(session: &Session, ctx: &Context) -> String {
    let s = cleaned(session);
    let mut out = String::new();
    let title = if s.title.trim().is_empty() {
        "Untitled session".to_string()
    } else {
        escape(&s.title)
    };
    out.push_str(&format!("# Postmortem: {title}\n\n"));
    out.push_str(&format!("*{}*\n\n", escape(&ctx.time(s.created)[..10])));
    for (i, root) in s.whys.iter().enumerate() {
        let label = if s.whys.len() > 1 {
            format!("Problem {}", i + 1)
        } else {
            "Problem".into()
        };
        out.push_str(&format!("**{label}:** {}  \n", escape(&root.answer)));
    }
    if let Some(severity) = s.intake.severity {
        out.push_str(&format!("**Severity:** {}\n", escape(severity.label())));
    }
    if !s.intake.summary.trim().is_empty() {
        out.push_str(&format!(
            "\n## Summary\n\n{}\n",
            escape_block(&s.intake.summary)
        ));
    }
    let impact = &s.intake.customer_impact;
    if !impact.is_empty() {
        out.push_str("\n## Customer impact\n\n");
        if !impact.description.trim().is_empty() {
            out.push_str(&format!("{}\n\n", escape(&impact.description)));
        }
        if let Some(n) = impact.affected {
            out.push_str(&format!("- **Customers affected:** {n}\n"));
        }
        if !impact.channels.is_empty() {
            let channels: Vec<String> = impact.channels.iter().map(|c| escape(c)).collect();
            out.push_str(&format!("- **Channels:** {}\n", channels.join(", ")));
        }
    }
    timeline(&mut out, &s, ctx);
    if !s.participants.is_empty() {
        out.push_str("\n## Who took part\n\n");
        for p in &s.participants {
            let role = match p.role {
                Role::Participant => String::new(),
                role => format!(" ({})", role.label()),
            };
            out.push_str(&format!(
                "- {} — {}{role}\n",
                escape(&p.name),
                escape(&p.team)
            ));
        }
    }
    let numbers = s.outline_numbers();
    if !s.whys.is_empty() {
        out.push_str("\n## Why chain\n\n");
        for root in &s.whys {
            tree(&mut out, root, 0, &numbers);
        }
    }
    let roots = s.root_causes();
    if !roots.is_empty() {
        out.push_str("\n## Root causes\n\n");
        for node in roots {
            out.push_str(&format!(
                "- **{}** {}\n",
                numbers[&node.id],
                escape(&node.answer)
            ));
        }
    }
    if !s.actions.is_empty() {
        out.push_str("\n## Action items\n\n");
        out.push_str("| # | What | Owner | Team | Due | Priority | Status | Addresses |\n");
        out.push_str("|---|------|-------|------|-----|----------|--------|-----------|\n");
        for (i, a) in s.actions.iter().enumerate() {
            let due = match a.due {
                Some(d) if a.is_overdue(ctx.today) => format!("{d} (overdue)"),
                Some(d) => d.to_string(),
                None => "not set".into(),
            };
            let addresses: Vec<String> = a
                .addresses
                .iter()
                .filter_map(|id| numbers.get(id).cloned())
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                i + 1,
                escape(&a.description),
                a.owner
                    .as_deref()
                    .map(escape)
                    .unwrap_or_else(|| "*none yet*".into()),
                a.team.as_deref().map(escape).unwrap_or_default(),
                escape(&due),
                a.priority.label(),
                a.status.label(),
                addresses.join(", "),
            ));
        }
    }
    if !s.went_well.is_empty() {
        out.push_str("\n## What went well\n\n");
        for w in &s.went_well {
            out.push_str(&format!("- {}\n", escape(w)));
        }
    }
    let open = s.to_verify();
    if !open.is_empty() {
        out.push_str("\n## To verify\n\n");
        for n in open {
            out.push_str(&format!(
                "- **{}** {} *({})*\n",
                numbers[&n.id],
                escape(&n.answer),
                n.confidence.label()
            ));
        }
    }
    if !s.notes.trim().is_empty() {
        out.push_str(&format!("\n## Notes\n\n{}\n", escape_block(&s.notes)));
    }
    out
}

fn timeline(out: &mut String, s: &Session, ctx: &Context) {
    let intake = &s.intake;
    if !intake.has_timeline() {
        return;
    }
    out.push_str("\n## Timeline\n\n");
    if let Some(t) = intake.started {
        out.push_str(&format!("- **Started:** {}\n", escape(&ctx.time(t))));
    }
    for (label, at) in [("Detected", intake.detected), ("Resolved", intake.resolved)] {
        if let Some(t) = at {
            let after = intake
                .started
                .and_then(|st| duration(st, t))
                .map(|d| format!(" ({d} after start)"))
                .unwrap_or_default();
            // `after` is our own wording, not user text.
            out.push_str(&format!("- **{label}:** {}{after}\n", escape(&ctx.time(t))));
        }
    }
    for m in intake.moments_in_order() {
        out.push_str(&format!(
            "- {} {}\n",
            escape(&ctx.time(m.at)),
            escape(&m.what)
        ));
    }
}

fn tree(
    out: &mut String,
    node: &WhyNode,
    depth: usize,
    numbers: &std::collections::BTreeMap<String, String>,
) {
    let indent = "  ".repeat(depth);
    let number = &numbers[&node.id];
    let answer = if node.answer.trim().is_empty() {
        "*(no answer yet)*".to_string()
    } else {
        escape(&node.answer)
    };
    // A typed question comes first, on its own line of the item.
    let asked = if node.question.trim().is_empty() {
        String::new()
    } else {
        format!("*{}*  \n{indent}  ", escape(node.question.trim()))
    };
    let mut line = if depth == 0 {
        format!("{indent}- **{number} Problem:** {asked}{answer}")
    } else {
        format!(
            "{indent}- **{number}** {asked}{answer} *({})*",
            node.confidence.label()
        )
    };
    if node.root_cause {
        line.push_str(" — **root cause**");
    }
    out.push_str(&line);
    out.push('\n');
    if !node.evidence.trim().is_empty() {
        out.push_str(&format!("{indent}  Evidence: {}\n", escape(&node.evidence)));
    }
    for child in &node.children {
        tree(out, child, depth + 1, numbers);
    }
}
