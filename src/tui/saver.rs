//! Saving on a background thread, so typing never waits for a disk. Only
//! the newest state matters: queued older states are skipped.
//!
//! A save never overwrites a change made by someone else: right before
//! writing, the file's version is compared with the one this window last
//! read or wrote; if they differ (a `git pull`, a teammate's sync, an
//! editor), nothing is written and the result says so, for the event loop
//! to merge the change in and save again.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::model::Session;
use crate::store::{Store, Version, to_text};

/// A short fingerprint of what a session records, to tell whether what is
/// in memory differs from what was last written. Where the facilitator
/// looked (the stage and the selected rows) is left out: looking is not a
/// change, so it never causes a write on its own; it is saved along with
/// the next real one.
pub fn fingerprint(session: &Session) -> u64 {
    let mut recorded = session.clone();
    recorded.stage = Default::default();
    recorded.meeting.cursor = Default::default();
    let mut hasher = DefaultHasher::new();
    to_text(&recorded).hash(&mut hasher);
    hasher.finish()
}

/// What the file is expected to hold before a save replaces it: the
/// version this window last read there (`None`: no file), numbered so
/// the saving thread can tell a newer reading from its own last write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    /// Goes up each time the event loop reads the file anew.
    pub reading: u64,
    /// What the file held then.
    pub version: Option<Version>,
    /// The [`fingerprint`] of what it records: a session that records
    /// the same (an item added and taken back, only looking around) is
    /// not written again.
    pub recorded: Option<u64>,
}

/// What one queued save came to.
#[derive(Debug)]
pub enum SaveResult {
    /// Written: the file's version and what it records.
    Written {
        /// The session written, when it was (not when the file recorded
        /// it already).
        session: Option<Box<Session>>,
        /// The file's version now.
        version: Version,
        /// Its [`fingerprint`].
        fingerprint: u64,
    },
    /// Skipped because a newer state was queued behind it.
    Superseded,
    /// Not written: the file changed elsewhere since this window last read
    /// or wrote it. Merge that change in, then save again.
    ChangedElsewhere,
    /// Written, but the file had changed elsewhere in the moment between
    /// the last look and the write: what it held is here, to be merged in
    /// and saved again (it was not lost, only replaced for a moment).
    Displaced {
        /// What the file held, replaced by this save.
        old: Vec<u8>,
        /// The session written.
        session: Box<Session>,
        /// The file's version now.
        version: Version,
        /// What the file records now.
        fingerprint: u64,
    },
    /// The save failed.
    Failed(String),
}

struct Job {
    path: PathBuf,
    session: Session,
    expect: Expect,
}

/// The background saver.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    results: Receiver<SaveResult>,
    thread: Option<JoinHandle<()>>,
    in_flight: usize,
}

impl Saver {
    /// Starts the saving thread.
    pub fn start(store: Store) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            // What this thread knows the file holds: the newest reading
            // the loop sent, or this thread's own last write after it.
            let mut known: Option<Expect> = None;
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    let _ = outbox.send(SaveResult::Superseded);
                    job = newer;
                }
                if known.is_none_or(|k| k.reading < job.expect.reading) {
                    known = Some(job.expect);
                }
                let expected = known.and_then(|k| k.version);
                let records = fingerprint(&job.session);
                let result = match store.read_versioned(&job.path) {
                    Err(e) => SaveResult::Failed(e.to_string()),
                    Ok(now) if now.as_ref().map(|(_, v)| *v) != expected => {
                        SaveResult::ChangedElsewhere
                    }
                    // The file records this already (an item added and
                    // taken back): nothing to write.
                    Ok(Some((_, version)))
                        if known.is_some_and(|k| k.recorded == Some(records)) =>
                    {
                        SaveResult::Written {
                            session: None,
                            fingerprint: records,
                            version,
                        }
                    }
                    Ok(_) => {
                        let text = to_text(&job.session);
                        match store.save_swapping(&job.path, &text) {
                            Ok(swapped) => {
                                let version = Version::of(text.as_bytes());
                                if let Some(k) = &mut known {
                                    k.version = Some(version);
                                    k.recorded = Some(records);
                                }
                                match swapped {
                                    crate::store::Swapped::Was(old)
                                        if Some(Version::of(&old)) != expected =>
                                    {
                                        SaveResult::Displaced {
                                            old,
                                            session: Box::new(job.session),
                                            fingerprint: records,
                                            version,
                                        }
                                    }
                                    _ => SaveResult::Written {
                                        session: Some(Box::new(job.session)),
                                        fingerprint: records,
                                        version,
                                    },
                                }
                            }
                            Err(e) => SaveResult::Failed(e.to_string()),
                        }
                    }
                };
                if outbox.send(result).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs: Some(jobs),
            results,
            thread: Some(thread),
            in_flight: 0,
        }
    }

    /// Queues a save of `session` to `path`, expected to replace what the
    /// loop last read there.
    pub fn send(&mut self, path: PathBuf, session: Session, expect: Expect) {
        if let Some(jobs) = &self.jobs
            && jobs
                .send(Job {
                    path,
                    session,
                    expect,
                })
                .is_ok()
        {
            self.in_flight += 1;
        }
    }

    /// Saves still queued or running.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// A result that is ready, if any.
    pub fn try_result(&mut self) -> Option<SaveResult> {
        let result = self.results.try_recv().ok()?;
        self.in_flight = self.in_flight.saturating_sub(1);
        Some(result)
    }

    /// Waits for every queued save and returns their results in order.
    pub fn drain(&mut self) -> Vec<SaveResult> {
        let mut out = Vec::new();
        while self.in_flight > 0 {
            match self.results.recv() {
                Ok(result) => out.push(result),
                Err(_) => {
                    self.in_flight = 0;
                    break;
                }
            }
            self.in_flight -= 1;
        }
        out
    }

    /// Finishes queued saves and stops the thread.
    pub fn stop(&mut self) -> Vec<SaveResult> {
        let results = self.drain();
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        results
    }
}
