//! Texts of transfers: the citizen's requests (task list, steps, check page, tracking) and the
//! back office (queue, leg, decision, overdue list).

use crate::models::insurance::{Month, month_label, month_runs};
use crate::models::transfer::{
    DraftStep, LegStatus, RejectReason, RequestStatus, Step, TemporaryException, TransferKind,
    Unmet,
};

/// Runs of months as "2019-07 – 2019-08" joined by `sep`.
fn runs_label(months: &[Month], dash: &str, sep: &str) -> String {
    month_runs(months)
        .into_iter()
        .map(|(a, b)| {
            if a == b {
                month_label(a)
            } else {
                format!("{}{dash}{}", month_label(a), month_label(b))
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

pub struct TransferTexts {
    pub nav_requests: &'static str,
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub start_title: &'static str,
    pub kind: fn(TransferKind) -> &'static str,
    pub kind_hint: fn(TransferKind) -> &'static str,
    pub list_empty: &'static str,
    pub col_reference: &'static str,
    pub col_kind: &'static str,
    pub col_places: &'static str,
    pub col_status: &'static str,
    pub col_holder: &'static str,
    pub col_submitted: &'static str,
    pub status: fn(RequestStatus) -> &'static str,
    pub overdue: &'static str,
    // The task list and its steps
    pub back_to_list: &'static str,
    pub back_to_tasks: &'static str,
    pub tasks_intro: &'static str,
    pub step: fn(DraftStep) -> &'static str,
    pub step_done: &'static str,
    pub step_todo: &'static str,
    pub step_blocked: &'static str,
    pub from_legend: &'static str,
    pub from_hint: &'static str,
    pub to_legend: &'static str,
    pub to_hint: &'static str,
    pub months_paid: fn(i64) -> String,
    pub no_from_choices: &'static str,
    pub no_to_choices: &'static str,
    pub save_continue: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub precheck_title: &'static str,
    pub precheck_all_met: &'static str,
    pub precheck_unmet_intro: &'static str,
    pub unmet: fn(&Unmet) -> String,
    pub change_title: &'static str,
    /// From, to, province, the first month at the new city.
    pub change_body: fn(&str, &str, &str, Option<Month>) -> String,
    pub change_source: &'static str,
    pub temporary_title: &'static str,
    /// Age then, the month insurance started there, the new place, the hukou place.
    pub temporary_body: fn(i32, Month, &str, &str) -> String,
    pub temporary_source: &'static str,
    pub exception_legend: &'static str,
    pub exception_hint: &'static str,
    pub exception_none: &'static str,
    pub exception: fn(TemporaryException) -> &'static str,
    pub exception_save: &'static str,
    pub exception_answer_label: &'static str,
    pub exception_applied: fn(TemporaryException) -> &'static str,
    pub arrears_title: &'static str,
    pub arrears_body: fn(&[Month]) -> String,
    pub arrears_source: &'static str,
    pub estimate_title: &'static str,
    pub estimate_months: &'static str,
    pub estimate_account: &'static str,
    pub estimate_pooled: &'static str,
    pub estimate_note: fn(TransferKind) -> &'static str,
    pub paying_place: &'static str,
    pub check_title: &'static str,
    pub change: &'static str,
    pub submit: &'static str,
    pub submit_note: &'static str,
    pub not_ready: &'static str,
    // Tracking
    pub detail_title: fn(&str) -> String,
    pub submitted_title: &'static str,
    pub submitted_body: fn(&str) -> String,
    pub next_steps: fn(TransferKind) -> &'static str,
    pub withdrawn_notice: &'static str,
    pub answered_notice: &'static str,
    pub legs_title: &'static str,
    pub step_name: fn(Step) -> &'static str,
    pub leg_status: fn(LegStatus) -> &'static str,
    pub col_step: &'static str,
    pub col_office: &'static str,
    pub col_limit: &'static str,
    pub col_due: &'static str,
    pub working_days: fn(u32) -> String,
    pub provisional: &'static str,
    pub calendar_note: &'static str,
    pub holder_now: &'static str,
    pub history_title: &'static str,
    pub event: fn(&str) -> &'static str,
    pub reason: fn(RejectReason) -> &'static str,
    pub reason_next: fn(RejectReason) -> &'static str,
    pub rejected_title: &'static str,
    pub material_title: &'static str,
    pub material_label: &'static str,
    pub material_submit: &'static str,
    pub withdraw_title: &'static str,
    pub withdraw_hint: &'static str,
    pub withdraw_confirm: &'static str,
    pub withdraw_submit: &'static str,
    pub completed_body: fn(i64) -> String,
    pub contact_label: &'static str,
    pub carried_label: &'static str,
    pub carried_line: fn(&str, i64, &str) -> String,
    // Back office
    pub queue_title: &'static str,
    pub queue_intro: &'static str,
    pub queue_empty: &'static str,
    pub col_person: &'static str,
    pub overdue_link: &'static str,
    pub overdue_title: &'static str,
    pub overdue_intro: &'static str,
    pub overdue_empty: &'static str,
    pub leg_title: fn(&str) -> String,
    pub back_to_queue: &'static str,
    pub applicant: &'static str,
    pub id_number: &'static str,
    pub old_place_record: &'static str,
    pub old_place_facts: fn(i64, i64, Option<&str>) -> String,
    pub decision_title: &'static str,
    pub decision_legend: &'static str,
    pub decision_accept: fn(Step) -> &'static str,
    pub decision_reject: &'static str,
    pub decision_ask: &'static str,
    pub reason_label: &'static str,
    pub reason_hint: &'static str,
    pub decision_note: &'static str,
    pub decision_note_hint: &'static str,
    pub decide_submit: &'static str,
    pub decided_notice: &'static str,
    pub not_decidable: &'static str,
    pub field_place_unknown: &'static str,
    pub field_not_ready: &'static str,
    pub field_reason_unknown: &'static str,
    pub field_material_note: &'static str,
    pub field_decision_unknown: &'static str,
    pub field_exception_not_asked: &'static str,
    pub field_exception_unknown: &'static str,
}

pub static ZH: TransferTexts = TransferTexts {
    nav_requests: "转移接续",
    list_title: "转移接续申请",
    list_intro: "换了城市工作，养老和医疗保险可以随您转过去。在这里提交申请，随时查看办到哪一步、由哪个经办机构办理、何时到期。",
    start_title: "办理新申请",
    kind: |k| match k {
        TransferKind::Pension => "养老保险关系转移接续",
        TransferKind::Medical => "医保关系转移接续",
    },
    kind_hint: |k| match k {
        TransferKind::Pension => {
            "把原参保地的职工养老保险关系、缴费年限和个人账户转到现在的参保地。转入地、转出地各办一步，每步法定时限 15 个工作日。"
        }
        TransferKind::Medical => {
            "把原参保地的职工医保缴费年限和个人账户余额转到现在的参保地。转出 10 个工作日（个人账户余额随转出一并划转），转入 5 个工作日。"
        }
    },
    list_empty: "您还没有提交过转移接续申请。",
    col_reference: "受理编号",
    col_kind: "业务",
    col_places: "转出地 → 转入地",
    col_status: "状态",
    col_holder: "当前经办机构",
    col_submitted: "提交时间",
    status: |s| match s {
        RequestStatus::InProgress => "办理中",
        RequestStatus::Completed => "已办结",
        RequestStatus::Rejected => "未通过",
        RequestStatus::Withdrawn => "已撤回",
    },
    overdue: "已超期",
    back_to_list: "返回转移接续申请",
    back_to_tasks: "返回申请步骤",
    tasks_intro: "请完成以下步骤。每一步的答案都保存在服务器上，可以随时离开，稍后在任何设备上继续。",
    step: |s| match s {
        DraftStep::Places => "选择转出地和转入地",
        DraftStep::Contact => "填写联系方式",
        DraftStep::Check => "检查并提交",
    },
    step_done: "已完成",
    step_todo: "未开始",
    step_blocked: "暂不能开始",
    from_legend: "转出地（原参保地）",
    from_hint: "您曾经参保、现已停止缴费的地方。",
    to_legend: "转入地（现参保地）",
    to_hint: "您现在正在缴费的地方。",
    months_paid: |n| format!("已缴费 {n} 个月"),
    no_from_choices: "您的记录中没有可以转出的参保关系。",
    no_to_choices: "您的记录中没有正在缴费的参保关系：转入地必须是您现在参保缴费的地方。",
    save_continue: "保存并继续",
    phone_label: "联系电话",
    phone_hint: "经办机构有问题时会打这个手机号码联系您。",
    note_label: "补充说明（选填）",
    note_hint: "最多 500 字。",
    precheck_title: "办理条件预检",
    precheck_all_met: "您满足全部办理条件。",
    precheck_unmet_intro: "以下条件尚未满足，申请暂不能提交：",
    unmet: |u| match u {
        Unmet::SamePlace => "转出地和转入地相同，无需转移。".into(),
        Unmet::NoRelationshipThere => "您在转出地没有职工参保关系。".into(),
        Unmet::StillActive => {
            "您在转出地仍在缴费。须先由原单位办理停保（参保关系暂停）后才能转出。".into()
        }
        Unmet::AlreadyTransferring => "转出地的参保关系已在转移中。".into(),
        Unmet::RelationshipEnded => {
            "您在转出地的参保关系已经终止（例如已经转出），没有可以再转的内容。".into()
        }
        Unmet::ReceivingBenefits => "您已经在领取养老金，参保关系不能再转移。".into(),
        Unmet::NotInsuredAtNewPlace => "转入地必须是您现在参保缴费的地方。".into(),
        Unmet::AlreadyRequested { reference } => {
            format!("您已有一笔同类申请（{reference}）正在办理。")
        }
    },
    change_title: "这是变更登记，不是转移",
    change_body: |from, to, province, since| {
        format!(
            "{from}和{to}同属{province}，养老保险实行省级统筹：在省内两个城市之间流动只需变更登记，不转移参保关系，也不转移统筹基金，无需提交申请。新参保地的经办机构为您办理变更登记{}；您在两个城市的缴费年限合并计算为在{province}的年限。",
            since
                .map(|m| format!("，您的记录从 {} 起显示{to}", month_label(m)))
                .unwrap_or_default()
        )
    },
    change_source: "依据：国办发〔2009〕66号；养老保险省级统筹。个别省份的登记手续以当地经办机构为准。",
    temporary_title: "新参保地为您建立的是临时缴费账户",
    temporary_body: |age, started, to, hukou| {
        format!(
            "您在{to}开始参保时（{}）已满 {age} 周岁（男满 50 周岁、女满 40 周岁），且{to}不是您的户籍地（{hukou}）。按规定，您的基本养老保险关系继续保留在原参保地，{to}为您建立临时缴费账户，记录单位和个人的全部缴费；您再次跨省流动或达到领取条件时，临时账户中的缴费本息归集到原参保地或待遇领取地。临时缴费账户所在地不会成为养老金领取地，这段年限也不计入在当地的“满 10 年”。因此现在无需提交转移申请。",
            month_label(started)
        )
    },
    temporary_source: "依据：国办发〔2009〕66号第三条、第六条。",
    exception_legend: "以下情况是否适用于您？",
    exception_hint: "如果适用，参保关系可以正常转入，经办机构会核查证明材料。各地认定的材料可能不同，以转入地经办机构为准。",
    exception_none: "都不适用",
    exception: |e| match e {
        TemporaryException::HukouMovedIn => "我的户籍已迁入转入地（须提供户口簿或户籍证明）",
        TemporaryException::StateArranged => "我是按国家规定由组织调动到转入地的（须提供调动文件）",
    },
    exception_save: "保存答案",
    exception_answer_label: "临时缴费账户的例外情况（申请人的回答）",
    exception_applied: |e| match e {
        TemporaryException::HukouMovedIn => {
            "您回答户籍已迁入转入地：参保关系可以正常转入，转入地经办机构会核查户籍证明。"
        }
        TemporaryException::StateArranged => {
            "您回答是按国家规定由组织调动：参保关系可以正常转入，转入地经办机构会核查调动文件。"
        }
    },
    arrears_title: "转出地有欠缴月份",
    arrears_body: |months| {
        format!(
            "您在转出地有 {} 个月欠缴：{}。欠缴不影响办理转移，但这些月份不计入缴费年限，也不转移资金，除非您在转移前补缴；上面的预计转移内容已经不含这些月份。",
            months.len(),
            runs_label(months, " 至 ", "，")
        )
    },
    arrears_source: "依据：人社部规〔2016〕5号。",
    estimate_title: "预计转移内容",
    estimate_months: "缴费月数",
    estimate_account: "个人账户（含利息）",
    estimate_pooled: "统筹基金（1998 年起各年缴费基数之和的 12%）",
    estimate_note: |k| match k {
        TransferKind::Pension => {
            "这是按您目前记录算出的估算。实际金额以转出地经办机构核定为准；其中不含转出地未记账的利息，也不含 1998 年以前的统筹基金。"
        }
        TransferKind::Medical => {
            "这是按您目前记录算出的估算，个人账户余额以转出地经办机构划转时为准。"
        }
    },
    paying_place: "转移后预计的养老金领取地",
    check_title: "检查您的答案",
    change: "修改",
    submit: "提交申请",
    submit_note: "提交后，申请立即送达第一个经办机构，您可以随时查看进度。在任何经办机构受理之前，您可以撤回。",
    not_ready: "请先完成前面的步骤，并满足全部办理条件。",
    detail_title: |r| format!("申请 {r}"),
    submitted_title: "申请已提交",
    submitted_body: |r| format!("您的受理编号是 {r}。请记下它，咨询时报给工作人员。"),
    next_steps: |k| match k {
        TransferKind::Pension => {
            "接下来：转入地经办机构在 15 个工作日内审核并向转出地发出联系函；转出地在 15 个工作日内核查、转移资金并终止原参保关系；转入地再在 15 个工作日内合并记录。每一步都会通知您。"
        }
        TransferKind::Medical => {
            "接下来：转出地经办机构在 10 个工作日内办理转出，并把个人账户余额一并划转；转入地在 5 个工作日内办理转入。每一步都会通知您。"
        }
    },
    withdrawn_notice: "申请已撤回。",
    answered_notice: "补充材料已提交，经办机构的办理时限继续计算。",
    legs_title: "办理进度",
    step_name: |s| match s {
        Step::ContactLetter => "转入地审核并发出联系函",
        Step::FundsTransfer => "转出地核查欠费、转移资金、终止原关系",
        Step::RecordMerge => "转入地合并记录",
        Step::TransferOut => "转出地办理转出并划转账户余额",
        Step::TransferIn => "转入地办理转入",
        Step::AccountCredit => "个人账户余额划入",
    },
    leg_status: |s| match s {
        LegStatus::Waiting => "等待上一步",
        LegStatus::Open => "办理中",
        LegStatus::AwaitingMaterial => "等待您补充材料（计时暂停）",
        LegStatus::Done => "已完成",
        LegStatus::Rejected => "未通过",
        LegStatus::Cancelled => "已取消",
    },
    col_step: "步骤",
    col_office: "经办机构",
    col_limit: "法定时限",
    col_due: "到期日",
    working_days: |n| format!("{n} 个工作日"),
    provisional: "（暂定）",
    calendar_note: "工作日不含周末和国家法定节假日，按国务院办公厅公布的放假安排（含调休上班日）计算。“暂定”的到期日落在尚未公布放假安排的年份，只扣除了周末和固定日期的节日。",
    holder_now: "当前由",
    history_title: "办理记录",
    event: |e| match e {
        "submitted" => "提交申请",
        "accepted" => "受理通过",
        "completed" => "办结",
        "rejected" => "不予通过",
        "material_asked" => "要求补充材料",
        "material_answered" => "补充了材料",
        "withdrawn" => "撤回申请",
        _ => "处理",
    },
    reason: |r| match r {
        RejectReason::NotSuspended => "原参保关系尚未停保",
        RejectReason::ReceivingBenefits => "已在领取待遇",
        RejectReason::IdentityMismatch => "身份信息与记录不符",
        RejectReason::NoRecordHere => "本地没有您的参保记录",
        RejectReason::MaterialMissing => "未按要求补充材料",
    },
    reason_next: |r| match r {
        RejectReason::NotSuspended => "请原单位先办理停保，停保后重新提交申请。",
        RejectReason::ReceivingBenefits => "领取待遇后参保关系不能转移。如有疑问，请拨打 12333。",
        RejectReason::IdentityMismatch => "请带身份证到任一经办机构核实身份信息，更正后重新提交。",
        RejectReason::NoRecordHere => {
            "请核对转出地是否选对，在“参保记录”中查看您参保过的地方后重新提交。"
        }
        RejectReason::MaterialMissing => "请准备好经办机构要求的材料后重新提交申请。",
    },
    rejected_title: "申请未通过",
    material_title: "经办机构要求补充材料",
    material_label: "您的答复",
    material_submit: "提交补充材料",
    withdraw_title: "撤回申请",
    withdraw_hint: "在任何经办机构受理之前可以撤回。撤回后如需办理，须重新提交。",
    withdraw_confirm: "我确认撤回这笔申请",
    withdraw_submit: "撤回申请",
    completed_body: |m| format!("已办结：转入地的参保记录已并入转出地的 {m} 个月缴费和个人账户。"),
    contact_label: "联系电话",
    carried_label: "转入记录",
    carried_line: |from, m, on| format!("{on} 自{from}转入 {m} 个月缴费记录和个人账户"),
    queue_title: "待办业务",
    queue_intro: "本机构经办的转移接续环节，按到期日先后排列。超期的环节标为红色。",
    queue_empty: "目前没有待办环节。",
    col_person: "申请人",
    overdue_link: "超期督办（全部经办机构）",
    overdue_title: "超期督办",
    overdue_intro: "所有经办机构中已超过法定时限仍未办结的环节，超期最久的在前。等待申请人补充材料的环节不计时，不在此列。",
    overdue_empty: "没有超期的环节。",
    leg_title: |r| format!("办理 {r}"),
    back_to_queue: "返回待办业务",
    applicant: "申请人",
    id_number: "公民身份号码",
    old_place_record: "转出地记录",
    old_place_facts: |paid, owed, last| match last {
        Some(last) => format!(
            "已缴 {paid} 个月，欠费 {owed} 个月（不影响转移，未补缴的月份不计年限、不转资金），最后缴费月份 {last}"
        ),
        None => format!(
            "已缴 {paid} 个月，欠费 {owed} 个月（不影响转移，未补缴的月份不计年限、不转资金）"
        ),
    },
    decision_title: "办理决定",
    decision_legend: "选择办理决定",
    decision_accept: |s| match s {
        Step::ContactLetter => "审核通过，发出联系函",
        Step::FundsTransfer => "核查无欠费，资金已转移，终止本地关系",
        Step::RecordMerge => "记录已合并，办结",
        Step::TransferOut => "同意转出（同时划转个人账户余额）",
        Step::TransferIn => "同意转入，办结",
        Step::AccountCredit => "余额已划入，办结",
    },
    decision_reject: "不予通过（须选择原因）",
    decision_ask: "要求补充材料（计时暂停，直到申请人答复）",
    reason_label: "不予通过的原因",
    reason_hint: "申请人会看到原因和下一步该怎么做。",
    decision_note: "说明",
    decision_note_hint: "要求补充材料时必填：写清需要什么。最多 500 字。",
    decide_submit: "提交决定",
    decided_notice: "决定已记录，申请人已收到通知。",
    not_decidable: "这个环节现在不在本机构办理中，无需决定。",
    field_place_unknown: "请从列表中选择。",
    field_not_ready: "请先完成前面的步骤，并满足全部办理条件。",
    field_reason_unknown: "请从列表中选择原因。",
    field_material_note: "请写明需要补充什么材料。",
    field_decision_unknown: "请选择一个决定。",
    field_exception_not_asked: "这次转移不涉及临时缴费账户，无需回答。",
    field_exception_unknown: "请从列表中选择一项。",
};

pub static EN: TransferTexts = TransferTexts {
    nav_requests: "Transfers",
    list_title: "Transfer requests",
    list_intro: "When you move to work in another city, your pension and medical insurance can move with you. Submit a request here and see at any time which step it is at, which office holds it and when that step is due.",
    start_title: "Start a request",
    kind: |k| match k {
        TransferKind::Pension => "Pension insurance transfer",
        TransferKind::Medical => "Medical insurance transfer",
    },
    kind_hint: |k| match k {
        TransferKind::Pension => {
            "Moves your employee pension relationship, contribution years and personal account from a former place to where you are insured now. Each office has 15 working days per step."
        }
        TransferKind::Medical => {
            "Moves your employee medical insurance years and account balance from a former place to where you are insured now: transfer-out 10 working days (the account balance moves with it), transfer-in 5."
        }
    },
    list_empty: "You have not submitted a transfer request yet.",
    col_reference: "Reference",
    col_kind: "Request",
    col_places: "From → to",
    col_status: "Status",
    col_holder: "Office holding it",
    col_submitted: "Submitted",
    status: |s| match s {
        RequestStatus::InProgress => "In progress",
        RequestStatus::Completed => "Completed",
        RequestStatus::Rejected => "Not approved",
        RequestStatus::Withdrawn => "Withdrawn",
    },
    overdue: "Overdue",
    back_to_list: "Back to transfer requests",
    back_to_tasks: "Back to the steps",
    tasks_intro: "Complete these steps. Each answer is saved on the server, so you can leave and continue later on any device.",
    step: |s| match s {
        DraftStep::Places => "Choose where from and where to",
        DraftStep::Contact => "Give a contact number",
        DraftStep::Check => "Check and submit",
    },
    step_done: "Completed",
    step_todo: "Not started",
    step_blocked: "Cannot start yet",
    from_legend: "Transfer from (former place)",
    from_hint: "A place where you were insured and no longer contribute.",
    to_legend: "Transfer to (current place)",
    to_hint: "The place where you contribute now.",
    months_paid: |n| format!("{n} months paid"),
    no_from_choices: "Your record has no relationship that can be transferred out.",
    no_to_choices: "Your record has no relationship you contribute to now: the new place must be where you are insured now.",
    save_continue: "Save and continue",
    phone_label: "Contact phone",
    phone_hint: "The offices call this mobile number if they have questions.",
    note_label: "Anything to add (optional)",
    note_hint: "Up to 500 characters.",
    precheck_title: "Conditions check",
    precheck_all_met: "You meet every condition.",
    precheck_unmet_intro: "These conditions are not met yet, so the request cannot be submitted:",
    unmet: |u| {
        match u {
        Unmet::SamePlace => "The two places are the same: there is nothing to transfer.".into(),
        Unmet::NoRelationshipThere => "You have no employee insurance relationship at the former place.".into(),
        Unmet::StillActive => "You still contribute at the former place. Your former employer must first suspend the relationship.".into(),
        Unmet::AlreadyTransferring => "The relationship at the former place is already being transferred.".into(),
        Unmet::RelationshipEnded => "Your relationship at the former place has ended (it was transferred out, for example): there is nothing left to move.".into(),
        Unmet::ReceivingBenefits => "You already receive a pension, so the relationship can no longer be transferred.".into(),
        Unmet::NotInsuredAtNewPlace => "The new place must be where you contribute now.".into(),
        Unmet::AlreadyRequested { reference } => format!("A request of this kind ({reference}) is already in progress."),
    }
    },
    change_title: "A change of registration, not a transfer",
    change_body: |from, to, province, since| {
        format!(
            "{from} and {to} are both in {province}, where pension insurance is pooled at the provincial level: moving between two of its cities only changes your registration. The relationship and the pooled fund do not move, and there is nothing to apply for. The office at the new place records the change{}; your years in both cities count together as years in {province}.",
            since
                .map(|m| format!(" (your record shows {to} from {})", month_label(m)))
                .unwrap_or_default()
        )
    },
    change_source: "Source: 国办发〔2009〕66号; pensions are pooled by province. Registration steps vary by province: the local office has the final word.",
    temporary_title: "The new place holds a temporary contribution account for you",
    temporary_body: |age, started, to, hukou| {
        format!(
            "When your insurance started in {to} ({}) you were {age} (men from 50, women from 40), and {to} is not your hukou place ({hukou}). Under the rules your pension relationship stays at the former place, and {to} keeps a temporary account recording every contribution, yours and your employer's. When you next move to another province, or reach pension age, its contributions and interest are gathered into the former place or the place paying your pension. A place with a temporary account never becomes the place paying your pension, and its years do not count towards that place's ten years. So there is no transfer to apply for now.",
            month_label(started)
        )
    },
    temporary_source: "Source: 国办发〔2009〕66号, articles 3 and 6.",
    exception_legend: "Does one of these apply to you?",
    exception_hint: "If one does, the relationship can move in as usual and the office checks the evidence. What counts as evidence varies by place: the new place's office decides.",
    exception_none: "None of these",
    exception: |e| match e {
        TemporaryException::HukouMovedIn => {
            "My hukou has moved to the new place (household register or hukou certificate)"
        }
        TemporaryException::StateArranged => {
            "The state arranged my move to the new place (the transfer order)"
        }
    },
    exception_save: "Save answer",
    exception_answer_label: "Temporary account exception (the applicant's answer)",
    exception_applied: |e| match e {
        TemporaryException::HukouMovedIn => {
            "You answered that your hukou has moved to the new place: the relationship can move in as usual, and the new place's office will check your hukou certificate."
        }
        TemporaryException::StateArranged => {
            "You answered that the state arranged your move: the relationship can move in as usual, and the new place's office will check the transfer order."
        }
    },
    arrears_title: "Months unpaid at the former place",
    arrears_body: |months| {
        format!(
            "You have {} unpaid month(s) at the former place: {}. They do not stop the transfer, but unless you pay them before it they do not count as contribution years and move no funds; the estimate above already leaves them out.",
            months.len(),
            runs_label(months, " to ", ", ")
        )
    },
    arrears_source: "Source: 人社部规〔2016〕5号.",
    estimate_title: "What is expected to move",
    estimate_months: "Months of contributions",
    estimate_account: "Personal account (with interest)",
    estimate_pooled: "Pooled fund (12% of each year's bases since 1998)",
    estimate_note: |k| match k {
        TransferKind::Pension => {
            "An estimate from your record as it stands. The former place's office fixes the actual amounts; it leaves out interest not yet credited there and any pooled funds from before 1998."
        }
        TransferKind::Medical => {
            "An estimate from your record as it stands; the balance moved is the one on the day the former place transfers it."
        }
    },
    paying_place: "Where your pension is expected to be paid after the move",
    check_title: "Check your answers",
    change: "Change",
    submit: "Submit the request",
    submit_note: "Once submitted, the request goes straight to the first office and you can follow it here. You can withdraw it until an office accepts it.",
    not_ready: "Complete the steps above and meet every condition first.",
    detail_title: |r| format!("Request {r}"),
    submitted_title: "Request submitted",
    submitted_body: |r| format!("Your reference is {r}. Keep it and quote it when you call."),
    next_steps: |k| match k {
        TransferKind::Pension => {
            "Next: the new place's office reviews it and sends a contact letter within 15 working days; the former place checks arrears, moves the funds and ends the old relationship within 15; the new place then merges the record within 15. You are told at every step."
        }
        TransferKind::Medical => {
            "Next: the former place transfers you out within 10 working days, moving the account balance with it; the new place transfers you in within 5. You are told at every step."
        }
    },
    withdrawn_notice: "The request was withdrawn.",
    answered_notice: "Your material was sent, and the office's time limit runs again.",
    legs_title: "Progress",
    step_name: |s| match s {
        Step::ContactLetter => "New place reviews and sends the contact letter",
        Step::FundsTransfer => "Former place checks arrears, moves funds, ends the relationship",
        Step::RecordMerge => "New place merges the record",
        Step::TransferOut => "Former place transfers out, with the account balance",
        Step::TransferIn => "New place transfers in",
        Step::AccountCredit => "Account balance credited",
    },
    leg_status: |s| match s {
        LegStatus::Waiting => "Waiting for the step before",
        LegStatus::Open => "With the office",
        LegStatus::AwaitingMaterial => "Waiting for your material (clock paused)",
        LegStatus::Done => "Done",
        LegStatus::Rejected => "Not approved",
        LegStatus::Cancelled => "Cancelled",
    },
    col_step: "Step",
    col_office: "Office",
    col_limit: "Legal limit",
    col_due: "Due",
    working_days: |n| format!("{n} working days"),
    provisional: " (provisional)",
    calendar_note: "Working days skip weekends and public holidays, by the State Council's published holiday arrangements (make-up working days count). A provisional due date falls in a year whose arrangement is not yet published: only weekends and fixed-date holidays were skipped.",
    holder_now: "Now with",
    history_title: "History",
    event: |e| match e {
        "submitted" => "Submitted",
        "accepted" => "Accepted",
        "completed" => "Completed",
        "rejected" => "Not approved",
        "material_asked" => "Asked for material",
        "material_answered" => "Material provided",
        "withdrawn" => "Withdrawn",
        _ => "Processed",
    },
    reason: |r| match r {
        RejectReason::NotSuspended => "The old relationship is not suspended",
        RejectReason::ReceivingBenefits => "Already receiving benefits",
        RejectReason::IdentityMismatch => "Identity does not match the record",
        RejectReason::NoRecordHere => "No record of you at this office",
        RejectReason::MaterialMissing => "Material asked for was not provided",
    },
    reason_next: |r| match r {
        RejectReason::NotSuspended => {
            "Ask your former employer to suspend the relationship, then submit again."
        }
        RejectReason::ReceivingBenefits => {
            "A relationship paying benefits cannot be transferred. Call 12333 with questions."
        }
        RejectReason::IdentityMismatch => {
            "Take your ID card to any office to have your details checked, then submit again."
        }
        RejectReason::NoRecordHere => {
            "Check the former place: your records list every place you were insured. Then submit again."
        }
        RejectReason::MaterialMissing => {
            "Prepare the material the office asked for and submit again."
        }
    },
    rejected_title: "Not approved",
    material_title: "The office asks for more material",
    material_label: "Your answer",
    material_submit: "Send the material",
    withdraw_title: "Withdraw the request",
    withdraw_hint: "You can withdraw until an office accepts it. To go ahead later, submit a new request.",
    withdraw_confirm: "I confirm I want to withdraw this request",
    withdraw_submit: "Withdraw",
    completed_body: |m| {
        format!(
            "Completed: the new place's record now carries the former place's {m} months and the personal account."
        )
    },
    contact_label: "Contact phone",
    carried_label: "Transferred in",
    carried_line: |from, m, on| format!("{m} months and the personal account from {from}, on {on}"),
    queue_title: "Work queue",
    queue_intro: "Transfer steps held by your office, earliest due first. Overdue steps are marked in red.",
    queue_empty: "Nothing is waiting for your office.",
    col_person: "Applicant",
    overdue_link: "Overdue steps (all offices)",
    overdue_title: "Overdue steps",
    overdue_intro: "Steps past their legal limit in every office, most overdue first. Steps waiting for the applicant's material do not count time and are not listed.",
    overdue_empty: "No step is overdue.",
    leg_title: |r| format!("Process {r}"),
    back_to_queue: "Back to the work queue",
    applicant: "Applicant",
    id_number: "Resident ID",
    old_place_record: "Record at the former place",
    old_place_facts: |paid, owed, last| match last {
        Some(last) => format!(
            "{paid} months paid, {owed} owed (no reason to refuse: unpaid months count for nothing and move no funds), last month {last}"
        ),
        None => format!(
            "{paid} months paid, {owed} owed (no reason to refuse: unpaid months count for nothing and move no funds)"
        ),
    },
    decision_title: "Decision",
    decision_legend: "Choose what to do",
    decision_accept: |s| match s {
        Step::ContactLetter => "Approve and send the contact letter",
        Step::FundsTransfer => "No arrears; funds moved; end the local relationship",
        Step::RecordMerge => "Record merged; complete the request",
        Step::TransferOut => "Approve the transfer-out (the account balance moves with it)",
        Step::TransferIn => "Approve the transfer-in; complete the request",
        Step::AccountCredit => "Balance credited; complete the request",
    },
    decision_reject: "Do not approve (choose a reason)",
    decision_ask: "Ask for more material (the clock pauses until the applicant answers)",
    reason_label: "Reason for not approving",
    reason_hint: "The applicant sees the reason and what to do next.",
    decision_note: "Note",
    decision_note_hint: "Required when asking for material: say what is needed. Up to 500 characters.",
    decide_submit: "Record the decision",
    decided_notice: "The decision is recorded and the applicant has been told.",
    not_decidable: "This step is not with your office now: there is nothing to decide.",
    field_place_unknown: "Choose one from the list.",
    field_not_ready: "Complete the steps above and meet every condition first.",
    field_reason_unknown: "Choose a reason from the list.",
    field_material_note: "Say what material is needed.",
    field_decision_unknown: "Choose a decision.",
    field_exception_not_asked: "This move involves no temporary account: there is nothing to answer.",
    field_exception_unknown: "Choose one from the list.",
};
