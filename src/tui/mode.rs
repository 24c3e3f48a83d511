//! The mode the TUI is in, derived from the state in one place, and the key
//! contexts each mode makes active. The order in which modes win — the help
//! overlay over everything, then a popup, a text field or the presenter
//! view over a stage — is written here once.

use super::app::{App, HomeMode, Popup, Screen, SessionMode};
use super::keymap::Context;
use crate::model::Stage;

/// Every mode a facilitator can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// The help overlay.
    Help,
    /// The session list.
    Home,
    /// The follow-ups on the session list: overdue and soon-due actions.
    FollowUps,
    /// Typing a filter for the session list.
    Filter,
    /// Typing the title of a new session.
    TitleBox,
    /// A yes/no question (on the list or in a session).
    Confirm,
    /// A list to choose from.
    Pick,
    /// A list to tick several in.
    PickMany,
    /// A list with words typed to find an option.
    PickFiltered,
    /// A clash to settle.
    Settle,
    /// A text field is open.
    Editing,
    /// The presenter view.
    Presenter,
    /// A session stage, browsing.
    Stage(Stage),
}

impl Mode {
    /// The key contexts active in this mode, most specific first.
    pub fn contexts(self) -> &'static [Context] {
        use Context as C;
        match self {
            Mode::Help => &[C::Help, C::Always],
            Mode::Home => &[C::Home, C::Always],
            Mode::FollowUps => &[C::FollowUps, C::Always],
            Mode::Filter => &[C::Filter, C::Always],
            Mode::TitleBox => &[C::TitleBox, C::Always],
            Mode::Confirm => &[C::Confirm, C::Always],
            Mode::Pick => &[C::Pick, C::Always],
            Mode::PickMany => &[C::PickMany, C::Pick, C::Always],
            Mode::PickFiltered => &[C::PickFiltered, C::Always],
            Mode::Settle => &[C::Settle, C::Always],
            Mode::Editing => &[C::Editing, C::Always],
            Mode::Presenter => &[C::Presenter, C::Always],
            Mode::Stage(Stage::Intake) => &[C::Intake, C::Session, C::Always],
            Mode::Stage(Stage::Whys) => &[C::Whys, C::Session, C::Always],
            Mode::Stage(Stage::Actions) => &[C::Actions, C::Session, C::Always],
            Mode::Stage(Stage::Review) => &[C::Review, C::Session, C::Always],
        }
    }

    /// A short name, for reports.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Help => "help",
            Mode::Home => "home",
            Mode::FollowUps => "follow-ups",
            Mode::Filter => "filter",
            Mode::TitleBox => "new title",
            Mode::Confirm => "confirm",
            Mode::Pick => "pick",
            Mode::PickMany => "tick",
            Mode::PickFiltered => "find",
            Mode::Settle => "settle",
            Mode::Editing => "editing",
            Mode::Presenter => "presenter",
            Mode::Stage(Stage::Intake) => "intake",
            Mode::Stage(Stage::Whys) => "whys",
            Mode::Stage(Stage::Actions) => "actions",
            Mode::Stage(Stage::Review) => "review",
        }
    }
}

impl App {
    /// The mode now: the help overlay wins over everything else.
    pub fn mode(&self) -> Mode {
        if self.help.is_open() {
            return Mode::Help;
        }
        self.base_mode()
    }

    /// The mode under any overlay.
    pub fn base_mode(&self) -> Mode {
        match &self.screen {
            Screen::Home(home) => match home.mode {
                HomeMode::Browse if home.focus == super::app::HomeFocus::FollowUps => {
                    Mode::FollowUps
                }
                HomeMode::Browse => Mode::Home,
                HomeMode::Filter => Mode::Filter,
                HomeMode::NewTitle { .. } => Mode::TitleBox,
                HomeMode::ConfirmTrash(_) => Mode::Confirm,
            },
            Screen::Session(ss) => match &ss.mode {
                SessionMode::Browse => Mode::Stage(ss.stage()),
                SessionMode::Presenter => Mode::Presenter,
                SessionMode::Editing(_) => Mode::Editing,
                SessionMode::Popup(Popup::Confirm { .. }) => Mode::Confirm,
                SessionMode::Popup(Popup::Pick { filter, .. }) if !filter.is_empty() => {
                    Mode::PickFiltered
                }
                SessionMode::Popup(Popup::Pick { multi: true, .. }) => Mode::PickMany,
                SessionMode::Popup(Popup::Pick { .. }) => Mode::Pick,
                SessionMode::Popup(Popup::Settle { .. }) => Mode::Settle,
            },
        }
    }

    /// The key contexts active now, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        self.mode().contexts()
    }
}
