//! Server-only code (feature `ssr`): authentication and scopes, services holding the workflow
//! rules, the store, and the shared state. None of it compiles into the browser bundle.

pub mod auth;
pub mod clock;
pub mod cookies;
pub mod pdf;
pub mod services;
pub mod state;
pub mod store;

use crate::error::AppError;

/// Response header (internal, removed by the session middleware) telling the audit log that a
/// call failed even when a plain form post answers with a redirect.
pub const OUTCOME_HEADER: &str = "x-jinbao-outcome";

/// Whether this server-function call is a form posted by the browser itself (JavaScript off),
/// rather than a call of the hydrated app.
pub fn plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|p| {
        p.headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// Sets the HTTP status of a failed server-function call from its `AppError`. Plain form posts
/// (JavaScript off) keep the framework's redirect back to the form, which shows the error.
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            let outcome = if e.status() < 500 {
                "refused"
            } else {
                "failed"
            };
            res.insert_header(
                http::HeaderName::from_static(OUTCOME_HEADER),
                http::HeaderValue::from_static(outcome),
            );
        }
        if !plain_form_post()
            && let (Some(res), Ok(status)) = (
                leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
                http::StatusCode::from_u16(e.status()),
            )
        {
            res.set_status(status);
        }
    }
    result
}
