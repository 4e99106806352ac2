//! Transfer requests, their legs and events, drafts, and what a completed transfer carried.
//! Every change of a request happens in one transaction that first moves the request's version
//! on from the one the actor saw: of two people acting at once, one wins, the other is told.
//! Nothing here checks who asks: services pass what their scope allows.

use super::notifications::{NewNotification, insert_notification};
use super::page_rows::{CARRIED, Sql};
use super::scoped::Author;
use super::{Db, Store, StoreError, on_pool};
use crate::models::auth::Role;
use crate::models::insurance::Insurance;
use crate::models::transfer::{LegStatus, RejectReason, RequestStatus, Step, TransferKind};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone)]
pub struct NewLeg {
    pub step: &'static str,
    pub office_id: i64,
    pub limit_days: i32,
    pub status: &'static str,
    pub opened_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
}

/// One recorded change of a request.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub at: DateTime<Utc>,
    pub leg_seq: Option<i32>,
    pub actor_user_id: Option<i64>,
    pub actor_role: Role,
    pub actor_label: &'a str,
    pub action: &'static str,
    pub reason_code: Option<RejectReason>,
    pub note: &'a str,
    pub assisted_session_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewRequest<'a> {
    pub reference_no: &'a str,
    pub kind: &'static str,
    pub from_region: &'a str,
    pub to_region: &'a str,
    pub details: &'a str,
    pub request_key: &'a str,
    pub submitted_at: DateTime<Utc>,
    pub legs: Vec<NewLeg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    New(String),
    /// The same form was submitted before: its reference.
    Existing(String),
    /// The reference number is taken (a random collision): try another.
    ReferenceTaken,
}

const REQUEST_COLUMNS: &str = "q.id, q.reference_no, q.person_id, q.kind, q.from_region, \
    f.name_zh AS from_zh, f.name_en AS from_en, q.to_region, t.name_zh AS to_zh, t.name_en AS to_en, \
    q.status, q.details, q.submitted_at, q.version";
const REQUEST_FROM: &str =
    "requests q JOIN regions f ON f.code = q.from_region JOIN regions t ON t.code = q.to_region";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub reference_no: String,
    pub person_id: i64,
    pub kind: TransferKind,
    pub from_region: String,
    pub from_zh: String,
    pub from_en: String,
    pub to_region: String,
    pub to_zh: String,
    pub to_en: String,
    pub status: RequestStatus,
    pub details: String,
    pub submitted_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LegRow {
    pub id: i64,
    pub request_id: i64,
    pub seq: i32,
    pub step: Step,
    pub office_id: i64,
    pub office_zh: String,
    pub office_en: String,
    pub limit_days: i32,
    pub status: LegStatus,
    pub opened_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub paused_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub at: DateTime<Utc>,
    pub leg_seq: Option<i32>,
    pub actor_role: Role,
    pub actor_label: String,
    pub action: String,
    pub reason_code: Option<RejectReason>,
    pub note: String,
}

/// A leg in a queue, with what the queue shows of its request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueRow {
    pub leg_id: i64,
    pub reference_no: String,
    pub kind: TransferKind,
    pub step: Step,
    pub status: LegStatus,
    pub person_name: String,
    pub from_zh: String,
    pub from_en: String,
    pub to_zh: String,
    pub to_en: String,
    pub due_on: NaiveDate,
    pub office_zh: String,
    pub office_en: String,
}

/// One leg's new state in a transition.
#[derive(Debug, Clone)]
pub struct LegUpdate {
    pub id: i64,
    pub status: &'static str,
    pub opened_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub paused_on: Option<NaiveDate>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// A change of the person's enrolment of the insurance at the old place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolmentChange {
    /// 转出中: the suspended relationship is being moved.
    MarkTransferring,
    /// Ended: transferred out.
    End,
    /// Back to suspended: the transfer stopped before the old place let it go.
    Restore,
}

#[derive(Debug, Clone)]
pub struct Carried {
    pub months: i64,
    pub personal_account: i64,
    pub pooled_funds: i64,
    pub on: NaiveDate,
}

/// Everything one transition writes, applied only if the request is still at `expected_version`.
#[derive(Debug, Clone)]
pub struct TransitionWrite<'a> {
    pub request: &'a RequestRow,
    pub expected_version: i64,
    pub status: &'static str,
    pub closed_at: Option<DateTime<Utc>>,
    pub legs: Vec<LegUpdate>,
    pub event: NewEvent<'a>,
    pub insurance: &'static str,
    pub enrolment: Option<(EnrolmentChange, NaiveDate)>,
    pub carried: Option<Carried>,
    pub notification: Option<NewNotification<'a>>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Deserialize)]
pub struct CarriedRow {
    pub request_id: i64,
    pub insurance: Insurance,
    pub from_zh: String,
    pub from_en: String,
    pub to_region: String,
    pub months: i64,
    pub personal_account: i64,
    pub pooled_funds: i64,
    pub carried_on: NaiveDate,
}

macro_rules! insert_event {
    ($exec:expr, $request_id:expr, $e:expr) => {{
        let e = $e;
        sqlx::query(
            "INSERT INTO request_events (request_id, leg_id, at, actor_user_id, actor_role, actor_label, action, reason_code, note, assisted_session_id) \
             VALUES ($1, (SELECT id FROM request_legs WHERE request_id = $1 AND seq = $2), $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind($request_id).bind(e.leg_seq).bind(e.at).bind(e.actor_user_id).bind(e.actor_role)
        .bind(e.actor_label).bind(e.action).bind(e.reason_code).bind(e.note).bind(e.assisted_session_id)
        .execute($exec)
        .await
    }};
}

const LEG_COLUMNS: &str = "l.id, l.request_id, l.seq, l.step, l.office_id, o.name_zh AS office_zh, \
    o.name_en AS office_en, l.limit_days, l.status, l.opened_on, l.due_on, l.paused_on";

const QUEUE_SELECT: &str = "SELECT l.id AS leg_id, q.reference_no, q.kind, l.step, l.status, p.name AS person_name, \
    f.name_zh AS from_zh, f.name_en AS from_en, t.name_zh AS to_zh, t.name_en AS to_en, l.due_on, \
    o.name_zh AS office_zh, o.name_en AS office_en \
    FROM request_legs l JOIN requests q ON q.id = l.request_id JOIN persons p ON p.id = q.person_id \
    JOIN regions f ON f.code = q.from_region JOIN regions t ON t.code = q.to_region \
    JOIN offices o ON o.id = l.office_id";

impl Store {
    /// Writes a submitted request with its legs, its first event and the citizen's notice, and
    /// drops the draft: all or nothing. Idempotent per (person, request key).
    pub(super) async fn insert_request(
        &self,
        person_id: i64,
        by: &Author,
        r: &NewRequest<'_>,
        event: &NewEvent<'_>,
        notification: &NewNotification<'_>,
    ) -> Result<Submitted, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO requests (reference_no, person_id, kind, from_region, to_region, status, details, request_key, submitted_at, submitted_by_user_id, assisted_session_id) \
                 VALUES ($1, $2, $3, $4, $5, 'in_progress', $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id",
            ).bind(r.reference_no).bind(person_id).bind(r.kind).bind(r.from_region).bind(r.to_region)
                .bind(r.details).bind(r.request_key).bind(r.submitted_at).bind(by.user_id)
                .bind(by.assisted_session_id)
                .fetch_optional(&mut *tx).await?;
            let Some(id) = id else {
                tx.rollback().await?;
                let earlier: Option<String> = sqlx::query_scalar(
                    "SELECT reference_no FROM requests WHERE person_id = $1 AND request_key = $2",
                ).bind(person_id).bind(r.request_key).fetch_optional(pool).await?;
                return Ok(earlier.map_or(Submitted::ReferenceTaken, Submitted::Existing));
            };
            for (seq, leg) in r.legs.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO request_legs (request_id, seq, step, office_id, limit_days, status, opened_on, due_on) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                ).bind(id).bind(seq as i32).bind(leg.step).bind(leg.office_id).bind(leg.limit_days)
                    .bind(leg.status).bind(leg.opened_on).bind(leg.due_on)
                    .execute(&mut *tx).await?;
            }
            insert_event!(&mut *tx, id, event)?;
            insert_notification!(&mut *tx, notification)?;
            sqlx::query("DELETE FROM request_drafts WHERE person_id = $1 AND kind = $2")
                .bind(person_id).bind(r.kind).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(Submitted::New(r.reference_no.to_string()))
    }

    pub(super) async fn request_by_reference(
        &self,
        reference_no: &str,
    ) -> Result<Option<RequestRow>, StoreError> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM {REQUEST_FROM} WHERE q.reference_no = $1");
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(reference_no).fetch_optional(pool).await?),
        )
    }

    /// The reference of the request a form with this key submitted, if any.
    pub(super) async fn request_by_key(
        &self,
        person_id: i64,
        request_key: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar(
            "SELECT reference_no FROM requests WHERE person_id = $1 AND request_key = $2",
        ).bind(person_id).bind(request_key).fetch_optional(pool).await?))
    }

    /// The citizen account of a person, for their notices.
    pub(super) async fn user_of_person(&self, person_id: i64) -> Result<Option<i64>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT id FROM users WHERE person_id = $1")
            .bind(person_id).fetch_optional(pool).await?),
        )
    }

    pub(super) async fn request_by_id(&self, id: i64) -> Result<Option<RequestRow>, StoreError> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM {REQUEST_FROM} WHERE q.id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    /// A person's requests, newest first.
    pub(super) async fn requests_of(&self, person_id: i64) -> Result<Vec<RequestRow>, StoreError> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM {REQUEST_FROM} WHERE q.person_id = $1 ORDER BY q.submitted_at DESC, q.id DESC"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(person_id).fetch_all(pool).await?))
    }

    /// The legs of some requests, in order.
    pub async fn legs_of(&self, request_ids: &[i64]) -> Result<Vec<LegRow>, StoreError> {
        if request_ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = request_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT {LEG_COLUMNS} FROM request_legs l JOIN offices o ON o.id = l.office_id \
             WHERE l.request_id IN ({list}) ORDER BY l.request_id, l.seq"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).persistent(false).fetch_all(pool).await?))
    }

    pub(super) async fn leg(&self, leg_id: i64) -> Result<Option<LegRow>, StoreError> {
        let sql = format!(
            "SELECT {LEG_COLUMNS} FROM request_legs l JOIN offices o ON o.id = l.office_id WHERE l.id = $1"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(leg_id).fetch_optional(pool).await?))
    }

    pub async fn request_events(&self, request_id: i64) -> Result<Vec<EventRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT e.at, l.seq AS leg_seq, e.actor_role, e.actor_label, e.action, e.reason_code, e.note \
             FROM request_events e LEFT JOIN request_legs l ON l.id = e.leg_id \
             WHERE e.request_id = $1 ORDER BY e.at, e.id",
        ).bind(request_id).fetch_all(pool).await?))
    }

    /// The legs with an office now, oldest due first.
    pub(super) async fn office_queue(&self, office_id: i64) -> Result<Vec<QueueRow>, StoreError> {
        let sql = format!(
            "{QUEUE_SELECT} WHERE l.office_id = $1 AND l.status IN ('open', 'awaiting_material') ORDER BY l.due_on, l.id"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(office_id).fetch_all(pool).await?))
    }

    /// Open legs past their due date, across offices, most overdue first.
    pub async fn overdue_legs(&self, today: NaiveDate) -> Result<Vec<QueueRow>, StoreError> {
        let sql = format!(
            "{QUEUE_SELECT} WHERE l.status = 'open' AND l.due_on < $1 ORDER BY l.due_on, l.id"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(today).fetch_all(pool).await?))
    }

    /// Applies a transition if nobody changed the request since `expected_version` was read;
    /// false when somebody did (nothing is written then).
    pub async fn apply_transition(&self, w: &TransitionWrite<'_>) -> Result<bool, StoreError> {
        let r = w.request;
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let won = sqlx::query(
                "UPDATE requests SET version = version + 1, status = $3, closed_at = $4 WHERE id = $1 AND version = $2",
            ).bind(r.id).bind(w.expected_version).bind(w.status).bind(w.closed_at)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !won {
                tx.rollback().await?;
                return Ok(false);
            }
            for leg in &w.legs {
                sqlx::query(
                    "UPDATE request_legs SET status = $2, opened_on = $3, due_on = $4, paused_on = $5, \
                     decided_at = COALESCE($6, decided_at) WHERE id = $1",
                ).bind(leg.id).bind(leg.status).bind(leg.opened_on).bind(leg.due_on).bind(leg.paused_on)
                    .bind(leg.decided_at).execute(&mut *tx).await?;
            }
            insert_event!(&mut *tx, r.id, &w.event)?;
            if let Some((change, on)) = w.enrolment {
                let (set, from) = match change {
                    EnrolmentChange::MarkTransferring => ("status = 'transferring_out'", "('suspended')"),
                    EnrolmentChange::End => (
                        "status = 'terminated', status_reason = 'transferred_out'",
                        "('suspended', 'transferring_out')",
                    ),
                    EnrolmentChange::Restore => ("status = 'suspended'", "('transferring_out')"),
                };
                sqlx::query(&format!(
                    "UPDATE enrolments SET {set}, status_date = $4 WHERE person_id = $1 AND insurance = $2 \
                     AND region_code = $3 AND scheme = 'employee' AND status IN {from}"
                )).bind(r.person_id).bind(w.insurance).bind(&r.from_region).bind(on)
                    .persistent(false).execute(&mut *tx).await?;
            }
            if let Some(c) = &w.carried {
                sqlx::query(
                    "INSERT INTO carried_records (request_id, person_id, insurance, from_region, to_region, months, personal_account, pooled_funds, carried_on) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                ).bind(r.id).bind(r.person_id).bind(w.insurance).bind(&r.from_region).bind(&r.to_region)
                    .bind(c.months as i32).bind(c.personal_account).bind(c.pooled_funds).bind(c.on)
                    .execute(&mut *tx).await?;
            }
            if let Some(n) = &w.notification {
                insert_notification!(&mut *tx, n)?;
            }
            tx.commit().await?;
            true
        }))
    }

    /// What completed transfers carried into a person's relationships.
    pub(super) async fn carried_records(
        &self,
        person_id: i64,
    ) -> Result<Vec<CarriedRow>, StoreError> {
        static SQL: Sql = Sql::new();
        let sql = SQL.get(self.backend(), |_| CARRIED.select());
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_all(pool).await?))
    }

    /// Whether a reviewer role is also a supervisor.
    pub async fn is_supervisor(&self, user_id: i64) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, bool>(
            "SELECT supervisor FROM user_roles WHERE user_id = $1 AND role = 'reviewer'",
        ).bind(user_id).fetch_optional(pool).await?)
        .unwrap_or(false))
    }

    pub async fn set_supervisor(&self, user_id: i64, supervisor: bool) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query(
            "UPDATE user_roles SET supervisor = $2 WHERE user_id = $1 AND role = 'reviewer'",
        ).bind(user_id).bind(supervisor).execute(pool).await?.rows_affected());
        Ok(())
    }
}
