//! Today's date and the current time in UTC, from the system clock.

use std::time::{SystemTime, UNIX_EPOCH};
use tdg_model::Date;

fn seconds_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub fn today() -> Date {
    Date::from_days_since_epoch(seconds_now().div_euclid(86_400))
}

/// RFC 3339 UTC, seconds precision: `2026-11-20T08:30:00Z`.
pub fn now_rfc3339() -> String {
    let s = seconds_now();
    let date = Date::from_days_since_epoch(s.div_euclid(86_400));
    let t = s.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", t / 3600, t % 3600 / 60, t % 60)
}
