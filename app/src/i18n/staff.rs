//! Texts of the employer workspace: the staff list, a staff member's page and the CSV export.

use crate::models::staff::{StaffFlag, StaffScope, StaffSort};

pub struct StaffTexts {
    pub nav_staff: &'static str,
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub summary_title: &'static str,
    pub summary_line: fn(StaffScope, i64, i64) -> String,
    pub summary_flag_link: fn(&str, i64) -> String,
    pub flag: fn(StaffFlag) -> &'static str,
    pub flag_meaning: fn(StaffFlag) -> &'static str,
    pub legend_title: &'static str,
    pub filters_title: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub id_search: &'static str,
    pub insurance_label: &'static str,
    pub status_label: &'static str,
    pub flag_label: &'static str,
    pub scope_label: &'static str,
    pub scope: fn(StaffScope) -> &'static str,
    pub sort_label: &'static str,
    pub sort: fn(StaffSort) -> &'static str,
    pub any: &'static str,
    pub apply: &'static str,
    pub clear: &'static str,
    pub results: fn(i64) -> String,
    pub no_results: &'static str,
    pub export_csv: &'static str,
    pub export_hint: &'static str,
    pub current: &'static str,
    pub former: &'static str,
    pub joined: fn(&str) -> String,
    pub employed: fn(&str, Option<&str>) -> String,
    pub no_flags: &'static str,
    pub col_insurance: &'static str,
    pub col_status: &'static str,
    pub col_base: &'static str,
    pub col_last_paid: &'static str,
    pub col_arrears: &'static str,
    pub col_month: &'static str,
    pub not_enrolled_here: &'static str,
    pub arrears_list: fn(&str) -> String,
    pub view_details: fn(&str) -> String,
    // Member page
    pub back_to_list: &'static str,
    pub member_scope_note: &'static str,
    pub enrolment_title: &'static str,
    pub findings_title: &'static str,
    pub below_floor: fn(usize, &str, &str, &str, &str, i32) -> String,
    pub above_cap: fn(usize, &str, &str, &str, &str, i32) -> String,
    pub mismatch: fn(usize, &str, &str) -> String,
    pub missing: fn(&str) -> String,
    pub arrears: fn(usize, &str) -> String,
    pub what_to_do: fn(StaffFlag) -> &'static str,
    pub periods_title: &'static str,
    pub months_title: fn(i64) -> String,
    pub unpaid: &'static str,
    pub until_now: &'static str,
    pub list_separator: &'static str,
    // CSV
    pub csv_name: &'static str,
    pub csv_id: &'static str,
    pub csv_employed: &'static str,
    pub csv_first_month: &'static str,
    pub csv_last_month: &'static str,
    pub csv_status: fn(&str) -> String,
    pub csv_base: fn(&str) -> String,
    pub csv_last_paid: fn(&str) -> String,
    pub csv_arrears: fn(&str) -> String,
    pub csv_flags: &'static str,
    pub csv_arrears_months: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
}

pub static ZH: StaffTexts = StaffTexts {
    nav_staff: "员工参保核查",
    list_title: "员工参保核查",
    list_intro: "本单位员工在本单位的参保状态、申报基数和缴费情况，以及需要处理的问题。您每次查看，都会记入员工本人可查阅的访问记录。",
    summary_title: "核查结果",
    summary_line: |scope, staff, flagged| match scope {
        StaffScope::Current => format!("在职员工 {staff} 人，其中 {flagged} 人有需要处理的问题。"),
        StaffScope::All => {
            format!("在本单位参保过的员工 {staff} 人，其中 {flagged} 人有需要处理的问题。")
        }
    },
    summary_flag_link: |flag, n| format!("{flag}：{n} 人"),
    flag: |f| match f {
        StaffFlag::BaseBelowFloor => "基数低于下限",
        StaffFlag::BaseAboveCap => "基数高于上限",
        StaffFlag::BaseMismatch => "各险种基数不一致",
        StaffFlag::PartialEnrolment => "未参加全部五险",
        StaffFlag::Arrears => "欠缴",
    },
    flag_meaning: |f| match f {
        StaffFlag::BaseBelowFloor => "申报的缴费基数低于当地上年度职工月平均工资的 60%。",
        StaffFlag::BaseAboveCap => "申报的缴费基数高于当地上年度职工月平均工资的 300%。",
        StaffFlag::BaseMismatch => "同一员工同一月份，各险种申报的基数不同。",
        StaffFlag::PartialEnrolment => "员工只参加了部分险种；职工应参加全部五项社会保险。",
        StaffFlag::Arrears => "有已申报但未缴费的月份。",
    },
    legend_title: "各类问题的含义",
    filters_title: "查找和筛选",
    search_label: "姓名或身份证号",
    search_hint: "输入姓名中的字，或完整的身份证号，或身份证号的后 4 位",
    id_search: "按身份证号查找时，请输入完整的 18 位号码，或最后 4 位。",
    insurance_label: "险种",
    status_label: "参保状态",
    flag_label: "问题类型",
    scope_label: "范围",
    scope: |s| match s {
        StaffScope::Current => "在职员工",
        StaffScope::All => "全部（含已离职）",
    },
    sort_label: "排序",
    sort: |s| match s {
        StaffSort::Problems => "问题优先",
        StaffSort::Name => "姓名",
        StaffSort::Arrears => "欠缴月数",
        StaffSort::Joined => "最近入职",
    },
    any: "全部",
    apply: "查找",
    clear: "清除条件",
    results: |n| format!("共 {n} 人符合条件"),
    no_results: "没有符合条件的员工。",
    export_csv: "导出名册（CSV）",
    export_hint: "按当前条件导出全部结果，含核查问题；可用电子表格软件打开。",
    current: "在职",
    former: "已离职",
    joined: |m| format!("{m} 起在本单位参保"),
    employed: |from, to| match to {
        Some(to) => format!("在本单位 {from} 至 {to}"),
        None => format!("{from} 起在本单位参保"),
    },
    no_flags: "未发现问题",
    col_insurance: "险种",
    col_status: "状态",
    col_base: "申报基数（元）",
    col_last_paid: "最后缴费月",
    col_arrears: "欠缴月数",
    col_month: "月份",
    not_enrolled_here: "未在本单位参保",
    arrears_list: |months| format!("欠缴月份：{months}"),
    view_details: |name| format!("查看 {name} 的详情"),
    back_to_list: "返回员工列表",
    member_scope_note: "这里只显示该员工在本单位的参保和申报记录，不含其他单位的记录，也不含任何医疗信息。您的查看已记入员工本人的访问记录。",
    enrolment_title: "在本单位的参保情况",
    findings_title: "核查发现",
    below_floor: |n, month, base, floor, wage, year| {
        format!(
            "有 {n} 个月的申报基数低于下限。最近一次：{month} 申报 {base} 元，低于 {floor} 元（{year} 年当地职工月平均工资 {wage} 元的 60%）。"
        )
    },
    above_cap: |n, month, base, cap, wage, year| {
        format!(
            "有 {n} 个月的申报基数高于上限。最近一次：{month} 申报 {base} 元，高于 {cap} 元（{year} 年当地职工月平均工资 {wage} 元的 300%）。"
        )
    },
    mismatch: |n, month, bases| {
        format!("有 {n} 个月各险种申报的基数不一致。最近一次：{month}，{bases}。")
    },
    missing: |list| format!("最近一个月未参加：{list}。"),
    arrears: |n, months| format!("欠缴 {n} 个月：{months}。"),
    what_to_do: |f| match f {
        StaffFlag::BaseBelowFloor => {
            "请按员工上年度月平均工资申报；工资低于下限的，按下限申报，并为少缴的月份补缴。"
        }
        StaffFlag::BaseAboveCap => {
            "超过上限的部分不计入缴费基数，请按上限申报，多缴部分可向经办机构申请退还。"
        }
        StaffFlag::BaseMismatch => "同一员工各险种应按同一工资基数申报，请到经办机构更正申报。",
        StaffFlag::PartialEnrolment => "请为员工补办未参加险种的参保登记。",
        StaffFlag::Arrears => "请尽快补缴，欠缴会影响员工的待遇，并可能产生滞纳金。",
    },
    periods_title: "在本单位的参保记录",
    months_title: |n| format!("最近的申报（共 {n} 个月）"),
    unpaid: "欠缴",
    until_now: "至今",
    list_separator: "、",
    csv_name: "姓名",
    csv_id: "身份证号（部分隐藏）",
    csv_employed: "在职",
    csv_first_month: "首次参保月",
    csv_last_month: "最近参保月",
    csv_status: |i| format!("{i}状态"),
    csv_base: |i| format!("{i}基数（元）"),
    csv_last_paid: |i| format!("{i}最后缴费月"),
    csv_arrears: |i| format!("{i}欠缴月数"),
    csv_flags: "核查问题",
    csv_arrears_months: "欠缴月份",
    yes: "是",
    no: "否",
};

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
