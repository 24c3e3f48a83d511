//! The last resort when a session cannot be saved on the way out (a full or
//! read-only disk): a recovery copy somewhere else, so that quitting never
//! loses what the room said.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::atomic;

/// Writes `text` (a session file) as a recovery copy: in `DIR/recovery/`,
/// else beside the data directory, else in the system temp dir. Returns
/// where it went, or every place tried with why it failed.
pub fn write_recovery(
    data_dir: &Path,
    session_id: &str,
    text: &str,
) -> Result<PathBuf, Vec<(PathBuf, std::io::Error)>> {
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
    let name = format!("fivewhys-recovery-{session_id}-{stamp}.json");
    // Inside the data directory only its own `recovery/` folder, never a
    // link planted in its place (see `fence`); the other places are the
    // user's and the system's, where a new file of a fresh name is made.
    let mut places = vec![(data_dir.join("recovery"), true)];
    if let Some(parent) = data_dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        places.push((parent.to_path_buf(), false));
    }
    places.push((std::env::temp_dir(), false));
    let mut failures = Vec::new();
    for (dir, own) in places {
        let target = dir.join(&name);
        let ready = if own {
            super::fence::own_dir(data_dir, "recovery").map(drop)
        } else {
            Ok(())
        };
        let written = ready.and_then(|()| atomic::write_new(&target, text.as_bytes()));
        match written {
            Ok(()) => return Ok(target),
            Err(e) => failures.push((target, e)),
        }
    }
    Err(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_beside_the_data_dir_when_it_cannot_write_inside() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        std::fs::create_dir(&data).unwrap();
        // A file where the recovery folder would go: writing inside fails.
        std::fs::write(data.join("recovery"), b"in the way").unwrap();
        let written = write_recovery(&data, "k3f9ab", "{}\n").unwrap();
        assert_eq!(written.parent(), Some(root.path()));
        assert_eq!(std::fs::read_to_string(&written).unwrap(), "{}\n");
    }
}
