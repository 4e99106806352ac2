//! Overviews for employer users, reviewers and administrators. An employer overview counts only
//! that employer's own enrolments; it reveals nothing about any person.

use super::{Db, Store, StoreError, on_pool};
use crate::models::auth::Role;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmployerOverview {
    pub name: String,
    pub credit_code: String,
    pub region_zh: String,
    pub region_en: String,
    pub staff_enrolled: i64,
    pub staff_in_arrears: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OfficeOverview {
    pub office_zh: String,
    pub office_en: String,
    pub region_zh: String,
    pub region_en: String,
    pub agency: crate::models::insurance::Agency,
}

impl Store {
    pub(super) async fn employer_overview(
        &self,
        employer_id: i64,
    ) -> Result<Option<EmployerOverview>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT m.name, m.credit_code, r.name_zh AS region_zh, r.name_en AS region_en, \
               (SELECT COUNT(DISTINCT e.person_id) FROM enrolments e WHERE e.employer_id = m.id AND e.end_month IS NULL) AS staff_enrolled, \
               (SELECT COUNT(DISTINCT c.person_id) FROM contribution_runs c WHERE c.employer_id = m.id AND c.paid_day IS NULL) AS staff_in_arrears \
             FROM employers m JOIN regions r ON r.code = m.region_code WHERE m.id = $1",
        ).bind(employer_id).fetch_optional(pool).await?))
    }

    pub async fn employer_id_by_credit_code(
        &self,
        credit_code: &str,
    ) -> Result<Option<i64>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT id FROM employers WHERE credit_code = $1")
            .bind(credit_code).fetch_optional(pool).await?),
        )
    }

    pub(super) async fn office_overview(
        &self,
        office_id: i64,
    ) -> Result<Option<OfficeOverview>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT o.name_zh AS office_zh, o.name_en AS office_en, r.name_zh AS region_zh, r.name_en AS region_en, o.agency \
             FROM offices o JOIN regions r ON r.code = o.region_code WHERE o.id = $1",
        ).bind(office_id).fetch_optional(pool).await?))
    }

    pub async fn count_persons(&self) -> Result<i64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM persons").fetch_one(pool).await?),
        )
    }

    /// (role code, number of accounts holding it).
    pub async fn count_users_by_role(&self) -> Result<Vec<(Role, i64)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT role, COUNT(*) FROM user_roles GROUP BY role ORDER BY role")
            .fetch_all(pool).await?),
        )
    }
}
