//! The rules of a transfer before it is submitted (DESIGN §3): which conditions are unmet, what
//! the funds moving are estimated at, and where the pension will be paid after the move. Pure:
//! the facts come in, so the cases worked by hand below are the rules' tests.

use crate::models::home::Named;
use crate::models::insurance::{EnrolmentStatus, Month, month_index, month_of};
use crate::models::pension::{
    Insured, PayingPlaceRule, months_by_province, paying_place, province_of,
};
use crate::models::transfer::{
    FundsEstimate, Precheck, Route, TemporaryException, TransferKind, Unmet,
};
use chrono::NaiveDate;

/// The pooled fund moves 12% of the bases of each year since 1998 (国办发〔2009〕66号 第四条).
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
    fn insured(&self) -> Insured {
        Insured {
            birth_month: month_of(&self.birth),
            male: self.male,
        }
    }

    /// What moving `from` → `to` is (DESIGN §3). Pension places are provinces: two cities of
    /// one province make a change of registration; a new non-hukou province where insurance
    /// started at 50+ (men) or 40+ (women) holds a temporary account. Medical insurance is
    /// pooled by city, so every move between two cities is a transfer.
    pub fn route(&self, from: &str, to: &str, name: &impl Fn(&str) -> Named) -> Route {
        if self.kind == TransferKind::Medical || from == to {
            return Route::Transfer;
        }
        let province = province_of(to);
        if province_of(from) == province {
            let since = self
                .months
                .iter()
                .filter(|m| m.region == to)
                .map(|m| m.month)
                .min();
            return Route::ChangeOfRegistration {
                province: name(&province),
                since,
            };
        }
        if province == province_of(&self.hukou) {
            return Route::Transfer;
        }
        // Insurance started there with its first month on record (or now, before any).
        let started = self
            .months
            .iter()
            .filter(|m| province_of(&m.region) == province)
            .map(|m| m.month)
            .min()
            .unwrap_or_else(|| month_of(&self.today));
        if self.insured().temporary_account_at(started) {
            Route::TemporaryAccount {
                age: (month_index(started) - month_index(month_of(&self.birth))) / 12,
                started,
                hukou: self.hukou_name.clone(),
            }
        } else {
            Route::Transfer
        }
    }

    /// Every unmet condition of transferring `from` → `to`, in the order a person would fix
    /// them. Arrears are not among them: they are a warning (`arrears`).
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
        let insured_there = self
            .relationships
            .iter()
            .any(|r| r.region == to && r.employee && r.status == EnrolmentStatus::Active);
        if from != to && !insured_there {
            unmet.push(Unmet::NotInsuredAtNewPlace);
        }
        unmet
    }

    /// Pension: the months unpaid at `from`, in order. They do not stop a transfer; unless paid
    /// first they do not count and move no funds (人社部规〔2016〕5号). Medical insurance has
    /// no such rule.
    pub fn arrears(&self, from: &str) -> Vec<Month> {
        if self.kind != TransferKind::Pension {
            return Vec::new();
        }
        let mut months: Vec<Month> = self
            .months
            .iter()
            .filter(|m| !m.paid && m.region == from)
            .map(|m| m.month)
            .collect();
        months.sort_unstable();
        months
    }

    /// The months, the account share and (pension) the pooled funds built up at `from`. The
    /// account is one balance per person, so the old place's part is its share of the
    /// personal contributions, interest included in proportion.
    /// Unpaid months count for nothing. Between two cities of one province no pooled fund moves.
    pub fn estimate(&self, from: &str, to: &str) -> FundsEstimate {
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
            TransferKind::Pension if province_of(from) != province_of(to) => {
                paid_there()
                    .filter(|m| m.month >= POOLED_FROM)
                    .map(|m| m.base)
                    .sum::<i64>()
                    * POOLED_SHARE_PERCENT
                    / 100
            }
            TransferKind::Pension | TransferKind::Medical => 0,
        };
        FundsEstimate {
            months: paid_there().count() as i64,
            personal_account,
            pooled_funds,
        }
    }

    /// Where the pension will be paid after the move (DESIGN §3, the estimate's rule): the
    /// provinces as they stand, the new place being where the person contributes now. An
    /// exception answered for the new province `to` makes its account a normal one, and hukou
    /// moved in makes it the hukou province.
    pub fn paying_place(
        &self,
        exception: Option<(TemporaryException, &str)>,
    ) -> Option<(String, PayingPlaceRule)> {
        let paid = self.months.iter().filter(|m| m.paid);
        let mut places = months_by_province(paid.map(|m| (m.region.as_str(), m.month, 1)));
        let mut hukou = self.hukou.as_str();
        if let Some((exception, to)) = exception {
            let province = province_of(to);
            places
                .iter_mut()
                .filter(|p| p.province == province)
                .for_each(|p| p.exempt = true);
            if exception == TemporaryException::HukouMovedIn {
                hukou = to;
            }
        }
        paying_place(hukou, self.insured(), &places)
    }

    /// The whole pre-check; `name` names a region. An exception answered turns a temporary
    /// account into a transfer (the office then asks for its evidence).
    pub fn precheck(
        &self,
        from: &str,
        to: &str,
        exception: Option<TemporaryException>,
        name: impl Fn(&str) -> Named,
    ) -> Precheck {
        let (route, exception) = match (self.route(from, to, &name), exception) {
            (Route::TemporaryAccount { .. }, Some(e)) => (Route::Transfer, Some(e)),
            (route, _) => (route, None),
        };
        Precheck {
            route,
            exception,
            unmet: self.unmet(from, to),
            arrears: self.arrears(from),
            estimate: self.estimate(from, to),
            paying_place: match self.kind {
                TransferKind::Pension => self
                    .paying_place(exception.map(|e| (e, to)))
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
    const GUANGZHOU: &str = "440100";

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
        assert_eq!(f.route(SHENZHEN, BEIJING, &named), Route::Transfer);
        assert_eq!(f.unmet(SHENZHEN, BEIJING), vec![]);
        let e = f.estimate(SHENZHEN, BEIJING);
        assert_eq!(e.months, 84);
        // Personal parts: 84 × 800 yuan there of 170 × 800 in all → 84/170 of 20,000 yuan
        // = 9,882.35 yuan (truncated to the fen).
        assert_eq!(e.personal_account, 988_235);
        // 12% of 84 months × 10,000 yuan = 100,800 yuan.
        assert_eq!(e.pooled_funds, 10_080_000);
        assert_eq!(
            f.paying_place(None),
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

    /// 人社部规〔2016〕5号: unpaid months do not stop a pension transfer; they are listed, do
    /// not count and move no funds.
    #[test]
    fn arrears_warn_and_count_for_nothing() {
        let mut owing = demo();
        owing.months.extend(months(SHENZHEN, 201907, 2, false));
        assert_eq!(owing.unmet(SHENZHEN, BEIJING), vec![]);
        assert_eq!(owing.arrears(SHENZHEN), vec![201907, 201908]);
        // The same 84 paid months and funds as without them.
        assert_eq!(
            owing.estimate(SHENZHEN, BEIJING),
            demo().estimate(SHENZHEN, BEIJING)
        );
        let p = owing.precheck(SHENZHEN, BEIJING, None, named);
        assert_eq!((p.route, p.arrears.len()), (Route::Transfer, 2));
        // Medical insurance has no arrears rule and no pooled fund.
        owing.kind = TransferKind::Medical;
        assert!(owing.arrears(SHENZHEN).is_empty());
        assert_eq!(owing.estimate(SHENZHEN, BEIJING).pooled_funds, 0);
    }

    /// 国办发〔2009〕66号: pension pooling is provincial, so 广州 → 深圳 is a change of
    /// registration with no pooled fund; medical pooling is by city, so it stays a transfer.
    #[test]
    fn two_cities_of_one_province_change_registration() {
        let mut f = demo();
        f.months = months(GUANGZHOU, 201301, 72, true);
        f.months.extend(months(SHENZHEN, 201901, 60, true));
        f.relationships = vec![
            rel(GUANGZHOU, EnrolmentStatus::Suspended),
            rel(SHENZHEN, EnrolmentStatus::Active),
        ];
        assert_eq!(
            f.route(GUANGZHOU, SHENZHEN, &named),
            Route::ChangeOfRegistration {
                province: named("440000"),
                since: Some(201901)
            }
        );
        assert_eq!(f.estimate(GUANGZHOU, SHENZHEN).pooled_funds, 0);
        let p = f.precheck(GUANGZHOU, SHENZHEN, None, named);
        assert!(matches!(p.route, Route::ChangeOfRegistration { .. }));
        f.kind = TransferKind::Medical;
        assert_eq!(f.route(GUANGZHOU, SHENZHEN, &named), Route::Transfer);
    }

    /// 国办发〔2009〕66号 第三条: a man of 50+ or a woman of 40+ when insurance started at a
    /// non-hukou province has a temporary account there, judged at that start, not today.
    #[test]
    fn temporary_account_by_age_at_the_start_there() {
        // Hukou Chengdu; Beijing started 2019-10. A man born 1969-10 was 50 then.
        let mut f = demo();
        f.hukou = CHENGDU.into();
        f.hukou_name = named(CHENGDU);
        f.birth = NaiveDate::from_ymd_opt(1969, 10, 1).unwrap();
        let temporary = Route::TemporaryAccount {
            age: 50,
            started: 201910,
            hukou: named(CHENGDU),
        };
        assert_eq!(f.route(SHENZHEN, BEIJING, &named), temporary);
        // Born a month later he was 49 at the start: a normal transfer, though he is 57 today.
        f.birth = NaiveDate::from_ymd_opt(1969, 11, 1).unwrap();
        assert_eq!(f.route(SHENZHEN, BEIJING, &named), Route::Transfer);
        // A woman from 40: born 1979-10 she was 40 when Beijing started.
        f.male = false;
        f.birth = NaiveDate::from_ymd_opt(1979, 10, 1).unwrap();
        assert!(matches!(
            f.route(SHENZHEN, BEIJING, &named),
            Route::TemporaryAccount { age: 40, .. }
        ));
        // Not a refusal: the unmet conditions stay empty, and nothing can be submitted
        // unless an exception is answered, which makes it a transfer.
        let p = f.precheck(SHENZHEN, BEIJING, None, named);
        assert!(matches!(p.route, Route::TemporaryAccount { .. }));
        assert_eq!((p.unmet, p.exception), (vec![], None));
        let p = f.precheck(
            SHENZHEN,
            BEIJING,
            Some(TemporaryException::HukouMovedIn),
            named,
        );
        assert_eq!(
            (p.route, p.exception),
            (Route::Transfer, Some(TemporaryException::HukouMovedIn))
        );
        // Without the exception Beijing's years are left out and Chengdu, the hukou place,
        // pays; with the hukou moved to Beijing, Beijing does.
        assert_eq!(
            f.paying_place(None).map(|(p, _)| p).as_deref(),
            Some("510000")
        );
        assert_eq!(
            p.paying_place,
            Some((named("110000"), PayingPlaceRule::HukouPlace))
        );
        // The hukou province never holds a temporary account.
        f.relationships.push(rel(CHENGDU, EnrolmentStatus::Active));
        assert_eq!(f.route(SHENZHEN, CHENGDU, &named), Route::Transfer);
        // An exception answered for a move that is no temporary account changes nothing.
        f.birth = NaiveDate::from_ymd_opt(1990, 3, 7).unwrap();
        let p = f.precheck(
            SHENZHEN,
            BEIJING,
            Some(TemporaryException::StateArranged),
            named,
        );
        assert_eq!((p.route, p.exception), (Route::Transfer, None));
    }

    #[test]
    fn paying_place_after_the_move() {
        let mut f = demo();
        f.hukou = CHENGDU.into();
        // Beijing 86 months, Shenzhen 84: no place has 10 years → the hukou place gathers.
        assert_eq!(
            f.paying_place(None),
            Some(("510000".to_string(), PayingPlaceRule::HukouFallback))
        );
        // 10 years in Shenzhen before Beijing: back to the last place with 10 years.
        f.months = months(SHENZHEN, 200901, 120, true);
        f.months.extend(months(BEIJING, 201901, 86, true));
        assert_eq!(
            f.paying_place(None),
            Some(("440000".to_string(), PayingPlaceRule::LastPlaceTenYears))
        );
        // Arrears do not count as years: 119 paid and one owed in Beijing is not ten years.
        f.months = months(BEIJING, 201001, 119, true);
        f.months.extend(months(BEIJING, 201912, 1, false));
        assert_eq!(
            f.paying_place(None),
            Some(("510000".to_string(), PayingPlaceRule::HukouFallback))
        );
    }

    #[test]
    fn pooled_funds_count_from_1998() {
        let mut f = demo();
        f.months = months(SHENZHEN, 199707, 12, true);
        // Six months of 1998 count: 12% × 6 × 10,000 yuan = 7,200 yuan.
        assert_eq!(f.estimate(SHENZHEN, BEIJING).pooled_funds, 720_000);
    }
}
