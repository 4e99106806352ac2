//! English texts of the record pages (insurance detail, career chart, pension estimate).

use crate::i18n::record::RecordTexts;
use crate::models::gaps::GapKind;
use crate::models::insurance::{Insurance, Scheme, years_label as years};
use crate::models::medical_continuity::BreakEffect;
use crate::models::pension::PayingPlaceRule;

pub static EN: RecordTexts = RecordTexts {
    view_details: "View details",
    career_link: "All five insurances over time",
    estimate_link: "Pension estimate",
    record_title: |name| format!("{name}: details"),
    back_to_home: "Back to my home page",
    periods_title: "Enrolment history",
    until_now: "now",
    chart_title: "Contributions chart",
    chart_all_title: "All five insurances over time",
    chart_summary: |from, to, months, gaps, base| {
        format!(
            "{from} to {to}: {months} months paid, {gaps} gap(s) or arrears, latest base {base} yuan."
        )
    },
    chart_empty: "No contributions on record yet.",
    legend_paid: "Paid (employer + personal)",
    legend_arrears: "In arrears",
    legend_base: "Contribution base",
    legend_gap: "Gap",
    gaps_title: "Gaps and arrears",
    no_gaps: "No gaps or arrears on record.",
    gap_line: |kind, from, to, n| match kind {
        GapKind::NoContribution => format!("{from} to {to}: no contributions for {n} month(s)"),
        GapKind::Arrears => format!("{from} to {to}: {n} month(s) in arrears"),
    },
    gap_meaning: |insurance, kind| match (insurance, kind) {
        (_, GapKind::Arrears) => {
            "Your employer declared these months but has not paid them, so they do not count yet. Ask your employer to pay them; if it refuses, complain to the local social insurance office or labour inspectorate."
        }
        (Insurance::Pension, _) => {
            "Months without contributions do not count towards the minimum needed for a monthly pension (15 years for now) and lower the pension. Without an employer you can keep contributing as a flexibly employed person."
        }
        (Insurance::Medical, _) => {
            "After a break of more than 3 months, a waiting period of 3 to 6 months usually applies when you re-enrol, during which costs are not reimbursed. Re-enrol soon through a new employer, as flexibly employed, or as a resident."
        }
        (Insurance::Unemployment, _) => {
            "Unemployment benefit needs at least one year of contributions, and its duration depends on the months paid; gap months do not count."
        }
        (Insurance::WorkInjury, _) => {
            "Work injury insurance is paid by the employer; for an injury during a gap the employer must pay the benefits itself."
        }
        (Insurance::Maternity, _) => {
            "Maternity insurance follows employee medical insurance; a gap can affect maternity medical costs and allowance (most places require a number of continuous months before the birth)."
        }
    },
    medical_break: |e| {
        match e {
        BreakEffect::KeepsYears => "A break of 3 months or less: once the months are paid up within the time allowed, your continuous years are kept.".into(),
        BreakEffect::Waiting { months, scheme: Scheme::Employee } => format!(
            "A break of more than 3 months: your continuous years start again when you re-enrol, and benefits wait up to {months} months after that (the insured place sets the exact period); treatment in that time is not reimbursed."
        ),
        BreakEffect::Waiting { months, scheme: Scheme::Resident } => format!(
            "A break of more than 3 months: your continuous years start again. Under the residents' rules benefits wait 3 months after re-enrolling, plus 1 month for each full year of the break: {months} months here. Treatment in that time is not reimbursed."
        ),
    }
    },
    continuous_line: |m| {
        let unit =
            |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "Continuously insured now for {} and {} (a break of 3 months or less, paid up, counts as continuous).",
            unit(m / 12, "year", "years"),
            unit(m % 12, "month", "months")
        )
    },
    continuity_source: "Source: 国办发〔2024〕38号. A simplified reckoning: whether break months were paid up, each place's waiting periods and its rewards for continuity (such as a shorter wait after years without claims) are for the insured place's office to confirm.",
    months_title: "Month by month",
    filter_year: "Year",
    filter_employer: "Employer",
    all: "All",
    apply_filter: "Filter",
    totals_line: |paid, arrears, employer, personal| {
        format!(
            "{paid} month(s) paid, {arrears} in arrears; employer paid {employer} yuan, you paid {personal} yuan."
        )
    },
    totals_years: |months| format!("That is {} years.", years(months)),
    col_month: "Month",
    col_employer: "Employer",
    col_region: "Insured in",
    col_base: "Base (yuan)",
    col_employer_part: "Employer part (yuan)",
    col_personal_part: "Personal part (yuan)",
    col_paid: "Status",
    paid_on: |d| format!("Paid ({d})"),
    in_arrears: "In arrears",
    yearly_payment: " (yearly payment)",
    no_rows: "No contributions match this filter.",
    pagination: "Pages",
    previous: "Previous",
    next: "Next",
    page_of: |p, n| format!("Page {p} of {n}"),
    account_title: "Personal account by year",
    col_year: "Year",
    col_opening: "Opening",
    col_credited: "Credited",
    col_interest: "Interest",
    col_withdrawn: "Paid out",
    col_closing: "Closing",
    years_progress: |months, min| {
        format!(
            "{} years contributed; a monthly pension needs at least {} years.",
            years(months),
            years(min)
        )
    },
    yearly_table: "Contributions by year",
    col_months: "Months",
    col_total: "Amount (yuan)",
    by_insurance: "Months paid per insurance",
    estimate_title: "Pension estimate",
    rules_version: |v| format!("Rule set {v}"),
    retirement_title: "Your statutory retirement",
    statutory_line: |month, age| {
        format!(
            "Under the gradual retirement-age reform you reach statutory retirement in {month}, at {age}."
        )
    },
    minimum_line: |m| {
        format!(
            "A monthly pension needs {} years of contributions.",
            years(m)
        )
    },
    resident_age_line: |month| {
        format!(
            "Residents' pensions start at 60, for men and women alike. You reach 60 in {month}."
        )
    },
    resident_minimum_line: "It needs 15 years of contributions. The rise of the minimum from 2030 applies to employees only, not to residents.",
    source_reform: "Source: Decision of the NPC Standing Committee on gradually raising the statutory retirement age (2024) and the State Council's measures attached to it.",
    source_resident: "Source: State Council opinion on a unified pension scheme for urban and rural residents (国发〔2014〕8号).",
    flexible_rule: "Flexible early retirement: up to 3 years earlier, never below the original age (men 60, women 55 or 50), only with the minimum years met by then, applied for in writing 3 months ahead. Flexible later retirement: up to 3 years, with the employer's agreement. You may choose by month. Source: State Council measures on the retirement age, article 2; Interim Measures on Flexible Retirement.",
    resident_no_flexible: "The residents' scheme has no flexible early or later retirement.",
    source_basic: "Source: State Council decision on the enterprise employees' pension (国发〔2005〕38号). Provinces define the wage used in their own way; this uses the provincial average wage of urban employment.",
    payout_rule: |y| {
        format!(
            "Payout months come from the table of 国发〔2005〕38号 by whole years of age at retirement ({y}); months beyond the last birthday do not count."
        )
    },
    resident_payout_rule: "A resident's account pension is the whole account divided by 139 (国发〔2014〕8号).",
    source_paying_place: "Source: Interim Measures on transferring employees' pension insurance (国办发〔2009〕66号), article 6. Pensions are pooled by province, so years are counted per province; a temporary account, opened when a man of 50 or more or a woman of 40 or more starts insurance in a province other than the hukou province, does not count towards the ten years and never becomes the paying place.",
    assumptions_title: "Assumptions (you can change them)",
    future_index: "Future contribution base (multiple of the average wage)",
    future_index_hint: "Between 0.6 and 3.0; by default your own average so far.",
    wage_growth: "Yearly growth of average wages (%)",
    retire_at: "Retire at",
    age_label: |y, m| {
        if m == 0 {
            format!("{y} years")
        } else {
            format!("{y} years {m} months")
        }
    },
    statutory_tag: " (statutory)",
    recalculate: "Recalculate",
    result_title: "Result (per month, in money of the retirement year)",
    years_counted: "Contribution years",
    years_breakdown: |so_far, future| format!("{so_far} paid + {future} to come"),
    average_index: "Average contribution index",
    wage_at_retirement: "Provincial average monthly wage the year before (projected)",
    basic_part: "Basic pension",
    basic_formula: |wage, index, years| format!("{wage} × (1 + {index}) ÷ 2 × {years} years × 1%"),
    resident_basic: "The resident basic pension uses the national minimum (places add their own top-ups).",
    account_part: "Personal account pension",
    account_formula: |balance, months| {
        format!("account at retirement {balance} yuan ÷ {months} payout months")
    },
    monthly_total: "Total per month, about",
    not_eligible: |have, need| {
        format!(
            "With these assumptions you would have {} years at retirement, less than the {} needed for a monthly pension; you can keep contributing until you reach it.",
            years(have),
            years(need)
        )
    },
    paying_place_title: "Where your pension would be paid",
    paying_rule: |rule| match rule {
        PayingPlaceRule::HukouPlace => {
            "Your pension relationship is at your hukou place, which pays the pension."
        }
        PayingPlaceRule::CurrentPlaceTenYears => {
            "Not at your hukou place, but ten years or more at your current place, which pays the pension."
        }
        PayingPlaceRule::LastPlaceTenYears => {
            "Less than ten years at your current place: the last place where you contributed ten years or more pays."
        }
        PayingPlaceRule::HukouFallback => {
            "No place reaches ten years, so the relationship and funds go to your hukou place, which pays."
        }
    },
    leaves_out_title: "What this estimate leaves out",
    leaves_out: [
        "Deemed contribution years before 1998 and the transitional pension (by provincial rules).",
        "Yearly pension increases after retirement.",
        "Occupational and enterprise annuities and private pensions.",
        "Provincial details of the wage used and of base limits, and other rules during delayed retirement.",
        "Future account interest is assumed at 2.62% a year; the real rate is announced yearly.",
        "For guidance only: the office sets the actual pension at retirement.",
    ],
};
