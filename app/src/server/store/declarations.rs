//! Writing declared contributions into the record (`jinbao import contributions`): the
//! collection agency's monthly declarations replace the months they name. The runs around the
//! declared months are read back, merged and folded again, so the runs stay as compact as the
//! seed's and a month appended to a run costs one run rewritten.

use super::bulk::NewContribution;
use super::contribution_runs::{Run, StoredRun};
use super::{Db, MAX_BINDS, Store, StoreError, contribution_runs, on_pool, stale_read_models};
use crate::models::insurance::{Insurance, month_index};
use sqlx::QueryBuilder;
use std::collections::{BTreeMap, HashMap, HashSet};

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
    /// folded already. The persons changed are marked stale for the read models' rebuild. A
    /// failure leaves every person as they were. `progress` hears how many persons are done.
    pub async fn apply_declarations(
        &self,
        declared: &BTreeMap<i64, Vec<NewContribution>>,
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
            for (step, part) in persons.chunks(PERSONS_PER_STEP).enumerate() {
                let mut qb = QueryBuilder::new(format!(
                    "SELECT {} FROM contribution_runs WHERE first_month <= ",
                    contribution_runs::COLUMNS
                ));
                qb.push_bind(span.1)
                    .push(" AND first_month + rows_in_run * months_covered >= ")
                    .push_bind(span.0)
                    .push(" AND person_id IN (");
                push_list(&mut qb, part);
                let near: Vec<StoredRun> =
                    qb.build_query_as().persistent(false).fetch_all(&mut *tx).await?;
                let mut near_by_person: HashMap<i64, Vec<&StoredRun>> = HashMap::new();
                for run in &near {
                    near_by_person.entry(run.person_id).or_default().push(run);
                }
                let mut old_runs: HashSet<Run> = HashSet::new();
                let mut rows: Vec<NewContribution> = Vec::new();
                let mut changed: Vec<i64> = Vec::new();
                for id in part {
                    let runs = near_by_person.remove(id).unwrap_or_default();
                    let stored = runs.iter().flat_map(|r| r.rows()).collect();
                    if let Some((merged, months)) = merge(stored, &declared[id]) {
                        changed.push(*id);
                        applied.months_changed += months;
                        old_runs.extend(runs.iter().map(|r| r.as_run()));
                        rows.extend(merged);
                    }
                }
                let Rewrite { gone, added } = rewrite(&old_runs, &rows);
                for keys in gone.chunks(MAX_BINDS / 3) {
                    let mut qb = QueryBuilder::new(
                        "DELETE FROM contribution_runs WHERE (person_id, insurance, first_month) IN (",
                    );
                    qb.push_values(keys, |mut b, &(person, insurance, first_month)| {
                        b.push_bind(person).push_bind(insurance).push_bind(first_month);
                    });
                    qb.push(")");
                    qb.build().persistent(false).execute(&mut *tx).await?;
                }
                contribution_runs::insert_runs!(tx, added);
                stale_read_models::mark_stale!(tx, changed);
                applied.persons_changed += changed.len();
                applied.runs_written += added.len();
                progress(((step + 1) * PERSONS_PER_STEP).min(persons.len()));
            }
            tx.commit().await?;
        });
        Ok(applied)
    }
}

/// What one step deletes (by key) and writes.
struct Rewrite<'a> {
    gone: Vec<(i64, i16, i32)>,
    added: Vec<Run<'a>>,
}

/// The near runs of the changed persons that folding their merged `rows` no longer yields go;
/// the runs it yields that were not stored come. A run that comes out the same is left alone.
fn rewrite<'a>(old: &HashSet<Run<'_>>, rows: &'a [NewContribution]) -> Rewrite<'a> {
    let new: HashSet<Run> = contribution_runs::fold(rows).into_iter().collect();
    Rewrite {
        gone: old
            .difference(&new)
            .map(|r| (r.person_id, r.insurance, r.first_month))
            .collect(),
        added: new.into_iter().filter(|r| !old.contains(r)).collect(),
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
    /// Persons whose record changed: their read models are marked stale.
    pub persons_changed: usize,
    /// Months added or different from what was stored.
    pub months_changed: usize,
    /// Runs written (new or replacing one).
    pub runs_written: usize,
}

/// A person's months with the declared ones in place of theirs, and how many months that
/// changes; None when the record already says exactly that.
fn merge(
    stored: Vec<NewContribution>,
    declared: &[NewContribution],
) -> Option<(Vec<NewContribution>, usize)> {
    let mut by_month: HashMap<(Insurance, i32), NewContribution> = stored
        .into_iter()
        .map(|r| ((r.insurance, r.month), r))
        .collect();
    let mut months = 0;
    for row in declared {
        let key = (row.insurance, row.month);
        if by_month.get(&key) != Some(row) {
            by_month.insert(key, row.clone());
            months += 1;
        }
    }
    (months > 0).then(|| (by_month.into_values().collect(), months))
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
        let (merged, changed) = merge(stored, &declared).expect("a change");
        assert_eq!(changed, 2);
        let mut merged: Vec<_> = merged.iter().map(|r| (r.month, r.base)).collect();
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
        assert_eq!(merge(again, &declared), None);
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
        let (merged, months) =
            merge(near.iter().flat_map(|r| r.rows()).collect(), &declared).expect("a change");
        assert_eq!(months, 2);
        let old: HashSet<Run> = near.iter().map(|r| r.as_run()).collect();
        let Rewrite { gone, added } = rewrite(&old, &merged);

        let mut after: Vec<Run> = stored
            .iter()
            .map(StoredRun::as_run)
            .filter(|r| !gone.contains(&(r.person_id, r.insurance, r.first_month)))
            .chain(added)
            .collect();
        after.sort_by_key(|r| r.first_month);
        let (whole, _) = merge(career.clone(), &declared).unwrap();
        assert_eq!(after, contribution_runs::fold(&whole));
        assert_eq!(after.len(), 5);
    }
}
