//! `fivewhys actions` (every session's actions) and `fivewhys action`
//! (show or change one from the shell).

use std::path::PathBuf;

use anyhow::{Result, bail};
use fivewhys::cli::StatusArg;
use fivewhys::follow::{self, ActionFilter, ActionRow, Found};
use fivewhys::model::Session;
use fivewhys::store::{Store, StoreError};
use jiff::civil::Date;

use super::output;

/// The readable sessions with an action whose id starts with `prefix`,
/// with their files: found through the index, only those files read.
fn with_action(store: &Store, prefix: &str) -> Result<Vec<(PathBuf, Session)>> {
    let index = super::list::index(store, fivewhys::store::Check::Full)?;
    let mut out = Vec::new();
    for path in index.sessions_with_action(prefix)? {
        match store.load(&path) {
            Ok(session) => out.push((path, session)),
            Err(e) => output::say(&format!("fivewhys: skipped: {e}")),
        }
    }
    Ok(out)
}

/// Today in the local zone.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// What `fivewhys actions` prints, and in which form.
pub struct ListArgs {
    /// Which actions.
    pub filter: ActionFilter,
    /// A session id or prefix to resolve into `filter.session`.
    pub session: Option<String>,
    /// The day "overdue" is measured from.
    pub today: Option<Date>,
    /// `json`, `csv`, `ics` or a table.
    pub form: Form,
    /// Where to write instead of stdout.
    pub output: Option<PathBuf>,
}

/// The printed form of the actions.
pub enum Form {
    /// A table for people.
    Table,
    /// A JSON array.
    Json,
    /// RFC 4180 CSV.
    Csv,
    /// iCalendar to-dos.
    Ics,
}

/// `fivewhys actions`.
pub fn list(store: &Store, mut args: ListArgs) -> Result<()> {
    if let Some(query) = &args.session {
        let session = store.load(&store.resolve(query)?)?;
        args.filter.session = Some(session.id);
    }
    let today = args.today.unwrap_or_else(today);
    let index = super::list::index(store, fivewhys::store::Check::Full)?;
    let f = &args.filter;
    let mut out = output::Stream::stdout();
    let to_stdout = args.output.is_none();
    // JSON and CSV to the terminal are written row by row, as the index
    // gives them: a store of any size in the same small memory.
    match args.form {
        Form::Json if to_stdout => {
            let mut first = true;
            index.each_action(f, today, |row| {
                let object = serde_json::to_string_pretty(&row).unwrap_or_default();
                let mut text = String::from(if first { "[\n" } else { ",\n" });
                first = false;
                let lines: Vec<String> = object.lines().map(|l| format!("  {l}")).collect();
                text.push_str(&lines.join("\n"));
                out.json(&text);
            })?;
            out.json(if first { "[]\n" } else { "\n]\n" });
            return out.finish();
        }
        Form::Csv if to_stdout => {
            out.crlf(&follow::formats::csv_header());
            index.each_action(f, today, |row| out.crlf(&follow::formats::csv_row(&row)))?;
            return out.finish();
        }
        _ => {}
    }
    let mut rows: Vec<ActionRow> = Vec::new();
    index.each_action(f, today, |row| rows.push(row))?;
    let rows: Vec<&ActionRow> = rows.iter().collect();
    if matches!(args.form, Form::Table) && to_stdout && !rows.is_empty() {
        // Written as it is made: a long table is never held twice.
        follow::formats::table_blocks(&rows, |block| out.clean(block));
        return out.finish();
    }
    let text = match args.form {
        Form::Json => format!("{}\n", serde_json::to_string_pretty(&rows)?),
        Form::Csv => follow::formats::csv(&rows),
        Form::Ics => follow::formats::ics(&rows, jiff::Timestamp::now()),
        Form::Table if rows.is_empty() => {
            output::say("no actions match; `fivewhys actions` with no options lists them all");
            return Ok(());
        }
        Form::Table => follow::formats::table(&rows),
    };
    match &args.output {
        Some(path) => {
            fivewhys::store::write_to(path, text.as_bytes())
                .map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))?;
            let what = match args.form {
                Form::Ics => {
                    let todos = rows
                        .iter()
                        .filter(|r| r.status.is_open() && r.due.is_some());
                    format!(
                        "{} to-dos (the open actions with a due date)",
                        todos.count()
                    )
                }
                _ => format!("{} actions", rows.len()),
            };
            output::say(&format!("wrote {what} to {}", path.display()));
            Ok(())
        }
        None if matches!(args.form, Form::Json) => output::json(&text),
        None if matches!(args.form, Form::Csv | Form::Ics) => output::crlf(&text),
        None => output::data(&text),
    }
}

/// The changes `fivewhys action` makes.
#[derive(Default)]
pub struct Change {
    /// New status.
    pub status: Option<StatusArg>,
    /// New owner ("" clears).
    pub owner: Option<String>,
    /// New due date as typed ("" clears).
    pub due: Option<String>,
    /// New link ("" clears).
    pub link: Option<String>,
    /// New note.
    pub note: Option<String>,
}

impl Change {
    fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.owner.is_none()
            && self.due.is_none()
            && self.link.is_none()
            && self.note.is_none()
    }
}

/// `fivewhys action`: shows one action, or changes it under the session's
/// lock with an atomic save.
pub fn change(store: &Store, reference: &str, change: Change) -> Result<()> {
    // SESSION/ACTION finds its session from the file names: one file read.
    let mut all = match reference.split_once('/') {
        Some((session, _)) => {
            let path = store.resolve(session)?;
            vec![(path.clone(), store.load(&path)?)]
        }
        None => with_action(store, reference)?,
    };
    let sessions: Vec<Session> = all.iter().map(|(_, s)| s.clone()).collect();
    let (index, id) = match follow::actions::find(&sessions, reference) {
        Found::One(i, id) => (i, id.to_string()),
        Found::None => bail!(
            "no action matches {reference:?}; `fivewhys actions` lists them as SESSION/ACTION"
        ),
        Found::Many(refs) => bail!(
            "{reference:?} matches {} actions: {}; give more of the id",
            refs.len(),
            refs.join(", ")
        ),
    };
    let (path, _) = &all[index];
    let path = path.clone();
    if change.is_empty() {
        let rows = follow::actions::rows(&sessions[index..=index], today());
        let row = rows.iter().find(|r| r.id == id).expect("found above");
        return output::data(&follow::formats::table(&[row]));
    }
    let _lock = match store.lock_for_command(&path) {
        Ok(lock) => lock,
        Err(StoreError::Locked { holder, .. }) => bail!(
            "session {} is open for editing in {holder}; change the action there, or close it and run this again",
            sessions[index].id
        ),
        Err(e) => return Err(e.into()),
    };
    // Read again under the lock: the file may have changed since listing
    // (another command's change, waited for above).
    let mut session = store.load(&path)?;
    if session.action(&id).is_none() {
        bail!(
            "action {id} is no longer in session {} (it changed meanwhile); `fivewhys actions` lists them",
            session.id
        );
    }
    let now = jiff::Zoned::now();
    let before = session.clone();
    apply(&mut session, &id, change, &now)?;
    // A field changed here that waited as a clash (changed in two places)
    // is settled by this change: its record goes, and that is said.
    let on = fivewhys::model::ConflictOn::Action;
    let settled: Vec<String> = (session.conflicts.iter())
        .filter(|c| c.is_about(on, &id))
        .filter(|c| {
            before.field_value(on, Some(&id), &c.field)
                != session.field_value(on, Some(&id), &c.field)
        })
        .map(|c| c.field_label().to_string())
        .collect();
    session
        .conflicts
        .retain(|c| !(c.is_about(on, &id) && settled.iter().any(|f| f == c.field_label())));
    if !settled.is_empty() {
        output::say(&format!(
            "this settles what was changed in two places: {}",
            settled.join(", ")
        ));
    }
    // A change from the shell is not meeting time: the meeting was last
    // held when the session last changed, unless the timer says otherwise.
    session.meeting.timer_ran = session.meeting.timer_ran.or(Some(session.updated));
    session.updated = now.timestamp();
    if let Err(invalid) = session.validate() {
        bail!("the change would make the session invalid: {invalid}");
    }
    store.save(&path, &session)?;
    all[index].1 = session;
    let rows = follow::actions::rows(std::slice::from_ref(&all[index].1), today());
    let row = rows.iter().find(|r| r.id == id).expect("still there");
    output::say(&format!("saved {}", path.display()));
    output::data(&follow::formats::table(&[row]))
}

fn apply(session: &mut Session, id: &str, change: Change, now: &jiff::Zoned) -> Result<()> {
    let blank = |text: &str| text.trim().is_empty();
    if let Some(owner) = change.owner {
        let full = fivewhys::tui::field::complete_participant(session, owner.trim());
        let team = full.as_deref().and_then(|name| {
            session
                .participants
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.team.clone())
                .filter(|t| !t.trim().is_empty())
        });
        let action = session.action_mut(id).expect("found");
        action.owner = full.filter(|o| !blank(o));
        // The team follows an owner who is a participant with a team.
        if team.is_some() {
            action.team = team;
        }
    }
    if let Some(due) = change.due {
        let action = session.action_mut(id).expect("found");
        action.due = if blank(&due) {
            None
        } else {
            Some(
                fivewhys::natural::parse_date(&due, now)
                    .map_err(|e| anyhow::anyhow!("--due: {e}"))?,
            )
        };
    }
    if let Some(link) = change.link {
        let link = fivewhys::export::sanitize::clean_line(link.trim());
        session.action_mut(id).expect("found").link = (!link.is_empty()).then_some(link);
    }
    if let Some(note) = change.note {
        session.action_mut(id).expect("found").note =
            fivewhys::export::sanitize::clean_text(note.trim());
    }
    if let Some(status) = change.status {
        session.set_action_status(id, status.into(), now.timestamp())?;
    }
    Ok(())
}
