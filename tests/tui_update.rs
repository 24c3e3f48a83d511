//! The TUI's behaviour through keys and `update`, without a terminal.

mod common;

use common::*;
use crossterm::event::{Event, KeyCode};
use fivewhys::model::{Session, Stage};
use fivewhys::tui::Effect;
use fivewhys::tui::app::Popup;

fn blank() -> fivewhys::tui::App {
    let now = now().timestamp();
    app_with(Session::with_id("abc234".into(), "Test", now), None)
}

fn answers(app: &fivewhys::tui::App) -> Vec<(usize, String)> {
    ss(app)
        .session()
        .why_nodes()
        .iter()
        .map(|(d, n)| (*d, n.answer.clone()))
        .collect()
}

#[test]
fn ask_why_adds_a_child_and_puts_the_cursor_in_its_answer() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Checkout failed");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('w'));
    assert!(
        ss(&app).editor().is_some(),
        "typing goes straight into the new answer"
    );
    typing(&mut app, "Payments timed out");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "Pool too small");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app),
        vec![
            (0, "Checkout failed".into()),
            (1, "Payments timed out".into()),
            (2, "Pool too small".into())
        ]
    );
    assert!(screen(&app, 80, 24).contains("Why 2"));
}

#[test]
fn sibling_cause_and_second_problem_statement() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Broke");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "Cause A");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('s'));
    typing(&mut app, "Cause B");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Recovery was slow");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app),
        vec![
            (0, "Broke".into()),
            (1, "Cause A".into()),
            (1, "Cause B".into()),
            (0, "Recovery was slow".into())
        ]
    );
}

#[test]
fn delete_asks_first_and_removes_action_links() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('2'));
    // Select "Customers retried and were charged twice" (1.2), whose child
    // 1.2.1 is addressed by action a-k8w2.
    let target = ss(&app).session().whys[0].children[1].id.clone();
    while ss(&app).node_sel.as_deref() != Some(target.as_str()) {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('x'));
    assert!(matches!(ss(&app).popup(), Some(Popup::Confirm { .. })));
    assert!(screen(&app, 80, 24).contains("Are you sure?"));
    key(&mut app, KeyCode::Char('y'));
    let s = &ss(&app).session();
    assert!(s.node(&target).is_none());
    assert!(
        s.action("a-k8w2").unwrap().addresses.is_empty(),
        "link removed, action kept"
    );
    assert!(s.validate().is_ok());
}

#[test]
fn undo_and_redo_every_edit() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "One");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "Two");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(ss(&app).session().root_causes().len(), 1);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(ss(&app).session().root_causes().len(), 0, "undo root cause");
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(
        answers(&app),
        vec![(0, "One".into())],
        "undo the whole typed answer in one step"
    );
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(answers(&app).len(), 2);
    ctrl(&mut app, 'y');
    assert_eq!(ss(&app).session().root_causes().len(), 1);
    // 150 edits, then 120 undos all succeed.
    key(&mut app, KeyCode::Down);
    for i in 0..150 {
        key(&mut app, KeyCode::Char(if i % 2 == 0 { 'f' } else { 'b' }));
    }
    for _ in 0..120 {
        key(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(app.status.as_ref().unwrap().text, "Undone.");
}

#[test]
fn root_cause_toggle_and_action_linking() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Problem");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "No idempotency key");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    let root = ss(&app).node_sel.clone().unwrap();
    assert!(screen(&app, 80, 24).contains("★"));
    key(&mut app, KeyCode::Char('3'));
    assert!(screen(&app, 80, 24).contains("1 root cause has no action"));
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Add idempotency keys");
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "Carlos");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "fri");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let action = &ss(&app).session().actions[0];
    assert_eq!(action.description, "Add idempotency keys");
    assert_eq!(action.owner.as_deref(), Some("Carlos"));
    assert_eq!(
        action.due.unwrap().to_string(),
        "2026-11-27",
        "fri from Sunday 22 Nov"
    );
    assert_eq!(action.addresses, vec![root]);
    assert!(ss(&app).session().unaddressed_root_causes().is_empty());
}

#[test]
fn owner_is_picked_from_participants_and_team_follows() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Write the runbook");
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "han");
    key(&mut app, KeyCode::Enter);
    let action = ss(&app).session().actions.last().unwrap();
    assert_eq!(action.owner.as_deref(), Some("Hannah Schulz"));
    assert_eq!(action.team.as_deref(), Some("Customer support"));
}

#[test]
fn a_time_that_does_not_parse_keeps_the_field_open() {
    let mut app = blank();
    down_to(&mut app, fivewhys::tui::field::Field::Started);
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "whenever");
    key(&mut app, KeyCode::Enter);
    assert!(ss(&app).editor().is_some());
    assert!(screen(&app, 80, 24).contains("could not read"));
    for _ in 0..8 {
        key(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "yesterday 9am");
    assert!(
        screen(&app, 80, 24).contains("Sat 2026-11-21 09:00"),
        "echo of the parsed time"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        ss(&app).session().intake.started.unwrap().to_string(),
        "2026-11-21T09:00:00Z"
    );
}

#[test]
fn paste_is_cleaned_of_escapes_and_controls() {
    let mut app = blank();
    key(&mut app, KeyCode::Enter);
    event(
        &mut app,
        Event::Paste("Evil\u{1b}]52;c;aGk=\u{7} title\u{1b}[2J\r\nnext".into()),
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(ss(&app).session().title, "TestEvil title next");
}

#[test]
fn ctrl_c_saves_what_is_being_typed_and_quits() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Half typed");
    let effects = ctrl(&mut app, 'c');
    assert!(effects.contains(&Effect::Quit));
    assert_eq!(ss(&app).session().problem_statement(), Some("Half typed"));
}

#[test]
fn read_only_sessions_refuse_edits_and_say_why() {
    let mut app = app_with(outage(), Some("another fivewhys (process 42)"));
    let before = ss(&app).session().clone();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(ss(&app).session().whys, before.whys);
    assert!(app.status.as_ref().unwrap().text.contains("Read-only"));
    assert!(screen(&app, 80, 24).contains("READ-ONLY"));
}

#[test]
fn stage_keys_jump_and_the_stage_goes_with_the_next_save() {
    let mut app = blank();
    for (k, stage) in [
        ('4', Stage::Review),
        ('3', Stage::Actions),
        ('2', Stage::Whys),
        ('1', Stage::Intake),
    ] {
        let effects = key(&mut app, KeyCode::Char(k));
        assert_eq!(ss(&app).stage(), stage);
        assert!(effects.is_empty(), "moving is not editing: {effects:?}");
        assert_eq!(ss(&app).snapshot(now().timestamp()).stage, stage);
    }
}

#[test]
fn home_and_back_hands_the_session_over_for_saving() {
    let mut app = blank();
    let effects = key(&mut app, KeyCode::Char('0'));
    assert_eq!(effects, vec![Effect::Close]);
    assert!(
        app.session().is_some(),
        "the session stays until the event loop says it was saved"
    );
    fivewhys::tui::update(&mut app, fivewhys::tui::Action::Closed(Default::default()));
    assert!(app.session().is_none());
}

#[test]
fn information_fades_but_errors_stay() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.status.as_ref().unwrap().text, "Timer running.");
    let later = now().timestamp() + jiff::SignedDuration::from_secs(7);
    fivewhys::tui::update(&mut app, fivewhys::tui::Action::Tick(later));
    assert!(app.status.is_none(), "info fades after a few seconds");
    fivewhys::tui::update(
        &mut app,
        fivewhys::tui::Action::Saved(Err("disk full".into())),
    );
    let much_later = later + jiff::SignedDuration::from_secs(60);
    fivewhys::tui::update(&mut app, fivewhys::tui::Action::Tick(much_later));
    assert!(
        app.status.as_ref().unwrap().text.contains("disk full"),
        "errors stay"
    );
    assert!(screen(&app, 80, 24).contains("NOT SAVED"));
}

#[test]
fn a_tree_of_250_answers_keeps_the_selection_in_view() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Problem");
    key(&mut app, KeyCode::Enter);
    for i in 0..250 {
        // Alternate deeper whys and sibling causes: a wide, deep tree.
        key(&mut app, KeyCode::Char(if i % 3 == 0 { 's' } else { 'w' }));
        typing(&mut app, &format!("answer number {i}"));
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(ss(&app).session().why_nodes().len(), 251);
    assert!(screen(&app, 80, 24).contains("answer number 249"));
    for _ in 0..300 {
        key(&mut app, KeyCode::Up);
    }
    assert!(
        screen(&app, 80, 24).contains("▣ Problem"),
        "back at the top"
    );
    for _ in 0..137 {
        key(&mut app, KeyCode::Down);
    }
    // The highlighted outline row (left pane) is on screen.
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let highlighted = |y: u16| {
        (0..30).all(|x| {
            buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
    };
    let rows: Vec<u16> = (2..23).filter(|&y| highlighted(y)).collect();
    assert!(
        (1..=3).contains(&rows.len()),
        "one highlighted answer (wrapped over a few rows): {rows:?}\n{}",
        screen(&app, 80, 24)
    );
    let row: String = (0..35)
        .map(|x| buffer[(x, rows[0])].symbol().to_string())
        .collect();
    assert!(row.contains("answer"), "{row}");
}

#[test]
fn a_long_answer_selected_at_the_bottom_shows_every_line_of_it() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('p'));
    typing(&mut app, "Problem");
    key(&mut app, KeyCode::Enter);
    for i in 0..40 {
        key(&mut app, KeyCode::Char('s'));
        typing(&mut app, &format!("answer number {i}"));
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Char('s'));
    typing(
        &mut app,
        &format!("the last answer{} ends HERE", " goes on".repeat(12)),
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::End);
    let text = screen(&app, 80, 24);
    // The outline: the left half of each row.
    let lines: Vec<String> = (text.lines())
        .map(|l| l.chars().take(40).collect())
        .collect();
    let last = lines
        .iter()
        .position(|l| l.contains("HERE"))
        .expect("the end of the answer");
    let first = lines
        .iter()
        .position(|l| l.contains("the last answer"))
        .unwrap();
    assert!(last > first + 1, "wrapped over several rows:\n{text}");
    assert!(
        lines[first - 1].contains("answer number 39"),
        "the answer before it sits just above:\n{text}"
    );
    assert!(
        lines[2].contains("answer number"),
        "rows before it fill the pane from the top:\n{text}"
    );
}

#[test]
fn when_the_selected_answer_goes_the_one_above_its_place_is_selected() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('2'));
    for (k, text) in [
        ('p', "Problem"),
        ('w', "first why"),
        ('w', "deeper"),
        ('s', "beside"),
    ] {
        key(&mut app, KeyCode::Char(k));
        typing(&mut app, text);
        key(&mut app, KeyCode::Enter);
    }
    let selected = |app: &fivewhys::tui::App| {
        let ss = ss(app);
        let id = ss.node_sel.clone().expect("a selection");
        ss.session().node(&id).expect("an answer").answer.clone()
    };
    key(&mut app, KeyCode::Up);
    assert_eq!(selected(&app), "deeper");
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(selected(&app), "first why", "deleted: the answer above it");
    key(&mut app, KeyCode::Char('u'));
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char('s'));
    typing(&mut app, "added");
    key(&mut app, KeyCode::Enter);
    assert_eq!(selected(&app), "added");
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(selected(&app), "beside", "undone: the answer above it");
}

#[test]
fn adding_a_participant_and_typing_is_one_undo_step() {
    let mut app = blank();
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Ana Silva");
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "Customer support");
    key(&mut app, KeyCode::Enter);
    let p = &ss(&app).session().participants;
    assert_eq!(
        (p[0].name.as_str(), p[0].team.as_str()),
        ("Ana Silva", "Customer support")
    );
    // Typed in one go, Tab from field to field: one step, as for an
    // answer and its question.
    key(&mut app, KeyCode::Char('u'));
    assert!(
        ss(&app).session().participants.is_empty(),
        "undo the new participant with its name and team"
    );
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(ss(&app).session().participants[0].team, "Customer support");
}

#[test]
fn home_with_a_thousand_sessions_keeps_the_selection_in_view() {
    use fivewhys::store::{Listing, SessionSummary};
    use fivewhys::tui::app::{HomeState, Screen};
    let base = outage();
    let sessions = (0..1000)
        .map(|i| {
            let mut s = base.clone();
            s.id = format!("id{i:04}");
            SessionSummary::of(&s, format!("/d/{i}.json").into())
        })
        .collect();
    let mut app = fivewhys::tui::App::new(
        fivewhys::tui::theme::Theme::named(fivewhys::tui::theme::ThemeName::Dark),
        now(),
    );
    app.screen = Screen::Home(Box::new(HomeState {
        listing: Listing {
            sessions,
            unreadable: Vec::new(),
            ..Listing::default()
        },
        ..HomeState::default()
    }));
    for _ in 0..537 {
        key(&mut app, KeyCode::Down);
    }
    let shown = screen(&app, 80, 24);
    let selected = shown.lines().find(|l| l.starts_with('▸')).unwrap();
    assert!(selected.contains("id0537"), "{shown}");
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::Open("/d/537.json".into())]);
}

#[test]
fn owner_picked_from_participants_and_the_team_follows() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    // Action 1 is owned by Mei Lin (Platform engineering).
    key(&mut app, KeyCode::Char('o'));
    assert!(screen(&app, 80, 24).contains("Who owns this action?"));
    // Participants: Jonas, Mei, Carlos, Hannah, ...; pick Hannah.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let a = &ss(&app).session().actions[0];
    assert_eq!(a.owner.as_deref(), Some("Hannah Schulz"));
    assert_eq!(
        a.team.as_deref(),
        Some("Customer support"),
        "team followed the owner"
    );
    // A team typed by hand stays when the owner changes.
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "Checkout squad");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    let a = &ss(&app).session().actions[0];
    assert_eq!(a.team.as_deref(), Some("Checkout squad"));
}

#[test]
fn a_long_status_message_is_shown_whole() {
    let mut app = app_with(outage(), None);
    let path = "/home/facilitator/.local/share/fivewhys/exports/2026-11-03-checkout-outage-during-the-autumn-sale-k3f9ab.txt";
    fivewhys::tui::update(
        &mut app,
        fivewhys::tui::Action::Copied(format!(
            "Copied the text summary to the terminal (OSC 52); saved to {path}."
        )),
    );
    let shown: String = screen(&app, 80, 24).lines().map(str::trim_end).collect();
    assert!(shown.contains("k3f9ab.txt."), "{shown}");
}

#[test]
fn a_problem_statement_written_on_intake_shows_on_whys() {
    let mut app = blank();
    // Whys drawn first, so the screen holds an outline of the empty tree.
    key(&mut app, KeyCode::Char('2'));
    assert!(screen(&app, 80, 24).contains("No problem statement yet"));
    key(&mut app, KeyCode::Char('1'));
    ss_mut(&mut app).intake_sel = 2;
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "Pay fails");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('2'));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("▣ Pay fails"), "{shown}");
    assert!(shown.contains("Problem A · 1 of 1"), "{shown}");
    // Asking why asks it of that statement, not of a new one.
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "Card network down");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app),
        vec![(0, "Pay fails".into()), (1, "Card network down".into())]
    );
}

#[test]
fn a_time_zone_this_machine_does_not_know_is_said_and_times_show_in_utc() {
    let mut session = outage();
    session.time_zone = Some("Mars/Olympus_Mons".into());
    let app = app_with(session, None);
    let status = app.status.as_ref().unwrap().text.clone();
    assert!(
        status.contains("\"Mars/Olympus_Mons\" is not known on this machine"),
        "{status}"
    );
    assert_eq!(
        ss(&app).zoned(&app.now).time_zone(),
        &jiff::tz::TimeZone::UTC,
        "as the summary shows them"
    );
}
