//! HTML for rich email paste: one self-contained document with inline
//! `style=` attributes only (mail clients drop `<style>`, `<link>` and
//! `<script>`), every piece of user text HTML-escaped.

use std::collections::BTreeMap;

use super::Context;
use super::clean::cleaned;
use super::text::duration;
use crate::model::{ActionStatus, Role, Session, WhyNode};

const BODY: &str = "margin:0;padding:24px;background:#ffffff;color:#1f2328;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5";
const H1: &str = "font-size:22px;margin:0 0 4px 0;color:#1f2328";
const H2: &str = "font-size:17px;margin:24px 0 8px 0;padding-bottom:4px;border-bottom:1px solid #d0d7de;color:#1f2328";
const DIM: &str = "color:#57606a";
const TH: &str =
    "text-align:left;padding:6px 8px;border-bottom:2px solid #d0d7de;font-size:13px;color:#57606a";
const TD: &str = "padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top";
const ROOT: &str = "display:inline-block;padding:0 6px;border-radius:8px;background:#fbefff;color:#8250df;font-size:12px;font-weight:bold";
const WARN: &str = "color:#cf222e;font-weight:bold";

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn paragraphs(text: &str) -> String {
    text.split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p style=\"margin:0 0 8px 0\">{}</p>", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The HTML summary of `session`.
pub fn html(session: &Session, ctx: &Context) -> String {
    let s = cleaned(session);
    let title = if s.title.trim().is_empty() {
        "Untitled session".to_string()
    } else {
        escape(&s.title)
    };
    let mut b = String::new();
    b.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.push_str(&format!("<title>Postmortem: {title}</title>\n</head>\n"));
    b.push_str(&format!(
        "<body style=\"{BODY}\">\n<div style=\"max-width:760px;margin:0 auto\">\n"
    ));
    b.push_str(&format!("<h1 style=\"{H1}\">Postmortem: {title}</h1>\n"));
    b.push_str(&format!(
        "<p style=\"{DIM};margin:0 0 16px 0\">{}</p>\n",
        escape(&ctx.time(s.created)[..10])
    ));
    for (i, root) in s.whys.iter().enumerate() {
        let label = if s.whys.len() > 1 {
            format!("Problem {}", i + 1)
        } else {
            "Problem".into()
        };
        b.push_str(&format!(
            "<p style=\"margin:0 0 4px 0\"><strong>{label}:</strong> {}</p>\n",
            escape(&root.answer)
        ));
    }
    if let Some(sev) = s.intake.severity {
        b.push_str(&format!(
            "<p style=\"margin:0 0 4px 0\"><strong>Severity:</strong> {}</p>\n",
            escape(sev.label())
        ));
    }
    if !s.intake.summary.trim().is_empty() {
        b.push_str(&format!(
            "<h2 style=\"{H2}\">Summary</h2>\n{}\n",
            paragraphs(&s.intake.summary)
        ));
    }
    let impact = &s.intake.customer_impact;
    if !impact.is_empty() {
        b.push_str(&format!("<h2 style=\"{H2}\">Customer impact</h2>\n"));
        if !impact.description.trim().is_empty() {
            b.push_str(&paragraphs(&impact.description));
            b.push('\n');
        }
        if let Some(n) = impact.affected {
            b.push_str(&format!(
                "<p style=\"margin:0 0 4px 0\"><strong>Customers affected:</strong> {n}</p>\n"
            ));
        }
        if !impact.channels.is_empty() {
            let channels: Vec<String> = impact.channels.iter().map(|c| escape(c)).collect();
            b.push_str(&format!(
                "<p style=\"margin:0 0 4px 0\"><strong>Channels:</strong> {}</p>\n",
                channels.join(", ")
            ));
        }
    }
    timeline(&mut b, &s, ctx);
    if !s.participants.is_empty() {
        b.push_str(&format!(
            "<h2 style=\"{H2}\">Who took part</h2>\n<ul style=\"margin:0;padding-left:20px\">\n"
        ));
        for p in &s.participants {
            let role = match p.role {
                Role::Participant => String::new(),
                role => format!(" <span style=\"{DIM}\">({})</span>", role.label()),
            };
            b.push_str(&format!(
                "<li>{} — {}{role}</li>\n",
                escape(&p.name),
                escape(&p.team)
            ));
        }
        b.push_str("</ul>\n");
    }
    let numbers = s.outline_numbers();
    if !s.whys.is_empty() {
        b.push_str(&format!("<h2 style=\"{H2}\">Why chain</h2>\n<ul style=\"margin:0;padding-left:20px;list-style:none\">\n"));
        for root in &s.whys {
            tree(&mut b, root, 0, &numbers);
        }
        b.push_str("</ul>\n");
    }
    let roots = s.root_causes();
    if !roots.is_empty() {
        b.push_str(&format!(
            "<h2 style=\"{H2}\">Root causes</h2>\n<ul style=\"margin:0;padding-left:20px\">\n"
        ));
        for n in roots {
            b.push_str(&format!(
                "<li><strong>{}</strong> {}</li>\n",
                numbers[&n.id],
                escape(&n.answer)
            ));
        }
        b.push_str("</ul>\n");
    }
    actions(&mut b, &s, ctx, &numbers);
    if !s.went_well.is_empty() {
        b.push_str(&format!(
            "<h2 style=\"{H2}\">What went well</h2>\n<ul style=\"margin:0;padding-left:20px\">\n"
        ));
        for w in &s.went_well {
            b.push_str(&format!("<li>{}</li>\n", escape(w)));
        }
        b.push_str("</ul>\n");
    }
    let open = s.to_verify();
    if !open.is_empty() {
        b.push_str(&format!(
            "<h2 style=\"{H2}\">To verify</h2>\n<ul style=\"margin:0;padding-left:20px\">\n"
        ));
        for n in open {
            b.push_str(&format!(
                "<li><strong>{}</strong> {} <span style=\"{DIM}\">({})</span></li>\n",
                numbers[&n.id],
                escape(&n.answer),
                n.confidence.label()
            ));
        }
        b.push_str("</ul>\n");
    }
    if !s.notes.trim().is_empty() {
        b.push_str(&format!(
            "<h2 style=\"{H2}\">Notes</h2>\n{}\n",
            paragraphs(&s.notes)
        ));
    }
    b.push_str(&format!(
        "<p style=\"{DIM};font-size:12px;margin-top:32px\">Written with fivewhys.</p>\n"
    ));
    b.push_str("</div>\n</body>\n</html>\n");
    b
}

fn timeline(b: &mut String, s: &Session, ctx: &Context) {
    let intake = &s.intake;
    if !intake.has_timeline() {
        return;
    }
    b.push_str(&format!(
        "<h2 style=\"{H2}\">Timeline</h2>\n<ul style=\"margin:0;padding-left:20px\">\n"
    ));
    if let Some(t) = intake.started {
        b.push_str(&format!(
            "<li><strong>Started:</strong> {}</li>\n",
            escape(&ctx.time(t))
        ));
    }
    for (label, at) in [("Detected", intake.detected), ("Resolved", intake.resolved)] {
        if let Some(t) = at {
            let after = intake
                .started
                .and_then(|st| duration(st, t))
                .map(|d| format!(" <span style=\"{DIM}\">({d} after start)</span>"))
                .unwrap_or_default();
            b.push_str(&format!(
                "<li><strong>{label}:</strong> {}{after}</li>\n",
                escape(&ctx.time(t))
            ));
        }
    }
    for m in intake.moments_in_order() {
        b.push_str(&format!(
            "<li>{} {}</li>\n",
            escape(&ctx.time(m.at)),
            escape(&m.what)
        ));
    }
    b.push_str("</ul>\n");
}

fn tree(b: &mut String, node: &WhyNode, depth: usize, numbers: &BTreeMap<String, String>) {
    let number = &numbers[&node.id];
    let answer = if node.answer.trim().is_empty() {
        "<em>(no answer yet)</em>".to_string()
    } else {
        escape(&node.answer)
    };
    b.push_str("<li style=\"margin:4px 0\">");
    if !node.question.trim().is_empty() {
        b.push_str(&format!(
            "<span style=\"{DIM};font-style:italic\">{}</span><br>",
            escape(node.question.trim())
        ));
    }
    if depth == 0 {
        b.push_str(&format!("<strong>{number} Problem:</strong> {answer}"));
    } else {
        b.push_str(&format!(
            "<strong>{number}</strong> {answer} <span style=\"{DIM}\">({})</span>",
            node.confidence.label()
        ));
    }
    if node.root_cause {
        b.push_str(&format!(" <span style=\"{ROOT}\">root cause</span>"));
    }
    if !node.evidence.trim().is_empty() {
        b.push_str(&format!(
            "<br><span style=\"{DIM};font-size:13px\">Evidence: {}</span>",
            escape(&node.evidence)
        ));
    }
    if !node.children.is_empty() {
        b.push_str("\n<ul style=\"margin:0;padding-left:22px;list-style:none;border-left:2px solid #eaeef2\">\n");
        for child in &node.children {
            tree(b, child, depth + 1, numbers);
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</li>\n");
}

fn actions(b: &mut String, s: &Session, ctx: &Context, numbers: &BTreeMap<String, String>) {
    if s.actions.is_empty() {
        return;
    }
    b.push_str(&format!("<h2 style=\"{H2}\">Action items</h2>\n"));
    b.push_str("<table style=\"border-collapse:collapse;width:100%;font-size:14px\">\n<tr>");
    for h in ["#", "What", "Owner", "Due", "Status", "Addresses"] {
        b.push_str(&format!("<th style=\"{TH}\">{h}</th>"));
    }
    b.push_str("</tr>\n");
    for (i, a) in s.actions.iter().enumerate() {
        let owner = match (&a.owner, &a.team) {
            (Some(o), Some(t)) => format!(
                "{}<br><span style=\"{DIM};font-size:13px\">{}</span>",
                escape(o),
                escape(t)
            ),
            (Some(o), None) => escape(o),
            (None, Some(t)) => format!(
                "<span style=\"{WARN}\">none yet</span><br><span style=\"{DIM};font-size:13px\">{}</span>",
                escape(t)
            ),
            (None, None) => format!("<span style=\"{WARN}\">none yet</span>"),
        };
        let due = match a.due {
            Some(d) if a.is_overdue(ctx.today) => {
                format!("<span style=\"{WARN}\">{d} (overdue)</span>")
            }
            Some(d) => d.to_string(),
            None => format!("<span style=\"{WARN}\">not set</span>"),
        };
        let status = match a.status {
            ActionStatus::Done => {
                format!("<span style=\"color:#1a7f37\">{}</span>", a.status.label())
            }
            other => other.label().to_string(),
        };
        let addresses: Vec<String> = a
            .addresses
            .iter()
            .filter_map(|id| numbers.get(id).cloned())
            .collect();
        b.push_str(&format!(
            "<tr><td style=\"{TD}\">{}</td><td style=\"{TD}\">{}<br><span style=\"{DIM};font-size:13px\">{} priority</span></td><td style=\"{TD}\">{owner}</td><td style=\"{TD}\">{due}</td><td style=\"{TD}\">{status}</td><td style=\"{TD}\">{}</td></tr>\n",
            i + 1,
            escape(&a.description),
            a.priority.label(),
            addresses.join(", ")
        ));
    }
    b.push_str("</table>\n");
}
