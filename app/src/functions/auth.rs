//! Sign-in, sign-out and "who am I".

use crate::error::AppError;
use crate::models::auth::{CurrentUser, SessionStage};
use leptos::prelude::*;

/// Signs in by resident ID, phone or user name. Lands on the role's home page, or on the next
/// sign-in step (the code, or setting up two-factor sign-in) when one is due.
#[server(prefix = "/api/auth", endpoint = "login")]
pub async fn login(account: String, password: String) -> Result<SessionStage, AppError> {
    use crate::server::auth;
    crate::server::call::anyone(|app, _| async move {
        let parts = request_parts()?;
        let previous = app.sessions.token_from_headers(&parts.headers);
        let signed_in = auth::login(
            &app,
            &account,
            password,
            &client_address(&parts),
            previous.as_deref(),
        )
        .await?;
        // A choice of elder mode made on this device before signing in is the account's now.
        if let Some(on) = crate::elder_mode::ElderMode::device_choice(&parts.headers) {
            app.store.set_elder_mode(signed_in.user_id, on).await?;
        }
        set_session_cookie(&app, &signed_in.token)?;
        leptos_axum::redirect(signed_in.next_path);
        Ok(signed_in.stage)
    })
    .await
}

/// The second sign-in step: the six-digit code from the authenticator app.
#[server(prefix = "/api/auth", endpoint = "verify_code")]
pub async fn verify_code(code: String) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let address = client_address(&request_parts()?);
        let token = services::account::verify_sign_in_code(&app, &p, &code, &address).await?;
        set_session_cookie(&app, &token)?;
        leptos_axum::redirect(p.landing());
        Ok(())
    })
    .await
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
    use crate::server::{auth, call};
    call::anyone(|app, p| async move {
        if let Some(p) = p {
            auth::logout(&app, &p).await?;
        }
        expect_context::<leptos_axum::ResponseOptions>().insert_header(
            http::header::SET_COOKIE,
            http::HeaderValue::from_str(&app.sessions.clearing_cookie())
                .map_err(AppError::internal)?,
        );
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// The signed-in user, or None: the header, the assisted-session banner and the unread count.
#[server(prefix = "/api/auth", endpoint = "who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    use crate::models::auth::{Role, SessionClock};
    use crate::server::{call, services};
    call::anyone(|app, p| async move {
        let Some(p) = p else {
            return Ok(None);
        };
        let unread = match p.unread_notifications {
            _ if p.role != Role::Citizen || p.stage != SessionStage::Full => 0,
            Some(count) => count,
            None => app.store.unread_notifications(p.user_id).await?,
        };
        let now = app.clock.now();
        let session_clock = (p.stage == SessionStage::Full && p.assist.is_none()).then(|| {
            let idle = app.sessions.idle_timeout;
            SessionClock {
                idle_left: (p.session_seen_at + idle - now).num_seconds(),
                idle_timeout: idle.num_seconds(),
                hard_left: (p.session_expires_at - now).num_seconds(),
            }
        });
        Ok(Some(CurrentUser {
            assisted: services::assist::banner(&p, now),
            session_clock,
            helps_relatives: p.helps_relatives,
            display_name: p.display_name,
            role: p.role,
            stage: p.stage,
            unread_notifications: unread,
        }))
    })
    .await
}

/// Renews the session's idle limit: the "continue" of the warning before it ends.
#[server(prefix = "/api/auth", endpoint = "keep_alive")]
pub async fn keep_alive() -> Result<(), AppError> {
    crate::server::call::principal(|app, p| async move {
        if p.stage != SessionStage::Full {
            return Err(AppError::Unauthenticated);
        }
        app.store
            .touch_session(&p.session_hash, app.clock.now())
            .await?;
        Ok(())
    })
    .await
}

/// The request being answered (its headers and the peer address).
#[cfg(feature = "ssr")]
pub(crate) fn request_parts() -> Result<http::request::Parts, AppError> {
    use_context::<http::request::Parts>().ok_or_else(|| AppError::internal("request parts missing"))
}

/// The client's address as the server resolved it (the throttle key per address).
#[cfg(feature = "ssr")]
pub(crate) fn client_address(parts: &http::request::Parts) -> String {
    parts
        .extensions
        .get::<crate::server::ClientAddress>()
        .map(|c| c.0.to_string())
        .unwrap_or_else(|| "unknown".into())
}
