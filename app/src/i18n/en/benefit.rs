//! English texts of the pension-in-payment page.

use crate::i18n::benefit::BenefitTexts;
use crate::models::benefits::Bank;

pub static EN: BenefitTexts = BenefitTexts {
    nav: "My pension",
    title: "My pension in payment",
    intro: "Your pension is paid into your payee account on the 10th of each month. Pensions are adjusted nationally each year: the new amount counts from January, and the July payment adds the difference for January to June.",
    home_monthly: |amount| format!("Monthly pension {amount} yuan"),
    home_last_payment: |date, amount| format!("Last paid: {date}, {amount} yuan"),
    home_no_payment_yet: "Payments will show here after the first one.",
    overview_title: "Overview",
    since: "Paid since",
    awarded_on: "Awarded on",
    paying_office: "Paid by",
    payee: "Payee account",
    bank_name: |bank| match bank {
        Bank::Icbc => "Industrial and Commercial Bank of China",
        Bank::Ccb => "China Construction Bank",
        Bank::Abc => "Agricultural Bank of China",
        Bank::Boc => "Bank of China",
        Bank::Psbc => "Postal Savings Bank of China",
        Bank::Bocom => "Bank of Communications",
    },
    parts_title: "Your monthly pension, part by part",
    part_basic: "Basic pension",
    part_account: "Personal account pension",
    part_transitional: "Transitional pension",
    part_adjustments: "Yearly adjustments so far",
    total: "Monthly total",
    parts_note: "The basic and transitional pensions come from the pooled fund; the personal account pension comes from your own account, divided over the payout months of your age at retirement.",
    payments_title: "Payments",
    year: "Year",
    show: "Show",
    paid_in_year: |year, count, amount| {
        format!("{count} payments in {year}, {amount} yuan in all.")
    },
    no_payments: "No payments in this year.",
    col_month: "For month",
    col_paid_on: "Paid on",
    col_amount: "Amount (yuan)",
    col_back_pay: "Of which back pay (yuan)",
    col_payee: "Payee account",
    adjustments_title: "Yearly adjustments",
    adjustments_note: "Each year the State adjusts, from 1 January, the pensions of everyone retired before that year.",
    no_adjustments: "No adjustment yet: a pension takes part from the year after its first full year of payment.",
    col_effective: "From",
    col_decided: "Decided on",
    col_before: "Before (yuan/month)",
    col_after: "After (yuan/month)",
    col_raise: "Raise (yuan/month)",
    medical_title: "Medical insurance personal account",
    medical_line: |amount, since| {
        format!(
            "As a retiree, {amount} yuan is credited to your account each month, since {since}."
        )
    },
    certificate_link: "Get a benefit certificate",
    estimate_instead: "You already receive a pension, so the estimate no longer applies. Your monthly amount, payments and adjustments are under \"My pension in payment\".",
};
