//! Pieces shared by every screen: stage bar, footer, help, popups, and the
//! small-window message.

pub mod cells;
pub mod clash;
pub mod edit_box;
pub mod footer;
pub mod help;
pub mod hints;
pub mod labelled;
pub mod popup;
pub mod stage_bar;
pub mod tree_guide;

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}
