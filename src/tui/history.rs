//! Undo and redo: whole-session snapshots, at most [`LIMIT`] steps each way.
//! A session of a few hundred nodes is a few hundred kilobytes at most, so
//! snapshots are simpler and safer than inverse operations.

use std::collections::VecDeque;

use crate::model::Session;

/// How many steps are kept.
pub const LIMIT: usize = 200;

/// Undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Session>,
    redo: Vec<Session>,
}

impl History {
    /// Records the state before an edit.
    pub fn record(&mut self, before: Session) {
        if self.undo.back() == Some(&before) {
            return;
        }
        self.undo.push_back(before);
        if self.undo.len() > LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Steps back: returns the state to restore, given the current one.
    pub fn undo(&mut self, current: &Session) -> Option<Session> {
        let before = self.undo.pop_back()?;
        self.redo.push(current.clone());
        Some(before)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: &Session) -> Option<Session> {
        let after = self.redo.pop()?;
        self.undo.push_back(current.clone());
        Some(after)
    }

    /// Number of undo steps available.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}
