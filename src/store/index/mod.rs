//! The index over all sessions: a SQLite database in `DIR/cache/`, derived
//! from the session files and never the truth. `list`, `actions`,
//! `search`, `stats`, `related` and Home read it.
//!
//! Freshness: a full check reads the sessions folder and stats every file
//! (size, modification time, inode, change time); only the files whose
//! stamp changed are read again (on every core) and their rows replaced
//! in one transaction. Queries that must answer while someone types
//! (search, the Home filter, "seen before") trust a cheaper check: when
//! the sessions folder's own modification time is what it was at the last
//! full check and that check is less than [`TRUST_FOR`] old, nothing is
//! read. Every save of fivewhys, a git checkout or an editor that saves by
//! replacing the file changes the folder; an edit made in place by a tool
//! that rewrites a file without replacing it is seen at the next full
//! check (every `list`, Home's open, or after [`TRUST_FOR`]).
//!
//! A missing, damaged or older index is deleted and built again, and that
//! is said once.

mod actions;
mod listing;
mod refresh;
mod rows;
mod schema;
mod search;
mod stamp;
mod stats;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use rows::{day_number, day_of};
pub use search::{Match, Related, SeenBefore, unpack};
pub use stamp::Stamp;

use super::Unreadable;

/// The index's file in the cache folder.
pub const FILE: &str = "index.sqlite";

/// How long a full check is trusted by queries that take the cheap one.
pub const TRUST_FOR: std::time::Duration = std::time::Duration::from_secs(300);

/// How much checking a query needs before it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Stat every file (list, actions, stats, Home's open).
    Full,
    /// Trust the folder's modification time and a recent full check
    /// (search, related, the Home filter).
    Quick,
    /// Nothing: the caller has just checked (a worker thread's own
    /// connection).
    None,
}

/// An open, up-to-date index.
pub struct Index {
    pub(crate) conn: Connection,
    dir: PathBuf,
    /// Files in `sessions/` not read as sessions, with why, by path.
    pub unreadable: Vec<Unreadable>,
    /// Session ids found in more than one file, with those files.
    pub duplicates: BTreeMap<String, Vec<PathBuf>>,
    /// Something to say about the index itself (it was rebuilt, and why).
    pub notice: Option<String>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish()
    }
}

/// An SQLite error as an I/O error, said plainly.
pub(crate) fn sql(e: rusqlite::Error) -> io::Error {
    io::Error::other(format!("the index: {e}"))
}

/// Whether an error means the database file is damaged or not a database.
fn damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

impl Index {
    /// Opens the index in `cache_dir` for `sessions_dir` (building it when
    /// missing, damaged or of another version) and brings it up to date.
    pub fn open(cache_dir: &Path, sessions_dir: &Path, check: Check) -> io::Result<Index> {
        let path = cache_dir.join(FILE);
        let mut notice = None;
        let conn = match connect(&path) {
            Ok(Ready::Fresh(conn)) => conn,
            Ok(Ready::Replace(why)) => {
                notice = Some(why);
                rebuild_from_scratch(&path)?
            }
            Err(e) if damaged(&e) => {
                notice = Some(format!(
                    "the index was damaged ({e}); rebuilt from the session files"
                ));
                rebuild_from_scratch(&path)?
            }
            Err(e) => return Err(sql(e)),
        };
        let mut index = Index {
            conn,
            dir: sessions_dir.to_path_buf(),
            unreadable: Vec::new(),
            duplicates: BTreeMap::new(),
            notice,
        };
        match index.refresh(check) {
            Ok(()) => Ok(index),
            Err(refresh::Failed::Sql(e)) if damaged(&e) => {
                drop(index);
                let conn = rebuild_from_scratch(&path)?;
                let mut index = Index {
                    conn,
                    dir: sessions_dir.to_path_buf(),
                    unreadable: Vec::new(),
                    duplicates: BTreeMap::new(),
                    notice: Some(format!(
                        "the index was damaged ({e}); rebuilt from the session files"
                    )),
                };
                index.refresh(Check::Full).map_err(io::Error::from)?;
                Ok(index)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Brings an open index up to date again, as `check` asks.
    pub fn check(&mut self, check: Check) -> io::Result<()> {
        self.refresh(check).map_err(io::Error::from)
    }

    /// Adds to the word index every session not yet in it (a new store's
    /// rows come first, so that it lists at once): search, "seen before"
    /// and the Home filter call this before they ask.
    pub fn add_words(&mut self) -> io::Result<()> {
        refresh::add_words(&mut self.conn, &self.dir).map_err(io::Error::from)
    }

    /// Reads the index through a memory map rather than copying its
    /// pages: for the questions asked while someone types. (Pages read
    /// this way count as the process's memory while mapped, so commands
    /// that go through every row do not.)
    pub fn map_into_memory(&self) -> io::Result<()> {
        self.conn
            .pragma_update(None, "mmap_size", 1_i64 << 30)
            .map_err(sql)
    }

    /// Stops, from another thread, the question being answered.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// Where the session files are.
    pub fn sessions_dir(&self) -> &Path {
        &self.dir
    }

    /// Brings the index up to date as `check` asks, and reads what cannot
    /// be listed.
    fn refresh(&mut self, check: Check) -> Result<(), refresh::Failed> {
        let unnamed = refresh::refresh(&mut self.conn, &self.dir, check)?;
        self.unreadable = listing::unreadable(&self.conn, &self.dir)?;
        self.unreadable.extend(unnamed);
        self.duplicates = listing::duplicates(&self.conn, &self.dir)?;
        for (id, paths) in &self.duplicates {
            for path in paths {
                let others: Vec<String> = (paths.iter())
                    .filter(|p| *p != path)
                    .map(|p| p.display().to_string())
                    .collect();
                self.unreadable.push(Unreadable {
                    path: path.clone(),
                    reason: format!(
                        "the session id {id} is also in {}; keep one, or give one a new id \
                         with `fivewhys import --new-id FILE` and move the other out of sessions/",
                        others.join(", ")
                    ),
                });
            }
        }
        self.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(())
    }
}

/// What opening found.
enum Ready {
    /// Our index, of this version (or empty, now set up).
    Fresh(Connection),
    /// Something else: to be replaced, and why.
    Replace(String),
}

/// The files SQLite keeps beside the database.
fn companions(path: &Path) -> [PathBuf; 4] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    [
        path.to_path_buf(),
        with("-wal"),
        with("-shm"),
        with("-journal"),
    ]
}

/// Removes anything planted where the index's files go that SQLite would
/// write through: a link, a special file, a file with a second name.
/// Removing a link removes the link, never what it points to.
fn clear_planted(path: &Path) -> io::Result<()> {
    for file in companions(path) {
        let Ok(meta) = fs::symlink_metadata(&file) else {
            continue;
        };
        if meta.is_dir() {
            return Err(super::fence::not_ours(&file, &meta));
        }
        if !meta.file_type().is_file() || super::fence::links(&meta) > 1 {
            fs::remove_file(&file)?;
        }
    }
    Ok(())
}

fn connect(path: &Path) -> rusqlite::Result<Ready> {
    clear_planted(path).map_err(|e| {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some(e.to_string()),
        )
    })?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let conn = Connection::open_with_flags(path, flags)?;
    private(path);
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app == 0 && version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 {
            return Ok(Ready::Replace(
                "the index file held something else; rebuilt from the session files".into(),
            ));
        }
        set_up(&conn)?;
        return Ok(Ready::Fresh(conn));
    }
    if app != schema::APPLICATION_ID {
        return Ok(Ready::Replace(
            "the index file held something else; rebuilt from the session files".into(),
        ));
    }
    if version != schema::VERSION {
        return Ok(Ready::Replace(format!(
            "the index was made by another version of fivewhys ({version}, this one uses {}); rebuilt from the session files",
            schema::VERSION
        )));
    }
    tune(&conn)?;
    Ok(Ready::Fresh(conn))
}

/// Makes the index's files readable by their owner only, as every file
/// fivewhys makes (best effort: the folder is private already).
fn private(path: &Path) {
    #[cfg(unix)]
    for file in companions(path) {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&file, fs::Permissions::from_mode(0o600));
    }
}

/// Settings of every connection.
fn tune(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "temp_store", "FILE")?;
    conn.pragma_update(None, "cache_size", -8000)?;
    Ok(())
}

/// Makes the tables in an empty database (another process may be doing
/// the same: whoever comes second finds them made).
fn set_up(conn: &Connection) -> rusqlite::Result<()> {
    tune(conn)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == 0 {
        let made = conn.execute_batch(schema::TABLES).and_then(|()| {
            conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
            conn.pragma_update(None, "user_version", schema::VERSION)
        });
        if let Err(e) = made {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e);
        }
    }
    conn.execute_batch("COMMIT")
}

/// Deletes the index's files and makes a new, empty index.
fn rebuild_from_scratch(path: &Path) -> io::Result<Connection> {
    for file in companions(path) {
        match fs::remove_file(&file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    match connect(path).map_err(sql)? {
        Ready::Fresh(conn) => Ok(conn),
        Ready::Replace(why) => Err(io::Error::other(why)),
    }
}
