//! The one shape of a server function: who is asking, as the scope the function needs; the
//! shared state; the body; and the HTTP status of a refusal. A server function is its signature
//! and one call:
//!
//! ```ignore
//! call::citizen(|app, me| async move { services::record::career_overview(&app.store, me).await })
//!     .await
//! ```
//!
//! The scope is resolved before the state is touched, so a caller without the role gets
//! `Unauthenticated` or `Forbidden` and the body never runs.

use crate::error::AppError;
use crate::server::auth::{
    self, AdminScope, CitizenScope, EmployerScope, HelpdeskScope, Principal, ReviewerScope,
};
use crate::server::state::{AppState, app_state};
use std::future::Future;

async fn run<C, T, Fut>(
    caller: impl FnOnce() -> Result<C, AppError>,
    body: impl FnOnce(AppState, C) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    let result = async {
        let caller = caller()?;
        body(app_state()?, caller).await
    }
    .await;
    with_status(result)
}

/// Anyone, signed in or not: sign-in, sign-out, who am I.
pub async fn anyone<T, Fut>(
    body: impl FnOnce(AppState, Option<Principal>) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    run(|| Ok(auth::current_principal()), body).await
}

/// Any signed-in user, at any sign-in step and in any role: the body checks what it needs
/// (the code step, an assisted session's permissions).
pub async fn principal<T, Fut>(body: impl FnOnce(AppState, Principal) -> Fut) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    run(auth::require_principal, body).await
}

/// One entry point per role, named for it, each resolving that role's scope.
macro_rules! scoped {
    ($($(#[$doc:meta])* $role:ident: $scope:ty;)*) => {$(
        $(#[$doc])*
        pub async fn $role<T, Fut>(body: impl FnOnce(AppState, $scope) -> Fut) -> Result<T, AppError>
        where
            Fut: Future<Output = Result<T, AppError>>,
        {
            run(|| auth::require_principal()?.$role(), body).await
        }
    )*};
}

scoped! {
    /// A citizen past every sign-in step (or an agent acting for one).
    citizen: CitizenScope;
    /// An employer's user (or an agent acting for one).
    employer: EmployerScope;
    /// A reviewer of one office.
    reviewer: ReviewerScope;
    /// A helpdesk agent.
    helpdesk: HelpdeskScope;
    /// An administrator.
    admin: AdminScope;
}

/// Sets the HTTP status of a failed server-function call from its `AppError`. Plain form posts
/// (JavaScript off) keep the framework's redirect back to the form, which shows the error.
fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            let outcome = if e.status() < 500 {
                "refused"
            } else {
                "failed"
            };
            res.insert_header(
                http::HeaderName::from_static(super::OUTCOME_HEADER),
                http::HeaderValue::from_static(outcome),
            );
        }
        if !super::plain_form_post()
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
