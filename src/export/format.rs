//! How the summary writes numbers, durations, dates and times. Pure.

use jiff::SignedDuration;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// 41250 → "41,250".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// As people say it: "21 min", "2 h 40 min", "24 h 40 min" (hours
/// until two days), then "2 days 3 h", "17 days".
pub fn duration(d: SignedDuration) -> String {
    let minutes = d.as_secs().max(0) / 60;
    let (hours, mins) = (minutes / 60, minutes % 60);
    if hours < 48 {
        return match (hours, mins) {
            (0, _) => format!("{mins} min"),
            (_, 0) => format!("{hours} h"),
            _ => format!("{hours} h {mins} min"),
        };
    }
    let (days, hours) = (hours / 24, hours % 24);
    match hours {
        0 => format!("{days} days"),
        _ => format!("{days} days {hours} h"),
    }
}

/// "Mon 2 Nov 2026".
pub fn date(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// "2026-11-02 08:21", in `tz`.
pub fn time(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// "08:21", in `tz`.
pub fn clock(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned(tz.clone()).strftime("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_durations_read_naturally() {
        assert_eq!(thousands(41250), "41,250");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(duration(SignedDuration::from_mins(160)), "2 h 40 min");
        assert_eq!(duration(SignedDuration::from_mins(21)), "21 min");
        assert_eq!(duration(SignedDuration::from_mins(120)), "2 h");
        assert_eq!(
            duration(SignedDuration::from_mins(24 * 60 + 40)),
            "24 h 40 min"
        );
        assert_eq!(duration(SignedDuration::from_mins(47 * 60)), "47 h");
        assert_eq!(duration(SignedDuration::from_mins(3000)), "2 days 2 h");
        assert_eq!(duration(SignedDuration::from_hours(51)), "2 days 3 h");
        assert_eq!(duration(SignedDuration::from_hours(17 * 24)), "17 days");
    }
}
