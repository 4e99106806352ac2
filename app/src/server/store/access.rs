//! The access log (谁查看了我的信息): who looked at or acted on whose record, when, what and
//! why. Append-only: nothing here updates or deletes an entry.

use super::{Db, MAX_BINDS, Store, StoreError, on_pool};
use crate::models::assist::AccessKind;
use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

/// One access to one person's record. `action` and `purpose` are codes the reader's page
/// translates; `actor_label` names the actor as the person should see it (e.g. the employer).
#[derive(Debug, Clone)]
pub struct AccessEntry<'a> {
    pub person_id: i64,
    pub at: DateTime<Utc>,
    /// None for a stranger (a certificate verification).
    pub actor_user_id: Option<i64>,
    pub actor_role: AccessKind,
    pub actor_label: &'a str,
    pub action: &'static str,
    pub purpose: &'static str,
    /// Set when a helpdesk agent did it on the actor's behalf.
    pub assisted_session: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessRecord {
    pub at: DateTime<Utc>,
    pub actor_role: AccessKind,
    pub actor_label: String,
    pub action: String,
    pub purpose: String,
    /// The assisted session's id, as text (the column predates integer session ids).
    pub assisted_session: Option<String>,
}

/// Which entries of a person's access log to read.
#[derive(Debug, Clone, Default)]
pub struct AccessFilter {
    pub actor_role: Option<AccessKind>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl Store {
    pub async fn log_access(&self, entries: &[AccessEntry<'_>]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for part in entries.chunks(MAX_BINDS / 8) {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO access_log (person_id, at, actor_user_id, actor_role, actor_label, action, purpose, assisted_session) ",
                );
                qb.push_values(part, |mut b, e| {
                    b.push_bind(e.person_id).push_bind(e.at).push_bind(e.actor_user_id)
                        .push_bind(e.actor_role).push_bind(e.actor_label).push_bind(e.action)
                        .push_bind(e.purpose).push_bind(e.assisted_session.map(|id| id.to_string()));
                });
                qb.build().execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// A page of a person's access log, newest first, and how many entries match.
    pub(super) async fn access_log(
        &self,
        person_id: i64,
        filter: &AccessFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<AccessRecord>, i64), StoreError> {
        fn push_where<'a, DB: sqlx::Database>(
            qb: &mut QueryBuilder<'a, DB>,
            person_id: i64,
            f: &AccessFilter,
        ) where
            i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
            AccessKind: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
            DateTime<Utc>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
        {
            qb.push(" FROM access_log WHERE person_id = ")
                .push_bind(person_id);
            if let Some(r) = f.actor_role {
                qb.push(" AND actor_role = ").push_bind(r);
            }
            if let Some(t) = f.from {
                qb.push(" AND at >= ").push_bind(t);
            }
            if let Some(t) = f.until {
                qb.push(" AND at < ").push_bind(t);
            }
        }
        Ok(on_pool!(self, pool => {
            let mut count = QueryBuilder::new("SELECT COUNT(*)");
            push_where(&mut count, person_id, filter);
            let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
            let mut qb = QueryBuilder::new("SELECT at, actor_role, actor_label, action, purpose, assisted_session");
            push_where(&mut qb, person_id, filter);
            qb.push(" ORDER BY at DESC, id DESC LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
            (qb.build_query_as().fetch_all(pool).await?, total)
        }))
    }
}
