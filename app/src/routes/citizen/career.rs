use crate::components::chart::ContributionChart;
use crate::components::loaded::loaded;
use crate::functions::records::get_career;
use crate::i18n::tr;
use crate::models::insurance::yuan;
use crate::models::record::CareerOverview;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// All five insurances together over the career, with a yearly table as the text alternative.
#[component]
pub fn CareerPage() -> impl IntoView {
    let career = Resource::new(|| (), |_| get_career());
    loaded(career, move |c| view! { <CareerView career=c/> })
}

#[component]
fn CareerView(career: CareerOverview) -> impl IntoView {
    let t = tr();
    let rt = t.record;
    let mut by_year: BTreeMap<i32, (i64, i64)> = BTreeMap::new();
    for p in career.chart.iter().filter(|p| p.paid) {
        let e = by_year.entry(p.month / 100).or_default();
        e.0 += i64::from(p.months_covered);
        e.1 += p.total;
    }
    let year_rows = by_year
        .iter()
        .rev()
        .map(|(y, (m, total))| view! { <tr><th scope="row">{*y}</th><td class="num" data-label=rt.col_months>{*m}</td><td class="num" data-label=rt.col_total>{yuan(*total)}</td></tr> })
        .collect_view();
    let insurances = career
        .insurances
        .iter()
        .map(|(i, months)| {
            view! {
                <li>
                    <a href=format!("/me/records/{}", i.code())>{(t.insurance_name)(*i)}</a>
                    ": "{(t.months_unit)(*months)}
                </li>
            }
        })
        .collect_view();
    view! {
        <p><a href="/me">{rt.back_to_home}</a></p>
        <h1>{rt.chart_all_title}</h1>
        <section class="card" aria-labelledby="chart-h">
            <h2 id="chart-h">{rt.chart_title}</h2>
            <ContributionChart id="career-chart" title=rt.chart_all_title.to_string() points=career.chart gaps=career.gaps/>
        </section>
        <section class="card" aria-labelledby="ins-h">
            <h2 id="ins-h">{rt.by_insurance}</h2>
            <ul class="plain">{insurances}</ul>
        </section>
        <section class="card" aria-labelledby="years-h">
            <h2 id="years-h">{rt.yearly_table}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="years-h">
                <table class="data cards">
                    <thead><tr><th scope="col">{rt.col_year}</th><th scope="col">{rt.col_months}</th><th scope="col">{rt.col_total}</th></tr></thead>
                    <tbody>{year_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
