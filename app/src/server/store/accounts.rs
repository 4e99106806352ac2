//! Users, roles, sessions and login attempts. Stores password hashes and session-token hashes
//! only; never a password or a session token.

use super::{Backend, Db, Store, StoreError, on_pool};
use crate::models::auth::{Role, SessionStage};
use chrono::{DateTime, Utc};

/// A user's two-factor values as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredTotp {
    pub user_id: i64,
    pub secret: Option<String>,
    pub pending: Option<String>,
}

/// What login needs to know about an account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LoginRecord {
    pub user_id: i64,
    pub password_hash: String,
    pub disabled: bool,
    pub password_expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RoleGrant {
    pub role: Role,
    pub employer_id: Option<i64>,
    pub office_id: Option<i64>,
}

/// A live session joined with its user and the grant of its active role.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRecord {
    pub user_id: i64,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub stage: SessionStage,
    pub assisted_session_id: Option<i64>,
    pub display_name: String,
    pub disabled: bool,
    pub password_expired: bool,
    pub person_id: Option<i64>,
    pub employer_id: Option<i64>,
    pub office_id: Option<i64>,
    /// The user's unread notifications, read with the session: every signed-in page shows it.
    pub unread_notifications: i64,
    /// The account's elder-mode choice (a device's own choice wins over it).
    pub elder_mode: bool,
    /// Whether a relative's authorisation to help them is in force (the header links to it).
    pub helps_relatives: bool,
}

pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub user_id: i64,
    pub role: Role,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub stage: SessionStage,
    pub assisted_session_id: Option<i64>,
}

/// A user's two-factor secrets (base32) and the last step a code was accepted for.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TotpState {
    pub secret: Option<String>,
    pub pending: Option<String>,
    pub last_step: Option<i64>,
}

pub struct NewUser<'a> {
    pub username: Option<&'a str>,
    pub person_id: Option<i64>,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    /// A password someone else chose (an administrator): it signs in once, then must be changed.
    pub password_expired: bool,
    pub grants: &'a [RoleGrant],
}

const LOGIN_COLUMNS: &str =
    "SELECT u.id AS user_id, u.password_hash, u.disabled, u.password_expired FROM users u";

impl Store {
    pub async fn login_by_username(
        &self,
        username: &str,
    ) -> Result<Option<LoginRecord>, StoreError> {
        let sql = format!("{LOGIN_COLUMNS} WHERE u.username = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(username).fetch_optional(pool).await?))
    }

    pub async fn login_by_resident_id(
        &self,
        resident_id: &str,
    ) -> Result<Option<LoginRecord>, StoreError> {
        let sql = format!(
            "{LOGIN_COLUMNS} JOIN persons p ON p.id = u.person_id WHERE p.resident_id = $1"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(resident_id).fetch_optional(pool).await?),
        )
    }

    pub async fn login_by_phone(&self, phone: &str) -> Result<Option<LoginRecord>, StoreError> {
        let sql =
            format!("{LOGIN_COLUMNS} JOIN persons p ON p.id = u.person_id WHERE p.phone = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(phone).fetch_optional(pool).await?))
    }

    pub async fn role_grants(&self, user_id: i64) -> Result<Vec<RoleGrant>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT role, employer_id, office_id FROM user_roles WHERE user_id = $1"
        ).bind(user_id).fetch_all(pool).await?))
    }

    /// Creates a user and its role grants in one transaction.
    pub async fn create_user(&self, user: &NewUser<'_>) -> Result<i64, StoreError> {
        let ids = self.insert_users(std::slice::from_ref(user)).await?;
        Ok(ids[0])
    }

    /// Inserts users with their role grants, 500 per transaction; returns their ids.
    pub async fn insert_users(&self, users: &[NewUser<'_>]) -> Result<Vec<i64>, StoreError> {
        let now = Utc::now();
        let mut ids = Vec::with_capacity(users.len());
        for chunk in users.chunks(500) {
            on_pool!(self, pool => {
                let mut tx = pool.begin().await?;
                for u in chunk {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO users (username, person_id, display_name, password_hash, password_expired, disabled, created_at) \
                         VALUES ($1, $2, $3, $4, $5, FALSE, $6) RETURNING id",
                    )
                    .bind(u.username).bind(u.person_id).bind(u.display_name).bind(u.password_hash)
                    .bind(u.password_expired).bind(now)
                    .fetch_one(&mut *tx).await?;
                    for g in u.grants {
                        sqlx::query("INSERT INTO user_roles (user_id, role, employer_id, office_id) VALUES ($1, $2, $3, $4)")
                            .bind(id).bind(g.role.code()).bind(g.employer_id).bind(g.office_id)
                            .execute(&mut *tx).await?;
                    }
                    ids.push(id);
                }
                tx.commit().await?;
            });
        }
        Ok(ids)
    }

    pub async fn username_exists(&self, username: &str) -> Result<bool, StoreError> {
        let n: i64 = on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE username = $1")
            .bind(username).fetch_one(pool).await?);
        Ok(n > 0)
    }

    pub async fn create_session(&self, s: &NewSession<'_>) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, role, created_at, last_seen_at, expires_at, stage, assisted_session_id) \
             VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
        )
        .bind(s.id_hash).bind(s.user_id).bind(s.role.code()).bind(s.now).bind(s.expires_at)
        .bind(s.stage.code()).bind(s.assisted_session_id)
        .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Replaces a session by a new one in one transaction (a change of identity: second factor
    /// passed, assisted session started or ended), so the old token stops working at once.
    pub async fn replace_session(
        &self,
        old_hash: &str,
        new: &NewSession<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(old_hash).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO sessions (id_hash, user_id, role, created_at, last_seen_at, expires_at, stage, assisted_session_id) \
                 VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
            )
            .bind(new.id_hash).bind(new.user_id).bind(new.role.code()).bind(new.now).bind(new.expires_at)
            .bind(new.stage.code()).bind(new.assisted_session_id)
            .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Signs a user out everywhere (password changed, account disabled), except `keep`.
    pub async fn delete_user_sessions(
        &self,
        user_id: i64,
        keep: Option<&str>,
    ) -> Result<u64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id).bind(keep.unwrap_or("")).execute(pool).await?.rows_affected()),
        )
    }

    pub async fn totp_state(&self, user_id: i64) -> Result<TotpState, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT totp_secret AS secret, totp_pending AS pending, totp_last_step AS last_step FROM users WHERE id = $1",
        ).bind(user_id).fetch_one(pool).await?))
    }

    pub async fn set_totp_pending(&self, user_id: i64, secret: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE users SET totp_pending = $2 WHERE id = $1")
            .bind(user_id).bind(secret).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Records the step of an accepted code, only if it is later than the last one: of two
    /// requests racing with the same code, one wins.
    pub async fn accept_totp_step(&self, user_id: i64, step: i64) -> Result<bool, StoreError> {
        let n = on_pool!(self, pool => sqlx::query(
            "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
        ).bind(user_id).bind(step).execute(pool).await?.rows_affected());
        Ok(n == 1)
    }

    /// Makes the pending secret the active one (enrolment confirmed by a code at `step`).
    pub async fn confirm_totp(&self, user_id: i64, step: i64) -> Result<bool, StoreError> {
        let n = on_pool!(self, pool => sqlx::query(
            "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $2 \
             WHERE id = $1 AND totp_pending IS NOT NULL",
        ).bind(user_id).bind(step).execute(pool).await?.rows_affected());
        Ok(n == 1)
    }

    pub async fn clear_totp(&self, user_id: i64) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query(
            "UPDATE users SET totp_secret = NULL, totp_pending = NULL WHERE id = $1",
        ).bind(user_id).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The users whose two-factor values are not all sealed (do not start with `sealed_prefix`):
    /// what versions before sealing stored.
    pub async fn unsealed_totp(&self, sealed_prefix: &str) -> Result<Vec<StoredTotp>, StoreError> {
        let sealed = format!("{sealed_prefix}%");
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id AS user_id, totp_secret AS secret, totp_pending AS pending FROM users \
             WHERE (totp_secret IS NOT NULL AND totp_secret NOT LIKE $1) \
                OR (totp_pending IS NOT NULL AND totp_pending NOT LIKE $1)",
        ).bind(sealed).fetch_all(pool).await?))
    }

    /// Replaces a user's two-factor values if they are still as read (another instance
    /// starting at the same time may have replaced them first); whether it did.
    pub async fn replace_totp(
        &self,
        read: &StoredTotp,
        secret: Option<&str>,
        pending: Option<&str>,
    ) -> Result<bool, StoreError> {
        let n = on_pool!(self, pool => sqlx::query(
            "UPDATE users SET totp_secret = $2, totp_pending = $3 \
             WHERE id = $1 AND totp_secret IS NOT DISTINCT FROM $4 AND totp_pending IS NOT DISTINCT FROM $5",
        ).bind(read.user_id).bind(secret).bind(pending).bind(&read.secret).bind(&read.pending)
            .execute(pool).await?.rows_affected());
        Ok(n == 1)
    }

    pub async fn data_migration_done(&self, name: &str) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM data_migrations WHERE name = $1",
        ).bind(name).fetch_one(pool).await?)
            > 0)
    }

    pub async fn record_data_migration(
        &self,
        name: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO data_migrations (name, done_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        ).bind(name).bind(at).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Sets a known secret directly; for the demo seed, whose staff secrets are documented.
    pub async fn set_totp_secret(&self, user_id: i64, secret: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE users SET totp_secret = $2, totp_pending = NULL WHERE id = $1")
            .bind(user_id).bind(secret).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// A user's person (citizens) and whether the account is disabled; None if no such user.
    pub async fn account_of_user(
        &self,
        user_id: i64,
    ) -> Result<Option<(Option<i64>, bool)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT person_id, disabled FROM users WHERE id = $1")
            .bind(user_id).fetch_optional(pool).await?),
        )
    }

    pub async fn password_hash(&self, user_id: i64) -> Result<String, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(user_id).fetch_one(pool).await?),
        )
    }

    /// The user's own new password (so no longer an expired one).
    pub async fn set_password_hash(&self, user_id: i64, hash: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE users SET password_hash = $2, password_expired = FALSE WHERE id = $1")
            .bind(user_id).bind(hash).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The session with its user and active role's grant; none if the role was revoked.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT s.user_id, s.role, s.created_at, s.last_seen_at, s.expires_at, s.stage, s.assisted_session_id, \
                    u.display_name, u.disabled, u.password_expired, u.person_id, r.employer_id, r.office_id, u.elder_mode, \
                    (SELECT COUNT(*) FROM notifications n WHERE n.user_id = s.user_id AND n.read_at IS NULL) AS unread_notifications, \
                    EXISTS (SELECT 1 FROM relative_grants g WHERE g.relative_user_id = s.user_id AND g.status = 'active' AND g.ends_at > s.last_seen_at) AS helps_relatives \
             FROM sessions s \
             JOIN users u ON u.id = s.user_id \
             JOIN user_roles r ON r.user_id = s.user_id AND r.role = s.role \
             WHERE s.id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(pool)
        .await?))
    }

    /// The account's elder-mode choice.
    pub async fn set_elder_mode(&self, user_id: i64, on: bool) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE users SET elder_mode = $2 WHERE id = $1")
            .bind(user_id).bind(on).execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn touch_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1")
            .bind(id_hash).bind(now).execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Removes sessions past their absolute expiry or idle since `idle_before`.
    pub async fn delete_stale_sessions(
        &self,
        now: DateTime<Utc>,
        idle_before: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let n = on_pool!(self, pool => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(now).bind(idle_before).execute(pool).await?.rows_affected());
        Ok(n)
    }

    /// Counts the failures since `since` for the account and for the address (with the oldest
    /// of each: the throttle window reopens when it ages out) and, unless `refuse` answers a
    /// refusal for them, records the attempt as failed before it runs, in one transaction that holds the
    /// account's lock: attempts made at the same moment are counted one after another, so N
    /// parallel guesses get no more tries than the limit. SQLite has one writer (the insert
    /// comes first and takes it); PostgreSQL takes an advisory lock on the account key.
    pub async fn reserve_login_attempt<E>(
        &self,
        account_key: &str,
        address: &str,
        at: DateTime<Utc>,
        since: DateTime<Utc>,
        refuse: impl Fn(&FailedLogins) -> Option<E>,
    ) -> Result<Result<i64, E>, StoreError> {
        let postgres = self.backend() == Backend::Postgres;
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            if postgres {
                sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                    .bind(account_key).execute(&mut *tx).await?;
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO login_attempts (account_key, address, at, succeeded) VALUES ($1, $2, $3, FALSE) RETURNING id",
            ).bind(account_key).bind(address).bind(at).fetch_one(&mut *tx).await?;
            let (by_account, oldest_account): (i64, Option<DateTime<Utc>>) = sqlx::query_as(
                "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE account_key = $1 AND at > $2 AND NOT succeeded AND id <> $3",
            ).bind(account_key).bind(since).bind(id).fetch_one(&mut *tx).await?;
            let (by_address, oldest_address): (i64, Option<DateTime<Utc>>) = sqlx::query_as(
                "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE address = $1 AND at > $2 AND NOT succeeded AND id <> $3",
            ).bind(address).bind(since).bind(id).fetch_one(&mut *tx).await?;
            let failed = FailedLogins { by_account, oldest_account, by_address, oldest_address };
            match refuse(&failed) {
                None => {
                    tx.commit().await?;
                    Ok(id)
                }
                Some(refusal) => {
                    // A refused attempt never runs, so it does not count.
                    tx.rollback().await?;
                    Err(refusal)
                }
            }
        }))
    }

    /// A reserved attempt succeeded: it and the account's earlier failures stop counting.
    pub async fn settle_login_success(&self, id: i64, account_key: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE login_attempts SET succeeded = TRUE WHERE id = $1")
                .bind(id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM login_attempts WHERE account_key = $1 AND NOT succeeded")
                .bind(account_key).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// A reserved attempt succeeded; the key's earlier failures still count.
    pub async fn settle_attempt_alone(&self, id: i64) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query("UPDATE login_attempts SET succeeded = TRUE WHERE id = $1")
                .bind(id).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn delete_login_attempts_before(
        &self,
        before: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query("DELETE FROM login_attempts WHERE at < $1")
            .bind(before).execute(pool).await?.rows_affected()),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailedLogins {
    pub by_account: i64,
    pub oldest_account: Option<DateTime<Utc>>,
    pub by_address: i64,
    pub oldest_address: Option<DateTime<Utc>>,
}
