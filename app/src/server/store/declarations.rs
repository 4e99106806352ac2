//! Writing declared contributions into the record (`jinbao import contributions`): the
//! collection agency's monthly declarations replace the months they name. The runs around the
//! declared months are read back, merged and folded again, so the runs stay as compact as the
//! seed's and a month appended to a run costs one run updated in place.

use super::bulk::NewContribution;
use super::contribution_runs::{Run, StoredRun, UPDATE_RUNS, UPDATE_RUNS_WHERE};
use super::roster::{ENROLMENT_FACTS, EnrolmentFactRow, PERSON_AGES, PersonAgeRow};
use super::running_figures::{ApplyDeltas, Deltas, MonthChange, PersonChange};
use super::{Db, MAX_BINDS, Store, StoreError, contribution_runs, on_pool, stale_read_models};
use crate::models::insurance::{Insurance, Month, month_index};
use sqlx::QueryBuilder;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// An employer as a declaration names it: its id and the region it pays in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeclaringEmployer {
    pub credit_code: String,
    pub id: i64,
    pub region_code: String,
}

impl Store {
    /// Person ids by resident ID, for the IDs that exist.
    pub async fn person_ids_by_resident_ids(
        &self,
        resident_ids: &[&str],
    ) -> Result<HashMap<String, i64>, StoreError> {
        let mut found = HashMap::with_capacity(resident_ids.len());
        for part in resident_ids.chunks(MAX_BINDS) {
            let rows: Vec<(String, i64)> = on_pool!(self, pool => {
                let mut qb = QueryBuilder::new("SELECT resident_id, id FROM persons WHERE resident_id IN (");
                push_list(&mut qb, part);
                qb.build_query_as().persistent(false).fetch_all(pool).await?
            });
            found.extend(rows);
        }
        Ok(found)
    }

    /// Employers by credit code, for the codes that exist.
    pub async fn employers_by_credit_codes(
        &self,
        codes: &[&str],
    ) -> Result<HashMap<String, DeclaringEmployer>, StoreError> {
        let mut found = HashMap::with_capacity(codes.len());
        for part in codes.chunks(MAX_BINDS) {
            let rows: Vec<DeclaringEmployer> = on_pool!(self, pool => {
                let mut qb = QueryBuilder::new("SELECT credit_code, id, region_code FROM employers WHERE credit_code IN (");
                push_list(&mut qb, part);
                qb.build_query_as().persistent(false).fetch_all(pool).await?
            });
            found.extend(rows.into_iter().map(|e| (e.credit_code.clone(), e)));
        }
        Ok(found)
    }

    /// Writes declared months into the record in one transaction, `PERSONS_PER_STEP` persons
    /// at a time. Only the runs a declared month can touch are read: those holding a month of
    /// the file's span or next to it. Their months are unfolded, the declared ones replace
    /// theirs, and they are folded again; runs that come out the same stay as they are. A run
    /// outside the span cannot join a new one, since the months between are unchanged and were
    /// folded already. The read models move by what `deltas` makes of the changed months (with
    /// the enrolments and ages of the persons changed); persons it cannot express are marked
    /// stale for a rebuild. A failure leaves every person as they were. `progress` hears how
    /// many persons are done.
    pub async fn apply_declarations(
        &self,
        declared: &BTreeMap<i64, Vec<NewContribution>>,
        deltas: impl Fn(&[PersonChange], &[EnrolmentFactRow], &[PersonAgeRow]) -> Deltas,
        mut progress: impl FnMut(usize),
    ) -> Result<Applied, StoreError> {
        let persons: Vec<i64> = declared.keys().copied().collect();
        let indices = declared.values().flatten().map(|r| month_index(r.month));
        let (Some(first), Some(last)) = (indices.clone().min(), indices.max()) else {
            return Ok(Applied::default());
        };
        // A yearly payment's next row is twelve months on.
        let span = (first - 12, last + 12);
        let mut applied = Applied::default();
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            tx.begin_import().await?;
            for (step, part) in persons.chunks(PERSONS_PER_STEP).enumerate() {
                let near = tx.near_runs(part, span).await?;
                let mut near_by_person: HashMap<i64, Vec<&StoredRun>> = HashMap::new();
                for run in &near {
                    near_by_person.entry(run.person_id).or_default().push(run);
                }
                let mut old_runs: HashSet<Run> = HashSet::new();
                let mut rows: Vec<NewContribution> = Vec::new();
                let mut changes: Vec<PersonChange> = Vec::new();
                for id in part {
                    let runs = near_by_person.remove(id).unwrap_or_default();
                    let stored = runs.iter().flat_map(|r| r.rows()).collect();
                    if let Some(merged) = merge(stored, &declared[id]) {
                        applied.months_changed += merged.months_changed;
                        old_runs.extend(runs.iter().map(|r| r.as_run()));
                        rows.extend(merged.rows);
                        changes.push(PersonChange { person_id: *id, months: merged.months });
                    }
                }
                let Rewrite { gone, updated, added } = rewrite(&old_runs, &rows);
                tx.delete_runs(&gone).await?;
                tx.update_runs(&updated).await?;
                tx.insert_runs(&added).await?;

                let changed: Vec<i64> = changes.iter().map(|c| c.person_id).collect();
                let mut enrolments: Vec<EnrolmentFactRow> = Vec::new();
                let mut ages: Vec<PersonAgeRow> = Vec::new();
                for ids in changed.chunks(MAX_BINDS) {
                    let mut qb = QueryBuilder::new(format!("{ENROLMENT_FACTS} person_id IN ("));
                    push_list(&mut qb, ids);
                    enrolments.extend(qb.build_query_as::<EnrolmentFactRow>().persistent(false).fetch_all(&mut *tx).await?);
                    let mut qb = QueryBuilder::new(format!("{PERSON_AGES} id IN ("));
                    push_list(&mut qb, ids);
                    ages.extend(qb.build_query_as::<PersonAgeRow>().persistent(false).fetch_all(&mut *tx).await?);
                }
                // Persons it cannot express come with no figures to apply.
                let moved = deltas(&changes, &enrolments, &ages);
                let absent = tx.apply_deltas(&moved).await?;
                let mut rebuild = moved.rebuild;
                rebuild.extend(absent);
                rebuild.sort_unstable();
                rebuild.dedup();
                stale_read_models::mark_stale!(tx, rebuild);
                applied.persons_changed += changed.len();
                applied.persons_rebuilt += rebuild.len();
                applied.runs_written += updated.len() + added.len();
                progress(((step + 1) * PERSONS_PER_STEP).min(persons.len()));
            }
            tx.commit().await?;
        });
        Ok(applied)
    }
}

/// The statements whose best form differs by backend. PostgreSQL tries an IN list against every
/// partition (sixteen times the index probes, half a second a step at 100,000 persons); joined
/// to the persons as an array, each person probes its own partition. A plain join would not do:
/// planning with the array's length, it costs every partition per person (runtime pruning is not
/// in its estimate) and picks a hash join over all of them (1.3 s a step); a LATERAL subquery
/// that `OFFSET 0` keeps from being flattened leaves it the per-person probe (70 ms). Rows go in
/// as one array per column: parsing tens of thousands of bound values took longer than the
/// writing. SQLite has neither arrays nor partitions, and binds cost it little.
trait RunsByPerson {
    /// Readies the import's transaction. PostgreSQL plans a statement's first five runs for
    /// the values bound; knowing an array's length, it hashes whole partitions and tables
    /// instead of probing them per row (a delete of a step's runs: 2.1 s for its first five
    /// steps, 40 ms after). Its generic plan probes; the import takes it from the start.
    async fn begin_import(&mut self) -> Result<(), sqlx::Error>;
    /// The runs of `persons` holding a month within `span` (month indices) or next to it.
    async fn near_runs(
        &mut self,
        persons: &[i64],
        span: (i32, i32),
    ) -> Result<Vec<StoredRun>, sqlx::Error>;
    /// Deletes runs by (person, insurance, first month).
    async fn delete_runs(&mut self, keys: &[(i64, i16, i32)]) -> Result<(), sqlx::Error>;
    /// Gives stored runs the values of these, by key.
    async fn update_runs(&mut self, runs: &[Run<'_>]) -> Result<(), sqlx::Error>;
    async fn insert_runs(&mut self, runs: &[Run<'_>]) -> Result<(), sqlx::Error>;
}

impl RunsByPerson for sqlx::SqliteConnection {
    async fn begin_import(&mut self) -> Result<(), sqlx::Error> {
        Ok(())
    }

    async fn near_runs(
        &mut self,
        persons: &[i64],
        span: (i32, i32),
    ) -> Result<Vec<StoredRun>, sqlx::Error> {
        let mut qb = QueryBuilder::new(format!(
            "SELECT {} FROM contribution_runs WHERE first_month <= ",
            contribution_runs::COLUMNS
        ));
        qb.push_bind(span.1)
            .push(" AND first_month + rows_in_run * months_covered >= ")
            .push_bind(span.0)
            .push(" AND person_id IN (");
        push_list(&mut qb, persons);
        qb.build_query_as().persistent(false).fetch_all(self).await
    }

    async fn delete_runs(&mut self, keys: &[(i64, i16, i32)]) -> Result<(), sqlx::Error> {
        for keys in keys.chunks(MAX_BINDS / 3) {
            let mut qb = QueryBuilder::new(
                "DELETE FROM contribution_runs WHERE (person_id, insurance, first_month) IN (",
            );
            qb.push_values(keys, |mut b, &(person, insurance, first_month)| {
                b.push_bind(person)
                    .push_bind(insurance)
                    .push_bind(first_month);
            });
            qb.push(")");
            qb.build().persistent(false).execute(&mut *self).await?;
        }
        Ok(())
    }

    async fn update_runs(&mut self, runs: &[Run<'_>]) -> Result<(), sqlx::Error> {
        for part in runs.chunks(MAX_BINDS / contribution_runs::COLUMN_COUNT) {
            let mut qb = QueryBuilder::new(format!("{UPDATE_RUNS} FROM ("));
            contribution_runs::push_run_values!(qb, part);
            qb.push(format!(") AS v {UPDATE_RUNS_WHERE}"));
            qb.build().persistent(false).execute(&mut *self).await?;
        }
        Ok(())
    }

    async fn insert_runs(&mut self, runs: &[Run<'_>]) -> Result<(), sqlx::Error> {
        contribution_runs::insert_runs!(self, runs);
        Ok(())
    }
}

impl RunsByPerson for sqlx::PgConnection {
    async fn begin_import(&mut self) -> Result<(), sqlx::Error> {
        sqlx::query("SET LOCAL plan_cache_mode = force_generic_plan")
            .execute(self)
            .await
            .map(drop)
    }

    async fn near_runs(
        &mut self,
        persons: &[i64],
        span: (i32, i32),
    ) -> Result<Vec<StoredRun>, sqlx::Error> {
        let sql = format!(
            "SELECT r.* FROM unnest($3::BIGINT[]) AS p(id) CROSS JOIN LATERAL \
               (SELECT {} FROM contribution_runs WHERE person_id = p.id AND first_month <= $1 \
                  AND first_month + rows_in_run * months_covered >= $2 OFFSET 0) AS r",
            contribution_runs::COLUMNS
        );
        sqlx::query_as(&sql)
            .bind(span.1)
            .bind(span.0)
            .bind(persons)
            .fetch_all(self)
            .await
    }

    async fn delete_runs(&mut self, keys: &[(i64, i16, i32)]) -> Result<(), sqlx::Error> {
        let persons: Vec<i64> = keys.iter().map(|k| k.0).collect();
        let insurances: Vec<i16> = keys.iter().map(|k| k.1).collect();
        let months: Vec<i32> = keys.iter().map(|k| k.2).collect();
        sqlx::query(
            "DELETE FROM contribution_runs r USING unnest($1::BIGINT[], $2::SMALLINT[], $3::INTEGER[]) AS g(p, i, f) \
             WHERE r.person_id = g.p AND r.insurance = g.i AND r.first_month = g.f",
        )
        .bind(persons).bind(insurances).bind(months).execute(self).await.map(drop)
    }

    async fn update_runs(&mut self, runs: &[Run<'_>]) -> Result<(), sqlx::Error> {
        let sql =
            format!("{UPDATE_RUNS} FROM {RUN_ARRAYS} AS v({RUN_ARRAY_NAMES}) {UPDATE_RUNS_WHERE}");
        bind_runs(sqlx::query(&sql), runs)
            .execute(self)
            .await
            .map(drop)
    }

    async fn insert_runs(&mut self, runs: &[Run<'_>]) -> Result<(), sqlx::Error> {
        let sql = format!(
            "INSERT INTO contribution_runs ({}) SELECT * FROM {RUN_ARRAYS}",
            contribution_runs::COLUMNS
        );
        bind_runs(sqlx::query(&sql), runs)
            .execute(self)
            .await
            .map(drop)
    }
}

/// Runs as one PostgreSQL array per column, in the order of `COLUMNS`; `bind_runs` binds them.
const RUN_ARRAYS: &str = "unnest($1::BIGINT[], $2::BIGINT[], $3::BIGINT[], $4::BIGINT[], \
     $5::BIGINT[], $6::INTEGER[], $7::SMALLINT[], $8::SMALLINT[], $9::SMALLINT[], $10::SMALLINT[], \
     $11::SMALLINT[], $12::TEXT[])";
/// The arrays' columns named as a VALUES list's, for `UPDATE_RUNS`.
const RUN_ARRAY_NAMES: &str = "column1, column2, column3, column4, column5, column6, column7, \
     column8, column9, column10, column11, column12";

fn bind_runs<'q>(
    query: sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>,
    runs: &[Run<'q>],
) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
    let column = |f: fn(&Run) -> i64| runs.iter().map(f).collect::<Vec<i64>>();
    let small = |f: fn(&Run) -> i16| runs.iter().map(f).collect::<Vec<i16>>();
    query
        .bind(column(|r| r.person_id))
        .bind(runs.iter().map(|r| r.employer_id).collect::<Vec<_>>())
        .bind(column(|r| r.base))
        .bind(column(|r| r.employer_part))
        .bind(column(|r| r.personal_part))
        .bind(runs.iter().map(|r| r.first_month).collect::<Vec<_>>())
        .bind(small(|r| r.insurance))
        .bind(small(|r| r.months_covered))
        .bind(small(|r| r.rows_in_run))
        .bind(
            runs.iter()
                .map(|r| r.paid.map(|(lag, _)| lag))
                .collect::<Vec<_>>(),
        )
        .bind(
            runs.iter()
                .map(|r| r.paid.map(|(_, day)| day))
                .collect::<Vec<_>>(),
        )
        .bind(runs.iter().map(|r| r.region_code).collect::<Vec<_>>())
}

/// What one step deletes (by key), updates in place (same key, other values) and inserts.
struct Rewrite<'a> {
    gone: Vec<(i64, i16, i32)>,
    updated: Vec<Run<'a>>,
    added: Vec<Run<'a>>,
}

/// The near runs of the changed persons that folding their merged `rows` no longer yields go;
/// the runs it yields that were not stored come, in place of a gone run with their key if there
/// is one (a run that grew or shrank). A run that comes out the same is left alone.
fn rewrite<'a>(old: &HashSet<Run<'_>>, rows: &'a [NewContribution]) -> Rewrite<'a> {
    let new: HashSet<Run> = contribution_runs::fold(rows).into_iter().collect();
    let mut gone: HashSet<(i64, i16, i32)> = old.difference(&new).map(Run::key).collect();
    let (updated, added) = new
        .into_iter()
        .filter(|r| !old.contains(r))
        .partition(|r| gone.remove(&r.key()));
    Rewrite {
        gone: gone.into_iter().collect(),
        updated,
        added,
    }
}

/// Ends a query that stops at `IN (` with the items as bound values.
pub(super) fn push_list<'a, DB, T>(qb: &mut QueryBuilder<'a, DB>, items: &[T])
where
    DB: sqlx::Database,
    T: Copy + 'a + sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    let mut list = qb.separated(", ");
    for item in items {
        list.push_bind(*item);
    }
    qb.push(")");
}

/// Persons read, merged and written per statement group: well under the bind limit.
const PERSONS_PER_STEP: usize = 2000;

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Persons whose record changed.
    pub persons_changed: usize,
    /// Of those, persons whose read models no difference could update: marked stale.
    pub persons_rebuilt: usize,
    /// Months added or different from what was stored.
    pub months_changed: usize,
    /// Runs written (new, or updated in place).
    pub runs_written: usize,
}

/// A person's months with the declared ones in place of theirs.
struct Merged {
    rows: Vec<NewContribution>,
    /// Declared rows that differ from the stored ones.
    months_changed: usize,
    /// Every month a declared row changed, whole, before and after.
    months: Vec<MonthChange>,
}

/// Merges the declared months into the stored ones; None when the record already says
/// exactly that.
fn merge(stored: Vec<NewContribution>, declared: &[NewContribution]) -> Option<Merged> {
    let mut by_month: HashMap<(Insurance, i32), NewContribution> = stored
        .into_iter()
        .map(|r| ((r.insurance, r.month), r))
        .collect();
    let differs: Vec<&NewContribution> = declared
        .iter()
        .filter(|row| by_month.get(&(row.insurance, row.month)) != Some(*row))
        .collect();
    if differs.is_empty() {
        return None;
    }
    let touched: BTreeSet<Month> = differs.iter().map(|r| r.month).collect();
    let in_touched = |rows: &HashMap<(Insurance, i32), NewContribution>| {
        let mut by: BTreeMap<Month, Vec<NewContribution>> = BTreeMap::new();
        for r in rows.values().filter(|r| touched.contains(&r.month)) {
            by.entry(r.month).or_default().push(r.clone());
        }
        by
    };
    let mut before = in_touched(&by_month);
    for row in &differs {
        by_month.insert((row.insurance, row.month), (*row).clone());
    }
    let mut after = in_touched(&by_month);
    let months = touched
        .iter()
        .map(|m| MonthChange {
            month: *m,
            before: before.remove(m).unwrap_or_default(),
            after: after.remove(m).unwrap_or_default(),
        })
        .collect();
    Some(Merged {
        rows: by_month.into_values().collect(),
        months_changed: differs.len(),
        months,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: i32, base: i64) -> NewContribution {
        NewContribution {
            person_id: 1,
            insurance: Insurance::Pension,
            month: m,
            months_covered: 1,
            employer_id: Some(2),
            region_code: "440300".into(),
            base,
            employer_part: base / 6,
            personal_part: base / 12,
            paid_on: None,
        }
    }

    #[test]
    fn declared_months_replace_stored_ones_and_the_same_file_changes_nothing() {
        let stored = vec![month(202401, 500_000), month(202402, 500_000)];
        let declared = [month(202402, 520_000), month(202403, 520_000)];
        let merged = merge(stored, &declared).expect("a change");
        assert_eq!(merged.months_changed, 2);
        let before_after: Vec<_> = merged
            .months
            .iter()
            .map(|m| (m.month, m.before.len(), m.after.len()))
            .collect();
        assert_eq!(before_after, [(202402, 1, 1), (202403, 0, 1)]);
        let mut merged: Vec<_> = merged.rows.iter().map(|r| (r.month, r.base)).collect();
        merged.sort();
        assert_eq!(
            merged,
            [(202401, 500_000), (202402, 520_000), (202403, 520_000)]
        );

        let again = vec![
            month(202401, 500_000),
            month(202402, 520_000),
            month(202403, 520_000),
        ];
        assert!(merge(again, &declared).is_none());
    }

    /// A career of runs: a base change, a gap, then a run to the end of 2024.
    fn career() -> Vec<NewContribution> {
        (202101..=202112)
            .map(|m| month(m, 500_000))
            .chain((202201..=202206).map(|m| month(m, 520_000)))
            .chain((202301..=202312).map(|m| month(m, 520_000)))
            .chain((202401..=202412).map(|m| month(m, 520_000)))
            .collect()
    }

    #[test]
    fn rewriting_the_runs_near_the_declared_months_folds_as_the_whole_career_would() {
        let career = career();
        let stored: Vec<StoredRun> = contribution_runs::fold(&career)
            .iter()
            .map(Run::stored)
            .collect();
        // One month in the middle of the last run changes; the next month is appended.
        let declared = [month(202406, 530_000), month(202501, 520_000)];
        let (lo, hi) = (month_index(202406) - 12, month_index(202501) + 12);
        // As the step's query picks them.
        let near: Vec<&StoredRun> = stored
            .iter()
            .filter(|r| {
                r.first_month <= hi
                    && r.first_month + i32::from(r.rows_in_run * r.months_covered) >= lo
            })
            .collect();
        assert_eq!(near.len(), 1, "the earlier runs are not read");
        let merged =
            merge(near.iter().flat_map(|r| r.rows()).collect(), &declared).expect("a change");
        assert_eq!(merged.months_changed, 2);
        let old: HashSet<Run> = near.iter().map(|r| r.as_run()).collect();
        let Rewrite {
            gone,
            updated,
            added,
        } = rewrite(&old, &merged.rows);
        assert!(gone.is_empty(), "the split run keeps its first month");
        assert_eq!((updated.len(), added.len()), (1, 2));

        let mut after: Vec<Run> = stored
            .iter()
            .map(StoredRun::as_run)
            .filter(|r| !gone.contains(&r.key()))
            .map(|r| {
                updated
                    .iter()
                    .find(|u| u.key() == r.key())
                    .unwrap_or(&r)
                    .clone()
            })
            .chain(added)
            .collect();
        after.sort_by_key(|r| r.first_month);
        let whole = merge(career.clone(), &declared).unwrap().rows;
        assert_eq!(after, contribution_runs::fold(&whole));
        assert_eq!(after.len(), 5);
    }

    /// The rewrite of `career`'s runs when `declared` comes (every run read: those far from the
    /// declared months come out the same).
    fn rewrite_of<'a>(
        career: &[NewContribution],
        declared: &[NewContribution],
        merged: &'a mut Vec<NewContribution>,
    ) -> Rewrite<'a> {
        let stored: Vec<StoredRun> = contribution_runs::fold(career)
            .iter()
            .map(Run::stored)
            .collect();
        let old: HashSet<Run> = stored.iter().map(StoredRun::as_run).collect();
        *merged = merge(career.to_vec(), declared).expect("a change").rows;
        rewrite(&old, merged)
    }

    #[test]
    fn a_month_appended_to_a_run_updates_it_in_place_and_a_run_it_absorbs_goes() {
        let mut merged = Vec::new();
        let Rewrite {
            gone,
            updated,
            added,
        } = rewrite_of(&career(), &[month(202501, 520_000)], &mut merged);
        assert!(gone.is_empty() && added.is_empty());
        let grown: Vec<_> = updated
            .iter()
            .map(|r| (r.first_month, r.rows_in_run))
            .collect();
        assert_eq!(
            grown,
            [(month_index(202301), 25)],
            "2023 and 2024 are one run"
        );

        // January was declared apart (another base), then again as the run has it.
        let mut apart = career();
        apart.push(month(202501, 530_000));
        let Rewrite {
            gone,
            updated,
            added,
        } = rewrite_of(&apart, &[month(202501, 520_000)], &mut merged);
        assert_eq!(
            gone,
            [(
                1,
                contribution_runs::insurance_id(Insurance::Pension),
                month_index(202501)
            )]
        );
        assert_eq!(updated.len(), 1);
        assert!(added.is_empty());
    }
}
