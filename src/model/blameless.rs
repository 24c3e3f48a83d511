//! Notices wording that blames a person rather than the system, so the
//! facilitator can nudge the room. It never blocks: it only suggests.

use super::session::Session;

/// Phrases that usually point at a person rather than at the system.
const BLAMING: &[&str] = &[
    "human error",
    "forgot",
    "careless",
    "should have",
    "shouldn't have",
    "didn't bother",
    "negligen",
    "lazy",
    "incompeten",
    "his fault",
    "her fault",
    "their fault",
    "mistake by",
];

/// A gentle nudge if `answer` blames a person; `None` if it reads blameless.
pub fn nudge(session: &Session, answer: &str) -> Option<String> {
    let lower = answer.to_lowercase();
    if let Some(phrase) = BLAMING.iter().find(|p| lower.contains(*p)) {
        return Some(format!(
            "\"{}\" points at a person. What in the system allowed it?",
            phrase.trim()
        ));
    }
    session
        .participants
        .iter()
        .map(|p| p.name.trim())
        .filter(|name| name.len() >= 3)
        .find(|name| {
            let first = name
                .split_whitespace()
                .next()
                .unwrap_or(name)
                .to_lowercase();
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == first)
        })
        .map(|name| format!("This names {name}. Blameless: what in the system allowed it?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Role};

    #[test]
    fn blaming_words_and_names_are_noticed() {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        s.participants.push(Participant {
            name: "Mei Lin".into(),
            team: "Platform".into(),
            role: Role::Participant,
        });
        assert!(nudge(&s, "Ops forgot to renew the certificate").is_some());
        assert!(nudge(&s, "Human error during deploy").is_some());
        assert!(nudge(&s, "mei deployed on friday").is_some());
        assert!(nudge(&s, "The renewal job had no alert").is_none());
        assert!(nudge(&s, "timeline").is_none());
    }
}
