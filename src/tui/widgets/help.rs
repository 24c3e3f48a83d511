//! The help overlay, generated from the keymap so it never drifts. The keys
//! of the screen below it come first, then every other context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Context, hint, key_label};
use crate::tui::theme::Theme;
use crate::tui::widths;

/// The order of the help's sections: what works on the screen below the
/// overlay first, then the rest.
pub fn sections(app: &App) -> Vec<Context> {
    let mut order: Vec<Context> = app
        .base_mode()
        .contexts()
        .iter()
        .copied()
        .filter(|c| *c != Context::Help)
        .collect();
    for ctx in Context::ALL {
        if !order.contains(&ctx) && ctx != Context::Help {
            order.push(ctx);
        }
    }
    order.push(Context::Help);
    order
}

/// Every binding as help lines, grouped by where it applies; the marks
/// used on screen after the first section.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let text_width = usize::from(WIDTH.saturating_sub(2 + 20));
    let mut out = Vec::new();
    for (i, ctx) in sections(app).into_iter().enumerate() {
        if i == 1 {
            out.push(Line::from(Span::styled("Marks", theme.accent)));
            for (mark, meaning) in crate::tui::marks::legend() {
                out.push(Line::from(vec![
                    Span::styled(format!("  {}", widths::fit_pad(mark, 18)), theme.key),
                    Span::styled(meaning, theme.text),
                ]));
            }
            out.push(Line::default());
        }
        let heading = if i == 0 {
            format!("{} (here)", ctx.title())
        } else {
            ctx.title().to_string()
        };
        out.push(Line::from(Span::styled(heading, theme.accent)));
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            let keys = match b.keys_label {
                Some(label) => label.to_string(),
                None => b.keys.iter().map(key_label).collect::<Vec<_>>().join(", "),
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {}", widths::fit_pad(&keys, 18)), theme.key),
                Span::styled(widths::fit(b.help, text_width), theme.text),
            ]));
        }
        out.push(Line::default());
    }
    out
}

/// The overlay's width at most.
const WIDTH: u16 = 76;

fn rect(area: Rect) -> Rect {
    super::centered(area, WIDTH, area.height.saturating_sub(2).max(3))
}

/// The furthest the help can scroll in the current window.
pub fn max_scroll(app: &App) -> u16 {
    let (w, h) = app.viewport;
    let inner = rect(Rect::new(0, 0, w, h)).height.saturating_sub(2);
    (lines(app).len() as u16).saturating_sub(inner)
}

/// Draws the overlay, scrolled by `scroll` lines.
pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let theme: &Theme = &app.theme;
    let rect = rect(area);
    frame.render_widget(Clear, rect);
    let lines = lines(app);
    let max = (lines.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    let title = format!(
        " Keys — {} closes · {} {} scroll ",
        hint(Context::Help, &Action::Back),
        hint(Context::Help, &Action::Down),
        hint(Context::Help, &Action::PageDown),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.accent))
        .style(theme.text);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        rect,
    );
}
