//! "Seen before" in words: an earlier session with an answer like one of
//! this session's, as the facilitator reads it.

use crate::export::sanitize::clean_line;
use crate::store::index::SeenBefore;

/// "Checkout outage (k3f9ab), 3 Nov 2026 — RC1 'Our config review only
/// compares files…' — A1 open".
pub fn line(seen: &SeenBefore) -> String {
    let day = seen
        .day
        .map(|d| format!(", {}", d.strftime("%-d %b %Y")))
        .unwrap_or_default();
    let which = match &seen.root_cause {
        Some(rc) => rc.clone(),
        None => seen.label.clone(),
    };
    let said = cut(&clean_line(&seen.text), 48);
    let actions = if seen.actions.is_empty() {
        "no action".to_string()
    } else {
        seen.actions.clone()
    };
    format!(
        "{} ({}){day} — {which} '{said}' — {actions}",
        clean_line(&seen.title),
        seen.session
    )
}

/// `text` cut to `max` characters, "…" where it is cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
