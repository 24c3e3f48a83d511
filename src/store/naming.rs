//! Session file names: readable, fixed at creation, e.g.
//! `2026-11-22-checkout-outage-k3f9ab.json`.

use jiff::tz::TimeZone;

use crate::model::Session;

/// Longest slug kept from a title, so names stay readable in `ls`.
const MAX_SLUG: usize = 40;

/// A lowercase ASCII slug of `title`: letters and digits joined by '-',
/// accents and other scripts spelled in ASCII ("Café" → "cafe"), cut at a
/// word boundary when long.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(title)
        .chars()
        .flat_map(char::to_lowercase)
    {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() > MAX_SLUG {
            break;
        }
    }
    if out.len() > MAX_SLUG {
        // Whole words only, unless one word is longer than the limit.
        let cut = out[..=MAX_SLUG]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_SLUG);
        out.truncate(cut);
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "session".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The file name for a new session: local creation date, slug, id.
pub fn file_name_for(session: &Session) -> String {
    let date = session.created.to_zoned(TimeZone::system()).date();
    format!("{date}-{}-{}.json", slug(&session.title), session.id)
}

/// The session id a file name ends in (`…-k3f9ab.json`), if it ends in
/// one the way fivewhys names files.
pub fn id_in_name(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".json")?;
    let id = stem.rsplit('-').next()?;
    (id.len() == crate::model::ids::SESSION_ID_LEN && crate::model::ids::is_id_text(id))
        .then_some(id)
}

/// The date and title part of a session file's name, for messages.
pub fn title_in_name(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    stem.rsplit_once('-')
        .map_or(stem, |(rest, _)| rest)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_is_readable_and_safe() {
        assert_eq!(slug("Checkout outage!"), "checkout-outage");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  "), "session");
        assert_eq!(slug("Café — déjà vu"), "cafe-deja-vu");
        assert!(slug(&"x".repeat(500)).len() <= MAX_SLUG);
        assert_eq!(
            slug("Cancellations after the first box doubled in two months"),
            "cancellations-after-the-first-box",
            "cut between words"
        );
        assert_eq!(
            slug("Checkout outage during the autumn sale"),
            "checkout-outage-during-the-autumn-sale"
        );
    }
}
