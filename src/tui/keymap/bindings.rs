//! The binding table: every key, where it applies, what it does, and how
//! help and footer name it. Add a key here and help, footer and every hint
//! follow. Within a context, bindings are in order of importance: the
//! footer shows the first ones when space is short.

use crossterm::event::KeyCode;

use super::{Binding, Context, alt, ch, ctrl, key, shift};
use crate::export::Format;
use crate::model::{Confidence, Stage};
use crate::tui::action::Action;

macro_rules! b {
    ($ctx:ident, [$($k:expr),+], $action:expr, $help:literal, $footer:expr) => {
        Binding {
            context: Context::$ctx,
            keys: &[$($k),+],
            action: $action,
            help: $help,
            footer: $footer,
            keys_label: None,
        }
    };
    ($ctx:ident, $keys:ident as $label:literal, $action:expr, $help:literal, $footer:expr) => {
        Binding {
            context: Context::$ctx,
            keys: &$keys,
            action: $action,
            help: $help,
            footer: $footer,
            keys_label: Some($label),
        }
    };
}

const DIGITS: [super::Key; 9] = [
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

/// Every binding, grouped by context, most important first.
pub static BINDINGS: &[Binding] = &[
    // Anywhere.
    b!(
        Always,
        [ctrl('c'), ctrl('q')],
        Action::Quit,
        "save and quit",
        Some("quit")
    ),
    // The help overlay.
    b!(
        Help,
        [key(KeyCode::Esc), ch('?'), ch('q')],
        Action::Back,
        "close the help",
        Some("close")
    ),
    b!(
        Help,
        [key(KeyCode::Down), ch('j')],
        Action::Down,
        "scroll down",
        Some("scroll")
    ),
    b!(
        Help,
        [key(KeyCode::Up), ch('k')],
        Action::Up,
        "scroll up",
        None
    ),
    b!(
        Help,
        [key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
        None
    ),
    b!(
        Help,
        [key(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None
    ),
    b!(
        Help,
        [key(KeyCode::Home), ch('g')],
        Action::First,
        "to the top",
        None
    ),
    b!(
        Help,
        [key(KeyCode::End), ch('G')],
        Action::Last,
        "to the bottom",
        None
    ),
    // The follow-ups under the session list.
    b!(
        FollowUps,
        [key(KeyCode::Enter)],
        Action::Edit,
        "open the session at this action",
        Some("open")
    ),
    b!(
        FollowUps,
        [key(KeyCode::Tab)],
        Action::NextField,
        "back to the sessions",
        Some("sessions")
    ),
    b!(
        FollowUps,
        [key(KeyCode::Esc)],
        Action::Back,
        "back to the sessions",
        None
    ),
    b!(
        FollowUps,
        [key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous follow-up",
        None
    ),
    b!(
        FollowUps,
        [key(KeyCode::Down), ch('j')],
        Action::Down,
        "next follow-up",
        None
    ),
    b!(
        FollowUps,
        [key(KeyCode::Home)],
        Action::First,
        "first follow-up",
        None
    ),
    b!(
        FollowUps,
        [key(KeyCode::End)],
        Action::Last,
        "last follow-up",
        None
    ),
    b!(
        FollowUps,
        [ch('n')],
        Action::NewSession,
        "start a new session",
        Some("new")
    ),
    b!(
        FollowUps,
        [ch('/')],
        Action::Filter,
        "search the sessions",
        None
    ),
    b!(
        FollowUps,
        [ch('?')],
        Action::ToggleHelp,
        "help: every key",
        Some("help")
    ),
    b!(
        FollowUps,
        [ch('q')],
        Action::Quit,
        "quit fivewhys",
        Some("quit")
    ),
    // The session list.
    b!(
        Home,
        [key(KeyCode::Tab)],
        Action::NextField,
        "to the follow-ups: actions overdue or due this week",
        Some("follow-ups")
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
        "search: titles, ids, and every answer, question and action",
        Some("filter")
    ),
    b!(
        Home,
        [ch('?')],
        Action::ToggleHelp,
        "help: every key",
        Some("help")
    ),
    b!(
        Home,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "move the session to the trash (asks first)",
        Some("delete")
    ),
    b!(Home, [ch('q')], Action::Quit, "quit fivewhys", Some("quit")),
    b!(
        Home,
        [key(KeyCode::Esc)],
        Action::Back,
        "clear the filter",
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
        [key(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None
    ),
    b!(
        Home,
        [key(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None
    ),
    b!(
        Home,
        [key(KeyCode::Home)],
        Action::First,
        "first session",
        None
    ),
    b!(
        Home,
        [key(KeyCode::End)],
        Action::Last,
        "last session",
        None
    ),
    b!(
        Home,
        [ch('T')],
        Action::CycleTheme,
        "theme: dark, light, high contrast",
        None
    ),
    // Typing a filter.
    b!(
        Filter,
        [key(KeyCode::Enter)],
        Action::Commit,
        "keep the filter and pick a session",
        Some("done")
    ),
    b!(
        Filter,
        [key(KeyCode::Esc)],
        Action::Back,
        "clear the filter",
        Some("clear")
    ),
    b!(
        Filter,
        [key(KeyCode::Up)],
        Action::Up,
        "previous session",
        None
    ),
    b!(
        Filter,
        [key(KeyCode::Down)],
        Action::Down,
        "next session",
        None
    ),
    // Naming a new session.
    b!(
        TitleBox,
        [key(KeyCode::Enter)],
        Action::Commit,
        "start the session",
        Some("start")
    ),
    b!(
        TitleBox,
        [key(KeyCode::Tab)],
        Action::NextField,
        "another kind of meeting (incident, customer issue …)",
        Some("kind")
    ),
    b!(
        TitleBox,
        [key(KeyCode::Esc)],
        Action::Back,
        "cancel",
        Some("cancel")
    ),
    // A yes/no question.
    b!(Confirm, [ch('y')], Action::Confirm, "yes", Some("yes")),
    b!(
        Confirm,
        [ch('n'), key(KeyCode::Esc)],
        Action::Back,
        "no",
        Some("no")
    ),
    // Settling a clash: a field changed here and elsewhere.
    b!(
        Settle,
        [ch('m')],
        Action::KeepMine,
        "keep what this window has",
        Some("keep mine")
    ),
    b!(
        Settle,
        [ch('t')],
        Action::TakeTheirs,
        "take the value from elsewhere",
        Some("take theirs")
    ),
    b!(
        Settle,
        [key(KeyCode::Esc)],
        Action::Back,
        "settle it later",
        Some("later")
    ),
    // Ticking several in a list (checked before the list's own keys).
    b!(
        PickMany,
        [key(KeyCode::Enter)],
        Action::Confirm,
        "save the ticks",
        Some("save")
    ),
    b!(
        PickMany,
        [ch(' ')],
        Action::ToggleOption,
        "tick or untick",
        Some("tick")
    ),
    b!(PickMany, DIGITS as "1–9", Action::PickNth(0), "tick or untick that option", None),
    // Choosing from a list.
    b!(
        Pick,
        [key(KeyCode::Enter)],
        Action::Confirm,
        "choose",
        Some("choose")
    ),
    b!(Pick, DIGITS as "1–9", Action::PickNth(0), "choose that option", Some("pick")),
    b!(
        Pick,
        [key(KeyCode::Esc)],
        Action::Back,
        "cancel",
        Some("cancel")
    ),
    b!(
        Pick,
        [key(KeyCode::Up)],
        Action::Up,
        "previous option (letters typed find one)",
        None
    ),
    b!(
        Pick,
        [key(KeyCode::Down)],
        Action::Down,
        "next option",
        None
    ),
    b!(
        Pick,
        [key(KeyCode::Tab)],
        Action::NextField,
        "keep the value and go on to the next field (a value's list)",
        None
    ),
    b!(
        Pick,
        [key(KeyCode::BackTab)],
        Action::PrevField,
        "keep the value and go back to the field before (a value's list)",
        None
    ),
    // A list with words typed to find an option.
    b!(
        PickFiltered,
        [key(KeyCode::Enter)],
        Action::Confirm,
        "take the option found (a list to tick keeps the other ticks)",
        Some("take it")
    ),
    b!(
        PickFiltered,
        [key(KeyCode::Esc)],
        Action::Back,
        "clear the words typed (Esc again cancels)",
        Some("clear")
    ),
    b!(
        PickFiltered,
        [key(KeyCode::Up)],
        Action::Up,
        "previous option found",
        None
    ),
    b!(
        PickFiltered,
        [key(KeyCode::Down)],
        Action::Down,
        "next option found",
        None
    ),
    // A text field.
    b!(
        Editing,
        [key(KeyCode::Enter)],
        Action::Commit,
        "keep the text and leave the field",
        Some("done")
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
        [key(KeyCode::Esc)],
        Action::Back,
        "leave the field (the text is kept)",
        Some("leave")
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
        Editing,
        [ctrl('u')],
        Action::ClearField,
        "clear the field",
        None
    ),
    // The presenter view.
    b!(
        Presenter,
        [key(KeyCode::Esc), ch('v')],
        Action::Back,
        "leave the presenter view",
        Some("leave")
    ),
    b!(
        Presenter,
        [key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous answer",
        Some("move")
    ),
    b!(
        Presenter,
        [key(KeyCode::Down), ch('j')],
        Action::Down,
        "next answer",
        None
    ),
    b!(
        Presenter,
        [key(KeyCode::Left), ch('h')],
        Action::Left,
        "the answer above",
        None
    ),
    b!(
        Presenter,
        [key(KeyCode::Right), ch('l')],
        Action::Right,
        "the first answer below",
        None
    ),
    b!(
        Presenter,
        [ch('t')],
        Action::ToggleTree,
        "the whole why tree, or the question again",
        Some("tree")
    ),
    b!(
        Presenter,
        [key(KeyCode::Enter)],
        Action::Edit,
        "type the answer (leaves the presenter view)",
        Some("answer")
    ),
    b!(
        Presenter,
        [ch('?')],
        Action::ToggleHelp,
        "help: every key",
        Some("help")
    ),
    // The audience window.
    b!(
        Audience,
        [key(KeyCode::Esc), ch('q')],
        Action::Quit,
        "close this window",
        None
    ),
    b!(
        Audience,
        [ch('t')],
        Action::ToggleTree,
        "the whole why tree, or the question again",
        None
    ),
    // Intake.
    b!(
        Intake,
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit the field (a choice opens a list)",
        Some("edit")
    ),
    b!(
        Intake,
        [ch('a')],
        Action::Add,
        "add a participant",
        Some("person")
    ),
    b!(
        Intake,
        [ch('m')],
        Action::AddMoment,
        "add a key moment",
        Some("moment")
    ),
    b!(
        Intake,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "remove the participant or moment (asks first)",
        None
    ),
    b!(
        Intake,
        [key(KeyCode::Left)],
        Action::Left,
        "previous cell of a participant or moment",
        None
    ),
    b!(
        Intake,
        [key(KeyCode::Right)],
        Action::Right,
        "next cell of a participant or moment",
        None
    ),
    // Whys.
    b!(
        Whys,
        [ch('w')],
        Action::AskWhy,
        "ask why: type the answer (then Tab: the question)",
        Some("why?")
    ),
    b!(
        Whys,
        [ch('q')],
        Action::AskQuestion,
        "ask why, typing the room's question first",
        Some("question")
    ),
    b!(
        Whys,
        [ch('s')],
        Action::AddCause,
        "add another cause beside it",
        Some("cause")
    ),
    b!(
        Whys,
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit the answer (then Tab: its question, its evidence)",
        Some("edit")
    ),
    b!(
        Whys,
        [ch('r')],
        Action::ToggleRootCause,
        "mark or unmark as a root cause",
        Some("root")
    ),
    b!(
        Whys,
        [ch('f')],
        Action::SetConfidence(Confidence::Fact),
        "how sure: fact, we know (again: not rated)",
        Some("fact")
    ),
    b!(
        Whys,
        [ch('b')],
        Action::SetConfidence(Confidence::Belief),
        "how sure: belief, we think (again: not rated)",
        Some("belief")
    ),
    b!(
        Whys,
        [ch('n')],
        Action::SetConfidence(Confidence::Unsure),
        "how sure: unsure, we don't know yet (again: not rated)",
        Some("unsure")
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
        [ch('o')],
        Action::PickOfferedBy,
        "who offered this answer",
        None
    ),
    b!(
        Whys,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "delete the answer and all below it (asks first)",
        None
    ),
    b!(
        Whys,
        [key(KeyCode::Left), ch('h')],
        Action::Left,
        "go to the answer above",
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
        "move up among its siblings",
        None
    ),
    b!(
        Whys,
        [ch('J'), shift(KeyCode::Down)],
        Action::MoveDown,
        "move down among its siblings",
        None
    ),
    // Actions.
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
        "edit the cell (a choice opens a list)",
        Some("edit")
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
        Action::PickAddresses,
        "link to the answers it addresses",
        Some("link")
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
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "delete the action item (asks first)",
        None
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
    // Review.
    b!(
        Review,
        [ch('y')],
        Action::Copy(Format::Text),
        "copy the plain-text summary (for email)",
        Some("copy text")
    ),
    b!(
        Review,
        [ch('a')],
        Action::Add,
        "add to the list selected (what went well, went wrong, where we got lucky)",
        Some("add: went well")
    ),
    b!(
        Review,
        [ch('V')],
        Action::Verify,
        "make the selected belief an action: Verify: …",
        Some("verify")
    ),
    b!(
        Review,
        [ch('h')],
        Action::Copy(Format::Html),
        "copy the HTML summary (rich email)",
        Some("html")
    ),
    b!(
        Review,
        [ch('m')],
        Action::Copy(Format::Markdown),
        "copy the Markdown summary",
        Some("md")
    ),
    b!(
        Review,
        [ch('E')],
        Action::Copy(Format::Eml),
        "write an email draft (.eml: text and HTML, addressed to participants with an email) to open in your mail client",
        Some("email")
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
        [key(KeyCode::Enter), ch('e')],
        Action::Edit,
        "edit the selected item",
        None
    ),
    b!(
        Review,
        [ch('x'), key(KeyCode::Delete)],
        Action::Delete,
        "remove the selected item (asks first)",
        None
    ),
    // Anywhere in a session, outside fields and popups.
    b!(
        Session,
        [ch('?')],
        Action::ToggleHelp,
        "help: every key",
        Some("help")
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
        [ch('c')],
        Action::Settle,
        "settle a clash: keep mine or take theirs",
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
        [ch('0')],
        Action::GoHome,
        "back to the session list",
        Some("list")
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
        [ch('U'), ctrl('y'), ctrl('r')],
        Action::Redo,
        "redo",
        None
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
        [ch('B')],
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
        [key(KeyCode::Home)],
        Action::First,
        "first row",
        None
    ),
    b!(Session, [key(KeyCode::End)], Action::Last, "last row", None),
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
];
