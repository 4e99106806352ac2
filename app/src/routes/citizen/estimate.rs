use crate::components::loaded::loaded;
use crate::functions::records::get_pension_estimate;
use crate::i18n::{Locale, tr};
use crate::models::insurance::{Scheme, month_label, years_label as years, yuan};
use crate::models::record::PensionEstimate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The pension estimate: `/me/pension-estimate?index=&growth=&offset=`. The form is a GET form,
/// so changing an assumption works the same with or without JavaScript.
#[component]
pub fn PensionEstimatePage() -> impl IntoView {
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            q.get("index").and_then(|v| v.parse::<f64>().ok()),
            q.get("growth").and_then(|v| v.parse::<f64>().ok()),
            q.get("offset").and_then(|v| v.parse::<i32>().ok()),
        )
    };
    let estimate = Resource::new(key, |(index, growth, offset)| {
        get_pension_estimate(index, growth, offset)
    });
    loaded(estimate, move |e| view! { <EstimateView e=e/> })
}

#[component]
fn EstimateView(e: PensionEstimate) -> impl IntoView {
    let t = tr();
    let rt = t.record;
    let locale = use_context::<Locale>().unwrap_or_default();
    let age = |months: i32| (rt.age_label)(months / 12, months % 12);
    let header = view! {
        <p><a href="/me">{rt.back_to_home}</a></p>
        <h1>{rt.estimate_title}</h1>
        <p class="muted">{(rt.rules_version)(&e.rules_version)}</p>
    };
    if e.already_retired {
        return view! { {header} <div class="notice"><p>{t.benefit.estimate_instead}</p><p><a class="button" href="/me/pension">{t.benefit.nav}</a></p></div> }.into_any();
    }
    let options = e
        .offsets
        .iter()
        .map(|o| {
            let label = format!("{}{}", age(e.statutory_age_months + o), if *o == 0 { rt.statutory_tag } else { "" });
            view! { <option value=o.to_string() selected=*o == e.assumptions.offset_months>{label}</option> }
        })
        .collect_view();
    let total_months = e.months_so_far + e.months_future;
    let employee = e.scheme == Scheme::Employee;
    let (basic_formula, basic_source) = if employee {
        let formula = (rt.basic_formula)(
            &yuan(e.wage_at_retirement),
            &format!("{:.2}", e.average_index),
            &years(total_months),
        );
        (formula, rt.source_basic)
    } else {
        (rt.resident_basic.to_string(), rt.source_resident)
    };
    let payout_rule = if employee {
        (rt.payout_rule)(e.retirement_age_months / 12)
    } else {
        rt.resident_payout_rule.to_string()
    };
    let retirement = if employee {
        view! {
            <p>{(rt.statutory_line)(&month_label(e.statutory_month), &age(e.statutory_age_months))}</p>
            <p>{(rt.minimum_line)(i64::from(e.minimum_months))}</p>
            <p class="muted">{rt.source_reform}</p>
        }
        .into_any()
    } else {
        view! {
            <p>{(rt.resident_age_line)(&month_label(e.statutory_month))}</p>
            <p>{rt.resident_minimum_line}</p>
            <p class="muted">{rt.source_resident}</p>
        }
        .into_any()
    };
    let flexible = if employee {
        rt.flexible_rule
    } else {
        rt.resident_no_flexible
    };
    let paying = e.paying_place.as_ref().map(|(place, rule)| {
        view! {
            <section class="card" aria-labelledby="place-h">
                <h2 id="place-h">{rt.paying_place_title}</h2>
                <p class="person-name">{place.get(locale).to_string()}</p>
                <p>{(rt.paying_rule)(*rule)}</p>
                <p class="muted">{rt.source_paying_place}</p>
            </section>
        }
    });
    view! {
        {header}
        <section class="card" aria-labelledby="retire-h">
            <h2 id="retire-h">{rt.retirement_title}</h2>
            {retirement}
        </section>
        <section class="card" aria-labelledby="assume-h">
            <h2 id="assume-h">{rt.assumptions_title}</h2>
            <form method="get" class="form">
                <div class="field">
                    <label for="index">{rt.future_index}</label>
                    <input id="index" name="index" type="number" inputmode="decimal" min="0.6" max="3" step="0.1"
                        value=format!("{:.1}", e.assumptions.future_index) aria-describedby="index-hint"/>
                    <p id="index-hint" class="hint">{rt.future_index_hint}</p>
                </div>
                <div class="field">
                    <label for="growth">{rt.wage_growth}</label>
                    <input id="growth" name="growth" type="number" inputmode="decimal" min="0" max="10" step="0.5"
                        value=format!("{:.1}", e.assumptions.wage_growth)/>
                </div>
                <div class="field">
                    <label for="offset">{rt.retire_at}</label>
                    <select id="offset" name="offset" aria-describedby="offset-hint">{options}</select>
                    <p id="offset-hint" class="hint">{flexible}</p>
                </div>
                <button type="submit" class="button primary">{rt.recalculate}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="result-h" aria-live="polite">
            <h2 id="result-h">{rt.result_title}</h2>
            {(!e.eligible).then(|| view! {
                <div class="notice warn" role="alert"><p>{(rt.not_eligible)(total_months, i64::from(e.minimum_months))}</p></div>
            })}
            <dl class="facts stacked">
                <dt>{rt.retire_at}</dt><dd>{format!("{} · {}", month_label(e.retirement_month), age(e.retirement_age_months))}</dd>
                <dt>{rt.years_counted}</dt>
                <dd>{years(total_months)}" ("{(rt.years_breakdown)(&years(e.months_so_far), &years(e.months_future))}")"</dd>
                <dt>{rt.average_index}</dt><dd>{format!("{:.2}", e.average_index)}</dd>
                <dt>{rt.wage_at_retirement}</dt><dd>{format!("{} {}", yuan(e.wage_at_retirement), t.yuan_unit)}</dd>
                <dt>{rt.basic_part}</dt>
                <dd>
                    <strong>{format!("{} {}", yuan(e.basic_part), t.yuan_unit)}</strong><br/>
                    <span class="muted">{basic_formula}</span><br/>
                    <span class="muted">{basic_source}</span>
                </dd>
                <dt>{rt.account_part}</dt>
                <dd>
                    <strong>{format!("{} {}", yuan(e.account_part), t.yuan_unit)}</strong><br/>
                    <span class="muted">{(rt.account_formula)(&yuan(e.account_at_retirement), e.payout_months)}</span><br/>
                    <span class="muted">{payout_rule}</span>
                </dd>
                <dt>{rt.monthly_total}</dt>
                <dd class="big">{format!("{} {}", yuan(e.basic_part + e.account_part), t.yuan_unit)}</dd>
            </dl>
        </section>
        {paying}
        <section class="card" aria-labelledby="leaves-h">
            <h2 id="leaves-h">{rt.leaves_out_title}</h2>
            <ul>{rt.leaves_out.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
        </section>
    }
    .into_any()
}
