//! What the event loop follows besides the keys: the session list, read
//! on its own thread so Home never waits for the store; the sessions
//! folder, watched for changes made elsewhere; what the index found;
//! and the facilitator's place, published for an audience
//! window.

use jiff::Timestamp;

use super::Loop;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::effect::Effect;

impl Loop {
    /// Reads the listing on its own thread; the result arrives through
    /// [`Loop::collect_listing`].
    pub(super) fn refresh(&mut self) {
        if self.listing.is_some() {
            self.list_again = true;
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let store = self.store.clone();
        // Home shows the open actions overdue or due within a week; the
        // rest stay in the files (a refresh comes with any change).
        let last = jiff::Zoned::now()
            .date()
            .saturating_add(jiff::Span::new().days(crate::tui::app::FOLLOW_UP_DAYS + 1));
        std::thread::spawn(move || {
            let _ = tx.send(store.list_due_by(last));
        });
        self.listing = Some(rx);
        self.dispatch(Action::Listing);
    }

    pub(super) fn collect_listing(&mut self) {
        let Some(rx) = &self.listing else { return };
        match rx.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            outcome => {
                self.listing = None;
                match outcome {
                    Ok(Ok(listing)) => {
                        self.dispatch(Action::Listed(listing));
                        self.lookup.warm();
                    }
                    Ok(Err(e)) => self.dispatch(Action::Failed(e.to_string())),
                    Err(_) => {}
                }
                if std::mem::take(&mut self.list_again) {
                    self.refresh();
                }
            }
        }
    }

    /// On Home, lists again when the sessions folder changed: a session
    /// saved elsewhere, or an action marked done from the shell. In a
    /// session, looks whether its own file was changed elsewhere.
    pub(super) fn follow_the_store(&mut self) {
        let Some((_, changes)) = &self.store_changed else {
            return;
        };
        let mut changed = false;
        while changes.try_recv().is_ok() {
            changed = true;
        }
        if !changed {
            return;
        }
        match self.app.screen {
            Screen::Home(_) => self.apply(vec![Effect::Refresh]),
            Screen::Session(_) => self.look_outside = true,
        }
    }

    /// Dispatches what the index found since the last look.
    pub(super) fn collect_lookups(&mut self) {
        while let Ok(found) = self.lookup.found.try_recv() {
            self.dispatch(found);
        }
    }

    /// Whether something asked for is still on its way: the listing, the
    /// filter's results, or "seen before".
    pub(super) fn awaiting(&self) -> bool {
        if self.listing.is_some() {
            return true;
        }
        match &self.app.screen {
            Screen::Home(home) => home.searching(),
            Screen::Session(ss) => ss.seen_before.values().any(|(_, seen)| seen.is_none()),
        }
    }

    /// Tells an audience window (`fivewhys present`) where the facilitator
    /// is, when that changed: a small cache file, never the session file.
    pub(super) fn publish_live(&mut self) {
        let Screen::Session(ss) = &self.app.screen else {
            return;
        };
        if ss.read_only.is_some() {
            return;
        }
        let now = Timestamp::now();
        let live = crate::store::live::Live {
            stage: ss.stage(),
            why: ss.node_sel.clone(),
            action: ss
                .session()
                .actions
                .get(ss.action_sel)
                .map(|a| a.id.clone()),
            elapsed_seconds: u64::try_from(ss.timer.elapsed(now)).unwrap_or(0),
            running: ss.timer.running(),
            at: now,
        };
        if self
            .live_sent
            .as_ref()
            .is_some_and(|sent| sent.same_place(&live))
        {
            return;
        }
        // Best effort: an audience window is a nicety, never a reason to fail.
        let _ = crate::store::live::write(self.store.root(), &ss.session().id, &live);
        self.live_sent = Some(live);
    }
}
