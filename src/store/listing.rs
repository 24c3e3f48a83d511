//! Listing the sessions in the data directory, newest first, streamed
//! from the listing cache (see `cache.rs`) so that 100,000 sessions are
//! never in memory at once.
//!
//! A file is parsed only when the cache has no line for this version of
//! it (same size, modification time, inode and change time). Files that
//! cannot be read are never cached: they are read again on every listing,
//! so a file fixed (or made readable) shows at once.
//!
//! Every `*.json` entry that is not read is reported with the reason (a
//! link, a folder, a pipe, too large), and two files with the same session
//! id are both reported rather than one picked silently.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use serde::{Deserialize, Serialize};

use super::cache::{self, Log, Order, Stamp};
pub use super::summary::{FollowUp, FollowUpRef, SessionSummary};
use super::{atomic, codec, names};
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
}

/// Largest session file read; anything bigger is reported, not read.
pub const MAX_FILE: u64 = 16 * 1024 * 1024;

/// Files read at once, on every core, before their lines are written.
const BATCH: usize = 1024;

/// Cache lines decoded at once, on every core, for the open actions.
const FOLLOW_UP_BATCH: usize = 512;

/// Where a session read in this listing (not from the cache) has its line.
#[derive(Debug)]
enum At {
    /// In the cache file's appended part.
    Log(u64, u32),
    /// In this listing's scratch file.
    Scratch(u64, u32),
}

/// The sessions directory, checked against the cache: what is to be
/// listed and where each line is, and what could not be read. Summaries
/// come out one at a time from [`Scan::for_each`].
#[derive(Debug)]
pub struct Scan {
    dir: PathBuf,
    log: Log,
    /// Sessions not in the cache's sorted part, sorted.
    extra: Vec<(Order, At)>,
    scratch: Option<File>,
    /// Files that could not be read, by path.
    pub unreadable: Vec<Unreadable>,
    /// Session ids found in more than one file, with those files.
    pub duplicates: BTreeMap<String, Vec<PathBuf>>,
}

/// Lists `sessions_dir`, using and refreshing the cache file `cache_path`.
pub fn list(sessions_dir: &Path, cache_path: &Path) -> io::Result<Listing> {
    collect(sessions_dir, cache_path, true)
}

/// Like [`list`], without the open actions of each session.
pub fn list_brief(sessions_dir: &Path, cache_path: &Path) -> io::Result<Listing> {
    collect(sessions_dir, cache_path, false)
}

/// Like [`list`], keeping only the open actions due on or before `last`
/// (what a screen of follow-ups shows), so a store of any age fits.
pub fn list_due_by(
    sessions_dir: &Path,
    cache_path: &Path,
    last: jiff::civil::Date,
) -> io::Result<Listing> {
    let scan = scan(sessions_dir, cache_path)?;
    let mut listing = Listing::default();
    scan.for_each(true, |mut s| {
        s.follow_ups.retain(|f| f.due.is_some_and(|d| d <= last));
        s.follow_ups.shrink_to_fit();
        listing.sessions.push(s);
    })?;
    listing.unreadable = scan.unreadable;
    listing.duplicates = scan.duplicates;
    Ok(listing)
}

fn collect(sessions_dir: &Path, cache_path: &Path, follow_ups: bool) -> io::Result<Listing> {
    let scan = scan(sessions_dir, cache_path)?;
    let mut listing = Listing::default();
    scan.for_each(follow_ups, |s| listing.sessions.push(s))?;
    listing.unreadable = scan.unreadable;
    listing.duplicates = scan.duplicates;
    Ok(listing)
}

/// Checks `sessions_dir` against the cache file `cache_path`, reads what
/// changed (on every core), and brings the cache up to date: changed
/// files are appended, and the file is rewritten sorted now and then.
pub fn scan(sessions_dir: &Path, cache_path: &Path) -> io::Result<Scan> {
    // The cache is indexed on one thread while the folder is read and
    // every file's stamp taken on the others.
    let (log, found) = std::thread::scope(|threads| -> io::Result<_> {
        let log = threads.spawn(|| Log::open(cache_path));
        // This thread reads the folder on while the batches it has read
        // are stamped on every core, each added as soon as it is stamped;
        // a few batches at most wait, so memory does not grow.
        let found = Mutex::new(Found::default());
        let waiting = (Mutex::new(0usize), Condvar::new());
        rayon::in_place_scope(|batches| {
            each_session_entry(sessions_dir, cache_path, |entries| {
                let mut n = locked(&waiting.0);
                while *n >= 4 {
                    n = waiting.1.wait(n).unwrap_or_else(|e| e.into_inner());
                }
                *n += 1;
                drop(n);
                let (found, waiting) = (&found, &waiting);
                batches.spawn(move |_| {
                    let batch: Vec<_> = entries.into_iter().map(stamp_of).collect();
                    let mut found = locked(found);
                    for (name, stamp) in batch {
                        found.add(name, stamp);
                    }
                    *locked(&waiting.0) -= 1;
                    waiting.1.notify_one();
                });
            })
        })?;
        let found = found.into_inner().unwrap_or_else(|e| e.into_inner());
        let log = log.join().unwrap_or_else(|_| Log::default());
        Ok((log, found))
    })?;
    let mut log = log;
    let mut unreadable: Vec<Unreadable> = found
        .unreadable
        .into_iter()
        .map(|(name, reason)| Unreadable {
            path: sessions_dir.join(name),
            reason,
        })
        .collect();
    let mut to_read = Vec::new();
    for &(start, end, stamp) in &found.stamps {
        let name = &found.names[start as usize..end as usize];
        if !log.claim(name, stamp) {
            to_read.push((name.to_string(), stamp));
        }
    }
    drop(found.names);
    drop(found.stamps);
    let mut extra = Vec::new();
    let appended_before = log.appended.len();
    for (index, order) in std::mem::take(&mut log.appended) {
        let line = log.lines[index as usize];
        if line.live {
            extra.push((order, At::Log(line.offset, line.len)));
        }
    }
    let (scratch, appended, read) =
        read_changed(sessions_dir, &to_read, &mut extra, &mut unreadable)?;
    let mut scan = Scan {
        dir: sessions_dir.to_path_buf(),
        log,
        extra,
        scratch,
        unreadable,
        duplicates: BTreeMap::new(),
    };
    scan.withhold_duplicates()?;
    scan.extra.sort_by(|a, b| a.0.cmp(&b.0));
    // The cache is an optimisation: failing to write it is not an error.
    let (live, dead) = scan.log.waste();
    let appended_after = appended_before + read;
    if scan.log.file.is_none() || dead > 256 + live / 4 || appended_after > 256 + live / 8 {
        if let Some(cache_dir) = cache_path.parent() {
            atomic::remove_stale_temps(cache_dir);
        }
        if let Ok(rewritten) = cache::rewrite(cache_path, |write| scan.lines(write)) {
            scan.log = rewritten;
            scan.extra.clear();
            scan.scratch = None;
        }
    } else if !appended.is_empty() {
        let _ = Log::append(cache_path, &appended);
    }
    scan.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(scan)
}

/// What `m` guards; a thread that panicked holding it left it whole.
fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// An entry's name and stamp, or why it is not read as a session. Links
/// are not followed: what is in the folder is what is reported.
fn stamp_of(entry: fs::DirEntry) -> (std::ffi::OsString, Result<Stamp, String>) {
    let stamp = match entry.metadata() {
        Ok(meta) => match not_a_session_file(&meta) {
            Some(reason) => Err(reason),
            None => Ok(Stamp::of(&meta)),
        },
        Err(e) => Err(format!("cannot read: {e}")),
    };
    (entry.file_name(), stamp)
}

/// The session files a folder pass found: their names end to end (100,000
/// names are one string, not 100,000) with their stamps, and the files
/// that cannot be listed.
#[derive(Default)]
struct Found {
    names: String,
    stamps: Vec<(u32, u32, Stamp)>,
    unreadable: Vec<(std::ffi::OsString, String)>,
}

impl Found {
    fn add(&mut self, name: std::ffi::OsString, stamp: Result<Stamp, String>) {
        match (stamp, name.to_str()) {
            (Ok(stamp), Some(text)) => {
                let start = self.names.len() as u32;
                self.names.push_str(text);
                self.stamps.push((start, self.names.len() as u32, stamp));
            }
            // Kept by its real name, which a listing of text cannot hold.
            (Ok(_), None) => self.unreadable.push((
                name,
                "its name is not valid UTF-8, so fivewhys does not read it; give it a name in UTF-8"
                    .to_string(),
            )),
            (Err(reason), _) => self.unreadable.push((name, reason)),
        }
    }
}

/// The `*.json` entries of the sessions folder, handed to `f` a batch at
/// a time, their names kept beside the cache; stale temp files of saves
/// cut short by a crash are removed on the way.
fn each_session_entry(
    sessions_dir: &Path,
    cache_path: &Path,
    mut f: impl FnMut(Vec<fs::DirEntry>),
) -> io::Result<()> {
    let mut names = names::Writer::start(&names_file(cache_path), sessions_dir);
    let mut entries = Vec::with_capacity(BATCH);
    for dir_entry in fs::read_dir(sessions_dir)? {
        let dir_entry = dir_entry?;
        let name = dir_entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            // Young temp files may belong to a save under way.
            atomic::remove_if_stale_temp(&dir_entry);
            continue;
        }
        if !name.ends_with(".json") {
            continue;
        }
        if let Some(names) = &mut names {
            names.add(&name);
        }
        entries.push(dir_entry);
        if entries.len() == BATCH {
            f(std::mem::replace(&mut entries, Vec::with_capacity(BATCH)));
        }
    }
    f(entries);
    if let Some(names) = names {
        names.finish(sessions_dir);
    }
    Ok(())
}

/// Where the names of the sessions folder are kept, beside the cache.
pub fn names_file(cache_path: &Path) -> PathBuf {
    cache_path.with_file_name("names-v1")
}

/// Reads the files `to_read`, a batch at a time on every core; each
/// session's line goes to a scratch file (and, when few, to the bytes
/// returned for appending to the cache), each failure to `unreadable`.
/// Returns the scratch file, those bytes and how many sessions were read.
fn read_changed(
    dir: &Path,
    to_read: &[(String, Stamp)],
    extra: &mut Vec<(Order, At)>,
    unreadable: &mut Vec<Unreadable>,
) -> io::Result<(Option<File>, Vec<u8>, usize)> {
    use rayon::prelude::*;
    if to_read.is_empty() {
        return Ok((None, Vec::new(), 0));
    }
    let scratch = tempfile::tempfile()?;
    let mut out = io::BufWriter::with_capacity(1 << 20, scratch);
    let mut appended = Vec::new();
    let mut offset = 0u64;
    let mut read_ok = 0;
    for batch in to_read.chunks(BATCH) {
        let read: Vec<Result<(Vec<u8>, Order), Unreadable>> = batch
            .par_iter()
            .map(|(name, stamp)| {
                let path = dir.join(name);
                read_summary(&path)
                    .map(|summary| (cache::encode(name, *stamp, &summary), Order::of(&summary)))
                    .map_err(|reason| Unreadable { path, reason })
            })
            .collect();
        for entry in read {
            match entry {
                Ok((line, order)) => {
                    out.write_all(&line)?;
                    if appended.len() < 1 << 22 {
                        appended.extend_from_slice(&line);
                    }
                    extra.push((order, At::Scratch(offset, line.len() as u32)));
                    offset += line.len() as u64;
                    read_ok += 1;
                }
                Err(bad) => unreadable.push(bad),
            }
        }
    }
    let scratch = out.into_inner().map_err(|e| e.into_error())?;
    Ok((Some(scratch), appended, read_ok))
}

impl Scan {
    /// Calls `f` with every listed session's line, newest first.
    fn lines(&self, f: &mut dyn FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        let mut extra = self.extra.iter().peekable();
        cache::sorted_lines(&self.log, |line| {
            if extra.peek().is_some() {
                let (_, this) = cache::order_of(line).ok_or_else(garbled)?;
                while let Some((_, at)) = extra.next_if(|(o, _)| *o < this) {
                    f(&self.read(at)?)?;
                }
            }
            f(line)
        })?;
        for (_, at) in extra {
            f(&self.read(at)?)?;
        }
        Ok(())
    }

    fn read(&self, at: &At) -> io::Result<Vec<u8>> {
        match at {
            At::Log(offset, len) => {
                let file = self.log.file.as_ref().ok_or_else(garbled)?;
                cache::read_at(file, *offset, *len)
            }
            At::Scratch(offset, len) => {
                let file = self.scratch.as_ref().ok_or_else(garbled)?;
                cache::read_at(file, *offset, *len)
            }
        }
    }

    /// Calls `f` with every listed session, newest first; with their open
    /// actions when `follow_ups`.
    pub fn for_each(&self, follow_ups: bool, mut f: impl FnMut(SessionSummary)) -> io::Result<()> {
        self.lines(&mut |line| {
            let summary = cache::decode(line, &self.dir, follow_ups).ok_or_else(garbled)?;
            f(summary);
            Ok(())
        })
    }

    /// Calls `map` with every listed session's id, title and open actions,
    /// borrowed from its cache line (nothing is copied that `map` does not
    /// keep), on every core a batch of lines at a time while the next
    /// batch is read; `each` then gets what `map` made, in listing order
    /// (newest first).
    pub fn map_follow_ups<T: Send>(
        &self,
        map: impl Fn(&str, &str, &[FollowUpRef<'_>]) -> T + Sync,
        mut each: impl FnMut(T),
    ) -> io::Result<()> {
        use rayon::prelude::*;
        type Batch = (Vec<u8>, Vec<usize>);
        std::thread::scope(|threads| {
            let (send, batches) = std::sync::mpsc::sync_channel::<Batch>(2);
            let reader = threads.spawn(move || -> io::Result<()> {
                let (mut text, mut ends) = (Vec::new(), Vec::new());
                let stopped = || io::Error::other("stopped");
                self.lines(&mut |line| {
                    text.extend_from_slice(line);
                    ends.push(text.len());
                    if ends.len() == FOLLOW_UP_BATCH {
                        let batch = (std::mem::take(&mut text), std::mem::take(&mut ends));
                        send.send(batch).map_err(|_| stopped())?;
                    }
                    Ok(())
                })?;
                send.send((text, ends)).map_err(|_| stopped())
            });
            let mut decoded = || -> io::Result<()> {
                for (text, ends) in &batches {
                    let made: Vec<Option<T>> = (0..ends.len())
                        .into_par_iter()
                        .map(|i| {
                            let start = if i == 0 { 0 } else { ends[i - 1] };
                            let (id, title, follow_ups) =
                                cache::decode_follow_ups(&text[start..ends[i]])?;
                            Some(map(&id, &title, &follow_ups))
                        })
                        .collect();
                    for t in made {
                        each(t.ok_or_else(garbled)?);
                    }
                }
                Ok(())
            };
            let result = decoded();
            // A reader still sending stops at its next batch.
            drop(batches);
            let read = reader.join().unwrap_or_else(|_| Err(garbled()));
            result.and(read)
        })
    }

    /// Finds session ids in more than one file, reports both files and
    /// takes them out of the listing.
    fn withhold_duplicates(&mut self) -> io::Result<()> {
        // Candidates by hash first; the few that share one are read.
        let mut hashes: Vec<u64> = self
            .log
            .lines
            .iter()
            .filter(|l| l.live && l.offset < self.log.sorted_end)
            .map(|l| l.id_hash)
            .chain(self.extra.iter().map(|(o, _)| cache::hash_of(&o.id)))
            .collect();
        hashes.sort_unstable();
        let mut shared: Vec<u64> = hashes
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        shared.dedup();
        drop(hashes);
        if shared.is_empty() {
            return Ok(());
        }
        let mut by_id: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        let mut withheld_lines = Vec::new();
        // Lines of the appended part are in `extra`.
        for (i, line) in self.log.lines.iter().enumerate() {
            if line.offset >= self.log.sorted_end {
                break;
            }
            if line.live && shared.binary_search(&line.id_hash).is_ok() {
                let file = self.log.file.as_ref().ok_or_else(garbled)?;
                let text = cache::read_at(file, line.offset, line.len)?;
                let (name, order) = cache::order_of(&text).ok_or_else(garbled)?;
                let path = self.dir.join(name);
                by_id.entry(order.id.into()).or_default().push(path.clone());
                withheld_lines.push((i, path));
            }
        }
        let mut withheld_extra = Vec::new();
        for (i, (order, at)) in self.extra.iter().enumerate() {
            if shared.binary_search(&cache::hash_of(&order.id)).is_ok() {
                let (name, _) = cache::order_of(&self.read(at)?).ok_or_else(garbled)?;
                by_id
                    .entry(order.id.to_string())
                    .or_default()
                    .push(self.dir.join(&name));
                withheld_extra.push((i, self.dir.join(name)));
            }
        }
        by_id.retain(|_, paths| paths.len() > 1);
        let is_dup = |path: &PathBuf| by_id.values().any(|paths| paths.contains(path));
        for (i, path) in withheld_lines {
            if is_dup(&path) {
                self.log.lines[i].live = false;
            }
        }
        let mut drop_extra: Vec<usize> = withheld_extra
            .into_iter()
            .filter(|(_, path)| is_dup(path))
            .map(|(i, _)| i)
            .collect();
        drop_extra.sort_unstable();
        for i in drop_extra.into_iter().rev() {
            self.extra.remove(i);
        }
        for (id, paths) in &mut by_id {
            paths.sort();
            for path in paths.iter() {
                let others: Vec<String> = paths
                    .iter()
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
        self.duplicates = by_id;
        Ok(())
    }
}

/// A cache line that read back wrong: another listing rewrote the file
/// under this one. Listing again reads it afresh.
fn garbled() -> io::Error {
    io::Error::other("the listing cache changed while it was read; list again")
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

/// The summary of the session file at `path`, or why it cannot be read.
fn read_summary(path: &Path) -> Result<SessionSummary, String> {
    let text = read_limited(path).map_err(|e| format!("cannot read: {e}"))?;
    let session: Session = codec::parse(&text).map_err(|e| e.to_string())?;
    Ok(SessionSummary::of(&session, path.to_path_buf()))
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
