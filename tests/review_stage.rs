//! Review as a facilitator meets it: the footer says which list `a` adds
//! to, and what is still missing is wrapped, never cut, on a narrow screen.

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::model::Lesson;
use fivewhys::tui::field::Field;

fn footer(app: &fivewhys::tui::app::App, width: u16, height: u16) -> String {
    screen(app, width, height)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_adds_to_the_list_the_selection_is_in_and_the_footer_says_which() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('4'));
    assert!(
        footer(&app, 80, 24).contains("a add: went well"),
        "{}",
        footer(&app, 80, 24)
    );
    down_to(&mut app, Field::Lesson(Lesson::Wrong, 1));
    assert!(
        footer(&app, 80, 24).contains("a add: went wrong"),
        "{}",
        footer(&app, 80, 24)
    );
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Nobody owned the status page");
    key(&mut app, KeyCode::Enter);
    let wrong = ss(&app).session().lessons(Lesson::Wrong).to_vec();
    assert_eq!(wrong.len(), 3);
    assert_eq!(wrong[2], "Nobody owned the status page");
    down_to(&mut app, Field::AddLesson(Lesson::Lucky));
    assert!(
        footer(&app, 80, 24).contains("a add: lucky"),
        "{}",
        footer(&app, 80, 24)
    );
    // V is offered only on an answer to verify, where it does something.
    let wide = |app: &fivewhys::tui::app::App| footer(app, 80, 24);
    assert!(!wide(&app).contains("verify"), "{}", wide(&app));
    let to_verify = ss(&app).session().to_verify()[0].id.clone();
    down_to(&mut app, Field::ToVerify(to_verify));
    assert!(wide(&app).contains("V verify"), "{}", wide(&app));
}

#[test]
fn what_is_missing_wraps_instead_of_being_cut() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('4'));
    let shown = screen(&app, 50, 24);
    let joined: String = shown
        .lines()
        .skip(2)
        .take(3)
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined
            .contains("Before you send it: 1 root cause has no action · 1 action has no due date"),
        "{shown}"
    );
    assert!(!shown.lines().nth(2).unwrap().contains('…'), "{shown}");

    key(&mut app, KeyCode::Char('3'));
    let shown = screen(&app, 50, 24);
    let text: String = shown.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Gaps: 1 root cause has no action · 1 action has no due date"),
        "{shown}"
    );
}

#[test]
fn intake_says_more_rows_are_below() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('1'));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("more below"), "{shown}");
    // At the bottom, what is above is said instead.
    for _ in 0..40 {
        key(&mut app, KeyCode::Down);
    }
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("above"), "{shown}");
    assert!(!shown.contains("more below"), "{shown}");
}
