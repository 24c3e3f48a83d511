//! The Review stage: what went well, previews and copying.

use jiff::Zoned;

use super::session::Out;
use super::stages::{activate, add_then_edit, read_only};
use crate::tui::action::Action;
use crate::tui::app::{Pending, Popup, SessionMode, SessionState};
use crate::tui::field::Field;

/// Review: the went-well list and the summary.
pub fn review(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let len = ss.session.went_well.len();
    match action {
        Action::Up | Action::PrevField => ss.review_sel = ss.review_sel.saturating_sub(1),
        Action::Down | Action::NextField => {
            ss.review_sel = (ss.review_sel + 1).min(len.saturating_sub(1))
        }
        Action::Copy(format) => {
            return Ok(Out {
                effects: vec![crate::tui::effect::Effect::Copy(format)],
                ..Out::default()
            });
        }
        Action::CyclePreview => {
            ss.preview = ss.preview.next();
            ss.review_scroll = 0;
            return Ok(Out::info(format!("Previewing {}.", ss.preview.label())));
        }
        Action::PageUp => ss.review_scroll = ss.review_scroll.saturating_sub(10),
        Action::PageDown => ss.review_scroll = ss.review_scroll.saturating_add(10),
        Action::First => ss.review_scroll = 0,
        Action::Last => ss.review_scroll = u16::MAX,
        Action::Add => {
            let index = add_then_edit(
                ss,
                |s| {
                    s.went_well.push(String::new());
                    s.went_well.len() - 1
                },
                |_, i| Field::WentWell(*i),
                now,
            )?;
            ss.review_sel = index;
            return Ok(Out::changed(true));
        }
        Action::Edit => match ss.selected_field() {
            Some(field) => return activate(ss, field, now),
            None => return review(ss, Action::Add, now),
        },
        Action::Delete if ss.review_sel < len => {
            read_only(ss)?;
            ss.mode = SessionMode::Popup(Popup::Confirm {
                question: "Remove this went-well item?".into(),
                on_yes: Pending::DeleteWentWell(ss.review_sel),
            });
        }
        _ => {}
    }
    Ok(Out::default())
}
