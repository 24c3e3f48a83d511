//! Hint lines built from the key table for screens without a footer.

use crate::tui::action::Action;
use crate::tui::keymap::{Context, hint};

/// The presenter view's one line of keys.
pub fn presenter() -> String {
    let key = |action: Action| hint(Context::Presenter, &action);
    format!(
        "{} leaves · {} {} move · {} answers · {} tree · {} help",
        key(Action::Back),
        key(Action::Up),
        key(Action::Down),
        key(Action::Edit),
        key(Action::ToggleTree),
        key(Action::ToggleHelp)
    )
}
