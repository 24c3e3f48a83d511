//! Whys: the tree outline beside the selected answer's detail, with the
//! current question the most prominent thing on screen.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::split_bottom;
use crate::export::sanitize::clean_line;
use crate::model::{Confidence, Stage, blameless};
use crate::tui::action::Action;
use crate::tui::app::SessionState;
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;
use crate::tui::widgets::edit_box;

/// Deepest indentation drawn; deeper answers line up at this depth.
const MAX_INDENT: usize = 8;

/// Draws the Whys stage.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = &ss.session;
    if s.whys.is_empty() {
        let text = vec![
            Line::from(Span::styled("No problem statement yet.", theme.question)),
            Line::default(),
            Line::from(format!(
                "Press {} to write the problem statement, then {} to ask why.",
                hint(Context::Whys, &Action::AddProblem),
                hint(Context::Whys, &Action::AskWhy)
            )),
            Line::from(
                "Real incidents often have two: \"why did it break\" and \"why did recovery take so long\".",
            ),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let left_width = (area.width * 9 / 20).max(20).min(area.width);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(0)]).areas(area);

    let nodes = s.why_nodes();
    let mut selected = 0;
    let items: Vec<ListItem> = nodes
        .iter()
        .enumerate()
        .map(|(i, (depth, node))| {
            if ss.node_sel.as_deref() == Some(node.id.as_str()) {
                selected = i;
            }
            let indent = "  ".repeat((*depth).min(MAX_INDENT));
            let marker = if *depth == 0 {
                "▣".to_string()
            } else {
                node.confidence.symbol().to_string()
            };
            let mut spans = vec![
                Span::raw(indent),
                Span::styled(marker, theme.accent),
                Span::raw(" "),
            ];
            if node.root_cause {
                spans.push(Span::styled("★ ", theme.root));
            }
            if node.answer.is_empty() {
                spans.push(Span::styled("(no answer yet)", theme.dim));
            } else {
                spans.push(Span::raw(clean_line(&node.answer)));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items)
        .block(
            Block::default()
                .borders(Borders::RIGHT)
                .border_style(theme.dim),
        )
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, left, &mut state);

    let Some(id) = ss.node_sel.as_deref() else {
        return;
    };
    let Some(node) = s.node(id) else { return };
    let depth = nodes.get(selected).map_or(0, |(d, _)| *d);
    let (detail, edit_area) = match ss.editor() {
        Some(editor) => split_bottom(right, edit_box::height(editor)),
        None => (right, Rect::default()),
    };
    let title = if depth == 0 {
        let index = s.whys.iter().position(|r| r.id == node.id).unwrap_or(0);
        format!(" Problem statement {} of {} ", index + 1, s.whys.len())
    } else {
        format!(" Why {depth} ")
    };
    let mut lines = Vec::new();
    let question = if depth == 0 {
        "What is the problem?".to_string()
    } else {
        clean_line(&s.question_for(id))
    };
    lines.push(Line::from(Span::styled(question, theme.question)));
    lines.push(Line::default());
    if node.answer.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "(no answer yet: {} to type it)",
                hint(Context::Whys, &Action::Edit)
            ),
            theme.dim,
        )));
    } else {
        lines.push(Line::from(Span::styled(
            clean_line(&node.answer),
            theme.text,
        )));
    }
    lines.push(Line::default());
    let row = |label: &str, value: Span<'static>, key: String| {
        Line::from(vec![
            Span::styled(format!("{label:<12}"), theme.dim),
            value,
            Span::styled(format!("  ({key})"), theme.dim),
        ])
    };
    let whys_key = |action: Action| hint(Context::Whys, &action);
    if depth > 0 {
        let keys = Confidence::ALL
            .iter()
            .map(|c| format!("{} {}", whys_key(Action::SetConfidence(*c)), c.label()))
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push(row(
            "Confidence",
            Span::styled(
                format!("{} {}", node.confidence.symbol(), node.confidence.label()),
                theme.accent,
            ),
            keys,
        ));
    }
    lines.push(row(
        "Root cause",
        if node.root_cause {
            Span::styled("★ yes", theme.root)
        } else {
            Span::raw("no")
        },
        whys_key(Action::ToggleRootCause),
    ));
    lines.push(row(
        "Offered by",
        Span::raw(
            node.offered_by
                .as_deref()
                .map(clean_line)
                .unwrap_or_else(|| "—".into()),
        ),
        whys_key(Action::PickOfferedBy),
    ));
    lines.push(row(
        "Evidence",
        Span::raw(if node.evidence.is_empty() {
            "—".into()
        } else {
            clean_line(&node.evidence)
        }),
        format!(
            "{}, then {}",
            whys_key(Action::Edit),
            hint(Context::Editing, &Action::NextField)
        ),
    ));
    if node.root_cause {
        let count = s
            .actions
            .iter()
            .filter(|a| a.addresses.contains(&node.id))
            .count();
        let text = match count {
            0 => Span::styled(
                format!(
                    "no action yet: add one on Actions ({})",
                    hint(Context::Session, &Action::GoStage(Stage::Actions))
                ),
                theme.warn,
            ),
            n => Span::raw(format!("{n} action(s) address this")),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<12}", "Actions"), theme.dim),
            text,
        ]));
    }
    if let Some(nudge) = blameless::nudge(s, &node.answer) {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(
                "Tip: ",
                theme.tip.add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::styled(nudge, theme.tip),
        ]));
    }
    let block = Block::default().title(Span::styled(title, theme.accent));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        detail.inner(ratatui::layout::Margin::new(1, 0)),
    );
    if let Some(editor) = ss.editor() {
        edit_box::render(frame, edit_area, editor, now, theme);
    }
}
