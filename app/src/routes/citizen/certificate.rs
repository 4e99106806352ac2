//! One certificate for its owner (`/me/certificates/:number`): status, what it shows, the
//! verification code and link, the PDF, how often it was verified, and revocation.

use super::certificates::period_text;
use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::certificates::{RevokeCertificate, get_certificate};
use crate::i18n::tr;
use crate::models::certificate::{CertificateDetail, grouped_code};
use crate::models::time::local_minute;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CertificatePage() -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let params = use_params_map();
    let query = use_query_map();
    let notice = move || {
        let q = query.read();
        if q.get("revoked").is_some() {
            Some(c.revoked_notice)
        } else if q.get("issued").is_some() {
            Some(c.issued_notice)
        } else {
            None
        }
    };
    let detail = Resource::new(
        move || params.read().get("number").unwrap_or_default(),
        get_certificate,
    );
    view! {
        <p><a href="/me/certificates">{c.back_to_list}</a></p>
        {move || notice().map(|m| view! { <div class="notice success" role="status">{m}</div> })}
        {loaded(detail, |d| view! { <Detail detail=d/> })}
    }
}

#[component]
fn Detail(detail: CertificateDetail) -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let s = &detail.summary;
    let no = s.document_no.clone();
    let status = match s.revoked_at {
        Some(at) => {
            view! { <span class="status-tag revoked">{(c.revoked)(&local_minute(at))}</span> }
                .into_any()
        }
        None => view! { <span class="status-tag valid">{c.valid}</span> }.into_any(),
    };
    let revocable = s.revoked_at.is_none();
    view! {
        <h1>{(c.detail_title)(&no)}</h1>
        <section class="card" aria-labelledby="cert-h">
            <h2 id="cert-h">{(c.kind)(s.kind)}</h2>
            <p>{status}</p>
            <dl class="facts">
                <dt>{c.purpose_label}</dt><dd>{(c.purpose)(s.purpose)}</dd>
                {period_text(t, s.period).map(|p| view! { <dt>{c.period_label}</dt><dd>{p}</dd> })}
                <dt>{c.issued_at}</dt><dd>{local_minute(s.issued_at)}</dd>
                <dt>{c.shown_id}</dt><dd class="mono">{detail.person.id_number.clone()}</dd>
                <dt>{c.language_legend}</dt><dd>{s.locale.other().texts().other_language_name}</dd>
                <dt>{c.document_no}</dt><dd class="mono">{no.clone()}</dd>
                <dt>{c.code}</dt><dd class="mono">{grouped_code(&detail.code)}</dd>
            </dl>
            <p class="hint">{if detail.amounts_shown { c.amounts_shown } else { c.amounts_not_shown }}" · "{c.code_hint}</p>
            <p>{(c.verifications)(detail.verifications)}</p>
            <p class="actions">
                <a class="button primary" href=format!("/files/certificates/{no}.pdf") download>{c.download_pdf}</a>
                <a href=detail.verify_url.clone()>{c.verify_link}</a>
            </p>
        </section>
        {revocable.then(|| view! { <RevokeForm number=no.clone()/> })}
    }
}

#[component]
fn RevokeForm(number: String) -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let action = ServerAction::<RevokeCertificate>::new();
    let error = move || action.value().get().and_then(Result::err);
    let confirm_error = move || field_message(t, error().as_ref(), "confirm");
    view! {
        <section class="card" aria-labelledby="revoke-h">
            <h2 id="revoke-h">{c.revoke_title}</h2>
            <p class="hint">{c.revoke_hint}</p>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="number" value=number/>
                <label class="check">
                    <input type="checkbox" name="confirm" value="on" aria-describedby="confirm-error"/>
                    {c.revoke_confirm}
                </label>
                <p id="confirm-error" class="field-error" role="alert">{confirm_error}</p>
                <button type="submit" class="button danger">{c.revoke_submit}</button>
            </ActionForm>
        </section>
    }
}
