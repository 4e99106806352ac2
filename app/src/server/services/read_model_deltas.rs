//! The differences an import's changed months make to the read models (the employers' rosters
//! and the record totals), so that an import updates them instead of rebuilding each changed
//! person from the whole career. Each changed month is checked whole, before and after, by the
//! checks a rebuild runs (`staff_checks::check`), so the figures come out as a rebuild's would.
//! A change no difference expresses goes to a rebuild: a month that left an employer (its
//! first or last month could move back) or a paid month declared unpaid (so could the last
//! paid month); the store adds a roster row or record total that does not exist yet. No I/O
//! here.

use super::local_rules::LocalRules;
use super::staff_checks::{self, EnrolmentFact, MonthCounts, StaffFacts};
use super::staff_roster::{enrolment_fact, month_fact, retirement_months};
use super::wages::WageTable;
use crate::models::insurance::{Insurance, Month};
use crate::server::store::{
    ContributionFactRow, Deltas, EnrolmentFactRow, MonthChange, NewContribution, PersonAgeRow,
    PersonChange, RosterDelta, RosterInsuranceDelta, TotalsDelta,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the base checks compare against, and the month a rebuild would take as now.
pub struct Context<'a> {
    pub wages: &'a WageTable,
    pub rules: &'a LocalRules,
    pub now: Month,
}

pub fn deltas(
    changes: &[PersonChange],
    enrolments: &[EnrolmentFactRow],
    ages: &[PersonAgeRow],
    cx: &Context,
) -> Deltas {
    let retires = retirement_months(ages);
    let mut enrolled: HashMap<(i64, i64), Vec<EnrolmentFact>> = HashMap::new();
    for e in enrolments {
        enrolled
            .entry((e.employer_id, e.person_id))
            .or_default()
            .push(enrolment_fact(e));
    }
    let mut out = Deltas::default();
    for change in changes {
        let person = Person {
            id: change.person_id,
            enrolled: &enrolled,
            retires: retires.get(&change.person_id).copied(),
        };
        match person.deltas(&change.months, cx) {
            Some(d) => {
                out.roster.extend(d.roster);
                out.roster_insurances.extend(d.roster_insurances);
                out.totals.extend(d.totals);
            }
            None => out.rebuild.push(change.person_id),
        }
    }
    out
}

struct Person<'a> {
    id: i64,
    enrolled: &'a HashMap<(i64, i64), Vec<EnrolmentFact>>,
    retires: Option<Month>,
}

/// A roster row's differences while the months are added up.
struct Pair {
    counts: MonthCounts,
    first: Month,
    last: Month,
    /// The rows with the employer in `last`, after the change.
    latest: Vec<NewContribution>,
    insurances: BTreeMap<Insurance, RosterInsuranceDelta>,
}

impl Person<'_> {
    fn deltas(&self, months: &[MonthChange], cx: &Context) -> Option<Deltas> {
        let mut totals: BTreeMap<Insurance, TotalsDelta> = BTreeMap::new();
        let mut pairs: BTreeMap<i64, Pair> = BTreeMap::new();
        for m in months {
            let mut employers = BTreeSet::new();
            for insurance in Insurance::ALL {
                let of = |rows: &'_ [NewContribution]| {
                    rows.iter().find(|r| r.insurance == insurance).cloned()
                };
                let (before, after) = (of(&m.before), of(&m.after));
                if before == after {
                    continue;
                }
                // A declaration replaces or adds a month, never removes one.
                let after = after?;
                if let Some(b) = &before {
                    let unpaid_again = b.paid_on.is_some() && after.paid_on.is_none();
                    let left = b.employer_id.is_some() && b.employer_id != after.employer_id;
                    if unpaid_again || left {
                        return None;
                    }
                }
                employers.extend(after.employer_id);
                self.add_total(&mut totals, insurance, before.as_ref(), &after);
            }
            for employer in employers {
                self.add_month(&mut pairs, employer, m, cx);
            }
        }
        let roster = pairs
            .iter()
            .map(|(&employer_id, pair)| self.roster_delta(employer_id, pair, cx.now))
            .collect();
        Some(Deltas {
            roster,
            roster_insurances: pairs
                .into_values()
                .flat_map(|p| p.insurances.into_values())
                .collect(),
            totals: totals.into_values().collect(),
            rebuild: Vec::new(),
        })
    }

    fn add_total(
        &self,
        totals: &mut BTreeMap<Insurance, TotalsDelta>,
        insurance: Insurance,
        before: Option<&NewContribution>,
        after: &NewContribution,
    ) {
        let t = totals.entry(insurance).or_insert(TotalsDelta {
            person_id: self.id,
            insurance,
            rows: 0,
            months_paid: 0,
            months_in_arrears: 0,
            employer_sum: 0,
            personal_sum: 0,
            last_month: after.month,
            base: after.base,
            last_paid_month: None,
        });
        for (row, sign) in before.into_iter().map(|b| (b, -1)).chain([(after, 1)]) {
            let (paid, unpaid) = if row.paid_on.is_some() {
                (row.months_covered, 0)
            } else {
                (0, row.months_covered)
            };
            t.rows += sign;
            t.months_paid += sign * paid;
            t.months_in_arrears += sign * unpaid;
            t.employer_sum += i64::from(sign) * row.employer_part;
            t.personal_sum += i64::from(sign) * row.personal_part;
        }
        if after.month >= t.last_month {
            (t.last_month, t.base) = (after.month, after.base);
        }
        if after.paid_on.is_some() {
            t.last_paid_month = t.last_paid_month.max(Some(after.month));
        }
    }

    /// Adds one month's difference with one employer: the month checked whole, before and after.
    fn add_month(
        &self,
        pairs: &mut BTreeMap<i64, Pair>,
        employer: i64,
        m: &MonthChange,
        cx: &Context,
    ) {
        let with = |rows: &[NewContribution]| -> Vec<NewContribution> {
            rows.iter()
                .filter(|r| r.employer_id == Some(employer))
                .cloned()
                .collect()
        };
        let (before, after) = (with(&m.before), with(&m.after));
        let counts = |rows: &[NewContribution]| {
            let facts = facts_of(rows, Vec::new(), None);
            MonthCounts::of(&staff_checks::check(&facts, cx.wages, cx.rules, cx.now))
        };
        let pair = pairs.entry(employer).or_insert(Pair {
            counts: MonthCounts::default(),
            first: m.month,
            last: m.month,
            latest: Vec::new(),
            insurances: BTreeMap::new(),
        });
        pair.counts = pair.counts + counts(&after) - counts(&before);
        pair.first = pair.first.min(m.month);
        if m.month >= pair.last {
            pair.last = m.month;
            pair.latest = after.clone();
        }
        for row in &after {
            let was = before.iter().find(|b| b.insurance == row.insurance);
            if was == Some(row) {
                continue;
            }
            let unpaid = |r: &NewContribution| i32::from(r.paid_on.is_none());
            let i = pair
                .insurances
                .entry(row.insurance)
                .or_insert(RosterInsuranceDelta {
                    employer_id: employer,
                    person_id: self.id,
                    insurance: row.insurance,
                    in_arrears: 0,
                    last_month: row.month,
                    base: row.base,
                    last_paid_month: None,
                });
            i.in_arrears += unpaid(row) - was.map_or(0, unpaid);
            if row.month >= i.last_month {
                (i.last_month, i.base) = (row.month, row.base);
            }
            if row.paid_on.is_some() {
                i.last_paid_month = i.last_paid_month.max(Some(row.month));
            }
        }
    }

    /// The pair's row difference; whether an insurance is missing is checked in its latest
    /// changed month with its enrolments, which is what a rebuild checks if that month is the
    /// last one declared.
    fn roster_delta(&self, employer_id: i64, pair: &Pair, now: Month) -> RosterDelta {
        let enrolments = self
            .enrolled
            .get(&(employer_id, self.id))
            .cloned()
            .unwrap_or_default();
        let facts = facts_of(&pair.latest, enrolments, self.retires);
        let findings = staff_checks::missing(&facts, now);
        RosterDelta {
            employer_id,
            person_id: self.id,
            in_arrears: pair.counts.in_arrears,
            below_floor: pair.counts.below_floor,
            above_cap: pair.counts.above_cap,
            mismatched: pair.counts.mismatched,
            first_month: pair.first,
            last_declared: pair.last,
            last_month: facts.last_month(now).unwrap_or(pair.last),
            missing: !findings.is_empty(),
        }
    }
}

fn facts_of(
    rows: &[NewContribution],
    enrolments: Vec<EnrolmentFact>,
    retires: Option<Month>,
) -> StaffFacts {
    StaffFacts {
        enrolments,
        contributions: rows
            .iter()
            .filter_map(ContributionFactRow::of)
            .map(month_fact)
            .collect(),
        retires,
    }
}
