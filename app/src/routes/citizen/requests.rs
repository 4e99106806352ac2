//! The citizen's transfer requests (`/me/requests`): each with its status and the office holding
//! it now, and the kinds of request to start.

use crate::components::loaded::loaded;
use crate::functions::transfers::list_requests;
use crate::i18n::{Locale, tr};
use crate::models::transfer::{RequestSummary, TransferKind};
use leptos::prelude::*;

#[component]
pub fn RequestsPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let list = Resource::new(|| (), |_| list_requests());
    view! {
        <p><a href="/me">{t.nav_home}</a></p>
        <h1>{x.list_title}</h1>
        <p>{x.list_intro}</p>
        <section aria-labelledby="start-h">
            <h2 id="start-h">{x.start_title}</h2>
            <ul class="kind-choice" role="list">
                {TransferKind::ALL.into_iter().map(|k| view! {
                    <li class="card">
                        <h3><a href=format!("/me/requests/new/{}", k.slug())>{(x.kind)(k)}</a></h3>
                        <p>{(x.kind_hint)(k)}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {loaded(list, move |items: Vec<RequestSummary>| {
            if items.is_empty() {
                return view! { <p>{x.list_empty}</p> }.into_any();
            }
            view! {
                <ul class="requests" role="list">
                    {items.into_iter().map(|s| view! { <RequestCard summary=s/> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

#[component]
fn RequestCard(summary: RequestSummary) -> impl IntoView {
    let x = tr().transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let s = summary;
    view! {
        <li class="card">
            <h2 class="card-title"><a href=format!("/me/requests/{}", s.reference)>{(x.kind)(s.kind)}</a></h2>
            <p>
                <span class=format!("status-tag request-{}", s.status.code())>{(x.status)(s.status)}</span>
                {s.overdue.then(|| view! { " " <span class="status-tag overdue">{x.overdue}</span> })}
                " · "<span class="mono">{s.reference.clone()}</span>
            </p>
            <dl class="facts stacked">
                <dt>{x.col_places}</dt><dd>{format!("{} → {}", s.from.get(locale), s.to.get(locale))}</dd>
                {s.holder.map(|h| view! { <dt>{x.col_holder}</dt><dd>{h.get(locale).to_string()}</dd> })}
                <dt>{x.col_submitted}</dt><dd>{s.submitted_at}</dd>
            </dl>
        </li>
    }
}
