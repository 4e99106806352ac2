//! The access log (谁查看了我的信息): who looked at or acted on whose record, when, what and
//! why. Append-only: nothing here updates or deletes an entry.

use super::{Db, MAX_BINDS, Store, StoreError, on_pool};
use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

/// One access to one person's record. `action` and `purpose` are codes the reader's page
/// translates; `actor_label` names the actor as the person should see it (e.g. the employer).
#[derive(Debug, Clone)]
pub struct AccessEntry<'a> {
    pub person_id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: i64,
    pub actor_role: &'static str,
    pub actor_label: &'a str,
    pub action: &'static str,
    pub purpose: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessRecord {
    pub at: DateTime<Utc>,
    pub actor_role: String,
    pub actor_label: String,
    pub action: String,
    pub purpose: String,
}

impl Store {
    pub async fn log_access(&self, entries: &[AccessEntry<'_>]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for part in entries.chunks(MAX_BINDS / 7) {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO access_log (person_id, at, actor_user_id, actor_role, actor_label, action, purpose) ",
                );
                qb.push_values(part, |mut b, e| {
                    b.push_bind(e.person_id).push_bind(e.at).push_bind(e.actor_user_id)
                        .push_bind(e.actor_role).push_bind(e.actor_label).push_bind(e.action)
                        .push_bind(e.purpose);
                });
                qb.build().execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// A person's access log, newest first.
    pub async fn access_log(
        &self,
        person_id: i64,
        limit: i64,
    ) -> Result<Vec<AccessRecord>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT at, actor_role, actor_label, action, purpose FROM access_log WHERE person_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
        ).bind(person_id).bind(limit).fetch_all(pool).await?))
    }
}
