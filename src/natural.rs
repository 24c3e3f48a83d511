//! Natural input of times and dates, as a facilitator types them while
//! people talk: "14:05", "yesterday 9am", "fri", "2 weeks", or ISO.
//! Pure: callers pass the current time.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// A time zone written after a time: `UTC`, `Z`, `GMT`, an offset
/// (`+01:00`, `-0500`, `+1`) or a zone name (`Europe/Paris`).
fn zone_suffix(token: &str) -> Option<TimeZone> {
    if matches!(token.to_ascii_uppercase().as_str(), "UTC" | "Z" | "GMT") {
        return Some(TimeZone::UTC);
    }
    if let Some(sign) = token.chars().next().filter(|c| matches!(c, '+' | '-')) {
        let digits: String = token[1..].chars().filter(|c| *c != ':').collect();
        if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let (hours, minutes) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            3 => (
                digits[..1].parse::<i32>().ok()?,
                digits[1..].parse::<i32>().ok()?,
            ),
            _ => (
                digits[..2].parse::<i32>().ok()?,
                digits[2..].parse::<i32>().ok()?,
            ),
        };
        let seconds = (hours * 3600 + minutes * 60) * if sign == '-' { -1 } else { 1 };
        return jiff::tz::Offset::from_seconds(seconds)
            .ok()
            .map(TimeZone::fixed);
    }
    if token.contains('/') {
        return TimeZone::get(token).ok();
    }
    None
}

/// Parses a point in time, relative to `now` and in its time zone, unless
/// another zone is written after it ("17:20 UTC", "09:00 +01:00").
pub fn parse_time(input: &str, now: &Zoned) -> Result<Timestamp, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("type a time, e.g. 14:05, yesterday 9am or 2026-11-02 08:21".into());
    }
    // A lone number is not a time: "3" would otherwise read as the year 3.
    if text.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "could not read {text:?} as a time; for {text} o'clock type {text}pm or {text}:00"
        ));
    }
    let ts = parse_any(text, now)?;
    if ts.as_second() < 0 {
        return Err(format!(
            "{text:?} reads as a time before 1970; type it with the year, e.g. 2026-11-02 08:21"
        ));
    }
    Ok(ts)
}

fn parse_any(text: &str, now: &Zoned) -> Result<Timestamp, String> {
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Ok(ts);
    }
    if let Some((rest, last)) = text.rsplit_once(char::is_whitespace)
        && let Some(tz) = zone_suffix(last)
    {
        return parse_local(rest.trim(), &now.with_time_zone(tz), text);
    }
    parse_local(text, now, text)
}

/// When a clock time typed alone is read: on the day the incident
/// started, and for what follows the start (detected, resolved) never
/// before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// When the incident started.
    pub at: Timestamp,
    /// The time cannot be before it: one that would be is the next day.
    pub after: bool,
}

/// Parses a time of the incident: a clock time alone ("14:22", "9am",
/// "17:20 UTC") is on the day of the `anchor` (when it started; the day
/// after when it must follow the start and would not), not on today's
/// date; anything with a day in it reads as [`parse_time`] reads it.
pub fn parse_time_after(
    input: &str,
    now: &Zoned,
    anchor: Option<Anchor>,
) -> Result<Timestamp, String> {
    let at = parse_time(input, now)?;
    let Some(anchor) = anchor.filter(|_| is_clock_time(input)) else {
        return Ok(at);
    };
    // The same clock time, moved to the anchor's day (in `now`'s zone, the
    // session's), then on past the anchor if it came out earlier.
    let zone = now.time_zone().clone();
    let (clock, day) = (
        at.to_zoned(zone.clone()).time(),
        anchor.at.to_zoned(zone.clone()).date(),
    );
    let mut moved = day
        .to_datetime(clock)
        .to_zoned(zone)
        .map_err(|e| e.to_string())?;
    if anchor.after && moved.timestamp() < anchor.at {
        moved = moved.tomorrow().map_err(|e| e.to_string())?;
    }
    Ok(moved.timestamp())
}

/// Whether `input` is a clock time alone, maybe with a zone after it:
/// "14:22", "9am", "9:30 pm", "17:20 UTC".
fn is_clock_time(input: &str) -> bool {
    let text = input.trim().to_lowercase();
    let text = match text.rsplit_once(char::is_whitespace) {
        Some((rest, last)) if zone_suffix(last).is_some() => rest.trim().to_string(),
        _ => text,
    };
    let text = text
        .strip_suffix("am")
        .or_else(|| text.strip_suffix("pm"))
        .unwrap_or(&text)
        .trim();
    let mut parts = text.split(':');
    let hour_ok = parts
        .next()
        .is_some_and(|h| (1..=2).contains(&h.len()) && h.chars().all(|c| c.is_ascii_digit()));
    hour_ok && parts.all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
}

/// A time without a zone, in `now`'s zone; `typed` is what to quote.
fn parse_local(text: &str, now: &Zoned, typed: &str) -> Result<Timestamp, String> {
    if let Ok(dt) = text.replacen(' ', "T", 1).parse::<DateTime>() {
        return dt
            .to_zoned(now.time_zone().clone())
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    let lowered = text.to_lowercase();
    interim::parse_date_string(&lowered, now.clone(), dialect())
        .map(|z: Zoned| z.timestamp())
        .map_err(|_| {
            format!(
                "could not read {typed:?} as a time; try 14:05, yesterday 9am, 2026-11-02 08:21 or 17:20 UTC"
            )
        })
}

/// Day before month (3/4 is 3 April) unless the config says month first.
fn dialect() -> interim::Dialect {
    if crate::config::current().month_first() {
        interim::Dialect::Us
    } else {
        interim::Dialect::Uk
    }
}

/// Parses a calendar date such as a due date, relative to `now`:
/// "fri", "next monday", "2 weeks", "in 10 days", "2026-12-01".
pub fn parse_date(input: &str, now: &Zoned) -> Result<Date, String> {
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return Err("type a date, e.g. fri, 2 weeks or 2026-12-01".into());
    }
    if let Ok(date) = text.parse::<Date>() {
        return Ok(date);
    }
    let text = text.strip_prefix("in ").unwrap_or(&text).trim().to_string();
    match text.as_str() {
        "today" => return Ok(now.date()),
        "tomorrow" => return now.date().tomorrow().map_err(|e| e.to_string()),
        _ => {}
    }
    interim::parse_date_string(&text, now.clone(), dialect())
        .map(|z: Zoned| z.date())
        .map_err(|_| format!("could not read {input:?} as a date; try fri, 2 weeks or 2026-12-01"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Zoned {
        // A Sunday.
        "2026-11-22T10:30:00[UTC]".parse().unwrap()
    }

    #[test]
    fn times() {
        let t = |s: &str| parse_time(s, &now()).map(|t| t.to_string());
        assert_eq!(t("14:05").unwrap(), "2026-11-22T14:05:00Z");
        assert_eq!(t("yesterday 9am").unwrap(), "2026-11-21T09:00:00Z");
        assert_eq!(t("2026-11-02 08:21").unwrap(), "2026-11-02T08:21:00Z");
        assert_eq!(t("2026-11-02T08:21:00Z").unwrap(), "2026-11-02T08:21:00Z");
        assert!(t("whenever").is_err());
        assert!(t("").is_err());
        // A number alone is no time (it read as the year 3).
        assert!(t("3").unwrap_err().contains("3pm"));
        assert!(t("0003-01-01 00:00").is_err());
    }

    #[test]
    fn a_clock_time_alone_is_on_the_day_the_incident_started() {
        let started: Timestamp = "2026-11-02T23:40:00Z".parse().unwrap();
        let after = Some(Anchor {
            at: started,
            after: true,
        });
        let t = |s: &str| parse_time_after(s, &now(), after).unwrap().to_string();
        assert_eq!(t("23:55"), "2026-11-02T23:55:00Z", "the day it started");
        assert_eq!(
            t("00:30"),
            "2026-11-03T00:30:00Z",
            "past midnight: the next day"
        );
        assert_eq!(
            t("11pm"),
            "2026-11-03T23:00:00Z",
            "before the start: the next day"
        );
        assert_eq!(t("23:59 UTC"), "2026-11-02T23:59:00Z");
        // With a day in it, the day typed.
        assert_eq!(t("yesterday 9am"), "2026-11-21T09:00:00Z");
        assert_eq!(t("2026-11-05 08:00"), "2026-11-05T08:00:00Z");
        // A key moment may come before the start, on the same day.
        let moment = Some(Anchor {
            at: started,
            after: false,
        });
        let before = parse_time_after("22:10", &now(), moment)
            .unwrap()
            .to_string();
        assert_eq!(before, "2026-11-02T22:10:00Z");
        // Nothing started yet: today, as before.
        let today = parse_time_after("14:05", &now(), None).unwrap().to_string();
        assert_eq!(today, "2026-11-22T14:05:00Z");
    }

    #[test]
    fn a_zone_written_after_the_time_is_used() {
        let berlin: Zoned = "2026-11-22T10:30:00[Europe/Berlin]".parse().unwrap();
        let t = |s: &str| parse_time(s, &berlin).map(|t| t.to_string());
        assert_eq!(
            t("17:20").unwrap(),
            "2026-11-22T16:20:00Z",
            "the session's zone"
        );
        assert_eq!(t("17:20 UTC").unwrap(), "2026-11-22T17:20:00Z");
        assert_eq!(t("09:00 +01:00").unwrap(), "2026-11-22T08:00:00Z");
        assert_eq!(t("09:00 -0500").unwrap(), "2026-11-22T14:00:00Z");
        assert_eq!(
            t("2026-11-02 08:21 Europe/London").unwrap(),
            "2026-11-02T08:21:00Z"
        );
        assert_eq!(t("yesterday 9am UTC").unwrap(), "2026-11-21T09:00:00Z");
        assert!(t("09:00 Mars/Olympus").is_err());
    }

    #[test]
    fn dates() {
        let d = |s: &str| parse_date(s, &now()).map(|d| d.to_string());
        assert_eq!(d("fri").unwrap(), "2026-11-27");
        assert_eq!(d("2 weeks").unwrap(), "2026-12-06");
        assert_eq!(d("in 10 days").unwrap(), "2026-12-02");
        assert_eq!(d("2026-12-01").unwrap(), "2026-12-01");
        assert_eq!(d("tomorrow").unwrap(), "2026-11-23");
        assert!(d("someday").is_err());
    }
}
