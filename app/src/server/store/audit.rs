//! The audit log: who did what, as whom, with what outcome. Append-only; read by administrators.

use super::{Db, Store, StoreError, on_pool};
use crate::models::auth::{AssistReason, Role};
use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

#[derive(Debug, Clone)]
pub struct AuditEvent<'a> {
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_role: Role,
    pub subject_user_id: Option<i64>,
    pub assisted_session_id: Option<i64>,
    pub action: &'a str,
    pub target: &'a str,
    pub outcome: &'static str,
    pub detail: &'a str,
}

/// Inserts an event on any executor of either backend (a pool or an open transaction); its id.
macro_rules! insert_audit {
    ($exec:expr, $e:expr) => {{
        let e = $e;
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO audit_events (at, actor_user_id, actor_role, subject_user_id, assisted_session_id, \
             action, target, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(e.at).bind(e.actor_user_id).bind(e.actor_role).bind(e.subject_user_id)
        .bind(e.assisted_session_id).bind(e.action).bind(e.target).bind(e.outcome).bind(e.detail)
        .fetch_one($exec)
        .await
    }};
}
pub(crate) use insert_audit;

/// An audit event as the administrator's log shows it, with names and the assisted session's
/// reason and ticket.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRecord {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub actor_username: Option<String>,
    pub actor_role: Role,
    pub subject_name: Option<String>,
    pub assisted_session_id: Option<i64>,
    pub reason: Option<AssistReason>,
    pub ticket: Option<String>,
    pub action: String,
    pub target: String,
    pub outcome: String,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Exact user name of the actor.
    pub actor: Option<String>,
    pub action: Option<String>,
    pub outcome: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub assisted_only: bool,
}

impl Store {
    pub async fn record_audit(&self, event: &AuditEvent<'_>) -> Result<(), StoreError> {
        self.begin_audit(event).await.map(drop)
    }

    /// Writes the event before the action it records (its outcome `pending`), so that the
    /// action cannot happen unrecorded; returns its id for [`Store::settle_audit`].
    pub async fn begin_audit(&self, event: &AuditEvent<'_>) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => insert_audit!(pool, event)?))
    }

    /// The action ended: its outcome replaces `pending`.
    pub async fn settle_audit(&self, id: i64, outcome: &'static str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query("UPDATE audit_events SET outcome = $2 WHERE id = $1 AND outcome = 'pending'")
                .bind(id).bind(outcome).execute(pool).await?;
        });
        Ok(())
    }

    /// One page of the audit log, newest first, and the number of events that match.
    pub async fn audit_events(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<AuditRecord>, i64), StoreError> {
        fn push_where<'a, DB: sqlx::Database>(qb: &mut QueryBuilder<'a, DB>, f: &'a AuditFilter)
        where
            String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
            DateTime<Utc>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
        {
            qb.push(" WHERE 1 = 1");
            if let Some(a) = &f.actor {
                qb.push(" AND e.actor_user_id = (SELECT id FROM users WHERE username = ")
                    .push_bind(a.clone())
                    .push(")");
            }
            if let Some(a) = &f.action {
                qb.push(" AND e.action = ").push_bind(a.clone());
            }
            if let Some(o) = &f.outcome {
                qb.push(" AND e.outcome = ").push_bind(o.clone());
            }
            if let Some(t) = f.from {
                qb.push(" AND e.at >= ").push_bind(t);
            }
            if let Some(t) = f.until {
                qb.push(" AND e.at < ").push_bind(t);
            }
            if f.assisted_only {
                qb.push(" AND e.assisted_session_id IS NOT NULL");
            }
        }
        const FROM: &str = " FROM audit_events e \
            LEFT JOIN users au ON au.id = e.actor_user_id \
            LEFT JOIN users su ON su.id = e.subject_user_id \
            LEFT JOIN assisted_sessions a ON a.id = e.assisted_session_id";
        Ok(on_pool!(self, pool => {
            let mut count = QueryBuilder::new(format!("SELECT COUNT(*){FROM}"));
            push_where(&mut count, filter);
            let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
            let mut qb = QueryBuilder::new(format!(
                "SELECT e.id, e.at, au.display_name AS actor_name, au.username AS actor_username, e.actor_role, \
                 su.display_name AS subject_name, e.assisted_session_id, a.reason, a.ticket, e.action, e.target, \
                 e.outcome, e.detail{FROM}"
            ));
            push_where(&mut qb, filter);
            qb.push(" ORDER BY e.at DESC, e.id DESC LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
            let rows: Vec<AuditRecord> = qb.build_query_as().fetch_all(pool).await?;
            (rows, total)
        }))
    }
}
