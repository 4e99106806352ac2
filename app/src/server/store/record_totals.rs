//! The record's read model: per person and insurance, the counts and sums that would otherwise
//! take a scan of every month on each page view (migrations/*/0009_record_totals.sql).

use super::page_rows::{Sql, TOTALS};
use super::{Db, Store, StoreError, on_pool};
use crate::models::insurance::Insurance;

#[derive(Debug, Clone, sqlx::FromRow, serde::Deserialize)]
pub struct RecordTotals {
    pub insurance: Insurance,
    pub contribution_rows: i32,
    pub months_paid: i32,
    pub months_in_arrears: i32,
    pub employer_sum: i64,
    pub personal_sum: i64,
    pub last_paid_month: Option<i32>,
    pub latest_base: Option<i64>,
    pub account_year: Option<i32>,
    pub account_closing: Option<i64>,
}

impl Store {
    /// The totals of every insurance a person has contributions in.
    pub(super) async fn record_totals(
        &self,
        person_id: i64,
    ) -> Result<Vec<RecordTotals>, StoreError> {
        static SQL: Sql = Sql::new();
        let sql = SQL.get(self.backend(), |_| TOTALS.select());
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_all(pool).await?))
    }

    /// Recomputes the totals of persons `from..=to` from their contributions and accounts, in
    /// one transaction. Whatever writes those tables calls this for the persons it wrote. The
    /// sums are taken over the stored runs (a run's rows all carry the same amounts), not over
    /// the months the view unfolds.
    pub async fn rebuild_record_totals(&self, from: i64, to: i64) -> Result<u64, StoreError> {
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM record_totals WHERE person_id BETWEEN $1 AND $2")
                .bind(from).bind(to).execute(&mut *tx).await?;
            let rows = sqlx::query(
                "INSERT INTO record_totals (person_id, insurance, contribution_rows, months_paid, months_in_arrears, \
                                            employer_sum, personal_sum, last_paid_month, last_month, latest_base, account_year, account_closing) \
                 SELECT t.person_id, i.code, t.rows_in_runs, t.months_paid, t.months_in_arrears, t.employer_sum, t.personal_sum, \
                        (t.last_paid / 12) * 100 + t.last_paid % 12 + 1, (t.last_row / 12) * 100 + t.last_row % 12 + 1, \
                        (SELECT l.base FROM contribution_runs l WHERE l.person_id = t.person_id AND l.insurance = t.insurance \
                         ORDER BY l.first_month + (l.rows_in_run - 1) * l.months_covered DESC LIMIT 1), \
                        (SELECT MAX(a.year) FROM account_years a WHERE a.person_id = t.person_id AND a.insurance = i.code), \
                        (SELECT a.closing FROM account_years a WHERE a.person_id = t.person_id AND a.insurance = i.code \
                         ORDER BY a.year DESC LIMIT 1) \
                 FROM (SELECT r.person_id, r.insurance, SUM(r.rows_in_run) AS rows_in_runs, \
                              SUM(CASE WHEN r.paid_day IS NOT NULL THEN r.rows_in_run * r.months_covered ELSE 0 END) AS months_paid, \
                              SUM(CASE WHEN r.paid_day IS NULL THEN r.rows_in_run * r.months_covered ELSE 0 END) AS months_in_arrears, \
                              SUM(r.employer_part * r.rows_in_run) AS employer_sum, SUM(r.personal_part * r.rows_in_run) AS personal_sum, \
                              MAX(CASE WHEN r.paid_day IS NOT NULL THEN r.first_month + (r.rows_in_run - 1) * r.months_covered END) AS last_paid, \
                              MAX(r.first_month + (r.rows_in_run - 1) * r.months_covered) AS last_row \
                       FROM contribution_runs r WHERE r.person_id BETWEEN $1 AND $2 \
                       GROUP BY r.person_id, r.insurance) t \
                 JOIN insurance_codes i ON i.id = t.insurance",
            ).bind(from).bind(to).execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            rows
        }))
    }
}
