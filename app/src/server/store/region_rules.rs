//! Rules an insured place sets for itself (migration 0010). There is at most a row per city, so
//! the whole table is read at once.

use super::{Db, Store, StoreError, on_pool};

/// One place's rules; `None` keeps the usual rule.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RegionRule {
    pub region_code: String,
    pub retroactive_filing_days: Option<i32>,
    pub single_contribution_base: Option<bool>,
}

impl Store {
    pub async fn region_rules(&self) -> Result<Vec<RegionRule>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT region_code, retroactive_filing_days, single_contribution_base FROM region_rules \
             ORDER BY region_code",
        ).fetch_all(pool).await?))
    }

    /// Sets a city's rules, replacing what it had. False when no such city exists.
    pub async fn set_region_rule(&self, rule: &RegionRule) -> Result<bool, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let city: Option<i32> =
                sqlx::query_scalar("SELECT 1 FROM regions WHERE code = $1 AND level = 'city'")
                    .bind(&rule.region_code)
                    .fetch_optional(&mut *tx)
                    .await?;
            if city.is_none() {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO region_rules (region_code, retroactive_filing_days, single_contribution_base) \
                 VALUES ($1, $2, $3) ON CONFLICT (region_code) DO UPDATE SET \
                 retroactive_filing_days = excluded.retroactive_filing_days, \
                 single_contribution_base = excluded.single_contribution_base",
            )
            .bind(&rule.region_code)
            .bind(rule.retroactive_filing_days)
            .bind(rule.single_contribution_base)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }
}
