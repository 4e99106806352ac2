//! Shows an `AppError` in the reader's language and, during SSR, sets the HTTP status.
//! An unauthenticated visitor is sent to the sign-in page instead.

use crate::error::AppError;
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    if error == AppError::Unauthenticated {
        return view! { <Redirect path="/login"/> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }
    let t = tr();
    view! {
        <div class="notice error" role="alert">
            <p>{t.error(&error)}</p>
            <p><a href="/">{t.back_home}</a></p>
        </div>
    }
    .into_any()
}
