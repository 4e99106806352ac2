//! Reading one person's pension in payment and their medical account credit as a retiree.
//! Keyed by person id and served by the tables' primary keys.

use super::{Db, Store, StoreError, on_pool};
use crate::models::benefits::{AmountCause, Bank, PensionParts};
use crate::models::insurance::Scheme;
use chrono::NaiveDate;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AwardRow {
    pub scheme: Scheme,
    pub region_code: String,
    pub first_month: i32,
    pub awarded_on: NaiveDate,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AmountRow {
    pub from_month: i32,
    pub basic: i64,
    pub account: i64,
    pub transitional: i64,
    pub adjustments: i64,
    pub cause: AmountCause,
    pub decided_on: NaiveDate,
}

impl AmountRow {
    pub fn parts(&self) -> PensionParts {
        PensionParts {
            basic: self.basic,
            account: self.account,
            transitional: self.transitional,
            adjustments: self.adjustments,
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PaymentRow {
    pub month: i32,
    pub paid_on: NaiveDate,
    pub amount: i64,
    pub back_pay: i64,
    pub bank: Bank,
    pub account_last4: String,
}

/// The amount now and the latest payment, read with the home page's rows (`page_rows::PENSION`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PensionBriefRow {
    pub monthly: i64,
    pub month: Option<i32>,
    pub paid_on: Option<NaiveDate>,
    pub amount: Option<i64>,
    pub back_pay: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MedicalCreditRow {
    pub region_code: String,
    pub since_month: i32,
    pub monthly: i64,
}

impl Store {
    pub(super) async fn pension_award(
        &self,
        person_id: i64,
    ) -> Result<Option<AwardRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT scheme, region_code, first_month, awarded_on FROM pension_awards WHERE person_id = $1",
        ).bind(person_id).fetch_optional(pool).await?))
    }

    /// The amounts in force over time, oldest first.
    pub(super) async fn pension_amounts(
        &self,
        person_id: i64,
    ) -> Result<Vec<AmountRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT from_month, basic, account, transitional, adjustments, cause, decided_on \
             FROM pension_amounts WHERE person_id = $1 ORDER BY from_month",
        ).bind(person_id).fetch_all(pool).await?))
    }

    /// Payments of the months `from..=to`, newest first.
    pub(super) async fn pension_payments(
        &self,
        person_id: i64,
        from: i32,
        to: i32,
    ) -> Result<Vec<PaymentRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT month, paid_on, amount, back_pay, bank, account_last4 FROM pension_payments \
             WHERE person_id = $1 AND month BETWEEN $2 AND $3 ORDER BY month DESC",
        ).bind(person_id).bind(from).bind(to).fetch_all(pool).await?))
    }

    /// The latest payment.
    pub(super) async fn last_pension_payment(
        &self,
        person_id: i64,
    ) -> Result<Option<PaymentRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT month, paid_on, amount, back_pay, bank, account_last4 FROM pension_payments \
             WHERE person_id = $1 ORDER BY month DESC LIMIT 1",
        ).bind(person_id).fetch_optional(pool).await?))
    }

    pub(super) async fn retiree_medical_credit(
        &self,
        person_id: i64,
    ) -> Result<Option<MedicalCreditRow>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT region_code, since_month, monthly FROM retiree_medical_credits WHERE person_id = $1",
        ).bind(person_id).fetch_optional(pool).await?))
    }
}
