//! The line under a selected answer or action that was changed both here
//! and elsewhere: which fields, and the key that settles them.

use ratatui::text::{Line, Span};

use crate::model::{ConflictOn, Session};
use crate::tui::action::Action;
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;

/// "≠ Changed here and elsewhere: the answer, due date. c: keep mine or
/// take theirs", or `None` when the item has no clash to settle.
pub fn line(session: &Session, on: ConflictOn, id: &str, theme: &Theme) -> Option<Line<'static>> {
    let fields: Vec<&str> = session
        .open_conflicts()
        .filter(|(_, c)| c.is_about(on, id))
        .map(|(_, c)| c.field_label())
        .collect();
    if fields.is_empty() {
        return None;
    }
    Some(Line::from(vec![
        Span::styled(
            format!(
                "{} Changed here and elsewhere: {}. ",
                crate::tui::marks::CLASH,
                fields.join(", ")
            ),
            theme.warn,
        ),
        Span::styled(hint(Context::Session, &Action::Settle), theme.key),
        Span::styled(": keep mine or take theirs", theme.warn),
    ]))
}
