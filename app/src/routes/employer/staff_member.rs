use super::staff_list::InsuranceTable;
use crate::components::loaded::loaded;
use crate::functions::employer::get_staff_member;
use crate::i18n::{Texts, tr};
use crate::models::insurance::{Insurance, month_label, yuan};
use crate::models::staff::{BaseOutOfBounds, StaffFlag, StaffMember, StaffPeriod};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One staff member within the employer's view: `/employer/staff/:person`.
#[component]
pub fn StaffMemberPage() -> impl IntoView {
    let params = use_params_map();
    let person = move || params.read().get("person").unwrap_or_default();
    let member = Resource::new(person, get_staff_member);
    loaded(member, move |m| view! { <StaffMemberView member=m/> })
}

fn months_list(t: &Texts, months: impl Iterator<Item = i32>) -> String {
    months
        .map(month_label)
        .collect::<Vec<_>>()
        .join(t.staff.list_separator)
}

fn insurances_list(t: &Texts, insurances: &[Insurance]) -> String {
    insurances
        .iter()
        .map(|i| (t.insurance_name)(*i))
        .collect::<Vec<_>>()
        .join(t.staff.list_separator)
}

/// The explanation of one flag, from the findings' detail.
fn finding_text(t: &Texts, m: &StaffMember, flag: StaffFlag) -> String {
    let st = t.staff;
    let f = &m.findings;
    let band = |list: &[BaseOutOfBounds],
                text: fn(usize, &str, &str, &str, &str, i32) -> String| {
        let mut months: Vec<i32> = list.iter().map(|b| b.month).collect();
        months.dedup();
        let latest = list.last().expect("flag set means non-empty");
        text(
            months.len(),
            &month_label(latest.month),
            &yuan(latest.base),
            &yuan(latest.limit),
            &yuan(latest.average_wage),
            latest.wage_year,
        )
    };
    match flag {
        StaffFlag::BaseBelowFloor => band(&f.below_floor, st.below_floor),
        StaffFlag::BaseAboveCap => band(&f.above_cap, st.above_cap),
        StaffFlag::BaseMismatch => {
            let latest = f.mismatches.last().expect("flag set means non-empty");
            let bases = latest
                .bases
                .iter()
                .map(|(i, b)| format!("{} {}", (t.insurance_name)(*i), yuan(*b)))
                .collect::<Vec<_>>()
                .join(st.list_separator);
            (st.mismatch)(f.mismatches.len(), &month_label(latest.month), &bases)
        }
        StaffFlag::PartialEnrolment => (st.missing)(&insurances_list(t, &f.missing)),
        StaffFlag::Arrears => {
            let months = f.arrears_months();
            (st.arrears)(months.len(), &months_list(t, months.iter().copied()))
        }
    }
}

#[component]
fn StaffMemberView(member: StaffMember) -> impl IntoView {
    let t = tr();
    let st = t.staff;
    let m = member;
    let flags = m.findings.flags();
    let findings = if flags.is_empty() {
        view! { <p class="ok-note">{st.no_flags}</p> }.into_any()
    } else {
        flags
            .iter()
            .map(|f| {
                view! {
                    <div class="notice warn finding">
                        <p class="flag">{(st.flag)(*f)}</p>
                        <p>{finding_text(t, &m, *f)}</p>
                        <p class="muted">{(st.what_to_do)(*f)}</p>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    // One line per period, naming the insurances it covers: a job usually enrols all five at once.
    let mut grouped: Vec<(&StaffPeriod, Vec<Insurance>)> = Vec::new();
    for p in &m.periods {
        match grouped.iter_mut().find(|(g, _)| {
            (g.start_month, g.end_month, g.status) == (p.start_month, p.end_month, p.status)
        }) {
            Some((_, insurances)) => insurances.push(p.insurance),
            None => grouped.push((p, vec![p.insurance])),
        }
    }
    let periods = grouped
        .into_iter()
        .map(|(p, insurances)| {
            let end = p.end_month.map(month_label).unwrap_or_else(|| st.until_now.to_string());
            view! {
                <li>
                    <span class="period-dates">{format!("{} – {}", month_label(p.start_month), end)}</span>
                    <span>{insurances_list(t, &insurances)}</span>
                    <span class=format!("status status-{}", p.status.code())>{(t.status_name)(p.status)}</span>
                </li>
            }
        })
        .collect_view();
    let month_rows = m
        .recent_months
        .iter()
        .map(|row| {
            let cells = Insurance::ALL
                .into_iter()
                .map(|i| match row.bases.iter().find(|(x, _, _)| *x == i) {
                    Some((_, base, paid)) => view! {
                        <td class="num" class:flag={!*paid} data-label=(t.insurance_name)(i)>
                            {yuan(*base)}{(!*paid).then(|| format!(" ({})", st.unpaid))}
                        </td>
                    }
                    .into_any(),
                    None => view! { <td class="num muted" data-label=(t.insurance_name)(i)>{t.none}</td> }
                        .into_any(),
                })
                .collect_view();
            view! { <tr><th scope="row">{month_label(row.month)}</th>{cells}</tr> }
        })
        .collect_view();
    let month_heads = Insurance::ALL
        .into_iter()
        .map(|i| view! { <th scope="col">{(t.insurance_name)(i)}</th> })
        .collect_view();
    view! {
        <p><a href="/employer/staff">{st.back_to_list}</a></p>
        <h1>{m.name.clone()}</h1>
        <p class="person">
            <span class="muted">{t.masked_id}": "{m.masked_id.clone()}</span>
            <span class=if m.current { "tag tag-current" } else { "tag" }>{if m.current { st.current } else { st.former }}</span>
            <span class="muted">{m.employer.clone()}</span>
        </p>
        <p class="muted">{st.member_scope_note}</p>
        <section class="card" aria-labelledby="findings-h">
            <h2 id="findings-h">{st.findings_title}</h2>
            {findings}
        </section>
        <section class="card" aria-labelledby="enrolment-h">
            <h2 id="enrolment-h">{st.enrolment_title}</h2>
            <InsuranceTable insurances=m.insurances.clone()/>
        </section>
        <section class="card" aria-labelledby="periods-h">
            <h2 id="periods-h">{st.periods_title}</h2>
            <ol class="timeline">{periods}</ol>
        </section>
        <section class="card" aria-labelledby="months-h">
            <h2 id="months-h">{(st.months_title)(m.months_with_employer)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="months-h">
                <table class="data cards">
                    <thead><tr><th scope="col">{st.col_month}</th>{month_heads}</tr></thead>
                    <tbody>{month_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
