//! `fivewhys config path|init|check`.

use std::path::Path;

use anyhow::{Result, bail};

use super::output;

fn need(path: Option<&Path>) -> Result<&Path> {
    path.ok_or_else(|| {
        anyhow::anyhow!("no home directory found; set FIVEWHYS_CONFIG to the config file's path")
    })
}

/// Prints where the config file is, and whether it exists.
pub fn path(path: Option<&Path>) -> Result<()> {
    let path = need(path)?;
    output::data(&format!("{}\n", path.display()))?;
    if !path.exists() {
        output::say("(not there yet: `fivewhys config init` writes a commented one)");
    }
    Ok(())
}

/// Writes the commented default, never over an existing file.
pub fn init(path: Option<&Path>) -> Result<()> {
    let path = need(path)?;
    if path.exists() {
        bail!(
            "{} already exists; it was left as it is (`fivewhys config check` checks it)",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("could not create {}: {e}", dir.display()))?;
    }
    fivewhys::store::write_file(path, fivewhys::config::TEMPLATE.as_bytes())
        .map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))?;
    output::say(&format!(
        "wrote {}; remove the \"# \" in front of a setting to use it",
        path.display()
    ));
    Ok(())
}

/// Exits 1 naming the line and key of the first problem.
pub fn check(path: Option<&Path>) -> Result<()> {
    let path = need(path)?;
    if !path.exists() {
        output::say(&format!(
            "{} does not exist: the defaults are used (`fivewhys config init` writes one)",
            path.display()
        ));
        return Ok(());
    }
    fivewhys::config::load(path)?;
    output::say(&format!("{}: valid", path.display()));
    Ok(())
}
