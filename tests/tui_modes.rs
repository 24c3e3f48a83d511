//! Every mode has a way out, and every key named on screen is the key the
//! table binds. The walk starts from the session list and from each stage,
//! presses every key the table binds in each mode it finds, and so reaches
//! every mode a facilitator can; then it checks how each one is left.

mod common;

use std::collections::BTreeMap;

use common::driver::Driver;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::Stage;
use fivewhys::tui::Action;
use fivewhys::tui::effect::Effect;
use fivewhys::tui::keymap::{self, Context, Key};
use fivewhys::tui::mode::Mode;

fn press(k: &Key) -> KeyEvent {
    KeyEvent::new(k.code, k.mods)
}

/// Where each walk starts.
fn starts() -> Vec<(String, Vec<Key>)> {
    let mut out = vec![("home".to_string(), Vec::new())];
    for stage in Stage::ALL {
        out.push((format!("session at {}", stage.label()), Vec::new()));
    }
    out.push(("session with a clash".to_string(), Vec::new()));
    out
}

fn fresh(start: &str) -> Driver {
    if start == "home" {
        return Driver::home(vec![outage()]);
    }
    if start == "session with a clash" {
        // Fields changed here and elsewhere, waiting to be settled.
        return Driver::open(with_clashes(outage()));
    }
    let mut d = Driver::open(outage());
    let digit = match start {
        "session at Intake" => '1',
        "session at Whys" => '2',
        "session at Actions" => '3',
        _ => '4',
    };
    d.key(KeyEvent::new(KeyCode::Char(digit), KeyModifiers::NONE));
    d
}

fn replay(start: &str, keys: &[Key]) -> Driver {
    let mut d = fresh(start);
    for k in keys {
        d.key(press(k));
    }
    d
}

/// Every mode reachable through the key table, with a way to reach it.
fn reachable() -> BTreeMap<Mode, (String, Vec<Key>)> {
    let mut found: BTreeMap<Mode, (String, Vec<Key>)> = BTreeMap::new();
    let mut queue = Vec::new();
    // Every start is walked from (a session with a clash opens on a
    // stage another start reaches too, but only it reaches settling).
    for (start, keys) in starts() {
        let mode = replay(&start, &keys).app.mode();
        found
            .entry(mode)
            .or_insert_with(|| (start.clone(), keys.clone()));
        queue.push((start, keys));
    }
    while let Some((start, keys)) = queue.pop() {
        let mode = replay(&start, &keys).app.mode();
        for binding in keymap::contexts(mode.contexts()) {
            if binding.action == Action::Quit {
                continue;
            }
            for k in binding.keys {
                let mut longer = keys.clone();
                longer.push(*k);
                let next = replay(&start, &longer).app.mode();
                if let std::collections::btree_map::Entry::Vacant(e) = found.entry(next) {
                    e.insert((start.clone(), longer.clone()));
                    queue.push((start.clone(), longer));
                }
            }
        }
    }
    found
}

/// The key a mode documents for leaving it: Back (Esc) where it has one,
/// the session list from a stage, quitting from the list itself.
fn way_out(mode: Mode) -> (Context, Action) {
    match mode {
        Mode::Stage(_) => (Context::Session, Action::GoHome),
        Mode::Home => (Context::Home, Action::Quit),
        other => (
            other
                .contexts()
                .iter()
                .copied()
                .find(|c| *c != Context::Always && keymap::binding(*c, &Action::Back).is_some())
                .unwrap_or(Context::Always),
            Action::Back,
        ),
    }
}

#[test]
fn the_walk_reaches_every_mode() {
    let found = reachable();
    let all = [
        Mode::Help,
        Mode::Home,
        Mode::FollowUps,
        Mode::Filter,
        Mode::TitleBox,
        Mode::Confirm,
        Mode::Pick,
        Mode::PickMany,
        Mode::Settle,
        Mode::Editing,
        Mode::Presenter,
        Mode::Stage(Stage::Intake),
        Mode::Stage(Stage::Whys),
        Mode::Stage(Stage::Actions),
        Mode::Stage(Stage::Review),
    ];
    for mode in all {
        assert!(found.contains_key(&mode), "{mode:?} was never reached");
    }
}

#[test]
fn every_mode_is_left_by_its_documented_key_not_only_ctrl_c() {
    for (mode, (start, keys)) in reachable() {
        let (context, action) = way_out(mode);
        let binding = keymap::binding(context, &action)
            .unwrap_or_else(|| panic!("{mode:?} has no {action:?} key in {context:?}"));
        assert!(
            mode.contexts().contains(&context),
            "{mode:?}: the way out is not active there"
        );
        let mut d = replay(&start, &keys);
        assert_eq!(d.app.mode(), mode);
        let effects = d.key(press(&binding.keys[0]));
        if mode == Mode::Home {
            assert!(effects.contains(&Effect::Quit), "q quits from the list");
            continue;
        }
        assert_ne!(
            d.app.mode(),
            mode,
            "{mode:?} not left by {:?}",
            binding.keys[0]
        );
        assert!(
            !effects.contains(&Effect::Quit),
            "leaving {mode:?} must not quit"
        );
    }
}

#[test]
fn esc_leaves_every_overlay_popup_field_filter_and_the_presenter_view() {
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    for (mode, (start, keys)) in reachable() {
        if matches!(mode, Mode::Home | Mode::Stage(_)) {
            continue;
        }
        let mut d = replay(&start, &keys);
        let effects = d.key(esc);
        assert_ne!(d.app.mode(), mode, "Esc did not leave {mode:?}");
        assert!(!effects.contains(&Effect::Quit));
    }
}

#[test]
fn help_closes_with_esc_question_mark_and_q_and_scrolls() {
    for close in ['\u{1b}', '?', 'q'] {
        let mut d = Driver::open(outage());
        d.key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
        d.key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
        assert_eq!(d.app.mode(), Mode::Help);
        let code = if close == '\u{1b}' {
            KeyCode::Esc
        } else {
            KeyCode::Char(close)
        };
        d.key(KeyEvent::new(code, KeyModifiers::NONE));
        assert_eq!(
            d.app.mode(),
            Mode::Stage(Stage::Whys),
            "{close:?} closes help"
        );
    }
    let mut d = Driver::open(outage());
    d.key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE));
    d.key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    let scroll = |d: &Driver| match d.app.help {
        fivewhys::tui::app::Help::Open { scroll } => scroll,
        _ => panic!("help closed"),
    };
    d.key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
    let bottom = scroll(&d);
    assert!(bottom > 20, "there is more help than fits: {bottom}");
    d.key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    assert_eq!(scroll(&d), bottom, "never scrolls past the end");
    d.key(KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE));
    assert!(scroll(&d) < bottom);
    d.key(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
    assert_eq!(scroll(&d), 0);
    // The keys of the screen below come first.
    let shown = screen(&d.app, 80, 24);
    assert!(shown.contains("Intake (here)"), "{shown}");
}

#[test]
fn every_mode_renders_its_hints_from_the_table() {
    // `keymap::hint` panics in debug builds when asked for a key the table
    // does not bind in that context, so drawing every mode at two sizes
    // checks every hint on every screen.
    for (mode, (start, keys)) in reachable() {
        let d = replay(&start, &keys);
        for (w, h) in [(80, 24), (120, 40), (40, 10)] {
            let shown = screen(&d.app, w, h);
            assert!(!shown.contains("(no key)"), "{mode:?} at {w}x{h}:\n{shown}");
        }
    }
}

#[test]
fn no_key_name_is_written_by_hand_outside_the_key_table() {
    let named = regex::Regex::new(
        r#"\b(Esc|Enter|Shift-Tab|PgUp|PgDn|Backspace|Ctrl-[A-Za-z]|Alt-\w+)\b|(^|[\s"])\([a-zA-Z0-9?/]\)|\b[Pp]ress [a-zA-Z0-9?/]\b|\bstage [0-9]\b|\b[a-zA-Z0-9?/] (adds|edits|undoes|cancels|closes|clears|ticks|saves|chooses)\b|\b(Tab|Space)( |:)"#,
    )
    .unwrap();
    let literal = regex::Regex::new(r#""([^"\\]|\\.)*""#).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut offences = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("keymap") {
                    stack.push(path);
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                for lit in literal.find_iter(line) {
                    if named.is_match(lit.as_str()) {
                        offences.push(format!("{}:{}: {}", path.display(), n + 1, lit.as_str()));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "key names written by hand:\n{}",
        offences.join("\n")
    );
}

#[test]
fn presenter_view_is_left_with_esc_and_v() {
    for leave in [KeyCode::Esc, KeyCode::Char('v')] {
        let mut d = Driver::open(outage());
        d.key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
        d.key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE));
        assert_eq!(d.app.mode(), Mode::Presenter);
        d.key(KeyEvent::new(leave, KeyModifiers::NONE));
        assert_eq!(d.app.mode(), Mode::Stage(Stage::Whys));
    }
}
