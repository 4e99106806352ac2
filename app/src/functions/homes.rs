//! Each role's home page data. Each function refuses every other role on the server.

use crate::error::AppError;
use crate::models::home::{AdminHome, CitizenHome, EmployerHome, HelpdeskHome, ReviewerHome};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_home")]
pub async fn get_citizen_home() -> Result<CitizenHome, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let state = app_state()?;
            services::citizen_home::citizen_home(
                &state.store,
                auth::require_principal()?.citizen()?,
                services::transfers::today(state.clock.now()),
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
            let principal = auth::require_principal()?;
            services::staff_homes::reviewer_home(
                &app_state()?.store,
                principal.reviewer()?,
                principal.user_id,
            )
            .await
        }
        .await,
    )
}

/// The helpdesk console's greeting and the assisted-session limits in force.
#[server(prefix = "/api/helpdesk", endpoint = "get_home")]
pub async fn get_helpdesk_home() -> Result<HelpdeskHome, AppError> {
    use crate::server::{auth, state::app_state, with_status};
    with_status(
        async {
            let p = auth::require_principal()?;
            p.helpdesk()?;
            let sessions = &app_state()?.sessions;
            Ok(HelpdeskHome {
                agent_name: p.display_name,
                idle_minutes: sessions.assist_idle_timeout.num_minutes(),
                max_minutes: sessions.assist_max_duration.num_minutes(),
            })
        }
        .await,
    )
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
