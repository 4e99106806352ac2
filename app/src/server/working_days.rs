//! Working days (工作日) in mainland China, the unit of the legal time limits of back-office steps.
//!
//! Offices close on Saturdays, Sundays and public holidays, and open on the make-up working days
//! (调休上班) that move work onto a weekend so that a holiday can be bridged. Both are fixed year
//! by year in the State Council General Office's 国务院办公厅关于XXXX年部分节假日安排的通知, so
//! the days off (放假) and make-up working days of every notice from [`FIRST_COVERED_YEAR`] to
//! [`LAST_COVERED_YEAR`] are copied below, each year's table citing its notice.
//!
//! For any other year only what is fixed in advance is known: weekends and the fixed-date
//! holidays of 《全国年节及纪念日放假办法》 as revised on 2024-11-10 (元旦 1/1, 劳动节 5/1–5/2,
//! 国庆节 10/1–10/3). 春节, 清明节, 端午节 and 中秋节 follow the lunar calendar or the solar
//! terms, and the bridging days and make-up working days are only decided in each year's notice
//! (published the autumn before), so they cannot be counted there. A due date whose year is not
//! [`covers`]ed is therefore provisional and should be shown as such; add the year's table
//! when its notice is published.

use chrono::{Datelike, NaiveDate, Weekday};

/// First and last year whose full arrangement is in the table.
pub const FIRST_COVERED_YEAR: i32 = 2024;
pub const LAST_COVERED_YEAR: i32 = 2026;

/// A (month, day) within the year of the table it appears in.
type MonthDay = (u32, u32);

/// One year's holiday arrangement, both lists in calendar order.
struct Arrangement {
    /// The days off (放假) as the notice states them: first and last day of each holiday,
    /// weekend days inside it included.
    off: &'static [(MonthDay, MonthDay)],
    /// Weekend days worked in exchange (调休上班).
    work: &'static [MonthDay],
}

// 国务院办公厅关于2024年部分节假日安排的通知, 国办发明电〔2023〕7号, 2023-10-25.
// 除夕 (2/9) is not a day off: the notice only encourages employers to grant annual leave on it.
const ARRANGEMENT_2024: Arrangement = Arrangement {
    off: &[
        ((1, 1), (1, 1)),   // 元旦
        ((2, 10), (2, 17)), // 春节
        ((4, 4), (4, 6)),   // 清明节
        ((5, 1), (5, 5)),   // 劳动节
        ((6, 10), (6, 10)), // 端午节
        ((9, 15), (9, 17)), // 中秋节
        ((10, 1), (10, 7)), // 国庆节
    ],
    work: &[
        (2, 4),
        (2, 18),
        (4, 7),
        (4, 28),
        (5, 11),
        (9, 14),
        (9, 29),
        (10, 12),
    ],
};

// 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12.
// The first year under the 2024 revision: 春节 and 劳动节 gained a statutory day each.
const ARRANGEMENT_2025: Arrangement = Arrangement {
    off: &[
        ((1, 1), (1, 1)),   // 元旦, no make-up day
        ((1, 28), (2, 4)),  // 春节
        ((4, 4), (4, 6)),   // 清明节
        ((5, 1), (5, 5)),   // 劳动节
        ((5, 31), (6, 2)),  // 端午节
        ((10, 1), (10, 8)), // 国庆节 and 中秋节 together
    ],
    work: &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
};

// 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号, 2025-11-04.
const ARRANGEMENT_2026: Arrangement = Arrangement {
    off: &[
        ((1, 1), (1, 3)),   // 元旦
        ((2, 15), (2, 23)), // 春节
        ((4, 4), (4, 6)),   // 清明节
        ((5, 1), (5, 5)),   // 劳动节
        ((6, 19), (6, 21)), // 端午节
        ((9, 25), (9, 27)), // 中秋节
        ((10, 1), (10, 7)), // 国庆节
    ],
    work: &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
};

/// Outside the table: only the fixed-date holidays of 《全国年节及纪念日放假办法》 (2024
/// revision) are known, and no make-up days.
const FIXED_DATES_ONLY: Arrangement = Arrangement {
    off: &[((1, 1), (1, 1)), ((5, 1), (5, 2)), ((10, 1), (10, 3))],
    work: &[],
};

fn arrangement(year: i32) -> Option<&'static Arrangement> {
    match year {
        2024 => Some(&ARRANGEMENT_2024),
        2025 => Some(&ARRANGEMENT_2025),
        2026 => Some(&ARRANGEMENT_2026),
        _ => None,
    }
}

/// Whether the holiday table holds `year`'s arrangement; working days counted in any other year
/// miss its lunar holidays and make-up days, so a due date there is provisional.
pub fn covers(year: i32) -> bool {
    (FIRST_COVERED_YEAR..=LAST_COVERED_YEAR).contains(&year)
}

/// Whether offices work on this day.
pub fn is_working_day(day: NaiveDate) -> bool {
    let arrangement = arrangement(day.year()).unwrap_or(&FIXED_DATES_ONLY);
    let month_day = (day.month(), day.day());
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    let off = arrangement
        .off
        .iter()
        .any(|(first, last)| (first..=last).contains(&&month_day));
    arrangement.work.binary_search(&month_day).is_ok() || !(weekend || off)
}

/// The working days strictly after `day`, in order.
fn working_days_after(day: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    day.iter_days().skip(1).filter(|&d| is_working_day(d))
}

/// The last day of a limit of `n` working days whose clock starts on `start`: the start day
/// itself never counts (a request received on Friday with a limit of 1 is due the next working
/// day). n = 0 returns `start`.
///
/// # Panics
/// If the due date would lie beyond [`NaiveDate::MAX`].
pub fn add_working_days(start: NaiveDate, n: u32) -> NaiveDate {
    match n.checked_sub(1) {
        None => start,
        Some(skip) => working_days_after(start)
            .nth(skip as usize)
            .expect("due date beyond the last date chrono can represent"),
    }
}

/// Working days after `from` up to and including `to` (0 when `to <= from`). Inverse of
/// add_working_days: working_days_between(s, add_working_days(s, n)) == n.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let count = working_days_after(from).take_while(|&d| d <= to).count();
    // chrono's whole date range holds fewer than 2^32 days.
    u32::try_from(count).expect("fewer than 2^32 days")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
    }

    fn covered_years() -> impl Iterator<Item = (i32, &'static Arrangement)> {
        (FIRST_COVERED_YEAR..=LAST_COVERED_YEAR)
            .map(|year| (year, arrangement(year).expect("covered year has a table")))
    }

    #[test]
    fn table_spans_exactly_the_covered_years() {
        for year in FIRST_COVERED_YEAR - 5..=LAST_COVERED_YEAR + 5 {
            assert_eq!(arrangement(year).is_some(), covers(year), "{year}");
        }
    }

    /// The days of a holiday span, in order.
    fn span_days(year: i32, (first, last): (MonthDay, MonthDay)) -> Vec<NaiveDate> {
        let last = date(year, last.0, last.1);
        date(year, first.0, first.1)
            .iter_days()
            .take_while(|&d| d <= last)
            .collect()
    }

    #[test]
    fn table_dates_are_real_sorted_and_consistent() {
        let tables = covered_years().chain([(2027, &FIXED_DATES_ONLY)]);
        for (year, arrangement) in tables {
            let days_off: Vec<_> = arrangement
                .off
                .iter()
                .flat_map(|&span| span_days(year, span))
                .collect();
            let days_worked: Vec<_> = arrangement
                .work
                .iter()
                .map(|&(m, d)| date(year, m, d))
                .collect();
            // `date` rejects a day not in the year; empty spans and overlaps break the order.
            assert!(
                arrangement
                    .off
                    .iter()
                    .all(|&span| !span_days(year, span).is_empty()),
                "{year}"
            );
            for list in [&days_off, &days_worked] {
                assert!(list.windows(2).all(|w| w[0] < w[1]), "{year} not in order");
            }
            for day in &days_worked {
                // A make-up day on a weekday would change nothing: the entry must be a typo.
                assert!(
                    matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                    "{day}"
                );
                assert!(!days_off.contains(day), "{day}");
            }
        }
    }

    #[test]
    fn table_matches_the_notices_totals() {
        // 共N天 per holiday: 2024 1+8+3+5+1+3+7, 2025 1+8+3+5+3+8, 2026 3+9+3+5+3+3+7.
        let totals: Vec<_> = covered_years()
            .map(|(year, a)| {
                a.off
                    .iter()
                    .map(|&span| span_days(year, span).len())
                    .sum::<usize>()
            })
            .collect();
        assert_eq!(totals, [28, 28, 33]);
        // Every notice grants at least the fixed-date statutory holidays.
        for (year, _) in covered_years() {
            for &span in FIXED_DATES_ONLY.off {
                for day in span_days(year, span) {
                    assert!(!is_working_day(day), "{day}");
                }
            }
        }
    }

    #[test]
    fn make_up_days_work_and_weekday_holidays_do_not() {
        assert_eq!(date(2024, 5, 11).weekday(), Weekday::Sat);
        assert!(is_working_day(date(2024, 5, 11)));
        assert_eq!(date(2026, 9, 20).weekday(), Weekday::Sun);
        assert!(is_working_day(date(2026, 9, 20)));
        assert_eq!(date(2025, 10, 8).weekday(), Weekday::Wed);
        assert!(!is_working_day(date(2025, 10, 8)));
        // 2024's 除夕 was an ordinary Friday.
        assert!(is_working_day(date(2024, 2, 9)));
        // An ordinary weekend and weekday.
        assert!(!is_working_day(date(2025, 3, 15)));
        assert!(is_working_day(date(2025, 3, 14)));
    }

    #[test]
    fn zero_days_is_the_start_day() {
        // Even when the start day itself is a holiday.
        assert_eq!(add_working_days(date(2026, 2, 17), 0), date(2026, 2, 17));
        assert_eq!(add_working_days(date(2025, 3, 12), 0), date(2025, 3, 12));
        assert_eq!(
            working_days_between(date(2025, 3, 12), date(2025, 3, 12)),
            0
        );
    }

    #[test]
    fn ordinary_weeks() {
        // Mon 3/10 + 5: Tue 11, Wed 12, Thu 13, Fri 14, (weekend), Mon 17 = 5.
        assert_eq!(date(2025, 3, 10).weekday(), Weekday::Mon);
        assert_eq!(add_working_days(date(2025, 3, 10), 5), date(2025, 3, 17));
        // Fri 3/14 + 1: Sat and Sun skipped, Mon 17 = 1.
        assert_eq!(add_working_days(date(2025, 3, 14), 1), date(2025, 3, 17));
        // A request received on a Saturday starts counting on Monday as well.
        assert_eq!(add_working_days(date(2025, 3, 15), 1), date(2025, 3, 17));
    }

    #[test]
    fn national_day_2026() {
        // Received Wed 9/30, 15 days: 10/1–10/7 off; Thu 8 = 1, Fri 9 = 2, Sat 10 (make-up) = 3,
        // Sun 11 off, Mon 12–Fri 16 = 4..8, Mon 19–Fri 23 = 9..13, Mon 26 = 14, Tue 27 = 15.
        assert_eq!(date(2026, 9, 30).weekday(), Weekday::Wed);
        assert_eq!(add_working_days(date(2026, 9, 30), 15), date(2026, 10, 27));
        assert_eq!(
            working_days_between(date(2026, 9, 30), date(2026, 10, 27)),
            15
        );
        // Received Fri 9/18, 5 days: Sat 19 off, Sun 20 (make-up) = 1, Mon 21–Thu 24 = 2..5.
        assert_eq!(add_working_days(date(2026, 9, 18), 5), date(2026, 9, 24));
        // Received Thu 9/24, 1 day: 中秋节 Fri 25–Sun 27 off, Mon 28 = 1.
        assert_eq!(add_working_days(date(2026, 9, 24), 1), date(2026, 9, 28));
    }

    #[test]
    fn spring_festival_2026() {
        // Received Fri 2/13: Sat 14 (make-up) = 1, 2/15–2/23 off, Tue 24 = 2, Wed 25 = 3,
        // Thu 26 = 4, Fri 27 = 5, Sat 28 (make-up) = 6, Sun 3/1 off, Mon 3/2 = 7.
        assert_eq!(date(2026, 2, 13).weekday(), Weekday::Fri);
        assert_eq!(add_working_days(date(2026, 2, 13), 1), date(2026, 2, 14));
        assert_eq!(add_working_days(date(2026, 2, 13), 2), date(2026, 2, 24));
        assert_eq!(add_working_days(date(2026, 2, 13), 3), date(2026, 2, 25));
        assert_eq!(add_working_days(date(2026, 2, 13), 6), date(2026, 2, 28));
        assert_eq!(add_working_days(date(2026, 2, 13), 7), date(2026, 3, 2));
    }

    #[test]
    fn spring_festival_2025() {
        // Received Fri 1/24: Sat 25 off, Sun 26 (make-up) = 1, Mon 27 = 2, 1/28–2/4 off,
        // Wed 2/5 = 3, Thu 6 = 4, Fri 7 = 5, Sat 8 (make-up) = 6, Sun 9 off, Mon 10 = 7.
        assert_eq!(date(2025, 1, 24).weekday(), Weekday::Fri);
        assert_eq!(add_working_days(date(2025, 1, 24), 1), date(2025, 1, 26));
        assert_eq!(add_working_days(date(2025, 1, 24), 2), date(2025, 1, 27));
        assert_eq!(add_working_days(date(2025, 1, 24), 3), date(2025, 2, 5));
        assert_eq!(add_working_days(date(2025, 1, 24), 6), date(2025, 2, 8));
        assert_eq!(add_working_days(date(2025, 1, 24), 7), date(2025, 2, 10));
    }

    #[test]
    fn national_days_2024_and_2025() {
        // 2024, received Fri 9/27: Sat 28 off, Sun 29 (make-up) = 1, Mon 30 = 2, 10/1–10/7 off,
        // Tue 10/8 = 3.
        assert_eq!(add_working_days(date(2024, 9, 27), 3), date(2024, 10, 8));
        // 2025, received Tue 9/30: 10/1–10/8 off, Thu 9 = 1, Fri 10 = 2, Sat 11 (make-up) = 3.
        assert_eq!(add_working_days(date(2025, 9, 30), 1), date(2025, 10, 9));
        assert_eq!(add_working_days(date(2025, 9, 30), 3), date(2025, 10, 11));
    }

    #[test]
    fn beyond_the_table() {
        assert!(!covers(2027));
        // Fri 2027-01-01 is 元旦 by statute; Mon 1/4 is an ordinary working day.
        assert_eq!(date(2027, 1, 1).weekday(), Weekday::Fri);
        assert!(!is_working_day(date(2027, 1, 1)));
        assert!(is_working_day(date(2027, 1, 4)));
        // Thu 2026-12-31 + 1: Fri 1/1 off, weekend, Mon 1/4 = 1.
        assert_eq!(add_working_days(date(2026, 12, 31), 1), date(2027, 1, 4));
        // Only the statutory 5/1–5/2 are known: Mon 2027-05-03 counts, pending the notice.
        assert!(!is_working_day(date(2027, 5, 1)) && !is_working_day(date(2027, 5, 2)));
        assert!(is_working_day(date(2027, 5, 3)));
    }

    #[test]
    fn between_is_zero_unless_to_is_later() {
        assert_eq!(
            working_days_between(date(2025, 3, 17), date(2025, 3, 10)),
            0
        );
        // Sat 3/15 → Sun 3/16: no working day in between.
        assert_eq!(
            working_days_between(date(2025, 3, 15), date(2025, 3, 16)),
            0
        );
        // Inclusive of `to`: Fri 3/14 → Mon 3/17 is one.
        assert_eq!(
            working_days_between(date(2025, 3, 14), date(2025, 3, 17)),
            1
        );
    }

    #[test]
    fn between_inverts_add_over_the_covered_years() {
        let first = date(FIRST_COVERED_YEAR, 1, 1);
        let last = date(LAST_COVERED_YEAR, 12, 31);
        for start in first.iter_days().take_while(|&d| d <= last) {
            let mut previous = start;
            for n in 0..=20 {
                let due = add_working_days(start, n);
                assert_eq!(working_days_between(start, due), n, "{start} + {n}");
                if n > 0 {
                    assert!(due > previous && is_working_day(due), "{start} + {n}");
                }
                previous = due;
            }
        }
    }
}
