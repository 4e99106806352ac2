//! The checks an employer's roster runs on each staff member (issue: employer workspace), as
//! pure functions over the person's record with that employer. They compare enrolment,
//! declared bases and payment against each other and against the local wage band, which is
//! how one shared record exposes under-declared or hidden bases. No I/O here.

use super::local_rules::LocalRules;
use super::wages::{BaseBand, WageTable};
use crate::models::insurance::{EnrolmentStatus, Insurance, Month};
use crate::models::staff::{BaseMismatch, BaseOutOfBounds, StaffFindings, StaffInsurance};

/// An enrolment period with this employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolmentFact {
    pub insurance: Insurance,
    pub start: Month,
    pub end: Option<Month>,
    pub status: EnrolmentStatus,
}

/// One monthly contribution declared by this employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFact {
    pub insurance: Insurance,
    pub month: Month,
    pub region: String,
    pub base: i64,
    pub paid: bool,
}

/// A person's record with one employer: the input of every check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffFacts {
    pub enrolments: Vec<EnrolmentFact>,
    pub contributions: Vec<MonthFact>,
    /// The month the person reaches the statutory retirement age.
    pub retires: Option<Month>,
}

/// The roster's summary of one person with one employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterSummary {
    /// Employed now: an open, active enrolment with this employer.
    pub current: bool,
    pub first_month: Month,
    pub last_month: Month,
    pub insurances: Vec<StaffInsurance>,
    pub findings: StaffFindings,
}

impl StaffFacts {
    /// The last month the person is on record with this employer: the latest end of a closed
    /// period or declared month; an open period runs to `now`.
    pub fn last_month(&self, now: Month) -> Option<Month> {
        let enrolled = self.enrolments.iter().map(|e| e.end.unwrap_or(now));
        enrolled.chain(self.last_declared()).max()
    }

    pub fn last_declared(&self) -> Option<Month> {
        self.contributions.iter().map(|c| c.month).max()
    }

    /// The row of the latest month declared for one insurance.
    pub fn latest(&self, insurance: Insurance) -> Option<&MonthFact> {
        self.contributions
            .iter()
            .filter(|c| c.insurance == insurance)
            .max_by_key(|c| c.month)
    }
}

/// How many months each base check found: the roster's running figures (an import adds and
/// subtracts the months it changes; the flags follow from the counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonthCounts {
    pub below_floor: i32,
    pub above_cap: i32,
    pub mismatched: i32,
    /// Months with any insurance unpaid.
    pub in_arrears: i32,
}

impl MonthCounts {
    pub fn of(findings: &StaffFindings) -> Self {
        let out_of_bounds =
            |found: &[BaseOutOfBounds]| distinct_months(found.iter().map(|f| f.month));
        Self {
            below_floor: out_of_bounds(&findings.below_floor),
            above_cap: out_of_bounds(&findings.above_cap),
            mismatched: distinct_months(findings.mismatches.iter().map(|f| f.month)),
            in_arrears: findings.arrears_months().len() as i32,
        }
    }
}

impl std::ops::Add for MonthCounts {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self {
            below_floor: self.below_floor + o.below_floor,
            above_cap: self.above_cap + o.above_cap,
            mismatched: self.mismatched + o.mismatched,
            in_arrears: self.in_arrears + o.in_arrears,
        }
    }
}

impl std::ops::Sub for MonthCounts {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self {
            below_floor: self.below_floor - o.below_floor,
            above_cap: self.above_cap - o.above_cap,
            mismatched: self.mismatched - o.mismatched,
            in_arrears: self.in_arrears - o.in_arrears,
        }
    }
}

/// Distinct months of a list in month order (a month appears once per distinct base).
fn distinct_months(months: impl Iterator<Item = Month>) -> i32 {
    let mut months: Vec<Month> = months.collect();
    months.dedup();
    months.len() as i32
}

pub fn check(
    facts: &StaffFacts,
    wages: &WageTable,
    rules: &LocalRules,
    now: Month,
) -> StaffFindings {
    let mut findings = StaffFindings::default();
    // Months in order, each with its bases per insurance.
    let mut in_order: Vec<&MonthFact> = facts.contributions.iter().collect();
    in_order.sort_by_key(|c| (c.month, c.insurance));
    findings.arrears = in_order
        .iter()
        .filter(|c| !c.paid)
        .map(|c| (c.insurance, c.month))
        .collect();
    // Months come in order, so the band of the month before is nearly always this month's.
    let mut last_band: Option<(&str, i32, BaseBand)> = None;

    for declared in in_order.chunk_by(|a, b| a.month == b.month) {
        let month = declared[0].month;
        let mut bases: Vec<(Insurance, i64)> =
            declared.iter().map(|c| (c.insurance, c.base)).collect();
        bases.sort();
        // A base outside the band, once per distinct base in the month (bases differ only
        // when the month is also a mismatch).
        let mut distinct: Vec<i64> = bases.iter().map(|(_, b)| *b).collect();
        distinct.sort_unstable();
        distinct.dedup();
        for base in &distinct {
            let c = declared
                .iter()
                .find(|c| c.base == *base)
                .expect("from declared");
            let band = match last_band {
                Some((region, year, band)) if region == c.region && year == month / 100 => band,
                _ => {
                    let band = wages.band(&c.region, month / 100);
                    last_band = Some((&c.region, month / 100, band));
                    band
                }
            };
            let insurances: Vec<Insurance> = bases
                .iter()
                .filter(|(_, b)| b == base)
                .map(|(i, _)| *i)
                .collect();
            let out = |limit| BaseOutOfBounds {
                month,
                insurances: insurances.clone(),
                base: *base,
                limit,
                average_wage: band.average_wage,
                wage_year: band.wage_year,
            };
            if *base < band.floor {
                findings.below_floor.push(out(band.floor));
            } else if *base > band.cap {
                findings.above_cap.push(out(band.cap));
            }
        }
        // Bases that differ between insurances are a problem only where the place requires
        // one base for all (the usual rule; a local one may allow separate bases).
        if distinct.len() > 1 && rules.single_base(&declared[0].region) {
            findings.mismatches.push(BaseMismatch { month, bases });
        }
    }

    findings.missing = missing(facts, now);
    findings
}

/// The insurances missing in the last month declared (else on record): an employee should be
/// in all five. Not the current month: a retiree's pension stays open while the other
/// insurances ended at retirement, which is no gap.
/// Someone working past the statutory retirement age (超龄) cannot join pension,
/// unemployment, maternity or employee medical insurance; work injury insurance alone is
/// open to them (人社部发〔2016〕29号), so only its absence is a gap.
pub fn missing(facts: &StaffFacts, now: Month) -> Vec<Insurance> {
    let Some(last) = facts.last_declared().or_else(|| facts.last_month(now)) else {
        return Vec::new();
    };
    let past_age = facts.retires.is_some_and(|r| last > r);
    Insurance::ALL
        .into_iter()
        .filter(|i| !past_age || *i == Insurance::WorkInjury)
        .filter(|i| {
            !facts.enrolments.iter().any(|e| {
                e.insurance == *i && e.start <= last && e.end.is_none_or(|end| end >= last)
            })
        })
        .collect()
}

/// The roster row of a person with one employer. None when the facts are empty.
pub fn summarize(
    facts: &StaffFacts,
    wages: &WageTable,
    rules: &LocalRules,
    now: Month,
) -> Option<RosterSummary> {
    let last_month = facts.last_month(now)?;
    let first_month = facts
        .enrolments
        .iter()
        .map(|e| e.start)
        .chain(facts.contributions.iter().map(|c| c.month))
        .min()?;
    let insurances = Insurance::ALL
        .into_iter()
        .filter_map(|insurance| {
            let latest = facts
                .enrolments
                .iter()
                .filter(|e| e.insurance == insurance)
                .max_by_key(|e| e.start)?;
            let months = facts
                .contributions
                .iter()
                .filter(|c| c.insurance == insurance);
            Some(StaffInsurance {
                insurance,
                status: latest.status,
                base: facts.latest(insurance).map(|c| c.base),
                last_paid_month: months.clone().filter(|c| c.paid).map(|c| c.month).max(),
                arrears_months: months.filter(|c| !c.paid).count() as i64,
            })
        })
        .collect();
    Some(RosterSummary {
        current: facts
            .enrolments
            .iter()
            .any(|e| e.end.is_none() && e.status == EnrolmentStatus::Active),
        first_month,
        last_month,
        insurances,
        findings: check(facts, wages, rules, now),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::staff::StaffFlag;
    use crate::server::store::RegionWage;

    /// Beijing: 10,000 yuan a month in 2025, so 2026 bases must lie in 6,000..=30,000 yuan.
    fn wages() -> WageTable {
        WageTable::new(vec![RegionWage {
            region_code: "110100".into(),
            parent_code: Some("110000".into()),
            year: 2025,
            monthly_fen: 1_000_000,
        }])
    }

    fn enrolled(insurances: &[Insurance], start: Month, end: Option<Month>) -> Vec<EnrolmentFact> {
        insurances
            .iter()
            .map(|&insurance| EnrolmentFact {
                insurance,
                start,
                end,
                status: if end.is_none() {
                    EnrolmentStatus::Active
                } else {
                    EnrolmentStatus::Suspended
                },
            })
            .collect()
    }

    fn month(insurance: Insurance, month: Month, base: i64, paid: bool) -> MonthFact {
        MonthFact {
            insurance,
            month,
            region: "110100".into(),
            base,
            paid,
        }
    }

    /// Every insurance, the same base, every month paid: nothing to flag.
    fn clean(months: &[Month], base: i64) -> StaffFacts {
        StaffFacts {
            enrolments: enrolled(&Insurance::ALL, months[0], None),
            contributions: months
                .iter()
                .flat_map(|&m| Insurance::ALL.map(|i| month(i, m, base, true)))
                .collect(),
            retires: None,
        }
    }

    /// 人社部发〔2016〕29号: past the statutory age only work injury insurance is open, so a
    /// re-employed person with it alone has no gap; without it, that is the only gap.
    #[test]
    fn past_retirement_age_only_work_injury_is_expected() {
        let mut facts = clean(&[202610], 1_200_000);
        facts
            .enrolments
            .retain(|e| e.insurance == Insurance::WorkInjury);
        facts
            .contributions
            .retain(|c| c.insurance == Insurance::WorkInjury);
        facts.retires = Some(202512);
        let rules = LocalRules::default();
        assert!(check(&facts, &wages(), &rules, 202610).missing.is_empty());
        // The month of the statutory age itself is still working age.
        facts.retires = Some(202610);
        assert_eq!(check(&facts, &wages(), &rules, 202610).missing.len(), 4);
        facts.retires = Some(202512);
        facts.enrolments.clear();
        assert_eq!(
            check(&facts, &wages(), &rules, 202610).missing,
            vec![Insurance::WorkInjury]
        );
    }

    /// Differing bases are flagged where the place requires one base (the usual rule), not
    /// where its own rule allows separate ones.
    #[test]
    fn separate_bases_where_the_place_allows_them() {
        let mut facts = clean(&[202610], 1_200_000);
        for c in facts
            .contributions
            .iter_mut()
            .filter(|c| c.insurance == Insurance::Medical)
        {
            c.base = 1_000_000;
        }
        let usual = LocalRules::default();
        assert_eq!(
            check(&facts, &wages(), &usual, 202610).flags(),
            vec![StaffFlag::BaseMismatch]
        );
        let separate = LocalRules::from(vec![crate::server::store::RegionRule {
            region_code: "110100".into(),
            retroactive_filing_days: None,
            single_contribution_base: Some(false),
        }]);
        assert!(
            check(&facts, &wages(), &separate, 202610)
                .flags()
                .is_empty()
        );
    }

    #[test]
    fn a_clean_record_has_no_flags() {
        let f = check(
            &clean(&[202609, 202610], 1_200_000),
            &wages(),
            &LocalRules::default(),
            202610,
        );
        assert_eq!(f, StaffFindings::default());
        // Exactly on the floor and exactly on the cap are within the band.
        assert!(
            check(
                &clean(&[202610], 600_000),
                &wages(),
                &LocalRules::default(),
                202610
            )
            .flags()
            .is_empty()
        );
        assert!(
            check(
                &clean(&[202610], 3_000_000),
                &wages(),
                &LocalRules::default(),
                202610
            )
            .flags()
            .is_empty()
        );
    }

    #[test]
    fn bases_below_the_floor_and_above_the_cap() {
        // 5,999.99 yuan is one fen under 60% of 10,000.
        let f = check(
            &clean(&[202610], 599_999),
            &wages(),
            &LocalRules::default(),
            202610,
        );
        assert_eq!(f.flags(), vec![StaffFlag::BaseBelowFloor]);
        assert_eq!(
            f.below_floor,
            vec![BaseOutOfBounds {
                month: 202610,
                insurances: Insurance::ALL.to_vec(),
                base: 599_999,
                limit: 600_000,
                average_wage: 1_000_000,
                wage_year: 2025,
            }]
        );
        let f = check(
            &clean(&[202610], 3_000_001),
            &wages(),
            &LocalRules::default(),
            202610,
        );
        assert_eq!(f.flags(), vec![StaffFlag::BaseAboveCap]);
        assert_eq!(f.above_cap[0].limit, 3_000_000);
    }

    #[test]
    fn different_bases_in_one_month() {
        let mut facts = clean(&[202609, 202610], 1_200_000);
        // October: medical and maternity declared on 8,000 instead of 12,000 yuan.
        for c in facts.contributions.iter_mut().filter(|c| {
            c.month == 202610 && matches!(c.insurance, Insurance::Medical | Insurance::Maternity)
        }) {
            c.base = 800_000;
        }
        let f = check(&facts, &wages(), &LocalRules::default(), 202610);
        assert_eq!(f.flags(), vec![StaffFlag::BaseMismatch]);
        assert_eq!(f.mismatches.len(), 1);
        assert_eq!(f.mismatches[0].month, 202610);
        assert_eq!(
            f.mismatches[0].bases,
            vec![
                (Insurance::Pension, 1_200_000),
                (Insurance::Medical, 800_000),
                (Insurance::WorkInjury, 1_200_000),
                (Insurance::Unemployment, 1_200_000),
                (Insurance::Maternity, 800_000),
            ]
        );
    }

    #[test]
    fn a_split_base_can_also_fall_below_the_floor() {
        let mut facts = clean(&[202610], 700_000);
        for c in facts
            .contributions
            .iter_mut()
            .filter(|c| c.insurance == Insurance::Medical)
        {
            c.base = 500_000;
        }
        let f = check(&facts, &wages(), &LocalRules::default(), 202610);
        assert_eq!(
            f.flags(),
            vec![StaffFlag::BaseBelowFloor, StaffFlag::BaseMismatch]
        );
        assert_eq!(f.below_floor[0].insurances, vec![Insurance::Medical]);
    }

    #[test]
    fn missing_insurances_in_the_latest_month() {
        let mut facts = clean(&[202610], 1_200_000);
        facts
            .enrolments
            .retain(|e| !matches!(e.insurance, Insurance::Unemployment | Insurance::Maternity));
        facts
            .contributions
            .retain(|c| !matches!(c.insurance, Insurance::Unemployment | Insurance::Maternity));
        let f = check(&facts, &wages(), &LocalRules::default(), 202610);
        assert_eq!(f.flags(), vec![StaffFlag::PartialEnrolment]);
        assert_eq!(
            f.missing,
            vec![Insurance::Unemployment, Insurance::Maternity]
        );
    }

    #[test]
    fn an_insurance_that_ended_early_counts_as_missing() {
        // Left in 2026-06; unemployment insurance with this employer stopped in 2026-03.
        let mut facts = StaffFacts {
            enrolments: enrolled(&Insurance::ALL, 202601, Some(202606)),
            contributions: Vec::new(),
            retires: None,
        };
        facts.enrolments[3].end = Some(202603);
        let f = check(&facts, &wages(), &LocalRules::default(), 202610);
        assert_eq!(f.missing, vec![Insurance::Unemployment]);
    }

    #[test]
    fn a_retiree_is_not_missing_the_insurances_that_ended_at_retirement() {
        // Retired after 2026-06: pension and medical become benefits, the rest terminate.
        let mut facts = clean(&[202605, 202606], 1_200_000);
        for e in &mut facts.enrolments {
            if matches!(e.insurance, Insurance::Pension | Insurance::Medical) {
                e.status = EnrolmentStatus::ReceivingBenefits;
            } else {
                e.end = Some(202606);
                e.status = EnrolmentStatus::Terminated;
            }
        }
        let s = summarize(&facts, &wages(), &LocalRules::default(), 202610).unwrap();
        assert!(s.findings.flags().is_empty());
        assert!(!s.current);
    }

    #[test]
    fn arrears_are_listed_with_their_months() {
        let mut facts = clean(&[202608, 202609, 202610], 1_200_000);
        for c in facts.contributions.iter_mut().filter(|c| c.month >= 202609) {
            c.paid = false;
        }
        let f = check(&facts, &wages(), &LocalRules::default(), 202610);
        assert_eq!(f.flags(), vec![StaffFlag::Arrears]);
        assert_eq!(f.arrears.len(), 10);
        assert_eq!(f.arrears_months(), vec![202609, 202610]);
    }

    #[test]
    fn summary_per_insurance() {
        let mut facts = clean(&[202608, 202609, 202610], 1_200_000);
        for c in facts.contributions.iter_mut().filter(|c| c.month == 202610) {
            c.paid = false;
        }
        let s = summarize(&facts, &wages(), &LocalRules::default(), 202610).unwrap();
        assert!(s.current);
        assert_eq!((s.first_month, s.last_month), (202608, 202610));
        assert_eq!(s.insurances.len(), 5);
        assert_eq!(
            s.insurances[0],
            StaffInsurance {
                insurance: Insurance::Pension,
                status: EnrolmentStatus::Active,
                base: Some(1_200_000),
                last_paid_month: Some(202609),
                arrears_months: 1,
            }
        );
        assert!(
            summarize(
                &StaffFacts::default(),
                &wages(),
                &LocalRules::default(),
                202610
            )
            .is_none()
        );
    }
}
