//! Natural input of times and dates, as a facilitator types them while
//! people talk: "14:05", "yesterday 9am", "fri", "2 weeks", or ISO.
//! Pure: callers pass the current time.

use jiff::civil::{Date, DateTime};
use jiff::{Timestamp, Zoned};

/// Parses a point in time, relative to `now` and in its time zone.
pub fn parse_time(input: &str, now: &Zoned) -> Result<Timestamp, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("type a time, e.g. 14:05, yesterday 9am or 2026-11-02 08:21".into());
    }
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Ok(ts);
    }
    if let Ok(dt) = text.replacen(' ', "T", 1).parse::<DateTime>() {
        return dt
            .to_zoned(now.time_zone().clone())
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    let lowered = text.to_lowercase();
    interim::parse_date_string(&lowered, now.clone(), interim::Dialect::Uk)
        .map(|z: Zoned| z.timestamp())
        .map_err(|_| {
            format!(
                "could not read {text:?} as a time; try 14:05, yesterday 9am or 2026-11-02 08:21"
            )
        })
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
    interim::parse_date_string(&text, now.clone(), interim::Dialect::Uk)
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
