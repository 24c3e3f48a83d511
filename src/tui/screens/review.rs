//! Review: what went well (edited here) and the summary as it will be
//! exported, scrollable.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::split_bottom;
use crate::export::sanitize::clean_line;
use crate::tui::action::Action;
use crate::tui::app::SessionState;
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;
use crate::tui::widgets::edit_box;
use crate::tui::widths::fit;

/// Draws the Review stage.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = &ss.session;
    let (main, edit_area) = match ss.editor() {
        Some(editor) => split_bottom(area, edit_box::height(editor, &ss.session, now, area.width)),
        None => (area, Rect::default()),
    };
    let list_rows = (s.went_well.len().max(1) as u16 + 1)
        .min(main.height / 3)
        .max(2);
    let [well, summary] =
        Layout::vertical([Constraint::Length(list_rows), Constraint::Min(0)]).areas(main);

    let mut lines = vec![Line::from(vec![
        Span::styled("What went well", theme.accent),
        Span::styled(
            format!(
                "  ({} adds · {} edits)",
                hint(Context::Review, &Action::Add),
                hint(Context::Review, &Action::Edit)
            ),
            theme.dim,
        ),
    ])];
    if s.went_well.is_empty() {
        lines.push(Line::from(Span::styled(
            "  Name the good work done during the incident.",
            theme.dim,
        )));
    }
    let width = well.width as usize;
    let first = ss
        .review_sel
        .saturating_sub(list_rows.saturating_sub(2) as usize);
    for (i, item) in s.went_well.iter().enumerate().skip(first) {
        let style = if i == ss.review_sel {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::from(Span::styled(
            format!(
                "  {} {}",
                crate::tui::marks::WENT_WELL,
                fit(&clean_line(item), width.saturating_sub(4))
            ),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(lines), well);

    let ctx = crate::export::Context::at(now);
    let body = crate::export::export(s, ss.preview, &ctx);
    let total = body.lines().count() as u16;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.dim)
        .title(Span::styled(
            format!(
                " {} summary as it will be sent · {}: other format · {}/{} ",
                ss.preview.label(),
                hint(Context::Review, &Action::CyclePreview),
                hint(Context::Session, &Action::PageUp),
                hint(Context::Session, &Action::PageDown)
            ),
            theme.accent,
        ));
    let visible = summary.height.saturating_sub(1);
    let scroll = ss.review_scroll.min(total.saturating_sub(visible));
    frame.render_widget(
        Paragraph::new(body).block(block).scroll((scroll, 0)),
        summary,
    );

    if let Some(editor) = ss.editor() {
        edit_box::render(frame, edit_area, editor, &ss.session, now, theme);
    }
}
