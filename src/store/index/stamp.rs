//! What identifies one version of a file on disk.

use std::fs;
use std::time::UNIX_EPOCH;

/// Size, modification time, and (on Unix) inode and change time, which no
/// edit can keep — even one that puts the old modification time back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    /// Bytes.
    pub len: i64,
    /// Modification time, nanoseconds since 1970.
    pub modified: i64,
    /// Inode number.
    pub inode: i64,
    /// Change time, nanoseconds since 1970.
    pub changed: i64,
}

impl Stamp {
    /// The stamp of a file from its metadata.
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ino() as i64,
                meta.ctime()
                    .saturating_mul(1_000_000_000)
                    .saturating_add(meta.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, 0);
        Stamp {
            len: i64::try_from(meta.len()).unwrap_or(i64::MAX),
            modified,
            inode,
            changed,
        }
    }
}
