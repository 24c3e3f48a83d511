//! The home screen: pick, create, filter and trash sessions.

use jiff::Zoned;
use ratatui_textarea::TextArea;

use crate::export::sanitize::clean_line;
use crate::tui::action::Action;
use crate::tui::app::{HomeFocus, HomeMode, HomeState, Status};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Context, hint};

/// Applies an action on the home screen.
pub fn update(
    home: &mut HomeState,
    action: Action,
    now: &Zoned,
    status: &mut Option<Status>,
) -> Vec<Effect> {
    match std::mem::take(&mut home.mode) {
        HomeMode::NewTitle { area, kind } => new_title(home, area, kind, action),
        HomeMode::Filter => filter(home, action),
        HomeMode::ConfirmTrash(path) => match action {
            Action::Confirm | Action::Commit => vec![Effect::Trash(path), Effect::Refresh],
            Action::Back => Vec::new(),
            _ => {
                home.mode = HomeMode::ConfirmTrash(path);
                Vec::new()
            }
        },
        HomeMode::Browse => browse(home, action, now, status),
    }
}

fn new_title(
    home: &mut HomeState,
    mut area: Box<TextArea<'static>>,
    mut kind: usize,
    action: Action,
) -> Vec<Effect> {
    let kinds = crate::model::kind::known();
    let count = kinds.len().max(1);
    match action {
        Action::Commit => {
            let title = clean_line(&area.lines().join(" ")).trim().to_string();
            let kind = kinds
                .get(kind)
                .map_or(crate::model::DEFAULT_KIND, |k| &k.key);
            return vec![Effect::Create {
                title,
                kind: kind.to_string(),
            }];
        }
        Action::NextField | Action::PrevField => {
            kind = if action == Action::NextField {
                (kind + 1) % count
            } else {
                (kind + count - 1) % count
            };
            if let Some(words) = kinds.get(kind) {
                area.set_placeholder_text(format!("e.g. {}", words.example));
            }
        }
        Action::Back => return Vec::new(),
        Action::Input(key) => {
            area.input(key);
        }
        Action::Paste(text) | Action::Type(text) => {
            area.insert_str(clean_line(&text));
        }
        _ => {}
    }
    home.mode = HomeMode::NewTitle { area, kind };
    Vec::new()
}

fn filter(home: &mut HomeState, action: Action) -> Vec<Effect> {
    let count = home.visible().len();
    let before = home.filter.clone();
    match action {
        Action::Commit => return Vec::new(),
        Action::Back => {
            home.filter.clear();
            return Vec::new();
        }
        Action::Up => home.selected = home.selected.saturating_sub(1),
        Action::Down => home.selected = (home.selected + 1).min(count.saturating_sub(1)),
        Action::Input(key) => {
            use crossterm::event::KeyModifiers;
            let plain = (key.modifiers - KeyModifiers::SHIFT).is_empty();
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                // Ctrl-U empties it, as in every text field.
                crossterm::event::KeyCode::Char('u') if ctrl => home.filter.clear(),
                crossterm::event::KeyCode::Char(c) if plain && !c.is_control() => {
                    home.filter.push(c)
                }
                crossterm::event::KeyCode::Backspace => {
                    home.filter.pop();
                }
                _ => {}
            }
            home.selected = 0;
        }
        Action::Paste(text) | Action::Type(text) => {
            home.filter.push_str(&clean_line(&text));
            home.selected = 0;
        }
        _ => {}
    }
    home.mode = HomeMode::Filter;
    home.focus = HomeFocus::Sessions;
    // The index is asked on its own thread; each change asks again (and
    // stops the question before).
    if home.filter != before {
        vec![Effect::Search(home.filter.clone())]
    } else {
        Vec::new()
    }
}

fn browse(
    home: &mut HomeState,
    action: Action,
    now: &Zoned,
    status: &mut Option<Status>,
) -> Vec<Effect> {
    if home.focus == HomeFocus::FollowUps {
        return follow_ups(home, action, now);
    }
    let count = home.visible().len();
    let last = count.saturating_sub(1);
    match action {
        Action::NextField | Action::PrevField => {
            if home.follow_ups(now.date()).is_empty() {
                *status = Some(Status::info(
                    "No action is overdue or due this week.".to_string(),
                    now,
                ));
            } else {
                home.focus = HomeFocus::FollowUps;
            }
        }
        Action::Up => home.selected = home.selected.saturating_sub(1),
        Action::Down => home.selected = (home.selected + 1).min(last),
        Action::PageUp => home.selected = home.selected.saturating_sub(10),
        Action::PageDown => home.selected = (home.selected + 10).min(last),
        Action::First => home.selected = 0,
        Action::Last => home.selected = last,
        Action::Edit | Action::Commit => {
            if let Some(s) = home.visible().get(home.selected) {
                return vec![Effect::Open(s.path.clone())];
            }
            *status = Some(Status::info(
                format!(
                    "No session yet: press {} to start one.",
                    hint(Context::Home, &Action::NewSession)
                ),
                now,
            ));
        }
        Action::NewSession => {
            home.mode = HomeMode::NewTitle {
                area: Box::new(new_title_area()),
                kind: 0,
            };
        }
        Action::Filter => home.mode = HomeMode::Filter,
        Action::Delete => {
            if let Some(s) = home.visible().get(home.selected) {
                home.mode = HomeMode::ConfirmTrash(s.path.clone());
            }
        }
        Action::Back => home.filter.clear(),
        // Pasted text is what to look for, never keys to run.
        Action::Paste(text) => return filter(home, Action::Paste(text)),
        _ => {}
    }
    Vec::new()
}

/// Keys while the follow-ups have the selection: move, open one at its
/// action, or go back to the sessions.
fn follow_ups(home: &mut HomeState, action: Action, now: &Zoned) -> Vec<Effect> {
    let rows = home.follow_ups(now.date());
    let last = rows.len().saturating_sub(1);
    let open = rows
        .get(home.follow_sel.min(last))
        .map(|(s, f)| Effect::OpenAction {
            path: s.path.clone(),
            action: f.id.clone(),
        });
    match action {
        Action::Up => home.follow_sel = home.follow_sel.saturating_sub(1),
        Action::Down => home.follow_sel = (home.follow_sel + 1).min(last),
        Action::PageUp | Action::First => home.follow_sel = 0,
        Action::PageDown | Action::Last => home.follow_sel = last,
        Action::Edit | Action::Commit => return open.into_iter().collect(),
        Action::NextField | Action::PrevField | Action::Back => home.focus = HomeFocus::Sessions,
        Action::NewSession => {
            home.focus = HomeFocus::Sessions;
            home.mode = HomeMode::NewTitle {
                area: Box::new(new_title_area()),
                kind: 0,
            };
        }
        Action::Filter => {
            home.focus = HomeFocus::Sessions;
            home.mode = HomeMode::Filter;
        }
        _ => {}
    }
    Vec::new()
}

fn new_title_area() -> TextArea<'static> {
    let mut area = TextArea::default();
    if let Some(words) = crate::model::kind::known().first() {
        area.set_placeholder_text(format!("e.g. {}", words.example));
    }
    area
}
