//! Where an export is written (`--output FILE`): a regular file is
//! replaced atomically (through a symbolic link, the file it points to);
//! a pipe or a terminal (`-o /dev/stdout`) is written to as it is; a
//! folder or any other special file is refused and left alone.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::atomic;
use super::listing::special_kind;

/// Writes `bytes` to `path` as described above.
pub fn write_to(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // The process's own output, by name: written to where it already goes.
    // Following the name would find the file the shell redirected into and
    // replace it, losing what the shell wrote there before.
    let named = path.to_string_lossy();
    match named.as_ref() {
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => {
            let mut out = io::stdout().lock();
            return out.write_all(bytes).and_then(|()| out.flush());
        }
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => {
            let mut out = io::stderr().lock();
            return out.write_all(bytes).and_then(|()| out.flush());
        }
        _ => {}
    }
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        // Nothing there yet (or a link to nothing): a new regular file.
        Err(e) if e.kind() == io::ErrorKind::NotFound => return atomic::write(path, bytes),
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        return atomic::write(path, bytes);
    }
    if kind.is_dir() {
        return Err(io::Error::other(
            "it is a folder; give a file name inside it",
        ));
    }
    if writable_stream(&kind) {
        let mut out = fs::OpenOptions::new().write(true).open(path)?;
        return out.write_all(bytes).and_then(|()| out.flush());
    }
    Err(io::Error::other(format!(
        "it is {}, which fivewhys does not replace",
        special_kind(&kind)
    )))
}

/// A named pipe or a character device (a terminal, `/dev/null`).
fn writable_stream(kind: &fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_fifo() || kind.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_are_written_through_and_folders_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_to(&link, b"new").unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link stays a link"
        );
        let err = write_to(dir.path(), b"x").unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
        // A named pipe is written to, not replaced.
        let fifo = dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_to(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(
            !fs::symlink_metadata(&fifo).unwrap().file_type().is_file(),
            "still a pipe"
        );
    }
}
