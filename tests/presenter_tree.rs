//! The whole why tree for the room (`t` in the presenter view, `fivewhys
//! present --tree`): every problem statement and answer joined by tree
//! guides, laid out to fit the window, the selected path highlighted.
//! Snapshots are under tests/snapshots/.

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::model::{Confidence, Session};
use fivewhys::tui::app::App;

/// Two problem statements: the first with two causes at depth 2, the
/// second a chain of eight.
fn two_problems() -> Session {
    let mut s = Session::with_id(
        "tr33vw".into(),
        "Late deliveries, north region",
        now().timestamp(),
    );
    let answer = |s: &mut Session, parent: &str, words: &str, sure: Confidence| {
        let id = s.ask_why(parent).unwrap();
        let node = s.node_mut(&id).unwrap();
        node.answer = words.into();
        node.confidence = sure;
        id
    };
    let a =
        s.add_problem_statement("Orders from the north warehouse arrived two days late for a week");
    let a1 = answer(
        &mut s,
        &a,
        "The carrier missed the Tuesday and Thursday pickups",
        Confidence::Fact,
    );
    let a2 = answer(
        &mut s,
        &a1,
        "The pickup slot was moved without telling the warehouse team",
        Confidence::Fact,
    );
    answer(
        &mut s,
        &a2,
        "Slot changes reach only the transport planner's inbox",
        Confidence::Belief,
    );
    let sibling = answer(
        &mut s,
        &a1,
        "Nobody compares the pickup schedule with the carrier's own",
        Confidence::Unsure,
    );
    s.node_mut(&sibling).unwrap().root_cause = true;
    answer(
        &mut s,
        &a,
        "Packing ran behind after the scanner outage",
        Confidence::NotRated,
    );
    let b = s.add_problem_statement("Customers were told nothing for three days");
    let chain = [
        "Support saw the complaints but had no delivery data",
        "The delivery dashboard only covers the south region",
        "The north warehouse joined after the dashboard was built",
        "Adding a warehouse needs a data engineer",
        "The one data engineer was on leave",
        "Nobody else knows the pipeline",
        "The pipeline was never documented",
        "Documentation is not part of done for data work",
    ];
    let mut parent = b;
    for (i, words) in chain.iter().enumerate() {
        parent = answer(
            &mut s,
            &parent,
            words,
            if i % 2 == 0 {
                Confidence::Fact
            } else {
                Confidence::Belief
            },
        );
    }
    s.node_mut(&parent).unwrap().root_cause = true;
    s
}

fn tree_of(select: &str) -> App {
    let mut app = app_with(two_problems(), None);
    key(&mut app, KeyCode::Char('2'));
    for _ in 0..40 {
        let id = ss(&app).node_sel.clone().unwrap();
        if ss(&app)
            .session()
            .node(&id)
            .unwrap()
            .answer
            .starts_with(select)
        {
            break;
        }
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('t'));
    app
}

#[test]
fn the_whole_tree_fits_the_window_with_its_branches_visible() {
    let app = tree_of("Nobody else knows");
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&app, w, h);
        for words in [
            "Orders from the north",
            "The carrier missed",
            "The pickup slot was moved",
            "Nobody compares",
            "Packing ran behind",
            "Customers were told nothing",
            "Nobody else knows the pipeline",
            "Documentation is not part",
        ] {
            assert!(shown.contains(words), "{w}x{h} shows {words:?}:\n{shown}");
        }
        assert!(
            shown.contains("├─ ") && shown.contains("└─ ") && shown.contains("│  "),
            "{w}x{h}: guides join the answers:\n{shown}"
        );
        assert!(shown.contains("○ ★ Nobody compares"), "marks:\n{shown}");
        insta::assert_snapshot!(format!("tree_{w}x{h}"), shown);
    }
}

#[test]
fn the_selected_path_is_highlighted_and_t_goes_back_to_the_question() {
    let mut app = tree_of("The one data engineer");
    let theme = fivewhys::tui::theme::Theme::named(fivewhys::tui::theme::ThemeName::Dark);
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let style_of = |words: &str| {
        let text = screen(&app, 120, 40);
        let (y, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(words))
            .unwrap();
        let x = unicode_width::UnicodeWidthStr::width(&line[..line.find(words).unwrap()]);
        buffer[(x as u16, y as u16)].style()
    };
    assert_eq!(
        style_of("The one data engineer").add_modifier,
        theme.selected.add_modifier
    );
    assert_eq!(
        style_of("Adding a warehouse").fg,
        theme.accent.fg,
        "on the path"
    );
    assert_ne!(
        style_of("Packing ran behind").fg,
        theme.accent.fg,
        "off the path"
    );
    key(&mut app, KeyCode::Char('t'));
    assert!(
        screen(&app, 80, 24).contains("Why 5 of 5"),
        "the question again"
    );
    key(&mut app, KeyCode::Char('t'));
    key(&mut app, KeyCode::Up);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Adding a warehouse"),
        "moving keeps the tree:\n{shown}"
    );
}

#[test]
fn a_tree_too_tall_for_the_window_keeps_the_selection_in_view() {
    let app = tree_of("Documentation is not part");
    let shown = screen(&app, 80, 14);
    assert!(shown.contains("Documentation is not part"), "{shown}");
    assert!(
        shown.contains("more lines above"),
        "says what is left out:\n{shown}"
    );
    insta::assert_snapshot!("tree_80x14", shown);
}

#[test]
fn the_tree_is_for_one_look_the_next_v_shows_what_the_stage_shows() {
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('t'));
    assert!(ss(&app).tree);
    key(&mut app, KeyCode::Esc);
    assert!(!ss(&app).tree, "leaving the presenter leaves the tree");
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('v'));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("What we will do"), "{shown}");
    assert!(shown.contains("Enter edits"), "{shown}");
}
