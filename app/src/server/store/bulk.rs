//! Bulk loading for the demo seed: multi-row inserts with explicit ids, one transaction per
//! batch. Only `jinbao seed` calls the inserts; the portal itself never writes records in bulk.
//! The wage table read here also serves the staff checks (`services::wages`).

use super::{Backend, Db, MAX_BINDS, Store, StoreError, contribution_runs, on_pool};
use crate::models::auth::Role;
use crate::models::benefits::{AmountFrom, Payee, Payment};
use crate::models::insurance::{EnrolmentStatus, Insurance, Scheme, StatusReason};
use crate::models::qualification::{CheckMethod, CheckStatus};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::QueryBuilder;

pub struct NewPerson {
    pub id: i64,
    pub resident_id: String,
    pub name: String,
    pub sex: char,
    pub birth_date: NaiveDate,
    pub hukou_region: String,
    pub phone: Option<String>,
    pub female_category: Option<&'static str>,
}

pub struct NewEmployer {
    pub id: i64,
    pub credit_code: String,
    pub name: String,
    pub region_code: String,
    pub risk_class: i32,
}

pub struct NewEnrolment {
    pub person_id: i64,
    pub insurance: Insurance,
    pub scheme: Scheme,
    pub region_code: String,
    pub employer_id: Option<i64>,
    pub start_month: i32,
    pub end_month: Option<i32>,
    pub status: EnrolmentStatus,
    pub status_reason: StatusReason,
    pub status_date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NewContribution {
    pub person_id: i64,
    pub insurance: Insurance,
    pub month: i32,
    pub months_covered: i32,
    pub employer_id: Option<i64>,
    pub region_code: String,
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    pub paid_on: Option<NaiveDate>,
}

pub struct NewAccountYear {
    pub person_id: i64,
    pub insurance: Insurance,
    pub year: i32,
    pub opening: i64,
    pub credited: i64,
    pub interest: i64,
    pub withdrawn: i64,
    pub closing: i64,
}

/// A pension in payment: the award, its amounts over time and every month's payment.
pub struct NewPension {
    pub person_id: i64,
    pub scheme: Scheme,
    pub region_code: String,
    pub first_month: i32,
    pub awarded_on: NaiveDate,
    pub amounts: Vec<AmountFrom>,
    pub payments: Vec<Payment>,
    pub payee: Payee,
}

pub struct NewMedicalCredit {
    pub person_id: i64,
    pub region_code: String,
    pub since_month: i32,
    pub monthly: i64,
}

/// A pensioner's last qualification check, confirmed by the office.
pub struct SeededCheck {
    pub person_id: i64,
    pub office_id: i64,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegionWage {
    pub region_code: String,
    pub parent_code: Option<String>,
    pub year: i32,
    pub monthly_fen: i64,
}

/// The seed inserts parents before their children, so on PostgreSQL its transactions skip the
/// per-row foreign-key triggers (several times faster) where the role may: only a superuser
/// can set `session_replication_role`, and then only for the transaction (`set_config`'s
/// `true`). SQLite's checks are cheap and stay.
trait SkipForeignKeyChecks {
    async fn skip_foreign_key_checks(&mut self) -> Result<(), sqlx::Error>;
}

impl SkipForeignKeyChecks for sqlx::SqliteConnection {
    async fn skip_foreign_key_checks(&mut self) -> Result<(), sqlx::Error> {
        Ok(())
    }
}

impl SkipForeignKeyChecks for sqlx::PgConnection {
    async fn skip_foreign_key_checks(&mut self) -> Result<(), sqlx::Error> {
        sqlx::query(
            "SELECT set_config('session_replication_role', 'replica', true) \
             WHERE current_setting('is_superuser') = 'on'",
        )
        .execute(self)
        .await
        .map(drop)
    }
}

/// Inserts `rows` in chunks within one transaction; `push` binds one row's columns.
macro_rules! insert_rows {
    ($store:expr, $head:expr, $columns:expr, $rows:expr, |$b:ident, $r:ident| $push:block) => {{
        let chunk = MAX_BINDS / $columns;
        on_pool!($store, pool => {
            let mut tx = pool.begin().await?;
            tx.skip_foreign_key_checks().await?;
            for part in $rows.chunks(chunk) {
                let mut qb = QueryBuilder::new($head);
                qb.push_values(part, |mut $b, $r| $push);
                // Not cached: a batch's last chunk has a length of its own, and SQLite keeps
                // every cached statement of tens of thousands of binds compiled in memory.
                qb.build().persistent(false).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
    }};
}

impl Store {
    pub async fn insert_persons(&self, rows: &[NewPerson]) -> Result<(), StoreError> {
        let now: DateTime<Utc> = Utc::now();
        insert_rows!(
            self,
            "INSERT INTO persons (id, resident_id, name, sex, birth_date, hukou_region, phone, female_category, created_at) ",
            9,
            rows,
            |b, r| {
                b.push_bind(r.id)
                    .push_bind(&r.resident_id)
                    .push_bind(&r.name)
                    .push_bind(r.sex.to_string())
                    .push_bind(r.birth_date)
                    .push_bind(&r.hukou_region)
                    .push_bind(&r.phone)
                    .push_bind(r.female_category)
                    .push_bind(now);
            }
        );
        Ok(())
    }

    pub async fn insert_employers(&self, rows: &[NewEmployer]) -> Result<(), StoreError> {
        let now: DateTime<Utc> = Utc::now();
        insert_rows!(
            self,
            "INSERT INTO employers (id, credit_code, name, region_code, risk_class, created_at) ",
            6,
            rows,
            |b, r| {
                b.push_bind(r.id)
                    .push_bind(&r.credit_code)
                    .push_bind(&r.name)
                    .push_bind(&r.region_code)
                    .push_bind(r.risk_class)
                    .push_bind(now);
            }
        );
        Ok(())
    }

    pub async fn insert_enrolments(&self, rows: &[NewEnrolment]) -> Result<(), StoreError> {
        insert_rows!(
            self,
            "INSERT INTO enrolments (person_id, insurance, scheme, region_code, employer_id, start_month, end_month, status, status_reason, status_date) ",
            10,
            rows,
            |b, r| {
                b.push_bind(r.person_id)
                    .push_bind(r.insurance)
                    .push_bind(r.scheme)
                    .push_bind(&r.region_code)
                    .push_bind(r.employer_id)
                    .push_bind(r.start_month)
                    .push_bind(r.end_month)
                    .push_bind(r.status)
                    .push_bind(r.status_reason)
                    .push_bind(r.status_date);
            }
        );
        Ok(())
    }

    /// Contributions are most of the seed's rows. They are stored folded into runs
    /// (`contribution_runs`); PostgreSQL takes them through `COPY`, several times faster than
    /// multi-row inserts.
    pub async fn insert_contributions(&self, rows: &[NewContribution]) -> Result<(), StoreError> {
        let runs = contribution_runs::fold(rows);
        if let Db::Postgres(pool) = &self.db {
            use std::fmt::Write;
            let mut text = String::with_capacity(runs.len() * 64);
            let opt = |v: Option<String>| v.unwrap_or_else(|| "\\N".into());
            for r in &runs {
                // Every field is a number or a code: nothing needs escaping.
                let _ = writeln!(
                    text,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.person_id,
                    opt(r.employer_id.map(|e| e.to_string())),
                    r.base,
                    r.employer_part,
                    r.personal_part,
                    r.first_month,
                    r.insurance,
                    r.months_covered,
                    r.rows_in_run,
                    opt(r.paid.map(|(lag, _)| lag.to_string())),
                    opt(r.paid.map(|(_, day)| day.to_string())),
                    r.region_code,
                );
            }
            let mut tx = pool.begin().await?;
            tx.skip_foreign_key_checks().await?;
            let mut copy = tx
                .copy_in_raw(&format!(
                    "COPY contribution_runs ({}) FROM STDIN",
                    contribution_runs::COLUMNS
                ))
                .await?;
            copy.send(text.into_bytes()).await?;
            copy.finish().await?;
            tx.commit().await?;
            return Ok(());
        }
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            contribution_runs::insert_runs!(tx, runs);
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn insert_account_years(&self, rows: &[NewAccountYear]) -> Result<(), StoreError> {
        insert_rows!(
            self,
            "INSERT INTO account_years (person_id, insurance, year, opening, credited, interest, withdrawn, closing) ",
            8,
            rows,
            |b, r| {
                b.push_bind(r.person_id)
                    .push_bind(r.insurance)
                    .push_bind(r.year)
                    .push_bind(r.opening)
                    .push_bind(r.credited)
                    .push_bind(r.interest)
                    .push_bind(r.withdrawn)
                    .push_bind(r.closing);
            }
        );
        Ok(())
    }

    /// Pensions in payment: awards, amounts and payments, in one transaction each.
    pub async fn insert_pensions(&self, rows: &[NewPension]) -> Result<(), StoreError> {
        insert_rows!(
            self,
            "INSERT INTO pension_awards (person_id, scheme, region_code, first_month, awarded_on) ",
            5,
            rows,
            |b, r| {
                b.push_bind(r.person_id)
                    .push_bind(r.scheme)
                    .push_bind(&r.region_code)
                    .push_bind(r.first_month)
                    .push_bind(r.awarded_on);
            }
        );
        let amounts: Vec<(i64, &AmountFrom)> = rows
            .iter()
            .flat_map(|r| r.amounts.iter().map(move |a| (r.person_id, a)))
            .collect();
        insert_rows!(
            self,
            "INSERT INTO pension_amounts (person_id, from_month, basic, account, transitional, adjustments, cause, decided_on) ",
            8,
            amounts,
            |b, r| {
                let (person_id, a) = r;
                b.push_bind(*person_id)
                    .push_bind(a.from_month)
                    .push_bind(a.parts.basic)
                    .push_bind(a.parts.account)
                    .push_bind(a.parts.transitional)
                    .push_bind(a.parts.adjustments)
                    .push_bind(a.cause)
                    .push_bind(a.decided_on);
            }
        );
        let payments: Vec<(&NewPension, &Payment)> = rows
            .iter()
            .flat_map(|r| r.payments.iter().map(move |p| (r, p)))
            .collect();
        insert_rows!(
            self,
            "INSERT INTO pension_payments (person_id, month, paid_on, amount, back_pay, bank, account_last4) ",
            7,
            payments,
            |b, r| {
                let (pension, p) = r;
                b.push_bind(pension.person_id)
                    .push_bind(p.month)
                    .push_bind(p.paid_on)
                    .push_bind(p.amount)
                    .push_bind(p.back_pay)
                    .push_bind(pension.payee.bank)
                    .push_bind(&pension.payee.last4);
            }
        );
        Ok(())
    }

    pub async fn insert_medical_credits(
        &self,
        rows: &[NewMedicalCredit],
    ) -> Result<(), StoreError> {
        insert_rows!(
            self,
            "INSERT INTO retiree_medical_credits (person_id, region_code, since_month, monthly) ",
            4,
            rows,
            |b, r| {
                b.push_bind(r.person_id)
                    .push_bind(&r.region_code)
                    .push_bind(r.since_month)
                    .push_bind(r.monthly);
            }
        );
        Ok(())
    }

    pub async fn insert_seeded_checks(&self, rows: &[SeededCheck]) -> Result<(), StoreError> {
        insert_rows!(
            self,
            "INSERT INTO qualification_checks (person_id, office_id, method, status, submitted_at, request_key, decided_at) ",
            7,
            rows,
            |b, r| {
                b.push_bind(r.person_id)
                    .push_bind(r.office_id)
                    .push_bind(CheckMethod::OfficeReview)
                    .push_bind(CheckStatus::Confirmed)
                    .push_bind(r.at)
                    .push_bind(format!("seed-{}", r.person_id))
                    .push_bind(r.at);
            }
        );
        Ok(())
    }

    /// A citizen account for each person, all with the same password hash: the users in one
    /// statement, then their citizen role in another.
    pub async fn insert_citizen_accounts(
        &self,
        persons: &[NewPerson],
        password_hash: &str,
    ) -> Result<(), StoreError> {
        let now: DateTime<Utc> = Utc::now();
        insert_rows!(
            self,
            "INSERT INTO users (person_id, display_name, password_hash, password_expired, disabled, created_at) ",
            6,
            persons,
            |b, p| {
                b.push_bind(p.id)
                    .push_bind(&p.name)
                    .push_bind(password_hash)
                    .push_bind(false)
                    .push_bind(false)
                    .push_bind(now);
            }
        );
        let (Some(first), Some(last)) = (persons.first(), persons.last()) else {
            return Ok(());
        };
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO user_roles (user_id, role) SELECT id, $1 FROM users WHERE person_id BETWEEN $2 AND $3",
        )
        .bind(Role::Citizen.code()).bind(first.id).bind(last.id)
        .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Average wages of every region with a series, with each region's parent (cities without
    /// their own series use their province's).
    pub async fn region_wages(&self) -> Result<Vec<RegionWage>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT w.region_code, r.parent_code, w.year, w.monthly_fen FROM average_wages w JOIN regions r ON r.code = w.region_code",
        ).fetch_all(pool).await?))
    }

    /// City-level region codes and their names, for generating careers.
    pub async fn city_regions(&self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT code, name_zh FROM regions WHERE level = 'city' ORDER BY code")
            .fetch_all(pool).await?),
        )
    }

    pub async fn set_offices_data_as_of(&self, date: NaiveDate) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("UPDATE offices SET data_as_of = $1").bind(date).execute(pool).await?.rows_affected());
        self.offices.forget();
        Ok(())
    }

    /// Deletes every person, employer and account (not reference data), for `seed --reset`.
    pub async fn delete_seeded_data(&self) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for table in ["qualification_checks", "pension_payments", "pension_amounts", "pension_awards", "retiree_medical_credits",
                          "employer_staff_insurances", "employer_staff", "access_log", "login_attempts", "sessions", "user_roles", "users", "account_years",
                          "contribution_runs", "enrolments", "employers", "persons"] {
                sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// After inserting explicit ids, moves PostgreSQL identity sequences past them.
    pub async fn reset_id_sequences(&self) -> Result<(), StoreError> {
        if let (Backend::Postgres, Db::Postgres(pool)) = (self.backend(), &self.db) {
            for table in ["persons", "employers", "enrolments", "users"] {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                ))
                .execute(pool)
                .await?;
            }
        }
        Ok(())
    }
}
