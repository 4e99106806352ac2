//! Relatives who help (`/me/relatives`, 亲情代办): whom the person authorised and who
//! authorised them, with the form to authorise a relative. Someone acting for the person (a
//! helpdesk agent, a relative) sees the lists without the forms; the server refuses them anyway.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::relatives::{AuthoriseRelative, get_relatives};
use crate::i18n::{Texts, tr};
use crate::models::relatives::{DURATIONS, GrantLine, GrantState, RelativesView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RelativesPage() -> impl IntoView {
    let t = tr();
    let r = t.relatives;
    let query = use_query_map();
    let notice = move || {
        query.with(|q| {
            if q.get("offered").is_some() {
                Some(r.offered_notice)
            } else if q.get("ended").is_some() {
                Some(r.ended_notice)
            } else {
                None
            }
        })
    };
    let data = Resource::new(|| (), |_| get_relatives());
    view! {
        <h1>{r.title}</h1>
        {move || notice().map(|n| view! { <div class="notice success" role="status">{n}</div> })}
        <p class="muted">{r.intro}</p>
        {loaded(data, |v| view! { <RelativesBody v=v/> })}
    }
}

#[component]
fn RelativesBody(v: RelativesView) -> impl IntoView {
    let t = tr();
    let r = t.relatives;
    let manage = v.can_manage;
    let given = grant_list(
        t,
        v.given,
        r.given_empty,
        |g| g.state.is_open().then(|| end_form(t, g)),
        manage,
    );
    let received = v.received.map(|received| grant_list(
        t,
        received,
        r.received_empty,
        |g| {
            match g.state {
            GrantState::Offered => Some(view! {
                <form method="post" action="/api/citizen/answer_relative" class="inline-form">
                    <input type="hidden" name="grant" value=g.id/>
                    <button type="submit" name="answer" value="accept" class="button primary">{r.accept}{hidden_name(&g.name)}</button>
                </form>
                <form method="post" action="/api/citizen/answer_relative" class="inline-form">
                    <input type="hidden" name="grant" value=g.id/>
                    <button type="submit" name="answer" value="decline" class="button">{r.decline}{hidden_name(&g.name)}</button>
                </form>
            }.into_any()),
            GrantState::Active => Some(view! {
                <form method="post" action="/api/citizen/act_for_relative" class="inline-form">
                    <input type="hidden" name="grant" value=g.id/>
                    <button type="submit" class="button primary">{(r.act_for)(&g.name)}</button>
                </form>
                {end_form(t, g)}
            }.into_any()),
            _ => None,
        }
        },
        manage,
    ));
    view! {
        {(!manage).then(|| view! { <p class="notice">{r.read_only_note}</p> })}
        <section class="card" aria-labelledby="given-h">
            <h2 id="given-h">{r.given_title}</h2>
            {given}
        </section>
        {manage.then(|| view! { <AuthoriseForm request_key=v.request_key/> })}
        {received.map(|received| view! {
            <section class="card" aria-labelledby="received-h">
                <h2 id="received-h">{r.received_title}</h2>
                {received}
            </section>
        })}
    }
}

fn end_form(t: &'static Texts, g: &GrantLine) -> AnyView {
    view! {
        <form method="post" action="/api/citizen/end_relative" class="inline-form">
            <input type="hidden" name="grant" value=g.id/>
            <button type="submit" class="button danger">{t.relatives.end}{hidden_name(&g.name)}</button>
        </form>
    }
    .into_any()
}

/// Whose authorisation a button is for, for a screen reader: every row has the same buttons.
fn hidden_name(name: &str) -> impl IntoView + use<> {
    view! { <span class="visually-hidden">" "{name.to_string()}</span> }
}

/// One list of authorisations, each with the actions its state allows (only to a manager).
fn grant_list(
    t: &'static Texts,
    grants: Vec<GrantLine>,
    empty: &'static str,
    actions: impl Fn(&GrantLine) -> Option<AnyView>,
    manage: bool,
) -> AnyView {
    let r = t.relatives;
    if grants.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <ul class="grants" role="list">
            {grants.into_iter().map(|g| {
                let buttons = manage.then(|| actions(&g)).flatten();
                view! {
                    <li class="grant">
                        <p class="grant-who">
                            <strong>{g.name.clone()}</strong>" "
                            <span class="muted">{g.masked_id.clone()}</span>" "
                            <span class=format!("status-tag grant-{}", state_class(g.state))>{(r.state)(g.state)}</span>
                        </p>
                        <p>
                            {if g.may_act { r.may_act_yes } else { r.may_act_no }}" · "
                            {(r.dates)(&g.offered_on.to_string(), &g.ends_on.to_string())}
                        </p>
                        {buttons.map(|b| view! { <div class="actions">{b}</div> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn state_class(s: GrantState) -> &'static str {
    match s {
        GrantState::Offered => "offered",
        GrantState::Active => "active",
        GrantState::Declined => "declined",
        GrantState::Ended => "ended",
        GrantState::Lapsed => "lapsed",
    }
}

#[component]
fn AuthoriseForm(request_key: String) -> impl IntoView {
    let t = tr();
    let r = t.relatives;
    let action = ServerAction::<AuthoriseRelative>::new();
    let pending = action.pending();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let message = move |field: &'static str| move || field_message(t, error.get().as_ref(), field);
    let invalid = move |field: &'static str| move || message(field)().is_some().then_some("true");
    view! {
        <section class="card" aria-labelledby="authorise-h">
            <h2 id="authorise-h">{r.form_title}</h2>
            {move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="request_key" value=request_key/>
                <div class="field">
                    <label for="rel-id">{r.resident_id_label}</label>
                    <input id="rel-id" name="resident_id" type="text" autocomplete="off" maxlength="18" required
                        aria-describedby="rel-id-hint rel-id-error" aria-invalid=invalid("resident_id")/>
                    <p id="rel-id-hint" class="hint">{r.resident_id_hint}</p>
                    <p id="rel-id-error" class="field-error" role="alert">{message("resident_id")}</p>
                </div>
                <div class="field">
                    <label for="rel-phone">{r.phone_label}</label>
                    <input id="rel-phone" name="phone_last_four" type="text" inputmode="numeric" autocomplete="off"
                        maxlength="4" pattern="[0-9]{4}" required
                        aria-describedby="rel-phone-hint rel-phone-error" aria-invalid=invalid("phone_last_four")/>
                    <p id="rel-phone-hint" class="hint">{r.phone_hint}</p>
                    <p id="rel-phone-error" class="field-error" role="alert">{message("phone_last_four")}</p>
                </div>
                <div class="field">
                    <label class="check">
                        <input type="checkbox" name="may_act" value="yes"/>
                        <span>{r.may_act_label}<span class="hint block">{r.may_act_hint}</span></span>
                    </label>
                </div>
                <div class="field">
                    <label for="rel-months">{r.months_label}</label>
                    <select id="rel-months" name="months" aria-describedby="rel-months-error">
                        {DURATIONS.into_iter().map(|m| view! {
                            <option value=m.to_string() selected=m == 12>{(r.months_option)(m)}</option>
                        }).collect_view()}
                    </select>
                    <p id="rel-months-error" class="field-error" role="alert">{message("months")}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>{r.submit}</button>
            </ActionForm>
        </section>
    }
}
