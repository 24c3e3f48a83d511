//! The help overlay, generated from the keymap so it never drifts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::keymap::{BINDINGS, Context, key_label};
use crate::tui::theme::Theme;

const ORDER: [Context; 9] = [
    Context::Always,
    Context::Session,
    Context::Intake,
    Context::Whys,
    Context::Actions,
    Context::Review,
    Context::Editing,
    Context::Popup,
    Context::Home,
];

/// Every binding as help lines, grouped by where it applies.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in ORDER {
        out.push(Line::from(Span::styled(
            ctx.title().to_string(),
            theme.accent,
        )));
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            let keys: Vec<String> = b.keys.iter().map(key_label).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(", ")), theme.key),
                Span::styled(b.help.to_string(), theme.text),
            ]));
        }
        out.push(Line::default());
    }
    out
}

/// Draws the overlay, scrolled by `scroll` lines.
pub fn render(frame: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
    let rect = super::centered(area, 76, area.height.saturating_sub(2).max(3));
    frame.render_widget(Clear, rect);
    let lines = lines(theme);
    let max = (lines.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys — Esc closes, ↑↓ PgUp PgDn scroll ")
        .style(theme.text);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        rect,
    );
}
