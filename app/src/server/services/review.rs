//! The back office: an office's queue, one leg with its request, the decision on it, and the
//! supervisor's overdue list. A reviewer reaches only legs their own office holds; looking at
//! one is an entry in the citizen's access log.

use super::transfers::{Actor, Case, NOTE_MAX_CHARS, apply, detail_of, leg_view, today};
use crate::error::{AppError, FieldCode, FieldErrors};
use crate::models::assist::AccessKind;
use crate::models::auth::Role;
use crate::models::home::Named;
use crate::models::transfer::{Action, LegReview, LegStatus, QueueItem, RejectReason};
use crate::server::auth::{Principal, ReviewerScope};
use crate::server::state::AppState;
use crate::server::store::{AccessEntry, LegRow, QueueRow};
use chrono::NaiveDate;

fn queue_item(q: QueueRow, day: NaiveDate) -> QueueItem {
    QueueItem {
        leg_id: q.leg_id,
        reference: q.reference_no,
        kind: q.kind,
        step: q.step,
        status: q.status,
        person_name: q.person_name,
        from: Named {
            zh: q.from_zh,
            en: q.from_en,
        },
        to: Named {
            zh: q.to_zh,
            en: q.to_en,
        },
        overdue: q.status == LegStatus::Open && q.due_on < day,
        due_on: q.due_on,
        office: Named {
            zh: q.office_zh,
            en: q.office_en,
        },
    }
}

/// The legs with this office now, oldest due first.
pub async fn queue(state: &AppState, scope: ReviewerScope) -> Result<Vec<QueueItem>, AppError> {
    let day = today(state.clock.now());
    Ok(state
        .store
        .reviewer(&scope)
        .queue()
        .await?
        .into_iter()
        .map(|q| queue_item(q, day))
        .collect())
}

/// Open legs past due across all offices: supervisors only.
pub async fn overdue(state: &AppState, principal: &Principal) -> Result<Vec<QueueItem>, AppError> {
    principal.reviewer()?;
    if !state.store.is_supervisor(principal.user_id).await? {
        return Err(AppError::Forbidden);
    }
    let day = today(state.clock.now());
    Ok(state
        .store
        .overdue_legs(day)
        .await?
        .into_iter()
        .map(|q| queue_item(q, day))
        .collect())
}

/// A leg of this office's, with its request and the applicant's record. Legs of other offices
/// are "not found", so reviewers cannot probe what other offices hold.
async fn own_leg(
    state: &AppState,
    scope: ReviewerScope,
    leg_id: i64,
) -> Result<(LegRow, Case<'_>), AppError> {
    let office = state.store.reviewer(&scope);
    let own = office.own_leg(leg_id).await?.ok_or(AppError::NotFound)?;
    let record = office.applicant(&own);
    let (leg, request) = own.into_parts();
    Ok((leg, Case { record, request }))
}

pub async fn leg(
    state: &AppState,
    principal: &Principal,
    leg_id: i64,
) -> Result<LegReview, AppError> {
    let scope = principal.reviewer()?;
    let (leg, case) = own_leg(state, scope, leg_id).await?;
    let store = &state.store;
    let Case { record, request } = &case;
    let person = record.person().await?.ok_or(AppError::NotFound)?;
    let kind = request.kind;
    let history = record.contribution_history().await?;
    let at_old = history
        .iter()
        .filter(|h| h.insurance == kind.insurance() && h.region_code == request.from_region);
    let months_at_old_place = at_old
        .clone()
        .filter(|h| h.paid_on.is_some())
        .map(|h| i64::from(h.months_covered))
        .sum();
    let arrears_at_old_place = at_old
        .clone()
        .filter(|h| h.paid_on.is_none())
        .map(|h| i64::from(h.months_covered))
        .sum();
    let last_month_at_old_place = at_old.map(|h| h.month).max();
    let office = store
        .office(scope.office_id())
        .await?
        .ok_or(AppError::NotFound)?;
    store
        .log_access(&[AccessEntry {
            person_id: request.person_id,
            at: state.clock.now(),
            actor_user_id: Some(principal.user_id),
            actor_role: AccessKind::Reviewer,
            actor_label: &office.name_zh,
            action: "transfer_review",
            purpose: "process_request",
            assisted_session: None,
        }])
        .await?;
    let day = today(state.clock.now());
    let view = leg_view(&leg, day);
    Ok(LegReview {
        decidable: view.status.is_current(),
        leg: view,
        request: detail_of(state, &case).await?,
        person_name: person.name,
        resident_id: person.resident_id,
        months_at_old_place,
        arrears_at_old_place,
        last_month_at_old_place,
    })
}

/// A reviewer's decision on a leg as the form posts it.
#[derive(Debug, Clone)]
pub struct DecisionInput<'a> {
    pub decision: &'a str,
    pub reason: Option<&'a str>,
    pub note: &'a str,
}

impl DecisionInput<'_> {
    /// The action, with every problem of the form at once: a refusal needs its coded reason,
    /// asking for material needs the note saying what.
    pub fn parse(&self) -> Result<Action, AppError> {
        let mut errors = FieldErrors::default();
        let note = self.note.trim();
        if note.chars().count() > NOTE_MAX_CHARS {
            errors.add("note", FieldCode::TooLong);
        }
        let reason = self.reason.filter(|r| !r.is_empty());
        let action = match self.decision {
            "accept" => Some(Action::Accept),
            "reject" => match reason.map(RejectReason::from_code) {
                Some(Ok(r)) => Some(Action::Reject(r)),
                Some(Err(_)) => {
                    errors.add("reason", FieldCode::ReasonUnknown);
                    None
                }
                None => {
                    errors.add("reason", FieldCode::Required);
                    None
                }
            },
            "ask_material" => {
                if note.is_empty() {
                    errors.add("note", FieldCode::MaterialNoteRequired);
                }
                Some(Action::AskMaterial)
            }
            "" => {
                errors.add("decision", FieldCode::Required);
                None
            }
            _ => {
                errors.add("decision", FieldCode::DecisionUnknown);
                None
            }
        };
        errors.finish()?;
        action.ok_or_else(|| AppError::field("decision", FieldCode::Required))
    }
}

/// Decides a leg this office holds, as of the version the reviewer saw.
pub async fn decide(
    state: &AppState,
    principal: &Principal,
    leg_id: i64,
    version: i64,
    input: &DecisionInput<'_>,
) -> Result<(), AppError> {
    let scope = principal.reviewer()?;
    let action = input.parse()?;
    let (leg, case) = own_leg(state, scope, leg_id).await?;
    let actor = Actor {
        user_id: principal.user_id,
        role: Role::Reviewer,
        label: principal.display_name.clone(),
        assisted_session_id: None,
    };
    apply(
        state,
        &case,
        version,
        leg.seq as usize,
        action,
        &actor,
        input.note.trim(),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(decision: &'a str, reason: Option<&'a str>, note: &'a str) -> DecisionInput<'a> {
        DecisionInput {
            decision,
            reason,
            note,
        }
    }

    fn fields(e: AppError) -> Vec<(String, String)> {
        match e {
            AppError::Validation(v) => v
                .into_iter()
                .map(|f| (f.field, f.code.code().into()))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decisions_parse() {
        assert_eq!(input("accept", None, "").parse(), Ok(Action::Accept));
        assert_eq!(
            input("reject", Some("not_suspended"), "").parse(),
            Ok(Action::Reject(RejectReason::NotSuspended))
        );
        // Arrears do not stop a transfer, so they are no reason to refuse one.
        assert_eq!(
            fields(input("reject", Some("arrears"), "").parse().unwrap_err()),
            vec![("reason".into(), "reason_unknown".into())]
        );
        assert_eq!(
            input("ask_material", None, "请补充解除劳动合同证明").parse(),
            Ok(Action::AskMaterial)
        );
    }

    #[test]
    fn every_problem_reported() {
        let long = "长".repeat(NOTE_MAX_CHARS + 1);
        assert_eq!(
            fields(input("reject", None, &long).parse().unwrap_err()),
            vec![
                ("note".into(), "too_long".into()),
                ("reason".into(), "required".into())
            ]
        );
        assert_eq!(
            fields(input("reject", Some("bribe"), "").parse().unwrap_err()),
            vec![("reason".into(), "reason_unknown".into())]
        );
        assert_eq!(
            fields(input("ask_material", None, "  ").parse().unwrap_err()),
            vec![("note".into(), "material_note_required".into())]
        );
        assert_eq!(
            fields(input("", None, "").parse().unwrap_err()),
            vec![("decision".into(), "required".into())]
        );
        assert_eq!(
            fields(input("approve_all", None, "").parse().unwrap_err()),
            vec![("decision".into(), "decision_unknown".into())]
        );
    }
}
