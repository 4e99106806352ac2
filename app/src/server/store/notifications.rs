//! A user's notification inbox. A notification is a message key and its values; the reader's
//! page words it in their language.

use super::{Db, Store, StoreError, on_pool};
use crate::models::assist::NotificationKind;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone)]
pub struct NewNotification<'a> {
    pub user_id: i64,
    pub at: DateTime<Utc>,
    pub kind: NotificationKind,
    /// The message's values, as a JSON object.
    pub params: String,
    pub link: &'a str,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NotificationRecord {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub kind: NotificationKind,
    pub params: String,
    pub link: String,
    pub read_at: Option<DateTime<Utc>>,
}

/// Inserts a notification on any executor of either backend (used inside other transactions).
macro_rules! insert_notification {
    ($exec:expr, $n:expr) => {{
        let n = $n;
        sqlx::query("INSERT INTO notifications (user_id, at, kind, params, link) VALUES ($1, $2, $3, $4, $5)")
            .bind(n.user_id).bind(n.at).bind(n.kind).bind(&n.params).bind(n.link)
            .execute($exec)
            .await
    }};
}
pub(crate) use insert_notification;

impl Store {
    pub async fn notify(&self, n: &NewNotification<'_>) -> Result<(), StoreError> {
        on_pool!(self, pool => insert_notification!(pool, n)?.rows_affected());
        Ok(())
    }

    pub async fn unread_notifications(&self, user_id: i64) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        ).bind(user_id).fetch_one(pool).await?))
    }

    /// The newest notifications first.
    pub async fn notifications(
        &self,
        user_id: i64,
        limit: i64,
    ) -> Result<Vec<NotificationRecord>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, at, kind, params, link, read_at FROM notifications WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
        ).bind(user_id).bind(limit).fetch_all(pool).await?))
    }

    pub async fn mark_notifications_read(
        &self,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query(
            "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
        ).bind(user_id).bind(now).execute(pool).await?.rows_affected()))
    }
}
