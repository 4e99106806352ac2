//! The session behind each request: the cookie resolved into a `RequestSession` extension that
//! pages, server functions and downloads read, and a dead cookie cleared.

use app::server::auth::{self, RequestSession};
use app::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let token = state.sessions.token_from_headers(req.headers());
    let principal = match &token {
        Some(t) => match auth::resolve_session(&state, t).await {
            Ok(p) => p,
            // The store failed, the cookie did not: clearing it here signed out everyone who
            // made a request while the database restarted (scripts/db-restart.sh). They get a
            // 503, as /healthz does, and keep their session.
            Err(e) => {
                tracing::warn!(error = ?e, "session lookup failed");
                return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
            }
        },
        None => None,
    };
    let stale_cookie = token.is_some() && principal.is_none();
    req.extensions_mut().insert(RequestSession(principal));
    let mut res = next.run(req).await;
    if stale_cookie
        && !res.headers().contains_key(header::SET_COOKIE)
        && let Ok(v) = HeaderValue::from_str(&state.sessions.clearing_cookie())
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}
