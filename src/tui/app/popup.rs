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
        /// The highlighted option (an index into `options`).
        cursor: usize,
        /// Whether several may be ticked.
        multi: bool,
        /// What the choice is for.
        purpose: PickFor,
        /// Words typed to find an option: only those whose label holds
        /// every word are shown.
        filter: String,
    },
    /// A clash to settle: both values, keep mine or take theirs.
    Settle {
        /// The clash's index in the session's `conflicts`.
        index: usize,
    },
}

/// The options a picker shows for `filter`: those whose label holds every
/// word typed (case and accents ignored), as indices into `options`.
pub fn shown(options: &[PickOption], filter: &str) -> Vec<usize> {
    let words: Vec<String> = crate::follow::fold(filter)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let label = crate::follow::fold(&o.label);
            words.iter().all(|w| label.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_keeps_the_options_holding_every_word_typed() {
        let options: Vec<PickOption> = [
            "★ A3aa The pool was capped at 50",
            "A3ab Load tests ran at 2x",
            "A1b Customers retried",
        ]
        .iter()
        .map(|l| PickOption::new(*l, *l))
        .collect();
        assert_eq!(shown(&options, ""), vec![0, 1, 2]);
        assert_eq!(shown(&options, "a3"), vec![0, 1]);
        assert_eq!(shown(&options, "POOL cap"), vec![0]);
        assert_eq!(shown(&options, "a1b"), vec![2]);
        assert!(shown(&options, "nothing like it").is_empty());
    }
}
