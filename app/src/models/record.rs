//! DTOs of the citizen's record pages: one insurance in depth, the career chart, and the
//! pension estimate.

use super::gaps::Gap;
use super::home::Named;
use super::insurance::{Agency, EnrolmentStatus, Insurance, Month, Scheme, StatusReason};
use super::pension::PayingPlaceRule;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A year of months per page: on a 360 px phone the record then ends its first page within
/// about three screens (issue 15).
pub const PAGE_SIZE: i64 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodView {
    pub region: Named,
    pub employer: Option<String>,
    pub scheme: Scheme,
    pub status: EnrolmentStatus,
    pub reason: StatusReason,
    pub status_date: NaiveDate,
    pub start_month: Month,
    pub end_month: Option<Month>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionView {
    pub month: Month,
    pub months_covered: i32,
    pub employer: Option<String>,
    pub region: Named,
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    pub paid_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub months_paid: i64,
    pub months_in_arrears: i64,
    pub employer_sum: i64,
    pub personal_sum: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartPoint {
    pub month: Month,
    pub months_covered: i32,
    pub base: i64,
    pub total: i64,
    pub paid: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountYearView {
    pub year: i32,
    pub opening: i64,
    pub credited: i64,
    pub interest: i64,
    pub withdrawn: i64,
    pub closing: i64,
}

/// The filter and page the reader asked for, echoed back as the server applied it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RecordQuery {
    pub year: Option<i32>,
    pub employer_id: Option<i64>,
    pub page: i64,
}

/// What a completed transfer brought into this insurance's relationship from another place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedIn {
    pub from: Named,
    pub to_region: String,
    pub months: i64,
    pub personal_account: i64,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsuranceRecord {
    pub insurance: Insurance,
    pub agency: Agency,
    pub office: Option<Named>,
    pub data_as_of: Option<NaiveDate>,
    pub periods: Vec<PeriodView>,
    pub query: RecordQuery,
    pub years: Vec<i32>,
    pub employers: Vec<(i64, String)>,
    pub rows: Vec<ContributionView>,
    pub pages: i64,
    /// Totals over everything the filter selects.
    pub totals: Totals,
    /// Months paid over the whole history (for the minimum years).
    pub months_paid_all: i64,
    /// Pension only: the minimum contribution months for a monthly pension under the person's
    /// scheme and statutory retirement year.
    pub minimum_months: Option<i64>,
    pub gaps: Vec<Gap>,
    /// Medical insurance only: what each gap does to continuity.
    pub continuity: Option<Continuity>,
    pub chart: Vec<ChartPoint>,
    pub accounts: Vec<AccountYearView>,
    pub carried_in: Vec<CarriedIn>,
}

/// Medical insurance continuity: each gap's effect (none for arrears), and the months paid
/// without a break that restarts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Continuity {
    pub effects: Vec<Option<super::medical_continuity::BreakEffect>>,
    pub months: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareerOverview {
    pub chart: Vec<ChartPoint>,
    pub gaps: Vec<Gap>,
    pub insurances: Vec<(Insurance, i64)>,
}

/// Assumptions the reader can change on the estimate page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EstimateAssumptions {
    /// Future contribution base as a multiple of the average wage (0.6–3.0).
    pub future_index: f64,
    /// Yearly growth of average wages, per cent (0–10).
    pub wage_growth: f64,
    /// Retirement relative to the statutory age, in months (flexible range).
    pub offset_months: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PensionEstimate {
    pub rules_version: String,
    pub scheme: Scheme,
    pub birth_date: NaiveDate,
    pub statutory_month: Month,
    pub statutory_age_months: i32,
    /// Allowed retirement offsets in months (earliest..=latest), in steps the form offers.
    pub offsets: Vec<i32>,
    pub assumptions: EstimateAssumptions,
    pub retirement_month: Month,
    pub retirement_age_months: i32,
    pub minimum_months: i32,
    pub months_so_far: i64,
    pub months_future: i64,
    pub average_index_so_far: f64,
    pub average_index: f64,
    pub wage_at_retirement: i64,
    pub account_now: i64,
    pub account_at_retirement: i64,
    pub payout_months: i64,
    pub basic_part: i64,
    pub account_part: i64,
    pub eligible: bool,
    pub paying_place: Option<(Named, PayingPlaceRule)>,
    pub already_retired: bool,
}
