//! The yearly qualification check (`/me/pension/qualification`): where the pensioner stands,
//! the confirmation form (own second factor, or the office's review), and past checks.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::qualification::{ConfirmQualification, get_qualification};
use crate::i18n::{Texts, tr};
use crate::models::qualification::{CheckMethod, QualificationBrief, QualificationView, Standing};
use crate::models::time::local_minute;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn QualificationPage() -> impl IntoView {
    let t = tr();
    let b = t.benefit;
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    let view_data = Resource::new(|| (), |_| get_qualification());
    view! {
        <p><a href="/me/pension">{b.title}</a></p>
        <h1>{b.q_title}</h1>
        {move || sent().then(|| view! { <div class="notice success" role="status">{b.q_sent}</div> })}
        <p class="muted">{b.q_intro}</p>
        {loaded(view_data, |v| view! { <QualificationBody v=v/> })}
    }
}

/// The standing in one sentence, for this page, the pension page and the home page.
pub fn standing_notice(t: &'static Texts, q: &QualificationBrief) -> impl IntoView + use<> {
    let b = t.benefit;
    let due = q.due.to_string();
    let (class, text) = match (q.pending, q.standing) {
        (true, _) => ("notice", b.q_pending.to_string()),
        (false, Standing::Current) => ("notice success", (b.q_current)(&due)),
        (false, Standing::DueSoon(days)) => ("notice warn", (b.q_due_soon)(days, &due)),
        (false, Standing::Overdue) => ("notice error", (b.q_overdue)(&due)),
    };
    view! { <p class=class>{text}</p> }
}

#[component]
fn QualificationBody(v: QualificationView) -> impl IntoView {
    let t = tr();
    let b = t.benefit;
    let brief = QualificationBrief {
        due: v.due,
        standing: v.standing,
        pending: v.pending,
    };
    let action = ServerAction::<ConfirmQualification>::new();
    let pending_post = action.pending();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let message = move |field: &'static str| move || field_message(t, error.get().as_ref(), field);
    let methods: Vec<CheckMethod> = if v.second_factor {
        vec![CheckMethod::SecondFactor, CheckMethod::OfficeReview]
    } else {
        vec![CheckMethod::OfficeReview]
    };
    let only_one = methods.len() == 1;
    let form = (!v.pending).then(|| {
        let choices = methods
            .into_iter()
            .map(|m| {
                view! {
                    <label class="check">
                        <input type="radio" name="confirm_by" value=m.code() required checked=only_one/>
                        <span>{(b.q_method_name)(m)}<span class="hint">{(b.q_method_hint)(m)}</span></span>
                    </label>
                }
            })
            .collect_view();
        let why_one = match (v.helper, v.second_factor) {
            (Some(h), _) => Some(view! { <p class="hint">{(b.q_helper_note)(h)}</p> }.into_any()),
            (None, false) => Some(view! {
                <p class="hint">{b.q_no_second_factor}" "<a href="/account">{b.q_turn_on_second_factor}</a></p>
            }.into_any()),
            (None, true) => None,
        };
        view! {
            <section class="card" aria-labelledby="confirm-h">
                <h2 id="confirm-h">{b.q_form_title}</h2>
                {move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))
                    .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
                <ActionForm action=action attr:class="form">
                    <input type="hidden" name="request_key" value=v.request_key.clone()/>
                    <fieldset class="field choices" aria-describedby="confirm-by-error">
                        <legend>{b.q_method_legend}</legend>
                        {why_one}
                        {choices}
                        <p id="confirm-by-error" class="field-error" role="alert">{message("confirm_by")}</p>
                    </fieldset>
                    {v.second_factor.then(|| view! {
                        <div class="field">
                            <label for="q-code">{b.q_code_label}</label>
                            <input id="q-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                                maxlength="7" aria-describedby="q-code-error"
                                aria-invalid=move || message("code")().is_some().then_some("true")/>
                            <p id="q-code-error" class="field-error" role="alert">{message("code")}</p>
                        </div>
                    })}
                    <div class="field">
                        <label class="check">
                            <input type="checkbox" name="confirm" required aria-describedby="q-confirm-error"/>
                            <span>{b.q_confirm_label}</span>
                        </label>
                        <p id="q-confirm-error" class="field-error" role="alert">{message("confirm")}</p>
                    </div>
                    <button type="submit" class="button primary" disabled=move || pending_post.get()>{b.q_submit}</button>
                </ActionForm>
            </section>
        }
    });
    let rows = v
        .history
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{local_minute(c.submitted_at)}</th>
                    <td data-label=b.q_col_method>
                        {(b.q_method_name)(c.method)}
                        {c.helper.map(|h| format!(" ({})", (b.q_helper_tag)(h)))}
                    </td>
                    <td data-label=b.q_col_status>{(b.q_status_name)(c.status)}</td>
                    <td data-label=b.q_col_note>{c.note.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {standing_notice(t, &brief)}
        {form}
        <section class="card" aria-labelledby="history-h">
            <h2 id="history-h">{b.q_history_title}</h2>
            {if v.history.is_empty() {
                view! { <p>{b.q_no_history}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-h">
                        <table class="data cards">
                            <thead><tr>
                                <th scope="col">{b.q_col_submitted}</th><th scope="col">{b.q_col_method}</th>
                                <th scope="col">{b.q_col_status}</th><th scope="col">{b.q_col_note}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
