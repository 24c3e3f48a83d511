//! The listing cache, `DIR/cache/list-v5.log`: one line per session file,
//! so a listing streams it instead of holding the store in memory, and
//! one changed file adds one line instead of rewriting the cache.
//!
//! The file is a header line, then lines sorted newest first (up to the
//! offset the header names), then lines appended since in any order. A
//! line is `HEAD \t BRIEF \t FOLLOW-UPS \n`, three JSON texts (JSON never
//! holds a raw tab or newline): the head names the file, what identifies
//! its version on disk, the session id and the two times it is sorted by;
//! the brief holds what `list` prints; the follow-ups the open actions,
//! each an array of its fields in order, without their names (a third of
//! the bytes, and nothing to match when read).
//! A later line for a file replaces an earlier one. When the appended part
//! or the lines of files gone grow large, the file is rewritten sorted.
//!
//! A torn or garbled line is skipped (its file is read again); a missing or
//! foreign header means no cache at all. The cache is never the source of
//! truth: every entry is checked against the file's stamp before use.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::summary::{FollowUp, FollowUpRef, SessionSummary};
use crate::model::Stage;

/// The first line, followed by the end of the sorted part as 20 digits.
const MAGIC: &str = "fivewhys listing cache 5; sorted to byte ";
const HEADER_LEN: u64 = MAGIC.len() as u64 + 21;

/// What identifies one version of a file on disk: size, modification
/// time, and (on Unix) inode and change time, which no edit can keep —
/// even one that puts the old modification time back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    len: u64,
    modified_ns: i64,
    inode: u64,
    changed_ns: i64,
}

impl Stamp {
    /// The stamp of a file from its metadata.
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        #[cfg(unix)]
        let (inode, changed_ns) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ino(),
                meta.ctime()
                    .saturating_mul(1_000_000_000)
                    .saturating_add(meta.ctime_nsec()),
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

/// A line's head: file name, stamp, session id, updated, created.
#[derive(Serialize, Deserialize)]
struct Head<'a>(
    #[serde(borrow)] Cow<'a, str>,
    u64,
    i64,
    u64,
    i64,
    #[serde(borrow)] Cow<'a, str>,
    Timestamp,
    Timestamp,
);

/// What `list` prints of a session, besides the head's fields.
#[derive(Serialize, Deserialize)]
struct Brief<'a> {
    #[serde(borrow)]
    title: Cow<'a, str>,
    stage: Stage,
    whys: usize,
    root_causes: usize,
    actions: usize,
    open_actions: usize,
    incident_day: jiff::civil::Date,
    done_on_time: usize,
    done_late: usize,
}

/// Where a listing puts a session: newest update first, then newest
/// creation, then by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    updated: Timestamp,
    created: Timestamp,
    /// The session id.
    pub id: Box<str>,
}

impl Order {
    /// The order of a summary.
    pub fn of(s: &SessionSummary) -> Order {
        Order {
            updated: s.updated,
            created: s.created,
            id: s.id.as_str().into(),
        }
    }
}

impl Ord for Order {
    fn cmp(&self, other: &Order) -> Ordering {
        other
            .updated
            .cmp(&self.updated)
            .then_with(|| other.created.cmp(&self.created))
            .then_with(|| self.id.cmp(&other.id))
    }
}

impl PartialOrd for Order {
    fn partial_cmp(&self, other: &Order) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A hash of a name or id, to find it without keeping its text.
pub fn hash_of(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// One line of the cache for the session in file `name`.
pub fn encode(name: &str, stamp: Stamp, s: &SessionSummary) -> Vec<u8> {
    let head = Head(
        Cow::Borrowed(name),
        stamp.len,
        stamp.modified_ns,
        stamp.inode,
        stamp.changed_ns,
        Cow::Borrowed(&s.id),
        s.updated,
        s.created,
    );
    let brief = Brief {
        title: Cow::Borrowed(&s.title),
        stage: s.stage,
        whys: s.whys,
        root_causes: s.root_causes,
        actions: s.actions,
        open_actions: s.open_actions,
        incident_day: s.incident_day,
        done_on_time: s.done_on_time,
        done_late: s.done_late,
    };
    let mut line = serde_json::to_vec(&head).expect("a head serialises");
    line.push(b'\t');
    serde_json::to_writer(&mut line, &brief).expect("a brief serialises");
    line.push(b'\t');
    serde_json::to_writer(&mut line, &Packed(&s.follow_ups)).expect("follow-ups serialise");
    line.push(b'\n');
    line
}

/// Open actions as a line holds them: each an array of its fields in the
/// order `FollowUp` and `FollowUpRef` declare them, which is how serde
/// reads a struct from an array.
struct Packed<'a>(&'a [FollowUp]);

impl Serialize for Packed<'_> {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        to.collect_seq(self.0.iter().map(|f| {
            (
                &f.id,
                &f.number,
                &f.description,
                &f.owner,
                &f.team,
                &f.due,
                &f.priority,
                &f.status,
                &f.link,
                &f.note,
            )
        }))
    }
}

/// The three parts of a line, without its newline.
fn parts(line: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let line = line.strip_suffix(b"\n")?;
    let first = line.iter().position(|&b| b == b'\t')?;
    let (head, rest) = (&line[..first], &line[first + 1..]);
    let second = rest.iter().position(|&b| b == b'\t')?;
    Some((head, &rest[..second], &rest[second + 1..]))
}

/// The file name and order a line is sorted by.
pub fn order_of(line: &[u8]) -> Option<(String, Order)> {
    let (head, _, _) = parts(line)?;
    let Head(name, _, _, _, _, id, updated, created) = serde_json::from_slice(head).ok()?;
    Some((
        name.into_owned(),
        Order {
            updated,
            created,
            id: id.as_ref().into(),
        },
    ))
}

/// The summary a line holds, its file in `dir`; the follow-ups are read
/// only when asked for.
pub fn decode(line: &[u8], dir: &Path, follow_ups: bool) -> Option<SessionSummary> {
    let (head, brief, rest) = parts(line)?;
    let Head(name, _, _, _, _, id, updated, created) = serde_json::from_slice(head).ok()?;
    let brief: Brief = serde_json::from_slice(brief).ok()?;
    let follow_ups: Vec<FollowUp> = if follow_ups {
        serde_json::from_slice(rest).ok()?
    } else {
        Vec::new()
    };
    Some(SessionSummary {
        id: id.into_owned(),
        title: brief.title.into_owned(),
        created,
        updated,
        stage: brief.stage,
        whys: brief.whys,
        root_causes: brief.root_causes,
        actions: brief.actions,
        open_actions: brief.open_actions,
        path: dir.join(name.as_ref()),
        incident_day: brief.incident_day,
        follow_ups,
        done_on_time: brief.done_on_time,
        done_late: brief.done_late,
    })
}

/// The title of a line's brief, borrowed.
#[derive(Deserialize)]
struct Title<'a> {
    #[serde(borrow)]
    title: Cow<'a, str>,
}

/// The session id, title and open actions a line holds, borrowed from it
/// where the text has no escapes.
pub fn decode_follow_ups(
    line: &[u8],
) -> Option<(Cow<'_, str>, Cow<'_, str>, Vec<FollowUpRef<'_>>)> {
    let (head, brief, rest) = parts(line)?;
    let Head(_, _, _, _, _, id, _, _) = serde_json::from_slice(head).ok()?;
    let Title { title } = serde_json::from_slice(brief).ok()?;
    Some((id, title, serde_json::from_slice(rest).ok()?))
}

/// One line of the cache file, as the index keeps it.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Where it starts in the file.
    pub offset: u64,
    /// Its length with the newline.
    pub len: u32,
    name_hash: u64,
    /// The hash of its session id.
    pub id_hash: u64,
    stamp: Stamp,
    /// Its file is in the folder, unchanged, and it is to be listed.
    pub live: bool,
}

/// The cache file, opened and indexed: every line's place and stamp, not
/// its text.
#[derive(Debug, Default)]
pub struct Log {
    /// The open file, if there was a readable one.
    pub file: Option<File>,
    /// Where the sorted part ends.
    pub sorted_end: u64,
    /// Every readable line, in file order.
    pub lines: Vec<Line>,
    /// Name hashes with indexes into `lines`, sorted.
    by_name: Vec<(u64, u32)>,
    /// The order of every line after the sorted part, by index.
    pub appended: Vec<(u32, Order)>,
}

impl Log {
    /// Opens and indexes the cache file at `path`; an empty log when there
    /// is none or it is not one.
    pub fn open(path: &Path) -> Log {
        Log::read(path).unwrap_or_default()
    }

    fn read(path: &Path) -> Option<Log> {
        let file = File::open(path).ok()?;
        let mut reader = BufReader::with_capacity(1 << 20, &file);
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let sorted_end: u64 = header
            .strip_prefix(MAGIC)?
            .strip_suffix('\n')?
            .parse()
            .ok()?;
        let mut log = Log {
            sorted_end,
            ..Log::default()
        };
        let mut offset = HEADER_LEN;
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line).ok()?;
            if n == 0 || !line.ends_with(b"\n") {
                break;
            }
            if let Some(entry) = Log::index(&line, offset) {
                if offset >= sorted_end
                    && let Some((_, order)) = order_of(&line)
                {
                    log.appended.push((log.lines.len() as u32, order));
                }
                log.lines.push(entry);
            }
            offset += n as u64;
        }
        drop(reader);
        let mut by_name: Vec<(u64, u32)> = (log.lines.iter().enumerate())
            .map(|(i, l)| (l.name_hash, i as u32))
            .collect();
        by_name.sort_unstable();
        log.by_name = by_name;
        log.file = Some(file);
        Some(log)
    }

    fn index(line: &[u8], offset: u64) -> Option<Line> {
        let (head, _, _) = parts(line)?;
        let Head(name, len, modified_ns, inode, changed_ns, id, _, _) =
            serde_json::from_slice(head).ok()?;
        Some(Line {
            offset,
            len: u32::try_from(line.len()).ok()?,
            name_hash: hash_of(&name),
            id_hash: hash_of(&id),
            stamp: Stamp {
                len,
                modified_ns,
                inode,
                changed_ns,
            },
            live: false,
        })
    }

    /// Marks the line for file `name` at `stamp` live; false when the cache
    /// has no line for this version of the file.
    pub fn claim(&mut self, name: &str, stamp: Stamp) -> bool {
        let hash = hash_of(name);
        let start = self.by_name.partition_point(|&(h, _)| h < hash);
        for &(h, i) in &self.by_name[start..] {
            if h != hash {
                break;
            }
            let line = &mut self.lines[i as usize];
            // The latest line for a version wins; one line per file is live.
            if line.stamp == stamp && !line.live {
                line.live = true;
                return true;
            }
        }
        false
    }

    /// Lines of the sorted part still listed, and lines of files gone or
    /// changed since.
    pub fn waste(&self) -> (usize, usize) {
        let sorted = self.lines.iter().filter(|l| l.offset < self.sorted_end);
        let (mut live, mut dead) = (0, 0);
        for l in sorted {
            if l.live {
                live += 1;
            } else {
                dead += 1;
            }
        }
        (live, dead)
    }

    /// Appends whole lines (one write, so two listings at once do not
    /// interleave them).
    pub fn append(path: &Path, bytes: &[u8]) -> io::Result<()> {
        // Never through a link planted in its place (see `fence`).
        let mut file = super::fence::open_plain(path, fs::OpenOptions::new().append(true))?;
        file.write_all(bytes)
    }
}

/// Reads `len` bytes at `offset` of `file`, leaving its position alone.
pub fn read_at(file: &File, offset: u64, len: u32) -> io::Result<Vec<u8>> {
    let mut buf = vec![0; len as usize];
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(&mut buf, offset)?;
    }
    #[cfg(not(unix))]
    {
        let mut f = file.try_clone()?;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(&mut buf)?;
    }
    Ok(buf)
}

/// Calls `f` with every live line of the sorted part, in order.
pub fn sorted_lines(log: &Log, mut f: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
    let Some(file) = &log.file else {
        return Ok(());
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    reader.seek(SeekFrom::Start(HEADER_LEN))?;
    let mut offset = HEADER_LEN;
    let mut buf = Vec::new();
    for line in log.lines.iter().take_while(|l| l.offset < log.sorted_end) {
        if !line.live {
            continue;
        }
        if line.offset != offset {
            reader.seek_relative(i64::try_from(line.offset - offset).unwrap_or(i64::MAX))?;
        }
        buf.resize(line.len as usize, 0);
        reader.read_exact(&mut buf)?;
        offset = line.offset + u64::from(line.len);
        f(&buf)?;
    }
    Ok(())
}

/// Writes a new cache file at `path` from lines given in order; returns
/// it opened and indexed, every line live.
pub fn rewrite(
    path: &Path,
    write_lines: impl FnOnce(&mut dyn FnMut(&[u8]) -> io::Result<()>) -> io::Result<()>,
) -> io::Result<Log> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = tempfile::Builder::new()
        .prefix(".list.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let mut out = io::BufWriter::with_capacity(1 << 20, temp);
    out.write_all(format!("{MAGIC}{:020}\n", 0).as_bytes())?;
    let mut lines = Vec::new();
    let mut offset = HEADER_LEN;
    write_lines(&mut |line: &[u8]| {
        out.write_all(line)?;
        lines.push(Line {
            offset,
            len: line.len() as u32,
            name_hash: 0,
            id_hash: 0,
            stamp: Stamp::default(),
            live: true,
        });
        offset += line.len() as u64;
        Ok(())
    })?;
    let mut temp = out.into_inner().map_err(|e| e.into_error())?;
    temp.seek(SeekFrom::Start(0))?;
    temp.write_all(format!("{MAGIC}{offset:020}\n").as_bytes())?;
    let file = temp.persist(path).map_err(|e| e.error)?;
    Ok(Log {
        file: Some(file),
        sorted_end: offset,
        lines,
        by_name: Vec::new(),
        appended: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStatus, Priority};

    fn follow_up(n: u8) -> FollowUp {
        FollowUp {
            id: format!("a-{n}"),
            number: format!("A{n}"),
            description: format!("Alert on \"queue depth\"\t{n}"),
            owner: Some(format!("Owner {n}")),
            team: n.is_multiple_of(2).then(|| "Support".to_string()),
            due: (!n.is_multiple_of(3)).then(|| jiff::civil::date(2026, 11, n as i8 + 1)),
            priority: [Priority::High, Priority::Medium, Priority::Low][usize::from(n % 3)],
            status: [ActionStatus::Open, ActionStatus::InProgress][usize::from(n % 2)],
            link: (n % 2 == 1).then(|| format!("https://tracker.example/{n}")),
            note: format!("note {n}"),
        }
    }

    /// Every field of an open action comes back from its line in its own
    /// place: the array form depends on the order of the fields.
    #[test]
    fn open_actions_come_back_field_for_field() {
        let summary = SessionSummary {
            id: "abc123".into(),
            title: "Ratings fell after the release".into(),
            created: "2026-11-20T10:00:00Z".parse().unwrap(),
            updated: "2026-11-21T10:00:00Z".parse().unwrap(),
            stage: Stage::Actions,
            whys: 5,
            root_causes: 1,
            actions: 4,
            open_actions: 4,
            path: Path::new("/d").join("a.json"),
            incident_day: jiff::civil::date(2026, 11, 19),
            follow_ups: (1..=4).map(follow_up).collect(),
            done_on_time: 0,
            done_late: 0,
        };
        let stamp = Stamp {
            len: 1,
            modified_ns: 2,
            inode: 3,
            changed_ns: 4,
        };
        let line = encode("a.json", stamp, &summary);
        assert!(!String::from_utf8_lossy(&line).contains("\"description\""));
        assert_eq!(decode(&line, Path::new("/d"), true), Some(summary.clone()));
        let (id, title, refs) = decode_follow_ups(&line).unwrap();
        assert_eq!(
            (&*id, &*title),
            ("abc123", "Ratings fell after the release")
        );
        let back: Vec<FollowUp> = refs
            .iter()
            .map(|r| FollowUp {
                id: r.id.to_string(),
                number: r.number.to_string(),
                description: r.description.to_string(),
                owner: r.owner.as_deref().map(str::to_string),
                team: r.team.as_deref().map(str::to_string),
                due: r.due,
                priority: r.priority,
                status: r.status,
                link: r.link.as_deref().map(str::to_string),
                note: r.note.to_string(),
            })
            .collect();
        assert_eq!(back, summary.follow_ups);
    }
}
