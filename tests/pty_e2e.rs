//! The real binary in a pseudo-terminal: a session typed and quit with
//! Ctrl-C, 20 KB typed without paste brackets, a quit whose save fails, and
//! signals sent from outside. Each reads back what reached the disk.

mod common;

use common::pty::{Pty, session_files};

fn load(path: &std::path::Path) -> fivewhys::model::Session {
    fivewhys::store::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn type_a_session_quit_with_ctrl_c_and_find_it_on_disk() {
    let data = tempfile::tempdir().unwrap();
    let mut screen = Pty::start(data.path(), &[]);
    screen.wait_for("No sessions yet");
    screen.send("n");
    screen.wait_for("New session");
    screen.send("Checkout outage");
    screen.send("\r");
    screen.wait_for("1 Intake");
    screen.send("2");
    screen.wait_for("No problem statement yet");
    screen.send("p");
    screen.send("Checkout failed for a third of customers");
    screen.send("\r");
    screen.send("w");
    screen.send("Payment calls timed out");
    screen.send("\r");
    screen.send("w");
    screen.send("The connection pool was capped at 50");
    screen.send("\r");
    screen.wait_for("Why 2");
    screen.send("3");
    screen.wait_for("No action items yet");
    screen.send("a");
    screen.send("Raise the pool limit and alert on saturation");
    screen.send("\r");
    screen.wait_for("Raise the pool");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0);

    let files = session_files(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let session = load(&files[0]);
    assert_eq!(session.title, "Checkout outage");
    let root = &session.whys[0];
    assert_eq!(root.answer, "Checkout failed for a third of customers");
    assert_eq!(root.children[0].answer, "Payment calls timed out");
    assert_eq!(
        root.children[0].children[0].answer,
        "The connection pool was capped at 50"
    );
    assert_eq!(
        session.actions[0].description,
        "Raise the pool limit and alert on saturation"
    );
    assert!(files[0].to_string_lossy().contains("checkout-outage"));
}

#[test]
fn twenty_kilobytes_typed_without_paste_brackets_arrive_whole() {
    let data = tempfile::tempdir().unwrap();
    let mut screen = Pty::start(data.path(), &["new", "Long input"]);
    screen.wait_for("1 Intake");
    // Down to the summary (a multi-line field) and open it.
    screen.send("j");
    screen.send("j");
    screen.send("j");
    screen.send("\r");
    screen.wait_for("Summary");
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 20_000 - 20 {
        text.push_str(&format!("word{i} "));
        i += 1;
    }
    text.push_str("ENDOFINPUT");
    // All at once, as a terminal without bracketed paste sends a paste.
    screen.send_now(&text);
    // No further key: everything must arrive by itself.
    screen.wait_for("ENDOFINPUT");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0);
    let session = load(&session_files(data.path())[0]);
    assert_eq!(session.intake.summary.len(), text.len());
    assert_eq!(session.intake.summary, text, "whole and in order");
}

#[test]
fn a_quit_whose_save_fails_writes_a_recovery_copy_and_says_where() {
    let data = tempfile::tempdir().unwrap();
    let mut screen = Pty::start(data.path(), &["new", "Disk trouble"]);
    screen.wait_for("1 Intake");
    screen.send("2");
    screen.send("p");
    screen.send("Typed before the disk filled up");
    // The sessions folder becomes unwritable (a file in its place: even
    // root cannot save into it).
    let sessions = data.path().join("sessions");
    std::fs::rename(&sessions, data.path().join("sessions-moved")).unwrap();
    std::fs::write(&sessions, b"not a folder").unwrap();
    screen.send(" and after");
    screen.send("\u{3}");
    let code = screen.wait_exit();
    assert_ne!(code, 0, "never exit 0 having lost text");
    let shown = screen.text().replace('\n', "");
    assert!(shown.contains("could not be saved"), "{shown}");
    assert!(
        !shown.contains("at path"),
        "our temp file is not the user's concern: {shown}"
    );
    let recovery: Vec<_> = std::fs::read_dir(data.path().join("recovery"))
        .expect("a recovery folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(recovery.len(), 1);
    let name = recovery[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(shown.contains(&name), "the path is printed: {shown}");
    let session = load(&recovery[0]);
    assert_eq!(
        session.whys[0].answer,
        "Typed before the disk filled up and after"
    );
}

#[test]
fn sigint_and_sigquit_from_outside_save_and_restore() {
    for (signal, number) in [("INT", 2), ("QUIT", 3), ("TERM", 15), ("HUP", 1)] {
        let data = tempfile::tempdir().unwrap();
        let mut screen = Pty::start(data.path(), &["new", "Signals"]);
        screen.wait_for("1 Intake");
        screen.send("2");
        screen.send("p");
        screen.send(&format!("Typed before SIG{signal}"));
        screen.signal(signal);
        // Saved first, then 128 + the signal, as shells expect: a script
        // can tell a kill from a quit.
        assert_eq!(screen.wait_exit(), 128 + number, "SIG{signal}");
        let session = load(&session_files(data.path())[0]);
        assert_eq!(
            session.whys[0].answer,
            format!("Typed before SIG{signal}"),
            "SIG{signal}"
        );
    }
}

#[test]
fn opening_and_looking_around_leaves_the_file_byte_identical() {
    let data = tempfile::tempdir().unwrap();
    let store = fivewhys::store::Store::open(data.path()).unwrap();
    let (_, path) = store.import(&common::outage_file(), false).unwrap();
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut screen = Pty::start(data.path(), &["open", "k3f9ab"]);
    screen.wait_for("Checkout outage");
    // Present, leave, change stage, move, open help, leave, back to the list.
    for keys in [
        "v", "\u{1b}", "2", "w", "\u{1b}", "j", "j", "j", "v", "\u{1b}", "3", "j", "?", "\u{1b}",
        "1", "0",
    ] {
        screen.send(keys);
    }
    screen.wait_for("TITLE");
    screen.send("q");
    assert_eq!(screen.wait_exit(), 0);
    assert_eq!(std::fs::read(&path).unwrap(), before, "byte-identical");
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn home_follows_an_action_marked_done_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_fivewhys"))
        .arg("--data-dir")
        .arg(data)
        .arg("import")
        .arg(common::outage_file())
        .env("FIVEWHYS_CONFIG", data.join("config.toml"))
        .output()
        .unwrap();
    assert!(import.status.success());
    let mut pty = Pty::start(data, &[]);
    pty.wait_for("Practise a rollback");
    let done = std::process::Command::new(env!("CARGO_BIN_EXE_fivewhys"))
        .arg("--data-dir")
        .arg(data)
        .args(["action", "k3f9ab/a-n2y4", "--status", "done"])
        .env("FIVEWHYS_CONFIG", data.join("config.toml"))
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    // The follow-up leaves the list without a key pressed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while pty.text().contains("Practise a rollback") {
        assert!(
            std::time::Instant::now() < deadline,
            "still listed:\n{}",
            pty.text()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
