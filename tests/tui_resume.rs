//! Reopening resumes the meeting, and closing never drops a session.

mod common;

use common::driver::Driver;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::Stage;
use fivewhys::tui::Action;
use fivewhys::tui::app::Screen;
use fivewhys::tui::effect::Effect;
use fivewhys::tui::mode::Mode;

fn press(d: &mut Driver, code: KeyCode) -> Vec<Effect> {
    d.key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn later(seconds: i64) -> Action {
    Action::Tick(now().timestamp() + jiff::SignedDuration::from_secs(seconds))
}

fn session(d: &Driver) -> &fivewhys::tui::app::SessionState {
    match &d.app.screen {
        Screen::Session(ss) => ss,
        Screen::Home(_) => panic!("no session open"),
    }
}

/// The outage example, as a meeting going on now.
fn meeting() -> fivewhys::model::Session {
    let mut s = outage();
    s.updated = now().timestamp();
    s.meeting = Default::default();
    s.meeting.timer_ran = Some(now().timestamp());
    s
}

fn at(seconds: i64) -> jiff::Timestamp {
    now().timestamp() + jiff::SignedDuration::from_secs(seconds)
}

/// Back to the list, and in again `seconds` after the start.
fn reopen(d: &mut Driver, seconds: i64) {
    press(d, KeyCode::Char('0'));
    assert_eq!(d.app.mode(), Mode::Home);
    d.action(later(seconds));
    press(d, KeyCode::Enter);
}

#[test]
fn a_new_session_times_the_meeting_from_its_first_change_not_its_creation() {
    // Created and looked at the day before: no meeting yet.
    let mut s = meeting();
    s.meeting.timer_ran = None;
    let mut d = Driver::open(s);
    assert!(session(&d).timer.waiting());
    press(&mut d, KeyCode::Char('2'));
    press(&mut d, KeyCode::Down);
    d.action(later(600));
    assert_eq!(
        session(&d).timer.elapsed(at(600)),
        0,
        "moving is not meeting"
    );
    // The first change starts it.
    press(&mut d, KeyCode::Char('r'));
    assert!(session(&d).timer.running());
    assert_eq!(session(&d).timer.elapsed(at(660)), 60);
}

#[test]
fn a_pause_survives_leaving_and_reopening() {
    let mut d = Driver::open(meeting());
    d.action(later(120));
    press(&mut d, KeyCode::Char('t'));
    assert_eq!(d.app.status.as_ref().unwrap().text, "Timer paused.");
    reopen(&mut d, 600);
    let ss = session(&d);
    assert!(!ss.timer.running(), "still paused after reopening");
    assert_eq!(ss.timer.elapsed(at(900)), 120);
    assert!(
        d.app.status.as_ref().unwrap().text.contains("paused"),
        "{:?}",
        d.app.status
    );
    // A change does not undo the pause; t does.
    press(&mut d, KeyCode::Char('2'));
    press(&mut d, KeyCode::Down);
    press(&mut d, KeyCode::Char('r'));
    assert!(
        session(&d).session().updated > now().timestamp(),
        "a change"
    );
    assert!(!session(&d).timer.running());
    press(&mut d, KeyCode::Char('t'));
    assert!(session(&d).timer.running());
    reopen(&mut d, 700);
    assert!(session(&d).timer.running(), "running again after reopening");
}

#[test]
fn reopening_continues_the_timer_timeboxes_and_selection() {
    let mut d = Driver::open(meeting());
    press(&mut d, KeyCode::Char('2'));
    for _ in 0..5 {
        press(&mut d, KeyCode::Down);
    }
    press(&mut d, KeyCode::Char('B'));
    press(&mut d, KeyCode::Char('B'));
    let node = session(&d).node_sel.clone();
    d.action(later(300));
    press(&mut d, KeyCode::Char('3'));
    press(&mut d, KeyCode::Down);
    press(&mut d, KeyCode::Down);
    press(&mut d, KeyCode::Char('1'));
    for _ in 0..4 {
        press(&mut d, KeyCode::Down);
    }
    press(&mut d, KeyCode::Char('2'));
    d.action(later(420));
    // Back to the list, and in again a little later.
    press(&mut d, KeyCode::Char('0'));
    assert_eq!(d.app.mode(), Mode::Home);
    d.action(later(3600));
    press(&mut d, KeyCode::Enter);
    let ss = session(&d);
    assert_eq!(ss.stage(), Stage::Whys);
    assert_eq!(ss.node_sel, node, "the selected answer is restored");
    assert_eq!(ss.action_sel, 2, "the selected action is restored");
    assert_eq!(ss.intake_sel, 4, "the selected intake row is restored");
    let t = now().timestamp() + jiff::SignedDuration::from_secs(3600);
    assert_eq!(ss.timer.elapsed(t), 420, "the meeting time continues");
    assert!(ss.timer.running());
    assert_eq!(ss.timer.timebox(Stage::Whys), Some(10));
    assert_eq!(
        ss.timer.remaining(Stage::Whys, t),
        Some(600 - 420),
        "the Whys timebox counts the time already spent there"
    );
}

#[test]
fn an_old_session_opens_with_its_timer_waiting() {
    let mut s = meeting();
    s.updated = now().timestamp() - jiff::SignedDuration::from_hours(24 * 20);
    s.meeting.timer_ran = Some(s.updated);
    let d = Driver::open(s);
    assert!(
        session(&d).timer.waiting(),
        "looking it up is not meeting time"
    );
}

#[test]
fn a_failed_close_keeps_the_session_open_and_says_why() {
    let mut app = app_with(outage(), None);
    let effects = key(&mut app, KeyCode::Char('0'));
    assert_eq!(effects, vec![Effect::Close]);
    fivewhys::tui::update(
        &mut app,
        Action::CloseFailed("could not save /data/x.json: No space left on device".into()),
    );
    assert!(app.session().is_some(), "still open");
    let status = app.status.as_ref().unwrap();
    assert!(status.is_error());
    assert!(status.text.contains("No space left"), "{}", status.text);
    assert!(status.text.contains("stays open"), "{}", status.text);
}
