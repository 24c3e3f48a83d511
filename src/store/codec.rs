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

/// Only the version, read before anything else.
#[derive(serde::Deserialize)]
struct Probe {
    schema_version: Option<serde_json::Value>,
}

/// Reads a `T` from `text` with no nesting limit (the stack grows on the
/// heap as deep as the text nests), refusing text after the value.
/// An error comes with the JSON path it was found at.
fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let value = serde_path_to_error::deserialize(serde_stacker::Deserializer::new(&mut de))
        .map_err(|e| (e.path().to_string(), e.into_inner()))?;
    de.end().map_err(|e| (".".to_string(), e))?;
    Ok(value)
}

fn shape(path: &str, e: &serde_json::Error) -> LoadError {
    LoadError::Shape {
        path: if path == "." {
            "$".to_string()
        } else {
            format!("$.{path}")
        },
        message: {
            let message = strip_position(&e.to_string());
            if message.starts_with("duplicate field") {
                format!("{message}: the key is written twice; keep one of the two")
            } else {
                message
            }
        },
    }
}

/// The shape error found when reading through a `serde_json::Value`.
fn shape_through_value(text: &str) -> Option<LoadError> {
    let value: serde_json::Value = read(text).ok()?;
    let found = serde_path_to_error::deserialize::<_, Session>(&value).err()?;
    let path = found.path().to_string();
    let result = Some(shape(&path, found.inner()));
    // A deep value is dropped a level at a time by its own stack.
    stacker::maybe_grow(64 * 1024, 16 * 1024 * 1024, move || drop(value));
    result
}

fn syntax(e: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    }
}

/// Parses and validates a session file's text. Duplicate keys are
/// refused (naming the key), any nesting depth is read, and the version
/// is checked before the shape.
pub fn parse(text: &str) -> Result<Session, LoadError> {
    // Most files are good: one read. Only a file that fails it is read
    // again, the careful way, to say exactly what is wrong.
    // (Plain serde_json: no path tracking, and the recursion limit only
    // matters for old nested files, which the careful read handles.)
    if let Ok(session) = serde_json::from_str::<Session>(text)
        && session.schema_version > 0
        && session.schema_version <= SCHEMA_VERSION
    {
        session.validate().map_err(LoadError::Invalid)?;
        let mut session = session;
        session.schema_version = SCHEMA_VERSION;
        return Ok(session);
    }
    parse_carefully(text)
}

/// The reading that names the problem: syntax, then the version, then the
/// shape.
fn parse_carefully(text: &str) -> Result<Session, LoadError> {
    // The first read checks the syntax and finds the version.
    let probe = read::<Probe>(text).map_err(|(path, e)| match e.classify() {
        serde_json::error::Category::Data if e.to_string().contains("duplicate field") => {
            shape(&path, &e)
        }
        serde_json::error::Category::Data => LoadError::NoVersion,
        _ => syntax(&e),
    })?;
    let version = probe
        .schema_version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
        .ok_or(LoadError::NoVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::FutureVersion { found: version });
    }
    // The text is valid JSON, so anything wrong now is its shape.
    let session: Session = read(text).map_err(|(path, e)| {
        if e.is_syntax() && strip_position(&e.to_string()) == "expected value" {
            // Read straight from text, a wrong value where a word is
            // expected says only "expected value"; read through a JSON
            // value, it names what it found and what was allowed.
            if let Some(better) = shape_through_value(text) {
                return better;
            }
        }
        shape(&path, &e)
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
