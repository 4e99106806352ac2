//! Monthly contributions as they are stored: folded into runs (migration 0016,
//! `docs/storage.md`). A run is consecutive rows of one person's insurance that agree on all but
//! the month; the view `contributions` unfolds them for every reader, so only the writers know.

use super::bulk::NewContribution;
use crate::models::insurance::{Insurance, month_from_index, month_index};
use chrono::{Datelike, NaiveDate};

/// The stored columns, in the order the writers bind them (`Run`'s fields, `paid` as two).
pub(super) const COLUMNS: &str = "person_id, employer_id, base, employer_part, personal_part, \
     first_month, insurance, months_covered, rows_in_run, paid_lag, paid_day, region_code";
pub(super) const COLUMN_COUNT: usize = 12;

/// Binds runs as a VALUES list, one row per run in the order of `COLUMNS`. A macro so that
/// it expands once per backend.
macro_rules! push_run_values {
    ($qb:expr, $runs:expr) => {
        $qb.push_values($runs, |mut b, r| {
            b.push_bind(r.person_id)
                .push_bind(r.employer_id)
                .push_bind(r.base)
                .push_bind(r.employer_part)
                .push_bind(r.personal_part)
                .push_bind(r.first_month)
                .push_bind(r.insurance)
                .push_bind(r.months_covered)
                .push_bind(r.rows_in_run)
                .push_bind(r.paid.map(|(lag, _)| lag))
                .push_bind(r.paid.map(|(_, day)| day))
                .push_bind(r.region_code);
        })
    };
}
pub(super) use push_run_values;

/// Inserts folded runs on a connection or transaction, as many per statement as the bind
/// limit allows. A macro so that it expands inside `on_pool!` once per backend.
macro_rules! insert_runs {
    ($conn:expr, $runs:expr) => {
        for part in $runs.chunks(super::MAX_BINDS / super::contribution_runs::COLUMN_COUNT) {
            let mut qb = sqlx::QueryBuilder::new(format!(
                "INSERT INTO contribution_runs ({}) ",
                super::contribution_runs::COLUMNS
            ));
            super::contribution_runs::push_run_values!(qb, part);
            qb.build().persistent(false).execute(&mut *$conn).await?;
        }
    };
}
pub(super) use insert_runs;

/// Gives stored runs new values by key, `UPDATE_RUNS FROM <rows> AS v UPDATE_RUNS_WHERE`, from
/// rows whose columns are named column1, column2, … in the order of `COLUMNS` (as both backends
/// name a VALUES list's). A run that grows by a month keeps its key: updated in place, only a
/// foreign key whose column changes is checked, where a delete and an insert check all four.
pub(super) const UPDATE_RUNS: &str = "UPDATE contribution_runs AS r SET employer_id = v.column2, \
     base = v.column3, employer_part = v.column4, personal_part = v.column5, \
     months_covered = v.column8, rows_in_run = v.column9, paid_lag = v.column10, \
     paid_day = v.column11, region_code = v.column12";
pub(super) const UPDATE_RUNS_WHERE: &str =
    "WHERE r.person_id = v.column1 AND r.insurance = v.column7 AND r.first_month = v.column6";

/// The longest run the view can unfold (`run_steps` holds 0..1199).
const MAX_ROWS: i16 = 1200;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Run<'a> {
    pub person_id: i64,
    /// `insurance_codes.id`.
    pub insurance: i16,
    /// The first row's month as months since year 0.
    pub first_month: i32,
    pub months_covered: i16,
    pub rows_in_run: i16,
    pub employer_id: Option<i64>,
    pub region_code: &'a str,
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    /// (months after the row's own month, day) of every row's payment; None in arrears.
    pub paid: Option<(i16, i16)>,
}

/// A run as read back, in the order of `COLUMNS`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub(super) struct StoredRun {
    pub person_id: i64,
    pub employer_id: Option<i64>,
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    pub first_month: i32,
    pub insurance: i16,
    pub months_covered: i16,
    pub rows_in_run: i16,
    pub paid_lag: Option<i16>,
    pub paid_day: Option<i16>,
    pub region_code: String,
}

impl StoredRun {
    /// Its rows, as the view `contributions` unfolds them.
    pub fn rows(&self) -> impl Iterator<Item = NewContribution> + '_ {
        let insurance = insurance_of(self.insurance);
        (0..i32::from(self.rows_in_run)).map(move |n| {
            let idx = self.first_month + n * i32::from(self.months_covered);
            NewContribution {
                person_id: self.person_id,
                insurance,
                month: month_from_index(idx),
                months_covered: i32::from(self.months_covered),
                employer_id: self.employer_id,
                region_code: self.region_code.clone(),
                base: self.base,
                employer_part: self.employer_part,
                personal_part: self.personal_part,
                paid_on: self.paid_lag.zip(self.paid_day).and_then(|(lag, day)| {
                    let paid = idx + i32::from(lag);
                    NaiveDate::from_ymd_opt(paid / 12, (paid % 12 + 1) as u32, day as u32)
                }),
            }
        })
    }

    /// The same run as the writers hold it.
    pub fn as_run(&self) -> Run<'_> {
        Run {
            person_id: self.person_id,
            insurance: self.insurance,
            first_month: self.first_month,
            months_covered: self.months_covered,
            rows_in_run: self.rows_in_run,
            employer_id: self.employer_id,
            region_code: &self.region_code,
            base: self.base,
            employer_part: self.employer_part,
            personal_part: self.personal_part,
            paid: self.paid_lag.zip(self.paid_day),
        }
    }
}

/// `insurance_codes.id`: the insurances in their declared order, from 1.
pub(super) fn insurance_id(insurance: Insurance) -> i16 {
    let at = Insurance::ALL.iter().position(|&i| i == insurance);
    at.map_or(0, |at| at as i16 + 1)
}

/// The insurance of an `insurance_codes.id`. The column's foreign key admits no other value.
pub(super) fn insurance_of(id: i16) -> Insurance {
    Insurance::ALL[usize::try_from(id - 1).expect("insurance_codes ids start at 1")]
}

/// When a payment fell, relative to the month it paid for.
fn paid_at(month_idx: i32, paid_on: NaiveDate) -> (i16, i16) {
    let paid_idx = paid_on.year() * 12 + paid_on.month0() as i32;
    ((paid_idx - month_idx) as i16, paid_on.day() as i16)
}

/// Folds rows (any order) into runs, longest first: each row joins the run before it when it
/// is that run's next step and agrees on everything else.
pub(super) fn fold(rows: &[NewContribution]) -> Vec<Run<'_>> {
    let mut sorted: Vec<&NewContribution> = rows.iter().collect();
    sorted.sort_by_key(|r| (r.person_id, insurance_id(r.insurance), r.month));
    let mut runs: Vec<Run> = Vec::with_capacity(rows.len() / 8 + 1);
    for r in sorted {
        let first_month = month_index(r.month);
        let next = Run {
            person_id: r.person_id,
            insurance: insurance_id(r.insurance),
            first_month,
            months_covered: r.months_covered as i16,
            rows_in_run: 1,
            employer_id: r.employer_id,
            region_code: &r.region_code,
            base: r.base,
            employer_part: r.employer_part,
            personal_part: r.personal_part,
            paid: r.paid_on.map(|d| paid_at(first_month, d)),
        };
        if let Some(last) = runs.last_mut()
            && last.continues_with(&next)
        {
            last.rows_in_run += 1;
        } else {
            runs.push(next);
        }
    }
    runs
}

impl Run<'_> {
    /// The primary key: (person, insurance, first month).
    pub fn key(&self) -> (i64, i16, i32) {
        (self.person_id, self.insurance, self.first_month)
    }

    /// The run as it reads back.
    #[cfg(test)]
    pub fn stored(&self) -> StoredRun {
        StoredRun {
            person_id: self.person_id,
            employer_id: self.employer_id,
            base: self.base,
            employer_part: self.employer_part,
            personal_part: self.personal_part,
            first_month: self.first_month,
            insurance: self.insurance,
            months_covered: self.months_covered,
            rows_in_run: self.rows_in_run,
            paid_lag: self.paid.map(|(lag, _)| lag),
            paid_day: self.paid.map(|(_, day)| day),
            region_code: self.region_code.to_string(),
        }
    }

    /// Whether `next` (a run of one) is this run's next row. A payment day past the 28th does
    /// not exist in every month, so such rows stay alone.
    fn continues_with(&self, next: &Run) -> bool {
        let step = i32::from(self.rows_in_run) * i32::from(self.months_covered);
        self.rows_in_run < MAX_ROWS
            && next.first_month == self.first_month + step
            && self.paid.is_none_or(|(_, day)| day <= 28)
            && Run {
                first_month: self.first_month,
                rows_in_run: 1,
                ..next.clone()
            } == Run {
                rows_in_run: 1,
                ..self.clone()
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        insurance: Insurance,
        month: i32,
        base: i64,
        paid_on: Option<NaiveDate>,
    ) -> NewContribution {
        NewContribution {
            person_id: 7,
            insurance,
            month,
            months_covered: 1,
            employer_id: Some(3),
            region_code: "440300".into(),
            base,
            employer_part: base / 10,
            personal_part: base / 50,
            paid_on,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// What the view does: every row of every run, back as (insurance id, month, paid on).
    fn unfold(runs: &[Run]) -> Vec<(i16, i32, i64, Option<NaiveDate>)> {
        runs.iter()
            .flat_map(|run| {
                let stored = run.stored();
                assert_eq!(&stored.as_run(), run);
                stored
                    .rows()
                    .map(|r| (insurance_id(r.insurance), r.month, r.base, r.paid_on))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_year_of_one_base_paid_on_the_15th_is_one_run() {
        let rows: Vec<_> = (1..=12)
            .map(|m| {
                let paid = if m == 12 {
                    date(2025, 1, 15)
                } else {
                    date(2024, m + 1, 15)
                };
                row(Insurance::Pension, 202400 + m as i32, 500_000, paid)
            })
            .collect();
        let runs = fold(&rows);
        assert_eq!(runs.len(), 1);
        assert_eq!((runs[0].rows_in_run, runs[0].paid), (12, Some((1, 15))));
    }

    #[test]
    fn any_difference_starts_a_new_run_and_nothing_is_lost() {
        let mut rows = vec![
            row(Insurance::Medical, 202401, 500_000, date(2024, 2, 15)),
            row(Insurance::Medical, 202402, 500_000, date(2024, 3, 15)),
            // a new base
            row(Insurance::Medical, 202403, 520_000, date(2024, 4, 15)),
            // paid late
            row(Insurance::Medical, 202404, 520_000, date(2024, 7, 2)),
            // a gap
            row(Insurance::Medical, 202407, 520_000, date(2024, 8, 2)),
            // in arrears, then a day that some months lack
            row(Insurance::Medical, 202408, 520_000, None),
            row(Insurance::Medical, 202409, 520_000, None),
            row(Insurance::Medical, 202410, 520_000, date(2024, 10, 31)),
            row(Insurance::Medical, 202411, 520_000, date(2024, 11, 30)),
            row(Insurance::Pension, 202401, 500_000, date(2024, 2, 15)),
        ];
        // A resident's yearly payments: years in a row, paid the December before.
        for year in 2020..=2023 {
            let mut r = row(
                Insurance::Pension,
                year * 100 + 1,
                0,
                date(year - 1, 12, 20),
            );
            r.person_id = 8;
            r.months_covered = 12;
            rows.push(r);
        }
        rows.reverse();
        let runs = fold(&rows);
        assert_eq!(runs.len(), 9, "{runs:#?}");
        assert_eq!(runs.last().unwrap().rows_in_run, 4);
        let mut expected: Vec<_> = rows
            .iter()
            .map(|r| (insurance_id(r.insurance), r.month, r.base, r.paid_on))
            .collect();
        let mut back = unfold(&runs);
        expected.sort();
        back.sort();
        assert_eq!(back, expected);
    }

    #[test]
    fn insurance_ids_follow_the_migration() {
        for insurance in Insurance::ALL {
            assert_eq!(insurance_of(insurance_id(insurance)), insurance);
        }
        let ids: Vec<_> = Insurance::ALL
            .iter()
            .map(|&i| (insurance_id(i), i.code()))
            .collect();
        assert_eq!(
            ids,
            [
                (1, "pension"),
                (2, "medical"),
                (3, "work_injury"),
                (4, "unemployment"),
                (5, "maternity")
            ]
        );
    }
}
