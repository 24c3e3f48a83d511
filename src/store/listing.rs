//! Listing the sessions in the data directory, newest first, fast enough
//! for 10,000 files.
//!
//! A file is parsed only when it is not the file `DIR/cache/list-v3.json`
//! remembers: same size, modification time, and (on Unix) inode and
//! change time, which no edit can keep — even one that puts the old
//! modification time back. Files listed as unreadable are read again on
//! every listing, so a file fixed (or made readable) shows at once. The
//! cache holds summaries only, is rebuilt whenever it is missing or
//! unreadable, and is never the source of truth.
//!
//! Every `*.json` entry that is not read is reported with the reason (a
//! link, a folder, a pipe, too large), and two files with the same session
//! id are both reported rather than one picked silently.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{atomic, codec};
use crate::model::{ActionStatus, Session, Stage};

/// What a list needs to know about one readable session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// Session id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Created.
    pub created: Timestamp,
    /// Last changed.
    pub updated: Timestamp,
    /// Stage it was left at.
    pub stage: Stage,
    /// Number of why answers (problem statements not counted).
    pub whys: usize,
    /// Number of answers marked root cause.
    pub root_causes: usize,
    /// Number of action items.
    pub actions: usize,
    /// Action items still open or in progress.
    pub open_actions: usize,
    /// Full path of the file.
    pub path: PathBuf,
    /// The day of the incident, in the session's zone.
    pub incident_day: jiff::civil::Date,
    /// Every open action, for follow-ups across sessions (Home and
    /// `fivewhys actions --open/--overdue/--due-within` read these, not the
    /// files).
    pub follow_ups: Vec<FollowUp>,
    /// Actions done on or before their due date.
    pub done_on_time: usize,
    /// Actions done after their due date.
    pub done_late: usize,
}

/// An open action, as the listing keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The action's id.
    pub id: String,
    /// Its label in the session's summary: `A2`.
    pub number: String,
    /// What will be done.
    pub description: String,
    /// Who will do it.
    pub owner: Option<String>,
    /// Their team.
    pub team: Option<String>,
    /// When it is due.
    pub due: Option<jiff::civil::Date>,
    /// How urgent.
    pub priority: crate::model::Priority,
    /// Open or in progress.
    pub status: ActionStatus,
    /// Where it is tracked.
    pub link: Option<String>,
    /// Its note.
    pub note: String,
}

impl FollowUp {
    /// As a row of `fivewhys actions`, "overdue" measured from `today`.
    pub fn row(&self, s: &SessionSummary, today: jiff::civil::Date) -> crate::follow::ActionRow {
        crate::follow::ActionRow {
            id: self.id.clone(),
            session: s.id.clone(),
            session_title: s.title.clone(),
            number: self.number.clone(),
            description: self.description.clone(),
            owner: self.owner.clone(),
            team: self.team.clone(),
            due: self.due,
            priority: self.priority,
            status: self.status,
            link: self.link.clone(),
            overdue: self.due.is_some_and(|d| d < today),
            note: self.note.clone(),
        }
    }
}

impl SessionSummary {
    /// Summarises a loaded session stored at `path`.
    pub fn of(session: &Session, path: PathBuf) -> SessionSummary {
        let nodes = session.why_nodes();
        SessionSummary {
            id: session.id.clone(),
            title: session.title.clone(),
            created: session.created,
            updated: session.updated,
            stage: session.stage,
            whys: nodes.iter().filter(|(depth, _)| *depth > 0).count(),
            root_causes: nodes.iter().filter(|(_, n)| n.root_cause).count(),
            actions: session.actions.len(),
            open_actions: session
                .actions
                .iter()
                .filter(|a| a.status.is_open() && a.status != ActionStatus::Dropped)
                .count(),
            path,
            incident_day: crate::follow::stats::incident_day(session),
            follow_ups: session
                .actions
                .iter()
                .enumerate()
                .filter(|(_, a)| a.status.is_open())
                .map(|(i, a)| FollowUp {
                    id: a.id.clone(),
                    number: format!("A{}", i + 1),
                    description: a.description.clone(),
                    owner: a.owner.clone(),
                    team: a.team.clone(),
                    due: a.due,
                    priority: a.priority,
                    status: a.status,
                    link: a.link.clone(),
                    note: a.note.clone(),
                })
                .collect(),
            done_on_time: done(session, true),
            done_late: done(session, false),
        }
    }
}

/// Actions done on time (or, with `on_time` false, late), measured in the
/// session's zone.
fn done(session: &Session, on_time: bool) -> usize {
    let zone = session.zone().unwrap_or(jiff::tz::TimeZone::UTC);
    session
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .filter(|a| match (a.due, a.completed) {
            (Some(due), Some(at)) => (at.to_zoned(zone.clone()).date() <= due) == on_time,
            _ => false,
        })
        .count()
}

/// A file in the sessions directory that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unreadable {
    /// Full path of the file; it is left exactly as it is.
    pub path: PathBuf,
    /// Why it could not be read.
    pub reason: String,
}

/// Every session file in the data directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// Readable sessions, most recently updated first.
    pub sessions: Vec<SessionSummary>,
    /// Files that could not be read, by file name; files that share a
    /// session id with another are here too.
    pub unreadable: Vec<Unreadable>,
    /// Session ids found in more than one file, with those files.
    pub duplicates: BTreeMap<String, Vec<PathBuf>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Entry {
    Ok(SessionSummary),
    Unreadable(String),
}

/// Largest session file read; anything bigger is reported, not read.
pub const MAX_FILE: u64 = 16 * 1024 * 1024;

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified_ns: u128,
    inode: u64,
    changed_ns: i128,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let (inode, changed_ns) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ino(),
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (inode, changed_ns) = (0, 0);
        Stamp {
            len: meta.len(),
            modified_ns,
            inode,
            changed_ns,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CacheRow {
    stamp: Stamp,
    entry: Entry,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    rows: BTreeMap<String, CacheRow>,
}

/// Lists `sessions_dir`, using and refreshing the cache file `cache_path`.
pub fn list(sessions_dir: &Path, cache_path: &Path) -> std::io::Result<Listing> {
    atomic::remove_stale_temps(sessions_dir);
    let old = fs::read_to_string(cache_path)
        .ok()
        .and_then(|text| serde_json::from_str::<Cache>(&text).ok())
        .unwrap_or_default();
    let mut fresh = Cache::default();
    let mut changed = false;
    let mut to_read = Vec::new();
    for dir_entry in fs::read_dir(sessions_dir)? {
        let dir_entry = dir_entry?;
        let name = dir_entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(".json") {
            continue;
        }
        let path = dir_entry.path();
        // Not following links: what is in the folder is what is reported.
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                fresh
                    .rows
                    .insert(name, skipped(format!("cannot read: {e}")));
                changed = true;
                continue;
            }
        };
        if let Some(reason) = not_a_session_file(&meta) {
            fresh.rows.insert(name, skipped(reason));
            changed = true;
            continue;
        }
        let stamp = Stamp::of(&meta);
        match old.rows.get(&name) {
            Some(row) if row.stamp == stamp && matches!(row.entry, Entry::Ok(_)) => {
                fresh.rows.insert(name, row.clone());
            }
            _ => to_read.push((name, path, stamp)),
        }
    }
    // The files to read (all of them, the first time) are parsed on every
    // core.
    if !to_read.is_empty() {
        use rayon::prelude::*;
        changed = true;
        let read: Vec<(String, CacheRow)> = to_read
            .into_par_iter()
            .map(|(name, path, stamp)| {
                let entry = read_entry(&path);
                (name, CacheRow { stamp, entry })
            })
            .collect();
        fresh.rows.extend(read);
    }
    if changed || fresh.rows.len() != old.rows.len() {
        // The cache is an optimisation: failing to write it is not an error.
        if let Ok(text) = serde_json::to_string(&fresh) {
            let _ = atomic::write(cache_path, text.as_bytes());
        }
    }
    Ok(into_listing(fresh, sessions_dir))
}

/// A row for an entry that is reported and never read.
fn skipped(reason: String) -> CacheRow {
    CacheRow {
        stamp: Stamp {
            len: 0,
            modified_ns: 0,
            inode: 0,
            changed_ns: 0,
        },
        entry: Entry::Unreadable(reason),
    }
}

/// Why an entry in `sessions/` is not read as a session, if it is not.
pub fn not_a_session_file(meta: &fs::Metadata) -> Option<String> {
    let kind = meta.file_type();
    let what = if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if !kind.is_file() {
        special_kind(&kind)
    } else if meta.len() > MAX_FILE {
        return Some(format!(
            "larger than {} MiB ({} bytes); not read",
            MAX_FILE / 1024 / 1024,
            meta.len()
        ));
    } else {
        return None;
    };
    Some(format!(
        "{what}, not a session file; fivewhys reads only regular files"
    ))
}

/// What kind of special file this is, in words.
pub fn special_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    let _ = kind;
    "not a regular file"
}

fn read_entry(path: &Path) -> Entry {
    match read_limited(path) {
        Err(e) => Entry::Unreadable(format!("cannot read: {e}")),
        Ok(text) => match codec::parse(&text) {
            Ok(session) => Entry::Ok(SessionSummary::of(&session, path.to_path_buf())),
            Err(e) => Entry::Unreadable(e.to_string()),
        },
    }
}

/// Reads a file of at most [`MAX_FILE`] bytes as text.
pub fn read_limited(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    fs::File::open(path)?
        .take(MAX_FILE + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_FILE {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB",
            MAX_FILE / 1024 / 1024
        )));
    }
    Ok(text)
}

fn into_listing(cache: Cache, sessions_dir: &Path) -> Listing {
    let mut listing = Listing::default();
    for (name, row) in cache.rows {
        let path = sessions_dir.join(&name);
        match row.entry {
            Entry::Ok(mut summary) => {
                // The data directory may have moved since the cache was written.
                summary.path = path;
                listing.sessions.push(summary);
            }
            Entry::Unreadable(reason) => listing.unreadable.push(Unreadable { path, reason }),
        }
    }
    let mut by_id: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for s in &listing.sessions {
        by_id.entry(s.id.clone()).or_default().push(s.path.clone());
    }
    by_id.retain(|_, paths| paths.len() > 1);
    if !by_id.is_empty() {
        listing.sessions.retain(|s| !by_id.contains_key(&s.id));
        for (id, paths) in &by_id {
            for path in paths {
                let others: Vec<String> = paths
                    .iter()
                    .filter(|p| *p != path)
                    .map(|p| p.display().to_string())
                    .collect();
                listing.unreadable.push(Unreadable {
                    path: path.clone(),
                    reason: format!(
                        "the session id {id} is also in {}; keep one, or give one a new id \
                         with `fivewhys import --new-id FILE` and move the other out of sessions/",
                        others.join(", ")
                    ),
                });
            }
        }
        listing.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        listing.duplicates = by_id;
    }
    listing.sort();
    listing
}

impl Listing {
    /// Most recently updated first.
    pub fn sort(&mut self) {
        self.sessions.sort_by(|a, b| {
            b.updated
                .cmp(&a.updated)
                .then_with(|| b.created.cmp(&a.created))
                .then_with(|| a.id.cmp(&b.id))
        });
    }

    /// The same listing with one session as it is now (after it was
    /// edited): its entry replaced, or added, and the order kept.
    pub fn with(mut self, session: &Session, path: PathBuf) -> Listing {
        let summary = SessionSummary::of(session, path);
        match self.sessions.iter_mut().find(|s| s.path == summary.path) {
            Some(entry) => *entry = summary,
            None => self.sessions.push(summary),
        }
        self.sort();
        self
    }
}
