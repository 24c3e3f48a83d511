//! The one gate between fivewhys and the terminal for every command: all
//! text that reaches stdout or stderr passes here, so no title, name,
//! reason or file name from a session file can carry an escape sequence,
//! a C1 control or a bidirectional override to the user's terminal.
//! Text loses those characters; JSON keeps its meaning, with them escaped.

use std::io::Write;

use anyhow::Result;
use fivewhys::export::sanitize::{clean_text, inert_json};

/// Writes to stdout; a closed pipe (`fivewhys list | head`) is not an error.
fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Output written as it is made, through the same gate as [`data`] and
/// [`json`]: for listings too long to build in memory first. A closed
/// pipe stops the writing quietly; any other error is kept for
/// [`Stream::finish`].
pub struct Stream {
    out: std::io::BufWriter<std::io::Stdout>,
    error: Option<std::io::Error>,
}

impl Stream {
    /// A stream to stdout.
    pub fn stdout() -> Stream {
        Stream {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            error: None,
        }
    }

    fn write(&mut self, text: &str) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(text.as_bytes())
        {
            self.error = Some(e);
        }
    }

    /// Text, cleaned.
    pub fn data(&mut self, text: &str) {
        self.write(&fivewhys::export::sanitize::cleaned(text));
    }

    /// Text already cleaned.
    pub fn clean(&mut self, text: &fivewhys::export::sanitize::Clean) {
        self.write(text.as_str());
    }

    /// Text whose lines end in CRLF (see [`crlf`]).
    pub fn crlf(&mut self, text: &str) {
        let lines: Vec<String> = text
            .split("\r\n")
            .map(fivewhys::export::sanitize::clean_line)
            .collect();
        self.write(&lines.join("\r\n"));
    }

    /// JSON, made inert.
    pub fn json(&mut self, text: &str) {
        self.write(&inert_json(text));
    }

    /// Flushes; a closed pipe is not an error.
    pub fn finish(mut self) -> Result<()> {
        if self.error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.error = Some(e);
        }
        match self.error {
            Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
            _ => Ok(()),
        }
    }
}

/// Data on stdout: text, cleaned.
pub fn data(text: &str) -> Result<()> {
    write_stdout(&clean_text(text))
}

/// Text whose lines end in CRLF, as CSV (RFC 4180) and iCalendar (RFC
/// 5545) ask; each line passes the same gate as [`data`].
pub fn crlf(text: &str) -> Result<()> {
    let lines: Vec<String> = text
        .split("\r\n")
        .map(fivewhys::export::sanitize::clean_line)
        .collect();
    write_stdout(&lines.join("\r\n"))
}

/// Data on stdout: JSON, made inert.
pub fn json(text: &str) -> Result<()> {
    write_stdout(&inert_json(text))
}

/// A message on stderr, cleaned; one line per call.
pub fn say(message: &str) {
    // Never panic on the way out, even if stderr is gone.
    let _ = writeln!(std::io::stderr(), "{}", clean_text(message));
}
