use crate::components::loaded::loaded;
use crate::functions::homes::get_employer_home;
use crate::i18n::{Locale, tr};
use leptos::prelude::*;

/// The employer's landing page: who they are and their staff's enrolment at a glance.
#[component]
pub fn EmployerHomePage() -> impl IntoView {
    let t = tr();
    let locale = use_context::<Locale>().unwrap_or_default();
    let home = Resource::new(|| (), |_| get_employer_home());
    loaded(home, move |h| {
        view! {
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
