//! The employer workspace. Every function takes the employer from the session: a person id a
//! client sends is only ever looked up inside that employer's own roster.

use crate::error::AppError;
use crate::models::staff::{StaffList, StaffMember};
use leptos::prelude::*;

/// One page of the staff roster, filtered and sorted, with the flag summary. The arguments are
/// the list page's query-string values (see `StaffQueryInput`).
#[server(prefix = "/api/employer", endpoint = "list_staff")]
pub async fn list_staff(
    q: Option<String>,
    insurance: Option<String>,
    status: Option<String>,
    flag: Option<String>,
    scope: Option<String>,
    sort: Option<String>,
    page: Option<String>,
) -> Result<StaffList, AppError> {
    use crate::models::staff::StaffQueryInput;
    use crate::server::{call, services};
    let input = StaffQueryInput {
        q,
        insurance,
        status,
        flag,
        scope,
        sort,
        page,
    };
    call::employer(
        |app, me| async move { services::staff_roster::staff_list(&app, me, &input).await },
    )
    .await
}

/// One staff member: periods, months and findings with this employer only. `person` is the id
/// from the list's link, taken as text so that anything else is "not found", like a stranger.
#[server(prefix = "/api/employer", endpoint = "get_staff_member")]
pub async fn get_staff_member(person: String) -> Result<StaffMember, AppError> {
    use crate::server::{call, services};
    call::employer(|app, me| async move {
        let person: i64 = person.trim().parse().map_err(|_| AppError::NotFound)?;
        services::staff_roster::staff_member(&app.store, me, person, app.clock.now()).await
    })
    .await
}
