//! The employers' staff rosters: reading a person's record with their employers (the input of
//! the staff checks), replacing their roster rows, and the employer's list, page and export
//! queries. Every read takes the employer id first: no query here can reach another employer's
//! staff. The rules that decide flags live in services::staff_checks, not in this SQL.

use super::bulk::NewContribution;
use super::contribution_runs::{self, StoredRun};
use super::{Db, MAX_BINDS, Store, StoreError, on_pool};
use crate::models::insurance::{EnrolmentStatus, Insurance};
use crate::models::staff::{StaffQuery, StaffScope, StaffSort};
use sqlx::QueryBuilder;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EnrolmentFactRow {
    pub employer_id: i64,
    pub person_id: i64,
    pub insurance: Insurance,
    pub start_month: i32,
    pub end_month: Option<i32>,
    pub status: EnrolmentStatus,
}

/// Reads `EnrolmentFactRow`s (periods with an employer); a condition on `person_id` follows.
pub(super) const ENROLMENT_FACTS: &str = "SELECT employer_id, person_id, insurance, start_month, \
     end_month, status FROM enrolments WHERE employer_id IS NOT NULL AND";

/// Reads `PersonAgeRow`s; a condition on `id` follows.
pub(super) const PERSON_AGES: &str =
    "SELECT id AS person_id, birth_date, sex, female_category FROM persons WHERE";

/// What a person's statutory retirement age follows (the 超龄 check).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonAgeRow {
    pub person_id: i64,
    pub birth_date: chrono::NaiveDate,
    pub sex: String,
    pub female_category: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ContributionFactRow {
    pub employer_id: i64,
    pub person_id: i64,
    pub insurance: Insurance,
    pub month: i32,
    pub region_code: String,
    pub base: i64,
    pub paid: bool,
}

impl ContributionFactRow {
    /// The fact of a contribution row; None when no employer declared it.
    pub fn of(c: &NewContribution) -> Option<Self> {
        Some(Self {
            employer_id: c.employer_id?,
            person_id: c.person_id,
            insurance: c.insurance,
            month: c.month,
            region_code: c.region_code.clone(),
            base: c.base,
            paid: c.paid_on.is_some(),
        })
    }
}

/// A roster row to write: the staff checks' summary of one person with one employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub employer_id: i64,
    pub person_id: i64,
    pub current: bool,
    pub first_month: i32,
    pub last_month: i32,
    pub flags: i32,
    pub arrears_months: i32,
    /// The running figures an import updates (migration 0018): the last month declared with
    /// the employer and the months each base check found.
    pub last_declared: Option<i32>,
    pub months_below_floor: i32,
    pub months_above_cap: i32,
    pub months_mismatched: i32,
    pub insurances: Vec<RosterInsurance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterInsurance {
    pub insurance: Insurance,
    pub status: EnrolmentStatus,
    pub base: Option<i64>,
    /// The month `base` was declared for.
    pub last_month: Option<i32>,
    pub last_paid_month: Option<i32>,
    pub arrears_months: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RosterRow {
    pub person_id: i64,
    pub name: String,
    pub resident_id: String,
    pub current: bool,
    pub first_month: i32,
    pub last_month: i32,
    pub flags: i32,
    pub arrears_months: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RosterInsuranceRow {
    pub person_id: i64,
    pub insurance: Insurance,
    pub status: EnrolmentStatus,
    pub base: Option<i64>,
    pub last_paid_month: Option<i32>,
    pub arrears_months: i32,
}

/// Counts over the roster in one scope: staff, flagged staff, and staff per flag bit.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct RosterCounts {
    pub staff: i64,
    pub flagged: i64,
    pub bit0: i64,
    pub bit1: i64,
    pub bit2: i64,
    pub bit3: i64,
    pub bit4: i64,
}

/// What the list's search matches: part of a name, or part of the ID number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterSearch {
    /// Part of the name.
    Name(String),
    /// The whole ID number.
    ResidentId(String),
    /// Its last four characters.
    ResidentIdEnd(String),
}

/// Where a keyset page of the export resumes: after this sort key and person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterCursor {
    Int(i64, i64),
    Text(String, i64),
}

/// `LIKE` pattern for a substring, with the wildcard characters escaped (`ESCAPE '\'`).
pub(super) fn contains_pattern(s: &str) -> String {
    let escaped: String = s
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

impl Store {
    /// Enrolment periods and monthly contributions with employers of persons `from..=to`.
    pub async fn staff_facts(
        &self,
        from: i64,
        to: i64,
    ) -> Result<(Vec<EnrolmentFactRow>, Vec<ContributionFactRow>), StoreError> {
        let (enrolments, runs) = on_pool!(self, pool => {
            let enrolments = sqlx::query_as(&format!("{ENROLMENT_FACTS} person_id BETWEEN $1 AND $2"))
                .bind(from).bind(to).fetch_all(pool).await?;
            // The runs, unfolded here: a tenth of the rows the view would send.
            let runs: Vec<StoredRun> = sqlx::query_as(&format!(
                "SELECT {} FROM contribution_runs WHERE person_id BETWEEN $1 AND $2 AND employer_id IS NOT NULL",
                contribution_runs::COLUMNS
            )).bind(from).bind(to).fetch_all(pool).await?;
            (enrolments, runs)
        });
        let contributions = runs
            .iter()
            .flat_map(StoredRun::rows)
            .filter_map(|c| ContributionFactRow::of(&c))
            .collect();
        Ok((enrolments, contributions))
    }

    /// The birth and retirement category of persons `from..=to`.
    pub async fn person_ages(&self, from: i64, to: i64) -> Result<Vec<PersonAgeRow>, StoreError> {
        let sql = format!("{PERSON_AGES} id BETWEEN $1 AND $2");
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(from).bind(to).fetch_all(pool).await?))
    }

    /// The same, for one person with one employer. Read by person (a few hundred rows through
    /// the primary key) and filtered here: a plan that also used the employer's index would
    /// walk every month of a large employer's staff.
    pub(super) async fn staff_member_facts(
        &self,
        employer_id: i64,
        person_id: i64,
    ) -> Result<(Vec<EnrolmentFactRow>, Vec<ContributionFactRow>), StoreError> {
        let (mut enrolments, mut contributions) = self.staff_facts(person_id, person_id).await?;
        enrolments.retain(|e| e.employer_id == employer_id);
        contributions.retain(|c| c.employer_id == employer_id);
        Ok((enrolments, contributions))
    }

    /// Replaces every roster row of persons `from..=to` with `entries`, in one transaction, so
    /// a reader sees either the old rows or the new ones.
    pub async fn replace_roster(
        &self,
        from: i64,
        to: i64,
        entries: &[RosterEntry],
    ) -> Result<(), StoreError> {
        let insurances: Vec<(&RosterEntry, &RosterInsurance)> = entries
            .iter()
            .flat_map(|e| e.insurances.iter().map(move |i| (e, i)))
            .collect();
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            // The insurances rows go with their roster rows (ON DELETE CASCADE).
            sqlx::query("DELETE FROM employer_staff WHERE person_id BETWEEN $1 AND $2")
                .bind(from).bind(to).execute(&mut *tx).await?;
            // Name and ID number come from persons, where they are stored; both backends name
            // the columns of a VALUES list column1, column2, ...
            for part in entries.chunks(MAX_BINDS / 11) {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO employer_staff (employer_id, person_id, current, first_month, last_month, flags, arrears_months, \
                                                 last_declared, months_below_floor, months_above_cap, months_mismatched, name, resident_id) \
                     SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, \
                            v.column8, v.column9, v.column10, v.column11, p.name, p.resident_id FROM (",
                );
                qb.push_values(part, |mut b, e| {
                    b.push_bind(e.employer_id).push_bind(e.person_id).push_bind(e.current)
                        .push_bind(e.first_month).push_bind(e.last_month).push_bind(e.flags)
                        .push_bind(e.arrears_months).push_bind(e.last_declared)
                        .push_bind(e.months_below_floor).push_bind(e.months_above_cap)
                        .push_bind(e.months_mismatched);
                });
                // The id range keeps PostgreSQL on the primary key: for a few thousand values
                // its planner would rather scan every person, once per window.
                qb.push(") AS v JOIN persons p ON p.id = v.column2 AND p.id BETWEEN ");
                qb.push_bind(from).push(" AND ").push_bind(to);
                // Not cached, as the bulk inserts (`bulk.rs`): each length would stay compiled.
                qb.build().persistent(false).execute(&mut *tx).await?;
            }
            for part in insurances.chunks(MAX_BINDS / 8) {
                let mut qb = QueryBuilder::new(
                    "INSERT INTO employer_staff_insurances (employer_id, person_id, insurance, status, base, last_month, last_paid_month, arrears_months) ",
                );
                qb.push_values(part, |mut b, (e, i)| {
                    b.push_bind(e.employer_id).push_bind(e.person_id).push_bind(i.insurance)
                        .push_bind(i.status).push_bind(i.base).push_bind(i.last_month)
                        .push_bind(i.last_paid_month).push_bind(i.arrears_months);
                });
                qb.build().persistent(false).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn max_person_id(&self) -> Result<i64, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM persons").fetch_one(pool).await?)
                .unwrap_or(0),
        )
    }

    /// Staff, flagged staff and staff per flag in one scope of one employer's roster.
    pub(super) async fn roster_counts(
        &self,
        employer_id: i64,
        scope: StaffScope,
    ) -> Result<RosterCounts, StoreError> {
        let bit = |n: u32| {
            format!(
                "CAST(COALESCE(SUM(CASE WHEN (flags & {}) <> 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS bit{n}",
                1 << n
            )
        };
        let sql = format!(
            "SELECT COUNT(*) AS staff, CAST(COALESCE(SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS flagged, \
             {}, {}, {}, {}, {} FROM employer_staff WHERE employer_id = $1 {}",
            bit(0),
            bit(1),
            bit(2),
            bit(3),
            bit(4),
            if scope == StaffScope::Current {
                "AND current = TRUE"
            } else {
                ""
            },
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(employer_id).fetch_one(pool).await?))
    }

    /// Staff matching the query (all pages).
    pub(super) async fn roster_total(
        &self,
        employer_id: i64,
        query: &StaffQuery,
        search: Option<&RosterSearch>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, pool => {
            let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM employer_staff s");
            roster_filter(&mut qb, employer_id, query, search);
            qb.build_query_scalar::<i64>().fetch_one(pool).await?
        }))
    }

    /// One page of the roster in the query's order.
    pub(super) async fn roster_page(
        &self,
        employer_id: i64,
        query: &StaffQuery,
        search: Option<&RosterSearch>,
        limit: i64,
    ) -> Result<Vec<RosterRow>, StoreError> {
        let order = roster_order(query.sort);
        Ok(on_pool!(self, pool => {
            let mut qb = QueryBuilder::new(ROSTER_SELECT);
            roster_filter(&mut qb, employer_id, query, search);
            qb.push(format!(" ORDER BY {0} {1}, s.person_id {1} LIMIT ", order.key, order.direction));
            qb.push_bind(limit).push(" OFFSET ").push_bind(query.page * limit);
            qb.build_query_as().fetch_all(pool).await?
        }))
    }

    /// The next chunk of the roster for the export: keyset pagination on (sort key, person),
    /// so every chunk is an index range however far into a large roster it is.
    pub(super) async fn roster_chunk(
        &self,
        employer_id: i64,
        query: &StaffQuery,
        search: Option<&RosterSearch>,
        after: Option<&RosterCursor>,
        limit: i64,
    ) -> Result<Vec<RosterRow>, StoreError> {
        let order = roster_order(query.sort);
        Ok(on_pool!(self, pool => {
            let mut qb = QueryBuilder::new(ROSTER_SELECT);
            roster_filter(&mut qb, employer_id, query, search);
            if let Some(cursor) = after {
                // A row comparison, so both backends seek the sort's index to the cursor; the
                // person breaks ties in the key's direction, as in the ORDER BY.
                let op = if order.direction == "DESC" { "<" } else { ">" };
                qb.push(format!(" AND ({}, s.person_id) {op} (", order.key));
                match cursor {
                    RosterCursor::Int(k, p) => qb.push_bind(*k).push(", ").push_bind(*p),
                    RosterCursor::Text(k, p) => qb.push_bind(k.clone()).push(", ").push_bind(*p),
                };
                qb.push(")");
            }
            qb.push(format!(" ORDER BY {0} {1}, s.person_id {1} LIMIT ", order.key, order.direction));
            qb.push_bind(limit);
            qb.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Where the export resumes after `row`, in the order of `sort`.
    pub fn roster_cursor(sort: StaffSort, row: &RosterRow) -> RosterCursor {
        match sort {
            StaffSort::Problems => RosterCursor::Int(i64::from(row.flags), row.person_id),
            StaffSort::Arrears => RosterCursor::Int(i64::from(row.arrears_months), row.person_id),
            StaffSort::Joined => RosterCursor::Int(i64::from(row.first_month), row.person_id),
            StaffSort::Name => RosterCursor::Text(row.name.clone(), row.person_id),
        }
    }

    /// The per-insurance rows of the given staff of one employer.
    pub(super) async fn roster_insurances(
        &self,
        employer_id: i64,
        person_ids: &[i64],
    ) -> Result<Vec<RosterInsuranceRow>, StoreError> {
        if person_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(on_pool!(self, pool => {
            let mut qb = QueryBuilder::new(
                "SELECT person_id, insurance, status, base, last_paid_month, arrears_months FROM employer_staff_insurances WHERE employer_id = ",
            );
            push_employer_and_persons(&mut qb, employer_id, person_ids);
            qb.build_query_as().persistent(false).fetch_all(pool).await?
        }))
    }

    /// Distinct months in arrears with one employer of the given persons: (person, month).
    pub(super) async fn roster_arrears(
        &self,
        employer_id: i64,
        person_ids: &[i64],
    ) -> Result<Vec<(i64, i32)>, StoreError> {
        if person_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(on_pool!(self, pool => {
            let mut qb = QueryBuilder::new(
                // `paid_day IS NULL` (not `paid_on`) reaches the runs' arrears index through the view.
                "SELECT DISTINCT person_id, month FROM contributions WHERE paid_day IS NULL AND employer_id = ",
            );
            push_employer_and_persons(&mut qb, employer_id, person_ids);
            qb.push(" ORDER BY person_id, month");
            qb.build_query_as().persistent(false).fetch_all(pool).await?
        }))
    }

    /// The roster row of one person with one employer: None unless the person is (or was)
    /// that employer's staff.
    pub(super) async fn roster_member(
        &self,
        employer_id: i64,
        person_id: i64,
    ) -> Result<Option<RosterRow>, StoreError> {
        let sql = format!("{ROSTER_SELECT} WHERE s.employer_id = $1 AND s.person_id = $2");
        Ok(
            on_pool!(self, pool => sqlx::query_as(&sql).bind(employer_id).bind(person_id).fetch_optional(pool).await?),
        )
    }

    pub async fn employer_name(&self, employer_id: i64) -> Result<Option<String>, StoreError> {
        Ok(
            on_pool!(self, pool => sqlx::query_scalar("SELECT name FROM employers WHERE id = $1")
            .bind(employer_id).fetch_optional(pool).await?),
        )
    }
}

fn roster_order(sort: StaffSort) -> RosterOrder {
    // Each order has its index (migrations 0003); names sort by code point on both
    // backends (the PostgreSQL column is COLLATE "C").
    let (key, direction) = match sort {
        StaffSort::Problems => ("s.flags", "DESC"),
        StaffSort::Arrears => ("s.arrears_months", "DESC"),
        StaffSort::Joined => ("s.first_month", "DESC"),
        StaffSort::Name => ("s.name", "ASC"),
    };
    RosterOrder { key, direction }
}

struct RosterOrder {
    key: &'static str,
    direction: &'static str,
}

const ROSTER_SELECT: &str = "SELECT s.person_id, s.name, s.resident_id, s.current, s.first_month, s.last_month, \
     s.flags, s.arrears_months FROM employer_staff s";

/// `<employer id> AND person_id IN (<ids>)`, after a query ending in `employer_id = `. Such a
/// query runs unprepared (`persistent(false)`): PostgreSQL then plans it for the ids given,
/// where a cached generic plan scanned the employer's whole roster against a 1,000-id list.
fn push_employer_and_persons<'a, DB>(qb: &mut QueryBuilder<'a, DB>, employer_id: i64, ids: &[i64])
where
    DB: sqlx::Database,
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    qb.push_bind(employer_id).push(" AND person_id IN (");
    let mut list = qb.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    qb.push(")");
}

/// The WHERE clause of a roster query: the employer first, then only the filters the query
/// uses, so each combination gets its own plan.
fn roster_filter<'a, DB>(
    qb: &mut QueryBuilder<'a, DB>,
    employer_id: i64,
    query: &StaffQuery,
    search: Option<&RosterSearch>,
) where
    DB: sqlx::Database,
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    i32: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    qb.push(" WHERE s.employer_id = ").push_bind(employer_id);
    if query.scope == StaffScope::Current {
        qb.push(" AND s.current = TRUE");
    }
    if let Some(flag) = query.flag {
        qb.push(" AND (s.flags & ")
            .push_bind(flag.bit())
            .push(") <> 0");
    }
    match search {
        Some(RosterSearch::Name(n)) => {
            qb.push(" AND LOWER(s.name) LIKE ")
                // ASCII only, as both databases' LOWER() on these columns.
                .push_bind(contains_pattern(&n.to_ascii_lowercase()))
                .push(" ESCAPE '\\'");
        }
        Some(RosterSearch::ResidentId(id)) => {
            qb.push(" AND s.resident_id = ").push_bind(id.clone());
        }
        Some(RosterSearch::ResidentIdEnd(end)) => {
            // Digits and X only (checked by the service): no wildcard to escape.
            qb.push(" AND s.resident_id LIKE ")
                .push_bind(format!("%{end}"));
        }
        None => {}
    }
    if query.insurance.is_some() || query.status.is_some() {
        qb.push(
            " AND EXISTS (SELECT 1 FROM employer_staff_insurances i \
             WHERE i.employer_id = s.employer_id AND i.person_id = s.person_id",
        );
        if let Some(i) = query.insurance {
            qb.push(" AND i.insurance = ")
                .push_bind(i.code().to_string());
        }
        if let Some(st) = query.status {
            qb.push(" AND i.status = ").push_bind(st.code().to_string());
        }
        qb.push(")");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("王"), "%王%");
        assert_eq!(contains_pattern("50%_\\"), "%50\\%\\_\\\\%");
    }
}
