//! `render(&App, &mut Frame)`: draws the whole screen from the state. Reads
//! only; never touches the terminal directly or the filesystem.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::{App, SaveState, Screen, SessionMode};
use super::screens;
use super::widgets::{footer, help, popup, stage_bar};
use super::widths;
use crate::export::sanitize::clean_line;
use crate::model::{Lesson, Stage};

/// Smallest usable window.
pub const MIN_WIDTH: u16 = 40;
/// Smallest usable window.
pub const MIN_HEIGHT: u16 = 10;

/// Draws the app.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = &app.theme;
    // The theme's text colours under everything, cell by cell in one pass
    // (as a styled `Block` sets them, without looking each cell up).
    for cell in &mut frame.buffer_mut().content {
        cell.set_style(theme.text);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        popup::too_small(frame, area, theme);
        return;
    }
    let status_lines = status_lines(app, area.width);
    let status_rows = status_lines.len() as u16;
    match &app.screen {
        Screen::Home(home) => {
            let [body, status, foot] = Layout::vertical([
                Constraint::Min(1),
                Constraint::Length(status_rows),
                Constraint::Length(1),
            ])
            .areas(area);
            screens::home::render(frame, body, home, &app.now, theme);
            render_status(app, frame, status);
            footer::render(frame, foot, app.contexts(), theme, false, &[]);
        }
        Screen::Session(ss) if matches!(ss.mode, SessionMode::Presenter) => {
            let here = ss.zoned(&app.now);
            let hints = super::widgets::hints::presenter(!ss.tree && ss.stage() == Stage::Actions);
            let bottom = match &app.status {
                Some(status) if status.is_error() => (status.text.as_str(), true),
                _ => (hints.as_str(), false),
            };
            let elapsed = ss.timer.elapsed(app.now.timestamp());
            screens::presenter::render(frame, area, ss, elapsed, bottom, &here, theme);
        }
        Screen::Session(ss) => {
            let banner_rows = u16::from(ss.read_only.is_some());
            let [bar, title, banner, body, status, foot] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(banner_rows),
                Constraint::Min(1),
                Constraint::Length(status_rows),
                Constraint::Length(1),
            ])
            .areas(area);
            stage_bar::render(frame, bar, ss, app.now.timestamp(), theme);
            let (save_text, save_style) = match &ss.save {
                _ if ss.read_only.is_some() => ("read-only".to_string(), theme.warn),
                SaveState::Saved => (format!("{} saved", super::marks::SAVED), theme.dim),
                SaveState::Pending => ("saving…".to_string(), theme.dim),
                SaveState::Failed(_) => ("✗ NOT SAVED".to_string(), theme.error),
            };
            let title_text = if ss.session().title.is_empty() {
                "Untitled session".to_string()
            } else {
                clean_line(&ss.session().title)
            };
            let room = (title.width as usize).saturating_sub(widths::width(&save_text) + 2);
            super::widgets::cells::line(
                frame.buffer_mut(),
                title,
                &Line::from(vec![
                    Span::styled(widths::fit_pad(&title_text, room), theme.accent),
                    Span::raw("  "),
                    Span::styled(save_text, save_style),
                ]),
            );
            if let Some(why) = &ss.read_only {
                let text = format!(" READ-ONLY — {}; changes are off ", clean_line(why));
                frame.render_widget(
                    Line::from(Span::styled(
                        widths::fit(&text, usize::from(banner.width)),
                        theme.error,
                    )),
                    banner,
                );
            }
            let here = ss.zoned(&app.now);
            match ss.stage() {
                Stage::Intake => screens::intake::render(frame, body, ss, &here, theme),
                Stage::Whys => screens::whys::render(frame, body, ss, &here, theme),
                Stage::Actions => screens::actions::render(frame, body, ss, &here, theme),
                Stage::Review => screens::review::render(frame, body, ss, &here, theme),
            }
            if let Some(p) = ss.popup() {
                popup::render(frame, body, p, ss.session(), theme);
            }
            render_status(app, frame, status);
            footer::render(
                frame,
                foot,
                app.contexts(),
                theme,
                ss.read_only.is_some(),
                &review_keys(ss),
            );
        }
    }
    if let super::app::Help::Open { scroll } = app.help {
        help::render(frame, area, app, scroll);
    }
}

/// The status message wrapped to the window's width (at most three rows),
/// so a long path is shown whole rather than cut off.
fn status_lines(app: &App, width: u16) -> Vec<String> {
    let Some(status) = &app.status else {
        return Vec::new();
    };
    widths::wrap(&clean_line(&status.text), usize::from(width), 3)
}

fn render_status(app: &App, frame: &mut Frame, area: ratatui::layout::Rect) {
    if let Some(status) = &app.status {
        let style = if status.is_error() {
            app.theme.warn
        } else {
            app.theme.accent
        };
        for (line, y) in status_lines(app, area.width)
            .into_iter()
            .zip(area.top()..area.bottom())
        {
            let row = ratatui::layout::Rect {
                y,
                height: 1,
                ..area
            };
            super::widgets::cells::line(
                frame.buffer_mut(),
                row,
                &Line::from(Span::styled(line, style)),
            );
        }
    }
}

/// Review's keys that depend on the selection: what `a` adds to, and `V`
/// only on an answer to verify.
fn review_keys(ss: &super::app::SessionState) -> Vec<(Action, Option<&'static str>)> {
    if ss.stage() != Stage::Review {
        return Vec::new();
    }
    let verifying = matches!(ss.selected_field(), Some(super::field::Field::ToVerify(_)));
    vec![
        (Action::Add, Some(adds_to(ss.review_list()))),
        (Action::Verify, verifying.then_some("verify")),
    ]
}

/// What `a` adds to on Review: the list the selection is in.
fn adds_to(lesson: Lesson) -> &'static str {
    match lesson {
        Lesson::Well => "add: went well",
        Lesson::Wrong => "add: went wrong",
        Lesson::Lucky => "add: lucky",
    }
}
