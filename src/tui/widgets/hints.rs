//! Hint lines built from the key table for screens without a footer.

use crate::tui::action::Action;
use crate::tui::keymap::{Context, hint};

/// The presenter view's one line of keys; `on_actions` when it shows the
/// actions (Enter edits the selected one there).
pub fn presenter(on_actions: bool) -> String {
    let key = |action: Action| hint(Context::Presenter, &action);
    format!(
        "{} leaves · {} {} move · {} {} · {} tree · {} help",
        key(Action::Back),
        key(Action::Up),
        key(Action::Down),
        key(Action::Edit),
        if on_actions { "edits" } else { "answers" },
        key(Action::ToggleTree),
        key(Action::ToggleHelp)
    )
}
