//! Copying a summary out of fivewhys: OSC 52 through the terminal (works
//! over SSH, and in tmux with `set -g set-clipboard on`), the native
//! clipboard when a display exists (HTML where the platform supports it),
//! and a file when neither can be relied on. All I/O; no terminal state.

use std::io::Write;
use std::path::PathBuf;

use crossterm::Command as _;
use crossterm::clipboard::CopyToClipboard;

/// What a copy did, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CopyReport {
    /// The OSC 52 sequence was sent to a terminal.
    pub osc52: bool,
    /// What went through OSC 52 was the plain text of an HTML copy (a
    /// terminal's clipboard takes text only).
    pub osc52_plain: bool,
    /// The native clipboard took the text (and HTML, if given).
    pub native: bool,
    /// Why the native clipboard was not used, if it was not.
    pub native_skipped: Option<String>,
    /// The file written because no clipboard could be relied on.
    pub file: Option<PathBuf>,
    /// Why that file could not be written, if it could not.
    pub file_failed: Option<String>,
}

impl CopyReport {
    /// One line saying which way(s) the text went.
    pub fn describe(&self, what: &str) -> String {
        let mut ways = Vec::new();
        if self.osc52 && self.osc52_plain {
            ways.push("the terminal (OSC 52, as plain text)");
        } else if self.osc52 {
            ways.push("the terminal (OSC 52)");
        }
        if self.native {
            ways.push("the system clipboard");
        }
        let mut line = if ways.is_empty() {
            format!("No clipboard reachable for the {what}")
        } else {
            format!("Copied the {what} to {}", ways.join(" and "))
        };
        if let Some(file) = &self.file {
            line.push_str(&format!("; saved to {}", file.display()));
        }
        if let Some(why) = &self.file_failed {
            line.push_str(&format!("; no copy was saved either: {why}"));
        }
        line.push('.');
        line
    }
}

/// Whether a native clipboard can exist here.
fn display_available() -> bool {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
}

/// Copies `text` (and `html`, where the native clipboard takes it).
/// `terminal` receives the OSC 52 sequence when given. If the native
/// clipboard was not used, `keep` writes the summary to a file (the
/// store's `exports/` folder, private to the user, never through a link)
/// and says where, so it is never lost.
pub fn copy(
    text: &str,
    html: Option<&str>,
    terminal: Option<&mut dyn Write>,
    keep: impl FnOnce() -> std::io::Result<PathBuf>,
) -> CopyReport {
    let mut report = CopyReport {
        osc52_plain: html.is_some(),
        ..CopyReport::default()
    };
    if let Some(out) = terminal {
        let mut sequence = String::new();
        report.osc52 = CopyToClipboard::to_clipboard_from(text)
            .write_ansi(&mut sequence)
            .is_ok()
            && out
                .write_all(sequence.as_bytes())
                .and_then(|()| out.flush())
                .is_ok();
    }
    if display_available() {
        match native(text, html) {
            Ok(()) => report.native = true,
            Err(e) => report.native_skipped = Some(e),
        }
    } else {
        report.native_skipped = Some("no display".into());
    }
    if !report.native {
        match keep() {
            Ok(file) => report.file = Some(file),
            Err(e) => report.file_failed = Some(e.to_string()),
        }
    }
    report
}

fn native(text: &str, html: Option<&str>) -> Result<(), String> {
    let mut clipboard = arboard::Clipboard::new().map_err(|e| e.to_string())?;
    match html {
        Some(html) => clipboard.set_html(html, Some(text)),
        None => clipboard.set_text(text),
    }
    .map_err(|e| e.to_string())
}

/// The controlling terminal, for OSC 52 when stdout is redirected.
pub fn controlling_terminal() -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/tty")
            .ok()
    }
    #[cfg(not(unix))]
    {
        None
    }
}
