//! Chinese texts of the record pages (insurance detail, career chart, pension estimate).

use crate::i18n::record::RecordTexts;
use crate::models::gaps::GapKind;
use crate::models::insurance::{Insurance, Scheme, years_label as years};
use crate::models::medical_continuity::BreakEffect;
use crate::models::pension::PayingPlaceRule;

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
