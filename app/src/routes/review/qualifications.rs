//! The paying office's review of qualification checks sent to it (`/review/qualifications`):
//! oldest first, each confirmed or refused with a reason.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::qualification::{DecideQualification, get_qualification_queue};
use crate::i18n::tr;
use crate::models::qualification::{CheckDecision, ReviewCheck};
use crate::models::time::local_minute;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn QualificationQueuePage() -> impl IntoView {
    let t = tr();
    let b = t.benefit;
    let query = use_query_map();
    let decided = move || query.read().get("decided").is_some();
    let queue = Resource::new(|| (), |_| get_qualification_queue());
    view! {
        <p><a href="/review">{t.reviewer_home_title}</a></p>
        <h1>{b.rq_title}</h1>
        {move || decided().then(|| view! { <div class="notice success" role="status">{b.rq_decided}</div> })}
        <p class="hint">{b.rq_intro}</p>
        {loaded(queue, |items: Vec<ReviewCheck>| {
            if items.is_empty() {
                view! { <p>{tr().benefit.rq_empty}</p> }.into_any()
            } else {
                items.into_iter().map(|c| view! { <CheckCard check=c/> }).collect_view().into_any()
            }
        })}
    }
}

#[component]
fn CheckCard(check: ReviewCheck) -> impl IntoView {
    let t = tr();
    let b = t.benefit;
    let action = ServerAction::<DecideQualification>::new();
    let pending = action.pending();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let note_error = move || field_message(t, error.get().as_ref(), "note");
    let decision_error = move || field_message(t, error.get().as_ref(), "decision");
    let decision_error_id = format!("decision-{}-error", check.id);
    let decision_described = decision_error_id.clone();
    let heading = format!("check-{}", check.id);
    let labelled_by = heading.clone();
    let note_id = format!("note-{}", check.id);
    let note_for = note_id.clone();
    let note_error_id = format!("note-{}-error", check.id);
    let note_described = note_error_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{check.name.clone()}</h2>
            <dl class="facts">
                <dt>{b.rq_col_id}</dt><dd>{check.masked_id.clone()}</dd>
                <dt>{b.q_col_submitted}</dt>
                <dd>{local_minute(check.submitted_at)}{check.helper.map(|h| format!(" ({})", (b.q_helper_tag)(h)))}</dd>
            </dl>
            {move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="check" value=check.id.to_string()/>
                <div class="field">
                    <label for=note_for>{b.rq_note_label}</label>
                    <textarea id=note_id name="note" maxlength="500" rows="2" aria-describedby=note_described
                        aria-invalid=move || note_error().is_some().then_some("true")></textarea>
                    <p id=note_error_id class="field-error" role="alert">{note_error}</p>
                </div>
                <fieldset class="field choices" aria-describedby=decision_described>
                    <legend>{b.rq_decision}</legend>
                    {[(CheckDecision::Confirm, b.rq_confirm), (CheckDecision::Refuse, b.rq_refuse)].into_iter().map(|(d, label)| view! {
                        <label class="check">
                            <input type="radio" name="decision" value=d.code() required/>
                            <span>{label}</span>
                        </label>
                    }).collect_view()}
                    <p id=decision_error_id class="field-error" role="alert">{decision_error}</p>
                </fieldset>
                <button type="submit" class="button primary" disabled=move || pending.get()>{b.rq_submit}</button>
            </ActionForm>
        </section>
    }
}
