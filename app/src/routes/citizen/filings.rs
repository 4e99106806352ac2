//! Out-of-area medical filings (`/me/filings`): every filing with its state and countdown, and
//! one filing (`/me/filings/:reference`) with the confirmation after filing, change and cancel.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::filings::{CancelFiling, get_filing, list_filings};
use crate::i18n::{Locale, tr};
use crate::models::assist::Helper;
use crate::models::filing::{FilingView, Stay, draft_href};
use crate::routes::citizen::filing_draft::DocumentList;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn FilingsPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let list = Resource::new(|| (), |_| list_filings());
    view! {
        <p><a href="/me">{t.nav_home}</a></p>
        <h1>{f.list_title}</h1>
        <p>{f.list_intro}</p>
        <p><a class="button primary" href="/me/filings/new">{f.new_link}</a></p>
        {loaded(list, move |items: Vec<FilingView>| {
            if items.is_empty() {
                return view! { <p>{f.list_empty}</p> }.into_any();
            }
            view! {
                <ul class="requests" role="list">
                    {items.into_iter().map(|v| view! {
                        <li class="card">
                            <h2 class="card-title"><a href=format!("/me/filings/{}", v.reference)>{(f.category)(v.category)}</a></h2>
                            <Summary filing=v/>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// The state tag (in effect with its countdown, expired, cancelled, changed) and the facts.
#[component]
fn Summary(filing: FilingView) -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let locale = use_context::<Locale>().unwrap_or_default();
    let v = filing;
    let state = if v.replaced {
        view! { <span class="status-tag">{f.changed}</span> }.into_any()
    } else if let Some(at) = &v.cancelled_at {
        view! { <span class="status-tag">{(f.cancelled)(at)}</span> }.into_any()
    } else if v.in_effect {
        view! {
            <span class="status-tag valid">{f.in_effect}</span>
            " "{match v.days_left {
                Some(n) => (f.days_left)(n),
                None => f.until_changed.to_string(),
            }}
        }
        .into_any()
    } else {
        view! { <span class="status-tag">{f.expired}</span> }.into_any()
    };
    view! {
        <p>{state}" · "<span class="mono">{v.reference.clone()}</span></p>
        <dl class="facts stacked">
            <dt>{f.treatment_label}</dt><dd>{v.treatment.get(locale).to_string()}</dd>
            <dt>{f.insured_label}</dt><dd>{format!("{}（{}）", v.insured.get(locale), (t.scheme_name)(v.scheme))}</dd>
            <dt>{f.category_label}</dt><dd>{format!("{} · {}", (f.term)(v.term), (f.category)(v.category))}</dd>
            <dt>{f.valid_from}</dt><dd>{v.starts_on.to_string()}</dd>
            <dt>{f.valid_until}</dt><dd>{v.ends_on.map(|d| d.to_string()).unwrap_or_else(|| f.until_changed.to_string())}</dd>
        </dl>
        {v.helper.map(|h| view! { <p class="muted">{match h { Helper::Helpdesk => f.by_helpdesk, Helper::Relative => f.by_relative }}</p> })}
    }
}

#[component]
pub fn FilingPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let params = use_params_map();
    let query = use_query_map();
    let filing = Resource::new(
        move || params.read().get("reference").unwrap_or_default(),
        get_filing,
    );
    let flag = move |name: &str| query.read().get(name).is_some();
    view! {
        <p><a href="/me/filings">{f.back_to_list}</a></p>
        {loaded(filing, move |v: FilingView| {
            let filed = flag("filed").then(|| view! {
                <div class="notice success" role="status">
                    <h2>{f.filed_title}</h2>
                    <p>{(f.filed_body)(&v.reference)}</p>
                    <p>{f.next_steps}</p>
                </div>
            });
            let active = v.cancelled_at.is_none() && !v.replaced;
            let reference = v.reference.clone();
            view! {
                {filed}
                {flag("cancelled").then(|| view! { <div class="notice success" role="status">{f.cancelled_notice}</div> })}
                <h1>{(f.category)(v.category)}</h1>
                <section class="card">
                    <Summary filing=v.clone()/>
                    <dl class="facts stacked">
                        <dt>{f.evidence_label}</dt>
                        <dd>{(f.evidence)(v.evidence)}
                            {(!v.documents.is_empty()).then(|| view! { <DocumentList documents=v.documents.clone()/> })}
                        </dd>
                        <dt>{f.stay_legend}</dt>
                        <dd>{(f.stay)(v.stay)}{v.admitted_on.map(|d| format!(" · {} {d}", f.admitted_label))}</dd>
                        <dt>{f.filed_at}</dt><dd>{v.created_at.clone()}</dd>
                    </dl>
                    {(v.stay == Stay::DischargedSelfPaid).then(|| view! { <p class="notice">{f.manual_reimbursement}</p> })}
                </section>
                {active.then(|| view! {
                    <p class="actions">
                        {v.in_effect.then(|| view! {
                            <a class="button" href=draft_href(Some(&reference))>{f.change_link}</a>
                        })}
                    </p>
                    <CancelForm reference=reference.clone()/>
                })}
            }
        })}
    }
}

#[component]
fn CancelForm(reference: String) -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let action = ServerAction::<CancelFiling>::new();
    let error = move || action.value().get().and_then(Result::err);
    let confirm_error = move || field_message(t, error().as_ref(), "confirm");
    view! {
        <section class="card" aria-labelledby="cancel-h">
            <h2 id="cancel-h">{f.cancel_title}</h2>
            <p class="hint">{f.cancel_hint}</p>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="reference" value=reference/>
                <label class="check">
                    <input type="checkbox" name="confirm" value="on" aria-describedby="confirm-error"/>
                    {f.cancel_confirm}
                </label>
                <p id="confirm-error" class="field-error" role="alert">{confirm_error}</p>
                <button type="submit" class="button danger">{f.cancel_submit}</button>
            </ActionForm>
        </section>
    }
}
