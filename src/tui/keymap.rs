//! The single source of truth for key bindings. The help overlay and the
//! footer hints are generated from [`BINDINGS`], so they cannot drift.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::model::Stage;

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

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}
const fn shift(code: KeyCode) -> Key {
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

macro_rules! b {
    ($ctx:ident, [$($k:expr),+], $action:expr, $help:literal, $footer:expr) => {
        Binding { context: Context::$ctx, keys: &[$($k),+], action: $action, help: $help, footer: $footer }
    };
}

/// Every binding, in help order.
pub static BINDINGS: &[Binding] = &[
    b!(
        Always,
        [ctrl('c'), ctrl('q')],
        Action::Quit,
        "save and quit",
        Some("quit")
    ),
    b!(
        Session,
        [ch('?')],
        Action::ToggleHelp,
        "help: every key",
        Some("help")
    ),
    b!(
        Session,
        [ch('1')],
        Action::GoStage(Stage::Intake),
        "go to Intake",
        None
    ),
    b!(
        Session,
        [ch('2')],
        Action::GoStage(Stage::Whys),
        "go to Whys",
        None
    ),
    b!(
        Session,
        [ch('3')],
        Action::GoStage(Stage::Actions),
        "go to Actions",
        None
    ),
    b!(
        Session,
        [ch('4')],
        Action::GoStage(Stage::Review),
        "go to Review",
        None
    ),
    b!(
        Session,
        [ch('0')],
        Action::GoHome,
        "back to the session list",
        None
    ),
    b!(
        Session,
        [ch('u'), ctrl('z')],
        Action::Undo,
        "undo",
        Some("undo")
    ),
    b!(
        Session,
        [ch('U'), ctrl('y'), ctrl('r')],
        Action::Redo,
        "redo",
        None
    ),
    b!(
        Session,
        [ch('v')],
        Action::TogglePresenter,
        "presenter view for the screen share",
        Some("present")
    ),
    b!(
        Session,
        [ch('t')],
        Action::ToggleTimer,
        "pause or resume the meeting timer",
        None
    ),
    b!(
        Session,
        [ch('b')],
        Action::CycleTimebox,
        "timebox this stage: off, 5, 10, 15, 20, 30 min",
        None
    ),
    b!(
        Session,
        [ch('T')],
        Action::CycleTheme,
        "theme: dark, light, high contrast",
        None
    ),
    b!(
        Session,
        [key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous row",
        None
    ),
    b!(
        Session,
        [key(KeyCode::Down), ch('j')],
        Action::Down,
        "next row",
        None
    ),
    b!(
        Session,
        [key(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None
    ),
    b!(
        Session,
        [key(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None
    ),
    b!(
        Session,
        [key(KeyCode::Tab)],
        Action::NextField,
        "next field",
        None
    ),
    b!(
        Session,
        [key(KeyCode::BackTab)],
        Action::PrevField,
        "previous field",
        None
    ),
    b!(
        Intake,
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit the field (choices: next option)",
        Some("edit")
    ),
    b!(
        Intake,
        [key(KeyCode::Left)],
        Action::Left,
        "previous option of a choice",
        None
    ),
    b!(
        Intake,
        [key(KeyCode::Right)],
        Action::Right,
        "next option of a choice",
        None
    ),
    b!(
        Intake,
        [ch('a')],
        Action::Add,
        "add a participant",
        Some("add person")
    ),
    b!(
        Intake,
        [ch('m')],
        Action::AddCause,
        "add a key moment",
        Some("add moment")
    ),
    b!(
        Intake,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "remove the participant or moment",
        None
    ),
    b!(
        Whys,
        [ch('w')],
        Action::AskWhy,
        "ask why of the selected answer",
        Some("why?")
    ),
    b!(
        Whys,
        [ch('s')],
        Action::AddCause,
        "add another cause at the same level",
        Some("cause")
    ),
    b!(
        Whys,
        [ch('p')],
        Action::AddProblem,
        "add another problem statement",
        Some("problem")
    ),
    b!(
        Whys,
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit the answer (Tab: evidence, question)",
        Some("edit")
    ),
    b!(
        Whys,
        [ch('r')],
        Action::ToggleRootCause,
        "mark or unmark as root cause",
        Some("root")
    ),
    b!(
        Whys,
        [ch('c')],
        Action::CycleConfidence,
        "confidence: fact, belief, unsure",
        Some("sure?")
    ),
    b!(
        Whys,
        [ch('o')],
        Action::PickOfferedBy,
        "who offered this answer",
        None
    ),
    b!(
        Whys,
        [key(KeyCode::Left), ch('h')],
        Action::Left,
        "go to the parent answer",
        None
    ),
    b!(
        Whys,
        [key(KeyCode::Right), ch('l')],
        Action::Right,
        "go to the first answer below",
        None
    ),
    b!(
        Whys,
        [ch('K'), shift(KeyCode::Up)],
        Action::MoveUp,
        "move up among siblings",
        None
    ),
    b!(
        Whys,
        [ch('J'), shift(KeyCode::Down)],
        Action::MoveDown,
        "move down among siblings",
        None
    ),
    b!(
        Whys,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "delete the answer and all below it",
        Some("delete")
    ),
    b!(
        Actions,
        [ch('a')],
        Action::Add,
        "add an action item",
        Some("add")
    ),
    b!(
        Actions,
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit (Tab: owner, team, due, …)",
        Some("edit")
    ),
    b!(
        Actions,
        [key(KeyCode::Left)],
        Action::Left,
        "previous column",
        None
    ),
    b!(
        Actions,
        [key(KeyCode::Right)],
        Action::Right,
        "next column",
        None
    ),
    b!(
        Actions,
        [ch('l')],
        Action::PickRootCauses,
        "link to root causes",
        Some("link")
    ),
    b!(
        Actions,
        [ch('K'), shift(KeyCode::Up)],
        Action::MoveUp,
        "move up",
        None
    ),
    b!(
        Actions,
        [ch('J'), shift(KeyCode::Down)],
        Action::MoveDown,
        "move down",
        None
    ),
    b!(
        Actions,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "delete the action item",
        None
    ),
    b!(
        Review,
        [ch('a')],
        Action::Add,
        "add something that went well",
        Some("went well")
    ),
    b!(
        Review,
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit the selected item",
        Some("edit")
    ),
    b!(
        Review,
        [ch('y')],
        Action::Copy(crate::export::Format::Text),
        "copy the plain-text summary (for email)",
        Some("copy text")
    ),
    b!(
        Review,
        [ch('m')],
        Action::Copy(crate::export::Format::Markdown),
        "copy the Markdown summary",
        Some("md")
    ),
    b!(
        Review,
        [ch('h')],
        Action::Copy(crate::export::Format::Html),
        "copy the HTML summary (rich email)",
        Some("html")
    ),
    b!(
        Review,
        [ch('f')],
        Action::CyclePreview,
        "preview another format: text, Markdown, HTML, JSON",
        Some("format")
    ),
    b!(
        Review,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "remove the selected item",
        None
    ),
    b!(
        Home,
        [key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous session",
        None
    ),
    b!(
        Home,
        [key(KeyCode::Down), ch('j')],
        Action::Down,
        "next session",
        None
    ),
    b!(
        Home,
        [key(KeyCode::Enter)],
        Action::Edit,
        "open the session",
        Some("open")
    ),
    b!(
        Home,
        [ch('n')],
        Action::NewSession,
        "start a new session",
        Some("new")
    ),
    b!(
        Home,
        [ch('/')],
        Action::Filter,
        "filter by title or id",
        Some("filter")
    ),
    b!(
        Home,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "move the session to the trash",
        Some("delete")
    ),
    b!(Home, [ch('?')], Action::ToggleHelp, "help", Some("help")),
    b!(
        Home,
        [ch('T')],
        Action::CycleTheme,
        "theme: dark, light, high contrast",
        None
    ),
    b!(
        Editing,
        [key(KeyCode::Enter)],
        Action::Commit,
        "keep the text and leave the field",
        Some("done")
    ),
    b!(
        Editing,
        [key(KeyCode::Esc)],
        Action::Back,
        "leave the field (the text is kept)",
        None
    ),
    b!(
        Editing,
        [key(KeyCode::Tab)],
        Action::NextField,
        "keep the text, edit the next field",
        Some("next")
    ),
    b!(
        Editing,
        [key(KeyCode::BackTab)],
        Action::PrevField,
        "keep the text, edit the previous field",
        None
    ),
    b!(
        Editing,
        [alt(KeyCode::Enter), ctrl('j')],
        Action::Newline,
        "new line (summary and notes)",
        None
    ),
    b!(
        Popup,
        [key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous option",
        None
    ),
    b!(
        Popup,
        [key(KeyCode::Down), ch('j')],
        Action::Down,
        "next option",
        None
    ),
    b!(
        Popup,
        [ch(' ')],
        Action::ToggleOption,
        "tick or untick (multiple choice)",
        None
    ),
    b!(
        Popup,
        [key(KeyCode::Enter), ch('y')],
        Action::Confirm,
        "choose / yes",
        Some("ok")
    ),
    b!(
        Popup,
        [key(KeyCode::Esc), ch('n')],
        Action::Back,
        "cancel / no",
        Some("cancel")
    ),
];

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
