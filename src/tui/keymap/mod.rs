//! The single source of truth for key bindings. The help overlay, the
//! footer, and every key name shown anywhere else (popups, edit boxes,
//! placeholders, status messages) are looked up in [`BINDINGS`], so they
//! cannot drift from what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

mod bindings;
mod label;
pub use bindings::BINDINGS;
pub use label::key_label;

/// Where a binding applies. Which contexts are active follows from the
/// mode (see [`crate::tui::mode::Mode::contexts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The help overlay is open.
    Help,
    /// The session list.
    Home,
    /// The follow-ups under the session list.
    FollowUps,
    /// Typing a filter for the session list.
    Filter,
    /// Typing the title of a new session.
    TitleBox,
    /// A yes/no question.
    Confirm,
    /// A list to choose from.
    Pick,
    /// A list to tick several in.
    PickMany,
    /// A list with words typed to find an option.
    PickFiltered,
    /// A clash to settle: a field changed here and elsewhere.
    Settle,
    /// While a text field is open.
    Editing,
    /// The presenter view of a session.
    Presenter,
    /// The audience window of `fivewhys present`.
    Audience,
    /// Intake stage.
    Intake,
    /// Whys stage.
    Whys,
    /// Actions stage.
    Actions,
    /// Review stage.
    Review,
    /// In a session, outside text fields and popups.
    Session,
    /// Everywhere, even in a text field.
    Always,
}

impl Context {
    /// Every context, in the order the help lists those not active now.
    pub const ALL: [Context; 19] = [
        Context::Help,
        Context::Home,
        Context::FollowUps,
        Context::Filter,
        Context::TitleBox,
        Context::Confirm,
        Context::Pick,
        Context::PickMany,
        Context::PickFiltered,
        Context::Settle,
        Context::Editing,
        Context::Presenter,
        Context::Audience,
        Context::Intake,
        Context::Whys,
        Context::Actions,
        Context::Review,
        Context::Session,
        Context::Always,
    ];

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Help => "This help",
            Context::Home => "Session list",
            Context::FollowUps => "Follow-ups (actions overdue or due within 7 days)",
            Context::Filter => "Filtering the session list",
            Context::TitleBox => "Naming a new session",
            Context::Confirm => "A yes/no question",
            Context::Pick => "Choosing from a list",
            Context::PickMany => "Ticking several in a list",
            Context::PickFiltered => "Finding in a list (letters typed)",
            Context::Settle => "Settling a clash (changed here and elsewhere)",
            Context::Editing => "In a text field",
            Context::Presenter => "Presenter view",
            Context::Audience => "Audience window (fivewhys present)",
            Context::Intake => "Intake",
            Context::Whys => "Whys",
            Context::Actions => "Actions",
            Context::Review => "Review",
            Context::Session => "Anywhere in a session",
            Context::Always => "Anywhere",
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
    /// The keys (the first is the one hints name).
    pub keys: &'static [Key],
    /// What it does. For [`Action::PickNth`] the pressed digit chooses.
    pub action: Action,
    /// Help text.
    pub help: &'static str,
    /// Short footer label; `None` keeps it out of the footer.
    pub footer: Option<&'static str>,
    /// How help names the keys when listing each would be too long
    /// ("1–9").
    pub keys_label: Option<&'static str>,
}

/// The bindings of the active contexts, most specific first.
pub fn contexts(active: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    active
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
}

fn matches(k: &Key, event: &KeyEvent) -> bool {
    if k.code != event.code {
        // BackTab often arrives as Shift-Tab.
        return k.code == KeyCode::BackTab
            && event.code == KeyCode::Tab
            && event.modifiers.contains(KeyModifiers::SHIFT);
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
    let binding = contexts(active).find(|b| b.keys.iter().any(|k| matches(k, event)))?;
    Some(match (&binding.action, event.code) {
        // "1" chooses the first option, "2" the second …
        (Action::PickNth(_), KeyCode::Char(c)) => {
            Action::PickNth(c.to_digit(10).map_or(0, |d| d as usize).saturating_sub(1))
        }
        (action, _) => action.clone(),
    })
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
                    .iter()
                    .any(|c| {
                        matches!(
                            c,
                            Context::Editing
                                | Context::Filter
                                | Context::TitleBox
                                | Context::Pick
                                | Context::PickFiltered
                        )
                    })
                    .then_some(Action::Input(key))
            })
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// The binding for `action` in `context`, if the table has one.
pub fn binding(context: Context, action: &Action) -> Option<&'static Binding> {
    BINDINGS.iter().find(|b| {
        b.context == context
            && (b.action == *action
                || matches!(
                    (&b.action, action),
                    (Action::PickNth(_), Action::PickNth(_))
                ))
    })
}

/// How a hint names the key for `action` in `context`: "Esc", "w", "1–9".
///
/// Every key name on screen comes from here. Asking for an action the
/// table does not bind in that context is a bug: debug builds (and so the
/// tests, which render every mode) panic, release builds show "(no key)".
pub fn hint(context: Context, action: &Action) -> String {
    match binding(context, action) {
        Some(b) => match (b.keys_label, &b.action) {
            (Some(label), _) => label.to_string(),
            _ => key_label(&b.keys[0]),
        },
        None => {
            debug_assert!(false, "no key for {action:?} in {context:?}");
            "(no key)".to_string()
        }
    }
}

/// Like [`hint`], naming two keys: "y / Enter".
pub fn hint2(context: Context, action: &Action) -> String {
    match binding(context, action) {
        Some(b) if b.keys.len() >= 2 && b.keys_label.is_none() => {
            format!("{} / {}", key_label(&b.keys[0]), key_label(&b.keys[1]))
        }
        _ => hint(context, action),
    }
}

/// One footer hint.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    /// What the key does.
    pub action: Action,
    /// The key, as written on screen.
    pub key: String,
    /// What it does, in a word or two.
    pub label: &'static str,
    /// Whether it must always show: help, the presenter view, and the way
    /// out of the current mode.
    pub essential: bool,
    /// Whether it changes the session.
    pub edits: bool,
}

/// Footer hints for the active contexts, most important first (each
/// context's table order is its importance order).
pub fn footer(active: &[Context]) -> Vec<Hint> {
    // A label is shown once, and a key only for what it does here: the
    // most specific context's binding of a key wins (in a list to tick,
    // Enter saves the ticks; it does not also "choose").
    let mut seen: Vec<&str> = Vec::new();
    let mut bound: Vec<Key> = Vec::new();
    let mut hints = Vec::new();
    for b in contexts(active) {
        let taken = bound.contains(&b.keys[0]);
        bound.extend(b.keys.iter().copied());
        let Some(label) = b.footer else {
            continue;
        };
        if taken || seen.contains(&label) {
            continue;
        }
        seen.push(label);
        hints.push(Hint {
            action: b.action.clone(),
            key: b
                .keys_label
                .map_or_else(|| key_label(&b.keys[0]), str::to_string),
            label,
            essential: matches!(
                b.action,
                Action::ToggleHelp | Action::TogglePresenter | Action::Back
            ),
            edits: b.action.edits(),
        });
    }
    hints
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
    fn digits_choose_the_matching_option() {
        let three = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Context::Pick, Context::Always], &three),
            Some(Action::PickNth(2))
        );
        assert_eq!(hint(Context::Pick, &Action::PickNth(0)), "1–9");
    }

    #[test]
    fn hints_name_the_bound_key() {
        assert_eq!(hint(Context::Whys, &Action::AskWhy), "w");
        assert_eq!(hint(Context::Editing, &Action::Back), "Esc");
        assert_eq!(hint2(Context::Confirm, &Action::Back), "n / Esc");
    }

    #[test]
    fn footer_names_the_keys_that_matter_now() {
        let hints = footer(&[Context::Whys, Context::Session, Context::Always]);
        let has = |key: &str, label: &str| hints.iter().any(|h| h.key == key && h.label == label);
        assert!(has("w", "why?"));
        assert!(has("Ctrl-C", "quit"));
        assert!(hints.iter().any(|h| h.essential && h.label == "help"));
    }
}
