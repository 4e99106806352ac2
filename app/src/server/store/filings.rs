//! Out-of-area medical filings and their uploaded documents. A filing is written once;
//! afterwards it is only cancelled (by the person, or by a change that replaces it), once.
//! Documents belong to the form (request key) that uploaded them. Nothing here checks who asks.

use super::notifications::{NewNotification, insert_notification};
use super::scoped::Author;
use super::{Db, Store, StoreError, on_pool};
use crate::models::filing::MAX_DOCUMENTS;
use crate::models::filing::{Category, Evidence, Stay, Term};
use crate::models::insurance::Scheme;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone)]
pub struct NewFiling<'a> {
    pub reference_no: &'a str,
    pub term: &'static str,
    pub category: &'static str,
    pub insured_region: &'a str,
    pub scheme: &'a str,
    pub treatment_region: &'a str,
    pub evidence: &'static str,
    pub stay: &'static str,
    pub admitted_on: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub request_key: &'a str,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    New(String),
    /// The same form was submitted before: its reference.
    Existing(String),
    /// Another long-term filing is active (the partial unique index refused it).
    LongTermExists,
    /// The filing to replace was cancelled meanwhile.
    ReplacedGone,
    /// Based on documents, but the form holds none (removed meanwhile).
    NoDocuments,
    ReferenceTaken,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FilingRow {
    pub id: i64,
    pub reference_no: String,
    pub term: Term,
    pub category: Category,
    pub insured_region: String,
    pub insured_zh: String,
    pub insured_en: String,
    pub scheme: Scheme,
    pub treatment_region: String,
    pub treatment_zh: String,
    pub treatment_en: String,
    pub evidence: Evidence,
    pub stay: Stay,
    pub admitted_on: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub request_key: String,
    pub created_at: DateTime<Utc>,
    pub assisted_session_id: Option<i64>,
    /// Whether that session was a relative's (None outside one).
    pub by_relative: Option<bool>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub replaced_by: Option<i64>,
}

/// An uploaded document without its bytes.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentRow {
    pub id: i64,
    pub request_key: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

/// A document to download.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentFile {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct NewDocument {
    pub file_name: String,
    pub content_type: &'static str,
    pub sha256: String,
    pub content: Vec<u8>,
}

/// Who uploads, and when.
#[derive(Debug, Clone, Copy)]
pub(super) struct Upload {
    pub by: Author,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceSaved {
    Saved,
    /// The form would hold more than `MAX_DOCUMENTS`: nothing was saved.
    TooMany,
}

/// A city with its province, for choosing a treatment place.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CityRow {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub province_zh: String,
    pub province_en: String,
}

const FILING_SELECT: &str = "SELECT f.id, f.reference_no, f.term, f.category, f.insured_region, \
    i.name_zh AS insured_zh, i.name_en AS insured_en, f.scheme, f.treatment_region, \
    t.name_zh AS treatment_zh, t.name_en AS treatment_en, f.evidence, f.stay, \
    f.admitted_on, f.starts_on, f.ends_on, f.request_key, f.created_at, f.assisted_session_id, f.cancelled_at, f.replaced_by, \
    (SELECT a.relative_grant_id IS NOT NULL FROM assisted_sessions a WHERE a.id = f.assisted_session_id) AS by_relative \
    FROM medical_filings f JOIN regions i ON i.code = f.insured_region JOIN regions t ON t.code = f.treatment_region";

impl Store {
    /// Writes a filing, cancelling `replaces` (a change) in the same transaction, with the
    /// person's notice, and drops the form's draft. Idempotent per (person, request key).
    pub(super) async fn insert_filing(
        &self,
        person_id: i64,
        by: &Author,
        f: &NewFiling<'_>,
        replaces: Option<i64>,
        draft_kind: &str,
        notification: &NewNotification<'_>,
    ) -> Result<Filed, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            if let Some(old) = replaces {
                let n = sqlx::query(
                    "UPDATE medical_filings SET cancelled_at = $3, cancelled_by_user_id = $4, cancelled_in_session_id = $5 \
                     WHERE id = $1 AND person_id = $2 AND cancelled_at IS NULL",
                )
                    .bind(old).bind(person_id).bind(f.created_at).bind(by.user_id).bind(by.assisted_session_id)
                    .execute(&mut *tx).await?.rows_affected();
                if n == 0 {
                    tx.rollback().await?;
                    let earlier: Option<String> = sqlx::query_scalar(
                        "SELECT reference_no FROM medical_filings WHERE person_id = $1 AND request_key = $2",
                    ).bind(person_id).bind(f.request_key).fetch_optional(pool).await?;
                    return Ok(earlier.map_or(Filed::ReplacedGone, Filed::Existing));
                }
            }
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO medical_filings (reference_no, person_id, term, category, insured_region, scheme, treatment_region, \
                 evidence, stay, admitted_on, starts_on, ends_on, request_key, created_at, created_by_user_id, assisted_session_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT DO NOTHING RETURNING id",
            ).bind(f.reference_no).bind(person_id).bind(f.term).bind(f.category).bind(f.insured_region)
                .bind(f.scheme).bind(f.treatment_region).bind(f.evidence).bind(f.stay)
                .bind(f.admitted_on).bind(f.starts_on).bind(f.ends_on).bind(f.request_key).bind(f.created_at)
                .bind(by.user_id).bind(by.assisted_session_id)
                .fetch_optional(&mut *tx).await?;
            let Some(id) = id else {
                tx.rollback().await?;
                let earlier: Option<String> = sqlx::query_scalar(
                    "SELECT reference_no FROM medical_filings WHERE person_id = $1 AND request_key = $2",
                ).bind(person_id).bind(f.request_key).fetch_optional(pool).await?;
                if let Some(r) = earlier {
                    return Ok(Filed::Existing(r));
                }
                let long_term: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM medical_filings WHERE person_id = $1 AND term = 'long_term' AND cancelled_at IS NULL",
                ).bind(person_id).fetch_optional(pool).await?;
                return Ok(if long_term.is_some() && f.term == "long_term" {
                    Filed::LongTermExists
                } else {
                    Filed::ReferenceTaken
                });
            };
            if let Some(old) = replaces {
                sqlx::query("UPDATE medical_filings SET replaced_by = $2 WHERE id = $1")
                    .bind(old).bind(id).execute(&mut *tx).await?;
            }
            // The documents are the form's until now: a filing on documents needs one still
            // there; one on the undertaking keeps none (files uploaded before switching to it
            // are not evidence of anything).
            if f.evidence == "undertaking" {
                sqlx::query("DELETE FROM filing_documents WHERE person_id = $1 AND request_key = $2")
                    .bind(person_id).bind(f.request_key).execute(&mut *tx).await?;
            } else {
                let held: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM filing_documents WHERE person_id = $1 AND request_key = $2",
                ).bind(person_id).bind(f.request_key).fetch_one(&mut *tx).await?;
                if held == 0 {
                    tx.rollback().await?;
                    return Ok(Filed::NoDocuments);
                }
            }
            insert_notification!(&mut *tx, notification)?;
            sqlx::query("DELETE FROM request_drafts WHERE person_id = $1 AND kind = $2")
                .bind(person_id).bind(draft_kind).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(Filed::New(f.reference_no.to_string()))
    }

    /// The reference of the filing a form with this key made, if any.
    pub(super) async fn filing_by_key(
        &self,
        person_id: i64,
        request_key: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT reference_no FROM medical_filings WHERE person_id = $1 AND request_key = $2",
        ).bind(person_id).bind(request_key).fetch_optional(pool).await?))
    }

    /// A person's filings, newest first.
    pub(super) async fn filings_of(&self, person_id: i64) -> Result<Vec<FilingRow>, StoreError> {
        let sql =
            format!("{FILING_SELECT} WHERE f.person_id = $1 ORDER BY f.created_at DESC, f.id DESC");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(person_id).fetch_all(pool).await?))
    }

    /// Cancels the person's own active filing, recording who did; false when there is none such.
    pub(super) async fn cancel_filing(
        &self,
        person_id: i64,
        by: &Author,
        reference_no: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query(
            "UPDATE medical_filings SET cancelled_at = $3, cancelled_by_user_id = $4, cancelled_in_session_id = $5 \
             WHERE reference_no = $1 AND person_id = $2 AND cancelled_at IS NULL",
        )
            .bind(reference_no).bind(person_id).bind(at).bind(by.user_id).bind(by.assisted_session_id)
            .execute(pool).await?.rows_affected())
            == 1)
    }

    /// Every city with its province, in code order.
    pub async fn cities(&self) -> Result<Vec<CityRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.code, c.name_zh, c.name_en, p.name_zh AS province_zh, p.name_en AS province_en \
             FROM regions c JOIN regions p ON p.code = c.parent_code WHERE c.level = 'city' ORDER BY c.code",
        ).fetch_all(pool).await?))
    }

    /// Saves the evidence step's answers and adds the uploaded documents to the form, in one
    /// transaction: the draft (created if need be, keeping its request key) and the files
    /// together, or nothing when the form would hold more than `MAX_DOCUMENTS`.
    pub(super) async fn save_filing_evidence(
        &self,
        person_id: i64,
        draft_kind: &str,
        data: &str,
        new_key: &str,
        documents: &[NewDocument],
        upload: Upload,
    ) -> Result<EvidenceSaved, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let key: String = sqlx::query_scalar(
                "INSERT INTO request_drafts (person_id, kind, data, request_key, updated_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (person_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at \
                 RETURNING request_key",
            ).bind(person_id).bind(draft_kind).bind(data).bind(new_key).bind(upload.at)
                .fetch_one(&mut *tx).await?;
            let mut held: Vec<String> = sqlx::query_scalar(
                "SELECT sha256 FROM filing_documents WHERE person_id = $1 AND request_key = $2",
            ).bind(person_id).bind(&key).fetch_all(&mut *tx).await?;
            // A file already on the form (the same bytes: a form posted twice) is not added again.
            let mut new = Vec::new();
            for d in documents {
                if !held.contains(&d.sha256) {
                    held.push(d.sha256.clone());
                    new.push(d);
                }
            }
            if held.len() > MAX_DOCUMENTS {
                tx.rollback().await?;
                return Ok(EvidenceSaved::TooMany);
            }
            for d in new {
                sqlx::query(
                    "INSERT INTO filing_documents (person_id, request_key, file_name, content_type, size_bytes, sha256, content, \
                     uploaded_at, uploaded_by_user_id, assisted_session_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                ).bind(person_id).bind(&key).bind(&d.file_name).bind(d.content_type)
                    .bind(d.content.len() as i64).bind(&d.sha256).bind(&d.content).bind(upload.at)
                    .bind(upload.by.user_id).bind(upload.by.assisted_session_id)
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(EvidenceSaved::Saved)
    }

    /// A person's documents, by upload (the form's and the filings' alike: each carries its
    /// form's request key).
    pub(super) async fn filing_documents_of(
        &self,
        person_id: i64,
    ) -> Result<Vec<DocumentRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, request_key, file_name, content_type, size_bytes FROM filing_documents \
             WHERE person_id = $1 ORDER BY id",
        ).bind(person_id).fetch_all(pool).await?))
    }

    /// Removes a document from a form not yet filed; false when there is none such (a filed
    /// filing's documents stay: no draft carries their key any more).
    pub(super) async fn remove_draft_document(
        &self,
        person_id: i64,
        draft_kind: &str,
        id: i64,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query(
            "DELETE FROM filing_documents WHERE id = $1 AND person_id = $2 AND request_key = \
             (SELECT request_key FROM request_drafts WHERE person_id = $2 AND kind = $3)",
        ).bind(id).bind(person_id).bind(draft_kind).execute(pool).await?.rows_affected())
            == 1)
    }

    /// One of the person's documents, with its bytes.
    pub(super) async fn filing_document(
        &self,
        person_id: i64,
        id: i64,
    ) -> Result<Option<DocumentFile>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT file_name, content_type, content FROM filing_documents WHERE id = $1 AND person_id = $2",
        ).bind(id).bind(person_id).fetch_optional(pool).await?))
    }
}
