use crate::components::assisted_sessions::{OpenSessions, SessionSummary};
use crate::components::error_view::ErrorView;
use crate::components::form_error::field_message;
use crate::components::pager::pager;
use crate::error::AppError;
use crate::functions::access_log::get_access_log;
use crate::i18n::tr;
use crate::models::assist::{AccessKind, AccessLog, AccessLogEntry};
use crate::models::auth::AssistReason;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// 谁查看了我的信息: `/me/access-log?kind=&from=&to=&page=`, every access by anyone else,
/// newest first, with any assisted session still running and a button to end it.
#[component]
pub fn AccessLogPage() -> impl IntoView {
    let t = tr();
    let a = t.account;
    let query = use_query_map();
    let input = move || {
        let q = query.read();
        (q.get("kind"), q.get("from"), q.get("to"), q.get("page"))
    };
    let ended = move || query.read().get("ended").is_some();
    let log = Resource::new(input, |(kind, from, to, page)| {
        get_access_log(kind, from, to, page)
    });
    view! {
        <p><a href="/me">{t.nav_home}</a></p>
        <h1>{a.access_title}</h1>
        <p class="muted">{a.access_intro}</p>
        {move || ended().then(|| view! { <div class="notice success" role="status">{a.ended_notice}</div> })}
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let (kind, from, to, _) = input();
                match log.await {
                    Ok(l) => view! { <AccessLogView log=l/> }.into_any(),
                    Err(e @ AppError::Validation(_)) => view! {
                        <Filters kind=kind from=from to=to errors=Some(e)/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccessLogView(log: AccessLog) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let q = log.query.clone();
    let href = move |p: i64| {
        let qs = q.to_query_string(Some(p));
        if qs.is_empty() {
            "/me/access-log".to_string()
        } else {
            format!("/me/access-log?{qs}")
        }
    };
    let entries = if log.entries.is_empty() {
        view! { <p>{a.access_empty}</p> }.into_any()
    } else {
        view! {
            <ol class="access-log" role="list">
                {log.entries.into_iter().map(|e| view! { <Entry entry=e/> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let page = pager(log.query.page, log.pages, href);
    view! {
        <OpenSessions sessions=log.open_sessions/>
        <Filters
            kind=log.query.kind.map(|k| k.code().to_string())
            from=log.query.from.map(|d| d.to_string())
            to=log.query.to.map(|d| d.to_string())
            errors=None/>
        <section aria-labelledby="log-h">
            <h2 id="log-h">{(a.access_total)(log.total)}</h2>
            {entries}
            {page}
        </section>
    }
}

#[component]
fn Entry(entry: AccessLogEntry) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let kind = (a.kind)(entry.kind);
    // The assisted session itself is shown in full; anything done under one says so.
    let assisted = entry.assisted.map(|d| {
        if entry.action == "assisted_session" {
            view! { <SessionSummary detail=d/> }.into_any()
        } else if d.reason == AssistReason::Relative {
            view! { <p class="muted">{(t.relatives.on_behalf)(&d.agent)}</p> }.into_any()
        } else {
            view! { <p class="muted">{a.assisted_on_behalf}" · "{(a.session_ticket)(&d.ticket)}</p> }.into_any()
        }
    });
    view! {
        <li class="access-entry">
            <p class="access-when"><time>{entry.at}</time>" · "<span class="kind-tag">{kind}</span></p>
            <p>{if entry.kind == AccessKind::Verification {
                (a.verification_line)(&entry.actor, &(a.purpose)(&entry.purpose))
            } else {
                (a.access_line)(&entry.actor, &(a.action)(&entry.action), &(a.purpose)(&entry.purpose))
            }}</p>
            {assisted}
        </li>
    }
}

#[component]
fn Filters(
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    errors: Option<AppError>,
) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let kind = kind.unwrap_or_default();
    let error = |f: &str| field_message(t, errors.as_ref(), f);
    let (kind_error, from_error, to_error) = (error("kind"), error("from"), error("to"));
    view! {
        <form method="get" action="/me/access-log" class="form filters card" aria-label=a.filter_submit>
            {errors.is_some().then(|| view! { <div class="notice error" role="alert"><p>{t.err_validation}</p></div> })}
            <div class="field">
                <label for="kind">{a.kind_label}</label>
                <select id="kind" name="kind" aria-describedby="kind-error">
                    <option value="" selected=kind.is_empty()>{a.kind_any}</option>
                    {AccessKind::ALL.into_iter().map(|k| view! {
                        <option value=k.code() selected=kind == k.code()>{(a.kind)(k)}</option>
                    }).collect_view()}
                </select>
                <p id="kind-error" class="field-error">{kind_error}</p>
            </div>
            <div class="field">
                <label for="from">{a.from_label}</label>
                <input id="from" name="from" type="date" value=from aria-describedby="from-error"
                    aria-invalid=from_error.is_some().then_some("true")/>
                <p id="from-error" class="field-error">{from_error}</p>
            </div>
            <div class="field">
                <label for="to">{a.to_label}</label>
                <input id="to" name="to" type="date" value=to aria-describedby="to-error"
                    aria-invalid=to_error.is_some().then_some("true")/>
                <p id="to-error" class="field-error">{to_error}</p>
            </div>
            <button type="submit" class="button primary">{a.filter_submit}</button>
        </form>
    }
}
