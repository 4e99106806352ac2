//! The rules each insured place may set for itself, with the usual rule where it set none.

use crate::server::store::{RegionRule, Store, StoreError};

/// How far back a filing may reach where the insured place says nothing: the admission day of a
/// stay up to 180 days ago, the common local rule (医保发〔2022〕22号 leaves it to each place).
pub const DEFAULT_RETROACTIVE_DAYS: i64 = 180;

#[derive(Debug, Clone, Default)]
pub struct LocalRules(Vec<RegionRule>);

impl LocalRules {
    pub async fn load(store: &Store) -> Result<Self, StoreError> {
        Ok(Self(store.region_rules().await?))
    }

    fn of(&self, city: &str) -> Option<&RegionRule> {
        self.0.iter().find(|r| r.region_code == city)
    }

    /// Days before today an admission may lie for a filing of people insured in `city`.
    pub fn retroactive_days(&self, city: &str) -> i64 {
        self.of(city)
            .and_then(|r| r.retroactive_filing_days)
            .map_or(DEFAULT_RETROACTIVE_DAYS, i64::from)
    }

    /// Whether `city` requires one contribution base for every insurance (the usual rule).
    pub fn single_base(&self, city: &str) -> bool {
        self.of(city)
            .and_then(|r| r.single_contribution_base)
            .unwrap_or(true)
    }
}

#[cfg(test)]
impl From<Vec<RegionRule>> for LocalRules {
    fn from(rules: Vec<RegionRule>) -> Self {
        Self(rules)
    }
}
