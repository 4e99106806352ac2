//! Chinese-first, English-complete UI text. Every string a user reads lives under here: the
//! structs are declared here and in one file per area, so the compiler refuses an English table
//! with a missing entry; each language's values are in `zh/` and `en/`, never both in one file,
//! so a build can take one.
//! The language is a cookie (`lang`), read on the server for SSR and from `<html lang>` after
//! hydration so both render the same.

use crate::error::{AppError, FieldCode};
use crate::models::insurance::{Agency, EnrolmentStatus, Insurance, Scheme, StatusReason};
use leptos::prelude::*;

pub mod account;
pub mod admin;
pub mod benefit;
pub mod certificate;
pub mod elder;
pub mod en;
pub mod filing;
pub mod record;
pub mod relatives;
pub mod staff;
pub mod transfer;
pub mod zh;

pub use crate::locale::Locale;

pub const LANG_COOKIE: &str = "lang";

/// The parts of a language that need the crate: its texts and where the request states it.
impl Locale {
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Zh => &zh::ZH,
            Locale::En => &en::EN,
        }
    }

    /// The language of the current request (server) or page (browser).
    pub fn current() -> Self {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>()
                .and_then(|parts| Self::from_cookie_header(&parts.headers))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            document()
                .document_element()
                .and_then(|e| e.get_attribute("lang"))
                .and_then(|l| Self::from_code(&l))
                .unwrap_or_default()
        }
    }

    #[cfg(feature = "ssr")]
    pub fn from_cookie_header(headers: &http::HeaderMap) -> Option<Self> {
        crate::server::cookies::cookie_value(headers, LANG_COOKIE).and_then(|v| Self::from_code(&v))
    }
}

/// Texts for the page being rendered.
pub fn tr() -> &'static Texts {
    use_context::<Locale>().unwrap_or_default().texts()
}

pub struct Texts {
    pub admin: &'static admin::AdminTexts,
    pub benefit: &'static benefit::BenefitTexts,
    pub elder: &'static elder::ElderTexts,
    pub certificate: &'static certificate::CertificateTexts,
    pub filing: &'static filing::FilingTexts,
    pub account: &'static account::AccountTexts,
    pub record: &'static record::RecordTexts,
    pub relatives: &'static relatives::RelativesTexts,
    pub staff: &'static staff::StaffTexts,
    pub transfer: &'static transfer::TransferTexts,
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub switch_language: &'static str,
    pub other_language_name: &'static str,
    pub main_nav: &'static str,
    pub nav_home: &'static str,
    pub signed_in_as: &'static str,
    pub logout: &'static str,
    pub login: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub account_label: &'static str,
    pub account_hint: &'static str,
    pub password_label: &'static str,
    pub submit_login: &'static str,
    pub signing_in: &'static str,
    pub welcome_title: &'static str,
    pub welcome_body: &'static str,
    pub welcome_points: [&'static str; 3],
    pub go_to_home: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub back_home: &'static str,
    // Errors
    pub err_unauthenticated: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_bad_credentials: &'static str,
    pub err_throttled: fn(i64) -> String,
    pub err_conflict: &'static str,
    pub err_unavailable: &'static str,
    pub err_internal: fn(&str) -> String,
    pub err_request: &'static str,
    pub err_validation: &'static str,
    pub field_required: &'static str,
    pub field_too_long: &'static str,
    pub field_invalid: &'static str,
    // Roles
    pub role_citizen: &'static str,
    pub role_employer: &'static str,
    pub role_helpdesk: &'static str,
    pub role_reviewer: &'static str,
    pub role_admin: &'static str,
    // Names of the insurances, statuses, reasons, schemes and agencies
    pub insurance_name: fn(Insurance) -> &'static str,
    pub status_name: fn(EnrolmentStatus) -> &'static str,
    pub reason_name: fn(StatusReason) -> &'static str,
    pub scheme_name: fn(Scheme) -> &'static str,
    pub agency_name: fn(Agency) -> &'static str,
    // Citizen home
    pub my_insurances: &'static str,
    pub my_insurances_intro: &'static str,
    pub masked_id: &'static str,
    pub status: &'static str,
    pub scheme: &'static str,
    pub insured_region: &'static str,
    pub employer: &'static str,
    pub enrolled_since: &'static str,
    pub months_contributed: &'static str,
    pub months_unit: fn(i64) -> String,
    pub latest_base: &'static str,
    /// The disclosure holding an insurance card's other facts.
    pub more_facts: &'static str,
    pub last_paid_month: &'static str,
    pub account_balance: &'static str,
    pub owning_agency: &'static str,
    pub data_as_of: &'static str,
    pub none: &'static str,
    pub yuan_unit: &'static str,
    pub status_since: fn(&str) -> String,
    pub not_enrolled: &'static str,
    pub not_enrolled_resident: &'static str,
    pub not_enrolled_other: &'static str,
    pub arrears_months: fn(i64) -> String,
    // Staff homes
    pub employer_home_title: &'static str,
    pub credit_code: &'static str,
    pub staff_enrolled: &'static str,
    pub staff_in_arrears: &'static str,
    pub helpdesk_home_title: &'static str,
    pub helpdesk_home_body: &'static str,
    pub reviewer_home_title: &'static str,
    pub office: &'static str,
    pub region: &'static str,
    pub reviewer_home_body: &'static str,
    pub admin_home_title: &'static str,
    pub users_by_role: &'static str,
    pub count: &'static str,
    pub role: &'static str,
    pub persons_total: &'static str,
}

impl Texts {
    pub fn role(&self, role: crate::models::auth::Role) -> &'static str {
        use crate::models::auth::Role;
        match role {
            Role::Citizen => self.role_citizen,
            Role::Employer => self.role_employer,
            Role::Helpdesk => self.role_helpdesk,
            Role::Reviewer => self.role_reviewer,
            Role::Admin => self.role_admin,
        }
    }

    pub fn error(&self, e: &AppError) -> String {
        match e {
            AppError::Unauthenticated => self.err_unauthenticated.into(),
            AppError::Forbidden => self.err_forbidden.into(),
            AppError::NotFound => self.err_not_found.into(),
            AppError::BadCredentials => self.err_bad_credentials.into(),
            AppError::Throttled { retry_after_secs } => {
                (self.err_throttled)((retry_after_secs + 59) / 60)
            }
            AppError::Conflict => self.err_conflict.into(),
            AppError::AssistDenied { read_only: true } => self.account.err_assist_read_only.into(),
            AppError::AssistDenied { read_only: false } => self.account.err_assist_never.into(),
            AppError::RelativeDenied { view_only: true } => self.relatives.err_view_only.into(),
            AppError::RelativeDenied { view_only: false } => self.relatives.err_never.into(),
            AppError::Unwatermarkable => self.account.err_unwatermarkable.into(),
            AppError::Unavailable => self.err_unavailable.into(),
            AppError::PasswordExpired => self.account.err_password_expired.into(),
            AppError::Internal { incident } => (self.err_internal)(incident),
            AppError::Request(_) => self.err_request.into(),
            AppError::Validation(_) => self.err_validation.into(),
        }
    }

    pub fn field_error(&self, code: FieldCode) -> &'static str {
        match code {
            FieldCode::Required => self.field_required,
            FieldCode::TooLong => self.field_too_long,
            FieldCode::Invalid => self.field_invalid,
            FieldCode::TooShort => self.account.field_too_short,
            FieldCode::TicketFormat => self.account.field_ticket_format,
            FieldCode::WrongCode => self.account.field_wrong_code,
            FieldCode::PasswordTooShort => self.account.field_password_too_short,
            FieldCode::SameAsCurrent => self.account.field_same_as_current,
            FieldCode::Mismatch => self.account.field_mismatch,
            FieldCode::WrongPassword => self.account.field_wrong_password,
            FieldCode::ResidentIdInvalid => self.account.field_resident_id_invalid,
            FieldCode::PhoneInvalid => self.account.field_phone_invalid,
            FieldCode::CreditCodeInvalid => self.account.field_credit_code_invalid,
            FieldCode::DateInvalid => self.account.field_date_invalid,
            FieldCode::BeforeFrom => self.account.field_before_from,
            FieldCode::UsernameFormat => self.admin.field_username_format,
            FieldCode::UsernameTaken => self.admin.field_username_taken,
            FieldCode::RoleRequired => self.admin.field_role_required,
            FieldCode::OfficeRequired => self.admin.field_office_required,
            FieldCode::OfficeUnknown => self.admin.field_office_unknown,
            FieldCode::OwnAccount => self.admin.field_own_account,
            FieldCode::OwnAdminRole => self.admin.field_own_admin_role,
            FieldCode::IdSearch => self.staff.id_search,
            FieldCode::ChooseInsurance => self.certificate.field_choose_insurance,
            FieldCode::MonthInvalid => self.certificate.field_month_invalid,
            FieldCode::RangeReversed => self.certificate.field_range_reversed,
            FieldCode::RangeTooLong => self.certificate.field_range_too_long,
            FieldCode::NoContributions => self.certificate.field_no_contributions,
            FieldCode::NoData => self.certificate.field_no_data,
            FieldCode::ReceivingBenefits => self.certificate.field_receiving_benefits,
            FieldCode::NotReceiving => self.certificate.field_not_receiving,
            FieldCode::CheckPending => self.benefit.field_check_pending,
            FieldCode::NoSuchRelative => self.relatives.field_no_such_relative,
            FieldCode::AlreadyAuthorised => self.relatives.field_already_authorised,
            FieldCode::SelfRelative => self.relatives.field_self,
            FieldCode::Enrolled => self.certificate.field_enrolled,
            FieldCode::Confirm => self.certificate.field_confirm,
            FieldCode::PlaceUnknown => self.transfer.field_place_unknown,
            FieldCode::TransferNotReady => self.transfer.field_not_ready,
            FieldCode::ReasonUnknown => self.transfer.field_reason_unknown,
            FieldCode::MaterialNoteRequired => self.transfer.field_material_note,
            FieldCode::DecisionUnknown => self.transfer.field_decision_unknown,
            FieldCode::ExceptionNotAsked => self.transfer.field_exception_not_asked,
            FieldCode::ExceptionUnknown => self.transfer.field_exception_unknown,
            FieldCode::InsuredUnknown => self.filing.field_insured_unknown,
            FieldCode::SamePlace => self.filing.field_same_place,
            FieldCode::CategoryUnknown => self.filing.field_category_unknown,
            FieldCode::LongTermExists => self.filing.field_long_term_exists,
            FieldCode::MonthsInvalid => self.filing.field_months_invalid,
            FieldCode::StayUnknown => self.filing.field_stay_unknown,
            FieldCode::DateFuture => self.filing.field_date_future,
            FieldCode::DateTooOld => self.filing.field_date_too_old,
            FieldCode::EvidenceUnknown => self.filing.field_evidence_unknown,
            FieldCode::UndertakingRequired => self.filing.field_undertaking_required,
            FieldCode::UndertakingNotAccepted => self.filing.field_undertaking_not_accepted,
            FieldCode::DocumentsMissing => self.filing.field_documents_missing,
            FieldCode::FileEmpty => self.filing.field_file_empty,
            FieldCode::FileTooLarge => self.filing.field_file_too_large,
            FieldCode::FileType => self.filing.field_file_type,
            FieldCode::TooManyFiles => self.filing.field_too_many_files,
            FieldCode::FilingNotReady => self.filing.field_not_ready,
            FieldCode::RetiredOnly => self.filing.field_retired_only,
            FieldCode::HukouNotThere => self.filing.field_hukou_not_there,
            FieldCode::EmployeesOnly => self.filing.field_employees_only,
            FieldCode::EmergencyNoFiling => self.filing.field_emergency_no_filing,
        }
    }
}
