//! All file I/O of fivewhys: the data directory, crash-safe saves, locks,
//! listing, import and delete.
//!
//! Layout under the data directory `DIR`:
//! - `sessions/` one pretty-printed JSON file per session (the data);
//! - `.NAME.json.lock` beside each session's real file while it is open,
//!   `cache/` the index over all sessions (derived, rebuilt when missing), `trash/` deleted sessions: all ignored by
//!   git via `DIR/.gitignore`.
//!
//! A file that cannot be read is reported and never modified, moved or
//! deleted.

mod atomic;
mod codec;
mod destination;
mod errors;
pub mod fence;
pub mod index;
mod listing;
pub mod live;
mod lock;
mod naming;
mod recovery;
mod summary;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

pub use atomic::{Staged, Swapped, is_temp_name, stage};
pub use codec::{LoadError, parse, to_text};
pub use destination::write_to;
pub use errors::StoreError;
pub use index::{Check, Index};
pub use listing::{FollowUp, Listing, SessionSummary, Unreadable, special_kind};
pub use lock::{Holder, LockOutcome, SessionLock};
pub use naming::{file_name_for, slug};
pub use recovery::write_recovery;

use crate::model::{Session, ids};

/// Atomically writes any file (exports, copies): temp file, fsync, rename.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic::write(path, bytes)
}

/// What `DIR/.gitignore` holds, so the data directory can be a git repo.
const GITIGNORE: &str = "# fivewhys: only sessions/ is data\nlocks/\ncache/\ntrash/\nexports/\nrecovery/\n.*.tmp\n.*.lock\n";

/// What a session file held when it was last read or written: a hash of
/// its bytes (not its modification time, which a `git checkout` within
/// the same second, or a copy that keeps times, leaves as it was).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Version(u64);

impl Version {
    /// The version of a file holding `bytes`.
    pub fn of(bytes: &[u8]) -> Version {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Version(hasher.finish())
    }
}

/// The data directory and everything in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    /// The index's folder: `DIR/cache`, or when that is not a
    /// folder of fivewhys (a link planted there) a private one for this
    /// run, removed at its end.
    cache: PathBuf,
    _scratch: Option<std::sync::Arc<tempfile::TempDir>>,
    /// Something the user should know about the data directory.
    notice: Option<String>,
}

impl Store {
    /// Opens (creating if needed, mode 0700) the data directory `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let root = root.into();
        let mut store = Store {
            cache: root.join("cache"),
            root,
            _scratch: None,
            notice: None,
        };
        // The data directory and its sessions folder are the user's to
        // place (either may be a link they made); what fivewhys keeps
        // inside is its own.
        for dir in [store.root.clone(), store.sessions_dir()] {
            create_private_dir(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
        }
        if let Err(e) = fence::own_dir(&store.root, "cache") {
            // The cache is never the source of truth: this run lists from
            // the files themselves, with a cache of its own, and says so.
            let scratch = tempfile::Builder::new()
                .prefix("fivewhys-cache-")
                .tempdir()
                .map_err(|io| StoreError::io("use the folder", &store.cache, io))?;
            store.notice = Some(format!(
                "{}: {e}; meanwhile fivewhys lists without it",
                store.cache.display()
            ));
            store.cache = scratch.path().to_path_buf();
            store._scratch = Some(std::sync::Arc::new(scratch));
        }
        let gitignore = store.root.join(".gitignore");
        // Best effort: the store works without it. One written by an
        // older fivewhys (without the lock files) is brought up to date;
        // a link there is read, never written through.
        match fs::read_to_string(&gitignore) {
            Err(_) => {
                let _ = atomic::write_new(&gitignore, GITIGNORE.as_bytes());
            }
            Ok(text) if text.starts_with("# fivewhys") && !text.contains(".*.lock") => {
                let _ = fence::write_plain(&gitignore, format!("{text}.*.lock\n").as_bytes());
            }
            Ok(_) => {}
        }
        Ok(store)
    }

    /// The data directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Something about the data directory the user should be told (a link
    /// where its cache folder belongs), if anything.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Where copies of exports go when no clipboard can take them.
    pub fn export_path(&self, session_path: &Path, extension: &str) -> PathBuf {
        let stem = session_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "session".into());
        self.root
            .join("exports")
            .join(format!("{stem}.{extension}"))
    }

    /// Writes a copy of an export to [`Store::export_path`]: into the data
    /// directory's own `exports/` folder, never through a link planted
    /// there (see `fence`). Returns where it went.
    pub fn write_export(
        &self,
        session_path: &Path,
        extension: &str,
        bytes: &[u8],
    ) -> io::Result<PathBuf> {
        fence::own_dir(&self.root, "exports")?;
        let path = self.export_path(session_path, extension);
        fence::write_plain(&path, bytes)?;
        Ok(path)
    }

    /// Where session files live.
    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }

    /// The index over all sessions, brought up to date as `check` asks.
    pub fn index(&self, check: Check) -> Result<Index, StoreError> {
        let dir = self.sessions_dir();
        self.remove_old_caches();
        Index::open(&self.cache, &dir, check).map_err(|e| StoreError::io("list", &dir, e))
    }

    /// Every session, newest first, plus the files that cannot be read.
    /// Holds the store's summaries in memory: commands that go through
    /// them once use [`Store::index`] and [`Index::each_session`].
    pub fn list(&self) -> Result<Listing, StoreError> {
        self.listing(None)
    }

    /// Like [`Store::list`]: for finding ids.
    pub fn list_brief(&self) -> Result<Listing, StoreError> {
        self.listing(None)
    }

    /// Like [`Store::list`], with the open actions due on or before
    /// `last`: what Home shows, whatever the size of the store.
    pub fn list_due_by(&self, last: jiff::civil::Date) -> Result<Listing, StoreError> {
        self.listing(Some(last))
    }

    fn listing(&self, due_by: Option<jiff::civil::Date>) -> Result<Listing, StoreError> {
        let index = self.index(Check::Full)?;
        let dir = self.sessions_dir();
        let io = |e| StoreError::io("list", &dir, e);
        let mut listing = Listing::default();
        index
            .each_session(|s| listing.sessions.push(s))
            .map_err(io)?;
        listing.place();
        if let Some(last) = due_by {
            index
                .each_follow_up(Some(last), |key, follow| {
                    if let Some(&i) = listing.by_key.get(&key) {
                        listing.sessions[i].follow_ups.push(follow);
                    }
                })
                .map_err(io)?;
        }
        listing.notice = index.notice;
        listing.unreadable = index.unreadable;
        listing.duplicates = index.duplicates;
        Ok(listing)
    }

    /// Removes the listing caches of earlier versions of fivewhys.
    fn remove_old_caches(&self) {
        for old in [
            "list-v1.json",
            "list-v2.json",
            "list-v3.json",
            "list-v4.log",
            "list-v5.log",
            "names-v1",
        ] {
            let _ = fs::remove_file(self.cache.join(old));
        }
    }

    /// Creates and saves a new empty session of `kind`, working in the
    /// time zone `zone` (an IANA name).
    pub fn create(
        &self,
        title: &str,
        kind: &str,
        zone: Option<String>,
        now: Timestamp,
    ) -> Result<(Session, PathBuf), StoreError> {
        let taken = self.list_brief()?;
        let id = ids::fresh_id("", ids::SESSION_ID_LEN, |c| {
            taken.sessions.iter().any(|s| s.id == c)
        });
        let mut session = Session::with_id(id, title, now);
        session.kind = kind.to_string();
        session.time_zone = zone;
        let boxes = crate::config::current().timebox;
        session.meeting.intake.timebox_minutes = boxes.intake;
        session.meeting.whys.timebox_minutes = boxes.whys;
        session.meeting.actions.timebox_minutes = boxes.actions;
        session.meeting.review.timebox_minutes = boxes.review;
        let path = self.sessions_dir().join(file_name_for(&session));
        atomic::write_new(&path, to_text(&session).as_bytes())
            .map_err(|e| StoreError::io("create", &path, e))?;
        Ok((session, path))
    }

    /// Finds a session from the file names alone: every file fivewhys
    /// writes ends in `-ID.json`. One directory read (no index); nothing parsed but
    /// the one file found, whose id is checked. `None` (ask the listing)
    /// when a `*.json` name does not end in an id, or the file found holds
    /// another id: those files are only known by reading them.
    fn resolve_by_name(&self, needle: &str, query: &str) -> Option<Result<PathBuf, StoreError>> {
        let dir = self.sessions_dir();
        let mut hits: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        let mut foreign = false;
        let mut consider = |name: &str| {
            if name.starts_with('.') || !name.ends_with(".json") {
                return;
            }
            match naming::id_in_name(name) {
                Some(id) if id.starts_with(needle) => {
                    hits.entry(id.to_string()).or_default().push(dir.join(name));
                }
                Some(_) => {}
                None => foreign = true,
            }
        };
        for entry in fs::read_dir(&dir).ok()?.flatten() {
            let name = entry.file_name();
            consider(&name.to_string_lossy());
        }
        if foreign {
            return None;
        }
        let pick = match hits.get(needle) {
            Some(exact) => Some((needle.to_string(), exact.clone())),
            None if hits.len() == 1 => hits.into_iter().next(),
            None if hits.is_empty() => return Some(Err(StoreError::NotFound(query.to_string()))),
            None => {
                return Some(Err(StoreError::Ambiguous {
                    prefix: query.to_string(),
                    candidates: hits
                        .iter()
                        .map(|(id, paths)| {
                            // Only the few that match are read, for their titles.
                            let title = self
                                .load(&paths[0])
                                .map(|s| s.title)
                                .unwrap_or_else(|_| naming::title_in_name(&paths[0]));
                            format!("{id} ({title})")
                        })
                        .collect(),
                }));
            }
        };
        let (id, mut paths) = pick?;
        if paths.len() > 1 {
            paths.sort();
            return Some(Err(StoreError::DuplicateId { id, paths }));
        }
        let path = paths.pop()?;
        // The name is a promise; the file keeps it, or the listing decides.
        match self.load(&path) {
            Ok(s) if s.id == id => Some(Ok(path)),
            Ok(_) => None,
            // Unreadable: say so about this file.
            Err(_) => Some(Ok(path)),
        }
    }

    /// Finds a session by a unique id prefix, or by the path of its file.
    pub fn resolve(&self, query: &str) -> Result<PathBuf, StoreError> {
        let as_path = Path::new(query);
        if (query.contains(std::path::MAIN_SEPARATOR) || query.ends_with(".json"))
            && as_path.is_file()
        {
            return Ok(as_path.to_path_buf());
        }
        if query.contains(std::path::MAIN_SEPARATOR) && !as_path.exists() {
            return Err(StoreError::NoFile(as_path.to_path_buf()));
        }
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Err(StoreError::NotFound(query.to_string()));
        }
        if let Some(found) = self.resolve_by_name(&needle, query) {
            return found;
        }
        let listing = self.list_brief()?;
        if let Some((id, paths)) = listing
            .duplicates
            .iter()
            .find(|(id, _)| id.starts_with(&needle))
        {
            return Err(StoreError::DuplicateId {
                id: id.clone(),
                paths: paths.clone(),
            });
        }
        if let Some(exact) = listing.sessions.iter().find(|s| s.id == needle) {
            return Ok(exact.path.clone());
        }
        let matches: Vec<&SessionSummary> = listing
            .sessions
            .iter()
            .filter(|s| s.id.starts_with(&needle))
            .collect();
        match matches.as_slice() {
            [] => Err(StoreError::NotFound(query.to_string())),
            [one] => Ok(one.path.clone()),
            many => Err(StoreError::Ambiguous {
                prefix: query.to_string(),
                candidates: many
                    .iter()
                    .map(|s| format!("{} ({})", s.id, s.title))
                    .collect(),
            }),
        }
    }

    /// Reads and validates the session file at `path`, with the version
    /// read (to tell later whether someone else changed it).
    pub fn load_versioned(&self, path: &Path) -> Result<(Session, Version), StoreError> {
        let text = read_session_file(path).map_err(|e| StoreError::io("read", path, e))?;
        let session = parse(&text).map_err(|reason| StoreError::Unreadable {
            path: path.to_path_buf(),
            reason,
        })?;
        Ok((session, Version::of(text.as_bytes())))
    }

    /// The text of the session file at `path` and its version, or `None`
    /// when there is no file there (any more).
    pub fn read_versioned(&self, path: &Path) -> Result<Option<(String, Version)>, StoreError> {
        match read_session_file(path) {
            Ok(text) => {
                let version = Version::of(text.as_bytes());
                Ok(Some((text, version)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io("read", path, e)),
        }
    }

    /// Reads and validates the session file at `path`.
    pub fn load(&self, path: &Path) -> Result<Session, StoreError> {
        let text = read_session_file(path).map_err(|e| StoreError::io("read", path, e))?;
        parse(&text).map_err(|reason| StoreError::Unreadable {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Atomically saves `session` to `path`.
    pub fn save(&self, path: &Path, session: &Session) -> Result<(), StoreError> {
        self.save_text(path, &to_text(session))
    }

    /// Atomically writes a session's file text to `path` and returns what
    /// the file held at that very moment (see [`atomic::swap`]), so that a
    /// change made by someone else just before is never lost.
    pub fn save_swapping(&self, path: &Path, text: &str) -> Result<Swapped, StoreError> {
        atomic::swap(path, text.as_bytes()).map_err(|e| StoreError::io("save", path, e))
    }

    /// Atomically writes `bytes` to a session's file as they are (putting
    /// back what someone else wrote there).
    pub fn save_bytes(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        atomic::write(path, bytes).map_err(|e| StoreError::io("save", path, e))
    }

    /// Atomically writes a session's file text (from [`to_text`]) to `path`.
    pub fn save_text(&self, path: &Path, text: &str) -> Result<(), StoreError> {
        atomic::write(path, text.as_bytes()).map_err(|e| StoreError::io("save", path, e))
    }

    /// Tries to lock the session at `path` for editing on the screen,
    /// without waiting. The lock follows the file, however it is reached.
    pub fn lock(&self, path: &Path) -> Result<LockOutcome, StoreError> {
        let lock_path = self.lock_path(path)?;
        lock::try_lock(lock_path.clone(), Holder::Editor)
            .map_err(|e| StoreError::io("lock", &lock_path, e))
    }

    /// Locks the session at `path` for a command's change: waits a few
    /// seconds while another command holds it; refuses at once, naming
    /// the process, while it is open on a screen.
    pub fn lock_for_command(&self, path: &Path) -> Result<SessionLock, StoreError> {
        let lock_path = self.lock_path(path)?;
        match lock::lock_for_command(lock_path.clone(), lock::COMMAND_WAIT)
            .map_err(|e| StoreError::io("lock", &lock_path, e))?
        {
            LockOutcome::Acquired(lock) => Ok(lock),
            LockOutcome::HeldElsewhere { holder, .. } => Err(StoreError::Locked {
                path: path.to_path_buf(),
                holder,
            }),
        }
    }

    /// The lock file of the session at `path`, once the file is known to
    /// be one a lock can guard: a file with a second name (a hard link,
    /// from another data folder perhaps) has a lock beside each name, so
    /// two editors would never meet; it is refused.
    fn lock_path(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let meta = fs::metadata(path).map_err(|e| StoreError::io("lock", path, e))?;
        let names = fence::links(&meta);
        if names > 1 {
            return Err(StoreError::HardLinked {
                path: path.to_path_buf(),
                names,
            });
        }
        lock::lock_path_for(path).map_err(|e| StoreError::io("lock", path, e))
    }

    /// Validates the session file at `source` and adds it to the store.
    /// An id already present is refused unless `new_id` asks for a fresh one.
    pub fn import(&self, source: &Path, new_id: bool) -> Result<(Session, PathBuf), StoreError> {
        let text = read_session_file(source).map_err(|e| StoreError::io("read", source, e))?;
        let mut session = parse(&text).map_err(|reason| StoreError::NotImported {
            path: source.to_path_buf(),
            reason,
        })?;
        let listing = self.list_brief()?;
        let taken = |id: &str| {
            listing.sessions.iter().any(|s| s.id == id) || listing.duplicates.contains_key(id)
        };
        if taken(&session.id) {
            if !new_id {
                let existing = listing
                    .sessions
                    .iter()
                    .find(|s| s.id == session.id)
                    .map(|s| s.path.clone())
                    .or_else(|| {
                        listing
                            .duplicates
                            .get(&session.id)
                            .and_then(|p| p.first().cloned())
                    })
                    .unwrap_or_default();
                return Err(StoreError::AlreadyExists {
                    id: session.id,
                    existing,
                });
            }
            session.id = ids::fresh_id("", ids::SESSION_ID_LEN, taken);
        }
        let path = self.sessions_dir().join(file_name_for(&session));
        atomic::write_new(&path, to_text(&session).as_bytes())
            .map_err(|e| StoreError::io("import into", &path, e))?;
        Ok((session, path))
    }

    /// Moves a session's file to `DIR/trash/`; never unlinks. Refused while
    /// another instance has the session open.
    pub fn delete(&self, query: &str) -> Result<PathBuf, StoreError> {
        let path = self.resolve(query)?;
        // Only sessions that read cleanly are deleted: unreadable files are
        // left exactly where they are.
        let session = self.load(&path)?;
        let _lock = self.lock_for_command(&path)?;
        let trash = self.root.join("trash");
        fence::own_dir(&self.root, "trash")
            .map_err(|e| StoreError::io("use the folder", &trash, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("{}.json", session.id));
        let mut target = trash.join(&name);
        // Anything already there, a link included, is never replaced.
        if fs::symlink_metadata(&target).is_ok() {
            let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
            target = trash.join(format!("{stamp}-{name}"));
        }
        fs::rename(&path, &target).map_err(|e| StoreError::io("move to the trash", &path, e))?;
        Ok(target)
    }
}

/// Reads a session file: only a regular file (through links), and only up
/// to [`listing::MAX_FILE`] bytes — a pipe, a device or a huge file is
/// refused before anything is read from it.
fn read_session_file(path: &Path) -> io::Result<String> {
    let meta = fs::metadata(path)?;
    if let Some(reason) = listing::not_a_session_file(&meta) {
        return Err(io::Error::other(reason));
    }
    listing::read_limited(path)
}

/// Creates `dir` (and its parents) readable by the owner only (0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
