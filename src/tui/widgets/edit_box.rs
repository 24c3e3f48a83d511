//! The box a field is typed into: label, the text area, and a live echo of
//! how the text is understood (times, dates, an owner completed to a
//! participant), or why it cannot be used, wrapped so it is read whole.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::model::Session;
use crate::natural;
use crate::tui::action::Action;
use crate::tui::app::Editor;
use crate::tui::field::{Field, Kind, complete_participant};
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;

/// The echo, wrapped to the box's inner width (at most three rows).
fn echo_lines(editor: &Editor, s: &Session, now: &Zoned, width: u16) -> Vec<(String, bool)> {
    let Some(echo) = echo(editor, s, now) else {
        return Vec::new();
    };
    let (text, ok) = match echo {
        Ok(text) => (text, true),
        Err(text) => (text, false),
    };
    textwrap::wrap(&text, usize::from(width.saturating_sub(2)).max(1))
        .into_iter()
        .take(3)
        .map(|l| (l.into_owned(), ok))
        .collect()
}

/// Rows the edit box needs for this editor in a box `width` wide.
pub fn height(editor: &Editor, s: &Session, now: &Zoned, width: u16) -> u16 {
    match editor.field.kind() {
        Kind::Multi => 7,
        _ => 3 + (echo_lines(editor, s, now, width).len() as u16).max(1),
    }
}

/// What the typed text means, or why it cannot be used.
pub fn echo(editor: &Editor, s: &Session, now: &Zoned) -> Option<Result<String, String>> {
    let text = editor.text();
    if let Some(error) = &editor.error {
        return Some(Err(error.clone()));
    }
    let text = text.trim();
    match editor.field.kind() {
        Kind::Time if text.is_empty() => Some(Ok("empty: no time".into())),
        Kind::Time => Some(
            natural::parse_time_after(text, now, editor.field.time_anchor(s)).map(|t| {
                t.to_zoned(now.time_zone().clone())
                    .strftime("→ %a %Y-%m-%d %H:%M %Z")
                    .to_string()
            }),
        ),
        Kind::Date if text.is_empty() => Some(Ok("empty: no due date".into())),
        Kind::Date => {
            Some(natural::parse_date(text, now).map(|d| d.strftime("→ %a %Y-%m-%d").to_string()))
        }
        _ if matches!(editor.field, Field::ActOwner(_)) && !text.is_empty() => {
            let owner = complete_participant(s, text).unwrap_or_default();
            Some(Ok(match s.participant(&owner) {
                Some(p) if p.team.trim().is_empty() => format!("→ {}", p.name),
                Some(p) => format!("→ {} ({})", p.name, p.team),
                None if s.participants.is_empty() => "kept as typed".to_string(),
                None => "not one of the participants: kept as typed".to_string(),
            }))
        }
        _ => None,
    }
}

/// Draws the edit box.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    editor: &Editor,
    s: &Session,
    now: &Zoned,
    theme: &Theme,
) {
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
            format!(" {} ", editor.field.label_in(s)),
            theme.accent,
        ))
        .title_bottom(Line::from(Span::styled(hint, theme.dim)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let echo = echo_lines(editor, s, now, area.width);
    let [text_area, echo_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(echo.len() as u16)]).areas(inner);
    frame.render_widget(&editor.area, text_area);
    let lines: Vec<Line> = echo
        .into_iter()
        .map(|(text, ok)| {
            Line::from(Span::styled(
                text,
                if ok { theme.accent } else { theme.warn },
            ))
        })
        .collect();
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), echo_area);
}
