//! The reader's language, remembered in a cookie (no account needed).

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
