//! Each role's home page data. Each function refuses every other role on the server.

use crate::error::AppError;
use crate::models::home::{AdminHome, CitizenHome, EmployerHome, HelpdeskHome, ReviewerHome};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_home")]
pub async fn get_citizen_home() -> Result<CitizenHome, AppError> {
    use crate::server::{call, services};
    call::citizen(|app, me| async move {
        let today = services::transfers::today(app.clock.now());
        services::citizen_home::citizen_home(&app.store, me, today).await
    })
    .await
}

#[server(prefix = "/api/employer", endpoint = "get_home")]
pub async fn get_employer_home() -> Result<EmployerHome, AppError> {
    use crate::server::{call, services};
    call::employer(|app, me| async move { services::staff_homes::employer_home(&app, me).await })
        .await
}

#[server(prefix = "/api/review", endpoint = "get_home")]
pub async fn get_reviewer_home() -> Result<ReviewerHome, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::staff_homes::reviewer_home(&app.store, p.reviewer()?, p.user_id).await
    })
    .await
}

/// The helpdesk console's greeting and the assisted-session limits in force.
#[server(prefix = "/api/helpdesk", endpoint = "get_home")]
pub async fn get_helpdesk_home() -> Result<HelpdeskHome, AppError> {
    use crate::server::call;
    call::principal(|app, p| async move {
        p.helpdesk()?;
        Ok(HelpdeskHome {
            agent_name: p.display_name,
            idle_minutes: app.sessions.assist_idle_timeout.num_minutes(),
            max_minutes: app.sessions.assist_max_duration.num_minutes(),
        })
    })
    .await
}

#[server(prefix = "/api/admin", endpoint = "get_home")]
pub async fn get_admin_home() -> Result<AdminHome, AppError> {
    use crate::server::{call, services};
    call::admin(|app, me| async move { services::staff_homes::admin_home(&app.store, me).await })
        .await
}
