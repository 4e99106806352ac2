//! The yearly qualification check: the pensioner's page and confirmation, and the paying
//! office's review. The person is the session's; an office decides only what was sent to it.

use crate::error::AppError;
use crate::models::qualification::{QualificationView, ReviewCheck};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_qualification")]
pub async fn get_qualification() -> Result<QualificationView, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move { services::qualification::view(&app, &p).await }).await
}

/// The confirmation form: `confirm_by` is `second_factor` (with `code`) or `office_review`.
/// (Not `method`: a form control by that name shadows the form's own `method`.)
#[server(prefix = "/api/citizen", endpoint = "confirm_qualification")]
pub async fn confirm_qualification(
    confirm_by: Option<String>,
    code: Option<String>,
    confirm: Option<String>,
    request_key: String,
) -> Result<(), AppError> {
    use crate::functions::auth::{client_address, request_parts};
    use crate::server::services::qualification::ConfirmInput;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let address = client_address(&request_parts()?);
        let input = ConfirmInput {
            method: confirm_by.as_deref().unwrap_or_default(),
            code: code.as_deref().unwrap_or_default(),
            confirm: confirm.is_some(),
            request_key: &request_key,
        };
        services::qualification::confirm(&app, &p, &input, &address).await?;
        leptos_axum::redirect("/me/pension/qualification?sent=1");
        Ok(())
    })
    .await
}

#[server(prefix = "/api/review", endpoint = "get_qualification_queue")]
pub async fn get_qualification_queue() -> Result<Vec<ReviewCheck>, AppError> {
    use crate::server::{call, services};
    call::reviewer(|app, me| async move { services::qualification::queue(&app, me).await }).await
}

#[server(prefix = "/api/review", endpoint = "decide_qualification")]
pub async fn decide_qualification(
    check: i64,
    decision: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::qualification::decide(
            &app,
            &p,
            check,
            decision.as_deref().unwrap_or_default(),
            note.as_deref().unwrap_or_default(),
        )
        .await?;
        leptos_axum::redirect("/review/qualifications?decided=1");
        Ok(())
    })
    .await
}
