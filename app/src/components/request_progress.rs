//! A transfer request's legs (office, legal limit, due date, overdue) and its history, shown
//! alike to the citizen and to the offices.

use crate::i18n::{Locale, tr};
use crate::models::transfer::{EventView, LegView, QueueItem};
use leptos::prelude::*;

#[component]
pub fn LegsTable(legs: Vec<LegView>) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=x.legs_title>
            <table class="data cards legs">
                <caption class="visually-hidden">{x.legs_title}</caption>
                <thead><tr>
                    <th scope="col">{x.col_step}</th>
                    <th scope="col">{x.col_office}</th>
                    <th scope="col">{x.col_limit}</th>
                    <th scope="col">{x.col_due}</th>
                    <th scope="col">{x.col_status}</th>
                </tr></thead>
                <tbody>
                    {legs.into_iter().map(|l| {
                        let current = l.status.is_current();
                        view! {
                            <tr class=current.then_some("current")>
                                <td data-label=x.col_step>{(x.step_name)(l.step)}</td>
                                <td data-label=x.col_office>{l.office.get(locale).to_string()}</td>
                                <td data-label=x.col_limit>{(x.working_days)(l.limit_days)}</td>
                                <td data-label=x.col_due>
                                    {l.due_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}
                                    {l.due_provisional.then_some(x.provisional)}
                                </td>
                                <td data-label=x.col_status>
                                    <span class=format!("status-tag leg-{}", l.status.code())>{(x.leg_status)(l.status)}</span>
                                    {l.overdue.then(|| view! { " " <span class="status-tag overdue">{x.overdue}</span> })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="hint">{x.calendar_note}</p>
    }
}

#[component]
pub fn History(events: Vec<EventView>) -> impl IntoView {
    let x = tr().transfer;
    view! {
        <ol class="history" role="list">
            {events.into_iter().map(|e| view! {
                <li>
                    <span class="muted">{e.at}</span>" "
                    <strong>{(x.event)(&e.action)}</strong>
                    {e.step.map(|s| format!(" · {}", (x.step_name)(s)))}
                    " · "{e.actor}
                    {e.reason.map(|r| view! { <br/>{(x.reason)(r)} })}
                    {(!e.note.is_empty()).then(|| view! { <br/><q>{e.note}</q> })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// Legs in a queue: the office's own, or the supervisor's list across offices.
#[component]
pub fn QueueTable(items: Vec<QueueItem>, show_office: bool) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=x.queue_title>
            <table class="data cards queue">
                <caption class="visually-hidden">{x.queue_title}</caption>
                <thead><tr>
                    <th scope="col">{x.col_due}</th>
                    <th scope="col">{x.col_reference}</th>
                    <th scope="col">{x.col_person}</th>
                    <th scope="col">{x.col_step}</th>
                    <th scope="col">{x.col_places}</th>
                    {show_office.then(|| view! { <th scope="col">{x.col_office}</th> })}
                    <th scope="col">{x.col_status}</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|q| {
                        let link = (!show_office).then(|| format!("/review/legs/{}", q.leg_id));
                        view! {
                            <tr class=q.overdue.then_some("overdue")>
                                <td data-label=x.col_due>{q.due_on.to_string()}
                                    {q.overdue.then(|| view! { " " <span class="status-tag overdue">{x.overdue}</span> })}
                                </td>
                                <td class="mono" data-label=x.col_reference>{match link {
                                    Some(href) => view! { <a href=href>{q.reference.clone()}</a> }.into_any(),
                                    None => view! { <span>{q.reference.clone()}</span> }.into_any(),
                                }}</td>
                                <td data-label=x.col_person>{q.person_name}</td>
                                <td data-label=x.col_step>{(x.kind)(q.kind)}<br/><span class="hint">{(x.step_name)(q.step)}</span></td>
                                <td data-label=x.col_places>{format!("{} → {}", q.from.get(locale), q.to.get(locale))}</td>
                                {show_office.then(|| view! { <td data-label=x.col_office>{q.office.get(locale).to_string()}</td> })}
                                <td data-label=x.col_status>{(x.leg_status)(q.status)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
