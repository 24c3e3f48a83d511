//! What the room says is recorded the way they meant it: typed questions,
//! one key per choice, teams that stay as typed, actions for any answer,
//! looking that writes nothing, and messages that mean now.

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::export::{self, Format};
use fivewhys::model::{ActionStatus, Confidence, Priority, Session, Stage};
use fivewhys::tui::app::{App, PickFor, Popup, StatusKind};
use fivewhys::tui::effect::Effect;
use fivewhys::tui::field::Field;
use fivewhys::tui::{Action, update};

fn blank() -> App {
    app_with(
        Session::with_id("abc234".into(), "Test", now().timestamp()),
        None,
    )
}

/// A session with a problem and one answer selected on Whys.
fn with_answer() -> App {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Support escalated late");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "There is no escalation path for payment issues");
    key(&mut app, KeyCode::Enter);
    app
}

fn selected(app: &App) -> fivewhys::model::WhyNode {
    let ss = ss(app);
    ss.session()
        .node(ss.node_sel.as_deref().unwrap())
        .unwrap()
        .clone()
}

// Point 4: the question is part of the record.

#[test]
fn the_default_question_is_a_placeholder_and_typing_replaces_it() {
    let mut app = with_answer();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    let editor = ss(&app).editor().expect("the question field is open");
    assert_eq!(editor.text(), "", "nothing to delete before typing");
    assert!(
        screen(&app, 100, 30).contains("Why? — Support escalated late"),
        "the default wording shows as a placeholder"
    );
    typing(&mut app, "Why did support not escalate earlier?");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        selected(&app).question,
        "Why did support not escalate earlier?"
    );
}

#[test]
fn tabbing_through_the_question_stores_nothing() {
    let mut app = with_answer();
    let before = ss(&app).session().clone();
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(selected(&app).question, "");
    assert_eq!(*ss(&app).session(), before);
}

#[test]
fn a_typed_question_appears_before_its_answer_everywhere() {
    let mut app = with_answer();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "Why did support not escalate earlier?");
    key(&mut app, KeyCode::Enter);
    let session = ss(&app).session().clone();
    let ctx = export::Context::for_session(&session, now().timestamp());
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let out = export::export(&session, format, &ctx);
        let q = out
            .find("Why did support not escalate earlier?")
            .unwrap_or_else(|| panic!("{format:?} lacks the question:\n{out}"));
        // In the why chain the question sits right above its answer
        // (the answer may also be quoted earlier, under Still to verify).
        let next = out[q..].find("There is no escalation path").unwrap();
        let between = &out[q..q + next];
        assert!(
            !between.contains("Support escalated late"),
            "{format:?}: the question leads straight to its answer\n{out}"
        );
    }
    key(&mut app, KeyCode::Char('v'));
    // The presenter's question is the one typed (in block letters: the
    // words show in the model the screen draws from), its answer under it.
    let sel = ss(&app).node_sel.clone();
    let current = ss(&app).session().current_question(sel.as_deref());
    assert_eq!(current.question(), "Why did support not escalate earlier?");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("→ "), "its answer under it:\n{shown}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('4'));
    assert!(screen(&app, 100, 60).contains("Why did support not escalate earlier?"));
}

// Point 5: one key per choice.

#[test]
fn each_confidence_is_one_key() {
    let mut app = with_answer();
    for (k, level) in [
        ('f', Confidence::Fact),
        ('n', Confidence::Unsure),
        ('b', Confidence::Belief),
        ('n', Confidence::Unsure),
        ('f', Confidence::Fact),
    ] {
        key(&mut app, KeyCode::Char(k));
        assert_eq!(selected(&app).confidence, level, "after {k}");
    }
}

#[test]
fn priority_and_status_take_at_most_two_keys_in_their_natural_order() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    let first = |app: &App| ss(app).session().actions[ss(app).action_sel].clone();
    // Column 4 is priority, 5 is status.
    for _ in 0..4 {
        key(&mut app, KeyCode::Right);
    }
    for (digit, priority) in [
        ('3', Priority::Low),
        ('1', Priority::High),
        ('2', Priority::Medium),
    ] {
        key(&mut app, KeyCode::Enter);
        match ss(&app).popup() {
            Some(Popup::Pick { options, .. }) => {
                let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
                assert_eq!(labels, ["high", "medium", "low"]);
            }
            other => panic!("a list opens on Enter: {other:?}"),
        }
        key(&mut app, KeyCode::Char(digit));
        assert_eq!(first(&app).priority, priority);
        assert!(ss(&app).popup().is_none());
    }
    key(&mut app, KeyCode::Right);
    for (digit, status) in [
        ('3', ActionStatus::Done),
        ('4', ActionStatus::Dropped),
        ('2', ActionStatus::InProgress),
        ('1', ActionStatus::Open),
    ] {
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Char(digit));
        assert_eq!(first(&app).status, status);
    }
}

// Point 6: owner and team.

#[test]
fn a_team_typed_by_hand_is_never_overwritten_by_picking_an_owner() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Write the sale runbook");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "Checkout squad");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('4')); // Hannah Schulz, Customer support
    let a = ss(&app).session().actions.last().unwrap().clone();
    assert_eq!(a.owner.as_deref(), Some("Hannah Schulz"));
    assert_eq!(a.team.as_deref(), Some("Checkout squad"));
}

#[test]
fn a_picked_team_follows_the_next_pick_but_a_retyped_one_stays() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Write the sale runbook");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('2')); // Mei Lin, Platform engineering
    let team = |app: &App| ss(app).session().actions.last().unwrap().team.clone();
    assert_eq!(team(&app).as_deref(), Some("Platform engineering"));
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('4')); // Hannah Schulz
    assert_eq!(team(&app).as_deref(), Some("Customer support"), "followed");
    // The facilitator types the same words by hand: now they are theirs.
    ss_mut(&mut app).action_col = 2;
    key(&mut app, KeyCode::Enter);
    for _ in 0..30 {
        key(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "Customer support");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('2')); // Mei Lin
    assert_eq!(team(&app).as_deref(), Some("Customer support"), "kept");
}

// Point 7: actions address any answer.

#[test]
fn an_action_can_address_a_contributing_factor() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    let gaps_before = ss(&app).session().unaddressed_root_causes().len();
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Load test at 6x before every sale");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('l'));
    let Some(Popup::Pick { options, .. }) = ss(&app).popup().cloned() else {
        panic!("no list of answers");
    };
    let roots = ss(&app).session().root_causes().len();
    assert!(options.len() > roots, "more than root causes are offered");
    let at = options
        .iter()
        .position(|o| o.label.contains("Load tests ran at 2x"))
        .expect("a contributing factor is offered");
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let s = &ss(&app).session();
    let linked = &s.actions.last().unwrap().addresses;
    assert_eq!(linked.len(), 1);
    assert!(!s.node(&linked[0]).unwrap().root_cause);
    assert_eq!(
        s.unaddressed_root_causes().len(),
        gaps_before,
        "coverage still counts root causes only"
    );
}

// Point 9: looking is not editing.

#[test]
fn opening_moving_and_leaving_unchanged_changes_nothing() {
    let mut app = app_with(outage(), None);
    let before = ss(&app).session().clone();
    let undo_steps = ss(&app).history.undo_len();
    let mut effects = Vec::new();
    key(&mut app, KeyCode::Char('2'));
    for k in [
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::End,
        KeyCode::Esc,
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Tab,
        KeyCode::Tab,
        KeyCode::Enter,
    ] {
        effects.extend(key(&mut app, k));
    }
    key(&mut app, KeyCode::Char('1'));
    // Every Intake field, opened and left, times included.
    for _ in 0..12 {
        effects.extend(key(&mut app, KeyCode::Enter));
        effects.extend(key(&mut app, KeyCode::Esc));
        effects.extend(key(&mut app, KeyCode::Down));
    }
    assert!(
        !effects.contains(&Effect::Save),
        "nothing to save: {effects:?}"
    );
    let after = &ss(&app).session();
    assert_eq!(after.updated, before.updated, "updated not bumped");
    assert_eq!(after.whys, before.whys);
    assert_eq!(after.intake, before.intake);
    assert_eq!(ss(&app).history.undo_len(), undo_steps, "no undo step");
}

#[test]
fn a_new_key_moment_left_unchanged_keeps_its_time() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "Banner goes live");
    key(&mut app, KeyCode::Enter);
    let at = ss(&app).session().intake.key_moments[0].at;
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(ss(&app).session().intake.key_moments[0].at, at);
}

// Point 10: messages mean now.

#[test]
fn a_field_error_goes_once_the_field_is_fixed_or_left() {
    let mut app = blank();
    down_to(&mut app, Field::Started);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "whenever");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.status.as_ref().unwrap().kind, StatusKind::Field);
    key(&mut app, KeyCode::Backspace);
    assert!(app.status.is_none(), "fixing the text clears the complaint");
    key(&mut app, KeyCode::Enter);
    assert!(app.status.is_some());
    key(&mut app, KeyCode::Esc);
    assert!(
        ss(&app).editor().is_none(),
        "Esc leaves even unreadable text"
    );
    assert!(
        app.status
            .as_ref()
            .is_none_or(|s| s.kind != StatusKind::Field),
        "the field's complaint went with it"
    );
    assert_eq!(
        ss(&app).session().intake.started,
        None,
        "nothing bad stored"
    );
}

#[test]
fn information_is_cleared_by_a_stage_change() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('t'));
    assert!(app.status.is_some());
    key(&mut app, KeyCode::Char('2'));
    assert!(app.status.is_none());
    update(&mut app, Action::Saved(Err("disk full".into())));
    key(&mut app, KeyCode::Char('3'));
    assert!(
        app.status.as_ref().unwrap().text.contains("disk full"),
        "a problem that is still true stays"
    );
}

#[test]
fn choice_lists_open_on_the_current_value() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('1'));
    down_to(&mut app, Field::Severity);
    key(&mut app, KeyCode::Enter);
    match ss(&app).popup() {
        Some(Popup::Pick {
            cursor,
            options,
            purpose: PickFor::Choice(_),
            ..
        }) => assert_eq!(options[*cursor].value, "SEV1 critical"),
        other => panic!("{other:?}"),
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(ss(&app).stage(), Stage::Intake);
}

// The room and the reader, point 4: fewer keys per why, none lost.

#[test]
fn a_new_answer_is_not_rated_and_never_listed_to_verify() {
    let app = with_answer();
    let node = selected(&app);
    assert_eq!(node.confidence, Confidence::NotRated);
    assert!(
        ss(&app).session().to_verify().is_empty(),
        "an answer nobody rated is not something to verify"
    );
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("◌ not rated"), "its own mark:\n{shown}");
    let session = ss(&app).session().clone();
    let ctx = export::Context::for_session(&session, now().timestamp());
    let text = export::export(&session, Format::Text, &ctx);
    assert!(text.contains("not rated"), "{text}");
    assert!(!text.to_lowercase().contains("to verify"), "{text}");
}

#[test]
fn the_key_of_the_confidence_an_answer_has_takes_the_rating_back() {
    let mut app = with_answer();
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(selected(&app).confidence, Confidence::Belief);
    assert_eq!(ss(&app).session().to_verify().len(), 1);
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(selected(&app).confidence, Confidence::NotRated);
    assert!(screen(&app, 80, 24).contains("How sure: not rated."));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(
        selected(&app).confidence,
        Confidence::Belief,
        "one undo step"
    );
}

#[test]
fn a_why_costs_two_keys_besides_its_words_and_three_with_its_question() {
    let (q, a) = (
        "Why was the path missing",
        "Nobody owned payment escalations",
    );
    // w, the answer, Enter.
    let mut app = with_answer();
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, a);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), fivewhys::tui::mode::Mode::Stage(Stage::Whys));
    assert_eq!(
        (
            selected(&app).answer.as_str(),
            selected(&app).question.as_str()
        ),
        (a, "")
    );
    // w, the answer, Tab, the question, Enter.
    let mut app = with_answer();
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, a);
    key(&mut app, KeyCode::Tab);
    typing(&mut app, q);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        (
            selected(&app).answer.as_str(),
            selected(&app).question.as_str()
        ),
        (a, q)
    );
    // The room's question first: q, the question, Enter, the answer, Enter.
    let mut app = with_answer();
    key(&mut app, KeyCode::Char('q'));
    typing(&mut app, q);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, a);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), fivewhys::tui::mode::Mode::Stage(Stage::Whys));
    assert_eq!(
        (
            selected(&app).answer.as_str(),
            selected(&app).question.as_str()
        ),
        (a, q)
    );
    // Marks are one key each; who offered it is o and a digit.
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('f'));
    assert!(selected(&app).root_cause);
    assert_eq!(selected(&app).confidence, Confidence::Fact);
}

#[test]
fn an_action_links_to_any_answer_in_at_most_three_keys() {
    let linked = |app: &App| {
        ss(app).session().actions[ss(app).action_sel]
            .addresses
            .clone()
    };
    let id_of = |app: &App, words: &str| {
        let s = ss(app).session();
        s.why_nodes()
            .into_iter()
            .find(|(_, n)| n.answer.contains(words))
            .map(|(_, n)| n.id.clone())
            .unwrap()
    };
    // By its words: l, the words, Enter.
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    let before = linked(&app);
    key(&mut app, KeyCode::Char('l'));
    typing(&mut app, "rollbacks rarely");
    assert!(screen(&app, 80, 24).contains("Find: rollbacks rarely"));
    key(&mut app, KeyCode::Enter);
    assert!(ss(&app).popup().is_none(), "Enter takes the one found");
    let want = id_of(&app, "Rollbacks are rarely practised");
    assert!(linked(&app).contains(&want), "linked");
    assert!(
        before.iter().all(|id| linked(&app).contains(id)),
        "the other ticks stay"
    );
    // By its label, last in a long list: l, the label, Enter.
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    let label = ss(&app)
        .session()
        .label_of(&id_of(&app, "The rollback stopped on a failing"))
        .unwrap();
    key(&mut app, KeyCode::Char('l'));
    typing(&mut app, &label.to_lowercase());
    key(&mut app, KeyCode::Enter);
    let want = id_of(&app, "The rollback stopped on a failing");
    assert!(linked(&app).contains(&want), "{label} linked");
    // A root cause by where it is (A-label), not only by RC number.
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let cause = id_of(&app, "no step in sale planning");
    let place = ss(&app).session().labels()[&cause].clone();
    assert!(!place.starts_with("RC"), "{place}");
    key(&mut app, KeyCode::Char('l'));
    typing(&mut app, &place);
    key(&mut app, KeyCode::Enter);
    assert!(linked(&app).contains(&cause), "{place} linked");
}

#[test]
fn words_typed_in_a_list_are_taken_back_with_esc_before_it_closes() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    let before = ss(&app).session().clone();
    key(&mut app, KeyCode::Char('l'));
    typing(&mut app, "zzz");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Nothing matches “zzz”."), "{shown}");
    key(&mut app, KeyCode::Enter);
    assert!(ss(&app).popup().is_some(), "nothing found, nothing taken");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Esc);
    assert!(ss(&app).popup().is_some(), "the first Esc clears the words");
    assert!(screen(&app, 80, 24).contains("Type to find"));
    key(&mut app, KeyCode::Esc);
    assert!(ss(&app).popup().is_none(), "the second closes");
    assert_eq!(*ss(&app).session(), before, "nothing changed");
    // A participant list finds by name too: o, "han", Enter.
    key(&mut app, KeyCode::Char('o'));
    typing(&mut app, "han");
    key(&mut app, KeyCode::Enter);
    let a = &ss(&app).session().actions[ss(&app).action_sel];
    assert_eq!(a.owner.as_deref(), Some("Hannah Schulz"));
}
