//! The one error type on the wire. The server logs causes; the user sees a localized message
//! and, for internal errors, an incident id to quote to the helpdesk. Never carries a cause chain.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// A field-level validation problem; `code` is a message key, not display text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

/// Collects every field problem of a form, so all are reported at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, code: &str) {
        self.0.push(FieldError {
            field: field.into(),
            code: code.into(),
        });
    }

    /// `Validation` with every problem added, or Ok when there was none.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self.0))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    /// Wrong login or password; deliberately does not say which.
    #[error("bad credentials")]
    BadCredentials,
    /// Too many failed logins; retry after this many seconds.
    #[error("throttled")]
    Throttled { retry_after_secs: i64 },
    #[error("conflict")]
    Conflict,
    /// Refused during an assisted session: the action needs write mode (`read_only`), or only
    /// the person themselves may ever do it.
    #[error("not allowed in an assisted session")]
    AssistDenied { read_only: bool },
    #[error("unavailable")]
    Unavailable,
    #[error("internal error {incident}")]
    Internal { incident: String },
    /// Transport or decoding failure reported by the server-function machinery.
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    pub fn field(field: &str, code: &str) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.into(),
            code: code.into(),
        }])
    }

    /// HTTP status used when this error ends an SSR page or a server-function call.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::BadCredentials => 401,
            AppError::Forbidden | AppError::AssistDenied { .. } => 403,
            AppError::NotFound => 404,
            AppError::Validation(_) => 422,
            AppError::Throttled { .. } => 429,
            AppError::Conflict => 409,
            AppError::Unavailable => 503,
            AppError::Internal { .. } | AppError::Request(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs the cause with a fresh incident id and returns the opaque error the user sees.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let incident = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        tracing::error!(%incident, error = %cause, "internal error");
        AppError::Internal { incident }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::server::store::StoreError> for AppError {
    fn from(e: crate::server::store::StoreError) -> Self {
        use crate::server::store::StoreError;
        match e {
            StoreError::Database(
                sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_),
            ) => {
                tracing::warn!(error = %e, "database unavailable");
                AppError::Unavailable
            }
            other => AppError::internal(other),
        }
    }
}
