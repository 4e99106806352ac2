//! Chinese texts of relatives who help.

use crate::i18n::relatives::RelativesTexts;
use crate::models::relatives::GrantState;

pub static ZH: RelativesTexts = RelativesTexts {
    nav: "亲情代办",
    title: "亲情代办",
    intro: "您可以授权子女等亲属的金保账号帮您查看社保信息，也可以允许他们代您开证明、办理异地就医备案、养老金资格认证和转移接续等申请。授权最长一年，您和亲属都可以随时结束。亲属不能修改您的密码、手机号、两步验证或授权。亲属的每一次查看和操作都记录在“谁查看了我的信息”中。",
    given_title: "我授权的亲属",
    given_empty: "您还没有授权任何亲属。",
    received_title: "授权我帮忙的家人",
    received_empty: "还没有家人授权您。",
    form_title: "授权一位亲属",
    resident_id_label: "亲属的身份证号",
    resident_id_hint: "亲属须已开通金保账号。",
    phone_label: "亲属手机号的后四位",
    phone_hint: "用来确认是这位亲属本人的账号。",
    may_act_label: "允许代我办理业务（开证明、异地就医备案、养老金资格认证、转移接续等申请）",
    may_act_hint: "不勾选则只能查看。",
    months_label: "授权期限",
    months_option: |m| {
        if m == 12 {
            "一年".into()
        } else {
            format!("{m} 个月")
        }
    },
    submit: "发出授权",
    offered_notice: "授权已发出。亲属接受后即可帮您。",
    ended_notice: "授权已结束。",
    state: |s| match s {
        GrantState::Offered => "等待接受",
        GrantState::Active => "生效中",
        GrantState::Declined => "已拒绝",
        GrantState::Ended => "已结束",
        GrantState::Lapsed => "已到期",
    },
    may_act_yes: "可查看，可代办",
    may_act_no: "仅可查看",
    dates: |from, to| format!("{from} 授权，至 {to}"),
    end: "结束授权",
    accept: "接受",
    decline: "拒绝",
    act_for: |name| format!("为 {name} 办理"),
    read_only_note: "您正在代他人操作：这里只能查看授权，不能更改。",
    banner_who: |relative, person| format!("{relative}，您正在帮助 {person}（亲情代办）"),
    banner_may_act: "可查看，可代办",
    banner_view_only: "仅可查看",
    banner_logged: "您的每一次查看和操作都会记录在对方的“谁查看了我的信息”中。",
    banner_end: "结束代办",
    on_behalf: |name| format!("由亲属 {name} 代为操作（亲情代办）"),
    watermark: |name| format!("亲情代办：由亲属 {name} 代为取得"),
    err_view_only: "这份亲情代办授权只允许查看，不能办理业务。",
    err_never: "亲属代办不能修改密码、手机号、两步验证或授权，也不能再授权他人，这些只能由本人办理。",
    field_no_such_relative: "没有找到与此身份证号和手机号后四位相符的金保账号。请核对，或请亲属先开通账号。",
    field_already_authorised: "您已授权这位亲属，或授权正在等待对方接受。",
    field_self: "不能授权您自己的账号。",
};
