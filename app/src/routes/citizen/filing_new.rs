//! Filing for out-of-area treatment (`/me/filings/new`, or `?replaces=` to change a filing): one
//! form (insured place and scheme, treatment city, category, validity for temporary filings,
//! the hospital stay, evidence or the personal undertaking). It carries a request key from the
//! server, so posting it twice files once; every problem comes back beside its field.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::filings::{FileMedicalFiling, get_filing_options};
use crate::i18n::{Locale, tr};
use crate::models::filing::{Category, Evidence, FilingOptions, Stay, Term};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewFilingPage() -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let query = use_query_map();
    let options = Resource::new(move || query.read().get("replaces"), get_filing_options);
    view! {
        <p><a href="/me/filings">{f.back_to_list}</a></p>
        {loaded(options, |o| view! { <FilingForm options=o/> })}
    }
}

#[component]
fn FilingForm(options: FilingOptions) -> impl IntoView {
    let t = tr();
    let f = t.filing;
    let locale = use_context::<Locale>().unwrap_or_default();
    let action = ServerAction::<FileMedicalFiling>::new();
    let pending = action.pending();
    let error = move || action.value().get().and_then(Result::err);
    let message = move |field: &'static str| move || field_message(t, error().as_ref(), field);
    let title = match &options.replacing {
        Some(r) => (f.change_title)(&r.reference),
        None => f.form_title.to_string(),
    };
    if options.insured.is_empty() {
        return view! { <h1>{title}</h1><p class="notice">{f.no_insured}</p> }.into_any();
    }
    let replacing = options.replacing.clone();
    let chosen_category = replacing.as_ref().map(|r| r.category);
    let chosen_city = replacing.as_ref().map(|r| r.treatment_code.clone());
    let only_insured = options.insured.len() == 1;
    let long_term_note = options
        .active_long_term
        .clone()
        .filter(|r| replacing.as_ref().is_none_or(|x| &x.reference != r))
        .map(|r| view! { <p class="notice">{(f.long_term_note)(&r)}</p> });
    let radio = move |name: &'static str,
                      value: &'static str,
                      label: String,
                      hint: Option<&'static str>,
                      checked: bool| {
        view! {
            <label class="check">
                <input type="radio" name=name value=value checked=checked/>
                <span>{label}{hint.map(|h| view! { <span class="hint block">{h}</span> })}</span>
            </label>
        }
    };
    view! {
        <h1>{title}</h1>
        <p>{f.form_intro}</p>
        {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
            .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
        <ActionForm action=action attr:class="form card">
            <input type="hidden" name="request_key" value=options.request_key.clone()/>
            {replacing.as_ref().map(|r| view! { <input type="hidden" name="replaces" value=r.reference.clone()/> })}
            <fieldset class="field choices" aria-describedby="insured-error">
                <legend>{f.insured_legend}</legend>
                <p class="hint">{f.insured_hint}</p>
                {options.insured.iter().map(|c| view! {
                    <label class="check">
                        <input type="radio" name="insured" value=c.value.clone() checked=only_insured/>
                        <span>{format!("{} · {}", c.region.get(locale), t.scheme(c.scheme))}</span>
                    </label>
                }).collect_view()}
                <p id="insured-error" class="field-error" role="alert">{message("insured")}</p>
            </fieldset>
            <div class="field">
                <label for="treatment">{f.treatment_label}</label>
                <p id="treatment-hint" class="hint">{f.treatment_hint}</p>
                <select id="treatment" name="treatment" aria-describedby="treatment-hint treatment-error">
                    <option value="">{f.choose_city}</option>
                    {options.provinces.iter().map(|p| view! {
                        <optgroup label=p.province.get(locale).to_string()>
                            {p.cities.iter().map(|c| view! {
                                <option value=c.code.clone() selected=chosen_city.as_deref() == Some(c.code.as_str())>
                                    {c.name.get(locale).to_string()}
                                </option>
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
                <p id="treatment-error" class="field-error" role="alert">{message("treatment")}</p>
            </div>
            <fieldset class="field choices" aria-describedby="category-error">
                <legend>{f.category_legend}</legend>
                {long_term_note}
                {[Term::LongTerm, Term::Temporary].into_iter().map(|term| view! {
                    <p class="hint"><strong>{(f.term)(term)}</strong></p>
                    {Category::ALL.into_iter().filter(|c| c.term() == term).map(|c| {
                        radio("category", c.code(), (f.category)(c).to_string(), Some((f.category_hint)(c)), chosen_category == Some(c))
                    }).collect_view()}
                }).collect_view()}
                <p id="category-error" class="field-error" role="alert">{message("category")}</p>
            </fieldset>
            <fieldset class="field choices" aria-describedby="months-error">
                <legend>{f.months_legend}</legend>
                <p class="hint">{f.months_hint}</p>
                {radio("months", "6", (f.months_choice)(6), None, true)}
                {radio("months", "12", (f.months_choice)(12), None, false)}
                <p id="months-error" class="field-error" role="alert">{message("months")}</p>
            </fieldset>
            <fieldset class="field choices" aria-describedby="stay-error">
                <legend>{f.stay_legend}</legend>
                {[Stay::NotAdmitted, Stay::InHospital, Stay::DischargedSelfPaid].into_iter().map(|s| {
                    radio("stay", s.code(), (f.stay)(s).to_string(), None, s == Stay::NotAdmitted)
                }).collect_view()}
                <p id="stay-error" class="field-error" role="alert">{message("stay")}</p>
            </fieldset>
            <div class="field">
                <label for="admitted_on">{f.admitted_label}</label>
                <p id="admitted-hint" class="hint">{f.admitted_hint}</p>
                <input id="admitted_on" name="admitted_on" type="date" aria-describedby="admitted-hint admitted_on-error"/>
                <p id="admitted_on-error" class="field-error" role="alert">{message("admitted_on")}</p>
            </div>
            <fieldset class="field choices" aria-describedby="evidence-error">
                <legend>{f.evidence_legend}</legend>
                {[Evidence::Undertaking, Evidence::Documents].into_iter().map(|e| {
                    radio("evidence", e.code(), (f.evidence)(e).to_string(), None, false)
                }).collect_view()}
                <p id="evidence-error" class="field-error" role="alert">{message("evidence")}</p>
            </fieldset>
            <div class="field">
                <label for="documents">{f.documents_label}</label>
                <p id="documents-hint" class="hint">{f.documents_hint}</p>
                <textarea id="documents" name="documents" rows="2" maxlength="200"
                    aria-describedby="documents-hint documents-error"></textarea>
                <p id="documents-error" class="field-error" role="alert">{message("documents")}</p>
            </div>
            <div class="field">
                <p class="undertaking">{f.undertaking_text}</p>
                <label class="check">
                    <input type="checkbox" name="undertaking" value="on" aria-describedby="undertaking-error"/>
                    {f.undertaking_label}
                </label>
                <p id="undertaking-error" class="field-error" role="alert">{message("undertaking")}</p>
            </div>
            <button type="submit" class="button primary" disabled=move || pending.get()>{f.submit}</button>
        </ActionForm>
    }
    .into_any()
}
