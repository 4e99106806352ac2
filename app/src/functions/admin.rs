//! Staff administration and the audit log, for administrators only: every function resolves the
//! admin scope before it reads its input. Changes answer a plain form post (JavaScript off) with
//! a redirect to the staff page showing the account changed.

use crate::error::AppError;
use crate::models::admin::{AuditLog, CreatedStaff, StaffAccounts};
use leptos::prelude::*;

/// Carries a new account's initial password across the redirect of a plain form post, the only
/// way that page can show it: HttpOnly, sent to the staff page alone, read once, gone in
/// minutes, and shown only to the administrator who created the account.
#[cfg(feature = "ssr")]
const CREATED_COOKIE: &str = "jb_new_staff";

#[cfg(feature = "ssr")]
fn created_cookie(state: &crate::server::state::AppState, value: &str, max_age: i64) -> String {
    format!(
        "{CREATED_COOKIE}={value}; Path=/admin/staff; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
        if state.sessions.secure_cookie {
            "; Secure"
        } else {
            ""
        }
    )
}

#[cfg(feature = "ssr")]
fn set_cookie(cookie: &str) -> Result<(), AppError> {
    expect_context::<leptos_axum::ResponseOptions>().append_header(
        http::header::SET_COOKIE,
        http::HeaderValue::from_str(cookie).map_err(AppError::internal)?,
    );
    Ok(())
}

/// The staff accounts page: filters `role`, `q`, `page`, and the account managed (`user`).
#[server(prefix = "/api/admin", endpoint = "list_staff")]
pub async fn list_staff(
    role: Option<String>,
    q: Option<String>,
    page: Option<String>,
    user: Option<String>,
) -> Result<StaffAccounts, AppError> {
    use crate::i18n::Locale;
    use crate::models::admin::StaffAccountQuery;
    use crate::server::{call, services};
    call::admin(|app, me| async move {
        let query = StaffAccountQuery::parse(
            role.as_deref(),
            q.as_deref(),
            page.as_deref(),
            user.as_deref(),
        )?;
        services::staff_admin::staff_accounts(&app, me, query, Locale::current()).await
    })
    .await
}

/// Creates a staff account. Roles are checkboxes (`helpdesk`, `reviewer`, `admin`: present
/// when ticked), `office` the reviewer's office id. Answers with the initial password.
#[server(prefix = "/api/admin", endpoint = "create_staff")]
pub async fn create_staff(
    username: String,
    display_name: String,
    helpdesk: Option<String>,
    reviewer: Option<String>,
    admin: Option<String>,
    office: Option<String>,
) -> Result<CreatedStaff, AppError> {
    use crate::server::call;
    use crate::server::services::staff_admin::{self, NewStaff, RoleChoice};
    let form = NewStaff {
        username,
        display_name,
        roles: RoleChoice {
            helpdesk: helpdesk.is_some(),
            reviewer: reviewer.is_some(),
            admin: admin.is_some(),
            office,
        },
    };
    call::admin(|app, me| async move {
        let created = staff_admin::create_account(&app, me, &form).await?;
        if crate::server::plain_form_post() {
            let value = format!(
                "{}.{}.{}",
                me.user_id(),
                created.user_id,
                created.initial_password
            );
            set_cookie(&created_cookie(&app, &value, 300))?;
            leptos_axum::redirect(&format!(
                "/admin/staff?user={}&done=created#manage",
                created.user_id
            ));
        }
        Ok(created)
    })
    .await
}

/// The account created by the plain form post just before, with its initial password, once.
#[server(prefix = "/api/admin", endpoint = "take_created_staff")]
pub async fn take_created_staff() -> Result<Option<CreatedStaff>, AppError> {
    use crate::server::cookies::cookie_value;
    use crate::server::{call, services};
    call::admin(|app, me| async move {
        let Some(value) = use_context::<http::request::Parts>()
            .and_then(|parts| cookie_value(&parts.headers, CREATED_COOKIE))
        else {
            return Ok(None);
        };
        set_cookie(&created_cookie(&app, "", 0))?;
        let mut parts = value.splitn(3, '.');
        let (Some(admin), Some(user), Some(password)) = (parts.next(), parts.next(), parts.next())
        else {
            return Ok(None);
        };
        match (admin.parse::<i64>(), user.parse::<i64>()) {
            (Ok(admin), Ok(user)) if admin == me.user_id() => {
                services::staff_admin::created_account(&app, me, user, password.into()).await
            }
            _ => Ok(None),
        }
    })
    .await
}

/// Disables (`disabled=true`) or enables (`false`) a staff account.
#[server(prefix = "/api/admin", endpoint = "set_staff_disabled")]
pub async fn set_staff_disabled(user: String, disabled: String) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::server::{call, services};
    call::admin(|app, me| async move {
        let user: i64 = user.trim().parse().map_err(|_| AppError::NotFound)?;
        let disabled = match disabled.as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(AppError::field("disabled", FieldCode::Invalid)),
        };
        services::staff_admin::set_disabled(&app, me, user, disabled).await?;
        let done = if disabled { "disabled" } else { "enabled" };
        leptos_axum::redirect(&format!("/admin/staff?user={user}&done={done}#manage"));
        Ok(())
    })
    .await
}

/// Replaces a staff account's staff roles (the same fields as `create_staff`).
#[server(prefix = "/api/admin", endpoint = "set_staff_roles")]
pub async fn set_staff_roles(
    user: String,
    helpdesk: Option<String>,
    reviewer: Option<String>,
    admin: Option<String>,
    office: Option<String>,
) -> Result<(), AppError> {
    use crate::server::call;
    use crate::server::services::staff_admin::{self, RoleChoice};
    let choice = RoleChoice {
        helpdesk: helpdesk.is_some(),
        reviewer: reviewer.is_some(),
        admin: admin.is_some(),
        office,
    };
    call::admin(|app, me| async move {
        let user: i64 = user.trim().parse().map_err(|_| AppError::NotFound)?;
        staff_admin::set_roles(&app, me, user, &choice).await?;
        leptos_axum::redirect(&format!("/admin/staff?user={user}&done=roles#manage"));
        Ok(())
    })
    .await
}

/// One page of the audit log: the actor's user name, an action code, an outcome, Beijing dates
/// from and to (YYYY-MM-DD, inclusive), assisted sessions only, and the page from 1.
#[server(prefix = "/api/admin", endpoint = "get_audit_log")]
pub async fn get_audit_log(
    actor: Option<String>,
    action: Option<String>,
    outcome: Option<String>,
    from: Option<String>,
    to: Option<String>,
    assisted: Option<String>,
    page: Option<String>,
) -> Result<AuditLog, AppError> {
    use crate::models::admin::AuditQuery;
    use crate::server::{call, services};
    call::admin(|app, me| async move {
        let query = AuditQuery::parse(
            actor.as_deref(),
            action.as_deref(),
            outcome.as_deref(),
            from.as_deref(),
            to.as_deref(),
            assisted.as_deref(),
            page.as_deref(),
        )?;
        services::staff_admin::audit_log(&app, me, query).await
    })
    .await
}
