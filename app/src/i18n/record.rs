//! Texts of the record pages (insurance detail, career chart, pension estimate).

use crate::models::gaps::GapKind;
use crate::models::insurance::{Insurance, Scheme, years_label as years};
use crate::models::medical_continuity::BreakEffect;
use crate::models::pension::PayingPlaceRule;

pub struct RecordTexts {
    pub view_details: &'static str,
    pub career_link: &'static str,
    pub estimate_link: &'static str,
    pub record_title: fn(&str) -> String,
    pub back_to_home: &'static str,
    pub periods_title: &'static str,
    pub until_now: &'static str,
    pub chart_title: &'static str,
    pub chart_all_title: &'static str,
    pub chart_summary: fn(&str, &str, i64, usize, &str) -> String,
    pub chart_empty: &'static str,
    pub legend_paid: &'static str,
    pub legend_arrears: &'static str,
    pub legend_base: &'static str,
    pub legend_gap: &'static str,
    pub gaps_title: &'static str,
    pub no_gaps: &'static str,
    pub gap_line: fn(GapKind, &str, &str, i64) -> String,
    pub gap_meaning: fn(Insurance, GapKind) -> &'static str,
    /// What a break in medical insurance does, worked out for that break.
    pub medical_break: fn(BreakEffect) -> String,
    pub continuous_line: fn(i64) -> String,
    pub continuity_source: &'static str,
    pub months_title: &'static str,
    pub filter_year: &'static str,
    pub filter_employer: &'static str,
    pub all: &'static str,
    pub apply_filter: &'static str,
    pub totals_line: fn(i64, i64, &str, &str) -> String,
    pub totals_years: fn(i64) -> String,
    pub col_month: &'static str,
    pub col_employer: &'static str,
    pub col_region: &'static str,
    pub col_base: &'static str,
    pub col_employer_part: &'static str,
    pub col_personal_part: &'static str,
    pub col_paid: &'static str,
    pub paid_on: fn(&str) -> String,
    pub in_arrears: &'static str,
    pub yearly_payment: &'static str,
    pub no_rows: &'static str,
    pub pagination: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub page_of: fn(i64, i64) -> String,
    pub account_title: &'static str,
    pub col_year: &'static str,
    pub col_opening: &'static str,
    pub col_credited: &'static str,
    pub col_interest: &'static str,
    pub col_withdrawn: &'static str,
    pub col_closing: &'static str,
    pub years_progress: fn(i64, i64) -> String,
    pub yearly_table: &'static str,
    pub col_months: &'static str,
    pub col_total: &'static str,
    pub by_insurance: &'static str,
    // Estimate
    pub estimate_title: &'static str,
    pub rules_version: fn(&str) -> String,
    pub already_retired: &'static str,
    pub retirement_title: &'static str,
    pub statutory_line: fn(&str, &str) -> String,
    pub minimum_line: fn(i64) -> String,
    pub resident_age_line: fn(&str) -> String,
    pub resident_minimum_line: &'static str,
    pub source_reform: &'static str,
    pub source_resident: &'static str,
    pub flexible_rule: &'static str,
    pub resident_no_flexible: &'static str,
    pub source_basic: &'static str,
    pub payout_rule: fn(i32) -> String,
    pub resident_payout_rule: &'static str,
    pub source_paying_place: &'static str,
    pub assumptions_title: &'static str,
    pub future_index: &'static str,
    pub future_index_hint: &'static str,
    pub wage_growth: &'static str,
    pub retire_at: &'static str,
    pub age_label: fn(i32, i32) -> String,
    pub statutory_tag: &'static str,
    pub recalculate: &'static str,
    pub result_title: &'static str,
    pub years_counted: &'static str,
    pub years_breakdown: fn(&str, &str) -> String,
    pub average_index: &'static str,
    pub wage_at_retirement: &'static str,
    pub basic_part: &'static str,
    pub basic_formula: fn(&str, &str, &str) -> String,
    pub resident_basic: &'static str,
    pub account_part: &'static str,
    pub account_formula: fn(&str, i64) -> String,
    pub monthly_total: &'static str,
    pub not_eligible: fn(i64, i64) -> String,
    pub paying_place_title: &'static str,
    pub paying_rule: fn(PayingPlaceRule) -> &'static str,
    pub leaves_out_title: &'static str,
    pub leaves_out: [&'static str; 6],
}

pub static ZH: RecordTexts = RecordTexts {
    view_details: "查看明细",
    career_link: "五险缴费总览",
    estimate_link: "养老金测算",
    record_title: |name| format!("{name}明细"),
    back_to_home: "返回我的首页",
    periods_title: "参保经历",
    until_now: "至今",
    chart_title: "缴费图",
    chart_all_title: "五项保险缴费总览",
    chart_summary: |from, to, months, gaps, base| {
        format!(
            "{from} 至 {to}：累计缴费 {months} 个月，断缴或欠缴 {gaps} 段，最近缴费基数 {base} 元。"
        )
    },
    chart_empty: "暂无缴费记录。",
    legend_paid: "已缴金额（单位＋个人）",
    legend_arrears: "欠缴",
    legend_base: "缴费基数",
    legend_gap: "断缴",
    gaps_title: "断缴与欠缴",
    no_gaps: "没有断缴或欠缴记录。",
    gap_line: |kind, from, to, n| match kind {
        GapKind::NoContribution => format!("{from} 至 {to} 断缴 {n} 个月"),
        GapKind::Arrears => format!("{from} 至 {to} 欠缴 {n} 个月"),
    },
    gap_meaning: |insurance, kind| match (insurance, kind) {
        (_, GapKind::Arrears) => {
            "单位已申报但尚未缴纳，这些月份暂不计入缴费年限。请联系单位尽快补缴；单位拒不缴纳的，可向当地社保经办机构或劳动保障监察投诉。"
        }
        (Insurance::Pension, _) => {
            "断缴月份不计入缴费年限，会推迟达到按月领取养老金所需的最低缴费年限（目前15年），并减少养老金。没有单位时，可以灵活就业人员身份继续缴费。"
        }
        (Insurance::Medical, _) => {
            "断缴超过3个月，重新参保后一般有3至6个月的待遇等待期，期间发生的医疗费用不能报销。请尽快通过新单位或以灵活就业、城乡居民身份续保。"
        }
        (Insurance::Unemployment, _) => {
            "失业保险缴费满1年才有领取失业保险金的资格，领取期限按累计缴费时间计算，断缴月份不计入。"
        }
        (Insurance::WorkInjury, _) => {
            "工伤保险由单位缴纳，断缴期间发生工伤，由用人单位按工伤保险待遇项目和标准支付费用。"
        }
        (Insurance::Maternity, _) => {
            "生育保险随职工医保缴纳；断缴可能影响生育医疗费用和生育津贴的领取资格（多数地区要求生育前连续缴费满一定月数）。"
        }
    },
    medical_break: |e| match e {
        BreakEffect::KeepsYears => {
            "断缴不超过 3 个月：在规定期限内补缴后，连续参保年限不中断。".into()
        }
        BreakEffect::Waiting {
            months,
            scheme: Scheme::Employee,
        } => format!(
            "断缴超过 3 个月：连续参保年限从重新参保时起重新计算，重新参保后有最长 {months} 个月的待遇等待期（具体月数由参保地规定），期间的医疗费用不能报销。"
        ),
        BreakEffect::Waiting {
            months,
            scheme: Scheme::Resident,
        } => format!(
            "断缴超过 3 个月：连续参保年限重新计算；按城乡居民医保的规定，重新参保后的待遇等待期为 3 个月，每断保满 1 年再加 1 个月，这次为 {months} 个月，期间的医疗费用不能报销。"
        ),
    },
    continuous_line: |m| {
        format!(
            "目前连续参保 {} 年 {} 个月（断缴不超过 3 个月且已补缴的视为连续）。",
            m / 12,
            m % 12
        )
    },
    continuity_source: "依据：国办发〔2024〕38号。这是简化计算：断缴月份是否已补缴、各地的等待期月数和连续参保激励（如未报销年度减少等待期），以参保地医保经办机构为准。",
    months_title: "逐月缴费明细",
    filter_year: "年份",
    filter_employer: "单位",
    all: "全部",
    apply_filter: "筛选",
    totals_line: |paid, arrears, employer, personal| {
        format!(
            "已缴 {paid} 个月，欠缴 {arrears} 个月；单位缴纳合计 {employer} 元，个人缴纳合计 {personal} 元。"
        )
    },
    totals_years: |months| format!("合计 {} 年。", years(months)),
    col_month: "月份",
    col_employer: "缴费单位",
    col_region: "参保地",
    col_base: "缴费基数（元）",
    col_employer_part: "单位缴纳（元）",
    col_personal_part: "个人缴纳（元）",
    col_paid: "缴费状态",
    paid_on: |d| format!("已缴（{d}）"),
    in_arrears: "欠缴",
    yearly_payment: "（按年缴费）",
    no_rows: "所选条件下没有缴费记录。",
    pagination: "分页",
    previous: "上一页",
    next: "下一页",
    page_of: |p, n| format!("第 {p} 页，共 {n} 页"),
    account_title: "个人账户历年变化",
    col_year: "年度",
    col_opening: "年初余额",
    col_credited: "本年记入",
    col_interest: "利息",
    col_withdrawn: "支出",
    col_closing: "年末余额",
    years_progress: |months, min| {
        format!(
            "累计缴费 {} 年，按月领取养老金至少需要 {} 年。",
            years(months),
            years(min)
        )
    },
    yearly_table: "各年缴费汇总",
    col_months: "缴费月数",
    col_total: "缴费金额（元）",
    by_insurance: "各险种累计缴费",
    estimate_title: "养老金测算",
    rules_version: |v| format!("测算规则版本 {v}"),
    already_retired: "您已在领取养老金，测算不再适用。养老金发放情况请咨询待遇发放地的社保经办机构。",
    retirement_title: "您的法定退休时间",
    statutory_line: |month, age| {
        format!("按渐进式延迟退休规定，您的法定退休时间为 {month}，届时年龄 {age}。")
    },
    minimum_line: |m| format!("按月领取养老金需累计缴费满 {} 年。", years(m)),
    resident_age_line: |month| {
        format!("城乡居民基本养老保险年满60周岁按月领取，男女相同。您将于 {month} 年满60周岁。")
    },
    resident_minimum_line: "累计缴费满15年。2030年起逐步提高最低缴费年限只适用于职工，不适用于城乡居民。",
    source_reform: "依据：《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》（2024年）及《国务院关于渐进式延迟法定退休年龄的办法》。",
    source_resident: "依据：《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）。",
    flexible_rule: "弹性提前退休最多提前3年，不得低于原法定退休年龄（男60岁、女55岁或50岁），且届时须已满最低缴费年限，应提前3个月书面提出；弹性延迟退休最多延迟3年，须与单位协商一致。可按月选择。依据：《国务院关于渐进式延迟法定退休年龄的办法》第二条、《弹性退休暂行办法》。",
    resident_no_flexible: "城乡居民养老保险没有弹性提前或延迟退休。",
    source_basic: "依据：《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）。各省计发基数的具体口径不同，这里用全省城镇单位就业人员平均工资。",
    payout_rule: |y| {
        format!(
            "计发月数按退休时的整周岁（{y}岁）查国发〔2005〕38号计发月数表，不满一岁的月份不计。"
        )
    },
    resident_payout_rule: "城乡居民个人账户养老金 ＝ 个人账户全部储存额 ÷ 139（国发〔2014〕8号）。",
    source_paying_place: "依据：《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）第六条。养老保险按省统筹，这里按省比较缴费年限；50岁以上男性、40岁以上女性在户籍以外的省开始参保时建立的临时缴费账户，不计入10年，也不会成为领取地。",
    assumptions_title: "测算假设（可修改）",
    future_index: "今后缴费基数（社平工资的倍数）",
    future_index_hint: "0.6 至 3.0 之间，默认取您以往的平均缴费指数。",
    wage_growth: "社平工资年增长率（%）",
    retire_at: "退休时间",
    age_label: |y, m| {
        if m == 0 {
            format!("{y}岁")
        } else {
            format!("{y}岁{m}个月")
        }
    },
    statutory_tag: "（法定）",
    recalculate: "重新测算",
    result_title: "测算结果（每月，退休当时的金额）",
    years_counted: "累计缴费年限",
    years_breakdown: |so_far, future| format!("已缴 {so_far} 年 ＋ 今后 {future} 年"),
    average_index: "平均缴费指数",
    wage_at_retirement: "退休上年全省月平均工资（预测）",
    basic_part: "基础养老金",
    basic_formula: |wage, index, years| format!("{wage} ×（1＋{index}）÷ 2 × {years} 年 × 1%"),
    resident_basic: "城乡居民基础养老金按国家最低标准计算（各地另有提高）。",
    account_part: "个人账户养老金",
    account_formula: |balance, months| format!("退休时个人账户 {balance} 元 ÷ 计发月数 {months}"),
    monthly_total: "合计每月约",
    not_eligible: |have, need| {
        format!(
            "按当前假设，退休时累计缴费 {} 年，不足 {} 年，不能按月领取养老金；可以延长缴费至满足年限。",
            years(have),
            years(need)
        )
    },
    paying_place_title: "预计待遇领取地",
    paying_rule: |rule| match rule {
        PayingPlaceRule::HukouPlace => {
            "基本养老保险关系在户籍所在地，由户籍所在地负责办理待遇领取手续。"
        }
        PayingPlaceRule::CurrentPlaceTenYears => {
            "关系不在户籍所在地，但在当前参保地累计缴费满10年，在当前参保地领取。"
        }
        PayingPlaceRule::LastPlaceTenYears => {
            "当前参保地缴费不满10年，回到最后一个缴费满10年的参保地领取。"
        }
        PayingPlaceRule::HukouFallback => {
            "没有任何一地累计缴费满10年，将关系和资金转回户籍所在地领取。"
        }
    },
    leaves_out_title: "测算没有包括",
    leaves_out: [
        "1998年以前的视同缴费年限和过渡性养老金（按各省办法计算）。",
        "退休后每年的养老金调整。",
        "职业年金、企业年金和个人养老金。",
        "各省对计发基数、缴费基数上下限的具体规定，以及延迟退休期间的其他政策。",
        "个人账户今后的记账利率按2.62%估算，实际每年公布。",
        "本测算仅供参考，实际待遇以退休时经办机构核定为准。",
    ],
};

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
    already_retired: "You already receive a pension, so the estimate no longer applies. Ask the office that pays it about your pension.",
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
