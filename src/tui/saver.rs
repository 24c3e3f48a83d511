//! Saving on a background thread, so typing never waits for a disk. Only
//! the newest state matters: queued older states are skipped. Each result
//! says what reached the disk, as a hash of the file text.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::model::Session;
use crate::store::{Store, to_text};

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

/// What one queued save came to.
#[derive(Debug)]
pub enum SaveResult {
    /// Written; the fingerprint of the text on disk.
    Written(u64),
    /// Skipped because a newer state was queued behind it.
    Superseded,
    /// The save failed.
    Failed(String),
}

/// The background saver.
pub struct Saver {
    jobs: Option<Sender<(PathBuf, Session)>>,
    results: Receiver<SaveResult>,
    thread: Option<JoinHandle<()>>,
    in_flight: usize,
}

impl Saver {
    /// Starts the saving thread.
    pub fn start(store: Store) -> Saver {
        let (jobs, inbox) = mpsc::channel::<(PathBuf, Session)>();
        let (outbox, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    let _ = outbox.send(SaveResult::Superseded);
                    job = newer;
                }
                let text = to_text(&job.1);
                let result = match store.save_text(&job.0, &text) {
                    Ok(()) => SaveResult::Written(fingerprint(&job.1)),
                    Err(e) => SaveResult::Failed(e.to_string()),
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

    /// Queues a save.
    pub fn send(&mut self, path: PathBuf, session: Session) {
        if let Some(jobs) = &self.jobs
            && jobs.send((path, session)).is_ok()
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
