//! Writing an out-of-area medical filing, task-list style: `/me/filings/new` (or
//! `/me/filings/:reference/change` to change a filing) lists the steps with their state; one
//! page per step (places, category, evidence) and a check-your-answers page that files. The
//! answers live in a draft on the server; the evidence step uploads documents with a plain
//! multipart form, so it works without JavaScript.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::{AppError, FieldCode, FieldError};
use crate::functions::filings::{
    RemoveFilingDocument, SaveFilingCategory, SaveFilingPlaces, SubmitFiling, get_filing_draft,
};
use crate::i18n::{Locale, Texts, tr};
use crate::models::filing::{
    Category, DocumentView, Evidence, FilingDraftView, FilingStep, MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS, Stay, Term,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The draft of the address: a new filing's, or the change of `:reference`.
fn draft_resource() -> Resource<Result<FilingDraftView, AppError>> {
    let params = use_params_map();
    Resource::new(move || params.read().get("reference"), get_filing_draft)
}

/// The hidden field naming the filing a change replaces.
fn replaces_input(d: &FilingDraftView) -> impl IntoView + use<> {
    d.replacing
        .as_ref()
        .map(|r| view! { <input type="hidden" name="replaces" value=r.reference.clone()/> })
}

fn title(t: &'static Texts, d: &FilingDraftView) -> String {
    match &d.replacing {
        Some(r) => (t.filing.change_title)(&r.reference),
        None => t.filing.form_title.to_string(),
    }
}

/// A radio button with its label and an optional hint under it.
fn radio(
    name: &'static str,
    value: &'static str,
    label: String,
    hint: Option<&'static str>,
    checked: bool,
) -> impl IntoView + use<> {
    view! {
        <label class="check">
            <input type="radio" name=name value=value checked=checked/>
            <span>{label}{hint.map(|h| view! { <span class="hint block">{h}</span> })}</span>
        </label>
    }
}

/// A problem that belongs to no field (not signed in, a conflict), above the form.
fn form_alert(t: &'static Texts, error: Option<AppError>) -> Option<impl IntoView + use<>> {
    error
        .filter(|e| !matches!(e, AppError::Validation(_)))
        .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })
}

#[component]
pub fn FilingTasksPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let x = t.transfer;
    let draft = draft_resource();
    view! {
        <p><a href="/me/filings">{f.back_to_list}</a></p>
        {loaded(draft, move |d: FilingDraftView| {
            if d.insured.is_empty() {
                return view! { <h1>{title(t, &d)}</h1><p class="notice">{f.no_insured}</p> }.into_any();
            }
            let all_done = d.done.len() == FilingStep::ALL.len();
            let href = d.href();
            view! {
                <h1>{title(t, &d)}</h1>
                <p>{f.form_intro}</p>
                <p>{x.tasks_intro}</p>
                <ol class="task-list card" role="list">
                    {FilingStep::ALL.into_iter().enumerate().map(|(i, step)| {
                        let name = format!("{}. {}", i + 1, (f.step)(step));
                        let label = if d.done.contains(&step) { x.step_done } else { x.step_todo };
                        view! {
                            <li>
                                <a href=format!("{href}/{}", step.slug())>{name}</a>
                                <span class="status-tag">{label}</span>
                            </li>
                        }
                    }).collect_view()}
                    <li>
                        {if all_done {
                            view! { <a href=format!("{href}/check")>{format!("4. {}", x.check_title)}</a> }.into_any()
                        } else {
                            view! { <span>{format!("4. {}", x.check_title)}</span> }.into_any()
                        }}
                        <span class="status-tag">{if all_done { x.step_todo } else { x.step_blocked }}</span>
                    </li>
                </ol>
            }.into_any()
        })}
    }
}

#[component]
pub fn FilingPlacesPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: FilingDraftView| {
            let action = ServerAction::<SaveFilingPlaces>::new();
            let error = move || action.value().get().and_then(Result::err);
            let message = move |field: &'static str| move || field_message(t, error().as_ref(), field);
            let only_insured = d.insured.len() == 1;
            let chosen = d.answers.clone();
            view! {
                <p><a href=d.href()>{x.back_to_tasks}</a></p>
                <h1>{(f.step)(FilingStep::Places)}</h1>
                {move || form_alert(t, error())}
                <ActionForm action=action attr:class="form card">
                    {replaces_input(&d)}
                    <fieldset class="field choices" aria-describedby="insured-error">
                        <legend>{f.insured_legend}</legend>
                        <p class="hint">{f.insured_hint}</p>
                        {d.insured.iter().map(|c| view! {
                            <label class="check">
                                <input type="radio" name="insured" value=c.value.clone()
                                    checked=only_insured || chosen.insured == c.value/>
                                <span>{format!("{} · {}", c.region.get(locale), (t.scheme_name)(c.scheme))}</span>
                            </label>
                        }).collect_view()}
                        <p id="insured-error" class="field-error" role="alert">{message("insured")}</p>
                    </fieldset>
                    <div class="field">
                        <label for="treatment">{f.treatment_label}</label>
                        <p id="treatment-hint" class="hint">{f.treatment_hint}</p>
                        <select id="treatment" name="treatment" aria-describedby="treatment-hint treatment-error">
                            <option value="">{f.choose_city}</option>
                            {d.provinces.iter().map(|p| view! {
                                <optgroup label=p.province.get(locale).to_string()>
                                    {p.cities.iter().map(|c| view! {
                                        <option value=c.code.clone() selected=chosen.treatment == c.code>
                                            {c.name.get(locale).to_string()}
                                        </option>
                                    }).collect_view()}
                                </optgroup>
                            }).collect_view()}
                        </select>
                        <p id="treatment-error" class="field-error" role="alert">{message("treatment")}</p>
                    </div>
                    <button type="submit" class="button primary">{x.save_continue}</button>
                </ActionForm>
            }
        })}
    }
}

#[component]
pub fn FilingCategoryPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: FilingDraftView| {
            let action = ServerAction::<SaveFilingCategory>::new();
            let error = move || action.value().get().and_then(Result::err);
            let message = move |field: &'static str| move || field_message(t, error().as_ref(), field);
            let a = d.answers.clone();
            let long_term_note = d
                .active_long_term
                .clone()
                .filter(|r| d.replacing.as_ref().is_none_or(|x| &x.reference != r))
                .map(|r| view! { <p class="notice">{(f.long_term_note)(&r)}</p> });
            let stay = if a.stay.is_empty() { Stay::NotAdmitted.code().to_string() } else { a.stay.clone() };
            let months = if a.months.is_empty() { "6".to_string() } else { a.months.clone() };
            let insured = d.insured_name.as_ref().map(|n| n.get(locale).to_string());
            view! {
                <p><a href=d.href()>{x.back_to_tasks}</a></p>
                <h1>{(f.step)(FilingStep::Category)}</h1>
                {move || form_alert(t, error())}
                <ActionForm action=action attr:class="form card">
                    {replaces_input(&d)}
                    <fieldset class="field choices" aria-describedby="category-error">
                        <legend>{f.category_legend}</legend>
                        {long_term_note}
                        {[Term::LongTerm, Term::Temporary].into_iter().map(|term| view! {
                            <p class="hint"><strong>{(f.term)(term)}</strong></p>
                            {Category::ALL.into_iter().filter(|c| c.term() == term).map(|c| {
                                radio("category", c.code(), (f.category)(c).to_string(), Some((f.category_hint)(c)), a.category == c.code())
                            }).collect_view()}
                        }).collect_view()}
                        <p id="category-error" class="field-error" role="alert">{message("category")}</p>
                    </fieldset>
                    <fieldset class="field choices" aria-describedby="months-error">
                        <legend>{f.months_legend}</legend>
                        <p class="hint">{f.months_hint}</p>
                        {radio("months", "6", (f.months_choice)(6), None, months == "6")}
                        {radio("months", "12", (f.months_choice)(12), None, months == "12")}
                        <p id="months-error" class="field-error" role="alert">{message("months")}</p>
                    </fieldset>
                    <fieldset class="field choices" aria-describedby="stay-error">
                        <legend>{f.stay_legend}</legend>
                        {[Stay::NotAdmitted, Stay::InHospital, Stay::DischargedSelfPaid].into_iter().map(|s| {
                            radio("stay", s.code(), (f.stay)(s).to_string(), None, stay == s.code())
                        }).collect_view()}
                        <p id="stay-error" class="field-error" role="alert">{message("stay")}</p>
                    </fieldset>
                    <div class="field">
                        <label for="admitted_on">{f.admitted_label}</label>
                        <p id="admitted-hint" class="hint">{(f.admitted_hint)(insured.as_deref(), d.reach_days)}</p>
                        <input id="admitted_on" name="admitted_on" type="date" value=a.admitted_on.clone()
                            aria-describedby="admitted-hint admitted_on-error"/>
                        <p id="admitted_on-error" class="field-error" role="alert">{message("admitted_on")}</p>
                    </div>
                    <button type="submit" class="button primary">{x.save_continue}</button>
                </ActionForm>
            }
        })}
    }
}

/// The problems the upload form was sent back with (`?error=field:code,...`). Only the upload
/// handler writes that address, so a code this build does not know was typed by hand: it is
/// left out rather than shown as some other problem.
fn returned_problems(query: &str) -> Option<AppError> {
    let problems: Vec<FieldError> = query
        .split(',')
        .filter_map(|p| p.split_once(':'))
        .filter_map(|(field, code)| {
            let code = FieldCode::from_code(code).ok()?;
            Some(FieldError {
                field: field.into(),
                code,
            })
        })
        .collect();
    (!problems.is_empty()).then_some(AppError::Validation(problems))
}

/// A size as people read it: KB below a megabyte, MB with one decimal above.
fn file_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The uploaded documents, each a download link; with `removable`, each with a remove button
/// (for the draft of a new filing, or of the change of `replaces`).
#[component]
pub fn DocumentList(
    documents: Vec<DocumentView>,
    #[prop(optional)] removable: bool,
    #[prop(optional_no_strip)] replaces: Option<String>,
) -> impl IntoView {
    let t = tr();
    let f = t.filing;
    view! {
        <ul class="documents" role="list">
            {documents.into_iter().map(|doc| {
                // A plain form: the server answers with step 3 reloaded, list and all (an action
                // would navigate to the address already shown and keep the old list).
                let remove = removable.then(|| {
                    let replaces = replaces.clone().map(|r| view! { <input type="hidden" name="replaces" value=r/> });
                    let name = doc.file_name.clone();
                    view! {
                        <form method="post" action=RemoveFilingDocument::url() class="inline-form">
                            {replaces}
                            <input type="hidden" name="id" value=doc.id/>
                            <button type="submit" class="button">
                                {f.remove_document}<span class="visually-hidden">" "{name}</span>
                            </button>
                        </form>
                    }
                });
                view! {
                    <li>
                        <a href=doc.href() download>{doc.file_name.clone()}</a>
                        " "<span class="hint">{file_size(doc.size_bytes)}</span>
                        {remove}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn FilingEvidencePage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let x = t.transfer;
    let query = use_query_map();
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: FilingDraftView| {
            let returned = move || query.read().get("error").and_then(|e| returned_problems(&e));
            let message = move |field: &'static str| move || field_message(t, returned().as_ref(), field);
            let a = d.answers.clone();
            let room = MAX_DOCUMENTS.saturating_sub(d.documents.len());
            view! {
                <p><a href=d.href()>{x.back_to_tasks}</a></p>
                <h1>{(f.step)(FilingStep::Evidence)}</h1>
                <p>{f.evidence_intro}</p>
                {(!d.documents.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="uploaded-h">
                        <h2 id="uploaded-h">{f.uploaded_title}</h2>
                        <DocumentList documents=d.documents.clone() removable=true
                            replaces=d.replacing.as_ref().map(|r| r.reference.clone())/>
                    </section>
                })}
                <form method="post" action="/files/filing-documents" enctype="multipart/form-data" class="form card">
                    {replaces_input(&d)}
                    <fieldset class="field choices" aria-describedby="evidence-error">
                        <legend>{f.evidence_legend}</legend>
                        {[Evidence::Documents, Evidence::Undertaking].into_iter().map(|e| {
                            radio("evidence", e.code(), (f.evidence)(e).to_string(), None, a.evidence == e.code())
                        }).collect_view()}
                        <p id="evidence-error" class="field-error" role="alert">{message("evidence")}</p>
                    </fieldset>
                    <div class="field">
                        <label for="documents">{f.documents_label}</label>
                        <p id="documents-hint" class="hint">
                            {(f.documents_hint)(MAX_DOCUMENTS, MAX_DOCUMENT_BYTES / (1024 * 1024))}" "{(f.documents_room)(room)}
                        </p>
                        <input id="documents" name="documents" type="file" multiple=true
                            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                            disabled=room == 0 aria-describedby="documents-hint documents-error"/>
                        <p id="documents-error" class="field-error" role="alert">{message("documents")}</p>
                        <button type="submit" name="then" value="upload" class="button" disabled=room == 0>{f.upload}</button>
                    </div>
                    <div class="field">
                        <p class="undertaking">{f.undertaking_text}</p>
                        <label class="check">
                            <input type="checkbox" name="undertaking" value="on" checked=a.undertaking
                                aria-describedby="undertaking-error"/>
                            {f.undertaking_label}
                        </label>
                        <p id="undertaking-error" class="field-error" role="alert">{message("undertaking")}</p>
                    </div>
                    <button type="submit" name="then" value="continue" class="button primary">{x.save_continue}</button>
                </form>
            }
        })}
    }
}

#[component]
pub fn FilingCheckPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let x = t.transfer;
    let locale = use_context::<Locale>().unwrap_or_default();
    let draft = draft_resource();
    view! {
        {loaded(draft, move |d: FilingDraftView| {
            let action = ServerAction::<SubmitFiling>::new();
            let pending = action.pending();
            let error = move || action.value().get().and_then(Result::err);
            let href = d.href();
            let change = move |step: FilingStep, what: &'static str| view! {
                " "<a href=format!("{href}/{}", step.slug())>{x.change}<span class="visually-hidden">" "{what}</span></a>
            };
            let Some(p) = d.preview.clone() else {
                return view! {
                    <p><a href=d.href()>{x.back_to_tasks}</a></p>
                    <h1>{x.check_title}</h1>
                    <p class="notice">{f.not_ready}</p>
                }.into_any();
            };
            let name = |n: &Option<crate::models::home::Named>| n.as_ref().map(|n| n.get(locale).to_string()).unwrap_or_default();
            let scheme = d.insured.iter().find(|c| c.value == d.answers.insured).map(|c| (t.scheme_name)(c.scheme));
            view! {
                <p><a href=d.href()>{x.back_to_tasks}</a></p>
                <h1>{x.check_title}</h1>
                <section class="card" aria-labelledby="answers-h">
                    <h2 id="answers-h">{title(t, &d)}</h2>
                    <dl class="facts stacked">
                        <dt>{f.insured_label}</dt>
                        <dd>{format!("{}（{}）", name(&d.insured_name), scheme.unwrap_or_default())}{change(FilingStep::Places, f.insured_label)}</dd>
                        <dt>{f.treatment_label}</dt><dd>{name(&d.treatment_name)}</dd>
                        <dt>{f.category_label}</dt>
                        <dd>{format!("{} · {}", (f.term)(p.category.term()), (f.category)(p.category))}{change(FilingStep::Category, f.category_label)}</dd>
                        <dt>{f.stay_legend}</dt>
                        <dd>{(f.stay)(p.stay)}{p.admitted_on.map(|day| format!(" · {} {day}", f.admitted_label))}</dd>
                        <dt>{f.valid_from}</dt><dd>{p.starts_on.to_string()}</dd>
                        <dt>{f.valid_until}</dt><dd>{p.ends_on.map(|day| day.to_string()).unwrap_or_else(|| f.until_changed.to_string())}</dd>
                        <dt>{f.evidence_label}</dt>
                        <dd>{(f.evidence)(p.evidence)}{change(FilingStep::Evidence, f.evidence_label)}
                            {(p.evidence == Evidence::Documents).then(|| view! { <DocumentList documents=d.documents.clone()/> })}
                        </dd>
                    </dl>
                    {p.manual_reimbursement.then(|| view! { <p class="notice">{f.manual_reimbursement}</p> })}
                    {p.category.reimbursement_cut().map(|n| view! { <p class="notice warn">{(f.reimbursement_note)(n)}</p> })}
                    <p class="hint">{f.rules_source}</p>
                </section>
                {move || error().map(|e| view! { <div class="notice error" role="alert">{match &e {
                    AppError::Validation(_) => f.not_ready.to_string(),
                    other => t.error(other),
                }}</div> })}
                <ActionForm action=action attr:class="form card">
                    {replaces_input(&d)}
                    <input type="hidden" name="request_key" value=d.request_key.clone()/>
                    <p>{f.submit_note}</p>
                    <button type="submit" class="button primary" disabled=move || pending.get()>{f.submit}</button>
                </ActionForm>
            }.into_any()
        })}
    }
}
