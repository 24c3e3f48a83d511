//! `update(&mut App, Action) -> Vec<Effect>`: every state change of the TUI,
//! pure — no terminal, no files, no clock (time arrives as `Tick`).

mod actions_stage;
mod editing;
mod home;
mod intake;
mod review;
mod session;
mod stages;
mod whys;

use super::action::Action;
use super::app::{App, Screen, SessionState};
use super::effect::Effect;

/// Applies one action; returns the work for the outside world.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => {
            if let Screen::Session(ss) = &mut app.screen {
                // Keep whatever is in an open field, even if it does not parse.
                let _ = editing::commit(ss, &app.now);
            }
            return vec![Effect::Quit];
        }
        Action::Tick(now) => {
            app.now = now.to_zoned(app.now.time_zone().clone());
            let faded = app
                .status
                .as_ref()
                .and_then(|s| s.shown)
                .is_some_and(|shown| {
                    now.as_second() - shown.as_second() >= super::app::STATUS_SECONDS
                });
            if faded {
                app.status = None;
            }
            return Vec::new();
        }
        Action::Resize(..) => return Vec::new(),
        Action::Copied(message) => {
            app.info(message);
            return Vec::new();
        }
        Action::Failed(message) => {
            app.error(message);
            return Vec::new();
        }
        Action::SessionOpened {
            session,
            path,
            read_only,
        } => {
            if let Some(holder) = &read_only {
                app.error(format!("Read-only: this session is open in {holder}"));
            } else {
                app.status = None;
            }
            app.screen = Screen::Session(Box::new(SessionState::new(
                *session, path, read_only, &app.now,
            )));
            return Vec::new();
        }
        Action::Listed(listing) => {
            if let Screen::Home(home) = &mut app.screen {
                home.listing = listing;
                home.selected = home.selected.min(home.visible().len().saturating_sub(1));
            }
            return Vec::new();
        }
        Action::Saved(result) => {
            let mut note = None;
            if let Screen::Session(ss) = &mut app.screen {
                match result {
                    Ok(()) => {
                        if matches!(ss.save, super::app::SaveState::Failed(_)) {
                            note = Some((false, "Saved again.".to_string()));
                        }
                        // The event loop reports success only when no newer
                        // change is waiting, so this means "all on disk".
                        ss.save = super::app::SaveState::Saved;
                    }
                    Err(message) => {
                        note = Some((
                            true,
                            format!("Not saved: {message}. Your text is kept; retrying."),
                        ));
                        ss.save = super::app::SaveState::Failed(message);
                    }
                }
            }
            match note {
                Some((true, text)) => app.error(text),
                Some((false, text)) => app.info(text),
                None => {}
            }
            return Vec::new();
        }
        Action::ToggleHelp => {
            app.help = if app.help.is_some() { None } else { Some(0) };
            return Vec::new();
        }
        _ => {}
    }
    if let Some(scroll) = app.help.as_mut() {
        match action {
            Action::Back | Action::Commit => app.help = None,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::PageDown => *scroll = scroll.saturating_add(10),
            _ => {}
        }
        return Vec::new();
    }
    if matches!(action, Action::CycleTheme) {
        app.theme = super::theme::Theme::named(app.theme.name.next());
        app.info(format!("Theme: {}", app.theme.name.label()));
        return Vec::new();
    }
    let App {
        screen,
        now,
        status,
        ..
    } = app;
    match screen {
        Screen::Home(home) => home::update(home, action, status),
        Screen::Session(ss) => {
            let effects = session::update(ss, action, now, status);
            if effects.iter().any(|e| matches!(e, Effect::Close { .. })) {
                *screen = Screen::Home(Default::default());
            }
            effects
        }
    }
}
