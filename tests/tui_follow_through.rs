//! Follow-through in the app: Home's follow-ups across sessions (and
//! opening one at its action), a filter that finds text inside the
//! sessions, and Review turning a belief into an action to verify it.

mod common;

use common::driver::Driver;
use common::outage;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::Stage;
use fivewhys::tui::app::Screen;
use fivewhys::tui::mode::Mode;

fn press(d: &mut Driver, code: KeyCode) {
    d.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(d: &mut Driver, text: &str) {
    for c in text.chars() {
        press(d, KeyCode::Char(c));
    }
}

#[test]
fn tab_reaches_the_follow_ups_and_enter_opens_that_action() {
    let mut d = Driver::home(vec![outage()]);
    press(&mut d, KeyCode::Tab);
    assert_eq!(d.app.mode(), Mode::FollowUps);
    let Screen::Home(home) = &d.app.screen else {
        panic!("home")
    };
    let rows = home.follow_ups(d.app.now.date());
    // Overdue first: the rollback practice (14 Nov), then the idempotency
    // key (20 Nov), then what falls due this week.
    let second = rows[1].1.id.clone();
    assert!(rows[1].1.due.is_some_and(|due| due < d.app.now.date()));
    press(&mut d, KeyCode::Down);
    press(&mut d, KeyCode::Enter);
    let Screen::Session(ss) = &d.app.screen else {
        panic!("the session did not open")
    };
    assert_eq!(ss.stage(), Stage::Actions);
    assert_eq!(ss.session().actions[ss.action_sel].id, second);
}

#[test]
fn esc_and_tab_go_back_to_the_sessions() {
    let mut d = Driver::home(vec![outage()]);
    press(&mut d, KeyCode::Tab);
    press(&mut d, KeyCode::Esc);
    assert_eq!(d.app.mode(), Mode::Home);
    press(&mut d, KeyCode::Tab);
    press(&mut d, KeyCode::Tab);
    assert_eq!(d.app.mode(), Mode::Home);
}

#[test]
fn the_filter_finds_words_inside_answers_and_says_where() {
    let mut second = outage();
    second.id = "zz9999".into();
    second.title = "Another meeting".into();
    second.intake.summary = "Nothing in common".into();
    second.whys = Default::default();
    second.actions.clear();
    second.went_well.clear();
    second.went_wrong.clear();
    second.lucky.clear();
    second.notes.clear();
    let mut d = Driver::home(vec![outage(), second]);
    press(&mut d, KeyCode::Char('/'));
    typed(&mut d, "POOL");
    let Screen::Home(home) = &d.app.screen else {
        panic!("home")
    };
    let visible: Vec<&str> = home.visible().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(visible, ["k3f9ab"], "found in an answer, not the title");
    let hit = &home.hits().unwrap()["k3f9ab"];
    assert!(hit.place.starts_with("why "), "{}", hit.place);
    assert!(hit.line.to_lowercase().contains("pool"));
}

#[test]
fn review_turns_a_belief_into_an_action_to_verify_it_once() {
    let mut d = Driver::open(outage());
    press(&mut d, KeyCode::Char('4'));
    let Screen::Session(ss) = &d.app.screen else {
        panic!("session")
    };
    let rows = ss.review_fields();
    let first = rows
        .iter()
        .position(|f| matches!(f, fivewhys::tui::field::Field::ToVerify(_)))
        .expect("beliefs are listed to verify");
    let fivewhys::tui::field::Field::ToVerify(node) = rows[first].clone() else {
        unreachable!()
    };
    let before = ss.session().actions.len();
    for _ in 0..first {
        press(&mut d, KeyCode::Down);
    }
    press(&mut d, KeyCode::Char('V'));
    let Screen::Session(ss) = &d.app.screen else {
        panic!("session")
    };
    assert_eq!(ss.session().actions.len(), before + 1);
    let added = ss.session().actions.last().unwrap();
    let answer = ss.session().node(&node).unwrap().answer.clone();
    assert_eq!(added.description, format!("Verify: {answer}"));
    assert_eq!(added.addresses, std::slice::from_ref(&node));
    // Pressed again, nothing is added twice.
    press(&mut d, KeyCode::Char('V'));
    let Screen::Session(ss) = &d.app.screen else {
        panic!("session")
    };
    assert_eq!(ss.session().actions.len(), before + 1);
    // And undo takes it back.
    press(&mut d, KeyCode::Char('u'));
    let Screen::Session(ss) = &d.app.screen else {
        panic!("session")
    };
    assert_eq!(ss.session().actions.len(), before);
}
