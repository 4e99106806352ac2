//! The basic pension estimate (养老金测算) by DESIGN §3: statutory retirement under the 2025
//! reform, the contribution index from the person's own bases and the wages that bounded them,
//! the projected personal account, and the predicted paying place. Everything it leaves out is
//! listed on the page.

use super::record::data_month;
use crate::error::{AppError, FieldCode};
use crate::models::home::Named;
use crate::models::insurance::{Agency, EnrolmentStatus, Insurance, Scheme};
use crate::models::insurance::{Month, add_months, month_from_index, month_index, month_of};
use crate::models::pension::{
    Insured, RESIDENT_PENSION_AGE_MONTHS, RULES_VERSION, basic_pension,
    minimum_contribution_months, months_by_province, paying_place, scheme_payout_months,
};
use crate::models::record::{EstimateAssumptions, PensionEstimate};
use crate::models::retirement::{RetirementCategory, flexible_offsets, statutory_retirement};
use crate::server::auth::CitizenScope;
use crate::server::store::Store;
use std::collections::HashMap;

/// Account interest assumed for future years (the 2024 记账利率, 2.62%).
pub const ASSUMED_ACCOUNT_INTEREST: f64 = 0.0262;
/// The national minimum basic pension of the resident scheme from 2025, fen per month.
pub const RESIDENT_MINIMUM_BASIC: i64 = 14_300;
pub const DEFAULT_WAGE_GROWTH: f64 = 4.0;

/// A wage series projected forward at `growth` per cent a year past its last known year.
struct WageSeries(Vec<(i32, i64)>);

impl WageSeries {
    fn get(&self, year: i32, growth: f64) -> i64 {
        if let Some((_, w)) = self.0.iter().find(|(y, _)| *y == year) {
            return *w;
        }
        let (last_year, last) = self.0.last().copied().unwrap_or((year, 800_000));
        let (first_year, first) = self.0.first().copied().unwrap_or((year, 800_000));
        if year < first_year {
            return first;
        }
        (last as f64 * (1.0 + growth / 100.0).powi(year - last_year)) as i64
    }
}

pub fn validate(a: EstimateAssumptions, offsets: &[i32]) -> Result<EstimateAssumptions, AppError> {
    let mut errors = Vec::new();
    if !(0.6..=3.0).contains(&a.future_index) || a.future_index.is_nan() {
        errors.push(crate::error::FieldError {
            field: "index".into(),
            code: FieldCode::Invalid,
        });
    }
    if !(0.0..=10.0).contains(&a.wage_growth) || a.wage_growth.is_nan() {
        errors.push(crate::error::FieldError {
            field: "growth".into(),
            code: FieldCode::Invalid,
        });
    }
    if !offsets.contains(&a.offset_months) {
        errors.push(crate::error::FieldError {
            field: "offset".into(),
            code: FieldCode::Invalid,
        });
    }
    if errors.is_empty() {
        Ok(a)
    } else {
        Err(AppError::Validation(errors))
    }
}

pub async fn pension_estimate(
    store: &Store,
    scope: CitizenScope,
    future_index: Option<f64>,
    wage_growth: Option<f64>,
    offset_months: Option<i32>,
) -> Result<PensionEstimate, AppError> {
    let mine = store.citizen(&scope);
    let profile = mine.person_profile().await?.ok_or(AppError::NotFound)?;
    let periods = mine.enrolment_periods().await?;
    let pension_period = periods.iter().rfind(|p| p.insurance == Insurance::Pension);
    let scheme = pension_period.map_or(Scheme::Resident, |p| p.scheme);
    let status = pension_period.map(|p| p.status);
    let category = RetirementCategory::of(&profile.sex, profile.female_category.as_deref());
    let birth = profile.birth_date;
    let birth_month = month_of(&birth);
    let (statutory_month, statutory_age) = match scheme {
        Scheme::Employee => statutory_retirement(birth, category),
        Scheme::Resident => (
            add_months(birth_month, RESIDENT_PENSION_AGE_MONTHS),
            RESIDENT_PENSION_AGE_MONTHS,
        ),
    };
    let as_of = match pension_period {
        Some(p) => store
            .office_for(&p.region_code, Agency::HumanResources)
            .await?
            .map(|o| o.data_as_of),
        None => None,
    };
    let now_month = as_of.map(data_month).unwrap_or(statutory_month);

    // Contribution index so far: each paid month's base over the wage that bounded it.
    let rows = mine.pension_contributions().await?;
    let mut wages: HashMap<String, WageSeries> = HashMap::new();
    let (mut months_so_far, mut index_sum) = (0i64, 0f64);
    for r in rows.iter().filter(|r| r.paid != 0) {
        if !wages.contains_key(&r.region_code) {
            wages.insert(
                r.region_code.clone(),
                WageSeries(store.wage_series(&r.region_code).await?),
            );
        }
        let wage = wages[&r.region_code].get(r.month / 100 - 1, DEFAULT_WAGE_GROWTH);
        let months = i64::from(r.months_covered);
        months_so_far += months;
        if r.base > 0 && wage > 0 {
            index_sum += r.base as f64 / wage as f64 * months as f64;
        }
    }
    let average_index_so_far = if months_so_far > 0 {
        index_sum / months_so_far as f64
    } else {
        1.0
    };

    // Future contributions only while the pension enrolment is active, up to retirement.
    let contributing = status == Some(EnrolmentStatus::Active);
    let first_future = month_index(now_month) + 1;
    let months_until = |retirement: Month| -> i64 {
        if contributing {
            i64::from((month_index(retirement) - first_future).max(0))
        } else {
            0
        }
    };
    // Earlier retirement needs the minimum years met by then; residents have no flexible range.
    let offsets: Vec<i32> = match scheme {
        Scheme::Employee => flexible_offsets(category, statutory_age)
            .filter(|&o| {
                let at = add_months(statutory_month, o);
                o >= 0
                    || months_so_far + months_until(at)
                        >= i64::from(minimum_contribution_months(scheme, at / 100))
            })
            .collect(),
        Scheme::Resident => vec![0],
    };
    let assumptions = validate(
        EstimateAssumptions {
            future_index: future_index
                .unwrap_or((average_index_so_far.clamp(0.6, 3.0) * 10.0).round() / 10.0),
            wage_growth: wage_growth.unwrap_or(DEFAULT_WAGE_GROWTH),
            offset_months: offset_months.unwrap_or(0),
        },
        &offsets,
    )?;
    let growth = assumptions.wage_growth;
    let retirement_month = add_months(statutory_month, assumptions.offset_months);
    let retirement_age_months = statutory_age + assumptions.offset_months;

    // The paying-place rule is the employees' (国办发〔2009〕66号); a resident's pension is paid
    // where the resident is insured.
    let predicted = match scheme {
        Scheme::Employee => paying_place(
            &profile.hukou_region,
            Insured {
                birth_month,
                male: category == RetirementCategory::Man,
            },
            &months_by_province(
                rows.iter()
                    .filter(|r| r.paid != 0)
                    .map(|r| (r.region_code.as_str(), r.month, i64::from(r.months_covered))),
            ),
        ),
        Scheme::Resident => None,
    };
    let paying_place = match &predicted {
        Some((code, rule)) => store
            .region_names(code)
            .await?
            .map(|(zh, en)| (Named { zh, en }, *rule)),
        None => None,
    };

    let last_future = month_index(retirement_month) - 1;
    let months_future = months_until(retirement_month);
    let total_months = months_so_far + months_future;
    let average_index = if total_months > 0 {
        (average_index_so_far * months_so_far as f64
            + assumptions.future_index * months_future as f64)
            / total_months as f64
    } else {
        average_index_so_far
    };

    // Personal account: today's balance, then 8% of each future base, with yearly interest.
    let account_now = mine
        .account_balances()
        .await?
        .into_iter()
        .find(|b| b.insurance == Insurance::Pension)
        .map_or(0, |b| b.closing);
    // The current place's series was usually loaded for the index above already.
    let local = match pension_period {
        Some(p) => match wages.remove(&p.region_code) {
            Some(series) => series,
            None => WageSeries(store.wage_series(&p.region_code).await?),
        },
        None => WageSeries(Vec::new()),
    };
    // A resident keeps paying what they paid lately: the mean credit of their last three years.
    let resident_yearly_credit = if scheme == Scheme::Resident {
        let history = mine.account_history(Insurance::Pension.code()).await?;
        let recent: Vec<i64> = history.iter().rev().take(3).map(|a| a.credited).collect();
        recent.iter().sum::<i64>() / (recent.len() as i64).max(1)
    } else {
        0
    };
    let mut balance = account_now as f64;
    if contributing {
        for i in first_future..=last_future {
            let m = month_from_index(i);
            let base = assumptions.future_index * local.get(m / 100 - 1, growth) as f64;
            balance += match scheme {
                Scheme::Employee => base * 0.08,
                Scheme::Resident => resident_yearly_credit as f64 / 12.0,
            };
            if m % 100 == 12 {
                balance *= 1.0 + ASSUMED_ACCOUNT_INTEREST;
            }
        }
    }
    let account_at_retirement = balance as i64;
    let paying_province = predicted
        .as_ref()
        .map_or("110000", |(province, _)| province.as_str());
    let wage_at_retirement = WageSeries(store.wage_series(paying_province).await?)
        .get(retirement_month / 100 - 1, growth);
    let payout_months = scheme_payout_months(scheme, retirement_age_months);
    let basic_part = match scheme {
        Scheme::Employee => basic_pension(
            wage_at_retirement,
            (average_index * 1000.0).round() as i64,
            total_months,
        ),
        Scheme::Resident => RESIDENT_MINIMUM_BASIC,
    };
    let minimum_months = minimum_contribution_months(scheme, retirement_month / 100);
    Ok(PensionEstimate {
        rules_version: RULES_VERSION.into(),
        scheme,
        birth_date: profile.birth_date,
        statutory_month,
        statutory_age_months: statutory_age,
        offsets,
        assumptions,
        retirement_month,
        retirement_age_months,
        minimum_months,
        months_so_far,
        months_future,
        average_index_so_far,
        average_index,
        wage_at_retirement,
        account_now,
        account_at_retirement,
        payout_months,
        basic_part,
        account_part: account_at_retirement / payout_months,
        eligible: total_months >= i64::from(minimum_months),
        paying_place,
        already_retired: status == Some(EnrolmentStatus::ReceivingBenefits),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wage_series_projects_forward_and_clamps_backward() {
        let s = WageSeries(vec![(2024, 1_000_000), (2025, 1_050_000)]);
        assert_eq!(s.get(2025, 4.0), 1_050_000);
        assert_eq!(s.get(2027, 10.0), 1_270_500);
        assert_eq!(s.get(2000, 4.0), 1_000_000);
    }

    #[test]
    fn assumptions_are_validated() {
        let ok = EstimateAssumptions {
            future_index: 1.0,
            wage_growth: 4.0,
            offset_months: 0,
        };
        assert!(validate(ok, &[0]).is_ok());
        let bad = EstimateAssumptions {
            future_index: 5.0,
            wage_growth: -1.0,
            offset_months: 7,
        };
        match validate(bad, &[0, 12]) {
            Err(AppError::Validation(f)) => assert_eq!(f.len(), 3),
            other => panic!("{other:?}"),
        }
    }
}
