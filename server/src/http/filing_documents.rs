//! Supporting documents of out-of-area medical filings, as plain HTTP so they work without
//! JavaScript: `POST /files/filing-documents` is step 3 of the filing form (a multipart form:
//! `replaces`, `evidence`, `undertaking`, any number of `documents` files, and `then`:
//! `upload` to stay on the step, anything else to finish it), and
//! `GET /files/filing-documents/{id}` downloads one document for its owner (in an assisted
//! session, as a PDF with the session's watermark on every page).
//!
//! The form answers with a redirect either way: on to the next page, or back to step 3 with the
//! problems in the address (`?error=documents:file_type,...`), which the page shows beside their
//! fields. Refusals (nobody signed in, another role, a read-only assisted session) are plain
//! responses with the status and a message in the reader's language.
//!
//! Who may upload is checked before a byte of the body is read, and only `max_concurrent_uploads`
//! bodies are read at once, so nobody can make the server take in 25 MB bodies by the dozen.

use super::download::{Reader, attachment, refusal};
use app::error::{AppError, FieldCode, FieldError};
use app::models::filing::{MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, draft_href};
use app::server::services::filings::{self, Upload};
use app::server::state::AppState;
use axum::Extension;
use axum::extract::multipart::{Field, Multipart, MultipartError};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// What one request may carry: every document a filing may hold at the largest size, and the
/// form's other fields.
pub const UPLOAD_LIMIT_BYTES: usize = MAX_DOCUMENTS * MAX_DOCUMENT_BYTES + 64 * 1024;

/// The parts a form may carry: the documents, and `replaces`, `evidence`, `undertaking`, `then`.
const MAX_PARTS: usize = MAX_DOCUMENTS + 4;

/// How many upload bodies are read at once (the `max_concurrent_uploads` setting).
#[derive(Clone)]
pub struct UploadSlots(Arc<Semaphore>);

impl UploadSlots {
    pub fn new(slots: usize) -> Self {
        Self(Arc::new(Semaphore::new(slots)))
    }
}

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

/// Why a posted form could not be read to its end.
enum Unreadable {
    Multipart(MultipartError),
    /// More files than a filing may hold: reading stops at the first one too many.
    TooManyFiles,
    /// More parts than the form has: not a browser's post.
    TooManyParts,
}

impl From<MultipartError> for Unreadable {
    fn from(e: MultipartError) -> Self {
        Self::Multipart(e)
    }
}

/// Reads the form into `form`; on a failure, what came before it (the hidden `replaces` comes
/// first) is still there to send the person back to the right form.
async fn read_form(mut multipart: Multipart, form: &mut EvidenceForm) -> Result<(), Unreadable> {
    let (mut parts, mut files) = (0, 0);
    while let Some(mut field) = multipart.next_field().await? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(Unreadable::TooManyParts);
        }
        match field.name().unwrap_or_default() {
            "documents" => {
                files += 1;
                if files > MAX_DOCUMENTS {
                    return Err(Unreadable::TooManyFiles);
                }
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

fn documents_problem(code: FieldCode) -> FieldError {
    FieldError {
        field: "documents".into(),
        code,
    }
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
    Extension(slots): Extension<UploadSlots>,
    reader: Reader,
    multipart: Multipart,
) -> Response {
    let t = reader.texts();
    // Extracting `Multipart` reads only the head: the body is read below, once allowed.
    let allowed = reader.principal().and_then(|p| {
        filings::may_upload(&p)?;
        Ok(p)
    });
    let principal = match allowed {
        Ok(p) => p,
        Err(e) => return refusal(t, &e),
    };
    let Ok(_slot) = slots.0.try_acquire() else {
        return refusal(t, &AppError::Unavailable);
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
        // Past the request's limit, or too many files: nothing read is kept.
        Err(Unreadable::Multipart(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return back_with(&href, &[documents_problem(FieldCode::FileTooLarge)]);
        }
        Err(Unreadable::TooManyFiles) => {
            return back_with(&href, &[documents_problem(FieldCode::TooManyFiles)]);
        }
        Err(Unreadable::Multipart(e)) => return refusal(t, &AppError::Request(e.body_text())),
        Err(Unreadable::TooManyParts) => {
            return refusal(t, &AppError::Request("too many parts".into()));
        }
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
    let locale = reader.locale;
    reader
        .answer(|p| async move {
            let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
            let d = filings::document(&state, &p, id, locale).await?;
            Ok(attachment(d.content, &d.content_type, &d.file_name))
        })
        .await
}
