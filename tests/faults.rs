//! Faults from outside: a saving process killed at random moments, typing
//! cut off by SIGKILL, a data folder that stops taking writes. What is on
//! disk afterwards is always a whole session, and never far behind.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::pty::{Pty, session_files};
use fivewhys::model::Session;
use fivewhys::store::{Store, parse, to_text};

/// Version `n` of the growing session: `n` answers under one problem.
fn version(n: usize) -> Session {
    let created = "2026-11-22T10:00:00Z".parse().unwrap();
    let mut s = Session::with_id("kill01".into(), "Killed while saving", created);
    s.whys
        .make_mut()
        .push(fivewhys::model::WhyNode::new("n-root".into()));
    s.whys.make_mut()[0].answer = "Saving is interrupted".into();
    for i in 0..n {
        let mut node = fivewhys::model::WhyNode::new(format!("n-{i}"));
        // Long enough that a write takes more than one system call.
        node.answer = format!("Answer {i}: {}", "x".repeat(2_000));
        s.whys.make_mut()[0].children.make_mut().push(node);
    }
    s
}

const KILL_DIR: &str = "FIVEWHYS_TEST_KILL_DIR";

/// Not a test on its own: the child process the kill test starts. It
/// saves ever larger versions of one session until it is killed.
#[test]
#[ignore = "run by every_kill_leaves_a_whole_saved_version"]
fn child_saves_forever() {
    let Some(dir) = std::env::var_os(KILL_DIR) else {
        return;
    };
    let store = Store::open(Path::new(&dir)).unwrap();
    let path = store.sessions_dir().join("session-kill01.json");
    let mut n = match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text).unwrap().whys[0].children.len(),
        Err(_) => 0,
    };
    loop {
        n += 1;
        store.save(&path, &version(n)).unwrap();
    }
}

fn kills(default: usize) -> usize {
    std::env::var("FIVEWHYS_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn kill_loop(rounds: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sessions").join("session-kill01.json");
    let mut checked = 0;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["child_saves_forever", "--exact", "--ignored", "--quiet"])
            .env(KILL_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(fastrand::u64(5..60)));
        child.kill().unwrap(); // SIGKILL: no clean-up of any kind
        child.wait().unwrap();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // killed before its first save
        };
        let session =
            parse(&text).unwrap_or_else(|e| panic!("round {round}: the file does not read: {e}"));
        let n = session.whys[0].children.len();
        assert_eq!(
            text,
            to_text(&version(n)),
            "round {round}: the file is exactly version {n}"
        );
        checked += 1;
    }
    assert!(
        checked * 2 > rounds,
        "most kills came after a save ({checked} of {rounds})"
    );
    // Temp files of killed saves are left for the next listing to sweep
    // once stale; they are never listed as sessions.
    let listing = Store::open(dir.path()).unwrap().list().unwrap();
    assert_eq!(listing.sessions.len(), 1);
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
}

#[test]
fn every_kill_leaves_a_whole_saved_version() {
    kill_loop(kills(100));
}

/// `cargo test --release --test faults -- --ignored kill_soak`
#[test]
#[ignore = "soak: 1,000 kills"]
fn kill_soak() {
    kill_loop(kills(1_000));
}

/// Typing at a steady pace into a multi-line field, then SIGKILL: what is
/// on disk is what was typed up to at most about a second before the kill.
#[test]
fn typing_then_sigkill_loses_at_most_the_last_second() {
    let data = tempfile::tempdir().unwrap();
    let mut screen = Pty::start(data.path(), &["new", "Typing"]);
    screen.wait_for("1 Intake");
    screen.send("j");
    screen.send("j");
    screen.send("j");
    screen.send("\r");
    screen.wait_for("Summary");
    let start = Instant::now();
    let mut sent: Vec<(char, Instant)> = Vec::new();
    let mut i = 0usize;
    while start.elapsed() < Duration::from_secs(5) {
        let c = char::from(b'a' + (i % 26) as u8);
        screen.send_now(&c.to_string());
        sent.push((c, Instant::now()));
        i += 1;
        std::thread::sleep(Duration::from_millis(25));
    }
    let killed = Instant::now();
    screen.signal("KILL");
    screen.wait_exit();
    let session = parse(&std::fs::read_to_string(&session_files(data.path())[0]).unwrap()).unwrap();
    let saved = session.intake.summary;
    let typed: String = sent.iter().map(|(c, _)| *c).collect();
    assert!(
        typed.starts_with(&saved),
        "what was saved was typed, in order"
    );
    let lost = &sent[saved.len()..];
    let oldest_lost = lost.first().map_or(killed, |(_, at)| *at);
    let behind = killed - oldest_lost;
    // One second is the promise; half a second more allows for the
    // terminal and a busy machine delivering the keys.
    assert!(
        behind <= Duration::from_millis(1_500),
        "{} of {} characters lost: the file was {behind:?} behind",
        lost.len(),
        sent.len()
    );
}

/// The data folder stops taking writes mid-meeting (disk full): the
/// screen says NOT SAVED, keeps the text, and saves it all once writes
/// work again.
#[test]
fn a_folder_that_refuses_writes_keeps_the_text_and_recovers() {
    let data = tempfile::tempdir().unwrap();
    let mut screen = Pty::start(data.path(), &["new", "Full disk"]);
    screen.wait_for("1 Intake");
    screen.send("2");
    screen.send("p");
    screen.send("Before");
    screen.wait_for("✓ saved");
    let sessions = data.path().join("sessions");
    let aside = data.path().join("sessions-aside");
    std::fs::rename(&sessions, &aside).unwrap();
    std::fs::write(&sessions, b"not a folder").unwrap();
    screen.send(" during");
    screen.wait_for("NOT SAVED");
    std::fs::remove_file(&sessions).unwrap();
    std::fs::rename(&aside, &sessions).unwrap();
    screen.send(" after");
    screen.wait_for("✓ saved");
    let session = parse(&std::fs::read_to_string(&session_files(data.path())[0]).unwrap()).unwrap();
    assert_eq!(session.whys[0].answer, "Before during after");
    screen.send("\r\u{3}");
    assert_eq!(screen.wait_exit(), 0);
}
