use crate::components::error_view::ErrorView;
use crate::components::pager::pager;
use crate::error::{AppError, FieldError};
use crate::functions::employer::list_staff;
use crate::i18n::{Texts, tr};
use crate::models::insurance::{EnrolmentStatus, Insurance, month_label, yuan};
use crate::models::staff::{
    StaffFlag, StaffInsurance, StaffList, StaffQuery, StaffQueryInput, StaffRow, StaffScope,
    StaffSort,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The staff roster: `/employer/staff?q=&insurance=&status=&flag=&scope=&sort=&page=`. A plain
/// GET form filters it, so it works the same with JavaScript off.
#[component]
pub fn StaffListPage() -> impl IntoView {
    let t = tr();
    let query = use_query_map();
    let input = move || {
        let q = query.read();
        StaffQueryInput {
            q: q.get("q"),
            insurance: q.get("insurance"),
            status: q.get("status"),
            flag: q.get("flag"),
            scope: q.get("scope"),
            sort: q.get("sort"),
            page: q.get("page"),
        }
    };
    let list = Resource::new(input, |i| {
        list_staff(i.q, i.insurance, i.status, i.flag, i.scope, i.sort, i.page)
    });
    view! {
        <p><a href="/employer">{t.employer_home_title}</a></p>
        <h1>{t.staff.list_title}</h1>
        <p class="muted">{t.staff.list_intro}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let raw = input();
                match list.await {
                    Ok(l) => view! { <StaffListView list=l raw=raw/> }.into_any(),
                    // A bad search or filter keeps the form, with the error beside the field.
                    Err(AppError::Validation(fields)) => {
                        view! {
                            <Filters raw=raw errors=fields/>
                            <div class="notice error" role="alert"><p>{t.err_validation}</p></div>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn list_href(q: &StaffQuery, page: Option<i64>) -> String {
    let qs = q.to_query_string(page);
    if qs.is_empty() {
        "/employer/staff".into()
    } else {
        format!("/employer/staff?{qs}")
    }
}

#[component]
fn StaffListView(list: StaffList, raw: StaffQueryInput) -> impl IntoView {
    let t = tr();
    let st = t.staff;
    let q = list.query.clone();
    let summary_links = list
        .summary
        .by_flag
        .iter()
        .map(|(flag, n)| {
            let filtered = StaffQuery {
                flag: Some(*flag),
                scope: q.scope,
                ..Default::default()
            };
            view! {
                <li><a href=list_href(&filtered, None) class=format!("flag-chip flag-{}", flag.code())>
                    {(st.summary_flag_link)((st.flag)(*flag), *n)}
                </a></li>
            }
        })
        .collect_view();
    let legend = StaffFlag::ALL
        .into_iter()
        .map(|f| view! { <dt>{(st.flag)(f)}</dt><dd>{(st.flag_meaning)(f)}</dd> })
        .collect_view();
    let export_qs = StaffQuery {
        page: 0,
        ..q.clone()
    }
    .to_query_string(None);
    let export_href = if export_qs.is_empty() {
        "/employer/staff.csv".to_string()
    } else {
        format!("/employer/staff.csv?{export_qs}")
    };
    let rows = if list.rows.is_empty() {
        view! { <p>{st.no_results}</p> }.into_any()
    } else {
        view! {
            <ul class="staff-list" role="list">
                {list.rows.into_iter().map(|r| view! { <StaffCard row=r t=t/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let pager = pager(q.page, list.pages, |p| list_href(&q, Some(p)));
    view! {
        <section class="card" aria-labelledby="summary-h">
            <h2 id="summary-h">{st.summary_title}</h2>
            <p>{(st.summary_line)(list.query.scope, list.summary.staff, list.summary.flagged)}</p>
            <ul class="flag-summary" role="list">{summary_links}</ul>
            <details class="legend-details">
                <summary>{st.legend_title}</summary>
                <dl class="facts stacked">{legend}</dl>
            </details>
        </section>
        <Filters raw=raw errors=Vec::new()/>
        <section aria-labelledby="results-h" class="results">
            <div class="results-head">
                <h2 id="results-h">{(st.results)(list.total)}</h2>
                <p class="export">
                    <a class="button" href=export_href download="">{st.export_csv}</a>
                    <span class="hint">{st.export_hint}</span>
                </p>
            </div>
            {rows}
            {pager}
        </section>
    }
}

/// The filter form, filled from the raw query so a rejected value is shown as typed.
#[component]
fn Filters(raw: StaffQueryInput, errors: Vec<FieldError>) -> impl IntoView {
    let t = tr();
    let st = t.staff;
    let search_error = errors
        .iter()
        .find(|e| e.field == "q")
        .map(|e| t.field_error(e.code));
    let other_error = errors
        .iter()
        .find(|e| e.field != "q")
        .map(|e| t.field_error(e.code));
    let selected = |v: &Option<String>, code: &str| v.as_deref() == Some(code);
    let insurance_options = Insurance::ALL
        .into_iter()
        .map(|i| view! { <option value=i.code() selected=selected(&raw.insurance, i.code())>{(t.insurance_name)(i)}</option> })
        .collect_view();
    let status_options = EnrolmentStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=selected(&raw.status, s.code())>{(t.status_name)(s)}</option> })
        .collect_view();
    let flag_options = StaffFlag::ALL
        .into_iter()
        .map(|f| view! { <option value=f.code() selected=selected(&raw.flag, f.code())>{(st.flag)(f)}</option> })
        .collect_view();
    let scope_options = [StaffScope::Current, StaffScope::All]
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=selected(&raw.scope, s.code())>{(st.scope)(s)}</option> })
        .collect_view();
    let sort_options = StaffSort::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=selected(&raw.sort, s.code())>{(st.sort)(s)}</option> })
        .collect_view();
    let invalid = search_error.is_some().to_string();
    let describedby = if search_error.is_some() {
        "q-hint q-error"
    } else {
        "q-hint"
    };
    view! {
        <section class="card" aria-labelledby="filters-h">
            <h2 id="filters-h">{st.filters_title}</h2>
            <form method="get" action="/employer/staff" class="filters staff-filters" role="search">
                <div class="field search-field">
                    <label for="q">{st.search_label}</label>
                    <input id="q" name="q" type="search" maxlength="40" autocomplete="off"
                        value=raw.q.clone().unwrap_or_default() aria-invalid=invalid aria-describedby=describedby/>
                    <p class="hint" id="q-hint">{st.search_hint}</p>
                    {search_error.map(|e| view! { <p class="field-error" id="q-error">{e}</p> })}
                </div>
                <label>{st.insurance_label}
                    <select name="insurance"><option value="">{st.any}</option>{insurance_options}</select>
                </label>
                <label>{st.status_label}
                    <select name="status"><option value="">{st.any}</option>{status_options}</select>
                </label>
                <label>{st.flag_label}
                    <select name="flag"><option value="">{st.any}</option>{flag_options}</select>
                </label>
                <label>{st.scope_label}
                    <select name="scope">{scope_options}</select>
                </label>
                <label>{st.sort_label}
                    <select name="sort">{sort_options}</select>
                </label>
                <button type="submit" class="button primary">{st.apply}</button>
                <a href="/employer/staff" class="clear-link">{st.clear}</a>
            </form>
            {other_error.map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn StaffCard(row: StaffRow, t: &'static Texts) -> impl IntoView {
    let st = t.staff;
    let href = format!("/employer/staff/{}", row.person_id);
    let heading_id = format!("staff-{}", row.person_id);
    let employed = (st.employed)(
        &month_label(row.first_month),
        (!row.current)
            .then(|| month_label(row.last_month))
            .as_deref(),
    );
    let flags = if row.flags.is_empty() {
        view! { <p class="ok-note">{st.no_flags}</p> }.into_any()
    } else {
        view! {
            <ul class="flags" role="list">
                {row.flags.iter().map(|f| view! { <li class=format!("flag-chip flag-{}", f.code())>{(st.flag)(*f)}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let arrears = (!row.arrears.is_empty()).then(|| {
        let months: Vec<String> = row.arrears.iter().map(|m| month_label(*m)).collect();
        view! { <p class="flag">{(st.arrears_list)(&months.join(st.list_separator))}</p> }
    });
    view! {
        <li class="card staff-card">
            <h3 id=heading_id class="staff-name">
                <a href=href>
                    {row.name.clone()}
                    <span class="visually-hidden">" · "{(st.view_details)(&row.name)}</span>
                </a>
            </h3>
            <p class="muted staff-meta">
                <span>{row.masked_id.clone()}</span>
                <span class=if row.current { "tag tag-current" } else { "tag" }>{if row.current { st.current } else { st.former }}</span>
                <span>{employed}</span>
            </p>
            {flags}
            {arrears}
            <InsuranceTable insurances=row.insurances/>
        </li>
    }
}

/// Per insurance, the person's status, base, last paid month and arrears with this employer;
/// an insurance they are not enrolled in with this employer says so.
#[component]
pub fn InsuranceTable(insurances: Vec<StaffInsurance>) -> impl IntoView {
    let t = tr();
    let st = t.staff;
    let rows = Insurance::ALL
        .into_iter()
        .map(|i| match insurances.iter().find(|x| x.insurance == i) {
            Some(x) => view! {
                <tr class:arrears={x.arrears_months > 0}>
                    <th scope="row">{(t.insurance_name)(i)}</th>
                    <td class=format!("status-{}", x.status.code()) data-label=st.col_status>{(t.status_name)(x.status)}</td>
                    <td class="num" data-label=st.col_base>{x.base.map(yuan).unwrap_or_else(|| t.none.to_string())}</td>
                    <td data-label=st.col_last_paid>{x.last_paid_month.map(month_label).unwrap_or_else(|| t.none.to_string())}</td>
                    <td class="num" data-label=st.col_arrears>{x.arrears_months}</td>
                </tr>
            }
            .into_any(),
            None => view! {
                <tr class="missing">
                    <th scope="row">{(t.insurance_name)(i)}</th>
                    <td colspan="4" class="flag">{st.not_enrolled_here}</td>
                </tr>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <table class="data cards compact">
            <thead><tr>
                <th scope="col">{st.col_insurance}</th><th scope="col">{st.col_status}</th>
                <th scope="col">{st.col_base}</th><th scope="col">{st.col_last_paid}</th>
                <th scope="col">{st.col_arrears}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
