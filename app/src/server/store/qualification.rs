//! Pensioners' yearly qualification checks: a person's own, and the ones an office reviews.

use super::notifications::{NewNotification, insert_notification};
use super::scoped::Author;
use super::{Db, Store, StoreError, on_pool};
use crate::models::assist::NotificationKind;
use crate::models::qualification::{CheckMethod, CheckStatus};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CheckRow {
    pub submitted_at: DateTime<Utc>,
    pub method: CheckMethod,
    pub status: CheckStatus,
    pub decided_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    pub assisted_session_id: Option<i64>,
    /// Whether that session was a relative's (None outside one).
    pub by_relative: Option<bool>,
    pub request_key: String,
}

pub struct NewCheck<'a> {
    pub office_id: i64,
    pub method: CheckMethod,
    /// Confirmed at once (second factor) or pending (office review).
    pub confirmed: bool,
    pub request_key: &'a str,
    pub at: DateTime<Utc>,
}

/// A check waiting for an office, with what the reviewer needs to find the person.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingCheckRow {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    pub resident_id: String,
    pub submitted_at: DateTime<Utc>,
    pub assisted_session_id: Option<i64>,
    /// Whether that session was a relative's (None outside one).
    pub by_relative: Option<bool>,
}

/// An office's decision on a pending check.
pub struct CheckDecided<'a> {
    pub check_id: i64,
    pub status: CheckStatus,
    pub note: Option<&'a str>,
    pub by_user_id: i64,
    pub at: DateTime<Utc>,
}

impl Store {
    /// Newest first.
    pub(super) async fn qualification_checks(
        &self,
        person_id: i64,
    ) -> Result<Vec<CheckRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT submitted_at, method, status, decided_at, note, assisted_session_id, request_key, \
             (SELECT a.relative_grant_id IS NOT NULL FROM assisted_sessions a WHERE a.id = qualification_checks.assisted_session_id) AS by_relative \
             FROM qualification_checks WHERE person_id = $1 ORDER BY submitted_at DESC, id DESC",
        ).bind(person_id).fetch_all(pool).await?))
    }

    /// Writes the check unless this form was sent before or another is pending (the partial
    /// unique index); false when nothing was written.
    pub(super) async fn insert_check(
        &self,
        person_id: i64,
        by: &Author,
        c: &NewCheck<'_>,
    ) -> Result<bool, StoreError> {
        let (status, decided_at) = if c.confirmed {
            (CheckStatus::Confirmed, Some(c.at))
        } else {
            (CheckStatus::Pending, None)
        };
        let written = on_pool!(self, pool => sqlx::query(
            "INSERT INTO qualification_checks (person_id, office_id, method, status, submitted_at, \
               submitted_by_user_id, assisted_session_id, request_key, decided_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
        ).bind(person_id).bind(c.office_id).bind(c.method).bind(status).bind(c.at)
            .bind(by.user_id).bind(by.assisted_session_id).bind(c.request_key).bind(decided_at)
            .execute(pool).await?.rows_affected());
        Ok(written == 1)
    }

    /// The office's checks waiting for a decision, oldest first.
    pub(super) async fn pending_checks(
        &self,
        office_id: i64,
    ) -> Result<Vec<PendingCheckRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT q.id, q.person_id, p.name, p.resident_id, q.submitted_at, q.assisted_session_id, \
             (SELECT a.relative_grant_id IS NOT NULL FROM assisted_sessions a WHERE a.id = q.assisted_session_id) AS by_relative \
             FROM qualification_checks q JOIN persons p ON p.id = q.person_id \
             WHERE q.office_id = $1 AND q.status = 'pending' ORDER BY q.submitted_at, q.id",
        ).bind(office_id).fetch_all(pool).await?))
    }

    /// Decides a pending check of this office and tells the person, in one transaction; the
    /// person's id, or None when the check is not this office's or no longer pending.
    pub(super) async fn decide_check(
        &self,
        office_id: i64,
        d: &CheckDecided<'_>,
    ) -> Result<Option<i64>, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let person: Option<i64> = sqlx::query_scalar(
                "UPDATE qualification_checks SET status = $1, note = $2, decided_by_user_id = $3, decided_at = $4 \
                 WHERE id = $5 AND office_id = $6 AND status = 'pending' RETURNING person_id",
            ).bind(d.status).bind(d.note).bind(d.by_user_id).bind(d.at).bind(d.check_id).bind(office_id)
                .fetch_optional(&mut *tx).await?;
            let Some(person_id) = person else { return Ok(None) };
            let user: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE person_id = $1")
                .bind(person_id).fetch_optional(&mut *tx).await?;
            if let Some(user_id) = user {
                insert_notification!(&mut *tx, &NewNotification {
                    user_id,
                    at: d.at,
                    kind: NotificationKind::QualificationDecided,
                    params: serde_json::json!({ "status": d.status.code() }).to_string(),
                    link: "/me/pension/qualification",
                })?;
            }
            tx.commit().await?;
            Ok(Some(person_id))
        })
    }
}
