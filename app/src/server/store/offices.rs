//! Offices are reference data: one 人社 and one 医保 office per city, changed only when a data
//! load moves their "data as of" date. Every home and record page names the office of each
//! insurance, so the store keeps them all in memory instead of a query per insurance per page.
//! Never a source of truth for anything but the offices table itself.

use super::records::OfficeRecord;
use super::{Db, Store, StoreError, on_pool};
use crate::models::insurance::Agency;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Another instance's data load reaches this one within this time; this instance's own loads
/// refresh it at once.
const FRESH_FOR: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub(super) struct OfficeCache(RwLock<Option<(Instant, Arc<Offices>)>>);

#[derive(Debug)]
struct Offices {
    by_place: HashMap<(String, Agency), OfficeRecord>,
    by_id: HashMap<i64, OfficeRecord>,
}

impl OfficeCache {
    fn fresh(&self) -> Option<Arc<Offices>> {
        let guard = self.0.read().unwrap_or_else(|e| e.into_inner());
        guard
            .as_ref()
            .filter(|(at, _)| at.elapsed() < FRESH_FOR)
            .map(|(_, offices)| offices.clone())
    }

    pub(super) fn forget(&self) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

impl Store {
    async fn cached_offices(&self) -> Result<Arc<Offices>, StoreError> {
        if let Some(offices) = self.offices.fresh() {
            return Ok(offices);
        }
        let rows: Vec<OfficeRecord> = on_pool!(self, pool => sqlx::query_as(
            "SELECT id, region_code, agency, name_zh, name_en, data_as_of FROM offices",
        ).fetch_all(pool).await?);
        let offices = Arc::new(Offices {
            by_place: rows
                .iter()
                .map(|o| ((o.region_code.clone(), o.agency), o.clone()))
                .collect(),
            by_id: rows.into_iter().map(|o| (o.id, o)).collect(),
        });
        *self.offices.0.write().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), offices.clone()));
        Ok(offices)
    }

    /// The office of an agency for a city.
    pub async fn office_for(
        &self,
        region_code: &str,
        agency: Agency,
    ) -> Result<Option<OfficeRecord>, StoreError> {
        let key = (region_code.to_owned(), agency);
        Ok(self.cached_offices().await?.by_place.get(&key).cloned())
    }

    pub async fn office(&self, office_id: i64) -> Result<Option<OfficeRecord>, StoreError> {
        Ok(self.cached_offices().await?.by_id.get(&office_id).cloned())
    }
}
