//! The data directory is a fence: links planted at every path fivewhys
//! writes (a lock, the cache and its files, exports, recovery, trash, the
//! audience's live file) are reported and left alone, and the files they
//! point at are never touched. A folder shared through git can carry such
//! links (`git add -f` gets past `.gitignore`).
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::fivewhys;
use fivewhys::store::{LockOutcome, Store};

/// A data directory with the outage example, and a scratch folder outside
/// it holding the files links will point at.
struct Planted {
    _dir: tempfile::TempDir,
    data: PathBuf,
    outside: PathBuf,
    session: PathBuf,
}

fn planted() -> Planted {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let store = Store::open(&data).unwrap();
    let (_, session) = store.import(&common::outage_file(), false).unwrap();
    Planted {
        _dir: dir,
        data,
        outside,
        session,
    }
}

impl Planted {
    /// A file outside the data directory with known text, and a link to it
    /// at `at`.
    fn victim_file(&self, name: &str, at: &Path) -> PathBuf {
        let victim = self.outside.join(name);
        fs::write(&victim, format!("precious {name}\n")).unwrap();
        symlink(&victim, at).unwrap();
        victim
    }

    /// A folder outside with one file in it, and a link to it at `at`.
    fn victim_dir(&self, name: &str, at: &Path) -> PathBuf {
        let victim = self.outside.join(name);
        fs::create_dir(&victim).unwrap();
        fs::write(victim.join("keep.txt"), "precious\n").unwrap();
        symlink(&victim, at).unwrap();
        victim
    }

    fn lock_path(&self) -> PathBuf {
        let name = self.session.file_name().unwrap().to_string_lossy();
        self.session.with_file_name(format!(".{name}.lock"))
    }
}

/// What a folder outside holds: every file and its text.
fn contents(dir: &Path) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let text = if e.path().is_file() {
                fs::read_to_string(e.path()).unwrap_or_default()
            } else {
                format!("{:?}", contents(&e.path()))
            };
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_planted_lock_link_is_never_written_by_open_action_or_delete() {
    let p = planted();
    let victim = p.victim_file("victim.txt", &p.lock_path());
    let before = contents(&p.outside);

    // `action` and `delete` refuse, naming the link; exit code 1.
    let out = fivewhys(&p.data)
        .args(["action", "k3f9ab/a-m9x3", "--status", "done"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("link"), "{err}");
    let out = fivewhys(&p.data)
        .args(["delete", "k3f9ab"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(p.session.exists(), "not deleted without its lock");

    // The screen's lock (what `open` takes) is refused the same way.
    let store = Store::open(&p.data).unwrap();
    let err = store.lock(&p.session).unwrap_err();
    assert!(err.to_string().contains("a link to"), "{err}");

    assert_eq!(contents(&p.outside), before, "{}", victim.display());
    assert!(
        fs::symlink_metadata(p.lock_path())
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is left alone"
    );
}

#[test]
fn the_screen_opens_a_session_with_a_planted_lock_read_only_and_writes_nothing() {
    let p = planted();
    p.victim_file("victim.txt", &p.lock_path());
    let before = contents(&p.outside);
    let session_before = fs::read(&p.session).unwrap();
    let mut screen = common::pty::Pty::start(&p.data, &["open", "k3f9ab"]);
    screen.wait_for("READ-ONLY");
    assert!(screen.text().contains("link"), "{}", screen.text());
    screen.send("2");
    screen.send("w");
    screen.send("\u{3}");
    assert_eq!(screen.wait_exit(), 0);
    assert_eq!(contents(&p.outside), before);
    assert_eq!(fs::read(&p.session).unwrap(), session_before);
}

#[test]
fn a_hard_linked_lock_or_session_is_not_written_or_edited() {
    let p = planted();
    let victim = p.outside.join("victim.txt");
    fs::write(&victim, "precious\n").unwrap();
    fs::hard_link(&victim, p.lock_path()).unwrap();
    let store = Store::open(&p.data).unwrap();
    let err = store.lock(&p.session).unwrap_err();
    assert!(err.to_string().contains("2 names"), "{err}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    fs::remove_file(p.lock_path()).unwrap();

    // A session file with a second name in another data folder: the two
    // would have a lock each, so neither edits it.
    let other = p.outside.join("other-data");
    let other_store = Store::open(&other).unwrap();
    let twin = other_store
        .sessions_dir()
        .join(p.session.file_name().unwrap());
    fs::hard_link(&p.session, &twin).unwrap();
    let err = store.lock(&p.session).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("2 names") && message.contains("cp '"),
        "says why and how to give it a file of its own: {message}"
    );
    let out = fivewhys(&other)
        .args(["action", "k3f9ab/a-m9x3", "--status", "done"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hard links"));
}

#[test]
fn links_in_place_of_the_cache_exports_recovery_and_trash_are_left_alone() {
    let p = planted();
    let store = Store::open(&p.data).unwrap();
    store.list().unwrap();
    let cache = p.data.join("cache");
    // Files of the cache: the listing log and the names file.
    for name in ["list-v5.log", "names-v1"] {
        let _ = fs::remove_file(cache.join(name));
        p.victim_file(name, &cache.join(name));
    }
    // The audience's live folder, and the folders outside the cache.
    p.victim_dir("live", &cache.join("live"));
    p.victim_dir("exports", &p.data.join("exports"));
    p.victim_dir("recovery", &p.data.join("recovery"));
    p.victim_dir("trash", &p.data.join("trash"));
    let before = contents(&p.outside);

    // Listing replaces the cache's files (a rename replaces the link).
    let store = Store::open(&p.data).unwrap();
    let listing = store.list().unwrap();
    assert_eq!(listing.sessions.len(), 1);
    fivewhys(&p.data).arg("list").assert().success();
    fivewhys(&p.data)
        .args(["show", "k3f9ab"])
        .assert()
        .success();

    // The copy fallback over SSH: no clipboard, so a file in exports/.
    let out = fivewhys(&p.data)
        .args(["export", "k3f9ab", "--copy"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no copy was saved") && err.contains("link"),
        "{err}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "copied nowhere is not a success"
    );
    assert!(store.write_export(&p.session, "txt", b"x").is_err());

    // The audience window's live file.
    let live = fivewhys::store::live::Live {
        stage: fivewhys::model::Stage::Whys,
        why: None,
        action: None,
        elapsed_seconds: 0,
        running: false,
        at: jiff::Timestamp::now(),
    };
    assert!(fivewhys::store::live::write(&p.data, "k3f9ab", &live).is_err());

    // A recovery copy goes beside the data directory instead.
    let copy = fivewhys::store::write_recovery(&p.data, "k3f9ab", "{}\n").unwrap();
    assert_eq!(copy.parent(), p.data.parent());
    fs::remove_file(copy).unwrap();

    // Delete refuses to move the file through the link.
    let err = store.delete("k3f9ab").unwrap_err();
    assert!(err.to_string().contains("a link to"), "{err}");
    assert!(p.session.exists());

    assert_eq!(contents(&p.outside), before);
}

#[test]
fn a_link_in_place_of_the_cache_folder_is_reported_and_nothing_written() {
    let p = planted();
    fs::remove_dir_all(p.data.join("cache")).unwrap();
    let victim = p.victim_dir("cache", &p.data.join("cache"));
    let before = contents(&p.outside);
    // The cache is never the source of truth: commands work without it,
    // and say why.
    for args in [&["list"][..], &["show", "k3f9ab"], &["actions"]] {
        let out = fivewhys(&p.data).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cache") && err.contains("a link to"),
            "names the link: {err}"
        );
    }
    let listed = fivewhys(&p.data).arg("list").output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("k3f9ab"));
    assert_eq!(contents(&p.outside), before, "{}", victim.display());
}

#[test]
fn a_lock_held_by_a_command_is_waited_for_and_one_held_by_the_screen_is_not() {
    let p = planted();
    let store = Store::open(&p.data).unwrap();
    // Many `action` commands at once on one session: every one succeeds.
    let children: Vec<_> = (0..6)
        .map(|i| {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fivewhys"));
            cmd.arg("--data-dir")
                .arg(&p.data)
                .args(["action", "k3f9ab/a-m9x3", "--note"])
                .arg(format!("note {i}"))
                .env("FIVEWHYS_CONFIG", p.data.join("config.toml"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // While the screen has it open, a command gives up at once, naming it.
    let LockOutcome::Acquired(_editor) = store.lock(&p.session).unwrap() else {
        panic!("the lock is free");
    };
    let out = fivewhys(&p.data)
        .args(["action", "k3f9ab/a-m9x3", "--status", "done"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("window (process {})", std::process::id())),
        "{err}"
    );
}

#[test]
fn a_link_in_place_of_the_gitignore_is_read_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    // What an older fivewhys wrote, which is brought up to date, so it
    // would be written if it were not a link.
    let victim = dir.path().join("victim");
    fs::write(&victim, "# fivewhys: only sessions/ is data\ncache/\n").unwrap();
    symlink(&victim, data.join(".gitignore")).unwrap();
    Store::open(&data).unwrap();
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "# fivewhys: only sessions/ is data\ncache/\n"
    );
}
