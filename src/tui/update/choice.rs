//! Choice fields (severity, role, priority, status) open as a short list
//! on the current value; a digit picks any value, so every value is at most
//! two keys away.

use jiff::Zoned;

use crate::tui::app::{PickFor, PickOption, Popup, SessionMode, SessionState};
use crate::tui::field::Field;

/// Opens the list of `options` for `field`, on its current value.
pub fn open(ss: &mut SessionState, field: Field, options: &[String], now: &Zoned) {
    let current = field.read(ss.session(), now);
    let cursor = options.iter().position(|o| *o == current).unwrap_or(0);
    ss.mode = SessionMode::Popup(Popup::Pick {
        title: format!("{}?", field.label()),
        options: options
            .iter()
            .map(|o| PickOption::new(o.clone(), o.clone()))
            .collect(),
        cursor,
        multi: false,
        purpose: PickFor::Choice(field),
        filter: String::new(),
    });
}
