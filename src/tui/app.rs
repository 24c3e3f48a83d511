//! The TUI's whole state. `update` changes it; `render` only reads it.
//! Selection and scroll positions live here, never in the model.

use std::path::PathBuf;

use jiff::Zoned;
use ratatui_textarea::TextArea;

use super::field::Field;
use super::history::History;
use super::keymap::Context;
use super::theme::Theme;
use super::timer::Timer;
use crate::model::{Session, Stage};
use crate::store::{Listing, SessionSummary};

/// The whole TUI state.
#[derive(Debug)]
pub struct App {
    /// Which screen is showing.
    pub screen: Screen,
    /// The help overlay, with its scroll offset, when open.
    pub help: Option<u16>,
    /// Colours.
    pub theme: Theme,
    /// The current time, in the user's time zone (set by ticks).
    pub now: Zoned,
    /// A one-line message for the status bar.
    pub status: Option<Status>,
}

/// A status-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Whether it reports a problem.
    pub is_error: bool,
    /// When it was shown; information fades after [`STATUS_SECONDS`].
    pub shown: Option<jiff::Timestamp>,
}

/// How long an informational status message stays (errors stay until the
/// next message).
pub const STATUS_SECONDS: i64 = 6;

/// Home or a session.
#[derive(Debug)]
pub enum Screen {
    /// The session list.
    Home(Box<HomeState>),
    /// One session open.
    Session(Box<SessionState>),
}

/// The session list.
#[derive(Debug, Default)]
pub struct HomeState {
    /// What the store listed.
    pub listing: Listing,
    /// Index into [`HomeState::visible`].
    pub selected: usize,
    /// The filter text.
    pub filter: String,
    /// Whether keys type into the filter.
    pub filtering: bool,
    /// The title being typed for a new session.
    pub new_title: Option<TextArea<'static>>,
    /// The session we asked to delete, awaiting a yes.
    pub confirm_delete: Option<PathBuf>,
}

impl HomeState {
    /// Sessions matching the filter, newest first.
    pub fn visible(&self) -> Vec<&SessionSummary> {
        let needle = self.filter.to_lowercase();
        self.listing
            .sessions
            .iter()
            .filter(|s| {
                needle.is_empty()
                    || s.title.to_lowercase().contains(&needle)
                    || s.id.starts_with(&needle)
            })
            .collect()
    }
}

/// The text field being edited.
#[derive(Debug)]
pub struct Editor {
    /// What is being edited.
    pub field: Field,
    /// The text and cursor.
    pub area: TextArea<'static>,
    /// Why the text could not be used yet (bad time, not a number …).
    pub error: Option<String>,
    /// The session before this field was opened, for one undo step.
    pub before: Session,
}

impl Editor {
    /// The typed text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

/// What a yes/no question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Delete a why node and its subtree.
    DeleteNode(String),
    /// Delete an action item.
    DeleteAction(String),
    /// Remove a participant.
    DeleteParticipant(usize),
    /// Remove a key moment.
    DeleteMoment(usize),
    /// Remove a went-well item.
    DeleteWentWell(usize),
}

/// What a picker chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// Who offered a node's answer.
    OfferedBy(String),
    /// Which root causes an action addresses.
    RootCauses(String),
    /// Who owns an action.
    Owner(String),
}

/// A popup over the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A yes/no question.
    Confirm {
        /// The question.
        question: String,
        /// What yes does.
        on_yes: Pending,
    },
    /// A list to choose from.
    Pick {
        /// Heading.
        title: String,
        /// Option labels, the value they stand for, and whether ticked.
        options: Vec<(String, String, bool)>,
        /// The highlighted option.
        cursor: usize,
        /// Whether several may be ticked.
        multi: bool,
        /// What the choice is for.
        purpose: PickFor,
    },
}

/// Whether the session on disk matches memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    Saved,
    /// Changes wait for the next save.
    Pending,
    /// The last save failed; the text is safe in memory and saving retries.
    Failed(String),
}

/// One open session.
#[derive(Debug)]
pub struct SessionState {
    /// The session being edited.
    pub session: Session,
    /// Its file.
    pub path: PathBuf,
    /// `Some(holder)` when another instance is editing it.
    pub read_only: Option<String>,
    /// Selected row on the Intake stage (index into `intake_fields`).
    pub intake_sel: usize,
    /// Selected why node.
    pub node_sel: Option<String>,
    /// Selected action row.
    pub action_sel: usize,
    /// Selected column on the Actions stage (index into `ACTION_COLUMNS`).
    pub action_col: usize,
    /// Selected went-well row on Review.
    pub review_sel: usize,
    /// Scroll of the Review summary.
    pub review_scroll: u16,
    /// Which export format Review previews.
    pub preview: crate::export::Format,
    /// The open text field.
    pub editor: Option<Editor>,
    /// The open popup.
    pub popup: Option<Popup>,
    /// Undo and redo.
    pub history: History,
    /// Presenter view on.
    pub presenter: bool,
    /// Meeting timer.
    pub timer: Timer,
    /// Saving state.
    pub save: SaveState,
}

/// Columns of the Actions table, in Tab order.
pub const ACTION_COLUMNS: usize = 7;

impl SessionState {
    /// A freshly opened session.
    pub fn new(session: Session, path: PathBuf, read_only: Option<String>, now: &Zoned) -> Self {
        let node_sel = session.whys.first().map(|n| n.id.clone());
        SessionState {
            session,
            path,
            read_only,
            intake_sel: 0,
            node_sel,
            action_sel: 0,
            action_col: 0,
            review_sel: 0,
            review_scroll: 0,
            preview: crate::export::Format::Text,
            editor: None,
            popup: None,
            history: History::default(),
            presenter: false,
            timer: Timer::start(now.timestamp()),
            save: SaveState::Saved,
        }
    }

    /// The stage shown.
    pub fn stage(&self) -> Stage {
        self.session.stage
    }

    /// The rows of the Intake stage, in order.
    pub fn intake_fields(&self) -> Vec<Field> {
        let mut rows = vec![
            Field::Title,
            Field::Problem,
            Field::Summary,
            Field::Started,
            Field::Detected,
            Field::Resolved,
            Field::Severity,
            Field::Impact,
            Field::Affected,
            Field::Channels,
        ];
        for i in 0..self.session.participants.len() {
            rows.extend([
                Field::PersonName(i),
                Field::PersonTeam(i),
                Field::PersonRole(i),
            ]);
        }
        rows.push(Field::AddPerson);
        for i in 0..self.session.intake.key_moments.len() {
            rows.extend([Field::MomentAt(i), Field::MomentWhat(i)]);
        }
        rows.push(Field::AddMoment);
        rows.push(Field::Notes);
        rows
    }

    /// The field of the Actions table at a column for an action.
    pub fn action_field(id: &str, col: usize) -> Field {
        let id = id.to_string();
        match col % ACTION_COLUMNS {
            0 => Field::ActDescription(id),
            1 => Field::ActOwner(id),
            2 => Field::ActTeam(id),
            3 => Field::ActDue(id),
            4 => Field::ActPriority(id),
            5 => Field::ActStatus(id),
            _ => Field::ActNote(id),
        }
    }

    /// The field selected on the current stage, if any.
    pub fn selected_field(&self) -> Option<Field> {
        match self.stage() {
            Stage::Intake => self.intake_fields().get(self.intake_sel).cloned(),
            Stage::Whys => self.node_sel.clone().map(Field::Answer),
            Stage::Actions => self
                .session
                .actions
                .get(self.action_sel)
                .map(|a| Self::action_field(&a.id, self.action_col)),
            Stage::Review => (self.review_sel < self.session.went_well.len())
                .then_some(Field::WentWell(self.review_sel)),
        }
    }

    /// Keeps every selection pointing at something that exists.
    pub fn clamp(&mut self) {
        let rows = self.intake_fields().len();
        self.intake_sel = self.intake_sel.min(rows.saturating_sub(1));
        self.action_sel = self
            .action_sel
            .min(self.session.actions.len().saturating_sub(1));
        self.review_sel = self.review_sel.min(self.session.went_well.len());
        let valid = self
            .node_sel
            .as_deref()
            .is_some_and(|id| self.session.node(id).is_some());
        if !valid {
            self.node_sel = self.session.whys.first().map(|n| n.id.clone());
        }
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.popup.is_some() {
            return vec![Context::Popup, Context::Always];
        }
        if self.editor.is_some() {
            return vec![Context::Editing, Context::Always];
        }
        let stage = match self.stage() {
            Stage::Intake => Context::Intake,
            Stage::Whys => Context::Whys,
            Stage::Actions => Context::Actions,
            Stage::Review => Context::Review,
        };
        vec![stage, Context::Session, Context::Always]
    }
}

impl App {
    /// A new app on the home screen.
    pub fn new(theme: Theme, now: Zoned) -> App {
        App {
            screen: Screen::Home(Box::default()),
            help: None,
            theme,
            now,
            status: None,
        }
    }

    /// The open session, if any.
    pub fn session(&self) -> Option<&SessionState> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            Screen::Home(_) => None,
        }
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            return vec![Context::Always];
        }
        match &self.screen {
            Screen::Session(s) => s.contexts(),
            Screen::Home(h) if h.new_title.is_some() || h.filtering => {
                vec![Context::Editing, Context::Always]
            }
            Screen::Home(h) if h.confirm_delete.is_some() => vec![Context::Popup, Context::Always],
            Screen::Home(_) => vec![Context::Home, Context::Always],
        }
    }

    /// Shows a message in the status line.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
            shown: Some(self.now.timestamp()),
        });
    }

    /// Shows a problem in the status line.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
            shown: None,
        });
    }
}
