//! Notices wording that blames a person rather than the system, so the
//! facilitator can nudge the room. It never blocks: it only suggests, and it
//! must not cry wolf — "will retry", "May release" and "DB servers" are not
//! people. Words match whole; names match only as capitalised words.

use std::sync::LazyLock;

use super::session::Session;

/// Phrases that usually point at a person rather than at the system,
/// matched as whole words, case-insensitively.
pub const BLAME_WORDS: &[&str] = &[
    "human error",
    "user error",
    "operator error",
    "forgot",
    "forgotten",
    "forgetting",
    "careless",
    "carelessly",
    "carelessness",
    "should have",
    "should've",
    "shouldn't have",
    "should not have",
    "ought to have",
    "didn't bother",
    "did not bother",
    "negligent",
    "negligence",
    "negligently",
    "lazy",
    "laziness",
    "sloppy",
    "incompetent",
    "incompetence",
    "his fault",
    "her fault",
    "their fault",
    "fault of",
    "mistake by",
    "his mistake",
    "her mistake",
    "their mistake",
    "overlooked",
    "fat-fingered",
    "fat finger",
    "fat fingered",
    "screwed up",
    "messed up",
    "blame",
    "blamed",
    "not careful",
    "wasn't careful",
    "weren't careful",
];

/// Words for a person's role that, followed by a failure to act ("the
/// engineer didn't check"), point at the person.
const PERSON_ROLES: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "dev",
    "operator",
    "operators",
    "admin",
    "administrator",
    "on-call",
    "oncall",
    "reviewer",
    "agent",
    "agents",
    "employee",
    "intern",
    "he",
    "she",
    "someone",
    "somebody",
    "nobody",
];

/// What, after a role word, is a person's failure to act.
const FAILED_TO_ACT: &[&str] = &[
    "didn't",
    "did not",
    "failed to",
    "forgot",
    "neglected",
    "missed",
    "ignored",
    "skipped",
];

/// First names that are also ordinary words: alone, they are read as the
/// word ("Will retry", "May release", "Mark it done"), never as a person.
const ORDINARY_NAMES: &[&str] = &[
    "will", "may", "bill", "mark", "rose", "grace", "hope", "joy", "faith", "june", "april",
    "august", "jack", "frank", "art", "pat", "sue", "rob", "ray", "dawn", "summer", "autumn",
    "winter", "sky", "amber", "ruby", "pearl", "iris", "lily", "ivy", "holly", "heather", "daisy",
    "violet", "olive", "ginger", "penny", "sandy", "rusty", "chase", "cliff", "dale", "glen",
    "lane", "miles", "reed", "rich", "rod", "drew", "dean", "gene", "guy", "max", "norm", "don",
    "nick", "bob", "jean", "kit", "jay", "robin", "wren", "skip", "buck", "bud", "chip", "rocky",
    "storm", "river", "forest", "stone", "crystal", "star", "sunny", "melody", "harmony",
    "justice", "honor", "patience", "charity", "mercy", "major", "king", "prince", "duke", "earl",
    "hazel", "basil", "sage", "cherry", "berry", "hunter", "mason", "carter", "cooper", "parker",
    "taylor", "baker", "porter", "page", "price", "case", "bond", "banks", "wells", "hall", "park",
    "ward", "cook", "bishop", "sterling", "gray", "grey", "brown", "white", "black", "green",
    "young", "long", "best", "van", "win", "sol", "val", "tad", "trace", "tracy", "faye", "hart",
];

/// Splits text into words: letters, digits, and apostrophes or hyphens
/// inside a word ("didn't", "on-call"). Curly apostrophes become straight.
fn words(text: &str) -> Vec<String> {
    let text = text.replace('’', "'");
    let mut out = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let inside = matches!(c, '\'' | '-')
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inside {
            word.push(*c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Where the phrase (already split into lowercase words) occurs in `lower`.
fn find(lower: &[String], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > lower.len() {
        return None;
    }
    (0..=lower.len() - phrase.len()).find(|&i| lower[i..i + phrase.len()] == *phrase)
}

/// A word as written, without a possessive "'s".
fn bare(word: &str) -> &str {
    word.strip_suffix("'s").unwrap_or(word)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a participant's first name or surname, written alone, may mean
/// them.
fn name_is_distinctive(first: &str) -> bool {
    let acronym = first.chars().all(|c| !c.is_lowercase()) && first.chars().count() <= 4;
    first.chars().count() >= 2
        && !acronym
        && !ORDINARY_NAMES.contains(&first.to_lowercase().as_str())
}

/// The participant the text names, if any: the full name as capitalised
/// words, or a distinctive first name or surname as a capitalised word.
fn named(session: &Session, written: &[String]) -> Option<String> {
    let bare_words: Vec<&str> = written.iter().map(|w| bare(w)).collect();
    for p in &session.participants {
        let parts: Vec<&str> = p.name.split_whitespace().collect();
        let Some(first) = parts.first() else {
            continue;
        };
        let full = parts.len() > 1
            && bare_words.windows(parts.len()).any(|w| {
                w.iter()
                    .zip(&parts)
                    .all(|(a, b)| capitalised(a) && a.eq_ignore_ascii_case(b))
            });
        let last = parts.last().filter(|_| parts.len() > 1);
        let alone = [Some(first), last].into_iter().flatten().any(|name| {
            name_is_distinctive(name)
                && bare_words
                    .iter()
                    .any(|w| capitalised(w) && w.to_lowercase() == name.to_lowercase())
        });
        if full || alone {
            return Some(p.name.trim().to_string());
        }
    }
    None
}

/// Phrases, each split into its lowercase words.
type Split = Vec<Vec<String>>;

/// The built-in blame phrases and the failures to act, each split into
/// lowercase words once: the Whys screen asks for a nudge on every key.
static BUILT_IN: LazyLock<(Split, Split)> = LazyLock::new(|| {
    let split = |phrases: &[&str]| -> Split {
        (phrases.iter()).map(|p| words(&p.to_lowercase())).collect()
    };
    (split(BLAME_WORDS), split(FAILED_TO_ACT))
});

/// A gentle nudge if `answer` blames a person; `None` if it reads blameless.
pub fn nudge(session: &Session, answer: &str) -> Option<String> {
    let phrases = BLAME_WORDS.iter().copied().zip(BUILT_IN.0.iter());
    nudge_by(phrases, session, answer)
}

/// Like [`nudge`], with the list of blame words given.
pub fn nudge_with<S: AsRef<str>>(blame: &[S], session: &Session, answer: &str) -> Option<String> {
    let split: Vec<Vec<String>> = (blame.iter())
        .map(|p| words(&p.as_ref().to_lowercase()))
        .collect();
    nudge_by(blame.iter().map(AsRef::as_ref).zip(&split), session, answer)
}

/// [`nudge`] with each blame phrase given with its lowercase words.
fn nudge_by<'p>(
    phrases: impl Iterator<Item = (&'p str, &'p Vec<String>)>,
    session: &Session,
    answer: &str,
) -> Option<String> {
    let written = words(answer);
    let lower: Vec<String> = written.iter().map(|w| w.to_lowercase()).collect();
    for (phrase, parts) in phrases {
        if find(&lower, parts).is_some() {
            return Some(format!(
                "\"{}\" points at a person. What in the system allowed it?",
                phrase.trim()
            ));
        }
    }
    for (i, word) in lower.iter().enumerate() {
        if !PERSON_ROLES.contains(&word.as_str()) {
            continue;
        }
        for (failure, parts) in FAILED_TO_ACT.iter().zip(&BUILT_IN.1) {
            if find(&lower[i + 1..], parts) == Some(0) {
                return Some(format!(
                    "\"{} {failure}\" points at a person. What in the system made it easy to miss?",
                    written[i]
                ));
            }
        }
    }
    named(session, &written)
        .map(|name| format!("This names {name}. Blameless: what in the system allowed it?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Role};

    fn room() -> Session {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        for name in [
            "Will Price",
            "May Chen",
            "Bill Ortiz",
            "DB Kumar",
            "Ben Okoro",
            "Mei Lin",
            "Mark Rossi",
        ] {
            s.participants.push(Participant {
                name: name.into(),
                team: "Ops".into(),
                role: Role::Participant,
                email: None,
            });
        }
        s
    }

    /// Sentences from real, public postmortems and customer reviews.
    const BLAMELESS: &[&str] = &[
        "Will's DB servers will retry",
        "The DB servers ran out of connections",
        "The May release changed the checkout flow",
        "Clients will retry with exponential backoff",
        "Bill payments were delayed for two hours",
        "Mark the incident resolved once traffic is normal",
        "The billing job will run again at midnight",
        "A regular expression backtracked catastrophically on common requests",
        "Every HTTP-serving CPU was exhausted",
        "The guard that limited CPU per rule had been removed in a refactoring",
        "Rules ship through a system built for instant global deployment",
        "The rule test suite checked matches, not CPU cost",
        "The regex engine has no run-time complexity guarantee",
        "Internal tools ran behind the same failing proxy",
        "The emergency bypass credentials had expired for lack of use",
        "The sign-up page shows the premium box photos for every plan",
        "Nobody owns the plan photos after the campaign redesign",
        "There is no review step between marketing and operations",
        "Support answers these complaints with a discount code",
        "Discount codes are never reported to marketing",
        "Customers say the first box was not what they expected",
        "The certificate renewal job had no alert",
        "The deploy pipeline skipped canary analysis for config changes",
        "The load balancer health check only tested the TCP port",
        "Disk usage alerts fired on the wrong threshold",
        "The on-call rotation had a gap over the holiday",
        "The runbook link pointed to a deleted page",
        "The config change was applied to all regions at once",
        "A cron job ran during the backup window",
        "The cache kept serving stale prices for 40 minutes",
        "Retries amplified the load on the payment provider",
        "The feature flag defaulted to on in production",
        "Monitoring covered latency but not error rates",
        "The migration locked the orders table",
        "DNS TTLs were set to 24 hours",
        "The capacity forecast used last year's traffic",
        "Phone support queue times doubled during the sale",
        "App store ratings fell from 4.6 to 3.9 in two weeks",
        "Drivers marked parcels delivered before the customer received them",
        "The survey email went out before the parcel arrived",
        "Ops will add the alert next sprint",
        "May and June saw the most cancellations",
        "Price changes went live without a review step",
    ];

    /// Sentences that blame a person.
    const BLAMING: &[&str] = &[
        "Ben forgot to renew the certificate",
        "Human error during the deploy",
        "The engineer didn't check the config",
        "Ops forgot to renew the certificate",
        "Mei Lin pushed the bad rule",
        "Mei pushed the bad rule on Friday",
        "It was a careless mistake",
        "Someone should have reviewed the change",
        "The on-call engineer missed the page",
        "The developer ignored the warning",
        "It was her fault the job stopped",
        "Operator error caused the outage",
        "The admin fat-fingered the command",
        "Support was sloppy with the replies",
        "The team was negligent about backups",
        "Somebody skipped the checklist",
        "Ben Okoro's change broke checkout",
        "Mark Rossi deployed without a review",
        "The reviewer overlooked the regex",
        "We blame the intern for the outage",
        "They weren't careful with the migration",
        "Nobody didn't bother to check",
        "Okoro pushed the change at 17:40",
        "Rossi signed off without a second reviewer",
    ];

    #[test]
    fn blameless_sentences_get_no_nudge() {
        let s = room();
        assert!(BLAMELESS.len() >= 40);
        for sentence in BLAMELESS {
            assert_eq!(nudge(&s, sentence), None, "false alarm on {sentence:?}");
        }
    }

    #[test]
    fn blaming_sentences_each_get_a_nudge() {
        let s = room();
        assert!(BLAMING.len() >= 20);
        for sentence in BLAMING {
            assert!(nudge(&s, sentence).is_some(), "missed {sentence:?}");
        }
    }

    #[test]
    fn names_match_only_as_capitalised_words() {
        let s = room();
        assert!(nudge(&s, "mei deployed on friday").is_none());
        assert!(
            nudge(&s, "Mei deployed on Friday")
                .unwrap()
                .contains("Mei Lin")
        );
        assert!(nudge(&s, "The timeline was unclear").is_none());
        assert!(
            nudge(&s, "A blameless review").is_none(),
            "whole words only"
        );
    }
}
