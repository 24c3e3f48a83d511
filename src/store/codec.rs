//! Reading and writing the session file format: pretty JSON, stable key
//! order, trailing newline, `schema_version` checked before anything else.

use crate::model::{Invalid, SCHEMA_VERSION, Session};

/// Why a session file could not be read. Never a reason to touch the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not JSON at all, or cut short.
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser saw.
        message: String,
    },
    /// JSON, but without a usable `schema_version`.
    #[error("no schema_version number at the top level; not a fivewhys session file")]
    NoVersion,
    /// Written by a newer fivewhys.
    #[error(
        "schema_version {found} is newer than this fivewhys supports ({SCHEMA_VERSION}); upgrade fivewhys to open it"
    )]
    FutureVersion {
        /// The version in the file.
        found: u64,
    },
    /// JSON of the wrong shape.
    #[error("{path}: {message}")]
    Shape {
        /// JSON path of the first problem, e.g. `$.actions[0].due`.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// Right shape, but ids clash or links dangle.
    #[error("$.{}: {}", .0.path, .0.reason)]
    Invalid(Invalid),
}

/// Parses and validates a session file's text.
pub fn parse(text: &str) -> Result<Session, LoadError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(LoadError::NoVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::FutureVersion { found: version });
    }
    let session: Session = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        LoadError::Shape {
            path: if path == "." {
                "$".to_string()
            } else {
                format!("$.{path}")
            },
            message: e.into_inner().to_string(),
        }
    })?;
    session.validate().map_err(LoadError::Invalid)?;
    // Read in an older version's shape, it is written in the current one.
    let mut session = session;
    session.schema_version = SCHEMA_VERSION;
    Ok(session)
}

/// The file text for a session: pretty JSON with a trailing newline.
pub fn to_text(session: &Session) -> String {
    let mut text =
        serde_json::to_string_pretty(session).expect("a Session always serializes to JSON");
    text.push('\n');
    text
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
