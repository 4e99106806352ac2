//! The citizen's access log (谁查看了我的信息) and notification inbox.

use crate::error::AppError;
use crate::models::assist::{AccessLog, Notification};
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_access_log")]
pub async fn get_access_log(
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
) -> Result<AccessLog, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            let p = auth::require_principal()?;
            let scope = p.citizen()?;
            let query = crate::models::assist::AccessQuery::parse(
                kind.as_deref(),
                from.as_deref(),
                to.as_deref(),
                page.as_deref(),
            )?;
            services::access_history::access_log(&app_state()?, &p, scope, query).await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "get_notifications")]
pub async fn get_notifications() -> Result<Vec<Notification>, AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::access_history::notifications(&app_state()?, &auth::require_principal()?)
                .await
        }
        .await,
    )
}

#[server(prefix = "/api/citizen", endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::server::{auth, services, state::app_state, with_status};
    with_status(
        async {
            services::access_history::mark_read(&app_state()?, &auth::require_principal()?).await?;
            leptos_axum::redirect("/me/notifications");
            Ok(())
        }
        .await,
    )
}
