//! `update(&mut App, Action) -> Vec<Effect>`: every state change of the TUI,
//! pure — no terminal, no files, no clock (time arrives as `Tick`).

mod actions_stage;
mod choice;
mod editing;
mod home;
mod intake;
mod popup;
mod presenter;
mod review;
mod session;
mod stages;
mod whys;

use super::action::Action;
use super::app::{App, Help, SaveState, Screen, SessionState, StatusKind};
use super::effect::Effect;
use super::mode::Mode;

/// Applies one action; returns the work for the outside world.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = apply(app, action);
    refresh_preview(app);
    effects.extend(ask_seen_before(app));
    effects
}

/// Asks the index about the answers the facilitator looks at (the one
/// selected on Whys, the root causes on Review) when it has not been
/// asked about their words as they are now. Never while typing.
fn ask_seen_before(app: &mut App) -> Vec<Effect> {
    let Screen::Session(ss) = &mut app.screen else {
        return Vec::new();
    };
    if !matches!(ss.mode, super::app::SessionMode::Browse) {
        return Vec::new();
    }
    let s = ss.session();
    let ids: Vec<String> = match ss.stage() {
        crate::model::Stage::Whys => ss
            .node_sel
            .iter()
            .filter(|id| s.parent_of(id).is_some())
            .cloned()
            .collect(),
        crate::model::Stage::Review => s.root_causes().iter().map(|n| n.id.clone()).collect(),
        _ => Vec::new(),
    };
    let mut asks = Vec::new();
    for id in ids {
        let Some(node) = s.node(&id) else { continue };
        if node.answer.trim().is_empty()
            || ss
                .seen_before
                .get(&id)
                .is_some_and(|(text, _)| *text == node.answer)
        {
            continue;
        }
        asks.push(super::app::SeenBeforeAsk {
            session: s.id.clone(),
            node: id,
            text: node.answer.clone(),
            before: s.created,
        });
    }
    for ask in &asks {
        ss.seen_before
            .insert(ask.node.clone(), (ask.text.clone(), None));
    }
    asks.into_iter().map(Effect::SeenBefore).collect()
}

/// The Review preview follows the session, its format and the width; it
/// is rendered here, once per change, not on every frame.
fn refresh_preview(app: &mut App) {
    let width = app.viewport.0;
    let Screen::Session(ss) = &mut app.screen else {
        return;
    };
    if ss.stage() != crate::model::Stage::Review {
        return;
    }
    let fresh = ss
        .preview_shown
        .as_ref()
        .is_some_and(|p| p.is_for(ss.session(), ss.preview, width));
    if !fresh {
        let mut ctx = crate::export::Context::for_session(ss.session(), app.now.timestamp());
        if ss.session().time_zone.is_none() {
            // As on screen: the local zone, until the session records one.
            ctx.tz = app.now.time_zone().clone();
            ctx.zone_name = crate::export::zone_label(ctx.tz.iana_name().unwrap_or("local time"));
            ctx.today = app.now.date();
        }
        ss.preview_shown = Some(super::preview::make(ss.session(), ss.preview, &ctx, width));
    }
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    let action = match outside(app, action) {
        Outside::Done(effects) => return effects,
        Outside::ForMode(action) => action,
    };
    // A window too small to show anything takes no keys but quitting: keys
    // must never act where their effect cannot be seen.
    let (width, height) = app.viewport;
    if width < super::ui::MIN_WIDTH || height < super::ui::MIN_HEIGHT {
        return Vec::new();
    }
    if app.mode() == Mode::Help {
        help(app, action);
        return Vec::new();
    }
    match action {
        Action::ToggleHelp => {
            app.help = Help::Open { scroll: 0 };
            return Vec::new();
        }
        Action::CycleTheme => {
            let before = app.theme.name;
            app.theme = app.theme.next();
            if app.theme.name == before {
                app.info("NO_COLOR is set: fivewhys shows no colour.");
                return Vec::new();
            }
            app.info(format!("Theme: {}", app.theme.name.label()));
            return vec![Effect::RememberTheme(app.theme.name)];
        }
        _ => {}
    }
    let App {
        screen,
        now,
        status,
        ..
    } = app;
    match screen {
        Screen::Home(home) => home::update(home, action, now, status),
        Screen::Session(ss) => session::update(ss, action, now, status),
    }
}

/// What [`outside`] made of an action.
enum Outside {
    /// Handled; this is the work for the event loop.
    Done(Vec<Effect>),
    /// Not handled: the action is for the current mode.
    ForMode(Action),
}

/// Actions from outside the keyboard (ticks, results of saves and opens)
/// and quitting, which apply in every mode.
fn outside(app: &mut App, action: Action) -> Outside {
    match action {
        Action::Quit => {
            if let Screen::Session(ss) = &mut app.screen {
                // Keep whatever is in an open field, even if it does not parse.
                let _ = editing::commit(ss, &app.now);
            }
            return Outside::Done(vec![Effect::Quit]);
        }
        Action::Tick(now) => {
            app.now = now.to_zoned(app.now.time_zone().clone());
            let faded = app.status.as_ref().is_some_and(|s| match s.kind {
                StatusKind::Info { shown } => {
                    now.as_second() - shown.as_second() >= super::app::STATUS_SECONDS
                }
                StatusKind::Notice { shown } => {
                    now.as_second() - shown.as_second() >= super::app::NOTICE_SECONDS
                }
                _ => false,
            });
            if faded {
                app.status = None;
            }
        }
        Action::Resize(width, height) => app.viewport = (width, height),
        Action::Copied(message) => app.info(message),
        Action::Failed(message) => app.error(message),
        Action::SessionOpened {
            session,
            path,
            read_only,
        } => {
            let ss = SessionState::new(*session, path, read_only, &app.now);
            let zone = ss.session().unknown_zone_warning();
            match &ss.read_only {
                Some(why) => app.error(format!("Read-only: this session is {why}")),
                None if ss.timer.waiting() && ss.timer.elapsed(app.now.timestamp()) > 0 => app
                    .info(format!(
                        "Last changed on {}: the meeting timer starts at your first change, or {}.",
                        ss.session()
                            .updated
                            .to_zoned(app.now.time_zone().clone())
                            .date(),
                        super::keymap::hint(super::keymap::Context::Session, &Action::ToggleTimer)
                    )),
                None if !ss.timer.running() && !ss.timer.waiting() => app.info(format!(
                    "The meeting timer is paused: {} runs it again.",
                    super::keymap::hint(super::keymap::Context::Session, &Action::ToggleTimer)
                )),
                None => app.status = None,
            }
            if let Some(zone) = zone {
                let mut text = zone;
                if let Some(first) = text.get(..1) {
                    text = format!("{}{}.", first.to_uppercase(), &text[1..]);
                }
                app.error(text);
            }
            app.help = Help::Closed;
            app.screen = Screen::Session(Box::new(ss));
        }
        Action::Listing => {
            if let Screen::Home(home) = &mut app.screen {
                home.loading = true;
            }
        }
        Action::Listed(listing) => {
            if let Some(notice) = &listing.notice {
                let mut text = notice.clone();
                if let Some(first) = text.get(..1) {
                    text = format!("{}{}.", first.to_uppercase(), &text[1..]);
                }
                app.info(text);
            }
            if let Screen::Home(home) = &mut app.screen {
                home.loading = false;
                home.listing = listing;
                home.forget();
                // What was found names places in the old listing.
                let kept = home.found.take().filter(|_| home.filter.trim().is_empty());
                home.found = kept;
                home.selected = home.selected.min(home.visible().len().saturating_sub(1));
                if !home.filter.trim().is_empty() {
                    return Outside::Done(vec![Effect::Search(home.filter.clone())]);
                }
            }
        }
        Action::SeenBefore(ask, found) => {
            if let Screen::Session(ss) = &mut app.screen
                && ss.session().id == ask.session
                && let Some((text, seen)) = ss.seen_before.get_mut(&ask.node)
                && *text == ask.text
            {
                *seen = Some(found);
            }
        }
        Action::Found(query, part) => {
            if let Screen::Home(home) = &mut app.screen {
                home.take_found(query, part);
                home.selected = home.selected.min(home.visible().len().saturating_sub(1));
            }
        }
        Action::Closed(listing) => {
            app.help = Help::Closed;
            app.screen = Screen::Home(Box::new(super::app::HomeState {
                listing,
                ..Default::default()
            }));
            // What was said about the session went with it.
            app.status = None;
        }
        Action::CloseFailed(message) => {
            app.error(format!(
                "Not saved: {message}. The session stays open; your text is kept."
            ));
        }
        Action::Saved(result) => saved(app, result),
        Action::ChangedElsewhere(taken) => changed_elsewhere(app, *taken),
        other => return Outside::ForMode(other),
    }
    Outside::Done(Vec::new())
}

fn saved(app: &mut App, result: Result<(), String>) {
    let Screen::Session(ss) = &mut app.screen else {
        return;
    };
    match result {
        Ok(()) => {
            let was_failing = matches!(ss.save, SaveState::Failed(_));
            // The event loop reports success only when no newer change is
            // waiting, so this means "all on disk".
            ss.save = SaveState::Saved;
            // News from elsewhere (what came in, clashes) stays.
            let news = app
                .status
                .as_ref()
                .is_some_and(|s| matches!(s.kind, StatusKind::Notice { .. }));
            if was_failing && !news {
                app.info("Saved again.");
            }
        }
        Err(message) => {
            app.error(format!(
                "Not saved: {message}. Your text is kept; retrying."
            ));
            if let Screen::Session(ss) = &mut app.screen {
                ss.save = SaveState::Failed(message);
            }
        }
    }
}

/// A change from elsewhere, merged with what was on screen, replaces the
/// session (where the facilitator is stays). Undo starts afresh: stepping
/// back past the merge would quietly take the other side's work out again.
fn changed_elsewhere(app: &mut App, taken: super::action::TakenIn) {
    let Screen::Session(ss) = &mut app.screen else {
        return;
    };
    let super::action::TakenIn {
        mut session,
        news,
        mut clashes,
        theirs,
    } = taken;
    session.stage = ss.stage();
    // An item just added and still empty stays one to take back.
    let fresh_empty = ss
        .editor()
        .and_then(|e| e.fresh.as_ref())
        .is_some_and(|f| editing::same_but_stamps(ss.session(), &f.added));
    *ss.session_mut() = session;
    ss.history = Default::default();
    if open_field_clashes(ss, &theirs, &app.now) {
        clashes += 1;
    }
    let merged = ss.session().clone();
    if let Some(editor) = ss.editor_mut() {
        match &mut editor.fresh {
            // Taking it back now leaves the merge without it.
            Some(fresh) => {
                let mut before = merged.clone();
                editing::take_back(&editor.field, &mut before);
                editor.before = before;
                if fresh_empty {
                    fresh.added = merged;
                }
            }
            None => editor.before = merged,
        }
    }
    ss.clamp();
    let settle = super::keymap::hint(super::keymap::Context::Session, &Action::Settle);
    let clashes = match clashes {
        0 => String::new(),
        1 => format!(" 1 clash to settle ({settle})."),
        n => format!(" {n} clashes to settle ({settle})."),
    };
    if !news.is_empty() {
        app.notice(format!("Changed elsewhere: {news}.{clashes}"));
    } else if !clashes.is_empty() {
        app.notice(format!("Changed elsewhere:{clashes}"));
    }
}

/// A field open while the merge came in keeps what is typed in it (the
/// facilitator is still typing); if the file changed that same field to
/// something else since the field was opened, that is a clash, recorded
/// with both values. Returns whether one was.
fn open_field_clashes(
    ss: &mut SessionState,
    theirs: &crate::model::Session,
    now: &jiff::Zoned,
) -> bool {
    use super::field::Kind;
    let Some(editor) = ss.editor() else {
        return false;
    };
    let (field, typed, opened_with) =
        (editor.field.clone(), editor.text(), editor.original.clone());
    let here = ss.zoned(now);
    if matches!(field.kind(), Kind::Line | Kind::Multi) {
        // Written as typed, as every key writes it.
        let _ = field.write_typed(ss.session_mut(), &typed, &here);
    }
    let elsewhere = field.read(theirs, &here);
    if elsewhere == opened_with || elsewhere == typed {
        return false;
    }
    let Some((on, id, name)) = field.stored_as(theirs) else {
        return false;
    };
    let Some(value) = theirs.field_value(on, id.as_deref(), name) else {
        return false;
    };
    ss.session_mut().record_conflict(crate::model::Conflict {
        on,
        id,
        field: name.to_string(),
        mine: typed.into(),
        theirs: value,
    })
}

/// Keys while the help overlay is open: scroll it or close it.
fn help(app: &mut App, action: Action) {
    let Help::Open { scroll } = app.help else {
        return;
    };
    let max = super::widgets::help::max_scroll(app);
    let page = app.viewport.1.saturating_sub(4).max(1);
    let scroll = match action {
        Action::Back | Action::ToggleHelp => {
            app.help = Help::Closed;
            return;
        }
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::First => 0,
        Action::Last => max,
        _ => scroll,
    };
    app.help = Help::Open {
        scroll: scroll.min(max),
    };
}
