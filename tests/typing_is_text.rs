//! No key typed as text ever becomes a command. A question and an answer
//! typed in every order a facilitator might (question first, Tab first,
//! Shift-Tab, Esc and back) give exactly the tree intended, with the
//! timer untouched; a paste without paste brackets (keys that arrive in
//! one burst) goes into a field on every stage, running no command.

mod common;

use std::time::{Duration, Instant};

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::{Session, Stage};
use fivewhys::tui::app::App;
use fivewhys::tui::burst::{Timed, coalesce};
use fivewhys::tui::mode::Mode;

/// A session with one problem statement, open on Whys with it selected,
/// its timer running.
fn whys() -> (App, String) {
    let mut s = Session::new("Typing", now().timestamp());
    let root = s.add_problem_statement("Checkout failed");
    s.stage = Stage::Whys;
    let mut app = app_with(s, None);
    // A new session's timer waits for the first change; `t` starts it.
    assert!(ss(&app).timer.waiting());
    key(&mut app, KeyCode::Char('t'));
    assert!(ss(&app).timer.running());
    (app, root)
}

/// A key by name: a character, or Tab, BackTab, Enter, Esc.
fn press(app: &mut App, k: &str) {
    let code = match k {
        "Tab" => Some(KeyCode::Tab),
        "BackTab" => Some(KeyCode::BackTab),
        "Enter" => Some(KeyCode::Enter),
        "Esc" => Some(KeyCode::Esc),
        _ => None,
    };
    match code {
        Some(code) => {
            key(app, code);
        }
        None => typing(app, k),
    }
}

#[test]
fn a_question_and_an_answer_typed_in_any_order_make_one_answer_with_both() {
    let (q, a) = ("Why did the pool run dry", "Retries doubled the load");
    let orders: Vec<Vec<&str>> = vec![
        // The answer first, then its question: Tab goes to it.
        vec!["w", a, "Tab", q, "Enter"],
        // The question first with q; Enter moves on to the answer.
        vec!["q", q, "Enter", a, "Enter"],
        // The question first after w: Tab goes straight to it.
        vec!["w", "Tab", q, "Enter", a, "Enter"],
        // The question first, Tab round to the answer.
        vec!["w", "Tab", q, "Tab", "Tab", a, "Enter"],
        // Shift-Tab the other way round to the question and back.
        vec!["w", "BackTab", "BackTab", q, "BackTab", a, "Enter"],
        // Round every field (the old trap: Tab took the new answer back).
        vec!["w", "Tab", "Tab", "Tab", "Tab", q, "Tab", "Tab", a, "Enter"],
        // The question, Esc, then back to the answer later.
        vec!["q", q, "Esc", "Enter", a, "Esc"],
        // The answer, Esc, back into it, Tab to the question.
        vec!["w", a, "Esc", "Enter", "Tab", q, "Enter"],
    ];
    for order in orders {
        let (mut app, root) = whys();
        let before = ss(&app).session().clone();
        for k in &order {
            press(&mut app, k);
        }
        assert_eq!(
            app.mode(),
            Mode::Stage(Stage::Whys),
            "{order:?} ends browsing"
        );
        let s = ss(&app).session();
        let root_node = s.node(&root).unwrap();
        assert_eq!(root_node.children.len(), 1, "{order:?}: one new answer");
        let new = &root_node.children[0];
        assert_eq!(new.answer, a, "{order:?}");
        assert_eq!(new.question, q, "{order:?}");
        assert!(
            !new.root_cause && !root_node.root_cause,
            "{order:?}: no mark"
        );
        assert!(ss(&app).timer.running(), "{order:?}: the timer still runs");
        assert_eq!(s.actions, before.actions);
        assert_eq!(s.whys.len(), 1, "{order:?}: no new problem statement");
        // Undo takes the answer back, question and all: one step for
        // one visit (Esc and back in again is a second).
        let reopened = order[..order.len() - 1].iter().filter(|k| **k == "Esc");
        let visits = 1 + reopened.count();
        for _ in 0..visits {
            key(&mut app, KeyCode::Char('u'));
        }
        assert_eq!(
            ss(&app).session().whys,
            before.whys,
            "{order:?}: {visits} undo step(s)"
        );
    }
}

#[test]
fn a_problem_statement_is_never_marked_a_root_cause() {
    let (mut app, root) = whys();
    key(&mut app, KeyCode::Char('r'));
    assert!(!ss(&app).session().node(&root).unwrap().root_cause);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("root causes are among the answers")
    );
}

/// `text` as a terminal without paste brackets sends it: one key event
/// per character, read microseconds apart.
fn unbracketed(text: &str) -> Vec<Timed> {
    let start = Instant::now();
    text.chars()
        .enumerate()
        .map(|(i, c)| Timed {
            at: start + Duration::from_micros(10 * i as u64),
            event: Event::Key(KeyEvent::new(
                match c {
                    '\n' => KeyCode::Enter,
                    '\t' => KeyCode::Tab,
                    c => KeyCode::Char(c),
                },
                KeyModifiers::NONE,
            )),
        })
        .collect()
}

/// A 300-character paste made of command keys, new lines and tabs.
fn hostile_paste() -> String {
    let mut text = String::from("x\nATTACH:http://evil ");
    while text.len() < 300 {
        text.push_str("wrspamxfbnotTBuUv?0123 4jk\t");
    }
    text.truncate(300);
    text
}

/// What commands would change: everything but the words of fields.
#[derive(Debug, PartialEq)]
struct Shape {
    mode: Mode,
    stage: Stage,
    timer: bool,
    nodes: Vec<(usize, String, bool)>,
    actions: usize,
    people: usize,
}

fn shape(app: &App) -> Shape {
    let ss = ss(app);
    let s = ss.session();
    Shape {
        mode: app.mode(),
        stage: ss.stage(),
        timer: ss.timer.running(),
        nodes: s
            .why_nodes()
            .iter()
            .map(|(d, n)| (*d, n.id.clone(), n.root_cause))
            .collect(),
        actions: s.actions.len(),
        people: s.participants.len(),
    }
}

#[test]
fn an_unbracketed_paste_on_every_stage_runs_no_command() {
    let paste = hostile_paste();
    for stage in ['1', '2', '3', '4'] {
        let mut app = app_with(outage(), None);
        key(&mut app, KeyCode::Char(stage));
        key(&mut app, KeyCode::Char('t'));
        assert!(ss(&app).timer.running());
        let before = shape(&app);
        for ev in coalesce(unbracketed(&paste)) {
            event(&mut app, ev);
        }
        let after = shape(&app);
        // The paste may open the selected text field; nothing else moves.
        assert!(
            after.mode == Mode::Editing || after.mode == before.mode,
            "stage {stage}: {:?}",
            after.mode
        );
        assert_eq!(
            Shape {
                mode: before.mode,
                ..after
            },
            before,
            "stage {stage}: a command ran"
        );
        key(&mut app, KeyCode::Esc);
        assert_eq!(shape(&app).nodes, before.nodes, "stage {stage}");
    }
    // On the list: the paste is what to look for.
    let mut d = common::driver::Driver::home(vec![outage()]);
    for ev in coalesce(unbracketed(&paste)) {
        d.event(ev);
    }
    assert_eq!(d.app.mode(), Mode::Filter);
    assert!(d.effects.iter().all(|e| !matches!(
        e,
        fivewhys::tui::Effect::Create { .. } | fivewhys::tui::Effect::Trash(_)
    )));
}

#[test]
fn a_paste_with_a_new_line_into_an_open_answer_stays_in_it() {
    let (mut app, root) = whys();
    key(&mut app, KeyCode::Char('w'));
    for ev in coalesce(unbracketed("x\nATTACH:http://evil")) {
        event(&mut app, ev);
    }
    assert_eq!(app.mode(), Mode::Editing, "Enter in a paste is text");
    key(&mut app, KeyCode::Enter);
    let s = ss(&app).session();
    let root_node = s.node(&root).unwrap();
    assert_eq!(root_node.children.len(), 1);
    assert_eq!(root_node.children[0].answer, "x ATTACH:http://evil");
    assert!(!root_node.root_cause);
    assert_eq!(s.whys.len(), 1);
}

#[test]
fn keys_typed_by_hand_are_still_commands() {
    let (mut app, root) = whys();
    let start = Instant::now();
    let typed: Vec<Timed> = ["w", "x"]
        .iter()
        .enumerate()
        .map(|(i, c)| Timed {
            at: start + Duration::from_millis(80 * i as u64),
            event: Event::Key(KeyEvent::new(
                KeyCode::Char(c.chars().next().unwrap()),
                KeyModifiers::NONE,
            )),
        })
        .collect();
    for ev in coalesce(typed) {
        event(&mut app, ev);
    }
    assert_eq!(app.mode(), Mode::Editing, "w opened a new answer");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        ss(&app).session().node(&root).unwrap().children[0].answer,
        "x"
    );
}

#[test]
fn the_real_binary_takes_a_paste_without_brackets_as_text() {
    let data = tempfile::tempdir().unwrap();
    let store = fivewhys::store::Store::open(data.path()).unwrap();
    let (_, path) = store.import(&common::outage_file(), false).unwrap();
    let before = fivewhys::store::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut screen = common::pty::Pty::start(data.path(), &["open", "k3f9ab"]);
    screen.wait_for("Checkout outage");
    screen.send("2");
    screen.wait_for("Problem A · 1 of 2");
    // All at once, as a terminal without bracketed paste sends a paste.
    screen.send_now(&hostile_paste().replace('\n', "\r"));
    screen.wait_for("ATTACH");
    screen.send("\u{1b}");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let after = fivewhys::store::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let marks = |s: &Session| {
        s.why_nodes()
            .iter()
            .map(|(d, n)| (*d, n.id.clone(), n.root_cause, n.confidence))
            .collect::<Vec<_>>()
    };
    assert_eq!(marks(&after), marks(&before), "no answer added or marked");
    assert_eq!(after.actions, before.actions);
    assert_eq!(after.participants, before.participants);
    assert!(
        after.whys[0].answer.contains("x ATTACH:http://evil wrspam"),
        "the paste is in the selected answer: {}",
        after.whys[0].answer
    );
}

#[test]
fn an_item_added_and_left_empty_is_taken_back_when_the_first_change_stamps_the_session() {
    // A session last changed long ago and with no time zone yet: the add
    // stamps both, which must not count as something typed.
    let mut session = outage();
    session.time_zone = None;
    let mut app = fivewhys::tui::App::new(
        fivewhys::tui::theme::Theme::named(fivewhys::tui::theme::ThemeName::Dark),
        now(),
    );
    session.updated = "2026-01-05T09:00:00Z".parse().unwrap();
    fivewhys::tui::update(
        &mut app,
        fivewhys::tui::Action::SessionOpened {
            session: Box::new(session.clone()),
            path: "/nonexistent/s.json".into(),
            read_only: None,
        },
    );
    for (stage, add) in [('2', 'w'), ('2', 's'), ('3', 'a'), ('1', 'a'), ('1', 'm')] {
        key(&mut app, KeyCode::Char(stage));
        key(&mut app, KeyCode::Char(add));
        assert_eq!(app.mode(), Mode::Editing, "{stage}{add}");
        key(&mut app, KeyCode::Esc);
        let s = ss(&app).session();
        assert_eq!(s.updated, session.updated, "{stage}{add}: not stamped");
        assert_eq!(s.time_zone, None, "{stage}{add}: not stamped");
        assert_eq!(s.whys, session.whys, "{stage}{add} then Esc");
        assert_eq!(s.actions.len(), session.actions.len(), "{stage}{add}");
        assert_eq!(s.participants, session.participants, "{stage}{add}");
        assert_eq!(
            s.intake.key_moments, session.intake.key_moments,
            "{stage}{add}"
        );
    }
}

#[test]
fn tab_goes_through_every_field_of_a_new_action_lists_included() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('3'));
    let before = ss(&app).session().actions.len();
    key(&mut app, KeyCode::Char('a'));
    typing(&mut app, "Page on pool saturation");
    // Owner, team, due: text; priority, status: lists; then the note.
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.mode(), Mode::Pick, "the priority's list");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::Pick, "the status's list");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::Editing, "the note");
    typing(&mut app, "ask Mei");
    key(&mut app, KeyCode::Enter);
    let s = ss(&app).session();
    assert_eq!(s.actions.len(), before + 1);
    let added = s.actions.last().unwrap();
    assert_eq!(added.description, "Page on pool saturation");
    assert_eq!(added.note, "ask Mei");
    // Shift-Tab from a list goes back.
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.mode(), Mode::Editing, "back to the due date");
    key(&mut app, KeyCode::Esc);
}

#[test]
fn a_key_is_named_in_the_footer_only_for_what_it_does_there() {
    use fivewhys::tui::keymap::{Context, footer};
    let hints = footer(&[Context::PickMany, Context::Pick, Context::Always]);
    let enters: Vec<&str> = hints
        .iter()
        .filter(|h| h.key == "Enter")
        .map(|h| h.label)
        .collect();
    assert_eq!(
        enters,
        ["save"],
        "Enter saves the ticks; it does not also choose"
    );
}
