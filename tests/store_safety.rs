//! The store never loses or corrupts data: atomic saves, unreadable files
//! left alone, locks, private file modes, clear errors.

mod common;

use std::fs;

use fivewhys::model::Session;
use fivewhys::store::{LockOutcome, Store, StoreError, stage, to_text};
use jiff::Timestamp;

fn now() -> Timestamp {
    Timestamp::now()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

#[test]
fn a_save_interrupted_after_the_temp_file_leaves_the_old_file_intact() {
    let (_dir, store) = store();
    let (mut session, path) = store
        .create("Checkout outage", "incident", None, now())
        .unwrap();
    let before = fs::read(&path).unwrap();

    session.title = "Changed but never committed".into();
    let leftover = stage(&path, to_text(&session).as_bytes())
        .unwrap()
        .abandon();
    assert!(leftover.exists(), "the crash left its temp file behind");

    assert_eq!(fs::read(&path).unwrap(), before, "old file untouched");
    let listing = store.list().unwrap();
    assert_eq!(listing.sessions.len(), 1, "temp file is not a session");
    assert!(listing.unreadable.is_empty(), "temp file is not reported");
    assert_eq!(listing.sessions[0].title, "Checkout outage");

    // Once old enough to be a crash's leftover, listing removes it.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&leftover)
        .unwrap()
        .set_modified(old)
        .unwrap();
    store.list().unwrap();
    assert!(!leftover.exists(), "stale temp file cleaned up");
}

#[test]
fn corrupt_and_future_files_are_listed_unreadable_and_left_byte_identical() {
    let (_dir, store) = store();
    store.create("Fine", "incident", None, now()).unwrap();
    let sessions = store.sessions_dir();
    let good = fs::read_to_string(common::outage_file()).unwrap();
    let cases = [
        (
            "truncated.json",
            good[..good.len() / 2].to_string(),
            "not valid JSON",
        ),
        (
            "future.json",
            good.replace("\"schema_version\": 4", "\"schema_version\": 99"),
            "newer",
        ),
        (
            "shape.json",
            good.replace("\"priority\": \"high\"", "\"priority\": 7"),
            "$.actions[0].priority",
        ),
        (
            "dangling.json",
            good.replace("\"n-w3g5\"\n", "\"n-gone\"\n"),
            "actions[0].addresses[0]",
        ),
        (
            "twice.json",
            good.replacen(
                "\"title\": \"Checkout",
                "\"title\": \"Other\",\n  \"title\": \"Checkout",
                1,
            ),
            "duplicate field `title`",
        ),
        (
            "garbage.json",
            "\u{1b}[2J\0\u{ff}not json".to_string(),
            "not valid JSON",
        ),
    ];
    for (name, text, _) in &cases {
        fs::write(sessions.join(name), text).unwrap();
    }
    for round in 0..2 {
        let listing = store.list().unwrap();
        assert_eq!(listing.sessions.len(), 1, "round {round}");
        assert_eq!(listing.unreadable.len(), cases.len(), "round {round}");
        for (name, text, reason) in &cases {
            let bad = listing
                .unreadable
                .iter()
                .find(|u| u.path.ends_with(name))
                .unwrap_or_else(|| panic!("{name} not listed"));
            assert!(bad.reason.contains(reason), "{name}: {}", bad.reason);
            assert_eq!(&fs::read_to_string(sessions.join(name)).unwrap(), text);
        }
    }
    // Opening one is refused with its reason; it stays as it was.
    let future = sessions.join("future.json");
    let err = store.load(&future).unwrap_err();
    assert!(err.to_string().contains("upgrade fivewhys"), "{err}");
    assert!(store.delete(future.to_str().unwrap()).is_err());
    assert!(future.exists());
}

#[test]
fn a_second_opener_is_told_the_session_is_locked() {
    let (_dir, store) = store();
    let (_, path) = store.create("Shared", "incident", None, now()).unwrap();
    let first = store.lock(&path).unwrap();
    assert!(matches!(first, LockOutcome::Acquired(_)));
    match store.lock(&path).unwrap() {
        LockOutcome::HeldElsewhere { holder, .. } => {
            assert!(holder.contains(&std::process::id().to_string()), "{holder}")
        }
        LockOutcome::Acquired(_) => panic!("two editors of one session"),
    }
    assert!(matches!(
        store.delete(path.to_str().unwrap()),
        Err(StoreError::Locked { .. })
    ));
    drop(first);
    assert!(matches!(
        store.lock(&path).unwrap(),
        LockOutcome::Acquired(_)
    ));
}

#[cfg(unix)]
#[test]
fn files_are_private_to_the_owner() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let (mut session, path) = store.create("Private", "incident", None, now()).unwrap();
    session.notes = "saved again".into();
    store.save(&path, &session).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(store.root()), 0o700);
    assert_eq!(mode(&store.sessions_dir()), 0o700);
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let (_dir, store) = store();
    let sessions = store.sessions_dir();
    for (id, title) in [("k3f9ab", "Checkout"), ("k3zz22", "Login")] {
        let s = Session::with_id(id.into(), title, now());
        fs::write(sessions.join(format!("{id}.json")), to_text(&s)).unwrap();
    }
    let err = store.resolve("k3").unwrap_err().to_string();
    assert!(
        err.contains("ambiguous")
            && err.contains("k3f9ab (Checkout)")
            && err.contains("k3zz22 (Login)"),
        "{err}"
    );
    assert!(store.resolve("k3f").unwrap().ends_with("k3f9ab.json"));
    assert!(matches!(store.resolve("zz"), Err(StoreError::NotFound(_))));
}

#[test]
fn import_validates_refuses_duplicates_and_can_copy_with_a_new_id() {
    let (dir, store) = store();
    let outage = common::outage_file();
    let (session, path) = store.import(&outage, false).unwrap();
    assert_eq!(fs::read(&path).unwrap(), fs::read(&outage).unwrap());
    let err = store.import(&outage, false).unwrap_err().to_string();
    assert!(
        err.contains("already stored") && err.contains("--new-id"),
        "{err}"
    );
    let (copy, _) = store.import(&outage, true).unwrap();
    assert_ne!(copy.id, session.id);
    assert_eq!(store.list().unwrap().sessions.len(), 2);

    let bad = dir.path().join("bad.json");
    let text = fs::read_to_string(&outage)
        .unwrap()
        .replace("\"due\": \"2026-12-15\"", "\"due\": \"next week\"");
    fs::write(&bad, text).unwrap();
    let err = store.import(&bad, false).unwrap_err().to_string();
    assert!(err.contains("$.actions[0].due"), "{err}");
}

#[test]
fn delete_moves_to_the_trash_and_never_unlinks() {
    let (_dir, store) = store();
    let (session, path) = store.create("Gone", "incident", None, now()).unwrap();
    let moved = store.delete(&session.id[..4]).unwrap();
    assert!(!path.exists());
    assert!(moved.starts_with(store.root().join("trash")));
    assert!(store.load(&moved).is_ok());
    assert!(store.list().unwrap().sessions.is_empty());
}
