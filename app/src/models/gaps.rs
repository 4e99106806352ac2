//! Finding gaps (断缴) and arrears (欠缴) in a contribution history. Shared so the record page
//! and later the transfer pre-check agree on what a gap is.

use super::insurance::Month;
use super::insurance::{month_from_index, month_index};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GapKind {
    /// No contribution at all for these months (e.g. between jobs).
    NoContribution,
    /// A contribution is due but unpaid (e.g. the employer has not paid).
    Arrears,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub kind: GapKind,
    pub from: Month,
    pub to: Month,
    pub months: i64,
}

/// One contribution as the gap finder needs it: the first month it covers, how many months,
/// and whether it was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Covered {
    pub month: Month,
    pub months: i32,
    pub paid: bool,
}

/// Gaps between the first and last covered month, plus a trailing gap up to `open_until`
/// (the data month) when the person should still be contributing but is not. `rows` must be
/// sorted by month.
pub fn find_gaps(rows: &[Covered], open_until: Option<Month>) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = Vec::new();
    let mut push = |kind: GapKind, from: i32, to: i32| {
        if to < from {
            return;
        }
        match gaps.last_mut() {
            Some(g) if g.kind == kind && month_index(g.to) + 1 == from => {
                g.to = month_from_index(to);
                g.months += i64::from(to - from + 1);
            }
            _ => gaps.push(Gap {
                kind,
                from: month_from_index(from),
                to: month_from_index(to),
                months: i64::from(to - from + 1),
            }),
        }
    };
    let mut next_expected: Option<i32> = None;
    for r in rows {
        let start = month_index(r.month);
        if let Some(expected) = next_expected {
            push(GapKind::NoContribution, expected, start - 1);
        }
        if !r.paid {
            push(GapKind::Arrears, start, start + r.months - 1);
        }
        next_expected = Some(next_expected.map_or(start + r.months, |e| e.max(start + r.months)));
    }
    if let (Some(expected), Some(until)) = (next_expected, open_until) {
        push(GapKind::NoContribution, expected, month_index(until));
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(from: Month, to: Month, paid: bool) -> Vec<Covered> {
        (month_index(from)..=month_index(to))
            .map(|i| Covered {
                month: month_from_index(i),
                months: 1,
                paid,
            })
            .collect()
    }

    #[test]
    fn demo_citizen_gap_between_shenzhen_and_beijing() {
        let mut rows = months(201207, 201906, true);
        rows.extend(months(201910, 202610, true));
        assert_eq!(
            find_gaps(&rows, None),
            vec![Gap {
                kind: GapKind::NoContribution,
                from: 201907,
                to: 201909,
                months: 3
            }]
        );
    }

    #[test]
    fn arrears_and_a_running_gap() {
        let mut rows = months(202301, 202306, true);
        rows.extend(months(202307, 202308, false));
        // Left the job after 2023-08, still unemployed in 2023-12.
        let gaps = find_gaps(&rows, Some(202312));
        assert_eq!(
            gaps,
            vec![
                Gap {
                    kind: GapKind::Arrears,
                    from: 202307,
                    to: 202308,
                    months: 2
                },
                Gap {
                    kind: GapKind::NoContribution,
                    from: 202309,
                    to: 202312,
                    months: 4
                },
            ]
        );
    }

    #[test]
    fn yearly_resident_payments_cover_twelve_months() {
        let rows = [
            Covered {
                month: 202001,
                months: 12,
                paid: true,
            },
            Covered {
                month: 202201,
                months: 12,
                paid: true,
            },
        ];
        assert_eq!(
            find_gaps(&rows, None),
            vec![Gap {
                kind: GapKind::NoContribution,
                from: 202101,
                to: 202112,
                months: 12
            }]
        );
        assert!(find_gaps(&[], Some(202401)).is_empty());
    }
}
