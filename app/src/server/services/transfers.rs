//! The citizen's transfers: the draft written step by step, the pre-check, submission (once per
//! form, however often it is posted), tracking, withdrawal and answering a request for material.
//! `apply` is the one way any request changes, for citizens and offices alike.

use super::certificates::random_code;
use super::transfer_rules::{Facts, MonthPaid, Relationship};
use crate::error::{AppError, FieldCode, FieldErrors};
use crate::models::assist::NotificationKind;
use crate::models::auth::Role;
use crate::models::home::Named;
use crate::models::ids::is_mobile_number;
use crate::models::insurance::{EnrolmentStatus, Scheme};
use crate::models::pension::province_of;
use crate::models::time::{china_offset, local_minute};
use crate::models::transfer::{
    Action, DraftAnswers, DraftView, EventView, FundsEstimate, LegStatus, LegView, PlaceChoice,
    RecordEffect, RequestDetail, RequestStatus, RequestSummary, Route, Side, TemporaryException,
    TransferKind, initial_legs, transition,
};
use crate::server::auth::{Act, CitizenScope, Principal};
use crate::server::services::staff_roster;
use crate::server::services::wages::WageTable;
use crate::server::state::AppState;
use crate::server::store::{
    Carried, EnrolmentChange, EventRow, LegRow, LegUpdate, NewEvent, NewLeg, NewNotification,
    NewRequest, RecordView, RequestRow, Store, Submitted, TransitionWrite,
};
use crate::server::working_days;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The longest note a citizen or an office may write on a request.
pub const NOTE_MAX_CHARS: usize = 500;

/// What a submitted request keeps beyond its places: the contact, the estimate shown and the
/// exception answered.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Details {
    phone: String,
    note: String,
    estimate: FundsEstimate,
    /// Why a temporary account moves after all; the offices ask for its evidence.
    #[serde(default)]
    exception: Option<TemporaryException>,
}

pub fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&china_offset()).date_naive()
}

/// Everything the rules need about one person and one insurance.
async fn facts(
    store: &Store,
    record: &RecordView<'_>,
    kind: TransferKind,
    now: DateTime<Utc>,
) -> Result<(Facts, Vec<PlaceChoice>, Vec<PlaceChoice>), AppError> {
    let insurance = kind.insurance();
    let profile = record.person_profile().await?.ok_or(AppError::NotFound)?;
    let periods = record.enrolment_periods().await?;
    let history = record.contribution_history().await?;
    let balance = record
        .account_balances()
        .await?
        .into_iter()
        .find(|b| b.insurance == insurance)
        .map_or(0, |b| b.closing);
    let open_requests = record
        .requests()
        .await?
        .into_iter()
        .filter(|r| r.kind == kind && r.status == RequestStatus::InProgress)
        .map(|r| (r.reference_no, r.from_region))
        .collect();
    let hukou_name = store
        .region_names(&profile.hukou_region)
        .await?
        .map(|(zh, en)| Named { zh, en })
        .ok_or(AppError::NotFound)?;
    let mut from_choices: Vec<PlaceChoice> = Vec::new();
    let mut to_choices: Vec<PlaceChoice> = Vec::new();
    let mut relationships = Vec::new();
    let paid_at = |region: &str| {
        history
            .iter()
            .filter(|h| h.insurance == insurance && h.region_code == region && h.paid_on.is_some())
            .map(|h| i64::from(h.months_covered))
            .sum()
    };
    for p in periods.iter().filter(|p| p.insurance == insurance) {
        relationships.push(Relationship {
            region: p.region_code.clone(),
            status: p.status,
            employee: p.scheme == Scheme::Employee,
        });
        let choice = PlaceChoice {
            code: p.region_code.clone(),
            name: Named {
                zh: p.region_zh.clone(),
                en: p.region_en.clone(),
            },
            months_paid: paid_at(&p.region_code),
        };
        // Ended relationships have nothing left to move; the others are offered, and the
        // pre-check explains any that cannot move yet.
        let list = match p.status {
            EnrolmentStatus::Active => &mut to_choices,
            EnrolmentStatus::Terminated => continue,
            _ => &mut from_choices,
        };
        if p.scheme == Scheme::Employee && !list.iter().any(|c| c.code == choice.code) {
            list.push(choice);
        }
    }
    let months = history
        .iter()
        .filter(|h| h.insurance == insurance && h.months_covered == 1)
        .map(|h| MonthPaid {
            region: h.region_code.clone(),
            month: h.month,
            base: h.base,
            personal_part: h.personal_part,
            paid: h.paid_on.is_some(),
        })
        .collect();
    let facts = Facts {
        kind,
        today: today(now),
        birth: profile.birth_date,
        male: profile.sex == "M",
        hukou: profile.hukou_region,
        hukou_name,
        relationships,
        months,
        account_balance: balance,
        open_requests,
    };
    Ok((facts, from_choices, to_choices))
}

fn answers_of(data: Option<&str>) -> DraftAnswers {
    data.and_then(|d| serde_json::from_str(d).ok())
        .unwrap_or_default()
}

fn name_in(choices: &[PlaceChoice], code: Option<&String>) -> Option<Named> {
    code.and_then(|c| choices.iter().find(|p| &p.code == c))
        .map(|p| p.name.clone())
}

pub async fn draft(
    state: &AppState,
    scope: CitizenScope,
    kind: TransferKind,
) -> Result<DraftView, AppError> {
    let store = &state.store;
    let mine = store.citizen(&scope);
    let saved = mine.draft(kind.code()).await?;
    let answers = answers_of(saved.as_ref().map(|d| d.data.as_str()));
    let (facts, from_choices, to_choices) = facts(store, &mine, kind, state.clock.now()).await?;
    let precheck = match (&answers.from, &answers.to) {
        (Some(from), Some(to)) => {
            let mut names: Vec<(String, Named)> = from_choices
                .iter()
                .chain(&to_choices)
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect();
            names.push((facts.hukou.clone(), facts.hukou_name.clone()));
            // The paying place and a change of registration name provinces, which the
            // choices (cities) do not.
            let exception = answers.exception.map(|e| (e, to.as_str()));
            let provinces = facts
                .paying_place(exception)
                .map(|(province, _)| province)
                .into_iter()
                .chain([province_of(to)]);
            for province in provinces {
                if let Some((zh, en)) = store.region_names(&province).await? {
                    names.push((province, Named { zh, en }));
                }
            }
            Some(facts.precheck(from, to, answers.exception, |code| {
                names.iter().find(|(c, _)| c == code).map_or_else(
                    || Named {
                        zh: code.into(),
                        en: code.into(),
                    },
                    |(_, n)| n.clone(),
                )
            }))
        }
        _ => None,
    };
    Ok(DraftView {
        kind,
        from_name: name_in(&from_choices, answers.from.as_ref()),
        to_name: name_in(&to_choices, answers.to.as_ref()),
        answers,
        from_choices,
        to_choices,
        precheck,
        request_key: saved.map_or_else(|| random_code(24), |d| d.request_key),
    })
}

async fn save(
    state: &AppState,
    principal: &Principal,
    kind: TransferKind,
    change: impl FnOnce(&mut DraftAnswers) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    let mine = state.store.citizen(&scope);
    let saved = mine.draft(kind.code()).await?;
    let mut answers = answers_of(saved.as_ref().map(|d| d.data.as_str()));
    change(&mut answers)?;
    let data = serde_json::to_string(&answers).map_err(AppError::internal)?;
    mine.save_draft(kind.code(), &data, &random_code(24), state.clock.now())
        .await?;
    Ok(())
}

/// Step 1: the old and the new place, each one the record offers.
pub async fn save_places(
    state: &AppState,
    principal: &Principal,
    kind: TransferKind,
    from: &str,
    to: &str,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    let (_, from_choices, to_choices) = facts(
        &state.store,
        &state.store.citizen(&scope),
        kind,
        state.clock.now(),
    )
    .await?;
    let mut errors = FieldErrors::default();
    for (field, value, choices) in [("from", from, &from_choices), ("to", to, &to_choices)] {
        if value.trim().is_empty() {
            errors.add(field, FieldCode::Required);
        } else if !choices.iter().any(|c| c.code == value.trim()) {
            errors.add(field, FieldCode::PlaceUnknown);
        }
    }
    errors.finish()?;
    save(state, principal, kind, |a| {
        a.from = Some(from.trim().to_string());
        a.to = Some(to.trim().to_string());
        Ok(())
    })
    .await
}

/// Step 2: a mainland mobile number the offices may call, and an optional note. In an assisted
/// session the number already on the form may be kept, not changed.
pub async fn save_contact(
    state: &AppState,
    principal: &Principal,
    kind: TransferKind,
    phone: &str,
    note: &str,
) -> Result<(), AppError> {
    let phone = phone.trim();
    let note = note.trim();
    let mut errors = FieldErrors::default();
    if phone.is_empty() {
        errors.add("phone", FieldCode::Required);
    } else if !is_mobile_number(phone) {
        errors.add("phone", FieldCode::PhoneInvalid);
    }
    if note.chars().count() > NOTE_MAX_CHARS {
        errors.add("note", FieldCode::TooLong);
    }
    errors.finish()?;
    save(state, principal, kind, |a| {
        // The number the offices will call is the person's to give, like their other contact
        // details: an agent may keep the one on the form, never put another there.
        if a.phone.as_deref() != Some(phone) {
            principal.may(Act::ChangeContactDetails)?;
        }
        a.phone = Some(phone.to_string());
        a.note = (!note.is_empty()).then(|| note.to_string());
        Ok(())
    })
    .await
}

/// The answer to a temporary account's exceptions: an exception's code, or `none`. Only a
/// move the pre-check finds to be a temporary account asks it.
pub async fn save_exception(
    state: &AppState,
    principal: &Principal,
    kind: TransferKind,
    answer: &str,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    let exception = match answer.trim() {
        "" => return Err(AppError::field("exception", FieldCode::Required)),
        "none" => None,
        code => Some(
            TemporaryException::from_code(code)
                .map_err(|_| AppError::field("exception", FieldCode::ExceptionUnknown))?,
        ),
    };
    let view = draft(state, scope, kind).await?;
    let asked = view.precheck.as_ref().is_some_and(|p| {
        p.exception.is_some() || matches!(p.route, Route::TemporaryAccount { .. })
    });
    if !asked {
        return Err(AppError::field("exception", FieldCode::ExceptionNotAsked));
    }
    save(state, principal, kind, |a| {
        a.exception = exception;
        Ok(())
    })
    .await
}

/// Submits the draft. The same form posted again (double click, retry, back button) carries
/// the same key and gets the first request's reference back.
pub async fn submit(
    state: &AppState,
    principal: &Principal,
    kind: TransferKind,
    request_key: &str,
) -> Result<String, AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    let store = &state.store;
    let mine = store.citizen(&scope);
    let view = draft(state, scope, kind).await?;
    if !view.ready() || view.request_key != request_key {
        // The same form posted again (double click, retry, back button) was submitted
        // already: its draft is gone, and the request it made answers.
        if let Some(reference) = mine.request_by_key(request_key).await? {
            return Ok(reference);
        }
        return Err(if view.ready() {
            // A key this draft never gave out (a forged or mistyped form).
            AppError::Conflict
        } else {
            AppError::field("submit", FieldCode::TransferNotReady)
        });
    }
    let (from, to) = (
        view.answers.from.clone().unwrap_or_default(),
        view.answers.to.clone().unwrap_or_default(),
    );
    let now = state.clock.now();
    let day = today(now);
    let agency = kind.insurance().agency();
    let mut legs = Vec::new();
    let steps = kind.legs();
    for (&(step, limit), status) in steps.iter().zip(initial_legs(steps.len())) {
        let region = match step.side() {
            Side::Old => &from,
            Side::New => &to,
        };
        let office = store
            .office_for(region, agency)
            .await?
            .ok_or_else(|| AppError::internal(format!("no {agency:?} office for {region}")))?;
        let open = status == LegStatus::Open;
        legs.push(NewLeg {
            step: step.code(),
            office_id: office.id,
            limit_days: limit as i32,
            status: status.code(),
            opened_on: open.then_some(day),
            due_on: open.then(|| working_days::add_working_days(day, limit)),
        });
    }
    let precheck = view
        .precheck
        .as_ref()
        .ok_or_else(|| AppError::internal("ready without a pre-check"))?;
    let details = Details {
        phone: view.answers.phone.clone().unwrap_or_default(),
        note: view.answers.note.clone().unwrap_or_default(),
        estimate: precheck.estimate.clone(),
        exception: precheck.exception,
    };
    let details = serde_json::to_string(&details).map_err(AppError::internal)?;
    let user_id = mine.user_id().await?.ok_or(AppError::NotFound)?;
    let assisted = principal.assist.as_ref().map(|a| a.id);
    let label = actor_label(principal);
    // 20 random bits per day and kind: a collision is rare, and a second try is enough.
    for _ in 0..3 {
        let reference = format!(
            "{}{}{}",
            kind.reference_prefix(),
            day.format("%Y%m%d"),
            random_code(4)
        );
        let link = format!("/me/requests/{reference}");
        let submitted = mine
            .insert_request(
                &NewRequest {
                    reference_no: &reference,
                    kind: kind.code(),
                    from_region: &from,
                    to_region: &to,
                    details: &details,
                    request_key,
                    submitted_at: now,
                    legs: legs.clone(),
                },
                &NewEvent {
                    at: now,
                    leg_seq: None,
                    actor_user_id: Some(principal.user_id),
                    actor_role: Role::Citizen,
                    actor_label: &label,
                    action: "submitted",
                    reason_code: None,
                    note: "",
                    assisted_session_id: assisted,
                },
                &NewNotification {
                    user_id,
                    at: now,
                    kind: NotificationKind::RequestSubmitted,
                    params: serde_json::json!({ "reference": reference }).to_string(),
                    link: &link,
                },
            )
            .await?;
        match submitted {
            Submitted::New(r) | Submitted::Existing(r) => return Ok(r),
            Submitted::ReferenceTaken => continue,
        }
    }
    Err(AppError::internal("no free reference after three tries"))
}

/// The person's own name, or the agent's (with the ticket) or relative's acting for them.
fn actor_label(principal: &Principal) -> String {
    match &principal.assist {
        Some(a) if a.relative_grant.is_some() => a.agent_name.clone(),
        Some(a) => format!("{} ({})", a.agent_name, a.ticket),
        None => principal.display_name.clone(),
    }
}

pub async fn list(state: &AppState, scope: CitizenScope) -> Result<Vec<RequestSummary>, AppError> {
    let rows = state.store.citizen(&scope).requests().await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let legs = state.store.legs_of(&ids).await?;
    let day = today(state.clock.now());
    Ok(rows
        .iter()
        .map(|r| {
            let own: Vec<&LegRow> = legs.iter().filter(|l| l.request_id == r.id).collect();
            summary(r, &own, day)
        })
        .collect())
}

pub(crate) fn summary(r: &RequestRow, legs: &[&LegRow], day: NaiveDate) -> RequestSummary {
    let current = legs.iter().find(|l| l.status.is_current());
    RequestSummary {
        reference: r.reference_no.clone(),
        kind: r.kind,
        from: Named {
            zh: r.from_zh.clone(),
            en: r.from_en.clone(),
        },
        to: Named {
            zh: r.to_zh.clone(),
            en: r.to_en.clone(),
        },
        status: r.status,
        submitted_at: local_minute(r.submitted_at),
        holder: current.map(|l| Named {
            zh: l.office_zh.clone(),
            en: l.office_en.clone(),
        }),
        overdue: current.is_some_and(|l| leg_view(l, day).overdue),
    }
}

pub(crate) fn leg_view(l: &LegRow, day: NaiveDate) -> LegView {
    let status = l.status;
    LegView {
        id: l.id,
        step: l.step,
        office: Named {
            zh: l.office_zh.clone(),
            en: l.office_en.clone(),
        },
        status,
        limit_days: l.limit_days as u32,
        opened_on: l.opened_on,
        due_on: l.due_on,
        // Paused legs are not overdue: the clock waits for the citizen.
        overdue: status == LegStatus::Open && l.due_on.is_some_and(|d| d < day),
        due_provisional: l
            .due_on
            .is_some_and(|d| !working_days::covers(chrono::Datelike::year(&d))),
    }
}

fn event_view(e: &EventRow, legs: &[&LegRow]) -> EventView {
    EventView {
        at: local_minute(e.at),
        actor: e.actor_label.clone(),
        action: e.action.clone(),
        step: e
            .leg_seq
            .and_then(|s| legs.iter().find(|l| l.seq == s))
            .map(|l| l.step),
        reason: e.reason_code,
        note: e.note.clone(),
    }
}

/// The whole request as its owner or the offices see it.
pub(crate) async fn detail_of(
    state: &AppState,
    case: &Case<'_>,
) -> Result<RequestDetail, AppError> {
    let Case { record, request: r } = case;
    let store = &state.store;
    let legs = store.legs_of(&[r.id]).await?;
    let legs: Vec<&LegRow> = legs.iter().collect();
    let events = store.request_events(r.id).await?;
    let day = today(state.clock.now());
    let details: Details = serde_json::from_str(&r.details).map_err(AppError::internal)?;
    let summary = summary(r, &legs, day);
    let material_asked = legs
        .iter()
        .find(|l| l.status == LegStatus::AwaitingMaterial)
        .map(|l| {
            let asked = events
                .iter()
                .rev()
                .find(|e| e.action == "material_asked" && e.leg_seq == Some(l.seq))
                .map(|e| e.note.clone())
                .unwrap_or_default();
            (l.id, asked)
        });
    let rejection = events
        .iter()
        .rev()
        .find(|e| e.action == "rejected")
        .and_then(|e| e.reason_code);
    let carried_months = match summary.status {
        RequestStatus::Completed => record
            .carried_records()
            .await?
            .into_iter()
            .find(|c| c.request_id == r.id)
            .map(|c| c.months),
        _ => None,
    };
    let statuses: Vec<LegStatus> = legs.iter().map(|l| l.status).collect();
    Ok(RequestDetail {
        can_withdraw: transition(summary.status, &statuses, 0, Action::Withdraw).is_ok(),
        legs: legs.iter().map(|l| leg_view(l, day)).collect(),
        events: events.iter().map(|e| event_view(e, &legs)).collect(),
        version: r.version,
        phone: details.phone,
        note: details.note,
        estimate: details.estimate,
        exception: details.exception,
        material_asked,
        rejection,
        carried_months,
        summary,
    })
}

/// The citizen's own request; anyone else's is "not found".
async fn owned<'a>(
    state: &'a AppState,
    scope: CitizenScope,
    reference: &str,
) -> Result<Case<'a>, AppError> {
    let mine = state.store.citizen(&scope);
    let request = mine
        .request(reference.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Case {
        record: *mine,
        request,
    })
}

pub async fn detail(
    state: &AppState,
    scope: CitizenScope,
    reference: &str,
) -> Result<RequestDetail, AppError> {
    detail_of(state, &owned(state, scope, reference).await?).await
}

pub async fn withdraw(
    state: &AppState,
    principal: &Principal,
    reference: &str,
    version: i64,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::WithdrawRequest)?;
    let case = owned(state, scope, reference).await?;
    let actor = Actor::citizen(principal);
    apply(state, &case, version, 0, Action::Withdraw, &actor, "").await
}

/// The citizen's answer to an office's request for material: the clock runs again.
pub async fn answer_material(
    state: &AppState,
    principal: &Principal,
    reference: &str,
    version: i64,
    answer: &str,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    let answer = answer.trim();
    if answer.is_empty() {
        return Err(AppError::field("answer", FieldCode::Required));
    }
    if answer.chars().count() > NOTE_MAX_CHARS {
        return Err(AppError::field("answer", FieldCode::TooLong));
    }
    let case = owned(state, scope, reference).await?;
    let legs = state.store.legs_of(&[case.request.id]).await?;
    let leg = legs
        .iter()
        .position(|l| l.status == LegStatus::AwaitingMaterial)
        .ok_or(AppError::Conflict)?;
    let actor = Actor::citizen(principal);
    apply(
        state,
        &case,
        version,
        leg,
        Action::AnswerMaterial,
        &actor,
        answer,
    )
    .await
}

/// Who acts on a request, as its record shows them.
pub(crate) struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub label: String,
    pub assisted_session_id: Option<i64>,
}

impl Actor {
    fn citizen(principal: &Principal) -> Self {
        Self {
            user_id: principal.user_id,
            role: Role::Citizen,
            label: actor_label(principal),
            assisted_session_id: principal.assist.as_ref().map(|a| a.id),
        }
    }
}

fn event_action(action: Action, request: RequestStatus) -> &'static str {
    match (action, request) {
        (Action::Accept, RequestStatus::Completed) => "completed",
        (Action::Accept, _) => "accepted",
        (Action::Reject(_), _) => "rejected",
        (Action::AskMaterial, _) => "material_asked",
        (Action::AnswerMaterial, _) => "material_answered",
        (Action::Withdraw, _) => "withdrawn",
    }
}

/// A request with the record of the person who made it, reached only through the citizen's
/// own scope or a leg the office holds.
pub(crate) struct Case<'a> {
    pub record: RecordView<'a>,
    pub request: RequestRow,
}

/// Applies `action` to leg `leg` of a request the actor saw at `version`, with everything it
/// changes: the legs' clocks, the person's record, the event and the citizen's notice. A
/// request changed meanwhile, or a transition the rules refuse, is a conflict.
pub(crate) async fn apply(
    state: &AppState,
    case: &Case<'_>,
    version: i64,
    leg: usize,
    action: Action,
    actor: &Actor,
    note: &str,
) -> Result<(), AppError> {
    let Case { record, request: r } = case;
    if version != r.version {
        return Err(AppError::Conflict);
    }
    let store = &state.store;
    let kind = r.kind;
    let rows = store.legs_of(&[r.id]).await?;
    let before: Vec<LegStatus> = rows.iter().map(|l| l.status).collect();
    let outcome = transition(r.status, &before, leg, action).map_err(|_| AppError::Conflict)?;
    let now = state.clock.now();
    let day = today(now);
    let legs: Vec<LegUpdate> = outcome
        .changed(&before)
        .into_iter()
        .map(|i| {
            let l = &rows[i];
            let limit = l.limit_days as u32;
            let new = outcome.legs[i];
            let (opened_on, due_on) = match (before[i], new) {
                (LegStatus::Waiting, LegStatus::Open) => {
                    (Some(day), Some(working_days::add_working_days(day, limit)))
                }
                // The clock stood still while the office waited for material.
                (LegStatus::AwaitingMaterial, LegStatus::Open) => (
                    l.opened_on,
                    l.due_on.map(|d| {
                        let paused = l
                            .paused_on
                            .map_or(0, |p| working_days::working_days_between(p, day));
                        working_days::add_working_days(d, paused)
                    }),
                ),
                _ => (l.opened_on, l.due_on),
            };
            LegUpdate {
                id: l.id,
                status: new.code(),
                opened_on,
                due_on,
                paused_on: (new == LegStatus::AwaitingMaterial).then_some(day),
                decided_at: matches!(new, LegStatus::Done | LegStatus::Rejected).then_some(now),
            }
        })
        .collect();
    let index = leg.min(rows.len() - 1);
    let effect = match action {
        Action::Accept => rows[index].step.effect(index, rows.len()),
        _ => None,
    };
    let enrolment = match (effect, outcome.request) {
        (Some(RecordEffect::MarkTransferring), _) => Some(EnrolmentChange::MarkTransferring),
        (Some(RecordEffect::EndOldRelationship), _) => Some(EnrolmentChange::End),
        (_, RequestStatus::Rejected | RequestStatus::Withdrawn) => Some(EnrolmentChange::Restore),
        _ => None,
    }
    .map(|c| (c, day));
    let carried = match effect {
        Some(RecordEffect::CarryRecord) => {
            let (facts, _, _) = facts(store, record, kind, now).await?;
            let e = facts.estimate(&r.from_region, &r.to_region);
            Some(Carried {
                months: e.months,
                personal_account: e.personal_account,
                pooled_funds: e.pooled_funds,
                on: day,
            })
        }
        _ => None,
    };
    let link = format!("/me/requests/{}", r.reference_no);
    let user_id = record.user_id().await?;
    let event_action = event_action(action, outcome.request);
    let reason = match action {
        Action::Reject(reason) => Some(reason),
        _ => None,
    };
    // The citizen hears of every change an office makes; their own are on the page they see.
    let notification = user_id
        .filter(|_| actor.role != Role::Citizen)
        .map(|user_id| NewNotification {
            user_id,
            at: now,
            kind: NotificationKind::RequestUpdate,
            params: serde_json::json!({
                "reference": r.reference_no,
                "event": event_action,
                "step": rows[index].step,
            })
            .to_string(),
            link: &link,
        });
    let won = store
        .apply_transition(&TransitionWrite {
            request: r,
            expected_version: version,
            status: outcome.request.code(),
            closed_at: (outcome.request != RequestStatus::InProgress).then_some(now),
            legs,
            event: NewEvent {
                at: now,
                leg_seq: (action != Action::Withdraw).then_some(leg as i32),
                actor_user_id: Some(actor.user_id),
                actor_role: actor.role,
                actor_label: &actor.label,
                action: event_action,
                reason_code: reason,
                note,
                assisted_session_id: actor.assisted_session_id,
            },
            insurance: kind.insurance().code(),
            enrolment,
            carried,
            notification,
        })
        .await?;
    if !won {
        return Err(AppError::Conflict);
    }
    if enrolment.is_some() {
        // The employer's roster shows enrolment statuses: keep it in step with the record.
        let wages = WageTable::new(store.region_wages().await?);
        staff_roster::rebuild(
            store,
            &wages,
            r.person_id,
            r.person_id,
            staff_roster::month_of(now),
        )
        .await?;
    }
    Ok(())
}
