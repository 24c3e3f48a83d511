//! The box a field is typed into: label, the text area, and for times,
//! dates and numbers a live echo of how the text was understood.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::natural;
use crate::tui::action::Action;
use crate::tui::app::Editor;
use crate::tui::field::Kind;
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;

/// Rows the edit box needs for this editor.
pub fn height(editor: &Editor) -> u16 {
    match editor.field.kind() {
        Kind::Multi => 7,
        Kind::Time | Kind::Date | Kind::Number => 4,
        _ => 4,
    }
}

/// What the typed text means, or why it cannot be used.
pub fn echo(editor: &Editor, now: &Zoned) -> Option<Result<String, String>> {
    let text = editor.text();
    if let Some(error) = &editor.error {
        return Some(Err(error.clone()));
    }
    let text = text.trim();
    match editor.field.kind() {
        Kind::Time if text.is_empty() => Some(Ok("empty: no time".into())),
        Kind::Time => Some(natural::parse_time(text, now).map(|t| {
            t.to_zoned(now.time_zone().clone())
                .strftime("→ %a %Y-%m-%d %H:%M")
                .to_string()
        })),
        Kind::Date if text.is_empty() => Some(Ok("empty: no due date".into())),
        Kind::Date => {
            Some(natural::parse_date(text, now).map(|d| d.strftime("→ %a %Y-%m-%d").to_string()))
        }
        _ => None,
    }
}

/// Draws the edit box.
pub fn render(frame: &mut Frame, area: Rect, editor: &Editor, now: &Zoned, theme: &Theme) {
    let key = |action: Action| hint(Context::Editing, &action);
    let hint = match editor.field.kind() {
        Kind::Multi => format!(
            " {} done · {} new line · {} next ",
            key(Action::Commit),
            key(Action::Newline),
            key(Action::NextField)
        ),
        _ => format!(
            " {} done · {} next field ",
            key(Action::Commit),
            key(Action::NextField)
        ),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent)
        .title(Span::styled(
            format!(" {} ", editor.field.label()),
            theme.accent,
        ))
        .title_bottom(Line::from(Span::styled(hint, theme.dim)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let echo = echo(editor, now);
    let [text_area, echo_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(echo.is_some())),
    ])
    .areas(inner);
    frame.render_widget(&editor.area, text_area);
    if let Some(echo) = echo {
        let line = match echo {
            Ok(text) => Span::styled(text, theme.accent),
            Err(error) => Span::styled(error, theme.warn),
        };
        frame.render_widget(Line::from(line), echo_area);
    }
}
