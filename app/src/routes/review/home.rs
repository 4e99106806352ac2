use crate::components::loaded::loaded;
use crate::functions::homes::get_reviewer_home;
use crate::i18n::{Locale, tr};
use leptos::prelude::*;

/// The reviewer's workspace, bound to one office.
#[component]
pub fn ReviewerHomePage() -> impl IntoView {
    let t = tr();
    let locale = use_context::<Locale>().unwrap_or_default();
    let home = Resource::new(|| (), |_| get_reviewer_home());
    loaded(home, move |h| {
        view! {
            <section class="card">
                <h1>{t.reviewer_home_title}</h1>
                <dl class="facts">
                    <dt>{t.office}</dt><dd>{h.office.get(locale).to_string()}</dd>
                    <dt>{t.region}</dt><dd>{h.region.get(locale).to_string()}</dd>
                </dl>
                <p>{t.reviewer_home_body}</p>
            </section>
        }
    })
}
