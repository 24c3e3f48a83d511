//! What keeps fivewhys fast as the store grows, checked for behaviour
//! rather than timed: one session is found from the file names without
//! the listing, and other files are never read to find it.

use std::fs;

use assert_cmd::Command;
use fivewhys::model::Session;
use fivewhys::store::{Store, file_name_for, to_text};
use predicates::str::contains;

fn store_with(count: usize) -> (tempfile::TempDir, Store, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut ids = Vec::new();
    for i in 0..count {
        let id = format!("s{i:05}");
        let s = Session::with_id(id.clone(), format!("Session {i}"), jiff::Timestamp::now());
        fs::write(store.sessions_dir().join(file_name_for(&s)), to_text(&s)).unwrap();
        ids.push(id);
    }
    (dir, store, ids)
}

#[test]
fn one_session_is_found_from_file_names_without_the_listing() {
    let (dir, store, ids) = store_with(200);
    // A file that would fail any listing: named like a session, unreadable.
    let broken = store.sessions_dir().join("2026-11-01-broken-zzzzzz.json");
    fs::write(&broken, "{ not json").unwrap();
    let cache = dir.path().join("cache").join("index.sqlite");
    let path = store.resolve(&ids[123]).unwrap();
    assert!(path.to_string_lossy().ends_with("s00123.json"));
    assert!(!cache.exists(), "the index was built to find one id");
    // A prefix works the same way; an ambiguous one names the candidates.
    assert!(store.resolve("s0012").is_err());
    assert!(store.resolve("s00199").is_ok());
    assert!(!cache.exists());
    // From the command line too, for show, export and action.
    let mut cmd = Command::cargo_bin("fivewhys").unwrap();
    cmd.arg("--data-dir")
        .arg(dir.path())
        .env("FIVEWHYS_CONFIG", dir.path().join("config.toml"))
        .args(["show", "s00042"])
        .assert()
        .success()
        .stdout(contains("Session 42"));
    assert!(!cache.exists(), "show listed the store");
    // The broken file is left alone, and reported by the listing when asked.
    assert_eq!(fs::read_to_string(&broken).unwrap(), "{ not json");
}

#[test]
fn a_file_not_named_by_fivewhys_is_still_found_through_the_listing() {
    let (_dir, store, _) = store_with(3);
    let s = Session::with_id("renam1".into(), "Renamed by hand", jiff::Timestamp::now());
    fs::write(store.sessions_dir().join("my notes.json"), to_text(&s)).unwrap();
    let path = store.resolve("renam").unwrap();
    assert!(path.ends_with("my notes.json"));
}

/// A session with `n` answers: a long chain with a branch every tenth.
fn big_session(n: usize) -> Session {
    let mut s = Session::with_id("big001".into(), "Big", jiff::Timestamp::now());
    let problem = s.add_problem_statement("Everything was slow");
    let mut chain = vec![problem];
    for i in 0..n {
        let parent = if i % 10 == 9 {
            chain[chain.len() / 2].clone()
        } else {
            chain.last().unwrap().clone()
        };
        let id = s.ask_why(&parent).unwrap();
        s.node_mut(&id).unwrap().answer = format!("Answer number {i} about the connection pool");
        chain.push(id);
    }
    s
}

fn fingerprint(s: &Session) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    to_text(s).hash(&mut h);
    h.finish()
}

#[test]
fn undo_holds_what_changed_not_copies_and_gives_every_step_back() {
    undo_bounds(1_000, fivewhys::tui::history::LIMIT + 20);
}

/// The size: run with
/// `cargo test --release --test scale -- --ignored undo_at_five_thousand`.
#[test]
#[ignore]
fn undo_at_five_thousand_answers_and_a_thousand_edits() {
    undo_bounds(5_000, 1_000);
}

fn undo_bounds(answers: usize, edits: usize) {
    use fivewhys::tui::history::{History, LIMIT};
    let mut s = big_session(answers);
    let size = to_text(&s).len();
    let ids: Vec<String> = s.why_nodes().iter().map(|(_, n)| n.id.clone()).collect();
    let mut history = History::default();
    let mut states = vec![fingerprint(&s)];
    for i in 0..edits {
        history.record(s.clone());
        match i % 3 {
            0 => s
                .node_mut(&ids[(i * 37) % ids.len()])
                .unwrap()
                .answer
                .push_str(" (checked)"),
            1 => {
                let id = s.ask_why(&ids[(i * 53) % ids.len()]).unwrap();
                s.node_mut(&id).unwrap().answer = format!("new {i}");
            }
            _ => {
                let a = s.add_action(jiff::Timestamp::now());
                s.action_mut(&a).unwrap().description = format!("action {i}");
            }
        }
        states.push(fingerprint(&s));
    }
    let held = history.held_bytes();
    assert!(
        held < 2 * size,
        "history holds {held} bytes for a {size}-byte session after {edits} edits"
    );
    // Every kept step comes back exactly, and redo goes forward again.
    for step in (edits - LIMIT..edits).rev() {
        s = history.undo(&s).expect("a step to undo");
        assert_eq!(fingerprint(&s), states[step], "undo to step {step}");
    }
    assert!(history.undo(&s).is_none(), "only {LIMIT} steps are kept");
    for (step, expected) in states.iter().enumerate().skip(edits - LIMIT + 1) {
        s = history.redo(&s).expect("a step to redo");
        assert_eq!(fingerprint(&s), *expected, "redo to step {step}");
    }
}

#[test]
fn leaving_a_session_updates_its_one_entry_in_the_listing() {
    let (_dir, store, ids) = store_with(20);
    let listing = store.list().unwrap();
    let path = store.resolve(&ids[7]).unwrap();
    let mut s = store.load(&path).unwrap();
    s.title = "Edited just now".into();
    s.updated = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(60);
    let after = listing.clone().with(&s, path.clone());
    assert_eq!(
        after.sessions.len(),
        listing.sessions.len(),
        "replaced, not added"
    );
    assert_eq!(after.sessions[0].title, "Edited just now", "newest first");
    assert_eq!(after.sessions[0].path, path);
}
