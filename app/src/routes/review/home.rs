//! The reviewer's workspace (`/review`): their office and its queue, oldest due first; for
//! supervisors, the way to overdue steps across offices.

use crate::components::loaded::loaded;
use crate::components::request_progress::QueueTable;
use crate::functions::homes::get_reviewer_home;
use crate::functions::transfers::get_queue;
use crate::i18n::{Locale, tr};
use crate::models::transfer::QueueItem;
use leptos::prelude::*;

#[component]
pub fn ReviewerHomePage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let home = Resource::new(|| (), |_| get_reviewer_home());
    let queue = Resource::new(|| (), |_| get_queue());
    view! {
        {loaded(home, move |h| {
            view! {
                <section class="card">
                    <h1>{t.reviewer_home_title}</h1>
                    <dl class="facts stacked">
                        <dt>{t.office}</dt><dd>{h.office.get(locale).to_string()}</dd>
                        <dt>{t.region}</dt><dd>{h.region.get(locale).to_string()}</dd>
                    </dl>
                    <p>{t.reviewer_home_body}</p>
                    {h.pays_pensions.then(|| view! { <p><a href="/review/qualifications">{t.benefit.rq_title}</a></p> })}
                    {h.supervisor.then(|| view! { <p><a href="/review/overdue">{x.overdue_link}</a></p> })}
                </section>
            }
        })}
        <section aria-labelledby="queue-h">
            <h2 id="queue-h">{x.queue_title}</h2>
            <p class="hint">{x.queue_intro}</p>
            {loaded(queue, move |items: Vec<QueueItem>| {
                if items.is_empty() {
                    view! { <p>{x.queue_empty}</p> }.into_any()
                } else {
                    view! { <QueueTable items=items show_office=false/> }.into_any()
                }
            })}
        </section>
    }
}
