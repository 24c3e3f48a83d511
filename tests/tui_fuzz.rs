//! Random keys, pastes and resizes through the real keymap, `update` and
//! `render` at random sizes from 1×1 to 200×60: no panic, and the session
//! stays valid after every step. The run reports how its events were spread
//! over modes and stages, and fails if one mode took more than half of them:
//! a run parked in one place tests nothing else.

mod common;

use std::collections::BTreeMap;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::Outline;
use fivewhys::tui::app::Screen;
use fivewhys::tui::{Action, Effect, keymap, update};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    // Weighted so that runs move between modes: command keys of every
    // stage, typing, and the keys that leave fields and popups (Esc,
    // Enter, Tab) often enough that no mode keeps most of the events.
    prop_oneof![
        6 => prop::sample::select(
            "wsprfbnxoKJhlakmetvBuU01234123491234?/nyjjkk qc".chars().collect::<Vec<_>>()
        ).prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Esc, KeyCode::Esc, KeyCode::Esc, KeyCode::Enter, KeyCode::Enter,
            KeyCode::Tab, KeyCode::BackTab, KeyCode::Up, KeyCode::Down, KeyCode::Left,
            KeyCode::Right, KeyCode::Backspace, KeyCode::Delete, KeyCode::PageUp,
            KeyCode::PageDown, KeyCode::Home, KeyCode::End,
        ]),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
    ]);
    prop_oneof![
        40 => (key_code(), mods).prop_map(|(k, m)| Input::Key(k, m)),
        1 => "(\\PC|\u{1b}\\[[0-9;]*[A-Za-z]|\u{1b}\\]52;c;[a-z]*\u{7}|\u{202e}|\n|\t){0,40}".prop_map(Input::Paste),
        1 => (1u16..=200, 1u16..=60).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(3), max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_events_never_panic_and_keep_the_session_valid(
        events in prop::collection::vec(input(), 10_000..=10_000),
        start_w in 1u16..=200,
        start_h in 1u16..=60,
    ) {
        // With clashes to settle, so settling is walked through too.
        let mut app = app_with(with_clashes(outage()), None);
        let (mut w, mut h) = (start_w, start_h);
        let mut closed = None;
        let mut modes: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut stages: BTreeMap<&'static str, usize> = BTreeMap::new();
        let total = events.len();
        for (step, input) in events.into_iter().enumerate() {
            *modes.entry(app.mode().name()).or_default() += 1;
            if let Some(ss) = app.session() {
                *stages.entry(ss.stage().label()).or_default() += 1;
            }
            let event = match input {
                Input::Key(code, mods) => Event::Key(KeyEvent::new(code, mods)),
                Input::Paste(text) => Event::Paste(text),
                Input::Resize(nw, nh) => {
                    (w, h) = (nw, nh);
                    Event::Resize(nw, nh)
                }
            };
            let effects = match keymap::action_for(app.contexts(), event) {
                Some(action) => update(&mut app, action),
                None => Vec::new(),
            };
            // Play the part of the event loop for opening and closing.
            for effect in effects {
                match effect {
                    Effect::Close => {
                        if let Screen::Session(ss) = &app.screen {
                            closed = Some(Box::new(ss.snapshot(now().timestamp())));
                        }
                        update(&mut app, Action::Closed(Default::default()));
                    }
                    Effect::Open(path) | Effect::Trash(path) => {
                        if let Some(session) = closed.take() {
                            update(&mut app, Action::SessionOpened { session, path, read_only: None });
                        }
                    }
                    _ => {}
                }
            }
            if let Screen::Home(_) = app.screen
                && let Some(session) = closed.take()
            {
                update(&mut app, Action::SessionOpened { session, path: "/x.json".into(), read_only: None });
            }
            if let Screen::Session(ss) = &app.screen {
                prop_assert!(ss.session().validate().is_ok(), "step {step}: {:?}", ss.session().validate());
                let text = fivewhys::store::to_text(ss.session());
                prop_assert!(!text.contains('\u{1b}'), "step {step}: an escape reached the session");
                // The outline kept between keys is the one the session has now.
                prop_assert_eq!(ss.outline(), &Outline::of(ss.session()), "step {}: a stale outline", step);
            }
            // Rendering every step at small sizes, and every 16th at any
            // size, keeps the run quick while covering every size class.
            if true {
                draw(&app, w, h);
            }
        }
        draw(&app, w, h);
        let spread = |counts: &BTreeMap<&str, usize>| {
            counts
                .iter()
                .map(|(k, n)| format!("{k} {:.0}%", *n as f64 * 100.0 / total as f64))
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("events by mode: {}", spread(&modes));
        println!("events by stage: {}", spread(&stages));
        let (busiest, most) = modes.iter().max_by_key(|(_, n)| **n).unwrap();
        prop_assert!(
            *most * 2 <= total,
            "{busiest} took {most} of {total} events; by mode: {}",
            spread(&modes)
        );
    }
}
