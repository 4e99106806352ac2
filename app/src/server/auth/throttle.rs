//! Login throttling per account and per address, over a sliding window kept in the database
//! so that every app server sees the same counts.

use crate::error::AppError;
use crate::server::store::{FailedLogins, Store};
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

/// An attempt the throttle let through, counted as a failure until it is settled a success.
#[must_use = "a reserved attempt counts as failed unless settled"]
pub struct Attempt<'a> {
    id: i64,
    key: &'a str,
}

impl Attempt<'_> {
    /// The attempt succeeded: the key's failures are forgotten.
    pub async fn succeeded(self, store: &Store) -> Result<(), AppError> {
        Ok(store.settle_login_success(self.id, self.key).await?)
    }

    /// The attempt failed: it stays counted (its row was written failed).
    pub fn failed(self) {}
}

impl ThrottlePolicy {
    pub fn window_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.window
    }

    /// Reserves an attempt for `key` from `address` before it runs, or refuses it when the
    /// limits are reached. Reserving first is what bounds parallel guesses.
    pub async fn reserve<'a>(
        &self,
        store: &Store,
        key: &'a str,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<Attempt<'a>, AppError> {
        let refuse = |failed: &FailedLogins| self.check(failed, now).err();
        let id = store
            .reserve_login_attempt(key, address, now, self.window_start(now), refuse)
            .await??;
        Ok(Attempt { id, key })
    }

    /// Refuses when either count has reached its limit, saying when the oldest failure that
    /// counts ages out of the window.
    fn check(&self, failed: &FailedLogins, now: DateTime<Utc>) -> Result<(), AppError> {
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
