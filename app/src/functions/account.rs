//! The signed-in user's own account: two-factor sign-in and the password.

use crate::error::AppError;
use crate::models::auth::TwoFactorSetup;
use leptos::prelude::*;

#[server(prefix = "/api/account", endpoint = "get_two_factor")]
pub async fn get_two_factor() -> Result<TwoFactorSetup, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move { services::account::two_factor_setup(&app, &p).await })
        .await
}

/// Starts two-factor set-up and shows the secret to scan.
#[server(prefix = "/api/account", endpoint = "begin_two_factor")]
pub async fn begin_two_factor() -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::account::begin_two_factor(&app, &p).await?;
        leptos_axum::redirect("/account/two-factor");
        Ok(())
    })
    .await
}

/// Confirms two-factor set-up with a first code; staff waiting for it go on to their home page.
#[server(prefix = "/api/account", endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String) -> Result<(), AppError> {
    use crate::models::auth::SessionStage;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let token = services::account::confirm_two_factor(&app, &p, &code).await?;
        super::auth::set_session_cookie(&app, &token)?;
        // Staff who were made to set it up go on to their work.
        if p.stage == SessionStage::Enrol {
            leptos_axum::redirect(p.landing());
        } else {
            leptos_axum::redirect("/account?done=two_factor_on");
        }
        Ok(())
    })
    .await
}

#[server(prefix = "/api/account", endpoint = "disable_two_factor")]
pub async fn disable_two_factor(code: String) -> Result<(), AppError> {
    use crate::functions::auth::{client_address, request_parts};
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let address = client_address(&request_parts()?);
        let token = services::account::disable_two_factor(&app, &p, &code, &address).await?;
        super::auth::set_session_cookie(&app, &token)?;
        leptos_axum::redirect("/account?done=two_factor_off");
        Ok(())
    })
    .await
}

#[server(prefix = "/api/account", endpoint = "change_password")]
pub async fn change_password(
    current: String,
    new_password: String,
    confirm: String,
) -> Result<(), AppError> {
    use crate::functions::auth::{client_address, request_parts};
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let address = client_address(&request_parts()?);
        let token =
            services::account::change_password(&app, &p, current, new_password, confirm, &address)
                .await?;
        super::auth::set_session_cookie(&app, &token)?;
        // Someone who had to choose their own password goes on to their work.
        if p.password_expired {
            leptos_axum::redirect(p.role.home_path());
        } else {
            leptos_axum::redirect("/account?done=password");
        }
        Ok(())
    })
    .await
}
