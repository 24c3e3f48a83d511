//! One module per screen. Each draws from `&App` state only.

pub mod actions;
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

/// Cuts text to at most `width` columns, ending with "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            let rest: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
            if rest <= width {
                return text.to_string();
            }
            out.push('…');
            return out;
        }
        out.push(c);
        used += w;
    }
    out
}
