//! Every value a facilitator can edit, as one enum: how to read it from the
//! session, how to write typed text back, and what kind of input it takes.
//! Pure: no terminal, no files.

use jiff::Zoned;

use crate::export::sanitize::{clean_line, clean_text};
use crate::model::{
    ActionStatus, KeyMoment, Lesson, Participant, Priority, Role, Session, Severity,
};
use crate::natural;

/// One editable value in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// Session title.
    Title,
    /// What kind of meeting it is.
    MeetingKind,
    /// The first problem statement.
    Problem,
    /// Incident summary.
    Summary,
    /// When it started.
    Started,
    /// When it was detected.
    Detected,
    /// When it was resolved.
    Resolved,
    /// Severity.
    Severity,
    /// Customer impact description.
    Impact,
    /// Number of customers affected.
    Affected,
    /// Impact channels, comma separated.
    Channels,
    /// Participant name.
    PersonName(usize),
    /// Participant function/team.
    PersonTeam(usize),
    /// Participant role.
    PersonRole(usize),
    /// Participant email address (optional: the email draft's recipients).
    PersonEmail(usize),
    /// "+ add participant".
    AddPerson,
    /// Key moment time.
    MomentAt(usize),
    /// Key moment description.
    MomentWhat(usize),
    /// "+ add key moment".
    AddMoment,
    /// Facilitator notes.
    Notes,
    /// A why node's answer (or problem statement at a root).
    Answer(String),
    /// A why node's question wording.
    Question(String),
    /// A why node's evidence.
    Evidence(String),
    /// Action description.
    ActDescription(String),
    /// Action owner.
    ActOwner(String),
    /// Action team.
    ActTeam(String),
    /// Action due date.
    ActDue(String),
    /// Action priority.
    ActPriority(String),
    /// Action status.
    ActStatus(String),
    /// Action note.
    ActNote(String),
    /// Where an action is tracked: a URL or a ticket key.
    ActLink(String),
    /// An item of a list of lessons.
    Lesson(Lesson, usize),
    /// The heading of a list of lessons: activating it adds an item.
    AddLesson(Lesson),
    /// An answer still believed or unsure, listed on Review to verify.
    ToVerify(String),
}

/// What kind of input a field takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines (Alt-Enter for a new line).
    Multi,
    /// A time, natural input.
    Time,
    /// A date, natural input.
    Date,
    /// A whole number.
    Number,
    /// One of a few options, chosen from a list (see [`Field::choices`]).
    Choice,
    /// Not a value: activating it adds something.
    Button,
}

impl Field {
    /// Where the field is kept, as a clash names it: what kind of item,
    /// which one, and the field's name in the session file. `None` for a
    /// field kept in a list by place (lessons, key moments, channels) or
    /// a participant's name: a change to those elsewhere is merged as an
    /// item of its own, never lost.
    pub fn stored_as(
        &self,
        s: &Session,
    ) -> Option<(crate::model::ConflictOn, Option<String>, &'static str)> {
        use crate::model::ConflictOn as On;
        let session = |name| Some((On::Session, None, name));
        let answer = |id: &String, name| Some((On::Answer, Some(id.clone()), name));
        let action = |id: &String, name| Some((On::Action, Some(id.clone()), name));
        match self {
            Field::Title => session("title"),
            Field::MeetingKind => session("kind"),
            Field::Summary => session("intake.summary"),
            Field::Started => session("intake.started"),
            Field::Detected => session("intake.detected"),
            Field::Resolved => session("intake.resolved"),
            Field::Severity => session("intake.severity"),
            Field::Impact => session("intake.customer_impact.description"),
            Field::Affected => session("intake.customer_impact.affected"),
            Field::Notes => session("notes"),
            Field::Problem => s.whys.first().and_then(|root| answer(&root.id, "answer")),
            Field::Answer(id) => answer(id, "answer"),
            Field::Question(id) => answer(id, "question"),
            Field::Evidence(id) => answer(id, "evidence"),
            Field::ActDescription(id) => action(id, "description"),
            Field::ActOwner(id) => action(id, "owner"),
            Field::ActTeam(id) => action(id, "team"),
            Field::ActDue(id) => action(id, "due"),
            Field::ActPriority(id) => action(id, "priority"),
            Field::ActStatus(id) => action(id, "status"),
            Field::ActNote(id) => action(id, "note"),
            Field::ActLink(id) => action(id, "link"),
            Field::PersonTeam(i) => {
                (s.participants.get(*i)).map(|p| (On::Participant, Some(p.name.clone()), "team"))
            }
            Field::PersonRole(i) => {
                (s.participants.get(*i)).map(|p| (On::Participant, Some(p.name.clone()), "role"))
            }
            Field::PersonEmail(i) => {
                (s.participants.get(*i)).map(|p| (On::Participant, Some(p.name.clone()), "email"))
            }
            Field::PersonName(_)
            | Field::AddPerson
            | Field::MomentAt(_)
            | Field::MomentWhat(_)
            | Field::AddMoment
            | Field::Channels
            | Field::Lesson(..)
            | Field::AddLesson(_)
            | Field::ToVerify(_) => None,
        }
    }
}

impl Field {
    /// The label shown beside the value, in the words of the session's
    /// kind ("Orders affected" where a kind counts orders).
    pub fn label_in(&self, s: &Session) -> String {
        match self {
            Field::Affected => s.affected_label(),
            _ => self.label().to_string(),
        }
    }

    /// The label shown beside the value.
    pub fn label(&self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::MeetingKind => "Kind of meeting",
            Field::Problem => "Problem statement",
            Field::Summary => "Summary",
            Field::Started => "Started",
            Field::Detected => "Detected",
            Field::Resolved => "Resolved",
            Field::Severity => "Severity",
            Field::Impact => "Customer impact",
            Field::Affected => "Customers affected",
            Field::Channels => "Channels",
            Field::PersonName(_) => "Name",
            Field::PersonTeam(_) => "Function/team",
            Field::PersonRole(_) => "Role",
            Field::PersonEmail(_) => "Email",
            Field::AddPerson => "+ add participant",
            Field::MomentAt(_) => "Time",
            Field::MomentWhat(_) => "What happened",
            Field::AddMoment => "+ add key moment",
            Field::Notes => "Notes",
            Field::Answer(_) => "Answer",
            Field::Question(_) => "Question",
            Field::Evidence(_) => "Evidence",
            Field::ActDescription(_) => "What",
            Field::ActOwner(_) => "Owner",
            Field::ActTeam(_) => "Team",
            Field::ActDue(_) => "Due",
            Field::ActPriority(_) => "Priority",
            Field::ActStatus(_) => "Status",
            Field::ActNote(_) => "Note",
            Field::ActLink(_) => "Tracked in",
            Field::Lesson(Lesson::Well, _) => "Went well",
            Field::Lesson(Lesson::Wrong, _) => "Went wrong",
            Field::Lesson(Lesson::Lucky, _) => "Got lucky",
            Field::AddLesson(lesson) => lesson.heading(),
            Field::ToVerify(_) => "To verify",
        }
    }

    /// Whether the item this field belongs to exists in `s`.
    pub fn exists(&self, s: &Session) -> bool {
        match self {
            Field::PersonName(i)
            | Field::PersonTeam(i)
            | Field::PersonRole(i)
            | Field::PersonEmail(i) => *i < s.participants.len(),
            Field::MomentAt(i) | Field::MomentWhat(i) => *i < s.intake.key_moments.len(),
            Field::Answer(id) | Field::Question(id) | Field::Evidence(id) | Field::ToVerify(id) => {
                s.node(id).is_some()
            }
            Field::ActDescription(id)
            | Field::ActOwner(id)
            | Field::ActTeam(id)
            | Field::ActDue(id)
            | Field::ActPriority(id)
            | Field::ActStatus(id)
            | Field::ActNote(id)
            | Field::ActLink(id) => s.action(id).is_some(),
            Field::Lesson(lesson, i) => *i < s.lessons(*lesson).len(),
            _ => true,
        }
    }

    /// The time a clock time typed alone here is read after: when the
    /// incident started, for the times that follow it (a meeting held the
    /// next day types "14:22" for the day of the incident).
    pub fn time_anchor(&self, s: &Session) -> Option<natural::Anchor> {
        let after = match self {
            Field::Detected | Field::Resolved => true,
            Field::MomentAt(_) => false,
            _ => return None,
        };
        s.intake.started.map(|at| natural::Anchor { at, after })
    }

    /// The input this field takes.
    pub fn kind(&self) -> Kind {
        match self {
            Field::Summary | Field::Notes => Kind::Multi,
            Field::Started | Field::Detected | Field::Resolved | Field::MomentAt(_) => Kind::Time,
            Field::ActDue(_) => Kind::Date,
            Field::Affected => Kind::Number,
            Field::MeetingKind
            | Field::Severity
            | Field::PersonRole(_)
            | Field::ActPriority(_)
            | Field::ActStatus(_) => Kind::Choice,
            Field::AddPerson | Field::AddMoment | Field::AddLesson(_) | Field::ToVerify(_) => {
                Kind::Button
            }
            _ => Kind::Line,
        }
    }

    /// The values a choice field offers, in their natural order, in the
    /// words of the session's kind.
    pub fn choices(&self, s: &Session) -> Vec<String> {
        let labels = |list: &[&str]| list.iter().map(|l| l.to_string()).collect();
        match self {
            Field::MeetingKind => crate::model::kind::known()
                .iter()
                .map(|k| k.name.clone())
                .collect(),
            // "not set" last, so the digit of each severity is its number.
            Field::Severity => s
                .words()
                .severities
                .iter()
                .cloned()
                .chain(std::iter::once("not set".to_string()))
                .collect(),
            Field::PersonRole(_) => labels(&Role::ALL.map(|r| r.label())),
            Field::ActPriority(_) => labels(&Priority::ALL.map(|p| p.label())),
            Field::ActStatus(_) => labels(&ActionStatus::ALL.map(|a| a.label())),
            _ => Vec::new(),
        }
    }

    /// The current value as editable text (times in `now`'s zone).
    pub fn read(&self, s: &Session, now: &Zoned) -> String {
        let time = |t: Option<jiff::Timestamp>| {
            t.map(|t| crate::export::format_time(t, now.time_zone()))
                .unwrap_or_default()
        };
        let intake = &s.intake;
        match self {
            Field::Title => s.title.clone(),
            Field::MeetingKind => s.words().name,
            Field::Problem => s.problem_statement().unwrap_or_default().to_string(),
            Field::Summary => intake.summary.clone(),
            Field::Started => time(intake.started),
            Field::Detected => time(intake.detected),
            Field::Resolved => time(intake.resolved),
            Field::Severity => intake
                .severity
                .map_or("not set".to_string(), |v| s.words().severity(v).to_string()),
            Field::Impact => intake.customer_impact.description.clone(),
            // "600 restaurants" when the session counts its own way.
            Field::Affected => match (
                &intake.customer_impact.affected,
                &intake.customer_impact.unit,
            ) {
                (Some(n), Some(unit)) if !unit.trim().is_empty() => format!("{n} {}", unit.trim()),
                (Some(n), _) => n.to_string(),
                (None, _) => String::new(),
            },
            Field::Channels => intake.customer_impact.channels.join(", "),
            Field::PersonName(i) => s
                .participants
                .get(*i)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            Field::PersonTeam(i) => s
                .participants
                .get(*i)
                .map(|p| p.team.clone())
                .unwrap_or_default(),
            Field::PersonRole(i) => s
                .participants
                .get(*i)
                .map(|p| p.role.label().to_string())
                .unwrap_or_default(),
            Field::PersonEmail(i) => s
                .participants
                .get(*i)
                .and_then(|p| p.email.clone())
                .unwrap_or_default(),
            Field::MomentAt(i) => time(intake.key_moments.get(*i).map(|m| m.at)),
            Field::MomentWhat(i) => intake
                .key_moments
                .get(*i)
                .map(|m| m.what.clone())
                .unwrap_or_default(),
            Field::AddPerson | Field::AddMoment => String::new(),
            Field::Notes => s.notes.clone(),
            Field::Answer(id) => (s.node(id).and_then(|n| self.words_of(n)))
                .unwrap_or_default()
                .to_string(),
            Field::Question(id) => s.question_for(id),
            Field::Evidence(id) => (s.node(id).and_then(|n| self.words_of(n)))
                .unwrap_or_default()
                .to_string(),
            Field::ActDescription(id) => s
                .action(id)
                .map(|a| a.description.clone())
                .unwrap_or_default(),
            Field::ActOwner(id) => s
                .action(id)
                .and_then(|a| a.owner.clone())
                .unwrap_or_default(),
            Field::ActTeam(id) => s
                .action(id)
                .and_then(|a| a.team.clone())
                .unwrap_or_default(),
            Field::ActDue(id) => s
                .action(id)
                .and_then(|a| a.due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            Field::ActPriority(id) => s
                .action(id)
                .map(|a| a.priority.label().to_string())
                .unwrap_or_default(),
            Field::ActStatus(id) => s
                .action(id)
                .map(|a| a.status.label().to_string())
                .unwrap_or_default(),
            Field::ActNote(id) => s.action(id).map(|a| a.note.clone()).unwrap_or_default(),
            Field::ActLink(id) => s
                .action(id)
                .and_then(|a| a.link.clone())
                .unwrap_or_default(),
            Field::Lesson(lesson, i) => s.lessons(*lesson).get(*i).cloned().unwrap_or_default(),
            Field::AddLesson(_) => String::new(),
            Field::ToVerify(id) => s.node(id).map(|n| n.answer.clone()).unwrap_or_default(),
        }
    }

    /// Whether writing this field changes only words the why tree's
    /// outline does not hold (an answer's text, the title, a note): no
    /// answer is added, moved or marked, and no action's owner, due date or
    /// status changes. Typing into such a field keeps the outline.
    pub fn leaves_outline(&self) -> bool {
        matches!(
            self,
            Field::Title
                | Field::Problem
                | Field::Summary
                | Field::Impact
                | Field::Affected
                | Field::Channels
                | Field::MomentWhat(_)
                | Field::Notes
                | Field::Answer(_)
                | Field::Question(_)
                | Field::Evidence(_)
                | Field::ActDescription(_)
                | Field::ActNote(_)
                | Field::ActLink(_)
                | Field::Lesson(..)
        )
    }

    /// For an answer's own words (the answer, its evidence): those words
    /// of `node`; `None` for any other field.
    pub fn words_of<'a>(&self, node: &'a crate::model::WhyNode) -> Option<&'a str> {
        match self {
            Field::Answer(_) => Some(&node.answer),
            Field::Evidence(_) => Some(&node.evidence),
            _ => None,
        }
    }

    /// For an answer's own words (the answer, its evidence) typed into an
    /// edit box: writes them into that answer and says whether they
    /// changed; `None` for any other field.
    pub fn write_typed_words(&self, node: &mut crate::model::WhyNode, clean: &str) -> Option<bool> {
        let words = match self {
            Field::Answer(_) => &mut node.answer,
            Field::Evidence(_) => &mut node.evidence,
            _ => return None,
        };
        let text = clean.trim();
        let changed = words != text;
        if changed {
            *words = text.to_string();
        }
        Some(changed)
    }

    /// Writes the text of an edit box, which holds clean text only, into a
    /// text field as it is typed. Skips re-cleaning (and so costs a copy,
    /// not a scan per key, in long text); other kinds go through
    /// [`Field::write`].
    pub fn write_typed(&self, s: &mut Session, clean: &str, now: &Zoned) -> Result<(), String> {
        match (self, self.kind()) {
            (Field::Summary, _) => s.intake.summary = clean.to_string(),
            (Field::Notes, _) => s.notes = clean.to_string(),
            (Field::Answer(id) | Field::Evidence(id), _) => {
                self.write_typed_words(node(s, id)?, clean);
            }
            (Field::ActDescription(id), _) => action(s, id)?.description = clean.trim().to_string(),
            (Field::ActNote(id), _) => action(s, id)?.note = clean.trim().to_string(),
            (Field::Impact, _) => s.intake.customer_impact.description = clean.trim().to_string(),
            _ => return self.write(s, clean, now),
        }
        Ok(())
    }

    /// Writes typed text into the session; an error says what to type.
    /// Text is cleaned of control characters and escape sequences first.
    pub fn write(&self, s: &mut Session, raw: &str, now: &Zoned) -> Result<(), String> {
        let line = clean_line(raw);
        let text = line.trim().to_string();
        let opt = |t: &str| (!t.is_empty()).then(|| t.to_string());
        let anchor = self.time_anchor(s);
        let time = |t: &str| -> Result<Option<jiff::Timestamp>, String> {
            if t.is_empty() {
                Ok(None)
            } else {
                natural::parse_time_after(t, now, anchor).map(Some)
            }
        };
        match self {
            Field::Title => s.title = text,
            Field::MeetingKind => {
                if let Some(kind) = crate::model::kind::known().iter().find(|k| k.name == text) {
                    s.kind = kind.key.clone();
                }
            }
            Field::Problem => s.set_problem_statement(text),
            Field::Summary => s.intake.summary = clean_text(raw),
            Field::Notes => s.notes = clean_text(raw),
            Field::Started => s.intake.started = time(&text)?,
            Field::Detected => s.intake.detected = time(&text)?,
            Field::Resolved => s.intake.resolved = time(&text)?,
            Field::Severity => {
                let words = s.words();
                s.intake.severity = Severity::ALL
                    .iter()
                    .copied()
                    .find(|v| words.severity(*v) == text)
            }
            Field::Impact => s.intake.customer_impact.description = text,
            // How many, and what they were when it is not the kind's
            // word: "600 restaurants".
            Field::Affected => {
                let (affected, unit) = affected_and_unit(&text)?;
                let impact = &mut s.intake.customer_impact;
                impact.affected = affected;
                impact.unit = unit;
            }
            Field::Channels => {
                s.intake.customer_impact.channels = text
                    .split(',')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .collect();
            }
            Field::PersonName(i) => with(&mut s.participants, *i, |p| p.name = text)?,
            Field::PersonTeam(i) => {
                let team = complete_team(s, &text);
                with(&mut s.participants, *i, |p| p.team = team)?
            }
            Field::PersonRole(i) => {
                let role = Role::ALL
                    .iter()
                    .copied()
                    .find(|r| r.label() == text)
                    .unwrap_or_default();
                with(&mut s.participants, *i, |p: &mut Participant| p.role = role)?
            }
            Field::PersonEmail(i) => {
                let email = email_address(&text)?;
                with(&mut s.participants, *i, |p| p.email = email)?
            }
            Field::MomentAt(i) => {
                let at = natural::parse_time_after(&text, now, anchor)?;
                with(&mut s.intake.key_moments, *i, |m: &mut KeyMoment| m.at = at)?
            }
            Field::MomentWhat(i) => with(&mut s.intake.key_moments, *i, |m| m.what = text)?,
            Field::AddPerson | Field::AddMoment => {}
            Field::Answer(id) => node(s, id)?.answer = text,
            Field::Question(id) => {
                let default = match s.parent_of(id) {
                    Some(parent) => crate::model::default_question(&parent.answer),
                    None => String::new(),
                };
                // Keeping the default wording stored as empty lets it follow
                // later edits of the parent's answer.
                node(s, id)?.question = if text == default { String::new() } else { text };
            }
            Field::Evidence(id) => node(s, id)?.evidence = text,
            Field::ActDescription(id) => action(s, id)?.description = text,
            // The team follows in `update`, which knows whether it was typed.
            Field::ActOwner(id) => {
                let owner = complete_participant(s, &text);
                action(s, id)?.owner = owner;
            }
            Field::ActTeam(id) => {
                let team = complete_team(s, &text);
                action(s, id)?.team = opt(&team)
            }
            Field::ActLink(id) => action(s, id)?.link = opt(&text),
            Field::ActDue(id) => {
                action(s, id)?.due = if text.is_empty() {
                    None
                } else {
                    Some(natural::parse_date(&text, now)?)
                }
            }
            Field::ActPriority(id) => {
                action(s, id)?.priority = Priority::ALL
                    .iter()
                    .copied()
                    .find(|p| p.label() == text)
                    .unwrap_or_default()
            }
            Field::ActStatus(id) => {
                let status = ActionStatus::ALL
                    .iter()
                    .copied()
                    .find(|p| p.label() == text)
                    .unwrap_or_default();
                s.set_action_status(id, status, now.timestamp())
                    .map_err(|e| e.to_string())?
            }
            Field::ActNote(id) => action(s, id)?.note = text,
            Field::Lesson(lesson, i) => with(s.lessons_mut(*lesson), *i, |w| *w = text)?,
            Field::AddLesson(_) | Field::ToVerify(_) => {}
        }
        Ok(())
    }
}

/// A typed owner name completed to a participant's full name when it is a
/// unique case-insensitive prefix of one; otherwise kept as typed.
pub fn complete_participant(s: &Session, typed: &str) -> Option<String> {
    if typed.is_empty() {
        return None;
    }
    let lower = typed.to_lowercase();
    let matches: Vec<&Participant> = s
        .participants
        .iter()
        .filter(|p| p.name.to_lowercase().starts_with(&lower))
        .collect();
    match matches.as_slice() {
        [one] => Some(one.name.clone()),
        _ => Some(typed.to_string()),
    }
}

/// A typed team completed to the one team (from the config file or
/// already in the session) that starts that way.
fn complete_team(s: &Session, typed: &str) -> String {
    let known = s
        .participants
        .iter()
        .map(|p| p.team.as_str())
        .chain(s.actions.iter().filter_map(|a| a.team.as_deref()))
        .filter(|t| !t.trim().is_empty());
    crate::config::current().complete_team(typed, known)
}

fn with<T>(items: &mut [T], i: usize, f: impl FnOnce(&mut T)) -> Result<(), String> {
    items
        .get_mut(i)
        .map(f)
        .ok_or_else(|| "that row no longer exists".to_string())
}

fn node<'a>(s: &'a mut Session, id: &str) -> Result<&'a mut crate::model::WhyNode, String> {
    s.node_mut(id)
        .ok_or_else(|| "that answer no longer exists".to_string())
}

fn action<'a>(s: &'a mut Session, id: &str) -> Result<&'a mut crate::model::ActionItem, String> {
    s.action_mut(id)
        .ok_or_else(|| "that action no longer exists".to_string())
}

/// "600 restaurants" → (600, "restaurants"); "41,250" → (41250, none);
/// "" → nothing. The number comes first.
fn affected_and_unit(text: &str) -> Result<(Option<u64>, Option<String>), String> {
    let text = text.trim();
    let split = text.find(|c: char| c.is_alphabetic()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '.' | '\u{a0}'))
        .collect();
    let unit = Some(unit.trim().to_string()).filter(|u| !u.is_empty());
    if digits.is_empty() {
        return match unit {
            None => Ok((None, None)),
            Some(_) => Err(format!(
                "{text:?}: start with how many (600, or 600 restaurants)"
            )),
        };
    }
    let n = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a whole number"))?;
    Ok((Some(n), unit))
}

/// A participant's email address as typed: none when empty, else one
/// address (name@domain, no spaces) or a message saying what is wrong.
fn email_address(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let at_one = text.matches('@').count() == 1;
    let (local, domain) = text.split_once('@').unwrap_or(("", ""));
    let plain = !text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>,;\"".contains(c));
    if at_one && plain && !local.is_empty() && domain.contains('.') && !domain.ends_with('.') {
        Ok(Some(text.to_string()))
    } else {
        Err(format!(
            "{text:?} is not an email address: type one like name@example.com, or leave it empty"
        ))
    }
}

#[cfg(test)]
mod affected_tests {
    use super::affected_and_unit;

    #[test]
    fn how_many_takes_its_own_word() {
        assert_eq!(
            affected_and_unit("600 restaurants"),
            Ok((Some(600), Some("restaurants".into())))
        );
        assert_eq!(affected_and_unit("41,250"), Ok((Some(41250), None)));
        assert_eq!(
            affected_and_unit(" 1 200 orders "),
            Ok((Some(1200), Some("orders".into())))
        );
        assert_eq!(affected_and_unit(""), Ok((None, None)));
        assert!(affected_and_unit("restaurants").is_err());
        assert!(affected_and_unit("6-7 shops").is_err());
    }
}
