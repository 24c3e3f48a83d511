//! The footer: the keys that matter right now, generated from the keymap.
//! Help, the presenter view and the way out of the current mode always fit;
//! the other hints fill the rest in order of importance.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::action::Action;
use crate::tui::keymap::{self, Context, Hint};
use crate::tui::theme::Theme;
use crate::tui::widths::width;

fn cost(h: &Hint) -> usize {
    width(&h.key) + width(h.label) + 3
}

/// The hints shown in `columns`: as many of the others as fit beside the
/// essential ones, others first. A read-only session offers no edits.
pub fn fitting(contexts: &[Context], columns: usize, read_only: bool) -> Vec<Hint> {
    fit_hints(keymap::footer(contexts), columns, read_only)
}

fn fit_hints(hints: Vec<Hint>, columns: usize, read_only: bool) -> Vec<Hint> {
    let hints: Vec<Hint> = hints
        .into_iter()
        .filter(|h| !(read_only && h.edits))
        .collect();
    let reserved: usize = hints.iter().filter(|h| h.essential).map(cost).sum();
    let mut room = columns.saturating_sub(reserved);
    let mut shown: Vec<Hint> = Vec::new();
    for h in hints.iter().filter(|h| !h.essential) {
        if cost(h) > room {
            break;
        }
        room -= cost(h);
        shown.push(h.clone());
    }
    let mut room = columns.saturating_sub(shown.iter().map(cost).sum());
    for h in hints.into_iter().filter(|h| h.essential) {
        if cost(&h) <= room {
            room -= cost(&h);
            shown.push(h);
        }
    }
    shown
}

/// Draws the key hints for the active contexts, as many as fit; `says`
/// gives a key's label where it depends on the selection (on Review, the
/// list `a` adds to), or leaves the key out (`None`) where it does nothing
/// for the selection.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    contexts: &[Context],
    theme: &Theme,
    read_only: bool,
    says: &[(Action, Option<&'static str>)],
) {
    let mut spans = Vec::new();
    let mut hints: Vec<Hint> = keymap::footer(contexts);
    for (action, label) in says {
        match label {
            Some(label) => {
                for h in hints.iter_mut().filter(|h| h.action == *action) {
                    h.label = label;
                }
            }
            None => hints.retain(|h| h.action != *action),
        }
    }
    for h in fit_hints(hints, usize::from(area.width), read_only) {
        spans.push(Span::styled(format!(" {}", h.key), theme.key));
        spans.push(Span::styled(format!(" {} ", h.label), theme.dim));
    }
    super::cells::line(frame.buffer_mut(), area, &Line::from(spans));
}
