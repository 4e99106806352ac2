use crate::components::loaded::loaded;
use crate::elder_mode::elder_mode;
use crate::functions::homes::get_citizen_home;
use crate::i18n::{Locale, Texts, tr};
use crate::models::home::{CitizenHome, InsuranceSummary};
use crate::models::insurance::{month_label, yuan};
use crate::models::qualification::QualificationBrief;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The citizen's home: all five insurances on one screen; in elder mode a few large actions,
/// with everything else behind "all services" (`/me?all=1`).
#[component]
pub fn CitizenHomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| get_citizen_home());
    let all = use_query_map().with_untracked(|q| q.get("all").is_some());
    let elder = elder_mode() && !all;
    loaded(home, move |h| {
        if elder {
            view! { <ElderHomeView home=h/> }.into_any()
        } else {
            view! { <CitizenHomeView home=h/> }.into_any()
        }
    })
}

/// Elder mode's home: the pension now (for a pensioner) and five large actions in plain words.
#[component]
fn ElderHomeView(home: CitizenHome) -> impl IntoView {
    let t = tr();
    let e = t.elder;
    let (pension_href, pension_hint) = match home.pension {
        Some(_) => ("/me/pension", e.my_pension_paid),
        None => ("/me/records/pension", e.my_pension_record),
    };
    let actions = [
        (pension_href, e.my_pension, pension_hint),
        ("/me/records/medical", e.my_medical, e.my_medical_hint),
        (
            "/me/certificates/new",
            e.get_certificate,
            e.get_certificate_hint,
        ),
        (
            "/me/filings/new",
            e.file_out_of_area,
            e.file_out_of_area_hint,
        ),
        ("/me/relatives", e.ask_relative, e.ask_relative_hint),
    ];
    view! {
        <section class="page-intro">
            <h1>{(e.greeting)(&home.name)}</h1>
            {pension_now(t, &home)}
            {qualification_now(t, home.qualification)}
        </section>
        <nav aria-label=e.actions_label>
            <ul class="elder-actions" role="list">
                {actions.into_iter().map(|(href, title, hint)| view! {
                    <li><a class="elder-action" href=href>
                        <span class="elder-action-title">{title}</span>
                        <span class="elder-action-hint">{hint}</span>
                    </a></li>
                }).collect_view()}
            </ul>
        </nav>
        <p><a class="button" href="/me?all=1">{e.all_services}</a></p>
    }
}

/// Where the yearly qualification check of a pension in payment stands.
fn qualification_now(
    t: &'static Texts,
    q: Option<QualificationBrief>,
) -> Option<impl IntoView + use<>> {
    q.map(|q| {
        view! {
            {crate::routes::citizen::qualification::standing_notice(t, &q)}
            <p><a href="/me/pension/qualification">{t.benefit.q_link}</a></p>
        }
    })
}

/// A pension in payment: the amount and the last payment.
fn pension_now(t: &'static Texts, home: &CitizenHome) -> Option<impl IntoView + use<>> {
    let b = t.benefit;
    home.pension.as_ref().map(|p| {
        view! {
            <div class="notice pension-now">
                <p class="amount-now">{(b.home_monthly)(&yuan(p.monthly))}</p>
                <p>{match p.last_payment {
                    Some(last) => (b.home_last_payment)(&last.paid_on.to_string(), &yuan(last.amount)),
                    None => b.home_no_payment_yet.to_string(),
                }}</p>
            </div>
        }
    })
}

#[component]
fn CitizenHomeView(home: CitizenHome) -> impl IntoView {
    let t = tr();
    let locale = use_context::<Locale>().unwrap_or_default();
    let b = t.benefit;
    // A pension in payment replaces the estimate: the amount, the last payment, the details.
    let qualification = qualification_now(t, home.qualification);
    let pension = pension_now(t, &home);
    let estimate_link = match home.pension {
        Some(_) => view! { <a class="button" href="/me/pension">{b.nav}</a> }.into_any(),
        None => {
            view! { <a class="button" href="/me/pension-estimate">{t.record.estimate_link}</a> }
                .into_any()
        }
    };
    view! {
        <section class="page-intro">
            <h1>{t.my_insurances}</h1>
            <p class="person">
                <span class="person-name">{home.name.clone()}</span>
                <span class="muted">{t.masked_id}": "{home.masked_id.clone()}</span>
                {home.scheme.map(|s| view! { <span class="tag">{(t.scheme_name)(s)}</span> })}
            </p>
            <p class="muted">{t.my_insurances_intro}</p>
            {pension}
            {qualification}
            <p class="links">
                <a class="button" href="/me/records">{t.record.career_link}</a>
                {estimate_link}
                <a class="button" href="/me/access-log">{t.account.nav_access_log}</a>
                <a class="button" href="/me/certificates">{t.certificate.nav}</a>
                <a class="button" href="/me/requests">{t.transfer.nav_requests}</a>
                <a class="button" href="/me/filings">{t.filing.nav}</a>
                <a class="button" href="/me/relatives">{t.relatives.nav}</a>
            </p>
        </section>
        <ul class="insurance-grid" role="list">
            {home.insurances.into_iter().map(|s| view! { <li><InsuranceCard summary=s t=t locale=locale/></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn InsuranceCard(summary: InsuranceSummary, t: &'static Texts, locale: Locale) -> impl IntoView {
    let heading_id = format!("ins-{}", summary.insurance.code());
    let title = (t.insurance_name)(summary.insurance);
    let tx = t.transfer;
    let body = match summary.enrolment {
        None => view! {
            <p class="status status-none">{t.not_enrolled}</p>
            <p class="muted">{if summary.not_enrolled_because_resident { t.not_enrolled_resident } else { t.not_enrolled_other }}</p>
            <p class="agency muted">{t.owning_agency}": "{(t.agency_name)(summary.agency)}</p>
        }
        .into_any(),
        Some(e) => {
            let status_class = format!("status status-{}", e.status.code());
            view! {
                <p class=status_class>
                    {(t.status_name)(e.status)}
                    <span class="status-detail">" · "{(t.reason_name)(e.reason)}" · "{(t.status_since)(&e.status_date.to_string())}</span>
                </p>
                {(e.arrears_months > 0).then(|| view! { <p class="flag">{(t.arrears_months)(e.arrears_months)}</p> })}
                // The figures and anything under way first; the other facts one tap away, so five
                // cards fit a phone.
                <dl class="facts">
                    <dt>{t.months_contributed}</dt><dd>{(t.months_unit)(e.months_contributed)}</dd>
                    <dt>{t.latest_base}</dt>
                    <dd>{e.latest_base.map(|b| format!("{} {}", yuan(b), t.yuan_unit)).unwrap_or_else(|| t.none.to_string())}</dd>
                    {summary.insurance.has_personal_account().then(|| view! {
                        <dt>{t.account_balance}</dt>
                        <dd>{e.account_balance.map(|b| format!("{} {}", yuan(b), t.yuan_unit)).unwrap_or_else(|| t.none.to_string())}</dd>
                    })}
                    {e.filings.iter().map(|f| view! {
                        <dt>{t.filing.nav}</dt>
                        <dd><a href=format!("/me/filings/{}", f.reference)>
                            {(t.filing.on_medical)(f.treatment.get(locale), (t.filing.term)(f.term))}
                        </a>{f.ends_on.map(|d| format!(" · {} {d}", t.filing.valid_until))}</dd>
                    }).collect_view()}
                    {e.carried_in.iter().map(|c| view! {
                        <dt>{tx.carried_label}</dt>
                        <dd>{(tx.carried_line)(c.from.get(locale), c.months, &c.on.to_string())}</dd>
                    }).collect_view()}
                </dl>
                <details class="more-facts">
                    <summary>{t.more_facts}</summary>
                    <dl class="facts">
                        <dt>{t.scheme}</dt><dd>{(t.scheme_name)(e.scheme)}</dd>
                        <dt>{t.insured_region}</dt><dd>{e.region.get(locale).to_string()}</dd>
                        <dt>{t.employer}</dt><dd>{e.employer.clone().unwrap_or_else(|| t.none.to_string())}</dd>
                        <dt>{t.enrolled_since}</dt><dd>{month_label(e.enrolled_since)}</dd>
                        <dt>{t.last_paid_month}</dt>
                        <dd>{e.last_paid_month.map(month_label).unwrap_or_else(|| t.none.to_string())}</dd>
                        <dt>{t.owning_agency}</dt><dd>{e.office.get(locale).to_string()}</dd>
                        <dt>{t.data_as_of}</dt><dd>{e.data_as_of.to_string()}</dd>
                    </dl>
                </details>
            }
            .into_any()
        }
    };
    let details = format!("/me/records/{}", summary.insurance.code());
    let labelled_by = heading_id.clone();
    view! {
        <section class="card insurance" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            {body}
            <p class="more">
                <a href=details>{t.record.view_details}<span class="visually-hidden">": "{title}</span></a>
            </p>
        </section>
    }
}
