//! Undo and redo, at most [`LIMIT`] steps each way, in bounded memory: each
//! stack holds one whole session (the state it would give back next, which
//! shares its answers with the session being edited) and, below it, only
//! what changed from one step to the one before ([`delta`]). A 5,000-answer
//! session keeps a few kilobytes per edit, not a copy of itself, and an
//! edit or an undo costs the lists on the way down to what changed, not a
//! walk of the tree.

pub mod delta;

use std::collections::VecDeque;

use crate::model::Session;
use delta::Delta;

/// How many steps are kept.
pub const LIMIT: usize = 200;

/// A stack of session versions: the top whole, the rest as deltas.
#[derive(Debug, Clone, Default)]
struct Stack {
    below: VecDeque<Delta>,
    top: Option<Session>,
}

impl Stack {
    fn push(&mut self, s: Session) {
        if let Some(previous) = self.top.take() {
            self.below.push_back(delta::between(&previous, &s));
            if self.below.len() >= LIMIT {
                self.below.pop_front();
            }
        }
        self.top = Some(s);
    }

    fn pop(&mut self) -> Option<Session> {
        let s = self.top.take()?;
        if let Some(d) = self.below.pop_back() {
            self.top = Some(delta::restore(&s, &d));
        }
        Some(s)
    }

    fn len(&self) -> usize {
        self.below.len() + usize::from(self.top.is_some())
    }

    fn clear(&mut self) {
        self.below.clear();
        self.top = None;
    }

    /// Bytes of what the stack holds, as JSON: the top whole, and of each
    /// step below it what it does not share with the step above.
    fn held_bytes(&self) -> usize {
        use delta::erased::Json;
        let Some(top) = &self.top else {
            return 0;
        };
        let mut total = top.len();
        let mut above = top.clone();
        for d in self.below.iter().rev() {
            total += delta::held_bytes(&above, d);
            above = delta::restore(&above, d);
        }
        total
    }
}

/// Undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Stack,
    redo: Stack,
}

impl History {
    /// Records the state before an edit.
    pub fn record(&mut self, before: Session) {
        if self.undo.top.as_ref() == Some(&before) {
            return;
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// Steps back: returns the state to restore, given the current one.
    pub fn undo(&mut self, current: &Session) -> Option<Session> {
        let before = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(before)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: &Session) -> Option<Session> {
        let after = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(after)
    }

    /// Number of undo steps available.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// What the history holds, in bytes of JSON: to show it stays small.
    pub fn held_bytes(&self) -> usize {
        self.undo.held_bytes() + self.redo.held_bytes()
    }
}
