//! Presenter view for the screen share: no chrome. On Intake and Whys, the
//! question the room is on (`model::Current`, the same the facilitator's
//! screen names) is the largest thing on screen, under the chain that led
//! to it, with its answer under it — in progress while it is typed, with
//! its marks at once. On Actions and Review, what we will do, for a room.
//! Also the audience window of `fivewhys present`.

mod actions;
mod big;
mod question;
mod tree;

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::export::sanitize::clean_line;
use crate::model::Stage;
use crate::tui::app::SessionState;
use crate::tui::theme::Theme;
use crate::tui::timer::clock;
use crate::tui::widths::{fit, width};

/// How many whys the method suggests before asking whether to go on.
pub fn target_whys() -> usize {
    crate::config::current().target_whys()
}

/// Draws the presenter view over the whole window: the meeting's
/// `elapsed` seconds at the top, `hints` (or a problem) at the bottom.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    ss: &SessionState,
    elapsed: i64,
    bottom: (&str, bool),
    now: &Zoned,
    theme: &Theme,
) {
    frame.render_widget(Block::default().style(theme.text), area);
    let inner = area.inner(ratatui::layout::Margin::new(2, 0));
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let s = ss.session();
    let elapsed = format!("elapsed {}", clock(elapsed));
    let room = usize::from(header.width).saturating_sub(width(&elapsed) + 2);
    frame.render_widget(
        Line::from(vec![
            Span::styled(
                crate::tui::widths::fit_pad(&clean_line(&s.title), room),
                theme.dim,
            ),
            Span::raw("  "),
            Span::styled(elapsed, theme.dim),
        ]),
        header,
    );
    match ss.stage() {
        _ if ss.tree => tree::render(frame, body, ss, theme),
        Stage::Intake | Stage::Whys => question::render(frame, body, ss, theme),
        Stage::Actions | Stage::Review => actions::render(frame, body, ss, now, theme),
    }
    let (text, problem) = bottom;
    frame.render_widget(
        Line::from(Span::styled(
            fit(text, usize::from(footer.width)),
            if problem { theme.warn } else { theme.dim },
        )),
        footer,
    );
}

/// `text` wrapped to `columns`, after `lead` on the first line and under
/// the text's own start on the others.
fn hanging(
    lead: &str,
    text: &str,
    columns: usize,
    lead_style: ratatui::style::Style,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let indent = width(lead);
    let room = columns.saturating_sub(indent).max(8);
    textwrap::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let first = if i == 0 {
                lead.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![
                Span::styled(first, lead_style),
                Span::styled(part.into_owned(), style),
            ])
        })
        .collect()
}
