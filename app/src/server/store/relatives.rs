//! Relatives' authorisations (亲情代办). Each change and the other party's message are written
//! in one transaction; every write names the user it is for, so a stranger's id changes nothing.

use super::notifications::{NewNotification, insert_notification};
use super::{Db, Store, StoreError, on_pool};
use crate::models::relatives::GrantStatus;
use crate::server::auth::CitizenScope;
use chrono::{DateTime, Utc};

/// An authorisation with the other party's name and resident ID (the relative on the person's
/// list, the person on the relative's).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GrantRow {
    pub id: i64,
    pub person_id: i64,
    pub grantor_user_id: i64,
    pub relative_user_id: i64,
    pub may_act: bool,
    pub status: GrantStatus,
    pub offered_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub other_name: String,
    pub other_resident_id: String,
}

/// An authorisation the scope's person offers.
pub struct NewGrant<'a> {
    pub relative_user_id: i64,
    pub may_act: bool,
    pub now: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub request_key: &'a str,
}

/// What offering an authorisation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offered {
    New,
    /// The same form posted again: nothing more was done.
    Repeat,
    /// The pair already has an open authorisation.
    AlreadyOpen,
}

const GIVEN: &str = "SELECT g.id, g.person_id, g.grantor_user_id, g.relative_user_id, g.may_act, g.status, \
    g.offered_at, g.ends_at, u.display_name AS other_name, p.resident_id AS other_resident_id \
    FROM relative_grants g JOIN users u ON u.id = g.relative_user_id JOIN persons p ON p.id = u.person_id";
const RECEIVED: &str = "SELECT g.id, g.person_id, g.grantor_user_id, g.relative_user_id, g.may_act, g.status, \
    g.offered_at, g.ends_at, u.display_name AS other_name, p.resident_id AS other_resident_id \
    FROM relative_grants g JOIN users u ON u.id = g.grantor_user_id JOIN persons p ON p.id = g.person_id";

impl Store {
    /// The authorisations a person gave, newest first.
    pub async fn grants_given(&self, grantor_user_id: i64) -> Result<Vec<GrantRow>, StoreError> {
        let sql =
            format!("{GIVEN} WHERE g.grantor_user_id = $1 ORDER BY g.offered_at DESC, g.id DESC");
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(grantor_user_id).fetch_all(pool).await?),
        )
    }

    /// The authorisations a relative received, newest first.
    pub async fn grants_received(
        &self,
        relative_user_id: i64,
    ) -> Result<Vec<GrantRow>, StoreError> {
        let sql = format!(
            "{RECEIVED} WHERE g.relative_user_id = $1 ORDER BY g.offered_at DESC, g.id DESC"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(relative_user_id).fetch_all(pool).await?),
        )
    }

    /// An authorisation this relative holds, active and not past its end.
    pub async fn live_grant(
        &self,
        id: i64,
        relative_user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<GrantRow>, StoreError> {
        let sql = format!(
            "{RECEIVED} WHERE g.id = $1 AND g.relative_user_id = $2 AND g.status = 'active' AND g.ends_at > $3"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(id).bind(relative_user_id).bind(now).fetch_optional(pool).await?),
        )
    }

    /// The enabled citizen account of the person with this resident ID whose phone ends in
    /// these four digits.
    pub async fn citizen_by_id_and_phone_end(
        &self,
        resident_id: &str,
        last_four: &str,
    ) -> Result<Option<i64>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT u.id FROM users u JOIN persons p ON p.id = u.person_id \
             JOIN user_roles r ON r.user_id = u.id AND r.role = 'citizen' \
             WHERE p.resident_id = $1 AND p.phone LIKE $2 AND NOT u.disabled",
        )
        .bind(resident_id).bind(format!("%{last_four}"))
        .fetch_optional(pool).await?))
    }

    /// Offers an authorisation and tells the relative. An open one of the pair past its end is
    /// closed first; a second open one is refused (and a unique index holds that under a race).
    pub async fn offer_grant(
        &self,
        grantor: &CitizenScope,
        new: &NewGrant<'_>,
        notification: &NewNotification<'_>,
    ) -> Result<Offered, StoreError> {
        let (person_id, grantor_user_id) = (grantor.person_id(), grantor.user_id());
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let repeat: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM relative_grants WHERE grantor_user_id = $1 AND request_key = $2",
            ).bind(grantor_user_id).bind(new.request_key).fetch_optional(&mut *tx).await?;
            if repeat.is_some() {
                return Ok(Offered::Repeat);
            }
            sqlx::query(
                "UPDATE relative_grants SET status = 'ended', closed_at = ends_at \
                 WHERE grantor_user_id = $1 AND relative_user_id = $2 \
                   AND status IN ('offered', 'active') AND ends_at <= $3",
            ).bind(grantor_user_id).bind(new.relative_user_id).bind(new.now).execute(&mut *tx).await?;
            let open: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM relative_grants WHERE grantor_user_id = $1 AND relative_user_id = $2 \
                 AND status IN ('offered', 'active')",
            ).bind(grantor_user_id).bind(new.relative_user_id).fetch_optional(&mut *tx).await?;
            if open.is_some() {
                return Ok(Offered::AlreadyOpen);
            }
            sqlx::query(
                "INSERT INTO relative_grants (person_id, grantor_user_id, relative_user_id, may_act, status, \
                 offered_at, ends_at, request_key) VALUES ($1, $2, $3, $4, 'offered', $5, $6, $7)",
            )
            .bind(person_id).bind(grantor_user_id).bind(new.relative_user_id).bind(new.may_act)
            .bind(new.now).bind(new.ends_at).bind(new.request_key)
            .execute(&mut *tx).await?;
            insert_notification!(&mut *tx, notification)?;
            tx.commit().await?;
            Offered::New
        }))
    }

    /// The relative accepts or declines an offer still open; returns it, or None when there
    /// was nothing to answer. `notification` is made from the row for the person.
    pub async fn answer_grant(
        &self,
        id: i64,
        relative_user_id: i64,
        accept: bool,
        now: DateTime<Utc>,
        notification: impl FnOnce(&GrantRow) -> NewNotification<'static>,
    ) -> Result<Option<GrantRow>, StoreError> {
        let sql = format!(
            "{RECEIVED} WHERE g.id = $1 AND g.relative_user_id = $2 AND g.status = 'offered' AND g.ends_at > $3"
        );
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<GrantRow> = sqlx::query_as(&sql).bind(id).bind(relative_user_id).bind(now)
                .fetch_optional(&mut *tx).await?;
            let Some(row) = row else {
                return Ok(None);
            };
            let updated = if accept {
                sqlx::query("UPDATE relative_grants SET status = 'active', accepted_at = $2 WHERE id = $1 AND status = 'offered'")
            } else {
                sqlx::query("UPDATE relative_grants SET status = 'declined', closed_at = $2, closed_by_user_id = relative_user_id \
                             WHERE id = $1 AND status = 'offered'")
            }
            .bind(id).bind(now).execute(&mut *tx).await?.rows_affected();
            if updated == 0 {
                return Ok(None);
            }
            insert_notification!(&mut *tx, &notification(&row))?;
            tx.commit().await?;
            Some(row)
        }))
    }

    /// Either party ends an open authorisation; returns the parties (person's user, relative's
    /// user), or None when `by_user_id` is neither or it was not open.
    pub async fn end_grant(
        &self,
        id: i64,
        by_user_id: i64,
        now: DateTime<Utc>,
        notification: impl FnOnce(i64) -> NewNotification<'static>,
    ) -> Result<Option<(i64, i64)>, StoreError> {
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let parties: Option<(i64, i64)> = sqlx::query_as(
                "UPDATE relative_grants SET status = 'ended', closed_at = $3, closed_by_user_id = $2 \
                 WHERE id = $1 AND ($2 = grantor_user_id OR $2 = relative_user_id) \
                   AND status IN ('offered', 'active') \
                 RETURNING grantor_user_id, relative_user_id",
            ).bind(id).bind(by_user_id).bind(now).fetch_optional(&mut *tx).await?;
            let Some((grantor, relative)) = parties else {
                return Ok(None);
            };
            let other = if by_user_id == grantor { relative } else { grantor };
            insert_notification!(&mut *tx, &notification(other))?;
            tx.commit().await?;
            Some((grantor, relative))
        }))
    }

    /// The assisted sessions still open under an authorisation (a relative acting now).
    pub async fn open_sessions_of_grant(&self, grant_id: i64) -> Result<Vec<i64>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT id FROM assisted_sessions WHERE relative_grant_id = $1 AND ended_at IS NULL",
        )
        .bind(grant_id).fetch_all(pool).await?))
    }
}
