//! What kind of meeting a session is, and the words that go with it. The
//! same method serves an engineering incident ("Postmortem", SEV1–SEV4) and
//! a customer-experience review about falling ratings ("Review", critical …
//! low, "still ongoing"). Pure data; more kinds can come from the config
//! file.

use super::session::Severity;

/// The words a kind of session uses on screen and in exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vocabulary {
    /// The key stored in the session file, e.g. `incident`.
    pub key: String,
    /// What the meeting is called: "incident postmortem".
    pub name: String,
    /// The document's name: "Postmortem".
    pub document: String,
    /// What happened, as a noun: "incident".
    pub event: String,
    /// The label of each severity, worst first.
    pub severities: [String; 4],
    /// Said when there is no resolution time yet.
    pub ongoing: String,
    /// Who was affected, as a noun: "customers".
    pub affected: String,
    /// An example title, shown in an empty title field.
    pub example: String,
}

/// The kind of session created when none is chosen.
pub const DEFAULT_KIND: &str = "incident";

static CONFIGURED: std::sync::OnceLock<Vec<Vocabulary>> = std::sync::OnceLock::new();

/// Adds the kinds from the config file to the built-in ones; once, at
/// start-up (later calls are ignored).
pub fn configure(kinds: Vec<Vocabulary>) {
    let mut all = Vocabulary::builtin();
    for kind in kinds {
        match all.iter_mut().find(|k| k.key == kind.key) {
            Some(known) => *known = kind,
            None => all.push(kind),
        }
    }
    let _ = CONFIGURED.set(all);
}

/// Every kind known: built in, and from the config file.
pub fn known() -> &'static [Vocabulary] {
    CONFIGURED.get_or_init(Vocabulary::builtin)
}

impl Vocabulary {
    /// The kinds fivewhys knows without a config file.
    pub fn builtin() -> Vec<Vocabulary> {
        let words = |list: [&str; 4]| list.map(str::to_string);
        vec![
            Vocabulary {
                key: "incident".into(),
                name: "incident postmortem".into(),
                document: "Postmortem".into(),
                event: "incident".into(),
                severities: words(["SEV1 critical", "SEV2 major", "SEV3 minor", "SEV4 low"]),
                ongoing: "still ongoing".into(),
                affected: "customers".into(),
                example: "Checkout outage during the autumn sale".into(),
            },
            Vocabulary {
                key: "customer-issue".into(),
                name: "customer issue review".into(),
                document: "Review".into(),
                event: "issue".into(),
                severities: words(["critical", "high", "medium", "low"]),
                ongoing: "still ongoing".into(),
                affected: "customers".into(),
                example: "Cancellations after the first box doubled".into(),
            },
        ]
    }

    /// The vocabulary of `key` among `known` kinds; the default kind's when
    /// the key is unknown (a file from a team with more kinds configured).
    pub fn of(key: &str, known: &[Vocabulary]) -> Vocabulary {
        known
            .iter()
            .find(|v| v.key == key)
            .or_else(|| known.iter().find(|v| v.key == DEFAULT_KIND))
            .cloned()
            .unwrap_or_else(|| Vocabulary::builtin().remove(0))
    }

    /// What happened, as a heading: "Incident", "Issue".
    pub fn event_heading(&self) -> String {
        capitalised(&self.event)
    }

    /// The label of a severity in this kind's words.
    pub fn severity(&self, severity: Severity) -> &str {
        let index = Severity::ALL
            .iter()
            .position(|s| *s == severity)
            .unwrap_or(0);
        &self.severities[index]
    }
}

/// `s` with its first letter in capitals.
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_speaks_its_own_words() {
        let known = Vocabulary::builtin();
        let cx = Vocabulary::of("customer-issue", &known);
        assert_eq!(cx.document, "Review");
        assert_eq!(cx.severity(Severity::Sev3), "medium");
        let incident = Vocabulary::of("something-else", &known);
        assert_eq!(incident.severity(Severity::Sev1), "SEV1 critical");
    }
}
