//! English texts of transfers: the citizen's requests (task list, steps, check page, tracking) and
//! the back office (queue, leg, decision, overdue list).

use crate::i18n::transfer::{TransferTexts, runs_label};
use crate::models::insurance::month_label;
use crate::models::transfer::{
    DraftStep, LegStatus, RejectReason, RequestStatus, Step, TemporaryException, TransferKind,
    Unmet,
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
