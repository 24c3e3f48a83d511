//! Actions: the table of action items, the selected item's links and note,
//! and the gaps to close before the meeting ends.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::split_bottom;
use crate::export::sanitize::clean_line;
use crate::export::text::outline_numbers;
use crate::tui::app::SessionState;
use crate::tui::theme::Theme;
use crate::tui::widgets::edit_box;
use crate::tui::widgets::stage_bar::Gaps;

/// Draws the Actions stage.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = &ss.session;
    let (main, edit_area) = match &ss.editor {
        Some(editor) => split_bottom(area, edit_box::height(editor)),
        None => (area, Rect::default()),
    };
    let gaps = Gaps::of(s);
    let unaddressed = s.unaddressed_root_causes();
    let gap_rows = if gaps.total() == 0 {
        1
    } else {
        1 + unaddressed.len().min(3) as u16 + 1
    };
    let [table_area, detail_area, gap_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(gap_rows),
    ])
    .areas(main);

    let wide = table_area.width >= 100;
    let team_focused = ss.action_col == 2;
    if s.actions.is_empty() {
        let text = "No action items yet. Press a to add one: what will be done, by whom, by when.";
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            table_area,
        );
    } else {
        let today = now.date();
        let rows = s.actions.iter().enumerate().map(|(i, a)| {
            let focus = |col: usize, text: String, style| {
                if i == ss.action_sel && ss.action_col == col {
                    Cell::from(Span::styled(text, theme.selected))
                } else {
                    Cell::from(Span::styled(text, style))
                }
            };
            let owner = a.owner.as_deref().map(clean_line);
            let due = match a.due {
                Some(d) if a.is_overdue(today) => (format!("{d}!"), theme.warn),
                Some(d) => (d.to_string(), theme.text),
                None => ("no date".to_string(), theme.warn),
            };
            let description = if a.description.is_empty() {
                "(what?)".to_string()
            } else {
                clean_line(&a.description)
            };
            let owner_style = if owner.is_some() {
                theme.text
            } else {
                theme.warn
            };
            let team = a
                .team
                .as_deref()
                .map(clean_line)
                .unwrap_or_else(|| "—".into());
            let mut cells = vec![
                Cell::from(format!("{}", i + 1)),
                focus(0, description, theme.text),
                focus(1, owner.unwrap_or_else(|| "unowned".into()), owner_style),
                focus(2, team, theme.text),
                focus(3, due.0, due.1),
                focus(4, a.priority.label().to_string(), theme.text),
                focus(5, a.status.label().to_string(), theme.text),
            ];
            if !wide {
                // Narrow windows hide the team column; while team is the
                // focused column it shows in the owner's place.
                cells.remove(if team_focused { 2 } else { 3 });
            }
            Row::new(cells)
        });
        let mut widths = vec![
            Constraint::Length(2),
            Constraint::Min(16),
            Constraint::Length(14),
            Constraint::Length(16),
            Constraint::Length(11),
            Constraint::Length(6),
            Constraint::Length(11),
        ];
        let mut header = vec!["#", "What", "Owner", "Team", "Due", "Prio", "Status"];
        if !wide {
            widths.remove(3);
            header.remove(if team_focused { 2 } else { 3 });
        }
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.dim))
            .highlight_symbol("▸")
            .row_highlight_style(theme.text.add_modifier(ratatui::style::Modifier::BOLD));
        let mut state = TableState::default().with_selected(Some(ss.action_sel));
        frame.render_stateful_widget(table, table_area, &mut state);
    }

    if let Some(a) = s.actions.get(ss.action_sel) {
        let numbers = outline_numbers(s);
        let links: Vec<String> = a
            .addresses
            .iter()
            .filter_map(|id| {
                s.node(id)
                    .map(|n| format!("{} {}", numbers[id], clean_line(&n.answer)))
            })
            .collect();
        let note_style = if ss.action_col == 6 {
            theme.selected
        } else {
            theme.text
        };
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("{:<10}", "Addresses"), theme.dim),
                if links.is_empty() {
                    Span::styled("no root cause linked (l)", theme.warn)
                } else {
                    Span::raw(links.join("; "))
                },
            ]),
            Line::from(vec![
                Span::styled("Note      ", theme.dim),
                Span::styled(
                    if a.note.is_empty() {
                        "—".to_string()
                    } else {
                        clean_line(&a.note)
                    },
                    note_style,
                ),
            ]),
        ];
        frame.render_widget(Paragraph::new(lines), detail_area);
    }

    let mut lines = Vec::new();
    if gaps.total() == 0 {
        lines.push(Line::from(Span::styled(
            "No gaps: every root cause has an action, every action an owner and a date.",
            theme.accent,
        )));
    } else {
        let mut parts = Vec::new();
        if gaps.unaddressed > 0 {
            parts.push(format!("{} root cause(s) without action", gaps.unaddressed));
        }
        if gaps.unowned > 0 {
            parts.push(format!("{} action(s) without owner", gaps.unowned));
        }
        if gaps.undated > 0 {
            parts.push(format!("{} without due date", gaps.undated));
        }
        lines.push(Line::from(Span::styled(
            format!("Gaps: {}", parts.join(" · ")),
            theme.warn,
        )));
        let numbers = outline_numbers(s);
        for node in unaddressed.iter().take(3) {
            lines.push(Line::from(vec![
                Span::styled("  ★ ", theme.root),
                Span::raw(format!(
                    "{} {}",
                    numbers[&node.id],
                    clean_line(&node.answer)
                )),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), gap_area);

    if let Some(editor) = &ss.editor {
        edit_box::render(frame, edit_area, editor, now, theme);
    }
}
