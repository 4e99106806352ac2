//! Drafts of request forms (transfers, filings), one per person and form: the answers so far
//! and the request key that makes submitting them idempotent.

use super::{Db, Store, StoreError, on_pool};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DraftRow {
    pub data: String,
    pub request_key: String,
}

impl Store {
    pub(super) async fn draft(
        &self,
        person_id: i64,
        kind: &str,
    ) -> Result<Option<DraftRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT data, request_key FROM request_drafts WHERE person_id = $1 AND kind = $2",
        ).bind(person_id).bind(kind).fetch_optional(pool).await?))
    }

    /// Saves the answers; the request key is set by the first save and kept after.
    pub(super) async fn save_draft(
        &self,
        person_id: i64,
        kind: &str,
        data: &str,
        new_key: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO request_drafts (person_id, kind, data, request_key, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (person_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        ).bind(person_id).bind(kind).bind(data).bind(new_key).bind(now).execute(pool).await?.rows_affected());
        Ok(())
    }
}
