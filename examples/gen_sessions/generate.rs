//! Realistic sessions for measuring fivewhys at scale: varied sizes (5 to
//! 500 answers, 0 to 50 actions), varied words, past and future due dates.
//! Deterministic for a seed. Shared by the `gen_sessions` example and the
//! benchmarks.

use fivewhys::model::{ActionStatus, Confidence, Participant, Priority, Role, Session};
use jiff::{SignedDuration, Timestamp};

const SUBJECTS: &[&str] = &[
    "checkout",
    "login",
    "search",
    "the delivery promise",
    "payments",
    "the mobile app",
    "the warehouse scanner",
    "first-box cancellations",
    "support response times",
    "the nightly export",
    "ratings in the north region",
    "the status page",
];
const CAUSES: &[&str] = &[
    "the connection pool was capped too low for the traffic",
    "a retry storm doubled the load after the deploy",
    "the alert watched the error rate, not timeouts",
    "the runbook did not mention the migration check",
    "the forecast never reached the team that scales the service",
    "support had no way to escalate before the on-call rota changed",
    "the carrier integration sent only pickup and delivery scans",
    "the promise e-mail dropped the one-day delivery window",
    "nobody owned what each plan contains and how it is shown",
    "the config review compared files, not the running settings",
    "a cache expiry lined up with the start of the campaign",
    "customers retried and were charged twice",
];
const NAMES: &[(&str, &str)] = &[
    ("Mei Lin", "Platform engineering"),
    ("Carlos Mendes", "Payments"),
    ("Aisha Khan", "Marketing"),
    ("Jonas Weber", "Site reliability"),
    ("Lena Fischer", "Operations"),
    ("Tom Becker", "Customer support"),
    ("Sofia Marquez", "Customer experience"),
    ("Kenji Sato", "Design"),
];

/// A session of about `answers` answers and `actions` actions.
pub fn session(rng: &mut fastrand::Rng, index: usize, answers: usize, actions: usize) -> Session {
    let day = Timestamp::from_second(1_735_689_600 + rng.i64(0..60 * 86_400 * 11)).unwrap();
    let subject = SUBJECTS[rng.usize(..SUBJECTS.len())];
    let mut s = Session::with_id(
        format!("g{index:05}"),
        format!(
            "{} slowed down for {} minutes",
            capitalise(subject),
            rng.u32(5..240)
        ),
        day,
    );
    s.updated = day + SignedDuration::from_hours(rng.i64(1..48));
    s.time_zone = Some("Europe/London".into());
    s.intake.summary = format!(
        "Customers saw {} fail or slow down; {}.",
        subject,
        CAUSES[rng.usize(..CAUSES.len())]
    );
    s.intake.started = Some(day);
    s.intake.detected = Some(day + SignedDuration::from_mins(rng.i64(1..180)));
    s.intake.resolved = Some(day + SignedDuration::from_mins(rng.i64(181..600)));
    for (name, team) in NAMES.iter().take(rng.usize(3..NAMES.len())) {
        s.participants.push(Participant {
            name: (*name).into(),
            team: (*team).into(),
            role: Role::Participant,
            email: None,
        });
    }
    let problem =
        s.add_problem_statement(format!("{} failed for some customers", capitalise(subject)));
    let mut open = vec![problem];
    for i in 0..answers {
        // Mostly deeper, sometimes a branch beside an earlier answer.
        let parent = if rng.u8(0..4) == 0 {
            open[rng.usize(..open.len())].clone()
        } else {
            open.last().unwrap().clone()
        };
        let Ok(id) = s.ask_why(&parent) else { continue };
        if let Some(node) = s.node_mut(&id) {
            node.answer = format!("{} ({i})", capitalise(CAUSES[rng.usize(..CAUSES.len())]));
            node.evidence = if rng.bool() {
                format!("dashboard panel {}", rng.u32(1..90))
            } else {
                String::new()
            };
            node.confidence =
                [Confidence::Fact, Confidence::Belief, Confidence::Unsure][rng.usize(..3)];
            node.root_cause = rng.u8(0..12) == 0;
        }
        open.push(id);
    }
    for _ in 0..actions {
        let id = s.add_action(day);
        let (owner, team) = NAMES[rng.usize(..NAMES.len())];
        let due =
            day.to_zoned(jiff::tz::TimeZone::UTC).date() + jiff::Span::new().days(rng.i64(3..120));
        let status = [
            ActionStatus::Open,
            ActionStatus::InProgress,
            ActionStatus::Done,
            ActionStatus::Dropped,
        ][rng.usize(..4)];
        if let Some(a) = s.action_mut(&id) {
            a.description = format!(
                "Make sure {} never again",
                CAUSES[rng.usize(..CAUSES.len())]
            );
            a.owner = rng.bool().then(|| owner.to_string());
            a.team = Some(team.to_string());
            a.due = (rng.u8(0..5) != 0).then_some(due);
            a.priority = [Priority::High, Priority::Medium, Priority::Low][rng.usize(..3)];
            a.status = status;
            a.completed = matches!(status, ActionStatus::Done | ActionStatus::Dropped)
                .then(|| day + SignedDuration::from_hours(rng.i64(24..24 * 100)));
        }
    }
    s
}

/// Sizes drawn as a real store has them: most sessions small, a few big.
pub fn sizes(rng: &mut fastrand::Rng) -> (usize, usize) {
    let answers = match rng.u8(0..10) {
        0 => rng.usize(100..=500),
        1..=3 => rng.usize(20..100),
        _ => rng.usize(5..20),
    };
    (answers, rng.usize(0..=50.min(answers / 2 + 3)))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
