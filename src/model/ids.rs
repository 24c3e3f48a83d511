//! Short, typeable identifiers for sessions, why nodes and action items.
//!
//! Ids are random rather than sequential so that two people editing copies of
//! the same session on different git branches do not mint the same node id.
//! The alphabet leaves out characters that are easy to misread on a screen
//! share (`0`/`o`, `1`/`l`/`i`).

/// Characters used in every id: lowercase, no look-alikes.
pub const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// Length of a session id. Six characters give ~887 million ids; users type a
/// unique prefix, so the length costs nothing at the keyboard.
pub const SESSION_ID_LEN: usize = 6;

/// Length of the random part of a node or action id within one session.
pub const ITEM_ID_LEN: usize = 4;

/// A random id of `len` characters from [`ALPHABET`].
pub fn random_id(len: usize) -> String {
    (0..len)
        .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
        .collect()
}

/// A fresh id `prefix` + random part that `taken` does not already hold.
pub fn fresh_id(prefix: &str, len: usize, taken: impl Fn(&str) -> bool) -> String {
    loop {
        let candidate = format!("{prefix}{}", random_id(len));
        if !taken(&candidate) {
            return candidate;
        }
    }
}

/// Whether `s` looks like an id this program would have made (any
/// length): lowercase letters, digits and '-', starting with a letter or
/// digit (so an id is never taken for a command-line option).
pub fn is_id_text(s: &str) -> bool {
    s.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_start_with_a_letter_or_digit() {
        assert!(is_id_text("k3f9ab"));
        assert!(is_id_text("n-k3f9"));
        assert!(!is_id_text("-rf"));
        assert!(!is_id_text(""));
        assert!(!is_id_text("K3F"));
    }

    #[test]
    fn fresh_id_avoids_taken_ids() {
        let id = fresh_id("n-", 1, |c| c != "n-z");
        assert_eq!(id, "n-z");
    }

    #[test]
    fn ids_use_only_the_unambiguous_alphabet() {
        for _ in 0..200 {
            let id = random_id(SESSION_ID_LEN);
            assert_eq!(id.len(), SESSION_ID_LEN);
            assert!(!id.contains(['0', 'o', '1', 'l', 'i']), "{id}");
        }
    }
}
