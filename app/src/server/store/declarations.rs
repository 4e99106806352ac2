//! Writing declared contributions into the record (`jinbao import contributions`): the
//! collection agency's monthly declarations replace the months they name. A person's months are
//! read back whole, merged and folded again, so the runs stay as compact as the seed's.

use super::bulk::NewContribution;
use super::{Db, MAX_BINDS, Store, StoreError, contribution_runs, on_pool};
use crate::models::insurance::Insurance;
use sqlx::QueryBuilder;
use std::collections::{BTreeMap, HashMap};

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
    /// at a time: each person's months are read back, the declared ones replace theirs, and a
    /// person whose months changed gets their runs folded again. A failure leaves every person
    /// as they were. `progress` hears how many persons are done.
    pub async fn apply_declarations(
        &self,
        declared: &BTreeMap<i64, Vec<NewContribution>>,
        mut progress: impl FnMut(usize),
    ) -> Result<Applied, StoreError> {
        let persons: Vec<i64> = declared.keys().copied().collect();
        let mut applied = Applied::default();
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for (step, part) in persons.chunks(PERSONS_PER_STEP).enumerate() {
                let mut qb = QueryBuilder::new(
                    "SELECT person_id, insurance, month, months_covered, employer_id, region_code, base, \
                     employer_part, personal_part, paid_on FROM contributions WHERE person_id IN (",
                );
                push_list(&mut qb, part);
                let stored: Vec<NewContribution> =
                    qb.build_query_as().persistent(false).fetch_all(&mut *tx).await?;
                let mut stored_by_person: HashMap<i64, Vec<NewContribution>> = HashMap::new();
                for row in stored {
                    stored_by_person.entry(row.person_id).or_default().push(row);
                }
                let mut changed: Vec<i64> = Vec::new();
                let mut rows: Vec<NewContribution> = Vec::new();
                for id in part {
                    let stored = stored_by_person.remove(id).unwrap_or_default();
                    if let Some((merged, months)) = merge(stored, &declared[id]) {
                        changed.push(*id);
                        applied.months_changed += months;
                        rows.extend(merged);
                    }
                }
                if !changed.is_empty() {
                    let mut qb = QueryBuilder::new("DELETE FROM contribution_runs WHERE person_id IN (");
                    push_list(&mut qb, &changed);
                    qb.build().persistent(false).execute(&mut *tx).await?;
                    let runs = contribution_runs::fold(&rows);
                    contribution_runs::insert_runs!(tx, runs);
                }
                applied.persons_changed += changed.len();
                progress(((step + 1) * PERSONS_PER_STEP).min(persons.len()));
            }
            tx.commit().await?;
        });
        Ok(applied)
    }
}

/// Ends a query that stops at `IN (` with the items as bound values.
fn push_list<'a, DB, T>(qb: &mut QueryBuilder<'a, DB>, items: &[T])
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
const PERSONS_PER_STEP: usize = 500;

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    pub persons_changed: usize,
    /// Months added or different from what was stored.
    pub months_changed: usize,
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
}
