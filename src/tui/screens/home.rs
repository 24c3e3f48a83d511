//! Home: recent sessions, newest first, with unreadable files and their
//! reasons; new, open, filter and delete.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::columns::{Column, row};
use crate::export::sanitize::clean_line;
use crate::store::SessionSummary;
use crate::tui::action::Action;
use crate::tui::app::{HomeMode, HomeState};
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::yes_no;

/// The list's columns: the title first, as wide as the window allows
/// (narrow windows show the date of the last change without the time).
fn columns(width: u16) -> Vec<Column> {
    let updated = if width >= 100 { 16 } else { 10 };
    let mut cols = vec![
        Column::flex("TITLE", 20),
        Column::fixed("STAGE", 7),
        Column::fixed("ANSWERS", 7),
        Column::fixed("ACTIONS", 13),
        Column::fixed("UPDATED", updated),
        Column::fixed("ID", 6),
    ];
    // Narrow windows drop the least important columns first.
    while Column::min_width(&cols) > usize::from(width) && cols.len() > 2 {
        let drop = if cols.len() == 6 { 4 } else { cols.len() - 1 };
        cols.remove(drop);
    }
    cols
}

/// What a session shows in the column titled `column`.
fn cell(s: &SessionSummary, tz: &jiff::tz::TimeZone, column: &str) -> String {
    match column {
        "TITLE" => clean_line(&s.title),
        "STAGE" => s.stage.label().to_string(),
        "ANSWERS" => match s.root_causes {
            0 => s.whys.to_string(),
            n => format!("{} ★{n}", s.whys),
        },
        "ACTIONS" => match s.open_actions {
            0 => s.actions.to_string(),
            open => format!("{} ({open} to do)", s.actions),
        },
        "UPDATED" => crate::export::format_time(s.updated, tz),
        "DATE" => s.updated.to_zoned(tz.clone()).date().to_string(),
        _ => s.id.clone(),
    }
}

fn widths_of(cols: &[Column], widths: &[usize], title: &str) -> Option<usize> {
    cols.iter()
        .position(|c| c.title == title)
        .map(|i| widths[i])
}

/// Draws the home screen.
pub fn render(frame: &mut Frame, area: Rect, home: &HomeState, now: &Zoned, theme: &Theme) {
    let unreadable = home.listing.unreadable.len().min(4) as u16;
    let follow = home.follow_ups(now.date());
    // Follow-ups take up to six rows, but never the list's last three.
    let follow_rows = if follow.is_empty() {
        0
    } else {
        (follow.len().min(5) as u16 + 1).min(area.height.saturating_sub(8))
    };
    let figures_rows = u16::from(!home.listing.sessions.is_empty() && area.height >= 12);
    let [head, body, follow_area, figures_area, bad] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(follow_rows),
        Constraint::Length(figures_rows),
        Constraint::Length(if unreadable > 0 { unreadable + 1 } else { 0 }),
    ])
    .areas(area);
    super::follow_ups::render(frame, follow_area, home, &follow, now, theme);
    super::follow_ups::figures(frame, figures_area, home, now, theme);
    let filtering = matches!(home.mode, HomeMode::Filter);
    let mut title = vec![
        Span::styled("fivewhys", theme.accent),
        Span::styled(" — blameless postmortems, one why at a time", theme.dim),
    ];
    if filtering || !home.filter.is_empty() {
        title = vec![
            Span::styled("Filter: ", theme.accent),
            Span::styled(clean_line(&home.filter), theme.text),
        ];
        if filtering {
            title.push(Span::styled("▏", theme.accent));
        }
    }
    let mut head_lines = vec![Line::from(title)];
    // Where the filter was found inside the selected session.
    if let Some(hit) = home
        .hits()
        .zip(home.visible().get(home.selected))
        .and_then(|(hits, s)| hits.get(&s.id))
        .filter(|_| !home.filter.is_empty())
    {
        head_lines.push(Line::from(vec![
            Span::styled(format!("  found in {}: ", hit.place), theme.dim),
            Span::styled(
                {
                    let line = hit.line.trim_start_matches('…').trim_end_matches('…');
                    let query = crate::follow::search::Query::parse(&home.filter, true);
                    crate::follow::search::excerpt(
                        line,
                        query.find(line).unwrap_or(0),
                        usize::from(head.width).saturating_sub(hit.place.len() + 14),
                    )
                },
                theme.text,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(head_lines), head);

    let visible = home.visible();
    if visible.is_empty() {
        let text = if home.loading && home.listing.sessions.is_empty() {
            "Reading the sessions…".to_string()
        } else if home.searching() {
            "Looking…".to_string()
        } else if home.listing.sessions.is_empty() {
            format!(
                "No sessions yet. Press {} to start your first one.",
                hint(Context::Home, &Action::NewSession)
            )
        } else {
            format!(
                "No session holds every word of the filter (whole words; the last may be the start of one). {} clears it.",
                hint(Context::Filter, &Action::Back)
            )
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            body,
        );
    } else {
        let tz = now.time_zone().clone();
        let cols = columns(body.width.saturating_sub(2));
        let widths = Column::widths(&cols, usize::from(body.width.saturating_sub(2)));
        let mut lines = vec![Line::from(Span::styled(
            format!("  {}", row(&cols, &widths, |c| c.title.to_string())),
            theme.dim,
        ))];
        // Only the rows that fit are built, so 10,000 sessions draw as fast
        // as ten: a window that keeps the selection in view.
        let height = body.height.saturating_sub(1).max(1) as usize;
        let first = home.selected.saturating_sub(height - 1);
        for (i, s) in visible.iter().enumerate().skip(first).take(height) {
            let text = row(&cols, &widths, |c| {
                let full = cell(s, &tz, c.title);
                // A date and time cut short shows the date alone.
                match widths_of(&cols, &widths, c.title) {
                    Some(w) if c.title == "UPDATED" && w < full.len() => cell(s, &tz, "DATE"),
                    _ => full,
                }
            });
            let focused = home.focus == crate::tui::app::HomeFocus::Sessions;
            let (mark, style) = if i == home.selected && focused {
                ("▸ ", theme.selected)
            } else {
                ("  ", theme.text)
            };
            lines.push(Line::from(Span::styled(format!("{mark}{text}"), style)));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    if unreadable > 0 {
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "{} file(s) cannot be read and were left untouched:",
                home.listing.unreadable.len()
            ),
            theme.warn,
        ))];
        for u in home.listing.unreadable.iter().take(unreadable as usize) {
            let name = u
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            lines.push(Line::from(Span::styled(
                crate::tui::widths::fit(
                    &format!("  {}: {}", clean_line(&name), clean_line(&u.reason)),
                    usize::from(bad.width),
                ),
                theme.dim,
            )));
        }
        frame.render_widget(Paragraph::new(lines), bad);
    }

    match &home.mode {
        HomeMode::NewTitle {
            area: area_text,
            kind,
        } => {
            let rect = crate::tui::widgets::centered(area, 64, 6);
            frame.render_widget(Clear, rect);
            let hints = format!(
                " {} starts · {} cancels ",
                hint(Context::TitleBox, &Action::Commit),
                hint(Context::TitleBox, &Action::Back)
            );
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.accent)
                .title(Span::styled(" New session — what happened? ", theme.accent))
                .title_bottom(Line::from(Span::styled(hints, theme.dim)));
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [title_row, kind_row] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
            frame.render_widget(area_text.as_ref(), title_row);
            let kinds = crate::model::kind::known();
            let name = kinds.get(*kind).map_or("", |k| k.name.as_str());
            frame.render_widget(
                Line::from(vec![
                    Span::styled("Kind: ", theme.dim),
                    Span::styled(name.to_string(), theme.accent),
                    Span::styled(
                        format!(
                            "  ({} another kind)",
                            hint(Context::TitleBox, &Action::NextField)
                        ),
                        theme.dim,
                    ),
                ]),
                kind_row,
            );
        }
        HomeMode::ConfirmTrash(path) => {
            let rect = crate::tui::widgets::centered(area, 64, 6);
            frame.render_widget(Clear, rect);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(" Move to the trash? ")
                .style(theme.text);
            let title = home
                .listing
                .sessions
                .iter()
                .find(|s| &s.path == path)
                .map(|s| format!("\u{201c}{}\u{201d} ({})", clean_line(&s.title), s.id))
                .unwrap_or_else(|| "This session".into());
            let text = vec![
                Line::from(Span::styled(title, theme.question)),
                Line::from("moves to the trash folder of the data directory."),
                yes_no(theme),
            ];
            frame.render_widget(
                Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
                rect,
            );
        }
        HomeMode::Browse | HomeMode::Filter => {}
    }
}
