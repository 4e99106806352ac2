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
    use crate::models::assist::AccessQuery;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let me = p.citizen()?;
        let query = AccessQuery::parse(
            kind.as_deref(),
            from.as_deref(),
            to.as_deref(),
            page.as_deref(),
        )?;
        services::access_history::access_log(&app, &p, me, query).await
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "get_notifications")]
pub async fn get_notifications() -> Result<Vec<Notification>, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move { services::access_history::notifications(&app, &p).await })
        .await
}

#[server(prefix = "/api/citizen", endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::access_history::mark_read(&app, &p).await?;
        leptos_axum::redirect("/me/notifications");
        Ok(())
    })
    .await
}
