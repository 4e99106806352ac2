//! Medical insurance continuity (DESIGN §3): what each break does to the continuous years, and
//! how many there are. Pure, so the rules are tested as written.

use super::gaps::{Covered, Gap, GapKind};
use super::insurance::{Month, Scheme};
use serde::{Deserialize, Serialize};

/// A break of up to 3 months keeps the continuous years, once its months are paid up.
pub const GRACE_MONTHS: i64 = 3;
/// Employees: a longer break brings a waiting period of up to 6 months, by local rule.
pub const EMPLOYEE_MAX_WAITING_MONTHS: i64 = 6;
/// Residents: a fixed waiting period of 3 months after a break (国办发〔2024〕38号).
pub const RESIDENT_FIXED_WAITING_MONTHS: i64 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BreakEffect {
    /// Up to 3 months: the continuous years are kept if the months are paid up.
    KeepsYears,
    /// Longer: continuity starts again, and benefits wait up to `months` after re-enrolling.
    Waiting { months: i64, scheme: Scheme },
}

/// What a break of `months` does to someone re-enrolling in `scheme`. Residents wait 3 months
/// plus 1 for each full year of the break (国办发〔2024〕38号); employees up to 6.
pub fn break_effect(scheme: Scheme, months: i64) -> BreakEffect {
    if months <= GRACE_MONTHS {
        return BreakEffect::KeepsYears;
    }
    let months = match scheme {
        Scheme::Employee => EMPLOYEE_MAX_WAITING_MONTHS,
        Scheme::Resident => RESIDENT_FIXED_WAITING_MONTHS + months / 12,
    };
    BreakEffect::Waiting { months, scheme }
}

/// Months paid since the last break longer than the grace period (none while such a break is
/// still running). `covered` and `gaps` are the record's, as `find_gaps` saw them.
pub fn continuous_months(covered: &[Covered], gaps: &[Gap]) -> i64 {
    let since: Option<Month> = gaps
        .iter()
        .filter(|g| g.kind == GapKind::NoContribution && g.months > GRACE_MONTHS)
        .map(|g| g.to)
        .max();
    covered
        .iter()
        .filter(|c| c.paid && since.is_none_or(|s| c.month > s))
        .map(|c| i64::from(c.months))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::gaps::find_gaps;
    use crate::models::insurance::{month_from_index, month_index};

    fn months(from: Month, to: Month) -> Vec<Covered> {
        (month_index(from)..=month_index(to))
            .map(|i| Covered {
                month: month_from_index(i),
                months: 1,
                paid: true,
            })
            .collect()
    }

    /// DESIGN §3 and 国办发〔2024〕38号, worked by hand.
    #[test]
    fn each_break_by_its_length_and_scheme() {
        assert_eq!(break_effect(Scheme::Employee, 3), BreakEffect::KeepsYears);
        assert_eq!(
            break_effect(Scheme::Employee, 4),
            BreakEffect::Waiting {
                months: 6,
                scheme: Scheme::Employee
            }
        );
        // A resident away 11 months waits 3; 2 years and 5 months, 3 + 2 = 5.
        let waiting = |m| match break_effect(Scheme::Resident, m) {
            BreakEffect::Waiting { months, .. } => months,
            BreakEffect::KeepsYears => 0,
        };
        assert_eq!((waiting(3), waiting(11), waiting(29)), (0, 3, 5));
    }

    #[test]
    fn continuity_restarts_after_a_long_break_only() {
        // The demo citizen: Shenzhen to 2019-06, three months without, Beijing from 2019-10.
        let mut rows = months(201207, 201906);
        rows.extend(months(201910, 202610));
        let gaps = find_gaps(&rows, None);
        assert_eq!(continuous_months(&rows, &gaps), 84 + 85);
        // Four months without: only Beijing's count.
        let mut rows = months(201207, 201905);
        rows.extend(months(201910, 202610));
        let gaps = find_gaps(&rows, None);
        assert_eq!(continuous_months(&rows, &gaps), 85);
        // A long break still running: nothing continuous.
        let rows = months(201207, 202512);
        let gaps = find_gaps(&rows, Some(202610));
        assert_eq!(continuous_months(&rows, &gaps), 0);
    }
}
