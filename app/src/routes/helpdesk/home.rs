use crate::components::error_view::ErrorView;
use crate::components::form_error::field_message;
use crate::error::AppError;
use crate::functions::assist::{StartAssist, find_callers};
use crate::functions::homes::get_helpdesk_home;
use crate::i18n::tr;
use crate::models::assist::{CallerMatch, CallerResults, EmployerCaller};
use crate::models::auth::{AssistReason, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The helpdesk console: `/helpdesk?by=id|phone|name|employer&q=&birth=`. A plain GET form finds
/// the caller; each match offers the form that starts an assisted session as them.
#[component]
pub fn HelpdeskHomePage() -> impl IntoView {
    let t = tr();
    let a = t.account;
    let query = use_query_map();
    let input = move || {
        let q = query.read();
        (q.get("by"), q.get("q"), q.get("birth"))
    };
    let home = Resource::new(|| (), |_| get_helpdesk_home());
    let found = Resource::new(input, |(by, q, birth)| find_callers(by, q, birth));
    view! {
        <h1>{t.helpdesk_home_title}</h1>
        <p class="muted">{a.console_intro}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let (by, q, birth) = input();
                let home = match home.await {
                    Ok(h) => h,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                match found.await {
                    Ok(results) => view! {
                        <p class="person-name">{home.agent_name.clone()}</p>
                        <SearchForm by=by q=q birth=birth errors=None/>
                        {results.map(|r| view! { <Results results=r limits=(home.idle_minutes, home.max_minutes)/> })}
                    }.into_any(),
                    Err(e @ AppError::Validation(_)) => view! {
                        <SearchForm by=by q=q birth=birth errors=Some(e)/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SearchForm(
    by: Option<String>,
    q: Option<String>,
    birth: Option<String>,
    errors: Option<AppError>,
) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let by = by.unwrap_or_else(|| "id".into());
    let q_error = field_message(t, errors.as_ref(), "q");
    let birth_error = field_message(t, errors.as_ref(), "birth");
    let option = |value: &'static str, label: &'static str| {
        view! { <option value=value selected=by == value>{label}</option> }
    };
    view! {
        <section class="card" aria-labelledby="search-h">
            <h2 id="search-h">{a.search_title}</h2>
            {errors.is_some().then(|| view! { <div class="notice error" role="alert"><p>{t.err_validation}</p></div> })}
            <form method="get" action="/helpdesk" class="form filters">
                <div class="field">
                    <label for="by">{a.search_by}</label>
                    <select id="by" name="by">
                        {option("id", a.by_id)}
                        {option("phone", a.by_phone)}
                        {option("name", a.by_name)}
                        {option("employer", a.by_employer)}
                    </select>
                </div>
                <div class="field">
                    <label for="q">{a.search_value}</label>
                    <input id="q" name="q" type="search" required maxlength="64" value=q autocomplete="off"
                        spellcheck="false" aria-describedby="q-hint q-error"
                        aria-invalid=q_error.is_some().then_some("true")/>
                    <p id="q-hint" class="hint">{a.search_value_hint}</p>
                    <p id="q-error" class="field-error">{q_error}</p>
                </div>
                <div class="field">
                    <label for="birth">{a.birth_label}</label>
                    <input id="birth" name="birth" type="date" value=birth aria-describedby="birth-hint birth-error"
                        aria-invalid=birth_error.is_some().then_some("true")/>
                    <p id="birth-hint" class="hint">{a.birth_hint}</p>
                    <p id="birth-error" class="field-error">{birth_error}</p>
                </div>
                <button type="submit" class="button primary">{a.search_submit}</button>
            </form>
        </section>
    }
}

#[component]
fn Results(results: CallerResults, limits: (i64, i64)) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let action = ServerAction::<StartAssist>::new();
    match results {
        CallerResults::Persons(persons) if persons.is_empty() => view! { <p role="status">{a.no_match}</p> }.into_any(),
        CallerResults::Persons(persons) => view! {
            <section aria-labelledby="matches-h">
                <h2 id="matches-h">{(a.matches)(persons.len())}</h2>
                <p class="muted">{a.lookup_logged}</p>
                <ul class="caller-list" role="list">
                    {persons.into_iter().map(|p| view! { <PersonMatch person=p action limits/> }).collect_view()}
                </ul>
            </section>
        }
        .into_any(),
        CallerResults::Employer(None) => view! { <p role="status">{a.no_match}</p> }.into_any(),
        CallerResults::Employer(Some(e)) => view! { <EmployerMatch employer=e action limits/> }.into_any(),
    }
}

#[component]
fn PersonMatch(
    person: CallerMatch,
    action: ServerAction<StartAssist>,
    limits: (i64, i64),
) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let start = person.user_id.map(|id| {
        view! { <StartForm user_id=id as_role=Role::Citizen who=person.name.clone() action limits/> }.into_any()
    });
    view! {
        <li class="card caller">
            <h3>{person.name.clone()}</h3>
            <dl class="facts">
                <dt>{t.masked_id}</dt><dd>{person.masked_id}</dd>
                <dt>{a.birth_date}</dt><dd>{person.birth_date}" · "{if person.male { a.sex_male } else { a.sex_female }}</dd>
                <dt>{a.hukou}</dt><dd>{person.hukou_region}</dd>
                <dt>{a.phone}</dt><dd>{person.masked_phone.unwrap_or_else(|| t.none.into())}</dd>
            </dl>
            {start.unwrap_or_else(|| view! { <p class="muted">{a.no_account}</p> }.into_any())}
        </li>
    }
}

#[component]
fn EmployerMatch(
    employer: EmployerCaller,
    action: ServerAction<StartAssist>,
    limits: (i64, i64),
) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let users = if employer.users.is_empty() {
        view! { <p class="muted">{a.no_employer_users}</p> }.into_any()
    } else {
        employer
            .users
            .into_iter()
            .map(|(id, name)| view! { <StartForm user_id=id as_role=Role::Employer who=name action limits/> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card caller" aria-labelledby="employer-h">
            <h2 id="employer-h">{employer.name}</h2>
            <dl class="facts"><dt>{t.credit_code}</dt><dd>{employer.credit_code}</dd></dl>
            <h3>{a.employer_users}</h3>
            {users}
        </section>
    }
}

/// Reason from the list, free text and a ticket number: what starting a session requires.
#[component]
fn StartForm(
    user_id: i64,
    as_role: Role,
    who: String,
    action: ServerAction<StartAssist>,
    limits: (i64, i64),
) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let error = move || action.value().get().and_then(Result::err);
    let field = move |name: &'static str| move || field_message(t, error().as_ref(), name);
    let id = move |name: &str| format!("{name}-{user_id}");
    view! {
        <details class="start-assist" open=move || error().is_some()>
            <summary>{(a.start_title)(&who)}</summary>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="user" value=user_id.to_string()/>
                <input type="hidden" name="as_role" value=as_role.code()/>
                <div class="field">
                    <label for=id("reason")>{a.reason_label}</label>
                    <select id=id("reason") name="reason" required aria-describedby=id("reason-error")>
                        <option value="">{a.choose}</option>
                        {AssistReason::ALL.into_iter().filter(|r| *r != AssistReason::Relative).map(|r| view! { <option value=r.code()>{(a.reason)(r)}</option> }).collect_view()}
                    </select>
                    <p id=id("reason-error") class="field-error">{field("reason")}</p>
                </div>
                <div class="field">
                    <label for=id("reason_text")>{a.reason_text_label}</label>
                    <textarea id=id("reason_text") name="reason_text" required minlength="5" maxlength="200" rows="2"
                        aria-describedby=format!("{} {}", id("reason_text-hint"), id("reason_text-error"))></textarea>
                    <p id=id("reason_text-hint") class="hint">{a.reason_text_hint}</p>
                    <p id=id("reason_text-error") class="field-error">{field("reason_text")}</p>
                </div>
                <div class="field">
                    <label for=id("ticket")>{a.ticket_label}</label>
                    <input id=id("ticket") name="ticket" type="text" required maxlength="32" autocomplete="off"
                        spellcheck="false" aria-describedby=format!("{} {}", id("ticket-hint"), id("ticket-error"))/>
                    <p id=id("ticket-hint") class="hint">{a.ticket_hint}</p>
                    <p id=id("ticket-error") class="field-error">{field("ticket")}</p>
                </div>
                <p class="hint">{(a.start_note)(limits.0, limits.1)}</p>
                <button type="submit" class="button primary">{a.start_submit}</button>
            </ActionForm>
        </details>
    }
}
