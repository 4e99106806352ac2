use crate::components::loaded::loaded;
use crate::functions::homes::get_admin_home;
use crate::i18n::tr;
use leptos::prelude::*;

/// The administrator's overview.
#[component]
pub fn AdminHomePage() -> impl IntoView {
    let t = tr();
    let home = Resource::new(|| (), |_| get_admin_home());
    loaded(home, move |h| {
        view! {
            <section class="card">
                <h1>{t.admin_home_title}</h1>
                <dl class="facts">
                    <dt>{t.persons_total}</dt><dd>{h.persons}</dd>
                </dl>
                <table class="data cards">
                    <caption>{t.users_by_role}</caption>
                    <thead><tr><th scope="col">{t.role}</th><th scope="col">{t.count}</th></tr></thead>
                    <tbody>
                        {h.users_by_role.iter().map(|(role, n)| view! {
                            <tr><td data-label=t.role>{t.role(*role)}</td><td data-label=t.count>{*n}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="card" aria-labelledby="admin-links-h">
                <h2 id="admin-links-h" class="visually-hidden">{t.admin_home_title}</h2>
                <ul class="plain">
                    <li><a href="/admin/staff">{t.admin.staff_link}</a><p class="hint">{t.admin.staff_link_hint}</p></li>
                    <li><a href="/admin/audit">{t.admin.audit_link}</a><p class="hint">{t.admin.audit_link_hint}</p></li>
                </ul>
            </section>
        }
    })
}
