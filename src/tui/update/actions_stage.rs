//! The Actions stage: the table of action items.

use jiff::Zoned;

use super::session::Out;
use super::stages::{activate, add_then_edit, edit, pick_participant, read_only};
use crate::model::Stage;
use crate::tui::action::Action;
use crate::tui::app::{
    ACTION_COLUMNS, Pending, PickFor, PickOption, Popup, SessionMode, SessionState,
};
use crate::tui::keymap::{Context, hint};

/// The Actions table.
pub fn actions(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let count = ss.session().actions.len();
    let last = count.saturating_sub(1);
    let sel_id = ss
        .session()
        .actions
        .get(ss.action_sel)
        .map(|a| a.id.clone());
    match action {
        Action::Up => ss.action_sel = ss.action_sel.saturating_sub(1),
        Action::Down => ss.action_sel = (ss.action_sel + 1).min(last),
        Action::PageUp => ss.action_sel = ss.action_sel.saturating_sub(10),
        Action::PageDown => ss.action_sel = (ss.action_sel + 10).min(last),
        Action::First => ss.action_sel = 0,
        Action::Last => ss.action_sel = last,
        Action::Left | Action::PrevField => {
            ss.action_col = (ss.action_col + ACTION_COLUMNS - 1) % ACTION_COLUMNS
        }
        Action::Right | Action::NextField => ss.action_col = (ss.action_col + 1) % ACTION_COLUMNS,
        Action::Add => {
            add_then_edit(
                ss,
                |s| {
                    let id = s.add_action(now.timestamp());
                    // The config may give new actions a due date.
                    let due = crate::config::current().default_due(now.date());
                    if let Some(action) = s.action_mut(&id) {
                        action.due = due;
                    }
                    id
                },
                |_, id| SessionState::action_field(id, 0),
                now,
            )?;
            ss.action_sel = ss.session().actions.len() - 1;
            ss.action_col = 0;
            return Ok(Out::changed(true));
        }
        Action::Edit => match ss.selected_field() {
            Some(field) => return activate(ss, field, now),
            None => return actions(ss, Action::Add, now),
        },
        Action::MoveUp | Action::MoveDown => {
            let i = ss.action_sel;
            let j = if action == Action::MoveUp {
                i.checked_sub(1)
            } else {
                (i + 1 < count).then_some(i + 1)
            };
            if let Some(j) = j {
                edit(ss, |s| s.actions.swap(i, j))?;
                ss.action_sel = j;
                return Ok(Out::changed(true));
            }
        }
        Action::PickOwner => {
            if let Some(id) = sel_id {
                let current = ss.session().action(&id).and_then(|a| a.owner.clone());
                return pick_participant(
                    ss,
                    "Who owns this action?",
                    "nobody yet",
                    current,
                    PickFor::Owner(id),
                );
            }
        }
        Action::PickAddresses => {
            if let Some(id) = sel_id {
                return pick_addresses(ss, id);
            }
        }
        Action::Delete => {
            if let Some(id) = sel_id {
                read_only(ss)?;
                ss.mode = SessionMode::Popup(Popup::Confirm {
                    question: "Delete this action item?".into(),
                    on_yes: Pending::DeleteAction(id),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}

/// The answers an action may address: root causes first, then every other
/// answer (contributing factors get actions too), each ticked if linked.
fn pick_addresses(ss: &mut SessionState, id: String) -> Result<Out, String> {
    read_only(ss)?;
    let s = ss.session();
    let linked = s
        .action(&id)
        .map(|a| a.addresses.clone())
        .unwrap_or_default();
    let numbers = s.answer_names();
    let places = s.labels();
    let nodes = s.why_nodes();
    // A root cause is found by either name: RC2 or where it is (A3b).
    let name = |n: &crate::model::WhyNode| match places.get(&n.id) {
        Some(place) if n.root_cause && *place != numbers[&n.id] => {
            format!("{} ({place})", numbers[&n.id])
        }
        _ => numbers[&n.id].clone(),
    };
    let option = |n: &crate::model::WhyNode| PickOption {
        label: format!(
            "{}{} {}",
            if n.root_cause { "★ " } else { "" },
            name(n),
            if n.answer.trim().is_empty() {
                "(no answer yet)"
            } else {
                n.answer.as_str()
            }
        ),
        value: n.id.clone(),
        ticked: linked.contains(&n.id),
    };
    let mut options: Vec<PickOption> = nodes
        .iter()
        .filter(|(_, n)| n.root_cause)
        .map(|(_, n)| option(n))
        .collect();
    options.extend(
        nodes
            .iter()
            .filter(|(_, n)| !n.root_cause)
            .map(|(_, n)| option(n)),
    );
    if options.is_empty() {
        return Ok(Out::info(format!(
            "No answers yet: ask why on Whys ({}).",
            hint(Context::Session, &Action::GoStage(Stage::Whys))
        )));
    }
    ss.mode = SessionMode::Popup(Popup::Pick {
        title: "Which answers does this action address?".into(),
        options,
        cursor: 0,
        multi: true,
        purpose: PickFor::Addresses(id),
        filter: String::new(),
    });
    Ok(Out::default())
}
