//! `fivewhys export <ID> [--format F] [--output FILE] [--copy] [--redact]`.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use fivewhys::clipboard;
use fivewhys::export::{self, Context, Format};
use fivewhys::store::{Store, write_file};

/// Exports a session to stdout, a file, or the clipboard.
pub fn run(
    store: &Store,
    query: &str,
    format: Format,
    output: Option<PathBuf>,
    copy: bool,
    redact: bool,
) -> Result<()> {
    let path = store.resolve(query)?;
    let mut session = store.load(&path)?;
    if redact {
        session = export::redacted(&session);
    }
    let ctx = Context::at(&jiff::Zoned::now());
    let text = export::export(&session, format, &ctx);
    if let Some(out) = &output {
        write_file(out, text.as_bytes())
            .with_context(|| format!("could not write {}", out.display()))?;
        eprintln!("wrote the {} summary to {}", format.label(), out.display());
    }
    if copy {
        // HTML goes to the native clipboard as rich text with the plain
        // text beside it; OSC 52 carries plain text only.
        let (plain, html) = match format {
            Format::Html => (export::text(&session, &ctx), Some(text.as_str())),
            _ => (text.clone(), None),
        };
        let mut tty = clipboard::controlling_terminal();
        let terminal = tty.as_mut().map(|t| t as &mut dyn std::io::Write);
        let fallback = store.export_path(&path, format.extension());
        let report = clipboard::copy(&plain, html, terminal, &fallback);
        eprintln!(
            "{}",
            report.describe(&format!("{} summary", format.label()))
        );
    }
    if output.is_none() && !copy {
        super::print_out(&text)?;
    }
    Ok(())
}
