//! Issued certificates and the contribution history they are made from. A certificate row is
//! written once; afterwards only `revoked_at` changes, once. Nothing here checks who asks:
//! callers pass the person their scope allows.

use super::scoped::Author;
use super::{Db, Store, StoreError, on_pool};
use crate::models::insurance::Insurance;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone)]
pub struct NewCertificate<'a> {
    pub document_no: &'a str,
    pub kind: &'static str,
    pub purpose: &'static str,
    pub request_key: &'a str,
    pub content: &'a str,
    pub issued_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CertificateRow {
    pub document_no: String,
    pub person_id: i64,
    pub content: String,
    pub issued_at: DateTime<Utc>,
    pub assisted_session_id: Option<i64>,
    /// Whether that session was a relative's (None outside one).
    pub by_relative: Option<bool>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// One month (or, for residents, one year) of one insurance, with its place and employer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub insurance: Insurance,
    pub month: i32,
    pub months_covered: i32,
    pub region_code: String,
    pub region_zh: String,
    pub region_en: String,
    pub employer_name: Option<String>,
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    pub paid_on: Option<NaiveDate>,
}

/// What an insert found: the row written now, or the one an earlier submission of the same
/// form wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    New(String),
    Existing(String),
    /// The document number is taken (a random collision): try another.
    NumberTaken,
}

const COLUMNS: &str = "document_no, person_id, content, issued_at, assisted_session_id, revoked_at, \
    (SELECT a.relative_grant_id IS NOT NULL FROM assisted_sessions a WHERE a.id = certificates.assisted_session_id) AS by_relative";

impl Store {
    /// Idempotent per (person, request key): a second submission of the same form returns the
    /// first certificate's number instead of issuing another.
    pub(super) async fn insert_certificate(
        &self,
        person_id: i64,
        by: &Author,
        c: &NewCertificate<'_>,
    ) -> Result<Inserted, StoreError> {
        let written: Option<String> = on_pool!(self, pool => sqlx::query_scalar(
            "INSERT INTO certificates (document_no, person_id, kind, purpose, request_key, content, issued_at, issued_by_user_id, assisted_session_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING document_no",
        ).bind(c.document_no).bind(person_id).bind(c.kind).bind(c.purpose).bind(c.request_key)
            .bind(c.content).bind(c.issued_at).bind(by.user_id).bind(by.assisted_session_id)
            .fetch_optional(pool).await?);
        if let Some(no) = written {
            return Ok(Inserted::New(no));
        }
        let earlier: Option<String> = on_pool!(self, pool => sqlx::query_scalar(
            "SELECT document_no FROM certificates WHERE person_id = $1 AND request_key = $2",
        ).bind(person_id).bind(c.request_key).fetch_optional(pool).await?);
        Ok(earlier.map_or(Inserted::NumberTaken, Inserted::Existing))
    }

    /// A certificate by its number, whoever it belongs to: for verification, which also checks
    /// its code. A citizen reads their own through `store.citizen(&scope).certificate(..)`.
    pub async fn certificate(
        &self,
        document_no: &str,
    ) -> Result<Option<CertificateRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM certificates WHERE document_no = $1");
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(document_no).fetch_optional(pool).await?),
        )
    }

    /// A person's certificates, newest first.
    pub(super) async fn certificates_of(
        &self,
        person_id: i64,
        limit: i64,
    ) -> Result<Vec<CertificateRow>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM certificates WHERE person_id = $1 ORDER BY issued_at DESC, id DESC LIMIT $2"
        );
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(person_id).bind(limit).fetch_all(pool).await?),
        )
    }

    /// Revokes the person's own, still valid certificate, recording who did; false when there
    /// is none such.
    pub(super) async fn revoke_certificate(
        &self,
        person_id: i64,
        by: &Author,
        document_no: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query(
            "UPDATE certificates SET revoked_at = $3, revoked_by_user_id = $4, revoked_in_session_id = $5 \
             WHERE document_no = $1 AND person_id = $2 AND revoked_at IS NULL",
        ).bind(document_no).bind(person_id).bind(at).bind(by.user_id).bind(by.assisted_session_id)
            .execute(pool).await?.rows_affected())
            == 1)
    }

    /// How often strangers verified a document (from the owner's access log).
    pub(super) async fn verification_count(
        &self,
        person_id: i64,
        document_no: &str,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM access_log WHERE person_id = $1 AND actor_role = 'public' AND actor_label = $2",
        ).bind(person_id).bind(document_no).fetch_one(pool).await?))
    }

    /// Every contribution of a person, by insurance and month.
    pub(super) async fn contribution_history(
        &self,
        person_id: i64,
    ) -> Result<Vec<HistoryRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.insurance, c.month, c.months_covered, c.region_code, r.name_zh AS region_zh, r.name_en AS region_en, \
                    m.name AS employer_name, c.base, c.employer_part, c.personal_part, c.paid_on \
             FROM contributions c JOIN regions r ON r.code = c.region_code LEFT JOIN employers m ON m.id = c.employer_id \
             WHERE c.person_id = $1 ORDER BY c.insurance, c.month",
        ).bind(person_id).fetch_all(pool).await?))
    }
}
