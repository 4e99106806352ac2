//! The citizen's own record in depth. Every function reads the person from the session, never
//! from the request: no identifier a client sends can point at someone else's record.

use crate::error::AppError;
use crate::models::record::{CareerOverview, InsuranceRecord, PensionEstimate};
use leptos::prelude::*;

/// One insurance: periods, a page of contributions (filtered by year and employer), gaps,
/// chart and account history.
#[server(prefix = "/api/citizen", endpoint = "get_insurance_record")]
pub async fn get_insurance_record(
    insurance: String,
    year: Option<i32>,
    employer: Option<i64>,
    page: Option<i64>,
) -> Result<InsuranceRecord, AppError> {
    use crate::models::{insurance::Insurance, record::RecordQuery};
    use crate::server::{call, services};
    call::citizen(|app, me| async move {
        let insurance = Insurance::from_code(&insurance).map_err(|_| AppError::NotFound)?;
        let query = RecordQuery {
            year,
            employer_id: employer,
            page: page.unwrap_or(0),
        };
        services::record::insurance_record(&app.store, me, insurance, query).await
    })
    .await
}

/// All five insurances month by month.
#[server(prefix = "/api/citizen", endpoint = "get_career")]
pub async fn get_career() -> Result<CareerOverview, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move { services::record::career_overview(&app.store, me).await })
        .await
}

/// The pension estimate under the reader's assumptions (defaults where absent).
#[server(prefix = "/api/citizen", endpoint = "get_pension_estimate")]
pub async fn get_pension_estimate(
    index: Option<f64>,
    growth: Option<f64>,
    offset: Option<i32>,
) -> Result<PensionEstimate, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move {
        services::estimate::pension_estimate(&app.store, me, index, growth, offset).await
    })
    .await
}
