//! Issuing a certificate (`/me/certificates/new`): first the kind (plain links, with why a kind
//! does not apply), then one form for that kind: purpose, its own fields, language. The form
//! carries a request key from the server, so a double submission issues one certificate.

use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::certificates::{IssueCertificate, get_certificate_options};
use crate::i18n::{Locale, tr};
use crate::models::certificate::{CertificateKind, CertificateOptions, Purpose};
use crate::models::insurance::{Insurance, month_label};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewCertificatePage() -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let query = use_query_map();
    let kind = move || {
        query
            .read()
            .get("kind")
            .and_then(|k| CertificateKind::from_code(&k).ok())
    };
    let options = Resource::new(|| (), |_| get_certificate_options());
    view! {
        <p><a href="/me/certificates">{c.back_to_list}</a></p>
        {move || match kind() {
            None => view! {
                <h1>{c.new_title}</h1>
                {loaded(options, |o| view! { <KindChoice options=o/> })}
            }.into_any(),
            Some(k) => view! {
                <h1>{(c.form_title)(k)}</h1>
                <p><a href="/me/certificates/new">{c.change_kind}</a></p>
                {loaded(options, move |o| view! { <IssueForm kind=k options=o/> })}
            }.into_any(),
        }}
    }
}

/// Why a kind cannot be issued to this person, if it cannot.
fn not_applicable(kind: CertificateKind, o: &CertificateOptions) -> Option<String> {
    let t = tr();
    let c = t.certificate;
    match kind {
        CertificateKind::Contributions | CertificateKind::AnnualStatement
            if o.regions.is_empty() =>
        {
            Some(c.no_history_reason.to_string())
        }
        CertificateKind::NoBenefit if !o.receiving.is_empty() => Some((c.receiving_reason)(
            &o.receiving
                .iter()
                .map(|i| (t.insurance_name)(*i))
                .collect::<Vec<_>>()
                .join(c.list_separator),
        )),
        CertificateKind::NotEnrolled if o.not_enrolled.is_empty() => {
            Some(c.all_enrolled_reason.to_string())
        }
        CertificateKind::PensionBenefit if !o.receiving.contains(&Insurance::Pension) => {
            Some(c.no_pension_reason.to_string())
        }
        _ => None,
    }
}

#[component]
fn KindChoice(options: CertificateOptions) -> impl IntoView {
    let c = tr().certificate;
    view! {
        <h2>{c.choose_kind}</h2>
        <ul class="kind-choice" role="list">
            {CertificateKind::ALL.into_iter().map(|k| {
                let title = (c.kind)(k);
                let body = match not_applicable(k, &options) {
                    Some(why) => view! {
                        <h3>{title}</h3>
                        <p>{(c.kind_hint)(k)}</p>
                        <p class="muted"><strong>{c.not_applicable}</strong>"："{why}</p>
                    }.into_any(),
                    None => view! {
                        <h3><a href=format!("/me/certificates/new?kind={}", k.code())>{title}</a></h3>
                        <p>{(c.kind_hint)(k)}</p>
                    }.into_any(),
                };
                view! { <li class="card">{body}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn IssueForm(kind: CertificateKind, options: CertificateOptions) -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    if let Some(why) = not_applicable(kind, &options) {
        return view! { <p class="notice" role="status"><strong>{c.not_applicable}</strong>"："{why}</p> }.into_any();
    }
    let action = ServerAction::<IssueCertificate>::new();
    let pending = action.pending();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let reader = use_context::<Locale>().unwrap_or_default();
    let fields = match kind {
        CertificateKind::Contributions => view! { <ContributionFields options=options.clone() error=error/> }.into_any(),
        CertificateKind::AnnualStatement => {
            let years = options.years.clone();
            view! {
                <Select name="year" label=c.year_choice error=error
                    choices=years.iter().map(|y| (y.to_string(), y.to_string())).collect()/>
            }.into_any()
        }
        CertificateKind::NotEnrolled => view! {
            <Select name="insurance" label=c.insurance_choice error=error
                choices=options.not_enrolled.iter().map(|i| (i.code().to_string(), (t.insurance_name)(*i).to_string())).collect()/>
        }.into_any(),
        CertificateKind::NoBenefit | CertificateKind::PensionBenefit => ().into_any(),
    };
    let radio_group =
        move |name: &'static str,
              legend: &'static str,
              hint: Option<&'static str>,
              choices: Vec<(String, String, Option<&'static str>, bool)>| {
            let error_id = format!("{name}-error");
            let message = move || field_message(t, error.get().as_ref(), name);
            view! {
                <fieldset class="field choices" aria-describedby=format!("{name}-error")>
                    <legend>{legend}</legend>
                    {hint.map(|h| view! { <p class="hint">{h}</p> })}
                    {choices.into_iter().map(|(value, label, note, checked)| view! {
                        <label class="check">
                            <input type="radio" name=name value=value checked=checked required/>
                            <span>{label}{note.map(|n| view! { <span class="hint block">{n}</span> })}</span>
                        </label>
                    }).collect_view()}
                    <p id=error_id class="field-error" role="alert">{message}</p>
                </fieldset>
            }
        };
    view! {
        {move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))
            .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
        <ActionForm action=action attr:class="form card">
            <input type="hidden" name="kind" value=kind.code()/>
            <input type="hidden" name="request_key" value=options.request_key.clone()/>
            {radio_group("purpose", c.purpose_legend, Some(c.purpose_fields_note),
                Purpose::ALL.into_iter().map(|p| (p.code().to_string(), (c.purpose)(p).to_string(), Some((c.purpose_hint)(p)), false)).collect())}
            {fields}
            {radio_group("language", c.language_legend, None,
                [Locale::Zh, Locale::En].into_iter().map(|l| (l.code().to_string(), l.other().texts().other_language_name.to_string(), None, l == reader)).collect())}
            <button type="submit" class="button primary" disabled=move || pending.get()>
                {move || if pending.get() { c.issuing } else { c.issue_submit }}
            </button>
        </ActionForm>
    }.into_any()
}

#[component]
fn Select(
    name: &'static str,
    label: &'static str,
    error: Signal<Option<AppError>>,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let t = tr();
    let message = move || field_message(t, error.get().as_ref(), name);
    view! {
        <div class="field">
            <label for=format!("cert-{name}")>{label}</label>
            <select id=format!("cert-{name}") name=name aria-describedby=format!("cert-{name}-error")>
                {choices.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
            <p id=format!("cert-{name}-error") class="field-error" role="alert">{message}</p>
        </div>
    }
}

#[component]
fn ContributionFields(
    options: CertificateOptions,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let message = move |name: &'static str| move || field_message(t, error.get().as_ref(), name);
    // The first place is the one paid most recently; its insurances are ticked by default.
    let ticked: Vec<Insurance> = options
        .regions
        .first()
        .map(|r| r.2.clone())
        .unwrap_or_default();
    let regions = options
        .regions
        .iter()
        .map(|(code, name, _)| {
            (
                code.clone(),
                name.get(use_context::<Locale>().unwrap_or_default())
                    .to_string(),
            )
        })
        .collect();
    let field = |name: &'static str, label: &'static str| {
        let msg = message(name);
        view! {
            <div class="field">
                <label for=format!("cert-{name}")>{label}</label>
                <input id=format!("cert-{name}") name=name type="month" inputmode="numeric" placeholder="2024-03" maxlength="7"
                    aria-describedby=format!("cert-{name}-hint cert-{name}-error")
                    aria-invalid=move || msg().is_some().then_some("true")/>
                <p id=format!("cert-{name}-hint") class="hint">{c.month_hint}</p>
                <p id=format!("cert-{name}-error") class="field-error" role="alert">{message(name)}</p>
            </div>
        }
    };
    view! {
        <Select name="region" label=c.region_choice error=error choices=regions/>
        <fieldset class="field choices" aria-describedby="insurances-error">
            <legend>{c.insurances_legend}</legend>
            {Insurance::ALL.into_iter().map(|i| view! {
                <label class="check">
                    <input type="checkbox" name=i.code() value="on" checked=ticked.contains(&i)/>
                    {(t.insurance_name)(i)}
                </label>
            }).collect_view()}
            <p id="insurances-error" class="field-error" role="alert">{message("insurances")}</p>
        </fieldset>
        <fieldset class="field choices" aria-describedby="period-hint period-error">
            <legend>{c.period_legend}</legend>
            <p id="period-hint" class="hint">{(c.data_until)(&month_label(options.data_month))}</p>
            {[12, 24, 36].into_iter().map(|n| view! {
                <label class="check">
                    <input type="radio" name="period" value=n.to_string() checked=n == 12/>
                    {(c.last_months)(n)}
                </label>
            }).collect_view()}
            <label class="check">
                <input type="radio" name="period" value="custom"/>
                {c.custom_period}
            </label>
            <p id="period-error" class="field-error" role="alert">{message("period")}</p>
            <div class="month-range">
                {field("from", c.from_month)}
                {field("to", c.to_month)}
            </div>
        </fieldset>
    }
}
