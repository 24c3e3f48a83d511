//! The data directory is a fence: fivewhys never writes through a link
//! or into a special file it did not make itself. A folder shared through
//! git, a sync tool or a colleague's copy can carry a symbolic link where
//! fivewhys expects its own folder or file (`git add -f` gets past
//! `.gitignore`); following it would write outside the data directory.
//!
//! So the folders fivewhys writes in (`cache/`, `exports/`, `recovery/`,
//! `trash/`) must be real folders, the files it writes there are replaced
//! by renaming (which replaces a link, never what it points to) or opened
//! with `O_NOFOLLOW`, and anything unexpected is reported with its path
//! and left exactly as it is.
//!
//! The one place writes follow a link on purpose is a session file that is
//! itself a link (see `atomic::write`): the user made that link to keep a
//! session elsewhere.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use super::atomic;

/// `root/name` as a real folder of fivewhys: made (mode 0700) when
/// missing; refused, naming what is there, when it is a link or not a
/// folder.
pub fn own_dir(root: &Path, name: &str) -> io::Result<PathBuf> {
    let dir = root.join(name);
    match fs::symlink_metadata(&dir) {
        Ok(meta) if meta.is_dir() => Ok(dir),
        Ok(meta) => Err(not_ours(&dir, &meta)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            match builder.create(&dir) {
                Ok(()) => Ok(dir),
                // Made meanwhile by another fivewhys: check it again.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let meta = fs::symlink_metadata(&dir)?;
                    if meta.is_dir() {
                        Ok(dir)
                    } else {
                        Err(not_ours(&dir, &meta))
                    }
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// The error for something fivewhys will not write through or into. It
/// names the entry by its own name first (callers say the full path), so
/// a narrow status line still shows what is wrong.
pub fn not_ours(path: &Path, meta: &fs::Metadata) -> io::Error {
    let what = if meta.file_type().is_symlink() {
        match fs::read_link(path) {
            Ok(to) => format!(
                "a link to {}",
                crate::export::sanitize::clean_line(&to.to_string_lossy())
            ),
            Err(_) => "a link".to_string(),
        }
    } else if meta.is_dir() {
        "a folder".to_string()
    } else {
        super::listing::special_kind(&meta.file_type()).to_string()
    };
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!(
            "{} is {what}: remove it and fivewhys makes its own (it was left alone: fivewhys never writes through a link or into a special file in its data folder)",
            name_of(path)
        ),
    )
}

/// Refuses `path` when something other than a regular file (or nothing)
/// is there: a link, a folder, a pipe.
pub fn refuse_unless_plain(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(not_ours(path, &meta)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Atomically replaces the regular file `path` (or creates it) with
/// `bytes`, never through a link: a link or special file there is
/// refused and left alone.
pub fn write_plain(path: &Path, bytes: &[u8]) -> io::Result<()> {
    refuse_unless_plain(path)?;
    let staged = atomic::stage(path, bytes)?;
    if let Ok(meta) = fs::symlink_metadata(path)
        && meta.is_file()
    {
        fs::set_permissions(staged.path(), meta.permissions())?;
    }
    staged.commit(path)
}

/// Opens `path` with `options`, never through a link at its last part
/// (`O_NOFOLLOW`), and only if what is opened is a regular file with no
/// other name (a hard link to someone's file is as bad as a symbolic one).
pub fn open_plain(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) => {
            // ELOOP: the last part is a link. Say so, naming it.
            if let Ok(meta) = fs::symlink_metadata(path)
                && meta.file_type().is_symlink()
            {
                return Err(not_ours(path, &meta));
            }
            return Err(e);
        }
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_ours(path, &meta));
    }
    if links(&meta) > 1 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} has {} names (hard links): remove it and fivewhys makes its own (it was left alone: writing it would change another file too)",
                name_of(path),
                links(&meta)
            ),
        ));
    }
    Ok(file)
}

/// The last part of `path`, safe to print.
fn name_of(path: &Path) -> String {
    let name = path.file_name().unwrap_or(path.as_os_str());
    crate::export::sanitize::clean_line(&name.to_string_lossy())
}

/// How many names (hard links) the file has; 1 where that is not known.
pub fn links(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_where_a_folder_belongs_is_refused_and_left() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let root = dir.path().join("data");
        fs::create_dir(&root).unwrap();
        symlink(&elsewhere, root.join("exports")).unwrap();
        let err = own_dir(&root, "exports").unwrap_err();
        assert!(err.to_string().contains("a link to"), "{err}");
        assert!(own_dir(&root, "cache").unwrap().is_dir());
        assert!(own_dir(&root, "cache").is_ok(), "a second call finds it");
    }

    #[test]
    fn plain_writes_and_opens_never_follow_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        let link = dir.path().join("planted");
        symlink(&victim, &link).unwrap();
        assert!(write_plain(&link, b"overwritten").is_err());
        let err = open_plain(&link, OpenOptions::new().read(true).write(true)).unwrap_err();
        assert!(err.to_string().contains("link"), "{err}");
        let hard = dir.path().join("hard");
        fs::hard_link(&victim, &hard).unwrap();
        let err = open_plain(&hard, OpenOptions::new().read(true).write(true)).unwrap_err();
        assert!(err.to_string().contains("2 names"), "{err}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        let plain = dir.path().join("plain");
        write_plain(&plain, b"mine").unwrap();
        assert_eq!(fs::read_to_string(&plain).unwrap(), "mine");
    }
}
