use crate::components::loaded::loaded;
use crate::functions::benefits::get_pension_benefits;
use crate::i18n::{Locale, tr};
use crate::models::benefits::{PaymentLine, PensionBenefits};
use crate::models::insurance::{month_label, yuan};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A retiree's pension in payment: `/me/pension?year=` (the latest year paid by default).
#[component]
pub fn PensionPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|v| v.parse::<i32>().ok());
    let benefits = Resource::new(year, get_pension_benefits);
    loaded(benefits, move |b| view! { <PensionView benefits=b/> })
}

fn payee_text(line: &PaymentLine, locale: Locale) -> String {
    let b = locale.texts().benefit;
    format!("{} {}", (b.bank_name)(line.payee.bank), line.payee.masked())
}

#[component]
fn PensionView(benefits: PensionBenefits) -> impl IntoView {
    let t = tr();
    let b = t.benefit;
    let locale = use_context::<Locale>().unwrap_or_default();
    let p = benefits;
    let money = |fen: i64| format!("{} {}", yuan(fen), t.yuan_unit);
    let parts = [
        (b.part_basic, p.current.basic),
        (b.part_account, p.current.account),
        (b.part_transitional, p.current.transitional),
        (b.part_adjustments, p.current.adjustments),
    ]
    .into_iter()
    .filter(|(_, fen)| *fen > 0)
    .map(|(label, fen)| view! { <dt>{label}</dt><dd class="num">{money(fen)}</dd> })
    .collect_view();
    let payee = p.last_payment.as_ref().map(|l| payee_text(l, locale));
    let year_options = p
        .years
        .iter()
        .map(|y| view! { <option value=y.to_string() selected=*y == p.year>{*y}</option> })
        .collect_view();
    // One account for the whole year (the usual case) is said once, not on every row.
    let per_row_payee = p.payments.windows(2).any(|w| w[0].payee != w[1].payee);
    let columns = if per_row_payee { "5" } else { "4" };
    let payment_rows = if p.payments.is_empty() {
        view! { <tr><td colspan=columns>{b.no_payments}</td></tr> }.into_any()
    } else {
        p.payments
            .iter()
            .map(|l| {
                let pay = l.payment;
                view! {
                    <tr>
                        <th scope="row">{month_label(pay.month)}</th>
                        <td data-label=b.col_paid_on>{pay.paid_on.to_string()}</td>
                        <td class="num" data-label=b.col_amount>{yuan(pay.amount)}</td>
                        <td class="num" data-label=b.col_back_pay>{yuan(pay.back_pay)}</td>
                        {per_row_payee.then(|| view! { <td data-label=b.col_payee>{payee_text(l, locale)}</td> })}
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let adjustments = if p.adjustments.is_empty() {
        view! { <p>{b.no_adjustments}</p> }.into_any()
    } else {
        let rows = p
            .adjustments
            .iter()
            .map(|a| {
                view! {
                    <tr>
                        <th scope="row">{month_label(a.effective_month)}</th>
                        <td data-label=b.col_decided>{a.decided_on.to_string()}</td>
                        <td class="num" data-label=b.col_before>{yuan(a.before)}</td>
                        <td class="num" data-label=b.col_after>{yuan(a.after)}</td>
                        <td class="num" data-label=b.col_raise>{yuan(a.after - a.before)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="adjustments-h">
                <table class="data cards">
                    <thead><tr>
                        <th scope="col">{b.col_effective}</th><th scope="col">{b.col_decided}</th>
                        <th scope="col">{b.col_before}</th><th scope="col">{b.col_after}</th>
                        <th scope="col">{b.col_raise}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let medical = p.medical_credit.as_ref().map(|m| {
        view! {
            <section class="card" aria-labelledby="medical-h">
                <h2 id="medical-h">{b.medical_title}</h2>
                <p>{(b.medical_line)(&yuan(m.monthly), &month_label(m.since))}</p>
                <p class="muted">{t.owning_agency}": "{m.office.get(locale).to_string()}</p>
            </section>
        }
    });
    view! {
        <p><a href="/me">{t.record.back_to_home}</a></p>
        <h1>{b.title}</h1>
        <p class="muted">{b.intro}</p>
        {crate::routes::citizen::qualification::standing_notice(t, &p.qualification)}
        <p><a class="button" href="/me/pension/qualification">{b.q_link}</a></p>
        <section class="card" aria-labelledby="overview-h">
            <h2 id="overview-h">{b.overview_title}</h2>
            <p class="amount-now">{(b.home_monthly)(&yuan(p.current.total()))}</p>
            {p.last_payment.as_ref().map(|l| view! {
                <p>{(b.home_last_payment)(&l.payment.paid_on.to_string(), &yuan(l.payment.amount))}</p>
            })}
            <dl class="facts">
                <dt>{t.scheme}</dt><dd>{(t.scheme_name)(p.scheme)}</dd>
                <dt>{b.since}</dt><dd>{month_label(p.since)}</dd>
                <dt>{b.awarded_on}</dt><dd>{p.awarded_on.to_string()}</dd>
                <dt>{b.paying_office}</dt><dd>{p.office.get(locale).to_string()}</dd>
                <dt>{b.payee}</dt><dd>{payee.unwrap_or_else(|| t.none.to_string())}</dd>
                <dt>{t.data_as_of}</dt><dd>{p.data_as_of.to_string()}</dd>
            </dl>
            <p class="links"><a class="button" href="/me/certificates/new?kind=pension_benefit">{b.certificate_link}</a></p>
        </section>
        <section class="card" aria-labelledby="parts-h">
            <h2 id="parts-h">{b.parts_title}</h2>
            <dl class="facts">
                {parts}
                <dt>{b.total}</dt><dd class="num"><strong>{money(p.current.total())}</strong></dd>
            </dl>
            <p class="hint">{b.parts_note}</p>
        </section>
        <section class="card" aria-labelledby="payments-h">
            <h2 id="payments-h">{b.payments_title}</h2>
            <form method="get" class="filters">
                <label>{b.year}" "<select name="year">{year_options}</select></label>
                <button type="submit" class="button">{b.show}</button>
            </form>
            <p class="totals">{(b.paid_in_year)(p.year, p.payments.len(), &yuan(p.paid_in_year))}</p>
            {p.payments.first().filter(|_| !per_row_payee).map(|l| view! {
                <p>{b.payee}": "{payee_text(l, locale)}</p>
            })}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="payments-h">
                <table class="data cards">
                    <thead><tr>
                        <th scope="col">{b.col_month}</th><th scope="col">{b.col_paid_on}</th>
                        <th scope="col">{b.col_amount}</th><th scope="col">{b.col_back_pay}</th>
                        {per_row_payee.then(|| view! { <th scope="col">{b.col_payee}</th> })}
                    </tr></thead>
                    <tbody>{payment_rows}</tbody>
                </table>
            </div>
        </section>
        <section class="card" aria-labelledby="adjustments-h">
            <h2 id="adjustments-h">{b.adjustments_title}</h2>
            <p class="hint">{b.adjustments_note}</p>
            {adjustments}
        </section>
        {medical}
    }
}
