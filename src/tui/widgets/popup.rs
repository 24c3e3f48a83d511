//! Popups: a yes/no question, a picker, and the "window too small" notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::export::sanitize::clean_line;
use crate::tui::app::Popup;
use crate::tui::theme::Theme;

/// Draws a popup centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, popup: &Popup, theme: &Theme) {
    match popup {
        Popup::Confirm { question, .. } => {
            let rect = super::centered(area, 60, 6);
            frame.render_widget(Clear, rect);
            let text = vec![
                Line::from(Span::styled(clean_line(question), theme.question)),
                Line::default(),
                Line::from(vec![
                    Span::styled("y", theme.key),
                    Span::raw(" / Enter: yes    "),
                    Span::styled("n", theme.key),
                    Span::raw(" / Esc: no"),
                ]),
            ];
            let block = Block::default()
                .borders(Borders::ALL)
                .title(" Are you sure? ")
                .style(theme.text);
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: false }).block(block),
                rect,
            );
        }
        Popup::Pick {
            title,
            options,
            cursor,
            multi,
            ..
        } => {
            let height = (options.len() as u16 + 4).min(area.height);
            let rect = super::centered(area, 70, height);
            frame.render_widget(Clear, rect);
            let inner_rows = rect.height.saturating_sub(3) as usize;
            let start = cursor.saturating_sub(inner_rows.saturating_sub(1));
            let mut lines: Vec<Line> = options
                .iter()
                .enumerate()
                .skip(start)
                .take(inner_rows)
                .map(|(i, (label, _, ticked))| {
                    let mark = match (multi, ticked) {
                        (true, true) => "[x] ",
                        (true, false) => "[ ] ",
                        (false, _) => "",
                    };
                    let style = if i == *cursor {
                        theme.selected
                    } else {
                        theme.text
                    };
                    Line::from(Span::styled(format!("{mark}{}", clean_line(label)), style))
                })
                .collect();
            lines.push(Line::from(Span::styled(
                if *multi {
                    "Space ticks · Enter saves · Esc cancels"
                } else {
                    "Enter chooses · Esc cancels"
                },
                theme.dim,
            )));
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} "))
                .style(theme.text);
            frame.render_widget(Paragraph::new(lines).block(block), rect);
        }
    }
}

/// Shown instead of the screen when the window is too small to use.
pub fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Make the window larger: fivewhys needs at least 40×10 (now {}×{}). Nothing is lost.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.warn)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
