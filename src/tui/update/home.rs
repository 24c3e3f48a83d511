//! The home screen: pick, create, filter and trash sessions.

use ratatui_textarea::TextArea;

use crate::export::sanitize::clean_line;
use crate::tui::action::Action;
use crate::tui::app::{HomeState, Status};
use crate::tui::effect::Effect;

/// Applies an action on the home screen.
pub fn update(home: &mut HomeState, action: Action, status: &mut Option<Status>) -> Vec<Effect> {
    if let Some(area) = home.new_title.as_mut() {
        match action {
            Action::Commit => {
                let title = clean_line(&area.lines().join(" ")).trim().to_string();
                home.new_title = None;
                return vec![Effect::Create(title)];
            }
            Action::Back => home.new_title = None,
            Action::Input(key) => {
                area.input(key);
            }
            Action::Paste(text) => {
                area.insert_str(clean_line(&text));
            }
            _ => {}
        }
        return Vec::new();
    }
    if home.filtering {
        match action {
            Action::Commit => home.filtering = false,
            Action::Back => {
                home.filtering = false;
                home.filter.clear();
            }
            Action::Input(key) => match key.code {
                crossterm::event::KeyCode::Char(c) => home.filter.push(c),
                crossterm::event::KeyCode::Backspace => {
                    home.filter.pop();
                }
                _ => {}
            },
            Action::Paste(text) => home.filter.push_str(&clean_line(&text)),
            _ => {}
        }
        home.selected = 0;
        return Vec::new();
    }
    if let Some(path) = home.confirm_delete.clone() {
        match action {
            Action::Confirm | Action::Commit => {
                home.confirm_delete = None;
                return vec![Effect::Trash(path), Effect::Refresh];
            }
            Action::Back => home.confirm_delete = None,
            _ => {}
        }
        return Vec::new();
    }
    let count = home.visible().len();
    match action {
        Action::Up => home.selected = home.selected.saturating_sub(1),
        Action::Down => home.selected = (home.selected + 1).min(count.saturating_sub(1)),
        Action::PageUp => home.selected = home.selected.saturating_sub(10),
        Action::PageDown => home.selected = (home.selected + 10).min(count.saturating_sub(1)),
        Action::Edit | Action::Commit => {
            if let Some(s) = home.visible().get(home.selected) {
                return vec![Effect::Open(s.path.clone())];
            }
            *status = Some(Status {
                text: "No session yet: press n to start one.".into(),
                is_error: false,
                shown: None,
            });
        }
        Action::NewSession => {
            let mut area = TextArea::default();
            area.set_placeholder_text("e.g. Checkout outage during the autumn sale");
            home.new_title = Some(area);
        }
        Action::Filter => home.filtering = true,
        Action::Delete => {
            if let Some(s) = home.visible().get(home.selected) {
                home.confirm_delete = Some(s.path.clone());
            }
        }
        Action::Back => home.filter.clear(),
        _ => {}
    }
    Vec::new()
}
