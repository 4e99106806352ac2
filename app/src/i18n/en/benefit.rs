//! English texts of the pension-in-payment page.

use crate::i18n::benefit::BenefitTexts;
use crate::models::assist::Helper;
use crate::models::benefits::Bank;
use crate::models::qualification::{CheckMethod, CheckStatus};

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
    q_title: "Yearly pension qualification check",
    q_link: "Qualification check",
    q_intro: "Everyone paid a pension confirms once a year that they are alive and still entitled to it. A confirmation holds for 12 months; when none holds, payments are suspended, and they resume, with the months missed, once you confirm.",
    q_due_soon: |days, date| {
        format!(
            "Please confirm your qualification by {date} ({days} days left), or your pension payments will be suspended."
        )
    },
    q_overdue: |date| {
        format!(
            "Your qualification check was due on {date}: payments are suspended until you confirm, then paid with the months missed."
        )
    },
    q_current: |date| format!("Your qualification is confirmed; the next check is due by {date}."),
    q_pending: "Your confirmation is with the paying office for review; you will get its answer in your messages.",
    q_sent: "Your confirmation has been sent.",
    q_form_title: "Confirm now",
    q_method_legend: "How to confirm",
    q_method_name: |m| match m {
        CheckMethod::SecondFactor => "Myself, with my two-factor code",
        CheckMethod::OfficeReview => "Send it to the office for review",
    },
    q_method_hint: |m| match m {
        CheckMethod::SecondFactor => {
            "Enter the 6-digit code from your authenticator app; it takes effect at once."
        }
        CheckMethod::OfficeReview => {
            "The office that pays your pension reviews it; it takes effect when they confirm it."
        }
    },
    q_no_second_factor: "You have not turned on two-factor sign-in, so you can only send your confirmation for review. With two-factor sign-in on, you can confirm yourself at any time, with immediate effect.",
    q_turn_on_second_factor: "Turn on two-factor sign-in",
    q_helper_note: |h| match h {
        Helper::Helpdesk => "In a helpdesk session the confirmation can only be sent for review.",
        Helper::Relative => "A relative helping can only send the confirmation for review.",
    },
    q_code_label: "6-digit code",
    q_confirm_label: "I confirm that I am alive and still entitled to my basic pension.",
    q_submit: "Send confirmation",
    q_history_title: "Past checks",
    q_no_history: "No checks yet.",
    q_status_name: |s| match s {
        CheckStatus::Pending => "Under review",
        CheckStatus::Confirmed => "Confirmed",
        CheckStatus::Refused => "Not confirmed",
    },
    q_col_submitted: "Sent",
    q_col_method: "How",
    q_col_status: "Result",
    q_col_note: "Note",
    q_helper_tag: |h| match h {
        Helper::Helpdesk => "sent by the helpdesk",
        Helper::Relative => "sent by a relative",
    },
    field_check_pending: "A confirmation of yours is already waiting for the office: please wait for its answer.",
    rq_title: "Qualification checks to review",
    rq_intro: "Confirmations sent for review by people this office pays, oldest first. A confirmation holds for 12 months; when you do not confirm one, say why and what the person should do.",
    rq_empty: "No confirmations are waiting.",
    rq_decided: "Done; the person has been told.",
    rq_col_name: "Name",
    rq_col_id: "ID number",
    rq_note_label: "Note (required when not confirming)",
    rq_confirm: "Confirm",
    rq_refuse: "Do not confirm",
    rq_decision: "Decision",
    rq_submit: "Record the decision",
    estimate_instead: "You already receive a pension, so the estimate no longer applies. Your monthly amount, payments and adjustments are under \"My pension in payment\".",
};
