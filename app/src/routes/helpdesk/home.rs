use crate::components::loaded::loaded;
use crate::functions::homes::get_helpdesk_home;
use crate::i18n::tr;
use leptos::prelude::*;

/// The helpdesk agent's console.
#[component]
pub fn HelpdeskHomePage() -> impl IntoView {
    let t = tr();
    let home = Resource::new(|| (), |_| get_helpdesk_home());
    loaded(home, move |name| {
        view! {
            <section class="card">
                <h1>{t.helpdesk_home_title}</h1>
                <p class="person-name">{name}</p>
                <p>{t.helpdesk_home_body}</p>
            </section>
        }
    })
}
