//! Reading one person's insurance record: enrolment periods, contribution totals, account
//! balances and the offices that own them. Every query is keyed by person id and served by an
//! index, so its cost does not grow with the number of persons.

use super::{Db, Store, StoreError, on_pool};
use chrono::NaiveDate;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRecord {
    pub id: i64,
    pub resident_id: String,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EnrolmentPeriod {
    pub insurance: String,
    pub scheme: String,
    pub region_code: String,
    pub region_zh: String,
    pub region_en: String,
    pub employer_name: Option<String>,
    pub start_month: i32,
    pub end_month: Option<i32>,
    pub status: String,
    pub status_reason: String,
    pub status_date: NaiveDate,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContributionTotals {
    pub insurance: String,
    pub months_paid: i64,
    pub months_in_arrears: i64,
    pub last_paid_month: Option<i32>,
    pub latest_base: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountBalance {
    pub insurance: String,
    pub year: i32,
    pub closing: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OfficeRecord {
    pub id: i64,
    pub region_code: String,
    pub agency: String,
    pub name_zh: String,
    pub name_en: String,
    pub data_as_of: NaiveDate,
}

impl Store {
    pub async fn person(&self, person_id: i64) -> Result<Option<PersonRecord>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT id, resident_id, name FROM persons WHERE id = $1")
            .bind(person_id).fetch_optional(pool).await?),
        )
    }

    pub async fn person_id_by_resident_id(
        &self,
        resident_id: &str,
    ) -> Result<Option<i64>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT id FROM persons WHERE resident_id = $1")
            .bind(resident_id).fetch_optional(pool).await?),
        )
    }

    /// All enrolment periods of a person, oldest first within each insurance.
    pub async fn enrolment_periods(
        &self,
        person_id: i64,
    ) -> Result<Vec<EnrolmentPeriod>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT e.insurance, e.scheme, e.region_code, r.name_zh AS region_zh, r.name_en AS region_en, \
                    m.name AS employer_name, e.start_month, e.end_month, e.status, e.status_reason, e.status_date \
             FROM enrolments e \
             JOIN regions r ON r.code = e.region_code \
             LEFT JOIN employers m ON m.id = e.employer_id \
             WHERE e.person_id = $1 \
             ORDER BY e.insurance, e.start_month",
        ).bind(person_id).fetch_all(pool).await?))
    }

    /// Per insurance: months paid and in arrears (a resident's yearly payment counts 12),
    /// the last paid month and the base of the latest month on record.
    pub async fn contribution_totals(
        &self,
        person_id: i64,
    ) -> Result<Vec<ContributionTotals>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.insurance, \
                    CAST(SUM(CASE WHEN c.paid_on IS NOT NULL THEN c.months_covered ELSE 0 END) AS BIGINT) AS months_paid, \
                    CAST(SUM(CASE WHEN c.paid_on IS NULL THEN c.months_covered ELSE 0 END) AS BIGINT) AS months_in_arrears, \
                    MAX(CASE WHEN c.paid_on IS NOT NULL THEN c.month END) AS last_paid_month, \
                    (SELECT l.base FROM contributions l WHERE l.person_id = c.person_id AND l.insurance = c.insurance \
                     ORDER BY l.month DESC LIMIT 1) AS latest_base \
             FROM contributions c WHERE c.person_id = $1 GROUP BY c.person_id, c.insurance",
        ).bind(person_id).fetch_all(pool).await?))
    }

    /// The latest closing balance of each personal account.
    pub async fn account_balances(
        &self,
        person_id: i64,
    ) -> Result<Vec<AccountBalance>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT a.insurance, a.year, a.closing FROM account_years a \
             WHERE a.person_id = $1 AND a.year = \
               (SELECT MAX(b.year) FROM account_years b WHERE b.person_id = a.person_id AND b.insurance = a.insurance)",
        ).bind(person_id).fetch_all(pool).await?))
    }

    pub async fn office_for(
        &self,
        region_code: &str,
        agency: &str,
    ) -> Result<Option<OfficeRecord>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, region_code, agency, name_zh, name_en, data_as_of FROM offices WHERE region_code = $1 AND agency = $2",
        ).bind(region_code).bind(agency).fetch_optional(pool).await?))
    }

    pub async fn office(&self, office_id: i64) -> Result<Option<OfficeRecord>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, region_code, agency, name_zh, name_en, data_as_of FROM offices WHERE id = $1",
        ).bind(office_id).fetch_optional(pool).await?))
    }
}
