//! Supporting documents of out-of-area medical filings, as plain HTTP so they work without
//! JavaScript: `POST /files/filing-documents` is step 3 of the filing form (a multipart form:
//! `replaces`, `evidence`, `undertaking`, any number of `documents` files, and `then`:
//! `upload` to stay on the step, anything else to finish it), and
//! `GET /files/filing-documents/{id}` downloads one document for its owner.
//!
//! The form answers with a redirect either way: on to the next page, or back to step 3 with the
//! problems in the address (`?error=documents:file_type,...`), which the page shows beside their
//! fields. Refusals (nobody signed in, another role, a read-only assisted session) are plain
//! responses with the status and a message in the reader's language.

use super::download::{Reader, attachment, refusal};
use app::error::{AppError, FieldCode, FieldError};
use app::i18n::Locale;
use app::models::filing::{MAX_DOCUMENT_BYTES, draft_href};
use app::server::auth::RequestSession;
use app::server::services::filings::{self, Upload};
use app::server::state::AppState;
use axum::Extension;
use axum::extract::multipart::{Field, Multipart, MultipartError};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// What one request may carry: every document a filing may hold at the largest size, and the
/// form's other fields.
pub const UPLOAD_LIMIT_BYTES: usize =
    app::models::filing::MAX_DOCUMENTS * MAX_DOCUMENT_BYTES + 64 * 1024;

/// The form as posted.
#[derive(Default)]
struct EvidenceForm {
    replaces: Option<String>,
    evidence: String,
    undertaking: bool,
    uploading: bool,
    uploads: Vec<Upload>,
}

/// A file's bytes, read no further than one byte past the limit (which is then refused).
async fn read_capped(field: &mut Field<'_>) -> Result<Vec<u8>, MultipartError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_DOCUMENT_BYTES {
            break;
        }
    }
    Ok(bytes)
}

/// Reads the form into `form`; on a failure, what came before it (the hidden `replaces` comes
/// first) is still there to send the person back to the right form.
async fn read_form(
    mut multipart: Multipart,
    form: &mut EvidenceForm,
) -> Result<(), MultipartError> {
    while let Some(mut field) = multipart.next_field().await? {
        match field.name().unwrap_or_default() {
            "documents" => {
                let file_name = field.file_name().unwrap_or_default().to_string();
                let bytes = read_capped(&mut field).await?;
                // A file input left empty still sends a part, with no name and no bytes.
                if !(file_name.is_empty() && bytes.is_empty()) {
                    form.uploads.push(Upload { file_name, bytes });
                }
            }
            "replaces" => {
                form.replaces = Some(field.text().await?).filter(|r| !r.trim().is_empty())
            }
            "evidence" => form.evidence = field.text().await?,
            "undertaking" => form.undertaking = !field.text().await?.is_empty(),
            "then" => form.uploading = field.text().await? == "upload",
            _ => {}
        }
    }
    Ok(())
}

/// Step 3 as the address shows it, with the problems to show beside their fields.
fn back_with(href: &str, problems: &[FieldError]) -> Response {
    let codes: Vec<String> = problems
        .iter()
        .map(|p| format!("{}:{}", p.field, p.code.code()))
        .collect();
    Redirect::to(&format!("{href}/evidence?error={}", codes.join(","))).into_response()
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(session): Extension<RequestSession>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let t = Locale::from_cookie_header(&headers)
        .unwrap_or_default()
        .texts();
    let Some(principal) = session.0 else {
        return refusal(t, &AppError::Unauthenticated);
    };
    let mut form = EvidenceForm::default();
    let read = read_form(multipart, &mut form).await;
    // The reference goes into the address sent back: only a reference's characters.
    if form
        .replaces
        .as_deref()
        .is_some_and(|r| r.len() > 32 || !r.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return refusal(t, &AppError::NotFound);
    }
    let href = draft_href(form.replaces.as_deref());
    match read {
        Ok(()) => {}
        // Past the request's limit: nothing read is kept.
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let too_large = FieldError {
                field: "documents".into(),
                code: FieldCode::FileTooLarge,
            };
            return back_with(&href, &[too_large]);
        }
        Err(e) => return refusal(t, &AppError::Request(e.body_text())),
    }
    let saved = filings::save_evidence(
        &state,
        &principal,
        form.replaces.as_deref(),
        &form.evidence,
        form.undertaking,
        form.uploads,
        !form.uploading,
    )
    .await;
    match saved {
        Ok(()) if form.uploading => Redirect::to(&format!("{href}/evidence")).into_response(),
        Ok(()) => Redirect::to(&href).into_response(),
        Err(AppError::Validation(problems)) => back_with(&href, &problems),
        Err(e) => refusal(t, &e),
    }
}

pub async fn download(
    State(state): State<AppState>,
    reader: Reader,
    Path(id): Path<String>,
) -> Response {
    reader
        .answer(|p| async move {
            let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
            let d = filings::document(&state, &p, id).await?;
            Ok(attachment(d.content, &d.content_type, &d.file_name))
        })
        .await
}
