//! Assisted sessions: a helpdesk agent acting as a citizen or an employer user, or a relative
//! acting for a citizen under their authorisation (亲情代办). Starting one
//! writes the session, the agent's new login session, the citizen's access-log entry, their
//! notification and the audit event in one transaction, so none exists without the others.

use super::{AccessEntry, AuditEvent, Db, NewNotification, NewSession, Store, StoreError, on_pool};
use crate::models::auth::{AssistReason, Role};
use chrono::{DateTime, Utc};

pub struct NewAssistedSession<'a> {
    pub agent_user_id: i64,
    pub subject_user_id: i64,
    pub subject_role: &'static str,
    pub person_id: Option<i64>,
    pub reason: &'static str,
    pub reason_text: &'a str,
    pub ticket: &'a str,
    pub now: DateTime<Utc>,
    pub hard_end_at: DateTime<Utc>,
    /// A relative's authorisation, whose "may act" is the write mode.
    pub relative_grant: Option<(i64, bool)>,
}

/// An assisted session with both parties' names and the subject's grant for the role acted as
/// (None when that grant has since been revoked).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssistedSessionRow {
    pub id: i64,
    pub agent_user_id: i64,
    pub agent_name: String,
    pub subject_user_id: i64,
    pub subject_name: String,
    pub subject_role: Role,
    pub subject_disabled: bool,
    pub person_id: Option<i64>,
    pub employer_id: Option<i64>,
    pub reason: AssistReason,
    pub reason_text: String,
    pub ticket: String,
    pub write_mode: bool,
    pub started_at: DateTime<Utc>,
    pub last_active_at: DateTime<Utc>,
    pub hard_end_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
    /// A relative's session: the authorisation, as it stands now (it may have been ended).
    pub relative_grant_id: Option<i64>,
    pub grant_live: Option<bool>,
}

/// One thing done during an assisted session (from the audit log).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssistedAction {
    pub assisted_session_id: i64,
    pub at: DateTime<Utc>,
    pub action: String,
    pub target: String,
    pub outcome: String,
    /// How many events the session has in all.
    pub total: i64,
}

const ROW: &str = "SELECT a.id, a.agent_user_id, ag.display_name AS agent_name, a.subject_user_id, \
    su.display_name AS subject_name, a.subject_role, su.disabled AS subject_disabled, a.person_id, \
    r.employer_id, a.reason, a.reason_text, a.ticket, a.write_mode, a.started_at, a.last_active_at, \
    a.hard_end_at, a.ended_at, a.end_reason, a.relative_grant_id, (g.status = 'active') AS grant_live \
    FROM assisted_sessions a \
    JOIN users ag ON ag.id = a.agent_user_id \
    JOIN users su ON su.id = a.subject_user_id \
    LEFT JOIN user_roles r ON r.user_id = a.subject_user_id AND r.role = a.subject_role \
    LEFT JOIN relative_grants g ON g.id = a.relative_grant_id";

impl AssistedSessionRow {
    /// The role the one acting signed in with.
    pub fn agent_role(&self) -> Role {
        crate::server::auth::helper_role(self.relative_grant_id.is_some())
    }
}

impl Store {
    /// Starts an assisted session and moves the agent's login onto a new session token that
    /// carries it; returns the new assisted session's id.
    pub async fn start_assisted_session(
        &self,
        new: &NewAssistedSession<'_>,
        old_session_hash: &str,
        session: &NewSession<'_>,
        access: Option<&AccessEntry<'_>>,
        notification: Option<&NewNotification<'_>>,
        audit: &AuditEvent<'_>,
    ) -> Result<i64, StoreError> {
        let id = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO assisted_sessions (agent_user_id, subject_user_id, subject_role, person_id, reason, \
                 reason_text, ticket, write_mode, started_at, last_active_at, hard_end_at, relative_grant_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11) RETURNING id",
            )
            .bind(new.agent_user_id).bind(new.subject_user_id).bind(new.subject_role).bind(new.person_id)
            .bind(new.reason).bind(new.reason_text).bind(new.ticket)
            .bind(new.relative_grant.is_some_and(|(_, may_act)| may_act)).bind(new.now).bind(new.hard_end_at)
            .bind(new.relative_grant.map(|(id, _)| id))
            .fetch_one(&mut *tx).await?;
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(old_session_hash).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO sessions (id_hash, user_id, role, created_at, last_seen_at, expires_at, stage, assisted_session_id) \
                 VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
            )
            .bind(session.id_hash).bind(session.user_id).bind(session.role.code()).bind(session.now)
            .bind(session.expires_at).bind(session.stage.code()).bind(id)
            .execute(&mut *tx).await?;
            if let Some(e) = access {
                sqlx::query(
                    "INSERT INTO access_log (person_id, at, actor_user_id, actor_role, actor_label, action, purpose, assisted_session) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(e.person_id).bind(e.at).bind(e.actor_user_id).bind(e.actor_role).bind(e.actor_label)
                .bind(e.action).bind(e.purpose).bind(id.to_string())
                .execute(&mut *tx).await?;
            }
            if let Some(n) = notification {
                super::notifications::insert_notification!(&mut *tx, n)?;
            }
            super::audit::insert_audit!(&mut *tx, &AuditEvent { assisted_session_id: Some(id), ..audit.clone() })?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn assisted_session(
        &self,
        id: i64,
    ) -> Result<Option<AssistedSessionRow>, StoreError> {
        let sql = format!("{ROW} WHERE a.id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    /// Assisted sessions on a person's record, newest first (for the access log page).
    pub async fn assisted_sessions_by_ids(
        &self,
        ids: &[i64],
    ) -> Result<Vec<AssistedSessionRow>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!("{ROW} WHERE a.id IN ({list})");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).persistent(false).fetch_all(pool).await?))
    }

    /// Assisted sessions acting as this user that have not ended (they may still be past a limit).
    pub async fn open_assisted_sessions_for(
        &self,
        subject_user_id: i64,
    ) -> Result<Vec<AssistedSessionRow>, StoreError> {
        let sql = format!(
            "{ROW} WHERE a.subject_user_id = $1 AND a.ended_at IS NULL ORDER BY a.started_at DESC"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(subject_user_id).fetch_all(pool).await?),
        )
    }

    /// Ends an assisted session once: returns false when it had already ended. The agent's login
    /// session goes back to the console in the same transaction.
    pub async fn end_assisted_session(
        &self,
        id: i64,
        now: DateTime<Utc>,
        reason: &'static str,
        audit: &AuditEvent<'_>,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(
                "UPDATE assisted_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL",
            ).bind(id).bind(now).bind(reason).execute(&mut *tx).await?.rows_affected();
            if n == 1 {
                sqlx::query("UPDATE sessions SET assisted_session_id = NULL WHERE assisted_session_id = $1")
                    .bind(id).execute(&mut *tx).await?;
                super::audit::insert_audit!(&mut *tx, audit)?;
            }
            tx.commit().await?;
            n == 1
        }))
    }

    /// Open assisted sessions past their hard limit or idle since `agent_idle_before` (an
    /// agent's) or `relative_idle_before` (a relative's), for the janitor.
    pub async fn expired_assisted_sessions(
        &self,
        now: DateTime<Utc>,
        agent_idle_before: DateTime<Utc>,
        relative_idle_before: DateTime<Utc>,
    ) -> Result<Vec<AssistedSessionRow>, StoreError> {
        let sql = format!(
            "{ROW} WHERE a.ended_at IS NULL AND (a.hard_end_at <= $1 \
             OR (a.relative_grant_id IS NULL AND a.last_active_at <= $2) \
             OR (a.relative_grant_id IS NOT NULL AND a.last_active_at <= $3))"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql)
            .bind(now).bind(agent_idle_before).bind(relative_idle_before).fetch_all(pool).await?))
    }

    pub async fn touch_assisted_session(
        &self,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE assisted_sessions SET last_active_at = $2 WHERE id = $1 AND ended_at IS NULL")
            .bind(id).bind(now).execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn set_assist_write_mode(
        &self,
        id: i64,
        write: bool,
        audit: &AuditEvent<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE assisted_sessions SET write_mode = $2 WHERE id = $1 AND ended_at IS NULL")
                .bind(id).bind(write).execute(&mut *tx).await?;
            super::audit::insert_audit!(&mut *tx, audit)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The first `per_session` events of some assisted sessions, oldest first, each with the
    /// session's number of events; the header's "who am I" (on every page) is left out.
    pub async fn assisted_actions(
        &self,
        ids: &[i64],
        per_session: i64,
    ) -> Result<Vec<AssistedAction>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "SELECT assisted_session_id, at, action, target, outcome, total FROM ( \
               SELECT assisted_session_id, at, action, target, outcome, id, \
                      ROW_NUMBER() OVER (PARTITION BY assisted_session_id ORDER BY at, id) AS n, \
                      COUNT(*) OVER (PARTITION BY assisted_session_id) AS total \
               FROM audit_events \
               WHERE assisted_session_id IN ({list}) \
                 AND target NOT IN ('/api/auth/who_am_i', '/api/auth/keep_alive')) e \
             WHERE n <= $1 ORDER BY assisted_session_id, at, id"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(per_session).persistent(false).fetch_all(pool).await?),
        )
    }
}
