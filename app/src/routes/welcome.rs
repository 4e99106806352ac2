use crate::functions::auth::who_am_i;
use crate::i18n::tr;
use leptos::prelude::*;

/// The start page: what Jinbao is, and the way in.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let t = tr();
    let user = Resource::new(|| (), |_| who_am_i());
    view! {
        <section class="hero">
            <h1>{t.welcome_title}</h1>
            <p class="lead">{t.welcome_body}</p>
            <ul class="points">
                {t.welcome_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) => view! { <a class="button primary" href=u.role.home_path()>{t.go_to_home}</a> }.into_any(),
                        _ => view! { <a class="button primary" href="/login">{t.login}</a> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
