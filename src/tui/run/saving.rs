//! Saving the open session: debounced on the background saver, merged
//! with changes made to its file elsewhere (never written over them),
//! and written one last time on the way out, with a recovery copy when
//! that fails.

use std::path::PathBuf;
use std::time::Instant;

use jiff::Timestamp;

use super::errors::{NotWritten, Remedy, RunError};
use super::{Loop, SAVE_DEBOUNCE, SAVE_MAX_WAIT, SAVE_RETRY};
use crate::model::Session;
use crate::store::{to_text, write_recovery};
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::saver::{Expect, SaveResult, fingerprint};

impl Loop {
    /// A change was made: save after a quiet moment, but never let the disk
    /// fall more than [`SAVE_MAX_WAIT`] behind the screen.
    pub(super) fn schedule_save(&mut self) {
        let now = Instant::now();
        let since = *self.unsaved_since.get_or_insert(now);
        self.save_due = Some((now + SAVE_DEBOUNCE).min(since + SAVE_MAX_WAIT));
    }

    /// Reads the open session's file; if it changed since this window
    /// last read or wrote it, merges that change with what is on screen
    /// (by answer and action id, see `model::merge`), says what came in,
    /// and saves the result when it holds more than the file. A file that
    /// cannot be read is never written over. Returns whether the file
    /// changed elsewhere.
    pub(super) fn take_in_outside(&mut self) -> bool {
        let Screen::Session(ss) = &self.app.screen else {
            return false;
        };
        let Some(disk) = &self.disk else {
            return false;
        };
        let path = ss.path.clone();
        let read = match self.store.read_versioned(&path) {
            Ok(read) => read,
            Err(e) => {
                self.dispatch(Action::Saved(Err(e.to_string())));
                return false;
            }
        };
        if read.as_ref().map(|(_, v)| *v) == disk.expect.version {
            return false;
        }
        let Some((text, version)) = read else {
            self.readings += 1;
            let reading = self.readings;
            // Removed elsewhere (a pull that deleted it, an `rm`): what is
            // on screen is the session; it is written back.
            self.unreadable_outside = None;
            if let Some(disk) = &mut self.disk {
                disk.expect = Expect {
                    reading,
                    version: None,
                    recorded: None,
                };
            }
            self.written = None;
            if ss.read_only.is_none() {
                self.app
                    .notice("The file was removed elsewhere; this window saves it again.");
                self.schedule_save();
            }
            return true;
        };
        self.take_in(text.as_bytes(), version, None)
    }

    /// Merges `text`, a version of the open session's file made
    /// elsewhere, with what is on screen (see [`Loop::take_in_outside`]).
    /// `file_holds` is what the file holds now when that is not `text`
    /// (a save of this window replaced `text` a moment after it was
    /// written): its version and session.
    pub(super) fn take_in(
        &mut self,
        bytes: &[u8],
        version: crate::store::Version,
        file_holds: Option<(crate::store::Version, Session)>,
    ) -> bool {
        let Screen::Session(ss) = &self.app.screen else {
            return false;
        };
        let Some(disk) = &self.disk else {
            return false;
        };
        let path = ss.path.clone();
        self.readings += 1;
        let reading = self.readings;
        let parsed = std::str::from_utf8(bytes)
            .map_err(|_| "not UTF-8 text".to_string())
            .and_then(|text| crate::store::parse(text).map_err(|e| e.to_string()));
        let theirs = match parsed {
            Ok(theirs) => theirs,
            Err(reason) => {
                // Never written over: someone's half-done merge or edit
                // (put back as it was, if a save of this window had just
                // replaced it).
                self.put_back(&path, bytes, file_holds.is_some());
                let why = format!(
                    "{} was changed elsewhere and cannot be read ({reason})",
                    path.display()
                );
                self.unreadable_outside = Some(why.clone());
                self.dispatch(Action::Saved(Err(format!(
                    "{why}; your work is kept here and saved once the file reads again"
                ))));
                self.save_due = Some(Instant::now() + SAVE_RETRY);
                return true;
            }
        };
        if disk
            .known
            .first()
            .is_some_and(|first| theirs.id != first.id)
        {
            // Another session's file copied over this one: nothing to
            // merge, and never written over (it is someone's too).
            self.put_back(&path, bytes, file_holds.is_some());
            let why = format!(
                "{} now holds another session ({}, {:?})",
                path.display(),
                theirs.id,
                crate::export::sanitize::clean_line(&theirs.title)
            );
            self.unreadable_outside = Some(why.clone());
            self.dispatch(Action::Saved(Err(format!(
                "{why}; this session is kept here: move that file away to save it there again"
            ))));
            self.save_due = Some(Instant::now() + SAVE_RETRY);
            return true;
        }
        self.unreadable_outside = None;
        let mine = ss.snapshot(Timestamp::now());
        let base = crate::model::merge::nearest(&disk.known, &theirs).unwrap_or(&theirs);
        // Exactly a version from before this window's last save: put back
        // by a stash, a checkout or a sync, not a teammate's change.
        let older_copy = crate::model::merge::distance(base, &theirs) == 0
            && disk
                .known
                .last()
                .is_some_and(|last| !std::ptr::eq(base, last));
        let merged = crate::model::merge(base, &mine, &theirs);
        let news = if older_copy {
            // Put back as it was before what this window wrote since.
            "an older copy of the file was put back; what is typed here is kept".to_string()
        } else if merged.incoming.is_empty() {
            String::new()
        } else {
            merged.incoming.describe()
        };
        let (file_version, on_disk) = match &file_holds {
            Some((v, ours)) => (*v, fingerprint(ours)),
            None => (version, fingerprint(&theirs)),
        };
        self.written = Some(on_disk);
        if let Some(disk) = &mut self.disk {
            disk.know(theirs.clone());
            if let Some((_, ours)) = file_holds {
                disk.know(ours);
            }
            disk.expect = Expect {
                reading,
                version: Some(file_version),
                recorded: Some(on_disk),
            };
        }
        self.dispatch(Action::ChangedElsewhere(Box::new(
            crate::tui::action::TakenIn {
                session: merged.session,
                news,
                clashes: merged.conflicts.len(),
                theirs,
            },
        )));
        // What the screen holds now (a field being typed into included)
        // is saved if the file does not hold it all.
        let more_than_theirs = self
            .savable()
            .is_some_and(|(_, session)| fingerprint(&session) != on_disk);
        if more_than_theirs {
            self.schedule_save();
        } else {
            self.dispatch(Action::Saved(Ok(())));
        }
        true
    }

    /// The open session and its path, as it should be saved now, if it
    /// may be saved.
    pub(super) fn savable(&self) -> Option<(PathBuf, Session)> {
        match &self.app.screen {
            Screen::Session(ss) if ss.read_only.is_none() => {
                Some((ss.path.clone(), ss.snapshot(Timestamp::now())))
            }
            _ => None,
        }
    }

    /// Puts back what a save of this window replaced a moment after
    /// someone wrote it (when `replaced`), as it was: the file is theirs
    /// again, and this window's session stays in memory.
    fn put_back(&mut self, path: &std::path::Path, bytes: &[u8], replaced: bool) {
        if !replaced {
            return;
        }
        if self.store.save_bytes(path, bytes).is_ok()
            && let Some(disk) = &mut self.disk
        {
            disk.expect.version = Some(crate::store::Version::of(bytes));
            disk.expect.recorded = None;
            self.written = None;
        }
    }

    /// Takes note of a save's result; `Err` says why it failed, `Ok(true)`
    /// that the file changed elsewhere and must be merged first.
    pub(super) fn note_result(&mut self, result: SaveResult) -> Result<bool, String> {
        match result {
            SaveResult::Written {
                session,
                version,
                fingerprint,
            } => {
                self.written = Some(fingerprint);
                if let Some(disk) = &mut self.disk {
                    disk.expect.version = Some(version);
                    if let Some(session) = session {
                        disk.know(*session);
                    }
                }
                Ok(false)
            }
            SaveResult::Superseded => Ok(false),
            SaveResult::ChangedElsewhere => Ok(true),
            SaveResult::Displaced {
                old,
                session,
                version,
                fingerprint: _,
            } => {
                // Someone wrote in the moment before this save replaced it:
                // what they wrote is merged in and saved again.
                let theirs_version = crate::store::Version::of(&old);
                self.take_in(&old, theirs_version, Some((version, *session)));
                Ok(false)
            }
            SaveResult::Failed(e) => Err(e),
        }
    }

    pub(super) fn collect_save_results(&mut self) {
        while let Some(result) = self.saver.try_result() {
            match self.note_result(result) {
                Err(e) => {
                    self.dispatch(Action::Saved(Err(e)));
                    self.save_due = Some(Instant::now() + SAVE_RETRY);
                }
                Ok(true) => self.look_outside = true,
                Ok(false) if self.saver.in_flight() == 0 && self.save_due.is_none() => {
                    self.dispatch(Action::Saved(Ok(())));
                }
                Ok(false) => {}
            }
        }
    }

    /// Writes the open session if it differs from its file; `Err` says why
    /// it could not be written.
    pub(super) fn flush(&mut self) -> Result<(), Box<NotWritten>> {
        for result in self.saver.drain() {
            let _ = self.note_result(result);
        }
        self.save_due = None;
        self.unsaved_since = None;
        // A change made elsewhere meanwhile is merged in first (and again,
        // should another land while this one is written).
        for _ in 0..5 {
            self.take_in_outside();
            let Some((path, session)) = self.savable() else {
                return Ok(());
            };
            if let Some(why) = &self.unreadable_outside {
                return Err(Box::new(NotWritten {
                    path,
                    session,
                    reason: why.clone(),
                    remedy: Remedy::Compare,
                }));
            }
            if Some(fingerprint(&session)) == self.written {
                return Ok(());
            }
            let text = to_text(&session);
            if let Err(e) = session.validate() {
                return Err(Box::new(NotWritten {
                    path,
                    session,
                    reason: format!("the session is inconsistent ({e})"),
                    remedy: Remedy::Other,
                }));
            }
            let expected = self.disk.as_ref().and_then(|d| d.expect.version);
            match self.store.read_versioned(&path) {
                Ok(now) if now.as_ref().map(|(_, v)| *v) != expected => continue,
                Ok(_) => {}
                Err(e) => {
                    return Err(Box::new(NotWritten {
                        remedy: Remedy::for_error(&e),
                        reason: e.to_string(),
                        path,
                        session,
                    }));
                }
            }
            let ours = crate::store::Version::of(text.as_bytes());
            match self.store.save_swapping(&path, &text) {
                Ok(swapped) => {
                    self.written = Some(fingerprint(&session));
                    if let Some(disk) = &mut self.disk {
                        disk.expect.version = Some(ours);
                        disk.know(session.clone());
                    }
                    // Written over in the moment before this save: what
                    // was there is merged in, and saved again.
                    if let crate::store::Swapped::Was(old) = swapped
                        && Some(crate::store::Version::of(&old)) != expected
                    {
                        let version = crate::store::Version::of(&old);
                        self.take_in(&old, version, Some((ours, session)));
                        continue;
                    }
                    return Ok(());
                }
                Err(e) => {
                    return Err(Box::new(NotWritten {
                        remedy: Remedy::for_error(&e),
                        reason: e.to_string(),
                        path,
                        session,
                    }));
                }
            }
        }
        match self.savable() {
            Some((path, session)) => Err(Box::new(NotWritten {
                path,
                session,
                reason: "the file keeps being changed elsewhere".to_string(),
                remedy: Remedy::Compare,
            })),
            None => Ok(()),
        }
    }

    /// Leaving a session for the list: it is saved first, or stays open.
    pub(super) fn close(&mut self) {
        if let Err(failed) = self.flush() {
            return self.dispatch(Action::CloseFailed(failed.reason));
        }
        self.lock = None;
        self.written = None;
        self.disk = None;
        self.unreadable_outside = None;
        self.live_sent = None;
        // Home at once, with this session as it is now; the rest of the
        // store is read again in the background.
        let edited = self
            .app
            .session()
            .map(|ss| (ss.session().clone(), ss.path.clone()));
        let listing = match (self.stashed.take(), edited) {
            (Some(listing), Some((session, path))) => listing.with(&session, path),
            (Some(listing), None) => listing,
            (None, _) => crate::store::Listing::default(),
        };
        self.dispatch(Action::Closed(listing));
        self.refresh();
    }

    /// On the way out: save, or write a recovery copy and say where. When
    /// not even that could be written, the text comes back to be printed
    /// once the terminal is restored.
    pub(super) fn final_save(&mut self) -> Result<(), (RunError, Option<String>)> {
        let outcome = self.flush();
        self.lock = None;
        let Err(failed) = outcome else {
            return Ok(());
        };
        let NotWritten {
            path,
            session,
            reason,
            remedy,
        } = *failed;
        let text = to_text(&session);
        let recovery = write_recovery(self.store.root(), &session.id, &text).map_err(|tried| {
            tried
                .iter()
                .map(|(p, e)| format!("{}: {e}", p.display()))
                .collect::<Vec<_>>()
                .join("; ")
        });
        let unwritten = recovery.is_err().then_some(text);
        Err((
            RunError::NotSaved {
                reason,
                path,
                recovery,
                remedy,
            },
            unwritten,
        ))
    }
}
