//! The footer: the keys that matter right now, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;

/// Draws the key hints for the active contexts, as many as fit.
pub fn render(frame: &mut Frame, area: Rect, contexts: &[Context], theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (key, label) in keymap::footer(contexts) {
        let width = crate::tui::widths::width(&key) + crate::tui::widths::width(label) + 3;
        if used + width > area.width as usize {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {label} "), theme.dim));
        used += width;
    }
    frame.render_widget(Line::from(spans), area);
}
