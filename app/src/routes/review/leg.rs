//! One leg as its office processes it (`/review/legs/:leg`): the applicant, the old place's
//! record, the request's legs and history, and the decision form (accept, refuse with a coded
//! reason, or ask for material). The form carries the version seen, so a decision on a request
//! someone else changed meanwhile is refused as a conflict.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::components::request_progress::{History, LegsTable};
use crate::error::AppError;
use crate::functions::transfers::{DecideLeg, get_leg};
use crate::i18n::{Locale, tr};
use crate::models::insurance::month_label;
use crate::models::transfer::{LegReview, RejectReason};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn LegPage() -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let params = use_params_map();
    let query = use_query_map();
    let leg = Resource::new(
        move || {
            params
                .read()
                .get("leg")
                .and_then(|l| l.parse::<i64>().ok())
                .unwrap_or(0)
        },
        get_leg,
    );
    view! {
        <p><a href="/review">{x.back_to_queue}</a></p>
        {move || query.read().get("decided").map(|_| view! {
            <div class="notice success" role="status">{x.decided_notice}</div>
        })}
        {loaded(leg, |l| view! { <Review review=l/> })}
    }
}

#[component]
fn Review(review: LegReview) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let r = &review.request;
    let s = &r.summary;
    let last = review.last_month_at_old_place.map(month_label);
    view! {
        <h1>{(x.leg_title)(&s.reference)}</h1>
        <section class="card" aria-labelledby="applicant-h">
            <h2 id="applicant-h">{(x.kind)(s.kind)}</h2>
            <p><span class="status-tag">{(x.status)(s.status)}</span></p>
            <dl class="facts stacked">
                <dt>{x.applicant}</dt><dd>{review.person_name.clone()}</dd>
                <dt>{x.id_number}</dt><dd class="mono">{review.resident_id.clone()}</dd>
                <dt>{x.col_places}</dt><dd>{format!("{} → {}", s.from.get(locale), s.to.get(locale))}</dd>
                <dt>{x.old_place_record}</dt>
                <dd>{(x.old_place_facts)(review.months_at_old_place, review.arrears_at_old_place, last.as_deref())}</dd>
                <dt>{x.contact_label}</dt><dd>{r.phone.clone()}</dd>
                {(!r.note.is_empty()).then(|| view! { <dt>{x.note_label}</dt><dd>{r.note.clone()}</dd> })}
                {r.exception.map(|e| view! { <dt>{x.exception_answer_label}</dt><dd>{(x.exception)(e)}</dd> })}
                <dt>{x.col_step}</dt><dd>{(x.step_name)(review.leg.step)}" · "{(x.leg_status)(review.leg.status)}</dd>
                <dt>{x.col_due}</dt><dd>{review.leg.due_on.map(|d| d.to_string()).unwrap_or_default()}
                    {review.leg.overdue.then(|| view! { " " <span class="status-tag overdue">{x.overdue}</span> })}</dd>
            </dl>
        </section>
        {if review.decidable {
            view! { <DecisionForm review=review.clone()/> }.into_any()
        } else {
            view! { <p class="notice">{x.not_decidable}</p> }.into_any()
        }}
        <section class="card" aria-labelledby="legs-h">
            <h2 id="legs-h">{x.legs_title}</h2>
            <LegsTable legs=r.legs.clone()/>
        </section>
        <section class="card" aria-labelledby="history-h">
            <h2 id="history-h">{x.history_title}</h2>
            <History events=r.events.clone()/>
        </section>
    }
}

#[component]
fn DecisionForm(review: LegReview) -> impl IntoView {
    let t = tr();
    let x = t.transfer;
    let action = ServerAction::<DecideLeg>::new();
    let pending = action.pending();
    let error = move || action.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || field_message(t, error().as_ref(), field);
    let step = review.leg.step;
    // Accepting needs the clock running; a leg waiting for material may only be refused.
    let open = review.leg.status == crate::models::transfer::LegStatus::Open;
    let choice = move |value: &'static str, label: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="decision" value=value required/>
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="decision-h">
            <h2 id="decision-h">{x.decision_title}</h2>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="leg" value=review.leg.id.to_string()/>
                <input type="hidden" name="version" value=review.request.version.to_string()/>
                <fieldset class="field choices" aria-describedby="decision-error">
                    <legend>{x.decision_legend}</legend>
                    {open.then(|| choice("accept", (x.decision_accept)(step)))}
                    {choice("reject", x.decision_reject)}
                    {open.then(|| choice("ask_material", x.decision_ask))}
                    <p id="decision-error" class="field-error" role="alert">{message("decision")}</p>
                </fieldset>
                <div class="field">
                    <label for="reason">{x.reason_label}</label>
                    <p id="reason-hint" class="hint">{x.reason_hint}</p>
                    <select id="reason" name="reason" aria-describedby="reason-hint reason-error">
                        <option value="">{t.account.choose}</option>
                        {RejectReason::ALL.into_iter().map(|r| view! {
                            <option value=r.code()>{(x.reason)(r)}</option>
                        }).collect_view()}
                    </select>
                    <p id="reason-error" class="field-error" role="alert">{message("reason")}</p>
                </div>
                <div class="field">
                    <label for="note">{x.decision_note}</label>
                    <p id="note-hint" class="hint">{x.decision_note_hint}</p>
                    <textarea id="note" name="note" rows="3" maxlength="500"
                        aria-describedby="note-hint note-error"></textarea>
                    <p id="note-error" class="field-error" role="alert">{message("note")}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>{x.decide_submit}</button>
            </ActionForm>
        </section>
    }
}
