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
    let cache = dir.path().join("cache").join("list-v3.json");
    let path = store.resolve(&ids[123]).unwrap();
    assert!(path.to_string_lossy().ends_with("s00123.json"));
    assert!(
        !cache.exists(),
        "the listing cache was built to find one id"
    );
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
