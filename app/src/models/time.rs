//! Times as people in China read them: Beijing time (UTC+8, no daylight saving).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

pub fn china_offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// "2026-11-27 14:05" in Beijing time.
pub fn local_minute(at: DateTime<Utc>) -> String {
    at.with_timezone(&china_offset())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The instant a Beijing calendar day starts.
pub fn day_start(day: NaiveDate) -> DateTime<Utc> {
    china_offset()
        .from_local_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight exists"))
        .single()
        .expect("a fixed offset has no gaps")
        .with_timezone(&Utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time() {
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 16, 30, 0).unwrap();
        assert_eq!(local_minute(at), "2026-11-27 00:30");
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(
            day_start(day),
            Utc.with_ymd_and_hms(2026, 11, 26, 16, 0, 0).unwrap()
        );
    }
}
