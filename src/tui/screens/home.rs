//! Home: recent sessions, newest first, with unreadable files and their
//! reasons; new, open, filter and delete.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use crate::export::sanitize::clean_line;
use crate::tui::app::HomeState;
use crate::tui::theme::Theme;

/// Draws the home screen.
pub fn render(frame: &mut Frame, area: Rect, home: &HomeState, now: &Zoned, theme: &Theme) {
    let unreadable = home.listing.unreadable.len().min(4) as u16;
    let [head, body, bad] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(if unreadable > 0 { unreadable + 1 } else { 0 }),
    ])
    .areas(area);
    let mut title = vec![
        Span::styled("fivewhys", theme.accent),
        Span::styled(" — blameless postmortems, one why at a time", theme.dim),
    ];
    if home.filtering || !home.filter.is_empty() {
        title = vec![
            Span::styled("Filter: ", theme.accent),
            Span::styled(clean_line(&home.filter), theme.text),
        ];
        if home.filtering {
            title.push(Span::styled("▏", theme.accent));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(title)), head);

    let visible = home.visible();
    if visible.is_empty() {
        let text = if home.listing.sessions.is_empty() {
            "No sessions yet. Press n to start your first postmortem."
        } else {
            "No session matches the filter. Esc clears it."
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            body,
        );
    } else {
        let tz = now.time_zone().clone();
        // Only the rows that fit are built, so 10,000 sessions draw as fast
        // as ten: a window that keeps the selection in view.
        let height = body.height.saturating_sub(1).max(1) as usize;
        let first = home.selected.saturating_sub(height - 1);
        let rows = visible.iter().skip(first).take(height).map(|s| {
            Row::new(vec![
                Cell::from(s.id.clone()),
                Cell::from(crate::export::format_time(s.updated, &tz)),
                Cell::from(s.stage.label()),
                Cell::from(format!("{}·{}", s.whys, s.root_causes)),
                Cell::from(format!("{}·{}", s.actions, s.open_actions)),
                Cell::from(clean_line(&s.title)),
            ])
        });
        let table = Table::new(
            rows,
            [
                Constraint::Length(6),
                Constraint::Length(16),
                Constraint::Length(7),
                Constraint::Length(6),
                Constraint::Length(7),
                Constraint::Min(10),
            ],
        )
        .header(Row::new(["ID", "UPDATED", "STAGE", "WHYS", "ACTIONS", "TITLE"]).style(theme.dim))
        .highlight_symbol("▸")
        .row_highlight_style(theme.selected);
        let mut state = TableState::default().with_selected(Some(home.selected - first));
        frame.render_stateful_widget(table, body, &mut state);
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
                format!("  {}: {}", clean_line(&name), clean_line(&u.reason)),
                theme.dim,
            )));
        }
        frame.render_widget(Paragraph::new(lines), bad);
    }

    if let Some(area_text) = &home.new_title {
        let rect = crate::tui::widgets::centered(area, 64, 5);
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.accent)
            .title(Span::styled(" New session — what happened? ", theme.accent))
            .title_bottom(Line::from(Span::styled(
                " Enter starts · Esc cancels ",
                theme.dim,
            )));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        frame.render_widget(area_text, inner);
    }
    if home.confirm_delete.is_some() {
        let rect = crate::tui::widgets::centered(area, 60, 5);
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(" Move to the trash? ")
            .style(theme.text);
        let text = "The file moves to the trash folder of the data directory.\ny / Enter: yes    n / Esc: no";
        frame.render_widget(
            Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
            rect,
        );
    }
}
