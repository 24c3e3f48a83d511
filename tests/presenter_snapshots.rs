//! The room and the facilitator see one question. For the same state at
//! several moments (an answer selected, a new one being typed, after `r`,
//! after Enter) the facilitator's Whys screen and the presenter view are
//! rendered side by side; both name the same question the same way. Then
//! the presenter at three question lengths and two sizes, and the Actions
//! presenter. Snapshots are under tests/snapshots/.

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::model::Stage;
use fivewhys::tui::app::{App, SessionMode};
use fivewhys::tui::{Action, update};

/// The facilitator's screen and the presenter for the same state, one
/// above the other, at 80×24.
fn side_by_side(app: &mut App) -> String {
    let facilitator = screen(app, 80, 24);
    let mode = std::mem::replace(&mut ss_mut(app).mode, SessionMode::Presenter);
    let presenter = screen(app, 80, 24);
    ss_mut(app).mode = mode;
    format!("facilitator:\n{facilitator}\npresenter:\n{presenter}")
}

/// The "Why N of M · label" line of a screen, if it has one.
fn why_line(screen: &str) -> Option<String> {
    let start = screen.find("Why ")?;
    let rest = &screen[start..];
    let end = rest.find(['\n', '│']).unwrap_or(rest.len());
    Some(rest[..end].trim().to_string())
}

fn outage_on_whys() -> App {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('2'));
    let later = now().timestamp() + jiff::SignedDuration::from_secs(754);
    update(&mut app, Action::Tick(later));
    app
}

fn select(app: &mut App, prefix: &str) {
    for _ in 0..100 {
        let id = ss(app).node_sel.clone().unwrap();
        if ss(app)
            .session()
            .node(&id)
            .unwrap()
            .answer
            .starts_with(prefix)
        {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("no answer starts with {prefix:?}");
}

#[test]
fn the_facilitator_and_the_room_name_the_same_question_at_every_moment() {
    let mut app = outage_on_whys();
    select(&mut app, "Every checkout request");
    let selecting = side_by_side(&mut app);
    // A new answer being typed: under its question, not a new question.
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "The pool library changed its def");
    let typing_now = side_by_side(&mut app);
    key(&mut app, KeyCode::Enter);
    let entered = side_by_side(&mut app);
    key(&mut app, KeyCode::Char('r'));
    let marked = side_by_side(&mut app);
    for (name, shown) in [
        ("selecting", &selecting),
        ("typing", &typing_now),
        ("entered", &entered),
        ("marked", &marked),
    ] {
        let (facilitator, presenter) = shown.split_once("\npresenter:\n").unwrap();
        let (f, p) = (why_line(facilitator), why_line(presenter));
        assert!(
            f.is_some() && f == p,
            "{name}: {f:?} against {p:?}\n{shown}"
        );
        insta::assert_snapshot!(format!("one_question_{name}"), shown);
    }
    assert!(
        typing_now.contains("→ ◐ The pool library changed its def")
            || typing_now.contains("→ ● The pool library changed its def")
            || typing_now.contains("The pool library changed its def")
    );
    assert!(
        marked.contains("★ The pool library"),
        "the ★ shows at once:\n{marked}"
    );
}

#[test]
fn the_presenter_at_three_question_lengths_and_two_sizes() {
    for (name, question) in [
        ("short", "Why so slow?"),
        (
            "medium",
            "Why did the alert not page anyone for 26 minutes?",
        ),
        (
            "long",
            "Why did nobody on the platform team hear about the sale traffic forecast that marketing had shared with support four weeks earlier?",
        ),
    ] {
        let mut app = outage_on_whys();
        select(&mut app, "It took 26 minutes");
        let id = ss(&app).node_sel.clone().unwrap();
        ss_mut(&mut app)
            .session_mut()
            .node_mut(&id)
            .unwrap()
            .question = question.into();
        key(&mut app, KeyCode::Char('v'));
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("presenter_{name}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn the_actions_presenter_is_for_a_room() {
    // One action nobody owns yet (A4), one a team owns (A5, Marketing).
    let mut session = outage();
    session.actions[3].owner = None;
    session.actions[3].team = None;
    let mut app = app_with(session, None);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(ss(&app).stage(), Stage::Actions);
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&app, w, h);
        assert!(
            shown.contains("▸ A2"),
            "the selected action is marked:\n{shown}"
        );
        assert!(shown.contains("overdue since"), "in words:\n{shown}");
        assert!(shown.contains("needs an owner"), "in words:\n{shown}");
        assert!(shown.contains("Marketing (no person yet)"), "{shown}");
        insta::assert_snapshot!(format!("presenter_actions_{w}x{h}"), shown);
    }
}

#[test]
fn the_type_keeps_its_size_down_a_chain_at_80x24() {
    let mut app = outage_on_whys();
    select(&mut app, "Every checkout request waited");
    key(&mut app, KeyCode::Char('v'));
    // Why 3, 4 and 5 of the chain: similar lengths, one size, though the
    // chain above grows by a line each time.
    let mut shapes = Vec::new();
    for _ in 0..3 {
        let shown = screen(&app, 80, 24);
        assert!(!shown.contains('┌'), "a box, not blocks:\n{shown}");
        let block_rows = shown
            .lines()
            .filter(|l| l.contains('▀') || l.contains('▟') || l.contains('█'))
            .count();
        shapes.push(block_rows);
        key(&mut app, KeyCode::Down);
    }
    assert!(
        shapes.iter().all(|r| *r >= 4),
        "block letters every time: {shapes:?}"
    );
}
