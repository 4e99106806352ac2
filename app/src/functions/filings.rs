//! Out-of-area medical filings (`/api/citizen/...`): the draft and its steps, filing it (new or
//! a change), the list, one filing, and cancelling. The person always comes from the session; a
//! reference or document id from the client only selects among that person's own.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::models::filing::draft_href;
use crate::models::filing::{FilingDraftView, FilingView};
use leptos::prelude::*;

/// `replaces` names the filing a change replaces; empty or absent for a new filing.
#[cfg(feature = "ssr")]
fn target(replaces: &Option<String>) -> Option<&str> {
    replaces.as_deref().map(str::trim).filter(|r| !r.is_empty())
}

#[server(prefix = "/api/citizen", endpoint = "get_filing_draft")]
pub async fn get_filing_draft(replaces: Option<String>) -> Result<FilingDraftView, AppError> {
    use crate::server::{call, services};
    call::citizen(
        |app, me| async move { services::filings::draft(&app, me, target(&replaces)).await },
    )
    .await
}

/// Step 1 of the draft; back to the task list.
#[server(prefix = "/api/citizen", endpoint = "save_filing_places")]
pub async fn save_filing_places(
    replaces: Option<String>,
    insured: Option<String>,
    treatment: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::filings::save_places(
            &app,
            &p,
            target(&replaces),
            insured.as_deref().unwrap_or_default(),
            treatment.as_deref().unwrap_or_default(),
        )
        .await?;
        leptos_axum::redirect(&draft_href(target(&replaces)));
        Ok(())
    })
    .await
}

/// Step 2 of the draft; back to the task list.
#[server(prefix = "/api/citizen", endpoint = "save_filing_category")]
pub async fn save_filing_category(
    replaces: Option<String>,
    category: Option<String>,
    months: Option<String>,
    stay: Option<String>,
    admitted_on: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::filings::save_category(
            &app,
            &p,
            target(&replaces),
            category.as_deref().unwrap_or_default(),
            months.as_deref().unwrap_or_default(),
            stay.as_deref().unwrap_or_default(),
            admitted_on.as_deref().unwrap_or_default(),
        )
        .await?;
        leptos_axum::redirect(&draft_href(target(&replaces)));
        Ok(())
    })
    .await
}

/// Takes an uploaded document off the draft (step 3 uploads them, as a multipart form that
/// `/files/filing-documents` receives); back to step 3.
#[server(prefix = "/api/citizen", endpoint = "remove_filing_document")]
pub async fn remove_filing_document(replaces: Option<String>, id: i64) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::filings::remove_document(&app, &p, target(&replaces), id).await?;
        leptos_axum::redirect(&format!("{}/evidence", draft_href(target(&replaces))));
        Ok(())
    })
    .await
}

/// Files the draft; on to the filing's confirmation.
#[server(prefix = "/api/citizen", endpoint = "submit_filing")]
pub async fn submit_filing(
    replaces: Option<String>,
    request_key: String,
) -> Result<String, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let reference =
            services::filings::submit(&app, &p, target(&replaces), &request_key).await?;
        leptos_axum::redirect(&format!("/me/filings/{reference}?filed=1"));
        Ok(reference)
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "list_filings")]
pub async fn list_filings() -> Result<Vec<FilingView>, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::filings::list(&app, me).await }).await
}

#[server(prefix = "/api/citizen", endpoint = "get_filing")]
pub async fn get_filing(reference: String) -> Result<FilingView, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::filings::detail(&app, me, &reference).await })
        .await
}

#[server(prefix = "/api/citizen", endpoint = "cancel_filing")]
pub async fn cancel_filing(reference: String, confirm: Option<String>) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        p.citizen()?;
        if confirm.is_none() {
            return Err(AppError::field("confirm", FieldCode::Confirm));
        }
        services::filings::cancel(&app, &p, &reference).await?;
        leptos_axum::redirect(&format!("/me/filings/{reference}?cancelled=1"));
        Ok(())
    })
    .await
}
