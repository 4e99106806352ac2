//! Relatives who help (亲情代办). A citizen authorises another citizen's account, found by
//! resident ID and the last four digits of its phone (one answer for "no such account" and
//! "wrong digits", throttled, so the form cannot be used to probe who has an account). The
//! relative accepts, then acts for the person in an assisted session that carries the
//! authorisation: the banner, the audit of every request and the person's access log are the
//! helpdesk's, and `Act::for_relative` says what they may do. Nobody acting for someone
//! (an agent or a relative) may authorise, answer, end or act for anyone.

use crate::error::{AppError, FieldCode, FieldErrors};
use crate::models::assist::{AccessKind, NotificationKind};
use crate::models::auth::{AssistReason, Role, SessionStage};
use crate::models::ids::{ResidentId, is_request_key};
use crate::models::relatives::{DURATIONS, GrantLine, GrantState, RelativesView};
use crate::models::time::china_offset;
use crate::server::auth::{Act, Principal, session};
use crate::server::services::assist::ACCESS_ACTION;
use crate::server::services::certificates::random_code;
use crate::server::state::AppState;
use crate::server::store::{
    AccessEntry, AuditEvent, GrantRow, NewAssistedSession, NewGrant, NewNotification, NewSession,
    Offered,
};
use chrono::{DateTime, Months, Utc};

/// Failed look-ups a user may make in the throttle's window.
const MAX_FAILED_LOOKUPS: i64 = 5;

pub async fn view(state: &AppState, p: &Principal) -> Result<RelativesView, AppError> {
    let scope = p.citizen()?;
    let now = state.clock.now();
    let line = |g: GrantRow| GrantLine {
        id: g.id,
        masked_id: ResidentId::parse(&g.other_resident_id)
            .map(|id| id.masked())
            .unwrap_or_default(),
        name: g.other_name,
        may_act: g.may_act,
        state: GrantState::of(g.status, g.ends_at, now),
        offered_on: g.offered_at.with_timezone(&china_offset()).date_naive(),
        ends_on: g.ends_at.with_timezone(&china_offset()).date_naive(),
    };
    let given = state.store.grants_given(scope.user_id()).await?;
    // Whom else the person helps is theirs and those people's: not shown to their own helper.
    let acting_relative = p
        .assist
        .as_ref()
        .is_some_and(|a| a.relative_grant.is_some());
    let received = match acting_relative {
        true => None,
        false => Some(state.store.grants_received(scope.user_id()).await?),
    };
    Ok(RelativesView {
        given: given.into_iter().map(line).collect(),
        received: received.map(|r| r.into_iter().map(line).collect()),
        can_manage: p.may(Act::ManageRelatives).is_ok(),
        request_key: random_code(24),
    })
}

/// The authorisation form as posted.
pub struct AuthoriseInput<'a> {
    pub resident_id: &'a str,
    pub phone_last_four: &'a str,
    pub may_act: bool,
    pub months: &'a str,
    pub request_key: &'a str,
}

/// Offers an authorisation to the relative's account. The same form posted twice offers once.
pub async fn authorise(
    state: &AppState,
    p: &Principal,
    input: &AuthoriseInput<'_>,
) -> Result<(), AppError> {
    p.may(Act::ManageRelatives)?;
    let scope = p.citizen()?;
    let mut errors = FieldErrors::default();
    let resident_id = ResidentId::parse(input.resident_id.trim()).ok();
    if resident_id.is_none() {
        errors.add("resident_id", FieldCode::ResidentIdInvalid);
    }
    let last_four = input.phone_last_four.trim();
    if last_four.len() != 4 || !last_four.bytes().all(|b| b.is_ascii_digit()) {
        errors.add("phone_last_four", FieldCode::Invalid);
    }
    let months = input
        .months
        .parse::<u32>()
        .ok()
        .filter(|m| DURATIONS.contains(m));
    if months.is_none() {
        errors.add("months", FieldCode::Invalid);
    }
    if !is_request_key(input.request_key) {
        errors.add("request_key", FieldCode::Invalid);
    }
    errors.finish()?;
    let (Some(resident_id), Some(months)) = (resident_id, months) else {
        return Err(AppError::Validation(Vec::new()));
    };
    let now = state.clock.now();
    let attempt = state
        .throttle
        .reserve_keyed(
            &state.store,
            &format!("relative:{}", scope.user_id()),
            MAX_FAILED_LOOKUPS,
            now,
        )
        .await?;
    let Some(relative) = state
        .store
        .citizen_by_id_and_phone_end(resident_id.as_str(), last_four)
        .await?
    else {
        attempt.failed();
        return Err(AppError::field("resident_id", FieldCode::NoSuchRelative));
    };
    attempt.succeeded_alone(&state.store).await?;
    if relative == scope.user_id() {
        return Err(AppError::field("resident_id", FieldCode::SelfRelative));
    }
    let ends_at = now
        .checked_add_months(Months::new(months))
        .ok_or_else(|| AppError::internal("date out of range"))?;
    let offered = match state
        .store
        .offer_grant(
            &scope,
            &NewGrant {
                relative_user_id: relative,
                may_act: input.may_act,
                now,
                ends_at,
                request_key: input.request_key,
            },
            &invitation(relative, now, &p.display_name, input.may_act),
        )
        .await
    {
        // Two posts at once: the unique indexes let one in; the other answers as if it came second.
        Err(e) if e.is_unique_violation() => Offered::AlreadyOpen,
        other => other?,
    };
    match offered {
        Offered::New | Offered::Repeat => Ok(()),
        Offered::AlreadyOpen => Err(AppError::field("resident_id", FieldCode::AlreadyAuthorised)),
    }
}

fn invitation(
    user_id: i64,
    at: DateTime<Utc>,
    name: &str,
    may_act: bool,
) -> NewNotification<'static> {
    NewNotification {
        params: serde_json::json!({ "name": name, "may_act": may_act.to_string() }).to_string(),
        ..notice(user_id, at, NotificationKind::RelativeInvited, name)
    }
}

fn notice(
    user_id: i64,
    at: DateTime<Utc>,
    kind: NotificationKind,
    name: &str,
) -> NewNotification<'static> {
    NewNotification {
        user_id,
        at,
        kind,
        params: serde_json::json!({ "name": name }).to_string(),
        link: "/me/relatives",
    }
}

/// The relative accepts or declines an offer made to them.
pub async fn answer(
    state: &AppState,
    p: &Principal,
    id: i64,
    accept: bool,
) -> Result<(), AppError> {
    p.may(Act::ManageRelatives)?;
    let scope = p.citizen()?;
    let now = state.clock.now();
    let name = p.display_name.clone();
    state
        .store
        .answer_grant(id, scope.user_id(), accept, now, |g| {
            let mut n = notice(
                g.grantor_user_id,
                now,
                NotificationKind::RelativeAnswered,
                &name,
            );
            n.params =
                serde_json::json!({ "name": name, "accepted": accept.to_string() }).to_string();
            n
        })
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound)
}

/// Either party ends an open authorisation, and with it a session of the relative acting
/// under it (their login goes back to their own account).
pub async fn end(state: &AppState, p: &Principal, id: i64) -> Result<(), AppError> {
    p.may(Act::ManageRelatives)?;
    let scope = p.citizen()?;
    let now = state.clock.now();
    let name = p.display_name.clone();
    let (grantor, _) = state
        .store
        .end_grant(id, scope.user_id(), now, |other| {
            notice(other, now, NotificationKind::RelativeEnded, &name)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let why = if scope.user_id() == grantor {
        "subject"
    } else {
        "agent"
    };
    for session in state.store.open_sessions_of_grant(id).await? {
        crate::server::services::assist::end(state, session, scope.user_id(), why).await?;
    }
    Ok(())
}

/// The relative starts acting for the person: their login moves to a new session token that
/// carries an assisted session under the authorisation. Returns the cookie value.
pub async fn act_for(state: &AppState, p: &Principal, id: i64) -> Result<String, AppError> {
    p.may(Act::ManageRelatives)?;
    let scope = p.citizen()?;
    let now = state.clock.now();
    let grant = state
        .store
        .live_grant(id, scope.user_id(), now)
        .await?
        .ok_or(AppError::NotFound)?;
    let (token, hash) = session::new_token();
    let detail = format!("grant {}", grant.id);
    state
        .store
        .start_assisted_session(
            &NewAssistedSession {
                agent_user_id: p.user_id,
                subject_user_id: grant.grantor_user_id,
                subject_role: Role::Citizen.code(),
                person_id: Some(grant.person_id),
                reason: AssistReason::Relative.code(),
                reason_text: "",
                ticket: "",
                now,
                hard_end_at: grant.ends_at.min(p.session_expires_at),
                relative_grant: Some((grant.id, grant.may_act)),
            },
            &p.session_hash,
            &NewSession {
                id_hash: &hash,
                user_id: p.user_id,
                role: Role::Citizen,
                now,
                expires_at: p.session_expires_at,
                stage: SessionStage::Full,
                assisted_session_id: None,
            },
            Some(&AccessEntry {
                person_id: grant.person_id,
                at: now,
                actor_user_id: Some(p.user_id),
                actor_role: AccessKind::Relative,
                actor_label: &p.display_name,
                action: ACCESS_ACTION,
                purpose: AssistReason::Relative.code(),
                assisted_session: None,
            }),
            None,
            &AuditEvent {
                at: now,
                actor_user_id: Some(p.user_id),
                actor_role: Role::Citizen,
                subject_user_id: Some(grant.grantor_user_id),
                assisted_session_id: None,
                action: "relative_start",
                target: "",
                outcome: "ok",
                detail: &detail,
            },
        )
        .await?;
    tracing::info!(
        relative = p.user_id,
        person = grant.grantor_user_id,
        "relative acting"
    );
    Ok(token)
}
