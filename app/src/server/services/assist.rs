//! Assisted sessions (DESIGN §4): a helpdesk agent acts as a citizen or an employer user to help
//! them, with a reason and a ticket, read-only unless switched to write mode, within an idle and a
//! hard time limit. The session middleware turns the agent's login into the subject's principal
//! (`act_as_subject`) and records every request made under it in the audit log.

use crate::error::{AppError, FieldCode};
use crate::models::assist::{AccessKind, NotificationKind};
use crate::models::auth::{AssistBanner, AssistReason, Role, SessionStage};
use crate::server::auth::{Assist, HelpdeskScope, Principal, session};
use crate::server::state::AppState;
use crate::server::store::{
    AccessEntry, AuditEvent, NewAssistedSession, NewNotification, NewSession,
};
use chrono::{DateTime, Duration, Utc};

/// The access-log action and purpose codes of an assisted session on a citizen's record.
pub const ACCESS_ACTION: &str = "assisted_session";

/// A validated request to start an assisted session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartAssist {
    pub subject_user_id: i64,
    pub as_role: Role,
    pub reason: AssistReason,
    pub reason_text: String,
    pub ticket: String,
}

impl StartAssist {
    /// Checks every field and reports all problems at once, each against its field.
    pub fn parse(
        user: &str,
        as_role: &str,
        reason: &str,
        reason_text: &str,
        ticket: &str,
    ) -> Result<Self, AppError> {
        let mut errors = crate::error::FieldErrors::default();
        let subject_user_id = user.trim().parse::<i64>().ok();
        let as_role = Role::from_code(as_role)
            .ok()
            .filter(|r| matches!(r, Role::Citizen | Role::Employer));
        if subject_user_id.is_none() || as_role.is_none() {
            errors.add("user", FieldCode::Invalid);
        }
        let reason = AssistReason::from_code(reason)
            .ok()
            .filter(|r| *r != AssistReason::Relative);
        if reason.is_none() {
            errors.add("reason", FieldCode::Required);
        }
        let reason_text = reason_text.trim();
        match reason_text.chars().count() {
            0 => errors.add("reason_text", FieldCode::Required),
            1..5 => errors.add("reason_text", FieldCode::TooShort),
            201.. => errors.add("reason_text", FieldCode::TooLong),
            _ => {}
        }
        let ticket = ticket.trim().to_ascii_uppercase();
        if ticket.is_empty() {
            errors.add("ticket", FieldCode::Required);
        } else if !(4..=32).contains(&ticket.len())
            || !ticket
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            errors.add("ticket", FieldCode::TicketFormat);
        }
        errors.finish()?;
        match (subject_user_id, as_role, reason) {
            (Some(subject_user_id), Some(as_role), Some(reason)) => Ok(Self {
                subject_user_id,
                as_role,
                reason,
                reason_text: reason_text.to_string(),
                ticket,
            }),
            // Each missing value added its problem above.
            _ => Err(AppError::field("user", FieldCode::Invalid)),
        }
    }
}

fn event<'a>(
    at: DateTime<Utc>,
    agent_user_id: i64,
    subject_user_id: i64,
    assisted_session_id: Option<i64>,
    action: &'a str,
    detail: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        at,
        actor_user_id: Some(agent_user_id),
        actor_role: Role::Helpdesk,
        subject_user_id: Some(subject_user_id),
        assisted_session_id,
        action,
        target: "",
        outcome: "ok",
        detail,
    }
}

/// Starts an assisted session: the agent's login moves to a new session token acting as the
/// subject. Returns the new cookie value and the subject's home page.
pub async fn start(
    state: &AppState,
    agent: &Principal,
    _scope: HelpdeskScope,
    req: &StartAssist,
) -> Result<(String, &'static str), AppError> {
    let store = &state.store;
    if req.subject_user_id == agent.user_id {
        return Err(AppError::field("user", FieldCode::Invalid));
    }
    // Only an enabled account holding the role acted as; staff roles were refused by parsing.
    let account = store.account_of_user(req.subject_user_id).await?;
    let holds_role = store
        .role_grants(req.subject_user_id)
        .await?
        .iter()
        .any(|g| g.role == req.as_role);
    let person_id = match (account, holds_role) {
        (Some((_, false)), true) if req.as_role == Role::Employer => None,
        (Some((Some(person_id), false)), true) => Some(person_id),
        _ => return Err(AppError::NotFound),
    };
    let now = state.clock.now();
    let policy = &state.sessions;
    let (token, hash) = session::new_token();
    let params = serde_json::json!({
        "agent": agent.display_name,
        "reason": req.reason.code(),
        "ticket": req.ticket,
        "at": now.to_rfc3339(),
    })
    .to_string();
    let detail = format!(
        "{} · {} · {}",
        req.reason.code(),
        req.ticket,
        req.reason_text
    );
    store
        .start_assisted_session(
            &NewAssistedSession {
                agent_user_id: agent.user_id,
                subject_user_id: req.subject_user_id,
                subject_role: req.as_role.code(),
                person_id,
                reason: req.reason.code(),
                reason_text: &req.reason_text,
                ticket: &req.ticket,
                now,
                hard_end_at: (now + policy.assist_max_duration).min(agent.session_expires_at),
                relative_grant: None,
            },
            &agent.session_hash,
            &NewSession {
                id_hash: &hash,
                user_id: agent.user_id,
                role: Role::Helpdesk,
                now,
                expires_at: agent.session_expires_at,
                stage: SessionStage::Full,
                assisted_session_id: None,
            },
            person_id
                .map(|person_id| AccessEntry {
                    person_id,
                    at: now,
                    actor_user_id: Some(agent.user_id),
                    actor_role: AccessKind::Helpdesk,
                    actor_label: &agent.display_name,
                    action: ACCESS_ACTION,
                    purpose: req.reason.code(),
                    assisted_session: None,
                })
                .as_ref(),
            Some(&NewNotification {
                user_id: req.subject_user_id,
                at: now,
                kind: NotificationKind::AssistedSessionStarted,
                params,
                link: "/me/access-log",
            }),
            &event(
                now,
                agent.user_id,
                req.subject_user_id,
                None,
                "assist_start",
                &detail,
            ),
        )
        .await?;
    tracing::info!(
        agent = agent.user_id,
        subject = req.subject_user_id,
        "assisted session started"
    );
    Ok((token, req.as_role.home_path()))
}

/// Ends an assisted session once, recording who or what ended it; a second end is a no-op.
pub async fn end(
    state: &AppState,
    id: i64,
    by_user_id: i64,
    why: &'static str,
) -> Result<bool, AppError> {
    let now = state.clock.now();
    let Some(row) = state.store.assisted_session(id).await? else {
        return Ok(false);
    };
    let mut ev = event(
        now,
        row.agent_user_id,
        row.subject_user_id,
        Some(id),
        "assist_end",
        why,
    );
    if by_user_id != row.agent_user_id {
        ev.actor_user_id = Some(by_user_id);
        ev.actor_role = row.subject_role;
    } else {
        ev.actor_role = row.agent_role();
    }
    Ok(state.store.end_assisted_session(id, now, why, &ev).await?)
}

/// Ends assisted sessions whose agent stopped making requests (the browser closed): the
/// session middleware ends a live one on its next request, this ends the rest.
pub async fn end_expired(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let expired = state
        .store
        .expired_assisted_sessions(
            now,
            now - state.sessions.assist_idle_timeout,
            now - state.sessions.idle_timeout,
        )
        .await?;
    for row in &expired {
        let why = if now >= row.hard_end_at {
            "time_limit"
        } else {
            "idle"
        };
        end(state, row.id, row.agent_user_id, why).await?;
    }
    Ok(expired.len())
}

/// Turns the agent's principal into the subject's while the assisted session lasts; ends it
/// (idle or time limit, or the subject's account gone) and returns the agent's principal after.
pub async fn act_as_subject(
    state: &AppState,
    agent: Principal,
    id: i64,
) -> Result<Option<Principal>, AppError> {
    let Some(row) = state.store.assisted_session(id).await? else {
        return Ok(Some(agent));
    };
    let now = state.clock.now();
    // A relative is a citizen at their own keyboard: their login's idle limit, not an agent's.
    let idle = match row.relative_grant_id {
        Some(_) => state.sessions.idle_timeout,
        None => state.sessions.assist_idle_timeout,
    };
    let idle_end = row.last_active_at + idle;
    let over = if row.ended_at.is_some() {
        None
    } else if now >= row.hard_end_at {
        Some("time_limit")
    } else if now >= idle_end {
        Some("idle")
    } else if row.grant_live == Some(false) {
        // The person ended the authorisation (the relative ending it ends this session too).
        Some("subject")
    } else if row.subject_disabled
        || (row.subject_role == Role::Employer && row.employer_id.is_none())
    {
        Some("agent")
    } else {
        None
    };
    if row.ended_at.is_some() || over.is_some() {
        if let Some(why) = over {
            end(state, id, row.agent_user_id, why).await?;
        }
        return Ok(Some(agent));
    }
    if now - row.last_active_at > Duration::seconds(30) {
        state.store.touch_assisted_session(id, now).await?;
    }
    let ends_at = row.hard_end_at.min(now + idle);
    Ok(Some(agent.acting_as(
        row.subject_user_id,
        row.subject_name,
        row.subject_role,
        row.person_id,
        row.employer_id,
        Assist {
            id,
            agent_user_id: row.agent_user_id,
            agent_name: row.agent_name,
            reason: row.reason,
            ticket: row.ticket,
            write_mode: row.write_mode,
            ends_at,
            relative_grant: row.relative_grant_id,
        },
    )))
}

/// The agent (or relative) ends the session they are in: their login goes back to their own
/// account under a new token. Returns the cookie value and the page to land on.
pub async fn end_by_agent(
    state: &AppState,
    principal: &Principal,
) -> Result<(String, &'static str), AppError> {
    let assist = principal.assist.as_ref().ok_or(AppError::Forbidden)?;
    let role = assist.agent_role();
    let landing = match assist.relative_grant {
        Some(_) => "/me/relatives",
        None => role.home_path(),
    };
    end(state, assist.id, assist.agent_user_id, "agent").await?;
    let now = state.clock.now();
    let (token, hash) = session::new_token();
    state
        .store
        .replace_session(
            &principal.session_hash,
            &NewSession {
                id_hash: &hash,
                user_id: assist.agent_user_id,
                role,
                now,
                expires_at: principal.session_expires_at,
                stage: SessionStage::Full,
                assisted_session_id: None,
            },
        )
        .await?;
    Ok((token, landing))
}

/// The citizen (or employer user) ends an assisted session on their account from their own login.
pub async fn end_by_subject(
    state: &AppState,
    principal: &Principal,
    id: i64,
) -> Result<(), AppError> {
    principal.may(crate::server::auth::Act::EndAssistedSessionAsSubject)?;
    let row = state
        .store
        .assisted_session(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.subject_user_id != principal.user_id {
        return Err(AppError::NotFound);
    }
    end(state, id, principal.user_id, "subject").await?;
    Ok(())
}

/// Switches between read-only and write mode; the agent confirms the caller asked for it.
pub async fn set_write_mode(
    state: &AppState,
    principal: &Principal,
    write: bool,
) -> Result<(), AppError> {
    let assist = principal
        .assist
        .as_ref()
        .filter(|a| a.relative_grant.is_none())
        .ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    let action = if write {
        "assist_write_mode"
    } else {
        "assist_read_mode"
    };
    state
        .store
        .set_assist_write_mode(
            assist.id,
            write,
            &event(
                now,
                assist.agent_user_id,
                principal.user_id,
                Some(assist.id),
                action,
                "",
            ),
        )
        .await?;
    Ok(())
}

/// What the banner on every page says during an assisted session.
pub fn banner(principal: &Principal, now: DateTime<Utc>) -> Option<AssistBanner> {
    let a = principal.assist.as_ref()?;
    let local = a
        .ends_at
        .with_timezone(&crate::models::time::china_offset());
    Some(AssistBanner {
        agent_name: a.agent_name.clone(),
        subject_name: principal.display_name.clone(),
        reason: a.reason,
        ticket: a.ticket.clone(),
        write_mode: a.write_mode,
        ends_at: local.format("%H:%M").to_string(),
        minutes_left: ((a.ends_at - now).num_seconds() + 59) / 60,
        relative: a.relative_grant.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_requests_are_checked_field_by_field() {
        let ok = StartAssist::parse(
            "12",
            "citizen",
            "record_enquiry",
            "来电查询缴费记录",
            "t-2026-001",
        )
        .unwrap();
        assert_eq!(ok.ticket, "T-2026-001");
        assert_eq!(ok.as_role, Role::Citizen);
        let Err(AppError::Validation(errors)) =
            StartAssist::parse("x", "admin", "", "短", "no spaces!")
        else {
            panic!("expected validation errors");
        };
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.code()))
            .collect();
        assert_eq!(
            fields,
            [
                ("user", "invalid"),
                ("reason", "required"),
                ("reason_text", "too_short"),
                ("ticket", "ticket_format")
            ]
        );
        // Acting as staff is not something an assisted session can do.
        for role in ["helpdesk", "reviewer", "admin"] {
            assert!(StartAssist::parse("12", role, "other", "帮助查询记录", "T-1234").is_err());
        }
        assert!(
            StartAssist::parse("12", "employer", "other", &"长".repeat(201), "T-1234").is_err()
        );
    }
}
