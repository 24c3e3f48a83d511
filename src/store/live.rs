//! Where the facilitator is in an open session — stage, selected answer
//! and action, the meeting clock — kept in `DIR/cache/live/<id>.json` so an
//! audience window can follow along. Moving around never writes the session
//! file itself; this small file carries it. A cache: rebuilt on the next
//! move, written without syncing, never the source of truth.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::model::Stage;

/// The facilitator's place in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Live {
    /// The stage on screen.
    pub stage: Stage,
    /// The selected why node.
    pub why: Option<String>,
    /// The selected action item.
    pub action: Option<String>,
    /// Seconds the meeting had run at `at`.
    pub elapsed_seconds: u64,
    /// Whether the meeting timer runs.
    pub running: bool,
    /// When this was written.
    pub at: Timestamp,
}

impl Live {
    /// Whether `other` says the same apart from the clock.
    pub fn same_place(&self, other: &Live) -> bool {
        self.stage == other.stage
            && self.why == other.why
            && self.action == other.action
            && self.running == other.running
    }

    /// Seconds the meeting has run at `now`.
    pub fn elapsed_at(&self, now: Timestamp) -> u64 {
        let since = if self.running {
            u64::try_from(now.as_second() - self.at.as_second()).unwrap_or(0)
        } else {
            0
        };
        self.elapsed_seconds + since
    }
}

/// The live file of session `id` under the data directory `root`.
pub fn path(root: &Path, id: &str) -> PathBuf {
    root.join("cache").join("live").join(format!("{id}.json"))
}

/// Writes `live` for session `id` (atomically, not synced: a cache).
pub fn write(root: &Path, id: &str, live: &Live) -> std::io::Result<()> {
    let target = path(root, id);
    // Its own folder, never a link planted in its place; the file itself
    // is replaced by a rename, which replaces a link rather than writing
    // through it.
    super::fence::own_dir(&super::fence::own_dir(root, "cache")?, "live")?;
    let text = serde_json::to_string(live).map_err(std::io::Error::other)?;
    super::atomic::write_unsynced(&target, text.as_bytes())
}

/// Reads the live file of session `id`, if there is a readable one.
pub fn read(root: &Path, id: &str) -> Option<Live> {
    let text = std::fs::read_to_string(path(root, id)).ok()?;
    serde_json::from_str(&text).ok()
}
