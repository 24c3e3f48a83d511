//! The Actions stage: the table of action items.

use jiff::Zoned;

use super::session::Out;
use super::stages::{activate, add_then_edit, edit, pick_participant, read_only};
use crate::tui::action::Action;
use crate::tui::app::{ACTION_COLUMNS, Pending, PickFor, Popup, SessionState};

/// The Actions table.
pub fn actions(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let count = ss.session.actions.len();
    let sel_id = ss.session.actions.get(ss.action_sel).map(|a| a.id.clone());
    match action {
        Action::Up => ss.action_sel = ss.action_sel.saturating_sub(1),
        Action::Down => ss.action_sel = (ss.action_sel + 1).min(count.saturating_sub(1)),
        Action::Left | Action::PrevField => {
            ss.action_col = (ss.action_col + ACTION_COLUMNS - 1) % ACTION_COLUMNS
        }
        Action::Right | Action::NextField => ss.action_col = (ss.action_col + 1) % ACTION_COLUMNS,
        Action::Add => {
            add_then_edit(
                ss,
                |s| s.add_action(now.timestamp()),
                |_, id| SessionState::action_field(id, 0),
                now,
            )?;
            ss.action_sel = ss.session.actions.len() - 1;
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
                let current = ss.session.action(&id).and_then(|a| a.owner.clone());
                return pick_participant(
                    ss,
                    "Who owns this action?",
                    "nobody yet",
                    current,
                    PickFor::Owner(id),
                );
            }
        }
        Action::PickRootCauses => {
            if let Some(id) = sel_id {
                read_only(ss)?;
                let linked = ss
                    .session
                    .action(&id)
                    .map(|a| a.addresses.clone())
                    .unwrap_or_default();
                let numbers = crate::export::text::outline_numbers(&ss.session);
                let options: Vec<(String, String, bool)> = ss
                    .session
                    .why_nodes()
                    .into_iter()
                    .filter(|(_, n)| n.root_cause || linked.contains(&n.id))
                    .map(|(_, n)| {
                        (
                            format!("{} {}", numbers[&n.id], n.answer),
                            n.id.clone(),
                            linked.contains(&n.id),
                        )
                    })
                    .collect();
                if options.is_empty() {
                    return Ok(Out::info(
                        "No root causes yet: mark them on Whys (2, then r).",
                    ));
                }
                ss.popup = Some(Popup::Pick {
                    title: "Which root causes does this address? (Space ticks)".into(),
                    options,
                    cursor: 0,
                    multi: true,
                    purpose: PickFor::RootCauses(id),
                });
            }
        }
        Action::Delete => {
            if let Some(id) = sel_id {
                read_only(ss)?;
                ss.popup = Some(Popup::Confirm {
                    question: "Delete this action item?".into(),
                    on_yes: Pending::DeleteAction(id),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}
