//! Transfers: the citizen's draft steps, submission, tracking, withdrawal and answers
//! (`/api/citizen/...`), and the back office's queue, leg and decision (`/api/review/...`). The
//! person always comes from the session and the office from the reviewer's role; a reference
//! or leg id from the client only selects among what that scope may reach.

use crate::error::AppError;
use crate::models::transfer::{DraftView, LegReview, QueueItem, RequestDetail, RequestSummary};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn kind_of(slug: &str) -> Result<crate::models::transfer::TransferKind, AppError> {
    crate::models::transfer::TransferKind::from_slug(slug).ok_or(AppError::NotFound)
}

#[server(prefix = "/api/citizen", endpoint = "get_transfer_draft")]
pub async fn get_transfer_draft(kind: String) -> Result<DraftView, AppError> {
    use crate::server::{call, services};
    call::citizen(
        |app, me| async move { services::transfers::draft(&app, me, kind_of(&kind)?).await },
    )
    .await
}

/// Step 1 of the draft; back to the task list.
#[server(prefix = "/api/citizen", endpoint = "save_transfer_places")]
pub async fn save_transfer_places(
    kind: String,
    from: Option<String>,
    to: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let kind = kind_of(&kind)?;
        services::transfers::save_places(
            &app,
            &p,
            kind,
            from.as_deref().unwrap_or_default(),
            to.as_deref().unwrap_or_default(),
        )
        .await?;
        leptos_axum::redirect(&format!("/me/requests/new/{}", kind.slug()));
        Ok(())
    })
    .await
}

/// Step 2 of the draft; back to the task list.
#[server(prefix = "/api/citizen", endpoint = "save_transfer_contact")]
pub async fn save_transfer_contact(
    kind: String,
    phone: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let kind = kind_of(&kind)?;
        services::transfers::save_contact(
            &app,
            &p,
            kind,
            phone.as_deref().unwrap_or_default(),
            note.as_deref().unwrap_or_default(),
        )
        .await?;
        leptos_axum::redirect(&format!("/me/requests/new/{}", kind.slug()));
        Ok(())
    })
    .await
}

/// The answer to a temporary account's exceptions; back to the check page.
#[server(prefix = "/api/citizen", endpoint = "save_transfer_exception")]
pub async fn save_transfer_exception(
    kind: String,
    exception: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let kind = kind_of(&kind)?;
        let answer = exception.as_deref().unwrap_or_default();
        services::transfers::save_exception(&app, &p, kind, answer).await?;
        leptos_axum::redirect(&format!("/me/requests/new/{}/check", kind.slug()));
        Ok(())
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "submit_transfer")]
pub async fn submit_transfer(kind: String, request_key: String) -> Result<String, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let reference =
            services::transfers::submit(&app, &p, kind_of(&kind)?, &request_key).await?;
        leptos_axum::redirect(&format!("/me/requests/{reference}?submitted=1"));
        Ok(reference)
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "list_requests")]
pub async fn list_requests() -> Result<Vec<RequestSummary>, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::transfers::list(&app, me).await }).await
}

#[server(prefix = "/api/citizen", endpoint = "get_request")]
pub async fn get_request(reference: String) -> Result<RequestDetail, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::transfers::detail(&app, me, &reference).await })
        .await
}

#[server(prefix = "/api/citizen", endpoint = "withdraw_request")]
pub async fn withdraw_request(
    reference: String,
    version: i64,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        p.citizen()?;
        if confirm.is_none() {
            return Err(AppError::field("confirm", FieldCode::Confirm));
        }
        services::transfers::withdraw(&app, &p, &reference, version).await?;
        leptos_axum::redirect(&format!("/me/requests/{reference}?withdrawn=1"));
        Ok(())
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "answer_material")]
pub async fn answer_material(
    reference: String,
    version: i64,
    answer: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let answer = answer.as_deref().unwrap_or_default();
        services::transfers::answer_material(&app, &p, &reference, version, answer).await?;
        leptos_axum::redirect(&format!("/me/requests/{reference}?answered=1"));
        Ok(())
    })
    .await
}

#[server(prefix = "/api/review", endpoint = "get_queue")]
pub async fn get_queue() -> Result<Vec<QueueItem>, AppError> {
    use crate::server::{call, services};
    call::reviewer(|app, me| async move { services::review::queue(&app, me).await }).await
}

#[server(prefix = "/api/review", endpoint = "get_overdue")]
pub async fn get_overdue() -> Result<Vec<QueueItem>, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move { services::review::overdue(&app, &p).await }).await
}

#[server(prefix = "/api/review", endpoint = "get_leg")]
pub async fn get_leg(leg: i64) -> Result<LegReview, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move { services::review::leg(&app, &p, leg).await }).await
}

#[server(prefix = "/api/review", endpoint = "decide_leg")]
pub async fn decide_leg(
    leg: i64,
    version: i64,
    decision: Option<String>,
    reason: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::server::services::review::DecisionInput;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let input = DecisionInput {
            decision: decision.as_deref().unwrap_or_default(),
            reason: reason.as_deref(),
            note: note.as_deref().unwrap_or_default(),
        };
        services::review::decide(&app, &p, leg, version, &input).await?;
        leptos_axum::redirect(&format!("/review/legs/{leg}?decided=1"));
        Ok(())
    })
    .await
}
