//! Login throttling per account and per address, over a sliding window kept in the database
//! so that every app server sees the same counts.

use crate::error::AppError;
use crate::server::store::FailedLogins;
use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Debug)]
pub struct ThrottlePolicy {
    pub window: Duration,
    pub max_failures_per_account: i64,
    pub max_failures_per_address: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            window: Duration::minutes(15),
            max_failures_per_account: 5,
            max_failures_per_address: 30,
        }
    }
}

impl ThrottlePolicy {
    pub fn window_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.window
    }

    /// Refuses when either count has reached its limit, saying when the oldest failure that
    /// counts ages out of the window.
    pub fn check(&self, failed: &FailedLogins, now: DateTime<Utc>) -> Result<(), AppError> {
        let blocked_until = [
            (failed.by_account >= self.max_failures_per_account)
                .then_some(failed.oldest_account)
                .flatten(),
            (failed.by_address >= self.max_failures_per_address)
                .then_some(failed.oldest_address)
                .flatten(),
        ]
        .into_iter()
        .flatten()
        .map(|oldest| oldest + self.window)
        .max();
        match blocked_until {
            Some(until) if until > now => Err(AppError::Throttled {
                retry_after_secs: (until - now).num_seconds().max(1),
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(by_account: i64, by_address: i64, oldest: DateTime<Utc>) -> FailedLogins {
        FailedLogins {
            by_account,
            oldest_account: Some(oldest),
            by_address,
            oldest_address: Some(oldest),
        }
    }

    #[test]
    fn limits_per_account_and_address() {
        let p = ThrottlePolicy::default();
        let now = Utc::now();
        let oldest = now - Duration::minutes(5);
        assert!(p.check(&failed(4, 4, oldest), now).is_ok());
        assert_eq!(
            p.check(&failed(5, 5, oldest), now),
            Err(AppError::Throttled {
                retry_after_secs: 600
            })
        );
        assert!(p.check(&failed(0, 30, oldest), now).is_err());
        assert!(p.check(&failed(0, 29, oldest), now).is_ok());
    }
}
