//! Shows a page's data once it has loaded, or the error view. The server waits for the data
//! (pages render with `SsrMode::Async`), so the first HTML is already complete.

use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::i18n::tr;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let t = tr();
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => render(data).into_any(),
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
