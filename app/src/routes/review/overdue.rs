//! The supervisor's view (`/review/overdue`): open steps past their legal limit in every
//! office, most overdue first.

use crate::components::loaded::loaded;
use crate::components::request_progress::QueueTable;
use crate::functions::transfers::get_overdue;
use crate::i18n::tr;
use crate::models::transfer::QueueItem;
use leptos::prelude::*;

#[component]
pub fn OverduePage() -> impl IntoView {
    let x = tr().transfer;
    let list = Resource::new(|| (), |_| get_overdue());
    view! {
        <p><a href="/review">{x.back_to_queue}</a></p>
        <h1>{x.overdue_title}</h1>
        <p>{x.overdue_intro}</p>
        {loaded(list, move |items: Vec<QueueItem>| {
            if items.is_empty() {
                view! { <p>{x.overdue_empty}</p> }.into_any()
            } else {
                view! { <QueueTable items=items show_office=true/> }.into_any()
            }
        })}
    }
}
