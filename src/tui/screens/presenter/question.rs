//! The question the room is on, for the Intake and Whys stages:
//!
//! ```text
//! A   Checkout failed for about a third of customers        (what led to it)
//! A1a ● Payment authorisation calls timed out
//! Why 2 of 5 · A2a                                          (the same on every screen)
//! Why?                                                      (normal type)
//! EVERY CHECKOUT REQUEST WAITED FOR A CONNECTION            (the largest type that fits)
//! → ◐ The pool was capped at 50 per instance                (its answer, marks at once)
//! ```
//!
//! The question asked of an answer is that answer in the big type, after
//! "Why?" in normal type; a question the room typed is itself the big
//! text, with the answer it asks about at the end of the chain. While the
//! answer is typed it shows under the question, never as a new question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{big, hanging, target_whys};
use crate::export::sanitize::clean_line;
use crate::model::{Current, Session, WhyNode};
use crate::tui::app::SessionState;
use crate::tui::marks;
use crate::tui::theme::Theme;

/// The marks of an answer, as on every screen: how sure, then ★.
fn marks_of(node: &WhyNode, problem: bool) -> String {
    let mut out = String::new();
    if !problem {
        out.push_str(marks::confidence(node.confidence));
        out.push(' ');
    }
    if node.root_cause {
        out.push_str(marks::ROOT);
        out.push(' ');
    }
    out
}

/// One answer of the chain: its label, its marks and words.
fn chain_entry(s: &Session, node: &WhyNode, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let label = s.label_of(&node.id).unwrap_or_default();
    let problem = s.whys.iter().any(|r| r.id == node.id);
    let lead = format!("{label:<4} ");
    let text = format!("{}{}", marks_of(node, problem), clean_line(&node.answer));
    let style = if node.root_cause {
        theme.text.add_modifier(Modifier::BOLD)
    } else {
        theme.text
    };
    hanging(&lead, &text, columns, theme.dim, style)
}

/// At most `max` lines of the chain: the problem's first line and the
/// latest whole answers that fit, saying how many were left out between.
fn shorten(entries: &[Vec<Line<'static>>], max: usize, theme: &Theme) -> Vec<Line<'static>> {
    let total: usize = entries.iter().map(Vec::len).sum();
    if total <= max {
        return entries.concat();
    }
    let Some((problem, answers)) = entries.split_first() else {
        return Vec::new();
    };
    let mut out: Vec<Line<'static>> = problem.iter().take(1).cloned().collect();
    let mut room = max.saturating_sub(out.len() + 1);
    let mut kept: Vec<&Vec<Line<'static>>> = Vec::new();
    for entry in answers.iter().rev() {
        if entry.len() > room {
            break;
        }
        room -= entry.len();
        kept.push(entry);
    }
    let left_out = answers.len() - kept.len();
    if left_out > 0 && out.len() < max {
        out.push(Line::from(Span::styled(
            match left_out {
                1 => "     … 1 earlier answer …".to_string(),
                n => format!("     … {n} earlier answers …"),
            },
            theme.dim,
        )));
    }
    for entry in kept.into_iter().rev() {
        out.extend(entry.iter().cloned());
    }
    out.truncate(max);
    out
}

/// The answer under the question: its marks and words, or that the room
/// is answering.
fn answer_lines(c: &Current, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(answer) = c.answer else {
        return Vec::new();
    };
    if answer.answer.trim().is_empty() {
        return vec![Line::from(Span::styled(
            "→ (the room is answering)",
            theme.dim,
        ))];
    }
    let text = format!(
        "{}{}",
        marks_of(answer, c.number == 0),
        clean_line(&answer.answer)
    );
    let mut lines = hanging(
        "→ ",
        &text,
        columns,
        theme.accent,
        theme.text.add_modifier(Modifier::BOLD),
    );
    lines.truncate(3);
    lines
}

/// What the question shows: "Why?" in normal type or nothing, the big
/// text (a typed question, or the answer the question asks "why?" of, or
/// for the problem its question), and the chain above it.
fn parts<'a>(c: &Current<'a>) -> (Option<&'static str>, String, Vec<&'a WhyNode>) {
    match (c.typed, c.about) {
        (Some(typed), Some(about)) => {
            let mut chain = c.chain.clone();
            chain.push(about);
            (None, clean_line(typed), chain)
        }
        (None, Some(about)) => (Some("Why?"), clean_line(&about.answer), c.chain.clone()),
        _ => (None, "What is the problem?".to_string(), Vec::new()),
    }
}

/// The big texts of the answers just before and after the selected one
/// in the outline: the type is chosen so they would show the same size.
fn neighbours(ss: &SessionState) -> Vec<String> {
    let (s, outline) = (ss.session(), ss.outline());
    [-1, 1]
        .into_iter()
        .filter_map(|step| outline.beside(s, ss.node_sel.as_deref(), step))
        .filter(|n| Some(n.id.as_str()) != ss.node_sel.as_deref())
        .map(|n| parts(&s.current_question(Some(&n.id))).1)
        .collect()
}

/// Draws the question view into `area`.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, theme: &Theme) {
    let s = ss.session();
    let c = s.current_question(ss.node_sel.as_deref());
    let columns = usize::from(area.width);
    let (lead, big_text, chain) = parts(&c);
    let near = neighbours(ss);
    let entries: Vec<Vec<Line<'static>>> = chain
        .iter()
        .map(|n| chain_entry(s, n, columns, theme))
        .collect();
    let answer = answer_lines(&c, columns, theme);
    let fixed = 1 + u16::from(lead.is_some()) + answer.len() as u16 + 1;
    // The question comes first. Its type is chosen for the room left
    // beside the shortest chain (the problem and one line), whatever the
    // length of this one, so that moving along a chain keeps the size;
    // the chain then takes what is left.
    let roomy = shorten(&entries, usize::from(area.height / 3), theme);
    let tight = shorten(&entries, 2, theme);
    let rest = |chain: usize| area.height.saturating_sub(chain as u16 + fixed);
    let kind = big::steady(&big_text, &near, area.width, rest(2));
    let needs = big::rows(&kind, &big_text, area.width, rest(2));
    let chain_lines = if needs <= rest(roomy.len()) {
        roomy
    } else {
        tight
    };
    // The question as tall as its type, its answer right under it.
    let tall = big::rows(&kind, &big_text, area.width, rest(chain_lines.len())).max(1);
    let [chain_area, heading, why, question, answer_area, _] = Layout::vertical([
        Constraint::Length(chain_lines.len() as u16),
        Constraint::Length(1),
        Constraint::Length(u16::from(lead.is_some())),
        Constraint::Length(tall),
        Constraint::Length(answer.len() as u16 + 1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(chain_lines), chain_area);
    let heading_text = format!("{} · {}", c.heading(target_whys()), c.label);
    frame.render_widget(
        Line::from(Span::styled(heading_text, theme.accent)),
        heading,
    );
    if let Some(lead) = lead {
        frame.render_widget(Line::from(Span::styled(lead, theme.question)), why);
    }
    big::draw(frame, question, &big_text, kind, theme.question, theme.dim);
    let [_, answer_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(answer_area);
    frame.render_widget(Paragraph::new(answer), answer_area);
}
