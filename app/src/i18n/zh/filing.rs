//! Chinese texts of out-of-area medical filings (异地就医备案).

use crate::i18n::filing::FilingTexts;
use crate::models::filing::{Category, Evidence, FilingStep, Stay, Term};

pub static ZH: FilingTexts = FilingTexts {
    nav: "异地就医备案",
    list_title: "异地就医备案",
    list_intro: "在参保地以外的城市看病，先备案，就能在当地定点医院直接结算。备案提交后立即生效。",
    new_link: "新建备案",
    list_empty: "您还没有异地就医备案。",
    category: |c| match c {
        Category::RetireeResettled => "异地安置退休人员",
        Category::LongTermResidence => "异地长期居住人员",
        Category::ResidentWork => "常驻异地工作人员",
        Category::Referral => "异地转诊转院人员",
        Category::Emergency => "异地急诊抢救人员",
        Category::OtherTemporary => "其他临时外出就医人员",
    },
    category_hint: |c| match c {
        Category::RetireeResettled => {
            "已退休并领取养老金，户籍已迁到就医地。须上传户籍证明，个人承诺书不能代替。"
        }
        Category::LongTermResidence => {
            "在参保地以外居住 180 天以上。可上传居住证，或签署个人承诺书。"
        }
        Category::ResidentWork => {
            "职工被单位派驻参保地以外工作 180 天以上（城乡居民不适用）。可上传工作证明，或签署个人承诺书。"
        }
        Category::Referral => "参保地医院开具了转诊转院证明。须上传转诊证明，个人承诺书不能代替。",
        Category::Emergency => {
            "在外地突发疾病需急诊抢救：无需备案，视同已备案，直接就医即可。因急诊住院的，在出院结算前补办（选“已经住院”）。"
        }
        Category::OtherTemporary => "出差、旅游、探亲等临时外出期间就医。",
    },
    term: |t| match t {
        Term::LongTerm => "长期备案",
        Term::Temporary => "临时备案",
    },
    evidence: |e| match e {
        Evidence::Documents => "提供证明材料",
        Evidence::Undertaking => "签署个人承诺书",
    },
    stay: |s| match s {
        Stay::NotAdmitted => "还没有住院",
        Stay::InHospital => "已经住院，尚未出院结算",
        Stay::DischargedSelfPaid => "已经出院，医疗费用已自付",
    },
    in_effect: "有效",
    expired: "已过期",
    cancelled: |at| format!("已于 {at} 取消"),
    changed: "已变更（被新的备案取代）",
    until_changed: "长期有效，直至变更或取消",
    days_left: |n| format!("还有 {n} 天到期"),
    valid_from: "生效日期",
    valid_until: "有效期至",
    insured_label: "参保地",
    treatment_label: "就医地",
    category_label: "备案类别",
    evidence_label: "备案依据",
    filed_at: "备案时间",
    details: "查看",
    back_to_list: "返回异地就医备案",
    form_title: "新建异地就医备案",
    change_title: |r| format!("变更备案 {r}"),
    form_intro: "备案提交后立即生效。请如实填写：提供虚假信息或承诺不实将承担相应责任。",
    insured_legend: "参保地和险种",
    insured_hint: "您正在参加的基本医疗保险。",
    no_insured: "您目前没有正在参加的基本医疗保险，不能备案。",
    treatment_hint: "您要去看病的城市，不能与参保地相同。",
    choose_city: "请选择城市",
    category_legend: "备案类别",
    long_term_note: |r| {
        format!(
            "您已有一份有效的长期备案（{r}）。同一时间只能有一份长期备案：如需更改，请变更那份备案。"
        )
    },
    months_legend: "临时备案有效期",
    months_choice: |m| format!("{m} 个月"),
    months_hint: "临时备案有效期至少 6 个月。急诊住院补办的备案为 6 个月，无需选择。",
    stay_legend: "目前的就医情况",
    admitted_label: "入院日期",
    admitted_hint: |place, days| {
        format!(
            "已经住院或已出院的，备案从入院当天起生效。能补办多久以前的入院由参保地规定，各地不同：{}最早可补办 {days} 天前的入院。",
            place
                .map(|p| format!("参保地（{p}）"))
                .unwrap_or_else(|| "参保地".into())
        )
    },
    evidence_legend: "备案依据",
    step: |s| match s {
        FilingStep::Places => "参保地和就医地",
        FilingStep::Category => "备案类别和就医情况",
        FilingStep::Evidence => "证明材料或个人承诺",
    },
    evidence_intro: "上传能证明备案类别的材料（如居住证、派驻证明、转诊证明、急诊诊断证明），或者签署个人承诺书代替材料。",
    uploaded_title: "已上传的材料",
    remove_document: "删除",
    documents_label: "选择要上传的文件",
    documents_hint: |n, mb| format!("PDF、JPG 或 PNG 格式，每个文件不超过 {mb} MB，最多 {n} 个。"),
    documents_room: |n| format!("还可以上传 {n} 个。"),
    upload: "上传所选文件",
    not_ready: "还有步骤没有完成：请返回申请步骤完成后再提交。",
    submit_note: "提交后备案立即生效，系统会通知您备案编号。",
    undertaking_text: "本人承诺所填信息真实，在备案有效期内在就医地就医，如有不实，愿承担相应责任并退还违规结算的费用。",
    undertaking_label: "我已阅读并签署个人承诺书",
    submit: "提交备案",
    filed_title: "备案已生效",
    filed_body: |r| {
        format!("备案编号 {r}。在就医地的定点医院就医时出示医保电子凭证或社保卡即可直接结算。")
    },
    next_steps: "接下来：就医地定点医疗机构可以查到您的备案；需要更换就医地或类别时，在这里变更；不再需要时可以取消。",
    manual_reimbursement: "您已自付出院的这次住院不能直接结算：请带齐发票、费用清单和出院小结，到参保地医保经办机构申请手工报销。",
    cancelled_notice: "备案已取消。",
    change_link: "变更备案",
    cancel_title: "取消备案",
    cancel_hint: "取消后，在就医地就医不能再直接结算。",
    cancel_confirm: "我确认取消这份备案",
    cancel_submit: "取消备案",
    by_helpdesk: "由客服在协助会话中代为办理",
    by_relative: "由亲属代为办理（亲情代办）",
    on_medical: |place, term| format!("异地就医备案：{place}（{term}）"),
    field_insured_unknown: "请从列表中选择参保地。",
    field_same_place: "就医地不能与参保地相同。",
    field_category_unknown: "请从列表中选择备案类别。",
    field_long_term_exists: "您已有一份有效的长期备案，请变更那份备案。",
    field_months_invalid: "请选择 6 个月或 12 个月。",
    field_stay_unknown: "请选择目前的就医情况。",
    field_date_future: "入院日期不能晚于今天。",
    field_date_too_old: "入院日期超出了参保地规定的补办期限（见上方说明）。",
    field_evidence_unknown: "请选择备案依据。",
    field_undertaking_required: "请勾选个人承诺书。",
    field_documents_missing: "请上传至少一份证明材料，或改为签署个人承诺书。",
    field_file_empty: "文件是空的，请重新选择。",
    field_file_too_large: "文件太大：每个文件不超过 5 MB。",
    field_file_type: "只能上传 PDF、JPG 或 PNG 文件。",
    field_too_many_files: "最多上传 5 个文件：请先删除不需要的文件。",
    field_not_ready: "还有步骤没有完成。",
    field_retired_only: "只有已退休并领取养老金的人员可以按异地安置退休备案。",
    field_hukou_not_there: "异地安置退休须把户籍迁到就医地：您的户籍不在所选的就医地。",
    field_employees_only: "常驻异地工作只适用于被单位派驻的职工，城乡居民请选择其他类别。",
    field_emergency_no_filing: "急诊抢救无需备案，视同已备案：直接到就医地医院就医即可。因急诊住院的，请选择“已经住院”，在出院结算前补办。",
    field_undertaking_not_accepted: "这个备案类别须上传证明材料（异地安置退休：户籍证明；转诊转院：转诊证明），个人承诺书不能代替。",
    reimbursement_note: |n| {
        format!(
            "临时备案在就医地就医，报销比例可能比在参保地低，最多低 {n} 个百分点，具体以参保地规定为准。"
        )
    },
    rules_source: "依据：医保发〔2022〕22号。补办期限和报销比例由各参保地规定。",
};
