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
            ss.mode = SessionMode::Browse;
            Ok(Out::default())
        }
        Action::Up | Action::Down | Action::Left | Action::Right => {
            super::whys::navigate(ss, &action);
            Ok(Out::default())
        }
        // Answer the question on screen: the selected answer's "why?", or
        // the selected answer itself while it is still empty.
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
