use crate::i18n::tr;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = tr();
    view! {
        <section class="card narrow">
            <h1>{t.not_found_title}</h1>
            <p><a href="/">{t.back_home}</a></p>
        </section>
    }
}
