//! The local average monthly wage by region and year, and the contribution-base band it sets
//! (DESIGN §3: a base is bounded by 60%–300% of the previous year's local average wage).
//! Loaded once from the store; lookups are in memory.

use crate::server::store::RegionWage;
use std::collections::HashMap;

/// What a year's bases are bounded by: the band and the wage it derives from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BaseBand {
    pub floor: i64,
    pub cap: i64,
    pub average_wage: i64,
    pub wage_year: i32,
}

pub struct WageTable {
    by_region: HashMap<String, HashMap<i32, i64>>,
    parent: HashMap<String, String>,
}

/// Used only when no series covers a region at all (the reference data covers every province).
const FALLBACK_WAGE_FEN: i64 = 800_000;

impl WageTable {
    pub fn new(rows: Vec<RegionWage>) -> Self {
        let mut by_region: HashMap<String, HashMap<i32, i64>> = HashMap::new();
        let mut parent = HashMap::new();
        for r in rows {
            by_region
                .entry(r.region_code.clone())
                .or_default()
                .insert(r.year, r.monthly_fen);
            if let Some(p) = r.parent_code {
                parent.insert(r.region_code, p);
            }
        }
        Self { by_region, parent }
    }

    /// The wage of a city's year: its own series, else its province's (`XX0000`); a year
    /// outside the series takes the nearest year's wage.
    pub fn get(&self, city: &str, year: i32) -> i64 {
        let province = self
            .parent
            .get(city)
            .cloned()
            .unwrap_or_else(|| format!("{}0000", city.get(..2).unwrap_or("00")));
        [city, province.as_str()]
            .iter()
            .filter_map(|code| self.by_region.get(*code))
            .find_map(|series| {
                series.get(&year).or_else(|| {
                    series
                        .iter()
                        .min_by_key(|(y, _)| ((**y - year).abs(), **y))
                        .map(|(_, w)| w)
                })
            })
            .copied()
            .unwrap_or(FALLBACK_WAGE_FEN)
    }

    /// The band for bases declared in `year` in `city`: 60% and 300% of the previous year's
    /// average wage, in whole fen (the floor rounds up, the cap down, so both are attainable).
    pub fn band(&self, city: &str, year: i32) -> BaseBand {
        let average_wage = self.get(city, year - 1);
        BaseBand {
            floor: (average_wage * 60 + 99) / 100,
            cap: average_wage * 3,
            average_wage,
            wage_year: year - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(region: &str, parent: Option<&str>, year: i32, fen: i64) -> RegionWage {
        RegionWage {
            region_code: region.into(),
            parent_code: parent.map(Into::into),
            year,
            monthly_fen: fen,
        }
    }

    #[test]
    fn city_then_province_then_nearest_year() {
        let t = WageTable::new(vec![
            row("110100", Some("110000"), 2024, 1_200_000),
            row("440000", None, 2023, 900_000),
            row("440000", None, 2024, 1_000_000),
        ]);
        assert_eq!(t.get("110100", 2024), 1_200_000);
        assert_eq!(t.get("110100", 2030), 1_200_000);
        assert_eq!(t.get("440300", 2023), 900_000);
        assert_eq!(t.get("990100", 2024), FALLBACK_WAGE_FEN);
    }

    #[test]
    fn band_is_60_to_300_percent_of_last_year() {
        let t = WageTable::new(vec![row("110000", None, 2025, 1_000_001)]);
        let b = t.band("110100", 2026);
        assert_eq!(b.wage_year, 2025);
        assert_eq!(b.floor, 600_001); // 600,000.6 rounded up
        assert_eq!(b.cap, 3_000_003);
    }
}
