//! Every request made in an assisted session goes to the audit log with both identities, the
//! agent's (or relative's) and the person's. The event is written before the request runs, as pending: if it
//! cannot be written, the request does not run, so nothing is ever done unaudited. It is
//! settled after, from the status and the outcome the handler reported.

use app::server::OUTCOME_HEADER;
use app::server::auth::RequestSession;
use app::server::state::AppState;
use app::server::store::AuditEvent;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Runs inside `load_session`, which puts the `RequestSession` it reads.
pub async fn audit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let assisted = req
        .extensions()
        .get::<RequestSession>()
        .and_then(|s| s.0.as_ref())
        .and_then(|p| Some((p.user_id, p.assist.clone()?)));
    let pending = match &assisted {
        Some((subject, assist)) => {
            let path = req.uri().path();
            let event = AuditEvent {
                at: state.clock.now(),
                actor_user_id: Some(assist.agent_user_id),
                actor_role: assist.agent_role(),
                subject_user_id: Some(*subject),
                assisted_session_id: Some(assist.id),
                action: if path.starts_with("/api/") {
                    "call"
                } else {
                    "page"
                },
                target: path,
                outcome: "pending",
                detail: "",
            };
            match state.store.begin_audit(&event).await {
                Ok(id) => Some(id),
                Err(e) => {
                    tracing::error!(error = %e, "audit unavailable: assisted request refused");
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
            }
        }
        None => None,
    };
    let mut res = next.run(req).await;
    // Taken off every answer: it is for this layer, never for the browser.
    let reported = res.headers_mut().remove(OUTCOME_HEADER);
    if let Some(id) = pending {
        let outcome = match (
            reported.as_ref().and_then(|v| v.to_str().ok()),
            res.status().as_u16(),
        ) {
            (Some("failed"), _) | (_, 500..) => "failed",
            (Some(_), _) | (_, 400..) => "refused",
            _ => "ok",
        };
        if let Err(e) = state.store.settle_audit(id, outcome).await {
            tracing::error!(error = %e, audit_event = id, "audit outcome lost");
        }
    }
    res
}
