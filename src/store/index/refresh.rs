//! Bringing the index up to date with the sessions folder: one directory
//! read and a stat of every file (see the module above for when a cheaper
//! check is trusted), only changed files read, on every core, their rows
//! replaced in one transaction.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use rusqlite::{Connection, Transaction, params};

use super::rows::Extract;
use super::stamp::Stamp;
use super::{Check, TRUST_FOR};
use crate::store::{Unreadable, atomic, codec, listing};

/// Why the index could not be brought up to date.
#[derive(Debug)]
pub enum Failed {
    /// The database said no.
    Sql(rusqlite::Error),
    /// The folder could not be read.
    Io(io::Error),
}

impl From<rusqlite::Error> for Failed {
    fn from(e: rusqlite::Error) -> Failed {
        Failed::Sql(e)
    }
}

impl From<io::Error> for Failed {
    fn from(e: io::Error) -> Failed {
        Failed::Io(e)
    }
}

impl From<Failed> for io::Error {
    fn from(f: Failed) -> io::Error {
        match f {
            Failed::Sql(e) => super::sql(e),
            Failed::Io(e) => e,
        }
    }
}

/// Files read and written at once.
const BATCH: usize = 512;

/// One entry of the folder that changed since the index last saw it.
struct Changed {
    name: String,
    stamp: Stamp,
    /// Its row, when it had one.
    key: Option<i64>,
    /// Why it is not read, known from its stat alone.
    reason: Option<String>,
}

/// What reading a changed file gave.
enum Read {
    Session(Box<Extract>),
    Unreadable(String),
}

/// Brings the index up to date; returns the entries that cannot even be
/// named in it (names that are not UTF-8).
pub fn refresh(conn: &mut Connection, dir: &Path, check: Check) -> Result<Vec<Unreadable>, Failed> {
    let folder = folder_stamp(dir)?;
    if check == Check::None || (check == Check::Quick && trusted(conn, &folder)?) {
        return Ok(Vec::new());
    }
    let mut known = known(conn)?;
    let (changed, unnamed) = look(dir, &mut known)?;
    let gone: Vec<i64> = known.into_values().map(|(key, _)| key).collect();
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    if changed.is_empty() && gone.is_empty() {
        note_checked(conn, folder, now)?;
        return Ok(unnamed);
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for key in gone {
        forget(&tx, key)?;
    }
    write_changed(&tx, dir, changed)?;
    note_checked(&tx, folder, now)?;
    tx.commit()?;
    Ok(unnamed)
}

/// The sessions folder's own stamp: what changes when a file in it is
/// added, removed or replaced.
fn folder_stamp(dir: &Path) -> io::Result<String> {
    let s = Stamp::of(&fs::metadata(dir)?);
    Ok(format!("{} {} {}", s.modified, s.changed, s.inode))
}

/// Whether the last full check still holds: the folder is as it was then,
/// and that was recently.
fn trusted(conn: &Connection, folder: &str) -> rusqlite::Result<bool> {
    let (seen, at): (Option<String>, Option<i64>) = conn.query_row(
        "SELECT (SELECT value FROM meta WHERE name = 'folder'), \
                (SELECT value FROM meta WHERE name = 'checked')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Ok(seen.as_deref() == Some(folder)
        && at.is_some_and(|at| (0..TRUST_FOR.as_secs() as i64).contains(&(now - at))))
}

fn note_checked(conn: &Connection, folder: String, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (name, value) VALUES ('folder', ?1), ('checked', ?2)",
        params![folder, now],
    )?;
    Ok(())
}

/// Every file the index knows, by name: its key and stamp.
fn known(conn: &Connection) -> rusqlite::Result<HashMap<String, (i64, Stamp)>> {
    let mut stmt = conn.prepare("SELECT name, key, len, modified, inode, changed FROM sessions")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            (
                r.get(1)?,
                Stamp {
                    len: r.get(2)?,
                    modified: r.get(3)?,
                    inode: r.get(4)?,
                    changed: r.get(5)?,
                },
            ),
        ))
    })?;
    rows.collect()
}

/// Reads the folder and stats its `*.json` entries (on every core, a
/// batch at a time), taking from `known` every entry still as it was; the
/// others are returned as changed. Stale temp files of saves cut short by
/// a crash are removed on the way.
fn look(
    dir: &Path,
    known: &mut HashMap<String, (i64, Stamp)>,
) -> io::Result<(Vec<Changed>, Vec<Unreadable>)> {
    use rayon::prelude::*;
    let mut changed = Vec::new();
    let mut unnamed = Vec::new();
    let mut batch = Vec::with_capacity(BATCH * 2);
    let mut take = |batch: &mut Vec<fs::DirEntry>| {
        let stamped: Vec<(OsString, Result<Stamp, String>, Option<String>)> = batch
            .par_drain(..)
            .map(|entry| {
                let (stamp, reason) = match entry.metadata() {
                    Ok(meta) => (Ok(Stamp::of(&meta)), listing::not_a_session_file(&meta)),
                    Err(e) => (Err(format!("cannot read: {e}")), None),
                };
                (entry.file_name(), stamp, reason)
            })
            .collect();
        for (name, stamp, reason) in stamped {
            let (Some(text), Ok(stamp)) = (name.to_str(), &stamp) else {
                let reason = match stamp {
                    Err(reason) => reason,
                    Ok(_) => "its name is not valid UTF-8, so fivewhys does not read it; \
                              give it a name in UTF-8"
                        .to_string(),
                };
                unnamed.push(Unreadable {
                    path: dir.join(name),
                    reason,
                });
                continue;
            };
            let key = match known.remove(text) {
                Some((_, was)) if was == *stamp => continue,
                Some((key, _)) => Some(key),
                None => None,
            };
            changed.push(Changed {
                name: text.to_string(),
                stamp: *stamp,
                key,
                reason,
            });
        }
    };
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            // Young temp files may belong to a save under way.
            atomic::remove_if_stale_temp(&entry);
            continue;
        }
        if !name.ends_with(".json") {
            continue;
        }
        batch.push(entry);
        if batch.len() == BATCH * 2 {
            take(&mut batch);
        }
    }
    take(&mut batch);
    Ok((changed, unnamed))
}

/// Reads the changed files a batch at a time on every core, while this
/// thread writes the batch before into the index.
fn write_changed(tx: &Transaction<'_>, dir: &Path, changed: Vec<Changed>) -> Result<(), Failed> {
    use rayon::prelude::*;
    std::thread::scope(|threads| {
        let (send, batches) = std::sync::mpsc::sync_channel::<Vec<(Changed, Read)>>(2);
        let changed = &changed;
        threads.spawn(move || {
            for chunk in changed.chunks(BATCH) {
                let read: Vec<(Changed, Read)> = chunk
                    .par_iter()
                    .map(|c| {
                        let read = match &c.reason {
                            Some(reason) => Read::Unreadable(reason.clone()),
                            None => read_one(&dir.join(&c.name)),
                        };
                        let c = Changed {
                            name: c.name.clone(),
                            stamp: c.stamp,
                            key: c.key,
                            reason: None,
                        };
                        (c, read)
                    })
                    .collect();
                if send.send(read).is_err() {
                    return;
                }
            }
        });
        let mut writer = Writer::new(tx)?;
        for batch in batches {
            for (c, read) in batch {
                writer.put(&c, read)?;
            }
        }
        Ok(())
    })
}

/// A session file's rows, or why it cannot be read.
fn read_one(path: &Path) -> Read {
    let text = match listing::read_limited(path) {
        Ok(text) => text,
        Err(e) => return Read::Unreadable(format!("cannot read: {e}")),
    };
    match codec::parse(&text) {
        Ok(session) => Read::Session(Box::new(Extract::of(&session))),
        Err(e) => Read::Unreadable(e.to_string()),
    }
}

/// Removes a file's rows.
fn forget(tx: &Connection, key: i64) -> rusqlite::Result<()> {
    clear_children(tx, key)?;
    tx.prepare_cached("DELETE FROM sessions WHERE key = ?1")?
        .execute([key])?;
    Ok(())
}

/// Removes what a file's session put in the other tables.
fn clear_children(tx: &Connection, key: i64) -> rusqlite::Result<()> {
    let searchable: bool = tx
        .prepare_cached("SELECT words FROM sessions WHERE key = ?1")?
        .query_row([key], |r| r.get(0))?;
    if searchable {
        tx.prepare_cached("DELETE FROM words WHERE rowid = ?1")?
            .execute([key])?;
        tx.prepare_cached("DELETE FROM texts WHERE key = ?1")?
            .execute([key])?;
    }
    tx.prepare_cached("DELETE FROM actions WHERE session = ?1")?
        .execute([key])?;
    Ok(())
}

/// Writes rows with statements prepared once.
struct Writer<'t> {
    tx: &'t Transaction<'t>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction<'t>) -> rusqlite::Result<Writer<'t>> {
        Ok(Writer { tx })
    }

    fn put(&mut self, c: &Changed, read: Read) -> rusqlite::Result<()> {
        let tx = self.tx;
        // Looked up again inside the transaction: another fivewhys may
        // have indexed this file since the folder was read.
        let had: Option<i64> = tx
            .prepare_cached("SELECT key FROM sessions WHERE name = ?1")?
            .query_row([&c.name], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        if let Some(key) = had {
            clear_children(tx, key)?;
        }
        let s = &c.stamp;
        let key: i64 = match read {
            Read::Unreadable(reason) => {
                tx.prepare_cached(
                    "INSERT INTO sessions (name, len, modified, inode, changed, reason) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                     ON CONFLICT (name) DO UPDATE SET len = ?2, modified = ?3, inode = ?4, \
                     changed = ?5, reason = ?6, id = NULL, title = NULL, updated_ns = NULL, \
                     causes = NULL, words = 0",
                )?
                .execute(params![
                    c.name, s.len, s.modified, s.inode, s.changed, reason
                ])?;
                return Ok(());
            }
            Read::Session(x) => {
                let m = &x.summary;
                let ns = |t: jiff::Timestamp| i64::try_from(t.as_nanosecond()).unwrap_or(i64::MAX);
                let key = tx
                    .prepare_cached(
                        "INSERT INTO sessions (name, len, modified, inode, changed, reason, id, \
                         title, created, created_ns, updated, updated_ns, stage, whys, \
                         root_causes, actions, open_actions, incident_day, done_on_time, \
                         done_late, detect_minutes, resolve_minutes, causes, done_undated, dropped, \
                         still_open, teams) VALUES \
                         (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, \
                         ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26) \
                         ON CONFLICT (name) DO UPDATE SET len = ?2, modified = ?3, inode = ?4, \
                         changed = ?5, reason = NULL, id = ?6, title = ?7, created = ?8, \
                         created_ns = ?9, updated = ?10, updated_ns = ?11, stage = ?12, \
                         whys = ?13, root_causes = ?14, actions = ?15, open_actions = ?16, \
                         incident_day = ?17, done_on_time = ?18, done_late = ?19, \
                         detect_minutes = ?20, resolve_minutes = ?21, causes = ?22, words = 0, \
                         done_undated = ?23, dropped = ?24, still_open = ?25, teams = ?26 \
                         RETURNING key",
                    )?
                    .query_row(
                        params![
                            c.name,
                            s.len,
                            s.modified,
                            s.inode,
                            s.changed,
                            m.id,
                            m.title,
                            m.created.to_string(),
                            ns(m.created),
                            m.updated.to_string(),
                            ns(m.updated),
                            super::rows::name_of(&m.stage),
                            m.whys as i64,
                            m.root_causes as i64,
                            m.actions as i64,
                            m.open_actions as i64,
                            super::rows::day_number(m.incident_day),
                            m.done_on_time as i64,
                            m.done_late as i64,
                            x.detect_minutes,
                            x.resolve_minutes,
                            x.causes,
                            x.done_undated,
                            x.dropped,
                            x.still_open,
                            x.teams,
                        ],
                        |r| r.get(0),
                    )?;
                let mut action = tx.prepare_cached(
                    "INSERT INTO actions (session, ord, id, description, owner, team, due, \
                     priority, status, link, note, done_day) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?;
                for (i, a) in x.actions.iter().enumerate() {
                    action.execute(params![
                        key,
                        i as i64,
                        a.id,
                        a.description,
                        a.owner,
                        a.team,
                        a.due,
                        a.priority,
                        a.status,
                        a.link,
                        a.note,
                        a.done_day
                    ])?;
                }
                key
            }
        };
        let _ = key;
        Ok(())
    }
}

/// Sessions whose words are added at once.
const WORDS_BATCH: usize = 1024;

/// Adds to the word index the sessions not yet in it: read again (on
/// every core), a batch per transaction, so what is done stays done.
pub fn add_words(conn: &mut Connection, dir: &Path) -> Result<(), Failed> {
    use rayon::prelude::*;
    let todo: Vec<(i64, String)> = conn
        .prepare_cached("SELECT key, name FROM sessions WHERE words = 0 AND reason IS NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if todo.is_empty() {
        return Ok(());
    }
    // The next batch is read on every core while this thread writes the
    // one before.
    std::thread::scope(|threads| {
        let (send, batches) = std::sync::mpsc::sync_channel::<Vec<(i64, Option<Searchable>)>>(2);
        let todo = &todo;
        threads.spawn(move || {
            for chunk in todo.chunks(WORDS_BATCH) {
                let texts = chunk
                    .par_iter()
                    .map(|(key, name)| (*key, words_of(&dir.join(name))))
                    .collect();
                if send.send(texts).is_err() {
                    return;
                }
            }
        });
        for texts in batches {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            for (key, text) in texts {
                // Changed meanwhile (or a moment unreadable): the next
                // full check reads it again, and this is done again then.
                let done = tx
                    .prepare_cached("UPDATE sessions SET words = 1 WHERE key = ?1 AND words = 0")?
                    .execute([key])?;
                if done == 1
                    && let Some((words, lines)) = text
                {
                    tx.prepare_cached("INSERT INTO words (rowid, text) VALUES (?1, ?2)")?
                        .execute(params![key, words])?;
                    tx.prepare_cached("INSERT OR REPLACE INTO texts (key, body) VALUES (?1, ?2)")?
                        .execute(params![key, lines])?;
                }
            }
            tx.commit()?;
        }
        Ok(())
    })
}

/// A session's words (one line per line of every place) and its lines
/// with their places, compressed.
type Searchable = (String, Vec<u8>);

/// The session file at `path`'s searchable text (one line per line of
/// every place) and its lines with their places, compressed.
fn words_of(path: &Path) -> Option<Searchable> {
    let text = listing::read_limited(path).ok()?;
    let session = codec::parse(&text).ok()?;
    let lines = crate::follow::search::labelled_lines(&session);
    let mut words = String::with_capacity(lines.len());
    for row in lines.lines() {
        words.push_str(row.split_once('\t').map_or(row, |(_, line)| line));
        words.push('\n');
    }
    Some((words, lz4_flex::compress_prepend_size(lines.as_bytes())))
}
