//! Public certificate verification (`/verify?no=&code=`), no sign-in: the QR code on every
//! certificate lands here with both filled in. A plain GET form, so it works without
//! JavaScript; the answer is a minimal view and whether the certificate is still valid.

use crate::components::loaded::loaded;
use crate::functions::certificates::verify_certificate;
use crate::i18n::{Locale, tr};
use crate::models::certificate::{PublicView, VerifyOutcome};
use crate::models::time::local_minute;
use crate::routes::citizen::certificates::period_text;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn VerifyPage() -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let query = use_query_map();
    let typed = move |key: &str| query.read().get(key).unwrap_or_default();
    let asked = move || {
        let (no, code) = (typed("no"), typed("code"));
        (!no.trim().is_empty() || !code.trim().is_empty()).then_some((no, code))
    };
    let result = Resource::new(asked, |asked| async move {
        match asked {
            Some((no, code)) => verify_certificate(no, code).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <h1>{c.verify_title}</h1>
        <p>{c.verify_intro}</p>
        <form method="get" action="/verify" class="form card">
            <div class="field">
                <label for="verify-no">{c.number_label}</label>
                <input id="verify-no" name="no" type="text" autocapitalize="characters" autocomplete="off"
                    spellcheck="false" maxlength="32" required aria-describedby="verify-no-hint"
                    value=move || typed("no")/>
                <p id="verify-no-hint" class="hint">{c.number_hint}</p>
            </div>
            <div class="field">
                <label for="verify-code">{c.code_label}</label>
                <input id="verify-code" name="code" type="text" autocapitalize="characters" autocomplete="off"
                    spellcheck="false" maxlength="32" required aria-describedby="verify-code-hint"
                    value=move || typed("code")/>
                <p id="verify-code-hint" class="hint">{c.code_input_hint}</p>
            </div>
            <button type="submit" class="button primary">{c.verify_submit}</button>
        </form>
        {loaded(result, |outcome: Option<VerifyOutcome>| match outcome {
            None => ().into_any(),
            Some(VerifyOutcome::NotVerified) => view! {
                <div class="notice error" role="alert">{tr().certificate.result_not_verified}</div>
            }.into_any(),
            Some(VerifyOutcome::Verified(view)) => view! { <Verified view=view/> }.into_any(),
        })}
        <p class="hint">{c.verify_privacy}</p>
    }
}

#[component]
fn Verified(view: PublicView) -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let locale = use_context::<Locale>().unwrap_or_default();
    let (banner, class, status) = match view.revoked_at {
        None => (c.result_valid.to_string(), "notice success", c.status_valid),
        Some(at) => (
            (c.result_revoked)(&local_minute(at)),
            "notice error",
            c.status_revoked,
        ),
    };
    let issuers = view
        .issuers
        .iter()
        .map(|n| n.get(locale).to_string())
        .collect::<Vec<_>>()
        .join(c.list_separator);
    view! {
        <section class="card" aria-labelledby="verified-h">
            <h2 id="verified-h" class="visually-hidden">{c.verify_title}</h2>
            <div class=class role="status">{banner}</div>
            <dl class="facts">
                <dt>{c.status_label}</dt><dd><strong>{status}</strong></dd>
                <dt>{c.document_no}</dt><dd class="mono">{view.document_no.clone()}</dd>
                <dt>{c.holder}</dt><dd>{view.masked_name.clone()}</dd>
                <dt>{c.kind_label}</dt><dd>{(c.kind)(view.kind)}</dd>
                {period_text(t, view.period).map(|p| view! { <dt>{c.period_label}</dt><dd>{p}</dd> })}
                <dt>{c.issuers_label}</dt><dd>{issuers}</dd>
                <dt>{c.issued_on}</dt><dd>{local_minute(view.issued_at)}</dd>
            </dl>
        </section>
    }
}
