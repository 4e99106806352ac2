use crate::components::assisted_sessions::OpenSessions;
use crate::components::loaded::loaded;
use crate::functions::homes::get_employer_home;
use crate::i18n::{Locale, tr};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The employer's landing page: who they are and their staff's enrolment at a glance, and any
/// helpdesk session running as this user, with a button to end it.
#[component]
pub fn EmployerHomePage() -> impl IntoView {
    let t = tr();
    let locale = use_context::<Locale>().unwrap_or_default();
    let query = use_query_map();
    let ended = move || query.read().get("ended").is_some();
    let home = Resource::new(|| (), |_| get_employer_home());
    loaded(home, move |h| {
        view! {
            {move || ended().then(|| view! { <div class="notice success" role="status">{t.account.ended_notice}</div> })}
            <OpenSessions sessions=h.open_sessions.clone()/>
            <section class="card">
                <h1>{t.employer_home_title}</h1>
                <p class="person-name">{h.name.clone()}</p>
                <dl class="facts">
                    <dt>{t.credit_code}</dt><dd>{h.credit_code.clone()}</dd>
                    <dt>{t.region}</dt><dd>{h.region.get(locale).to_string()}</dd>
                    <dt>{t.staff_enrolled}</dt><dd>{h.staff_enrolled}</dd>
                    <dt>{t.staff_in_arrears}</dt><dd>{h.staff_in_arrears}</dd>
                </dl>
                <p class="links"><a class="button primary" href="/employer/staff">{t.staff.nav_staff}</a></p>
            </section>
        }
    })
}
