//! The names in `sessions/`, kept in `DIR/cache/names-v1` by each listing,
//! so finding one session by id reads a small file instead of a directory
//! of 100,000 entries.
//!
//! The file starts with the folder's stamp (inode, modification and change
//! time) when it was read. Any file added, removed or renamed in the folder
//! changes that stamp, so the names are used only while the folder is
//! exactly as it was; otherwise the folder itself is read.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use super::cache::Stamp;

const MAGIC: &str = "fivewhys names 1";

/// The stamp of a folder, as the first line of the names file.
fn header(dir: &Path) -> Option<String> {
    let stamp = Stamp::of(&fs::metadata(dir).ok()?);
    Some(format!("{MAGIC} {stamp:?}\n"))
}

/// Calls `f` with each name of `dir` as last listed, if the folder has not
/// changed since; false (and `f` not called) otherwise.
pub fn each(names_file: &Path, dir: &Path, mut f: impl FnMut(&str)) -> bool {
    let Some(expected) = header(dir) else {
        return false;
    };
    let Ok(file) = File::open(names_file) else {
        return false;
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() || line != expected {
        return false;
    }
    // Names are passed on only once the end mark shows the file whole.
    let mut pending: Option<String> = None;
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) => {}
        }
        let Some(name) = line.strip_suffix('\n') else {
            return false;
        };
        // Only plain names: never a path out of the folder.
        if name.contains(['/', '\\', '\0']) || name == ".." {
            return false;
        }
        if name == "end" {
            if let Some(last) = pending {
                f(&last);
            }
            return true;
        }
        if let Some(last) = pending.replace(name.to_string()) {
            f(&last);
        }
    }
}

/// Writes the names of a folder while it is being read, when the file
/// does not hold them already.
pub struct Writer {
    out: io::BufWriter<tempfile::NamedTempFile>,
    target: PathBuf,
    header: String,
    complete: bool,
}

impl Writer {
    /// Starts writing the names of `dir` into `names_file`, unless the file
    /// is up to date (or cannot be written).
    pub fn start(names_file: &Path, dir: &Path) -> Option<Writer> {
        let header = header(dir)?;
        let mut current = String::new();
        if let Ok(file) = File::open(names_file) {
            let _ = BufReader::new(file).read_line(&mut current);
        }
        if current == header {
            return None;
        }
        let cache_dir = names_file.parent()?;
        fs::create_dir_all(cache_dir).ok()?;
        let temp = tempfile::Builder::new()
            .prefix(".names.")
            .suffix(".tmp")
            .tempfile_in(cache_dir)
            .ok()?;
        let mut out = io::BufWriter::with_capacity(1 << 16, temp);
        out.write_all(header.as_bytes()).ok()?;
        Some(Writer {
            out,
            target: names_file.to_path_buf(),
            header,
            complete: true,
        })
    }

    /// Adds one name; a name with a line break cannot be kept, and then
    /// the file is not written.
    pub fn add(&mut self, name: &str) {
        if name.contains(['\n', '\r']) {
            self.complete = false;
        }
        if self.complete && self.out.write_all(format!("{name}\n").as_bytes()).is_err() {
            self.complete = false;
        }
    }

    /// Puts the file in place if every name was written and the folder did
    /// not change while it was read.
    pub fn finish(mut self, dir: &Path) {
        if !self.complete || header(dir).as_ref() != Some(&self.header) {
            return;
        }
        if self.out.write_all(b"end\n").is_err() {
            return;
        }
        if let Ok(temp) = self.out.into_inner() {
            let _ = temp.persist(&self.target);
        }
    }
}
