//! A retiree's pension in payment. The person is the session's, never the request's.

use crate::error::AppError;
use crate::models::benefits::PensionBenefits;
use leptos::prelude::*;

/// The pension now, its payments in `year` (the latest when absent) and every adjustment.
#[server(prefix = "/api/citizen", endpoint = "get_pension_benefits")]
pub async fn get_pension_benefits(year: Option<i32>) -> Result<PensionBenefits, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move {
        let today = services::transfers::today(app.clock.now());
        services::benefits::pension_benefits(&app.store, me, year, today).await
    })
    .await
}
