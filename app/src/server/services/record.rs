//! One insurance in depth (periods, paginated contributions with totals, gaps, chart, account
//! history) and the five-insurance career chart. Reads only the scope's person.

use crate::error::{AppError, FieldCode};
use crate::models::gaps::{Covered, Gap, GapKind, find_gaps};
use crate::models::home::Named;
use crate::models::insurance::{EnrolmentStatus, Insurance, Month, Scheme};
use crate::models::insurance::{month_from_index, month_index};
use crate::models::medical_continuity::{break_effect, continuous_months};
use crate::models::paging::MAX_PAGE;
use crate::models::pension::{RESIDENT_PENSION_AGE_MONTHS, minimum_contribution_months};
use crate::models::record::{
    AccountYearView, CareerOverview, CarriedIn, ChartPoint, Continuity, ContributionView,
    InsuranceRecord, PAGE_SIZE, PeriodView, RecordQuery, Totals,
};
use crate::models::retirement::{RetirementCategory, statutory_retirement};
use crate::server::auth::CitizenScope;
use crate::server::store::{
    CarriedRow, ContributionFilter, EnrolmentPeriod, FilteredTotals, HistoryRow, Store, TimelineRow,
};
use chrono::{Datelike, NaiveDate};

/// The last complete month of data an office holds on `as_of`.
pub fn data_month(as_of: chrono::NaiveDate) -> Month {
    month_from_index(month_index(as_of.year() * 100 + as_of.month() as i32) - 1)
}

fn chart_points(rows: &[TimelineRow]) -> Vec<ChartPoint> {
    rows.iter()
        .map(|r| ChartPoint {
            month: r.month,
            months_covered: r.months_covered,
            base: r.base,
            total: r.total,
            paid: r.paid != 0,
        })
        .collect()
}

fn covered(points: &[ChartPoint]) -> Vec<Covered> {
    points
        .iter()
        .map(|p| Covered {
            month: p.month,
            months: p.months_covered,
            paid: p.paid,
        })
        .collect()
}

pub fn validate_query(q: RecordQuery) -> Result<RecordQuery, AppError> {
    if q.year.is_some_and(|y| !(1990..=2100).contains(&y)) {
        return Err(AppError::field("year", FieldCode::Invalid));
    }
    if !(0..MAX_PAGE).contains(&q.page) {
        return Err(AppError::field("page", FieldCode::Invalid));
    }
    Ok(q)
}

/// The years with contributions, newest first, for the year filter.
fn years_of(chart: &[ChartPoint]) -> Vec<i32> {
    let mut years: Vec<i32> = chart.iter().map(|p| p.month / 100).collect();
    years.dedup();
    years.reverse();
    years
}

/// The employers of an insurance's periods by name, for the employer filter: every month an
/// employer paid falls in a period with it.
fn employers_of(periods: &[EnrolmentPeriod]) -> Vec<(i64, String)> {
    let mut employers: Vec<(i64, String)> = periods
        .iter()
        .filter_map(|p| Some((p.employer_id?, p.employer_name.clone()?)))
        .collect();
    employers.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    employers.dedup_by_key(|e| e.0);
    employers
}

/// What completed transfers carried into a person's relationships of one insurance.
pub fn carried_in(rows: &[CarriedRow], insurance: Insurance) -> Vec<CarriedIn> {
    rows.iter()
        .filter(|c| c.insurance == insurance)
        .map(|c| CarriedIn {
            from: Named {
                zh: c.from_zh.clone(),
                en: c.from_en.clone(),
            },
            to_region: c.to_region.clone(),
            months: c.months,
            personal_account: c.personal_account,
            on: c.carried_on,
        })
        .collect()
}

pub async fn insurance_record(
    store: &Store,
    scope: CitizenScope,
    insurance: Insurance,
    query: RecordQuery,
) -> Result<InsuranceRecord, AppError> {
    let query = validate_query(query)?;
    let mine = store.citizen(&scope);
    let filter = ContributionFilter {
        year: query.year,
        employer_id: query.employer_id,
    };
    let rows = mine
        .insurance_record_rows(insurance.code(), filter, query.page * PAGE_SIZE, PAGE_SIZE)
        .await?
        .ok_or(AppError::NotFound)?;
    let periods: Vec<_> = rows
        .periods
        .into_iter()
        .filter(|p| p.insurance == insurance)
        .collect();
    let current = periods.last();
    let office = match current {
        Some(p) => store.office_for(&p.region_code, insurance.agency()).await?,
        None => None,
    };
    // Unfiltered, the read model has the totals; a filter narrows to a year or an employer.
    let totals = if filter.year.is_none() && filter.employer_id.is_none() {
        rows.totals
            .iter()
            .find(|t| t.insurance == insurance)
            .map_or_else(FilteredTotals::default, |t| FilteredTotals {
                rows: t.contribution_rows.into(),
                months_paid: t.months_paid.into(),
                months_in_arrears: t.months_in_arrears.into(),
                employer_sum: t.employer_sum,
                personal_sum: t.personal_sum,
            })
    } else {
        mine.contributions_totals(insurance.code(), filter).await?
    };
    let chart = chart_points(&rows.timeline);
    let years = years_of(&chart);
    let employers = employers_of(&periods);
    // A suspended enrolment is a gap still running up to the latest data month.
    let open_until = match (current, &office) {
        (Some(p), Some(o)) if p.status == EnrolmentStatus::Suspended => {
            Some(data_month(o.data_as_of))
        }
        _ => None,
    };
    let gaps = find_gaps(&covered(&chart), open_until);
    let continuity = (insurance == Insurance::Medical).then(|| Continuity {
        effects: gaps
            .iter()
            .map(|g| {
                (g.kind == GapKind::NoContribution)
                    .then(|| break_effect(scheme_after(&periods, g.to), g.months))
            })
            .collect(),
        months: continuous_months(&covered(&chart), &gaps),
    });
    let minimum_months = match insurance {
        Insurance::Pension => Some(minimum_months(
            rows.birth_date,
            &rows.sex,
            rows.female_category.as_deref(),
            current,
        )),
        _ => None,
    };
    let months_paid_all = chart
        .iter()
        .filter(|p| p.paid)
        .map(|p| i64::from(p.months_covered))
        .sum();
    let accounts = if insurance.has_personal_account() {
        rows.accounts
            .into_iter()
            .map(|a| AccountYearView {
                year: a.year,
                opening: a.opening,
                credited: a.credited,
                interest: a.interest,
                withdrawn: a.withdrawn,
                closing: a.closing,
            })
            .collect()
    } else {
        Vec::new()
    };
    let carried_in = carried_in(&rows.carried, insurance);
    let periods = periods
        .into_iter()
        .map(|p| PeriodView {
            region: Named {
                zh: p.region_zh,
                en: p.region_en,
            },
            employer: p.employer_name,
            scheme: p.scheme,
            status: p.status,
            reason: p.status_reason,
            status_date: p.status_date,
            start_month: p.start_month,
            end_month: p.end_month,
        })
        .collect();
    Ok(InsuranceRecord {
        insurance,
        agency: insurance.agency(),
        office: office.as_ref().map(|o| Named {
            zh: o.name_zh.clone(),
            en: o.name_en.clone(),
        }),
        data_as_of: office.map(|o| o.data_as_of),
        periods,
        query,
        years,
        employers,
        rows: rows
            .page
            .into_iter()
            .map(|r| ContributionView {
                month: r.month,
                months_covered: r.months_covered,
                employer: r.employer_name,
                region: Named {
                    zh: r.region_zh,
                    en: r.region_en,
                },
                base: r.base,
                employer_part: r.employer_part,
                personal_part: r.personal_part,
                paid_on: r.paid_on,
            })
            .collect(),
        pages: (totals.rows + PAGE_SIZE - 1) / PAGE_SIZE,
        totals: Totals {
            months_paid: totals.months_paid,
            months_in_arrears: totals.months_in_arrears,
            employer_sum: totals.employer_sum,
            personal_sum: totals.personal_sum,
        },
        months_paid_all,
        minimum_months,
        gaps,
        continuity,
        chart,
        accounts,
        carried_in,
    })
}

/// The minimum pension contribution months of the person: employees by their statutory
/// retirement year (rising from 2030), residents 15 years (DESIGN §3).
fn minimum_months(
    birth_date: NaiveDate,
    sex: &str,
    female_category: Option<&str>,
    current: Option<&EnrolmentPeriod>,
) -> i64 {
    let scheme = current.map_or(Scheme::Employee, |p| p.scheme);
    let year = match scheme {
        Scheme::Employee => {
            let category = RetirementCategory::of(sex, female_category);
            statutory_retirement(birth_date, category).0 / 100
        }
        Scheme::Resident => birth_date.year() + RESIDENT_PENSION_AGE_MONTHS / 12,
    };
    i64::from(minimum_contribution_months(scheme, year))
}

/// The scheme a person re-enrolled in after a break ending in `month` (else the latest one's).
fn scheme_after(periods: &[EnrolmentPeriod], month: Month) -> Scheme {
    periods
        .iter()
        .filter(|p| p.start_month > month)
        .min_by_key(|p| p.start_month)
        .or_else(|| periods.iter().max_by_key(|p| p.start_month))
        .map_or(Scheme::Employee, |p| p.scheme)
}

/// Every contribution of the person, by insurance (in the order of `Insurance::ALL`) and month.
pub async fn contribution_history(
    store: &Store,
    scope: CitizenScope,
) -> Result<Vec<HistoryRow>, AppError> {
    let mut rows = store.citizen(&scope).contribution_history().await?;
    // Insurance orders as `Insurance::ALL` does.
    rows.sort_by_key(|r| (r.insurance, r.month));
    Ok(rows)
}

/// All five insurances together: contributions summed per month, and the months in which
/// nothing at all was paid.
pub async fn career_overview(
    store: &Store,
    scope: CitizenScope,
) -> Result<CareerOverview, AppError> {
    let mine = store.citizen(&scope);
    let chart = chart_points(&mine.contribution_timeline(None).await?);
    let gaps: Vec<Gap> = find_gaps(&covered(&chart), None);
    let totals = mine.record_totals().await?;
    let insurances = Insurance::ALL
        .into_iter()
        .map(|i| {
            (
                i,
                totals
                    .iter()
                    .find(|t| t.insurance == i)
                    .map_or(0, |t| t.months_paid.into()),
            )
        })
        .collect();
    Ok(CareerOverview {
        chart,
        gaps,
        insurances,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_month_is_the_last_complete_month() {
        assert_eq!(
            data_month(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
            202610
        );
        assert_eq!(
            data_month(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            202512
        );
    }

    #[test]
    fn queries_are_bounded() {
        assert!(
            validate_query(RecordQuery {
                year: Some(1850),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            validate_query(RecordQuery {
                page: -1,
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            validate_query(RecordQuery {
                year: Some(2024),
                employer_id: Some(9),
                page: 3
            })
            .is_ok()
        );
    }
}
