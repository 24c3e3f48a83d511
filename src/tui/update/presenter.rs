//! Keys in the presenter view: move through the chain, leave, or start
//! typing the answer (which leaves the view for the edit box).

use jiff::Zoned;

use super::session::Out;
use crate::model::Stage;
use crate::tui::action::Action;
use crate::tui::app::{SessionMode, SessionState};

/// Applies an action in the presenter view.
pub fn presenter(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    match action {
        Action::Back | Action::TogglePresenter => {
            // The next `v` shows what the stage shows; `t` is for this look.
            ss.mode = SessionMode::Browse;
            ss.tree = false;
            Ok(Out::default())
        }
        Action::ToggleTree => {
            ss.tree = !ss.tree;
            Ok(Out::default())
        }
        // On Actions and Review the room follows the actions.
        Action::Up | Action::Down if matches!(ss.stage(), Stage::Actions | Stage::Review) => {
            let last = ss.session().actions.len().saturating_sub(1);
            ss.action_sel = match action {
                Action::Up => ss.action_sel.saturating_sub(1),
                _ => (ss.action_sel + 1).min(last),
            };
            Ok(Out::default())
        }
        Action::Up | Action::Down | Action::Left | Action::Right => {
            super::whys::navigate(ss, &action);
            Ok(Out::default())
        }
        // Answer the question on screen: the selected answer's "why?", or
        // the selected answer itself while it is still empty.
        // On Actions, edit the selected action where the room sees it.
        Action::Edit if ss.stage() == Stage::Actions => {
            ss.mode = SessionMode::Browse;
            super::actions_stage::actions(ss, Action::Edit, now)
        }
        Action::Edit => {
            ss.mode = SessionMode::Browse;
            ss.session_mut().stage = Stage::Whys;
            let answered = ss
                .node_sel
                .as_deref()
                .and_then(|id| ss.session().node(id))
                .is_some_and(|n| !n.answer.trim().is_empty());
            let next = if answered {
                Action::AskWhy
            } else {
                Action::Edit
            };
            super::whys::whys(ss, next, now)
        }
        _ => Ok(Out::default()),
    }
}
