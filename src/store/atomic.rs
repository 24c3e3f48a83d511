//! Crash-safe file writes: temp file in the same directory, write, fsync,
//! rename over the target, fsync the directory. A crash at any point leaves
//! either the old file or the new one, never a mix.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// Suffix of temp files; listing ignores them.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Temp files older than this are leftovers of a crash and are removed.
/// Younger ones may belong to another instance that is saving right now.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(600);

/// A fully written and synced temp file, not yet renamed over its target.
pub struct Staged {
    temp: NamedTempFile,
}

impl Staged {
    /// The temp file.
    pub fn path(&self) -> &Path {
        self.temp.path()
    }
}

/// Writes `bytes` to a synced temp file beside `target` (mode 0600).
pub fn stage(target: &Path, bytes: &[u8]) -> io::Result<Staged> {
    let dir = parent_dir(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(plain)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(Staged { temp })
}

/// The OS error without the temp file's name that `tempfile` appends
/// (" at path …", its only way to report it): the user is told which
/// session file could not be written, not the name of our temp file.
fn plain(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.split_once(" at path ") {
        Some((message, _)) => io::Error::new(e.kind(), message.to_string()),
        None => e,
    }
}

impl Staged {
    /// Renames the temp file over `target` and syncs the directory.
    pub fn commit(self, target: &Path) -> io::Result<()> {
        self.temp.persist(target).map_err(|e| e.error)?;
        sync_dir(parent_dir(target))
    }

    /// Renames the temp file to `target` only if nothing is there yet.
    pub fn commit_new(self, target: &Path) -> io::Result<()> {
        self.temp.persist_noclobber(target).map_err(|e| e.error)?;
        sync_dir(parent_dir(target))
    }

    /// Leaves the temp file on disk as a crash would; for tests.
    #[doc(hidden)]
    pub fn abandon(self) -> std::path::PathBuf {
        self.temp
            .into_temp_path()
            .keep()
            .expect("keeping a temp file only forgets it")
    }
}

/// Atomically replaces `target` with `bytes`. A symbolic link is written
/// through: the file it points to is replaced, the link stays.
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = through_links(target)?;
    let staged = stage(&target, bytes)?;
    // A file that is there already keeps its mode (an export someone
    // made readable to others stays so).
    if let Ok(meta) = fs::metadata(&target)
        && meta.is_file()
    {
        fs::set_permissions(staged.path(), meta.permissions())?;
    }
    staged.commit(&target)
}

/// What replacing a file by [`swap`] found there.
#[derive(Debug)]
pub enum Swapped {
    /// The bytes the file held at the very moment it was replaced.
    Was(Vec<u8>),
    /// There was no file: it was created.
    Created,
    /// The file system cannot say (it cannot exchange two names): the
    /// file was replaced the plain way.
    Unknown,
}

/// Atomically replaces `target` (through a link, as [`write`] does) with
/// `bytes` and returns what it held at that very moment: the two names
/// are exchanged in one step (Linux `renameat2(RENAME_EXCHANGE)`), then
/// the old bytes are read from the temp name and removed. A change
/// another process made between a caller's last look and this write is
/// thereby never lost: it comes back here to be merged.
pub fn swap(target: &Path, bytes: &[u8]) -> io::Result<Swapped> {
    let target = through_links(target)?;
    let staged = stage(&target, bytes)?;
    if let Ok(meta) = fs::metadata(&target)
        && meta.is_file()
    {
        fs::set_permissions(staged.path(), meta.permissions())?;
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staged.path(), CWD, &target, RenameFlags::EXCHANGE) {
            Ok(()) => {
                // The temp name now holds what the file held; dropping the
                // temp file removes it once read.
                let old = fs::read(staged.path());
                sync_dir(parent_dir(&target))?;
                return Ok(Swapped::Was(old?));
            }
            Err(rustix::io::Errno::NOENT) => {
                return match staged.commit_new(&target) {
                    Ok(()) => Ok(Swapped::Created),
                    // Made meanwhile by someone else: theirs stays.
                    Err(e) => Err(e),
                };
            }
            Err(_) => {}
        }
    }
    staged.commit(&target)?;
    Ok(Swapped::Unknown)
}

/// The file `path` names after following symbolic links (itself when it
/// is not a link, or does not exist yet).
pub fn through_links(path: &Path) -> io::Result<std::path::PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Atomically replaces `target` with `bytes` without waiting for the disk:
/// for caches, where a lost write costs nothing.
pub fn write_unsynced(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(target);
    let mut temp = tempfile::Builder::new()
        .prefix(".live.")
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(plain)?;
    temp.write_all(bytes)?;
    temp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Atomically creates `target` with `bytes`; fails if it exists.
pub fn write_new(target: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(target, bytes)?.commit_new(target)
}

/// Whether a directory entry name is one of our temp files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

/// Removes one directory entry if it is a temp file of ours left by a
/// crash (for a caller already reading the directory).
pub fn remove_if_stale_temp(entry: &fs::DirEntry) {
    if !is_temp_name(&entry.file_name().to_string_lossy()) {
        return;
    }
    let stale = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age > STALE_TEMP_AGE);
    if stale {
        // Best effort: a temp file we cannot remove is still ignored.
        let _ = fs::remove_file(entry.path());
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}
