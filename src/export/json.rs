//! JSON: the session file itself, as stored (pretty, stable key order,
//! trailing newline), with any control characters cleaned out.

use super::clean::cleaned;
use crate::model::Session;

/// The session as JSON text, byte-identical to the stored file for any
/// session typed in fivewhys.
pub fn json(session: &Session) -> String {
    let mut text = serde_json::to_string_pretty(&cleaned(session))
        .expect("a Session always serializes to JSON");
    text.push('\n');
    text
}
