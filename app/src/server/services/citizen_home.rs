//! The citizen's five-insurance summary: which enrolment period is current, since when the
//! person has been continuously enrolled, and why an insurance is missing.

use crate::error::AppError;
use crate::models::filing::{FilingBrief, in_effect};
use crate::models::home::{CitizenHome, EnrolmentSummary, InsuranceSummary, Named};
use crate::models::ids::ResidentId;
use crate::models::insurance::{Insurance, Month, Scheme, add_months};
use crate::server::auth::CitizenScope;
use crate::server::store::{EnrolmentPeriod, HomeRows, Store};

/// Start of the run of back-to-back periods that ends with the last one: a change of employer
/// or region without a break keeps the person continuously enrolled.
pub fn continuous_since(periods: &[&EnrolmentPeriod]) -> Option<Month> {
    let mut since = periods.last()?.start_month;
    for pair in periods.windows(2).rev() {
        match pair[0].end_month {
            Some(end) if add_months(end, 1) >= pair[1].start_month => since = pair[0].start_month,
            _ => break,
        }
    }
    Some(since)
}

pub async fn citizen_home(
    store: &Store,
    scope: CitizenScope,
    today: chrono::NaiveDate,
) -> Result<CitizenHome, AppError> {
    let mine = store.citizen(&scope);
    let HomeRows {
        person,
        periods,
        totals,
        carried,
        filings,
        pension,
    } = mine.home_rows().await?.ok_or(AppError::NotFound)?;
    let pension = super::benefits::pension_brief(pension);
    let qualification = match pension {
        Some(_) => super::qualification::brief(&mine, today).await?,
        None => None,
    };
    let filings: Vec<FilingBrief> = filings
        .into_iter()
        .filter(|f| in_effect(f.starts_on, f.ends_on, false, today))
        .map(|f| FilingBrief {
            term: f.term,
            reference: f.reference_no,
            treatment: Named {
                zh: f.treatment_zh,
                en: f.treatment_en,
            },
            ends_on: f.ends_on,
        })
        .collect();

    // The person's scheme is that of their latest pension or medical period.
    let scheme = periods
        .iter()
        .filter(|p| matches!(p.insurance, Insurance::Pension | Insurance::Medical))
        .max_by_key(|p| p.start_month)
        .map(|p| p.scheme);

    let mut insurances = Vec::with_capacity(5);
    for insurance in Insurance::ALL {
        let own: Vec<&EnrolmentPeriod> = periods
            .iter()
            .filter(|p| p.insurance == insurance)
            .collect();
        let enrolment = match own.last() {
            None => None,
            Some(current) => {
                let office = store
                    .office_for(&current.region_code, insurance.agency())
                    .await
                    .map_err(AppError::internal)?
                    .ok_or_else(|| {
                        AppError::internal(format!("no office for region {}", current.region_code))
                    })?;
                let total = totals.iter().find(|t| t.insurance == insurance);
                Some(EnrolmentSummary {
                    status: current.status,
                    reason: current.status_reason,
                    status_date: current.status_date,
                    scheme: current.scheme,
                    region: Named {
                        zh: current.region_zh.clone(),
                        en: current.region_en.clone(),
                    },
                    employer: current.employer_name.clone(),
                    enrolled_since: continuous_since(&own).unwrap_or(current.start_month),
                    months_contributed: total.map_or(0, |t| t.months_paid.into()),
                    arrears_months: total.map_or(0, |t| t.months_in_arrears.into()),
                    latest_base: total.and_then(|t| t.latest_base),
                    last_paid_month: total.and_then(|t| t.last_paid_month),
                    account_balance: insurance
                        .has_personal_account()
                        .then(|| total.and_then(|t| t.account_closing))
                        .flatten(),
                    office: Named {
                        zh: office.name_zh,
                        en: office.name_en,
                    },
                    data_as_of: office.data_as_of,
                    carried_in: super::record::carried_in(&carried, insurance)
                        .into_iter()
                        .filter(|c| c.to_region == current.region_code)
                        .collect(),
                    filings: if insurance == Insurance::Medical {
                        filings.clone()
                    } else {
                        Vec::new()
                    },
                })
            }
        };
        insurances.push(InsuranceSummary {
            insurance,
            agency: insurance.agency(),
            not_enrolled_because_resident: enrolment.is_none()
                && scheme == Some(Scheme::Resident)
                && !insurance.open_to(Scheme::Resident),
            enrolment,
        });
    }

    let masked_id = ResidentId::parse(&person.resident_id)
        .map(|id| id.masked())
        .unwrap_or_default();
    Ok(CitizenHome {
        name: person.name,
        masked_id,
        scheme,
        insurances,
        pension,
        qualification,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::insurance::{EnrolmentStatus, StatusReason};
    use chrono::NaiveDate;

    fn period(start: Month, end: Option<Month>) -> EnrolmentPeriod {
        EnrolmentPeriod {
            insurance: Insurance::Pension,
            scheme: Scheme::Employee,
            region_code: "110100".into(),
            region_zh: String::new(),
            region_en: String::new(),
            employer_id: None,
            employer_name: None,
            start_month: start,
            end_month: end,
            status: EnrolmentStatus::Active,
            status_reason: StatusReason::NewEmployment,
            status_date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        }
    }

    #[test]
    fn continuity_spans_back_to_back_periods_and_stops_at_a_gap() {
        let a = period(201207, Some(201606));
        let b = period(201607, Some(201911)); // starts the month after a ends
        let c = period(202003, None); // three-month gap before it
        assert_eq!(continuous_since(&[&a, &b, &c]), Some(202003));
        assert_eq!(continuous_since(&[&a, &b]), Some(201207));
        assert_eq!(continuous_since(&[]), None);
    }
}
