use crate::components::chart::ContributionChart;
use crate::components::loaded::loaded;
use crate::components::pager::pager;
use crate::functions::records::get_insurance_record;
use crate::i18n::{Locale, tr};
use crate::models::insurance::{month_label, yuan};
use crate::models::record::{ContributionView, InsuranceRecord};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// One insurance in depth: `/me/records/:insurance?year=&employer=&page=` (page from 1).
#[component]
pub fn InsuranceRecordPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            params.read().get("insurance").unwrap_or_default(),
            q.get("year").and_then(|v| v.parse::<i32>().ok()),
            q.get("employer").and_then(|v| v.parse::<i64>().ok()),
            q.get("page")
                .and_then(|v| v.parse::<i64>().ok())
                .map(|p| (p - 1).max(0)),
        )
    };
    let record = Resource::new(key, |(insurance, year, employer, page)| {
        get_insurance_record(insurance, year, employer, page)
    });
    loaded(record, move |r| view! { <RecordView record=r/> })
}

fn page_href(r: &InsuranceRecord, page: i64) -> String {
    let mut q = vec![format!("page={}", page + 1)];
    if let Some(y) = r.query.year {
        q.push(format!("year={y}"));
    }
    if let Some(e) = r.query.employer_id {
        q.push(format!("employer={e}"));
    }
    format!("/me/records/{}?{}", r.insurance.code(), q.join("&"))
}

#[component]
fn RecordView(record: InsuranceRecord) -> impl IntoView {
    let t = tr();
    let rt = t.record;
    let locale = use_context::<Locale>().unwrap_or_default();
    let name = (t.insurance_name)(record.insurance);
    let r = record;
    let periods = r
        .periods
        .iter()
        .rev()
        .map(|p| {
            let end = p.end_month.map(month_label).unwrap_or_else(|| rt.until_now.to_string());
            view! {
                <li>
                    <span class="period-dates">{format!("{} – {}", month_label(p.start_month), end)}</span>
                    <span>{p.region.get(locale).to_string()}</span>
                    {p.employer.clone().map(|e| view! { <span>{e}</span> })}
                    <span class="muted">{(t.scheme_name)(p.scheme)}</span>
                    <span class=format!("status status-{}", p.status.code())>
                        {(t.status_name)(p.status)}" · "{(t.reason_name)(p.reason)}" · "{p.status_date.to_string()}
                    </span>
                </li>
            }
        })
        .collect_view();
    let gaps = if r.gaps.is_empty() {
        view! { <p>{rt.no_gaps}</p> }.into_any()
    } else {
        r.gaps
            .iter()
            .enumerate()
            .map(|(i, g)| {
                // A medical break is explained by its own length and scheme.
                let effect = r.continuity.as_ref().and_then(|c| c.effects.get(i).copied().flatten());
                let meaning = match effect {
                    Some(e) => (rt.medical_break)(e),
                    None => (rt.gap_meaning)(r.insurance, g.kind).to_string(),
                };
                view! {
                    <div class="notice warn">
                        <p class="flag">{(rt.gap_line)(g.kind, &month_label(g.from), &month_label(g.to), g.months)}</p>
                        <p>{meaning}</p>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let continuity = r.continuity.as_ref().map(|c| {
        view! {
            <p>{(rt.continuous_line)(c.months)}</p>
            <p class="hint">{rt.continuity_source}</p>
        }
    });
    let years_note = r
        .minimum_months
        .map(|min| view! { <p>{(rt.years_progress)(r.months_paid_all, min)}</p> });
    let year_options = r
        .years
        .iter()
        .map(|y| view! { <option value=y.to_string() selected=r.query.year == Some(*y)>{*y}</option> })
        .collect_view();
    let employer_options = r
        .employers
        .iter()
        .map(|(id, n)| view! { <option value=id.to_string() selected=r.query.employer_id == Some(*id)>{n.clone()}</option> })
        .collect_view();
    let rows = if r.rows.is_empty() {
        view! { <tbody><tr><td colspan="7">{rt.no_rows}</td></tr></tbody> }.into_any()
    } else {
        runs(&r.rows)
            .into_iter()
            .map(|run| {
                let label = format!("{} · {}", run[0].employer.clone().unwrap_or_else(|| t.none.to_string()), run[0].region.get(locale));
                let rows = run
                    .iter()
                    .map(|c| {
                        let status = match c.paid_on {
                            Some(d) => view! { <td class="paid">{(rt.paid_on)(&d.to_string())}</td> }.into_any(),
                            None => view! { <td class="paid flag">{rt.in_arrears}</td> }.into_any(),
                        };
                        view! {
                            <tr class:arrears=c.paid_on.is_none()>
                                <th scope="row">{month_label(c.month)}{(c.months_covered == 12).then_some(rt.yearly_payment)}</th>
                                <td class="run-repeat">{c.employer.clone().unwrap_or_else(|| t.none.to_string())}</td>
                                <td class="run-repeat">{c.region.get(locale).to_string()}</td>
                                <td class="num">{yuan(c.base)}</td>
                                <td class="num">{yuan(c.employer_part)}</td>
                                <td class="num">{yuan(c.personal_part)}</td>
                                {status}
                            </tr>
                        }
                    })
                    .collect_view();
                // On a phone the employer and place are said once per run of months (the
                // columns that repeat them are hidden there); a desktop keeps the columns.
                view! {
                    <tbody>
                        <tr class="run"><th colspan="7" scope="rowgroup">{label}</th></tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view()
            .into_any()
    };
    let pager = pager(r.query.page, r.pages, |p| page_href(&r, p));
    let accounts = (!r.accounts.is_empty()).then(|| {
        let rows = r
            .accounts
            .iter()
            .rev()
            .map(|a| {
                view! {
                    <tr>
                        <th scope="row">{a.year}</th>
                        <td class="num" data-label=rt.col_opening>{yuan(a.opening)}</td>
                        <td class="num" data-label=rt.col_credited>{yuan(a.credited)}</td>
                        <td class="num" data-label=rt.col_interest>{yuan(a.interest)}</td>
                        <td class="num" data-label=rt.col_withdrawn>{yuan(a.withdrawn)}</td>
                        <td class="num" data-label=rt.col_closing>{yuan(a.closing)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="accounts-h">
                <h2 id="accounts-h">{rt.account_title}</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="accounts-h">
                    <table class="data cards">
                        <thead><tr>
                            <th scope="col">{rt.col_year}</th><th scope="col">{rt.col_opening}</th>
                            <th scope="col">{rt.col_credited}</th><th scope="col">{rt.col_interest}</th>
                            <th scope="col">{rt.col_withdrawn}</th><th scope="col">{rt.col_closing}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    });
    let totals = (rt.totals_line)(
        r.totals.months_paid,
        r.totals.months_in_arrears,
        &yuan(r.totals.employer_sum),
        &yuan(r.totals.personal_sum),
    );
    view! {
        <p><a href="/me">{rt.back_to_home}</a></p>
        <h1>{(rt.record_title)(name)}</h1>
        <p class="muted">
            {t.owning_agency}": "{r.office.as_ref().map(|o| o.get(locale).to_string()).unwrap_or_else(|| (t.agency_name)(r.agency).to_string())}
            {r.data_as_of.map(|d| format!(" · {}: {}", t.data_as_of, d))}
        </p>
        {years_note}
        <section class="card" aria-labelledby="periods-h">
            <h2 id="periods-h">{rt.periods_title}</h2>
            <ol class="timeline">{periods}</ol>
            {carried_list(&r.carried_in, locale)}
        </section>
        <section class="card" aria-labelledby="chart-h">
            <h2 id="chart-h">{rt.chart_title}</h2>
            <ContributionChart id="record-chart" title=format!("{name} · {}", rt.chart_title) points=r.chart.clone() gaps=r.gaps.clone()/>
        </section>
        <section class="card" aria-labelledby="gaps-h">
            <h2 id="gaps-h">{rt.gaps_title}</h2>
            {continuity}
            {gaps}
        </section>
        <section class="card" aria-labelledby="months-h">
            <h2 id="months-h">{rt.months_title}</h2>
            <form method="get" class="filters">
                <label>{rt.filter_year}" "
                    <select name="year"><option value="">{rt.all}</option>{year_options}</select>
                </label>
                <label>{rt.filter_employer}" "
                    <select name="employer"><option value="">{rt.all}</option>{employer_options}</select>
                </label>
                <button type="submit" class="button">{rt.apply_filter}</button>
            </form>
            <p class="totals">{totals}" "{(rt.totals_years)(r.totals.months_paid)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="months-h">
                <table class="data months">
                    <thead><tr>
                        <th scope="col">{rt.col_month}</th><th scope="col">{rt.col_employer}</th>
                        <th scope="col">{rt.col_region}</th><th scope="col">{rt.col_base}</th>
                        <th scope="col">{rt.col_employer_part}</th><th scope="col">{rt.col_personal_part}</th>
                        <th scope="col">{rt.col_paid}</th>
                    </tr></thead>
                    {rows}
                </table>
            </div>
            {pager}
        </section>
        {accounts}
    }
}

/// Consecutive months with the same employer and place, in the order shown.
fn runs(rows: &[ContributionView]) -> Vec<&[ContributionView]> {
    rows.chunk_by(|a, b| a.employer == b.employer && a.region == b.region)
        .collect()
}

/// What completed transfers brought into this insurance, one line each.
pub fn carried_list(
    carried: &[crate::models::record::CarriedIn],
    locale: crate::i18n::Locale,
) -> Option<impl IntoView + use<>> {
    let x = locale.texts().transfer;
    (!carried.is_empty()).then(|| {
        let lines = carried
            .iter()
            .map(|c| {
                view! {
                    <li>{(x.carried_line)(c.from.get(locale), c.months, &c.on.to_string())}</li>
                }
            })
            .collect_view();
        view! {
            <h3>{x.carried_label}</h3>
            <ul class="carried">{lines}</ul>
        }
    })
}
