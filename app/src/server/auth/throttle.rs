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
pub struct Attempt {
    id: i64,
    key: String,
}

impl Attempt {
    /// The attempt succeeded: the key's failures are forgotten.
    pub async fn succeeded(self, store: &Store) -> Result<(), AppError> {
        Ok(store.settle_login_success(self.id, &self.key).await?)
    }

    /// The attempt succeeded, but the failures before it still count: for a search, where a
    /// hit on a known record must not wipe out the misses of an enumeration.
    pub async fn succeeded_alone(self, store: &Store) -> Result<(), AppError> {
        Ok(store.settle_attempt_alone(self.id).await?)
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
    pub async fn reserve(
        &self,
        store: &Store,
        key: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<Attempt, AppError> {
        let limits = (self.max_failures_per_account, self.max_failures_per_address);
        self.reserve_within(store, key, address, limits, now).await
    }

    /// Reserves an attempt limited per key only, to `max_failures` in the window: for what is
    /// not a sign-in, so it neither counts against nor is blocked by the address's sign-ins.
    pub async fn reserve_keyed(
        &self,
        store: &Store,
        key: &str,
        max_failures: i64,
        now: DateTime<Utc>,
    ) -> Result<Attempt, AppError> {
        self.reserve_within(store, key, "", (max_failures, i64::MAX), now)
            .await
    }

    async fn reserve_within(
        &self,
        store: &Store,
        key: &str,
        address: &str,
        limits: (i64, i64),
        now: DateTime<Utc>,
    ) -> Result<Attempt, AppError> {
        let refuse = |failed: &FailedLogins| self.check(failed, limits, now).err();
        let id = store
            .reserve_login_attempt(key, address, now, self.window_start(now), refuse)
            .await??;
        Ok(Attempt {
            id,
            key: key.to_string(),
        })
    }

    /// Refuses when either count has reached its limit (per key, per address), saying when the
    /// oldest failure that counts ages out of the window.
    fn check(
        &self,
        failed: &FailedLogins,
        (per_key, per_address): (i64, i64),
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let blocked_until = [
            (failed.by_account >= per_key)
                .then_some(failed.oldest_account)
                .flatten(),
            (failed.by_address >= per_address)
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
        let limits = (5, 30);
        let now = Utc::now();
        let oldest = now - Duration::minutes(5);
        assert!(p.check(&failed(4, 4, oldest), limits, now).is_ok());
        assert_eq!(
            p.check(&failed(5, 5, oldest), limits, now),
            Err(AppError::Throttled {
                retry_after_secs: 600
            })
        );
        assert!(p.check(&failed(0, 30, oldest), limits, now).is_err());
        assert!(p.check(&failed(0, 29, oldest), limits, now).is_ok());
    }
}
