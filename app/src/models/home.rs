//! DTOs for each role's home page; made for the reader, never database rows.

use super::insurance::{Agency, EnrolmentStatus, Insurance, Month, Scheme, StatusReason};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A region or office name in both languages; the page picks one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub zh: String,
    pub en: String,
}

impl Named {
    pub fn get(&self, locale: crate::locale::Locale) -> &str {
        match locale {
            crate::locale::Locale::Zh => &self.zh,
            crate::locale::Locale::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenHome {
    pub name: String,
    pub masked_id: String,
    pub scheme: Option<Scheme>,
    pub insurances: Vec<InsuranceSummary>,
    /// A pension in payment: shown instead of the estimate.
    pub pension: Option<super::benefits::PensionBrief>,
    /// The yearly qualification check of a pension in payment.
    pub qualification: Option<super::qualification::QualificationBrief>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsuranceSummary {
    pub insurance: Insurance,
    pub agency: Agency,
    pub enrolment: Option<EnrolmentSummary>,
    /// Why there is no enrolment, when there is none.
    pub not_enrolled_because_resident: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentSummary {
    pub status: EnrolmentStatus,
    pub reason: StatusReason,
    pub status_date: NaiveDate,
    pub scheme: Scheme,
    pub region: Named,
    pub employer: Option<String>,
    /// First month of the current continuous enrolment.
    pub enrolled_since: Month,
    pub months_contributed: i64,
    pub arrears_months: i64,
    pub latest_base: Option<i64>,
    pub last_paid_month: Option<Month>,
    pub account_balance: Option<i64>,
    pub office: Named,
    pub data_as_of: NaiveDate,
    /// Months brought into this relationship by completed transfers.
    pub carried_in: Vec<super::record::CarriedIn>,
    /// Medical insurance: the out-of-area filings in effect.
    pub filings: Vec<super::filing::FilingBrief>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerHome {
    pub name: String,
    pub credit_code: String,
    pub region: Named,
    pub staff_enrolled: i64,
    pub staff_in_arrears: i64,
    /// Helpdesk sessions running as this employer user, which they may end.
    pub open_sessions: Vec<crate::models::assist::AssistedDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewerHome {
    pub office: Named,
    pub region: Named,
    pub supervisor: bool,
    /// A 人社 office pays pensions, so it reviews qualification checks.
    pub pays_pensions: bool,
}

/// The helpdesk console's greeting and the assisted-session limits it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskHome {
    pub agent_name: String,
    pub idle_minutes: i64,
    pub max_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminHome {
    pub persons: i64,
    pub users_by_role: Vec<(crate::models::auth::Role, i64)>,
}
