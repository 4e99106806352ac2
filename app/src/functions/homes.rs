//! Each role's home page data. Each function refuses every other role on the server.

use crate::error::AppError;
use crate::models::home::{AdminHome, CitizenHome, EmployerHome, ReviewerHome};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_home")]
pub async fn get_citizen_home() -> Result<CitizenHome, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::citizen_home::citizen_home(
                &app_state()?.store,
                auth::require_principal()?.citizen()?,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api/employer", endpoint = "get_home")]
pub async fn get_employer_home() -> Result<EmployerHome, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::staff_homes::employer_home(
                &app_state()?.store,
                auth::require_principal()?.employer()?,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api/review", endpoint = "get_home")]
pub async fn get_reviewer_home() -> Result<ReviewerHome, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::staff_homes::reviewer_home(
                &app_state()?.store,
                auth::require_principal()?.reviewer()?,
            )
            .await
        }
        .await,
    )
}

/// The helpdesk console greets the agent by name; the search comes with assisted sessions.
#[server(prefix = "/api/helpdesk", endpoint = "get_home")]
pub async fn get_helpdesk_home() -> Result<String, AppError> {
    use crate::server::{auth, with_status};
    with_status(auth::require_principal().and_then(|p| p.helpdesk().map(|_| p.display_name)))
}

#[server(prefix = "/api/admin", endpoint = "get_home")]
pub async fn get_admin_home() -> Result<AdminHome, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::staff_homes::admin_home(
                &app_state()?.store,
                auth::require_principal()?.admin()?,
            )
            .await
        }
        .await,
    )
}
