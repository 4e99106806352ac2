//! One transfer request for its owner (`/me/requests/:reference`): the confirmation after
//! submitting, its legs with offices and due dates, a refusal with what to do next, the answer
//! to a request for material, the history, and withdrawal while no office has accepted it.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::components::request_progress::{History, LegsTable};
use crate::error::AppError;
use crate::functions::transfers::{AnswerMaterial, WithdrawRequest, get_request};
use crate::i18n::{Locale, tr};
use crate::models::insurance::yuan;
use crate::models::transfer::{RequestDetail, RequestStatus};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RequestPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let params = use_params_map();
    let query = use_query_map();
    let detail = Resource::new(
        move || params.read().get("reference").unwrap_or_default(),
        get_request,
    );
    let flag = move |name: &str| query.read().get(name).is_some();
    view! {
        <p><a href="/me/requests">{x.back_to_list}</a></p>
        {loaded(detail, move |d: RequestDetail| {
            let submitted = flag("submitted").then(|| view! {
                <div class="notice success" role="status">
                    <h2>{x.submitted_title}</h2>
                    <p>{(x.submitted_body)(&d.summary.reference)}</p>
                    <p>{(x.next_steps)(d.summary.kind)}</p>
                </div>
            });
            let notice = if flag("withdrawn") {
                Some(x.withdrawn_notice)
            } else if flag("answered") {
                Some(x.answered_notice)
            } else {
                None
            };
            view! {
                {submitted}
                {notice.map(|m| view! { <div class="notice success" role="status">{m}</div> })}
                <Detail detail=d/>
            }
        })}
    }
}

#[component]
fn Detail(detail: RequestDetail) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let s = detail.summary.clone();
    let reference = s.reference.clone();
    view! {
        <h1>{(x.detail_title)(&reference)}</h1>
        <section class="card" aria-labelledby="req-h">
            <h2 id="req-h">{(x.kind)(s.kind)}</h2>
            <p>
                <span class=format!("status-tag request-{}", s.status.code())>{(x.status)(s.status)}</span>
                {s.overdue.then(|| view! { " " <span class="status-tag overdue">{x.overdue}</span> })}
            </p>
            <dl class="facts stacked">
                <dt>{x.col_places}</dt><dd>{format!("{} → {}", s.from.get(locale), s.to.get(locale))}</dd>
                {s.holder.clone().map(|h| view! { <dt>{x.col_holder}</dt><dd>{h.get(locale).to_string()}</dd> })}
                <dt>{x.col_submitted}</dt><dd>{s.submitted_at.clone()}</dd>
                <dt>{x.contact_label}</dt><dd>{detail.phone.clone()}</dd>
                <dt>{x.estimate_months}</dt><dd>{detail.estimate.months}</dd>
                <dt>{x.estimate_account}</dt><dd>{format!("¥{}", yuan(detail.estimate.personal_account))}</dd>
                {detail.exception.map(|e| view! { <dt>{x.exception_answer_label}</dt><dd>{(x.exception)(e)}</dd> })}
            </dl>
            {detail.carried_months.map(|m| view! { <p class="notice success">{(x.completed_body)(m)}</p> })}
        </section>
        {detail.rejection.map(|r| view! {
            <section class="card notice error" aria-labelledby="rejected-h">
                <h2 id="rejected-h">{x.rejected_title}</h2>
                <p><strong>{(x.reason)(r)}</strong></p>
                <p>{(x.reason_next)(r)}</p>
            </section>
        })}
        {detail.material_asked.clone().map(|(_, asked)| view! {
            <MaterialForm reference=reference.clone() version=detail.version asked=asked/>
        })}
        <section class="card" aria-labelledby="legs-h">
            <h2 id="legs-h">{x.legs_title}</h2>
            <LegsTable legs=detail.legs.clone()/>
        </section>
        <section class="card" aria-labelledby="history-h">
            <h2 id="history-h">{x.history_title}</h2>
            <History events=detail.events.clone()/>
        </section>
        {(detail.can_withdraw && s.status == RequestStatus::InProgress).then(|| view! {
            <WithdrawForm reference=reference.clone() version=detail.version/>
        })}
    }
}

#[component]
fn MaterialForm(reference: String, version: i64, asked: String) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let action = ServerAction::<AnswerMaterial>::new();
    let error = move || action.value().get().and_then(Result::err);
    let answer_error = move || field_message(t, error().as_ref(), "answer");
    view! {
        <section class="card notice" aria-labelledby="material-h">
            <h2 id="material-h">{x.material_title}</h2>
            <p><q>{asked}</q></p>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="reference" value=reference/>
                <input type="hidden" name="version" value=version.to_string()/>
                <div class="field">
                    <label for="answer">{x.material_label}</label>
                    <textarea id="answer" name="answer" rows="4" maxlength="500" required
                        aria-describedby="answer-error"></textarea>
                    <p id="answer-error" class="field-error" role="alert">{answer_error}</p>
                </div>
                <button type="submit" class="button primary">{x.material_submit}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn WithdrawForm(reference: String, version: i64) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let action = ServerAction::<WithdrawRequest>::new();
    let error = move || action.value().get().and_then(Result::err);
    let confirm_error = move || field_message(t, error().as_ref(), "confirm");
    view! {
        <section class="card" aria-labelledby="withdraw-h">
            <h2 id="withdraw-h">{x.withdraw_title}</h2>
            <p class="hint">{x.withdraw_hint}</p>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="reference" value=reference/>
                <input type="hidden" name="version" value=version.to_string()/>
                <label class="check">
                    <input type="checkbox" name="confirm" value="on" aria-describedby="confirm-error"/>
                    {x.withdraw_confirm}
                </label>
                <p id="confirm-error" class="field-error" role="alert">{confirm_error}</p>
                <button type="submit" class="button danger">{x.withdraw_submit}</button>
            </ActionForm>
        </section>
    }
}
