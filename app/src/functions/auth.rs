//! Sign-in, sign-out and "who am I".

use crate::error::AppError;
use crate::models::auth::CurrentUser;
use leptos::prelude::*;

/// Signs in by resident ID, phone or user name and lands on the role's home page.
#[server(prefix = "/api/auth", endpoint = "login")]
pub async fn login(account: String, password: String) -> Result<CurrentUser, AppError> {
    crate::server::with_status(login_inner(account, password).await)
}

#[cfg(feature = "ssr")]
async fn login_inner(account: String, password: String) -> Result<CurrentUser, AppError> {
    use crate::server::auth::{self, session};
    use crate::server::state::app_state;
    let state = app_state()?;
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("request parts missing"))?;
    let address = client_address(&parts);
    let previous = session::token_from_headers(&parts.headers);
    let (token, user) =
        auth::login(&state, &account, password, &address, previous.as_deref()).await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.insert_header(
        http::header::SET_COOKIE,
        http::HeaderValue::from_str(&state.sessions.cookie(&token)).map_err(AppError::internal)?,
    );
    leptos_axum::redirect(user.role.home_path());
    Ok(user)
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

/// The signed-in user, or None.
#[server(prefix = "/api/auth", endpoint = "who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    Ok(crate::server::auth::current_principal().map(|p| p.current_user()))
}

/// The peer address, as seen by the listener (the throttle key per address).
#[cfg(feature = "ssr")]
fn client_address(parts: &http::request::Parts) -> String {
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
