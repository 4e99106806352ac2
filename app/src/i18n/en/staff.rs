//! English texts of the employer workspace: the staff list, a staff member's page and the CSV
//! export.

use crate::i18n::staff::StaffTexts;
use crate::models::staff::{StaffFlag, StaffScope, StaffSort};

pub static EN: StaffTexts = StaffTexts {
    nav_staff: "Staff enrolment check",
    list_title: "Staff enrolment check",
    list_intro: "Your staff's enrolment status, declared bases and payments with your organisation, and the problems to resolve. Every time you look, it is recorded in the employee's own access log.",
    summary_title: "Check results",
    summary_line: |scope, staff, flagged| match scope {
        StaffScope::Current => {
            format!("{staff} current staff; {flagged} with problems to resolve.")
        }
        StaffScope::All => {
            format!("{staff} staff ever enrolled by you; {flagged} with problems to resolve.")
        }
    },
    summary_flag_link: |flag, n| format!("{flag}: {n}"),
    flag: |f| match f {
        StaffFlag::BaseBelowFloor => "Base below the floor",
        StaffFlag::BaseAboveCap => "Base above the cap",
        StaffFlag::BaseMismatch => "Bases differ across insurances",
        StaffFlag::PartialEnrolment => "Not in all five insurances",
        StaffFlag::Arrears => "Arrears",
    },
    flag_meaning: |f| match f {
        StaffFlag::BaseBelowFloor => {
            "A declared base is below 60% of last year's local average monthly wage."
        }
        StaffFlag::BaseAboveCap => {
            "A declared base is above 300% of last year's local average monthly wage."
        }
        StaffFlag::BaseMismatch => {
            "For the same employee and month, the insurances were declared on different bases."
        }
        StaffFlag::PartialEnrolment => {
            "The employee is enrolled in some insurances only; employees must be in all five."
        }
        StaffFlag::Arrears => "Some declared months have not been paid.",
    },
    legend_title: "What each problem means",
    filters_title: "Find and filter",
    search_label: "Name or ID number",
    search_hint: "Part of a name, the whole ID number, or its last 4 characters",
    id_search: "To search by ID number, enter all 18 characters or the last 4.",
    insurance_label: "Insurance",
    status_label: "Enrolment status",
    flag_label: "Problem",
    scope_label: "Show",
    scope: |s| match s {
        StaffScope::Current => "Current staff",
        StaffScope::All => "Everyone (including former staff)",
    },
    sort_label: "Sort by",
    sort: |s| match s {
        StaffSort::Problems => "Problems first",
        StaffSort::Name => "Name",
        StaffSort::Arrears => "Months in arrears",
        StaffSort::Joined => "Latest joiners",
    },
    any: "Any",
    apply: "Search",
    clear: "Clear",
    results: |n| format!("{n} matching staff"),
    no_results: "No staff match.",
    export_csv: "Export roster (CSV)",
    export_hint: "Exports every result for the current filters, with the problems found; opens in spreadsheet programs.",
    current: "Current",
    former: "Former",
    joined: |m| format!("Enrolled here since {m}"),
    employed: |from, to| match to {
        Some(to) => format!("With you {from} to {to}"),
        None => format!("Enrolled here since {from}"),
    },
    no_flags: "No problems found",
    col_insurance: "Insurance",
    col_status: "Status",
    col_base: "Declared base (yuan)",
    col_last_paid: "Last paid",
    col_arrears: "Months in arrears",
    col_month: "Month",
    not_enrolled_here: "Not enrolled by you",
    arrears_list: |months| format!("Months in arrears: {months}"),
    view_details: |name| format!("View details of {name}"),
    back_to_list: "Back to the staff list",
    member_scope_note: "Only this employee's enrolment and declarations with your organisation are shown: nothing from other employers and nothing medical. This view is recorded in the employee's access log.",
    enrolment_title: "Enrolment with you",
    findings_title: "Problems found",
    below_floor: |n, month, base, floor, wage, year| {
        format!(
            "{n} month(s) declared below the floor. Latest: {month}, declared {base} yuan, under {floor} yuan (60% of the {year} local average monthly wage of {wage} yuan)."
        )
    },
    above_cap: |n, month, base, cap, wage, year| {
        format!(
            "{n} month(s) declared above the cap. Latest: {month}, declared {base} yuan, over {cap} yuan (300% of the {year} local average monthly wage of {wage} yuan)."
        )
    },
    mismatch: |n, month, bases| {
        format!("{n} month(s) with different bases across insurances. Latest: {month}: {bases}.")
    },
    missing: |list| format!("Not enrolled in the latest month: {list}."),
    arrears: |n, months| format!("{n} month(s) in arrears: {months}."),
    what_to_do: |f| match f {
        StaffFlag::BaseBelowFloor => {
            "Declare the employee's average monthly wage of last year; where it is below the floor, declare the floor, and pay the difference for the months affected."
        }
        StaffFlag::BaseAboveCap => {
            "The part above the cap does not count: declare the cap, and ask the office to refund any overpayment."
        }
        StaffFlag::BaseMismatch => {
            "Declare one wage base for all of an employee's insurances; correct the declaration at the office."
        }
        StaffFlag::PartialEnrolment => "Enrol the employee in the missing insurances.",
        StaffFlag::Arrears => {
            "Pay as soon as possible: arrears reduce the employee's benefits and may incur late fees."
        }
    },
    periods_title: "Enrolment periods with you",
    months_title: |n| format!("Latest declarations ({n} months in all)"),
    unpaid: "unpaid",
    until_now: "now",
    list_separator: ", ",
    csv_name: "Name",
    csv_id: "ID number (partly hidden)",
    csv_employed: "Current",
    csv_first_month: "First month enrolled",
    csv_last_month: "Latest month enrolled",
    csv_status: |i| format!("{i} status"),
    csv_base: |i| format!("{i} base (yuan)"),
    csv_last_paid: |i| format!("{i} last paid"),
    csv_arrears: |i| format!("{i} months in arrears"),
    csv_flags: "Problems",
    csv_arrears_months: "Months in arrears",
    yes: "yes",
    no: "no",
};
