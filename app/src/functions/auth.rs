//! Sign-in, sign-out and "who am I".

use crate::error::AppError;
use crate::models::auth::{CurrentUser, SessionStage};
use leptos::prelude::*;

/// Signs in by resident ID, phone or user name. Lands on the role's home page, or on the next
/// sign-in step (the code, or setting up two-factor sign-in) when one is due.
#[server(prefix = "/api/auth", endpoint = "login")]
pub async fn login(account: String, password: String) -> Result<SessionStage, AppError> {
    crate::server::with_status(login_inner(account, password).await)
}

#[cfg(feature = "ssr")]
async fn login_inner(account: String, password: String) -> Result<SessionStage, AppError> {
    use crate::server::auth::{self, session};
    use crate::server::state::app_state;
    let state = app_state()?;
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("request parts missing"))?;
    let address = client_address(&parts);
    let previous = session::token_from_headers(&parts.headers);
    let (token, role, stage) =
        auth::login(&state, &account, password, &address, previous.as_deref()).await?;
    set_session_cookie(&state, &token)?;
    leptos_axum::redirect(stage.next_path().unwrap_or(role.home_path()));
    Ok(stage)
}

/// The second sign-in step: the six-digit code from the authenticator app.
#[server(prefix = "/api/auth", endpoint = "verify_code")]
pub async fn verify_code(code: String) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let state = app_state()?;
            let principal = auth::require_principal()?;
            let parts = use_context::<http::request::Parts>()
                .ok_or_else(|| AppError::internal("request parts missing"))?;
            let token = services::account::verify_sign_in_code(
                &state,
                &principal,
                &code,
                &client_address(&parts),
            )
            .await?;
            set_session_cookie(&state, &token)?;
            leptos_axum::redirect(principal.role.home_path());
            Ok(())
        }
        .await,
    )
}

/// Replaces the session cookie (login, second factor, start and end of an assisted session).
#[cfg(feature = "ssr")]
pub(crate) fn set_session_cookie(
    state: &crate::server::state::AppState,
    token: &str,
) -> Result<(), AppError> {
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.insert_header(
        http::header::SET_COOKIE,
        http::HeaderValue::from_str(&state.sessions.cookie(token)).map_err(AppError::internal)?,
    );
    Ok(())
}

/// Ends the session and returns to the start page.
#[server(prefix = "/api/auth", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::auth;
    use crate::server::state::app_state;
    let state = app_state()?;
    if let Some(principal) = auth::current_principal() {
        auth::logout(&state, &principal).await?;
    }
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.insert_header(
        http::header::SET_COOKIE,
        http::HeaderValue::from_str(&state.sessions.clearing_cookie())
            .map_err(AppError::internal)?,
    );
    leptos_axum::redirect("/");
    Ok(())
}

/// The signed-in user, or None: the header, the assisted-session banner and the unread count.
#[server(prefix = "/api/auth", endpoint = "who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    use crate::models::auth::Role;
    use crate::server::{auth, services, state::app_state};
    let Some(p) = auth::current_principal() else {
        return Ok(None);
    };
    let state = app_state()?;
    let unread = match p.unread_notifications {
        _ if p.role != Role::Citizen || p.stage != SessionStage::Full => 0,
        Some(count) => count,
        None => state.store.unread_notifications(p.user_id).await?,
    };
    Ok(Some(CurrentUser {
        assisted: services::assist::banner(&p, state.clock.now()),
        display_name: p.display_name,
        role: p.role,
        stage: p.stage,
        unread_notifications: unread,
    }))
}

/// The peer address, as seen by the listener (the throttle key per address).
#[cfg(feature = "ssr")]
pub(crate) fn client_address(parts: &http::request::Parts) -> String {
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
