//! Popups over a session: a yes/no question, or a list to choose from.

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
    /// Remove an item of a list of lessons.
    DeleteLesson(crate::model::Lesson, usize),
}

/// What a picker chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// Who offered a node's answer.
    OfferedBy(String),
    /// Which answers an action addresses.
    Addresses(String),
    /// Who owns an action.
    Owner(String),
    /// A value of a choice field (severity, role, priority, status).
    Choice(crate::tui::field::Field),
}

/// One option of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    /// What the list shows.
    pub label: String,
    /// The value it stands for.
    pub value: String,
    /// Whether it is ticked (multiple choice).
    pub ticked: bool,
}

impl PickOption {
    /// An unticked option.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> PickOption {
        PickOption {
            label: label.into(),
            value: value.into(),
            ticked: false,
        }
    }
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
        /// The options.
        options: Vec<PickOption>,
        /// The highlighted option.
        cursor: usize,
        /// Whether several may be ticked.
        multi: bool,
        /// What the choice is for.
        purpose: PickFor,
    },
    /// A clash to settle: both values, keep mine or take theirs.
    Settle {
        /// The clash's index in the session's `conflicts`.
        index: usize,
    },
}
