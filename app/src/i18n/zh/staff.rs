//! Chinese texts of the employer workspace: the staff list, a staff member's page and the CSV
//! export.

use crate::i18n::staff::StaffTexts;
use crate::models::staff::{StaffFlag, StaffScope, StaffSort};

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
