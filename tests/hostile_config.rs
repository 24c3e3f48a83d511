//! A config file can neither crash nor hang fivewhys: a number far out of
//! range is brought into range (and said), a pipe or a folder in place of
//! the file is reported and skipped.

mod common;

use std::time::Duration;

use common::fivewhys;
use common::pty::Pty;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn an_action_added_with_a_huge_due_in_days_gets_a_date_not_a_crash() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), "due_in_days = 7304485\n").unwrap();
    // `config check` refuses it, naming the key, the line and the range.
    fivewhys(data.path())
        .args(["config", "check"])
        .assert()
        .code(1)
        .stderr(
            contains(":1: due_in_days: 7304485 is out of range").and(contains("from 0 to 3650")),
        );
    let mut screen = Pty::start(data.path(), &["new", "Huge due date"]);
    screen.wait_for("1 Intake");
    // Straight into a session, the screen says it too.
    screen.wait_for("due_in_days");
    screen.send("3");
    screen.wait_for("3 Actions");
    screen.send("a");
    screen.send("Check the date");
    screen.send("\u{1b}");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0, "{}", screen.text());
    let file = common::pty::session_files(data.path()).remove(0);
    let session = fivewhys::store::parse(&std::fs::read_to_string(file).unwrap()).unwrap();
    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::UTC)
        .date();
    assert_eq!(session.actions.len(), 1);
    assert_eq!(
        session.actions[0].due,
        Some(today.checked_add(jiff::Span::new().days(3650)).unwrap()),
        "the nearest allowed number of days"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_as_the_config_file_is_skipped_not_waited_on() {
    let data = tempfile::tempdir().unwrap();
    let fifo = data.path().join("config.toml");
    common::mkfifo(&fifo);
    fivewhys(data.path())
        .arg("list")
        .timeout(Duration::from_secs(30))
        .assert()
        .success()
        .stderr(contains("named pipe").and(contains("ignored")));
    fivewhys(data.path())
        .args(["config", "check"])
        .timeout(Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(contains("named pipe"));
}
