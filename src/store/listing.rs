//! What a listing of the sessions folder holds, and the rules for which
//! entries are read as sessions. The index (`index/`) does the listing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use super::summary::{FollowUp, SessionSummary};
use crate::model::Session;

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
    /// Where each session id is in [`Listing::sessions`].
    pub positions: std::collections::HashMap<String, usize>,
    /// Where each session is in [`Listing::sessions`], by its row in the
    /// index.
    pub by_key: std::collections::HashMap<i64, usize>,
    /// Something the index said about itself (it was rebuilt, and why).
    pub notice: Option<String>,
}

/// Largest session file read; anything bigger is reported, not read.
pub const MAX_FILE: u64 = 16 * 1024 * 1024;

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

/// Reads a file of at most [`MAX_FILE`] bytes as text.
pub fn read_limited(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let file = fs::File::open(path)?;
    // Room for the whole file at once (plus a byte, to see the end): no
    // growing and copying as it is read.
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE) as usize;
    let mut text = String::with_capacity(size + 1);
    file.take(MAX_FILE + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_FILE {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB",
            MAX_FILE / 1024 / 1024
        )));
    }
    Ok(text)
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
            Some(entry) => {
                let key = entry.key;
                *entry = summary;
                entry.key = key;
            }
            None => self.sessions.push(summary),
        }
        self.sort();
        self.place();
        self
    }

    /// Notes where each session is (after the sessions changed).
    pub fn place(&mut self) {
        self.positions = (self.sessions.iter().enumerate())
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        self.by_key = (self.sessions.iter().enumerate())
            .filter(|(_, s)| s.key != 0)
            .map(|(i, s)| (s.key, i))
            .collect();
    }
}
