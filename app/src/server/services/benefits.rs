//! A retiree's pension in payment (养老金待遇): the amount now in its parts, one year's payments,
//! every yearly adjustment, and the medical account credit; and the line the home page shows.

use crate::error::{AppError, FieldCode};
use crate::models::benefits::{
    AmountFrom, MedicalCredit, Payee, Payment, PaymentLine, PensionBenefits, PensionBrief,
    adjustment_lines,
};
use crate::models::home::Named;
use crate::models::insurance::Agency;
use crate::server::auth::CitizenScope;
use crate::server::store::{AmountRow, OfficeRecord, PaymentRow, PensionBriefRow, Store};

fn line(row: PaymentRow) -> PaymentLine {
    PaymentLine {
        payment: payment(&row),
        payee: Payee {
            bank: row.bank,
            last4: row.account_last4,
        },
    }
}

fn payment(row: &PaymentRow) -> Payment {
    Payment {
        month: row.month,
        paid_on: row.paid_on,
        amount: row.amount,
        back_pay: row.back_pay,
    }
}

fn amount(row: &AmountRow) -> AmountFrom {
    AmountFrom {
        from_month: row.from_month,
        parts: row.parts(),
        cause: row.cause,
        decided_on: row.decided_on,
    }
}

async fn office(store: &Store, region: &str, agency: Agency) -> Result<OfficeRecord, AppError> {
    store
        .office_for(region, agency)
        .await?
        .ok_or_else(|| AppError::internal(format!("no office for region {region}")))
}

fn named(office: &OfficeRecord) -> Named {
    Named {
        zh: office.name_zh.clone(),
        en: office.name_en.clone(),
    }
}

/// The pension page for `year` (the latest year paid when absent). A person without a pension
/// in payment gets `NotFound`; a year with no payments is a field error.
pub async fn pension_benefits(
    store: &Store,
    scope: CitizenScope,
    year: Option<i32>,
    today: chrono::NaiveDate,
) -> Result<PensionBenefits, AppError> {
    let mine = store.citizen(&scope);
    let award = mine.pension_award().await?.ok_or(AppError::NotFound)?;
    let amounts: Vec<AmountFrom> = mine.pension_amounts().await?.iter().map(amount).collect();
    let current = amounts
        .last()
        .ok_or_else(|| AppError::internal("a pension award without an amount"))?
        .parts;
    let last_payment = mine.last_pension_payment().await?.map(line);
    let first_year = award.first_month / 100;
    let last_year = last_payment
        .as_ref()
        .map_or(first_year, |l| l.payment.month / 100);
    let years: Vec<i32> = (first_year..=last_year).rev().collect();
    let year = year.unwrap_or(last_year);
    if !years.contains(&year) {
        return Err(AppError::field("year", FieldCode::Invalid));
    }
    let payments: Vec<PaymentLine> = mine
        .pension_payments(year * 100 + 1, year * 100 + 12)
        .await?
        .into_iter()
        .map(line)
        .collect();
    let paying = office(store, &award.region_code, Agency::HumanResources).await?;
    let qualification = super::qualification::brief(&mine, today)
        .await?
        .ok_or(AppError::NotFound)?;
    let medical_credit = match mine.retiree_medical_credit().await? {
        Some(c) => Some(MedicalCredit {
            monthly: c.monthly,
            since: c.since_month,
            office: named(&office(store, &c.region_code, Agency::Healthcare).await?),
        }),
        None => None,
    };
    Ok(PensionBenefits {
        scheme: award.scheme,
        since: award.first_month,
        awarded_on: award.awarded_on,
        office: named(&paying),
        current,
        last_payment,
        adjustments: adjustment_lines(&amounts),
        year,
        years,
        paid_in_year: payments.iter().map(|p| p.payment.amount).sum(),
        payments,
        medical_credit,
        data_as_of: paying.data_as_of,
        qualification,
    })
}

/// The monthly amount and the last payment, for a person with a pension in payment.
pub fn pension_brief(row: Option<PensionBriefRow>) -> Option<PensionBrief> {
    row.map(|b| PensionBrief {
        monthly: b.monthly,
        last_payment: match (b.month, b.paid_on, b.amount, b.back_pay) {
            (Some(month), Some(paid_on), Some(amount), Some(back_pay)) => Some(Payment {
                month,
                paid_on,
                amount,
                back_pay,
            }),
            _ => None,
        },
    })
}
