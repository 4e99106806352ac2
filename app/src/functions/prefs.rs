//! The reader's language and elder mode, remembered in cookies (no account needed); elder mode
//! also on the account of the person signed in, for their other devices.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the language and (as a plain form post) returns to the page it was sent from.
#[server(prefix = "/api/prefs", endpoint = "set_locale")]
pub async fn set_locale(lang: String) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::i18n::{LANG_COOKIE, Locale};
    crate::server::call::anyone(|_, _| async move {
        let locale =
            Locale::from_code(&lang).ok_or_else(|| AppError::field("lang", FieldCode::Invalid))?;
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            locale.code()
        );
        expect_context::<leptos_axum::ResponseOptions>().insert_header(
            http::header::SET_COOKIE,
            http::HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
        );
        Ok(())
    })
    .await
}

/// Turns elder mode on or off on this device and, for the person signed in, on their account.
/// In an assisted session only the device remembers it: the agent's choice is not the person's.
#[server(prefix = "/api/prefs", endpoint = "set_elder_mode")]
pub async fn set_elder_mode(on: bool) -> Result<(), AppError> {
    use crate::elder_mode::ElderMode;
    use crate::models::auth::SessionStage;
    crate::server::call::anyone(|app, p| async move {
        if let Some(p) = p.filter(|p| p.stage == SessionStage::Full && p.assist.is_none()) {
            app.store.set_elder_mode(p.user_id, on).await?;
        }
        expect_context::<leptos_axum::ResponseOptions>().insert_header(
            http::header::SET_COOKIE,
            http::HeaderValue::from_str(&ElderMode(on).cookie()).map_err(AppError::internal)?,
        );
        Ok(())
    })
    .await
}
