//! One module per screen. Each draws from `&App` state only.

pub mod actions;
pub mod columns;
pub mod follow_ups;
pub mod home;
pub mod intake;
pub mod presenter;
pub mod review;
pub mod whys;

use ratatui::layout::Rect;

/// The top `rows` of `area` and the rest.
pub fn split_bottom(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    let top = Rect {
        height: area.height - rows,
        ..area
    };
    let bottom = Rect {
        y: area.y + area.height - rows,
        height: rows,
        ..area
    };
    (top, bottom)
}
