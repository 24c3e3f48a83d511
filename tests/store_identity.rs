//! The store knows which file is which: an index that no edit can
//! fool, locks that follow the file through links and other data folders,
//! every skipped entry reported, and one session id never in two files.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::time::SystemTime;

use fivewhys::store::{LockOutcome, Store, StoreError, parse, to_text};
use jiff::Timestamp;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

/// Sets a file's modification time.
fn set_mtime(path: &std::path::Path, to: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(to)
        .unwrap();
}

#[test]
fn an_edit_that_keeps_size_and_mtime_is_still_seen() {
    let (_dir, store) = store();
    let (_, path) = store
        .create("Title one", "incident", None, Timestamp::now())
        .unwrap();
    assert_eq!(store.list().unwrap().sessions[0].title, "Title one");
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replace("Title one", "Title two");
    assert_eq!(edited.len(), text.len(), "same size");
    fs::write(&path, edited).unwrap();
    set_mtime(&path, mtime);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert_eq!(
        store.list().unwrap().sessions[0].title,
        "Title two",
        "the listing reads the change"
    );
}

#[test]
fn a_file_listed_unreadable_is_read_again_once_fixed() {
    let (_dir, store) = store();
    let (_, path) = store
        .create("Fixed later", "incident", None, Timestamp::now())
        .unwrap();
    let good = fs::read_to_string(&path).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    // Broken, same size, same time: as a half-synced copy might leave it.
    let broken = good.replacen('{', " ", 1);
    fs::write(&path, &broken).unwrap();
    set_mtime(&path, mtime);
    let listing = store.list().unwrap();
    assert_eq!(listing.unreadable.len(), 1);
    fs::write(&path, &good).unwrap();
    set_mtime(&path, mtime);
    let listing = store.list().unwrap();
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(listing.sessions[0].title, "Fixed later");
}

#[test]
fn a_link_or_a_second_data_folder_meets_the_same_lock() {
    let (dir, store) = store();
    let (_, path) = store
        .create("Shared", "incident", None, Timestamp::now())
        .unwrap();
    let first = store.lock(&path).unwrap();
    assert!(matches!(first, LockOutcome::Acquired(_)));

    // The same file through a link elsewhere.
    let link = dir.path().join("link.json");
    symlink(&path, &link).unwrap();
    assert!(
        matches!(
            store.lock(&link).unwrap(),
            LockOutcome::HeldElsewhere { .. }
        ),
        "a link is not a second session"
    );

    // The same sessions folder reached as another data directory.
    let other_root = dir.path().join("other");
    fs::create_dir(&other_root).unwrap();
    symlink(store.sessions_dir(), other_root.join("sessions")).unwrap();
    let other = Store::open(&other_root).unwrap();
    let other_path = other.sessions_dir().join(path.file_name().unwrap());
    assert!(matches!(
        other.lock(&other_path).unwrap(),
        LockOutcome::HeldElsewhere { .. }
    ));
    drop(first);
    assert!(matches!(
        store.lock(&link).unwrap(),
        LockOutcome::Acquired(_)
    ));
}

#[test]
fn saving_through_a_link_writes_the_file_and_keeps_the_link() {
    let (dir, store) = store();
    let (mut session, path) = store
        .create("Linked", "incident", None, Timestamp::now())
        .unwrap();
    let link = dir.path().join("link.json");
    symlink(&path, &link).unwrap();
    session.title = "Saved through the link".into();
    store.save(&link, &session).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(parse(&fs::read_to_string(&path).unwrap()).unwrap(), session);
}

#[test]
fn every_skipped_entry_is_reported_with_its_reason() {
    let (dir, store) = store();
    store
        .create("Fine", "incident", None, Timestamp::now())
        .unwrap();
    let sessions = store.sessions_dir();
    let outside = dir.path().join("outside.json");
    fs::write(&outside, "{}").unwrap();
    symlink(&outside, sessions.join("link.json")).unwrap();
    fs::create_dir(sessions.join("folder.json")).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(sessions.join("pipe.json"))
            .status()
            .unwrap()
            .success()
    );
    let listing = store.list().unwrap();
    assert_eq!(listing.sessions.len(), 1);
    for (name, reason) in [
        ("link.json", "symbolic link"),
        ("folder.json", "a folder"),
        ("pipe.json", "named pipe"),
    ] {
        let entry = listing
            .unreadable
            .iter()
            .find(|u| u.path.ends_with(name))
            .unwrap_or_else(|| panic!("{name} not reported: {:?}", listing.unreadable));
        assert!(entry.reason.contains(reason), "{name}: {}", entry.reason);
    }
}

#[test]
fn one_id_in_two_files_is_reported_and_refused_naming_both() {
    let (_dir, store) = store();
    let (session, path) = store
        .create("Original", "incident", None, Timestamp::now())
        .unwrap();
    let copy = store.sessions_dir().join("copy-of-it.json");
    fs::write(&copy, to_text(&session)).unwrap();
    let listing = store.list().unwrap();
    assert!(listing.sessions.is_empty(), "neither is picked silently");
    assert_eq!(listing.unreadable.len(), 2);
    assert!(listing.unreadable[0].reason.contains(&session.id));
    match store.resolve(&session.id) {
        Err(e @ StoreError::DuplicateId { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains(&path.display().to_string())
                    && text.contains(&copy.display().to_string()),
                "{text}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_id_that_looks_like_an_option_is_refused() {
    let (_dir, store) = store();
    let (session, path) = store
        .create("Dash", "incident", None, Timestamp::now())
        .unwrap();
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace(&format!("\"id\": \"{}\"", session.id), "\"id\": \"-rf\"");
    let err = parse(&text).unwrap_err().to_string();
    assert!(err.contains("starting with a letter or digit"), "{err}");
}
