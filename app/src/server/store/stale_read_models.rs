//! Persons whose read models a bulk writer left to rebuild (migration 0017): marked in the
//! writer's transaction, cleared once rebuilt, so a crash in between loses no rebuild.

use super::declarations::push_list;
use super::{Db, MAX_BINDS, Store, StoreError, on_pool};
use sqlx::QueryBuilder;

/// Marks `persons` stale inside the writer's transaction. A macro so that it expands inside
/// `on_pool!` once per backend.
macro_rules! mark_stale {
    ($conn:expr, $persons:expr) => {
        for part in $persons.chunks(super::MAX_BINDS) {
            let mut qb = sqlx::QueryBuilder::new("INSERT INTO stale_read_models (person_id) ");
            qb.push_values(part, |mut b, id| {
                b.push_bind(*id);
            });
            qb.push(" ON CONFLICT (person_id) DO NOTHING");
            qb.build().persistent(false).execute(&mut *$conn).await?;
        }
    };
}
pub(super) use mark_stale;

impl Store {
    /// The persons whose read models wait for a rebuild, in id order.
    pub async fn stale_read_models(&self) -> Result<Vec<i64>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT person_id FROM stale_read_models ORDER BY person_id",
        ).fetch_all(pool).await?))
    }

    /// Clears the marks of persons whose read models were rebuilt.
    pub async fn clear_stale_read_models(&self, persons: &[i64]) -> Result<(), StoreError> {
        for part in persons.chunks(MAX_BINDS) {
            on_pool!(self, pool => {
                let mut qb = QueryBuilder::new("DELETE FROM stale_read_models WHERE person_id IN (");
                push_list(&mut qb, part);
                qb.build().persistent(false).execute(pool).await?;
            });
        }
        Ok(())
    }
}
