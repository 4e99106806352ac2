use crate::components::error_view::ErrorView;
use crate::components::form_error::field_message;
use crate::components::pager::pager;
use crate::error::AppError;
use crate::functions::admin::get_audit_log;
use crate::i18n::{Texts, tr};
use crate::models::admin::{AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditEntry, AuditLog, AuditQuery};
use crate::models::auth::{AssistReason, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The audit log: `/admin/audit?actor=&action=&outcome=&from=&to=&assisted=&page=`, newest
/// first, filtered by a plain GET form.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let query = use_query_map();
    let input = move || {
        let q = query.read();
        RawFilters {
            actor: q.get("actor"),
            action: q.get("action"),
            outcome: q.get("outcome"),
            from: q.get("from"),
            to: q.get("to"),
            assisted: q.get("assisted"),
            page: q.get("page"),
        }
    };
    let log = Resource::new(input, |f| {
        get_audit_log(
            f.actor, f.action, f.outcome, f.from, f.to, f.assisted, f.page,
        )
    });
    view! {
        <p><a href="/admin">{t.admin_home_title}</a></p>
        <h1>{ad.audit_title}</h1>
        <p class="muted">{ad.audit_intro}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let raw = input();
                match log.await {
                    Ok(log) => view! { <AuditLogView log/> }.into_any(),
                    Err(e @ AppError::Validation(_)) => view! { <Filters raw errors=Some(e)/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The filters as typed in the address bar.
#[derive(Debug, Clone, Default, PartialEq)]
struct RawFilters {
    actor: Option<String>,
    action: Option<String>,
    outcome: Option<String>,
    from: Option<String>,
    to: Option<String>,
    assisted: Option<String>,
    page: Option<String>,
}

impl From<&AuditQuery> for RawFilters {
    fn from(q: &AuditQuery) -> Self {
        Self {
            actor: q.actor.clone(),
            action: q.action.clone(),
            outcome: q.outcome.clone(),
            from: q.from.map(|d| d.to_string()),
            to: q.to.map(|d| d.to_string()),
            assisted: q.assisted.then(|| "on".to_string()),
            page: None,
        }
    }
}

#[component]
fn AuditLogView(log: AuditLog) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let entries = if log.entries.is_empty() {
        view! { <p>{ad.audit_empty}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="log-h">
                <table class="data cards audit-log">
                    <caption>{ad.audit_caption}</caption>
                    <thead><tr>
                        <th scope="col">{ad.col_time}</th><th scope="col">{ad.col_actor}</th>
                        <th scope="col">{ad.col_action}</th><th scope="col">{ad.col_subject}</th>
                        <th scope="col">{ad.col_outcome}</th><th scope="col">{ad.col_detail}</th>
                    </tr></thead>
                    <tbody>
                        {log.entries.into_iter().map(|e| view! { <Entry entry=e/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let q = log.query.clone();
    let page = pager(log.query.page, log.pages, move |p| q.href(p));
    view! {
        <Filters raw=RawFilters::from(&log.query) errors=None/>
        <section aria-labelledby="log-h" class="results">
            <h2 id="log-h">{(ad.audit_total)(log.total)}</h2>
            {entries}
            {page}
        </section>
    }
}

/// An event's detail in words where it holds codes: why an assisted session ended, the roles
/// given, the reason a session was started for.
fn detail_in_words(t: &Texts, e: &AuditEntry) -> String {
    let a = t.account;
    match e.action.as_str() {
        "assist_end" => (a.end_reason)(&e.detail).to_string(),
        "staff_create" | "staff_roles" => e
            .detail
            .split(',')
            .filter(|g| !g.is_empty())
            .map(|g| {
                let (code, office) = g.split_once('@').unwrap_or((g, ""));
                let role = Role::from_code(code).map_or(code, |r| t.role(r));
                if office.is_empty() {
                    role.to_string()
                } else {
                    format!("{role} · {}", (t.admin.office_ref)(office))
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        "assist_start" => match e.detail.split_once(" · ") {
            Some((reason, rest)) => match AssistReason::from_code(reason) {
                Ok(r) => format!("{} · {rest}", (a.reason)(r)),
                Err(_) => e.detail.clone(),
            },
            None => e.detail.clone(),
        },
        _ => e.detail.clone(),
    }
}

#[component]
fn Entry(entry: AuditEntry) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let actor = match (&entry.actor_name, &entry.actor_username) {
        (Some(name), Some(username)) => format!("{name} ({username})"),
        (Some(name), None) => name.clone(),
        _ => t.none.to_string(),
    };
    let role = t.role(entry.actor_role);
    // Requests name their page; other targets (a user name, a credit code) go with the subject.
    let (what, target) = match entry.action.as_str() {
        "page" | "call" => (
            format!(
                "{}: {}",
                (ad.action)(&entry.action),
                (t.account.page_label)(&entry.target)
            ),
            None,
        ),
        other => (
            (ad.action)(other),
            Some(entry.target.clone()).filter(|s| !s.is_empty()),
        ),
    };
    let assist = entry.assist.as_ref().map(|s| {
        let mut parts = vec![(ad.assisted_session)(s.id)];
        parts.extend(s.reason.map(|r| (t.account.reason)(r).to_string()));
        parts.extend(
            s.ticket
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(t.account.session_ticket),
        );
        view! { <p class="muted">{parts.join(" · ")}</p> }
    });
    let detail = detail_in_words(t, &entry);
    let subject = entry.subject_name.clone();
    view! {
        <tr class:refused=entry.outcome != "ok">
            <td data-label=ad.col_time><time>{entry.at}</time></td>
            <td data-label=ad.col_actor>{actor}<br/><span class="muted">{role}</span></td>
            <td data-label=ad.col_action>{what}</td>
            <td data-label=ad.col_subject>{subject}{target.map(|s| view! { <br/><span class="muted">{s}</span> })}</td>
            <td data-label=ad.col_outcome>{(ad.outcome)(&entry.outcome)}</td>
            <td data-label=ad.col_detail>{(!detail.is_empty()).then_some(detail)}{assist}</td>
        </tr>
    }
}

#[component]
fn Filters(raw: RawFilters, errors: Option<AppError>) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let a = t.account;
    let error = |f: &str| field_message(t, errors.as_ref(), f);
    let (actor_error, action_error, outcome_error) =
        (error("actor"), error("action"), error("outcome"));
    let (from_error, to_error) = (error("from"), error("to"));
    let action = raw.action.unwrap_or_default();
    let outcome = raw.outcome.unwrap_or_default();
    let actions = AUDIT_ACTIONS
        .into_iter()
        .map(|code| view! { <option value=code selected=action == code>{(ad.action)(code)}</option> })
        .collect_view();
    let outcomes = AUDIT_OUTCOMES
        .into_iter()
        .map(|code| view! { <option value=code selected=outcome == code>{(ad.outcome)(code)}</option> })
        .collect_view();
    let invalid = |e: Option<&str>| e.is_some().then_some("true");
    view! {
        <form method="get" action="/admin/audit" class="form filters card audit-filters" role="search" aria-label=a.filter_submit>
            {errors.is_some().then(|| view! { <div class="notice error" role="alert"><p>{t.err_validation}</p></div> })}
            <div class="field">
                <label for="actor">{ad.actor_label}</label>
                <input id="actor" name="actor" type="search" maxlength="32" autocomplete="off" autocapitalize="none"
                    spellcheck="false" value=raw.actor aria-describedby="actor-hint actor-error"
                    aria-invalid=invalid(actor_error)/>
                <p id="actor-hint" class="hint">{ad.actor_hint}</p>
                <p id="actor-error" class="field-error">{actor_error}</p>
            </div>
            <div class="field">
                <label for="action">{ad.action_label}</label>
                <select id="action" name="action" aria-describedby="action-error" aria-invalid=invalid(action_error)>
                    <option value="">{ad.action_any}</option>
                    {actions}
                </select>
                <p id="action-error" class="field-error">{action_error}</p>
            </div>
            <div class="field">
                <label for="outcome">{ad.outcome_label}</label>
                <select id="outcome" name="outcome" aria-describedby="outcome-error" aria-invalid=invalid(outcome_error)>
                    <option value="">{ad.outcome_any}</option>
                    {outcomes}
                </select>
                <p id="outcome-error" class="field-error">{outcome_error}</p>
            </div>
            <div class="field">
                <label for="from">{a.from_label}</label>
                <input id="from" name="from" type="date" value=raw.from aria-describedby="from-error"
                    aria-invalid=invalid(from_error)/>
                <p id="from-error" class="field-error">{from_error}</p>
            </div>
            <div class="field">
                <label for="to">{a.to_label}</label>
                <input id="to" name="to" type="date" value=raw.to aria-describedby="to-error"
                    aria-invalid=invalid(to_error)/>
                <p id="to-error" class="field-error">{to_error}</p>
            </div>
            <div class="field">
                <label class="check">
                    <input type="checkbox" name="assisted" value="on" checked=raw.assisted.is_some()/>
                    {ad.assisted_label}
                </label>
            </div>
            <button type="submit" class="button primary">{a.filter_submit}</button>
            <a href="/admin/audit" class="clear-link">{ad.clear}</a>
        </form>
    }
}
