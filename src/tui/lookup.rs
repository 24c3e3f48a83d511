//! Questions to the index asked on a thread of their own, so keys never
//! wait: Home's filter (each change stops the question before and asks
//! again; what is found is shown as it comes) and "seen before" for the
//! answer the facilitator is on.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use crate::follow::search::{self, Query};
use crate::store::{Check, Index, Store};
use crate::tui::action::Action;
use crate::tui::app::FoundPart;

/// Sessions whose first place found is looked up (their files read) to
/// say where the filter was found.
const HITS_SHOWN: usize = 40;

/// Ids sent at once while a search goes on.
const BATCH: usize = 5_000;

/// A question for the index.
pub enum Job {
    /// Home's filter as typed.
    Filter(String),
    /// Earlier sessions like an answer.
    SeenBefore(crate::tui::app::SeenBeforeAsk),
    /// Make every session searchable, before anyone asks.
    Warm,
}

/// The thread that asks the index, and how to stop what it is doing.
pub struct Lookup {
    jobs: Sender<(u64, Job)>,
    /// What it found, as actions to dispatch.
    pub found: Receiver<Action>,
    /// Bumped for every new filter: a question of an older one stops.
    asked: Arc<AtomicU64>,
    stop: Arc<Mutex<Option<rusqlite::InterruptHandle>>>,
}

impl Lookup {
    /// Starts the thread for `store`.
    pub fn start(store: Store) -> Lookup {
        let (jobs, inbox) = channel::<(u64, Job)>();
        let (send, found) = channel();
        let asked = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(Mutex::new(None));
        let (latest, handle) = (Arc::clone(&asked), Arc::clone(&stop));
        std::thread::spawn(move || work(&store, &inbox, &send, &latest, &handle));
        Lookup {
            jobs,
            found,
            asked,
            stop,
        }
    }

    /// Asks about Home's filter as now typed, stopping any question about
    /// what was typed before.
    pub fn filter(&self, text: String) {
        let n = self.asked.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(handle) = &*self.stop.lock().unwrap_or_else(|e| e.into_inner()) {
            handle.interrupt();
        }
        let _ = self.jobs.send((n, Job::Filter(text)));
    }

    /// Makes every listed session searchable now (a new store lists
    /// before its words are indexed), so the first filter is quick.
    pub fn warm(&self) {
        let _ = self.jobs.send((0, Job::Warm));
    }

    /// Asks which earlier sessions are like an answer.
    pub fn seen_before(&self, ask: crate::tui::app::SeenBeforeAsk) {
        let _ = self.jobs.send((0, Job::SeenBefore(ask)));
    }
}

fn work(
    store: &Store,
    inbox: &Receiver<(u64, Job)>,
    send: &Sender<Action>,
    latest: &AtomicU64,
    stop: &Mutex<Option<rusqlite::InterruptHandle>>,
) {
    let mut index: Option<Index> = None;
    while let Ok(mut job) = inbox.recv() {
        // Only the last filter typed matters.
        while let Ok(next) = inbox.try_recv() {
            if !matches!(job.1, Job::Filter(_)) {
                answer(store, &mut index, job, send, latest, stop);
            }
            job = next;
        }
        answer(store, &mut index, job, send, latest, stop);
    }
}

fn answer(
    store: &Store,
    index: &mut Option<Index>,
    (n, job): (u64, Job),
    send: &Sender<Action>,
    latest: &AtomicU64,
    stop: &Mutex<Option<rusqlite::InterruptHandle>>,
) {
    if let Job::Filter(_) = &job
        && latest.load(Ordering::SeqCst) != n
    {
        return;
    }
    let fresh = match index.take() {
        Some(mut open) => open.check(Check::Quick).map(|()| open),
        None => store
            .index(Check::Quick)
            .map_err(std::io::Error::other)
            .and_then(|open| open.map_into_memory().map(|()| open)),
    };
    let fresh = fresh.and_then(|mut open| open.add_words().map(|()| open));
    let open = match fresh {
        Ok(open) => index.insert(open),
        Err(e) => {
            let _ = send.send(Action::Failed(format!("The index cannot be read: {e}")));
            return;
        }
    };
    *stop.lock().unwrap_or_else(|e| e.into_inner()) = Some(open.interrupt_handle());
    match job {
        Job::Warm => {}
        Job::Filter(text) => filter(store, open, &text, n, send, latest),
        Job::SeenBefore(ask) => {
            let counts = crate::config::word_counts;
            let found = open
                .seen_before(&ask.text, &ask.session, ask.before, &counts, 2)
                .unwrap_or_default();
            let _ = send.send(Action::SeenBefore(ask, found));
        }
    }
}

fn filter(
    store: &Store,
    index: &Index,
    text: &str,
    n: u64,
    send: &Sender<Action>,
    latest: &AtomicU64,
) {
    let query = Query::parse(text, true);
    let prefix = text.trim().to_lowercase();
    let current = || latest.load(Ordering::SeqCst) == n;
    let part = |part: FoundPart| send.send(Action::Found(text.to_string(), part)).is_ok();
    // Ids starting with what was typed.
    if !prefix.is_empty() && prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        let mut ids = Vec::new();
        let nothing = Query::default();
        let _ = index.each_match(&nothing, Some(&prefix), |m| {
            ids.push(m.id);
            true
        });
        part(FoundPart::Sessions(ids));
    }
    // The sessions holding the words, a batch at a time as the word index
    // gives them: the list fills as they come.
    let mut batch = Vec::new();
    let asked = index.each_key(&query, |key| {
        batch.push(key);
        if batch.len() == BATCH {
            part(FoundPart::Keys(std::mem::take(&mut batch)));
        }
        current()
    });
    if asked.is_err() || !current() {
        return;
    }
    part(FoundPart::Keys(batch));
    part(FoundPart::Done);
    // Where it was found, for the first sessions of the list.
    let first = index.first_matches(&query, HITS_SHOWN).unwrap_or_default();
    for m in first {
        if !current() {
            return;
        }
        let lines = match index.lines_of(m.key) {
            Ok(Some(lines)) => lines,
            _ => match store.load(&m.path) {
                Ok(session) => search::labelled_lines(&session),
                Err(_) => continue,
            },
        };
        // Where the words follow one another; else where the first is
        // (the filter keeps a session holding them anywhere).
        let mut hits = search::hits_in(&m.id, &m.title, &lines, &query);
        if hits.is_empty() {
            let first = Query {
                words: query.words.iter().take(1).cloned().collect(),
            };
            hits = search::hits_in(&m.id, &m.title, &lines, &first);
        }
        if let Some(hit) = hits.into_iter().next() {
            part(FoundPart::Hit(hit));
        }
    }
}
