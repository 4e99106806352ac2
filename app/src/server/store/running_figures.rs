//! What an import's changed months add to the read models (migration 0018), written in the
//! import's transaction: each figure moves by a difference or to a later month, so the rows of a
//! million careers need not be read again for one month declared. `services::read_model_deltas`
//! computes the differences; a change they cannot express is rebuilt from the record instead.

use super::MAX_BINDS;
use super::bulk::NewContribution;
use crate::models::insurance::{Insurance, Month};
use crate::models::staff::StaffFlag;
use sqlx::QueryBuilder;
use std::collections::HashSet;

/// One month of a person that an import changed: every insurance's row of that month as
/// stored before and as it is after, so a check over the whole month sees it whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthChange {
    pub month: Month,
    pub before: Vec<NewContribution>,
    pub after: Vec<NewContribution>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChange {
    pub person_id: i64,
    pub months: Vec<MonthChange>,
}

/// A roster row's differences (counts of months) and the months the changed ones reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterDelta {
    pub employer_id: i64,
    pub person_id: i64,
    pub in_arrears: i32,
    pub below_floor: i32,
    pub above_cap: i32,
    pub mismatched: i32,
    /// The earliest and the latest month changed with this employer.
    pub first_month: Month,
    pub last_declared: Month,
    /// The later of `last_declared` and the end of the enrolments (an open one runs to now).
    pub last_month: Month,
    /// Whether an insurance is missing in `last_declared` (applies if that is the last month).
    pub missing: bool,
}

/// An insurance of a roster row: arrears by difference, the latest month changed with its base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterInsuranceDelta {
    pub employer_id: i64,
    pub person_id: i64,
    pub insurance: Insurance,
    pub in_arrears: i32,
    pub last_month: Month,
    pub base: i64,
    pub last_paid_month: Option<Month>,
}

/// A record total's differences, and the latest month changed with its base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsDelta {
    pub person_id: i64,
    pub insurance: Insurance,
    pub rows: i32,
    pub months_paid: i32,
    pub months_in_arrears: i32,
    pub employer_sum: i64,
    pub personal_sum: i64,
    pub last_month: Month,
    pub base: i64,
    pub last_paid_month: Option<Month>,
}

/// What one step of an import adds to the read models.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deltas {
    pub roster: Vec<RosterDelta>,
    pub roster_insurances: Vec<RosterInsuranceDelta>,
    pub totals: Vec<TotalsDelta>,
    /// Persons whose change no difference expresses (a month that left an employer, a paid
    /// month declared unpaid): their read models are rebuilt from the record.
    pub rebuild: Vec<i64>,
}

/// The three updates, each `SET … FROM <rows> AS v WHERE … [RETURNING …]`, with the rows'
/// columns named column1, column2, … as both backends name a VALUES list's.
struct Update {
    head: String,
    tail: &'static str,
}

impl Update {
    /// The statement over `rows`, which names its columns.
    fn sql(&self, rows: &str) -> String {
        format!("{} FROM {rows} {}", self.head, self.tail)
    }

    /// The statement up to a VALUES list of bound rows, then `values_tail` after it.
    fn values_head(&self) -> QueryBuilder<'static, sqlx::Sqlite> {
        QueryBuilder::new(format!("{} FROM (", self.head))
    }

    fn values_tail(&self, qb: &mut QueryBuilder<'_, sqlx::Sqlite>) {
        qb.push(format!(") AS v {}", self.tail));
    }
}

impl RosterDelta {
    fn key(&self) -> (i64, i64) {
        (self.employer_id, self.person_id)
    }

    fn partial_flag(&self) -> i32 {
        if self.missing {
            StaffFlag::PartialEnrolment.bit()
        } else {
            0
        }
    }
}

impl TotalsDelta {
    fn key(&self) -> (i64, Insurance) {
        (self.person_id, self.insurance)
    }
}

/// A later month replaces an earlier one; NULL (none yet) is earlier than any.
fn later(column: &str, value: &str) -> String {
    format!("CASE WHEN t.{column} IS NULL OR {value} > t.{column} THEN {value} ELSE t.{column} END")
}

/// A roster row: counts move by the differences, the flags follow from the counts, and the
/// partial-enrolment flag is taken from the delta when its month becomes the last declared.
/// Returns the keys it found (a pair without a row is rebuilt).
fn roster_update() -> Update {
    let new_last = "t.last_declared IS NULL OR v.column8 > t.last_declared";
    let flags = format!(
        "(CASE WHEN t.months_below_floor + v.column4 > 0 THEN {below} ELSE 0 END) \
         | (CASE WHEN t.months_above_cap + v.column5 > 0 THEN {above} ELSE 0 END) \
         | (CASE WHEN t.months_mismatched + v.column6 > 0 THEN {mismatch} ELSE 0 END) \
         | (CASE WHEN {new_last} THEN v.column10 ELSE t.flags & {partial} END) \
         | (CASE WHEN t.arrears_months + v.column3 > 0 THEN {arrears} ELSE 0 END)",
        below = StaffFlag::BaseBelowFloor.bit(),
        above = StaffFlag::BaseAboveCap.bit(),
        mismatch = StaffFlag::BaseMismatch.bit(),
        partial = StaffFlag::PartialEnrolment.bit(),
        arrears = StaffFlag::Arrears.bit(),
    );
    Update {
        head: format!(
            "UPDATE employer_staff AS t SET arrears_months = t.arrears_months + v.column3, \
                 months_below_floor = t.months_below_floor + v.column4, \
                 months_above_cap = t.months_above_cap + v.column5, \
                 months_mismatched = t.months_mismatched + v.column6, \
                 first_month = CASE WHEN v.column7 < t.first_month THEN v.column7 ELSE t.first_month END, \
                 last_declared = {last_declared}, \
                 last_month = CASE WHEN t.last_declared > v.column9 THEN t.last_declared ELSE v.column9 END, \
                 flags = {flags}",
            last_declared = later("last_declared", "v.column8"),
        ),
        tail: "WHERE t.employer_id = v.column1 AND t.person_id = v.column2 RETURNING employer_id, person_id",
    }
}

/// An insurance of a roster row. One without an enrolment with the employer has no row, as in
/// a rebuild, so none found is no fault.
fn insurance_update() -> Update {
    Update {
        head: format!(
            "UPDATE employer_staff_insurances AS t SET arrears_months = t.arrears_months + v.column4, \
                 base = CASE WHEN t.last_month IS NULL OR v.column5 >= t.last_month THEN v.column6 ELSE t.base END, \
                 last_month = {last_month}, last_paid_month = {last_paid}",
            last_month = later("last_month", "v.column5"),
            last_paid = later_paid("v.column7"),
        ),
        tail: "WHERE t.employer_id = v.column1 AND t.person_id = v.column2 AND t.insurance = v.column3",
    }
}

/// A record total. Returns the keys it found (an insurance without totals is rebuilt).
fn totals_update() -> Update {
    Update {
        head: format!(
            "UPDATE record_totals AS t SET contribution_rows = t.contribution_rows + v.column3, \
                 months_paid = t.months_paid + v.column4, months_in_arrears = t.months_in_arrears + v.column5, \
                 employer_sum = t.employer_sum + v.column6, personal_sum = t.personal_sum + v.column7, \
                 latest_base = CASE WHEN t.last_month IS NULL OR v.column8 >= t.last_month THEN v.column9 ELSE t.latest_base END, \
                 last_month = {last_month}, last_paid_month = {last_paid}",
            last_month = later("last_month", "v.column8"),
            last_paid = later_paid("v.column10"),
        ),
        tail: "WHERE t.person_id = v.column1 AND t.insurance = v.column2 RETURNING person_id, insurance",
    }
}

/// The last paid month: a newly paid month if later; a month without payment leaves it.
fn later_paid(value: &str) -> String {
    format!(
        "CASE WHEN {value} IS NOT NULL AND (t.last_paid_month IS NULL OR {value} > t.last_paid_month) \
         THEN {value} ELSE t.last_paid_month END"
    )
}

/// Applies the deltas on a transaction's connection and returns the persons whose roster row or
/// record total did not exist yet (a first month with an employer or in an insurance), to be
/// built from the record instead. The rows go in as SQLite's bound VALUES or as PostgreSQL's
/// arrays, one per column (parsing tens of thousands of bound values cost it more than the
/// updates). SQLite's RETURNING takes the target's columns unqualified only.
pub(super) trait ApplyDeltas {
    async fn apply_deltas(&mut self, deltas: &Deltas) -> Result<Vec<i64>, sqlx::Error>;
}

impl ApplyDeltas for sqlx::SqliteConnection {
    async fn apply_deltas(&mut self, deltas: &Deltas) -> Result<Vec<i64>, sqlx::Error> {
        let mut absent = Vec::new();
        let roster = roster_update();
        for part in deltas.roster.chunks(MAX_BINDS / 10) {
            let mut qb = roster.values_head();
            qb.push_values(part, |mut b, d| {
                b.push_bind(d.employer_id)
                    .push_bind(d.person_id)
                    .push_bind(d.in_arrears)
                    .push_bind(d.below_floor)
                    .push_bind(d.above_cap)
                    .push_bind(d.mismatched)
                    .push_bind(d.first_month)
                    .push_bind(d.last_declared)
                    .push_bind(d.last_month)
                    .push_bind(d.partial_flag());
            });
            roster.values_tail(&mut qb);
            let found = qb
                .build_query_as()
                .persistent(false)
                .fetch_all(&mut *self)
                .await?;
            absent.extend(missing_from(part, found, RosterDelta::key, |d| d.person_id));
        }
        let insurances = insurance_update();
        for part in deltas.roster_insurances.chunks(MAX_BINDS / 7) {
            let mut qb = insurances.values_head();
            qb.push_values(part, |mut b, d| {
                b.push_bind(d.employer_id)
                    .push_bind(d.person_id)
                    .push_bind(d.insurance)
                    .push_bind(d.in_arrears)
                    .push_bind(d.last_month)
                    .push_bind(d.base)
                    .push_bind(d.last_paid_month);
            });
            insurances.values_tail(&mut qb);
            qb.build().persistent(false).execute(&mut *self).await?;
        }
        let totals = totals_update();
        for part in deltas.totals.chunks(MAX_BINDS / 10) {
            let mut qb = totals.values_head();
            qb.push_values(part, |mut b, d| {
                b.push_bind(d.person_id)
                    .push_bind(d.insurance)
                    .push_bind(d.rows)
                    .push_bind(d.months_paid)
                    .push_bind(d.months_in_arrears)
                    .push_bind(d.employer_sum)
                    .push_bind(d.personal_sum)
                    .push_bind(d.last_month)
                    .push_bind(d.base)
                    .push_bind(d.last_paid_month);
            });
            totals.values_tail(&mut qb);
            let found = qb
                .build_query_as()
                .persistent(false)
                .fetch_all(&mut *self)
                .await?;
            absent.extend(missing_from(part, found, TotalsDelta::key, |d| d.person_id));
        }
        Ok(absent)
    }
}

impl ApplyDeltas for sqlx::PgConnection {
    async fn apply_deltas(&mut self, deltas: &Deltas) -> Result<Vec<i64>, sqlx::Error> {
        let r = &deltas.roster;
        let rows = "unnest($1::BIGINT[], $2::BIGINT[], $3::INTEGER[], $4::INTEGER[], $5::INTEGER[], \
                    $6::INTEGER[], $7::INTEGER[], $8::INTEGER[], $9::INTEGER[], $10::INTEGER[]) \
                    AS v(column1, column2, column3, column4, column5, column6, column7, column8, column9, column10)";
        let found = sqlx::query_as(&roster_update().sql(rows))
            .bind(r.iter().map(|d| d.employer_id).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.person_id).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.in_arrears).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.below_floor).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.above_cap).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.mismatched).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.first_month).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.last_declared).collect::<Vec<_>>())
            .bind(r.iter().map(|d| d.last_month).collect::<Vec<_>>())
            .bind(r.iter().map(RosterDelta::partial_flag).collect::<Vec<_>>())
            .fetch_all(&mut *self)
            .await?;
        let mut absent: Vec<i64> =
            missing_from(r, found, RosterDelta::key, |d| d.person_id).collect();

        let i = &deltas.roster_insurances;
        let rows = "unnest($1::BIGINT[], $2::BIGINT[], $3::TEXT[], $4::INTEGER[], $5::INTEGER[], \
                    $6::BIGINT[], $7::INTEGER[]) \
                    AS v(column1, column2, column3, column4, column5, column6, column7)";
        sqlx::query(&insurance_update().sql(rows))
            .bind(i.iter().map(|d| d.employer_id).collect::<Vec<_>>())
            .bind(i.iter().map(|d| d.person_id).collect::<Vec<_>>())
            .bind(i.iter().map(|d| d.insurance.code()).collect::<Vec<_>>())
            .bind(i.iter().map(|d| d.in_arrears).collect::<Vec<_>>())
            .bind(i.iter().map(|d| d.last_month).collect::<Vec<_>>())
            .bind(i.iter().map(|d| d.base).collect::<Vec<_>>())
            .bind(i.iter().map(|d| d.last_paid_month).collect::<Vec<_>>())
            .execute(&mut *self)
            .await?;

        let t = &deltas.totals;
        let rows = "unnest($1::BIGINT[], $2::TEXT[], $3::INTEGER[], $4::INTEGER[], $5::INTEGER[], \
                    $6::BIGINT[], $7::BIGINT[], $8::INTEGER[], $9::BIGINT[], $10::INTEGER[]) \
                    AS v(column1, column2, column3, column4, column5, column6, column7, column8, column9, column10)";
        let found = sqlx::query_as(&totals_update().sql(rows))
            .bind(t.iter().map(|d| d.person_id).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.insurance.code()).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.rows).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.months_paid).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.months_in_arrears).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.employer_sum).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.personal_sum).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.last_month).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.base).collect::<Vec<_>>())
            .bind(t.iter().map(|d| d.last_paid_month).collect::<Vec<_>>())
            .fetch_all(&mut *self)
            .await?;
        absent.extend(missing_from(t, found, TotalsDelta::key, |d| d.person_id));
        Ok(absent)
    }
}

/// The persons of the deltas whose key the update did not find.
fn missing_from<'a, D, K: Eq + std::hash::Hash + 'a>(
    deltas: &'a [D],
    found: Vec<K>,
    key: impl Fn(&D) -> K + 'a,
    person: impl Fn(&D) -> i64 + 'a,
) -> impl Iterator<Item = i64> + 'a {
    let found: HashSet<K> = found.into_iter().collect();
    deltas
        .iter()
        .filter(move |d| !found.contains(&key(d)))
        .map(person)
}
