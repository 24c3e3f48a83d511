//! Random edits of a session for property tests: what a facilitator
//! could do, pointing at answers and actions by index.

use fivewhys::model::{ActionStatus, Confidence, Direction, Participant, Role, Session};
use proptest::prelude::*;

fn now() -> jiff::Timestamp {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

/// One edit a facilitator could make, pointing at answers and actions
/// by index (modulo how many there are).
#[derive(Debug, Clone)]
pub enum Edit {
    Problem,
    AskWhy(usize),
    Sibling(usize),
    Delete(usize),
    MoveUp(usize),
    MoveDown(usize),
    ToggleRoot(usize),
    Answer(usize, String),
    Confidence(usize, u8),
    AddAction,
    Status(usize, u8),
    Owner(usize, String),
    Link(usize, usize),
    RemoveAction(usize),
    Person(String),
    Title(String),
    Lesson(String),
    DropLesson(usize),
}

/// Any edit, each kind about as often as a meeting makes it.
pub fn any_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => Just(Edit::Problem),
        4 => any::<usize>().prop_map(Edit::AskWhy),
        2 => any::<usize>().prop_map(Edit::Sibling),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::MoveUp),
        1 => any::<usize>().prop_map(Edit::MoveDown),
        2 => any::<usize>().prop_map(Edit::ToggleRoot),
        3 => (any::<usize>(), "[a-c]{0,3}").prop_map(|(i, s)| Edit::Answer(i, s)),
        1 => (any::<usize>(), 0u8..3).prop_map(|(i, c)| Edit::Confidence(i, c)),
        2 => Just(Edit::AddAction),
        2 => (any::<usize>(), 0u8..4).prop_map(|(i, c)| Edit::Status(i, c)),
        1 => (any::<usize>(), "[a-c]{1,2}").prop_map(|(i, s)| Edit::Owner(i, s)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Edit::Link(a, n)),
        1 => any::<usize>().prop_map(Edit::RemoveAction),
        1 => "[a-c]{1,2}".prop_map(Edit::Person),
        1 => "[a-c]{1,2}".prop_map(Edit::Title),
        1 => "[a-c]{1,2}".prop_map(Edit::Lesson),
        1 => any::<usize>().prop_map(Edit::DropLesson),
    ]
}

/// The id of the answer `i` points at (modulo the count), if any.
pub fn node_id(s: &Session, i: usize) -> Option<String> {
    let nodes = s.why_nodes();
    (!nodes.is_empty()).then(|| nodes[i % nodes.len()].1.id.clone())
}

/// The id of the action `i` points at (modulo the count), if any.
pub fn action_id(s: &Session, i: usize) -> Option<String> {
    (!s.actions.is_empty()).then(|| s.actions[i % s.actions.len()].id.clone())
}

/// Applies one edit; an edit that points at nothing does nothing.
pub fn apply(s: &mut Session, edit: Edit) {
    match edit {
        Edit::Problem => {
            s.add_problem_statement("p");
        }
        Edit::AskWhy(i) => {
            if let Some(id) = node_id(s, i) {
                s.ask_why(&id).unwrap();
            }
        }
        Edit::Sibling(i) => {
            if let Some(id) = node_id(s, i) {
                s.add_sibling_cause(&id).unwrap();
            }
        }
        Edit::Delete(i) => {
            if let Some(id) = node_id(s, i) {
                s.delete_subtree(&id).unwrap();
            }
        }
        Edit::MoveUp(i) | Edit::MoveDown(i) => {
            let dir = if matches!(edit, Edit::MoveUp(_)) {
                Direction::Up
            } else {
                Direction::Down
            };
            if let Some(id) = node_id(s, i) {
                s.move_node(&id, dir).unwrap();
            }
        }
        Edit::ToggleRoot(i) => {
            if let Some(id) = node_id(s, i) {
                s.toggle_root_cause(&id).unwrap();
            }
        }
        Edit::Answer(i, text) => {
            if let Some(id) = node_id(s, i) {
                s.node_mut(&id).unwrap().answer = text;
            }
        }
        Edit::Confidence(i, c) => {
            if let Some(id) = node_id(s, i) {
                s.node_mut(&id).unwrap().confidence = Confidence::ALL[usize::from(c)];
            }
        }
        Edit::AddAction => {
            s.add_action(now());
        }
        Edit::Status(i, c) => {
            if let Some(id) = action_id(s, i) {
                s.set_action_status(&id, ActionStatus::ALL[usize::from(c)], now())
                    .unwrap();
            }
        }
        Edit::Owner(i, who) => {
            if let Some(id) = action_id(s, i) {
                s.action_mut(&id).unwrap().owner = Some(who);
            }
        }
        Edit::Link(a, n) => {
            if let (Some(action), Some(node)) = (action_id(s, a), node_id(s, n)) {
                s.toggle_action_link(&action, &node).unwrap();
            }
        }
        Edit::RemoveAction(i) => {
            if let Some(id) = action_id(s, i) {
                s.remove_action(&id).unwrap();
            }
        }
        Edit::Person(name) => {
            if s.participant(&name).is_none() {
                s.participants.push(Participant {
                    name,
                    team: String::new(),
                    role: Role::Participant,
                    email: None,
                });
            }
        }
        Edit::Title(t) => s.title = t,
        Edit::Lesson(l) => s.went_well.push(l),
        Edit::DropLesson(i) => {
            if !s.went_well.is_empty() {
                let at = i % s.went_well.len();
                s.went_well.remove(at);
            }
        }
    }
}

/// Edits of the tree (and a few of actions), as the tree tests weigh them.
pub fn tree_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => Just(Edit::Problem),
        4 => any::<usize>().prop_map(Edit::AskWhy),
        3 => any::<usize>().prop_map(Edit::Sibling),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::MoveUp),
        1 => any::<usize>().prop_map(Edit::MoveDown),
        2 => any::<usize>().prop_map(Edit::ToggleRoot),
        2 => (any::<usize>(), ".{0,20}").prop_map(|(i, s)| Edit::Answer(i, s)),
        1 => Just(Edit::AddAction),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Edit::Link(a, n)),
        1 => any::<usize>().prop_map(Edit::RemoveAction),
    ]
}
