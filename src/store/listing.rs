//! Listing the sessions in the data directory, newest first, fast enough
//! for 10,000 files.
//!
//! A file is parsed only when its size or modification time differs from
//! what `DIR/cache/list-v1.json` remembers. The cache holds summaries only,
//! is rebuilt from the session files whenever it is missing or unreadable,
//! and is never the source of truth.

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
        }
    }
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
    /// Files that could not be read, by file name.
    pub unreadable: Vec<Unreadable>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Entry {
    Ok(SessionSummary),
    Unreadable(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CacheRow {
    len: u64,
    modified_ns: u128,
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
    for dir_entry in fs::read_dir(sessions_dir)? {
        let dir_entry = dir_entry?;
        let name = dir_entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(".json") {
            continue;
        }
        let Ok(meta) = dir_entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let len = meta.len();
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let path = dir_entry.path();
        let row = match old.rows.get(&name) {
            Some(row) if row.len == len && row.modified_ns == modified_ns => row.clone(),
            _ => {
                changed = true;
                CacheRow {
                    len,
                    modified_ns,
                    entry: read_entry(&path),
                }
            }
        };
        fresh.rows.insert(name, row);
    }
    if changed || fresh.rows.len() != old.rows.len() {
        // The cache is an optimisation: failing to write it is not an error.
        if let Ok(text) = serde_json::to_string(&fresh) {
            let _ = atomic::write(cache_path, text.as_bytes());
        }
    }
    Ok(into_listing(fresh, sessions_dir))
}

fn read_entry(path: &Path) -> Entry {
    match fs::read_to_string(path) {
        Err(e) => Entry::Unreadable(format!("cannot read: {e}")),
        Ok(text) => match codec::parse(&text) {
            Ok(session) => Entry::Ok(SessionSummary::of(&session, path.to_path_buf())),
            Err(e) => Entry::Unreadable(e.to_string()),
        },
    }
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
    listing.sessions.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| b.created.cmp(&a.created))
            .then_with(|| a.id.cmp(&b.id))
    });
    listing
}
