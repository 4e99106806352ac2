//! Turns a person's working life into the records an insurance system holds: enrolment periods
//! per insurance, monthly contributions at the DESIGN §3 rates on bases bounded by 60%–300% of
//! the previous year's local average wage, and personal account years consistent with them.

use app::models::benefits::{
    Bank, EmployeeAward, Payee, RETIREE_MEDICAL_CREDIT, payment_history, resident_parts,
};
use app::models::insurance::{EnrolmentStatus, Insurance, Month, Scheme, StatusReason};
use app::models::insurance::{add_months, month_from_index, month_index};
use app::models::pension::{province_of, scheme_payout_months};
use app::server::services::wages::WageTable;
use app::server::store::{
    ContributionFactRow, EnrolmentFactRow, NewAccountYear, NewContribution, NewEnrolment,
    NewMedicalCredit, NewPension,
};
use chrono::NaiveDate;
use rand::Rng;
use std::collections::HashMap;

/// Monthly contribution records start in 1998, when the personal-account system was unified
/// (国发〔1997〕26号); earlier service counts as deemed contribution and has no monthly rows.
pub const FIRST_RECORDED_MONTH: Month = 199801;

/// A declaration problem the seed plants in a job, so the employer's staff checks have real
/// cases to find (issue: employer workspace). Arrears come from `Job::unpaid_tail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anomaly {
    /// Declared on half the local average wage, under the 60% floor.
    BaseBelowFloor,
    /// Declared on 3.5 times it, over the 300% cap.
    BaseAboveCap,
    /// Medical and maternity declared on 70% of the base the other insurances use.
    SplitBase,
    /// Never enrolled in unemployment and maternity insurance.
    PartialEnrolment,
}

/// The declared base for `year`: the person's index times last year's average wage, within
/// the 60%–300% band, in whole yuan (unless the job carries a base anomaly).
pub fn declared_base(
    wages: &WageTable,
    city: &str,
    year: i32,
    index: f64,
    anomaly: Option<Anomaly>,
) -> i64 {
    let band = wages.band(city, year);
    let avg = band.average_wage as f64;
    let whole_yuan = |fen: f64| (fen / 100.0).round() as i64 * 100;
    match anomaly {
        Some(Anomaly::BaseBelowFloor) => whole_yuan(avg * 0.5),
        Some(Anomaly::BaseAboveCap) => whole_yuan(avg * 3.5),
        _ => whole_yuan(avg * index).clamp((band.floor + 99) / 100 * 100, band.cap / 100 * 100),
    }
}

#[derive(Clone, Debug)]
pub struct Job {
    pub employer_id: i64,
    pub region: String,
    pub risk_class: i32,
    pub start: Month,
    /// Last month worked; None while the job is current.
    pub end: Option<Month>,
    /// Months at the end of the job left unpaid (arrears).
    pub unpaid_tail: i32,
    pub anomaly: Option<Anomaly>,
}

pub enum Plan {
    Employee {
        jobs: Vec<Job>,
        base_index: f64,
        retired_at: Option<Month>,
        /// Service before 1998 (no monthly rows), counted as contribution at retirement.
        deemed_months: i64,
    },
    Resident {
        region: String,
        pension_from: Month,
        medical_from: Month,
        retired_at: Option<Month>,
        grade_fen: i64,
    },
}

#[derive(Default)]
pub struct Records {
    pub enrolments: Vec<NewEnrolment>,
    pub contributions: Vec<NewContribution>,
    pub account_years: Vec<NewAccountYear>,
    pub pensions: Vec<NewPension>,
    pub medical_credits: Vec<NewMedicalCredit>,
}

impl Records {
    /// The rows with an employer, as the staff roster reads them from the store.
    pub fn with_employers(&self) -> (Vec<EnrolmentFactRow>, Vec<ContributionFactRow>) {
        let enrolments = self
            .enrolments
            .iter()
            .filter_map(|e| {
                Some(EnrolmentFactRow {
                    employer_id: e.employer_id?,
                    person_id: e.person_id,
                    insurance: e.insurance,
                    start_month: e.start_month,
                    end_month: e.end_month,
                    status: e.status,
                })
            })
            .collect();
        let contributions = self
            .contributions
            .iter()
            .filter_map(ContributionFactRow::of)
            .collect();
        (enrolments, contributions)
    }
}

/// 记账利率 of the pension personal account (per cent); before 2016 it followed bank deposit
/// rates, modelled here as 3%. The current year earns its interest at year end.
fn pension_interest_bp(year: i32) -> i64 {
    match year {
        2016 => 831,
        2017 => 712,
        2018 => 829,
        2019 => 761,
        2020 => 604,
        2021 => 669,
        2022 => 612,
        2023 => 397,
        2024 => 262,
        2025 => 250,
        y if y < 2016 => 300,
        _ => 0,
    }
}

fn month_date(m: Month, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(m / 100, (m % 100) as u32, day).expect("valid month")
}

pub fn build(
    person_id: i64,
    plan: &Plan,
    wages: &WageTable,
    now: Month,
    retire_age_months: i32,
    rng: &mut impl Rng,
) -> Records {
    let mut out = Records::default();
    let (retired_at, employee_scheme) = match plan {
        Plan::Employee {
            jobs,
            base_index,
            retired_at,
            ..
        } => {
            employee(
                person_id,
                jobs,
                *base_index,
                *retired_at,
                wages,
                now,
                &mut out,
            );
            (*retired_at, true)
        }
        Plan::Resident {
            region,
            pension_from,
            medical_from,
            retired_at,
            grade_fen,
        } => {
            resident(
                person_id,
                region,
                *pension_from,
                *medical_from,
                *retired_at,
                *grade_fen,
                now,
                &mut out,
            );
            (*retired_at, false)
        }
    };
    let account_at_retirement = accounts(
        person_id,
        &out.contributions,
        retired_at,
        retire_age_months,
        now,
        employee_scheme,
        rng,
        &mut out.account_years,
    );
    if let Some(retired_at) = retired_at {
        pension(
            person_id,
            plan,
            Retirement {
                month: retired_at,
                age_months: retire_age_months,
                account_balance: account_at_retirement.unwrap_or(0),
            },
            wages,
            now,
            &mut out,
        );
    }
    out
}

struct Retirement {
    /// The last month before the pension.
    month: Month,
    age_months: i32,
    account_balance: i64,
}

/// The pension awarded at retirement by the estimate's rules, its yearly adjustments and every
/// monthly payment up to `now`; a retired employee's medical account credit.
fn pension(
    person_id: i64,
    plan: &Plan,
    retired: Retirement,
    wages: &WageTable,
    now: Month,
    out: &mut Records,
) {
    let first_month = add_months(retired.month, 1);
    let awarded_on = month_date(retired.month, 20);
    let (scheme, region, parts) = match plan {
        Plan::Employee {
            jobs,
            deemed_months,
            ..
        } => {
            let Some(last) = jobs.last() else { return };
            let (mut months, mut index_sum) = (0i64, 0f64);
            for c in out
                .contributions
                .iter()
                .filter(|c| c.insurance == Insurance::Pension && c.paid_on.is_some())
            {
                months += i64::from(c.months_covered);
                let wage = wages.get(&c.region_code, c.month / 100 - 1);
                index_sum += c.base as f64 / wage as f64 * f64::from(c.months_covered);
            }
            let index_milli = if months > 0 {
                (index_sum / months as f64 * 1000.0).round() as i64
            } else {
                1000
            };
            let parts = EmployeeAward {
                average_wage: wages.get(&province_of(&last.region), retired.month / 100 - 1),
                index_milli,
                paid_months: months,
                deemed_months: *deemed_months,
                account_balance: retired.account_balance,
                age_months: retired.age_months,
            }
            .parts();
            out.medical_credits.push(NewMedicalCredit {
                person_id,
                region_code: last.region.clone(),
                since_month: first_month,
                monthly: RETIREE_MEDICAL_CREDIT,
            });
            (Scheme::Employee, last.region.clone(), parts)
        }
        Plan::Resident { region, .. } => (
            Scheme::Resident,
            region.clone(),
            resident_parts(first_month, retired.account_balance),
        ),
    };
    let (amounts, payments) = payment_history(scheme, first_month, parts, awarded_on, now);
    out.pensions.push(NewPension {
        person_id,
        scheme,
        region_code: region,
        first_month,
        awarded_on,
        amounts,
        payments,
        // A bank and account digits fixed by the person, so reseeding gives the same.
        payee: Payee {
            bank: Bank::ALL[person_id as usize % Bank::ALL.len()],
            last4: format!("{:04}", person_id * 7919 % 10_000),
        },
    });
}

fn employee(
    person_id: i64,
    jobs: &[Job],
    index: f64,
    retired_at: Option<Month>,
    wages: &WageTable,
    now: Month,
    out: &mut Records,
) {
    for (n, job) in jobs.iter().enumerate() {
        let last_job = n + 1 == jobs.len();
        let end = job.end.unwrap_or(now);
        let insurances: Vec<Insurance> = Insurance::ALL
            .into_iter()
            .filter(|i| {
                job.anomaly != Some(Anomaly::PartialEnrolment)
                    || !matches!(i, Insurance::Unemployment | Insurance::Maternity)
            })
            .collect();
        for &insurance in &insurances {
            let (status, reason, status_date, end_month) = match (job.end, retired_at, last_job) {
                (_, Some(r), true)
                    if matches!(insurance, Insurance::Pension | Insurance::Medical) =>
                {
                    (
                        EnrolmentStatus::ReceivingBenefits,
                        StatusReason::Retired,
                        month_date(add_months(r, 1), 1),
                        None,
                    )
                }
                (_, Some(r), true) => (
                    EnrolmentStatus::Terminated,
                    StatusReason::Retired,
                    month_date(add_months(r, 1), 1),
                    Some(end),
                ),
                (None, _, _) => (
                    EnrolmentStatus::Active,
                    StatusReason::NewEmployment,
                    month_date(job.start, 1),
                    None,
                ),
                (Some(e), _, _) => (
                    EnrolmentStatus::Suspended,
                    StatusReason::LeftEmployer,
                    month_date(add_months(e, 1), 1),
                    Some(e),
                ),
            };
            out.enrolments.push(NewEnrolment {
                person_id,
                insurance,
                scheme: Scheme::Employee,
                region_code: job.region.clone(),
                employer_id: Some(job.employer_id),
                start_month: job.start,
                end_month,
                status,
                status_reason: reason,
                status_date,
            });
        }
        let mut m = job.start;
        let unpaid_from = month_from_index(month_index(end) - job.unpaid_tail + 1);
        while m <= end {
            let base = declared_base(wages, &job.region, m / 100, index, job.anomaly);
            let paid_on = (m < unpaid_from).then(|| month_date(add_months(m, 1), 15));
            for &insurance in &insurances {
                let base = match (job.anomaly, insurance) {
                    (Some(Anomaly::SplitBase), Insurance::Medical | Insurance::Maternity) => {
                        base * 7 / 1000 * 100
                    }
                    _ => base,
                };
                let (er, pr) = insurance.employee_rates_bp(job.risk_class as u8);
                out.contributions.push(NewContribution {
                    person_id,
                    insurance,
                    month: m,
                    months_covered: 1,
                    employer_id: Some(job.employer_id),
                    region_code: job.region.clone(),
                    base,
                    employer_part: base * er / 10_000,
                    personal_part: base * pr / 10_000,
                    paid_on,
                });
            }
            m = add_months(m, 1);
        }
    }
}

/// Residents pay once a year: pension at a chosen grade (personal part) plus a government
/// subsidy (recorded as the employer part), and a flat medical premium. There is no base.
#[allow(clippy::too_many_arguments)]
fn resident(
    person_id: i64,
    region: &str,
    pension_from: Month,
    medical_from: Month,
    retired_at: Option<Month>,
    grade: i64,
    now: Month,
    out: &mut Records,
) {
    for (insurance, from) in [
        (Insurance::Pension, pension_from),
        (Insurance::Medical, medical_from),
    ] {
        let (status, reason, date) = match retired_at {
            Some(r) if insurance == Insurance::Pension => (
                EnrolmentStatus::ReceivingBenefits,
                StatusReason::Retired,
                month_date(add_months(r, 1), 1),
            ),
            _ => (
                EnrolmentStatus::Active,
                StatusReason::ResidentEnrolment,
                month_date(from, 1),
            ),
        };
        out.enrolments.push(NewEnrolment {
            person_id,
            insurance,
            scheme: Scheme::Resident,
            region_code: region.into(),
            employer_id: None,
            start_month: from,
            end_month: None,
            status,
            status_reason: reason,
            status_date: date,
        });
        let last_year = match (insurance, retired_at) {
            (Insurance::Pension, Some(r)) => r / 100 - 1,
            _ => now / 100,
        };
        for year in from / 100..=last_year {
            let (personal, subsidy) = match insurance {
                Insurance::Pension => (grade, 3_000 + grade / 10),
                // Resident medical premium, yuan per year: 2008 ≈ 20 rising to 400 in 2025.
                _ => ((2_000 + (year - 2008).max(0) as i64 * 2_200).min(40_000), 0),
            };
            out.contributions.push(NewContribution {
                person_id,
                insurance,
                month: year * 100 + 1,
                months_covered: 12,
                employer_id: None,
                region_code: region.into(),
                base: 0,
                employer_part: subsidy,
                personal_part: personal,
                paid_on: Some(NaiveDate::from_ymd_opt(year - 1, 12, 20).expect("valid date")),
            });
        }
    }
}

/// Yearly personal-account movements. Pension: personal contributions (and, for residents, the
/// subsidy) credited, interest on the opening balance, payouts after retirement (returns the
/// balance at retirement, which the payouts divide). Employee
/// medical: the 2% personal part plus, before the 2023 reform, 30% of the employer part;
/// spending withdrawn at random. Resident medical insurance has no personal account.
#[allow(clippy::too_many_arguments)]
fn accounts(
    person_id: i64,
    contributions: &[NewContribution],
    retired_at: Option<Month>,
    retire_age_months: i32,
    now: Month,
    employee: bool,
    rng: &mut impl Rng,
    out: &mut Vec<NewAccountYear>,
) -> Option<i64> {
    let mut at_retirement = None;
    let mut credited: HashMap<(Insurance, i32), i64> = HashMap::new();
    for c in contributions.iter().filter(|c| c.paid_on.is_some()) {
        let amount = match c.insurance {
            Insurance::Pension if employee => c.personal_part,
            Insurance::Pension => c.personal_part + c.employer_part,
            Insurance::Medical if employee => {
                c.personal_part
                    + if c.month < 202301 {
                        c.employer_part * 3 / 10
                    } else {
                        0
                    }
            }
            _ => continue,
        };
        *credited.entry((c.insurance, c.month / 100)).or_default() += amount;
    }
    let kinds: &[Insurance] = if employee {
        &[Insurance::Pension, Insurance::Medical]
    } else {
        &[Insurance::Pension]
    };
    for &kind in kinds {
        let Some(first) = credited
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, y)| *y)
            .min()
        else {
            continue;
        };
        let mut balance = 0i64;
        let mut monthly_payout = 0i64;
        for year in first..=now / 100 {
            let opening = balance;
            let mut add = credited.get(&(kind, year)).copied().unwrap_or(0);
            let interest = if kind == Insurance::Pension {
                opening * pension_interest_bp(year) / 10_000
            } else {
                0
            };
            let retired_months = retired_at.map_or(0, |r| {
                let from = month_index(add_months(r, 1)).max(year * 12);
                let to = month_index(now).min(year * 12 + 11);
                (to - from + 1).max(0) as i64
            });
            let withdrawn = match kind {
                Insurance::Pension => {
                    if retired_months > 0 && at_retirement.is_none() {
                        at_retirement = Some(opening + add + interest);
                        monthly_payout = (opening + add + interest)
                            / scheme_payout_months(
                                if employee {
                                    Scheme::Employee
                                } else {
                                    Scheme::Resident
                                },
                                retire_age_months,
                            );
                    }
                    (monthly_payout * retired_months).min(opening + add + interest)
                }
                _ => {
                    // Retired employees are credited a fixed monthly amount from the pool.
                    add += retired_months * RETIREE_MEDICAL_CREDIT;
                    (opening + add) * rng.gen_range(0..70) / 100
                }
            };
            balance = opening + add + interest - withdrawn;
            out.push(NewAccountYear {
                person_id,
                insurance: kind,
                year,
                opening,
                credited: add,
                interest,
                withdrawn,
                closing: balance,
            });
        }
    }
    at_retirement
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::server::store::RegionWage;
    use rand::SeedableRng;

    fn wages() -> WageTable {
        WageTable::new(
            (2000..2027)
                .map(|y| RegionWage {
                    region_code: "110000".into(),
                    parent_code: None,
                    year: y,
                    monthly_fen: 1_000_000,
                })
                .collect(),
        )
    }

    #[test]
    fn bases_are_bounded_by_60_and_300_percent() {
        let w = wages();
        let base = |index, anomaly| declared_base(&w, "110100", 2024, index, anomaly);
        assert_eq!(base(0.3, None), 600_000);
        assert_eq!(base(5.0, None), 3_000_000);
        assert_eq!(base(1.234_56, None), 1_234_600);
        assert_eq!(base(1.0, Some(Anomaly::BaseBelowFloor)), 500_000);
        assert_eq!(base(1.0, Some(Anomaly::BaseAboveCap)), 3_500_000);
    }

    #[test]
    fn contributions_accounts_and_arrears_agree() {
        let job = Job {
            employer_id: 1,
            region: "110100".into(),
            risk_class: 1,
            start: 202401,
            end: None,
            unpaid_tail: 2,
            anomaly: None,
        };
        let plan = Plan::Employee {
            jobs: vec![job],
            base_index: 1.0,
            retired_at: None,
            deemed_months: 0,
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let r = build(7, &plan, &wages(), 202412, 60, &mut rng);
        assert_eq!(r.enrolments.len(), 5);
        assert_eq!(r.contributions.len(), 12 * 5);
        let pension: Vec<_> = r
            .contributions
            .iter()
            .filter(|c| c.insurance == Insurance::Pension)
            .collect();
        assert_eq!(pension[0].employer_part, 160_000);
        assert_eq!(pension[0].personal_part, 80_000);
        assert_eq!(pension.iter().filter(|c| c.paid_on.is_none()).count(), 2);
        let acct = r
            .account_years
            .iter()
            .find(|a| a.insurance == Insurance::Pension)
            .unwrap();
        // Ten paid months of 8% of 10,000 yuan; the current year earns no interest yet.
        assert_eq!(acct.credited, 10 * 80_000);
        assert_eq!(
            acct.closing,
            acct.opening + acct.credited + acct.interest - acct.withdrawn
        );
    }
}
