//! Advisory locks so that two fivewhys instances never both edit one
//! session. The lock is a sidecar file beside the session file itself —
//! found through symbolic links, so every way of reaching one file (a
//! link, a second data folder) meets the same lock — locked with
//! `File::try_lock`; the OS releases it when the process ends, even on a
//! crash, so a stale lock can never keep anyone out.
//!
//! The lock file says who holds it: an editor (the screen, held for the
//! whole meeting) or a command (`fivewhys action`, held for a moment). A
//! command waits a little for another command, as git waits for its index
//! lock, and gives way at once to an editor. The lock file is opened
//! without following links and only if it is a plain file of its own
//! (see `fence`): a link planted in its place is reported, never written.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::fence;

/// How long a command waits for another command to finish with a session.
pub const COMMAND_WAIT: Duration = Duration::from_secs(5);

/// The lock file of the session file at `session`: `.NAME.lock` beside
/// the file that `session` finally names, after following links.
pub fn lock_path_for(session: &Path) -> std::io::Result<PathBuf> {
    let real = std::fs::canonicalize(session)?;
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".to_string());
    Ok(real.with_file_name(format!(".{name}.lock")))
}

/// Who holds a lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// The screen, editing for a whole meeting: others give way at once.
    Editor,
    /// A command changing the session for a moment: others wait for it.
    Command,
}

impl Holder {
    fn word(self) -> &'static str {
        match self {
            Holder::Editor => "editor",
            Holder::Command => "command",
        }
    }
}

/// An exclusive lock on one session, held until dropped.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    /// The sidecar lock file.
    pub fn path(&self) -> &PathBuf {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// The result of trying to lock a session for editing.
#[derive(Debug)]
pub enum LockOutcome {
    /// We hold the lock; edit away.
    Acquired(SessionLock),
    /// Someone else is editing; open read-only.
    HeldElsewhere {
        /// Who, in words: "a fivewhys window (process 4242)".
        holder: String,
        /// What kind of holder, when the lock file says (`None` while the
        /// holder has only just taken it, or for an older fivewhys).
        kind: Option<Holder>,
    },
}

/// Tries to take the lock at `path` as `me`, without waiting.
pub fn try_lock(path: PathBuf, me: Holder) -> std::io::Result<LockOutcome> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = fence::open_plain(&path, &mut options)?;
    match file.try_lock() {
        Ok(()) => {
            // Tell a second opener who holds it.
            file.set_len(0)?;
            file.rewind()?;
            writeln!(file, "{} {}", me.word(), std::process::id())?;
            Ok(LockOutcome::Acquired(SessionLock { file, path }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.take(200).read_to_string(&mut text);
            let (holder, kind) = describe(text.trim());
            Ok(LockOutcome::HeldElsewhere { holder, kind })
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Takes the lock at `path` for a command: waits up to `wait` while
/// another command holds it, and gives up at once for an editor.
pub fn lock_for_command(path: PathBuf, wait: Duration) -> std::io::Result<LockOutcome> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(5);
    loop {
        let outcome = try_lock(path.clone(), Holder::Command)?;
        match &outcome {
            LockOutcome::HeldElsewhere { kind, .. }
                if *kind != Some(Holder::Editor) && start.elapsed() < wait =>
            {
                // A little random, so that several waiting commands do not
                // knock in step.
                std::thread::sleep(pause + Duration::from_millis(fastrand::u64(0..10)));
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            _ => return Ok(outcome),
        }
    }
}

/// What the lock file's text says of its holder.
fn describe(text: &str) -> (String, Option<Holder>) {
    let clean = crate::export::sanitize::clean_line(text);
    let mut words = clean.split_whitespace();
    let (first, pid) = (words.next(), words.next());
    let pid = pid.filter(|p| p.chars().all(|c| c.is_ascii_digit()));
    match (first, pid) {
        (Some("editor"), Some(pid)) => (
            format!("a fivewhys window (process {pid})"),
            Some(Holder::Editor),
        ),
        (Some("command"), Some(pid)) => (
            format!("a fivewhys command (process {pid})"),
            Some(Holder::Command),
        ),
        // Written by an older fivewhys, which only edited from the screen
        // while holding a lock for long.
        (Some("process"), Some(pid)) => (
            format!("another fivewhys (process {pid})"),
            Some(Holder::Editor),
        ),
        _ if clean.is_empty() => ("another fivewhys, just starting".to_string(), None),
        _ => (format!("another fivewhys ({clean})"), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_says_what_kind_of_holder_it_is() {
        assert_eq!(describe("editor 42").1, Some(Holder::Editor));
        assert!(describe("editor 42").0.contains("window (process 42)"));
        assert_eq!(describe("command 7").1, Some(Holder::Command));
        assert_eq!(describe("process 9").1, Some(Holder::Editor));
        assert_eq!(describe("").1, None);
        assert!(!describe("\u{1b}[2J").0.contains('\u{1b}'));
    }

    #[test]
    fn a_command_waits_for_a_command_and_not_for_an_editor() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.json.lock");
        let LockOutcome::Acquired(held) = try_lock(path.clone(), Holder::Command).unwrap() else {
            panic!("free lock");
        };
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            drop(held);
        });
        let outcome = lock_for_command(path.clone(), Duration::from_secs(20)).unwrap();
        assert!(matches!(outcome, LockOutcome::Acquired(_)), "{outcome:?}");
        release.join().unwrap();
        drop(outcome);
        let LockOutcome::Acquired(_editor) = try_lock(path.clone(), Holder::Editor).unwrap() else {
            panic!("free lock");
        };
        let start = Instant::now();
        let outcome = lock_for_command(path, Duration::from_secs(20)).unwrap();
        assert!(
            matches!(
                outcome,
                LockOutcome::HeldElsewhere {
                    kind: Some(Holder::Editor),
                    ..
                }
            ),
            "{outcome:?}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "an editor is not waited for"
        );
    }
}
