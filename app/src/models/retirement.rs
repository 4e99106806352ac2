//! Statutory retirement age under the 2025 reform (全国人大常委会《关于实施渐进式延迟法定退休
//! 年龄的决定》, 2024-09-13): from 2025-01, men's age rises from 60 to 63 and women cadres' from
//! 55 to 58 by one month every four months; women workers' from 50 to 55 by one month every two.

use super::insurance::{Month, month_from_index, month_index, month_of};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which original retirement age applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RetirementCategory {
    Man,
    /// 女干部 (original age 55)
    WomanCadre,
    /// 女工人 (original age 50)
    WomanWorker,
}

impl RetirementCategory {
    /// The category of a person as stored: sex `M`/`F` and, for a woman, `cadre` or `worker`.
    pub fn of(sex: &str, female_category: Option<&str>) -> Self {
        match (sex, female_category) {
            ("M", _) => RetirementCategory::Man,
            (_, Some("cadre")) => RetirementCategory::WomanCadre,
            _ => RetirementCategory::WomanWorker,
        }
    }

    /// The age before the reform, in months: the floor of flexible early retirement.
    pub fn original_age_months(self) -> i32 {
        self.rule().0 * 12
    }

    /// (original age in years, months of delay per step, maximum delay in months)
    fn rule(self) -> (i32, i32, i32) {
        match self {
            RetirementCategory::Man => (60, 4, 36),
            RetirementCategory::WomanCadre => (55, 4, 36),
            RetirementCategory::WomanWorker => (50, 2, 60),
        }
    }
}

const REFORM_START: Month = 202501;

/// The month the person reaches the statutory retirement age, and that age in months.
pub fn statutory_retirement(birth: NaiveDate, category: RetirementCategory) -> (Month, i32) {
    let (age_years, step, max_delay) = category.rule();
    let birth_month = month_of(&birth);
    let original = month_index(birth_month) + age_years * 12;
    let since_reform = original - month_index(REFORM_START);
    let delay = if since_reform < 0 {
        0
    } else {
        (since_reform / step + 1).min(max_delay)
    };
    (month_from_index(original + delay), age_years * 12 + delay)
}

/// Flexible retirement (《国务院关于渐进式延迟法定退休年龄的办法》第二条): up to three years
/// earlier, never below the original age of 60, 55 or 50, and up to three years later, by whole
/// months. Offsets are months from the statutory age. Earlier also needs the minimum years met
/// by then, which the caller knows.
pub fn flexible_offsets(
    category: RetirementCategory,
    statutory_age_months: i32,
) -> std::ops::RangeInclusive<i32> {
    let earliest = (-36).max(category.original_age_months() - statutory_age_months);
    earliest.min(0)..=36
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 15).unwrap()
    }

    #[test]
    fn official_table_examples() {
        // Men born before 1965 keep 60.
        assert_eq!(
            statutory_retirement(d(1964, 12), RetirementCategory::Man),
            (202412, 720)
        );
        // 1965-01..04 → 60y1m; 1965-05..08 → 60y2m.
        assert_eq!(
            statutory_retirement(d(1965, 1), RetirementCategory::Man),
            (202502, 721)
        );
        assert_eq!(
            statutory_retirement(d(1965, 4), RetirementCategory::Man).1,
            721
        );
        assert_eq!(
            statutory_retirement(d(1965, 5), RetirementCategory::Man).1,
            722
        );
        // Men born 1976-09 and later reach the full 63.
        assert_eq!(
            statutory_retirement(d(1976, 9), RetirementCategory::Man).1,
            756
        );
        assert_eq!(
            statutory_retirement(d(1990, 3), RetirementCategory::Man),
            (205303, 756)
        );
        // Women workers: 1975-01..02 → 50y1m; born 1984-12 and later → 55.
        assert_eq!(
            statutory_retirement(d(1975, 2), RetirementCategory::WomanWorker).1,
            601
        );
        assert_eq!(
            statutory_retirement(d(1975, 3), RetirementCategory::WomanWorker).1,
            602
        );
        assert_eq!(
            statutory_retirement(d(1984, 12), RetirementCategory::WomanWorker).1,
            660
        );
        // The demo retiree (woman cadre born 1962-11) retired at 55 in 2017-11.
        assert_eq!(
            statutory_retirement(d(1962, 11), RetirementCategory::WomanCadre),
            (201711, 660)
        );
    }

    #[test]
    fn flexible_range_by_month_never_below_the_original_age() {
        // A man with statutory age 63 (756 months): 60 to 66.
        assert_eq!(flexible_offsets(RetirementCategory::Man, 756), -36..=36);
        // Statutory 60y5m: at most five months earlier.
        assert_eq!(flexible_offsets(RetirementCategory::Man, 725), -5..=36);
        // Statutory 60 (born before 1965): no earlier retirement.
        assert_eq!(flexible_offsets(RetirementCategory::Man, 720), 0..=36);
        // A woman worker at 55 (660): back to 52.
        assert_eq!(
            flexible_offsets(RetirementCategory::WomanWorker, 660),
            -36..=36
        );
        // A woman worker at 51y2m: back to 50.
        assert_eq!(
            flexible_offsets(RetirementCategory::WomanWorker, 614),
            -14..=36
        );
    }
}
