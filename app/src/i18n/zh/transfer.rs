//! Chinese texts of transfers: the citizen's requests (task list, steps, check page, tracking) and
//! the back office (queue, leg, decision, overdue list).

use crate::i18n::transfer::{TransferTexts, runs_label};
use crate::models::insurance::month_label;
use crate::models::transfer::{
    DraftStep, LegStatus, RejectReason, RequestStatus, Step, TemporaryException, TransferKind,
    Unmet,
};

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
