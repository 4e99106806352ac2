//! Pension rules shared by the estimate page, the transfer pre-check and the seed: minimum
//! contribution years, payout months of the personal account, the basic-pension formula, the
//! residents' scheme and the pension-paying place. Pure functions, worked by hand in the tests.

use super::insurance::{Month, Scheme, month_index};
use serde::{Deserialize, Serialize};

/// Shown on the estimate page so a reader knows which rules produced a figure.
pub const RULES_VERSION: &str = "2026.1";

/// Residents draw their pension at 60, men and women alike (国发〔2014〕8号).
pub const RESIDENT_PENSION_AGE_MONTHS: i32 = 720;

/// Minimum contribution months for a monthly pension. Employees: 15 years until 2029, then six
/// months more each year from 2030 until 20 years in 2039 (2025 reform). Residents: 15 years;
/// the rise is for employees only (国发〔2014〕8号).
pub fn minimum_contribution_months(scheme: Scheme, retirement_year: i32) -> i32 {
    match scheme {
        Scheme::Employee => (180 + (retirement_year - 2029).max(0) * 6).min(240),
        Scheme::Resident => 180,
    }
}

/// The oldest and youngest rows of the payout table.
const PAYOUT_FIRST_AGE: i32 = 40;
/// 国发〔2005〕38号 计发月数表, ages 40 to 70.
const PAYOUT_TABLE: [i64; 31] = [
    233, 230, 226, 223, 220, 216, 212, 207, 204, 199, // 40–49
    195, 190, 185, 180, 175, 170, 164, 158, 152, 145, // 50–59
    139, 132, 125, 117, 109, 101, 93, 84, 75, 65, // 60–69
    56, // 70
];

/// Months over which the personal account is paid out, by age at retirement. The table has
/// whole years only: 62 years 11 months reads the row of 62. Ages outside 40–70 take the
/// nearest row.
pub fn payout_months(age_months: i32) -> i64 {
    let last = PAYOUT_FIRST_AGE + PAYOUT_TABLE.len() as i32 - 1;
    let age = (age_months / 12).clamp(PAYOUT_FIRST_AGE, last);
    PAYOUT_TABLE[(age - PAYOUT_FIRST_AGE) as usize]
}

/// Payout months of a scheme: residents' accounts are always divided by 139 (国发〔2014〕8号).
pub fn scheme_payout_months(scheme: Scheme, age_months: i32) -> i64 {
    match scheme {
        Scheme::Employee => payout_months(age_months),
        Scheme::Resident => 139,
    }
}

/// Basic pension per month (fen): provincial average monthly wage × (1 + average contribution
/// index) ÷ 2 × contribution years × 1%. `index_milli` and `months` keep it in integers.
pub fn basic_pension(avg_wage_fen: i64, index_milli: i64, months: i64) -> i64 {
    // wage × (1000 + index)/1000 / 2 × (months/12) / 100
    avg_wage_fen * (1000 + index_milli) * months / (1000 * 2 * 12 * 100)
}

/// The province of a GB/T 2260 region code, as a province code (`440300` → `440000`).
/// Pension pooling is provincial, so pension places are compared by province.
pub fn province_of(region: &str) -> String {
    format!("{}0000", region.get(..2).unwrap_or("00"))
}

/// Why the pension would be paid where it would (国办发〔2009〕66号 第六条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PayingPlaceRule {
    /// The relationship is at the hukou province: paid there.
    HukouPlace,
    /// Not at the hukou province, but ten years or more at the current province: paid there.
    CurrentPlaceTenYears,
    /// Less than ten years at the current province: the last province with ten years or more.
    LastPlaceTenYears,
    /// No province with ten years: everything goes to the hukou province.
    HukouFallback,
}

/// Contribution months at one province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMonths {
    /// A province code (`province_of`).
    pub province: String,
    pub months: i64,
    /// First and last month insured there: the first decides a temporary account, the last
    /// orders places by recency.
    pub first_month: Month,
    pub last_month: Month,
    /// An exception (a state-arranged move, hukou moved in) makes a late start here a normal
    /// account rather than a temporary one.
    pub exempt: bool,
}

/// Paid months grouped by province, in no particular order.
pub fn months_by_province<'a>(
    paid: impl IntoIterator<Item = (&'a str, Month, i64)>,
) -> Vec<PlaceMonths> {
    let mut places: Vec<PlaceMonths> = Vec::new();
    for (region, month, months) in paid {
        let province = province_of(region);
        match places.iter_mut().find(|p| p.province == province) {
            Some(p) => {
                p.months += months;
                p.first_month = p.first_month.min(month);
                p.last_month = p.last_month.max(month);
            }
            None => places.push(PlaceMonths {
                province,
                months,
                first_month: month,
                last_month: month,
                exempt: false,
            }),
        }
    }
    places
}

/// The person as the temporary-account rule sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insured {
    pub birth_month: Month,
    pub male: bool,
}

impl Insured {
    /// Whether insurance started at `start` in a province other than the hukou province opens
    /// a temporary account (临时缴费账户): a man aged 50 or more, a woman 40 or more, at the
    /// start (国办发〔2009〕66号; 人社部规〔2016〕5号). Ages are in whole months.
    pub fn temporary_account_at(self, start: Month) -> bool {
        let age_months = month_index(start) - month_index(self.birth_month);
        age_months >= if self.male { 600 } else { 480 }
    }
}

/// The predicted pension-paying province and the rule that decided it. Provinces where the
/// person has only a temporary account never become the paying place and their years do not
/// count towards the ten: they are left out before the rule is applied.
pub fn paying_place(
    hukou: &str,
    insured: Insured,
    places: &[PlaceMonths],
) -> Option<(String, PayingPlaceRule)> {
    let hukou = province_of(hukou);
    let counted: Vec<&PlaceMonths> = places
        .iter()
        .filter(|p| p.province == hukou || p.exempt || !insured.temporary_account_at(p.first_month))
        .collect();
    if places.is_empty() {
        return None;
    }
    let Some(current) = counted.iter().max_by_key(|p| p.last_month) else {
        return Some((hukou, PayingPlaceRule::HukouFallback));
    };
    if current.province == hukou {
        return Some((hukou, PayingPlaceRule::HukouPlace));
    }
    if current.months >= 120 {
        return Some((
            current.province.clone(),
            PayingPlaceRule::CurrentPlaceTenYears,
        ));
    }
    if let Some(last) = counted
        .iter()
        .filter(|p| p.months >= 120)
        .max_by_key(|p| p.last_month)
    {
        return Some((last.province.clone(), PayingPlaceRule::LastPlaceTenYears));
    }
    Some((hukou, PayingPlaceRule::HukouFallback))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::insurance::add_months;

    /// Paid months grouped by province, from spans of (region, months, last month).
    fn places(spans: &[(&str, i64, Month)]) -> Vec<PlaceMonths> {
        let months: Vec<(&str, Month, i64)> = spans
            .iter()
            .flat_map(|&(region, count, last)| {
                (0..count as i32).map(move |i| (region, add_months(last, i + 1 - count as i32), 1))
            })
            .collect();
        months_by_province(months)
    }

    /// Born 1990-03, a man: never a temporary account before 2040.
    const YOUNG: Insured = Insured {
        birth_month: 199003,
        male: true,
    };

    #[test]
    fn minimum_years_rise_from_2030_for_employees_only() {
        let employee = |y| minimum_contribution_months(Scheme::Employee, y);
        assert_eq!(employee(2029), 180);
        assert_eq!(employee(2030), 186);
        assert_eq!(employee(2034), 210);
        assert_eq!(employee(2039), 240);
        assert_eq!(employee(2053), 240);
        // 国发〔2014〕8号: residents stay at 15 years.
        assert_eq!(minimum_contribution_months(Scheme::Resident, 2039), 180);
    }

    #[test]
    fn payout_months_table_of_guofa_2005_38() {
        assert_eq!(payout_months(40 * 12), 233);
        assert_eq!(payout_months(45 * 12), 216);
        assert_eq!(payout_months(50 * 12), 195);
        assert_eq!(payout_months(55 * 12), 170);
        assert_eq!(payout_months(60 * 12), 139);
        assert_eq!(payout_months(63 * 12), 117);
        assert_eq!(payout_months(65 * 12), 101);
        assert_eq!(payout_months(66 * 12), 93);
        assert_eq!(payout_months(67 * 12), 84);
        assert_eq!(payout_months(68 * 12), 75);
        assert_eq!(payout_months(69 * 12), 65);
        assert_eq!(payout_months(70 * 12), 56);
        // Ages with months are truncated: 62 years 11 months reads the row of 62.
        assert_eq!(payout_months(62 * 12 + 11), 125);
        // Outside the table: the nearest row.
        assert_eq!(payout_months(75 * 12), 56);
        // 国发〔2014〕8号: a resident's account is divided by 139 whatever the age.
        assert_eq!(scheme_payout_months(Scheme::Resident, 66 * 12), 139);
        assert_eq!(scheme_payout_months(Scheme::Employee, 66 * 12), 93);
    }

    #[test]
    fn basic_pension_worked_example() {
        // Wage 10,000 yuan, index 1.2, 30 years: 10,000 × 2.2 / 2 × 30 × 1% = 3,300 yuan.
        assert_eq!(basic_pension(1_000_000, 1200, 360), 330_000);
        // Index 0.6, 15 years: 10,000 × 1.6 / 2 × 15% = 1,200 yuan.
        assert_eq!(basic_pension(1_000_000, 600, 180), 120_000);
    }

    #[test]
    fn places_are_provinces() {
        assert_eq!(province_of("440300"), "440000");
        assert_eq!(province_of("110100"), "110000");
        let places = months_by_province([
            ("440100", 201001, 1),
            ("440300", 201701, 1),
            ("110100", 202001, 1),
        ]);
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].province, "440000");
        assert_eq!(
            (places[0].first_month, places[0].last_month),
            (201001, 201701)
        );
    }

    #[test]
    fn paying_place_rules_of_guobanfa_2009_66_article_6() {
        // The current province is the hukou province (Beijing city, hukou Beijing).
        assert_eq!(
            paying_place(
                "110100",
                YOUNG,
                &places(&[("440300", 84, 201906), ("110100", 85, 202610)])
            ),
            Some(("110000".to_string(), PayingPlaceRule::HukouPlace))
        );
        // Worked example: hukou Sichuan, 6 years in Guangzhou then 6 in Shenzhen. Both are
        // Guangdong, so the current province has 12 years and pays.
        assert_eq!(
            paying_place(
                "510100",
                YOUNG,
                &places(&[("440100", 72, 201812), ("440300", 72, 202412)])
            ),
            Some(("440000".to_string(), PayingPlaceRule::CurrentPlaceTenYears))
        );
        // Under ten years at the current province: the last province with ten years or more.
        assert_eq!(
            paying_place(
                "510100",
                YOUNG,
                &places(&[
                    ("310100", 125, 201512),
                    ("440300", 122, 201801),
                    ("110100", 40, 202610)
                ]),
            ),
            Some(("440000".to_string(), PayingPlaceRule::LastPlaceTenYears))
        );
        // Nowhere ten years: back to the hukou province.
        assert_eq!(
            paying_place(
                "510100",
                YOUNG,
                &places(&[("440300", 84, 201906), ("110100", 85, 202610)])
            ),
            Some(("510000".to_string(), PayingPlaceRule::HukouFallback))
        );
        assert!(paying_place("510100", YOUNG, &[]).is_none());
    }

    #[test]
    fn temporary_accounts_by_age_at_the_start() {
        // A man born 1970-05 is 50 from 2020-05; a woman born 1980-05 is 40 from 2020-05.
        let man = Insured {
            birth_month: 197005,
            male: true,
        };
        let woman = Insured {
            birth_month: 198005,
            male: false,
        };
        assert!(!man.temporary_account_at(202004));
        assert!(man.temporary_account_at(202005));
        assert!(!woman.temporary_account_at(202004));
        assert!(woman.temporary_account_at(202005));
        // Twelve years in Shanghai started at 51 are a temporary account: they neither pay nor
        // count. The relationship stays in Guangdong, with ten years, which pays.
        let spans = [("440300", 120, 201212), ("310100", 144, 202412)];
        assert_eq!(places(&spans)[1].first_month, 201301);
        let late_starter = Insured {
            birth_month: 196201,
            male: true,
        };
        assert_eq!(
            paying_place("510100", late_starter, &places(&spans)),
            Some(("440000".to_string(), PayingPlaceRule::CurrentPlaceTenYears))
        );
        // The hukou province is never a temporary account.
        assert_eq!(
            paying_place("310100", late_starter, &places(&spans)),
            Some(("310000".to_string(), PayingPlaceRule::HukouPlace))
        );
        // Only temporary accounts: the hukou province gathers them.
        assert_eq!(
            paying_place("510100", late_starter, &places(&spans[1..])),
            Some(("510000".to_string(), PayingPlaceRule::HukouFallback))
        );
    }
}
