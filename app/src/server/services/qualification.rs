//! The yearly qualification check (养老金领取资格认证): where a pensioner stands, confirming
//! (at once with the person's own second factor, else sent to the paying office), and the
//! office's review of what was sent to it.

use super::certificates::random_code;
use super::transfers::today;
use crate::error::{AppError, FieldCode, FieldErrors};
use crate::models::assist::AccessKind;
use crate::models::assist::Helper;
use crate::models::ids::{ResidentId, is_request_key};
use crate::models::insurance::Agency;
use crate::models::qualification::{
    CheckDecision, CheckLine, CheckMethod, CheckStatus, QualificationBrief, QualificationView,
    ReviewCheck, due_date, standing,
};
use crate::models::time::china_offset;
use crate::server::auth::{Act, Principal, ReviewerScope};
use crate::server::state::AppState;
use crate::server::store::{AccessEntry, AwardRow, CheckDecided, CheckRow, NewCheck, RecordView};
use chrono::{NaiveDate, Utc};

/// The longest reason an office may give for a refusal.
const MAX_NOTE_CHARS: usize = 500;

fn brief_of(award: &AwardRow, checks: &[CheckRow], today: NaiveDate) -> QualificationBrief {
    let last = checks
        .iter()
        .filter(|c| c.status == CheckStatus::Confirmed)
        .filter_map(|c| c.decided_at)
        .max()
        .map(|at| at.with_timezone(&china_offset()).date_naive());
    let first_paid =
        NaiveDate::from_ymd_opt(award.first_month / 100, (award.first_month % 100) as u32, 1)
            .unwrap_or(today);
    let due = due_date(last, first_paid);
    QualificationBrief {
        due,
        standing: standing(due, today),
        pending: checks.iter().any(|c| c.status == CheckStatus::Pending),
    }
}

/// For the home and pension pages: None for a person without a pension in payment.
pub async fn brief(
    mine: &RecordView<'_>,
    today: NaiveDate,
) -> Result<Option<QualificationBrief>, AppError> {
    let Some(award) = mine.pension_award().await? else {
        return Ok(None);
    };
    let checks = mine.qualification_checks().await?;
    Ok(Some(brief_of(&award, &checks, today)))
}

pub async fn view(state: &AppState, p: &Principal) -> Result<QualificationView, AppError> {
    let scope = p.citizen()?;
    let mine = state.store.citizen(&scope);
    let award = mine.pension_award().await?.ok_or(AppError::NotFound)?;
    let checks = mine.qualification_checks().await?;
    let b = brief_of(&award, &checks, today(state.clock.now()));
    let helper = p.assist.as_ref().map(|a| a.helper());
    let second_factor =
        helper.is_none() && state.store.totp_state(p.user_id).await?.secret.is_some();
    Ok(QualificationView {
        due: b.due,
        standing: b.standing,
        pending: b.pending,
        second_factor,
        helper,
        history: checks
            .into_iter()
            .map(|c| CheckLine {
                submitted_at: c.submitted_at,
                method: c.method,
                status: c.status,
                decided_at: c.decided_at,
                note: c.note,
                helper: Helper::of(c.by_relative),
            })
            .collect(),
        request_key: random_code(24),
    })
}

/// The confirmation form as posted.
pub struct ConfirmInput<'a> {
    pub method: &'a str,
    pub code: &'a str,
    pub confirm: bool,
    pub request_key: &'a str,
}

/// Confirms (second factor) or sends the confirmation to the paying office. The same form
/// posted twice is kept once; a second while one is pending is refused.
pub async fn confirm(
    state: &AppState,
    p: &Principal,
    input: &ConfirmInput<'_>,
    address: &str,
) -> Result<(), AppError> {
    let scope = p.citizen()?;
    let mut errors = FieldErrors::default();
    let method = CheckMethod::from_code(input.method).ok();
    if method.is_none() {
        errors.add("confirm_by", FieldCode::Required);
    }
    if !input.confirm {
        errors.add("confirm", FieldCode::Confirm);
    }
    if !is_request_key(input.request_key) {
        errors.add("request_key", FieldCode::Invalid);
    }
    if method == Some(CheckMethod::SecondFactor) && input.code.trim().is_empty() {
        errors.add("code", FieldCode::Required);
    }
    errors.finish()?;
    let method = method.ok_or(AppError::Validation(Vec::new()))?;
    // Only the person's own second factor confirms at once; a helpdesk agent may send it to
    // the office, in write mode, as for any request.
    p.may(match method {
        CheckMethod::SecondFactor => Act::ConfirmQualification,
        CheckMethod::OfficeReview => Act::SubmitRequest,
    })?;
    let mine = state.store.citizen(&scope);
    let award = mine.pension_award().await?.ok_or(AppError::NotFound)?;
    let checks = mine.qualification_checks().await?;
    if checks.iter().any(|c| c.request_key == input.request_key) {
        return Ok(());
    }
    if checks.iter().any(|c| c.status == CheckStatus::Pending) {
        return Err(AppError::field("confirm_by", FieldCode::CheckPending));
    }
    let office = state
        .store
        .office_for(&award.region_code, Agency::HumanResources)
        .await?
        .ok_or_else(|| AppError::internal(format!("no office for {}", award.region_code)))?;
    if method == CheckMethod::SecondFactor {
        super::account::check_current_code(state, p, input.code.trim(), address).await?;
    }
    let written = mine
        .insert_check(&NewCheck {
            office_id: office.id,
            method,
            confirmed: method == CheckMethod::SecondFactor,
            request_key: input.request_key,
            at: state.clock.now(),
        })
        .await?;
    // Nothing written: the same form raced itself (kept once) or another check went pending.
    if written
        || mine
            .qualification_checks()
            .await?
            .iter()
            .any(|c| c.request_key == input.request_key)
    {
        Ok(())
    } else {
        Err(AppError::field("confirm_by", FieldCode::CheckPending))
    }
}

/// The checks sent to the reviewer's office, oldest first.
pub async fn queue(state: &AppState, scope: ReviewerScope) -> Result<Vec<ReviewCheck>, AppError> {
    Ok(state
        .store
        .reviewer(&scope)
        .pending_checks()
        .await?
        .into_iter()
        .map(|r| ReviewCheck {
            id: r.id,
            masked_id: ResidentId::parse(&r.resident_id)
                .map(|id| id.masked())
                .unwrap_or_default(),
            name: r.name,
            submitted_at: r.submitted_at,
            helper: Helper::of(r.by_relative),
        })
        .collect())
}

/// Confirms or refuses (with a reason) a check sent to the reviewer's office; the person is told
/// and the decision is in their access log.
pub async fn decide(
    state: &AppState,
    p: &Principal,
    check_id: i64,
    decision: &str,
    note: &str,
) -> Result<(), AppError> {
    let scope = p.reviewer()?;
    let note = note.trim();
    let mut errors = FieldErrors::default();
    let decision = CheckDecision::from_code(decision).ok();
    if decision.is_none() {
        errors.add("decision", FieldCode::DecisionUnknown);
    }
    if decision == Some(CheckDecision::Refuse) && note.is_empty() {
        errors.add("note", FieldCode::Required);
    }
    if note.chars().count() > MAX_NOTE_CHARS {
        errors.add("note", FieldCode::TooLong);
    }
    errors.finish()?;
    let status = match decision {
        Some(CheckDecision::Confirm) => CheckStatus::Confirmed,
        _ => CheckStatus::Refused,
    };
    let now: chrono::DateTime<Utc> = state.clock.now();
    let office = state.store.reviewer(&scope);
    let person_id = office
        .decide_check(&CheckDecided {
            check_id,
            status,
            note: (!note.is_empty()).then_some(note),
            by_user_id: p.user_id,
            at: now,
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let office_name = office
        .overview()
        .await?
        .map(|o| o.office_zh)
        .unwrap_or_default();
    state
        .store
        .log_access(&[AccessEntry {
            person_id,
            at: now,
            actor_user_id: Some(p.user_id),
            actor_role: AccessKind::Reviewer,
            actor_label: &office_name,
            action: "qualification_review",
            purpose: "process_request",
            assisted_session: None,
        }])
        .await?;
    Ok(())
}
