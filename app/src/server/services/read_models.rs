//! Rebuilding the read models (the employers' rosters and the record totals) from the record,
//! for whatever changed it outside the portal: a migration, a bulk import.

use super::staff_roster;
use super::wages::WageTable;
use crate::models::insurance::Month;
use crate::server::store::{Store, StoreError};

/// Rows written by a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    pub roster_rows: usize,
    pub record_totals: u64,
}

/// Rebuilds every read model, `batch` persons at a time, each batch in its own transactions.
pub async fn rebuild_all(store: &Store, batch: i64, now: Month) -> Result<Rebuilt, StoreError> {
    let wages = WageTable::new(store.region_wages().await?);
    let last = store.max_person_id().await?;
    let mut rebuilt = Rebuilt {
        roster_rows: 0,
        record_totals: 0,
    };
    let mut from = 1;
    while from <= last {
        let to = from + batch - 1;
        rebuild_range(store, &wages, (from, to), now, &mut rebuilt).await?;
        from = to + 1;
    }
    // The planner needs the new rows' statistics to pick the roster's indexes well.
    store.analyze().await?;
    Ok(rebuilt)
}

/// Rebuilds the read models of the persons a bulk writer marked stale, and clears their marks:
/// those it just changed, and any a crashed run left. A window of up to `WINDOW` consecutive
/// ids at a time, as `rebuild_all` does, so that scattered ids cost a few statements per window
/// rather than per person; the persons between them are rebuilt too, to the same rows.
pub async fn rebuild_stale(store: &Store, now: Month) -> Result<Rebuilt, StoreError> {
    const WINDOW: i64 = 1000;
    let stale = store.stale_read_models().await?;
    let wages = WageTable::new(store.region_wages().await?);
    let mut rebuilt = Rebuilt {
        roster_rows: 0,
        record_totals: 0,
    };
    let mut rest = &stale[..];
    while let Some(&from) = rest.first() {
        let in_window = rest.partition_point(|&id| id < from + WINDOW);
        let to = rest[in_window - 1];
        rebuild_range(store, &wages, (from, to), now, &mut rebuilt).await?;
        store.clear_stale_read_models(&rest[..in_window]).await?;
        rest = &rest[in_window..];
    }
    Ok(rebuilt)
}

async fn rebuild_range(
    store: &Store,
    wages: &WageTable,
    (from, to): (i64, i64),
    now: Month,
    rebuilt: &mut Rebuilt,
) -> Result<(), StoreError> {
    rebuilt.roster_rows += staff_roster::rebuild(store, wages, from, to, now).await?;
    rebuilt.record_totals += store.rebuild_record_totals(from, to).await?;
    Ok(())
}
