//! The helpdesk console and assisted sessions: find a caller, start acting as them, switch to
//! write mode, end. And the other side: the person acted for ends it from their own login.

use crate::error::AppError;
use crate::models::assist::CallerResults;
use leptos::prelude::*;

#[server(prefix = "/api/helpdesk", endpoint = "find_callers")]
pub async fn find_callers(
    by: Option<String>,
    q: Option<String>,
    birth: Option<String>,
) -> Result<Option<CallerResults>, AppError> {
    use crate::i18n::Locale;
    use crate::models::assist::CallerQuery;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let me = p.helpdesk()?;
        // The console's first visit carries no search.
        let Some(by) = by.filter(|b| !b.is_empty()) else {
            return Ok(None);
        };
        let query = CallerQuery::parse(
            &by,
            q.as_deref().unwrap_or(""),
            birth.as_deref().unwrap_or(""),
        )?;
        services::helpdesk::find_callers(&app, &p, me, &query, Locale::current())
            .await
            .map(Some)
    })
    .await
}

/// Starts an assisted session and opens the subject's home page as them.
#[server(prefix = "/api/helpdesk", endpoint = "start_assist")]
pub async fn start_assist(
    user: String,
    as_role: String,
    reason: String,
    reason_text: String,
    ticket: String,
) -> Result<(), AppError> {
    use crate::server::call;
    use crate::server::services::assist::{self, StartAssist};
    call::principal(|app, p| async move {
        let me = p.helpdesk()?;
        let req = StartAssist::parse(&user, &as_role, &reason, &reason_text, &ticket)?;
        let (token, home) = assist::start(&app, &p, me, &req).await?;
        super::auth::set_session_cookie(&app, &token)?;
        leptos_axum::redirect(home);
        Ok(())
    })
    .await
}

/// The agent ends the assisted session and returns to the console (a relative, to their own
/// relatives page).
#[server(prefix = "/api/assist", endpoint = "end")]
pub async fn end_assist() -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let (token, landing) = services::assist::end_by_agent(&app, &p).await?;
        super::auth::set_session_cookie(&app, &token)?;
        leptos_axum::redirect(landing);
        Ok(())
    })
    .await
}

/// Switches the assisted session to write mode (`mode=write`, with the caller's request
/// confirmed) or back to read-only.
#[server(prefix = "/api/assist", endpoint = "set_mode")]
pub async fn set_assist_mode(mode: String, confirmed: Option<String>) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let write = match mode.as_str() {
            "write" => true,
            "read" => false,
            _ => return Err(AppError::field("mode", FieldCode::Invalid)),
        };
        if write && confirmed.is_none() {
            return Err(AppError::field("confirmed", FieldCode::Required));
        }
        services::assist::set_write_mode(&app, &p, write).await?;
        leptos_axum::redirect(p.role.home_path());
        Ok(())
    })
    .await
}

/// The person acted for ends an assisted session on their account.
#[server(prefix = "/api/me", endpoint = "end_assisted_session")]
pub async fn end_assisted_session(id: String) -> Result<(), AppError> {
    use crate::models::auth::Role;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        // The person acted for ends it where they saw it running.
        let back = match p.role {
            Role::Employer => p.employer().map(|_| "/employer?ended=1")?,
            _ => p.citizen().map(|_| "/me/access-log?ended=1")?,
        };
        let id: i64 = id.trim().parse().map_err(|_| AppError::NotFound)?;
        services::assist::end_by_subject(&app, &p, id).await?;
        leptos_axum::redirect(back);
        Ok(())
    })
    .await
}
