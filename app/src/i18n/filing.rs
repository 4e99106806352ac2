//! Texts of out-of-area medical filings (异地就医备案).

use crate::models::filing::{Category, Evidence, FilingStep, Stay, Term};

pub struct FilingTexts {
    pub nav: &'static str,
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub new_link: &'static str,
    pub list_empty: &'static str,
    pub category: fn(Category) -> &'static str,
    pub category_hint: fn(Category) -> &'static str,
    pub term: fn(Term) -> &'static str,
    pub evidence: fn(Evidence) -> &'static str,
    pub stay: fn(Stay) -> &'static str,
    pub in_effect: &'static str,
    pub expired: &'static str,
    pub cancelled: fn(&str) -> String,
    pub changed: &'static str,
    pub until_changed: &'static str,
    pub days_left: fn(i64) -> String,
    pub valid_from: &'static str,
    pub valid_until: &'static str,
    pub insured_label: &'static str,
    pub treatment_label: &'static str,
    pub category_label: &'static str,
    pub evidence_label: &'static str,
    pub filed_at: &'static str,
    pub details: &'static str,
    pub back_to_list: &'static str,
    pub form_title: &'static str,
    pub change_title: fn(&str) -> String,
    pub form_intro: &'static str,
    pub insured_legend: &'static str,
    pub insured_hint: &'static str,
    pub no_insured: &'static str,
    pub treatment_hint: &'static str,
    pub choose_city: &'static str,
    pub category_legend: &'static str,
    pub long_term_note: fn(&str) -> String,
    pub months_legend: &'static str,
    pub months_choice: fn(u32) -> String,
    pub months_hint: &'static str,
    pub stay_legend: &'static str,
    pub admitted_label: &'static str,
    /// The insured place (when chosen) and its limit in days.
    pub admitted_hint: fn(Option<&str>, i64) -> String,
    pub evidence_legend: &'static str,
    pub step: fn(FilingStep) -> &'static str,
    pub evidence_intro: &'static str,
    pub uploaded_title: &'static str,
    pub remove_document: &'static str,
    pub documents_label: &'static str,
    /// (most files, most megabytes each)
    pub documents_hint: fn(usize, usize) -> String,
    pub documents_room: fn(usize) -> String,
    pub upload: &'static str,
    pub not_ready: &'static str,
    pub submit_note: &'static str,
    pub undertaking_text: &'static str,
    pub undertaking_label: &'static str,
    pub submit: &'static str,
    pub filed_title: &'static str,
    pub filed_body: fn(&str) -> String,
    pub next_steps: &'static str,
    pub manual_reimbursement: &'static str,
    pub cancelled_notice: &'static str,
    pub change_link: &'static str,
    pub cancel_title: &'static str,
    pub cancel_hint: &'static str,
    pub cancel_confirm: &'static str,
    pub cancel_submit: &'static str,
    pub by_helpdesk: &'static str,
    pub on_medical: fn(&str, &str) -> String,
    pub field_insured_unknown: &'static str,
    pub field_same_place: &'static str,
    pub field_category_unknown: &'static str,
    pub field_long_term_exists: &'static str,
    pub field_months_invalid: &'static str,
    pub field_stay_unknown: &'static str,
    pub field_date_future: &'static str,
    pub field_date_too_old: &'static str,
    pub field_evidence_unknown: &'static str,
    pub field_undertaking_required: &'static str,
    pub field_documents_missing: &'static str,
    pub field_file_empty: &'static str,
    pub field_file_too_large: &'static str,
    pub field_file_type: &'static str,
    pub field_too_many_files: &'static str,
    pub field_not_ready: &'static str,
    pub field_retired_only: &'static str,
    pub field_hukou_not_there: &'static str,
    pub field_employees_only: &'static str,
    pub field_emergency_no_filing: &'static str,
    pub field_undertaking_not_accepted: &'static str,
    /// Up to how many points lower a temporary filing is reimbursed.
    pub reimbursement_note: fn(u8) -> String,
    pub rules_source: &'static str,
}

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

pub static EN: FilingTexts = FilingTexts {
    nav: "Out-of-area treatment",
    list_title: "Out-of-area medical filings",
    list_intro: "File before you are treated in a city other than where you are insured, and designated hospitals there settle your bills directly. A filing takes effect as soon as it is made.",
    new_link: "New filing",
    list_empty: "You have no out-of-area filing.",
    category: |c| match c {
        Category::RetireeResettled => "Retiree resettled elsewhere",
        Category::LongTermResidence => "Living elsewhere long-term",
        Category::ResidentWork => "Working elsewhere long-term",
        Category::Referral => "Referred to a hospital elsewhere",
        Category::Emergency => "Emergency treatment elsewhere",
        Category::OtherTemporary => "Other temporary trip",
    },
    category_hint: |c| match c {
        Category::RetireeResettled => {
            "Retired, receiving a pension, with your hukou moved to the treatment place. Upload the hukou certificate: an undertaking cannot replace it."
        }
        Category::LongTermResidence => {
            "Living away from where you are insured for 180 days or more. Upload a residence permit, or sign the undertaking."
        }
        Category::ResidentWork => {
            "An employee posted by the employer away from where you are insured for 180 days or more (not for residents). Upload a work certificate, or sign the undertaking."
        }
        Category::Referral => {
            "A hospital where you are insured referred you. Upload the referral certificate: an undertaking cannot replace it."
        }
        Category::Emergency => {
            "Taken ill suddenly while away: no filing is needed, it counts as filed, just get treatment. If the emergency keeps you in hospital, complete the filing before discharge (choose \"in hospital\")."
        }
        Category::OtherTemporary => "Treated while away on business, travel or a family visit.",
    },
    term: |t| match t {
        Term::LongTerm => "Long-term",
        Term::Temporary => "Temporary",
    },
    evidence: |e| match e {
        Evidence::Documents => "Supporting documents",
        Evidence::Undertaking => "Personal undertaking",
    },
    stay: |s| match s {
        Stay::NotAdmitted => "Not in hospital",
        Stay::InHospital => "In hospital, not yet discharged",
        Stay::DischargedSelfPaid => "Discharged, and I paid the bill myself",
    },
    in_effect: "In effect",
    expired: "Expired",
    cancelled: |at| format!("Cancelled on {at}"),
    changed: "Changed (replaced by a new filing)",
    until_changed: "Valid until changed or cancelled",
    days_left: |n| format!("{n} days left"),
    valid_from: "Valid from",
    valid_until: "Valid until",
    insured_label: "Insured in",
    treatment_label: "Treated in",
    category_label: "Category",
    evidence_label: "Based on",
    filed_at: "Filed",
    details: "Details",
    back_to_list: "Back to out-of-area filings",
    form_title: "New out-of-area filing",
    change_title: |r| format!("Change filing {r}"),
    form_intro: "The filing takes effect as soon as you submit it. Answer truthfully: false information or a false undertaking has consequences.",
    insured_legend: "Where and how you are insured",
    insured_hint: "The basic medical insurance you belong to now.",
    no_insured: "You do not belong to a basic medical insurance now, so you cannot file.",
    treatment_hint: "The city where you will be treated; it cannot be where you are insured.",
    choose_city: "Choose a city",
    category_legend: "Category",
    long_term_note: |r| {
        format!(
            "You already have a long-term filing in effect ({r}). Only one long-term filing can be active at a time: to alter it, change that filing."
        )
    },
    months_legend: "How long the temporary filing lasts",
    months_choice: |m| format!("{m} months"),
    months_hint: "A temporary filing lasts at least 6 months. An emergency completed in hospital lasts 6 months; there is nothing to choose.",
    stay_legend: "Where you are with treatment",
    admitted_label: "Date admitted",
    admitted_hint: |place, days| {
        format!(
            "If you are or were in hospital, the filing starts on the day you were admitted. How far back is the insured place's rule and varies by place: {} accepts admissions up to {days} days ago.",
            place
                .map(|p| format!("the insured place ({p})"))
                .unwrap_or_else(|| "the insured place".into())
        )
    },
    evidence_legend: "Based on",
    step: |s| match s {
        FilingStep::Places => "Where you are insured and treated",
        FilingStep::Category => "Category and treatment so far",
        FilingStep::Evidence => "Documents or personal undertaking",
    },
    evidence_intro: "Upload documents that show your category (such as a residence permit, a posting letter, a referral or an emergency diagnosis), or sign the personal undertaking instead.",
    uploaded_title: "Uploaded documents",
    remove_document: "Remove",
    documents_label: "Choose files to upload",
    documents_hint: |n, mb| format!("PDF, JPG or PNG, at most {mb} MB each, {n} files in all."),
    documents_room: |n| format!("You can add {n} more."),
    upload: "Upload the chosen files",
    not_ready: "Some steps are not finished: go back to the steps and finish them before you submit.",
    submit_note: "The filing takes effect as soon as you submit it, and you will be told its number.",
    undertaking_text: "I declare that what I have entered is true and that I will be treated in the chosen city while this filing is valid; if it is not true, I accept the consequences and will repay any wrongly settled costs.",
    undertaking_label: "I have read and sign the personal undertaking",
    submit: "Submit the filing",
    filed_title: "Your filing is in effect",
    filed_body: |r| {
        format!(
            "Filing number {r}. Show your medical insurance e-voucher or social security card at a designated hospital there and the bill is settled directly."
        )
    },
    next_steps: "Next: designated hospitals in that city can see your filing; change it here if the city or category changes, and cancel it when you no longer need it.",
    manual_reimbursement: "The stay you already paid for cannot be settled directly: take the invoices, the itemised bill and the discharge summary to the healthcare security office where you are insured and claim it by hand.",
    cancelled_notice: "The filing is cancelled.",
    change_link: "Change this filing",
    cancel_title: "Cancel the filing",
    cancel_hint: "Once cancelled, bills in that city are no longer settled directly.",
    cancel_confirm: "I confirm I want to cancel this filing",
    cancel_submit: "Cancel the filing",
    by_helpdesk: "Made for you by a helpdesk agent in an assisted session",
    on_medical: |place, term| format!("Out-of-area filing: {place} ({term})"),
    field_insured_unknown: "Choose where you are insured from the list.",
    field_same_place: "The city of treatment cannot be where you are insured.",
    field_category_unknown: "Choose a category from the list.",
    field_long_term_exists: "You already have a long-term filing in effect: change that filing instead.",
    field_months_invalid: "Choose 6 or 12 months.",
    field_stay_unknown: "Choose where you are with treatment.",
    field_date_future: "The admission date cannot be after today.",
    field_date_too_old: "The admission date is further back than the insured place allows (see above).",
    field_evidence_unknown: "Choose what the filing is based on.",
    field_undertaking_required: "Tick the box to sign the personal undertaking.",
    field_documents_missing: "Upload at least one document, or sign the personal undertaking instead.",
    field_file_empty: "The file is empty; choose it again.",
    field_file_too_large: "The file is too large: at most 5 MB each.",
    field_file_type: "Only PDF, JPG or PNG files can be uploaded.",
    field_too_many_files: "At most 5 files: remove one you do not need first.",
    field_not_ready: "Some steps are not finished.",
    field_retired_only: "Only people who are retired and receive a pension can file as resettled retirees.",
    field_hukou_not_there: "A resettled retiree's hukou must have moved to the treatment place, and yours is not in the place chosen.",
    field_employees_only: "Working away is for employees posted by their employer; residents, please choose another category.",
    field_emergency_no_filing: "An emergency needs no filing, it counts as filed: get treatment at the hospital there. If it keeps you in hospital, choose \"in hospital\" and complete the filing before discharge.",
    field_undertaking_not_accepted: "This category needs documents (a resettled retiree: the hukou certificate; a referral: the referral certificate); an undertaking cannot replace them.",
    reimbursement_note: |n| {
        format!(
            "With a temporary filing, treatment there may be reimbursed at a lower rate than at home, by up to {n} percentage points, as the insured place decides."
        )
    },
    rules_source: "Source: 医保发〔2022〕22号. How far back a filing reaches and the reimbursement rates are each insured place's rules.",
};
