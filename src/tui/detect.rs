//! Asks the terminal what its background is: the OSC 11 colour query (with
//! a short timeout, so a terminal that never answers costs a fraction of a
//! second), then `COLORFGBG`. Terminal I/O: called once, before the screen
//! is taken over.

use std::time::Duration;

use super::theme::Background;
use super::theme::choice::from_colorfgbg;

/// The terminal's background, if it can be told.
pub fn background() -> Option<Background> {
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = Duration::from_millis(200);
    match terminal_colorsaurus::theme_mode(options) {
        Ok(terminal_colorsaurus::ThemeMode::Light) => return Some(Background::Light),
        Ok(terminal_colorsaurus::ThemeMode::Dark) => return Some(Background::Dark),
        Err(_) => {}
    }
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| from_colorfgbg(&v))
}
