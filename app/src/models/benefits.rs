//! A pension in payment (养老金待遇): its parts, the national adjustments, the monthly payments,
//! and the page a retiree reads. The award rules are the estimate's (`models::pension`), so a
//! pension the seed awards is the one the estimate would have predicted for that record.

use super::code::coded;
use super::home::Named;
use super::insurance::{Month, Scheme, add_months};
use super::pension::{basic_pension, scheme_payout_months};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A monthly pension in fen, in the parts a pension statement shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PensionParts {
    /// 基础养老金: from the pooled fund, by the basic-pension formula.
    pub basic: i64,
    /// 个人账户养老金: the personal account at retirement over the payout months.
    pub account: i64,
    /// 过渡性养老金: for service before personal accounts (deemed contribution years).
    pub transitional: i64,
    /// 历年调整增加: what the yearly national adjustments added since the award.
    pub adjustments: i64,
}

impl PensionParts {
    pub fn total(self) -> i64 {
        self.basic + self.account + self.transitional + self.adjustments
    }
}

/// 过渡性养老金计发系数: each province sets it between 1.0% and 1.4% per deemed year; modelled
/// here as 1.2% (in per-ten-thousand).
pub const TRANSITIONAL_COEFFICIENT_BP: i64 = 120;

/// What an employee's pension is computed from at retirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmployeeAward {
    /// The province's average monthly wage of the year before retirement (fen).
    pub average_wage: i64,
    /// The average contribution index, in thousandths.
    pub index_milli: i64,
    /// Months paid into the pension record.
    pub paid_months: i64,
    /// Service before personal accounts, counted as contribution (视同缴费).
    pub deemed_months: i64,
    /// The personal account's balance at retirement (fen).
    pub account_balance: i64,
    pub age_months: i32,
}

impl EmployeeAward {
    /// Basic pension over all years (paid and deemed), the account over the payout months of
    /// the age, and the transitional part over the deemed years (国发〔2005〕38号).
    pub fn parts(self) -> PensionParts {
        PensionParts {
            basic: basic_pension(
                self.average_wage,
                self.index_milli,
                self.paid_months + self.deemed_months,
            ),
            account: self.account_balance / scheme_payout_months(Scheme::Employee, self.age_months),
            transitional: self.average_wage * self.index_milli * self.deemed_months / 12
                * TRANSITIONAL_COEFFICIENT_BP
                / (1000 * 10_000),
            adjustments: 0,
        }
    }
}

/// A resident's pension (国发〔2014〕8号): the national minimum basic pension of the year and
/// the account over 139 months.
pub fn resident_parts(first_month: Month, account_balance: i64) -> PensionParts {
    PensionParts {
        basic: resident_minimum_basic(first_month / 100),
        account: account_balance / scheme_payout_months(Scheme::Resident, 0),
        ..PensionParts::default()
    }
}

/// The national minimum basic pension of the residents' scheme, fen per month, from January
/// of `year` (raised in 2014, 2018, 2020, 2022, 2023, 2024 and 2025; 2026 modelled at the
/// 2025 step, as the reference wages are).
pub fn resident_minimum_basic(year: i32) -> i64 {
    match year {
        ..=2017 => 7_000,
        2018..=2019 => 8_800,
        2020..=2021 => 9_300,
        2022 => 9_800,
        2023 => 10_300,
        2024 => 12_300,
        2025 => 14_300,
        _ => 16_300,
    }
}

/// The yearly national adjustment of employees' pensions (人社部、财政部 notices), in
/// thousandths of the pension, effective 1 January of `year` for those retired before it.
/// 2026 is modelled at 2025's rate.
pub fn employee_adjustment_permille(year: i32) -> Option<i64> {
    Some(match year {
        2016 => 65,
        2017 => 55,
        2018..=2020 => 50,
        2021 => 45,
        2022 => 40,
        2023 => 38,
        2024 => 30,
        2025.. => 20,
        _ => return None,
    })
}

/// The adjustment is decided mid-year and first paid in July, with the months since January
/// as back pay (补发).
pub const ADJUSTMENT_PAID_IN_MONTH: u32 = 7;
/// Pensions are paid on this day of each month.
pub const PAYMENT_DAY: u32 = 10;
/// What the medical pool credits a retired employee's personal account each month (fen):
/// a fixed amount since the 2023 reform of employees' medical accounts.
pub const RETIREE_MEDICAL_CREDIT: i64 = 8_000;

/// One month's payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub month: Month,
    pub paid_on: NaiveDate,
    /// Everything paid that month, back pay included (fen).
    pub amount: i64,
    pub back_pay: i64,
}

/// The amount in force from a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountFrom {
    pub from_month: Month,
    pub parts: PensionParts,
    pub cause: AmountCause,
    pub decided_on: NaiveDate,
}

coded! {
    pub enum AmountCause {
        /// 待遇核定: the pension as first awarded.
        Award = "award",
        /// 待遇调整: a yearly national adjustment.
        Adjustment = "adjustment",
    }
}

fn pay_date(month: Month) -> NaiveDate {
    NaiveDate::from_ymd_opt(month / 100, (month % 100) as u32, PAYMENT_DAY).expect("valid month")
}

/// The amounts and payments of a pension first paid in `first_month` with `award`, up to and
/// including `until`: every January after a full year of payment brings the national
/// adjustment (a percentage for employees, the new minimum basic for residents), decided and
/// paid in July with the months since January as back pay.
pub fn payment_history(
    scheme: Scheme,
    first_month: Month,
    award: PensionParts,
    awarded_on: NaiveDate,
    until: Month,
) -> (Vec<AmountFrom>, Vec<Payment>) {
    let mut amounts = vec![AmountFrom {
        from_month: first_month,
        parts: award,
        cause: AmountCause::Award,
        decided_on: awarded_on,
    }];
    let mut payments = Vec::new();
    let mut current = award;
    let mut month = first_month;
    while month <= until {
        let (year, in_year) = (month / 100, month % 100);
        let mut back_pay = 0;
        if in_year == ADJUSTMENT_PAID_IN_MONTH as i32 && first_month <= (year - 1) * 100 + 12 {
            let raise = match scheme {
                Scheme::Employee => employee_adjustment_permille(year)
                    .map_or(0, |permille| current.total() * permille / 1000),
                Scheme::Resident => resident_minimum_basic(year) - resident_minimum_basic(year - 1),
            };
            if raise > 0 {
                current.adjustments += raise;
                amounts.push(AmountFrom {
                    from_month: year * 100 + 1,
                    parts: current,
                    cause: AmountCause::Adjustment,
                    decided_on: NaiveDate::from_ymd_opt(year, ADJUSTMENT_PAID_IN_MONTH, 1)
                        .expect("valid date"),
                });
                back_pay = raise * i64::from(ADJUSTMENT_PAID_IN_MONTH - 1);
            }
        }
        payments.push(Payment {
            month,
            paid_on: pay_date(month),
            amount: current.total() + back_pay,
            back_pay,
        });
        month = add_months(month, 1);
    }
    (amounts, payments)
}

coded! {
    /// The banks pensions are paid into, by a short code stored with each payment.
    pub enum Bank {
        Icbc = "icbc",
        Ccb = "ccb",
        Abc = "abc",
        Boc = "boc",
        Psbc = "psbc",
        Bocom = "bocom",
    }
}

/// Where a payment went: the bank and the last four digits of the account, which is all the
/// portal stores of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payee {
    pub bank: Bank,
    pub last4: String,
}

impl Payee {
    /// `**** 1234`, as a bank statement masks a card.
    pub fn masked(&self) -> String {
        format!("**** {}", self.last4)
    }
}

/// A line of the payment history as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentLine {
    pub payment: Payment,
    pub payee: Payee,
}

/// One year's adjustment: the amount before and after, when it took effect and was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustmentLine {
    pub effective_month: Month,
    pub decided_on: NaiveDate,
    pub before: i64,
    pub after: i64,
}

/// Each adjustment against the amount it replaced, newest first.
pub fn adjustment_lines(amounts: &[AmountFrom]) -> Vec<AdjustmentLine> {
    let mut lines: Vec<AdjustmentLine> = amounts
        .windows(2)
        .filter(|w| w[1].cause == AmountCause::Adjustment)
        .map(|w| AdjustmentLine {
            effective_month: w[1].from_month,
            decided_on: w[1].decided_on,
            before: w[0].parts.total(),
            after: w[1].parts.total(),
        })
        .collect();
    lines.reverse();
    lines
}

/// The retiree's medical account: what the pool credits each month, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedicalCredit {
    pub monthly: i64,
    pub since: Month,
    pub office: Named,
}

/// `/me/pension`: the pension now, its payments in one year, every adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PensionBenefits {
    pub scheme: Scheme,
    /// The first month paid.
    pub since: Month,
    pub awarded_on: NaiveDate,
    pub office: Named,
    pub current: PensionParts,
    pub last_payment: Option<PaymentLine>,
    pub adjustments: Vec<AdjustmentLine>,
    /// The year whose payments are listed, and every year with payments (newest first).
    pub year: i32,
    pub years: Vec<i32>,
    pub payments: Vec<PaymentLine>,
    pub paid_in_year: i64,
    pub medical_credit: Option<MedicalCredit>,
    pub data_as_of: NaiveDate,
    pub qualification: super::qualification::QualificationBrief,
}

/// What the home page says of a pension in payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PensionBrief {
    pub monthly: i64,
    pub last_payment: Option<Payment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn an_employee_award_follows_the_estimate_formula() {
        // Wage 8,000 yuan, index 1.1, 20 paid and 16 deemed years, account 120,000 yuan at 55.
        let parts = EmployeeAward {
            average_wage: 800_000,
            index_milli: 1100,
            paid_months: 240,
            deemed_months: 192,
            account_balance: 12_000_000,
            age_months: 660,
        }
        .parts();
        // 8,000 × (1 + 1.1) / 2 × 36 × 1% = 3,024 yuan.
        assert_eq!(parts.basic, 302_400);
        // 120,000 / 170 (the row of 55) = 705.88 yuan.
        assert_eq!(parts.account, 70_588);
        // 8,000 × 1.1 × 16 × 1.2% = 1,689.60 yuan.
        assert_eq!(parts.transitional, 168_960);
        assert_eq!(parts.total(), 302_400 + 70_588 + 168_960);
    }

    #[test]
    fn adjustments_start_after_a_full_year_and_are_paid_in_july_with_back_pay() {
        let award = PensionParts {
            basic: 300_000,
            account: 100_000,
            ..PensionParts::default()
        };
        // First paid 2023-12: the 2024 adjustment applies (retired before 2024), 3%.
        let (amounts, payments) =
            payment_history(Scheme::Employee, 202312, award, date(2023, 11, 20), 202407);
        assert_eq!(amounts.len(), 2);
        assert_eq!(amounts[1].from_month, 202401);
        assert_eq!(amounts[1].decided_on, date(2024, 7, 1));
        assert_eq!(amounts[1].parts.adjustments, 12_000);
        assert_eq!(amounts[1].parts.basic, 300_000);
        let june = payments.iter().find(|p| p.month == 202406).unwrap();
        assert_eq!((june.amount, june.back_pay), (400_000, 0));
        let july = payments.iter().find(|p| p.month == 202407).unwrap();
        assert_eq!(july.back_pay, 6 * 12_000);
        assert_eq!(july.amount, 412_000 + 72_000);
        assert_eq!(july.paid_on, date(2024, 7, 10));
        assert_eq!(payments.len(), 8);

        // First paid 2024-01: no adjustment in 2024 (not retired before it).
        let (amounts, _) =
            payment_history(Scheme::Employee, 202401, award, date(2023, 12, 20), 202412);
        assert_eq!(amounts.len(), 1);
        let lines = adjustment_lines(&amounts);
        assert!(lines.is_empty());
    }

    #[test]
    fn residents_get_the_rise_of_the_minimum_basic() {
        let award = resident_parts(202301, 1_390_000);
        assert_eq!(award.basic, 10_300);
        assert_eq!(award.account, 10_000);
        let (amounts, _) =
            payment_history(Scheme::Resident, 202301, award, date(2022, 12, 20), 202512);
        let lines = adjustment_lines(&amounts);
        // Newest first: 2025 (+20 yuan), 2024 (+20 yuan).
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].effective_month, 202501);
        assert_eq!(lines[0].after - lines[0].before, 2_000);
        assert_eq!(lines[1].before, 20_300);
        assert_eq!(lines[1].after, 22_300);
    }

    #[test]
    fn a_payee_shows_only_its_last_four_digits() {
        let p = Payee {
            bank: Bank::Icbc,
            last4: "4827".into(),
        };
        assert_eq!(p.masked(), "**** 4827");
    }
}
