//! The listing cache is a log: one changed file adds one line, the file is
//! rewritten sorted only now and then, and whatever it holds, a listing
//! through it is the listing the files give.

use std::fs;
use std::path::{Path, PathBuf};

use fivewhys::model::{ActionStatus, Session};
use fivewhys::store::{Listing, Store, file_name_for, to_text};
use jiff::{SignedDuration, Timestamp};

fn cache_file(root: &Path) -> PathBuf {
    root.join("cache").join("list-v5.log")
}

/// A session updated `age` minutes before a fixed time, with two actions.
fn session(n: usize, age: i64) -> Session {
    let t = Timestamp::from_second(1_790_000_000).unwrap() - SignedDuration::from_mins(age);
    let mut s = Session::with_id(format!("c{n:05}"), format!("Session {n}"), t);
    for k in 0..2 {
        let a = s.add_action(t);
        let action = s.action_mut(&a).unwrap();
        action.description = format!("Action {k} of session {n}");
        if k == 1 {
            action.status = ActionStatus::Done;
        }
    }
    s
}

fn write(store: &Store, s: &Session) -> PathBuf {
    let path = store.sessions_dir().join(file_name_for(s));
    fs::write(&path, to_text(s)).unwrap();
    path
}

/// The listing with no cache at all, the cache put back afterwards.
fn from_the_files(store: &Store, root: &Path) -> Listing {
    let cache = cache_file(root);
    let aside = root.join("cache").join("aside");
    let kept = fs::rename(&cache, &aside).is_ok();
    let fresh = store.list().unwrap();
    if kept {
        fs::rename(&aside, &cache).unwrap();
    } else {
        let _ = fs::remove_file(&cache);
    }
    fresh
}

fn lines(root: &Path) -> usize {
    fs::read(cache_file(root))
        .unwrap()
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn one_changed_session_adds_one_line_and_the_cache_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut all: Vec<(Session, PathBuf)> = (0..40)
        .map(|n| {
            let s = session(n, n as i64 * 10);
            let p = write(&store, &s);
            (s, p)
        })
        .collect();
    let first = store.list().unwrap();
    assert_eq!(first.sessions.len(), 40);
    assert_eq!(first.sessions[0].id, "c00000", "newest first");
    let cache = cache_file(dir.path());
    let (before_lines, before_inode) = (lines(dir.path()), inode(&cache));
    assert_eq!(before_lines, 41, "a header and one line per session");

    // The oldest session is edited: it moves to the top, and the cache
    // gains one line in place.
    let (s, path) = &mut all[39];
    s.title = "Edited just now".into();
    s.updated = Timestamp::from_second(1_790_000_600).unwrap();
    store.save(path, s).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.sessions[0].title, "Edited just now");
    assert_eq!(listed.sessions.len(), 40);
    assert_eq!(lines(dir.path()), before_lines + 1);
    assert_eq!(inode(&cache), before_inode, "the cache was rewritten");
    // The open actions come through the appended line too.
    assert_eq!(listed.sessions[0].follow_ups.len(), 1);
    assert_eq!(listed, from_the_files(&store, dir.path()));

    // Listing again with nothing changed writes nothing.
    let len = fs::metadata(&cache).unwrap().len();
    assert_eq!(store.list().unwrap(), listed);
    assert_eq!(fs::metadata(&cache).unwrap().len(), len);
}

/// A small deterministic random number source.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[cfg(unix)]
#[test]
fn whatever_happens_to_the_files_the_cache_lists_what_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut rng = Rng(0x5eed_cafe);
    let mut live: Vec<(Session, PathBuf)> = Vec::new();
    let mut next = 0;
    let mut rewrites = 0;
    let mut appends = 0;
    for round in 0..60 {
        let before = fs::metadata(cache_file(dir.path())).ok();
        for _ in 0..16 {
            match rng.below(6) {
                // A new session.
                0 | 1 => {
                    let s = session(next, rng.below(5_000) as i64);
                    next += 1;
                    let p = write(&store, &s);
                    live.push((s, p));
                }
                // An edit: new title, newer time, an action done.
                2 | 3 if !live.is_empty() => {
                    let i = rng.below(live.len());
                    let (s, p) = &mut live[i];
                    s.title = format!("{} (round {round})", s.title);
                    s.updated += SignedDuration::from_mins(rng.below(9_000) as i64);
                    if let Some(a) = s.actions.first_mut() {
                        a.status = ActionStatus::Done;
                    }
                    store.save(p, s).unwrap();
                }
                // A session removed.
                4 if !live.is_empty() => {
                    let i = rng.below(live.len());
                    let (_, p) = live.swap_remove(i);
                    fs::remove_file(p).unwrap();
                }
                // A file broken, then mended.
                _ if !live.is_empty() => {
                    let i = rng.below(live.len());
                    let (s, p) = &live[i];
                    fs::write(p, "{ broken").unwrap();
                    let listed = store.list().unwrap();
                    assert!(listed.unreadable.iter().any(|u| &u.path == p));
                    fs::write(p, to_text(s)).unwrap();
                }
                _ => {}
            }
        }
        // A torn line at the end, as a listing killed mid-append leaves.
        if round % 7 == 3 {
            use std::io::Write;
            let mut f = fs::OpenOptions::new()
                .append(true)
                .open(cache_file(dir.path()))
                .unwrap();
            f.write_all(b"[\"torn").unwrap();
        }
        let listed = store.list().unwrap();
        assert_eq!(listed.sessions.len(), live.len(), "round {round}");
        assert_eq!(listed, from_the_files(&store, dir.path()), "round {round}");
        let after = fs::metadata(cache_file(dir.path())).unwrap();
        if let Some(before) = before {
            use std::os::unix::fs::MetadataExt;
            if before.ino() == after.ino() {
                appends += 1;
            } else {
                rewrites += 1;
            }
        }
    }
    assert!(appends > 40, "changes were appended ({appends} rounds)");
    assert!(
        (1..10).contains(&rewrites),
        "the cache is rewritten now and then, not every time ({rewrites} of 60 rounds)"
    );
}

#[test]
fn a_garbled_cache_is_read_around_or_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for n in 0..12 {
        write(&store, &session(n, n as i64));
    }
    let listed = store.list().unwrap();
    let cache = cache_file(dir.path());
    let text = fs::read_to_string(&cache).unwrap();
    // A line in the middle garbled: that session is read from its file.
    let garbled: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 5 {
                l.replacen("c0", "x\t{", 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    fs::write(&cache, garbled.join("\n") + "\n").unwrap();
    assert_eq!(store.list().unwrap(), listed);
    // Not a cache at all: ignored, and replaced.
    fs::write(&cache, "[1, 2, 3]\n").unwrap();
    assert_eq!(store.list().unwrap(), listed);
    assert!(
        fs::read_to_string(&cache)
            .unwrap()
            .starts_with("fivewhys listing cache 5")
    );
}
