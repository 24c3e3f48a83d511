//! The single source of truth for key bindings. The help overlay and the
//! footer hints are generated from [`BINDINGS`], so they cannot drift.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

mod bindings;
pub use bindings::BINDINGS;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, even in a text field.
    Always,
    /// In a session, outside text fields and popups.
    Session,
    /// The session list.
    Home,
    /// Intake stage.
    Intake,
    /// Whys stage.
    Whys,
    /// Actions stage.
    Actions,
    /// Review stage.
    Review,
    /// While a text field is open.
    Editing,
    /// While a popup (question or picker) is open.
    Popup,
}

impl Context {
    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Anywhere",
            Context::Session => "In a session",
            Context::Home => "Home",
            Context::Intake => "Intake",
            Context::Whys => "Whys",
            Context::Actions => "Actions",
            Context::Review => "Review",
            Context::Editing => "In a text field",
            Context::Popup => "In a popup",
        }
    }
}

/// A key with modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub mods: KeyModifiers,
}

pub(crate) const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
pub(crate) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}
pub(crate) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
pub(crate) const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}
pub(crate) const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

/// One binding: keys, where, what, and how help and footer name it.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys (the first is shown in the footer).
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// Help text.
    pub help: &'static str,
    /// Short footer label; `None` keeps it out of the footer.
    pub footer: Option<&'static str>,
}

/// Which contexts are active, most specific first.
pub fn contexts(active: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    active
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
}

fn matches(k: &Key, event: &KeyEvent) -> bool {
    if k.code != event.code {
        return false;
    }
    // Shift is part of the character for letters and symbols.
    let mods = if matches!(event.code, KeyCode::Char(_)) {
        event.modifiers - KeyModifiers::SHIFT
    } else {
        event.modifiers
    };
    let want = if matches!(k.code, KeyCode::Char(_)) {
        k.mods - KeyModifiers::SHIFT
    } else {
        k.mods
    };
    // BackTab often arrives with Shift set.
    if k.code == KeyCode::BackTab {
        return true;
    }
    mods == want
}

/// The action a key press means in the given contexts (most specific
/// first), if any.
pub fn lookup(active: &[Context], event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    contexts(active)
        .find(|b| b.keys.iter().any(|k| matches(k, event)))
        .map(|b| b.action.clone())
}

/// The action a terminal event means, given the active contexts: bound
/// keys first, then typing into an open text field; pastes and resizes
/// always pass through.
pub fn action_for(active: &[Context], event: crossterm::event::Event) -> Option<Action> {
    use crossterm::event::Event;
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            lookup(active, &key).or_else(|| {
                active
                    .contains(&Context::Editing)
                    .then_some(Action::Input(key))
            })
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// How a key is written in help and footer: "Ctrl-C", "Enter", "w".
pub fn key_label(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Delete => "Del".into(),
        other => format!("{other:?}"),
    };
    let mut label = String::new();
    if k.mods.contains(KeyModifiers::CONTROL) {
        label.push_str("Ctrl-");
        return label + &base.to_uppercase();
    }
    if k.mods.contains(KeyModifiers::ALT) {
        label.push_str("Alt-");
    }
    if k.mods.contains(KeyModifiers::SHIFT)
        && !matches!(k.code, KeyCode::Char(_) | KeyCode::BackTab)
    {
        label.push_str("Shift-");
    }
    label + &base
}

/// Footer hints for the active contexts: (key, label) pairs.
pub fn footer(active: &[Context]) -> Vec<(String, &'static str)> {
    let mut seen: Vec<&str> = Vec::new();
    contexts(active)
        .filter_map(|b| b.footer.map(|f| (key_label(&b.keys[0]), f)))
        .filter(|(_, f)| {
            let fresh = !seen.contains(f);
            seen.push(f);
            fresh
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_context_wins() {
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Context::Editing, Context::Always], &enter),
            Some(Action::Commit)
        );
        assert_eq!(
            lookup(&[Context::Whys, Context::Session, Context::Always], &enter),
            Some(Action::Edit)
        );
        let quit = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(
            lookup(&[Context::Editing, Context::Always], &quit),
            Some(Action::Quit)
        );
        let upper_k = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(
            lookup(&[Context::Whys, Context::Session], &upper_k),
            Some(Action::MoveUp)
        );
    }

    #[test]
    fn footer_names_the_keys_that_matter_now() {
        let hints = footer(&[Context::Whys, Context::Session, Context::Always]);
        assert!(hints.contains(&("w".to_string(), "why?")));
        assert!(hints.contains(&("Ctrl-C".to_string(), "quit")));
    }
}
