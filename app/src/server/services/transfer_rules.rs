//! The rules of a transfer before it is submitted (DESIGN §3): which conditions are unmet, what
//! the funds moving are estimated at, and where the pension will be paid after the move. Pure:
//! the facts come in, so the cases worked by hand below are the rules' tests.

use crate::models::home::Named;
use crate::models::insurance::{EnrolmentStatus, Month, month_of};
use crate::models::pension::{Insured, PayingPlaceRule, months_by_province, paying_place};
use crate::models::transfer::{FundsEstimate, Precheck, TransferKind, Unmet};
use chrono::{Datelike, NaiveDate};

/// The pooled fund moves 12% of the bases of each year since 1998 (国办发〔2009〕66号 §5).
const POOLED_SHARE_PERCENT: i64 = 12;
const POOLED_FROM: Month = 199801;

/// One enrolment period of the insurance being moved.
#[derive(Debug, Clone)]
pub struct Relationship {
    pub region: String,
    pub status: EnrolmentStatus,
    pub employee: bool,
}

/// One month of the insurance being moved (a resident's yearly payment is skipped: residents'
/// schemes do not transfer this way).
#[derive(Debug, Clone)]
pub struct MonthPaid {
    pub region: String,
    pub month: Month,
    pub base: i64,
    pub personal_part: i64,
    pub paid: bool,
}

#[derive(Debug, Clone)]
pub struct Facts {
    pub kind: TransferKind,
    pub today: NaiveDate,
    pub birth: NaiveDate,
    pub male: bool,
    /// City-level region of the hukou.
    pub hukou: String,
    pub hukou_name: Named,
    pub relationships: Vec<Relationship>,
    pub months: Vec<MonthPaid>,
    /// The personal account's latest closing balance (fen).
    pub account_balance: i64,
    /// Requests of this kind in progress: (reference, from region).
    pub open_requests: Vec<(String, String)>,
}

impl Facts {
    fn age(&self) -> i32 {
        let years = self.today.year() - self.birth.year();
        if (self.today.month(), self.today.day()) < (self.birth.month(), self.birth.day()) {
            years - 1
        } else {
            years
        }
    }

    /// Every unmet condition of moving `from` → `to`, in the order a person would fix them.
    pub fn unmet(&self, from: &str, to: &str) -> Vec<Unmet> {
        let mut unmet = Vec::new();
        if from == to {
            unmet.push(Unmet::SamePlace);
        }
        if let Some((reference, _)) = self.open_requests.iter().find(|(_, f)| f == from) {
            unmet.push(Unmet::AlreadyRequested {
                reference: reference.clone(),
            });
        }
        let old: Vec<&Relationship> = self
            .relationships
            .iter()
            .filter(|r| r.region == from && r.employee)
            .collect();
        if old.is_empty() {
            unmet.push(Unmet::NoRelationshipThere);
        }
        let status = |s: EnrolmentStatus| old.iter().any(|r| r.status == s);
        if self
            .relationships
            .iter()
            .any(|r| r.status == EnrolmentStatus::ReceivingBenefits)
        {
            unmet.push(Unmet::ReceivingBenefits);
        } else if status(EnrolmentStatus::Active) {
            unmet.push(Unmet::StillActive);
        } else if status(EnrolmentStatus::TransferringOut) {
            unmet.push(Unmet::AlreadyTransferring);
        } else if !old.is_empty() && !status(EnrolmentStatus::Suspended) {
            unmet.push(Unmet::RelationshipEnded);
        }
        let arrears = self
            .months
            .iter()
            .filter(|m| !m.paid && m.region == from)
            .count() as i64;
        // Arrears block a pension transfer (the old place checks them, DESIGN §3); medical
        // insurance has no such rule.
        if self.kind == TransferKind::Pension && arrears > 0 {
            unmet.push(Unmet::Arrears { months: arrears });
        }
        let insured_there = self
            .relationships
            .iter()
            .any(|r| r.region == to && r.employee && r.status == EnrolmentStatus::Active);
        if from != to && !insured_there {
            unmet.push(Unmet::NotInsuredAtNewPlace);
        }
        let age = self.age();
        let temporary_age = if self.male { 50 } else { 40 };
        if self.kind == TransferKind::Pension && age >= temporary_age && to != self.hukou {
            unmet.push(Unmet::TemporaryAccountOnly {
                age,
                hukou: self.hukou_name.clone(),
            });
        }
        unmet
    }

    /// The months, the account share and (pension) the pooled funds built up at `from`. The
    /// account is one balance per person, so the old place's part is its share of the
    /// personal contributions, interest included in proportion.
    pub fn estimate(&self, from: &str) -> FundsEstimate {
        let paid_there = || self.months.iter().filter(|m| m.paid && m.region == from);
        let personal_there: i64 = paid_there().map(|m| m.personal_part).sum();
        let personal_all: i64 = self
            .months
            .iter()
            .filter(|m| m.paid)
            .map(|m| m.personal_part)
            .sum();
        let personal_account = if personal_all > 0 {
            (i128::from(self.account_balance.max(0)) * i128::from(personal_there)
                / i128::from(personal_all)) as i64
        } else {
            0
        };
        let pooled_funds = match self.kind {
            TransferKind::Pension => {
                paid_there()
                    .filter(|m| m.month >= POOLED_FROM)
                    .map(|m| m.base)
                    .sum::<i64>()
                    * POOLED_SHARE_PERCENT
                    / 100
            }
            TransferKind::Medical => 0,
        };
        FundsEstimate {
            months: paid_there().count() as i64,
            personal_account,
            pooled_funds,
        }
    }

    /// Where the pension will be paid after the move (DESIGN §3, the estimate's rule): the
    /// provinces as they stand, the new place being where the person contributes now.
    pub fn paying_place(&self) -> Option<(String, PayingPlaceRule)> {
        let insured = Insured {
            birth_month: month_of(&self.birth),
            male: self.male,
        };
        let paid = self.months.iter().filter(|m| m.paid);
        let places = months_by_province(paid.map(|m| (m.region.as_str(), m.month, 1)));
        paying_place(&self.hukou, insured, &places)
    }

    /// The whole pre-check; `name` names a region for the paying place.
    pub fn precheck(&self, from: &str, to: &str, name: impl Fn(&str) -> Named) -> Precheck {
        Precheck {
            unmet: self.unmet(from, to),
            estimate: self.estimate(from),
            paying_place: match self.kind {
                TransferKind::Pension => self
                    .paying_place()
                    .map(|(place, rule)| (name(&place), rule)),
                TransferKind::Medical => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::insurance::add_months;

    const SHENZHEN: &str = "440300";
    const BEIJING: &str = "110100";
    const CHENGDU: &str = "510100";

    fn named(code: &str) -> Named {
        Named {
            zh: code.into(),
            en: code.into(),
        }
    }

    /// `count` months from `start` at `region`, base 10,000 yuan, personal part 8%.
    fn months(region: &str, start: Month, count: i32, paid: bool) -> Vec<MonthPaid> {
        (0..count)
            .map(|i| MonthPaid {
                region: region.into(),
                month: add_months(start, i),
                base: 1_000_000,
                personal_part: 80_000,
                paid,
            })
            .collect()
    }

    fn rel(region: &str, status: EnrolmentStatus) -> Relationship {
        Relationship {
            region: region.into(),
            status,
            employee: true,
        }
    }

    /// The demo citizen: born 1990, hukou Beijing, Shenzhen 2012-07..2019-06 (84 months,
    /// suspended), Beijing since 2019-10 (active).
    fn demo() -> Facts {
        let mut m = months(SHENZHEN, 201207, 84, true);
        m.extend(months(BEIJING, 201910, 86, true));
        Facts {
            kind: TransferKind::Pension,
            today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            birth: NaiveDate::from_ymd_opt(1990, 3, 7).unwrap(),
            male: true,
            hukou: BEIJING.into(),
            hukou_name: named(BEIJING),
            relationships: vec![
                rel(SHENZHEN, EnrolmentStatus::Suspended),
                rel(BEIJING, EnrolmentStatus::Active),
            ],
            months: m,
            account_balance: 2_000_000,
            open_requests: vec![],
        }
    }

    #[test]
    fn the_demo_citizen_may_move_shenzhen_to_beijing() {
        let f = demo();
        assert_eq!(f.unmet(SHENZHEN, BEIJING), vec![]);
        let e = f.estimate(SHENZHEN);
        assert_eq!(e.months, 84);
        // Personal parts: 84 × 800 yuan there of 170 × 800 in all → 84/170 of 20,000 yuan
        // = 9,882.35 yuan (truncated to the fen).
        assert_eq!(e.personal_account, 988_235);
        // 12% of 84 months × 10,000 yuan = 100,800 yuan.
        assert_eq!(e.pooled_funds, 10_080_000);
        assert_eq!(
            f.paying_place(),
            Some(("110000".to_string(), PayingPlaceRule::HukouPlace))
        );
    }

    #[test]
    fn each_condition_explained() {
        let f = demo();
        // The same place, and a place where the person contributes (Beijing active).
        assert_eq!(
            f.unmet(BEIJING, BEIJING),
            vec![Unmet::SamePlace, Unmet::StillActive]
        );
        // Nothing in Chengdu, and not insured in Shenzhen now.
        assert_eq!(
            f.unmet(CHENGDU, SHENZHEN),
            vec![Unmet::NoRelationshipThere, Unmet::NotInsuredAtNewPlace]
        );
        let mut owing = demo();
        owing.months.extend(months(SHENZHEN, 201907, 2, false));
        assert_eq!(
            owing.unmet(SHENZHEN, BEIJING),
            vec![Unmet::Arrears { months: 2 }]
        );
        let mut moving = demo();
        moving.relationships[0].status = EnrolmentStatus::TransferringOut;
        moving.open_requests = vec![("YL20261127ABCD".into(), SHENZHEN.into())];
        assert_eq!(
            moving.unmet(SHENZHEN, BEIJING),
            vec![
                Unmet::AlreadyRequested {
                    reference: "YL20261127ABCD".into()
                },
                Unmet::AlreadyTransferring
            ]
        );
        let mut moved = demo();
        moved.relationships[0].status = EnrolmentStatus::Terminated;
        assert_eq!(
            moved.unmet(SHENZHEN, BEIJING),
            vec![Unmet::RelationshipEnded]
        );
        let mut retired = demo();
        retired.relationships[1].status = EnrolmentStatus::ReceivingBenefits;
        assert!(
            retired
                .unmet(SHENZHEN, BEIJING)
                .contains(&Unmet::ReceivingBenefits)
        );
    }

    #[test]
    fn arrears_do_not_block_a_medical_transfer() {
        let mut f = demo();
        f.kind = TransferKind::Medical;
        f.months.extend(months(SHENZHEN, 201907, 2, false));
        assert_eq!(f.unmet(SHENZHEN, BEIJING), vec![]);
        assert_eq!(f.estimate(SHENZHEN).pooled_funds, 0);
    }

    #[test]
    fn temporary_account_rule_by_age_sex_and_hukou() {
        // A man turns 50 on his birthday: the day before he may still move to a non-hukou
        // place, on the day he may not; his hukou place is always fine.
        let mut f = demo();
        f.hukou = CHENGDU.into();
        f.hukou_name = named(CHENGDU);
        f.birth = NaiveDate::from_ymd_opt(1976, 11, 28).unwrap();
        assert_eq!(f.unmet(SHENZHEN, BEIJING), vec![]);
        f.birth = NaiveDate::from_ymd_opt(1976, 11, 27).unwrap();
        assert_eq!(
            f.unmet(SHENZHEN, BEIJING),
            vec![Unmet::TemporaryAccountOnly {
                age: 50,
                hukou: named(CHENGDU)
            }]
        );
        // A woman from 40.
        f.male = false;
        f.birth = NaiveDate::from_ymd_opt(1986, 11, 27).unwrap();
        assert!(matches!(
            f.unmet(SHENZHEN, BEIJING)[..],
            [Unmet::TemporaryAccountOnly { age: 40, .. }]
        ));
        f.relationships.push(rel(CHENGDU, EnrolmentStatus::Active));
        assert_eq!(f.unmet(SHENZHEN, CHENGDU), vec![]);
    }

    #[test]
    fn paying_place_after_the_move() {
        let mut f = demo();
        f.hukou = CHENGDU.into();
        // Beijing 86 months, Shenzhen 84: no place has 10 years → the hukou place gathers.
        assert_eq!(
            f.paying_place(),
            Some(("510000".to_string(), PayingPlaceRule::HukouFallback))
        );
        // 10 years in Shenzhen before Beijing: back to the last place with 10 years.
        f.months = months(SHENZHEN, 200901, 120, true);
        f.months.extend(months(BEIJING, 201901, 86, true));
        assert_eq!(
            f.paying_place(),
            Some(("440000".to_string(), PayingPlaceRule::LastPlaceTenYears))
        );
        // Arrears do not count as years: 119 paid and one owed in Beijing is not ten years.
        f.months = months(BEIJING, 201001, 119, true);
        f.months.extend(months(BEIJING, 201912, 1, false));
        assert_eq!(
            f.paying_place(),
            Some(("510000".to_string(), PayingPlaceRule::HukouFallback))
        );
    }

    #[test]
    fn pooled_funds_count_from_1998() {
        let mut f = demo();
        f.months = months(SHENZHEN, 199707, 12, true);
        // Six months of 1998 count: 12% × 6 × 10,000 yuan = 7,200 yuan.
        assert_eq!(f.estimate(SHENZHEN).pooled_funds, 720_000);
    }
}
