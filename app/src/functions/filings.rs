//! Out-of-area medical filings (`/api/citizen/...`): the form's choices, filing or changing one,
//! the list, one filing, and cancelling. The person always comes from the session; a reference
//! from the client only selects among that person's own filings.
// The form posts without JavaScript, so each field is an argument of its own (the macro
// generates the client function too, which an item-level allow does not reach).
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::models::filing::{FilingOptions, FilingView};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_filing_options")]
pub async fn get_filing_options(replaces: Option<String>) -> Result<FilingOptions, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.citizen()?;
            services::filings::options(&app_state()?, scope, replaces.as_deref()).await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "file_medical_filing")]
pub async fn file_medical_filing(
    insured: Option<String>,
    treatment: Option<String>,
    category: Option<String>,
    months: Option<String>,
    stay: Option<String>,
    admitted_on: Option<String>,
    evidence: Option<String>,
    documents: Option<String>,
    undertaking: Option<String>,
    replaces: Option<String>,
    request_key: String,
) -> Result<String, AppError> {
    use crate::models::filing::FilingInput;
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let input = FilingInput {
                insured: insured.unwrap_or_default(),
                treatment: treatment.unwrap_or_default(),
                category: category.unwrap_or_default(),
                months: months.unwrap_or_default(),
                stay: stay.unwrap_or_default(),
                admitted_on: admitted_on.unwrap_or_default(),
                evidence: evidence.unwrap_or_default(),
                documents: documents.unwrap_or_default(),
                undertaking,
            };
            let reference = services::filings::file(
                &app_state()?,
                &auth::require_principal()?,
                &input,
                &request_key,
                replaces.as_deref(),
            )
            .await?;
            leptos_axum::redirect(&format!("/me/filings/{reference}?filed=1"));
            Ok(reference)
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "list_filings")]
pub async fn list_filings() -> Result<Vec<FilingView>, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.citizen()?;
            services::filings::list(&app_state()?, scope).await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "get_filing")]
pub async fn get_filing(reference: String) -> Result<FilingView, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let scope = auth::require_principal()?.citizen()?;
            services::filings::detail(&app_state()?, scope, &reference).await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "cancel_filing")]
pub async fn cancel_filing(reference: String, confirm: Option<String>) -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let principal = auth::require_principal()?;
            principal.citizen()?;
            if confirm.is_none() {
                return Err(AppError::field("confirm", "confirm"));
            }
            services::filings::cancel(&app_state()?, &principal, &reference).await?;
            leptos_axum::redirect(&format!("/me/filings/{reference}?cancelled=1"));
            Ok(())
        }
        .await,
    )
}
