//! The helpdesk's lookups: a person by exact resident ID, exact phone, or name and birth date;
//! an employer by its credit code with its users. Exact keys only: the console is not a browser
//! of the population.

use super::{Db, Store, StoreError, on_pool};
use chrono::NaiveDate;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonMatch {
    pub person_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub resident_id: String,
    pub sex: String,
    pub birth_date: NaiveDate,
    pub hukou_region_zh: String,
    pub hukou_region_en: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmployerUser {
    pub employer_id: i64,
    pub employer_name: String,
    pub credit_code: String,
    pub user_id: Option<i64>,
    pub display_name: Option<String>,
    pub disabled: Option<bool>,
}

/// Matches at most this many persons (a name and birth date can be shared).
const MAX_MATCHES: i64 = 20;

const PERSON: &str = "SELECT p.id AS person_id, u.id AS user_id, p.name, p.resident_id, p.sex, p.birth_date, \
    r.name_zh AS hukou_region_zh, r.name_en AS hukou_region_en, p.phone \
    FROM persons p JOIN regions r ON r.code = p.hukou_region LEFT JOIN users u ON u.person_id = p.id";

pub enum PersonKey<'a> {
    ResidentId(&'a str),
    Phone(&'a str),
    NameAndBirth(&'a str, NaiveDate),
}

impl Store {
    pub async fn find_persons(&self, key: &PersonKey<'_>) -> Result<Vec<PersonMatch>, StoreError> {
        Ok(match key {
            PersonKey::ResidentId(id) => {
                let sql = format!("{PERSON} WHERE p.resident_id = $1");
                on_pool!(self, pool => sqlx::query_as(&sql).bind(*id).fetch_all(pool).await?)
            }
            PersonKey::Phone(phone) => {
                let sql = format!("{PERSON} WHERE p.phone = $1");
                on_pool!(self, pool => sqlx::query_as(&sql).bind(*phone).fetch_all(pool).await?)
            }
            PersonKey::NameAndBirth(name, birth) => {
                let sql = format!(
                    "{PERSON} WHERE p.name = $1 AND p.birth_date = $2 ORDER BY p.id LIMIT $3"
                );
                on_pool!(self, pool => sqlx::query_as(&sql).bind(*name).bind(*birth).bind(MAX_MATCHES).fetch_all(pool).await?)
            }
        })
    }

    /// The employer with this credit code and each of its users (none: one row with no user).
    pub async fn employer_users(&self, credit_code: &str) -> Result<Vec<EmployerUser>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT e.id AS employer_id, e.name AS employer_name, e.credit_code, u.id AS user_id, \
                    u.display_name, u.disabled \
             FROM employers e \
             LEFT JOIN user_roles r ON r.employer_id = e.id AND r.role = 'employer' \
             LEFT JOIN users u ON u.id = r.user_id \
             WHERE e.credit_code = $1 ORDER BY u.id",
        ).bind(credit_code).fetch_all(pool).await?))
    }
}
