//! The binding table: every key, where it applies, what it does, and how
//! help and footer name it. Add a key here and help and footer follow.

use crossterm::event::KeyCode;

use super::{Binding, Context, alt, ch, ctrl, key, shift};
use crate::model::Stage;
use crate::tui::action::Action;

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
        [ch('o')],
        Action::PickOwner,
        "pick the owner from the participants",
        Some("owner")
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
