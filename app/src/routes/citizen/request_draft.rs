//! Writing a transfer request, task-list style (`/me/requests/new/:kind`): the steps with their
//! state, one page per step (places, contact), and a check-your-answers page that submits. The
//! answers live in a draft on the server; the pre-check explains any unmet condition before
//! anything is submitted.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::transfers::{
    SaveTransferContact, SaveTransferException, SaveTransferPlaces, SubmitTransfer,
    get_transfer_draft,
};
use crate::i18n::{Locale, tr};
use crate::models::home::Named;
use crate::models::insurance::yuan;
use crate::models::transfer::{
    DraftStep, DraftView, PlaceChoice, Route, TemporaryException, TransferKind,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The draft of the kind in the address.
fn draft_resource() -> Resource<Result<DraftView, AppError>> {
    let params = use_params_map();
    Resource::new(
        move || params.read().get("kind").unwrap_or_default(),
        get_transfer_draft,
    )
}

fn tasks_href(d: &DraftView) -> String {
    format!("/me/requests/new/{}", d.kind.slug())
}

#[component]
pub fn TransferTasksPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let draft = draft_resource();
    view! {
        <p><a href="/me/requests">{x.back_to_list}</a></p>
        {loaded(draft, move |d: DraftView| {
            let state = |step: DraftStep| match step {
                DraftStep::Places if d.places_done() => (x.step_done, true),
                DraftStep::Contact if d.contact_done() => (x.step_done, true),
                DraftStep::Check if !d.places_done() || !d.contact_done() => (x.step_blocked, false),
                _ => (x.step_todo, true),
            };
            view! {
                <h1>{(x.kind)(d.kind)}</h1>
                <p>{x.tasks_intro}</p>
                <ol class="task-list card" role="list">
                    {DraftStep::ALL.into_iter().enumerate().map(|(i, step)| {
                        let (label, open) = state(step);
                        let name = format!("{}. {}", i + 1, (x.step)(step));
                        let href = format!("{}/{}", tasks_href(&d), step.slug());
                        view! {
                            <li>
                                {if open {
                                    view! { <a href=href>{name}</a> }.into_any()
                                } else {
                                    view! { <span>{name}</span> }.into_any()
                                }}
                                <span class="status-tag">{label}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <PrecheckPanel draft=d.clone()/>
            }
        })}
    }
}

/// What the move is, the conditions, the warnings, the estimate and (pension) the paying
/// place, each deciding rule with its source.
#[component]
fn PrecheckPanel(draft: DraftView) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let name = move |n: &Named| n.get(locale).to_string();
    let place = move |n: &Option<Named>| n.as_ref().map(name).unwrap_or_default();
    let Some(precheck) = draft.precheck.clone() else {
        return ().into_any();
    };
    let kind = draft.kind;
    let route = match &precheck.route {
        Route::Transfer => view! {
            {if precheck.unmet.is_empty() {
                view! { <p class="notice success" role="status">{x.precheck_all_met}</p> }.into_any()
            } else {
                view! {
                    <div class="notice error" role="status">
                        <p>{x.precheck_unmet_intro}</p>
                        <ul>{precheck.unmet.iter().map(|u| view! { <li>{(x.unmet)(u)}</li> }).collect_view()}</ul>
                    </div>
                }.into_any()
            }}
            {precheck.exception.map(|e| view! {
                <p class="notice">{(x.exception_applied)(e)}</p>
                <ExceptionForm draft=draft.clone()/>
            })}
        }.into_any(),
        Route::ChangeOfRegistration { province, since } => view! {
            <div class="notice" role="status">
                <h3>{x.change_title}</h3>
                <p>{(x.change_body)(&place(&draft.from_name), &place(&draft.to_name), &name(province), *since)}</p>
                <p class="hint">{x.change_source}</p>
            </div>
        }.into_any(),
        Route::TemporaryAccount { age, started, hukou } => view! {
            <div class="notice" role="status">
                <h3>{x.temporary_title}</h3>
                <p>{(x.temporary_body)(*age, *started, &place(&draft.to_name), &name(hukou))}</p>
                <p class="hint">{x.temporary_source}</p>
            </div>
            <ExceptionForm draft=draft.clone()/>
        }.into_any(),
    };
    let e = precheck.estimate;
    let transfer = precheck.route == Route::Transfer;
    view! {
        <section class="card" aria-labelledby="precheck-h">
            <h2 id="precheck-h">{x.precheck_title}</h2>
            {route}
            {transfer.then(|| view! {
                <h3>{x.estimate_title}</h3>
                <dl class="facts stacked">
                    <dt>{x.estimate_months}</dt><dd>{e.months}</dd>
                    <dt>{x.estimate_account}</dt><dd>{format!("¥{}", yuan(e.personal_account))}</dd>
                    {(kind == TransferKind::Pension).then(|| view! {
                        <dt>{x.estimate_pooled}</dt><dd>{format!("¥{}", yuan(e.pooled_funds))}</dd>
                    })}
                </dl>
                <p class="hint">{(x.estimate_note)(kind)}</p>
            })}
            {(transfer && !precheck.arrears.is_empty()).then(|| view! {
                <div class="notice warn">
                    <h3>{x.arrears_title}</h3>
                    <p>{(x.arrears_body)(&precheck.arrears)}</p>
                    <p class="hint">{x.arrears_source}</p>
                </div>
            })}
            {precheck.paying_place.map(|(place, rule)| view! {
                <dl class="facts stacked">
                    <dt>{x.paying_place}</dt>
                    <dd>{name(&place)}<br/><span class="hint">{(t.record.paying_rule)(rule)}</span></dd>
                </dl>
            })}
        </section>
    }
    .into_any()
}

/// The exceptions that turn a temporary account into a transfer, asked as one question.
#[component]
fn ExceptionForm(draft: DraftView) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let action = ServerAction::<SaveTransferException>::new();
    let error = move || {
        field_message(
            t,
            action.value().get().and_then(Result::err).as_ref(),
            "exception",
        )
    };
    let chosen = draft.answers.exception;
    view! {
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="kind" value=draft.kind.slug()/>
            <fieldset class="field choices" aria-describedby="exception-hint exception-error">
                <legend id="exception-h">{x.exception_legend}</legend>
                <p id="exception-hint" class="hint">{x.exception_hint}</p>
                <label class="check">
                    <input type="radio" name="exception" value="none" checked=chosen.is_none() required/>
                    <span>{x.exception_none}</span>
                </label>
                {TemporaryException::ALL.into_iter().map(|e| view! {
                    <label class="check">
                        <input type="radio" name="exception" value=e.code() checked=chosen == Some(e) required/>
                        <span>{(x.exception)(e)}</span>
                    </label>
                }).collect_view()}
                <p id="exception-error" class="field-error" role="alert">{error}</p>
            </fieldset>
            <button type="submit" class="button">{x.exception_save}</button>
        </ActionForm>
    }
}

#[component]
pub fn TransferPlacesPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: DraftView| {
            let action = ServerAction::<SaveTransferPlaces>::new();
            let error = Signal::derive(move || action.value().get().and_then(Result::err));
            view! {
                <p><a href=tasks_href(&d)>{x.back_to_tasks}</a></p>
                <h1>{(x.step)(DraftStep::Places)}</h1>
                <ActionForm action=action attr:class="form card">
                    <input type="hidden" name="kind" value=d.kind.slug()/>
                    <PlaceRadios name="from" legend=x.from_legend hint=x.from_hint empty=x.no_from_choices
                        choices=d.from_choices.clone() chosen=d.answers.from.clone() error=error/>
                    <PlaceRadios name="to" legend=x.to_legend hint=x.to_hint empty=x.no_to_choices
                        choices=d.to_choices.clone() chosen=d.answers.to.clone() error=error/>
                    <button type="submit" class="button primary">{x.save_continue}</button>
                </ActionForm>
            }
        })}
    }
}

#[component]
fn PlaceRadios(
    name: &'static str,
    legend: &'static str,
    hint: &'static str,
    empty: &'static str,
    choices: Vec<PlaceChoice>,
    chosen: Option<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let only = choices.len() == 1;
    let message = move || field_message(t, error.get().as_ref(), name);
    view! {
        <fieldset class="field choices" aria-describedby=format!("{name}-error")>
            <legend>{legend}</legend>
            <p class="hint">{hint}</p>
            {choices.is_empty().then(|| view! { <p class="notice">{empty}</p> })}
            {choices.into_iter().map(|c| {
                let checked = only || chosen.as_deref() == Some(c.code.as_str());
                view! {
                    <label class="check">
                        <input type="radio" name=name value=c.code.clone() checked=checked required/>
                        <span>{c.name.get(locale).to_string()}
                            <span class="hint block">{(x.months_paid)(c.months_paid)}</span></span>
                    </label>
                }
            }).collect_view()}
            <p id=format!("{name}-error") class="field-error" role="alert">{message}</p>
        </fieldset>
    }
}

#[component]
pub fn TransferContactPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: DraftView| {
            let action = ServerAction::<SaveTransferContact>::new();
            let error = move || action.value().get().and_then(Result::err);
            let phone_error = move || field_message(t, error().as_ref(), "phone");
            let note_error = move || field_message(t, error().as_ref(), "note");
            view! {
                <p><a href=tasks_href(&d)>{x.back_to_tasks}</a></p>
                <h1>{(x.step)(DraftStep::Contact)}</h1>
                {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                    .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
                <ActionForm action=action attr:class="form card">
                    <input type="hidden" name="kind" value=d.kind.slug()/>
                    <div class="field">
                        <label for="phone">{x.phone_label}</label>
                        <p id="phone-hint" class="hint">{x.phone_hint}</p>
                        <input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel"
                            maxlength="11" required aria-describedby="phone-hint phone-error"
                            value=d.answers.phone.clone()/>
                        <p id="phone-error" class="field-error" role="alert">{phone_error}</p>
                    </div>
                    <div class="field">
                        <label for="note">{x.note_label}</label>
                        <p id="note-hint" class="hint">{x.note_hint}</p>
                        <textarea id="note" name="note" rows="3" maxlength="500"
                            aria-describedby="note-hint note-error">{d.answers.note.clone().unwrap_or_default()}</textarea>
                        <p id="note-error" class="field-error" role="alert">{note_error}</p>
                    </div>
                    <button type="submit" class="button primary">{x.save_continue}</button>
                </ActionForm>
            }
        })}
    }
}

#[component]
pub fn TransferCheckPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: DraftView| {
            let action = ServerAction::<SubmitTransfer>::new();
            let pending = action.pending();
            let error = move || action.value().get().and_then(Result::err);
            let tasks = tasks_href(&d);
            let named = move |n: Option<Named>| n.map(|n| n.get(locale).to_string()).unwrap_or_else(|| "—".into());
            let ready = d.ready();
            view! {
                <p><a href=tasks.clone()>{x.back_to_tasks}</a></p>
                <h1>{x.check_title}</h1>
                <section class="card" aria-labelledby="answers-h">
                    <h2 id="answers-h">{(x.kind)(d.kind)}</h2>
                    <dl class="facts stacked">
                        <dt>{x.from_legend}</dt><dd>{named(d.from_name.clone())}" "
                            <a href=format!("{tasks}/places")>{x.change}<span class="visually-hidden">" "{x.from_legend}</span></a></dd>
                        <dt>{x.to_legend}</dt><dd>{named(d.to_name.clone())}</dd>
                        <dt>{x.phone_label}</dt><dd>{d.answers.phone.clone().unwrap_or_else(|| "—".into())}" "
                            <a href=format!("{tasks}/contact")>{x.change}<span class="visually-hidden">" "{x.phone_label}</span></a></dd>
                        {d.answers.note.clone().map(|n| view! { <dt>{x.note_label}</dt><dd>{n}</dd> })}
                    </dl>
                </section>
                <PrecheckPanel draft=d.clone()/>
                {move || error().map(|e| view! { <div class="notice error" role="alert">{match &e {
                    AppError::Validation(_) => x.not_ready.to_string(),
                    other => t.error(other),
                }}</div> })}
                {if ready {
                    view! {
                        <ActionForm action=action attr:class="form card">
                            <input type="hidden" name="kind" value=d.kind.slug()/>
                            <input type="hidden" name="request_key" value=d.request_key.clone()/>
                            <p>{x.submit_note}</p>
                            <button type="submit" class="button primary" disabled=move || pending.get()>{x.submit}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <p class="notice">{x.not_ready}</p> }.into_any()
                }}
            }
        })}
    }
}
