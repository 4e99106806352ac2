use crate::components::loaded::loaded;
use crate::functions::access_log::get_notifications;
use crate::i18n::tr;
use crate::models::assist::Notification;
use leptos::prelude::*;

/// The citizen's messages, newest first. Marking them read is the person's own act: an agent in
/// an assisted session is refused, so the notice of their session cannot be hidden.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = tr();
    let a = t.account;
    let inbox = Resource::new(|| (), |_| get_notifications());
    view! {
        <p><a href="/me">{t.nav_home}</a></p>
        <h1>{a.inbox_title}</h1>
        {loaded(inbox, move |items: Vec<Notification>| {
            if items.is_empty() {
                return view! { <p>{a.inbox_empty}</p> }.into_any();
            }
            let any_unread = items.iter().any(|n| n.unread);
            view! {
                {any_unread.then(|| view! {
                    <form method="post" action="/api/citizen/mark_notifications_read" class="inline-form">
                        <button type="submit" class="button">{a.mark_all_read}</button>
                    </form>
                })}
                <ol class="inbox" role="list">
                    {items.into_iter().map(|n| {
                        let value = |key: &str| n.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
                        let reason = crate::models::auth::AssistReason::from_code(&value("reason")).ok();
                        let param = |key: &str| match (key, reason) {
                            ("reason", Some(r)) => (a.reason)(r).to_string(),
                            ("at", _) => chrono::DateTime::parse_from_rfc3339(&value("at"))
                                .map(|d| crate::models::time::local_minute(d.with_timezone(&chrono::Utc)))
                                .unwrap_or_default(),
                            _ => value(key),
                        };
                        view! {
                            <li class="card message" class:unread=n.unread>
                                <p class="access-when"><time>{n.at.clone()}</time>
                                    {n.unread.then(|| view! { " · "<strong>{a.unread}</strong> })}</p>
                                <p>{(a.notification)(n.kind, &param)}</p>
                                <p><a href=n.link.clone()>{a.nav_access_log}</a></p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        })}
    }
}
