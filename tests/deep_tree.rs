//! A why chain as deep as anyone can build reads back: saved, listed,
//! opened and exported. (Nested files stopped reading at about 62 levels.)

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::export::{self, Format};
use fivewhys::model::{Session, WhyNode};
use fivewhys::store::{Store, parse, to_text};

const DEPTH: usize = 10_000;

/// A session whose one problem statement has a chain of `DEPTH` answers,
/// the last a root cause with an action.
fn deep_session() -> Session {
    let mut session = Session::with_id("deep01".into(), "A very deep chain", now().timestamp());
    let mut node = WhyNode::new(format!("n-{DEPTH}"));
    node.answer = "The deepest answer".into();
    node.root_cause = true;
    for level in (0..DEPTH).rev() {
        let mut parent = WhyNode::new(format!("n-{level}"));
        parent.answer = format!("Answer at level {level}");
        parent.children.make_mut().push(node);
        node = parent;
    }
    session.whys.make_mut().push(node);
    let action = session.add_action(now().timestamp());
    session.actions[0].description = "Fix the deepest cause".into();
    session
        .toggle_action_link(&action, &format!("n-{DEPTH}"))
        .unwrap();
    session
}

#[test]
fn a_ten_thousand_deep_chain_saves_lists_opens_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let session = deep_session();
    let path = store.sessions_dir().join("2026-11-22-deep-deep01.json");
    store.save(&path, &session).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.len() < 5_000_000,
        "the file stays small: {} bytes",
        text.len()
    );

    let listing = store.list().unwrap();
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(listing.sessions.len(), 1);
    assert_eq!(listing.sessions[0].whys, DEPTH);

    let loaded = store.load(&path).unwrap();
    assert!(loaded == session, "read back whole");
    assert_eq!(to_text(&loaded), text, "and saved again the same");

    let ctx = export::Context::for_session(&loaded, now().timestamp());
    for format in Format::ALL {
        let out = export::export(&loaded, format, &ctx);
        assert!(
            out.contains("The deepest answer"),
            "{format:?} has the deepest answer"
        );
        assert!(out.len() < 20_000_000, "{format:?}: {} bytes", out.len());
    }

    let mut app = app_with(loaded, None);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::End);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("The deepest answer"), "{shown}");
    key(&mut app, KeyCode::Char('w'));
    typing(&mut app, "One more level");
    key(&mut app, KeyCode::Enter);
    let grown = ss(&app).session().clone();
    assert_eq!(grown.why_nodes().len(), DEPTH + 2);
    assert!(parse(&to_text(&grown)).unwrap() == grown);
}

#[test]
fn an_old_nested_file_reads_at_any_depth_and_is_written_flat() {
    // Version 2 nested the chain in "children"; build such a file by hand.
    let depth = 2_000;
    let mut text = String::from(
        r#"{"schema_version":2,"id":"old001","title":"Old","created":"2026-11-01T10:00:00Z","updated":"2026-11-01T10:00:00Z","stage":"whys","intake":{"summary":"","started":null,"detected":null,"resolved":null,"severity":null,"customer_impact":{"description":"","affected":null,"channels":[]},"key_moments":[]},"participants":[],"whys":["#,
    );
    for level in 0..depth {
        text.push_str(&format!(
            r#"{{"id":"n-{level}","question":"","answer":"Level {level}","confidence":"fact","evidence":"","offered_by":null,"root_cause":false,"children":["#
        ));
    }
    for _ in 0..depth {
        text.push_str("]}");
    }
    text.push_str(r#"],"actions":[],"went_well":[],"notes":""}"#);
    let session = parse(&text).unwrap();
    assert_eq!(session.why_nodes().len(), depth);
    let flat = to_text(&session);
    assert!(flat.contains("\"schema_version\": 4"));
    assert!(!flat.contains("children"));
    assert!(parse(&flat).unwrap() == session);
}
