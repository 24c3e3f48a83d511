//! The real binary with a session open while another process changes
//! its file (a teammate's `git pull`, a sync, an editor): the change is
//! merged with what the room typed, never overwritten; a file that cannot
//! be read is never written over; a file removed is written back.

mod common;

use common::pty::{Pty, session_files};
use fivewhys::model::Session;
use fivewhys::store::{Store, parse};

fn load(path: &std::path::Path) -> Session {
    parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A data folder with the outage example, open in the real binary on the
/// Whys stage.
fn opened() -> (tempfile::TempDir, std::path::PathBuf, Pty) {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let (_, path) = store.import(&common::outage_file(), false).unwrap();
    let mut screen = Pty::start(data.path(), &["open", "k3f9ab"]);
    screen.wait_for("Checkout outage");
    screen.send("2");
    screen.wait_for("Problem A · 1 of 2");
    (data, path, screen)
}

/// Another process adds an answer under the first problem statement,
/// and changes the first action's status: as a teammate's pull would.
fn teammate_changes(path: &std::path::Path) -> String {
    let mut theirs = load(path);
    let root = theirs.whys[0].id.clone();
    let added = theirs.ask_why(&root).unwrap();
    theirs.node_mut(&added).unwrap().answer = "Added by a teammate".into();
    let action = theirs.actions[0].id.clone();
    theirs
        .set_action_status(
            &action,
            fivewhys::model::ActionStatus::InProgress,
            jiff::Timestamp::now(),
        )
        .unwrap();
    // Written the way git writes a checkout: a new file renamed in.
    let temp = path.with_extension("pulled");
    std::fs::write(&temp, fivewhys::store::to_text(&theirs)).unwrap();
    std::fs::rename(&temp, path).unwrap();
    added
}

#[test]
fn a_change_from_elsewhere_is_merged_with_what_the_room_types_then() {
    let (_data, path, mut screen) = opened();
    let added = teammate_changes(&path);
    screen.wait_for("Changed elsewhere");
    let shown = screen.text().replace('\n', " ");
    assert!(
        shown.contains("Changed elsewhere: 1 new answer and 1 action status."),
        "{shown}"
    );
    // The room goes on: a new answer to the selected problem statement.
    screen.send("w");
    screen.send("Typed in the meeting");
    screen.send("\r");
    screen.wait_for("Typed in the meeting");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let file = load(&path);
    assert_eq!(file.node(&added).unwrap().answer, "Added by a teammate");
    assert!(
        file.why_nodes()
            .iter()
            .any(|(_, n)| n.answer == "Typed in the meeting"),
        "both are in the file"
    );
    assert_eq!(
        file.actions[0].status,
        fivewhys::model::ActionStatus::InProgress
    );
    assert!(file.validate().is_ok());
}

#[test]
fn quitting_without_typing_keeps_a_change_made_meanwhile() {
    let (_data, path, mut screen) = opened();
    // The timer runs (an old session opens with it waiting): quitting
    // writes the meeting's time, so it writes the file.
    screen.send("t");
    screen.wait_for("Timer running");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let added = teammate_changes(&path);
    // Straight away, before the window may even have noticed.
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let file = load(&path);
    assert_eq!(file.node(&added).unwrap().answer, "Added by a teammate");
    assert!(
        file.meeting.elapsed_seconds() > load_example().meeting.elapsed_seconds(),
        "and the meeting's time was written too"
    );
}

fn load_example() -> Session {
    load(&common::outage_file())
}

#[test]
fn a_file_that_cannot_be_read_now_is_never_written_over() {
    let (data, path, mut screen) = opened();
    screen.send("w");
    screen.send("Typed while a merge went wrong");
    screen.send("\r");
    screen.wait_for("Typed while a merge went wrong");
    // A half-done git merge: conflict markers in the file.
    let good = std::fs::read_to_string(&path).unwrap();
    let broken = format!("<<<<<<< HEAD\n{good}=======\n{good}>>>>>>> theirs\n");
    std::fs::write(&path, &broken).unwrap();
    screen.wait_for("cannot be read");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 1, "{}", screen.text());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        broken,
        "left exactly as it is"
    );
    let shown = screen.text().replace('\n', "");
    assert!(
        shown.contains("Nothing was written over the file"),
        "{shown}"
    );
    let copies: Vec<_> = std::fs::read_dir(data.path().join("recovery"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(
        load(&copies[0])
            .why_nodes()
            .iter()
            .any(|(_, n)| n.answer == "Typed while a merge went wrong")
    );
}

#[test]
fn a_file_removed_elsewhere_is_written_back() {
    let (data, path, mut screen) = opened();
    std::fs::remove_file(&path).unwrap();
    screen.wait_for("removed elsewhere");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let files = session_files(data.path());
    assert_eq!(files, std::slice::from_ref(&path));
    assert_eq!(load(&path).id, "k3f9ab");
}

#[test]
fn a_field_being_typed_into_when_its_file_changes_keeps_both_values() {
    let (_data, path, mut screen) = opened();
    // The title, on Intake: opened and typed into, saved as typed.
    screen.send("1");
    screen.send("\u{1b}[H");
    screen.send("\r");
    screen.send("\u{1b}[F");
    screen.send(" v2");
    screen.wait_for("✓ saved");
    let mut theirs = load(&path);
    assert!(theirs.title.ends_with(" v2"), "saved as typed");
    theirs.title = "Teammate's title".into();
    let temp = path.with_extension("pulled");
    std::fs::write(&temp, fivewhys::store::to_text(&theirs)).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    screen.wait_for("1 clash to settle");
    screen.send("\r");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let file = load(&path);
    assert!(
        file.title.ends_with(" v2"),
        "what was typed: {}",
        file.title
    );
    assert_eq!(file.conflicts.len(), 1);
    assert_eq!(file.conflicts[0].theirs, "Teammate's title");
}

#[test]
fn an_older_copy_of_the_file_never_takes_away_what_was_typed_since() {
    let (_data, path, mut screen) = opened();
    let older = std::fs::read(&path).unwrap();
    screen.send("w");
    screen.send("Typed in the meeting");
    screen.send("\r");
    screen.wait_for("✓ saved");
    assert!(
        load(&path)
            .why_nodes()
            .iter()
            .any(|(_, n)| n.answer == "Typed in the meeting")
    );
    // A stash, an editor's old buffer or a sync puts the older copy back.
    let temp = path.with_extension("older");
    std::fs::write(&temp, &older).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    // And again while an answer is being typed.
    screen.send("w");
    screen.send("Typed while it changed");
    std::fs::write(&temp, &older).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    screen.send("\r");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let answers: Vec<String> = load(&path)
        .why_nodes()
        .iter()
        .map(|(_, n)| n.answer.clone())
        .collect();
    for typed in ["Typed in the meeting", "Typed while it changed"] {
        assert!(
            answers.iter().any(|a| a == typed),
            "{typed:?} lost: {answers:?}"
        );
    }
}

#[test]
fn another_sessions_file_copied_over_is_never_merged_or_written_over() {
    let (data, path, mut screen) = opened();
    screen.send("w");
    screen.send("Typed before the copy");
    screen.send("\r");
    screen.wait_for("✓ saved");
    let other = std::fs::read_to_string(
        common::example_files()
            .into_iter()
            .find(|p| p.to_string_lossy().contains("m4bx7c"))
            .unwrap(),
    )
    .unwrap();
    std::fs::write(&path, &other).unwrap();
    screen.wait_for("another session (m4bx7c");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 1, "{}", screen.text());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        other,
        "left as it is"
    );
    let copies: Vec<_> = std::fs::read_dir(data.path().join("recovery"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let kept = load(&copies[0]);
    assert_eq!(kept.id, "k3f9ab");
    assert!(
        kept.why_nodes()
            .iter()
            .any(|(_, n)| n.answer == "Typed before the copy")
    );
}

#[test]
fn a_teammates_edit_of_what_the_room_added_applies_once() {
    let (_data, path, mut screen) = opened();
    screen.send("w");
    screen.send("Room answer with a tpyo");
    screen.send("\r");
    screen.send("s");
    screen.send("Room answer the teammate deletes");
    screen.send("\r");
    screen.wait_for("Room answer the teammate deletes");
    screen.wait_for("✓ saved");
    // The teammate's copy grows from what the window wrote (a commit and
    // a pull): they fix the typo and delete the second answer.
    let mut theirs = load(&path);
    let find = |s: &Session, words: &str| {
        s.why_nodes()
            .iter()
            .find(|(_, n)| n.answer == words)
            .map(|(_, n)| n.id.clone())
    };
    let typo = find(&theirs, "Room answer with a tpyo").expect("saved");
    let gone = find(&theirs, "Room answer the teammate deletes").expect("saved");
    theirs.node_mut(&typo).unwrap().answer = "Room answer with a typo fixed".into();
    theirs.delete_subtree(&gone).unwrap();
    let temp = path.with_extension("pulled");
    std::fs::write(&temp, fivewhys::store::to_text(&theirs)).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    screen.wait_for("Changed elsewhere");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let file = load(&path);
    let answers: Vec<&str> = file
        .why_nodes()
        .iter()
        .map(|(_, n)| n.answer.as_str())
        .collect::<Vec<_>>()
        .leak()
        .to_vec();
    assert_eq!(
        file.node(&typo).unwrap().answer,
        "Room answer with a typo fixed"
    );
    assert!(
        !answers.contains(&"Room answer with a tpyo"),
        "no copy of the old words: {answers:?}"
    );
    assert!(file.node(&gone).is_none(), "their deletion applies");
    assert!(file.conflicts.is_empty(), "{:?}", file.conflicts);
}

/// Another process writing the file over and over (a sync tool, a
/// script) while the room types: every answer either side wrote ends up
/// in the file, however the writes interleave.
#[test]
fn a_file_written_again_and_again_elsewhere_while_the_room_types_loses_nothing() {
    let (_data, path, mut screen) = opened();
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut written = Vec::new();
            for i in 0..120 {
                // Read, add an answer, write back by rename, as such a
                // tool does; a file caught mid-way is read again.
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let Ok(mut theirs) = parse(&text) else {
                    continue;
                };
                let root = theirs.whys[1].id.clone();
                let id = theirs.ask_why(&root).unwrap();
                theirs.node_mut(&id).unwrap().answer = format!("Teammate answer {i}");
                let temp = path.with_extension(format!("w{i}"));
                std::fs::write(&temp, fivewhys::store::to_text(&theirs)).unwrap();
                std::fs::rename(&temp, &path).unwrap();
                written.push(format!("Teammate answer {i}"));
                std::thread::sleep(std::time::Duration::from_millis(15));
            }
            written
        })
    };
    let mut typed = Vec::new();
    for i in 0..8 {
        screen.send("w");
        let words = format!("Room answer {i}");
        screen.send(&words);
        screen.send("\r");
        typed.push(words);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    let written = writer.join().unwrap();
    // Time for the last change to be taken in and saved.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let file = load(&path);
    let answers: std::collections::HashSet<String> = file
        .why_nodes()
        .iter()
        .map(|(_, n)| n.answer.clone())
        .collect();
    for words in typed.iter().chain(&written) {
        assert!(answers.contains(words), "{words:?} was lost");
    }
}
