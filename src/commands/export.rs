//! `fivewhys export <ID> [--format F] [--output FILE] [--copy] [--redact]`.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use fivewhys::clipboard;
use fivewhys::export::{self, Context, Format};
use fivewhys::store::{Store, write_to};

/// How to export.
pub struct Options {
    /// Write here instead of stdout.
    pub output: Option<PathBuf>,
    /// Copy to the clipboard instead of printing.
    pub copy: bool,
    /// Replace participants' names with their function.
    pub redact: bool,
    /// Hard-wrap plain text at this many columns.
    pub wrap: Option<usize>,
}

/// Exports a session to stdout, a file, or the clipboard.
pub fn run(store: &Store, query: &str, format: Format, options: Options) -> Result<()> {
    let Options {
        output,
        copy,
        redact,
        wrap,
    } = options;
    if copy && format == Format::Eml {
        anyhow::bail!(
            "an email draft is a file to open in a mail client, not text to paste: use --output FILE"
        );
    }
    let path = store.resolve(query)?;
    let mut session = store.load(&path)?;
    super::warn_about(&session);
    if redact {
        session = export::redacted(&session);
    }
    let mut ctx = Context::for_session(&session, jiff::Timestamp::now());
    ctx.wrap = wrap;
    ctx.redacted = redact;
    let text = export::export(&session, format, &ctx);
    if let Some(out) = &output {
        write_to(out, text.as_bytes())
            .with_context(|| format!("could not write {}", out.display()))?;
        super::output::say(&format!(
            "wrote the {} summary to {}",
            format.label(),
            out.display()
        ));
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
        let keep = || store.write_export(&path, format.extension(), text.as_bytes());
        let report = clipboard::copy(&plain, html, terminal, keep);
        let told = report.describe(&format!("{} summary", format.label()));
        // Nowhere at all: not a success for a script to go on from.
        if !report.osc52 && !report.native && report.file.is_none() {
            anyhow::bail!("{}", told.trim_end_matches('.'));
        }
        super::output::say(&told);
    }
    if output.is_none() && !copy {
        match format {
            Format::Json => super::output::json(&text)?,
            _ => super::output::data(&text)?,
        }
    }
    Ok(())
}
