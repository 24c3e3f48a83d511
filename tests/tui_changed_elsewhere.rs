//! A change made elsewhere, merged with what is on screen: the screen
//! shows what came in, the stage bar counts the clashes, each clashed row
//! says so, and `c` settles them one by one (keep mine / take theirs),
//! every popup left again with Esc. Through the real keymap and update.

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::model::{ConflictOn, merge};
use fivewhys::tui::action::TakenIn;
use fivewhys::tui::effect::Effect;
use fivewhys::tui::mode::Mode;
use fivewhys::tui::{Action, update};

/// The app with the outage open on Whys, the first answer selected, and
/// a change from elsewhere merged in: theirs added an answer and changed
/// the first answer's words, which were also changed here.
fn merged_in() -> (fivewhys::tui::app::App, String, String) {
    let base = outage();
    let mut app = app_with(base.clone(), None);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Down);
    let first = ss(&app).node_sel.clone().unwrap();
    // Here: the room rewords the answer.
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typing(&mut app, "Worded here");
    key(&mut app, KeyCode::Enter);
    let mine = ss(&app).snapshot(now().timestamp());
    // Elsewhere: a teammate reworded it too, and added an answer.
    let mut theirs = base.clone();
    theirs.node_mut(&first).unwrap().answer = "Worded elsewhere".into();
    let added = theirs.ask_why(&first).unwrap();
    theirs.node_mut(&added).unwrap().answer = "Added elsewhere".into();
    let merged = merge(&base, &mine, &theirs);
    let effects = update(
        &mut app,
        Action::ChangedElsewhere(Box::new(TakenIn {
            session: merged.session,
            news: merged.incoming.describe(),
            clashes: merged.conflicts.len(),
            theirs,
        })),
    );
    assert!(effects.is_empty(), "the event loop saves the merge itself");
    (app, first, added)
}

#[test]
fn what_came_in_is_shown_and_the_clash_is_marked_where_it_is() {
    let (app, first, added) = merged_in();
    let s = ss(&app).session();
    assert_eq!(s.node(&added).unwrap().answer, "Added elsewhere");
    assert_eq!(s.node(&first).unwrap().answer, "Worded here", "mine stays");
    let status = app.status.as_ref().unwrap().text.clone();
    assert!(
        status.contains("Changed elsewhere: 1 new answer.")
            && status.contains("1 clash to settle (c)"),
        "{status}"
    );
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("1 to settle"), "stage bar:\n{shown}");
    assert!(
        shown.contains("≠ Worded here"),
        "the row is marked:\n{shown}"
    );
    assert!(
        shown.contains("Changed here and elsewhere: its words."),
        "the detail says what:\n{shown}"
    );
    assert!(
        ss(&app).history.undo_len() == 0,
        "undo starts afresh: stepping back would drop the other side's work"
    );
}

#[test]
fn c_shows_both_values_and_keep_mine_or_take_theirs_settles_it() {
    for (key_pressed, expected) in [('m', "Worded here"), ('t', "Worded elsewhere")] {
        let (mut app, first, _) = merged_in();
        key(&mut app, KeyCode::Char('c'));
        assert_eq!(app.mode(), Mode::Settle);
        let shown = screen(&app, 80, 24);
        for words in [
            "Changed here and elsewhere (1 of 1)",
            "here",
            "Worded here",
            "elsewhere",
            "Worded elsewhere",
            "m: keep mine",
            "t: take theirs",
            "Esc: later",
        ] {
            assert!(shown.contains(words), "{words:?} missing:\n{shown}");
        }
        let effects = key(&mut app, KeyCode::Char(key_pressed));
        assert!(effects.contains(&Effect::Save));
        assert_eq!(app.mode(), Mode::Stage(fivewhys::model::Stage::Whys));
        let s = ss(&app).session();
        assert_eq!(s.node(&first).unwrap().answer, expected);
        assert!(s.conflicts.is_empty());
        assert!(app.status.as_ref().unwrap().text.contains("All settled"));
        assert!(!screen(&app, 120, 40).contains("to settle"));
        // One undo step brings the clash back.
        key(&mut app, KeyCode::Char('u'));
        assert_eq!(ss(&app).session().conflicts.len(), 1);
    }
}

#[test]
fn esc_leaves_the_clash_for_later_and_nothing_is_settled_unasked() {
    let (mut app, _, _) = merged_in();
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Stage(fivewhys::model::Stage::Whys));
    assert_eq!(ss(&app).session().conflicts.len(), 1);
    // On a stage with nothing selected that clashed, c still finds it.
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode(), Mode::Settle);
    key(&mut app, KeyCode::Esc);
    // With nothing to settle, c says so.
    let mut plain = app_with(outage(), None);
    let before = plain.mode();
    key(&mut plain, KeyCode::Char('c'));
    assert_eq!(plain.mode(), before);
    assert!(
        plain
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to settle")
    );
}

#[test]
fn a_clash_on_an_action_is_shown_on_actions_and_settled_from_there() {
    let base = outage();
    let mut app = app_with(base.clone(), None);
    let mut mine = base.clone();
    mine.actions[0].owner = Some("Mei".into());
    let mut theirs = base.clone();
    theirs.actions[0].owner = Some("Ravi".into());
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts[0].on, ConflictOn::Action);
    update(
        &mut app,
        Action::ChangedElsewhere(Box::new(TakenIn {
            session: merged.session,
            news: String::new(),
            clashes: 1,
            theirs,
        })),
    );
    key(&mut app, KeyCode::Char('3'));
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Changed here and elsewhere: owner."),
        "{shown}"
    );
    assert!(shown.contains("▸≠"), "the row is marked too:\n{shown}");
    key(&mut app, KeyCode::Char('c'));
    assert!(screen(&app, 100, 30).contains("Action A1"));
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(ss(&app).session().actions[0].owner.as_deref(), Some("Ravi"));
}

#[test]
fn a_field_being_typed_into_keeps_its_words_and_a_change_to_it_elsewhere_is_a_clash() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('1'));
    down_to(&mut app, fivewhys::tui::field::Field::Title);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    typing(&mut app, " v2");
    // Saved as typed; then a teammate changes the title in the file.
    let base = ss(&app).snapshot(now().timestamp());
    let mut theirs = base.clone();
    theirs.title = "Teammate's title".into();
    let merged = merge(&base, &base, &theirs);
    update(
        &mut app,
        Action::ChangedElsewhere(Box::new(TakenIn {
            session: merged.session,
            news: merged.incoming.describe(),
            clashes: merged.conflicts.len(),
            theirs,
        })),
    );
    assert_eq!(app.mode(), Mode::Editing, "still typing");
    let mine = format!("{} v2", outage().title);
    assert_eq!(ss(&app).session().title, mine, "the words typed stay");
    let status = app.status.as_ref().unwrap().text.clone();
    assert!(status.contains("1 clash to settle"), "{status}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(ss(&app).session().title, mine);
    assert_eq!(ss(&app).session().conflicts.len(), 1, "theirs is kept");
    key(&mut app, KeyCode::Char('c'));
    assert!(screen(&app, 100, 30).contains("Teammate's title"));
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(ss(&app).session().title, "Teammate's title");
}

#[test]
fn an_answer_just_added_and_left_empty_is_taken_back_after_a_change_came_in() {
    let base = outage();
    let mut app = app_with(base.clone(), None);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Editing);
    // Saved with the empty answer; then a teammate changes the summary.
    let mine = ss(&app).snapshot(now().timestamp());
    let mut theirs = mine.clone();
    theirs.intake.summary = "Summary from elsewhere".into();
    let merged = merge(&mine, &mine, &theirs);
    update(
        &mut app,
        Action::ChangedElsewhere(Box::new(TakenIn {
            session: merged.session,
            news: merged.incoming.describe(),
            clashes: 0,
            theirs,
        })),
    );
    key(&mut app, KeyCode::Esc);
    let s = ss(&app).session();
    assert_eq!(s.whys, base.whys, "the empty answer is taken back");
    assert_eq!(
        s.intake.summary, "Summary from elsewhere",
        "and theirs stays"
    );
}
