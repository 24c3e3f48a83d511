//! The Intake stage: the incident form, participants and key moments.

use jiff::Zoned;

use super::editing;
use super::session::Out;
use super::stages::{activate, add_then_edit, read_only};
use crate::model::{KeyMoment, Participant, Role};
use crate::tui::action::Action;
use crate::tui::app::{Pending, Popup, SessionMode, SessionState};
use crate::tui::field::{Field, Kind};

/// The Intake form.
pub fn intake(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let rows = ss.intake_fields();
    let field = rows.get(ss.intake_sel).cloned();
    match action {
        Action::Up | Action::PrevField => ss.intake_sel = ss.intake_sel.saturating_sub(1),
        Action::Down | Action::NextField => ss.intake_sel = (ss.intake_sel + 1).min(rows.len() - 1),
        Action::PageUp => ss.intake_sel = ss.intake_sel.saturating_sub(8),
        Action::PageDown => ss.intake_sel = (ss.intake_sel + 8).min(rows.len() - 1),
        Action::First => ss.intake_sel = 0,
        Action::Last => ss.intake_sel = rows.len() - 1,
        Action::Edit => {
            if let Some(field) = field {
                return activate(ss, field, now);
            }
        }
        Action::Left | Action::Right => {
            if let Some(field) = field
                && let Kind::Choice(options) = field.kind()
            {
                editing::cycle(
                    ss,
                    &field,
                    &options,
                    if action == Action::Left { -1 } else { 1 },
                    now,
                )?;
                return Ok(Out::changed(true));
            }
        }
        Action::Add => {
            let index = add_then_edit(
                ss,
                |s| {
                    s.participants.push(Participant {
                        name: String::new(),
                        team: String::new(),
                        role: Role::Participant,
                    });
                    s.participants.len() - 1
                },
                |_, i| Field::PersonName(*i),
                now,
            )?;
            ss.intake_sel = ss
                .intake_fields()
                .iter()
                .position(|f| *f == Field::PersonName(index))
                .unwrap_or(0);
            return Ok(Out::changed(true));
        }
        Action::AddMoment => {
            // To the minute: the time field shows minutes, and leaving it
            // unchanged must not change it.
            let second = now.timestamp().as_second();
            let at = jiff::Timestamp::from_second(second - second.rem_euclid(60))
                .unwrap_or(now.timestamp());
            let index = add_then_edit(
                ss,
                |s| {
                    s.intake.key_moments.push(KeyMoment {
                        at,
                        what: String::new(),
                    });
                    s.intake.key_moments.len() - 1
                },
                |_, i| Field::MomentAt(*i),
                now,
            )?;
            ss.intake_sel = ss
                .intake_fields()
                .iter()
                .position(|f| *f == Field::MomentAt(index))
                .unwrap_or(0);
            return Ok(Out::changed(true));
        }
        Action::Delete => {
            let pending = match field {
                Some(Field::PersonName(i) | Field::PersonTeam(i) | Field::PersonRole(i)) => {
                    let name = &ss.session.participants[i].name;
                    Some((
                        format!("Remove participant {:?}?", name),
                        Pending::DeleteParticipant(i),
                    ))
                }
                Some(Field::MomentAt(i) | Field::MomentWhat(i)) => Some((
                    "Remove this key moment?".to_string(),
                    Pending::DeleteMoment(i),
                )),
                _ => None,
            };
            match pending {
                Some((question, on_yes)) => {
                    read_only(ss)?;
                    ss.mode = SessionMode::Popup(Popup::Confirm { question, on_yes });
                }
                None => {
                    return Ok(Out::info(
                        "Only participants and key moments can be removed.",
                    ));
                }
            }
        }
        _ => {}
    }
    Ok(Out::default())
}
