//! Session file names: readable, fixed at creation, e.g.
//! `2026-11-22-checkout-outage-k3f9ab.json`.

use jiff::tz::TimeZone;

use crate::model::Session;

/// Longest slug kept from a title, so names stay readable in `ls`.
const MAX_SLUG: usize = 40;

/// A lowercase ASCII slug of `title`: letters and digits joined by '-'.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_SLUG {
            break;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_is_readable_and_safe() {
        assert_eq!(slug("Checkout outage!"), "checkout-outage");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  "), "session");
        assert_eq!(slug("Café — déjà vu"), "caf-d-j-vu");
        assert!(slug(&"x".repeat(500)).len() <= MAX_SLUG);
    }
}
