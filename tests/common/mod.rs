//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The example session files shipped in `examples/sessions/`.
pub fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("examples/sessions exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The checkout outage example (two problem statements, deep tree).
pub fn outage_file() -> PathBuf {
    example_files()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("checkout-outage"))
        .expect("the outage example exists")
}
