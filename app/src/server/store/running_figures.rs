//! What an import's changed months add to the read models (migration 0018), written in the
//! import's transaction: each figure moves by a difference or to a later month, so the rows of a
//! million careers need not be read again for one month declared. `services::read_model_deltas`
//! computes the differences; a change they cannot express is rebuilt from the record instead.

use super::bulk::NewContribution;
use crate::models::insurance::{Insurance, Month};

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

/// Applies `$deltas` on a transaction and adds to `$rebuild` the persons whose roster row or
/// record total did not exist yet (a first month with an employer or in an insurance: built
/// from the record instead). A macro so that it expands inside `on_pool!` once per backend.
/// Both backends name the columns of a VALUES list column1, column2, ...; SQLite's RETURNING
/// takes the target's columns unqualified only.
macro_rules! apply_deltas {
    ($conn:expr, $deltas:expr, $rebuild:expr) => {{
        use crate::models::staff::StaffFlag;
        let deltas: &super::running_figures::Deltas = $deltas;
        // A later month replaces an earlier one; NULL (none yet) is earlier than any.
        let later = |column: &str, value: &str| {
            format!("CASE WHEN t.{column} IS NULL OR {value} > t.{column} THEN {value} ELSE t.{column} END")
        };
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
        let roster_sql = format!(
            "UPDATE employer_staff AS t SET arrears_months = t.arrears_months + v.column3, \
                 months_below_floor = t.months_below_floor + v.column4, \
                 months_above_cap = t.months_above_cap + v.column5, \
                 months_mismatched = t.months_mismatched + v.column6, \
                 first_month = CASE WHEN v.column7 < t.first_month THEN v.column7 ELSE t.first_month END, \
                 last_declared = {last_declared}, \
                 last_month = CASE WHEN t.last_declared > v.column9 THEN t.last_declared ELSE v.column9 END, \
                 flags = {flags} \
             FROM (",
            last_declared = later("last_declared", "v.column8"),
        );
        for part in deltas.roster.chunks(super::MAX_BINDS / 10) {
            let mut qb = sqlx::QueryBuilder::new(&roster_sql);
            qb.push_values(part, |mut b, d| {
                let partial = if d.missing { StaffFlag::PartialEnrolment.bit() } else { 0 };
                b.push_bind(d.employer_id).push_bind(d.person_id).push_bind(d.in_arrears)
                    .push_bind(d.below_floor).push_bind(d.above_cap).push_bind(d.mismatched)
                    .push_bind(d.first_month).push_bind(d.last_declared).push_bind(d.last_month)
                    .push_bind(partial);
            });
            qb.push(") AS v WHERE t.employer_id = v.column1 AND t.person_id = v.column2 \
                     RETURNING employer_id, person_id");
            let found: std::collections::HashSet<(i64, i64)> =
                qb.build_query_as().persistent(false).fetch_all(&mut *$conn).await?.into_iter().collect();
            $rebuild.extend(part.iter().filter(|d| !found.contains(&(d.employer_id, d.person_id))).map(|d| d.person_id));
        }
        // An insurance without an enrolment with the employer has no row, as in a rebuild.
        let insurance_sql = format!(
            "UPDATE employer_staff_insurances AS t SET arrears_months = t.arrears_months + v.column4, \
                 base = CASE WHEN t.last_month IS NULL OR v.column5 >= t.last_month THEN v.column6 ELSE t.base END, \
                 last_month = {last_month}, last_paid_month = CASE WHEN v.column7 IS NOT NULL AND \
                     (t.last_paid_month IS NULL OR v.column7 > t.last_paid_month) THEN v.column7 ELSE t.last_paid_month END \
             FROM (",
            last_month = later("last_month", "v.column5"),
        );
        for part in deltas.roster_insurances.chunks(super::MAX_BINDS / 7) {
            let mut qb = sqlx::QueryBuilder::new(&insurance_sql);
            qb.push_values(part, |mut b, d| {
                b.push_bind(d.employer_id).push_bind(d.person_id).push_bind(d.insurance)
                    .push_bind(d.in_arrears).push_bind(d.last_month).push_bind(d.base)
                    .push_bind(d.last_paid_month);
            });
            qb.push(") AS v WHERE t.employer_id = v.column1 AND t.person_id = v.column2 AND t.insurance = v.column3");
            qb.build().persistent(false).execute(&mut *$conn).await?;
        }
        let totals_sql = format!(
            "UPDATE record_totals AS t SET contribution_rows = t.contribution_rows + v.column3, \
                 months_paid = t.months_paid + v.column4, months_in_arrears = t.months_in_arrears + v.column5, \
                 employer_sum = t.employer_sum + v.column6, personal_sum = t.personal_sum + v.column7, \
                 latest_base = CASE WHEN t.last_month IS NULL OR v.column8 >= t.last_month THEN v.column9 ELSE t.latest_base END, \
                 last_month = {last_month}, last_paid_month = CASE WHEN v.column10 IS NOT NULL AND \
                     (t.last_paid_month IS NULL OR v.column10 > t.last_paid_month) THEN v.column10 ELSE t.last_paid_month END \
             FROM (",
            last_month = later("last_month", "v.column8"),
        );
        for part in deltas.totals.chunks(super::MAX_BINDS / 10) {
            let mut qb = sqlx::QueryBuilder::new(&totals_sql);
            qb.push_values(part, |mut b, d| {
                b.push_bind(d.person_id).push_bind(d.insurance).push_bind(d.rows)
                    .push_bind(d.months_paid).push_bind(d.months_in_arrears).push_bind(d.employer_sum)
                    .push_bind(d.personal_sum).push_bind(d.last_month).push_bind(d.base)
                    .push_bind(d.last_paid_month);
            });
            qb.push(") AS v WHERE t.person_id = v.column1 AND t.insurance = v.column2 \
                     RETURNING person_id, insurance");
            let found: std::collections::HashSet<(i64, crate::models::insurance::Insurance)> =
                qb.build_query_as().persistent(false).fetch_all(&mut *$conn).await?.into_iter().collect();
            $rebuild.extend(part.iter().filter(|d| !found.contains(&(d.person_id, d.insurance))).map(|d| d.person_id));
        }
    }};
}
pub(super) use apply_deltas;
