//! Pension rules shared by the estimate page and (later) the transfer pre-check: minimum
//! contribution years, payout months of the personal account, the basic-pension formula and
//! the pension-paying place. Pure functions, worked by hand in the tests below.

use super::insurance::Month;
use serde::{Deserialize, Serialize};

/// Shown on the estimate page so a reader knows which rules produced a figure.
pub const RULES_VERSION: &str = "2025.1";

/// Minimum contribution months for a monthly pension: 15 years until 2029, then six months
/// more each year from 2030 until 20 years in 2039 (2025 reform).
pub fn minimum_contribution_months(retirement_year: i32) -> i32 {
    (180 + (retirement_year - 2029).max(0) * 6).min(240)
}

/// Months over which the personal account is paid out, by age at retirement
/// (国发〔2005〕38号 计发月数表).
pub fn payout_months(age_years: i32) -> i64 {
    const TABLE: [(i32, i64); 16] = [
        (50, 195),
        (51, 190),
        (52, 185),
        (53, 180),
        (54, 175),
        (55, 170),
        (56, 164),
        (57, 158),
        (58, 152),
        (59, 145),
        (60, 139),
        (61, 132),
        (62, 125),
        (63, 117),
        (64, 109),
        (65, 101),
    ];
    let age = age_years.clamp(50, 65);
    TABLE
        .iter()
        .find(|(a, _)| *a == age)
        .map_or(139, |(_, m)| *m)
}

/// Basic pension per month (fen): provincial average monthly wage × (1 + average contribution
/// index) ÷ 2 × contribution years × 1%. `index_milli` and `months` keep it in integers.
pub fn basic_pension(avg_wage_fen: i64, index_milli: i64, months: i64) -> i64 {
    // wage × (1000 + index)/1000 / 2 × (months/12) / 100
    avg_wage_fen * (1000 + index_milli) * months / (1000 * 2 * 12 * 100)
}

/// Personal-account pension per month (fen).
pub fn account_pension(balance_fen: i64, age_years: i32) -> i64 {
    balance_fen / payout_months(age_years)
}

/// Why the pension would be paid where it would (国办发〔2009〕66号 第六条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PayingPlaceRule {
    /// The relationship is at the hukou place: paid there.
    HukouPlace,
    /// Not at the hukou place, but ten years or more at the current place: paid there.
    CurrentPlaceTenYears,
    /// Less than ten years at the current place: back to the last place with ten years or more.
    LastPlaceTenYears,
    /// No place with ten years: everything goes to the hukou place.
    HukouFallback,
}

/// Contribution months per insured place, in the order the person was insured there
/// (the last entry is the current place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMonths {
    pub region: String,
    pub months: i64,
    /// Last month insured there, to order places by recency.
    pub last_month: Month,
}

/// The predicted pension-paying place (a region code) and the rule that decided it.
pub fn paying_place(hukou: &str, places: &[PlaceMonths]) -> Option<(String, PayingPlaceRule)> {
    let current = places.iter().max_by_key(|p| p.last_month)?;
    if current.region == hukou {
        return Some((hukou.to_string(), PayingPlaceRule::HukouPlace));
    }
    if current.months >= 120 {
        return Some((
            current.region.clone(),
            PayingPlaceRule::CurrentPlaceTenYears,
        ));
    }
    if let Some(last) = places
        .iter()
        .filter(|p| p.months >= 120)
        .max_by_key(|p| p.last_month)
    {
        return Some((last.region.clone(), PayingPlaceRule::LastPlaceTenYears));
    }
    Some((hukou.to_string(), PayingPlaceRule::HukouFallback))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(region: &str, months: i64, last_month: Month) -> PlaceMonths {
        PlaceMonths {
            region: region.into(),
            months,
            last_month,
        }
    }

    #[test]
    fn minimum_years_rise_from_2030() {
        assert_eq!(minimum_contribution_months(2029), 180);
        assert_eq!(minimum_contribution_months(2030), 186);
        assert_eq!(minimum_contribution_months(2034), 210);
        assert_eq!(minimum_contribution_months(2039), 240);
        assert_eq!(minimum_contribution_months(2053), 240);
    }

    #[test]
    fn payout_months_table() {
        assert_eq!(payout_months(60), 139);
        assert_eq!(payout_months(55), 170);
        assert_eq!(payout_months(50), 195);
        assert_eq!(payout_months(63), 117);
        assert_eq!(payout_months(70), 101);
    }

    #[test]
    fn basic_pension_worked_example() {
        // Wage 10,000 yuan, index 1.2, 30 years: 10,000 × 2.2 / 2 × 30 × 1% = 3,300 yuan.
        assert_eq!(basic_pension(1_000_000, 1200, 360), 330_000);
        // Index 0.6, 15 years: 10,000 × 1.6 / 2 × 15% = 1,200 yuan.
        assert_eq!(basic_pension(1_000_000, 600, 180), 120_000);
        // Account of 139,000 yuan at 60: 1,000 yuan a month.
        assert_eq!(account_pension(13_900_000, 60), 100_000);
    }

    #[test]
    fn paying_place_rules() {
        // Current place is the hukou place.
        assert_eq!(
            paying_place(
                "110100",
                &[place("440300", 84, 201906), place("110100", 85, 202610)]
            )
            .unwrap()
            .1,
            PayingPlaceRule::HukouPlace
        );
        // Ten years at the current place outside the hukou place.
        let p = paying_place("510100", &[place("440300", 130, 202610)]).unwrap();
        assert_eq!(
            p,
            ("440300".to_string(), PayingPlaceRule::CurrentPlaceTenYears)
        );
        // Under ten years at the current place: the last place with ten years or more.
        let p = paying_place(
            "510100",
            &[
                place("310100", 125, 201512),
                place("440300", 122, 201801),
                place("110100", 40, 202610),
            ],
        )
        .unwrap();
        assert_eq!(
            p,
            ("440300".to_string(), PayingPlaceRule::LastPlaceTenYears)
        );
        // Nowhere ten years: back to the hukou place.
        let p = paying_place(
            "510100",
            &[place("440300", 84, 201906), place("110100", 85, 202610)],
        )
        .unwrap();
        assert_eq!(p, ("510100".to_string(), PayingPlaceRule::HukouFallback));
        assert!(paying_place("510100", &[]).is_none());
    }
}
