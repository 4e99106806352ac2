//! Certificates: the citizen's own (options, issue, list, one, revoke) and the public
//! verification. The person always comes from the session; a document number from the client
//! only ever selects among that person's own certificates.
// The issue form posts without JavaScript, so each field is an argument of its own (the macro
// generates the client function too, which an item-level allow does not reach).
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::models::certificate::{
    CertificateDetail, CertificateOptions, CertificateSummary, VerifyOutcome,
};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_certificate_options")]
pub async fn get_certificate_options() -> Result<CertificateOptions, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::certificates::options(&app, me).await }).await
}

/// The issue form, field by field as a plain HTML form posts it.
#[server(prefix = "/api/citizen", endpoint = "issue_certificate")]
pub async fn issue_certificate(
    kind: String,
    purpose: Option<String>,
    language: Option<String>,
    region: Option<String>,
    pension: Option<String>,
    medical: Option<String>,
    work_injury: Option<String>,
    unemployment: Option<String>,
    maternity: Option<String>,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    year: Option<String>,
    insurance: Option<String>,
    request_key: String,
) -> Result<String, AppError> {
    use crate::models::certificate::IssueInput;
    use crate::server::{call, services};
    let input = IssueInput {
        kind,
        purpose: purpose.unwrap_or_default(),
        language: language.unwrap_or_default(),
        region,
        pension,
        medical,
        work_injury,
        unemployment,
        maternity,
        period,
        from,
        to,
        year,
        insurance,
        request_key,
    };
    call::principal(|app, p| async move {
        let number = services::certificates::issue(&app, &p, &input).await?;
        leptos_axum::redirect(&format!("/me/certificates/{number}?issued=1"));
        Ok(number)
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "list_certificates")]
pub async fn list_certificates() -> Result<Vec<CertificateSummary>, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::certificates::list(&app.store, me).await }).await
}

#[server(prefix = "/api/citizen", endpoint = "get_certificate")]
pub async fn get_certificate(number: String) -> Result<CertificateDetail, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::certificates::detail(&app, me, &number).await })
        .await
}

#[server(prefix = "/api/citizen", endpoint = "revoke_certificate")]
pub async fn revoke_certificate(number: String, confirm: Option<String>) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        p.citizen()?;
        if confirm.is_none() {
            return Err(AppError::field("confirm", FieldCode::Confirm));
        }
        services::certificates::revoke(&app, &p, &number).await?;
        leptos_axum::redirect(&format!("/me/certificates/{number}?revoked=1"));
        Ok(())
    })
    .await
}

/// Public, no sign-in: the minimal view of a certificate whose number and code match.
#[server(prefix = "/api/public", endpoint = "verify_certificate")]
pub async fn verify_certificate(number: String, code: String) -> Result<VerifyOutcome, AppError> {
    use crate::functions::auth::{client_address, request_parts};
    use crate::server::{call, services};
    call::anyone(|app, _| async move {
        let address = client_address(&request_parts()?);
        services::certificates::verify(&app, &number, &code, &address).await
    })
    .await
}
