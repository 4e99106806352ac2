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
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.citizen()?;
            services::transfers::draft(&app_state()?, scope, kind_of(&kind)?).await
        }
        .await,
    )
}

/// Step 1 of the draft; back to the task list.
#[server(prefix = "/api/citizen", endpoint = "save_transfer_places")]
pub async fn save_transfer_places(
    kind: String,
    from: Option<String>,
    to: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let kind = kind_of(&kind)?;
            services::transfers::save_places(
                &app_state()?,
                &auth::require_principal()?,
                kind,
                from.as_deref().unwrap_or_default(),
                to.as_deref().unwrap_or_default(),
            )
            .await?;
            leptos_axum::redirect(&format!("/me/requests/new/{}", kind.slug()));
            Ok(())
        }
        .await,
    )
}

/// Step 2 of the draft; back to the task list.
#[server(prefix = "/api/citizen", endpoint = "save_transfer_contact")]
pub async fn save_transfer_contact(
    kind: String,
    phone: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let kind = kind_of(&kind)?;
            services::transfers::save_contact(
                &app_state()?,
                &auth::require_principal()?,
                kind,
                phone.as_deref().unwrap_or_default(),
                note.as_deref().unwrap_or_default(),
            )
            .await?;
            leptos_axum::redirect(&format!("/me/requests/new/{}", kind.slug()));
            Ok(())
        }
        .await,
    )
}

/// The answer to a temporary account's exceptions; back to the check page.
#[server(prefix = "/api/citizen", endpoint = "save_transfer_exception")]
pub async fn save_transfer_exception(
    kind: String,
    exception: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let kind = kind_of(&kind)?;
            services::transfers::save_exception(
                &app_state()?,
                &auth::require_principal()?,
                kind,
                exception.as_deref().unwrap_or_default(),
            )
            .await?;
            leptos_axum::redirect(&format!("/me/requests/new/{}/check", kind.slug()));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "submit_transfer")]
pub async fn submit_transfer(kind: String, request_key: String) -> Result<String, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let reference = services::transfers::submit(
                &app_state()?,
                &auth::require_principal()?,
                kind_of(&kind)?,
                &request_key,
            )
            .await?;
            leptos_axum::redirect(&format!("/me/requests/{reference}?submitted=1"));
            Ok(reference)
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "list_requests")]
pub async fn list_requests() -> Result<Vec<RequestSummary>, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.citizen()?;
            services::transfers::list(&app_state()?, scope).await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "get_request")]
pub async fn get_request(reference: String) -> Result<RequestDetail, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.citizen()?;
            services::transfers::detail(&app_state()?, scope, &reference).await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "withdraw_request")]
pub async fn withdraw_request(
    reference: String,
    version: i64,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let principal = auth::require_principal()?;
            principal.citizen()?;
            if confirm.is_none() {
                return Err(AppError::field("confirm", "confirm"));
            }
            services::transfers::withdraw(&app_state()?, &principal, &reference, version).await?;
            leptos_axum::redirect(&format!("/me/requests/{reference}?withdrawn=1"));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "answer_material")]
pub async fn answer_material(
    reference: String,
    version: i64,
    answer: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::transfers::answer_material(
                &app_state()?,
                &auth::require_principal()?,
                &reference,
                version,
                answer.as_deref().unwrap_or_default(),
            )
            .await?;
            leptos_axum::redirect(&format!("/me/requests/{reference}?answered=1"));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/review", endpoint = "get_queue")]
pub async fn get_queue() -> Result<Vec<QueueItem>, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.reviewer()?;
            services::review::queue(&app_state()?, scope).await
        }
        .await,
    )
}

#[server(prefix = "/api/review", endpoint = "get_overdue")]
pub async fn get_overdue() -> Result<Vec<QueueItem>, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async { services::review::overdue(&app_state()?, &auth::require_principal()?).await }.await,
    )
}

#[server(prefix = "/api/review", endpoint = "get_leg")]
pub async fn get_leg(leg: i64) -> Result<LegReview, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async { services::review::leg(&app_state()?, &auth::require_principal()?, leg).await }
            .await,
    )
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
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::review::decide(
                &app_state()?,
                &auth::require_principal()?,
                leg,
                version,
                &DecisionInput {
                    decision: decision.as_deref().unwrap_or_default(),
                    reason: reason.as_deref(),
                    note: note.as_deref().unwrap_or_default(),
                },
            )
            .await?;
            leptos_axum::redirect(&format!("/review/legs/{leg}?decided=1"));
            Ok(())
        }
        .await,
    )
}
