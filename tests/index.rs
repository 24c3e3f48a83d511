//! The index over all sessions is derived from the files and never the
//! truth: deleted, garbled or of an older version, it is built again and
//! says so; a file changed elsewhere is seen at the next listing. Search
//! finds words (case and accents ignored) and word prefixes, not parts of
//! words; "seen before" finds an earlier session sharing a root cause's
//! key words, and nothing for an unrelated one.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use fivewhys::model::Session;
use fivewhys::store::{Check, Store, file_name_for, to_text};
use predicates::str::contains;

fn at(day: i8) -> jiff::Timestamp {
    jiff::civil::date(2026, 11, day)
        .at(10, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
}

/// A session with one problem and a root cause under it.
fn session(id: &str, title: &str, day: i8, cause: &str) -> Session {
    let mut s = Session::with_id(id.into(), title, at(day));
    let root = s.add_problem_statement(title);
    let why = s.ask_why(&root).unwrap();
    let node = s.node_mut(&why).unwrap();
    node.answer = cause.into();
    node.root_cause = true;
    s
}

fn write(store: &Store, s: &Session) -> PathBuf {
    let path = store.sessions_dir().join(file_name_for(s));
    fs::write(&path, to_text(s)).unwrap();
    path
}

fn index_file(root: &Path) -> PathBuf {
    root.join("cache").join("index.sqlite")
}

fn cmd(root: &Path) -> Command {
    let mut c = Command::cargo_bin("fivewhys").unwrap();
    c.arg("--data-dir")
        .arg(root)
        .env("FIVEWHYS_CONFIG", root.join("config.toml"))
        .env("TZ", "UTC");
    c
}

fn three(store: &Store) {
    write(
        store,
        &session(
            "aaa111",
            "Checkout outage",
            3,
            "Our config review only compares files, not the values the service loads",
        ),
    );
    write(
        store,
        &session(
            "bbb222",
            "Crème brûlée ran out",
            5,
            "The pastry forecast ignored the holiday",
        ),
    );
    write(
        store,
        &session(
            "ccc333",
            "Login slow",
            7,
            "The connection pool was too small",
        ),
    );
}

#[test]
fn a_deleted_garbled_or_older_index_is_built_again_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    three(&store);
    assert_eq!(store.list().unwrap().sessions.len(), 3);
    assert!(index_file(dir.path()).exists());

    // Deleted: built again, silently (nothing was wrong).
    fs::remove_file(index_file(dir.path())).unwrap();
    cmd(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Checkout outage"));

    // Garbage bytes in place of the database: rebuilt, and said once.
    fs::write(index_file(dir.path()), vec![0x5a; 64 * 1024]).unwrap();
    cmd(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Crème brûlée ran out"))
        .stderr(contains("rebuilt from the session files"));
    cmd(dir.path()).arg("list").assert().success().stderr("");

    // An index of another version: replaced, and said.
    {
        let conn = rusqlite::Connection::open(index_file(dir.path())).unwrap();
        conn.pragma_update(None, "user_version", 0x7fff).unwrap();
    }
    cmd(dir.path())
        .args(["search", "pool"])
        .assert()
        .success()
        .stdout(contains("Login slow"))
        .stderr(contains("another version of fivewhys"));
    // The session files were never touched.
    assert_eq!(fs::read_dir(store.sessions_dir()).unwrap().count(), 3);
}

#[test]
fn a_planted_link_where_the_index_goes_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    three(&store);
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    fs::create_dir_all(dir.path().join("cache")).unwrap();
    for name in ["index.sqlite", "index.sqlite-wal", "index.sqlite-shm"] {
        let _ = fs::remove_file(dir.path().join("cache").join(name));
        std::os::unix::fs::symlink(&victim, dir.path().join("cache").join(name)).unwrap();
    }
    assert_eq!(store.list().unwrap().sessions.len(), 3);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn an_edit_made_elsewhere_is_seen_by_the_next_listing_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    three(&store);
    store.list().unwrap();
    // A teammate's tool replaces the file (as git and editors do).
    let mut s = session(
        "ccc333",
        "Login slow",
        7,
        "The connection pool was too small",
    );
    s.title = "Login very slow".into();
    s.node_mut(&s.root_causes()[0].id.clone()).unwrap().answer = "A retry storm".into();
    let path = store
        .sessions_dir()
        .join(file_name_for(&session("ccc333", "Login slow", 7, "")));
    let tmp = dir.path().join("tmp.json");
    fs::write(&tmp, to_text(&s)).unwrap();
    fs::rename(&tmp, &path).unwrap();
    let listing = store.list().unwrap();
    assert!(
        listing
            .sessions
            .iter()
            .any(|x| x.title == "Login very slow")
    );
    cmd(dir.path())
        .args(["search", "retry storm"])
        .assert()
        .success()
        .stdout(contains("ccc333"));
    cmd(dir.path())
        .args(["search", "pool"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("nothing matches"));
    // Removed: gone from the listing and from search.
    fs::remove_file(&path).unwrap();
    assert_eq!(store.list().unwrap().sessions.len(), 2);
    cmd(dir.path())
        .args(["search", "retry"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn search_finds_words_and_prefixes_with_case_and_accents_ignored_not_parts_of_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    three(&store);
    let finds = |words: &str, id: &str| {
        cmd(dir.path())
            .args(["search", words])
            .assert()
            .success()
            .stdout(contains(id));
    };
    finds("CREME BRULEE", "bbb222");
    finds("crème", "bbb222");
    finds("conf*", "aaa111");
    finds("connection pool", "ccc333");
    // Part of a word is not a word.
    for words in ["onfig", "conf", "pool connection"] {
        cmd(dir.path())
            .args(["search", words])
            .assert()
            .success()
            .stdout("")
            .stderr(contains(
                "whole words, one after another, and word prefixes",
            ));
    }
    // JSON names the place.
    cmd(dir.path())
        .args(["search", "--json", "forecast"])
        .assert()
        .success()
        .stdout(contains("\"place\": \"why A1a (RC1)\""));
    // Typed operators are words, never syntax.
    cmd(dir.path())
        .args(["search", "NOT \"pool"])
        .assert()
        .success();
}

#[test]
fn seen_before_finds_an_earlier_session_sharing_a_root_cause_and_not_an_unrelated_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    three(&store);
    write(
        &store,
        &session(
            "ddd444",
            "Payments outage",
            20,
            "The config review compared files but never the values loaded",
        ),
    );
    write(
        &store,
        &session(
            "eee555",
            "Warehouse scanner down",
            21,
            "A firmware update bricked the handhelds",
        ),
    );
    let mut index = store.index(Check::Full).unwrap();
    index.add_words().unwrap();
    let counts = fivewhys::config::word_counts;
    let later = at(25);
    let seen = index
        .seen_before(
            "The config review compared files but never the values loaded",
            "ddd444",
            later,
            &counts,
            2,
        )
        .unwrap();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].session, "aaa111");
    assert_eq!(seen[0].root_cause.as_deref(), Some("RC1"));
    let none = index
        .seen_before(
            "A firmware update bricked the handhelds",
            "eee555",
            later,
            &counts,
            2,
        )
        .unwrap();
    assert!(none.is_empty(), "{none:?}");
    // Only earlier sessions: the older one does not see the newer.
    let before = index
        .seen_before(
            "Our config review only compares files, not the values the service loads",
            "aaa111",
            at(3),
            &counts,
            2,
        )
        .unwrap();
    assert!(before.is_empty(), "{before:?}");
    // From the shell.
    cmd(dir.path())
        .args(["related", "ddd444"])
        .assert()
        .success()
        .stdout(contains(
            "seen before: Checkout outage (aaa111), 3 Nov 2026 — RC1",
        ));
    cmd(dir.path())
        .args(["related", "eee555"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("no earlier session"));
    cmd(dir.path())
        .args(["related", "ddd444", "--json"])
        .assert()
        .success()
        .stdout(contains("\"session\": \"aaa111\""));
}

#[test]
fn stop_words_in_the_settings_do_not_make_answers_alike() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    three(&store);
    write(
        &store,
        &session(
            "ddd444",
            "Payments outage",
            20,
            "The config review compared files but never the values loaded",
        ),
    );
    cmd(dir.path())
        .args(["related", "ddd444"])
        .assert()
        .success()
        .stdout(contains("aaa111"));
    // The words the two share, made stop words: nothing alike is left.
    fs::write(
        dir.path().join("config.toml"),
        "stop_words = [\"Config\", \"review\", \"files\", \"values\"]\n",
    )
    .unwrap();
    cmd(dir.path())
        .args(["related", "ddd444"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("no earlier session"));
}
