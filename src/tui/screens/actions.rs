//! Actions: the table of action items, the selected item in full, and the
//! gaps to close before the meeting ends.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::columns::{Column, spans};
use super::split_bottom;
use crate::export::sanitize::clean_line;
use crate::model::ActionItem;
use crate::tui::action::Action;
use crate::tui::app::SessionState;
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;
use crate::tui::widgets::edit_box;
use crate::tui::widgets::labelled::labelled;

/// The table's columns; the team shows on wide windows, or in the owner's
/// place while it is the focused column.
fn columns(wide: bool, team_focused: bool) -> Vec<Column> {
    let mut cols = vec![
        Column::fixed("#", 3),
        Column::flex("What", 16),
        Column::fixed("Owner", 14),
        Column::fixed("Team", 16),
        Column::fixed("Due", 11),
        Column::fixed("Priority", 8),
        Column::fixed("Status", 11),
    ];
    if !wide {
        cols.remove(if team_focused { 2 } else { 3 });
    }
    cols
}

/// The column (Tab order) a heading stands for.
fn column_index(title: &str) -> usize {
    ["What", "Owner", "Team", "Due", "Priority", "Status", "Note"]
        .iter()
        .position(|t| *t == title)
        .unwrap_or(usize::MAX)
}

/// Draws the Actions stage.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = ss.session();
    let (main, edit_area) = match ss.editor() {
        Some(editor) => split_bottom(
            area,
            edit_box::height(editor, ss.session(), now, area.width),
        ),
        None => (area, Rect::default()),
    };
    let gap_text = gaps_text(ss, usize::from(main.width), main.height / 3);
    let gap_rows = gap_text.len() as u16;
    let table_rows = (s.actions.len() as u16 + 1).max(2);
    let [table_area, detail_area, gap_area] = Layout::vertical([
        Constraint::Max(table_rows),
        Constraint::Min(0),
        Constraint::Length(gap_rows),
    ])
    .areas(main);

    if s.actions.is_empty() {
        let text = format!(
            "No action items yet. Press {} to add one: what will be done, by whom, by when.",
            hint(Context::Actions, &Action::Add)
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            table_area,
        );
    } else {
        table(frame, table_area, ss, now, theme);
    }
    if let Some(a) = s.actions.get(ss.action_sel) {
        detail(frame, detail_area, ss, a, now, theme);
    }
    gaps_lines(frame, gap_area, ss, theme);
    if let Some(editor) = ss.editor() {
        edit_box::render(frame, edit_area, editor, ss.session(), now, theme);
    }
}

fn table(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = ss.session();
    let cols = columns(area.width >= 100, ss.action_col == 2);
    let total = usize::from(area.width.saturating_sub(2));
    let widths = Column::widths(&cols, total);
    let mut lines = vec![Line::from(
        [Span::raw("  ")]
            .into_iter()
            .chain(spans(&cols, &widths, |c| (c.title.to_string(), theme.dim)))
            .collect::<Vec<_>>(),
    )];
    let today = now.date();
    // A window of rows that keeps the selection in view.
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let first = ss.action_sel.saturating_sub(height - 1);
    for (i, a) in s.actions.iter().enumerate().skip(first).take(height) {
        let selected = i == ss.action_sel;
        let row_style = if selected {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        let clashed = s
            .open_conflicts()
            .any(|(_, c)| c.is_about(crate::model::ConflictOn::Action, &a.id));
        let cell = |c: &Column| -> (String, ratatui::style::Style) {
            let (text, style) = match c.title {
                "#" => (format!("A{}", i + 1), row_style),
                "What" if a.description.is_empty() => ("(what?)".into(), theme.dim),
                "What" => (clean_line(&a.description), row_style),
                "Owner" => match (&a.owner, a.team.as_deref().filter(|t| !t.trim().is_empty())) {
                    (Some(o), _) => (clean_line(o), row_style),
                    // A team owns it until a person is named.
                    (None, Some(team)) => {
                        let team = clean_line(team);
                        let words = if team.to_lowercase().ends_with("team") {
                            team
                        } else {
                            format!("{team} team")
                        };
                        (words, theme.warn)
                    }
                    (None, None) => ("unowned".into(), theme.warn),
                },
                "Team" => (
                    a.team
                        .as_deref()
                        .map(clean_line)
                        .unwrap_or_else(|| "—".into()),
                    row_style,
                ),
                "Due" => match a.due {
                    Some(d) if a.is_overdue(today) => {
                        (format!("{d}{}", crate::tui::marks::OVERDUE), theme.warn)
                    }
                    Some(d) => (d.to_string(), row_style),
                    None => ("no date".into(), theme.warn),
                },
                "Priority" => (a.priority.label().to_string(), row_style),
                _ => (a.status.label().to_string(), row_style),
            };
            if selected && column_index(c.title) == ss.action_col {
                (text, theme.selected)
            } else {
                (text, style)
            }
        };
        // ≠ before the row: changed here and elsewhere.
        let mut line = match (selected, clashed) {
            (true, true) => vec![
                Span::styled("▸", row_style),
                Span::styled(crate::tui::marks::CLASH, theme.warn),
            ],
            (false, true) => vec![Span::styled(
                format!("{} ", crate::tui::marks::CLASH),
                theme.warn,
            )],
            (true, false) => vec![Span::styled("▸ ", row_style)],
            (false, false) => vec![Span::styled("  ", row_style)],
        };
        line.extend(spans(&cols, &widths, cell));
        lines.push(Line::from(line));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The selected action in full, wrapped, under the table.
fn detail(
    frame: &mut Frame,
    area: Rect,
    ss: &SessionState,
    a: &ActionItem,
    now: &Zoned,
    theme: &Theme,
) {
    if area.height == 0 {
        return;
    }
    let s = ss.session();
    let numbers = s.answer_names();
    let focused = |col: usize| {
        if ss.action_col == col {
            theme.selected
        } else {
            theme.text
        }
    };
    let key = |action: Action| hint(Context::Actions, &action);
    let owner = match (&a.owner, &a.team) {
        (Some(o), Some(t)) => Span::raw(format!("{} ({})", clean_line(o), clean_line(t))),
        (Some(o), None) => Span::raw(clean_line(o)),
        (None, Some(t)) => Span::styled(format!("nobody yet ({})", clean_line(t)), theme.warn),
        (None, None) => Span::styled(
            format!("nobody yet ({} picks one)", key(Action::PickOwner)),
            theme.warn,
        ),
    };
    let due = match a.due {
        Some(d) if a.is_overdue(now.date()) => Span::styled(
            format!("{d} {} overdue", crate::tui::marks::OVERDUE),
            theme.warn,
        ),
        Some(d) => Span::raw(d.strftime("%a %Y-%m-%d").to_string()),
        None => Span::styled("no date yet", theme.warn),
    };
    let columns = usize::from(area.width);
    let row =
        |label: &str, value: Vec<Span<'static>>| labelled(label, 12, theme.dim, value, columns);
    let mut lines = vec![Line::default()];
    if let Some(clash) =
        crate::tui::widgets::clash::line(s, crate::model::ConflictOn::Action, &a.id, theme)
    {
        lines[0] = clash;
    }
    lines.extend(row(
        "What",
        vec![Span::styled(
            if a.description.is_empty() {
                "(not written yet)".to_string()
            } else {
                clean_line(&a.description)
            },
            focused(0),
        )],
    ));
    lines.extend(row("Owner", vec![owner]));
    lines.extend(row(
        "Due",
        vec![
            due,
            Span::styled(
                format!("   {} priority · {}", a.priority.label(), a.status.label()),
                theme.text,
            ),
        ],
    ));
    let links: Vec<String> = a
        .addresses
        .iter()
        .filter_map(|id| s.node(id))
        .map(|n| {
            let root = if n.root_cause {
                format!("{} ", crate::tui::marks::ROOT)
            } else {
                String::new()
            };
            format!("{root}{} {}", numbers[&n.id], clean_line(&n.answer))
        })
        .collect();
    if links.is_empty() {
        lines.extend(row(
            "Addresses",
            vec![Span::styled(
                format!(
                    "nothing linked yet ({} links answers)",
                    key(Action::PickAddresses)
                ),
                theme.warn,
            )],
        ));
    }
    for (i, link) in links.into_iter().enumerate() {
        lines.extend(row(
            if i == 0 { "Addresses" } else { "" },
            vec![Span::raw(link)],
        ));
    }
    lines.extend(row(
        "Note",
        vec![Span::styled(
            if a.note.is_empty() {
                "—".to_string()
            } else {
                clean_line(&a.note)
            },
            focused(6),
        )],
    ));
    lines.extend(row(
        "Tracked in",
        vec![Span::styled(
            match a.link.as_deref() {
                Some(link) => clean_line(link),
                None => "— (a ticket key or link to where the work is tracked)".to_string(),
            },
            focused(7),
        )],
    ));
    frame.render_widget(Paragraph::new(lines), area);
}

/// A row of the gaps under the Actions table.
enum GapRow {
    /// No gaps at all.
    None(String),
    /// What is missing, in words.
    Summary(String),
    /// A root cause without an action: its first row, or a further one.
    Root(String, bool),
}

/// The gaps, wrapped to `columns` in at most `rows` rows (at least the
/// summary): the summary, then the root causes without an action.
fn gaps_text(ss: &SessionState, columns: usize, rows: u16) -> Vec<GapRow> {
    let s = ss.session();
    let gaps = s.gaps();
    if gaps.total() == 0 {
        return vec![GapRow::None(
            "No gaps: every root cause has an action, every action an owner and a date.".into(),
        )];
    }
    let rows = usize::from(rows).max(1);
    let mut out: Vec<GapRow> = crate::tui::widths::wrap(
        &format!("Gaps: {}", gaps.phrases().join(" · ")),
        columns,
        rows.min(3),
    )
    .into_iter()
    .map(GapRow::Summary)
    .collect();
    let numbers = s.answer_names();
    for node in s.unaddressed_root_causes() {
        let left = rows.saturating_sub(out.len());
        if left == 0 {
            break;
        }
        let text = format!("{} {}", numbers[&node.id], clean_line(&node.answer));
        let wrapped = crate::tui::widths::wrap(&text, columns.saturating_sub(4), left.min(2));
        for (k, line) in wrapped.into_iter().enumerate() {
            out.push(GapRow::Root(line, k == 0));
        }
    }
    out
}

fn gaps_lines(frame: &mut Frame, area: Rect, ss: &SessionState, theme: &Theme) {
    let lines: Vec<Line> = gaps_text(ss, usize::from(area.width), area.height)
        .into_iter()
        .map(|row| match row {
            GapRow::None(text) => Line::from(Span::styled(text, theme.accent)),
            GapRow::Summary(text) => Line::from(Span::styled(text, theme.warn)),
            GapRow::Root(text, true) => Line::from(vec![
                Span::styled(format!("  {} ", crate::tui::marks::ROOT), theme.root),
                Span::raw(text),
            ]),
            GapRow::Root(text, false) => Line::from(Span::raw(format!("    {text}"))),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
