//! Reading one person's insurance record: enrolment periods, contribution totals, account
//! balances and the offices that own them. Every query is keyed by person id and served by an
//! index, so its cost does not grow with the number of persons.

use super::page_rows::{ACCOUNT_YEARS, PERIODS, Sql};
use super::{Db, Store, StoreError, on_pool};
use crate::models::insurance::{
    Agency, EnrolmentStatus, Insurance, Scheme, StatusReason, add_months,
};
use chrono::NaiveDate;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRecord {
    pub id: i64,
    pub resident_id: String,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Deserialize)]
pub struct EnrolmentPeriod {
    pub insurance: Insurance,
    pub scheme: Scheme,
    pub region_code: String,
    pub region_zh: String,
    pub region_en: String,
    pub employer_id: Option<i64>,
    pub employer_name: Option<String>,
    pub start_month: i32,
    pub end_month: Option<i32>,
    pub status: EnrolmentStatus,
    pub status_reason: StatusReason,
    pub status_date: NaiveDate,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountBalance {
    pub insurance: Insurance,
    pub year: i32,
    pub closing: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OfficeRecord {
    pub id: i64,
    pub region_code: String,
    pub agency: Agency,
    pub name_zh: String,
    pub name_en: String,
    pub data_as_of: NaiveDate,
}

impl Store {
    pub(super) async fn person(&self, person_id: i64) -> Result<Option<PersonRecord>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT id, resident_id, name FROM persons WHERE id = $1")
            .bind(person_id).fetch_optional(pool).await?),
        )
    }

    pub async fn person_id_by_resident_id(
        &self,
        resident_id: &str,
    ) -> Result<Option<i64>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT id FROM persons WHERE resident_id = $1")
            .bind(resident_id).fetch_optional(pool).await?),
        )
    }

    /// All enrolment periods of a person, oldest first within each insurance.
    pub(super) async fn enrolment_periods(
        &self,
        person_id: i64,
    ) -> Result<Vec<EnrolmentPeriod>, StoreError> {
        static SQL: Sql = Sql::new();
        let sql = SQL.get(self.backend(), |_| PERIODS.select());
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_all(pool).await?))
    }

    /// The latest closing balance of each personal account.
    pub(super) async fn account_balances(
        &self,
        person_id: i64,
    ) -> Result<Vec<AccountBalance>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT a.insurance, a.year, a.closing FROM account_years a \
             WHERE a.person_id = $1 AND a.year = \
               (SELECT MAX(b.year) FROM account_years b WHERE b.person_id = a.person_id AND b.insurance = a.insurance)",
        ).bind(person_id).fetch_all(pool).await?))
    }
}

/// Which contributions a record page lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContributionFilter {
    pub year: Option<i32>,
    pub employer_id: Option<i64>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct ContributionRow {
    pub month: i32,
    pub months_covered: i32,
    pub employer_id: Option<i64>,
    pub employer_name: Option<String>,
    pub region_zh: String,
    pub region_en: String,
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    pub paid_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Default, sqlx::FromRow)]
pub struct FilteredTotals {
    pub rows: i64,
    pub months_paid: i64,
    pub months_in_arrears: i64,
    pub employer_sum: i64,
    pub personal_sum: i64,
}

/// One month of the career for the chart (summed over insurances when all five are asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineRow {
    pub month: i32,
    pub months_covered: i32,
    pub base: i64,
    pub total: i64,
    pub paid: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Deserialize)]
pub struct AccountYearRow {
    pub year: i32,
    pub opening: i64,
    pub credited: i64,
    pub interest: i64,
    pub withdrawn: i64,
    pub closing: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonProfile {
    pub birth_date: NaiveDate,
    pub sex: String,
    pub female_category: Option<String>,
    pub hukou_region: String,
}

/// Contributions per place and the wage that bounded each base, for the estimate.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlaceContribution {
    pub region_code: String,
    pub month: i32,
    pub months_covered: i32,
    pub base: i64,
    pub paid: i64,
}

/// The contributions a record page's filter selects: the person (`$1`), the insurance (`$2`),
/// a year (`$3`) and an employer (`$4`), the last two optional. A macro, so that `concat!`
/// builds each statement that uses it at compile time.
macro_rules! contribution_filter {
    () => {
        "c.person_id = $1 AND c.insurance = $2 \
         AND ($3 IS NULL OR (c.month >= $3 * 100 AND c.month < ($3 + 1) * 100)) \
         AND ($4 IS NULL OR c.employer_id = $4)"
    };
}
pub(super) use contribution_filter;

impl Store {
    /// Totals over every contribution the filter selects (not just the page shown).
    pub(super) async fn contributions_totals(
        &self,
        person_id: i64,
        insurance: &str,
        filter: ContributionFilter,
    ) -> Result<FilteredTotals, StoreError> {
        let sql = concat!(
            "SELECT COUNT(*) AS rows, \
                    CAST(COALESCE(SUM(CASE WHEN c.paid_on IS NOT NULL THEN c.months_covered ELSE 0 END), 0) AS BIGINT) AS months_paid, \
                    CAST(COALESCE(SUM(CASE WHEN c.paid_on IS NULL THEN c.months_covered ELSE 0 END), 0) AS BIGINT) AS months_in_arrears, \
                    CAST(COALESCE(SUM(c.employer_part), 0) AS BIGINT) AS employer_sum, \
                    CAST(COALESCE(SUM(c.personal_part), 0) AS BIGINT) AS personal_sum \
             FROM contributions c WHERE ",
            contribution_filter!()
        );
        Ok(on_pool!(self, pool => sqlx::query_as(sql)
            .bind(person_id).bind(insurance).bind(filter.year).bind(filter.employer_id)
            .fetch_one(pool).await?))
    }

    /// Month by month over the career, for one insurance or (None) all five summed. A career
    /// is hundreds of months, so they come packed in one text value (`packed_timeline!`):
    /// sqlx copies every SQLite value it returns into its own allocation, and row by row this
    /// query was an eighth of the record page's server time.
    pub(super) async fn contribution_timeline(
        &self,
        person_id: i64,
        insurance: Option<&str>,
    ) -> Result<Vec<TimelineRow>, StoreError> {
        let packed: Option<String> = match insurance {
            Some(code) => on_pool!(self, pool => sqlx::query_scalar(INSURANCE_TIMELINE)
                .bind(person_id).bind(code).fetch_one(pool).await?),
            None => on_pool!(self, pool => sqlx::query_scalar(CAREER_TIMELINE)
                .bind(person_id).fetch_one(pool).await?),
        };
        packed.as_deref().map_or(Ok(Vec::new()), unpack_timeline)
    }

    pub(super) async fn account_history(
        &self,
        person_id: i64,
        insurance: &str,
    ) -> Result<Vec<AccountYearRow>, StoreError> {
        static SQL: Sql = Sql::new();
        let sql = SQL.get(self.backend(), |_| ACCOUNT_YEARS.select());
        Ok(
            on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).bind(insurance).fetch_all(pool).await?),
        )
    }

    pub(super) async fn person_profile(
        &self,
        person_id: i64,
    ) -> Result<Option<PersonProfile>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT birth_date, sex, female_category, hukou_region FROM persons WHERE id = $1",
        ).bind(person_id).fetch_optional(pool).await?))
    }

    /// Every pension contribution with its place, for the contribution index and the places.
    pub(super) async fn pension_contributions(
        &self,
        person_id: i64,
    ) -> Result<Vec<PlaceContribution>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT c.region_code, c.month, c.months_covered, c.base, \
                    CAST(CASE WHEN c.paid_on IS NULL THEN 0 ELSE 1 END AS BIGINT) AS paid \
             FROM contributions c WHERE c.person_id = $1 AND c.insurance = 'pension' ORDER BY c.month",
        ).bind(person_id).fetch_all(pool).await?))
    }

    /// Average monthly wage series (year, fen) of a city, or of its province when the city has none.
    pub async fn wage_series(&self, city: &str) -> Result<Vec<(i32, i64)>, StoreError> {
        let province = format!("{}0000", &city[..2.min(city.len())]);
        let own: Vec<(i32, i64)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT year, monthly_fen FROM average_wages WHERE region_code = $1 ORDER BY year",
        ).bind(city).fetch_all(pool).await?);
        if !own.is_empty() {
            return Ok(own);
        }
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT year, monthly_fen FROM average_wages WHERE region_code = $1 ORDER BY year",
        ).bind(&province).fetch_all(pool).await?))
    }

    pub async fn region_names(&self, code: &str) -> Result<Option<(String, String)>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_as("SELECT name_zh, name_en FROM regions WHERE code = $1")
            .bind(code).fetch_optional(pool).await?),
        )
    }
}

/// The months of a career packed into one value: "month,covered,rows,base,total,paid;...",
/// each entry `rows` months from `month`, `covered` months apart, alike in all but the month.
macro_rules! packed_timeline {
    () => {
        "string_agg(concat_ws(',', m.month, m.months_covered, m.rows_in_run, m.base, m.total, m.paid), \
         ';' ORDER BY m.month)"
    };
}

/// One insurance's months (person `$1`, insurance `$2`), as the runs they are stored in: a
/// career of hundreds of months is a few dozen runs, and the runs table, not the view that
/// unfolds it, is cheap to plan (about 0.1 ms against 0.3 ms a read on PostgreSQL).
pub(super) const INSURANCE_TIMELINE: &str = concat!(
    "SELECT ",
    packed_timeline!(),
    " FROM (SELECT (r.first_month / 12) * 100 + r.first_month % 12 + 1 AS month, r.months_covered, \
            r.rows_in_run, r.base, r.employer_part + r.personal_part AS total, \
            CASE WHEN r.paid_day IS NULL THEN 0 ELSE 1 END AS paid \
     FROM contribution_runs r JOIN insurance_codes i ON i.id = r.insurance \
     WHERE r.person_id = $1 AND i.code = $2) m"
);

/// All five insurances' months summed (person `$1`), one entry a month.
const CAREER_TIMELINE: &str = concat!(
    "SELECT ",
    packed_timeline!(),
    " FROM (SELECT c.month, MAX(c.months_covered) AS months_covered, 1 AS rows_in_run, \
            MAX(c.base) AS base, SUM(c.employer_part + c.personal_part) AS total, \
            MIN(CASE WHEN c.paid_on IS NULL THEN 0 ELSE 1 END) AS paid \
     FROM contributions c WHERE c.person_id = $1 GROUP BY c.month) m"
);

/// Reads the packed timeline back, month by month in order; a value that does not parse is a
/// decoding error.
pub(super) fn unpack_timeline(packed: &str) -> Result<Vec<TimelineRow>, StoreError> {
    let bad = || {
        StoreError::Database(sqlx::Error::Decode(
            format!("timeline: {packed:.80}").into(),
        ))
    };
    let mut months = Vec::new();
    for entry in packed.split(';') {
        let mut f = entry.split(',').map(str::parse::<i64>);
        let mut next = || f.next().and_then(Result::ok).ok_or_else(bad);
        let month = i32::try_from(next()?).map_err(|_| bad())?;
        let months_covered = i32::try_from(next()?).map_err(|_| bad())?;
        let rows = i32::try_from(next()?).map_err(|_| bad())?;
        let (base, total, paid) = (next()?, next()?, next()?);
        months.extend((0..rows).map(|k| TimelineRow {
            month: add_months(month, k * months_covered),
            months_covered,
            base,
            total,
            paid,
        }));
    }
    // Runs come ordered by their first month. Sorting keeps the months in order even where a
    // yearly run's later rows would pass another run (cover that overlaps, which a record
    // should not hold); months already in order cost one pass.
    months.sort_by_key(|m| m.month);
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_timeline_reads_back_and_a_damaged_one_is_an_error() {
        assert_eq!(
            unpack_timeline("201911,1,2,800000,192000,1;202001,12,2,400000,48000,0").unwrap(),
            vec![
                TimelineRow {
                    month: 201911,
                    months_covered: 1,
                    base: 800000,
                    total: 192000,
                    paid: 1
                },
                TimelineRow {
                    month: 201912,
                    months_covered: 1,
                    base: 800000,
                    total: 192000,
                    paid: 1
                },
                TimelineRow {
                    month: 202001,
                    months_covered: 12,
                    base: 400000,
                    total: 48000,
                    paid: 0
                },
                TimelineRow {
                    month: 202101,
                    months_covered: 12,
                    base: 400000,
                    total: 48000,
                    paid: 0
                },
            ]
        );
        assert!(unpack_timeline("201901,1,1,800000,192000").is_err());
        assert!(unpack_timeline("201901,1,1,8.5,192000,1").is_err());
    }
}
