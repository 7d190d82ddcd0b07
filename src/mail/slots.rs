//! When notifications leave. A message about a case waits for the next
//! slot — every few minutes for urgent cases, once a day for everything
//! else — so that the time an email is sent (or written to the outbox)
//! tells only which slot it went in, never when a reporter acted.

use chrono::{DateTime, Duration, DurationRound, TimeDelta, Utc};

use crate::config::Config;

/// Which slots a message goes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    /// Every `HAVEN_NOTIFY_URGENT_MINUTES`.
    Urgent,
    /// Once a day at `HAVEN_NOTIFY_DIGEST_HOUR` (UTC).
    Digest,
}

/// The slot times, from the configuration.
#[derive(Clone, Copy, Debug)]
pub struct Schedule {
    urgent_minutes: i64,
    digest_hour: u32,
}

impl Schedule {
    pub fn new(urgent_minutes: i64, digest_hour: u32) -> Self {
        Self {
            urgent_minutes: urgent_minutes.max(1),
            digest_hour: digest_hour.min(23),
        }
    }

    pub fn from_config(config: &Config) -> Self {
        Self::new(config.notify_urgent_minutes, config.notify_digest_hour)
    }

    /// The first slot strictly after `now`: a message queued at `now` can
    /// never miss it, even if the slot at `now` has already gone.
    pub fn next(&self, cadence: Cadence, now: DateTime<Utc>) -> DateTime<Utc> {
        match cadence {
            Cadence::Urgent => self.current_urgent(now) + Duration::minutes(self.urgent_minutes),
            Cadence::Digest => {
                let today = now.duration_trunc(TimeDelta::days(1)).unwrap_or(now)
                    + Duration::hours(i64::from(self.digest_hour));
                if today > now {
                    today
                } else {
                    today + Duration::days(1)
                }
            }
        }
    }

    /// The latest urgent slot at or before `now`.
    pub fn current_urgent(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now.duration_trunc(TimeDelta::minutes(self.urgent_minutes))
            .unwrap_or(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn urgent_slots_fall_on_the_clock_and_are_strictly_later() {
        let s = Schedule::new(15, 8);
        assert_eq!(
            s.next(Cadence::Urgent, at("2026-01-05T14:37:12Z")),
            at("2026-01-05T14:45:00Z")
        );
        assert_eq!(
            s.next(Cadence::Urgent, at("2026-01-05T14:45:00Z")),
            at("2026-01-05T15:00:00Z")
        );
        assert_eq!(
            s.next(Cadence::Urgent, at("2026-01-05T23:59:59Z")),
            at("2026-01-06T00:00:00Z")
        );
        assert_eq!(
            s.current_urgent(at("2026-01-05T14:37:12Z")),
            at("2026-01-05T14:30:00Z")
        );
    }

    #[test]
    fn the_digest_goes_once_a_day_at_its_hour() {
        let s = Schedule::new(15, 8);
        assert_eq!(
            s.next(Cadence::Digest, at("2026-01-05T07:59:00Z")),
            at("2026-01-05T08:00:00Z")
        );
        assert_eq!(
            s.next(Cadence::Digest, at("2026-01-05T08:00:00Z")),
            at("2026-01-06T08:00:00Z")
        );
        assert_eq!(
            s.next(Cadence::Digest, at("2026-01-05T21:10:00Z")),
            at("2026-01-06T08:00:00Z")
        );
    }
}
