//! The citizen's certificates (`/me/certificates`): every certificate issued, valid or revoked,
//! with its PDF link, and the contribution history as CSV. Downloads are plain links.

use crate::components::loaded::loaded;
use crate::functions::certificates::list_certificates;
use crate::i18n::{Texts, tr};
use crate::models::assist::Helper;
use crate::models::certificate::{CertificatePeriod, CertificateSummary};
use crate::models::insurance::month_label;
use crate::models::time::local_minute;
use leptos::prelude::*;

#[component]
pub fn CertificatesPage() -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let list = Resource::new(|| (), |_| list_certificates());
    view! {
        <p><a href="/me">{t.nav_home}</a></p>
        <h1>{c.list_title}</h1>
        <p>{c.list_intro}</p>
        <p><a class="button primary" href="/me/certificates/new">{c.new_link}</a></p>
        <section class="card" aria-labelledby="csv-h">
            <h2 id="csv-h">{c.csv_title}</h2>
            <p class="hint">{c.csv_hint}</p>
            <p><a href="/files/contributions.csv" download>{c.csv_link}</a></p>
        </section>
        {loaded(list, move |items: Vec<CertificateSummary>| {
            if items.is_empty() {
                return view! { <p>{c.list_empty}</p> }.into_any();
            }
            view! {
                <ul class="certificates" role="list">
                    {items.into_iter().map(|s| view! { <CertificateCard summary=s/> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// The period a certificate speaks about, in words.
pub fn period_text(t: &Texts, period: Option<CertificatePeriod>) -> Option<String> {
    period.map(|p| match p {
        CertificatePeriod::Months(from, to) => {
            format!("{} – {}", month_label(from), month_label(to))
        }
        CertificatePeriod::Year(y) => format!("{} {y}", t.certificate.year_label),
    })
}

#[component]
fn CertificateCard(summary: CertificateSummary) -> impl IntoView {
    let t = tr();
    let c = t.certificate;
    let no = summary.document_no.clone();
    let status = match summary.revoked_at {
        Some(at) => {
            view! { <span class="status-tag revoked">{(c.revoked)(&local_minute(at))}</span> }
                .into_any()
        }
        None => view! { <span class="status-tag valid">{c.valid}</span> }.into_any(),
    };
    view! {
        <li class="card certificate">
            <h2 class="card-title">{(c.kind)(summary.kind)}</h2>
            <p>{status}" · "<span class="mono">{no.clone()}</span></p>
            <dl class="facts">
                <dt>{c.purpose_label}</dt><dd>{(c.purpose)(summary.purpose)}</dd>
                {period_text(t, summary.period).map(|p| view! { <dt>{c.period_label}</dt><dd>{p}</dd> })}
                <dt>{c.issued_at}</dt><dd>{local_minute(summary.issued_at)}</dd>
            </dl>
            {summary.helper.map(|h| view! { <p class="muted">{match h { Helper::Helpdesk => c.by_helpdesk, Helper::Relative => c.by_relative }}</p> })}
            <p class="actions">
                <a href=format!("/files/certificates/{no}.pdf") download>{c.download_pdf}<span class="visually-hidden">" "{no.clone()}</span></a>
                <a href=format!("/me/certificates/{no}")>{c.details}<span class="visually-hidden">" "{no.clone()}</span></a>
            </p>
        </li>
    }
}
