//! The one error type on the wire. The server logs causes; the user sees a localized message
//! and, for internal errors, an incident id to quote to the helpdesk. Never carries a cause chain.

use crate::models::code::coded;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

coded! {
    /// What is wrong with a field: a message key, never display text. The code is what the
    /// wire carries (`"code": "too_long"`); each reader's texts word every variant.
    pub enum FieldCode {
        Required = "required",
        TooLong = "too_long",
        Invalid = "invalid",
        // Accounts, sign-in and assisted sessions.
        TooShort = "too_short",
        TicketFormat = "ticket_format",
        WrongCode = "wrong_code",
        PasswordTooShort = "password_too_short",
        SameAsCurrent = "same_as_current",
        Mismatch = "mismatch",
        WrongPassword = "wrong_password",
        ResidentIdInvalid = "resident_id_invalid",
        PhoneInvalid = "phone_invalid",
        CreditCodeInvalid = "credit_code_invalid",
        DateInvalid = "date_invalid",
        BeforeFrom = "before_from",
        // Staff accounts (administration).
        UsernameFormat = "username_format",
        UsernameTaken = "username_taken",
        RoleRequired = "role_required",
        OfficeRequired = "office_required",
        OfficeUnknown = "office_unknown",
        OwnAccount = "own_account",
        OwnAdminRole = "own_admin_role",
        // The employer's staff list.
        IdSearch = "id_search",
        // Certificates.
        ChooseInsurance = "choose_insurance",
        MonthInvalid = "month_invalid",
        RangeReversed = "range_reversed",
        RangeTooLong = "range_too_long",
        NoContributions = "no_contributions",
        NoData = "no_data",
        ReceivingBenefits = "receiving_benefits",
        NotReceiving = "not_receiving",
        // Relatives who help.
        NoSuchRelative = "no_such_relative",
        AlreadyAuthorised = "already_authorised",
        SelfRelative = "self_relative",
        // The yearly qualification check.
        CheckPending = "check_pending",
        Enrolled = "enrolled",
        Confirm = "confirm",
        // Transfers and their review.
        PlaceUnknown = "place_unknown",
        TransferNotReady = "transfer_not_ready",
        ReasonUnknown = "reason_unknown",
        MaterialNoteRequired = "material_note_required",
        DecisionUnknown = "decision_unknown",
        ExceptionNotAsked = "exception_not_asked",
        ExceptionUnknown = "exception_unknown",
        // Out-of-area medical filings.
        InsuredUnknown = "insured_unknown",
        SamePlace = "same_place",
        CategoryUnknown = "category_unknown",
        LongTermExists = "long_term_exists",
        MonthsInvalid = "months_invalid",
        StayUnknown = "stay_unknown",
        DateFuture = "date_future",
        DateTooOld = "date_too_old",
        EvidenceUnknown = "evidence_unknown",
        UndertakingRequired = "undertaking_required",
        UndertakingNotAccepted = "undertaking_not_accepted",
        DocumentsMissing = "documents_missing",
        FileEmpty = "file_empty",
        FileTooLarge = "file_too_large",
        FileType = "file_type",
        TooManyFiles = "too_many_files",
        FilingNotReady = "filing_not_ready",
        RetiredOnly = "retired_only",
        HukouNotThere = "hukou_not_there",
        EmployeesOnly = "employees_only",
        EmergencyNoFiling = "emergency_no_filing",
    }
}

/// A field-level validation problem.
///
/// The server and the browser are one build, so a code always names a variant; one that does
/// not (a client older than the server) fails to decode, and the server-function machinery
/// reports that as `AppError::Request` instead of showing a guessed message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: FieldCode,
}

/// Collects every field problem of a form, so all are reported at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, code: FieldCode) {
        self.0.push(FieldError {
            field: field.into(),
            code,
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
    /// Refused to a relative acting for the person: the authorisation is to view only
    /// (`view_only`), or only the person themselves may ever do it.
    #[error("not allowed to a relative")]
    RelativeDenied { view_only: bool },
    /// Signed in with a one-time password: the user must choose their own first.
    #[error("password expired")]
    PasswordExpired,
    /// A document that would leave an assisted session cannot carry its watermark (an
    /// encrypted or damaged file), so it does not leave.
    #[error("cannot be watermarked")]
    Unwatermarkable,
    #[error("unavailable")]
    Unavailable,
    #[error("internal error {incident}")]
    Internal { incident: String },
    /// Transport or decoding failure reported by the server-function machinery.
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    pub fn field(field: &str, code: FieldCode) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.into(),
            code,
        }])
    }

    /// HTTP status used when this error ends an SSR page or a server-function call.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::BadCredentials => 401,
            AppError::Forbidden
            | AppError::AssistDenied { .. }
            | AppError::RelativeDenied { .. }
            | AppError::PasswordExpired => 403,
            AppError::NotFound => 404,
            AppError::Validation(_) | AppError::Unwatermarkable => 422,
            AppError::Throttled { .. } => 429,
            AppError::Conflict => 409,
            AppError::Unavailable => 503,
            AppError::Internal { .. } => 500,
            // On the server: arguments or a body that cannot be read, the caller's mistake.
            AppError::Request(_) => 400,
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
