//! `fivewhys present`: the audience window follows the facilitator's saves
//! and moves, never locks and never writes.

mod common;

use std::time::{Duration, Instant};

use common::pty::Pty;
use fivewhys::model::Stage;
use fivewhys::store::Store;

#[test]
fn the_audience_window_shows_a_save_by_another_process_within_a_second() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, path) = store.import(&common::outage_file(), false).unwrap();
    session.stage = Stage::Actions;
    store.save(&path, &session).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut screen = Pty::start(data.path(), &["present", "k3f9ab"]);
    screen.wait_for("What we will do");
    assert!(screen.text().contains("Alert on effective config"));
    assert!(
        store
            .lock(&path)
            .is_ok_and(|l| matches!(l, fivewhys::store::LockOutcome::Acquired(_))),
        "never takes the lock"
    );

    // Another process (this test) saves a change, as the facilitator's
    // fivewhys would.
    session.actions[0].description = "Page the platform team on pool saturation".into();
    let saved = std::fs::read(&path).unwrap() == before;
    assert!(saved, "nothing written by the audience window so far");
    store.save(&path, &session).unwrap();
    let start = Instant::now();
    while !screen.text().contains("Page the platform team on pool") {
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "not shown within a second:\n{}",
            screen.text()
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    // The facilitator moves to Whys: the audience follows, through the
    // live file, without the session file being written.
    let live = fivewhys::store::live::Live {
        stage: Stage::Whys,
        why: Some(session.whys[1].children[0].id.clone()),
        action: None,
        elapsed_seconds: 600,
        running: false,
        at: jiff::Timestamp::now(),
    };
    fivewhys::store::live::write(data.path(), "k3f9ab", &live).unwrap();
    // The question about problem B, with the answer selected under it.
    screen.wait_for("Why 1 of 5 · B1a");
    screen.wait_for("It took 26 minutes before the platform team was paged");
    screen.wait_for("elapsed 10:00");
    screen.send("q");
    assert_eq!(screen.wait_exit(), 0);
    let after = fivewhys::store::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(after, session, "the audience window never writes");
}

#[test]
fn the_audience_window_says_when_the_file_cannot_be_read_or_is_gone() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (mut session, path) = store.import(&common::outage_file(), false).unwrap();
    session.stage = Stage::Actions;
    store.save(&path, &session).unwrap();
    let good = std::fs::read_to_string(&path).unwrap();
    let mut screen = Pty::start(data.path(), &["present", "k3f9ab"]);
    screen.wait_for("What we will do");
    // A half-done git merge lands in the file.
    std::fs::write(&path, format!("<<<<<<< HEAD\n{good}")).unwrap();
    screen.wait_for("can't be read now: showing the last good version");
    assert!(
        screen.text().contains("Alert on effective config"),
        "the last good one"
    );
    // Fixed again: the window follows, and the notice goes.
    std::fs::write(&path, &good).unwrap();
    screen.wait_gone("can't be read now");
    // Deleted.
    std::fs::remove_file(&path).unwrap();
    screen.wait_for("The session was deleted");
    screen.send("q");
    assert_eq!(screen.wait_exit(), 0);
}
