//! The Whys stage: navigating and editing the why tree.

use jiff::Zoned;

use super::editing;
use super::session::Out;
use super::stages::{add_then_edit, edit, pick_participant, read_only};
use crate::model::Direction;
use crate::tui::action::Action;
use crate::tui::app::{Pending, PickFor, Popup, SessionState};
use crate::tui::field::Field;

/// The Whys tree.
pub fn whys(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let order: Vec<String> = ss
        .session
        .why_nodes()
        .iter()
        .map(|(_, n)| n.id.clone())
        .collect();
    let at = ss
        .node_sel
        .as_ref()
        .and_then(|id| order.iter().position(|o| o == id));
    let sel = ss.node_sel.clone();
    let select_and_edit = |ss: &mut SessionState, id: String| -> Result<Out, String> {
        ss.node_sel = Some(id.clone());
        editing::open(ss, Field::Answer(id), now)?;
        Ok(Out::changed(true))
    };
    let add_node = |ss: &mut SessionState,
                    add: &dyn Fn(&mut crate::model::Session) -> Result<String, String>|
     -> Result<Out, String> {
        let id = add_then_edit(
            ss,
            add,
            |_, id| Field::Answer(id.clone().unwrap_or_default()),
            now,
        )??;
        ss.node_sel = Some(id);
        Ok(Out::changed(true))
    };
    match action {
        Action::Up | Action::PrevField => {
            if let Some(i) = at {
                ss.node_sel = Some(order[i.saturating_sub(1)].clone());
            }
        }
        Action::Down | Action::NextField => {
            if let Some(i) = at {
                ss.node_sel = Some(order[(i + 1).min(order.len() - 1)].clone());
            }
        }
        Action::PageUp => {
            if let Some(i) = at {
                ss.node_sel = Some(order[i.saturating_sub(10)].clone());
            }
        }
        Action::PageDown => {
            if let Some(i) = at {
                ss.node_sel = Some(order[(i + 10).min(order.len() - 1)].clone());
            }
        }
        Action::Left => {
            if let Some(parent) = sel.as_deref().and_then(|id| ss.session.parent_of(id)) {
                ss.node_sel = Some(parent.id.clone());
            }
        }
        Action::Right => {
            if let Some(child) = sel
                .as_deref()
                .and_then(|id| ss.session.node(id))
                .and_then(|n| n.children.first())
            {
                ss.node_sel = Some(child.id.clone());
            }
        }
        Action::Edit => match sel {
            Some(id) => return select_and_edit(ss, id),
            None => return whys(ss, Action::AddProblem, now),
        },
        Action::AskWhy => {
            return match sel {
                Some(parent) => add_node(ss, &|s| s.ask_why(&parent).map_err(|e| e.to_string())),
                None => add_node(ss, &|s| Ok(s.add_problem_statement(""))),
            };
        }
        Action::AddCause => {
            return match sel {
                Some(beside) => add_node(ss, &|s| {
                    s.add_sibling_cause(&beside).map_err(|e| e.to_string())
                }),
                None => add_node(ss, &|s| Ok(s.add_problem_statement(""))),
            };
        }
        Action::AddProblem => return add_node(ss, &|s| Ok(s.add_problem_statement(""))),
        Action::MoveUp | Action::MoveDown => {
            if let Some(id) = sel {
                let dir = if action == Action::MoveUp {
                    Direction::Up
                } else {
                    Direction::Down
                };
                let moved = edit(ss, |s| s.move_node(&id, dir))?.map_err(|e| e.to_string())?;
                return Ok(Out::changed(moved));
            }
        }
        Action::ToggleRootCause => {
            if let Some(id) = sel {
                let on = edit(ss, |s| s.toggle_root_cause(&id))?.map_err(|e| e.to_string())?;
                return Ok(Out {
                    changed: true,
                    info: Some(
                        if on {
                            "Marked as a root cause. Add an action for it on stage 3."
                        } else {
                            "No longer a root cause."
                        }
                        .into(),
                    ),
                    ..Out::default()
                });
            }
        }
        Action::CycleConfidence => {
            if let Some(id) = sel {
                edit(ss, |s| {
                    if let Some(node) = s.node_mut(&id) {
                        node.confidence = node.confidence.next();
                    }
                })?;
                return Ok(Out::changed(true));
            }
        }
        Action::PickOfferedBy => {
            if let Some(id) = sel {
                let current = ss.session.node(&id).and_then(|n| n.offered_by.clone());
                return pick_participant(
                    ss,
                    "Who offered this answer?",
                    "nobody in particular",
                    current,
                    PickFor::OfferedBy(id),
                );
            }
        }
        Action::Delete => {
            if let Some(id) = sel {
                read_only(ss)?;
                let node = ss.session.node(&id).ok_or("that answer no longer exists")?;
                let below = node.walk().len() - 1;
                let what = if node.answer.is_empty() {
                    "this empty answer".to_string()
                } else {
                    format!("{:?}", crate::export::sanitize::clean_line(&node.answer))
                };
                let question = match below {
                    0 => format!("Delete {what}?"),
                    n => format!("Delete {what} and the {n} answer(s) below it?"),
                };
                ss.popup = Some(Popup::Confirm {
                    question,
                    on_yes: Pending::DeleteNode(id),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}
