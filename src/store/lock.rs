//! Advisory locks so that two fivewhys instances never both edit one
//! session. The lock is a sidecar file beside the session file itself —
//! found through symbolic links, so every way of reaching one file (a
//! link, a second data folder) meets the same lock — locked with
//! `File::try_lock`; the OS releases it when the process ends, even on a
//! crash, so a stale lock can never keep anyone out.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

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
    /// Someone else is editing; open read-only. `holder` describes them.
    HeldElsewhere {
        /// E.g. "process 4242 on laptop".
        holder: String,
    },
}

/// Tries to take the lock at `path` without waiting.
pub fn try_lock(path: PathBuf) -> std::io::Result<LockOutcome> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            // Tell a second opener who holds it.
            file.set_len(0)?;
            file.rewind()?;
            writeln!(file, "process {}", std::process::id())?;
            Ok(LockOutcome::Acquired(SessionLock { file, path }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            Ok(LockOutcome::HeldElsewhere {
                holder: if holder.is_empty() {
                    "another fivewhys".to_string()
                } else {
                    format!("another fivewhys ({holder})")
                },
            })
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}
