//! The citizen's access log (谁查看了我的信息) and notification inbox. Reads only the signed-in
//! person's own entries; an agent acting as them sees the same page but cannot mark anything read.

use crate::error::AppError;
use crate::models::assist::{AccessLog, AccessLogEntry, AccessQuery, AssistedDetail, Notification};
use crate::models::time::{day_start, local_minute};
use crate::server::auth::{Act, CitizenScope, Principal};
use crate::server::state::AppState;
use crate::server::store::{AccessFilter, AssistedAction, AssistedSessionRow};
use std::collections::HashMap;

pub const PAGE_SIZE: i64 = 30;
const INBOX_SIZE: i64 = 50;

/// At most this many actions are listed per assisted session; the count says how many in all.
const MAX_ACTIONS_SHOWN: i64 = 50;

fn detail(row: AssistedSessionRow, actions: &[AssistedAction]) -> AssistedDetail {
    let mine: Vec<&AssistedAction> = actions
        .iter()
        .filter(|a| a.assisted_session_id == row.id)
        .collect();
    AssistedDetail {
        id: row.id,
        agent: row.agent_name,
        reason: row.reason,
        reason_text: row.reason_text,
        ticket: row.ticket,
        started: local_minute(row.started_at),
        ended: row.ended_at.map(local_minute),
        end_reason: row.end_reason,
        actions_total: mine.first().map_or(0, |a| a.total as usize),
        actions: mine
            .into_iter()
            .map(|a| {
                (
                    local_minute(a.at),
                    a.action.clone(),
                    a.target.clone(),
                    a.outcome.clone(),
                )
            })
            .collect(),
    }
}

/// The sessions with these ids, with what was done in each.
async fn details(state: &AppState, ids: &[i64]) -> Result<HashMap<i64, AssistedDetail>, AppError> {
    let actions = state.store.assisted_actions(ids, MAX_ACTIONS_SHOWN).await?;
    Ok(state
        .store
        .assisted_sessions_by_ids(ids)
        .await?
        .into_iter()
        .map(|s| (s.id, detail(s, &actions)))
        .collect())
}

/// The assisted sessions still running on this user's account, which they may end: on the
/// citizen's access log and the employer's home page.
pub async fn open_sessions(
    state: &AppState,
    user_id: i64,
) -> Result<Vec<AssistedDetail>, AppError> {
    let open = open_session_ids(state, user_id).await?;
    let mut by_id = details(state, &open).await?;
    Ok(open.iter().filter_map(|id| by_id.remove(id)).collect())
}

async fn open_session_ids(state: &AppState, user_id: i64) -> Result<Vec<i64>, AppError> {
    let now = state.clock.now();
    Ok(state
        .store
        .open_assisted_sessions_for(user_id)
        .await?
        .into_iter()
        .filter(|s| {
            now < s.hard_end_at && now < s.last_active_at + state.sessions.assist_idle_timeout
        })
        .map(|s| s.id)
        .collect())
}

pub async fn access_log(
    state: &AppState,
    principal: &Principal,
    scope: CitizenScope,
    query: AccessQuery,
) -> Result<AccessLog, AppError> {
    let store = &state.store;
    let filter = AccessFilter {
        actor_role: query.kind,
        from: query.from.map(day_start),
        until: query.to.and_then(|d| d.succ_opt()).map(day_start),
    };
    let (rows, total) = store
        .citizen(&scope)
        .access_log(&filter, PAGE_SIZE, query.page * PAGE_SIZE)
        .await?;
    // The sessions the page mentions and those still running, read together.
    let open = open_session_ids(state, principal.user_id).await?;
    let mut ids: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.assisted_session.as_deref()?.parse().ok())
        .chain(open.iter().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let sessions = details(state, &ids).await?;
    let entries = rows
        .into_iter()
        .map(|r| AccessLogEntry {
            at: local_minute(r.at),
            kind: r.actor_role,
            assisted: r
                .assisted_session
                .as_deref()
                .and_then(|id| id.parse::<i64>().ok())
                .and_then(|id| sessions.get(&id).cloned()),
            actor: r.actor_label,
            action: r.action,
            purpose: r.purpose,
        })
        .collect();
    Ok(AccessLog {
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
        query,
        entries,
        total,
        open_sessions: open
            .iter()
            .filter_map(|id| sessions.get(id).cloned())
            .collect(),
    })
}

pub async fn notifications(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<Notification>, AppError> {
    principal.citizen()?;
    Ok(state
        .store
        .notifications(principal.user_id, INBOX_SIZE)
        .await?
        .into_iter()
        .map(|n| Notification {
            at: local_minute(n.at),
            params: serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&n.params)
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| {
                    (
                        k,
                        v.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string()),
                    )
                })
                .collect(),
            kind: n.kind,
            link: n.link,
            unread: n.read_at.is_none(),
        })
        .collect())
}

pub async fn mark_read(state: &AppState, principal: &Principal) -> Result<(), AppError> {
    principal.citizen()?;
    principal.may(Act::MarkNotificationsRead)?;
    state
        .store
        .mark_notifications_read(principal.user_id, state.clock.now())
        .await?;
    Ok(())
}
