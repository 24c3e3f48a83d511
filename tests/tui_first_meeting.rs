//! What a new facilitator met in a first meeting, kept from coming back:
//! keys acting unseen, new empty answers left behind, typing that fell
//! through to commands, lists that said the wrong thing.

mod common;

use common::driver::Driver;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::{Role, Session, Severity, Stage};
use fivewhys::tui::Action;
use fivewhys::tui::field::Field;
use fivewhys::tui::mode::Mode;

fn blank() -> fivewhys::tui::App {
    app_with(
        Session::with_id("abc234".into(), "Test", now().timestamp()),
        None,
    )
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small_to_show_them() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('4'));
    let before = ss(&app).session().clone();
    fivewhys::tui::update(&mut app, Action::Resize(38, 9));
    for k in ['x', 'y', '3', 'a', 'x', 'y', '0'] {
        key(&mut app, KeyCode::Char(k));
    }
    assert_eq!(*ss(&app).session(), before, "nothing changed unseen");
    assert_eq!(app.mode(), Mode::Stage(Stage::Review));
    let effects = ctrl(&mut app, 'c');
    assert!(
        effects.contains(&fivewhys::tui::Effect::Quit),
        "quitting still works"
    );
}

#[test]
fn a_new_answer_left_empty_is_taken_back() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('2'));
    let before = ss(&app).session().whys.clone();
    let selected = ss(&app).node_sel.clone();
    // Tab moves on to the new answer's other fields without closing it
    // (the room may give the question first); left with nothing typed in
    // any of them, it is taken back.
    let leaving: [&[KeyCode]; 5] = [
        &[KeyCode::Esc],
        &[KeyCode::Enter],
        &[KeyCode::Tab, KeyCode::Esc],
        &[KeyCode::BackTab, KeyCode::Enter, KeyCode::Esc],
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab, KeyCode::Enter],
    ];
    for leave in leaving {
        for add in ['w', 's', 'p'] {
            key(&mut app, KeyCode::Char(add));
            assert_eq!(app.mode(), Mode::Editing);
            for k in leave {
                key(&mut app, *k);
                if *k == KeyCode::Tab {
                    assert_eq!(app.mode(), Mode::Editing, "Tab never closes it");
                }
            }
            assert_eq!(ss(&app).session().whys, before, "{add} then {leave:?}");
            assert_eq!(ss(&app).node_sel, selected, "back where it was");
            assert_eq!(app.mode(), Mode::Stage(Stage::Whys));
        }
    }
    key(&mut app, KeyCode::Char('3'));
    let actions = ss(&app).session().actions.len();
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(ss(&app).session().actions.len(), actions);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        ss(&app).session().intake.key_moments.len(),
        outage().intake.key_moments.len()
    );
}

#[test]
fn enter_in_the_presenter_view_answers_the_question_on_screen() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('2'));
    let answered = ss(&app).node_sel.clone().unwrap();
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Editing);
    let s = &ss(&app).session();
    let new = ss(&app).node_sel.clone().unwrap();
    assert_eq!(
        s.parent_of(&new).map(|p| p.id.clone()),
        Some(answered),
        "a new answer to \"why?\" of the selected one"
    );
}

#[test]
fn tab_onto_a_choice_opens_its_list_so_typing_never_falls_through() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "DB Kumar");
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "Database team");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::Pick, "the role list is open");
    key(&mut app, KeyCode::Char('3'));
    let p = &ss(&app).session().participants[0];
    assert_eq!(
        (p.name.as_str(), p.team.as_str(), p.role),
        ("DB Kumar", "Database team", Role::Ambassador)
    );
    assert_eq!(ss(&app).stage(), Stage::Intake, "no stage jump");
}

#[test]
fn severity_digits_match_their_numbers_and_single_lists_offer_no_ticks() {
    let mut app = blank();
    down_to(&mut app, Field::Severity);
    key(&mut app, KeyCode::Enter);
    assert!(
        !screen(&app, 80, 24).contains("tick"),
        "nothing to tick here"
    );
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(ss(&app).session().intake.severity, Some(Severity::Sev1));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(ss(&app).session().intake.severity, Some(Severity::Sev3));
}

#[test]
fn arrows_move_by_row_and_across_cells_without_changing_values() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('1'));
    let fields = ss(&app).intake_fields();
    let at = |app: &fivewhys::tui::App| ss(app).intake_fields()[ss(app).intake_sel].clone();
    let first = fields
        .iter()
        .position(|f| *f == Field::PersonRole(0))
        .unwrap();
    ss_mut(&mut app).intake_sel = first;
    let before = ss(&app).session().clone();
    key(&mut app, KeyCode::Down);
    assert_eq!(at(&app), Field::PersonRole(1), "next person, same column");
    key(&mut app, KeyCode::Left);
    assert_eq!(at(&app), Field::PersonTeam(1));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert_eq!(at(&app), Field::PersonEmail(1), "the last cell: email");
    key(&mut app, KeyCode::Right);
    assert_eq!(at(&app), Field::PersonEmail(1), "stays in the row");
    assert_eq!(*ss(&app).session(), before, "moving changed nothing");
}

#[test]
fn ctrl_u_clears_a_field_and_typing_replaces_a_time() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('1'));
    down_to(&mut app, Field::Started);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "08:05");
    key(&mut app, KeyCode::Enter);
    let started = ss(&app).session().intake.started.unwrap();
    assert_eq!(
        fivewhys::export::format_time(started, &ss(&app).session().zone().unwrap()),
        "2026-11-22 08:05",
        "typing replaced the old time"
    );
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    assert_eq!(ss(&app).editor().unwrap().text(), "");
}

#[test]
fn the_trash_question_names_the_session() {
    let mut d = Driver::home(vec![outage()]);
    d.key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
    let shown = screen(&d.app, 80, 24);
    assert!(
        shown.contains("Checkout outage during the autumn sale"),
        "{shown}"
    );
    d.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(
        d.app.mode(),
        Mode::Confirm,
        "Enter is not yes to a deletion"
    );
    d.key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
    assert_eq!(d.files.len(), 1);
}

#[test]
fn a_read_only_session_offers_no_edits() {
    let mut app = app_with(outage(), Some("another fivewhys (process 7)"));
    key(&mut app, KeyCode::Char('2'));
    let shown = screen(&app, 80, 24);
    let footer = shown.lines().last().unwrap();
    assert!(
        !footer.contains("why?") && !footer.contains("edit"),
        "{footer}"
    );
    assert!(footer.contains("help"), "{footer}");
    assert!(
        shown.contains("changes are off"),
        "the banner is read whole:\n{shown}"
    );
}

#[test]
fn a_root_cause_message_goes_with_the_next_edit() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('r'));
    assert!(app.status.is_some());
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('b'));
    let text = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(!text.contains("root cause"), "{text}");
    assert!(ss(&app).popup().is_none());
}

#[test]
fn a_clock_time_after_the_start_is_on_the_day_it_started_not_today() {
    // The meeting is days after the incident: "14:22" means that day.
    let mut s = fivewhys::model::Session::new("Next-day meeting", now().timestamp());
    s.time_zone = Some("UTC".into());
    let mut app = app_with(s, None);
    key(&mut app, KeyCode::Char('1'));
    down_to(&mut app, Field::Started);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "2026-11-02 23:40");
    key(&mut app, KeyCode::Enter);
    down_to(&mut app, Field::Detected);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "23:55");
    assert!(
        screen(&app, 80, 24).contains("2026-11-02 23:55"),
        "{}",
        screen(&app, 80, 24)
    );
    key(&mut app, KeyCode::Enter);
    down_to(&mut app, Field::Resolved);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "00:30");
    key(&mut app, KeyCode::Enter);
    let intake = &ss(&app).session().intake;
    assert_eq!(intake.detected.unwrap().to_string(), "2026-11-02T23:55:00Z");
    assert_eq!(
        intake.resolved.unwrap().to_string(),
        "2026-11-03T00:30:00Z",
        "past midnight: the next day"
    );
}
